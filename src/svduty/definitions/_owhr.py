"""Offensive weapons homicide reviews: PCSC Act 2022 ss.24-26 and 34, and the pilot.

A review is required only where the death was a qualifying homicide (s.24(6), the weapon
an offensive one as s.24(8) takes it from the Prevention of Crime Act 1953 s.1(4)), it
occurred in England or Wales (s.24(1)(b)), the four conditions SI 2022/1261 reg 4(2)
specifies for s.24(1)(c) hold (body located, identity recorded, a review partner holding
information, not a death or serious injury matter: ``_owhr_reg4``), a pilot
partner is one of the relevant review partners for the place of death (s.25, s.34 and SI
2023/227), the death fell in the pilot period (a "relevant death", reg 1(2): dated by
the date of death, which the incident's date bounds only from below; the period having
ended, a death of which a review had started or a review partner was aware before its
end, reg 4(1), ``aware_before_pilot_end``), and no other review takes precedence (s.26).
Each is a fact of the incident; an unknown one leaves the answer undetermined, naming
it, unless a presumption the definition makes reads it and says so
(``no-other-reviews``; ``aware-in-time``, reg 4(1)(b)). A death caused by a person
receiving mental health services, investigated under NHS arrangements
(``other_reviews``: ``mental_health_investigation``), leaves it undetermined naming no
fact: s.26(2) and (4) let regulations exclude such a death, and whether any do was not
confirmed. Reasons about other reviews are given only where someone may have died.

Example:
    >>> RULES["OWHR-S24-6"].citation.provision
    's.24(6)'
    >>> [r.id for r in pilot_rules(OWHR_PILOT_AS_MADE)][-1]
    'OWHR-S24'
"""

from __future__ import annotations

from typing import Any

import attrs

from svduty.definitions._age_at_death import younger_at_death
from svduty.definitions._age_reading import AgeReading, age_rules
from svduty.definitions._apr import APR_CITATION, NEEDS_IN_WALES, WALES, WELSH_REVIEW
from svduty.definitions._atoms import (
    FirstKnown,
    Flag,
    Given,
    In,
    IsTrue,
    Possibly,
    Presumes,
    Table,
    Undecided,
)
from svduty.definitions._dvcva import (
    DHR_BY_FACTS,
    DVCVA_RULES,
)
from svduty.definitions._expr import All, Any_, Expr, Not, Rule
from svduty.definitions._law import (
    AGAINST_PEOPLE,
    DEATH,
    HOMICIDE,
    INTENTIONAL,
    RULES_LAW,
    WEAPON,
)
from svduty.definitions._owhr_doubts import (
    HOMICIDE_DOUBT,
    MENTAL_HEALTH_DOUBT,
    NO_NEEDS_DOUBT,
    REG4_DOUBT,
)
from svduty.definitions._owhr_reg4 import REG_4, REG_4_RULES
from svduty.definitions._pilot import OWHR_PILOT_AS_ANNOUNCED, OWHR_PILOT_AS_MADE, OwhrPilot
from svduty.definitions._places import (
    ENGLAND,
    ENGLAND_AND_WALES,
    PARTNERS_BY_PLACE,
    DeathIn,
    DiedIn,
    PilotArea,
)
from svduty.definitions._presume import AWARE_IN_TIME, PRESUMPTIONS, presumption_rules
from svduty.definitions._sar import IN_ITS_AREA_DOUBT, NO_NEEDS, SAR_MAY_BE_HELD, SAR_RULED_OUT
from svduty.sources import Citation, Confidence, cite

__all__ = [
    "OWHR_PILOT_AS_ANNOUNCED",
    "OWHR_PILOT_AS_MADE",
    "RULES",
    "OwhrPilot",
    "pilot_rules",
]


def _pcsc(p: str, **kw: Any) -> Citation:
    return cite("pcsc-act-2022", p, **kw)


_R: list[Rule] = []


