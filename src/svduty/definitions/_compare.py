"""Two definitions of serious violence side by side: where they part company, and why.

:func:`compare_definitions` classifies the same incidents against two definitions and
reports, for each incident on which their ``in_scope`` answers differ, the rules that make
the difference: a kind one includes and the other does not, an age limit, an exclusion,
or a fact one of them needs and the incident does not give.

Example:
    >>> from svduty.definitions import DEFINITIONS, Incident
    >>> knife = Incident(id="k", offence_code="8N", weapon="knife", intentional=True,
    ...                  target="person")
    >>> scam = Incident(id="s", behaviours=["economic"], relationship="none")
    >>> c = compare_definitions([knife, scam], DEFINITIONS["pcsc-s13"], DEFINITIONS["who-2002"])
    >>> c.agree, [(d.incident, d.first.value, d.second.value) for d in c.differences]
    (2, [])
"""

from __future__ import annotations

import operator
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from svduty._checked import checked
from svduty.answers import Reason, Verdict
from svduty.definitions._classify import ResolveDistrict, classify
from svduty.definitions._definition import Definition
from svduty.definitions._incident import Incident
from svduty.definitions._presume import PRESUMPTIONS
from svduty.errors import DefinitionError, printable

__all__ = ["Comparison", "DefinitionDifference", "compare_definitions"]


@attrs.frozen(slots=True)
class DefinitionDifference:
    """One incident on which two definitions give different ``in_scope`` answers.

    Attributes:
        index: The incident's position in the input (0-based).
        incident: The incident's id, if it has one.
        first: The first definition's answer.
        second: The second definition's answer.
        rules: The rules that make the difference, each with its citation.
        missing: Facts that would settle an undetermined answer.

    Example:
        >>> from svduty.answers import Verdict
        >>> DefinitionDifference(0, "a", Verdict.YES, Verdict.NO).first.value
        'yes'
    """

    index: int
    incident: str | None
    first: Verdict
    second: Verdict
    rules: tuple[Reason, ...] = ()
    missing: tuple[str, ...] = ()


@attrs.frozen(slots=True)
class Comparison:
    """Two definitions over the same incidents.

    Attributes:
        first: The first definition's id.
        second: The second definition's id.
        rows: Incidents compared.
        agree: Incidents on which the two answers are the same.
        counts: ``(first answer, second answer) -> incidents``.
        differences: The incidents on which they differ, with the deciding rules.

    Printed (``print(comparison)``, ``str``), it is :meth:`to_text`'s report.

    Example:
        >>> Comparison("a", "b", 0, 0).to_text().splitlines()[0]
        'a against b: 0 incidents, 0 agree, 0 differ'
        >>> print(Comparison("a", "b", 0, 0))
        a against b: 0 incidents, 0 agree, 0 differ
    """

    first: str
    second: str
    rows: int
    agree: int
    counts: tuple[tuple[str, str, int], ...] = ()
    differences: tuple[DefinitionDifference, ...] = ()

    def to_json(self) -> dict[str, object]:
        """The comparison as JSON-ready data.

        Example:
            >>> Comparison("a", "b", 1, 1, (("yes", "yes", 1),)).to_json()["counts"]
            [{'first': 'yes', 'second': 'yes', 'incidents': 1}]
        """
        return {
            "first": self.first,
            "second": self.second,
            "rows": self.rows,
            "agree": self.agree,
            "counts": [{"first": a, "second": b, "incidents": n} for a, b, n in self.counts],
            "differences": [
                {
                    "index": d.index,
                    "incident": d.incident,
                    "first": d.first.value,
                    "second": d.second.value,
                    "rules": [
                        {"rule": r.rule, "says": r.says, "citation": str(r.citation)}
                        for r in d.rules
                    ],
                    "missing": list(d.missing),
                }
                for d in self.differences
            ],
        }

    def __str__(self) -> str:
        return self.to_text()

    def to_text(self) -> str:
        """A readable report: the cross-table of answers, then each difference.

        The facts that would settle an undetermined answer are listed on one line for
        each definition.

        Example:
            >>> print(Comparison("a", "b", 2, 1, (("yes", "yes", 1), ("yes", "no", 1))).to_text())
            a against b: 2 incidents, 1 agree, 1 differ
              a=yes b=yes: 1
              a=yes b=no: 1
            >>> from svduty.answers import Verdict
            >>> d = DefinitionDifference(0, "x", Verdict.YES, Verdict.UNDETERMINED,
            ...                          missing=("b: victim_age", "b: context"))
            >>> print(Comparison("a", "b", 1, 0, differences=(d,)).to_text().splitlines()[-1])
              missing for b: victim_age, context
        """
        lines = [
            f"{self.first} against {self.second}: {self.rows:,} incident"
            f"{'' if self.rows == 1 else 's'}, {self.agree:,} agree, "
            f"{self.rows - self.agree:,} differ"
        ]
        lines += [f"  {self.first}={a} {self.second}={b}: {n:,}" for a, b, n in self.counts]
        for d in self.differences:
            name = printable(d.incident) if d.incident is not None else f"#{d.index + 1}"
            lines.append(f"{name}: {self.first} {d.first.value}, {self.second} {d.second.value}")
            lines += [f"  {r.rule}: {r.says} [{r.citation}]" for r in d.rules]
            lines += [
                f"  missing for {printable(did)}: {', '.join(facts)}"
                for did, facts in _by_definition(d.missing).items()
            ]
        return "\n".join(lines)


