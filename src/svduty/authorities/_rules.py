"""The rules of Part 2 Chapter 1 about authorities, as three-valued answers.

Each function answers one question of the Act (who is specified for an area, who must
be consulted, who may disclose to whom, who may require information, who can be
directed) with an :class:`~svduty.answers.Answer`: ``yes``, ``no`` or
``undetermined``, the reasons with their citations, and the missing facts. Facts left as
``None`` are unknown: a rule never guesses them.

Example:
    >>> from svduty.sources import cite
    >>> c = cite("pcsc-act-2022", "Sch 1")
    >>> icb = Authority("icb", "ICB", AuthorityCategory.INTEGRATED_CARE_BOARD, ("E54000099",), c)
    >>> pol = Authority("pol", "Police", AuthorityCategory.CHIEF_OFFICER_OF_POLICE, ("E23000099",), c)
    >>> may_disclose(icb, pol, InformationFacts(personal_information=True)).verdict.value
    'no'
"""  # noqa: E501

from __future__ import annotations

import enum
from collections.abc import Iterable

import attrs
import pendulum

from svduty.answers import Answer, Reason, Verdict
from svduty.authorities._categories import CATEGORIES, AuthorityCategory, Nation, Role
from svduty.authorities._model import (
    Authorities,
    Authority,
    DistrictsWithin,
    Establishment,
    local_government_areas,
)
from svduty.sources import Confidence, cite

__all__ = [
    "DUTIES",
    "InformationFacts",
    "can_be_directed",
    "may_assist",
    "may_disclose",
    "may_require_information",
    "must_consult_s8",
    "must_consult_s9",
    "role_of",
    "specified_authorities_for",
]

_ACT = "pcsc-act-2022"


def _r(rule: str, says: str, provision: str | None = None) -> Reason:
    return Reason(rule, says, cite(_ACT, provision or rule))


def _answer(
    question: str,
    reasons: list[Reason],
    missing: list[str],
    *,
    failed: bool,
    subjects: Iterable[str] = (),
    value: str | None = None,
) -> Answer:
    if failed:
        verdict = Verdict.NO
        missing = []
    elif missing:
        verdict = Verdict.UNDETERMINED
    else:
        verdict = Verdict.YES
    return Answer(question, verdict, tuple(reasons), tuple(missing), tuple(subjects), value)


def role_of(authority: Authority) -> Answer:
    """The role of an authority under the Act (specified, relevant, LPB, other).

    The answer's ``value`` is the :class:`~svduty.authorities.Role`; the reasons cite the
    Schedule row (s.11(1), s.12(1)) or s.14 and, for a local policing body, say that it
    is not a specified authority.

    Example:
        >>> from svduty.sources import cite
        >>> pcc = Authority("pcc", "PCC", AuthorityCategory.LOCAL_POLICING_BODY, ("E23000099",),
        ...                 cite("pcsc-act-2022", "s.14"))
        >>> a = role_of(pcc)
        >>> a.value, [r.rule for r in a.reasons]
        ('local_policing_body', ['s.14', 's.11(1)'])
    """
    info = authority.info
    question = f"What is the role of {authority.name} under the Act?"
    reasons = []
    if info.role is Role.SPECIFIED_AUTHORITY:
        reasons.append(
            Reason(
                "s.11(1)",
                f"{info.description} is in the Schedule 1 table '{info.table}': a specified "
                "authority",
                info.citation,
            )
        )
    elif info.role is Role.RELEVANT_AUTHORITY:
        reasons.append(
            Reason(
                "s.12(1)",
                f"{info.description} is in {info.table}: a relevant authority (an educational, "
                "prison or youth custody authority)",
                info.citation,
            )
        )
    elif info.role is Role.LOCAL_POLICING_BODY:
        reasons.append(
            _r(
                "s.14",
                "a local policing body may assist with and monitor the specified "
                "authorities' functions for its police area",
            )
        )
        reasons.append(
            _r(
                "s.11(1)",
                "local policing bodies are not in Schedule 1: not a specified authority",
                "s.11(1), Sch 1",
            )
        )
    else:
        reasons.append(
            Reason(
                "s.11(1)",
                "in neither Schedule 1 nor Schedule 2: no role under the Act",
                info.citation,
            )
        )
    return _answer(question, reasons, [], failed=False, value=info.role.value)


