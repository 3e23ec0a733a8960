"""The kinds of (serious) violence a definition chooses from, each a rule with a citation.

Example:
    >>> KINDS["county_lines"].label
    'county lines'
"""

from __future__ import annotations

import attrs

from svduty._checked import checked_fields
from svduty._fields import an_id
from svduty._words import Words
from svduty.definitions._atoms import Below, Flag, HasAny
from svduty.definitions._expr import All, Any_, Expr
from svduty.definitions._law import (
    CONTROLLING,
    CORROSIVE,
    DOMESTIC_ABUSE,
    ECONOMIC,
    FIREARM,
    FORCE,
    FORCE_CITATION,
    HOMICIDE,
    KNIFE,
    NEGLECT,
    PROPERTY_VIOLENCE,
    PSYCHOLOGICAL,
    SCH3_OFFENCE,
    THREATS_CITATION,
    THREATS_OF_VIOLENCE,
    VIOLENCE,
    WHO,
)
from svduty.definitions._owhr import OFFENSIVE_WEAPON
from svduty.errors import DefinitionError
from svduty.sources import Citation, cite

__all__ = ["KINDS", "Kind", "SeriousnessFactor"]


def _pcsc(p: str) -> Citation:
    return cite("pcsc-act-2022", p)


def _da(p: str) -> Citation:
    return cite("da-act-2021", p)


class SeriousnessFactor(Words):
    """The s.13(6) factors account must be taken of (explicit inputs, not a hidden score).

    Example:
        >>> [f.value for f in SeriousnessFactor][0]
        'maximum_penalty'
    """

    MAXIMUM_PENALTY = "maximum_penalty"
    IMPACT_ON_VICTIM = "impact_on_victim"
    PREVALENCE_IN_AREA = "prevalence_in_area"
    IMPACT_ON_COMMUNITY = "impact_on_community"


@checked_fields
@attrs.frozen(slots=True)
class Kind:
    """A kind of (serious) violence a definition may include, as a rule.

    Its fields are checked against their types when it is made: a value of another type is
    an :class:`~svduty.errors.ArgumentError` naming the class and the field, never the
    value. A blank id (or one with a line break) is a
    :class:`~svduty.errors.DefinitionError`.

    Attributes:
        id: The kind's id, such as ``"knife_crime"``.
        label: Its name in words.
        expr: When an incident is of this kind.
        citation: Where the kind comes from.

    Example:
        >>> KINDS["county_lines"].label
        'county lines'
    """

    id: str = attrs.field(validator=an_id(DefinitionError))
    label: str
    expr: Expr
    citation: Citation


_SV18 = cite("sv-strategy-2018", "scope")
KINDS: dict[str, Kind] = {
    k.id: k
    for k in [
        Kind("s13_violence", "violence within s.13", VIOLENCE, _pcsc("s.13(3)")),
        Kind("who_violence", "violence (WHO 2002)", WHO, cite("who-2002", "ch. 1")),
        Kind("physical_violence", "the use of physical force", FORCE, FORCE_CITATION),
        Kind("domestic_abuse", "domestic abuse", DOMESTIC_ABUSE, _da("s.1")),
        Kind(
            "sexual_offence",
            "sexual offence",
            SCH3_OFFENCE,
            _pcsc("s.13(3)(a)(ii), s.13(4)"),
        ),
        Kind(
            "violence_against_property",
            "violence against property",
            PROPERTY_VIOLENCE,
            _pcsc("s.13(3)(a)(iii)"),
        ),
        Kind("threats_of_violence", "threats of violence", THREATS_OF_VIOLENCE, THREATS_CITATION),
        Kind("homicide", "homicide", HOMICIDE, _SV18),
        Kind("knife_crime", "knife crime", KNIFE, _SV18),
        Kind("gun_crime", "gun crime", FIREARM, _SV18),
        Kind("corrosive_substance", "corrosive substance as a weapon", CORROSIVE, _SV18),
        Kind(
            "offensive_weapon",
            "an offensive weapon involved",
            OFFENSIVE_WEAPON,
            _pcsc("s.24(8)"),
        ),
        Kind("county_lines", "county lines", Flag("context", "county_lines"), _SV18),
        Kind("gang", "gangs", Flag("context", "gang"), _SV18),
        Kind(
            "coercive_control",
            "controlling or coercive behaviour",
            CONTROLLING,
            _da("s.1(3)(c)"),
        ),
        Kind(
            "financial_abuse",
            "economic (financial) abuse",
            ECONOMIC,
            _da("s.1(3)(d), s.1(4)"),
        ),
        Kind("psychological_abuse", "psychological abuse", PSYCHOLOGICAL, _da("s.1(3)(e)")),
        Kind(
            "child_neglect",
            "child neglect",
            All(
                Below("victim_age", 18),
                Any_(NEGLECT, HasAny("harms", frozenset({"deprivation", "maldevelopment"}))),
            ),
            cite("who-2002", "ch. 1"),
        ),
    ]
}
"""The kinds of violence, by id, that definitions choose from."""
