"""The JSON Lines writer cuts a table into even pieces, no short last one (speed59b).

A table was encoded in pieces of ``_ENCODED_ROWS`` rows and a short last one (the bench's
last batch of 68,928 incidents: 65,536 and 3,392 rows), and each piece's columns are read
at a cost that hardly depends on its rows. Now the pieces are as even as can be, each of
at least ``_ENCODED_ROWS`` rows. The lines written must not change: they are each row's
``json.dumps``, however the table is cut.
"""

from __future__ import annotations

import io
import json

import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import svduty.io._json_lines as json_lines_module
import svduty.io._writers as writers
from svduty.io._writers import TableWriter, _piece_rows

_WORDS = ["yes", "no", "undetermined", 'say "no"', "é", "a\nb"]


@st.composite
def _tables(draw: st.DrawFn) -> pa.Table:
    """Incident-like rows: text, numbers, verdict words (a dictionary) and lists of text."""
    n = draw(st.integers(0, 40))
    text = st.one_of(st.none(), st.text(max_size=6))
    words = draw(st.lists(st.sampled_from(_WORDS), min_size=n, max_size=n))
    reasons = st.lists(st.sampled_from(["R-1", "R-2", "", "R\\3"]), max_size=3)
    return pa.table(
        {
            "row": pa.array(range(1, n + 1), pa.int64()),
            "id": pa.array(draw(st.lists(text, min_size=n, max_size=n)), pa.string()),
            "age": pa.array(
                draw(st.lists(st.one_of(st.none(), st.integers(0, 130)), min_size=n, max_size=n)),
                pa.int64(),
            ),
            "violence": pa.array(words, pa.string()).dictionary_encode(),
            "reasons": pa.array(
                draw(st.lists(reasons, min_size=n, max_size=n)), pa.list_(pa.string())
            ),
        }
    )


def _written(tables: list[pa.Table], background: bool) -> bytes:
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="utf-8", newline="\n")
    w = TableWriter(stream, kind="jsonl", background=background)
    for t in tables:
        w.write(t)
    w.commit()
    return raw.getvalue()


def _each_row(tables: list[pa.Table]) -> bytes:
    """The old per-row encoding: ``json.dumps`` of each row as a dict."""
    return "".join(
        json.dumps(r, ensure_ascii=False) + "\n" for t in tables for r in t.to_pylist()
    ).encode()


@settings(max_examples=120, deadline=None)
@given(tables=st.lists(_tables(), min_size=1, max_size=3), rows=st.integers(1, 7))
def test_the_lines_are_each_rows_json_however_cut(tables: list[pa.Table], rows: int) -> None:
    old = writers._ENCODED_ROWS
    writers._ENCODED_ROWS = rows  # (the pieces of a few rows: many cuts drawn)
    try:
        got = [_written(tables, background) for background in (False, True)]
    finally:
        writers._ENCODED_ROWS = old
    assert got[0] == got[1] == _each_row(tables)


@given(rows=st.integers(0, 10**7), least=st.integers(1, 1 << 17))
def test_the_pieces_are_even_and_at_least_the_least(rows: int, least: int) -> None:
    old = writers._ENCODED_ROWS
    writers._ENCODED_ROWS = least
    try:
        size = _piece_rows(rows)
    finally:
        writers._ENCODED_ROWS = old
    cut = [min(size, rows - at) for at in range(0, rows, size)]  # to_batches' pieces
    assert sum(cut) == rows
    assert len(cut) <= max(1, rows // least)  # never more pieces than before (fewer: less read)
    if rows >= least:
        assert size < 2 * least  # none twice as long
        assert min(cut) > least - len(cut)  # none short (but for a row a piece, the last)
    else:
        assert size == max(rows, 1)  # one piece


def test_a_short_tail_is_read_with_the_batch(monkeypatch: pytest.MonkeyPatch) -> None:
    """Counted guard: a table of a piece and a few rows has its columns read once."""
    read: list[int] = []
    real = json_lines_module._pieces

    def counted(batch: pa.RecordBatch) -> list[object]:
        read.append(batch.num_rows)
        return real(batch)

    monkeypatch.setattr(json_lines_module, "_pieces", counted)
    monkeypatch.setattr(writers, "_ENCODED_ROWS", 16)
    table = pa.table({"a": list(range(21)), "b": [["x"]] * 21})
    assert _written([table], False) == _each_row([table])
    assert read == [21]  # (it was [16, 5])
    read.clear()
    both = pa.concat_tables([table, table]).combine_chunks()
    assert _written([both], False) == _each_row([both])
    assert read == [21, 21]  # two even pieces (it was [16, 16, 10])
