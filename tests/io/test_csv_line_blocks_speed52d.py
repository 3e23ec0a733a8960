"""An incident CSV read whole with its blocks cut at any line break (speed52d, issue 15).

The whole-file reader (``_whole_csv``) takes only files whose every line is one record. It
asked pyarrow for ``newlines_in_values``, which makes its reader find each block's end by
following quotes: 22 ms of the 12.6 MB bench file's 36 ms read. Now it reads without it (14
ms), so a block may be cut inside a quoted value that holds a line break; such a file is
refused all the same, by the count of lines or a value holding a line break, and goes the
streaming way as before. The properties cut the blocks small, against a parser that reads
a character at a time (Python's ``csv``).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any
from unittest.mock import patch

import pyarrow as pa
from hypothesis import given, settings
from hypothesis import strategies as st

from svduty.io import _incident_csv_whole
from svduty.io._incident_tables import _whole_csv, read_incident_table

from ._whole_csv_asked import whole_csv_asked

CELL = st.sampled_from(
    ["a", '"b,c"', '"d\ne"', '"f""g"', "", 'h"i', 'j"', '"k"l', '"m"""', '"n', "o\n", '"\n"']
)


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.lists(CELL, min_size=1, max_size=3), min_size=1, max_size=12),
    st.integers(4, 40),  # the header in the first block (pyarrow refuses less)
    st.booleans(),
)
def test_a_file_read_whole_is_read_as_a_parser_reads_it_whatever_the_blocks(
    tmp_path_factory: Any, rows: list[list[str]], block: int, last_line_break: bool
) -> None:
    text = "x,y\n" + "\n".join(",".join(r) for r in rows) + ("\n" if last_line_break else "")
    f = tmp_path_factory.mktemp("b") / "i.csv"
    f.write_bytes(text.encode())
    with patch.object(_incident_csv_whole, "_BLOCK", block):
        cut = _whole_csv(f, ["x", "y"])
    one = _whole_csv(f, ["x", "y"])  # one block
    if one is None:  # refused read whole, as one block: cut in blocks too
        assert cut is None
    if cut is None or one is None:  # (a record past two blocks is refused by pyarrow)
        return
    assert cut[0].equals(one[0])
    assert cut[1].to_pylist() == one[1].to_pylist()
    want = list(csv.reader(io.StringIO(text)))[1:]
    assert [[r["x"], r["y"]] for r in cut[0].to_pylist()] == want
    assert cut[1].to_pylist() == list(range(2, len(want) + 2))  # each record on its line


def test_a_quoted_line_break_where_a_block_is_cut_is_not_read_whole(tmp_path: Path) -> None:
    """Cut after ``"d`` (each block ends at a line break): the file goes the streaming way."""
    f = tmp_path / "i.csv"
    f.write_text('x,y\na,"d\ne"\nf,g\n')
    for block in range(4, 24):
        with patch.object(_incident_csv_whole, "_BLOCK", block):
            assert _whole_csv(f, ["x", "y"]) is None
        with patch.object(_incident_csv_whole, "_BLOCK", block):
            t = read_incident_table(f, mapping={"x": "id", "y": "location"})
        assert t.column("location").to_pylist()[0] == "d\ne"
        assert t.column("row").to_pylist() == [2, 4]


def test_the_whole_file_is_read_without_following_quotes_to_cut_its_blocks(
    tmp_path: Path,
) -> None:
    """Counted: the parse options the whole-file reader asks pyarrow for."""
    f = tmp_path / "i.csv"
    f.write_text('x,y\n"a",1\nb,"2,3"\n')
    whole, asked = whole_csv_asked(f, ["x", "y"])
    assert whole is not None
    assert whole[0].column(1).to_pylist() == ["1", "2,3"]
    assert [a["parse_options"].newlines_in_values for a in asked] == [False]  # before: [True]


def test_a_value_holding_a_line_break_is_seen_in_any_chunk() -> None:
    """The check for a reader that keeps a cut value's first line (pyarrow drops it)."""
    from svduty.io._incident_csv_whole import _line_break_in

    plain = pa.table({"x": ["a", "b"], "y": ["c", 'd"']})
    broken = pa.concat_tables([plain, pa.table({"x": ["e"], "y": ["f\n"]})])
    assert not _line_break_in(plain)
    assert _line_break_in(broken)
    assert broken.column("y").num_chunks == 2
