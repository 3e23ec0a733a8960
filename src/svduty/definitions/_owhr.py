"""Offensive weapons homicide reviews: PCSC Act 2022 ss.24-26 and 34, and the pilot.

Example:
    >>> RULES["OWHR-S24-6"].citation.provision
    's.24(6)'
    >>> str(OWHR_PILOT_AS_MADE.period)
    '2023-04-01 to 2023-12-31'
"""

from __future__ import annotations

import attrs
import pendulum

from svduty.definitions._atoms import AtLeast, Below, Flag
from svduty.definitions._expr import All, Any_, Expr, Not, Ref, Rule
from svduty.definitions._law import CONNECTED, HOMICIDE, RULES_LAW, WEAPON
from svduty.definitions._places import DateIn, InArea, InEnglandWales
from svduty.definitions._presume import presumption_rules
from svduty.periods import Period
from svduty.sources import Citation, Confidence, cite

__all__ = [
    "OWHR_PILOT_AS_ANNOUNCED",
    "OWHR_PILOT_AS_MADE",
    "RULES",
    "OwhrPilot",
    "pilot_rules",
]


def _pcsc(p: str) -> Citation:
    return cite("pcsc-act-2022", p)


_R: list[Rule] = []


def _rule(rid: str, expr: Expr, says: str, citation: Citation) -> Expr:
    _R.append(Rule(rid, expr, says, citation))
    return Ref(rid)


QUALIFYING = _rule(
    "OWHR-S24-6",
    All(HOMICIDE, AtLeast("victim_age", 18), WEAPON),
    "a qualifying homicide: the victim was 18 or over and the death, or the events "
    "surrounding it, involved the use of an offensive weapon",
    _pcsc("s.24(6)"),
)
_rule(
    "OWHR-S24-6A-UNDER-18",
    All(HOMICIDE, Below("victim_age", 18)),
    "not a qualifying homicide: the victim was under 18",
    _pcsc("s.24(6)(a)"),
)
_rule(
    "OWHR-S24-6B-NO-WEAPON",
    All(HOMICIDE, Not(WEAPON)),
    "not a qualifying homicide: no offensive weapon was involved",
    _pcsc("s.24(6)(b), s.24(8)"),
)
EW = InEnglandWales()
_rule(
    "OWHR-S24-1B-OUTSIDE",
    All(HOMICIDE, Not(EW)),
    "the death did not occur in England or Wales",
    _pcsc("s.24(1)(b)"),
)
_S26_CDR = _rule(
    "OWHR-S26-1A",
    Any_(Below("victim_age", 18), Flag("other_reviews", "child_death_review")),
    "a child death review must or may be arranged: it takes precedence",
    _pcsc("s.26(1)(a)"),
)
_S26_DHR = _rule(
    "OWHR-S26-1B",
    Any_(CONNECTED, Flag("other_reviews", "domestic_homicide_review")),
    "the death may be the subject of a domestic homicide review: it takes precedence",
    _pcsc("s.26(1)(b)"),
)
_S26_SAR = _rule(
    "OWHR-S26-1C",
    Flag("other_reviews", "safeguarding_adults_review"),
    "a safeguarding adults review must or may be held: it takes precedence",
    _pcsc("s.26(1)(c)"),
)
_S26_WAL = _rule(
    "OWHR-S26-3",
    Flag("other_reviews", "welsh_safeguarding_review"),
    "a Safeguarding Board review in Wales is required: it takes precedence",
    _pcsc("s.26(3)"),
)
OTHER_REVIEW = Any_(_S26_CDR, _S26_DHR, _S26_SAR, _S26_WAL)


