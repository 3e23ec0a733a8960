"""Showing a governance graph: text, Graphviz DOT, Mermaid, GraphML, HTML and a drawing.

Every function reads a :class:`~svduty.governance._paths.GraphView`; the graph's own
methods (:meth:`GovernanceGraph.to_dot() <svduty.governance.GovernanceGraph.to_dot>`,
:meth:`~svduty.governance.GovernanceGraph.draw`, ...) call them.

Example:
    >>> from svduty.governance import GovernanceGraph
    >>> to_text(GovernanceGraph.of([], []))
    'Governance: 0 bodies, 0 relations'
"""

from __future__ import annotations

import html
import textwrap
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from svduty._arguments import path_argument
from svduty.errors import named, printable
from svduty.governance._diff_lines import with_name
from svduty.governance._model import Body, BodyStatus, Level, RelationKind, Tier
from svduty.governance._paths import GraphView

if TYPE_CHECKING:
    from svduty.findings import Findings
    from svduty.governance._diff import Diff

__all__ = [
    "KIND_COLOURS",
    "draw",
    "graph_html",
    "label_layout",
    "tier_order",
    "to_dot",
    "to_graphml",
    "to_mermaid",
    "to_text",
]

KIND_COLOURS: dict[RelationKind, str] = {
    RelationKind.OVERSEES: "#08519c",
    RelationKind.REPORTS_TO: "#3182bd",
    RelationKind.LEADS_DELIVERY_FOR: "#6baed6",
    RelationKind.LIAISES_WITH: "#969696",
    RelationKind.REFERS_TO: "#e6550d",
    RelationKind.MONITORS: "#756bb1",
    RelationKind.SCRUTINISES: "#9e9ac8",
    RelationKind.FUNDS: "#31a354",
    RelationKind.GRANT_RECIPIENT_FOR: "#74c476",
    RelationKind.MANAGES_SPEND_FOR: "#a1d99b",
    RelationKind.SUPPORTS: "#fd8d3c",
    RelationKind.CONSULTS: "#bdbdbd",
    RelationKind.MEMBER_OF: "#636363",
    RelationKind.HOSTS: "#843c39",
}
"""The colour of each relation kind in :func:`draw` (and its legend)."""

_TIER_COLOURS = {Tier.STRATEGIC: "#9ecae1", Tier.OPERATIONAL: "#a1d99b", None: "#dddddd"}
_ADDED, _CHANGED, _REMOVED = "#2ca02c", "#ff7f0e", "#d62728"


def tier_order(b: Body) -> tuple[int, str]:
    """Strategic bodies first, then operational, then the rest; by id within a tier.

    Example:
        >>> from svduty.sources import cite
        >>> from svduty.governance import BodyKind
        >>> tier_order(Body("x", "X", BodyKind.ROLE, Level.LOCAL, cite("cda-1998")))
        (2, 'x')
    """
    return ((list(Tier).index(b.tier) if b.tier else len(Tier)), b.id)


def to_text(graph: GraphView) -> str:
    """A readable listing: bodies by level and tier, then relations.

    Example:
        >>> from svduty.governance import GovernanceGraph
        >>> print(to_text(GovernanceGraph.of([], [])))
        Governance: 0 bodies, 0 relations
        >>> from svduty.governance import Body, BodyKind, Level
        >>> from svduty.sources import cite
        >>> one = Body("b", "Board", BodyKind.BOARD, Level.LOCAL, cite("pcsc-act-2022", "s.8"))
        >>> to_text(GovernanceGraph.of([one], [])).splitlines()[0]
        'Governance: 1 body, 0 relations'
    """
    bodies, relations = len(graph.bodies), len(graph.relations)
    lines = [
        f"Governance: {bodies} bod{'y' if bodies == 1 else 'ies'}, "
        f"{relations} relation{'' if relations == 1 else 's'}"
    ]
    for level in Level:
        group = [b for b in graph.bodies if b.level is level]
        if not group:
            continue
        lines.append(f"{level.value}:")
        for b in sorted(group, key=tier_order):
            extra = [b.kind.value, b.tier.value if b.tier else "-"]
            if b.status is not BodyStatus.ESTABLISHED:
                extra.append(b.status.value)
            if b.cadence:
                extra.append(b.cadence.value)
            if b.valid is not None:
                extra.append(f"valid {b.valid}")
            lines.append(f"  {b.id}: {printable(b.name)} [{', '.join(extra)}]")
    if graph.relations:
        lines.append("relations:")
        lines.extend(
            f"  {r}" + (f" [valid {r.valid}]" if r.valid is not None else "")
            for r in graph.relations
        )
    return "\n".join(lines)


