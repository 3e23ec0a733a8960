"""Definitions of (serious) violence as data: the statute, WHO 2002, the 2018 strategy.

A :class:`Definition` chooses kinds from :data:`KINDS` (each a rule with a citation),
may exclude kinds and limit victims' ages, and records the causal-factor domains and
the s.13(6) seriousness factors it weighs. It may extend the statute (a local
definition may cover coercive control outside a domestic relationship) but cannot bring
back what s.13(3)(b) excludes: terrorism is out of every definition's scope.

A local definition may declare kinds of its own (:class:`LocalKind`: context flags, the
incident's own facts and national kinds combined, with the local document's citation),
readings it is not sure of as :class:`Switch` es that turn its includes on or off, and
which presumptions (:data:`~svduty.definitions.PRESUMPTIONS`) it makes about facts not
given.

Example:
    >>> STATUTE.id, WHO_2002.id, SV_STRATEGY_2018.id
    ('pcsc-s13', 'who-2002', 'sv-strategy-2018')
    >>> [i.kind for i in SV_STRATEGY_2018.include][:3]
    ['homicide', 'knife_crime', 'gun_crime']
"""

from __future__ import annotations

import attrs

from svduty._arguments import as_tuple
from svduty._checked import checked_fields, checked_methods
from svduty._ids import one_of
from svduty.definitions._expr import All, Any_, Expr, Not, Ref, Rule
from svduty.definitions._kinds import KINDS, SeriousnessFactor
from svduty.definitions._local_kind import LocalKind, younger
from svduty.definitions._names import STATUTE_ID
from svduty.definitions._presume import DEFAULT_PRESUMPTIONS, PRESUMPTIONS
from svduty.definitions._vocab import Context
from svduty.errors import DefinitionError, Problem, shown
from svduty.sources import Citation, cite

__all__ = [
    "DEFINITIONS",
    "STATUTE",
    "SV_STRATEGY_2018",
    "WHO_2002",
    "CausalFactor",
    "Definition",
    "Included",
    "LocalKind",
    "Seriousness",
    "Switch",
]

_FACTORS = tuple(f.value for f in SeriousnessFactor)
_CONTEXT = frozenset(c.value for c in Context)
_FORBIDDEN = {"terrorism": "s.13(3)(b) excludes terrorism; a definition cannot bring it back"}


def _records(value: object) -> object:
    """A list of records as the tuple a definition keeps; anything else left for its check.

    The checks of :meth:`Definition.__attrs_post_init__` read the tuples before
    ``checked_fields`` turns a list into one.
    """
    return tuple(value) if isinstance(value, list) else value


@checked_fields
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
    when: str = ""
    unless: str = ""


@checked_fields
@attrs.frozen(slots=True)
class Switch:
    """A reading a definition is not sure of, turned on or off in its data.

    An include with ``when = id`` counts only while the switch is on; one with
    ``unless = id`` only while it is off. The citation carries the doubt.

    Attributes:
        id: The switch's id.
        on: Whether the reading is taken.
        says: The reading, in words.
        citation: Where the reading comes from (``unconfirmed``, with the doubt, when
            it is a reading rather than the document's words).

    Example:
        >>> Switch("x", False, "a reading", cite("sv-strategy-2018", "scope")).on
        False
    """

    id: str
    on: bool
    says: str
    citation: Citation


@checked_fields
@attrs.frozen(slots=True)
class CausalFactor:
    """A causal-factor domain a strategy names (individual, family, peer, school...).

    Example:
        >>> CausalFactor("peer", "conflict or feuds", cite("sv-strategy-2018")).domain
        'peer'
    """

    domain: str
    examples: str
    citation: Citation


@checked_fields
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


