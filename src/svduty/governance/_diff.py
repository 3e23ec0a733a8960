"""The typed difference between two governance graphs.

Its text and HTML are in a policy officer's words: bodies, authorities and areas by name
with their ids and codes beside, fields by what they mean ("source for the districts it
covers", not ``coverage_citation``). Its JSON keeps the lines by id (the machine form, as
before): each item's ``str``.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from svduty.governance._diff_lines import (
    BodyChange,
    CoverageChange,
    RelationChange,
    Renamed,
    name_quoted,
    relation_text,
    with_name,
)
from svduty.governance._model import Body, Relation
from svduty.governance._paths import GraphView

__all__ = ["Diff", "diff_graphs"]

_UNORDERED = ("members", "aliases")
"""Body fields whose order means nothing: a member removed and added again is no change."""


def _body_fields() -> tuple[str, ...]:
    """The fields of :class:`Body` the diff compares: all but its id, name and districts.

    Renames and coverage have their own lists; a field added to ``Body`` is compared too.
    """
    return tuple(f.name for f in attrs.fields(Body) if f.name not in ("id", "name", "districts"))


def _differs(x: Any, y: Any, field: str) -> bool:
    old, new = getattr(x, field), getattr(y, field)
    return set(old) != set(new) if field in _UNORDERED else bool(old != new)


_RELATION_FIELDS = ("cadence", "citation", "note", "valid")

_Said = tuple[tuple[str, tuple[tuple[str, ...], ...]], ...]  # (title, ids of each line)


@attrs.frozen(slots=True)
class Diff:
    """What changes from one graph to another.

    Bodies are matched by id; relations by ``(source, target, kind)``. A body that is in
    both graphs but with another name is *renamed*; its other changed fields are
    ``bodies_changed`` and its districts ``coverage``.

    Example:
        >>> from svduty.governance import GovernanceGraph
        >>> d = GovernanceGraph.of([], []).diff(GovernanceGraph.of([], []))
        >>> d.empty, str(d)
        (True, 'no differences')
    """

    bodies_added: tuple[Body, ...] = ()
    bodies_removed: tuple[Body, ...] = ()
    bodies_renamed: tuple[Renamed, ...] = ()
    bodies_changed: tuple[BodyChange, ...] = ()
    relations_added: tuple[Relation, ...] = ()
    relations_removed: tuple[Relation, ...] = ()
    relations_changed: tuple[RelationChange, ...] = ()
    coverage: tuple[CoverageChange, ...] = ()
    names: tuple[tuple[str, str], ...] = attrs.field(default=(), eq=False, repr=False)
    """The names of the ids and codes it mentions (bodies, authorities, areas), for its text."""
    besides: str = attrs.field(default="", eq=False, repr=False)
    """What a what-if changed beside the graph (its authorities, its areas), said when the
    graph is the same: ``print(w.diff)`` of a scenario that abolishes a council of a bundle
    with no governance.toml said "no differences" alone."""
    no_graph: bool = attrs.field(default=False, eq=False, repr=False)
    """True when the partnership has no governance graph, as a bundle without
    governance.toml has none; the text then says why nothing in the graph differs."""
    also: _Said = attrs.field(default=(), eq=False, repr=False)
    """The authorities and areas a what-if changed, as sections after the graph's (mend50c)."""

    def beside(
        self,
        authorities: Mapping[str, Sequence[str]],
        areas: Sequence[str] = (),
        *,
        graph: bool = True,
        transferred: Sequence[tuple[str, str]] = (),
    ) -> Diff:
        """The same diff, its text saying the authorities and areas changed beside it.

        Unchanged graph: in a line, with why if the partnership has none (``graph=False``);
        else as sections after the graph's: authorities created, abolished, functions
        ``transferred`` (source, target), areas created. JSON, :attr:`empty`: the graph's.

        Example:
            >>> d = Diff().beside({"created": [], "abolished": ["gwynedd-council"]})
            >>> d.empty, str(d)
            (True, 'no differences in the governance graph; the authorities changed: abolished gwynedd-council')
            >>> str(Diff().beside({"created": [], "abolished": []}))
            'no differences'
            >>> print(Diff().beside({}, ["gw-new"], graph=False))
            no differences in the governance graph (the partnership has none); the areas changed: created gw-new
            >>> Diff(bodies_renamed=(Renamed("x", "A", "B"),)).beside({}, transferred=[("c", "u")]
            ... ).to_text().splitlines()[-2:]
            ['functions transferred:', '  c to u']
        """  # noqa: E501
        gone_or_new, n = authorities.items(), dict(self.names)  # ids named, as the sections
        said = "; ".join(
            f"{k} {', '.join(with_name(i, n) for i in v)}" for k, v in gone_or_new if v
        )
        parts = [f"the authorities changed: {said}"] if said else []
        made = ", ".join(with_name(code, n) for code in areas)
        parts += [f"the areas changed: created {made}"] if areas else []
        lines: dict[str, Any] = {f"authorities {k}": [(i,) for i in v] for k, v in gone_or_new}
        lines["functions transferred"] = [tuple(pair) for pair in transferred]
        lines["areas created"] = [(code,) for code in areas]
        also = tuple((k, tuple(v)) for k, v in lines.items() if v)
        return attrs.evolve(self, besides="; ".join(parts), no_graph=not graph, also=also)

    def named(self, names: Mapping[str, str]) -> Diff:
        """The same diff, its text naming these ids and codes too (the ones known win).

        Example:
            >>> d = Diff(coverage=(CoverageChange("x", ("E07000218",), ()),))
            >>> print(d.named({"E07000218": "North Warwickshire"}))
            districts covered:
              x: now also covers North Warwickshire (E07000218)
        """
        known = dict(self.names)
        return attrs.evolve(self, names=tuple({**names, **known}.items()))

    @property
    def empty(self) -> bool:
        """Whether the two graphs are the same.

        Example:
            >>> Diff().empty
            True
        """
        kept = ("names", "besides", "no_graph", "also")  # said, not what differs
        return not any(getattr(self, f.name) for f in attrs.fields(Diff) if f.name not in kept)

    def __bool__(self) -> bool:
        return not self.empty

    def _sections(self) -> list[tuple[str, list[str]]]:
        """The sections by id, as the JSON keeps them (its stable, machine form)."""
        return [
            ("bodies added", [f"{b.id} ({b.name})" for b in self.bodies_added]),
            ("bodies removed", [f"{b.id} ({b.name})" for b in self.bodies_removed]),
            ("bodies renamed", [str(r) for r in self.bodies_renamed]),
            ("bodies changed", [str(c) for c in self.bodies_changed]),
            ("relations added", [str(r) for r in self.relations_added]),
            ("relations removed", [str(r) for r in self.relations_removed]),
            ("relations changed", [str(c) for c in self.relations_changed]),
            ("coverage", [str(c) for c in self.coverage]),
        ]

    def _worded(self) -> list[tuple[str, list[str]]]:
        """The sections in words: names beside ids and codes, fields by what they mean."""
        n = dict(self.names)
        return [
            ("bodies added", [f"{b.name} ({b.id})" for b in self.bodies_added]),
            ("bodies removed", [f"{b.name} ({b.id})" for b in self.bodies_removed]),
            (
                "bodies renamed",
                [
                    f"{name_quoted(r.old)} is now {name_quoted(r.new)} ({r.body})"
                    for r in self.bodies_renamed
                ],
            ),
            ("bodies changed", [c.text(n) for c in self.bodies_changed]),
            ("relations added", [relation_text(r, n) for r in self.relations_added]),
            ("relations removed", [relation_text(r, n) for r in self.relations_removed]),
            ("relations changed", [c.text(n) for c in self.relations_changed]),
            ("districts covered", [c.text(n) for c in self.coverage]),
            *(
                (title, [" to ".join(with_name(i, n) for i in ids) for ids in items])
                for title, items in self.also
            ),
        ]

    def to_text(self) -> str:
        """The diff as text in words, one section per kind of change.

        Example:
            >>> print(Diff(bodies_renamed=(Renamed("x", "A", "B"),)).to_text())
            bodies renamed:
              'A' is now 'B' (x)
        """
        if self.empty:
            return self._nothing()
        lines: list[str] = []
        for title, items in self._worded():
            if items:
                lines.append(f"{title}:")
                lines.extend(f"  {i}" for i in items)
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.to_text()

    def _nothing(self) -> str:
        if not self.besides and self.no_graph:
            return (
                "no differences: the partnership has no governance graph (no governance.toml) "
                "for the scenario to change, and it creates and abolishes no authority"
            )
        if not self.besides:
            return "no differences"
        none = " (the partnership has none)" if self.no_graph else ""
        return f"no differences in the governance graph{none}; {self.besides}"

    def to_html(self) -> str:
        """The diff as an HTML fragment (for notebooks).

        Example:
            >>> Diff().to_html()
            '<p>no differences</p>'
        """
        if self.empty:
            return f"<p>{html.escape(self._nothing())}</p>"
        out = []
        for title, items in self._worded():
            if items:
                lis = "".join(f"<li>{html.escape(i)}</li>" for i in items)
                out.append(f"<h4>{html.escape(title)}</h4><ul>{lis}</ul>")
        return "".join(out)

    def _repr_html_(self) -> str:
        return self.to_html()

    def to_json(self) -> dict[str, list[str]]:
        """The diff as JSON-ready data: each section as a list of lines, by id.

        The keys are the sections' names as the attributes spell them (``bodies_added``);
        the lines are the items' ``str``, by id and field name, unchanged by the text's
        words (what reads them keeps working).

        Example:
            >>> Diff(bodies_renamed=(Renamed("x", "A", "B"),)).to_json()["bodies_renamed"]
            ["x: 'A' -> 'B'"]
        """
        return {title.replace(" ", "_"): items for title, items in self._sections()}