def _by_definition(missing: tuple[str, ...]) -> dict[str, list[str]]:
    """The missing facts (``"id: fact"``) by definition, in the order given: one line each.

    Example:
        >>> _by_definition(("b: victim_age", "b: context", "a: died"))
        {'b': ['victim_age', 'context'], 'a': ['died']}
    """
    out: dict[str, list[str]] = {}
    for m in missing:
        did, _, fact = m.partition(": ")
        out.setdefault(did, []).append(fact)
    return out


def _deciding(
    kinds: tuple[str, ...],
    answered: Definition,
    other: Definition,
    age: int | None,
    context: tuple[str, ...] = (),
    *,
    given: Mapping[str, Any] | None = None,
) -> list[Reason]:
    """Why ``answered`` (yes) and ``other`` (no) part: kinds, exclusions, age limits.

    A kind only ``answered`` includes decides when ``other`` includes none of the
    incident's kinds; otherwise ``other``'s exclusions or the age limits the victim is
    outside of decide, the definition's or those of kinds of its own the incident is of
    but for the age (``context``: the incident's context flags; ``given``: its plain
    values, for a kind's ``facts``).

    Example:
        >>> from svduty.definitions import DEFINITIONS
        >>> young = attrs.evolve(DEFINITIONS["pcsc-s13"], id="young", victim_age_below=25)
        >>> [r.says for r in _deciding((), DEFINITIONS["pcsc-s13"], young, 30)]
        ["young limits victims' age (victim_age_below 25); the victim is 30"]
        >>> _deciding((), DEFINITIONS["pcsc-s13"], young, 19)
        []
    """
    out = []
    theirs = {i.kind for i in other.include}
    shared = theirs.intersection(kinds)
    for inc in answered.include:
        if not shared and inc.kind in kinds and inc.kind not in theirs:
            # a kind of its own may include it, limited (london-vru's violence_under_25)
            within = [
                k.id for k in other.kinds if k.id in theirs and inc.kind in (*k.all_of, *k.any_of)
            ]
            kind = f"kind{'s' * (len(within) > 1)} {', '.join(within)}"
            but = f"only within its own {kind}" if within else "does not"
            says = f"{answered.id} includes {inc.kind}; {other.id} {but}"
            out.append(Reason(f"{answered.id}:include:{inc.kind}", says, inc.citation))
    for exc in other.exclude:
        if exc.kind in kinds:
            says = f"{other.id} excludes {exc.kind}"
            out.append(Reason(f"{other.id}:exclude:{exc.kind}", says, exc.citation))
    limits = (  # a limit decides only where the victim's age is outside it
        ("victim_age_below", other.victim_age_below, operator.le),
        ("victim_age_at_least", other.victim_age_at_least, operator.gt),
    )
    for name, limit, outside in limits:
        if limit is not None and age is not None and outside(limit, age):
            says = f"{other.id} limits victims' age ({name} {limit}); the victim is {age}"
            out.append(Reason(f"{other.id}:{name}", says, other.citation))
    return out + _kinds_aged_out(kinds, context, other, age, given=given)


