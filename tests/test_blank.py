"""Blank text (spaces and invisible characters) is an absent value, alike everywhere.

A hostile-input review: a CSV row holding only a byte order mark, a zero-width space or a
NUL was an incident whose id was that character; a field of one was a value. Both tests
of blankness (the scalar one and Arrow's) agree, and every reader and both engines read a
blank cell as unknown and a row of them as empty.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pyarrow as pa
import pytest
from hypothesis import given
from hypothesis import strategies as st

from svduty._blank import blank_cells, is_blank
from svduty.cli import main
from svduty.definitions import Incident, classify, classify_table

INVISIBLE = ["\ufeff", "\u200b", "\u200d", "\u2060", "\x00", "\x1f", "\u00a0", "\u3000"]
TEXT = st.text(
    alphabet=st.sampled_from([*INVISIBLE, " ", "\t", "a", "Z", "7", "\u00e9", "-"]), max_size=6
)


@given(st.lists(TEXT, max_size=8))
def test_the_scalar_and_arrow_tests_agree(texts: list[str]) -> None:
    assert blank_cells(pa.array(texts, pa.string())).to_pylist() == [is_blank(t) for t in texts]
    large = blank_cells(pa.array(texts, pa.large_string())).to_pylist()
    assert large == [is_blank(t) for t in texts]


@given(st.text(max_size=4))
def test_any_text_alike(text: str) -> None:
    """Any characters at all (hypothesis draws from every Unicode category)."""
    assert blank_cells(pa.array([text])).to_pylist() == [is_blank(text)]


@pytest.mark.parametrize("cell", INVISIBLE)
def test_a_blank_field_is_unknown_in_both_engines(cell: str) -> None:
    data = {"victim_age": 30, "police_uk_category": cell, "weapon": cell + " "}
    scalar = classify(Incident.from_json(data))
    assert Incident.from_json(data).police_uk_category is None
    row = classify_table(pa.table({k: [v] for k, v in data.items()})).to_pylist()[0]
    assert row["violence"] == scalar.violence.value
    assert row["reasons"] == [r.rule for r in scalar.reasons]


def test_a_row_of_invisible_cells_is_an_empty_row(tmp_path: Path) -> None:
    csv = tmp_path / "in.csv"
    csv.write_bytes(
        "id,victim_age,police_uk_category\n"
        "A1,30,Robbery\n"
        "\ufeff,\u200b,\n"
        "\x00,,\n"
        "A4,\u200b,\u2060\n".encode()
    )
    rejected, out = tmp_path / "r.csv", tmp_path / "o.jsonl"
    err = io.StringIO()
    code = main(["classify", str(csv), "-o", str(out), "--rejected", str(rejected)], stderr=err)
    assert code == 0, err.getvalue()
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert [(r["row"], r["id"], r["victim_age"], r["police_uk_category"]) for r in rows] == [
        (2, "A1", 30, "Robbery"),
        (5, "A4", None, None),
    ]
    said = rejected.read_text().splitlines()[1:]
    assert [line.split(",")[1:3] for line in said] == [["3", '"row"'], ["4", '"row"']]


def test_a_json_lines_field_of_invisible_characters_is_unknown(tmp_path: Path) -> None:
    f = tmp_path / "in.jsonl"
    f.write_text(json.dumps({"id": "x", "police_uk_category": "\u200b", "weapon": "\ufeff"}) + "\n")
    out = io.StringIO()
    assert main(["classify", str(f)], stdout=out, stderr=io.StringIO()) == 0
    row = json.loads(out.getvalue())
    assert (row["police_uk_category"], row["weapon"]) == (None, None)


@pytest.mark.parametrize("code_point", [*range(0x13430, 0x13440), 0x200B, 0xFEFF, 0xE0001, 0x61C])
def test_both_tests_use_one_unicode_table(code_point: int) -> None:
    """A final review: U+13439 to U+1343F are format characters to Arrow's Unicode tables and
    unassigned to Python 3.11's, so the scalar engine refused what the columnar one read
    as blank. Beyond ASCII both ask Arrow."""
    text = chr(code_point)
    assert is_blank(text) == blank_cells(pa.array([text])).to_pylist()[0]
    data = {"offence_code": "8N", "relationship": text}
    row = classify_table(pa.table({k: [v] for k, v in data.items()})).to_pylist()[0]
    assert row["domestic_abuse"] == classify(Incident.from_json(data)).domestic_abuse.value


def test_a_lone_surrogate_is_not_blank() -> None:
    """Not text at all (JSON may carry one): refused where it is read, never a blank."""
    assert not is_blank("\ud83d")
    assert not is_blank(" \udc00 ")