def diff_graphs(old: GraphView, new: GraphView) -> Diff:
    """The differences from ``old`` to ``new``; see :meth:`GovernanceGraph.diff`.

    Example:
        >>> from svduty.governance import GovernanceGraph
        >>> diff_graphs(GovernanceGraph.of([], []), GovernanceGraph.of([], [])).empty
        True
    """
    a = {b.id: b for b in old.bodies}
    b = {x.id: x for x in new.bodies}
    renamed: list[Renamed] = []
    changed: list[BodyChange] = []
    coverage: list[CoverageChange] = []
    for body_id in sorted(a.keys() & b.keys()):
        x, y = a[body_id], b[body_id]
        if x.name != y.name:
            renamed.append(Renamed(body_id, x.name, y.name))
        changed += [
            BodyChange(body_id, f, getattr(x, f), getattr(y, f))
            for f in _body_fields()
            if _differs(x, y, f)
        ]
        if set(x.districts) != set(y.districts):
            coverage.append(
                CoverageChange(
                    body_id,
                    tuple(sorted(set(y.districts) - set(x.districts))),
                    tuple(sorted(set(x.districts) - set(y.districts))),
                )
            )
    ra = {r.key: r for r in (*old.relations, *old.dangling)}
    rb = {r.key: r for r in (*new.relations, *new.dangling)}
    rchanged = [
        RelationChange(k, f, getattr(ra[k], f), getattr(rb[k], f))
        for k in sorted(ra.keys() & rb.keys())
        for f in _RELATION_FIELDS
        if getattr(ra[k], f) != getattr(rb[k], f)
    ]
    return Diff(
        bodies_added=tuple(b[i] for i in sorted(b.keys() - a.keys())),
        bodies_removed=tuple(a[i] for i in sorted(a.keys() - b.keys())),
        bodies_renamed=tuple(renamed),
        bodies_changed=tuple(changed),
        relations_added=tuple(rb[k] for k in sorted(rb.keys() - ra.keys())),
        relations_removed=tuple(ra[k] for k in sorted(ra.keys() - rb.keys())),
        relations_changed=tuple(rchanged),
        coverage=tuple(coverage),
        names=tuple({x.id: x.name for g in (old, new) for x in g.bodies}.items()),
    )
