"""Fuzz: ``svduty explain`` and ``svduty classify`` word a bad JSON Lines field alike.

Before mend50c the two readers named the same file, row and field of a bad line but in
different words: ``"19"`` for an age was "a whole number of years 0 to 130 (got a string
of 2 characters, not shown)" to ``explain`` and "a whole number of years (a JSON number,
not text)" to ``classify``; ``"true"`` for ``died`` "true or false" and "true or false
(JSON's true or false, not text)"; a boolean age had its kind said by one alone; a list in
the ``behaviours`` list was "one of 'physical', ..." to one and "a list of words" to the
other; a word not known was "one of 'none', 'knife', ..." to one and "one of corrosive,
firearm, ..." (or "words from ...") to the other. Now each field's expectation is written
once (``svduty.definitions._field_words``, as the incident JSON schema documents it), and
both say it with the kind of value found, never the value.

Property: for any one-field line over the schema's fields (any JSON value: text, numbers,
booleans, lists, objects, nested, and near misses such as numbers or booleans as text), both
readers take the line, or both refuse it naming the same field in the same words:
``explain``'s first problem, and ``classify``'s reason (its JSON Lines reader's own, or the
columnar check's for a value of the right type).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from hypothesis import example, given
from hypothesis import strategies as st

from svduty._commands._explain_lines import incident as _incident
from svduty.definitions import classify_table
from svduty.errors import ConflictError, DataError
from svduty.io import INCIDENT_SCHEMA, incident_schema, read_incidents_jsonl

from .budget import budget

FIELDS = list(incident_schema()["properties"])
NEAR = st.sampled_from(
    [
        "19",
        "true",
        "False",
        "yes",
        "",
        " ",
        "KNIFE ",
        "spoon",
        "physical",
        "8N",
        "ZZ",
        "2023-02-30",
        "2023-02",
        "E01031012",
        "X",
        "Public order",
        "nope",
        "١٩",
        "1e2",
    ]
)
JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-300, 300)
    | st.floats(-1e6, 1e6, allow_nan=False)
    | st.text(max_size=10)
    | NEAR,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner, max_size=2)
    ),
    max_leaves=4,
)


def _explain(line: str) -> tuple[str, str] | None:
    try:
        _incident(line, 1, "in.jsonl")
    except (DataError, ConflictError) as err:
        first = err.problems[0]
        assert (first.file, first.row) == ("in.jsonl", 1)
        return (first.field or "line", first.what())
    return None


def _classify(f: Path) -> tuple[str, str] | None:
    table = read_incidents_jsonl(f)
    why = table.column("rejected")[0].as_py()
    if why is not None:
        field = table.column("rejected_field")[0].as_py()
        return (field, why.removeprefix(f"{field}: "))
    incident = table.select([n for n in INCIDENT_SCHEMA.names if n in table.column_names])
    try:
        classify_table(incident)
    except (DataError, ConflictError) as err:
        first = err.problems[0]
        assert first.row == 1
        return (first.field or "line", first.what())
    return None


@budget(150)
@given(field=st.sampled_from(FIELDS), value=JSON)
@example(field="victim_age", value="19")
@example(field="died", value="true")
@example(field="victim_age", value=True)
@example(field="behaviours", value=[["physical"]])
@example(field="weapon", value="spoon")
@example(field="harms", value=["death", "spoon"])
@example(field="police_uk_category", value="nope")
@example(field="location", value=5)
@example(field="date_of_death", value=[])
@example(field="offence_code", value="0000-00")  # hostile55: a month shown by one alone
@example(field="offence_code", value="-1")
@example(field="offence_code", value="E01031012")
def test_explain_and_classify_word_a_bad_field_alike(
    tmp_path_factory: Any, field: str, value: Any
) -> None:
    row = {"id": "r1", field: value} if field != "id" else {field: value}
    line = json.dumps(row)
    f: Path = tmp_path_factory.mktemp("words") / "in.jsonl"
    f.write_text(line + "\n", encoding="utf-8")
    assert _classify(f) == _explain(line), line


def test_the_four_rows_users50_found_are_worded_alike(tmp_path: Path) -> None:
    rows = [
        ({"victim_age": "19"}, "a whole number of years 0 to 130 (got a string of 2 characters"),
        ({"died": "true"}, "true or false (got a string of 4 characters, not shown)"),
        ({"victim_age": True}, "a whole number of years 0 to 130 (got true or false)"),
        ({"behaviours": [["physical"]]}, "a list of words (got a list holding a list of 1 item)"),
    ]
    for n, (row, words) in enumerate(rows):
        line = json.dumps({"id": f"S-{n}", **row})
        f = tmp_path / f"h{n}.jsonl"
        f.write_text(line + "\n", encoding="utf-8")
        said = _classify(f)
        assert said == _explain(line), line
        assert said is not None
        assert said[0] == next(iter(row))
        assert words in said[1], said


def test_the_schema_names_the_fields_the_readers_read() -> None:
    assert INCIDENT_SCHEMA.names == FIELDS