_ENGLISH_LGA_PREFIXES = ("E06", "E07", "E08", "E09")
_WELSH_LGA_PREFIXES = ("W06",)

_LOCAL_GOVERNMENT = frozenset(
    {
        AuthorityCategory.DISTRICT_COUNCIL,
        AuthorityCategory.COUNTY_COUNCIL_NO_DISTRICTS,
        AuthorityCategory.LONDON_BOROUGH_COUNCIL,
        AuthorityCategory.COMMON_COUNCIL,
        AuthorityCategory.COUNCIL_OF_THE_ISLES_OF_SCILLY,
        AuthorityCategory.WELSH_COUNTY_COUNCIL,
        AuthorityCategory.WELSH_COUNTY_BOROUGH_COUNCIL,
    }
)
_BOTH_NATIONS = (
    AuthorityCategory.CHIEF_OFFICER_OF_POLICE,
    AuthorityCategory.FIRE_AND_RESCUE_AUTHORITY,
    AuthorityCategory.PROVIDER_OF_PROBATION_SERVICES,
    AuthorityCategory.YOUTH_OFFENDING_TEAM,
)


def _expected_categories(lga_code: str) -> tuple[tuple[AuthorityCategory, ...], ...] | None:
    """Groups of categories of which at least one must be for the LGA (by its GSS code)."""
    if lga_code.startswith(_ENGLISH_LGA_PREFIXES):
        groups: list[tuple[AuthorityCategory, ...]] = [
            tuple(sorted(c for c in _LOCAL_GOVERNMENT if c.value.find("welsh") < 0))
        ]
        if lga_code.startswith("E07"):
            groups.append((AuthorityCategory.COUNTY_COUNCIL,))
        groups.extend((c,) for c in _BOTH_NATIONS)
        groups.append((AuthorityCategory.INTEGRATED_CARE_BOARD,))
        return tuple(groups)
    if lga_code.startswith(_WELSH_LGA_PREFIXES):
        return (
            (
                AuthorityCategory.WELSH_COUNTY_COUNCIL,
                AuthorityCategory.WELSH_COUNTY_BOROUGH_COUNCIL,
            ),
            *((c,) for c in _BOTH_NATIONS),
            (AuthorityCategory.LOCAL_HEALTH_BOARD,),
        )
    return None


def specified_authorities_for(
    authorities: Authorities,
    lga_code: str,
    *,
    on: pendulum.Date | str | None = None,
    districts_within: DistrictsWithin | None = None,
) -> Answer:
    """The specified authorities for a local government area (s.11(6), Sch 1).

    ``subjects`` lists the recorded authorities whose join (s.11(6)) gives the area. The
    answer is ``yes`` when every Schedule 1 table that applies to the area (by its GSS
    code: England ``E06``-``E09``, Wales ``W06``; s.11(4)) has an authority recorded,
    ``undetermined`` naming the missing tables otherwise.

    Example:
        >>> from svduty.sources import cite
        >>> c = cite("pcsc-act-2022", "Sch 1")
        >>> auths = Authorities((Authority("d", "D", AuthorityCategory.DISTRICT_COUNCIL,
        ...                                ("E07000901",), c),))
        >>> a = specified_authorities_for(auths, "E07000901", districts_within=lambda c: (c,))
        >>> a.subjects, a.verdict.value, len(a.missing)
        (('d',), 'undetermined', 6)
    """
    found = authorities.specified_for(lga_code, on=on, districts_within=districts_within)
    question = f"Which are the specified authorities for {lga_code}?"
    reasons = [
        Reason(
            "s.11(6)",
            f"{a.name} ({a.info.description}) is an authority for {lga_code}: {a.info.lga_wording}",
            a.info.join_citation,
        )
        for a in found
    ]
    missing: list[str] = []
    groups = _expected_categories(lga_code)
    if groups is None:
        reasons.append(
            _r("s.11(4)", f"{lga_code} is not a local government area code of England or Wales")
        )
        missing.append(f"whether {lga_code} is a local government area (s.11(4))")
    else:
        reasons.append(
            _r(
                "s.11(4)",
                f"{lga_code} is a local government area in "
                f"{'England' if lga_code.startswith('E') else 'Wales'}",
            )
        )
        have = {a.category for a in found}
        for group in groups:
            if not have.intersection(group):
                table = CATEGORIES[group[0]].table
                missing.append(
                    f"a specified authority of the '{table}' table "
                    f"({' or '.join(_label(c) for c in group)}) for {lga_code} (Sch 1)"
                )
    return _answer(question, reasons, missing, failed=False, subjects=[a.id for a in found])