@attrs.frozen(slots=True)
class OwhrPilot:
    """The offensive weapons homicide review pilot (SI 2023/227) as dated data.

    Attributes:
        partners: The GSS codes of the pilot local authorities (the places of death
            whose review partners are pilot partners).
        period: The pilot period (a relevant death (likely) occurred in it).
        citation: SI 2023/227, with the doubt on the end date.

    Example:
        >>> str(OWHR_PILOT_AS_MADE.period)
        '2023-04-01 to 2023-12-31'
        >>> "E08000025" in OWHR_PILOT_AS_MADE.partners
        True
    """

    partners: frozenset[str]
    period: Period
    citation: Citation


# GSS codes checked against public ONS-derived lists of local authority codes (the
# Welsh principal areas, the London boroughs, Birmingham and Coventry).
_PILOT_PARTNERS = frozenset(
    {
        "E08000025",  # Birmingham
        "E08000026",  # Coventry
        "E09000003",  # Barnet
        "E09000005",  # Brent
        "E09000015",  # Harrow
        "E09000022",  # Lambeth
        "E09000028",  # Southwark
        "W06000013",  # Bridgend
        "W06000015",  # Cardiff
        "W06000024",  # Merthyr Tydfil
        "W06000012",  # Neath Port Talbot
        "W06000016",  # Rhondda Cynon Taf
        "W06000011",  # Swansea
        "W06000014",  # Vale of Glamorgan
    }
)
_PILOT_DOUBT = (
    "SI 2023/227 as made sets 9 months from 1 April 2023; the Government announced an "
    "18-month pilot and MOPAC PCD 1635 describes one; no amending instrument identified"
)
OWHR_PILOT_AS_MADE = OwhrPilot(
    _PILOT_PARTNERS,
    Period(pendulum.Date(2023, 4, 1), pendulum.Date(2024, 1, 1)),
    cite(
        "si-2023-227",
        "reg 1(2), pilot period",
        confidence=Confidence.UNCONFIRMED,
        doubt=_PILOT_DOUBT,
    ),
)
"""The pilot as SI 2023/227 was made: 1 April 2023 to 31 December 2023 (end unconfirmed)."""

OWHR_PILOT_AS_ANNOUNCED = attrs.evolve(
    OWHR_PILOT_AS_MADE, period=Period(pendulum.Date(2023, 4, 1), pendulum.Date(2024, 10, 1))
)
"""The 18-month pilot the Government announced: to 30 September 2024 (unconfirmed)."""


def pilot_rules(pilot: OwhrPilot) -> tuple[Rule, ...]:
    """The pilot's rules and the homicide review rule for one pilot configuration.

    Example:
        >>> [r.id for r in pilot_rules(OWHR_PILOT_AS_MADE)][-1]
        'OWHR-S24'
    """
    area = InArea(pilot.partners)
    when = DateIn(pilot.period.start, pilot.period.end)
    out = [
        Rule(
            "OWHR-PILOT-AREA",
            All(HOMICIDE, area),
            "the death occurred in the area of a pilot partner",
            pilot.citation,
        ),
        Rule(
            "OWHR-PILOT-AREA-OUTSIDE",
            All(HOMICIDE, Not(area)),
            "the duty is not in force here: not a pilot partner's area",
            pilot.citation,
        ),
        Rule(
            "OWHR-PILOT-DATE",
            All(HOMICIDE, when),
            "the death occurred in the pilot period",
            pilot.citation,
        ),
        Rule(
            "OWHR-PILOT-DATE-OUTSIDE",
            All(HOMICIDE, Not(when)),
            "the duty is not in force for this date: outside the pilot period",
            pilot.citation,
        ),
    ]
    review = All(QUALIFYING, EW, Not(OTHER_REVIEW), area, when)
    out.append(
        Rule(
            "OWHR-S24",
            review,
            "an offensive weapons homicide review is required",
            _pcsc("s.24(1), s.26, s.34"),
        )
    )
    return tuple(out)


RULES: dict[str, Rule] = {
    r.id: r for r in (*RULES_LAW, *_R, *presumption_rules(), *pilot_rules(OWHR_PILOT_AS_MADE))
}
"""Every national rule by id (with the pilot as made)."""
