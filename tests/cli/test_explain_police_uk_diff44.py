"""``svduty explain`` given a police.uk month says what explain reads (diff44).

Since ``explain`` reads CSV tables (analyst44), a police.uk street-level month given to it
was refused with ``classify``'s words: "police.uk months are read as the CSV files
police.uk publishes ..., one kind of file a run (classify them apart from incident
files)", advice for a command the user did not run, and no word that ``explain`` reads
incidents only. It now says so, and where a month's undetermined rows are explained.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from svduty.io import sample_police_uk

from ..cli_run import run


@pytest.mark.parametrize("row", [[], ["--row", "2"]])
def test_a_police_uk_month_is_refused_in_explains_words(tmp_path: Path, row: list[str]) -> None:
    month = tmp_path / "2025-06-warwickshire-street.csv"
    shutil.copy(sample_police_uk(), month)
    code, out, err = run("explain", str(month), *row)
    assert (code, out) == (1, "")
    assert err == (
        f"svduty explain: error: {month}: header: a police.uk street-level month, not "
        "incidents: svduty explain explains incidents (JSON Lines, or a CSV or Parquet "
        "table of the incident fields); svduty classify reads police.uk months, its "
        "summary counting the undetermined rows by the facts missing\n"
    )
    assert "classify them apart" not in err


def test_classify_still_says_its_own_words(tmp_path: Path) -> None:
    month = tmp_path / "m.csv"
    shutil.copy(sample_police_uk(), month)
    code, _, err = run("classify", str(month), "--input-format", "incidents")
    assert code == 1
    assert "classify them apart from incident files" in err