def _label(value: enum.StrEnum) -> str:
    return value.value.replace("_", " ")


def _plural(cat: AuthorityCategory) -> str:
    return cat.value.replace("_", " ").replace("authority", "authorities")


_SCHEDULE_2 = (
    AuthorityCategory.EDUCATIONAL_AUTHORITY,
    AuthorityCategory.PRISON_AUTHORITY,
    AuthorityCategory.YOUTH_CUSTODY_AUTHORITY,
)


def _relevant(
    authorities: Authorities,
    lga_codes: Iterable[str],
    rule: str,
    on: pendulum.Date | str | None,
    districts_within: DistrictsWithin | None,
) -> tuple[list[str], list[Reason], list[str]]:
    subjects: list[str] = []
    reasons: list[Reason] = []
    missing: list[str] = []
    reasons.append(_r(rule, "each relevant authority for the area must be consulted"))
    for lga in lga_codes:
        found = authorities.relevant_for(lga, on=on, districts_within=districts_within)
        for a in found:
            if a.id not in subjects:
                subjects.append(a.id)
        for cat in _SCHEDULE_2:
            of_cat = [a for a in found if a.category is cat]
            absences = authorities.absences_for(lga, cat, districts_within=districts_within)
            if of_cat:
                reasons.append(
                    _r(
                        rule,
                        f"consult each {cat.value.replace('_', ' ')} for {lga}: "
                        + ", ".join(a.name for a in of_cat),
                    )
                )
            elif absences:
                for x in absences:
                    reasons.append(
                        Reason(
                            rule,
                            f"no {cat.value.replace('_', ' ')} is recorded for {lga}",
                            x.citation,
                        )
                    )
                    if x.citation.confidence is Confidence.UNCONFIRMED:
                        missing.append(
                            f"confirmation that no {cat.value.replace('_', ' ')} is for {lga}: "
                            f"{x.citation.doubt}"
                        )
            else:
                missing.append(f"the {_plural(cat)} for {lga} (Sch 2)")
    return subjects, reasons, missing


def must_consult_s8(
    authorities: Authorities,
    lga_code: str,
    *,
    on: pendulum.Date | str | None = None,
    districts_within: DistrictsWithin | None = None,
) -> Answer:
    """Who the specified authorities must consult on a s.8 strategy (s.8(4)).

    Each relevant authority (educational, prison, youth custody) for the local government
    area. ``subjects`` are the recorded ones; the answer is ``yes`` when every Schedule 2
    table is accounted for (authorities recorded, or a confirmed absence) and
    ``undetermined`` otherwise, naming what to find out.

    Example:
        >>> a = must_consult_s8(Authorities(), "E07000901", districts_within=lambda c: (c,))
        >>> a.verdict.value, len(a.missing)
        ('undetermined', 3)
    """
    subjects, reasons, missing = _relevant(authorities, [lga_code], "s.8(4)", on, districts_within)
    return _answer(
        f"Who must be consulted on the strategy for {lga_code} (s.8(4))?",
        reasons,
        missing,
        failed=False,
        subjects=subjects,
    )


