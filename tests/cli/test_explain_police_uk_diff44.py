"""``svduty explain`` given a police.uk month says what explain reads (diff44).

Since ``explain`` reads CSV tables (analyst44), a police.uk street-level month given to it
was refused with ``classify``'s words: "police.uk months are read as the CSV files
police.uk publishes ..., one kind of file a run (classify them apart from incident
files)", advice for a command the user did not run, and no word that ``explain`` reads
incidents only. It then said so (since user45 it explains the month's rows).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from svduty.io import sample_police_uk

from ..cli_run import run


def test_a_police_uk_month_with_map_is_refused_in_explains_words(tmp_path: Path) -> None:
    """user45: ``explain`` now explains a police.uk month's rows as ``classify`` reads them
    (``tests/cli/test_explain_police_uk_user45.py``); ``--map`` is for incident tables."""
    month = tmp_path / "2025-06-warwickshire-street.csv"
    shutil.copy(sample_police_uk(), month)
    code, out, err = run("explain", str(month), "--map", "Crime ID=id")
    assert (code, out) == (1, "")
    assert err == (
        f"svduty explain: error: {month}: --map: a police.uk street-level month: its columns "
        "are police.uk's own, read as svduty classify reads them (--map is for incident "
        "tables)\n"
    )
    assert "classify them apart" not in err


def test_classify_still_says_its_own_words(tmp_path: Path) -> None:
    month = tmp_path / "m.csv"
    shutil.copy(sample_police_uk(), month)
    code, _, err = run("classify", str(month), "--input-format", "incidents")
    assert code == 1
    assert "classify them apart from incident files" in err
