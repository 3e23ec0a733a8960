"""pyarrow's report of an undecodable malformed row is dropped; nothing else is."""

from __future__ import annotations

import subprocess
import sys
import types
from pathlib import Path

import pytest

from svduty.errors import InputFormatError
from svduty.io import POLICE_UK_COLUMNS
from svduty.io._police_uk_fallback import one_thread
from svduty.io._quiet import quiet_undecodable_rows


def _report(exc: BaseException, module: str) -> types.SimpleNamespace:
    handler = types.SimpleNamespace(__module__=module)
    return types.SimpleNamespace(exc_value=exc, object=handler, exc_type=type(exc))


def _undecodable() -> UnicodeDecodeError:
    return UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte")


def test_only_undecodable_rows_of_the_module_are_dropped(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    seen: list[object] = []
    monkeypatch.setattr(sys, "unraisablehook", seen.append)
    with quiet_undecodable_rows("svduty.x"):
        sys.unraisablehook(_report(_undecodable(), "svduty.x"))  # dropped
        other = _report(ValueError("boom"), "svduty.x")
        elsewhere = _report(_undecodable(), "somebody.else")
        sys.unraisablehook(other)
        sys.unraisablehook(elsewhere)
    assert seen == [other, elsewhere]
    assert sys.unraisablehook == seen.append


def test_nested_and_overlapping_users_restore_the_hook(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    seen: list[object] = []
    monkeypatch.setattr(sys, "unraisablehook", seen.append)
    with quiet_undecodable_rows("a"), quiet_undecodable_rows("a"), quiet_undecodable_rows("b"):
        hook = sys.unraisablehook
    assert hook != seen.append
    assert sys.unraisablehook == seen.append


def test_the_command_says_nothing_of_pyarrow(tmp_path: Path) -> None:
    f = tmp_path / "bad.csv"
    good = b",2025-06,W,W,-1.5,52.3,On or near X,E01031180,Rugby 010E,Burglary,,\n"
    bad = b",2025-06,W,W,-1.5,52.3,Name \xff\xfe Person,E01031180,Rugby 010E,Burglary,,,x,y\n"
    f.write_bytes(",".join(POLICE_UK_COLUMNS).encode() + b"\n" + good * 3 + bad + good)
    done = subprocess.run(
        [sys.executable, "-m", "svduty", "classify", str(f)], capture_output=True, check=False
    )
    assert done.returncode == 0
    assert b"Exception ignored" not in done.stderr
    assert b"Traceback" not in done.stderr
    assert b"row 5: fields: expected 12 fields, got 14" in done.stdout
    assert b"Person" not in done.stdout + done.stderr


def _stray(tmp_path: Path) -> Path:
    f = tmp_path / "stray.csv"
    good = b",2025-06,W,W,-1.5,52.3,On or near X,E01031180,Rugby 010E,Burglary,,\n"
    stray = b',2025-06,W,W,-1.5,52.3,On or ne"ar X,E01031180,Rugby 010E,Burglary,,\n'
    bad = b",2025-06,W,W,-1.5,52.3,Name \xff\xfe Person,E01031180,Rugby 010E,Burglary,,,x,y\n"
    f.write_bytes(",".join(POLICE_UK_COLUMNS).encode() + b"\n" + good + stray + good + bad + good)
    return f


def test_a_file_the_one_thread_reader_cannot_read_is_named(tmp_path: Path) -> None:
    f = _stray(tmp_path)
    with pytest.raises(InputFormatError, match="not readable as CSV") as info:
        list(one_thread(f, 1 << 20, None, 0))
    assert "Person" not in str(info.value)


def test_a_quote_inside_a_field_is_read_in_blocks(tmp_path: Path) -> None:
    # quotes are followed as the parser reads them: the file the one-thread reader
    # cannot read (above) is read, and every row is accounted for
    f = _stray(tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "svduty", "classify", str(f)], capture_output=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert b"Exception ignored" not in done.stderr
    assert b"rows in: 5\n" in done.stdout
    assert b"row 5: fields: expected 12 fields, got 14" in done.stdout
    assert b"Person" not in done.stdout + done.stderr
