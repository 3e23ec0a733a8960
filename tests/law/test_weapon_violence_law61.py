"""Warwickshire's "violence involving a weapon" rests on the weapon used, not on s.1(4) (law61).

The strategy's words ("Violence involving a weapon - Including knife crime, gun crime and
corrosive substances") are read as the police's and the ONS's figures use them: violence in
which a weapon was used or threatened. The kind is a local kind built on the incident's own
``weapon`` (``facts``, a general mechanism of :class:`~svduty.definitions.LocalKind`) and on
violence or its threat, not on the national ``offensive_weapon`` kind (the Prevention of Crime
Act 1953 s.1(4) test PCSC Act 2022 s.24(8) takes for homicide reviews). Each case of
``tests/cases/definitions/weapon-violence-law61.toml`` names the kind's own answer, checked
here under a definition that includes only the kind, in both engines; knowing less never
turns the kind's answer over; the two engines agree row for row.
"""

from __future__ import annotations

import functools
import json
import tomllib
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from svduty.definitions import Definition, Incident, LocalKind, classify, classify_table
from svduty.errors import ConflictError, DefinitionError
from svduty.io import load_packaged_definition
from svduty.sources import cite
from tests.definitions.helpers import to_table

CASES_FILE = Path(__file__).resolve().parents[1] / "cases/definitions/weapon-violence-law61.toml"
CASES = [
    pytest.param(c, id=c["name"][:60])
    for c in tomllib.loads(CASES_FILE.read_text("utf-8"))["case"]
    if "weapon_violence" in c
]
_KIND = "weapon_violence"


@functools.cache
def _only_the_kind(name: str) -> Definition:
    """The definition ``name`` including only its weapon violence kind."""
    d = load_packaged_definition(name)
    return attrs.evolve(d, include=tuple(i for i in d.include if i.kind == _KIND), exclude=())


def _answer(definition: Definition, row: dict[str, Any]) -> str:
    return classify(Incident.from_json(row), definition).in_scope.value


def test_every_case_names_the_kinds_answer() -> None:
    assert len(CASES) >= 12
    answers = {c.values[0][_KIND] for c in CASES}
    assert answers == {"yes", "no", "undetermined"}


@pytest.mark.parametrize("case", CASES)
def test_the_kinds_own_answer_in_both_engines(case: dict[str, Any]) -> None:
    definition = _only_the_kind(case.get("definition", "warwickshire"))
    scalar = classify(Incident.from_json(case["incident"]), definition)
    assert scalar.in_scope.value == case[_KIND], scalar.explain()
    row = classify_table(to_table([case["incident"]]), definition).to_pylist()[0]
    assert row["in_scope"] == case[_KIND]
    assert (_KIND in row["kinds"]) is (case[_KIND] == "yes")
    if case[_KIND] == "undetermined":  # the open kind names the weapon if it is not given
        assert ("weapon" in scalar.missing_for("in_scope")) is ("weapon" not in case["incident"])


@pytest.mark.parametrize("name", ["warwickshire", "norfolk"])
def test_the_kind_rests_on_the_weapon_not_on_the_1953_test(name: str) -> None:
    kind = next(k for k in load_packaged_definition(name).kinds if k.id == _KIND)
    assert "offensive_weapon" not in (*kind.all_of, *kind.any_of)
    assert set(kind.facts) == {f"weapon:{w}" for w in ("knife", "firearm", "corrosive", "other")}
    assert kind.citation.confidence.value == "unconfirmed"
    assert "s.1(4)" in kind.citation.doubt


def test_the_packaged_sample_07_is_weapon_violence_again() -> None:
    sample = Path(__file__).resolve().parents[2] / "src/svduty/data/samples/incidents.jsonl"
    rows = {r["id"]: r for r in map(json.loads, sample.read_text("utf-8").splitlines())}
    w = load_packaged_definition("warwickshire")
    for sid in ("sample-02", "sample-07"):
        c = classify(Incident.from_json(rows[sid]), w)
        assert _KIND in c.kinds, c.explain()
        assert c.in_scope.value == "yes"


def _kind(**kw: Any) -> LocalKind:
    return LocalKind("armed", "armed violence", cite("sv-strategy-2018"), **kw)