def _rule(rid: str, expr: Expr, says: str, citation: Citation, *, when: Expr | None = None) -> Expr:
    """Register a rule; ``when`` keeps its reason quiet where it cannot bear on the answer.

    Returns the unguarded expression, for use in other rules.
    """
    _R.append(Rule(rid, expr if when is None else All(Possibly(when), expr), says, citation))
    return expr


# PCA 1953 s.1(4): "any article made or adapted for use for causing injury to the person,
# or intended by the person having it with him for such use by him or by some other
# person": either limb (s.24(8): "the same meaning as in section 1"). The second limb's
# "such use" is use "for causing injury to the person": an intent to injure, not an intent
# (or recklessness) as to the force (law60). The incident states it (``intended_for_injury``:
# a person having it intended it for such use, the fatal force accidental or not: sixth
# legal review, finding 2), or its offence requires it of the force the weapon was used in
# (``intent_to_injure``: murder's intent to kill or to cause grievous bodily harm, attempted
# murder's to kill) where the weapon was used intentionally against a person. Force used
# intentionally against a person is not by itself that intent: an assault or battery (and
# so ABH, 8N; common assault, 105A) is the intentional or reckless use of unlawful force,
# whatever its outcome was meant to be; the limb is then undetermined, naming
# ``intended_for_injury`` (law59 read the use as the limb: a kitchen knife in an 8N was
# answered ``required``). Force aimed at property (arson of a home) does not make the
# article one intended to injure a person (twenty-third session's legal review, finding 1).
MADE_OR_ADAPTED = IsTrue("made_or_adapted")
USED_TO_INJURE = All(INTENTIONAL, AGAINST_PEOPLE, Table("intent_to_injure"))
"""Used intentionally against a person in an offence requiring an intent to injure."""
# the stated fact, else what the offence proves: never ``False`` from the offence (an
# article not so used may still have been intended for it)
INTENDED_FOR_INJURY = FirstKnown(IsTrue("intended_for_injury"), Any_(USED_TO_INJURE, Undecided()))
OFFENSIVE_WEAPON = All(WEAPON, Any_(MADE_OR_ADAPTED, INTENDED_FOR_INJURY))
# s.24(6) reads "the homicide of a person"; Chapter 2 does not define "homicide" (s.36(1)
# has no entry), nor does s.24 (subsections (1) to (8), read in full). Its ordinary legal
# meaning is the killing of a person by another, lawful or not: unlike the Home Office
# Homicide Index, the Act does not say "unlawful" (independent legal review, finding 6).
# Under 18 by the victim's age and the dates, or by what the offence recorded requires
# (infanticide, 4.2: a child under twelve months), at death or, as a configuration reads
# s.24(6)(a), at the fatal events (law56: AgeReading)
UNDER_18 = younger_at_death(18)


