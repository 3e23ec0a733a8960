"""The facts of an information flow and the four carve-outs of s.16(4) / s.17(6).

Split from :mod:`svduty.authorities._information` (law54), which re-exports
:class:`InformationFacts`: the facts s.16 and s.17 read, and the three-valued conditions and
carve-outs both sections apply, reading the definitions of s.10(10).

Example:
    >>> InformationFacts(personal_information=False).patient_information is None
    True
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from svduty._checked import checked_fields
from svduty.answers import Reason
from svduty.authorities._answering import reason
from svduty.authorities._authority import Authority
from svduty.authorities._rows_read import health_table, not_health
from svduty.errors import ConflictError
from svduty.sources import Confidence

__all__ = ["InformationFacts", "carve_outs", "conditions", "gather"]


@checked_fields
@attrs.frozen(slots=True)
class InformationFacts:
    """What is known about an information flow (``None``: not known).

    Its fields are checked against their types when it is made: a value of another type is
    an :class:`~svduty.errors.ArgumentError` naming the class and the field, never the
    value.

    Attributes:
        held_for_own_functions: The discloser holds it for the purposes of its functions
            (s.16(1)).
        for_recipient_functions: Disclosed for the recipient's Chapter 1 functions
            (s.16(1)).
        for_section_14_functions: Requested for the local policing body's s.14 functions
            (s.17(1)).
        held_by_and_relates_to_recipient: Held by the recipient and about it, its
            functions or a person it exercises functions for (s.17(3)).
        patient_information: It is patient information (s.10(10)). Patient information
            is a kind of personal information, so information known not to be personal
            is known not to be patient information.
        personal_information: It is personal information (s.10(10)).
        breaches_data_protection: Disclosing it would breach the data protection
            legislation, taking into account the s.16 power (s.16(4)(c)) or the s.17(4)
            duty to comply (s.17(6)(c)).
        breaches_investigatory_powers: Disclosing it is prohibited by Parts 1-7 or Part 9
            Chapter 1 of the Investigatory Powers Act 2016 (s.16(4)(d), s.17(6)(d)).

    Raises:
        ConflictError: for patient information that is not personal information
            (s.10(10) makes the one a kind of the other); svduty does not choose a side.

    Example:
        >>> InformationFacts(patient_information=False).personal_information is None
        True
        >>> InformationFacts(patient_information=True, personal_information=False)
        Traceback (most recent call last):
        ...
        svduty.errors.ConflictError: personal_information: patient information is personal information (s.10(10)); the facts say it is patient information but not personal information
    """  # noqa: E501

    held_for_own_functions: bool | None = None
    for_recipient_functions: bool | None = None
    for_section_14_functions: bool | None = None
    held_by_and_relates_to_recipient: bool | None = None
    patient_information: bool | None = None
    personal_information: bool | None = None
    breaches_data_protection: bool | None = None
    breaches_investigatory_powers: bool | None = None

    def __attrs_post_init__(self) -> None:
        if self.patient_information is True and self.personal_information is False:
            raise ConflictError.single(
                None,
                "personal_information",
                message="patient information is personal information (s.10(10)); the facts "
                "say it is patient information but not personal information",
            )

    @property
    def is_patient_information(self) -> bool | None:
        """Whether it is patient information, with what s.10(10) entails.

        Information known not to be personal information is not patient information.

        Example:
            >>> InformationFacts(personal_information=False).is_patient_information
            False
            >>> InformationFacts().is_patient_information is None
            True
        """
        if self.patient_information is None and self.personal_information is False:
            return False
        return self.patient_information

    @property
    def is_personal_information(self) -> bool | None:
        """Whether it is personal information, with what s.10(10) entails.

        Patient information is personal information.

        Example:
            >>> InformationFacts(patient_information=True).is_personal_information
            True
        """
        if self.personal_information is None and self.patient_information is True:
            return True
        return self.personal_information


def conditions(
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
            reasons.append(reason(rule, yes if fact else no))
            failed = failed or not fact
    return reasons, missing, failed


def gather(
    reasons: list[Reason],
    missing: list[str],
    failed: bool,
    *parts: tuple[list[Reason], list[str], bool],
) -> bool:
    """Add each part's reasons and missing facts; whether any condition so far failed."""
    for part_reasons, part_missing, part_failed in parts:
        reasons.extend(part_reasons)
        missing.extend(part_missing)
        failed = failed or part_failed
    return failed


def carve_outs(
    discloser: Authority, facts: InformationFacts, base: str
) -> tuple[list[Reason], list[str], bool]:
    """The four carve-outs of s.16(4) / s.17(6): (reasons, missing, any applies)."""
    reasons: list[Reason] = []
    missing: list[str] = []
    checks: list[tuple[str, bool | None, str, str]] = [
        ("(a)", facts.is_patient_information, "patient_information", "patient information"),
    ]
    derived = {
        "(a)": facts.patient_information is None and facts.is_patient_information is not None,
        "(b)": facts.personal_information is None and facts.is_personal_information is not None,
    }
    if discloser.info.health_or_social_care:
        checks.append(
            (
                "(b)",
                facts.is_personal_information,
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
    reasons.extend(not_health(discloser, facts.is_personal_information, base))
    for sub, fact, name, what in checks:
        rule = f"{base}{sub}"
        provision = f"{rule}, s.10(10)" if derived.get(sub) else rule
        because = f" ({_ENTAILED[sub]}, s.10(10))" if derived.get(sub) else ""
        if fact is True:  # s.16(4) "does not authorise"; s.17(6) "does not require"
            verb = "not required" if base == "s.17(6)" else "not authorised"
            says = f"{verb}: {what}{because}"
            if sub == "(b)" and discloser.info.citation.confidence is Confidence.UNCONFIRMED:
                reasons.append(Reason(rule, says, health_table(discloser, provision)))
                continue
            reasons.append(reason(rule, says, provision))
        elif fact is None:
            missing.append(f"{name} ({rule})")
        else:
            reasons.append(
                reason(rule, f"the carve-out does not apply: not {what}{because}", provision)
            )
    return reasons, missing, any(fact is True for _, fact, _, _ in checks)


_ENTAILED = {
    "(a)": "information that is not personal information is not patient information",
    "(b)": "patient information is personal information",
}
