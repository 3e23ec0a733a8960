"""Incident Parquet files in the column layouts other writers choose (hostile review, 37th).

:func:`~svduty.definitions.classify_table` reads text views and lists of any layout whose
items are text, views or dictionaries (Polars writes a list of categories as a list of
dictionaries, and newer writers text as views). ``svduty classify`` refused such a file
whole ("expected a string" of a text column). The file route now reads what the table
route reads, with the same answers; a column no route reads is refused naming its type
(a type, never a value).
"""

from __future__ import annotations

import csv
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
        # text stored as bytes, unmarked (older writers): read as text
        "binary": {"offence_code": pa.array([b"8N", b"46", None, b"8N"])},
        "large_binary": {"offence_code": pa.array([b"8N", b"46", None, b"8N"], pa.large_binary())},
        "binary_view": {"offence_code": pa.array([b"8N", b"46", None, b"8N"], pa.binary_view())},
        "list<binary>": {"behaviours": words.cast(pa.list_(pa.binary()))},
        "list<dictionary<binary>>": {
            "behaviours": words.cast(pa.list_(pa.dictionary(pa.int32(), pa.binary())))
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
    assert "behaviours: a column of list<int64>; expected a list of words" in (err.getvalue())


def test_a_refused_column_is_named_by_its_kind_never_the_writers_words(tmp_path: Path) -> None:
    """A time zone or a struct's field names are the writer's text: only the kind is shown."""
    for column, kind in (
        (pa.array([0], pa.timestamp("s", tz="Europe/London")), "timestamp"),
        (pa.array([{"ZZSECRET Jane": 1}]), "struct"),
        (pa.array([[{"ZZSECRET Jane": 1}]]), "list<struct>"),
    ):
        f = tmp_path / "in.parquet"
        pq.write_table(pa.table({"id": ["a"], "victim_age": column}), f)
        err = io.StringIO()
        assert main(["classify", str(f)], stdout=io.StringIO(), stderr=err) == 1
        assert f"victim_age: a column of {kind}; expected" in err.getvalue()
        assert "ZZSECRET" not in err.getvalue()
        assert "London" not in err.getvalue()


def test_lists_of_dictionaries_across_row_groups(tmp_path: Path) -> None:
    """pyarrow cannot join them across row groups in one batch: read a group at a time."""
    words = pa.array([["physical"], None, ["sexual"]] * 3)
    column = words.cast(pa.list_(pa.dictionary(pa.int32(), pa.string())))
    f = tmp_path / "in.parquet"
    pq.write_table(pa.table({"id": list("abcdefghi"), "behaviours": column}), f, row_group_size=2)
    out = tmp_path / "o.jsonl"
    err = io.StringIO()
    assert main(["classify", str(f), "-o", str(out)], stdout=io.StringIO(), stderr=err) == 0, (
        err.getvalue()
    )
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["behaviours"] for r in rows] == words.to_pylist()
    assert [r["row"] for r in rows] == list(range(1, 10))
    written = tmp_path / "o.parquet"  # the row groups joined again: not one batch each
    assert main(["classify", str(f), "-o", str(written)], stdout=io.StringIO()) == 0
    assert pq.ParquetFile(written).num_row_groups == 1


@pytest.mark.parametrize(
    "kind",
    [
        pa.list_(pa.list_(pa.dictionary(pa.int32(), pa.string()))),
        pa.struct([("x", pa.list_(pa.dictionary(pa.int32(), pa.string())))]),
        pa.map_(pa.string(), pa.dictionary(pa.int32(), pa.string())),
    ],
)
def test_dictionaries_deeper_in_other_columns_across_row_groups(
    tmp_path: Path, kind: pa.DataType
) -> None:
    """A dictionary anywhere below a column's top level (the last review's finding 5)."""
    plain = {
        "list": [[["a"]], None, [["b"]], [[]]],
        "struct": [{"x": ["a"]}, None, {"x": ["b"]}, {"x": []}],
        "map": [[("k", "a")], None, [("k", "b")], []],
    }[str(kind).split("<")[0]]
    f = tmp_path / "in.parquet"
    words = pa.map_(pa.string(), pa.string()) if pa.types.is_map(kind) else None
    table = pa.table({"id": list("abcd"), "note": pa.array(plain, words).cast(kind)})
    pq.write_table(table, f, row_group_size=2)
    out = tmp_path / "o.jsonl"
    err = io.StringIO()
    assert main(["classify", str(f), "-o", str(out)], stdout=io.StringIO(), stderr=err) == 0, (
        err.getvalue()
    )
    assert [json.loads(line)["row"] for line in out.read_text().splitlines()] == [1, 2, 3, 4]