def must_consult_s9(
    authorities: Authorities,
    relevant_area: Iterable[str],
    collaborators: Iterable[str],
    *,
    on: pendulum.Date | str | None = None,
    districts_within: DistrictsWithin | None = None,
) -> Answer:
    """Who must be consulted on a s.9 strategy for a relevant area (s.9(4)).

    (a) every other specified authority for the area (any of its local government areas)
    that is not among the collaborating authorities, and (b)-(d) each relevant authority
    for the area.

    Args:
        authorities: The named authorities.
        relevant_area: The local government areas of the relevant area (s.9(13)).
        collaborators: The ids of the specified authorities preparing the strategy.
        on: A day to look at (default: every record).
        districts_within: The join callable, if not stored.

    Example:
        >>> from svduty.sources import cite
        >>> c = cite("pcsc-act-2022", "Sch 1")
        >>> auths = Authorities((
        ...     Authority("d1", "D1", AuthorityCategory.DISTRICT_COUNCIL, ("E07000901",), c),
        ...     Authority("d2", "D2", AuthorityCategory.DISTRICT_COUNCIL, ("E07000902",), c),
        ... ))
        >>> must_consult_s9(auths, ["E07000901", "E07000902"], ["d1"],
        ...                 districts_within=lambda c: (c,)).subjects
        ('d2',)
    """
    lgas = list(dict.fromkeys(relevant_area))
    team = set(collaborators)
    subjects: list[str] = []
    reasons: list[Reason] = []
    for lga in lgas:
        for a in authorities.specified_for(lga, on=on, districts_within=districts_within):
            if a.id not in team and a.id not in subjects:
                subjects.append(a.id)
                reasons.append(
                    _r("s.9(4)(a)", f"consult {a.name}, a specified authority for {lga}")
                )
    rel_subjects, rel_reasons, missing = _relevant(
        authorities, lgas, "s.9(4)(b)-(d)", on, districts_within
    )
    for s in rel_subjects:
        if s not in subjects:
            subjects.append(s)
    reasons.extend(
        attrs.evolve(r, citation=cite(_ACT, "s.9(4)")) if r.citation.source.id == _ACT else r
        for r in rel_reasons
    )
    return _answer(
        "Who must be consulted on the strategy for the relevant area (s.9(4))?",
        reasons,
        missing,
        failed=False,
        subjects=subjects,
    )