def to_dot(graph: GraphView) -> str:
    """The graph in Graphviz DOT, one cluster per level.

    Example:
        >>> from svduty.governance import GovernanceGraph
        >>> to_dot(GovernanceGraph.of([], [])).splitlines()[0]
        'digraph governance {'
    """

    def q(text: str) -> str:
        return '"' + printable(text).replace("\\", "\\\\").replace('"', '\\"') + '"'

    lines = ["digraph governance {", "  rankdir=TB;", "  node [shape=box];"]
    for level in Level:
        group = [b for b in graph.bodies if b.level is level]
        if not group:
            continue
        lines.append(f"  subgraph cluster_{level.value} {{")
        lines.append(f"    label={q(level.value)};")
        for b in group:
            style = ' style="dashed"' if b.status is not BodyStatus.ESTABLISHED else ""
            lines.append(f"    {q(b.id)} [label={q(b.name)}{style}];")
        lines.append("  }")
    for r in graph.relations:
        lines.append(f"  {q(r.source)} -> {q(r.target)} [label={q(r.kind.value)}];")
    lines.append("}")
    return "\n".join(lines)


_MERMAID = str.maketrans({"#": "#35;", '"': "#quot;", "<": "#lt;", ">": "#gt;", "&": "#amp;"})


def to_mermaid(graph: GraphView) -> str:
    """The graph as a Mermaid flowchart, one subgraph per level.

    Example:
        >>> from svduty.governance import GovernanceGraph
        >>> to_mermaid(GovernanceGraph.of([], []))
        'flowchart TB'
        >>> "A <B> & #1".translate(_MERMAID)
        'A #lt;B#gt; #amp; #35;1'
    """
    ids = {b.id: f"n{i}" for i, b in enumerate(graph.bodies)}

    def label(text: str) -> str:  # Mermaid's entity codes for what its labels read
        return printable(text).translate(_MERMAID)

    lines = ["flowchart TB"]
    for level in Level:
        group = [b for b in graph.bodies if b.level is level]
        if not group:
            continue
        lines.append(f"  subgraph {level.value}")
        lines.extend(f'    {ids[b.id]}["{label(b.name)}"]' for b in group)
        lines.append("  end")
    for r in graph.relations:
        arrow = "-.->" if r.kind is RelationKind.LIAISES_WITH else "-->"
        lines.append(f"  {ids[r.source]} {arrow}|{r.kind.value}| {ids[r.target]}")
    return "\n".join(lines)


def to_graphml(graph: GraphView) -> str:
    """The graph as GraphML text (attributes flattened to strings).

    Example:
        >>> from svduty.governance import GovernanceGraph
        >>> "<graphml" in to_graphml(GovernanceGraph.of([], []))
        True
    """
    import networkx as nx

    flat: nx.MultiDiGraph = nx.MultiDiGraph()
    for b in graph.bodies:
        flat.add_node(
            b.id,
            name=printable(b.name),  # a model built in Python may hold control characters
            kind=b.kind.value,
            level=b.level.value,
            tier=b.tier.value if b.tier else "",
            status=b.status.value,
            area=b.area or "",
            districts=" ".join(b.districts),
            cadence=b.cadence.value if b.cadence else "",
            citation=printable(str(b.citation)),
        )
    for r in graph.relations:
        flat.add_edge(
            r.source,
            r.target,
            key=r.kind.value,
            kind=r.kind.value,
            cadence=r.cadence.value if r.cadence else "",
            citation=printable(str(r.citation)),
            confidence=r.citation.confidence.value,
        )
    return "\n".join(['<?xml version="1.0" encoding="utf-8"?>', *nx.generate_graphml(flat)])