def test_a_fact_must_be_a_field_and_one_of_its_words() -> None:
    bad = _kind(facts=("weapon:spoon", "colour:red", "weapon", "behaviours:physical"))
    assert [p.field for p in bad.fact_problems()] == ["facts[0]", "facts[1]", "facts[2]"]
    with pytest.raises(DefinitionError) as info:
        bad.expr()
    assert "the word one of corrosive, firearm, knife, none, other" in str(info.value)
    base = load_packaged_definition("warwickshire")
    with pytest.raises(DefinitionError) as info:
        attrs.evolve(base, kinds=(*base.kinds[1:], attrs.evolve(base.kinds[0], facts=("x:y",))))
    assert [p.field for p in info.value.problems] == ["kinds[2].facts[0]"]


def test_a_kind_of_facts_alone_is_a_kind() -> None:
    kind = _kind(facts=("harms:injury", "harms:death", "target:person"))
    base = load_packaged_definition("warwickshire")
    include = attrs.evolve(base.include[0], kind="armed", when="", unless="")
    d = attrs.evolve(base, kinds=(kind,), include=(include,), exclude=())
    person = {"target": "person", "harms": ["injury"]}
    assert _answer(d, person) == "yes"
    assert _answer(d, {**person, "harms": []}) == "no"
    assert _answer(d, {"harms": ["death"]}) == "undetermined"
    with pytest.raises(DefinitionError) as info:
        attrs.evolve(d, kinds=(_kind(),))
    assert "context, facts, all_of or any_of" in str(info.value)


_FACTS = {
    "behaviours": st.lists(
        st.sampled_from(["physical", "violent_or_threatening", "economic"]), max_size=2
    ),
    "target": st.sampled_from(["person", "property", "self"]),
    "weapon": st.sampled_from(["none", "knife", "firearm", "corrosive", "other"]),
    "intentional": st.booleans(),
    "harms": st.lists(st.sampled_from(["injury", "death"]), max_size=2),
    "offence_code": st.sampled_from(["8N", "105A", "10D", "34A", "46"]),
    "made_or_adapted": st.booleans(),
    "intended_for_injury": st.booleans(),
}


def _kind_answer(row: dict[str, Any]) -> str | None:
    try:
        return _answer(_only_the_kind("warwickshire"), row)
    except ConflictError:
        return None


@settings(max_examples=120, deadline=None)
@given(st.fixed_dictionaries({}, optional=_FACTS), st.sampled_from(sorted(_FACTS)))
def test_knowing_less_never_turns_the_kind_over(row: dict[str, Any], drop: str) -> None:
    full = _kind_answer(row)
    if full is None:
        return
    fewer = _kind_answer({k: v for k, v in row.items() if k != drop})
    assert fewer in (full, "undetermined")
    if row.get("weapon") in ("none", None):  # no weapon used (or none known): never yes
        assert full != "yes"


@settings(max_examples=50, deadline=None)
@given(st.lists(st.fixed_dictionaries({}, optional=_FACTS), min_size=1, max_size=6))
def test_both_engines_agree_on_the_kind_row_for_row(rows: list[dict[str, Any]]) -> None:
    definition = _only_the_kind("warwickshire")
    kept = []
    for r in rows:
        try:
            kept.append((r, classify(Incident.from_json(r), definition)))
        except ConflictError:
            continue
    if not kept:
        return
    out = classify_table(to_table([r for r, _ in kept]), definition).to_pylist()
    for (_, scalar), row in zip(kept, out, strict=True):
        assert row["in_scope"] == scalar.in_scope.value
        assert row["kinds"] == list(scalar.kinds)


def test_a_kinds_age_limit_decides_a_comparison_only_where_its_facts_hold() -> None:
    from svduty.definitions import STATUTE, compare_definitions

    young = _kind(facts=("weapon:knife",), all_of=("s13_violence",), victim_age_below=25)
    include = attrs.evolve(STATUTE.include[0], kind="armed")
    d = attrs.evolve(STATUTE, id="d", kinds=(young,), include=(include,))
    fight = {"behaviours": ["physical"], "target": "person", "victim_age": 30}

    def rules(row: dict[str, Any]) -> list[str]:
        c = compare_definitions([Incident.from_json(row)], STATUTE, d)
        return [r.rule for r in c.differences[0].rules]

    assert "d:armed:victim_age_below" in rules({**fight, "weapon": "knife"})
    assert "d:armed:victim_age_below" not in rules({**fight, "weapon": "none"})
    assert "d:armed:victim_age_below" not in rules(fight)
