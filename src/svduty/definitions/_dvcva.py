"""Domestic homicide reviews (DVCVA 2004 s.9), which take precedence (PCSC Act 2022 s.26(1)(b)).

s.26(1)(b) switches the homicide review duty off where "the death may be the subject of a
domestic homicide review (see section 9 of the Domestic Violence, Crime and Victims Act
2004)". DVCVA 2004 s.9(1) (read in the ``legalize-dev/legalize-uk`` mirror of the revised
text) defines one as "a review of the circumstances in which the death of a person aged
16 or over has, or appears to have, resulted from violence, abuse or neglect by— (a) a
person to whom he was related or with whom he was or had been in an intimate personal
relationship, or (b) a member of the same household as himself". The facts must show
three things: the age at death, the suspect's relation to the victim, and that the death
resulted from the suspect's violence, abuse or neglect (:data:`VIOLENCE_ABUSE_OR_NEGLECT`:
a behaviour of DA Act 2021 s.1(3) or neglect, physical force with a weapon, or an offence
proving violence or power). A death a spouse caused with no such behaviour known is not
yet shown to be one (owhr43).

s.9 names no place: a review may be held by, or the Secretary of State may direct
(s.9(2)), any body of s.9(4), whatever the country of the death, so no place test is made
(unlike a child death review or a safeguarding adults review, whose Acts name the area).

Example:
    >>> from svduty.definitions._expr import ScalarEnv
    >>> wife = {"relationship": "married", "victim_age_at_death": 30}
    >>> DHR_BY_FACTS.scalar(ScalarEnv(wife)) is None  # what caused the death is not known
    True
    >>> DHR_BY_FACTS.scalar(ScalarEnv({**wife, "behaviours": frozenset({"physical"})}))
    True
    >>> DHR_BY_FACTS.scalar(ScalarEnv({**wife, "behaviours": frozenset()}))
    False
"""

from __future__ import annotations

from typing import Any

from svduty.definitions._age_at_death import younger_at_death
from svduty.definitions._atoms import Flag, Given, In, IsTrue, Possibly, Table
from svduty.definitions._expr import All, Any_, Expr, Not, Rule
from svduty.definitions._law import (
    CONTROLLING,
    DEATH,
    ECONOMIC,
    FORCE,
    NEGLECT,
    OFFENCE_VIOLENCE,
    PSYCHOLOGICAL,
    SEXUAL,
    THREAT,
)
from svduty.sources import Citation, Confidence, cite

__all__ = [
    "DHR_AGE",
    "DHR_BY_FACTS",
    "DVCVA_RULES",
    "RELATED_OR_INTIMATE",
    "S5_HOUSEHOLD",
    "SAME_HOUSEHOLD",
    "VIOLENCE_ABUSE_OR_NEGLECT",
]

# Of the DA Act 2021 s.2 limbs, married and civil partners (related by marriage, or
# intimate), an intimate personal relationship and relatives meet (a); an agreement to
# marry or to form a civil partnership is read as an intimate personal relationship
# (svduty's reading, its own reason with the doubt cited); a parental relationship in
# relation to the same child is not by itself a limb: only one household
# (``same_household``) or another limb settles it.
_DVCVA_A = frozenset({"married", "civil_partners", "intimate_personal_relationship", "relatives"})
_DVCVA_AGREED = frozenset({"agreed_to_marry", "civil_partnership_agreement"})
RELATED_OR_INTIMATE = In("relationship", _DVCVA_A | _DVCVA_AGREED)
"""The suspect was related to the victim or in (or formerly in) an intimate relationship."""
SAME_HOUSEHOLD = IsTrue("same_household")
"""The suspect was a member of the same household as the victim (s.9(1)(b))."""
DHR_AGE = Not(younger_at_death(16))
"""The victim was 16 or over at death (s.9(1))."""
# "violence, abuse or neglect by" the suspect (the incident's behaviours are theirs): a
# behaviour DA Act 2021 s.1(3) calls abusive (physical or sexual abuse; violent or
# threatening, controlling or coercive behaviour; economic, psychological or other abuse),
# neglect, physical force (a weapon used intentionally against a person who died or was
# injured, where no behaviours are given), or what the offence code proves (violence, or
# the use of force or power, which takes in neglect). A complete behaviours list without
# any rules it out; none given and no code proving it leaves it undetermined.
VIOLENCE_ABUSE_OR_NEGLECT = Any_(
    FORCE,
    THREAT,
    SEXUAL,
    CONTROLLING,
    ECONOMIC,
    PSYCHOLOGICAL,
    NEGLECT,
    OFFENCE_VIOLENCE,
    Table("power", closed_by="behaviours"),
)
"""The death resulted (or appears to have resulted) from the suspect's violence, abuse or
neglect (s.9(1))."""
_BY_THEM = VIOLENCE_ABUSE_OR_NEGLECT
DHR_BY_FACTS = All(DHR_AGE, Any_(RELATED_OR_INTIMATE, SAME_HOUSEHOLD), _BY_THEM)
"""The facts show the death may be the subject of a domestic homicide review (s.9(1))."""
S5_HOUSEHOLD = All(Given("offence_code"), In("offence_code", frozenset({"4.7"})))
"""The offence (code 4.7, DVCVA 2004 s.5) proves the victim died (or was seriously harmed)
as a result of the unlawful act of a member of their household as s.5(4)(a) has it "for
the purposes of this section": one who "does not live in that household" but visits it
often counts. s.9(1)(b) has no such extension, so the code does not settle
``same_household`` (owhr44): its reason says so, with the doubt."""


def _s9(p: str, **kw: Any) -> Citation:
    return cite("dvcva-2004", p, **kw)