def graph_html(graph: GraphView) -> str:
    """A table of the bodies by level and tier, for notebooks.

    Example:
        >>> from svduty.governance import GovernanceGraph
        >>> "<table>" in graph_html(GovernanceGraph.of([], []))
        True
    """
    rows = "".join(
        f"<tr><td>{html.escape(b.level.value)}</td><td>{html.escape(b.tier or '')}</td>"
        f"<td><code>{html.escape(b.id)}</code></td><td>{html.escape(b.name)}</td>"
        f"<td>{html.escape(b.status.value)}</td></tr>"
        for b in sorted(graph.bodies, key=lambda b: (b.level.rank, *tier_order(b)))
    )
    return (
        f"<p><b>Governance graph</b>: {len(graph.bodies)} bodies, "
        f"{len(graph.relations)} relations</p>"
        "<table><tr><th>level</th><th>tier</th><th>id</th><th>name</th><th>status</th></tr>"
        f"{rows}</table>"
    )


_LABEL_GAP = 12.0
"""How far :func:`draw` puts a label from its body's centre, in points (outside the ring
of a body an error names)."""

_GROUND = {"boxstyle": "square,pad=0.1", "facecolor": "white", "edgecolor": "none", "alpha": 0.8}
"""The ground under a body's name: white, a little see-through, no border."""


def label_layout(
    graph: GraphView, width: float = 16.0
) -> tuple[dict[str, tuple[float, float]], dict[str, tuple[float, float, str]], dict[str, float]]:
    """Where :func:`draw` puts each body and its label.

    Bodies sit in rows by level, then tier (national at the top). In a row of ``n``
    bodies each label is wrapped to the width of its slot and put above or below its
    body, alternately, so that neighbouring labels do not meet.

    Args:
        graph: The graph.
        width: The width of the figure, in inches (it sets how far labels are wrapped).

    Returns:
        The position of each body, its label's position and text, and each row's
        y-coordinate by its name (``"local / strategic"``). :func:`draw` puts the label
        on its position's side of the body (above or below), a fixed 12 points away,
        so that it stays beside its body when there are few rows.

    Example:
        >>> import svduty
        >>> pos, labels, rows = label_layout(svduty.warwickshire().governance)
        >>> list(rows)[0]
        'national / strategic'
    """
    pos: dict[str, tuple[float, float]] = {}
    labels: dict[str, tuple[float, float, str]] = {}
    row: dict[str, float] = {}
    y = 0.0
    for level in Level:
        for tier in (Tier.STRATEGIC, Tier.OPERATIONAL, None):
            group = [b for b in graph.bodies if b.level is level and b.tier is tier]
            if not group:
                continue
            row[f"{level.value} / {tier.value if tier else 'other'}"] = y
            # a label may use two slots (its neighbours' labels sit on the other side);
            # about 14 characters per inch at 5 pt
            chars = max(10, int(2 * width / len(group) * 14 * 0.8))
            for i, b in enumerate(group):
                x = (i + 0.5) / len(group)
                pos[b.id] = (x, y)
                text = textwrap.fill(b.name, chars)
                labels[b.id] = (x, y + (0.22 if i % 2 else -0.22), text)
            y -= 1.0
    return pos, labels, row


