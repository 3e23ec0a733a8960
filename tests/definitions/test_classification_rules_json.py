"""A classification's JSON holds only the kinds and reasons svduty's rules give.

``Classification.from_json`` read any kind id and any rule id, a rule with other words or
another citation, reasons twice or out of order, and a citation's ``document`` it then
wrote back otherwise (contract42): none of these is what :meth:`to_json` ever writes.
Arbitrary JSON in either ``from_json`` gives the value or an ``SvdutyError``, never
another exception; what is accepted writes back as it was read.
"""

from __future__ import annotations

import copy
import io
import json
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import svduty
from svduty.definitions import Classification, Incident, classify
from svduty.definitions._incident import _fields
from svduty.errors import DataError, SvdutyError

GOOD = classify(
    Incident(id="x", offence_code="8N", victim_age=30, perpetrator_age=40, relationship="married")
).to_json()
WARWICKSHIRE = svduty.warwickshire()
LOCAL = classify(
    Incident(id="a", offence_code="8N", context=["gang", "social_media"], weapon="knife"),
    WARWICKSHIRE.require_definition(),
)


def _reason(i: int, **change: Any) -> Callable[[dict[str, Any]], None]:
    return lambda d: d["reasons"][i].update(change)


def _cited(i: int, **change: Any) -> Callable[[dict[str, Any]], None]:
    return lambda d: d["reasons"][i]["citation"].update(change)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda d: d.update(kinds=["made_up"]), "kinds[0]"),
        (lambda d: d.update(kinds=list(reversed(d["kinds"]))), "kinds"),
        (_reason(0, rule="MADE-UP"), "reasons[0].rule"),
        (_reason(0, rule="DEF-who-2002"), "reasons[0].rule"),  # another definition's
        (_reason(0, says="Jane Smith stabbed him"), "reasons[0].says"),
        (_cited(0, provision="s.99"), "reasons[0].citation"),
        (_cited(0, as_at="2020-01-01"), "reasons[0].citation"),
        (_cited(0, url="https://example.org/"), "reasons[0].citation"),
        (_cited(0, document="Another title"), "reasons[0].citation.document"),
        (_cited(0, x=None), "reasons[0].citation.x"),
        (lambda d: d["reasons"].append(d["reasons"][0]), "reasons"),
        (lambda d: d["reasons"].reverse(), "reasons"),
        (lambda d: d.update(definition=""), "definition"),
    ],
)
def test_what_no_rule_gives_is_refused_by_field(change, field):
    data = copy.deepcopy(GOOD)
    change(data)
    with pytest.raises(DataError) as info:
        Classification.from_json(data)
    assert field in {p.field for p in info.value.problems}
    assert "Jane" not in str(info.value)


def test_a_partnership_s_own_kinds_need_its_definition():
    data = LOCAL.to_json()
    own = [k for k in LOCAL.kinds if k not in svduty.definitions.KINDS]
    assert own  # the example names Warwickshire's own kinds
    with pytest.raises(DataError, match=r"kinds\[\d\]: expected a national kind"):
        Classification.from_json(data, sources=WARWICKSHIRE.sources)
    back = Classification.from_json(
        data, sources=WARWICKSHIRE.sources, definition=WARWICKSHIRE.require_definition()
    )
    assert back == LOCAL


def test_the_definition_given_is_the_one_named():
    with pytest.raises(DataError, match=r"^definition: expected the id of the definition given"):
        Classification.from_json(GOOD, definition=WARWICKSHIRE.require_definition())


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=12,
)
CITATION_KEYS = ["source", "document", "provision", "url", "as_at", "confidence", "doubt", "x"]


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(
    st.integers(0, len(GOOD["reasons"]) - 1),
    st.sampled_from(["rule", "says", *(f"citation.{k}" for k in CITATION_KEYS)]),
    JSON | st.sampled_from(["S13", "DEF-pcsc-s13", "pcsc-act-2022", "s.13(3)(a)(i)"]),
)
def test_any_reason_is_the_contract_s_or_a_data_error(i, key, value):
    data = copy.deepcopy(GOOD)
    where, _, last = key.rpartition(".")
    (data["reasons"][i]["citation"] if where else data["reasons"][i])[last] = value
    try:
        got = Classification.from_json(data)
    except DataError:
        return
    assert got.to_json() == data


@given(st.one_of(JSON, st.dictionaries(st.sampled_from(list(_fields())), JSON)))
def test_any_json_is_an_incident_or_an_svduty_error(data):
    try:
        got = Incident.from_json(data)
    except SvdutyError:  # a DataError or a ConflictError: any other exception fails
        return
    assert Incident.from_json(json.loads(json.dumps(got.to_json()))) == got


def test_a_line_of_svduty_explain_reads_back(tmp_path):
    """``from_json`` names ``svduty explain --format json`` as what it reads, but refused
    its lines: ``row`` and ``partnership`` were "not a key of the contract"."""
    from svduty.cli import main

    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"id": "a", "offence_code": "8N", "victim_age": 30}) + "\n")
    out, err = io.StringIO(), io.StringIO()
    assert main(["explain", "--format", "json", str(path)], stdout=out, stderr=err) == 0
    line = json.loads(out.getvalue().splitlines()[0])
    assert {"row", "partnership"} <= set(line)
    back = Classification.from_json(
        line, sources=WARWICKSHIRE.sources, definition=WARWICKSHIRE.require_definition()
    )
    envelope = ("row", "partnership", "within_area", "district_code", "district_name")  # mend47
    assert back.to_json() == {k: v for k, v in line.items() if k not in envelope}
    for bad in ({"row": 0}, {"row": "1"}, {"row": True}, {"partnership": ""}):
        with pytest.raises(DataError, match=f"^{next(iter(bad))}: expected"):
            Classification.from_json({**line, **bad}, sources=WARWICKSHIRE.sources)
