"""Ctrl-C after the outputs were renamed into place says they were written (mend49).

``classify -o keep.csv`` stopped by Ctrl-C after its outputs were renamed over the old
ones, while the summary was being made, said ``svduty classify: interrupted`` alone: the
user could not tell that ``keep.csv`` was the new file. ``report`` stopped then said
``interrupted; no output written``, which was false: the page and the tables were
written. Both now name what was written whole.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, NoReturn

import pytest

from svduty.io import sample_police_uk

from ..cli_run import run

SAMPLE = str(sample_police_uk())


def _stop(*_: Any, **__: Any) -> NoReturn:
    raise KeyboardInterrupt


def test_classify_stopped_after_its_renames_names_its_outputs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from svduty._commands import classify

    out, rejected = tmp_path / "keep.csv", tmp_path / "rejected.csv"
    out.write_text("old\n", encoding="utf-8")
    monkeypatch.setattr(classify, "_months_outside", _stop)  # after the renames
    code, stdout, err = run("classify", SAMPLE, "-o", out, "--rejected", rejected)
    assert (code, stdout) == (130, "")
    assert err == (
        f"svduty classify: interrupted after its outputs were written whole ({out}, {rejected})\n"
    )
    assert out.read_text(encoding="utf-8").startswith('"file","row"')  # the new one


def test_classify_stopped_before_its_renames_still_says_nothing_was_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from svduty._commands import classify

    out = tmp_path / "keep.csv"
    out.write_text("old\n", encoding="utf-8")
    monkeypatch.setattr(classify, "summary_with_skipped", _stop)  # before them
    code, _, err = run("classify", SAMPLE, "-o", out)
    assert code == 130
    assert err == "svduty classify: interrupted; no output written\n"
    assert out.read_text(encoding="utf-8") == "old\n"


def test_report_stopped_after_writing_does_not_say_nothing_was_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from svduty._commands import report

    page, tables = tmp_path / "r.html", tmp_path / "tables"
    page.write_text("old\n", encoding="utf-8")
    monkeypatch.setattr(report, "said_after", _stop)  # the summary, after the renames
    code, _, err = run("report", SAMPLE, "-o", page, "--tables", tables)
    assert code == 130
    assert err == (
        f"svduty report: interrupted after its outputs were written whole ({page}, {tables})\n"
    )
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert (tables / "summary.csv").is_file()
