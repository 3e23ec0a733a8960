"""Inputs that hold no row: a warning, never a silent profile of zeros (analyst42 finding 3)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from svduty.cli import main
from svduty.io import sample_police_uk
from svduty.io._summary import Tally


def _header_only(tmp_path: Path) -> Path:
    path = tmp_path / "2025-06-warwickshire-street.csv"
    path.write_text(sample_police_uk().read_text(encoding="utf-8").splitlines()[0] + "\n")
    return path


def test_a_tally_of_no_row_warns_no_rows() -> None:
    t = Tally()
    t.count_in(0)
    assert t.summary().warnings == {"NO-ROWS": 0}
    assert "no row" in t.summary().to_text()


def test_classify_of_a_header_only_file_warns(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["classify", str(_header_only(tmp_path)), "--summary", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["warnings"] == {"NO-ROWS": 0}
    assert main(["classify", str(_header_only(tmp_path))]) == 0
    assert "warning: the inputs hold no row: nothing was classified" in capsys.readouterr().out


def test_the_report_of_a_header_only_file_says_it_tells_nothing(tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    assert main(["report", str(_header_only(tmp_path)), "-o", str(out)]) == 0
    assert "The inputs hold no row: this profile says nothing" in out.read_text(encoding="utf-8")
