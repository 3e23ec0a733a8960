"""Incident rows sharing an ``id`` are warned of (``INCIDENT-ID-DUPLICATE``), never named.

Before mend45 two rows of one ``id`` in an incident file were classified silently: an
analyst counting incidents counted one twice. The summary now counts the usable rows whose
id an earlier usable row has, across batches and files, and names the first few by file
and row (JSON, text), never by their ids (they can be personal data).
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from svduty.cli import main
from svduty.io import default_pipeline, run_pipeline, sample_police_uk
from svduty.io._repeated_ids import DUPLICATE, SHOWN, RepeatedIds

PERSONAL = "Jane Doe 1980-02-03"  # an id that is personal data: never shown
RECORDS = [
    {"id": PERSONAL, "date": "2024-01-31", "offence_code": "8N", "location": "E07000222"},
    {"id": "B2", "date": "2024-02", "police_uk_category": "Public order"},
    {"id": PERSONAL, "date": "2024-01-31", "offence_code": "8N", "location": "E07000222"},
    {"date": "2024-02", "offence_code": "46"},  # no id: cannot be matched
    {"date": "2024-02", "offence_code": "46"},
    {"id": "B2", "date": "not a date"},  # rejected: counted nowhere, so not twice
    {"id": PERSONAL, "date": "2024-03", "offence_code": "1"},
]


def _write(folder: Path, suffix: str) -> Path:
    path = folder / f"in{suffix}"
    if suffix == ".jsonl":
        path.write_text("".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8")
        return path
    names = ["id", "date", "offence_code", "police_uk_category", "location"]
    table = pa.table({n: pa.array([r.get(n) for r in RECORDS], pa.string()) for n in names})
    if suffix == ".csv":
        pacsv.write_csv(table, path)
    else:
        pq.write_table(table, path)
    return path


def _classify(path: Path, how: str) -> str:
    out, err = io.StringIO(), io.StringIO()
    output = path.parent / "out.jsonl"
    code = main(
        ["classify", str(path), "-o", str(output), "--summary", how], stdout=out, stderr=err
    )
    assert code == 0, err.getvalue()
    assert PERSONAL not in out.getvalue() + err.getvalue()
    return out.getvalue()


@pytest.mark.parametrize("suffix", [".jsonl", ".csv", ".parquet"])
def test_a_repeated_id_is_warned_of_by_row_never_by_id(tmp_path: Path, suffix: str) -> None:
    path = _write(tmp_path, suffix)
    summary = json.loads(_classify(path, "json"))
    assert summary["warnings"][DUPLICATE] == 2  # the 3rd and 7th records; not the rejected B2
    first = 2 if suffix == ".csv" else 1  # a CSV's first data row is its line 2
    rows = [r["row"] for r in summary["warning_rows"][DUPLICATE]]
    assert rows == [first + 2, first + 6]
    assert {r["file"] for r in summary["warning_rows"][DUPLICATE]} == {str(path)}
    text = _classify(path, "text")
    line = next(x for x in text.splitlines() if DUPLICATE in x)
    assert line.startswith("warning: 2 row(s): with an id an earlier incident row has too")
    assert line.endswith(f"first: {path}: row {first + 2}, {path}: row {first + 6}")


def test_ids_repeated_across_files_and_batches_are_counted(tmp_path: Path) -> None:
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    a.write_text(
        "".join(json.dumps({"id": f"X{i}", "offence_code": "8N"}) + "\n" for i in range(3))
    )
    lines = a.read_text(encoding="utf-8").splitlines(keepends=True)
    b.write_text("".join(lines[::-1]), encoding="utf-8")  # (the same bytes: skipped as a copy)
    out, err = io.StringIO(), io.StringIO()
    argv = ["classify", str(a), str(b), "-o", str(tmp_path / "o.csv"), "--summary", "json"]
    assert main(argv, stdout=out, stderr=err) == 0, err.getvalue()
    summary = json.loads(out.getvalue())
    assert summary["warnings"][DUPLICATE] == 3
    assert summary["warning_rows"][DUPLICATE] == [{"file": str(b), "row": r} for r in (1, 2, 3)]


def test_no_warning_without_repeats_nor_for_police_uk() -> None:
    from svduty.io import read_police_uk

    s = run_pipeline(read_police_uk(sample_police_uk()), default_pipeline())
    assert DUPLICATE not in s.warnings
    assert not s.warning_rows
    assert s.to_json()["warning_rows"] == {}


def _reference(batches: list[list[Any]]) -> tuple[int, list[tuple[str, int]]]:
    seen: set[Any] = set()
    count, rows = 0, []
    row = 0
    for batch in batches:
        for value in batch:
            row += 1
            if value is None:
                continue
            if value in seen:
                count += 1
                rows.append(("f", row))
            seen.add(value)
    return count, rows[:SHOWN]


ids = st.one_of(st.none(), st.sampled_from(["a", "b", "c", "A", " a", ""]), st.text(max_size=3))


@settings(max_examples=200, deadline=None)
@given(
    batches=st.lists(st.lists(ids, max_size=12), max_size=6),
    how=st.sampled_from(["string", "large", "dictionary"]),
)
def test_repeated_ids_match_a_set_kept_row_by_row(batches: list[list[Any]], how: str) -> None:
    repeated = RepeatedIds()
    row = 0
    for batch in batches:
        values: Any = pa.array(batch, pa.string())
        if how == "large":
            values = values.cast(pa.large_string())
        elif how == "dictionary":
            values = values.dictionary_encode()
        numbers = list(range(row + 1, row + 1 + len(batch)))
        row += len(batch)
        repeated.add(pa.table({"file": ["f"] * len(batch), "row": numbers, "id": values}))
    assert (repeated.count, repeated.rows) == _reference(batches)
