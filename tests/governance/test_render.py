"""The drawing: a legend of relation kinds, labels that do not overlap, a scenario's changes."""

from __future__ import annotations

import itertools

import attrs
import pytest

import svduty
from svduty.governance import GovernanceGraph, RelationKind
from svduty.governance._render import KIND_COLOURS, label_layout

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")
from matplotlib.figure import Figure  # noqa: E402

P = svduty.warwickshire()


def drawn(graph: GovernanceGraph, **kw: object):
    ax = Figure(figsize=(16.0, 10.0)).subplots()
    graph.draw(ax=ax, **kw)
    ax.figure.canvas.draw()
    return ax


def labels(ax):
    return {t.get_gid()[6:]: t for t in ax.texts if (t.get_gid() or "").startswith("label:")}


def test_every_relation_kind_drawn_is_in_the_legend_in_its_colour():
    ax = drawn(P.governance)
    legend = ax.get_legend()
    entries = {
        t.get_text(): h for t, h in zip(legend.get_texts(), legend.legend_handles, strict=True)
    }
    kinds = {r.kind for r in P.governance.relations}
    for kind in kinds:
        handle = entries[kind.value.replace("_", " ")]
        assert matplotlib.colors.to_hex(handle.get_color()) == KIND_COLOURS[kind]
    unused = set(RelationKind) - kinds
    assert not {k.value.replace("_", " ") for k in unused} & set(entries)
    assert "added by the scenario" not in entries


@pytest.mark.parametrize("scenario", [None, "lgr-two-unitaries", "lgr-single-unitary"])
def test_labels_do_not_overlap(scenario):
    graph = P.governance if scenario is None else P.what_if(scenario).governance
    ax = drawn(graph)
    boxes = {b: t.get_window_extent() for b, t in labels(ax).items()}
    assert set(boxes) == {b.id for b in graph.bodies}
    clashes = [
        (a, b) for (a, x), (b, y) in itertools.combinations(boxes.items(), 2) if x.overlaps(y)
    ]
    assert clashes == []


def test_label_layout_wraps_to_the_row_and_alternates_sides():
    pos, text, rows = label_layout(P.governance)
    local = [b for b in P.governance.bodies if pos[b.id][1] == rows["local / operational"]]
    sides = [text[b.id][1] > pos[b.id][1] for b in sorted(local, key=lambda b: pos[b.id][0])]
    assert sides == [i % 2 == 1 for i in range(len(local))]
    assert all(max(len(line) for line in text[b.id][2].splitlines()) < len(b.name) for b in local)


def test_diff_highlights_what_the_scenario_changed():
    w = P.what_if("lgr-two-unitaries")
    ax = drawn(w.governance, diff=w.diff)
    entries = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "added by the scenario" in entries
    assert "changed by the scenario" in entries
    by_body = labels(ax)
    added = matplotlib.colors.to_hex(by_body["north-unitary-csp-board"].get_color())
    changed = matplotlib.colors.to_hex(by_body["south-warwickshire-csp-board"].get_color())
    same = matplotlib.colors.to_hex(by_body["home-office"].get_color())
    assert len({added, changed, same}) == 3
    removed = [t.get_text() for t in ax.texts if t.get_text().startswith("removed: ")]
    assert len(removed) == 1
    assert "Rugby Community Safety Partnership Board" in " ".join(removed[0].split())
    # the new relations are drawn thicker than the others
    widths = sorted(
        {
            round(p.arrow_patch.get_linewidth(), 1)
            for p in ax.texts
            if hasattr(p, "arrow_patch") and p.arrow_patch is not None
        }
    )
    assert len(widths) == 2


