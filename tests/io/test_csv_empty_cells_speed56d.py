"""A CSV column of plain cells and some empty ones is converted without trimming (speed56d).

An incident CSV's text column whose cells all start and end with a printable ASCII
character, but for a few left empty (the bench's ``location``), was trimmed and searched
for blank cells in full; its empty cells are its only blank ones, and now they alone are
made unknown. The values are those of the full conversion, whatever the cells.
"""

from __future__ import annotations

from typing import Any

import pyarrow as pa
from hypothesis import given, settings
from hypothesis import strategies as st

from svduty import _compute
from svduty.io._incident_cells import _convert, _empty_cells

CELL = st.sampled_from(["", "E01031180", "a b", " x", "y ", "\u200b", "é", "[]", "p;q", "7", "  "])


def _one(values: Any) -> Any:
    return values.combine_chunks() if isinstance(values, pa.ChunkedArray) else values


def _full(column: pa.Array[Any], kind: str) -> tuple[Any, Any]:
    """The full conversion (a chunked column is never read on its buffers)."""
    values, bad = _convert(pa.chunked_array([column]), kind, ";")
    return _one(values), _one(bad)


@settings(max_examples=300, deadline=None)
@given(st.lists(CELL, min_size=1, max_size=40), st.sampled_from(["str", "list"]), st.data())
def test_the_values_are_the_full_conversions(cells: list[str], kind: str, data: Any) -> None:
    column = pa.array(["pad", *cells], pa.string())
    start = data.draw(st.integers(0, 1))  # a slice too: its offsets start inside the buffers
    column = column.slice(start)
    values, bad = _convert(column, kind, ";")
    want, want_bad = _full(column, kind)
    assert _one(values).equals(want)
    assert bad.to_pylist() == want_bad.to_pylist() == [False] * len(column)


def test_a_column_with_empty_cells_is_not_trimmed(monkeypatch: Any) -> None:
    trimmed: list[Any] = []
    real = _compute.utf8_trim_whitespace

    def trim(column: Any) -> Any:
        trimmed.append(column)
        return real(column)

    monkeypatch.setattr(_compute, "utf8_trim_whitespace", trim)
    column = pa.array(["E01031180", "", "E01031181"])
    values, _ = _convert(column, "str", ";")
    assert values.to_pylist() == ["E01031180", None, "E01031181"]
    assert not trimmed  # before: trimmed, and searched for blank cells
    assert _empty_cells(pa.array(["a ", ""])) is None  # a cell to trim: the full conversion
    _convert(pa.array(["a ", ""]), "str", ";")
    assert len(trimmed) == 1