def may_assist(
    body: Authority,
    area: Iterable[str],
    *,
    section: str = "s.8",
    districts_within: DistrictsWithin,
) -> Answer:
    """Whether a local policing body may assist with and monitor functions for an area (s.14).

    s.14(1)(a): s.8 functions for a local government area that coincides with or falls
    within its police area; s.14(1)(b): s.9 functions for a relevant area any part of
    which does; s.14(2)-(3): it may monitor the same functions and report to the Secretary
    of State. Only a local policing body has these powers.

    Args:
        body: The would-be local policing body.
        area: The local government area (``section="s.8"``: exactly one) or the relevant
            area's local government areas (``section="s.9"``).
        section: ``"s.8"`` or ``"s.9"``.
        districts_within: The join callable.

    Raises:
        ValueError: for another section, or several areas for s.8.

    Example:
        >>> from svduty.sources import cite
        >>> pcc = Authority("pcc", "PCC", AuthorityCategory.LOCAL_POLICING_BODY, ("E23000099",),
        ...                 cite("pcsc-act-2022", "s.14"))
        >>> fake = {"E23000099": ["E07000901"]}
        >>> may_assist(pcc, ["E07000901"], districts_within=lambda c: fake.get(c, [c])).yes
        True
    """
    lgas = list(dict.fromkeys(area))
    if section not in {"s.8", "s.9"} or (section == "s.8" and len(lgas) != 1):
        raise ValueError("section is 's.8' (with one local government area) or 's.9'")
    question = f"May {body.name} assist with and monitor the {section} functions for " + (
        ", ".join(lgas) + "?"
    )
    if body.role is not Role.LOCAL_POLICING_BODY:
        return _answer(
            question,
            [_r("s.14(1)", f"{body.name} is not a local policing body", "s.14(1)")],
            [],
            failed=True,
        )
    own = set(local_government_areas(body, districts_within))
    inside = [x for x in lgas if x in own]
    rule = "s.14(1)(a)" if section == "s.8" else "s.14(1)(b)"
    if inside:
        reasons = [
            _r(rule, f"{', '.join(inside)} falls within {body.name}'s police area"),
            _r("s.14(2)", "it may monitor those functions and report to the Secretary of State"),
            _r("s.14(6)", "the specified authorities must co-operate with it when it acts"),
        ]
        return _answer(question, reasons, [], failed=False)
    return _answer(
        question,
        [_r(rule, f"no part of the area falls within {body.name}'s police area")],
        [],
        failed=True,
    )


@attrs.frozen(slots=True)
class InformationFacts:
    """What is known about an information flow (``None``: not known).

    Attributes:
        held_for_own_functions: The discloser holds it in connection with its functions
            (s.16(1)).
        for_recipient_functions: Disclosed for the recipient's Chapter 1 functions
            (s.16(2)).
        for_section_14_functions: Requested for the local policing body's s.14 functions
            (s.17(1)).
        held_by_and_relates_to_recipient: Held by the recipient and about it, its
            functions or a person it exercises functions for (s.17(3)).
        patient_information: It is patient information (s.10(10)).
        personal_information: It is personal information (s.10(10)).
        breaches_data_protection: Disclosing it would breach the data protection
            legislation, taking the power into account (s.16(4)(c), s.17(6)(c)).
        breaches_investigatory_powers: Disclosing it is prohibited by Parts 1-7 or Part 9
            Chapter 1 of the Investigatory Powers Act 2016 (s.16(4)(d), s.17(6)(d)).

    Example:
        >>> InformationFacts(patient_information=False).personal_information is None
        True
    """

    held_for_own_functions: bool | None = None
    for_recipient_functions: bool | None = None
    for_section_14_functions: bool | None = None
    held_by_and_relates_to_recipient: bool | None = None
    patient_information: bool | None = None
    personal_information: bool | None = None
    breaches_data_protection: bool | None = None
    breaches_investigatory_powers: bool | None = None


_CHAPTER_1_ROLES = frozenset(
    {Role.SPECIFIED_AUTHORITY, Role.RELEVANT_AUTHORITY, Role.LOCAL_POLICING_BODY}
)


def _conditions(
    conditions: Iterable[tuple[bool | None, str, str, str, str]],
) -> tuple[list[Reason], list[str], bool]:
    """Three-valued conditions, each ``(fact, name, rule, says if true, says if false)``.

    Returns the reasons for the known facts, the missing ones, and whether any failed.
    """
    reasons: list[Reason] = []
    missing: list[str] = []
    failed = False
    for fact, name, rule, yes, no in conditions:
        if fact is None:
            missing.append(f"{name} ({rule})")
        else:
            reasons.append(_r(rule, yes if fact else no))
            failed = failed or not fact
    return reasons, missing, failed


