"""A stop after rows went to standard output does not say ``no output written`` (hostile60).

``svduty classify months/ -o -`` interrupted after 49 MB of rows had gone to standard
output said "interrupted; no output written": rows on a pipe or a terminal cannot be taken
back, so the line says ``interrupted`` alone. Files written whole are still removed and
said so; a stop before any row went out still says nothing was written.
"""

from __future__ import annotations

import io
import signal
from pathlib import Path
from typing import Any

import pytest

from svduty.cli import main
from svduty.io import _writers as writers
from svduty.io._writers import TableWriter

_LINE = '{"id": "a", "police_uk_category": "Robbery"}\n'


def _interrupt_after_first_write(monkeypatch: pytest.MonkeyPatch, how: int) -> None:
    real = writers.TableWriter.write

    def interrupted(self: TableWriter, table: Any) -> None:
        real(self, table)
        signal.raise_signal(how)

    monkeypatch.setattr(writers, "cores", lambda: 1)  # written on the main thread, now
    monkeypatch.setattr(writers.TableWriter, "write", interrupted)


@pytest.mark.parametrize(
    ("how", "status", "said"),
    [(signal.SIGINT, 130, "interrupted"), (signal.SIGTERM, 143, "terminated")],
)
def test_rows_on_standard_output_are_not_said_unwritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: int, status: int, said: str
) -> None:
    f = tmp_path / "in.jsonl"
    f.write_text(_LINE * 5)
    _interrupt_after_first_write(monkeypatch, how)
    out, err = io.StringIO(), io.StringIO()
    previous = signal.getsignal(signal.SIGTERM)
    try:
        assert main(["classify", str(f)], stdout=out, stderr=err) == status
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert out.getvalue().count("\n") == 5  # the rows went out before the stop
    assert err.getvalue() == f"svduty classify: {said}\n"


def test_a_file_written_whole_is_still_said_unwritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    f = tmp_path / "in.jsonl"
    f.write_text(_LINE * 5)
    _interrupt_after_first_write(monkeypatch, signal.SIGINT)
    err = io.StringIO()
    assert main(["classify", str(f), "-o", str(tmp_path / "o.jsonl")], stderr=err) == 130
    assert err.getvalue() == "svduty classify: interrupted; no output written\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl"]
