"""Fuzz: a byte order mark at the start of any JSON Lines line is read as at the file's start.

Before mend52 a mark was skipped as a file's first bytes only: a file made by joining two
files that each began with one (``cat a.jsonl b.jsonl``) had its second file's first line
rejected as "expected a JSON object", though each line is a JSON text and RFC 8259 s.8.1
lets a parser ignore a mark that begins one. Now a mark that begins a line is skipped
there too, by ``svduty classify``'s reader (:func:`~svduty.io.read_incidents_jsonl`, its
blocks and its line reader) and ``svduty explain``'s; a line of a mark alone is blank, as a
file of a mark alone is empty. A mark anywhere else is kept: inside a string it is the
string's, after other characters the line is not JSON.

Property: for any lines (incidents good and bad, blank lines, text that is no JSON) and any
of them begun with a mark, with ``\\n`` or ``\\r\\n`` line ends, both readers read the file
as they read it without the marks: the same rows, line numbers, values and reasons.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pyarrow as pa
from hypothesis import example, given
from hypothesis import strategies as st

from svduty._commands._explain_lines import json_incidents
from svduty.errors import InputFormatError
from svduty.io import read_incidents_jsonl
from svduty.io._incidents import _text_lines

from ..cli_run import run
from .budget import budget

T = TypeVar("T")
BOM = "\ufeff"
TEXT = st.text(st.characters(codec="utf-8", exclude_characters="\n\r\ufeff"), max_size=12)
VALUE = st.one_of(st.none(), st.booleans(), st.integers(-5, 200), TEXT, st.lists(TEXT, max_size=2))
OBJECT = st.dictionaries(
    st.sampled_from(["id", "victim_age", "weapon", "offence_code", "died", "weapn"]),
    VALUE,
    max_size=4,
).map(lambda d: json.dumps(d, ensure_ascii=False))
LINE = st.one_of(OBJECT, OBJECT, st.sampled_from(["", "  ", "\t"]), TEXT)


def _explained(path: Path) -> list[tuple[int, str | None, str]]:
    name, handle = _text_lines(path)
    with handle:
        return [(n, i, str(x)) for n, i, x in json_incidents(handle, name)]


@budget(60)
@given(
    lines=st.lists(st.tuples(LINE, st.booleans()), min_size=1, max_size=12),
    crlf=st.booleans(),
)
@example(lines=[("\x00", False)], crlf=False)  # refused whole, mark or none (a fresh run)
@example(lines=[("{}", True), ("\x00", False)], crlf=False)  # a mark pushed the NUL out
@example(lines=[("", False), ("\x00", True)], crlf=False)  # a mark on line 2 (lead54)
def test_a_mark_that_begins_any_line_changes_nothing(lines, crlf):
    end = "\r\n" if crlf else "\n"
    with tempfile.TemporaryDirectory() as d:
        plain, marked = Path(d, "in.jsonl"), Path(d, "marked.jsonl")
        plain.write_bytes("".join(text + end for text, _ in lines).encode())
        marked.write_bytes("".join(BOM * mark + text + end for text, mark in lines).encode())
        want, got = _read(plain), _read(marked)
        assert got == want if isinstance(want, str) else got.equals(want)
        assert _outcome(_explained, marked) == _outcome(_explained, plain)


def _read(path: Path) -> pa.Table | str:
    """The rows read (no ``file`` column), or the error refusing the whole file, without
    the file's name: a file that begins with a NUL is refused as UTF-16 or UTF-32 with
    its mark or without (the lead, from a fresh-clone run)."""
    outcome = _outcome(read_incidents_jsonl, path)
    return outcome if isinstance(outcome, str) else outcome.drop(["file"])


def _outcome(read: Callable[[Path], T], path: Path) -> T | str:
    try:
        got = read(path)
    except InputFormatError as exc:
        return _unnamed(str(exc), path)
    if isinstance(got, list):
        return [(n, i, _unnamed(s, path)) for n, i, s in got]  # type: ignore[return-value]
    return got


def _unnamed(text: str, path: Path) -> str:
    return text.replace(str(path), "FILE").replace(path.name, "FILE")


def test_two_files_joined_by_cat_are_read_whole(tmp_path: Path):
    one = '\ufeff{"id": "a", "offence_code": "3B"}\n'.encode()
    two = '\ufeff{"id": "b", "offence_code": "3B"}\n'.encode()
    f = tmp_path / "joined.jsonl"
    f.write_bytes(one + two)
    table = read_incidents_jsonl(f)
    assert table.column("id").to_pylist() == ["a", "b"]
    assert table.column("rejected").to_pylist() == [None, None]
    written = str(tmp_path / "o.csv")
    code, out, err = run("classify", str(f), "--summary", "json", "--output", written)
    assert code == 0, err
    assert json.loads(out)["rejected"] == 0
    code, out, err = run("explain", str(f), "--format", "json")
    assert code == 0, err
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["a", "b"]


def test_a_mark_alone_is_a_blank_line_and_one_elsewhere_is_kept(tmp_path: Path):
    f = tmp_path / "in.jsonl"
    f.write_text('{"id": "a"}\n\ufeff\n{"id": "\ufeffb"}\n \ufeff{"id": "c"}\n', encoding="utf-8")
    table = read_incidents_jsonl(f)
    assert table.column("row").to_pylist() == [1, 3, 4]  # line 2 holds no record
    assert table.column("id").to_pylist()[:2] == ["a", "\ufeffb"]  # the string's own mark
    assert table.column("rejected").to_pylist()[2] == "line: expected a JSON object"
