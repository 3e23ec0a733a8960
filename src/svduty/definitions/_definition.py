"""Definitions of (serious) violence as data: the statute, WHO 2002, the 2018 strategy.

A :class:`Definition` chooses kinds from :data:`KINDS` (each a rule with a citation),
may exclude kinds and limit victims' ages, and records the causal-factor domains and
the s.13(6) seriousness factors it weighs. It may extend the statute (a local
definition may cover coercive control outside a domestic relationship) but cannot bring
back what s.13(3)(b) excludes: terrorism is out of every definition's scope.

Example:
    >>> STATUTE.id, WHO_2002.id, SV_STRATEGY_2018.id
    ('pcsc-s13', 'who-2002', 'sv-strategy-2018')
    >>> [i.kind for i in SV_STRATEGY_2018.include][:3]
    ['homicide', 'knife_crime', 'gun_crime']
"""

from __future__ import annotations

import attrs

from svduty.definitions._expr import All, Any_, AtLeast, Below, Expr, Not, Ref, Rule
from svduty.definitions._law import KINDS, SeriousnessFactor
from svduty.errors import DefinitionError, Problem
from svduty.sources import Citation, cite

__all__ = [
    "DEFINITIONS",
    "STATUTE",
    "SV_STRATEGY_2018",
    "WHO_2002",
    "CausalFactor",
    "Definition",
    "Included",
    "Seriousness",
]

_FACTORS = tuple(f.value for f in SeriousnessFactor)
_FORBIDDEN = {"terrorism": "s.13(3)(b) excludes terrorism; a definition cannot bring it back"}


@attrs.frozen(slots=True)
class Included:
    """A kind a definition includes (or excludes), with the words that put it there.

    Attributes:
        kind: A kind id from :data:`~svduty.definitions.KINDS`.
        citation: Where the definition says so.
        note: Anything a reader should know.

    Example:
        >>> Included("county_lines", cite("sv-strategy-2018", "scope")).kind
        'county_lines'
    """

    kind: str
    citation: Citation
    note: str = ""


@attrs.frozen(slots=True)
class CausalFactor:
    """A causal-factor domain a strategy names (individual, family, peer, school...).

    Example:
        >>> CausalFactor("peer", "conflict or feuds", cite("warwickshire-sv-strategy")).domain
        'peer'
    """

    domain: str
    examples: str
    citation: Citation


@attrs.frozen(slots=True)
class Seriousness:
    """How a definition weighs one s.13(6) factor: an explicit input, never a score.

    Attributes:
        factor: One of ``maximum_penalty``, ``impact_on_victim``, ``prevalence_in_area``,
            ``impact_on_community`` (s.13(6)(a)-(d)).
        weighed: Whether the definition says it weighs the factor.
        note: How (in words).
        citation: Where it says so.

    Example:
        >>> Seriousness("impact_on_victim", True, "", cite("pcsc-act-2022", "s.13(6)(b)")).factor
        'impact_on_victim'
    """

    factor: str
    weighed: bool
    note: str
    citation: Citation


