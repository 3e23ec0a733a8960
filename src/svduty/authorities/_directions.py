"""Section 18: whether the Secretary of State may direct an authority over a failed duty.

Example:
    >>> DUTIES[Role.RELEVANT_AUTHORITY][0]
    's.15(3)'
"""

from __future__ import annotations

import datetime as _dt

from svduty._checked import checked
from svduty.answers import Answer, Reason
from svduty.authorities._answering import answer, held, in_force, label, reason
from svduty.authorities._authority import Authority, Establishment
from svduty.authorities._categories import AuthorityCategory, Nation, Role
from svduty.errors import ConflictError, DataError, Problem
from svduty.sources import Confidence, cite

__all__ = ["DUTIES", "can_be_directed"]


DUTIES: dict[Role, tuple[str, ...]] = {
    Role.SPECIFIED_AUTHORITY: ("s.8", "s.14(6)", "s.15(3)", "s.17(4)"),
    Role.RELEVANT_AUTHORITY: ("s.15(3)", "s.15(4)", "s.15(5)(b)", "s.17(4)"),
}
"""The duties whose breach may lead to a direction, by role (s.18(1)(a), (b))."""

_ALL_DUTIES = ("s.8", "s.9", "s.14(6)", "s.15(3)", "s.15(4)", "s.15(5)(b)", "s.17(4)")
"""The duties a direction may be asked about: ``DUTIES``' and s.9's, which s.18 leaves out."""

_S9 = (
    "s.18(1)(a) names the duties of s.8, s.14(6), s.15(3) and s.17(4), not those of s.9 "
    "(to consult on a strategy for a relevant area, s.9(4), and to publish it, s.9(8)(a)): "
    "no direction may be given over s.9"
)

_WELSH_FIRE_READING = (
    "a fire and rescue authority in Wales is taken to be a devolved Welsh authority: its "
    "functions are exercisable only in relation to Wales and fire and rescue services are "
    "not a reserved matter"
)
_WELSH_FIRE_CITATION = cite(
    "gowa-2006",
    "s.157A(1)(a), (2)",
    confidence=Confidence.UNCONFIRMED,
    doubt="svduty's reading: Schedule 7A (reserved matters) was not read; law.gov.wales "
    "('Fire and rescue services - what is devolved?') says fire and rescue law in Wales is "
    "generally devolved, reserving only Health and Safety at Work etc. Act 1974 Part 1 "
    "matters; Schedule 9A (named devolved Welsh authorities) was not read either. Give "
    "devolved_welsh_authority to override",
)


_DEVOLVED_CITATION = cite(
    "gowa-2006",
    "s.157A(1)(a), (2)",
    confidence=Confidence.UNCONFIRMED,
    doubt="the definition as s.18(4) and the team's notes give it; the text of s.157A and "
    "Schedule 9A was not read (a legal review could not find it either), as for a Welsh fire "
    "and rescue authority",
)


_CUSTODY = frozenset(
    {AuthorityCategory.PRISON_AUTHORITY, AuthorityCategory.YOUTH_CUSTODY_AUTHORITY}
)
"""The categories whose Schedule 2 rows are not confirmed: whether such an authority is a
devolved Welsh authority (s.18(4)) is the caller's to say, unless its establishment is one
the Secretary of State contracts out (not devolved). A secure children's home a Welsh
council runs may be one."""
_EXCUSED = {
    Role.SPECIFIED_AUTHORITY: ("s.15(3)",),
    Role.RELEVANT_AUTHORITY: ("s.15(3)", "s.15(4)", "s.15(5)(b)"),
}
"""The duties s.15(7) excuses, so far as compliance would cost what it lists."""
_EXCUSE = (
    "only so far as the authority is subject to the duty under {duty}: s.15(7) excuses it so "
    "far as compliance 'would be incompatible with any other duty of the authority imposed "
    "by an enactment (other than subsection (5)(b))', have an adverse effect on its "
    "functions, be disproportionate or cost it unreasonably (the cumulative effect of its "
    "duties under s.15 counted, s.15(8))"
)
_NEVER_EXCUSED = (
    "; never so far as the duty is to collaborate with a specified authority identifying the "
    "kinds or causes of serious violence or preparing its strategy (s.15(9))"
)
"""s.15(9): the limit on s.15(7) and (8), for a relevant authority's duty under s.15(3) only."""
_NOT_EXEMPT = {
    Establishment.CONTRACTED_OUT: "a contracted-out establishment",
    Establishment.SCHOOL: "a school",
    Establishment.OTHER: "an establishment of another kind",
}