def _kinds_aged_out(
    kinds: tuple[str, ...],
    context: tuple[str, ...],
    other: Definition,
    age: int | None,
    *,
    given: Mapping[str, Any] | None = None,
) -> list[Reason]:
    """``other``'s own included kinds the incident is of but for their age limit.

    A kind of its own (:class:`~svduty.definitions.LocalKind`) may limit victims' age
    where the definition does not ("violence affecting young people under 25"): when the
    incident holds the kind's national kinds, context flags and facts (``given``: the
    incident's plain values), its age limit decides, and the victim's age, or its
    absence, is said.

    Example:
        >>> from svduty.definitions import LocalKind
        >>> from svduty.sources import cite
        >>> young = LocalKind("young", "violence under 25", cite("sv-strategy-2018"),
        ...                   all_of=("s13_violence",), victim_age_below=25)
        >>> from svduty.definitions import DEFINITIONS
        >>> d = attrs.evolve(DEFINITIONS["pcsc-s13"], id="d", kinds=(young,),
        ...                  include=(attrs.evolve(DEFINITIONS["pcsc-s13"].include[0],
        ...                                        kind="young"),))
        >>> [r.says for r in _kinds_aged_out(("s13_violence",), (), d, 30)]
        ["d's kind young limits victims' age (victim_age_below 25); the victim is 30"]
        >>> [r.says for r in _kinds_aged_out(("s13_violence",), (), d, None)]
        ["d's kind young limits victims' age (victim_age_below 25); the victim's age is not given"]
        >>> _kinds_aged_out(("s13_violence",), (), d, 19), _kinds_aged_out((), (), d, 30)
        ([], [])
    """
    included = {i.kind for i in other.include}
    out = []
    for kind in other.kinds:
        limit = kind.victim_age_below
        if kind.id not in included or limit is None or (age is not None and age < limit):
            continue
        if not set(kind.all_of) <= set(kinds) or not set(kind.context) <= set(context):
            continue
        if not kind.facts_hold(given or {}):
            continue
        if kind.any_of and not set(kind.any_of) & set(kinds):
            continue
        victim = "the victim's age is not given" if age is None else f"the victim is {age}"
        limits = f"limits victims' age (victim_age_below {limit})"
        says = f"{other.id}'s kind {kind.id} {limits}; {victim}"
        out.append(Reason(f"{other.id}:{kind.id}:victim_age_below", says, kind.citation))
    return out


def _presumed(reasons: Iterable[Reason], made: Definition, other: Definition) -> list[Reason]:
    """The presumptions ``made`` applied to the incident (its ``reasons``) and ``other`` does not.

    A definition that reads an absent fact as "none" (``presume``, such as ``no-terrorism``)
    answers where one that does not is left undetermined: the presumption decides.

    Example:
        >>> from svduty.definitions import DEFINITIONS, Incident, classify
        >>> s13 = DEFINITIONS["pcsc-s13"]
        >>> c = classify(Incident(offence_code="8N", victim_age=30), s13)
        >>> strict = attrs.evolve(s13, id="strict", presume=())
        >>> [r.rule for r in _presumed(c.reasons, s13, strict)]
        ['pcsc-s13:presume:no-terrorism', 'pcsc-s13:presume:force-intentional']
        >>> _presumed(c.reasons, s13, s13)
        []
    """
    used = {r.rule for r in reasons}
    out = []
    for pid in made.presume:
        p = PRESUMPTIONS.get(pid)
        if p is None or pid in other.presume or p.rule_id not in used:
            continue
        what = p.says.removeprefix("presumption (switchable): ")
        says = f"{made.id} presumes {pid} ({what}); {other.id} does not"
        out.append(Reason(f"{made.id}:presume:{pid}", says, p.citation))
    return out


