"""A kind a definition declares itself: :class:`LocalKind`.

Example:
    >>> from svduty.sources import cite
    >>> LocalKind("g", "gang violence", cite("sv-strategy-2018"), context=("gang",)).id
    'g'
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from svduty._arguments import as_tuple
from svduty._checked import checked_fields
from svduty._words import Words
from svduty.definitions._atoms import Below, Flag, Given, HasAny, In
from svduty.definitions._expr import All, Any_, Expr, Not
from svduty.definitions._kinds import KINDS
from svduty.definitions._law import VICTIM_16
from svduty.definitions._vocab import WORD_FIELDS, Behaviour, Harm
from svduty.errors import DefinitionError, Problem
from svduty.sources import Citation

__all__ = ["LocalKind", "younger"]

_ONE = WORD_FIELDS
_MANY: dict[str, type[Words]] = {"behaviours": Behaviour, "harms": Harm}
_FACT_WORDS: dict[str, frozenset[str]] = {
    field: frozenset(w.value for w in words) for field, words in {**_ONE, **_MANY}.items()
}
"""The incident's own facts a local kind may name in ``facts``, with their words (the
context flags have a list of their own, ``context``, read with the presumptions)."""


def younger(age: int) -> Expr:
    """The victim is younger than ``age``: by their age, or by what the offence requires.

    An offence whose victim must be under 16 (infanticide 4.2, the child offences)
    settles it for an ``age`` of 16 or more; one whose victim must be 16 or over (19C,
    19F) for an ``age`` of 16 or less. The offence is read only where a code is given, so
    an incident without one still names only ``victim_age`` as missing.

    Example:
        >>> from svduty.definitions._expr import ScalarEnv
        >>> env = ScalarEnv({"offence_code": "19E"}, table={"victim_16_plus": False})
        >>> younger(18).scalar(env), younger(16).scalar(env), younger(13).scalar(env)
        (True, True, None)
    """
    coded = Given("offence_code")
    expr: Expr = Below("victim_age", age)
    if age >= 16:
        expr = Any_(expr, All(coded, Not(VICTIM_16)))
    if age <= 16:
        expr = All(expr, Not(All(coded, VICTIM_16)))
    return expr


def _fact_problem(j: int, entry: str) -> Problem | None:
    """What is wrong with ``facts[j]`` (``field:word``), if anything."""
    field, _, word = entry.partition(":")
    if field not in _FACT_WORDS:
        fields = ", ".join(sorted(_FACT_WORDS))
        return Problem(field=f"facts[{j}]", expected=f"field:word, the field one of {fields}")
    if word not in _FACT_WORDS[field]:
        words = ", ".join(sorted(_FACT_WORDS[field]))
        return Problem(field=f"facts[{j}]", expected=f"{field}:word, the word one of {words}")
    return None


@checked_fields
@attrs.frozen(slots=True)
class LocalKind:
    """A kind a definition declares itself, from context flags, facts and national kinds.

    An incident is of the kind when every flag in ``context`` is asserted, every fact
    named in ``facts`` is one of the words given for it, every kind in ``all_of``
    holds, and (if ``any_of`` is not empty) at least one kind in it does.

    Attributes:
        id: Its id (not one of the national :data:`~svduty.definitions.KINDS`).
        label: Its name in words.
        citation: The local document that names it.
        context: Context flags that must be asserted (``gang``, ``social_media``...).
        all_of: National kinds that must all hold.
        any_of: National kinds of which one must hold.
        note: Anything a reader should know.
        facts: The incident's own facts the kind needs, each ``field:word``, the field
            ``weapon``, ``target``, ``relationship``, ``country``, ``behaviours`` or
            ``harms`` and the word one of its vocabulary: for each field named, its value
            is one of the words named with it (``weapon:knife`` and ``weapon:firearm``: a
            knife or a firearm), a list field's contains one. A fact not given leaves the
            kind undetermined, naming it; an offence code does not settle it (a national
            kind, in ``all_of``, reads what a code proves).
        victim_age_below: Only victims younger than this, if set: a definition that limits
            some of its kinds to young people ("any violence affecting young people under
            the age of 25, domestic abuse, and sexual violence") limits those kinds, where
            :attr:`Definition.victim_age_below` would limit every kind.

    Example:
        >>> from svduty.sources import cite
        >>> LocalKind("knife_violence", "knife violence", cite("sv-strategy-2018", "scope"),
        ...           all_of=("knife_crime", "s13_violence")).all_of
        ('knife_crime', 's13_violence')
        >>> young = LocalKind("young", "violence under 25", cite("sv-strategy-2018"),
        ...                   all_of=("s13_violence",), victim_age_below=25)
        >>> sorted(set(young.expr().fields()))[-1]
        'victim_age'
        >>> armed = LocalKind("armed", "violence with a weapon", cite("sv-strategy-2018"),
        ...                   facts=("weapon:knife", "weapon:other"), any_of=("s13_violence",))
        >>> armed.expr().fields()[0]
        'weapon'
    """

    id: str
    label: str
    citation: Citation
    context: tuple[str, ...] = attrs.field(default=(), converter=as_tuple)
    all_of: tuple[str, ...] = attrs.field(default=(), converter=as_tuple)
    any_of: tuple[str, ...] = attrs.field(default=(), converter=as_tuple)
    note: str = ""
    victim_age_below: int | None = None
    facts: tuple[str, ...] = attrs.field(default=(), converter=as_tuple)

    def fact_problems(self) -> list[Problem]:
        """What is wrong with :attr:`facts`: an entry not a field and one of its words, or repeated.

        Example:
            >>> from svduty.sources import cite
            >>> [str(p) for p in LocalKind("a", "a", cite("sv-strategy-2018"),
            ...                            facts=("weapon:knife", "weapon:knife")).fact_problems()]
            ['facts[1]: repeats facts[0]']
            >>> [p.field for p in LocalKind("a", "a", cite("sv-strategy-2018"),
            ...                             facts=("weapon:spoon",)).fact_problems()]
            ['facts[0]']
        """
        found = [_fact_problem(j, entry) for j, entry in enumerate(self.facts)]
        found += [  # said twice says nothing more, and hides a slip (another word?)
            Problem(field=f"facts[{j}]", message=f"repeats facts[{self.facts.index(entry)}]")
            for j, entry in enumerate(self.facts)
            if found[j] is None and entry in self.facts[:j]
        ]
        return [p for p in found if p is not None]

    def _words(self) -> dict[str, frozenset[str]]:
        """The words :attr:`facts` names, by field."""
        words: dict[str, set[str]] = {}
        for field, _, word in (entry.partition(":") for entry in self.facts):
            words.setdefault(field, set()).add(word)
        return {field: frozenset(ws) for field, ws in words.items()}

    def facts_hold(self, values: Mapping[str, Any]) -> bool:
        """Whether an incident's plain values (``Incident.values()``) meet :attr:`facts`.

        Example:
            >>> from svduty.sources import cite
            >>> k = LocalKind("a", "a", cite("sv-strategy-2018"), facts=("weapon:knife",))
            >>> [k.facts_hold(v) for v in ({"weapon": "knife"}, {}, {"weapon": "none"})]
            [True, False, False]
        """
        for field, ws in self._words().items():
            v = values.get(field)
            if v is None or not (v in ws if field in _ONE else ws & v):
                return False
        return True

    def expr(self) -> Expr:
        """The kind as an expression over the national kinds and the context flags.

        Example:
            >>> from svduty.sources import cite
            >>> LocalKind("g", "g", cite("sv-strategy-2018"), context=("gang",)).expr().fields()
            ('context',)
        """
        unknown = [  # a Definition names these first; a kind used alone names them here
            Problem(field=f"{attr}[{j}]", expected="one of the national kinds")
            for attr in ("all_of", "any_of")
            for j, ref in enumerate(getattr(self, attr))
            if ref not in KINDS
        ]
        unknown += self.fact_problems()
        if unknown:
            raise DefinitionError(unknown)
        parts: list[Expr] = [Flag("context", c) for c in self.context]
        parts += [
            In(field, ws) if field in _ONE else HasAny(field, ws)
            for field, ws in self._words().items()
        ]
        parts += [KINDS[k].expr for k in self.all_of]
        if self.any_of:
            parts.append(Any_(*(KINDS[k].expr for k in self.any_of)))
        if self.victim_age_below is not None:
            parts.append(younger(self.victim_age_below))
        return All(*parts)