def draw(
    graph: GraphView,
    *,
    ax: Any = None,
    path: str | Path | None = None,
    figsize: tuple[float, float] = (16.0, 10.0),
    diff: Diff | None = None,
    findings: Findings | None = None,
    notes: Sequence[str] = (),
) -> Any:
    """Draw a graph with matplotlib; see :meth:`GovernanceGraph.draw`.

    ``notes``: lines to list under the drawing first (a what-if's authorities changed).

    ``findings`` (a what-if's validation; see :meth:`WhatIf.draw
    <svduty.governance.WhatIf.draw>`) rings in red each body an error names, and lists
    under the drawing the errors that name no body drawn (an area left without an
    authority of Schedule 1, say), by rule.

    Example:
        >>> from matplotlib.figure import Figure
        >>> from svduty.governance import GovernanceGraph
        >>> draw(GovernanceGraph.of([], []), ax=Figure().subplots()).get_legend() is None
        True
    """
    try:
        from matplotlib.figure import Figure
        from matplotlib.lines import Line2D
        from matplotlib.patches import Patch
    except ImportError as exc:
        raise ImportError(
            "GovernanceGraph.draw() needs matplotlib: pip install matplotlib"
        ) from exc
    if path is not None:  # matplotlib would save 5 as "5.png" in the working folder
        path_argument(path, "draw(path)")
    if ax is None and path is not None:
        # drawing straight to a file: no pyplot, so no global state is touched
        ax = Figure(figsize=figsize).subplots()
    elif ax is None:
        import matplotlib.pyplot as plt

        _, ax = plt.subplots(figsize=figsize)
    pos, labels, rows = label_layout(graph, ax.figure.get_figwidth())
    added = {b.id for b in diff.bodies_added} if diff is not None else set()
    changed = (
        {r.body for r in diff.bodies_renamed}
        | {c.body for c in diff.bodies_changed}
        | {c.body for c in diff.coverage}
        if diff is not None
        else set()
    )
    new_relations = {r.key for r in diff.relations_added} if diff is not None else set()
    moved = {c.key for c in diff.relations_changed} if diff is not None else set()
    gone_relations = diff.relations_removed if diff is not None else ()
    errors = findings.errors if findings is not None else ()
    broken = {s for f in errors for s in f.subjects if s in pos}
    kinds = sorted({r.kind for r in graph.relations}, key=list(RelationKind).index)
    shown = [r for r in gone_relations if r.source in pos and r.target in pos]
    for r in (*graph.relations, *shown):  # a relation removed between bodies kept: dotted red
        (x0, y0), (x1, y1) = pos[r.source], pos[r.target]
        fresh, removed = r.key in new_relations or r.key in moved, r in shown
        dash = "--" if r.kind is RelationKind.LIAISES_WITH else "-"
        colour = _REMOVED if removed else _CHANGED if r.key in moved else KIND_COLOURS[r.kind]
        ax.annotate(
            "",
            xy=(x1, y1),
            xytext=(x0, y0),
            arrowprops={
                "arrowstyle": "-|>",
                "color": colour,
                "alpha": 0.9 if fresh or removed else 0.45,
                "lw": 2.2 if fresh or removed else 0.8,
                "linestyle": ":" if removed else dash,
                "shrinkA": 5,
                "shrinkB": 5,
                "mutation_scale": 7,
            },
            zorder=1,
        )
    for b in graph.bodies:
        x, y = pos[b.id]
        edge = _ADDED if b.id in added else _CHANGED if b.id in changed else "#555555"
        ax.scatter(
            [x],
            [y],
            s=110,
            c=_TIER_COLOURS[b.tier],
            edgecolors=edge,
            linewidths=2.5 if edge != "#555555" else 0.6,
            linestyle="--" if b.status is not BodyStatus.ESTABLISHED else "-",
            zorder=2,
        )
        if b.id in broken:  # a ring outside the scenario's own edge colour
            ring = {"facecolors": "none", "edgecolors": _REMOVED, "lw": 1.6, "gid": f"error:{b.id}"}
            ax.scatter([x], [y], s=320, zorder=2, **ring)
        _, ly, text = labels[b.id]
        ax.annotate(  # a fixed distance from its body, however few the rows (users57)
            text,
            xy=(x, y),
            xytext=(0.0, -_LABEL_GAP if ly < y else _LABEL_GAP),
            textcoords="offset points",
            ha="center",
            va="top" if ly < y else "bottom",
            fontsize=5,
            color=edge if edge != "#555555" else "black",
            gid=f"label:{b.id}",
            zorder=3,
            bbox=_GROUND,  # the lines crossing a name do not strike it out (users58)
            parse_math=False,  # a name is plain text: "$...$" in it is no mathtext
        )
    for name, y in rows.items():
        ax.text(
            -0.02, y, name, ha="right", va="center", fontsize=7, fontweight="bold", parse_math=False
        )
    handles: list[Any] = [
        Line2D([0], [0], color=KIND_COLOURS[k], lw=1.5, label=k.value.replace("_", " "))
        for k in kinds
    ]
    handles += [
        Patch(facecolor=c, label=f"{t.value if t else 'other'} body")
        for t, c in _TIER_COLOURS.items()
    ]
    below = [textwrap.fill(n, 90, break_on_hyphens=False) for n in notes]  # under it
    if diff is not None:
        handles += [
            Patch(facecolor="white", edgecolor=_ADDED, lw=2, label="added by the scenario"),
            Patch(facecolor="white", edgecolor=_CHANGED, lw=2, label="changed by the scenario"),
            Line2D([0], [0], color="#777777", lw=2.2, label="relation added (thick)"),
            Line2D([0], [0], color=_CHANGED, lw=2.2, label="relation changed"),
            Line2D([0], [0], color=_REMOVED, lw=2.2, ls=":", label="relation removed"),
        ]
        names = {
            **dict(diff.names),
            **{b.id: b.name for b in (*graph.bodies, *diff.bodies_removed)},
        }

        def said(id_: str) -> str:  # by name, as the bodies drawn are labelled
            return names.get(id_) or id_

        gone = [said(b.id) for b in diff.bodies_removed]
        gone += [  # a relation whose end was removed too
            f"{said(r.source)} {r.kind.value.replace('_', ' ')} {said(r.target)}"
            for r in gone_relations
            if r not in shown
        ]
        if gone:
            below.append("removed: " + textwrap.fill("; ".join(gone), 90, break_on_hyphens=False))
    if unplaced := _unplaced(errors, broken, dict(diff.names) if diff is not None else {}):
        below += unplaced
    if broken or unplaced:
        handles.append(
            Line2D([0], [0], ls="", marker="o", ms=9, mfc="none", mec=_REMOVED, label="an error")
        )
    if not graph.bodies:  # a blank canvas said nothing (an init bundle has no governance)
        ax.text(0.5, 0.0, _EMPTY, ha="center", va="center", fontsize=9, color="#555555",
                gid="empty", parse_math=False)  # fmt: skip
    if below:
        low = min(rows.values(), default=0.0) - 0.6
        text = "\n".join(below)
        ax.text(1.0, low, text, ha="right", va="top", fontsize=6, color=_REMOVED, parse_math=False)
    if graph.bodies:
        ax.legend(
            handles=handles,
            loc="upper left",
            bbox_to_anchor=(1.0, 1.0),
            fontsize=6,
            title="relations and bodies",
            title_fontsize=7,
            frameon=False,
        )
    ax.set_xlim(-0.02, 1.02)
    ax.set_ylim(min(rows.values(), default=0.0) - 0.8, 0.6)
    ax.set_axis_off()
    if path is not None:
        ax.figure.savefig(str(path), dpi=100, bbox_inches="tight")
    return ax


