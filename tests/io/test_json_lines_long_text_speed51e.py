"""Long text between a run's columns is written once a line, not copied into its combinations.

speed51e: the bench's incident lines hold 425 characters of fields that are all null
between ``location`` and ``district_code``; they were copied into each of the 1,606
combinations' texts and taken row by row with them.
"""

from __future__ import annotations

import json
from typing import Any
from unittest.mock import patch

import pyarrow as pa
from hypothesis import given, settings
from hypothesis import strategies as st

from svduty.io import _json_lines
from svduty.io._json_lines import _pieces, json_lines, json_lines_parts
from svduty.io._writers import _plain


def _expected(batch: pa.RecordBatch) -> str:
    return "".join(json.dumps(_plain(r), ensure_ascii=False) + "\n" for r in batch.to_pylist())


def _words(piece: Any) -> list[str]:
    """The texts a piece of the lines takes its rows from (none for text)."""
    if isinstance(piece, tuple):
        return [w for w in piece[0].to_pylist() if w is not None]
    return []


def _gap_batch(n: int, gap: int) -> pa.RecordBatch:
    """Two runs' worth of coded columns with ``gap`` all-null columns between them."""
    a = pa.array([f"a{i % 5}" for i in range(n)]).dictionary_encode()
    b = pa.array([["x", "y"][: i % 3] for i in range(n)], pa.list_(pa.string()))
    c = pa.array([f"c{i % 3}" for i in range(n)])
    nulls = [pa.nulls(n, pa.string()) for _ in range(gap)]
    names = ["a", "b", *[f"an_empty_field_{k:03d}" for k in range(gap)], "c"]
    return pa.record_batch([a, b, *nulls, c], names=names)


def test_a_long_text_between_columns_is_its_own_piece() -> None:
    batch = _gap_batch(1000, 12)
    gap = "".join(f', "an_empty_field_{k:03d}": null' for k in range(12)) + ', "c": '
    assert len(gap) >= getattr(_json_lines, "_LONG", 256)
    pieces = _pieces(batch)
    assert any(isinstance(p, str) and gap in p for p in pieces)
    assert not any(gap in w for p in pieces for w in _words(p))  # in no combination's text
    assert json_lines(batch) == _expected(batch)
    assert b"".join(p.to_pybytes() for p in json_lines_parts(batch, 7)) == _expected(batch).encode()


def test_a_short_text_between_columns_stays_in_the_combinations() -> None:
    batch = _gap_batch(1000, 1)
    pieces = _pieces(batch)
    assert len([p for p in pieces if not isinstance(p, str)]) == 1  # one column for the run
    assert json_lines(batch) == _expected(batch)


NAMES = st.text(st.sampled_from(["a", "é", '"', "\\", "\n", "🙂"]), min_size=1, max_size=40)


@st.composite
def gapped(draw: st.DrawFn) -> pa.RecordBatch:
    n = draw(st.integers(1, 40))
    kinds = draw(st.lists(st.sampled_from(["dict", "list", "null", "int"]), min_size=1, max_size=8))
    columns: list[Any] = []
    for kind in kinds:
        if kind == "dict":
            values = draw(st.lists(st.sampled_from([None, "p", 'q"', "é"]), min_size=n, max_size=n))
            columns.append(pa.array(values, pa.string()).dictionary_encode())
        elif kind == "list":
            lists = st.one_of(st.none(), st.lists(st.sampled_from(["", "k", "\x00"]), max_size=2))
            values = draw(st.lists(lists, min_size=n, max_size=n))
            columns.append(pa.array(values, pa.list_(pa.string())))
        elif kind == "null":
            columns.append(pa.nulls(n, pa.string()))
        else:
            columns.append(pa.array(draw(st.lists(st.integers(0, 2), min_size=n, max_size=n))))
    names = draw(st.lists(NAMES, min_size=len(kinds), max_size=len(kinds), unique=True))
    batch = pa.record_batch(columns, names=names)
    start = draw(st.integers(0, n))
    return batch.slice(start, draw(st.integers(0, n)))


@settings(max_examples=300, deadline=None)
@given(gapped(), st.sampled_from([0, 1, 8, 64]), st.sampled_from([1, 32]))
def test_lines_cut_at_any_long_text_are_json_dumps_of_every_row(
    batch: pa.RecordBatch, long: int, share: int
) -> None:
    cut = patch.object(_json_lines, "_LONG", long, create=True)  # (create: the tree before)
    with cut, patch.object(_json_lines, "_SHARE", share):
        assert json_lines(batch) == _expected(batch)
        parts = b"".join(p.to_pybytes() for p in json_lines_parts(batch, 3))
    assert parts == _expected(batch).encode()
