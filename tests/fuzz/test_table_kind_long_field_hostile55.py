"""A first line with a field longer than the csv module's limit: its row, not a crash.

``svduty classify`` and ``explain`` peek at a JSON Lines input's first bytes to tell a
table from JSON Lines (``io/_table_kind.py``, hostile54): a first line that is not JSON
but is read as a CSV header by :mod:`csv`, whose fields are at most 131,072 characters
(``csv.field_size_limit()``). The peek is as long as the input's buffer, which is the
file system's block size (``st_blksize``): 4 KiB here, 1 MiB or more on some network and
cluster file systems, and on a buffer given to standard input. There a first line such
as ``id,`` and 200,000 characters raised ``_csv.Error: field larger than field limit``
out of the peek ("unexpected Error; please report it"). Such a line is no header: it is
its row's problem, rejected, and the rest of the file is read (hostile55).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from svduty.cli import main
from svduty.io._table_kind import refuse_table, table_kind
from tests.fuzz.budget import budget

_LIMIT = csv.field_size_limit()
_GOOD = b'{"id": "b", "date": "2025-01-02", "offence_code": "8N"}\n'


@budget(10)
@given(
    names=st.lists(st.sampled_from(["id", "date", "x", "Jane Smith", ""]), min_size=1),
    sep=st.sampled_from([b",", b";", b"\t"]),
    extra=st.integers(1, 3 * _LIMIT),
    quoted=st.booleans(),
)
@example(names=["id"], sep=b",", extra=_LIMIT - 1, quoted=False)
@example(names=["id", "date"], sep=b";", extra=_LIMIT + 1, quoted=True)
def test_a_first_line_of_any_field_length_is_told_without_an_error(
    names: list[str], sep: bytes, extra: int, quoted: bool
) -> None:
    long = (b'"' if quoted else b"") + b"x" * (_LIMIT + extra)
    line = sep.join([*(n.encode() for n in names), long])
    assert table_kind(line + b"\n" + _GOOD) is None  # no header csv reads: the row's
    big = io.BufferedReader(io.BytesIO(line + b"\n" + _GOOD), buffer_size=len(line) + 1024)
    refuse_table("in.jsonl", big)  # (not refused: read as JSON Lines, the line rejected)
    assert big.read() == line + b"\n" + _GOOD  # peeked, not read


@pytest.mark.parametrize("command", ["explain", "classify"])
def test_a_long_field_first_line_on_a_large_buffer_is_its_row_rejected(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str], command
) -> None:
    first = b"id,Jane Smith," + b"x" * (2 * _LIMIT) + b"\n"
    data = first + _GOOD
    stdin = io.BufferedReader(io.BytesIO(data), buffer_size=1 << 20)  # st_blksize of 1 MiB
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(stdin, encoding="utf-8"))
    more = ["-o", str(tmp_path / "out.csv")] if command == "classify" else []
    code = main([command, "-", *more])
    said = capsys.readouterr()
    text = said.out + said.err
    assert "unexpected" not in text
    assert "Traceback" not in text
    assert "Jane Smith" not in text
    assert ": row 1: " in text
    assert ": row 2: " not in text
    assert code in (0, 1)  # explain: 1 (a row rejected); classify: 0 (rejected rows counted)