@attrs.frozen(slots=True)
class Definition:
    """A definition of (serious) violence: the kinds it includes, as data.

    Attributes:
        id: A short id, such as ``"warwickshire"``.
        title: Its name.
        citation: The document that sets it.
        include: The kinds it includes; an incident of any of them is in scope.
        exclude: Kinds it leaves out even when included otherwise.
        text: The definition's own words, if it has them.
        victim_age_below: Only victims younger than this (e.g. 25), if set.
        victim_age_at_least: Only victims at least this old, if set.
        causal_factors: The causal-factor domains it names.
        seriousness: How it weighs the s.13(6) factors.

    Raises:
        DefinitionError: if a kind is unknown, or tries to bring back terrorism.

    Example:
        >>> d = Definition("u25", "Under-25s", cite("pcsc-act-2022", "s.13"),
        ...                include=(Included("s13_violence", cite("pcsc-act-2022", "s.13")),),
        ...                victim_age_below=25)
        >>> d.rule().id
        'DEF-u25'
        >>> Definition("bad", "Bad", cite("pcsc-act-2022"),
        ...            include=(Included("terrorism", cite("ta-2000", "s.1")),))
        Traceback (most recent call last):
        ...
        svduty.errors.DefinitionError: include[0].kind: s.13(3)(b) excludes terrorism; a definition cannot bring it back
    """  # noqa: E501

    id: str
    title: str
    citation: Citation
    include: tuple[Included, ...]
    exclude: tuple[Included, ...] = ()
    text: str = ""
    victim_age_below: int | None = None
    victim_age_at_least: int | None = None
    causal_factors: tuple[CausalFactor, ...] = ()
    seriousness: tuple[Seriousness, ...] = ()

    def __attrs_post_init__(self) -> None:
        problems = []
        if not self.include:
            problems.append(Problem(field="include", expected="at least one kind"))
        for name, items in (("include", self.include), ("exclude", self.exclude)):
            for i, item in enumerate(items):
                field = f"{name}[{i}].kind"
                if item.kind in _FORBIDDEN:
                    problems.append(Problem(message=_FORBIDDEN[item.kind], field=field))
                elif item.kind not in KINDS:
                    problems.append(
                        Problem(
                            field=field,
                            expected="one of " + ", ".join(sorted(KINDS)),
                            got=item.kind[:40],
                        )
                    )
        for i, s in enumerate(self.seriousness):
            if s.factor not in _FACTORS:
                problems.append(
                    Problem(
                        field=f"seriousness[{i}].factor",
                        expected="one of " + ", ".join(_FACTORS),
                        got=s.factor[:40],
                    )
                )
        for field in ("victim_age_below", "victim_age_at_least"):
            v = getattr(self, field)
            if v is not None and not 0 <= v <= 130:
                problems.append(Problem(field=field, expected="an age 0 to 130", got=str(v)))
        if problems:
            raise DefinitionError(problems)

    def expr(self) -> Expr:
        """The in-scope expression: not terrorism, any included kind, no excluded kind.

        Example:
            >>> type(STATUTE.expr()).__name__
            'All'
        """
        parts: list[Expr] = [Not(Ref("S13-3B")), Any_(*(KINDS[i.kind].expr for i in self.include))]
        if self.exclude:
            parts.append(Not(Any_(*(KINDS[i.kind].expr for i in self.exclude))))
        if self.victim_age_below is not None:
            parts.append(Below("victim_age", self.victim_age_below))
        if self.victim_age_at_least is not None:
            parts.append(AtLeast("victim_age", self.victim_age_at_least))
        return All(*parts)

    def rule(self) -> Rule:
        """The definition as a rule (id ``DEF-<id>``) with its citation.

        Example:
            >>> WHO_2002.rule().citation.source.id
            'who-2002'
        """
        return Rule(
            f"DEF-{self.id}", self.expr(), f"within the definition: {self.title}", self.citation
        )


def _inc(kind: str, source: str, provision: str) -> Included:
    return Included(kind, cite(source, provision))


STATUTE = Definition(
    "pcsc-s13",
    "Serious violence within s.13 of the Police, Crime, Sentencing and Courts Act 2022",
    cite("pcsc-act-2022", "s.13"),
    include=(_inc("s13_violence", "pcsc-act-2022", "s.13(3)"),),
    seriousness=tuple(
        Seriousness(f, True, "", cite("pcsc-act-2022", f"s.13(6)({'abcd'[i]})"))
        for i, f in enumerate(_FACTORS)
    ),
)
"""The statutory floor: violence as s.13(3) defines it (terrorism excluded)."""

WHO_2002 = Definition(
    "who-2002",
    "World Health Organization definition of violence (2002)",
    cite("who-2002", "ch. 1"),
    include=(_inc("who_violence", "who-2002", "ch. 1"),),
    text=(
        "the intentional use of physical force or power, threatened or actual, against "
        "oneself, another person, or against a group or community, that either results in "
        "or has a high likelihood of resulting in injury, death, psychological harm, "
        "maldevelopment or deprivation"
    ),
)
"""The WHO 2002 definition (copies differ on "that"/"which")."""

SV_STRATEGY_2018 = Definition(
    "sv-strategy-2018",
    "Serious Violence Strategy 2018 scope",
    cite("sv-strategy-2018", "scope"),
    include=tuple(
        _inc(k, "sv-strategy-2018", "scope")
        for k in (
            "homicide",
            "knife_crime",
            "gun_crime",
            "gang",
            "county_lines",
            "corrosive_substance",
        )
    ),
    text=(
        "specific types of crime such as homicide, knife crime, and gun crime and areas of "
        "criminality where serious violence or its threat is inherent, such as in gangs and "
        "county lines drug dealing; emerging threats such as corrosive substances as a weapon"
    ),
)
"""The 2018 strategy's scope (wording quoted by the Warwickshire strategy)."""

DEFINITIONS: dict[str, Definition] = {d.id: d for d in (STATUTE, WHO_2002, SV_STRATEGY_2018)}
"""The national named definitions by id."""
