from __future__ import annotations

import json
import re

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import given
from hypothesis import strategies as st

from svduty.errors import DataError, InputFormatError
from svduty.io import (
    INCIDENT_SCHEMA,
    iter_incidents_jsonl,
    read_incident_table,
    read_incidents_jsonl,
    write_table,
)


def test_jsonl_fields_become_columns(tmp_path):
    f = tmp_path / "a.jsonl"
    obj = {
        "id": 7,
        "date": "2025-06-01",
        "offence_code": "8N",
        "police_uk_category": "Robbery",
        "behaviours": ["physical"],
        "intentional": True,
        "target": "person",
        "harms": ["injury"],
        "weapon": "knife",
        "victim_age": 19,
        "perpetrator_age": 22,
        "relationship": "none",
        "context": ["gang"],
        "died": False,
        "location": "E07000222",
        "country": "England",
    }
    f.write_text(json.dumps(obj) + "\n")
    t = read_incidents_jsonl(f)
    row = t.to_pylist()[0]
    assert row["rejected"] is None
    assert row["id"] == "7"
    for k, v in obj.items():
        if k != "id":
            assert row[k] == v
    assert t.schema.names[4:] == INCIDENT_SCHEMA.names


@pytest.mark.parametrize(
    ("line", "field"),
    [
        ("[1, 2]", "line"),
        ('{"colour": "red"}', "colour"),
        ('{"behaviours": "physical"}', "behaviours"),
        ('{"died": "no"}', "died"),
        ('{"victim_age": true}', "victim_age"),
        ('{"weapon": 3}', "weapon"),
        ("{not json", "line"),
    ],
)
def test_jsonl_bad_lines_are_rejected_naming_the_field(tmp_path, line, field):
    f = tmp_path / "a.jsonl"
    f.write_text('{"id": "ok"}\n' + line + "\n")
    t = read_incidents_jsonl(f)
    assert t.column("rejected_field").to_pylist() == [None, field]
    assert t.column("row").to_pylist() == [1, 2]


def test_jsonl_validator_rejects(tmp_path):
    f = tmp_path / "a.jsonl"
    f.write_text('{"weapon": "spoon"}\n{"weapon": "knife"}\n')

    def validate(obj, line, file):
        if obj.get("weapon") == "spoon":
            raise DataError.single(file, "weapon", row=line, expected="a weapon word")

    t = read_incidents_jsonl(f, validate=validate)
    assert t.column("rejected").to_pylist() == ["weapon: expected a weapon word", None]


def test_jsonl_missing_and_binary(tmp_path):
    with pytest.raises(InputFormatError, match="file not found"):
        read_incidents_jsonl(tmp_path / "no.jsonl")
    f = tmp_path / "b.jsonl"
    f.write_bytes(b"\xff\xfe\x00")
    with pytest.raises(InputFormatError, match="UTF-8"):
        read_incidents_jsonl(f)


@given(st.lists(st.sampled_from(["good", "bad", "blank"]), max_size=30))
def test_jsonl_every_nonblank_line_is_a_row_with_its_number(tmp_path_factory, kinds):
    f = tmp_path_factory.mktemp("j") / "a.jsonl"
    text = {"good": '{"id": "x"}', "bad": "{", "blank": "   "}
    f.write_text("\n".join(text[k] for k in kinds) + "\n")
    t = read_incidents_jsonl(f)
    assert t.column("row").to_pylist() == [i + 1 for i, k in enumerate(kinds) if k != "blank"]
    rejected = [r for r in t.column("rejected").to_pylist() if r is not None]
    assert len(rejected) == kinds.count("bad")


