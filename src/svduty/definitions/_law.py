"""National law as one rule table: s.13, DA Act 2021 ss.1-3, OWHR ss.24-26 and 34.

Every rule here is a :class:`~svduty.definitions._expr.Rule` with a citation; the scalar
and the columnar classifier both evaluate these same rules.

Example:
    >>> RULES["S13-3B"].citation.provision
    's.13(3)(b)'
    >>> sorted(KINDS)[:3]
    ['child_neglect', 'coercive_control', 'corrosive_substance']
"""

from __future__ import annotations

import enum

import attrs
import pendulum

from svduty.definitions._expr import (
    All,
    Any_,
    AtLeast,
    Below,
    DateIn,
    Expr,
    Fact,
    Flag,
    Given,
    Has,
    HasAny,
    In,
    InArea,
    InEnglandWales,
    IsTrue,
    Not,
    Ref,
    Rule,
    Table,
    TableUnknown,
)
from svduty.definitions._vocab import Harm, Relationship
from svduty.periods import Period
from svduty.sources import Citation, Confidence, cite

__all__ = [
    "KINDS",
    "OWHR_PILOT_AS_ANNOUNCED",
    "OWHR_PILOT_AS_MADE",
    "RULES",
    "Kind",
    "OwhrPilot",
    "SeriousnessFactor",
]


def _pcsc(p: str) -> Citation:
    return cite("pcsc-act-2022", p)


def _da(p: str) -> Citation:
    return cite("da-act-2021", p)


# --- facts: the incident's own facts, else what the offence code implies ---------------
PHYSICAL = Fact(Has("behaviours", "physical"), "physical")
SEXUAL = Fact(Has("behaviours", "sexual"), "sexual")
THREAT = Fact(Has("behaviours", "violent_or_threatening"), "threat")
CONTROLLING = Fact(Has("behaviours", "controlling_or_coercive"), "controlling")
ECONOMIC = Fact(Has("behaviours", "economic"), "economic")
PSYCHOLOGICAL = Fact(Has("behaviours", "psychological"), "psychological")
PROPERTY_VIOLENCE = Fact(
    All(In("target", frozenset({"property"})), Has("behaviours", "physical")), "property_violence"
)
WEAPON = Fact(In("weapon", frozenset({"knife", "firearm", "corrosive", "other"})), "weapon")
KNIFE = Fact(In("weapon", frozenset({"knife"})), "knife")
FIREARM = Fact(In("weapon", frozenset({"firearm"})), "firearm")
CORROSIVE = Fact(In("weapon", frozenset({"corrosive"})), "corrosive")
DEATH = Fact(Any_(IsTrue("died"), Has("harms", "death")), "death")
INJURY = Fact(Has("harms", "injury"), "injury")
INTENTIONAL = Fact(IsTrue("intentional"), "intentional")
AGAINST_PEOPLE = Fact(
    In("target", frozenset({"self", "person", "group", "community"})), "against_people"
)
AGAINST_OTHERS = In("target", frozenset({"person", "group", "community"}))
HOMICIDE = Fact(All(IsTrue("died"), AGAINST_OTHERS, Any_(PHYSICAL, WEAPON)), "homicide")
HARM = Any_(INJURY, DEATH, HasAny("harms", frozenset(h.value for h in Harm)))
OFFENCE_VIOLENCE = Table("violence", closed_by="behaviours")
TERRORISM = Flag("context", "terrorism")
LIMBS = frozenset(r.value for r in Relationship if r is not Relationship.NONE)

_LIMB_TEXT = {
    "married": ("a", "are or have been married to each other"),
    "civil_partners": ("b", "are or have been civil partners of each other"),
    "agreed_to_marry": ("c", "have agreed to marry one another (whether or not ended)"),
    "civil_partnership_agreement": (
        "d",
        "have entered into a civil partnership agreement (whether or not ended)",
    ),
    "intimate_personal_relationship": (
        "e",
        "are or have been in an intimate personal relationship with each other",
    ),
    "parental_relationship_same_child": (
        "f",
        "each have, or have had, a parental relationship in relation to the same child",
    ),
    "relatives": ("g", "are relatives"),
}

_R: list[Rule] = []


def _rule(rid: str, expr: Expr, says: str, citation: Citation) -> Expr:
    _R.append(Rule(rid, expr, says, citation))
    return Ref(rid)


# --- Domestic Abuse Act 2021 ss.1-3 ------------------------------------------------------
for _limb, (_letter, _text) in _LIMB_TEXT.items():
    _rule(
        f"DA-S2-1{_letter}",
        In("relationship", frozenset({_limb})),
        f"personally connected: they {_text}",
        _da(f"s.2(1)({_letter})"),
    )
