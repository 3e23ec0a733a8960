"""National law as rules: s.13, the Domestic Abuse Act 2021 ss.1-3 and WHO 2002.

Every rule here is a :class:`~svduty.definitions._expr.Rule` with a citation; the scalar
and the columnar classifier both evaluate these same rules. The homicide review rules
are in :mod:`._owhr`, the kinds definitions choose from in :mod:`._kinds`.

Example:
    >>> [r.id for r in RULES_LAW if r.id.startswith("S13-3B")]
    ['S13-3B']
"""

from __future__ import annotations

from svduty.definitions._atoms import (
    AtLeast,
    Below,
    Fact,
    Flag,
    Given,
    Has,
    HasAny,
    In,
    IsTrue,
    Table,
    TableUnknown,
)
from svduty.definitions._expr import All, Any_, Expr, Not, Ref, Rule
from svduty.definitions._vocab import Harm, Relationship
from svduty.sources import Citation, cite

__all__ = ["RULES_LAW"]


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

RULES_LAW = tuple(_R)
"""The rules of s.13, DA Act 2021 ss.1-3 and WHO 2002, in order."""