def test_table_csv_conversions(tmp_path):
    f = tmp_path / "a.csv"
    f.write_text(
        "id,died,intentional,victim_age,harms,note\n"
        "1,yes,0,19,injury;death,hello\n"
        "2,maybe,,x,,\n"
        "3,,true,,,\n"
    )
    t = read_incident_table(f)
    assert t.column("died").to_pylist() == [True, None, None]
    assert t.column("intentional").to_pylist() == [False, None, True]
    assert t.column("rejected").to_pylist() == [
        None,
        "victim_age: expected a whole number of years",
        None,
    ]
    assert t.column("note").to_pylist() == ["hello", "", ""]  # unmapped columns kept
    assert t.column("row").to_pylist() == [2, 3, 4]


def test_table_parquet(tmp_path):
    f = tmp_path / "a.parquet"
    pq.write_table(pa.table({"ref": ["a"], "victim_age": pa.array([30], pa.int64())}), f)
    t = read_incident_table(f, mapping={"ref": "id"})
    assert t.column("id").to_pylist() == ["a"]
    assert t.column("victim_age").to_pylist() == [30]
    assert t.column("row").to_pylist() == [1]


def test_table_mapping_errors(tmp_path):
    f = tmp_path / "a.csv"
    f.write_text("a\n1\n")
    with pytest.raises(InputFormatError, match="mapped column not in the file"):
        read_incident_table(f, mapping={"b": "id"})
    with pytest.raises(InputFormatError, match="an incident field name"):
        read_incident_table(f, mapping={"a": "colour"})
    with pytest.raises(InputFormatError, match=r"a .csv or .parquet file"):
        read_incident_table(
            tmp_path / "a.csv".replace("csv", "xlsx") if False else _touch(tmp_path / "a.xlsx")
        )
    with pytest.raises(InputFormatError, match="file not found"):
        read_incident_table(tmp_path / "none.csv")
    bad = tmp_path / "bad.csv"
    bad.write_text('id,b\n"1,2\n')  # a quote never closed: its row is rejected alone
    t = read_incident_table(bad)
    assert t["rejected"].to_pylist() == ["fields: expected 2 fields, like the header"]


def _touch(p):
    p.write_text("x")
    return p


def test_write_table_streams_batches(tmp_path):
    f = tmp_path / "o.parquet"
    batches = [pa.record_batch({"a": [1, 2]}), pa.record_batch({"a": [3]})]
    assert write_table(batches, f) == 3
    assert pq.read_table(f).column("a").to_pylist() == [1, 2, 3]
    empty = tmp_path / "e.csv"
    assert write_table([], empty) == 0
    assert empty.read_bytes() == b""
    c = tmp_path / "o.csv"
    write_table([pa.table({"k": [["a", "b"], None]})], c)
    assert c.read_text().splitlines() == ['"k"', '"a;b"', ""]


_VALUES = {
    "id": st.one_of(st.none(), st.text(max_size=5)),
    "victim_age": st.one_of(st.none(), st.integers(-(2**63), 2**63 - 1)),
    "died": st.one_of(st.none(), st.booleans()),
    "harms": st.one_of(st.none(), st.lists(st.text(max_size=3), max_size=3)),
    "weapon": st.one_of(st.none(), st.text(max_size=5)),
}


@given(
    st.lists(st.fixed_dictionaries({}, optional=_VALUES), min_size=1, max_size=20),
    st.sampled_from(["\n", "\r\n"]),
)
def test_the_fast_and_the_line_by_line_jsonl_readers_agree(tmp_path_factory, records, end):
    from unittest.mock import patch

    from svduty.io import _incidents

    f = tmp_path_factory.mktemp("j") / "a.jsonl"
    f.write_text(end.join(json.dumps(r) for r in records) + end, newline="")
    with patch.object(_incidents, "_parse_line", wraps=_incidents._parse_line) as by_line:
        fast = list(iter_incidents_jsonl(f))
    slow = read_incidents_jsonl(f, validate=lambda *a: None)  # a validator: line by line
    assert pa.Table.from_batches(fast).to_pylist() == slow.to_pylist()
    if by_line.called:  # "}" then "{" (in a string): maybe two objects on a line, so it
        # is read line by line (the line numbering cannot tell; found by hypothesis)
        assert re.search(rb"\}[ \t]*\{", f.read_bytes())