_LISTED = Flag("other_reviews", "domestic_homicide_review")
_R: list[Rule] = []


def _rule(rid: str, expr: Expr, says: str, citation: Citation, when: Expr) -> None:
    """Register a rule; ``when`` keeps its reason quiet where it cannot bear on the answer."""
    _R.append(Rule(rid, All(Possibly(when), expr), says, citation))


_rule(
    "DVCVA-S9-1A",
    All(In("relationship", _DVCVA_A), _BY_THEM),
    "related to, or in (or formerly in) an intimate personal relationship with, the "
    "suspect, whose violence, abuse or neglect the death resulted from: a domestic "
    "homicide review may be held for a victim aged 16 or over",
    _s9("s.9(1)(a)"),
    All(DEATH, DHR_AGE),
)
_rule(
    "DVCVA-S9-1A-AGREED",
    All(In("relationship", _DVCVA_AGREED), _BY_THEM),
    "an agreement to marry or to form a civil partnership (DA Act 2021 s.2(1)(c), (d)) "
    "read as an intimate personal relationship, and the death resulted from the suspect's "
    "violence, abuse or neglect: a domestic homicide review may be held for a victim aged "
    "16 or over",
    _s9(
        "s.9(1)(a)",
        confidence=Confidence.UNCONFIRMED,
        doubt="s.9(1)(a) does not name an agreement to marry or to form a civil "
        "partnership; svduty reads one as an intimate personal relationship, as it "
        "normally is",
    ),
    All(DEATH, DHR_AGE),
)
_rule(
    "DVCVA-S9-1B",
    All(SAME_HOUSEHOLD, _BY_THEM),
    "the suspect was a member of the same household as the victim, and the death resulted "
    "from their violence, abuse or neglect: a domestic homicide review may be held for a "
    "victim aged 16 or over",
    _s9("s.9(1)(b)"),
    All(DEATH, DHR_AGE),
)
_rule(
    "DVCVA-S9-1-UNDER-16",
    Not(DHR_AGE),
    "no domestic homicide review: the victim was under 16 at death",
    _s9("s.9(1)"),
    DEATH,
)
_rule(
    "DVCVA-S9-1-PARENTAL",
    All(In("relationship", frozenset({"parental_relationship_same_child"})), Not(SAME_HOUSEHOLD)),
    "a parental relationship in relation to the same child (DA Act 2021 s.2(1)(f)) is not "
    "by itself a limb of s.9(1): they were not members of the same household, so it does "
    "not make the death one a domestic homicide review may be held for (recorded as their "
    "only connection: co-parents who are or have been in an intimate personal relationship "
    "are recorded as intimate_personal_relationship, a s.9(1)(a) limb)",
    _s9(
        "s.9(1)",
        doubt="'relationship' holds one limb of DA Act 2021 s.2(1); most co-parents have "
        'been in an intimate personal relationship, which s.9(1)(a) reads ("was or had '
        'been"): this answer holds only where they never were',
    ),
    DEATH,
)
_rule(
    "DVCVA-S9-1-NOT-CONNECTED",
    All(
        Not(RELATED_OR_INTIMATE),
        Not(In("relationship", frozenset({"parental_relationship_same_child"}))),
        Not(SAME_HOUSEHOLD),
    ),
    "the suspect was neither related to the victim, nor in (or formerly in) an intimate "
    "personal relationship with them, nor a member of their household: not a death a "
    "domestic homicide review is held for",
    _s9("s.9(1)"),
    All(DEATH, DHR_AGE, Not(_LISTED)),
)
_rule(
    "DVCVA-S5-4",
    All(S5_HOUSEHOLD, Not(RELATED_OR_INTIMATE), Possibly(Not(SAME_HOUSEHOLD))),
    "the offence (causing or allowing the death of a child or vulnerable adult) proves the "
    "death resulted from the unlawful act of a member of the victim's household as s.5 "
    "has it, which counts one who does not live there but visits often; s.9(1)(b) does not "
    "take that meaning, so the code does not say whether the person whose act caused the "
    "death was a member of the same household as s.9(1)(b) reads it: same_household does",
    _s9(
        "s.5(1)(a), s.5(4)(a); s.9(1)(b)",
        confidence=Confidence.UNCONFIRMED,
        doubt="s.5(4)(a) regards as a 'member' of a household one who 'does not live in "
        "that household' if 'he visits it so often and for such periods of time that it is "
        "reasonable to regard him as a member of it', 'for the purposes of this section' "
        "only; s.9(1)(b) leaves 'a member of the same household as himself' undefined, and "
        "svduty reads it without the extension (that s.5(4)(a) deems a visitor a member "
        "suggests one is not otherwise); no guidance or case law on s.9(1)(b) was read. "
        "The recorded suspect may be one who only allowed the death (s.5(1)(d)): "
        "relationship, same_household and behaviours describe the person whose act "
        "caused it",
    ),
    All(DEATH, DHR_AGE, Not(_LISTED), _BY_THEM),
)
_rule(
    "DVCVA-S9-1-NO-VIOLENCE",
    All(Any_(RELATED_OR_INTIMATE, SAME_HOUSEHOLD), Not(_BY_THEM)),
    "the suspect was related to the victim, intimate with them or of their household, but "
    "the death did not result from their violence, abuse or neglect (the behaviours given "
    "and the offence show none): not a death a domestic homicide review is held for",
    _s9("s.9(1)"),
    All(DEATH, DHR_AGE, Not(_LISTED)),
)

DVCVA_RULES: tuple[Rule, ...] = tuple(_R)
"""The rules of DVCVA 2004 s.9(1), in the order their reasons are given.

Example:
    >>> [r.id for r in DVCVA_RULES][-1]
    'DVCVA-S9-1-NO-VIOLENCE'
"""