def _carve_outs(
    discloser: Authority, facts: InformationFacts, base: str
) -> tuple[list[Reason], list[str], bool]:
    """The four carve-outs of s.16(4) / s.17(6): (reasons, missing, any applies)."""
    reasons: list[Reason] = []
    missing: list[str] = []
    failed = False
    checks: list[tuple[str, bool | None, str, str]] = [
        ("(a)", facts.patient_information, "patient_information", "patient information"),
    ]
    if discloser.info.health_or_social_care:
        checks.append(
            (
                "(b)",
                facts.personal_information,
                "personal_information",
                f"personal information disclosed by a health or social care authority "
                f"({discloser.name}, s.10(10))",
            )
        )
    checks.append(
        (
            "(c)",
            facts.breaches_data_protection,
            "breaches_data_protection",
            "a disclosure in breach of the data protection legislation",
        )
    )
    checks.append(
        (
            "(d)",
            facts.breaches_investigatory_powers,
            "breaches_investigatory_powers",
            "a disclosure prohibited by the Investigatory Powers Act 2016",
        )
    )
    for sub, fact, name, what in checks:
        rule = f"{base}{sub}"
        if fact is True:
            reasons.append(_r(rule, f"not authorised: {what}"))
            failed = True
        elif fact is None:
            missing.append(f"{name} ({rule})")
        else:
            reasons.append(_r(rule, f"the carve-out does not apply: not {what}"))
    return reasons, missing, failed


def may_disclose(discloser: Authority, recipient: Authority, facts: InformationFacts) -> Answer:
    """Whether s.16 authorises a disclosure of information from one authority to another.

    s.16(1)-(2): a specified authority, local policing body or relevant authority may
    disclose information held in connection with its functions to another such authority,
    for that other's Chapter 1 functions. It is a power, not a duty (s.16(1)). s.16(4)
    does not authorise disclosing (a) patient information, (b) personal information by a
    health or social care authority, (c) in breach of the data protection legislation,
    (d) in breach of the Investigatory Powers Act 2016.

    Example:
        >>> from svduty.sources import cite
        >>> c = cite("pcsc-act-2022", "Sch 1")
        >>> d = Authority("d", "D", AuthorityCategory.DISTRICT_COUNCIL, ("E07000901",), c)
        >>> p = Authority("p", "P", AuthorityCategory.CHIEF_OFFICER_OF_POLICE, ("E23000099",), c)
        >>> a = may_disclose(d, p, InformationFacts(held_for_own_functions=True))
        >>> a.verdict.value, a.missing[0]
        ('undetermined', 'for_recipient_functions (s.16(2))')
    """
    question = f"May {discloser.name} disclose this information to {recipient.name} (s.16)?"
    reasons: list[Reason] = []
    missing: list[str] = []
    failed = False
    for who, a in (("discloser", discloser), ("recipient", recipient)):
        if a.role in _CHAPTER_1_ROLES:
            reasons.append(_r("s.16(1)", f"the {who} {a.name} is a {_label(a.role)}"))
        else:
            reasons.append(
                _r(
                    "s.16(1)",
                    f"the {who} {a.name} is not a specified authority, local policing body or "
                    "relevant authority",
                )
            )
            failed = True
    if discloser.id == recipient.id:
        reasons.append(_r("s.16(1)", "s.16 is about disclosure to another authority"))
        failed = True
    f_reasons, f_missing, f_failed = _conditions(
        (
            (
                facts.held_for_own_functions,
                "held_for_own_functions",
                "s.16(1)",
                "held in connection with the discloser's functions",
                "not held in connection with the discloser's functions",
            ),
            (
                facts.for_recipient_functions,
                "for_recipient_functions",
                "s.16(2)",
                "disclosed for the recipient's Chapter 1 functions",
                "not for the recipient's Chapter 1 functions",
            ),
        )
    )
    for part_reasons, part_missing, part_failed in (
        (f_reasons, f_missing, f_failed),
        _carve_outs(discloser, facts, "s.16(4)"),
    ):
        reasons.extend(part_reasons)
        missing.extend(part_missing)
        failed = failed or part_failed
    if not failed and not missing:
        reasons.append(
            _r("s.16(3)", "the disclosure breaches no obligation of confidence or restriction")
        )
    return _answer(question, reasons, missing, failed=failed)


