"""FILES-OVERLAP says police.uk's own month files list a few crimes twice (users50).

Real police.uk months hold some crimes twice themselves: North Yorkshire Police's June 2025
street-level file has 70 Crime IDs on two rows each (5,449 rows; the two rows differ in
``Last outcome category``, three pairs in nothing), West Mercia's 5. Given that one file,
``svduty classify`` warned "counted twice (one force's month given twice, or a file
holding rows twice?)" and the analyst tutorial said to remove the older download: advice
for a mistake the analyst did not make. The warning, the report's note and the tutorial
now say that police.uk's own files do this.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import svduty
from svduty.cli import main
from svduty.io import sample_police_uk

OWN = "police.uk's own month files list a few crimes twice"


def _one_crime_twice(tmp_path: Path) -> Path:
    header, *rows = sample_police_uk().read_text(encoding="utf-8").splitlines(keepends=True)
    first = next(r for r in rows if r[:64].isalnum() and len(r.split(",")[0]) == 64)
    cells = first.rstrip("\n").split(",")
    cells[10] = "Status update unavailable"  # the same crime, another outcome (as police.uk)
    at = rows.index(first) + 1
    path = tmp_path / "2025-06-warwickshire-street.csv"
    path.write_text(header + "".join([*rows[:at], ",".join(cells) + "\n", *rows[at:]]), "utf-8")
    return path


def test_a_file_listing_a_crime_twice_is_warned_of_with_police_uks_own_habit(
    tmp_path: Path,
) -> None:
    path = _one_crime_twice(tmp_path)
    out = io.StringIO()
    assert main(["classify", str(path), "--summary", "json"], stdout=out) == 0
    assert json.loads(out.getvalue())["warnings"]["FILES-OVERLAP"] == 1
    text = io.StringIO()
    assert main(["classify", str(path)], stdout=text) == 0
    (line,) = [x for x in text.getvalue().splitlines() if "(FILES-OVERLAP)" in x]
    assert OWN in line
    (note,) = [n for n in svduty.report(path).notes if "counted twice" in n]
    assert OWN in note
