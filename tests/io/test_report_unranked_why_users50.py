"""The report says why rows are left out of a deprivation index's shares (users50).

``svduty report`` of Dyfed-Powys Police's June 2025 month for a Ceredigion bundle said
"24 possible rows have an LSOA the Welsh Index of Multiple Deprivation 2019 does not rank;
they are left out of its shares", with no reason. The 24 rows lie in W01002002 (Ceredigion
007E), a 2021 LSOA the ONS made of three 2011 LSOAs (W01000529, W01000532, W01000544:
change code M in the LSOA11-LSOA21 lookup); the WIMD 2019 ranks those three apart, so the
merged one has no one rank. The note now says so (and, of an index of 2021 LSOAs, that the
code is not one it holds).
"""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.csv as pacsv

import svduty
from svduty.io import POLICE_UK_COLUMNS

MERGED = "W01002002"  # Ceredigion 007E: W01000529, W01000532 and W01000544 merged (2021)


def test_rows_of_a_merged_lsoa_are_left_out_with_the_reason(tmp_path: Path) -> None:
    bundle = svduty.load_partnership(svduty.new_bundle(tmp_path / "cer", ["W06000008"]))
    month = tmp_path / "2025-06-dyfed-powys-street.csv"
    cells = {c: [""] * 2 for c in POLICE_UK_COLUMNS}
    cells.update(
        {
            "Month": ["2025-06"] * 2,
            "Location": ["On or near X"] * 2,
            "LSOA code": [MERGED] * 2,
            "LSOA name": ["Ceredigion 007E"] * 2,
            "Crime type": ["Robbery"] * 2,
            "Longitude": ["-4.3"] * 2,
            "Latitude": ["52.2"] * 2,
        }
    )
    pacsv.write_csv(pa.table(cells), month)
    r = svduty.report(month, partnership=bundle)
    (note,) = [n for n in r.notes if "does not rank" in n]
    assert note.startswith("2 possible rows")
    assert "made of several 2011 LSOAs" in note
