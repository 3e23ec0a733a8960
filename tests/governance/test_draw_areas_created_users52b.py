"""A what-if's drawing names the areas it creates, as its text does (users52b).

users52: a policy officer's what-if on an init bundle (no governance.toml) creating a Welsh
area ("Canolbarth Cymru") and a council for it drew "authorities: created ..." under the
empty graph, and nothing of the new area, though ``print(w)``'s diff said "the areas
changed: created ...".
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import svduty
from svduty.governance import AbolishAuthority, CreateArea, CreateAuthority, Scenario

pytest.importorskip("matplotlib")


def _texts(ax: Any) -> str:  # as read: the lines under the drawing are wrapped
    return " ".join(" ".join(t.get_text().split()) for t in ax.texts)


def _new_area(p: svduty.Partnership, with_council: bool) -> Scenario:
    cite = p.sources.cite("pcsc-act-2022", "s.11(6)", confidence="unconfirmed")
    council = svduty.Authority(
        id="cyngor-canolbarth",
        name="Cyngor Canolbarth Cymru",
        category="welsh_county_council",
        areas=["W06000099"],
        nation="wales",
        valid=svduty.Period("2028-04-01"),
        citation=cite,
    )
    changes: list[Any] = [
        CreateArea("W06000099", "Canolbarth Cymru â ŵ", ["W06000008"], citation=cite)
    ]
    changes += [CreateAuthority(council), AbolishAuthority("ceredigion-council")] * (with_council)
    return Scenario("canolbarth", "Canolbarth", changes, effective="2028-04-01")


def _init(tmp_path: Path) -> svduty.Partnership:
    folder = tmp_path / "ceredigion"
    svduty.new_bundle(folder, ["W06000008"])
    return svduty.load_partnership(folder)


@pytest.mark.parametrize("with_council", [True, False])
def test_a_bundle_with_no_governance_draws_the_area_created(
    tmp_path: Path, with_council: bool
) -> None:
    from matplotlib.figure import Figure

    p = _init(tmp_path)
    w = p.what_if(_new_area(p, with_council))
    assert "created Canolbarth Cymru â ŵ (W06000099)" in str(
        w.said(graph=False).diff
    )  # said already
    text = _texts(w.draw(ax=Figure(figsize=(16, 10)).subplots()))
    assert "areas created: Canolbarth Cymru â ŵ (W06000099)" in text
    assert (
        "authorities: created Cyngor Canolbarth Cymru (cyngor-canolbarth)" in text
    ) is with_council


def test_a_what_if_creating_no_area_draws_no_such_line() -> None:
    from matplotlib.figure import Figure

    w = svduty.warwickshire().what_if("jag-to-sv-strategic-board")
    assert "areas created" not in _texts(w.draw(ax=Figure().subplots()))