def test_a_removed_relation_is_drawn_dotted_red_and_named_when_an_end_is_gone():
    """A policy review: removing the consults line to schools left only a faint gap."""
    from svduty.governance import RelationKind, RemoveBody, RemoveRelation, Scenario

    line = RemoveRelation("sv-prevention-coordinator", "schools", RelationKind.CONSULTS)
    w = P.what_if(Scenario("s", "S", [line]))
    ax = drawn(w.governance, diff=w.diff)
    dotted = [
        p.arrow_patch
        for p in ax.texts
        if getattr(p, "arrow_patch", None) is not None and p.arrow_patch.get_linestyle() == ":"
    ]
    assert len(dotted) == 1
    assert matplotlib.colors.to_hex(dotted[0].get_edgecolor()) == "#d62728"
    entries = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "relation removed" in entries
    w = P.what_if(Scenario("s", "S", [RemoveBody("schools")]))  # an end gone: named below
    (gone,) = [
        t.get_text() for t in drawn(w.governance, diff=w.diff).texts if "removed: " in t.get_text()
    ]
    assert "removed: Schools;" in gone  # by name, as the bodies drawn are labelled (diff42)
    assert "Serious Violence Prevention Co-ordinator consults Schools" in " ".join(gone.split())


def test_a_name_built_in_python_with_control_characters_is_escaped_in_every_format() -> None:
    """Bundles refuse such names; a graph built in Python still writes well-formed files."""
    import xml.dom.minidom

    from svduty.governance import Rename, Scenario

    graph = svduty.warwickshire().governance
    assert graph is not None
    changed = graph.apply(
        Scenario("evil", "Evil", [Rename("soc-joint-action-group", "A\x1b[31m\nB")])
    )
    after = changed[0] if isinstance(changed, tuple) else changed
    xml.dom.minidom.parseString(after.to_graphml())  # not well-formed before
    for text in (after.to_graphml(), after.to_dot(), after.to_mermaid(), after.to_text()):
        (line,) = [line for line in text.splitlines() if "31m" in line]  # one line, escaped
        assert "\x1b" not in line


@pytest.mark.parametrize("name", ["The $\\frac{1}{$ board", "Cost $5 and $x^$ group"])
def test_a_body_name_with_dollars_is_drawn_as_plain_text(name, tmp_path):
    """A hostile review: "$...$" in a name was read as mathtext (a raw ValueError, mangled)."""
    body = P.governance.bodies[0]
    graph = GovernanceGraph.of(
        [attrs.evolve(body, name=name), *P.governance.bodies[1:]], P.governance.relations
    )
    ax = drawn(graph)  # renders every text: mathtext would raise here
    label = labels(ax)[body.id]
    assert label.get_parse_math() is False
    assert " ".join(label.get_text().split()) == name
    graph.draw(path=tmp_path / "g.png")


@pytest.mark.parametrize("scenario", [None, "lgr-two-unitaries"])
def test_each_label_sits_beside_its_body_however_few_the_rows(scenario):
    """users57: a two-row graph (a Welsh bundle's board and its two partnerships) had each
    label about 0.9 inch from its body, in the middle of the arrow, as the offset was a
    share of the row's height on a 10-inch figure; it is now a few points, whatever the
    number of rows."""
    from svduty.governance import Body, BodyKind, Level, Relation, RelationKind, Tier
    from svduty.sources import cite

    c = cite("svd-guidance")
    board = Body("board", "Board", BodyKind.BOARD, Level.COUNTYWIDE, c, Tier.STRATEGIC)
    csps = [Body(i, i.title(), BodyKind.GROUP, Level.LOCAL, c, Tier.STRATEGIC) for i in ("a", "b")]
    small = GovernanceGraph.of(
        [board, *csps], [Relation(RelationKind.REPORTS_TO, b.id, "board", c) for b in csps]
    )
    graph = small if scenario is None else P.what_if(scenario).governance
    ax = drawn(graph)
    pos, _, _ = label_layout(graph)
    to_pixels = ax.transData.transform
    for body, text in labels(ax).items():
        box = text.get_window_extent()
        _, y = to_pixels(pos[body])
        gap = min(abs(box.y0 - y), abs(box.y1 - y))
        assert gap < 25, (body, gap)  # pixels at 100 dpi: a quarter of an inch
