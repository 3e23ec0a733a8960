"""Incident Parquet files in the column layouts other writers choose (hostile review, 37th).

:func:`~svduty.definitions.classify_table` reads text views and lists of any layout whose
items are text, views or dictionaries (Polars writes a list of categories as a list of
dictionaries, and newer writers text as views). ``svduty classify`` refused such a file
whole ("expected a string" of a text column). The file route now reads what the table
route reads, with the same answers; a column no route reads is refused naming its type
(a type, never a value).
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from svduty.cli import main
from svduty.definitions import classify_table

_WORDS = [["physical"], None, ["physical", "sexual"], []]


def _layouts() -> dict[str, dict[str, pa.Array]]:
    words = pa.array(_WORDS)
    return {
        "string_view": {"offence_code": pa.array(["8N", "46", None, "8N"], pa.string_view())},
        "list<dictionary>": {
            "behaviours": words.cast(pa.list_(pa.dictionary(pa.int32(), pa.string())))
        },
        "large_list<dictionary>": {
            "behaviours": words.cast(pa.large_list(pa.dictionary(pa.int8(), pa.string())))
        },
        "list<string_view>": {"behaviours": words.cast(pa.list_(pa.string_view()))},
        "large_list<large_string>": {"behaviours": words.cast(pa.large_list(pa.large_string()))},
        "fixed_size_list": {
            "behaviours": pa.FixedSizeListArray.from_arrays(
                pa.array(["physical", "sexual", "physical", "psychological"]), 1
            )
        },
    }


@pytest.mark.parametrize("layout", list(_layouts()))
def test_the_file_route_reads_what_classify_table_reads(tmp_path: Path, layout: str) -> None:
    columns = _layouts()[layout]
    table = pa.table(
        {"id": ["a", "b", "c", "d"], "victim_age": [30] * 4, "target": ["person"] * 4, **columns}
    )
    f = tmp_path / "in.parquet"
    pq.write_table(table, f)
    assert str(pq.read_schema(f).field(next(iter(columns))).type) != "list<element: string>"
    out = tmp_path / "o.jsonl"
    err = io.StringIO()
    argv = ["classify", str(f), "-o", str(out), "--definition", "pcsc-s13"]  # the table's
    assert main(argv, stdout=io.StringIO(), stderr=err) == 0, err.getvalue()
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    expected = classify_table(table)
    for name in ("violence", "in_scope", "domestic_abuse", "reasons"):
        assert [r[name] for r in rows] == expected.column(name).to_pylist(), name


def test_a_column_no_route_reads_is_refused_naming_its_type(tmp_path: Path) -> None:
    f = tmp_path / "in.parquet"
    pq.write_table(pa.table({"id": ["a"], "behaviours": pa.array([[1]])}), f)
    err = io.StringIO()
    assert main(["classify", str(f)], stdout=io.StringIO(), stderr=err) == 1
    assert "behaviours: a column of list<element: int64>; expected a list of words" in (
        err.getvalue()
    )