QUALIFYING, _YES, _NO, _OPEN = age_rules(AgeReading.AT_DEATH, HOMICIDE, OFFENSIVE_WEAPON)
_R.append(_YES)
_rule(
    "OWHR-S24-6-NO-HOMICIDE",
    Not(HOMICIDE),
    "not a qualifying homicide: nobody was killed by another person's force or weapon",
    cite("pcsc-act-2022", "s.24(1)(a), s.24(6)", doubt=HOMICIDE_DOUBT),
)
_R.extend((_NO, _OPEN))
_rule(
    "OWHR-S24-6B-NO-WEAPON",
    Not(WEAPON),
    "not a qualifying homicide: no offensive weapon was involved",
    _pcsc("s.24(6)(b), s.24(8)"),
    when=HOMICIDE,
)
_rule(
    "OWHR-S24-8-NOT-INTENDED",
    Not(Any_(MADE_OR_ADAPTED, INTENDED_FOR_INJURY)),
    "not an offensive weapon: an article is one only if made or adapted for use for causing "
    "injury to the person, or intended by a person having it for such use; this one was "
    "neither made nor adapted for it, nor intended by anyone having it for such use (an "
    "intent to injure is what counts, not an intent or recklessness as to the force alone)",
    cite("pca-1953", "s.1(4)"),
    when=All(HOMICIDE, WEAPON),
)
EW = DiedIn(ENGLAND_AND_WALES)
_rule(
    "OWHR-S24-1B-OUTSIDE",
    Not(EW),
    "the death did not occur in England or Wales",
    _pcsc("s.24(1)(b)"),
    when=HOMICIDE,
)
_R.extend(REG_4_RULES)  # s.24(1)(c): SI 2022/1261 reg 4(2) (a) to (d)
CDR_BY_FACTS = All(UNDER_18, DiedIn(ENGLAND))  # Children Act 2004 s.16M(1), (2)
_S26_CDR = _rule(
    "OWHR-S26-1A",
    Any_(CDR_BY_FACTS, Flag("other_reviews", "child_death_review")),
    "a child death review must or may be arranged (the victim was a child at death and "
    "died in England, or one is indicated): it takes precedence",
    _pcsc(
        "s.26(1)(a)",
        doubt="Children Act 2004 s.16M(1)-(2): the child death review partners for an area "
        "in England must arrange the review of the death of a child normally resident there "
        "and may arrange one of a child who died there; a child normally resident in "
        "England who died elsewhere is not read from the incident (flag child_death_review)",
    ),
    when=DEATH,
)
_R.extend(DVCVA_RULES)  # DVCVA 2004 s.9(1), in their place among the reasons
_S26_DHR = _rule(
    "OWHR-S26-1B",
    Any_(DHR_BY_FACTS, Flag("other_reviews", "domestic_homicide_review")),
    "a death (if the victim died) of a person aged 16 or over which resulted from the "
    "violence, abuse or neglect of someone related to them, in an intimate personal "
    "relationship with them, or of their household, may be the subject of a domestic "
    "homicide review (DVCVA 2004 s.9(1)), or one is indicated: it takes precedence",
    _pcsc("s.26(1)(b)"),
    when=DEATH,
)
_rule(
    "OWHR-S26-1B-NONE",
    Not(_S26_DHR),
    "no domestic homicide review takes precedence: DVCVA 2004 s.9(1) rules one out (the "
    "victim's age at death, the suspect's relation to them, or no violence, abuse or "
    "neglect by the suspect: see the s.9(1) reason), and none is indicated",
    _pcsc("s.26(1)(b)"),
    when=DEATH,
)
_S26_SAR = _rule(
    "OWHR-S26-1C",
    SAR_MAY_BE_HELD,
    "a safeguarding adults review must or may be held (one is indicated, or the case "
    "involves an adult with needs for care and support and the death was in England: Care "
    "Act 2014 s.44(4) lets a board review any such case): it takes precedence",
    _pcsc("s.26(1)(c)", doubt=IN_ITS_AREA_DOUBT),
    when=DEATH,
)
_rule(
    "OWHR-S26-1C-NO-NEEDS",
    SAR_RULED_OUT,
    "no safeguarding adults review: the case involves no adult with needs for care and "
    "support (Care Act 2014 s.44(1), (4) review only such a case)",
    cite("care-act-2014", "s.44(1), (4)"),
    when=All(DEATH, Not(_S26_DHR)),
)
_rule(
    "OWHR-S26-3",
    Flag("other_reviews", "welsh_safeguarding_review"),
    "a Safeguarding Board review in Wales is required: it takes precedence",
    _pcsc("s.26(3)"),
    when=DEATH,
)
# the list names a Welsh board's review, or the facts leave one open (an adult with needs
# for care and support, a death in Wales, no list): SI 2015/1466, see _apr
_S26_WAL = WELSH_REVIEW
_rule(
    "OWHR-S26-3-APR",
    All(NEEDS_IN_WALES, Not(Given("other_reviews"))),
    "the case involves an adult with needs for care and support and the death was in "
    "Wales: a Safeguarding Board must undertake a concise practice review where, within "
    "the area of the Board, abuse or neglect of a child or adult is known or suspected and "
    "they have died, the adult not having been, in the 6 months before, one a local "
    "authority had determined to take action to protect (SI 2015/1466 reg 4(3)), and an "
    "extended one where, within the area of the Board, abuse of a child or adult is known "
    "or suspected and they have died, the adult having been one (reg 4(4): abuse only, so "
    "neglect alone after such action requires neither) (the Board's area is where the "
    "abuse or neglect is known or suspected, not where the adult died or lived: a victim "
    "injured in England may have been neglected in Wales), and such a review takes "
    "precedence "
    "(s.26(3); a death in England of such an adult is settled by s.26(1)(c)); the needs "
    "alone do not "
    "show that abuse (SSWB(W)A 2014 s.197(1)) or neglect of the victim is known or "
    "suspected (unlike a safeguarding adults review in England, which Care Act 2014 s.44(4) "
    "lets a board hold for any such case), so other_reviews decides: name "
    "welsh_safeguarding_review if a board must review the death, or give the list without it",
    APR_CITATION,
    when=DEATH,
)
_rule(
    "OWHR-S26-3-NO-NEEDS",
    All(NO_NEEDS, DiedIn(WALES), Not(Given("other_reviews")), Presumes("no-other-reviews")),
    "no Safeguarding Board review in Wales is known (s.26(3)): the no-other-reviews "
    "presumption reads the absent other_reviews as none. The needs do not decide it: reg 4 "
    "requires a practice review where abuse or neglect of 'a child or adult' is known or "
    "suspected within a Board's area and they have died (reg 4(3); abuse alone, reg 4(4), "
    "where a local authority had determined to take action to protect the adult in the 6 "
    "months before), and reg 2's 'adults' are those "
    "'who are, or may be, affected by the exercise of a Board's functions', not only "
    "adults with needs for care and support (the objectives of a Safeguarding Adults "
    "Board, SSWB(W)A 2014 s.135(2)); without the presumption the answer names other_reviews",
    cite(
        "si-2015-1466",
        "reg 2, reg 4(3), (4)",
        confidence=Confidence.UNCONFIRMED,
        doubt=NO_NEEDS_DOUBT,
    ),
    when=All(DEATH, Not(_S26_DHR)),
)
_S26_MENTAL_HEALTH = Flag("other_reviews", "mental_health_investigation")
# SI 2023/227 reg 4(1), (2): the pilot's provisions continue after the pilot period only
# for a death of which, before its end, a review had started or a review partner was aware
AWARE_FIELD = "aware_before_pilot_end"
AWARE_GIVEN = IsTrue(AWARE_FIELD)
# not given, a definition may presume it (switchable: ``aware-in-time``, stated)
AWARE_PRESUMED = All(Not(Given(AWARE_FIELD)), Presumes(AWARE_IN_TIME))
AWARE = Any_(AWARE_GIVEN, AWARE_PRESUMED)
_rule(
    "OWHR-S26-1A-NONE",
    Not(_S26_CDR),
    "no child death review takes precedence: the victim was not a child who died in "
    "England, and none is indicated",
    _pcsc("s.26(1)(a)"),
    when=All(DEATH, Not(_S26_DHR)),  # quiet where a domestic homicide review decides
)
_rule(
    "OWHR-S26-1C-3-NONE",
    All(Given("other_reviews"), Not(Any_(_S26_SAR, _S26_WAL, _S26_MENTAL_HEALTH))),
    "no safeguarding adults review (s.26(1)(c)), no Safeguarding Board review in Wales "
    "(s.26(3)) and no investigation of a death caused by a person receiving or who has "
    "received mental health services (s.26(2), (4)) is indicated (a review that may be held "
    "counts: an adult victim with needs for care and support in England may have one)",
    _pcsc("s.26(1)(c), s.26(2)-(4)"),
    when=All(DEATH, Not(_S26_DHR)),
)
_S26_OTHERS = Any_(_S26_CDR, _S26_DHR, _S26_SAR, _S26_WAL)
# whether regulations under s.26(2), (4) exclude such a death is unknown: never decided
OTHER_REVIEW = Any_(_S26_OTHERS, All(_S26_MENTAL_HEALTH, Undecided()))


