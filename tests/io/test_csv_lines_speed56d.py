"""The whole-file CSV reader counts lines a piece at a time (speed56d).

``_whole_csv`` takes a file whose every line is one record: no blank line, and as many
lines as records. The lines were counted on a mask of the whole file and a second mask of
the pairs (25 MB of fresh memory for the bench's 12.6 MB of incidents); they are counted
a piece at a time now, with the same answers: the count, and ``None`` for a blank line,
wherever it falls (a pair of line feeds across the cut between two pieces too).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from unittest.mock import patch

from hypothesis import given, settings
from hypothesis import strategies as st

from svduty.io import _incident_csv_whole
from svduty.io._incident_csv_whole import _lines, _whole_csv


def _counted(data: bytes) -> int | None:
    """The lines of ``data`` as the reader counted them (one mask of the whole file)."""
    if data.startswith(b"\n") or b"\n\n" in data:
        return None
    return data.count(b"\n") + (not data.endswith(b"\n"))


BYTES = st.lists(st.sampled_from([b"\n", b"a", b"bc", b",", b'"']), min_size=1, max_size=80)


@settings(max_examples=300, deadline=None)
@given(BYTES, st.integers(1, 9))
def test_lines_are_counted_as_on_the_whole_file(parts: list[bytes], step: int) -> None:
    data = b"".join(parts)
    with patch.object(_incident_csv_whole, "_STEP", step):
        assert _lines(data) == _counted(data)


def test_a_blank_line_across_a_cut_is_found() -> None:
    data = b"id\na\n\nb\n"  # the two line feeds at 4 and 5
    for step in range(1, len(data) + 2):
        with patch.object(_incident_csv_whole, "_STEP", step):
            assert _lines(data) is None, step
    assert _lines(b"") == 0


CELL = st.sampled_from(["a", '"b,c"', "", "12", "x y"])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(CELL, min_size=2, max_size=2), min_size=1, max_size=60), st.data())
def test_the_whole_file_read_is_as_before(tmp_path_factory: Any, rows: Any, data: Any) -> None:
    """A blank line anywhere (or none): read whole with its rows, or refused, as before."""
    lines = ["x,y", *(",".join(r) for r in rows)]
    blank = data.draw(st.none() | st.integers(1, len(lines)))
    if blank is not None:
        lines.insert(blank, "")
    f: Path = tmp_path_factory.mktemp("l") / "i.csv"
    f.write_bytes(("\n".join(lines) + "\n").encode())
    with patch.object(_incident_csv_whole, "_STEP", 5):
        whole = _whole_csv(f, ["x", "y"])
    if blank is not None:  # a blank line: the streaming reader reads the file
        assert whole is None
    else:
        assert whole is not None
        assert whole[0].num_rows == len(rows)
        assert whole[1].to_pylist() == list(range(2, len(rows) + 2))
