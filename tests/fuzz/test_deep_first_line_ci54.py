"""A first line nested deeper than Python's JSON reader recurses: its row, not a crash.

The fifty-fourth session's CI failed here: ``explain`` and ``classify`` peek at an input's
first line to tell a table from JSON Lines (``io/_table_kind.py``), and ``json.loads`` of
``[`` repeated some 1,000-3,000 times raised ``RecursionError`` there ("unexpected
RecursionError; please report it") before the line's row could be rejected. Deeper lines
escaped it only because the C scanner's recursion guard is counted from the caller's
stack depth. A line too deep is the row's problem: rejected with the reason, the rest read.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from svduty.cli import main
from svduty.io._table_kind import table_kind

_DEPTHS = [sys.getrecursionlimit() // 2, sys.getrecursionlimit(), 2_000, 4_000, 60_000]


@pytest.mark.parametrize("depth", _DEPTHS)
def test_a_deep_first_line_may_be_json_lines(depth: int):
    assert table_kind(b"[" * depth + b"\n{}\n") is None
    assert table_kind(b"{" * depth + b"\n") is None


@pytest.mark.parametrize("command", ["explain", "classify"])
@pytest.mark.parametrize("depth", _DEPTHS)
def test_a_deep_first_line_is_its_row_rejected(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str, depth: int
):
    f = tmp_path / "in.jsonl"
    good = b'{"id": "b", "date": "2025-01-02", "offence_code": "8N"}\n'
    f.write_bytes(b"[" * depth + b"\n" + good)
    more = ["-o", str(tmp_path / "out.csv")] if command == "classify" else []
    code = main([command, str(f), *more])
    said = capsys.readouterr()
    err = said.out + said.err  # (classify's summary, with its rejected rows, is on stdout)
    assert "unexpected" not in err
    assert "Traceback" not in err
    assert ": row 1: " in err
    assert ": row 2: " not in err
    assert code in (0, 1)  # explain: 1 (a row rejected); classify: 0 (rejected rows counted)
