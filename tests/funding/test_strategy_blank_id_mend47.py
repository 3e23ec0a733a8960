"""mend47: a blank id in ``strategy.toml`` no longer hides the file's other problems.

types46 made a :class:`LifeStage` (and a :class:`Term`) refuse a blank id when it is
built. Built inside the loader, the refusal stopped the :class:`Strategy` from being
built, and with it the check of what its opportunities and actions name: ``svduty
validate`` reported the blank id alone, and the file's other problems (an opportunity's
unknown C, an action's unknown pillar) only on the next run, after the id was mended.
Now the loader runs the strategy's own check on the file's data when a record could not
be built, and every problem is reported in one run. A :class:`Strategy` built in Python
names every such problem at once too, not only the first.
"""

from __future__ import annotations

import copy
import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import svduty
from svduty.errors import BundleError, FundingError
from svduty.funding import Strategy
from svduty.io._converter import make_converter
from svduty.io._funding import load_strategy
from svduty.samples import sample_path

from ..cli_run import run

PATH = sample_path("warwickshire-bundle") / "strategy.toml"
DATA = tomllib.loads(PATH.read_text(encoding="utf-8"))
LOCAL = make_converter(svduty.warwickshire().sources)


def _fields(data: dict[str, Any]) -> list[str | None]:
    with pytest.raises(BundleError) as caught:
        load_strategy(data, file="strategy.toml", converter=LOCAL)
    assert all(p.file == "strategy.toml" for p in caught.value.problems)
    return [p.field for p in caught.value.problems]


def _stage_at(data: dict[str, Any], n: int) -> str:
    stage: str = data["life_stages"][n]["id"]
    return stage


def test_a_blank_life_stage_id_and_the_files_other_problems_in_one_run() -> None:
    data = copy.deepcopy(DATA)
    blanked = _stage_at(data, 2)
    data["life_stages"][2]["id"] = " "
    data["opportunities"][0]["c"] = "no_such_c"  # unrelated to the blank id
    data["actions"][0]["pillars"] = ["no_such_pillar"]
    fields = _fields(data)
    assert fields.count("life_stages[2].id") == 1
    assert "opportunities[0].c" in fields
    assert "actions[0].pillars[0]" in fields
    named = {f"actions[{n}].stage" for n, a in enumerate(data["actions"]) if a["stage"] == blanked}
    assert named  # no life stage of that id is in the file: each action naming it is told
    assert named <= set(fields)


def test_a_blank_pillar_id_still_reports_an_unknown_life_stage() -> None:
    data = copy.deepcopy(DATA)
    data["pillars"][0]["id"] = ""
    data["actions"][3]["stage"] = "no-such-stage"
    fields = _fields(data)
    assert fields.count("pillars[0].id") == 1
    assert "actions[3].stage" in fields


def test_a_life_stage_refused_for_its_ages_keeps_its_id_known() -> None:
    """Only what the file lacks is named: a stage refused for its ages still has its id."""
    data = copy.deepcopy(DATA)
    data["life_stages"][1]["first_age"] = 200
    assert _fields(data) == ["life_stages[1].first_age"]


def test_a_strategy_built_in_python_names_every_unknown_reference_at_once() -> None:
    strategy = svduty.warwickshire().strategy
    actions = (
        tuple(
            a.__class__(a.id, "no-such-stage", a.scope, a.text, a.pillars, a.levels, a.tiers)
            for a in strategy.actions[:3]
        )
        + strategy.actions[3:]
    )
    with pytest.raises(FundingError) as caught:
        Strategy(
            strategy.name,
            strategy.pillars,
            strategy.prevention_levels,
            strategy.intervention_tiers,
            strategy.five_cs,
            strategy.life_stages,
            actions,
            strategy.needs,
        )
    fields = [p.field for p in caught.value.problems]
    assert fields == ["actions[0].stage", "actions[1].stage", "actions[2].stage"]


def test_svduty_validate_lists_the_blank_id_and_the_other_problems(tmp_path: Path) -> None:
    bundle = tmp_path / "w"
    source = sample_path("warwickshire-bundle")
    bundle.mkdir()
    for f in source.rglob("*"):
        target = bundle / f.relative_to(source)
        if f.is_dir():
            target.mkdir(exist_ok=True)
        else:
            target.write_bytes(f.read_bytes())
    text = PATH.read_text(encoding="utf-8")
    text = text.replace('id = "11-16"\ntitle', 'id = " "\ntitle', 1)
    text = text.replace('c = "collaboration"', 'c = "no_such_c"', 1)
    (bundle / "strategy.toml").write_text(text, encoding="utf-8")
    code, out, _ = run("validate", bundle)
    assert code == 1
    assert "strategy.toml: life_stages[2].id:" in out
    assert "strategy.toml: opportunities[0].c:" in out
    assert "(got '11-16')" in out


@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_every_unknown_reference_is_named_whatever_record_is_blank(data: st.DataObject) -> None:
    """Blank any vocabulary's id; point some actions at no stage: all are named, once."""
    plain = copy.deepcopy(DATA)
    listed = data.draw(
        st.sampled_from(["life_stages", "pillars", "prevention_levels", "intervention_tiers"])
    )
    n = data.draw(st.integers(0, len(plain[listed]) - 1))
    plain[listed][n]["id"] = data.draw(st.sampled_from(["", " ", "\u200b"]))
    wrong = data.draw(st.sets(st.integers(0, len(plain["actions"]) - 1), max_size=5))
    for k in wrong:
        plain["actions"][k]["stage"] = "no-such-stage"
    fields = _fields(plain)
    assert fields.count(f"{listed}[{n}].id") == 1
    assert {f"actions[{k}].stage" for k in wrong} <= set(fields)
    assert len(fields) == len(set(fields))
