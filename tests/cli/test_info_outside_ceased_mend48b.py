"""info: a county council of districts abolished on 1 April 2023 is not "outside" (mend48b).

After law48b filed Somerset's county council and county youth offending team under the
county (E10000027, whose districts the Somerset order abolished on 1 April 2023) and
users48 marked records none of whose areas is a district of the local area, ``svduty
info`` said "(for E10000027, outside the local area)" of them in Somerset's own bundle
(and tests/cli/test_cli.py::test_info_dates_the_authority_records_that_have_days failed on
main). The abolished districts lie within their successor's area: not outside it.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

from svduty.cli import main


def test_somersets_county_records_are_not_outside_somerset(tmp_path: Path) -> None:
    assert main(["init", str(tmp_path / "som"), "--area", "Somerset"], stdout=io.StringIO()) == 0
    out = io.StringIO()
    args = ["info", "--format", "json", "--partnership", str(tmp_path / "som")]
    assert main(args, stdout=out) == 0
    by_role = json.loads(out.getvalue())["authorities"]["by_role"]
    every = [a for role in by_role.values() for a in role]
    county = [a for a in every if "E10000027" in a["areas"]]
    assert {a["id"] for a in county} >= {
        "somerset-county-council",
        "somerset-county-youth-justice-service",
    }
    assert not any(a["outside_local_area"] for a in county)