_rule(
    "DA-S2-NONE",
    In("relationship", frozenset({"none"})),
    "not personally connected (none of the seven limbs of s.2 applies)",
    _da("s.2(1)"),
)
CONNECTED = In("relationship", LIMBS)
AGES = _rule(
    "DA-S1-2A",
    All(AtLeast("victim_age", 16), AtLeast("perpetrator_age", 16)),
    "both aged 16 or over",
    _da("s.1(2)(a)"),
)
_rule(
    "DA-S1-2A-UNDER-16",
    Any_(Below("victim_age", 16), Below("perpetrator_age", 16)),
    "one of them is under 16: not domestic abuse under s.1 (for a child, see s.3)",
    _da("s.1(2)(a)"),
)
_K_PS = _rule("DA-S1-3A", Any_(PHYSICAL, SEXUAL), "physical or sexual abuse", _da("s.1(3)(a)"))
_K_VT = _rule("DA-S1-3B", THREAT, "violent or threatening behaviour", _da("s.1(3)(b)"))
_K_CC = _rule("DA-S1-3C", CONTROLLING, "controlling or coercive behaviour", _da("s.1(3)(c)"))
_K_EC = _rule(
    "DA-S1-3D",
    ECONOMIC,
    "economic abuse: a substantial adverse effect on the ability to acquire, use or "
    "maintain money or other property, or obtain goods or services",
    _da("s.1(3)(d), s.1(4)"),
)
_K_PE = _rule(
    "DA-S1-3E", PSYCHOLOGICAL, "psychological, emotional or other abuse", _da("s.1(3)(e)")
)
ABUSIVE = Any_(_K_PS, _K_VT, _K_CC, _K_EC, _K_PE)
DOMESTIC_ABUSE = _rule(
    "DA-S1",
    All(AGES, CONNECTED, ABUSIVE),
    "domestic abuse: both 16 or over, personally connected, and the behaviour is abusive",
    _da("s.1(2)"),
)
_rule(
    "DA-S3",
    All(Below("victim_age", 18), In("relationship", frozenset({"relatives"})), ABUSIVE),
    "a child who sees, hears or experiences the effects of domestic abuse between people "
    "they are related to is a victim of it; s.1 itself needs both aged 16 or over",
    _da("s.3"),
)

# --- PCSC Act 2022 s.13 -------------------------------------------------------------------
EXCLUDED = _rule(
    "S13-3B",
    TERRORISM,
    "terrorism (Terrorism Act 2000 s.1(1)-(4)) is not violence for the Duty",
    _pcsc("s.13(3)(b)"),
)
_V_DA = _rule(
    "S13-3A-i",
    DOMESTIC_ABUSE,
    "violence includes domestic abuse (DA Act 2021 s.1)",
    _pcsc("s.13(3)(a)(i)"),
)
_V_SX = _rule(
    "S13-3A-ii",
    SEXUAL,
    "violence includes sexual offences (SOA 2003 Sch 3 except para 14; limits that depend "
    "on the case disregarded)",
    _pcsc("s.13(3)(a)(ii), s.13(4)-(5)"),
)
_V_PR = _rule(
    "S13-3A-iii",
    PROPERTY_VIOLENCE,
    "violence includes violence against property",
    _pcsc("s.13(3)(a)(iii)"),
)
_V_TH = _rule("S13-3A-iv", THREAT, "violence includes threats of violence", _pcsc("s.13(3)(a)(iv)"))
_V_PH = _rule(
    "S13-3A",
    PHYSICAL,
    "the use of physical force is violence in its ordinary meaning",
    _pcsc("s.13(3)(a)"),
)
_V_OF = _rule(
    "S13-OFFENCE",
    OFFENCE_VIOLENCE,
    "the offence recorded is violence at offence level (offence table)",
    cite("ons-offence-join", "offence-facts.csv"),
)
_rule(
    "S13-OFFENCE-NOT",
    All(Any_(Given("offence_code"), Given("police_uk_category")), Not(OFFENCE_VIOLENCE)),
    "the offence recorded is not violence at offence level (offence table)",
    cite("ons-offence-join", "offence-facts.csv"),
)
_ANY_VIOLENCE = Any_(_V_DA, _V_SX, _V_PR, _V_TH, _V_PH, _V_OF)
_rule(
    "S13-NONE",
    Not(_ANY_VIOLENCE),
    "none of the kinds of violence of s.13(3)(a) applies to the facts given",
    _pcsc("s.13(3)(a)"),
)
VIOLENCE = _rule(
    "S13",
    All(Not(EXCLUDED), _ANY_VIOLENCE),
    "violence within s.13(3) of the Act",
    _pcsc("s.13(3)"),
)

# --- WHO 2002 -----------------------------------------------------------------------------
WHO = _rule(
    "WHO-2002",
    All(
        INTENTIONAL,
        Any_(PHYSICAL, THREAT, CONTROLLING, SEXUAL),
        AGAINST_PEOPLE,
        Any_(HARM, THREAT, PHYSICAL),
    ),
    "the intentional use of physical force or power, threatened or actual, against "
    "oneself, another person, or a group or community, resulting in or highly likely to "
    "result in injury, death, psychological harm, maldevelopment or deprivation",
    cite("who-2002", "ch. 1"),
)

# --- OWHR ss.24-26, 34 --------------------------------------------------------------------
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