def test_lists_all_empty_are_lists_of_words(tmp_path: Path) -> None:
    """A writer infers list<null> from lists all empty: none indicated, as classify_table."""
    table = pa.table({"id": ["a", "b"], "other_reviews": pa.array([[], None])})
    assert table.schema.field("other_reviews").type == pa.list_(pa.null())
    f = tmp_path / "in.parquet"
    pq.write_table(table, f)
    out = tmp_path / "o.jsonl"
    assert main(["classify", str(f), "-o", str(out)], stdout=io.StringIO()) == 0
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["other_reviews"] for r in rows] == [[], None]


@pytest.mark.parametrize("layout", ["fixed_size_list", "list<string_view>"])
def test_other_list_layouts_are_written_to_csv(tmp_path: Path, layout: str) -> None:
    """A column that is not a field, in a list layout CSV has no type for: joined as text."""
    (column,) = _layouts()[layout].values()
    f = tmp_path / "in.parquet"
    pq.write_table(pa.table({"id": ["a", "b", "c", "d"], "note": column}), f)
    out = tmp_path / "o.csv"
    err = io.StringIO()
    assert main(["classify", str(f), "-o", str(out)], stdout=io.StringIO(), stderr=err) == 0, (
        err.getvalue()
    )
    assert "physical" in out.read_text()


def test_an_extension_type_is_named_by_its_kind_only(tmp_path: Path) -> None:
    """Arrow's own extension types carry the writer's names too (the last review)."""
    storage = pa.array([1, 2])
    column = pa.ExtensionArray.from_storage(pa.opaque(pa.int64(), "ZZSECRET", "Jane"), storage)
    f = tmp_path / "in.parquet"
    pq.write_table(pa.table({"id": column}), f)
    err = io.StringIO()
    assert main(["classify", str(f)], stdout=io.StringIO(), stderr=err) == 1
    assert "id: a column of extension; expected" in err.getvalue()
    assert "ZZSECRET" not in err.getvalue()


_NESTED_OTHERS = {
    "fixed_size_list<string_view>": (
        pa.FixedSizeListArray.from_arrays(pa.array(["x"] * 6).cast(pa.string_view()), 2),
        ["x;x", "x;x"],  # a list of text: joined
    ),
    "struct<string_view>": (
        pa.array([{"a": "x"}] * 3, pa.struct([("a", pa.string_view())])),
        ['{"a": "x"}', '{"a": "x"}'],
    ),
    "map<string, string_view>": (
        pa.array([[("k", "v")]] * 3, pa.map_(pa.string(), pa.string_view())),
        ['[["k", "v"]]', '[["k", "v"]]'],
    ),
    "list<list<string>>": (
        pa.array([[["a"]], None, [["b", "c"], []]]),
        ['[["a"]]', '[["b", "c"], []]'],
    ),
    "list<struct>": (pa.array([[{"q": 1}], None, []]), ['[{"q": 1}]', "[]"]),
}


@pytest.mark.parametrize("layout", list(_NESTED_OTHERS))
def test_other_nested_columns_with_a_rejected_row(tmp_path: Path, layout: str) -> None:
    """Views anywhere in a column that is not a field, and nested values in CSV output.

    A rejected row is taken out of every column (``take`` has no kernel for views below
    a list's level: the run stopped), and CSV writes a nested value as its JSON text.
    """
    column, cells = _NESTED_OTHERS[layout]
    f = tmp_path / "in.parquet"
    pq.write_table(
        pa.table({"id": list("abc"), "weapon": ["knife", "spoon", "knife"], "note": column}), f
    )
    for suffix in ("jsonl", "parquet", "csv"):
        out = tmp_path / f"o.{suffix}"
        err = io.StringIO()
        assert main(["classify", str(f), "-o", str(out)], stdout=io.StringIO(), stderr=err) == 0, (
            suffix,
            err.getvalue(),
        )
    notes = [row["note"] for row in csv.DictReader(out.read_text().splitlines())]
    assert notes == cells  # rows 1 and 3: row 2's weapon is not a word of the vocabulary
