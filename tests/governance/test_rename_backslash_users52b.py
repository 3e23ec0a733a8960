"""A renamed body's old name is shown as typed: a backslash once (users52b).

users52: a body named ``Grŵp ... \\ backslash`` renamed by a what-if showed in the diff as
``'Grŵp ... \\\\ backslash'``, Python's repr doubling the backslash, and so did the log.
"""

from __future__ import annotations

import attrs

import svduty
from svduty.governance import GovernanceGraph, Rename, Scenario

OLD = "Grŵp Diogelwch \\ Cymunedol"
NEW = "Grŵp \\ Newydd"


def _renamed() -> tuple[str, str, dict[str, list[str]], str]:
    graph = svduty.warwickshire().governance
    assert graph is not None
    body = next(b for b in graph.bodies if b.id == "soc-joint-action-group")
    bodies = [attrs.evolve(b, name=OLD) if b is body else b for b in graph.bodies]
    before = GovernanceGraph.of(bodies, graph.relations)
    after, log = before.apply(Scenario("s", "Rename", [Rename(body.id, NEW)]))
    d = before.diff(after)
    return d.to_text(), str(d), d.to_json(), str(log)


def test_the_diff_text_shows_each_backslash_once() -> None:
    text, plain, _json, _log = _renamed()
    assert f"'{OLD}' is now '{NEW}' (soc-joint-action-group)" in text
    assert "\\\\" not in text
    assert "\\\\" not in plain


def test_the_json_and_the_log_show_it_once_too() -> None:
    _text, _plain, data, log = _renamed()
    assert data["bodies_renamed"] == [f"soc-joint-action-group: '{OLD}' -> '{NEW}'"]
    assert f"renamed soc-joint-action-group: '{OLD}' -> '{NEW}'" in log


def test_a_line_break_in_a_name_is_still_escaped() -> None:
    graph = svduty.warwickshire().governance
    assert graph is not None
    after, _ = graph.apply(Scenario("s", "Evil", [Rename("soc-joint-action-group", "A\nB")]))
    text = graph.diff(after).to_text()
    assert "'A\\nB'" in text
    assert "A\nB" not in text