_rule(
    "BASIS-CATEGORY",
    All(Not(Given("offence_code")), Given("police_uk_category")),
    "answered at the level of the police.uk category, not of the offence",
    cite("police-uk", "Crime type"),
)
_rule(
    "CATEGORY-MIXED",
    All(
        Not(Given("offence_code")),
        Given("police_uk_category"),
        Not(Given("behaviours")),
        TableUnknown("violence"),
    ),
    "the police.uk category mixes offences that are and are not violence: the offence "
    "code (or the behaviours) would settle it",
    cite("police-uk", "Crime type"),
)
_rule(
    "CONTEXT-NOT-GIVEN",
    Not(Given("context")),
    "no context flags given: read as none (terrorism, county lines, gangs, social media "
    "and exploitation not indicated)",
    _pcsc("s.13(3)(b)"),
)
_rule(
    "REVIEWS-NOT-GIVEN",
    All(Not(Given("other_reviews")), HOMICIDE),
    "no other reviews given: read as none known beyond what the facts imply (s.26)",
    _pcsc("s.26"),
)

_RULES_BASE = tuple(_R)


class SeriousnessFactor(enum.StrEnum):
    """The s.13(6) factors a definition may weigh (explicit inputs, not a hidden score).

    Example:
        >>> [f.value for f in SeriousnessFactor][0]
        'maximum_penalty'
    """

    MAXIMUM_PENALTY = "maximum_penalty"
    IMPACT_ON_VICTIM = "impact_on_victim"
    PREVALENCE_IN_AREA = "prevalence_in_area"
    IMPACT_ON_COMMUNITY = "impact_on_community"


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


@attrs.frozen(slots=True)
class Kind:
    """A kind of (serious) violence a definition may include, as a rule.

    Attributes:
        id: The kind's id, such as ``"knife_crime"``.
        label: Its name in words.
        expr: When an incident is of this kind.
        citation: Where the kind comes from.

    Example:
        >>> KINDS["county_lines"].label
        'county lines'
    """

    id: str
    label: str
    expr: Expr
    citation: Citation


_SV18 = cite("sv-strategy-2018", "scope")
_WSV = cite("warwickshire-sv-strategy", "What our strategy covers")
KINDS: dict[str, Kind] = {
    k.id: k
    for k in [
        Kind("s13_violence", "violence within s.13", VIOLENCE, _pcsc("s.13(3)")),
        Kind("who_violence", "violence (WHO 2002)", WHO, cite("who-2002", "ch. 1")),
        Kind("physical_violence", "physical violence", PHYSICAL, _pcsc("s.13(3)(a)")),
        Kind("domestic_abuse", "domestic abuse", DOMESTIC_ABUSE, _da("s.1")),
        Kind("sexual_offence", "sexual offence", SEXUAL, _pcsc("s.13(3)(a)(ii), s.13(4)")),
        Kind(
            "violence_against_property",
            "violence against property",
            PROPERTY_VIOLENCE,
            _pcsc("s.13(3)(a)(iii)"),
        ),
        Kind("threats_of_violence", "threats of violence", THREAT, _pcsc("s.13(3)(a)(iv)")),
        Kind("homicide", "homicide", HOMICIDE, _SV18),
        Kind("knife_crime", "knife crime", KNIFE, _SV18),
        Kind("gun_crime", "gun crime", FIREARM, _SV18),
        Kind("corrosive_substance", "corrosive substance as a weapon", CORROSIVE, _SV18),
        Kind("offensive_weapon", "an offensive weapon involved", WEAPON, _pcsc("s.24(8)")),
        Kind(
            "weapon_violence",
            "violence involving a weapon",
            All(WEAPON, Any_(PHYSICAL, THREAT, OFFENCE_VIOLENCE)),
            _WSV,
        ),
        Kind("county_lines", "county lines", Flag("context", "county_lines"), _SV18),
        Kind("gang", "gangs", Flag("context", "gang"), _SV18),
        Kind(
            "street_gang_violence",
            "street gang violence",
            All(Flag("context", "gang"), Any_(PHYSICAL, THREAT, OFFENCE_VIOLENCE)),
            _WSV,
        ),
        Kind(
            "social_media_violence",
            "serious violence driven through social media",
            All(Flag("context", "social_media"), Any_(PHYSICAL, THREAT, CONTROLLING)),
            _WSV,
        ),
        Kind("exploitation", "exploitation", Flag("context", "exploitation"), _WSV),
        Kind("coercive_control", "coercive and/or controlling behaviour", CONTROLLING, _WSV),
        Kind("financial_abuse", "financial abuse", ECONOMIC, _WSV),
        Kind("psychological_abuse", "psychological abuse", PSYCHOLOGICAL, _da("s.1(3)(e)")),
        Kind(
            "child_neglect",
            "child neglect",
            All(
                Below("victim_age", 18),
                HasAny("harms", frozenset({"deprivation", "maldevelopment"})),
            ),
            cite("who-2002", "ch. 1"),
        ),
    ]
}
"""The kinds of violence, by id, that definitions choose from."""

RULES: dict[str, Rule] = {r.id: r for r in (*_RULES_BASE, *pilot_rules(OWHR_PILOT_AS_MADE))}
"""Every national rule by id (with the pilot as made)."""
