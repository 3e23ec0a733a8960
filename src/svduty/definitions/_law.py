"""National law as rules: s.13, the Domestic Abuse Act 2021 ss.1-3 and WHO 2002.

Every rule here is a :class:`~svduty.definitions._expr.Rule` with a citation; the scalar
and the columnar classifier both evaluate these same rules. Facts are an open world: a
fact comes from the incident, else from what its offence code (or police.uk category)
proves; anything neither gives is unknown and leaves an answer undetermined. Each answer
has rules for ``yes`` and rules for the condition that failed when it is ``no``.

The homicide review rules are in :mod:`._owhr`, the kinds definitions choose from in
:mod:`._kinds`.

Example:
    >>> [r.id for r in RULES_LAW if r.id.startswith("S13-3B")]
    ['S13-3B']
"""

from __future__ import annotations

from svduty.definitions._atoms import (
    AtLeast,
    Below,
    Fact,
    FirstKnown,
    Flag,
    Given,
    Has,
    HasAny,
    In,
    IsTrue,
    Possibly,
    Presumes,
    Table,
    TableUnknown,
    Undecided,
)
from svduty.definitions._expr import All, Any_, Expr, Not, Ref, Rule
from svduty.definitions._vocab import Harm, Relationship
from svduty.sources import Citation, cite

__all__ = [
    "FACTS",
    "FORCE_CITATION",
    "FORCE_INTENDED",
    "INTENTIONAL_USE",
    "INTENT_PRESUMED_BEARS",
    "PROVED_BY_CODE",
    "RULES_LAW",
    "SCH3_OFFENCE",
    "THREATS_CITATION",
    "THREATS_OF_VIOLENCE",
    "VICTIM_16",
    "WHO_INTENT_BEARS",
]


def _pcsc(p: str) -> Citation:
    return cite("pcsc-act-2022", p)


def _da(p: str) -> Citation:
    return cite("da-act-2021", p)


_B = "behaviours"
_OTHERS = frozenset({"person", "group", "community"})

# --- facts: the incident's own, else what the offence code proves (conflicts reported) ---
PHYSICAL = Fact(Has(_B, "physical"), "physical")
SEXUAL = Fact(Has(_B, "sexual"), "sexual")
# DA Act 2021 s.1(3)(b) "violent or threatening behaviour": physical force is violent
# behaviour, so a behaviours list with "physical" says it too (a robbery by force is not a
# conflict with its code's "force or the threat of force")
THREAT = Fact(Any_(Has(_B, "violent_or_threatening"), Has(_B, "physical")), "threat")
CONTROLLING = Fact(Has(_B, "controlling_or_coercive"), "controlling")
ECONOMIC = Fact(Has(_B, "economic"), "economic")
PSYCHOLOGICAL = Fact(Has(_B, "psychological"), "psychological")
NEGLECT = Fact(Has(_B, "neglect"), "neglect")
WEAPON = Fact(Not(In("weapon", frozenset({"none"}))), "weapon")
KNIFE = Fact(In("weapon", frozenset({"knife"})), "knife")
FIREARM = Fact(In("weapon", frozenset({"firearm"})), "firearm")
CORROSIVE = Fact(In("weapon", frozenset({"corrosive"})), "corrosive")
DEATH = Fact(FirstKnown(IsTrue("died"), Has("harms", "death")), "death")
INJURY = Fact(Has("harms", "injury"), "injury")
INTENTIONAL = Fact(IsTrue("intentional"), "intentional")
AGAINST_OTHERS = Fact(In("target", _OTHERS), "against_people")
VICTIM_16 = Fact(AtLeast("victim_age", 16), "victim_16_plus")
PERPETRATOR_16 = Fact(AtLeast("perpetrator_age", 16), "perpetrator_16_plus")
LIMBS = frozenset(r.value for r in Relationship if r is not Relationship.NONE)


CONNECTED = Fact(In("relationship", LIMBS), "connected")
SCH3_STATED = Fact(IsTrue("schedule_3_offence"), "schedule_3")
FACTS: tuple[Fact, ...] = (
    PHYSICAL,
    SEXUAL,
    THREAT,
    CONTROLLING,
    ECONOMIC,
    PSYCHOLOGICAL,
    NEGLECT,
    WEAPON,
    KNIFE,
    FIREARM,
    CORROSIVE,
    DEATH,
    INJURY,
    INTENTIONAL,
    AGAINST_OTHERS,
    VICTIM_16,
    PERPETRATOR_16,
    CONNECTED,
    SCH3_STATED,
)
"""The facts both the incident and its offence code may give; where both do, they must agree."""