@checked_methods
@checked_fields
@attrs.frozen(slots=True, repr=False, cache_hash=True)
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
        kinds: The kinds it declares itself (:class:`LocalKind`).
        switches: The readings it is unsure of, on or off (:class:`Switch`).
        presume: The presumptions it makes about facts not given (ids from
            :data:`~svduty.definitions.PRESUMPTIONS`); each one in force is a reason.

    Raises:
        DefinitionError: if a kind is unknown, or tries to bring back terrorism.
        ArgumentError: for a value not of its field's type (no citation, a float age),
            here and in the records it holds (:class:`Included`, :class:`Switch`...).

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
    include: tuple[Included, ...] = attrs.field(converter=_records)
    exclude: tuple[Included, ...] = attrs.field(default=(), converter=_records)
    text: str = ""
    victim_age_below: int | None = None
    victim_age_at_least: int | None = None
    causal_factors: tuple[CausalFactor, ...] = attrs.field(default=(), converter=_records)
    seriousness: tuple[Seriousness, ...] = attrs.field(default=(), converter=_records)
    kinds: tuple[LocalKind, ...] = attrs.field(default=(), converter=_records)
    switches: tuple[Switch, ...] = attrs.field(default=(), converter=_records)
    presume: tuple[str, ...] = attrs.field(default=DEFAULT_PRESUMPTIONS, converter=as_tuple)

    def __repr__(self) -> str:  # short: it is the default shown by help(svduty.classify)
        return f"Definition(id={self.id!r}, title={self.title!r})"

    def __attrs_post_init__(self) -> None:
        problems = self._kind_problems()
        if not self.counted(self.include):
            problems.append(
                Problem(field="include", expected="at least one kind (with its switches as set)")
            )
        known = {*KINDS, *(k.id for k in self.kinds)}
        switches = {s.id for s in self.switches}
        for name, items in (("include", self.include), ("exclude", self.exclude)):
            for i, item in enumerate(items):
                field = f"{name}[{i}].kind"
                if item.kind in _FORBIDDEN:
                    problems.append(Problem(message=_FORBIDDEN[item.kind], field=field))
                elif item.kind not in known:
                    problems.append(
                        Problem(
                            field=field,
                            expected=one_of(known, "kind"),
                            got=item.kind,
                        )
                    )
                for attr in ("when", "unless"):
                    ref = getattr(item, attr)
                    if ref and ref not in switches:
                        problems.append(
                            Problem(
                                field=f"{name}[{i}].{attr}",
                                expected="the id of one of the definition's switches",
                                got=ref,
                            )
                        )
        always = {x.kind for x in self.include if not (x.when or x.unless)}
        for j, x in enumerate(self.exclude):  # both without switches: the include is void
            if x.kind in always and not (x.when or x.unless):
                want = "a kind the definition does not also include (the two contradict)"
                problems.append(Problem(field=f"exclude[{j}].kind", expected=want))
        problems += [
            Problem(field=f"presume[{i}]", expected=f"one of {', '.join(PRESUMPTIONS)}", got=p)
            for i, p in enumerate(self.presume)
            if p not in PRESUMPTIONS
        ]
        problems += [
            Problem(
                field=f"seriousness[{i}].factor",
                expected=f"one of {', '.join(_FACTORS)}",
                got=s.factor,
            )
            for i, s in enumerate(self.seriousness)
            if s.factor not in _FACTORS
        ]
        factors = [s.factor for s in self.seriousness]
        problems += [  # said twice: a copied block's slip, or weighed and not weighed at once
            Problem(
                field=f"seriousness[{i}].factor",
                message=f"a factor given twice (first at seriousness[{factors.index(f)}])",
                got=shown(f, vocabulary=_FACTORS),
            )
            for i, f in enumerate(factors)
            if f in factors[:i]
        ]
        said = [(x.kind, x.when, x.unless) for x in self.include]
        problems += [  # a repeated include says nothing more, and hides a slip (another kind?)
            Problem(field=f"include[{i}]", message="repeats an earlier include (kind and switches)")
            for i, item in enumerate(said)
            if item in said[:i]
        ]
        for field, least in (("victim_age_below", 1), ("victim_age_at_least", 0)):
            v = getattr(self, field)  # "younger than 0" would leave out every victim
            if v is not None and not least <= v <= 130:
                problems.append(Problem(field=field, expected=f"an age {least} to 130", got=v))
        low, below = self.victim_age_at_least, self.victim_age_below
        if low is not None and below is not None and low >= below:  # no age is in both
            problems.append(
                Problem(field="victim_age_at_least", expected="an age below victim_age_below")
            )
        if problems:
            raise DefinitionError(problems)

    def _kind_problems(self) -> list[Problem]:
        problems = []
        for i, k in enumerate(self.kinds):
            if k.id in KINDS or k.id in _FORBIDDEN:
                problems.append(
                    Problem(
                        field=f"kinds[{i}].id",
                        expected="an id that is not a national kind's",
                        got=k.id,
                    )
                )
            for attr in ("all_of", "any_of"):
                for j, ref in enumerate(getattr(k, attr)):
                    if ref not in KINDS:
                        problems.append(
                            Problem(
                                field=f"kinds[{i}].{attr}[{j}]",
                                expected="one of the national kinds",
                                got=ref,
                            )
                        )
            for j, flag in enumerate(k.context):
                if flag not in _CONTEXT or flag == "terrorism":
                    problems.append(
                        Problem(
                            field=f"kinds[{i}].context[{j}]",
                            expected="one of " + ", ".join(sorted(_CONTEXT - {"terrorism"})),
                            got=flag,
                        )
                    )
            problems += [attrs.evolve(p, field=f"kinds[{i}].{p.field}") for p in k.fact_problems()]
            if not (k.context or k.facts or k.all_of or k.any_of):
                want = "context, facts, all_of or any_of"
                problems.append(Problem(field=f"kinds[{i}]", expected=want))
            if k.victim_age_below is not None and not 1 <= k.victim_age_below <= 130:
                got = k.victim_age_below
                field = f"kinds[{i}].victim_age_below"
                problems.append(Problem(field=field, expected="an age 1 to 130", got=got))
        return problems

    def kind_exprs(self) -> dict[str, Expr]:
        """Every kind this definition can name: the national ones and its own.

        Example:
            >>> "s13_violence" in STATUTE.kind_exprs()
            True
        """
        return {**{k: v.expr for k, v in KINDS.items()}, **{k.id: k.expr() for k in self.kinds}}

    def counted(self, items: tuple[Included, ...]) -> tuple[Included, ...]:
        """The includes (or excludes) the switches leave in force.

        Example:
            >>> [i.kind for i in STATUTE.counted(STATUTE.include)]
            ['s13_violence']
        """
        on = {s.id for s in self.switches if s.on}
        return tuple(
            i
            for i in items
            if (not i.when or i.when in on) and (not i.unless or i.unless not in on)
        )

    def expr(self) -> Expr:
        """The in-scope expression: not terrorism, any included kind, no excluded kind.

        Example:
            >>> type(STATUTE.expr()).__name__
            'All'
        """
        kinds = self.kind_exprs()
        include = self.counted(self.include)
        exclude = self.counted(self.exclude)
        parts: list[Expr] = [Not(Ref("S13-3B")), Any_(*(kinds[i.kind] for i in include))]
        if exclude:
            parts.append(Not(Any_(*(kinds[i.kind] for i in exclude))))
        if self.victim_age_below is not None:
            parts.append(younger(self.victim_age_below))
        if self.victim_age_at_least is not None:
            parts.append(Not(younger(self.victim_age_at_least)))
        return All(*parts)

    def rules(self) -> tuple[Rule, ...]:
        """The in-scope rule and the rules that say why an incident is out of scope.

        Example:
            >>> [r.id for r in STATUTE.rules()]
            ['DEF-pcsc-s13', 'DEF-pcsc-s13-NONE', 'DEF-pcsc-s13-TERRORISM']
        """
        kinds = self.kind_exprs()
        exclude = self.counted(self.exclude)
        out = [
            self.rule(),
            Rule(
                f"DEF-{self.id}-NONE",
                Not(Any_(*(kinds[i.kind] for i in self.counted(self.include)))),
                f"outside the definition: none of the kinds it includes applies ({self.title})",
                self.citation,
            ),
        ]
        if exclude:
            out.append(
                Rule(
                    f"DEF-{self.id}-EXCLUDED",
                    Any_(*(kinds[i.kind] for i in exclude)),
                    "outside the definition: it excludes " + ", ".join(i.kind for i in exclude),
                    exclude[0].citation,
                )
            )
        ages = (
            ("AGE", self.victim_age_below, lambda n: Not(younger(n)), "{} or over"),
            ("AGE-BELOW", self.victim_age_at_least, younger, "under {}"),
        )
        for end, limit, outside, words in ages:
            if limit is not None:
                said = f"outside the definition: the victim is {words.format(limit)}"
                out.append(Rule(f"DEF-{self.id}-{end}", outside(limit), said, self.citation))
        said = (
            "outside every definition's scope for the Duty: terrorism is not violence (s.13(3)(b))"
        )
        act = cite("pcsc-act-2022", "s.13(3)(b)")
        return (*out, Rule(f"DEF-{self.id}-TERRORISM", Ref("S13-3B"), said, act))

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
    STATUTE_ID,
    "Violence within s.13 of the Police, Crime, Sentencing and Courts Act 2022 (whether it "
    "is serious is for the partnership: s.13(6))",
    cite("pcsc-act-2022", "s.13"),
    include=(_inc("s13_violence", "pcsc-act-2022", "s.13(3)"),),
    seriousness=tuple(
        Seriousness(f, True, "", cite("pcsc-act-2022", f"s.13(6)({'abcd'[i]})"))
        for i, f in enumerate(_FACTORS)
    ),
)
"""The Act's definition: violence as s.13(3) defines it (terrorism excluded).

The Act defines violence, not serious violence: whether violence in an area amounts to
serious violence is judged taking account of the factors of s.13(6) (maximum penalty,
impact on the victim, prevalence in the area, impact on the community), two of which no
single incident shows. The definition records those factors (``seriousness``) for the
partnership's judgement; an incident within it is violence within s.13, not thereby
serious violence."""

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
