"""``svduty info`` marks an authority recorded for areas outside the local area (users48).

The Isles of Scilly's starting bundle records Cornwall Council, which establishes the
islands' youth offending team (Crime and Disorder Act 1998 s.42(2): "the Isles of Scilly
form part of the county of Cornwall"), for Cornwall's area alone. ``svduty info`` listed
it among the specified authorities like the islands' own council, with nothing to say
that its area is not the partnership's (the doubt, far below, said so). Such a record is
now marked with the areas it is for; the others are not.
"""

from __future__ import annotations

import io
from pathlib import Path

from svduty.cli import main

OUTSIDE = "(for E06000052, outside the local area)"


def _info(*args: str) -> str:
    out = io.StringIO()
    assert main(["info", *args], stdout=out, stderr=io.StringIO()) == 0
    return out.getvalue()


def test_cornwall_council_in_the_isles_of_scilly_bundle_is_marked(tmp_path: Path) -> None:
    folder = tmp_path / "scilly"
    assert main(["init", str(folder), "--area", "E06000053"], stdout=io.StringIO()) == 0
    lines = _info("--partnership", str(folder)).splitlines()
    marked = [s for s in lines if OUTSIDE in s]
    assert marked == ["  Cornwall Council  [district council] (2023-01-31 onwards)  " + OUTSIDE]
    own = next(s for s in lines if s.startswith("  Council of the Isles of Scilly  ["))
    assert "outside the local area" not in own


def test_no_authority_of_warwickshire_is_marked() -> None:
    assert "outside the local area)" not in _info("--partnership", "warwickshire")


def test_the_councils_before_1_april_2023_are_not_marked_outside(tmp_path: Path) -> None:
    """North Yorkshire's districts and county council until 1 April 2023 (diff48).

    law48b made the abolished districts and the county areas of the bundle until the North
    Yorkshire (Structural Changes) Order 2022 (SI 2022/328) art 4(a) abolished them; each
    lies wholly within the new unitary area (its successor). users48's mark said of every one
    of their councils "outside the local area", which they were not.
    """
    folder = tmp_path / "ny"
    assert main(["init", str(folder), "--area", "E06000065"], stdout=io.StringIO()) == 0
    lines = _info("--partnership", str(folder)).splitlines()
    harrogate = next(s for s in lines if s.startswith("  Harrogate council (district)  ["))
    county = next(s for s in lines if s.startswith("  North Yorkshire County Council  ["))
    assert "outside the local area" not in harrogate
    assert "outside the local area" not in county
    assert not [s for s in lines if "outside the local area)" in s]
