"""Offensive weapons homicide reviews: PCSC Act 2022 ss.24-26 and 34, and the pilot.

A review is required only where the death was a qualifying homicide (s.24(6), the weapon
an offensive one as s.24(8) takes it from the Prevention of Crime Act 1953 s.1(4)), it
occurred in England or Wales (s.24(1)(b)), a review partner holds or is likely to hold
relevant information (s.24(1)(c), the condition the OWHR Regulations 2022 add), a pilot
partner is one of the relevant review partners for the place of death (s.25, s.34 and
SI 2023/227), the death fell in the pilot period (a "relevant death", reg 1(2): dated by
the date of death, which the incident's date bounds only from below), and no other review
takes precedence (s.26). Each is a fact of the incident; an unknown one leaves the answer
undetermined, naming it. Reasons about other reviews are given only where someone may
have died.

Example:
    >>> RULES["OWHR-S24-6"].citation.provision
    's.24(6)'
    >>> [r.id for r in pilot_rules(OWHR_PILOT_AS_MADE)][-1]
    'OWHR-S24'
"""

from __future__ import annotations

import attrs

from svduty.definitions._atoms import Flag, Given, In, IsTrue, Possibly
from svduty.definitions._expr import All, Any_, Expr, Not, Rule
from svduty.definitions._law import (
    CONNECTED,
    DEATH,
    HOMICIDE,
    INTENTIONAL,
    RULES_LAW,
    VICTIM_16,
    WEAPON,
    younger,
)
from svduty.definitions._pilot import OWHR_PILOT_AS_ANNOUNCED, OWHR_PILOT_AS_MADE, OwhrPilot
from svduty.definitions._places import DeathIn, InEnglandWales, PilotArea
from svduty.definitions._presume import presumption_rules
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


def _rule(rid: str, expr: Expr, says: str, citation: Citation, *, when: Expr | None = None) -> Expr:
    """Register a rule; ``when`` keeps its reason quiet where it cannot bear on the answer.

    Returns the unguarded expression, for use in other rules.
    """
    _R.append(Rule(rid, expr if when is None else All(Possibly(when), expr), says, citation))
    return expr


# PCA 1953 s.1(4): "any article made or adapted for use for causing injury to the person,
# or intended by the person having it with him for such use": either limb
MADE_OR_ADAPTED = IsTrue("made_or_adapted")
OFFENSIVE_WEAPON = All(WEAPON, Any_(MADE_OR_ADAPTED, INTENTIONAL))
# Under 18 by the victim's age, or by what the offence recorded requires (infanticide,
# 4.2: a child under twelve months; the child offences: under 16 or 13)
UNDER_18 = younger(18)
QUALIFYING = _rule(
    "OWHR-S24-6",
    All(HOMICIDE, Not(UNDER_18), OFFENSIVE_WEAPON),
    "a qualifying homicide: the victim was 18 or over and the death, or the events "
    "surrounding it, involved the use of an offensive weapon",
    _pcsc("s.24(6)"),
)
_rule(
    "OWHR-S24-6-NO-HOMICIDE",
    Not(HOMICIDE),
    "not a qualifying homicide: nobody was killed by another person's force or weapon",
    _pcsc("s.24(1)(a), s.24(6)"),
)
_rule(
    "OWHR-S24-6A-UNDER-18",
    UNDER_18,
    "not a qualifying homicide: the victim was under 18 (by their age, or by what the "
    "offence recorded requires)",
    _pcsc("s.24(6)(a)"),
    when=HOMICIDE,
)
_rule(
    "OWHR-S24-6B-NO-WEAPON",
    Not(WEAPON),
    "not a qualifying homicide: no offensive weapon was involved",
    _pcsc("s.24(6)(b), s.24(8)"),
    when=HOMICIDE,
)
_rule(
    "OWHR-S24-8-NOT-INTENDED",
    Not(Any_(MADE_OR_ADAPTED, INTENTIONAL)),
    "not an offensive weapon: an article is one only if made or adapted for use for causing "
    "injury to the person, or intended for such use; this one was neither made nor adapted "
    "for it, and the force was not used intentionally (an intent to injure, not to kill, is "
    "what counts)",
    cite("pca-1953", "s.1(4)"),
    when=All(HOMICIDE, WEAPON),
)
EW = InEnglandWales()
_rule(
    "OWHR-S24-1B-OUTSIDE",
    Not(EW),
    "the death did not occur in England or Wales",
    _pcsc("s.24(1)(b)"),
    when=HOMICIDE,
)
_INFO_DOUBT = (
    "the condition as the minister described the OWHR Regulations 2022 (HL Deb 8 November "
    "2022); the regulations' SI number and wording were not checked"
)
_INFO_CITE = cite(
    "pcsc-act-2022",
    "s.24(1)(c)",
    confidence=Confidence.UNCONFIRMED,
    doubt=_INFO_DOUBT,
)
INFORMATION = IsTrue("review_information")
_rule(
    "OWHR-S24-1C",
    INFORMATION,
    "a review partner has, or could reasonably be expected to have, relevant information "
    "about the circumstances or background of the victim or suspected perpetrator",
    _INFO_CITE,
    when=HOMICIDE,
)
_rule(
    "OWHR-S24-1C-NO-INFORMATION",
    Not(INFORMATION),
    "no review partner has, or could reasonably be expected to have, relevant information: "
    "the condition the regulations add under s.24(1)(c) is not met",
    _INFO_CITE,
    when=HOMICIDE,
)
_S26_CDR = _rule(
    "OWHR-S26-1A",
    Any_(UNDER_18, Flag("other_reviews", "child_death_review")),
    "a child death review must or may be arranged: it takes precedence",
    _pcsc("s.26(1)(a)"),
    when=DEATH,
)
_S26_DHR = _rule(
    "OWHR-S26-1B",
    Any_(All(CONNECTED, VICTIM_16), Flag("other_reviews", "domestic_homicide_review")),
    "the death (of a person aged 16 or over, by someone personally connected) may be the "
    "subject of a domestic homicide review: it takes precedence",
    _pcsc("s.26(1)(b)"),
    when=DEATH,
)
_S26_SAR = _rule(
    "OWHR-S26-1C",
    Flag("other_reviews", "safeguarding_adults_review"),
    "a safeguarding adults review must or may be held: it takes precedence",
    _pcsc("s.26(1)(c)"),
    when=DEATH,
)
_S26_WAL = _rule(
    "OWHR-S26-3",
    Flag("other_reviews", "welsh_safeguarding_review"),
    "a Safeguarding Board review in Wales is required: it takes precedence",
    _pcsc("s.26(3)"),
    when=DEATH,
)
OTHER_REVIEW = Any_(_S26_CDR, _S26_DHR, _S26_SAR, _S26_WAL)