@checked
def can_be_directed(
    authority: Authority,
    duty: str,
    *,
    devolved_welsh_authority: bool | None = None,
    welsh_ministers_consent: bool | None = None,
    on: _dt.date | str | None = None,
) -> Answer:
    """Whether the Secretary of State may direct an authority over a failed duty (s.18).

    s.18(1)(a): a specified authority failing a duty under s.8, s.14(6), s.15(3) or
    s.17(4); s.18(1)(b): an educational, prison or youth custody authority failing one under
    s.15(3), (4), (5)(b) or s.17(4); s.18(2): the Secretary of State may then give
    directions to secure compliance. The duties of s.9 (to consult on a strategy for a
    relevant area, s.9(4), and to publish it, s.9(8)(a)) are not among them: asked about
    ``"s.9"`` the answer is ``no``.
    s.18(5): not a probation provider that is the Secretary of State, the governor of a
    prison, young offender institution or secure training centre, or the principal of a
    directly managed secure college. s.18(4): a direction to a devolved Welsh authority
    needs the Welsh Ministers' consent; a fire and rescue authority in Wales is taken to be
    one (an unconfirmed reading of Government of Wales Act 2006 s.157A, stated in the
    answer) unless ``devolved_welsh_authority`` says otherwise. ``yes`` means a direction
    may be given if the Secretary of State is satisfied of the failure (s.18(1)).

    Args:
        authority: The authority.
        duty: The duty failed: one of ``"s.8"``, ``"s.9"``, ``"s.14(6)"``, ``"s.15(3)"``,
            ``"s.15(4)"``, ``"s.15(5)(b)"``, ``"s.17(4)"``.
        devolved_welsh_authority: Whether the authority is a devolved Welsh authority,
            where its category does not say; for a prison or youth custody authority
            (rows not confirmed) it always counts: a secure children's home a Welsh
            council runs may be one. Where the category and nation do say (a Welsh
            council is one, an English authority is not), a value that contradicts them
            is a :class:`~svduty.errors.ConflictError`, never set aside in silence.
        welsh_ministers_consent: Whether the Welsh Ministers consent (s.18(4)).
        on: The day asked about: before 31 January 2023 s.18 (and the duties it
            enforces) was not in force (``no``); an authority whose record does not
            hold on it cannot be directed (``no``; with no day, a record that has ended
            leaves the answer ``undetermined``).

    Raises:
        DataError: for another duty.
        ConflictError: if ``devolved_welsh_authority`` contradicts the authority's category
            and nation.

    Example:
        >>> from svduty.sources import Confidence, cite
        >>> c = cite("pcsc-act-2022", "Sch 1")
        >>> pdu = Authority("pdu", "PDU", AuthorityCategory.PROVIDER_OF_PROBATION_SERVICES,
        ...                 ("E10000099",), c, provider_is_secretary_of_state=True)
        >>> a = can_be_directed(pdu, "s.8")
        >>> a.verdict.value, a.reasons[-1].rule
        ('no', 's.18(5)')
        >>> d = Authority("d", "D", AuthorityCategory.DISTRICT_COUNCIL, ("E07000901",), c)
        >>> can_be_directed(d, "s.9").reasons[0].says[:57]
        's.18(1)(a) names the duties of s.8, s.14(6), s.15(3) and '
    """
    if duty not in _ALL_DUTIES:
        raise DataError.single(None, "duty", expected=f"one of {', '.join(_ALL_DUTIES)}")
    question = f"May the Secretary of State direct {authority.name} over {duty} (s.18)?"
    reasons: list[Reason] = []
    missing: list[str] = []
    commenced, not_in_force = in_force("s.18", on)
    if commenced is not None:
        reasons.append(commenced)
        if not_in_force:
            return answer(question, reasons, [], failed=True)
    gone, unknown_day, ended = held([authority], on, "s.18(1)")
    if ended:
        return answer(question, gone, [], failed=True)
    missing.extend(unknown_day)
    role = authority.role
    if role not in DUTIES:
        return answer(
            question,
            [
                reason(
                    "s.18(1)", f"{authority.name} is neither a specified nor a relevant authority"
                )
            ],
            [],
            failed=True,
        )
    rule = "s.18(1)(a)" if role is Role.SPECIFIED_AUTHORITY else "s.18(1)(b)"
    if duty not in DUTIES[role]:
        s9 = duty == "s.9" and role is Role.SPECIFIED_AUTHORITY
        says = _S9 if s9 else f"a {label(role)} cannot be directed over {duty}"
        return answer(question, [reason(rule, says)], [], failed=True)
    reasons.append(
        reason(rule, f"a {label(role)} that fails its duty under {duty} may be directed (s.18(2))")
    )
    if duty in _EXCUSED.get(role, ()):  # no duty, no failure to direct over
        limited = role is Role.RELEVANT_AUTHORITY and duty == "s.15(3)"
        says = _EXCUSE.format(duty=duty) + (_NEVER_EXCUSED if limited else "")
        reasons.append(reason("s.15(7)", says, "s.15(7)-(9)" if limited else "s.15(7), (8)"))
    cat = authority.category
    if cat is AuthorityCategory.PROVIDER_OF_PROBATION_SERVICES:
        sos = authority.provider_is_secretary_of_state
        if sos is True:
            reasons.append(
                reason(
                    "s.18(5)", "not directable: a probation provider that is the Secretary of State"
                )
            )
            return answer(question, reasons, [], failed=True)
        if sos is None:
            missing.append("provider_is_secretary_of_state (s.18(5))")
        else:
            reasons.append(reason("s.18(5)", "the provider is not the Secretary of State"))
    if cat in _CUSTODY:
        est = authority.establishment
        exempt = {
            Establishment.PRISON,
            Establishment.YOUNG_OFFENDER_INSTITUTION,
            Establishment.SECURE_TRAINING_CENTRE,
            Establishment.DIRECTLY_MANAGED_SECURE_COLLEGE,
        }
        if est in exempt:
            reasons.append(
                reason(
                    "s.18(5)",
                    f"not directable: the governor or principal of a {label(est)} run by "
                    "the Secretary of State (a contracted-out one, run by a director, is "
                    "'contracted_out')",
                )
            )
            return answer(question, reasons, [], failed=True)
        if est is None:
            missing.append("establishment (s.18(5))")
        else:
            reasons.append(reason("s.18(5)", f"{_NOT_EXEMPT[est]} is not exempt"))
    devolved = authority.info.devolved_welsh
    said = False if authority.nation_of is Nation.ENGLAND else None if cat in _CUSTODY else devolved
    if (
        said is not None
        and devolved_welsh_authority is not None
        and devolved_welsh_authority != said
    ):
        raise ConflictError(
            [
                Problem(
                    field="devolved_welsh_authority",
                    message=f"contradicts the authority: {authority.name} is "
                    + ("" if said else "not ")
                    + f"a devolved Welsh authority by its category ({label(cat)}) and nation "
                    "(s.18(4); Government of Wales Act 2006 s.157A)",
                )
            ]
        )
    if cat in _CUSTODY and devolved_welsh_authority is not None:
        devolved = devolved_welsh_authority  # the rows are not confirmed: the caller's word
    elif cat in _CUSTODY and authority.establishment is not Establishment.CONTRACTED_OUT:
        devolved = None  # a secure children's home a Welsh council runs may be one
    if authority.nation_of is Nation.ENGLAND:
        devolved = False
    elif devolved:
        reasons.append(
            Reason(
                "s.18(4)",
                f"{authority.name} is a devolved Welsh authority: its functions are exercisable "
                "only in relation to Wales and are wholly or mainly devolved",
                _DEVOLVED_CITATION,
            )
        )
    if devolved is None:
        devolved = devolved_welsh_authority
    if (
        devolved is None
        and cat is AuthorityCategory.FIRE_AND_RESCUE_AUTHORITY
        and authority.nation_of is Nation.WALES
    ):
        devolved = True
        reasons.append(Reason("s.18(4)", _WELSH_FIRE_READING, _WELSH_FIRE_CITATION))
    if devolved is None:
        missing.append("devolved_welsh_authority (s.18(4))")
    elif devolved:
        if welsh_ministers_consent is None:
            missing.append("welsh_ministers_consent (s.18(4))")
        elif welsh_ministers_consent:
            reasons.append(reason("s.18(4)", "the Welsh Ministers consent"))
        else:
            reasons.append(
                reason("s.18(4)", "a devolved Welsh authority: no direction without consent")
            )
            return answer(question, reasons, [], failed=True)
    else:
        reasons.append(reason("s.18(4)", "not a devolved Welsh authority: no consent needed"))
    reasons.append(reason("s.18(3)", "a direction is enforceable by a mandatory order"))
    return answer(question, reasons, missing, failed=False)