SELF = In("target", frozenset({"self"}))
AGAINST_PEOPLE = Any_(SELF, AGAINST_OTHERS)
PROPERTY_VIOLENCE = Any_(
    All(In("target", frozenset({"property"})), PHYSICAL),
    Table("property_violence", closed_by=_B),
)
# a weapon used intentionally to injure or kill another is the use of physical force; a
# behaviours list that omits "physical" while saying so is a conflict (see _knowledge)
FORCE_BY_WEAPON = All(WEAPON, INTENTIONAL, AGAINST_OTHERS, Any_(INJURY, DEATH))
FORCE = Any_(PHYSICAL, All(Not(Given(_B)), FORCE_BY_WEAPON))
# a death is a killing by another unless the violence was the victim's own: one directed at
# property can kill (arson of an occupied home: s.13(3)(a)(iii) and s.24(6) both apply); the
# offence code may say it was against people where the incident gives no target
HOMICIDE = All(
    DEATH, Any_(AGAINST_OTHERS, Not(SELF)), Any_(Table("homicide", closed_by=_B), PHYSICAL, WEAPON)
)
HARM = Any_(INJURY, DEATH, HasAny("harms", frozenset(h.value for h in Harm)))
# s.13(4): a "sexual offence" is an offence specified in Schedule 3 to the Sexual Offences
# Act 2003 (but paragraph 14). The incident may state it (schedule_3_offence), else the
# offence code says it (the offence table's "schedule_3" fact: "no" for an offence Sch 3
# does not list, such as theft or manslaughter); sexual behaviour alone (DA Act
# s.1(3)(a) sexual abuse) need not be one, and a behaviours list without it rules one out
# (a stated Sch 3 offence with such a list is a conflict, see _knowledge)
SCH3_OFFENCE = FirstKnown(IsTrue("schedule_3_offence"), All(SEXUAL, Table("schedule_3")))
OFFENCE_VIOLENCE = Table("violence", closed_by=_B)
TERRORISM = Flag("context", "terrorism")

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
AGES = _rule("DA-S1-2A", All(VICTIM_16, PERPETRATOR_16), "both aged 16 or over", _da("s.1(2)(a)"))
_rule(
    "DA-S1-2A-UNDER-16",
    Not(All(VICTIM_16, PERPETRATOR_16)),
    "one of them is under 16 (by their age, or by what the offence requires): not domestic "
    "abuse under s.1 (for a child, see s.3)",
    _da("s.1(2)(a)"),
)
# towards another person: the target or the offence says so, or two people are connected
TOWARDS_ANOTHER = Any_(AGAINST_OTHERS, Not(SELF), All(CONNECTED, Not(Given("target"))))
_rule(
    "DA-S1-SELF",
    SELF,
    "behaviour towards oneself is not domestic abuse: s.1 is the behaviour of a person "
    "towards another person",
    _da("s.1(2)"),
)
# s.1(3)(a)-(b) name physical abuse and violent behaviour; they state no mental element.
# Force used by accident is neither (a legal review: two partners' accident was answered
# domestic abuse), but force used recklessly may be (a second review), and svduty does not
# tell the two apart: force not used intentionally leaves the limb open (``Undecided``),
# never "no". The force is intended where the incident or its offence says so; where
# neither says, a definition may presume it (``force-intentional``, _presume). A code or
# category withdraws it only where its offence requires intent or may be done by force
# used without it (``may_be_unintended``: careless driving, gross negligence): one that
# says nothing of the force is no knowledge of its intent (law50).
FORCE_INTENDED = "force-intentional"
_SILENT = All(Not(TableUnknown("may_be_unintended")), Not(Table("may_be_unintended")))
_UNCODED = All(Not(Given("offence_code")), Not(Given("police_uk_category")))
INTENT_UNSAID = All(Not(Given("intentional")), TableUnknown("intentional"), Any_(_UNCODED, _SILENT))
INTENDED = Any_(INTENTIONAL, All(INTENT_UNSAID, Presumes(FORCE_INTENDED)), Undecided())
# physical abuse: the use of physical force, stated (``physical``) or, without a behaviours
# list, a weapon used intentionally to injure or kill another (as S13-3A reads it), intended
_K_PS = _rule(
    "DA-S1-3A", Any_(All(FORCE, INTENDED), SEXUAL), "physical or sexual abuse", _da("s.1(3)(a)")
)
# violent or threatening behaviour: said so, or physical force (or an offence's threat), intended
_VT_SAID = Has(_B, "violent_or_threatening")
_K_VT = _rule(
    "DA-S1-3B",
    Any_(_VT_SAID, All(THREAT, INTENDED)),
    "violent or threatening behaviour",
    _da("s.1(3)(b)"),
)
_rule(
    "DA-S1-3-UNINTENDED",
    All(Any_(FORCE, THREAT), Not(_VT_SAID), Given("intentional"), Not(INTENTIONAL)),
    "the force was not used intentionally: by accident it is not physical abuse or violent "
    "behaviour (s.1(3)(a), (b)), recklessly it may be (s.1(3) states no mental element), "
    "and the incident does not say which: the limb is undetermined",
    _da("s.1(3)(a), (b)"),
)
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
# where the force-intentional presumption can bear on domestic abuse: force or threat not
# said to be violent or threatening, towards another, connected, both 16 or over (possibly:
# an offence's threat with no behaviours list, common assault or ABH, rests on it; law61)
INTENT_PRESUMED_BEARS = All(
    INTENT_UNSAID,
    Any_(FORCE, THREAT),
    Possibly(Not(_VT_SAID)),
    Possibly(TOWARDS_ANOTHER),
    Possibly(CONNECTED),
    Possibly(AGES),
)
_rule(
    "DA-S1-3-NONE",
    Not(ABUSIVE),
    "the behaviour is none of the kinds of abusive behaviour of s.1(3)",
    _da("s.1(3)"),
)
_rule(
    "DA-S1-3E-NEGLECT",
    All(NEGLECT, Not(ABUSIVE)),
    "neglect is not one of the kinds s.1(3) lists, and the behaviours given do not say it "
    "was psychological, emotional or other abuse (s.1(3)(e)): where it was, "
    "'psychological' among the behaviours says so and the answer follows",
    _da("s.1(3)(e)"),
)
DOMESTIC_ABUSE = _rule(
    "DA-S1",
    All(AGES, CONNECTED, TOWARDS_ANOTHER, ABUSIVE),
    "domestic abuse: both 16 or over, personally connected, and the behaviour is abusive",
    _da("s.1(2)"),
)
_rule(
    "DA-S3",
    All(Below("victim_age", 16), In("relationship", frozenset({"relatives"})), ABUSIVE),
    "the victim is a child under 16 related to the perpetrator: not domestic abuse under "
    "s.1, which needs both aged 16 or over; s.3 makes a child (under 18) a "
    "victim of domestic abuse between two other people (one of them related to the child) "
    "that the child sees, hears or experiences the effects of, which the incident does not "
    "describe",
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
    SCH3_OFFENCE,
    "violence includes sexual offences: the offence recorded is one specified in SOA 2003 "
    "Sch 3 (except para 14; limits that depend on the case disregarded)",
    _pcsc("s.13(3)(a)(ii), s.13(4)-(5)"),
)
_V_PR = _rule(
    "S13-3A-iii",
    PROPERTY_VIOLENCE,
    "violence includes violence against property",
    _pcsc("s.13(3)(a)(iii)"),
)
# s.13(3)(a)(iv) "threats of violence" is narrower than s.1(3)(b)'s "violent or
# threatening behaviour": an assault or a robbery by force is violent behaviour, not a
# threat (independent legal review, thirteenth session's follow-up)
THREATS_CITATION = cite(
    "pcsc-act-2022",
    "s.13(3)(a)(iv)",
    doubt="svduty reads violent or threatening behaviour (DA Act 2021 s.1(3)(b)) without "
    "physical force as threatening behaviour, and threatening behaviour as threats of "
    "violence; a threat of something else (to disclose, to end support) is controlling, "
    "coercive or psychological abuse, which a recorder lists as such; as with force, the "
    "Act does not leave out a threat against oneself, which a partnership's definition may",
)
THREATS_OF_VIOLENCE = Any_(
    All(THREAT, Not(PHYSICAL)), Table("threat_of_violence", closed_by=_B)
)  # the offence itself a threat of violence (threats to kill, 3B)
_V_TH = _rule(
    "S13-3A-iv",
    THREATS_OF_VIOLENCE,
    "violence includes threats of violence",
    THREATS_CITATION,
)
# s.13(3) says what "violence" includes (and excludes), not what it is: its ordinary
# meaning is the base (independent legal review, finding 5)
FORCE_CITATION = cite(
    "pcsc-act-2022",
    "s.13(3)",
    doubt="s.13(3) says what 'violence' includes, in particular, and excludes, not what it "
    "is: svduty reads it in its ordinary meaning, the use of physical force; the Act does "
    "not leave out force against oneself or force used without intent to harm, which a "
    "partnership's definition may",
)
_V_PH = _rule(
    "S13-3A", FORCE, "the use of physical force is violence in its ordinary meaning", FORCE_CITATION
)
_V_OF = _rule(
    "S13-OFFENCE",
    OFFENCE_VIOLENCE,
    "the offence recorded (its offence code; or, where only its police.uk category is "
    "given, every offence of the category) is violence by its legal definition (offence "
    "table)",
    cite("ons-offence-join", "offence-facts.csv"),
)
_ANY_VIOLENCE = Any_(_V_DA, _V_SX, _V_PR, _V_TH, _V_PH, _V_OF)
# the reason an undetermined sexual-offence limb gives, quiet where another limb (or the
# terrorism exclusion) already decides
_rule(
    "S13-4-SCH3-UNKNOWN",
    All(
        Has(_B, "sexual"),
        TableUnknown("schedule_3"),
        Not(Given("schedule_3_offence")),
        Possibly(Not(Any_(_V_DA, _V_PR, _V_TH, _V_PH, _V_OF))),
        Possibly(Not(EXCLUDED)),
    ),
    "sexual behaviour is violence through s.13(3)(a)(ii) only if the offence is one "
    "specified in SOA 2003 Sch 3 (except para 14): the offence code would decide (none is "
    "given, or the table does not confirm the code's Sch 3 membership), or "
    "schedule_3_offence stated",
    _pcsc("s.13(3)(a)(ii), s.13(4)"),
)
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
_WHO_DEF = cite("who-2002", "ch. 1, 'Defining violence'")
_WHO_POWER = cite("who-2002", "ch. 1, 'Defining violence': the use of physical force or power")
FORCE_OR_POWER = _rule(
    "WHO-2002-POWER",
    Any_(FORCE, THREAT, SEXUAL, CONTROLLING, PSYCHOLOGICAL, NEGLECT, Table("power", closed_by=_B)),
    "the use of physical force or power: power includes threats and intimidation, and "
    "neglect or acts of omission; it covers physical, sexual and psychological abuse",
    _WHO_POWER,
)