def pilot_rules(pilot: OwhrPilot) -> tuple[Rule, ...]:
    """The pilot's rules and the homicide review rule for one pilot configuration.

    Example:
        >>> [r.id for r in pilot_rules(OWHR_PILOT_AS_MADE)][0]
        'OWHR-PILOT-AREA'
    """
    area = PilotArea(pilot.partners, pilot.possible)
    # reg 1(2): a "relevant death" is one which occurred, or is likely to have occurred, in
    # the pilot period; the date of death decides, the incident's date only bounds it
    when = DeathIn(pilot.period.start, pilot.period.end, pilot.doubtful_until)
    # where a review of s.26 is known to take precedence the pilot cannot bear on the
    # answer (not_required whatever the date or place): its reasons are quiet there
    may_bear = Possibly(Not(OTHER_REVIEW))
    homicide = All(Possibly(HOMICIDE), may_bear)
    relevant = attrs.evolve(pilot.citation, provision="reg 1(2), 'relevant death' and pilot period")
    partners = pilot.partners_citation or pilot.citation
    reg4 = attrs.evolve(pilot.citation, provision="reg 4(1), (2)", doubt=REG4_DOUBT)
    # s.26(2), (4) and reg 4 bear on the answer only where all else may make one required
    qualifying, *ages = age_rules(pilot.age_reading, HOMICIDE, OFFENSIVE_WEAPON)
    but_for = All(qualifying, EW, REG_4, Not(_S26_OTHERS), area, when)
    out = [
        Rule(
            "OWHR-PILOT-AREA",
            All(HOMICIDE, may_bear, area),
            "the pilot reaches the place of death (where the death occurred or is likely "
            "to have occurred): its relevant review partners (s.25) are pilot partners",
            partners,
        ),
        Rule(
            "OWHR-PILOT-AREA-OUTSIDE",
            All(homicide, Not(area)),
            "the duty is not in force here: the pilot does not reach the death (no relevant "
            "review partner of the place of death is a pilot partner, and reg 8 or a "
            "direction names none, as pilot_partner states or partners-by-place presumes; or, "
            "where a police force or ICB is one, reg 3 is read, as pilot_partner states, not "
            "to reach the death)",
            partners,
        ),
        Rule(
            "OWHR-PILOT-DATE",
            All(HOMICIDE, may_bear, when),
            "the death occurred in the pilot period: a relevant death. The duty is in force "
            "'for the pilot period' (reg 3(1)); after it ended it continues only for a death "
            "of which, before the end, a review had started and was not discontinued, or a "
            "review partner was aware of qualifying circumstances (s.27(7)) neither knowing "
            "that s.26 excluded it nor having notified the Secretary of State of no duty "
            "without a later notification of one (reg 4(1), (2)): aware_before_pilot_end "
            "says whether it was",
            attrs.evolve(pilot.citation, provision="reg 1(2), pilot period; reg 4"),
        ),
        Rule(
            "OWHR-PILOT-REG4",
            All(HOMICIDE, may_bear, Possibly(when), AWARE_GIVEN),
            "before the pilot period ended a review of the death had started (and was not "
            "discontinued), or a review partner was aware of qualifying circumstances "
            "(s.27(7)) and had neither known that s.26 excluded it nor notified the "
            "Secretary of State of no duty without a later notification of one: the "
            "pilot's provisions continue in effect in relation to the death after the "
            "period",
            reg4,
        ),
        Rule(
            "OWHR-PILOT-REG4-LAPSED",
            All(homicide, Possibly(when), Not(AWARE)),
            "the duty is no longer in force for this death: reg 3(1) brought it into force "
            "only for the pilot period, and before the period ended no review of the death "
            "had started and no review partner was aware of qualifying circumstances "
            "(s.27(7)), or one was but knew that s.26 excluded it or had notified the "
            "Secretary of State of no duty and not later of one: reg 4(1) continues the "
            "provisions after the period only where one of those was so",
            reg4,
        ),
        Rule(
            "OWHR-PILOT-REG4-UNKNOWN",
            # a known homicide only: where the death itself is open, that is the reason
            All(
                HOMICIDE,
                may_bear,
                Possibly(when),
                Not(Given(AWARE_FIELD)),
                Not(Presumes(AWARE_IN_TIME)),
                Possibly(but_for),
            ),
            "whether, before the pilot period ended, a review of the death had started or a "
            "review partner was aware of qualifying circumstances (s.27(7)) is not given: "
            "the pilot's provisions continue in effect after the period only for such a "
            "death (reg 4(1), (2)), so whether a review is required is undetermined",
            reg4,
        ),
        # the presumption's reason, where it may bear (as OWHR-PILOT-REG4-UNKNOWN would)
        attrs.evolve(
            PRESUMPTIONS[AWARE_IN_TIME],
            bears_on=All(HOMICIDE, may_bear, Possibly(when), Possibly(but_for)),
        ).rule(),
        # a death outside the pilot areas read by its place (reg 6), not reg 8 (law51)
        attrs.evolve(PRESUMPTIONS[PARTNERS_BY_PLACE], bears_on=All(homicide, Not(area))).rule(),
        Rule(
            "OWHR-PILOT-DATE-OUTSIDE",
            All(homicide, Not(when)),
            "the duty is not in force for this date: the death did not occur in the pilot "
            "period (by its date of death or, without one, by the incident's date: a death "
            "cannot precede the incident that caused it)",
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
    if pilot.doubtful_until is not None:
        out.append(
            Rule(
                "OWHR-PILOT-DATE-DOUBT",
                All(  # no date at all: the missing date is the reason, not the doubt
                    homicide,
                    Any_(Given("date"), Given("date_of_death")),
                    Possibly(DeathIn(pilot.period.end, pilot.doubtful_until)),
                ),
                "the death may have occurred after the pilot period as made ended but by "
                f"{pilot.doubtful_until.subtract(days=1).isoformat()}, the last day of "
                "the longer pilot announced: whether an instrument extended the period is "
                "not confirmed, so whether it is a relevant death is undetermined",
                relevant,
            )
        )
    if pilot.possible_citation is not None:
        out.append(
            Rule(
                "OWHR-PILOT-AREA-DOUBT",
                All(  # under partners-by-place the place alone decides, as elsewhere (law58b)
                    homicide,
                    In("death_district", pilot.possible),
                    Not(Given("pilot_partner")),
                    Not(Presumes(PARTNERS_BY_PLACE)),
                ),
                "a police force or integrated care board for the place of death is a pilot "
                "partner, but the place is no pilot area: regs 6 to 8 of SI 2022/1261 name "
                "no relevant review partner for a death located there, a direction (reg 10) "
                "may name the place's partners, and whether the pilot would then reach the "
                "death is not confirmed",
                pilot.possible_citation,
            )
        )
    out.append(
        Rule(
            "OWHR-S26-2-4",
            All(_S26_MENTAL_HEALTH, Possibly(All(but_for, AWARE))),
            "the death was caused, or is likely to have been caused, by a person receiving "
            "mental health services, and is investigated under NHS arrangements or may be "
            "reviewed under the Health and Social Care (Community Health and Standards) Act "
            "2003 s.70: s.26(2) and (4) let regulations exclude such a death from the duty, "
            "and whether any do is not confirmed, so whether a review is required is "
            "undetermined",
            _pcsc("s.26(2), (4)", confidence=Confidence.UNCONFIRMED, doubt=MENTAL_HEALTH_DOUBT),
        )
    )
    review = All(qualifying, EW, REG_4, Not(OTHER_REVIEW), area, when, AWARE)
    out.extend(ages)  # s.24(6)(a) as the configuration reads it (law56)
    out.append(
        Rule(
            "OWHR-S24",
            review,
            "an offensive weapons homicide review is required",
            _pcsc("s.24(1), s.25, s.26, s.34; SI 2023/227 reg 3(1), reg 4(1)"),
        )
    )
    return tuple(out)


RULES: dict[str, Rule] = {
    r.id: r for r in (*RULES_LAW, *_R, *presumption_rules(), *pilot_rules(OWHR_PILOT_AS_MADE))
}
"""Every national rule by id (with the pilot as made)."""
