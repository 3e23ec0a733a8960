"""Sections 16-17: disclosing information, and requiring it for a local policing body.

:func:`may_disclose` (a disclosure under s.16) and :func:`may_require_information` (a local
policing body requiring information for its s.14 functions, which must be supplied: s.17(4))
apply the four carve-outs of s.16(4) / s.17(6), reading the definitions of s.10(10).

Example:
    >>> InformationFacts(personal_information=False).patient_information is None
    True
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Iterable

from svduty._checked import checked
from svduty.answers import Answer, Reason
from svduty.authorities._answering import answer, held, in_force, reason
from svduty.authorities._authority import Authority, DistrictsWithin
from svduty.authorities._categories import Role
from svduty.authorities._information_facts import (
    InformationFacts,
    carve_outs,
    conditions,
    gather,
)
from svduty.authorities._model import Authorities
from svduty.authorities._one_fire_authority import one_area_pair
from svduty.authorities._one_provider import both_secretary_of_state, one_provider_citation
from svduty.authorities._request_area import recipient_area
from svduty.authorities._rows_read import listed
from svduty.authorities._two_records import are_one_body
from svduty.periods import Period
from svduty.sources import Confidence, cite

__all__ = ["InformationFacts", "may_disclose", "may_require_information"]

_CHAPTER_1_ROLES = frozenset(
    {Role.SPECIFIED_AUTHORITY, Role.RELEVANT_AUTHORITY, Role.LOCAL_POLICING_BODY}
)

_S10_2 = (
    "s.16 does not reach {name}, not a person it lists; that is no answer to whether the "
    "disclosure is lawful otherwise: regulations under s.10(2) may authorise a disclosure "
    "by a prescribed person to, or to a prescribed person by, a specified authority, local "
    "policing body or relevant authority (s.10(3)), never of patient information nor of "
    "personal information by a health or social care authority (s.10(6)), and other powers "
    "to disclose are not affected (s.10(7), s.16(7))"
)
_S10_2_NEITHER = (
    "s.16 does not reach {name}, neither a person it lists; nor can regulations under "
    "s.10(2), which authorise a disclosure only between a prescribed person and a specified "
    "authority, local policing body or relevant authority (s.10(3)); whether the disclosure "
    "is lawful otherwise is no question of s.16: other powers to disclose are not affected "
    "(s.10(7), s.16(7))"
)
_S10_2_CITATION = cite(
    "pcsc-act-2022",
    "s.10(2), (3), (6), (7), s.16(7)",
    confidence=Confidence.UNCONFIRMED,
    doubt="no regulations under s.10 are recorded or known to svduty; whether any have been "
    "made, and prescribe this partner, is not recorded",
)


def _one_person(discloser: Authority, recipient: Authority, *, known: bool = True) -> Reason:
    """The s.16(1) reason why two records may be, or are, one person: no "another person"."""
    names = f"{discloser.name} and {recipient.name}"
    sos = both_secretary_of_state(discloser, recipient)
    if sos is False or (known and sos is None):  # same_body_as joins them, not OMA s.3(6)(b)
        says = f"{names} are one legal body in two capacities"
        return reason("s.16(1)", f"{says}: s.16 is about disclosure to another person")
    if known:
        says = f"{names} are both the Secretary of State as provider of probation services"
    else:  # one record does not say whether its provider is the Secretary of State
        says = f"not known: whether {names} are both the Secretary of State as provider"
    says += " (Offender Management Act 2007 s.3(6)(b)), one person: s.16 is about disclosure"
    return Reason("s.16(1)", f"{says} to another person", one_provider_citation())


@checked
def may_disclose(
    discloser: Authority,
    recipient: Authority,
    facts: InformationFacts,
    *,
    on: _dt.date | str | None = None,
    authorities: Authorities | None = None,
) -> Answer:
    """Whether s.16 authorises a disclosure of information from one authority to another.

    s.16(1)-(2): a specified authority, local policing body or relevant authority (the
    persons s.16(2) lists) may disclose information that it holds for the purposes of its
    functions to another such authority, for that other's Chapter 1 functions (s.16(1)).
    It is a power, not a duty (s.16(1)). s.16(4) does not authorise disclosing (a) patient
    information, (b) personal information by a health or social care authority, (c) in
    breach of the data protection legislation, (d) in breach of the Investigatory Powers
    Act 2016. Two records of one legal body
    (``same_body_as``: the Common Council as local authority and as police authority) are
    not "another person" (s.16(1)): the answer is ``no``, s.16 being neither applicable nor
    needed. Two records not joined of one area's one fire and rescue authority, or one
    police area's chief officer, both holding, are ``undetermined`` naming ``same_body_as``
    (law52). Asked about a day (``on``) before
    31 January 2023, when s.16 came into force, the answer is ``no``, as it is for a day
    outside either record's period (a body abolished is no person of s.16(2)).

    Whether the two are "another person" is read from their ``same_body_as`` links, each
    naming its body's main record (the rule every collection holds): the two records
    answer alone. Given the collection they come from (``authorities``), each record must
    be its own (else a :class:`~svduty.errors.ConflictError`).

    Args:
        discloser: The authority disclosing.
        recipient: The authority disclosed to.
        facts: What is known about the information.
        on: The day asked about (``None``: the law in force now).
        authorities: The collection both records come from (a partnership's
            ``authorities``): each record must be its own (else a ``ConflictError``);
            ``None``: the two records alone, read as they say (a ``same_body_as`` names
            the body's main record, the rule every collection holds).

    Example:
        >>> from svduty.authorities import AuthorityCategory
        >>> from svduty.sources import cite
        >>> c = cite("pcsc-act-2022", "Sch 1")
        >>> d = Authority("d", "D", AuthorityCategory.DISTRICT_COUNCIL, ("E07000901",), c)
        >>> p = Authority("p", "P", AuthorityCategory.CHIEF_OFFICER_OF_POLICE, ("E23000099",), c)
        >>> a = may_disclose(d, p, InformationFacts(held_for_own_functions=True))
        >>> a.verdict.value, a.missing[0]
        ('undetermined', 'for_recipient_functions (s.16(1))')
    """
    question = f"May {discloser.name} disclose this information to {recipient.name} (s.16)?"
    commenced, not_in_force = in_force("s.16", on)
    reasons, missing, failed = held([discloser, recipient], on, "s.16(2)")
    reasons[:0] = [commenced] if commenced is not None else []
    failed = failed or not_in_force
    outside: dict[str, str] = {}  # id: name
    for who, a in (("discloser", discloser), ("recipient", recipient)):
        if a.role in _CHAPTER_1_ROLES:  # the persons listed in s.16(2)
            reasons.append(listed(a, who))
        else:
            reasons.append(
                reason(
                    "s.16(2)",
                    f"the {who} {a.name} is not a specified authority, local policing body or "
                    "relevant authority",
                )
            )
            failed = True
            outside[a.id] = a.name
    if outside:  # s.16 is not the only power: s.10(2), s.16(7)
        says = _S10_2_NEITHER if len(outside) == 2 else _S10_2
        name = " and ".join(outside.values())
        reasons.append(Reason("s.10(2)", says.format(name=name), _S10_2_CITATION))
    same = are_one_body(discloser, recipient, authorities)  # each record the collection's
    if discloser.id == recipient.id:
        reasons.append(reason("s.16(1)", "s.16 is about disclosure to another authority"))
        failed = True
    elif same:
        reasons.append(_one_person(discloser, recipient))
        failed = True
    elif both_secretary_of_state(discloser, recipient) is None:  # one person, or two
        reasons.append(_one_person(discloser, recipient, known=False))
        missing.append("provider_is_secretary_of_state (s.16(1); OMA 2007 s.3(6))")
    elif (pair := one_area_pair(discloser, recipient, on)) is not None:  # law52
        reasons.append(pair)
        missing.append("same_body_as (s.16(1); one authority for an area)")
    f_reasons, f_missing, f_failed = conditions(
        (
            (
                facts.held_for_own_functions,
                "held_for_own_functions",
                "s.16(1)",
                "held for the purposes of the discloser's functions",
                "not held for the purposes of the discloser's functions",
            ),
            (  # s.16(1): "for the purposes of the exercise by the other person of its
                # functions under or in accordance with this Chapter"
                facts.for_recipient_functions,
                "for_recipient_functions",
                "s.16(1)",
                "disclosed for the recipient's Chapter 1 functions",
                "not for the recipient's Chapter 1 functions",
            ),
        )
    )
    failed = gather(
        reasons,
        missing,
        failed,
        (f_reasons, f_missing, f_failed),
        carve_outs(discloser, facts, "s.16(4)"),
    )
    if not failed and not missing:
        reasons.append(
            reason("s.16(3)", "the disclosure breaches no obligation of confidence or restriction")
        )
    return answer(question, reasons, missing, failed=failed)


@checked
def may_require_information(
    body: Authority,
    recipient: Authority,
    facts: InformationFacts,
    *,
    districts_within: DistrictsWithin,
    relevant_area: Iterable[str] | None = None,
    on: _dt.date | str | None = None,
    area_periods: Callable[[str], Iterable[Period] | None] | None = None,
    authorities: Authorities | None = None,
) -> Answer:
    """Whether a local policing body may require information, which must be supplied (s.17).

    s.17(1)-(2): for its s.14 functions a local policing body may request information from
    a specified or relevant authority for a local government area within its police area;
    s.17(3): the information must be held by the recipient and relate to it, its functions
    or a person it exercises functions in respect of; s.17(4): the recipient must comply,
    subject to s.17(6) (the four carve-outs of s.16(4)). ``yes`` means the recipient must
    comply. Unlike s.16(1) ("to another person"), s.17(1) reaches "any person listed in
    subsection (2)": a body asking itself in another capacity (``same_body_as``: the Common
    Council as police authority and as the City's local authority) is within it, the
    recipient's functions being those of its listed capacity (s.11(3)), and the answer
    says so.

    A local policing body's s.14 functions also reach a s.9 relevant area any part of which
    falls within its police area (s.14(1)(b)), and s.17(1)-(2) let it ask "a specified
    authority for that area", the area in relation to which it exercises them: a recipient
    outside the police area that is an authority for part of a relevant area straddling
    it is within s.17(2), as s.9(4)(a) reads the words; it is ``no`` only when the request
    is known to serve no s.9 relevant area reaching the recipient.

    Args:
        body: The would-be requesting local policing body.
        recipient: The authority asked.
        facts: What is known about the information.
        districts_within: The join callable.
        relevant_area: The local government areas of the s.9 relevant area whose
            functions the request serves; empty when it serves none (s.8 functions only);
            ``None`` when not known.
        on: The day asked about: before 31 January 2023 s.17 was not in force (``no``);
            nor has a body whose record does not hold on it (``no``; with no day, a
            record that has ended leaves the answer ``undetermined``).
        area_periods: The periods of the areas' own records (a partnership's
            ``authorities.area_periods``). An area whose record does not hold on ``on``
            was no local government area that day (s.11(4)): a recipient joined to the
            police area only through such areas is not shown to be an authority for a
            local government area within it (``undetermined``, naming the area to
            record); a relevant area with one is none (``no``), as :func:`may_assist`
            says. Without them the areas are taken as given.
        authorities: The collection both records come from (as :func:`may_disclose`;
            each record must be its own). The answer does not turn on whether the two are
            one body (s.17(1) reaches "any person listed").

    Example:
        >>> from svduty.authorities import AuthorityCategory
        >>> from svduty.sources import cite
        >>> c = cite("pcsc-act-2022", "Sch 1")
        >>> pcc = Authority("pcc", "PCC", AuthorityCategory.LOCAL_POLICING_BODY, ("E23000099",), c)
        >>> d = Authority("d", "D", AuthorityCategory.DISTRICT_COUNCIL, ("E07000901",), c)
        >>> facts = InformationFacts(True, True, True, True, False, True, False, False)
        >>> fake = {"E23000099": ["E07000901"]}
        >>> may_require_information(pcc, d, facts, districts_within=lambda c: fake.get(c, [c])).yes
        True
    """
    question = f"May {body.name} require this information from {recipient.name} (s.17)?"
    commenced, not_in_force = in_force("s.17", on)
    reasons, missing, failed = held([body, recipient], on, "s.17(1)")
    reasons[:0] = [commenced] if commenced is not None else []
    if body.role is not Role.LOCAL_POLICING_BODY:
        reasons.append(reason("s.17(1)", f"{body.name} is not a local policing body"))
        failed = True
    if recipient.role not in {Role.SPECIFIED_AUTHORITY, Role.RELEVANT_AUTHORITY}:
        reasons.append(
            reason("s.17(2)", f"{recipient.name} is not a specified or relevant authority")
        )
        failed = True
    same = are_one_body(body, recipient, authorities, ("body", "recipient"))
    if not failed and same:  # s.17(1) has no "another" (s.16(1) has)
        says = f"{body.name} and {recipient.name} are one legal body in two capacities"
        reasons.append(
            reason(
                "s.17(1)",
                f"{says}: s.17(1) reaches 'any person listed in subsection (2)', not only "
                "another person as s.16(1) does, and the recipient's functions are those of "
                "its listed capacity",
                "s.17(1), s.11(3)",
            )
        )
    if not failed:
        a_reasons, a_missing, failed = recipient_area(
            body, recipient, districts_within, relevant_area, area_periods=area_periods, on=on
        )
        reasons.extend(a_reasons)
        missing.extend(a_missing)
    f_reasons, f_missing, f_failed = conditions(
        (
            (
                facts.for_section_14_functions,
                "for_section_14_functions",
                "s.17(1)",
                "requested for the local policing body's s.14 functions",
                "not requested for s.14 functions",
            ),
            (
                facts.held_by_and_relates_to_recipient,
                "held_by_and_relates_to_recipient",
                "s.17(3)",
                "held by the recipient and relating to it, its functions or a person it serves",
                "not held by the recipient or not relating to it",
            ),
        )
    )
    failed = gather(
        reasons,
        missing,
        failed,
        (f_reasons, f_missing, f_failed),
        carve_outs(recipient, facts, "s.17(6)"),
    )
    failed = failed or not_in_force
    if not failed and not missing:
        reasons.append(reason("s.17(4)", f"{recipient.name} must comply with the request"))
        reasons.append(reason("s.17(7)", "the information may be used only for s.14 functions"))
    return answer(question, reasons, missing, failed=failed)
