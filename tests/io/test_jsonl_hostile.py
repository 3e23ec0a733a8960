"""Hostile JSON Lines: what ``svduty classify`` and ``Incident.from_json`` must read alike.

A lone surrogate escaped in a string (``"\\ud800"``) cannot be written as UTF-8: it is a
rejected row naming its field (it crashed the batch job and ``svduty explain``). A whole
float age (``12.0``) and a number for ``offence_code`` are read as ``Incident`` reads them
(the batch job refused them). The marker ``ZZSECRET`` is never shown.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import svduty
from svduty.cli import main
from svduty.definitions import Incident, classify
from svduty.definitions._spelling import LONE_SURROGATE
from svduty.errors import DataError
from svduty.io import read_incidents_jsonl
from svduty.io._incident_tables import iter_incidents
from svduty.io._pipeline import default_pipeline

from ..definitions.strategies import odd_codes, odd_incident_json

ANSWERS = ("violence", "in_scope", "domestic_abuse", "qualifying_homicide", "homicide_review")
DEFINITION = svduty.warwickshire().require_definition()
RESOLVE = svduty.warwickshire().geography.district_code_of
PIPE = default_pipeline()
SECRET = "ZZSECRET"


def _classify(tmp_path: Path, lines: list[str]) -> tuple[list[dict[str, Any]], list[list[str]]]:
    f = tmp_path / "in.jsonl"
    f.write_text("".join(line + "\n" for line in lines))
    out, rejected = tmp_path / "o.jsonl", tmp_path / "rejected.csv"
    err = io.StringIO()
    argv = ["classify", str(f), "-o", str(out), "--rejected", str(rejected)]
    assert main(argv, stdout=io.StringIO(), stderr=err) == 0, err.getvalue()
    assert SECRET not in err.getvalue()
    text = rejected.read_text()
    assert SECRET not in text
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    return rows, list(csv.reader(text.splitlines()))[1:]


@pytest.mark.parametrize(
    ("line", "field"),
    [
        (r'{"id": "ZZSECRET\ud800"}', "id"),
        (r'{"id": "a", "place_of_death": "ZZSECRET\ud800"}', "place_of_death"),
        (r'{"id": "a", "date_of_death": "\udfff"}', "date_of_death"),
        (r'{"id": "a", "other_reviews": ["ZZSECRET\udc80"]}', "other_reviews"),
        (r'{"id": "a", "weapon": "\ud83d"}', "weapon"),
    ],
)
def test_a_lone_surrogate_rejects_its_row_naming_the_field(
    tmp_path: Path, line: str, field: str
) -> None:
    rows, rejected = _classify(tmp_path, [line, '{"id": "\\ud83d\\ude00"}'])
    assert [r[:3] for r in rejected] == [[str(tmp_path / "in.jsonl"), "1", field]]
    assert [r["row"] for r in rows] == [2]  # a valid pair is text, and is not this
    # the line reader (standard input's route) and the one incident alike
    t = read_incidents_jsonl(tmp_path / "in.jsonl", validate=lambda *a: None)
    assert t.column("rejected_field").to_pylist() == [field, None]
    with pytest.raises(DataError) as e:
        Incident.from_json(json.loads(line))
    assert {p.field for p in e.value.problems} == {field}
    assert SECRET not in str(e.value)


def test_explain_rejects_a_lone_surrogate(tmp_path: Path) -> None:
    f = tmp_path / "in.jsonl"
    f.write_text('{"id": "ZZSECRET\\ud800"}\n')
    err = io.StringIO()
    assert main(["explain", str(f)], stdout=io.StringIO(), stderr=err) == 1
    said = f"svduty explain: rejected: {f}: row 1: id: expected {LONE_SURROGATE}\n"
    assert err.getvalue() == said


@pytest.mark.parametrize(
    "record",
    [
        {"victim_age": 12.0, "perpetrator_age": 40.0, "relationship": "married"},
        {"victim_age": -0.0},
        {"offence_code": 8},
        {"offence_code": 8.0, "victim_age": 30},
    ],
)
def test_numbers_are_read_as_the_one_incident_reads_them(
    tmp_path: Path, record: dict[str, Any]
) -> None:
    c = classify(Incident.from_json(record), DEFINITION)
    # alone (the line reader), and among clean lines (the fast reader's refusal)
    for lines in ([json.dumps(record)], [json.dumps(record), '{"id": "b"}']):
        rows, rejected = _classify(tmp_path, lines)
        assert rejected == []
        got = rows[0]
        assert {a: got[a] for a in ANSWERS} == {a: getattr(c, a).value for a in ANSWERS}
        assert got["reasons"] == [r.rule for r in c.reasons]


@pytest.mark.parametrize(
    ("record", "field"),
    [
        ({"victim_age": 12.5}, "victim_age"),
        ({"victim_age": 131.0}, "victim_age"),
        ({"victim_age": 1e19}, "victim_age"),
        ({"offence_code": 4.1}, "offence_code"),
        ({"offence_code": -8}, "offence_code"),
        ({"offence_code": 1e30}, "offence_code"),
    ],
)
def test_numbers_the_one_incident_refuses_are_rejected_naming_the_field(
    tmp_path: Path, record: dict[str, Any], field: str
) -> None:
    with pytest.raises(DataError) as e:
        Incident.from_json(record)
    assert {p.field for p in e.value.problems} == {field}
    _, rejected = _classify(tmp_path, [json.dumps(record), '{"id": "b"}'])
    assert [r[1:3] for r in rejected] == [["1", field]]


def test_standard_input_with_a_byte_order_mark_is_read_as_the_file_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = b'\xef\xbb\xbf{"id": "a", "date_of_death": "2023-06-02", "died": true}\n{"id": "b"}\n'
    f = tmp_path / "in.jsonl"
    f.write_bytes(data)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    got = read_incidents_jsonl("-")
    assert got.column("rejected").to_pylist() == [None, None]
    assert got.column("date_of_death").to_pylist() == ["2023-06-02", None]
    assert got.drop(["file"]).equals(read_incidents_jsonl(f).drop(["file"]))


@pytest.mark.parametrize(
    ("record", "field"),
    [
        # a bad location, and a weapon the offence code contradicts: the bad value
        ({"offence_code": "1", "died": False, "location": "E0103101"}, "location"),
        ({"offence_code": "1", "died": False, "victim_age": 131}, "victim_age"),
        ({"harms": ["ZZSECRET"], "place_of_death": "E08000025", "pilot_partner": False}, "harms"),
        # contradictions alone: as before
        ({"offence_code": "1", "died": False}, "died"),
        ({"date": "2023-06-01", "date_of_death": "2023-05"}, "date_of_death"),
    ],
)
def test_a_row_with_a_bad_value_and_a_contradiction_is_rejected_for_the_bad_value(
    tmp_path: Path, record: dict[str, Any], field: str
) -> None:
    with pytest.raises(DataError) as e:  # a ConflictError too
        Incident.from_json(record)
    assert {p.field for p in e.value.problems} == {field}
    _, rejected = _classify(tmp_path, ['{"id": "a"}', json.dumps(record)])
    assert [r[1:3] for r in rejected] == [["2", field]]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(odd_incident_json(), odd_codes()), min_size=1, max_size=6))
def test_the_batch_job_and_the_one_incident_agree_on_odd_lines(
    tmp_path_factory: pytest.TempPathFactory, records: list[dict[str, Any]]
) -> None:
    """Same answers for a line both accept; a rejected line names a field the API names."""
    f = tmp_path_factory.mktemp("odd") / "in.jsonl"
    f.write_text("".join(json.dumps(r) + "\n" for r in records))
    rows = {}
    for batch in iter_incidents([f]):
        rows.update({r["row"]: r for r in PIPE(batch).to_pylist()})
    assert sorted(rows) == list(range(1, len(records) + 1))
    for i, record in enumerate(records, 1):
        try:
            c = classify(Incident.from_json(record), DEFINITION, resolve_district=RESOLVE)
        except DataError as e:  # a ConflictError too
            named = {p.field for p in e.problems}
        else:
            named = set()
        if named:
            assert rows[i]["rejected_field"] in named
            continue
        assert rows[i]["rejected"] is None
        assert {a: rows[i][a] for a in ANSWERS} == {a: getattr(c, a).value for a in ANSWERS}
        assert rows[i]["reasons"] == [r.rule for r in c.reasons]


_VALUES = st.sampled_from(
    [b'{"id": "a", "offence_code": "8N"}', b"null", b"[]", b"3", b'"x"', b"true", b"", b"  "]
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(_VALUES, min_size=1, max_size=6), st.sampled_from([b"\n", b"\r\n", b"\r"]))
def test_a_line_that_is_not_an_object_is_rejected_from_a_file_as_from_a_stream(
    tmp_path, lines, end
):
    # pyarrow 26 crashed the process on a file starting with "null"; read "null" after an
    # object as a row of nulls; and ends a line at a bare "\r"
    data = end.join(lines) + end
    f = tmp_path / "in.jsonl"
    f.write_bytes(data)
    whole = read_incidents_jsonl(f)
    objects = sum(1 for line in lines if line.startswith(b"{"))
    others = sum(1 for line in lines if line.strip() and not line.startswith(b"{"))
    assert whole.num_rows == objects + others
    assert whole.column("rejected").null_count == objects
    code, out, err = _run_stdin(data)
    assert f"rejected: {others:,}" in err
    assert len(out.splitlines()) == objects  # the usable rows; the rejected counted
    assert code == 0


def _run_stdin(data: bytes) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    stdin = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8", errors="surrogateescape")
    old = sys.stdin
    sys.stdin = stdin
    try:
        code = main(["classify", "-"], stdout=out, stderr=err)
    finally:
        sys.stdin = old
    return code, out.getvalue(), err.getvalue()


@pytest.mark.skipif(not Path("/proc/self/mem").exists(), reason="needs Linux's /proc")
@pytest.mark.parametrize("command", ["classify", "explain"])
def test_a_file_that_cannot_be_read_is_named(tmp_path: Path, command: str) -> None:
    """A hostile review (hostile43): an incident file whose first read fails (``EIO``:
    here /proc/self/mem, which opens and cannot be read there) said "svduty classify:
    error: Input/output error", naming no file."""
    link = tmp_path / "incidents.jsonl"
    link.symlink_to("/proc/self/mem")
    err = io.StringIO()
    code = main([command, str(link)], stdout=io.StringIO(), stderr=err)
    assert (code, err.getvalue()) == (
        1,
        f"svduty {command}: error: {link}: cannot read the file (Input/output error)\n",
    )