def comparable(first: Definition, second: Definition, field: str | None = None) -> None:
    """Refuse two different definitions with one id: a comparison names each by its id.

    Args:
        first: One definition.
        second: The other.
        field: What to name in the error (the command line's ``--compare-definition``).

    Raises:
        DefinitionError: if the two differ and share an id.

    Example:
        >>> from svduty.definitions import DEFINITIONS
        >>> s13 = DEFINITIONS["pcsc-s13"]
        >>> comparable(s13, s13)
        >>> comparable(s13, attrs.evolve(s13, victim_age_below=25))  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        svduty.errors.DefinitionError: two different definitions with the same id 'pcsc-s13': ...
    """
    if first.id == second.id and first != second:
        raise DefinitionError.single(
            None,
            field,
            message=f"two different definitions with the same id {printable(first.id)!r}: a "
            "comparison names each by its id, so the two could not be told apart",
            expected="definitions with ids of their own (a copy edited from another "
            "needs its own id: the id in its definition.toml)",
        )


@checked
def compare_definitions(
    incidents: Iterable[Incident],
    first: Definition,
    second: Definition,
    *,
    resolve_district: ResolveDistrict | None = None,
) -> Comparison:
    """Classify incidents against two definitions; where they differ, and which rule decides.

    Args:
        incidents: The incidents.
        first: One definition.
        second: The other.
        resolve_district: Maps an LSOA code to its district code (for area conditions).

    Raises:
        DefinitionError: if the two are different definitions with the same id (a copy
            of one bundle's definition edited in another): the report could not tell
            them apart. The same definition twice agrees with itself.

    Example:
        >>> from svduty.definitions import DEFINITIONS, Incident
        >>> from svduty.io import load_packaged_definition
        >>> scam = Incident(id="scam", behaviours=["economic"], relationship="none")
        >>> c = compare_definitions([scam], DEFINITIONS["pcsc-s13"],
        ...                         load_packaged_definition("warwickshire"))
        >>> [r.rule for r in c.differences[0].rules]
        ['warwickshire:include:financial_abuse']
    """
    if isinstance(first, Definition) and isinstance(second, Definition):
        comparable(first, second)  # anything else: classify says what it is, as before
    rows = agree = 0
    counts: Counter[tuple[str, str]] = Counter()
    differences = []
    for index, incident in enumerate(incidents):
        a = classify(incident, first, resolve_district=resolve_district)
        b = classify(incident, second, resolve_district=resolve_district)
        rows += 1
        counts[(a.in_scope.value, b.in_scope.value)] += 1
        if a.in_scope is b.in_scope:
            agree += 1
            continue
        age = incident.victim_age if isinstance(incident.victim_age, int) else None
        rules: list[Reason] = []
        context = tuple(sorted(c.value for c in incident.context or ()))
        given = incident.values()
        if a.in_scope is Verdict.YES:
            rules = _deciding(a.kinds, first, second, age, context, given=given)
        elif b.in_scope is Verdict.YES:
            rules = _deciding(b.kinds, second, first, age, context, given=given)
        rules += [*_presumed(a.reasons, first, second), *_presumed(b.reasons, second, first)]
        missing = tuple(
            f"{d.id}: {fact}"
            for d, c in ((first, a), (second, b))
            for fact in c.missing_for("in_scope")
        )
        differences.append(
            DefinitionDifference(index, incident.id, a.in_scope, b.in_scope, tuple(rules), missing)
        )
    return Comparison(
        first.id,
        second.id,
        rows,
        agree,
        tuple((x, y, n) for (x, y), n in sorted(counts.items())),
        tuple(differences),
    )