PROVED_BY_CODE: tuple[tuple[str, Expr], ...] = (
    ("violence", _ANY_VIOLENCE),
    ("power", FORCE_OR_POWER),
)
"""What an offence code may prove that the incident's own facts may settle too.

Evaluated without the code (its table empty), each expression is what the facts alone
settle; where the code proves it and the facts alone rule it out (a complete behaviours
list without any such behaviour), the two are a conflict, never a silent choice.
"""
_rule(
    "WHO-2002-NOT-INTENTIONAL",
    Not(INTENTIONAL),
    "not intentional: the WHO definition covers the intentional use of force or power "
    "(unintentional injuries are excluded)",
    _WHO_DEF,
)
_rule(
    "WHO-2002-NO-FORCE-OR-POWER",
    Not(FORCE_OR_POWER),
    "no use of physical force or power (threats, intimidation, neglect and physical, sexual "
    "and psychological abuse included)",
    _WHO_POWER,
)
_rule(
    "WHO-2002-NOT-PEOPLE",
    Not(AGAINST_PEOPLE),
    "not against oneself, another person, or a group or community",
    _WHO_DEF,
)
_WHO_HARM = Any_(HARM, FORCE, THREAT, SEXUAL, Table("harm_likely", closed_by="harms"))
_rule(
    "WHO-2002-NO-HARM",
    Not(_WHO_HARM),
    "neither resulted in nor highly likely to result in injury, death, psychological harm, "
    "maldevelopment or deprivation",
    _WHO_DEF,
)
# WHO makes intent an element, of the act, "irrespective of the outcome": a recorded offence
# is no accident, but one that may be reckless (an assault, law61) does not prove it; a
# definition may presume it where the code or category is silent (``intentional-use``, off
# unless its data asks: law62); an uncoded incident says it or leaves it open
INTENTIONAL_USE = "intentional-use"
_OFFENCE_SILENT = All(INTENT_UNSAID, Not(_UNCODED))
WHO_INTENT_BEARS = All(
    _OFFENCE_SILENT, Possibly(FORCE_OR_POWER), Possibly(AGAINST_PEOPLE), Possibly(_WHO_HARM)
)
WHO = _rule(
    "WHO-2002",
    All(
        Any_(INTENTIONAL, All(_OFFENCE_SILENT, Presumes(INTENTIONAL_USE))),
        FORCE_OR_POWER,
        AGAINST_PEOPLE,
        _WHO_HARM,
    ),
    "the intentional use of physical force or power, threatened or actual, against "
    "oneself, another person, or a group or community, resulting in or highly likely to "
    "result in injury, death, psychological harm, maldevelopment or deprivation",
    _WHO_DEF,
)

# --- the basis of the answer and what the code could not tell -----------------------------
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
        Not(Given(_B)),
        TableUnknown("violence"),
    ),
    "the police.uk category does not settle whether this was violence: the offence code "
    "(or the behaviours) would",
    cite("police-uk", "Crime type"),
)
_rule(
    "OFFENCE-CODE-UNKNOWN",
    All(Given("offence_code"), TableUnknown("known_code")),
    "offence code not in the Home Office notifiable offence list svduty holds: it proves "
    "nothing here (check the code)",
    cite("ho-counting-rules", "notifiable offence classifications"),
)

RULES_LAW = tuple(_R)
"""The rules of s.13, DA Act 2021 ss.1-3 and WHO 2002, in order."""