def may_require_information(
    body: Authority,
    recipient: Authority,
    facts: InformationFacts,
    *,
    districts_within: DistrictsWithin,
) -> Answer:
    """Whether a local policing body may require information, which must be supplied (s.17).

    s.17(1)-(2): for its s.14 functions a local policing body may request information from
    a specified or relevant authority for a local government area within its police area;
    s.17(3): the information must be held by the recipient and relate to it, its functions
    or a person it exercises functions in respect of; s.17(4): the recipient must comply,
    subject to s.17(6) (the four carve-outs of s.16(4)). ``yes`` means the recipient must
    comply.

    Example:
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
    reasons: list[Reason] = []
    missing: list[str] = []
    failed = False
    if body.role is not Role.LOCAL_POLICING_BODY:
        reasons.append(_r("s.17(1)", f"{body.name} is not a local policing body"))
        failed = True
    if recipient.role not in {Role.SPECIFIED_AUTHORITY, Role.RELEVANT_AUTHORITY}:
        reasons.append(_r("s.17(2)", f"{recipient.name} is not a specified or relevant authority"))
        failed = True
    if not failed:
        own = set(local_government_areas(body, districts_within))
        shared = sorted(own.intersection(local_government_areas(recipient, districts_within)))
        if shared:
            reasons.append(
                _r(
                    "s.17(2)",
                    f"{recipient.name} is an authority for {', '.join(shared)}, within "
                    f"{body.name}'s police area",
                )
            )
        else:
            reasons.append(
                _r("s.17(2)", f"{recipient.name} is not an authority for the police area")
            )
            failed = True
    f_reasons, f_missing, f_failed = _conditions(
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
    for part_reasons, part_missing, part_failed in (
        (f_reasons, f_missing, f_failed),
        _carve_outs(recipient, facts, "s.17(6)"),
    ):
        reasons.extend(part_reasons)
        missing.extend(part_missing)
        failed = failed or part_failed
    if not failed and not missing:
        reasons.append(_r("s.17(4)", f"{recipient.name} must comply with the request"))
        reasons.append(_r("s.17(7)", "the information may be used only for s.14 functions"))
    return _answer(question, reasons, missing, failed=failed)


DUTIES: dict[Role, tuple[str, ...]] = {
    Role.SPECIFIED_AUTHORITY: ("s.8", "s.14(6)", "s.15(3)", "s.17(4)"),
    Role.RELEVANT_AUTHORITY: ("s.15(3)", "s.15(4)", "s.15(5)(b)", "s.17(4)"),
}
"""The duties whose breach may lead to a direction, by role (s.18(1)-(2))."""

_ALL_DUTIES = ("s.8", "s.14(6)", "s.15(3)", "s.15(4)", "s.15(5)(b)", "s.17(4)")


def can_be_directed(
    authority: Authority,
    duty: str,
    *,
    devolved_welsh_authority: bool | None = None,
    welsh_ministers_consent: bool | None = None,
) -> Answer:
    """Whether the Secretary of State may direct an authority over a failed duty (s.18).

    s.18(1): a specified authority failing a duty under s.8, s.14(6), s.15(3) or s.17(4);
    s.18(2): a relevant authority failing one under s.15(3), (4), (5)(b) or s.17(4).
    s.18(5): not a probation provider that is the Secretary of State, the governor of a
    prison, young offender institution or secure training centre, or the principal of a
    directly managed secure college. s.18(4): a direction to a devolved Welsh authority
    needs the Welsh Ministers' consent. ``yes`` means a direction may be given if the
    Secretary of State is satisfied of the failure (s.18(1)).

    Args:
        authority: The authority.
        duty: The duty failed: one of ``"s.8"``, ``"s.14(6)"``, ``"s.15(3)"``,
            ``"s.15(4)"``, ``"s.15(5)(b)"``, ``"s.17(4)"``.
        devolved_welsh_authority: Whether the authority is a devolved Welsh authority,
            where its category does not say.
        welsh_ministers_consent: Whether the Welsh Ministers consent (s.18(4)).

    Raises:
        ValueError: for another duty.

    Example:
        >>> from svduty.sources import cite
        >>> c = cite("pcsc-act-2022", "Sch 1")
        >>> pdu = Authority("pdu", "PDU", AuthorityCategory.PROVIDER_OF_PROBATION_SERVICES,
        ...                 ("E10000099",), c, provider_is_secretary_of_state=True)
        >>> a = can_be_directed(pdu, "s.8")
        >>> a.verdict.value, a.reasons[-1].rule
        ('no', 's.18(5)')
    """
    if duty not in _ALL_DUTIES:
        raise ValueError(f"duty is one of {', '.join(_ALL_DUTIES)}")
    question = f"May the Secretary of State direct {authority.name} over {duty} (s.18)?"
    reasons: list[Reason] = []
    missing: list[str] = []
    role = authority.role
    if role not in DUTIES:
        return _answer(
            question,
            [_r("s.18(1)", f"{authority.name} is neither a specified nor a relevant authority")],
            [],
            failed=True,
        )
    rule = "s.18(1)" if role is Role.SPECIFIED_AUTHORITY else "s.18(2)"
    if duty not in DUTIES[role]:
        return _answer(
            question,
            [_r(rule, f"a {_label(role)} cannot be directed over {duty}")],
            [],
            failed=True,
        )
    reasons.append(_r(rule, f"a {_label(role)} that fails its duty under {duty} may be directed"))
    cat = authority.category
    if cat is AuthorityCategory.PROVIDER_OF_PROBATION_SERVICES:
        sos = authority.provider_is_secretary_of_state
        if sos is True:
            reasons.append(
                _r("s.18(5)", "not directable: a probation provider that is the Secretary of State")
            )
            return _answer(question, reasons, [], failed=True)
        if sos is None:
            missing.append("provider_is_secretary_of_state (s.18(5))")
        else:
            reasons.append(_r("s.18(5)", "the provider is not the Secretary of State"))
    if cat in {AuthorityCategory.PRISON_AUTHORITY, AuthorityCategory.YOUTH_CUSTODY_AUTHORITY}:
        est = authority.establishment
        exempt = {
            Establishment.PRISON,
            Establishment.YOUNG_OFFENDER_INSTITUTION,
            Establishment.SECURE_TRAINING_CENTRE,
            Establishment.DIRECTLY_MANAGED_SECURE_COLLEGE,
        }
        if est in exempt:
            reasons.append(
                _r(
                    "s.18(5)",
                    f"not directable: the governor or principal of a {_label(est)}",
                )
            )
            return _answer(question, reasons, [], failed=True)
        if est is None:
            missing.append("establishment (s.18(5))")
        else:
            reasons.append(_r("s.18(5)", f"a {est.value.replace('_', ' ')} is not exempt"))
    devolved = authority.info.devolved_welsh
    if authority.nation_of is Nation.ENGLAND:
        devolved = False
    if devolved is None:
        devolved = devolved_welsh_authority
    if devolved is None:
        missing.append("devolved_welsh_authority (s.18(4))")
    elif devolved:
        if welsh_ministers_consent is None:
            missing.append("welsh_ministers_consent (s.18(4))")
        elif welsh_ministers_consent:
            reasons.append(_r("s.18(4)", "the Welsh Ministers consent"))
        else:
            reasons.append(
                _r("s.18(4)", "a devolved Welsh authority: no direction without consent")
            )
            return _answer(question, reasons, [], failed=True)
    else:
        reasons.append(_r("s.18(4)", "not a devolved Welsh authority: no consent needed"))
    reasons.append(_r("s.18(3)", "a direction is enforceable by a mandatory order"))
    return _answer(question, reasons, missing, failed=False)
