"""users55: a what-if's text said the authorities it created and abolished twice: in the
diff (its sections, or its one line when a bundle has no governance.toml) and again in an
``authorities:`` line after it. They are now said once; a what-if that changes none still
says "authorities: no change"."""

from __future__ import annotations

from pathlib import Path

import svduty

from ..cli_run import run

_ABOLISH = """name = "abolish-yot"
title = "Abolish the youth offending team"

[[changes]]
op = "abolish_authority"
authority = "leeds-youth-justice-service"
"""


def test_without_a_governance_file_the_authority_is_named_once(tmp_path: Path):
    bundle = tmp_path / "leeds"
    code, _, _ = run("init", bundle, "--area", "Leeds")
    assert code == 0
    assert not (bundle / "governance.toml").exists()
    scenario = tmp_path / "abolish.toml"
    scenario.write_text(_ABOLISH, encoding="utf-8")
    code, out, _ = run("governance", "--partnership", bundle, "--scenario", scenario)
    assert code == 0
    body = out.split("\nvalidation:")[0].split("\nchanges:\n")[1]
    assert body.count("(leeds-youth-justice-service)") == 1
    assert "the authorities changed: abolished" in body


def test_with_a_graph_each_authority_is_named_once_in_the_changes():
    p = svduty.warwickshire()
    w = p.what_if("lgr-two-unitaries")
    lines = w.to_text().split("\nvalidation:")[0].split("\nchanges:\n")[1].splitlines()
    names = dict(w.diff.names)
    for id_ in w.authorities["created"] + w.authorities["abolished"]:
        assert lines.count(f"  {names[id_]} ({id_})") == 1, id_
    assert not [x for x in lines if x.startswith("authorities:")]
    page = w._repr_html_()
    assert (
        page.count(
            "<li>North Warwickshire Unitary Council (north-warwickshire-unitary-council)</li>"
        )
        == 1
    )
    assert "<p>authorities:" not in page


def test_no_authority_changed_is_still_said():
    w = svduty.warwickshire().what_if("jag-to-sv-strategic-board")
    assert "\nauthorities: no change\n" in w.to_text()