def pilot_rules(pilot: OwhrPilot) -> tuple[Rule, ...]:
    """The pilot's rules and the homicide review rule for one pilot configuration.

    Example:
        >>> [r.id for r in pilot_rules(OWHR_PILOT_AS_MADE)][0]
        'OWHR-PILOT-AREA'
    """
    area = PilotArea(pilot.partners, pilot.possible)
    # reg 1(2): a "relevant death" is one which occurred, or is likely to have occurred, in
    # the pilot period; the date of death decides, the incident's date only bounds it
    when = DeathIn(pilot.period.start, pilot.period.end)
    homicide = Possibly(HOMICIDE)
    relevant = attrs.evolve(pilot.citation, provision="reg 1(2), 'relevant death' and pilot period")
    out = [
        Rule(
            "OWHR-PILOT-AREA",
            All(HOMICIDE, area),
            "a pilot partner is one of the relevant review partners for the place of death "
            "(where it occurred, or the body was found)",
            pilot.citation,
        ),
        Rule(
            "OWHR-PILOT-AREA-OUTSIDE",
            All(homicide, Not(area)),
            "the duty is not in force here: no relevant review partner for the place of death "
            "is a pilot partner",
            pilot.citation,
        ),
        Rule(
            "OWHR-PILOT-DATE",
            All(HOMICIDE, when),
            "the death occurred in the pilot period: a relevant death",
            pilot.citation,
        ),
        Rule(
            "OWHR-PILOT-DATE-OUTSIDE",
            All(homicide, Not(when)),
            "the duty is not in force for this date: the death did not occur in the pilot "
            "period (a death cannot precede the incident that caused it)",
            pilot.citation,
        ),
        Rule(
            "OWHR-PILOT-DATE-OF-DEATH",
            All(
                homicide,
                Given("date"),
                Not(Given("date_of_death")),
                Possibly(when),
                Possibly(Not(when)),
            ),
            "the date of death is not given and the incident's date does not settle it: only "
            "a death which occurred in the pilot period is a relevant death, and a death may "
            "follow the incident that caused it by any time, so it may fall in the period or "
            "outside it",
            relevant,
        ),
    ]
    if pilot.possible_citation is not None:
        out.append(
            Rule(
                "OWHR-PILOT-AREA-DOUBT",
                All(homicide, In("death_district", pilot.possible), Not(Given("pilot_partner"))),
                "a police force or integrated care board for the place of death is a pilot "
                "partner, but whether the pilot reaches this death is not confirmed",
                pilot.possible_citation,
            )
        )
    review = All(QUALIFYING, EW, INFORMATION, Not(OTHER_REVIEW), area, when)
    out.append(
        Rule(
            "OWHR-S24",
            review,
            "an offensive weapons homicide review is required",
            _pcsc("s.24(1), s.25, s.26, s.34"),
        )
    )
    return tuple(out)


RULES: dict[str, Rule] = {
    r.id: r for r in (*RULES_LAW, *_R, *presumption_rules(), *pilot_rules(OWHR_PILOT_AS_MADE))
}
"""Every national rule by id (with the pilot as made)."""
