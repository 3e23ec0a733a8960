"""A JSON Lines line of white space that is not JSON's is a row, rejected, never skipped.

JSON's white space is space, tab, line feed and carriage return (RFC 8259 s.2). The
readers skipped as blank any line that ``str.strip`` emptied (U+00A0, U+2028, U+3000, a
form feed, U+001C...): a row dropped without a word, rows in no longer rows out plus
rows rejected. Such a line is not JSON: rejected and counted, by every route (pyarrow's
blocks, the line reader, ``explain``'s lines) alike (hostile56).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from svduty._commands._explain_lines import json_incidents
from svduty.cli import main
from svduty.io import iter_incidents_jsonl

_OTHER_SPACE = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]
_OTHER_SPACE = [c for c in _OTHER_SPACE if c not in " \t\r\n"]
"""Characters ``str.strip`` removes that JSON does not count as white space."""

_spaces = st.text(st.sampled_from(" \t"), max_size=3)
_line = st.tuples(_spaces, st.text(st.sampled_from(_OTHER_SPACE), min_size=1, max_size=4), _spaces)


def _rows(path: Path, **how: object) -> list[tuple[int, bool]]:
    return [
        (r["row"], r["rejected"] is not None)
        for b in iter_incidents_jsonl(path, **how)  # type: ignore[arg-type]
        for r in b.select(["row", "rejected"]).to_pylist()
    ]


@given(line=_line, first=st.booleans())
@example(line=("", "\u00a0", ""), first=False)
@example(line=("", "\u2028", ""), first=False)
@example(line=(" ", "\u3000", "\t"), first=True)
@example(line=("", "\x0c", ""), first=True)
def test_a_line_of_other_white_space_is_a_rejected_row(
    tmp_path_factory: pytest.TempPathFactory, line: tuple[str, str, str], first: bool
) -> None:
    path = tmp_path_factory.mktemp("ws") / "in.jsonl"
    odd = "".join(line)
    lines = (
        [odd, '{"id": "a"}', "  ", '{"id": "b"}']
        if first
        else ['{"id": "a"}', odd, "", '{"id": "b"}']
    )
    path.write_bytes(("\n".join(lines) + "\n").encode("utf-8"))
    at = 1 if first else 2
    rows = dict(_rows(path))
    assert rows.get(at) is True  # rejected, not skipped
    assert sorted(rows) == [n for n, t in enumerate(lines, 1) if t.strip(" \t")]
    assert dict(_rows(path, validate=lambda *_: None)) == rows  # the line reader alike
    shown = [(n, type(x).__name__) for n, _, x in json_incidents(lines, "in.jsonl")]  # explain
    assert (at, "DataError") in shown
    assert [n for n, _ in shown] == sorted(rows)


def test_json_space_alone_is_still_blank(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_bytes(b'{"id": "a"}\n \t\n\r\n\t\n{"id": "b"}\n')
    assert _rows(path) == [(1, False), (5, False)]
    assert _rows(path, validate=lambda *_: None) == [(1, False), (5, False)]


def test_the_summary_counts_the_row(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "in.jsonl"
    path.write_bytes('{"id": "a"}\n\u00a0\n\u3000\n\x0c\n'.encode())
    out = tmp_path / "out.csv"
    assert main(["classify", str(path), "-o", str(out), "--summary", "json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert (summary["rows_in"], summary["rejected"]) == (4, 3)