_EMPTY = (
    "no governance body to draw: the graph is empty (a bundle with no governance.toml has none)"
)


def _unplaced(errors: Any, broken: set[str], names: dict[str, str]) -> list[str]:
    """The errors that name no body drawn, by rule, with their subjects (none: ``[]``).

    An error with no subjects (``GOV-CSP-COVERAGE``'s district covered by no CSP) is said
    by the start of its words: it was shown as ``-`` (users59).

    A subject the what-if's diff names (an authority, an area) is said by name with its id
    (users54), as the authorities line above it; any other is screened as before.
    """
    by_rule: dict[str, list[str]] = {}
    for f in errors:
        if not f.subjects:  # its words say what (a district no CSP covers): their start
            words = f.message.split("; see changes[")[0]
            by_rule.setdefault(f.rule, []).append(words[:90] + ("..." if words[90:] else ""))
        elif not broken.intersection(f.subjects):
            by_rule.setdefault(f.rule, []).extend(
                with_name(s, names) if s in names else named(s, "an id") for s in f.subjects
            )
    if by_rule:
        said = "; ".join(f"{r}: {', '.join(dict.fromkeys(s)) or '-'}" for r, s in by_rule.items())
        return [
            "errors about no body drawn (see the findings): "
            + textwrap.fill(said, 90, break_on_hyphens=False)
        ]
    return []
