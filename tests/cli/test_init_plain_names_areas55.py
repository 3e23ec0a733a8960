"""``svduty init --area`` takes the names ``svduty init`` itself prints (areas55).

ONS writes three unitary areas inverted ("Bristol, City of", "Herefordshire, County of",
"Kingston upon Hull, City of") and so the police force area of the City of London
("London, City of"). ``init`` prints them as people write them, "City of Bristol" (its
title, its list of local government areas: ``plain_name``), but refused that very name as
``--area``: "unknown area ... did you mean 'Bristol, City of'". Found by
``benchmarks/geography_areas.py``'s walk over every area. The areas are read from the
national tables by rule (a name with ", ... of"), not listed here.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from svduty.areas import Geography
from svduty.cli import main
from svduty.io._area_names import STARTING_KINDS
from svduty.io._new_bundle import starting_districts
from svduty.io._new_records import plain_name

GEO = Geography.england_and_wales()
INVERTED = sorted(
    {a.name for kind in STARTING_KINDS for a in GEO.all(kind) if plain_name(a.name) != a.name}
)


def _init(folder: Path, area: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["init", str(folder), "--area", area, "--name", "b"], stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_the_tables_hold_inverted_names() -> None:
    assert len(INVERTED) >= 3  # the test reads something


@pytest.mark.parametrize("name", INVERTED)
def test_the_plain_name_starts_the_same_areas_as_the_tables_name(name: str) -> None:
    plain = plain_name(name)
    assert starting_districts(GEO, [plain]) == starting_districts(GEO, [name])
    assert starting_districts(GEO, [plain.upper()]) == starting_districts(GEO, [name])


@pytest.mark.parametrize("name", [n for n in INVERTED if not GEO.named(plain_name(n))])
def test_init_takes_the_name_it_prints(tmp_path: Path, name: str) -> None:
    code, _, err = _init(tmp_path / "plain", plain_name(name))
    assert code == 0, err
    assert _init(tmp_path / "ons", name)[0] == 0
    for file in ("areas.toml", "authorities.toml"):  # the words given are quoted in a doubt
        texts = [(tmp_path / d / file).read_text("utf-8") for d in ("plain", "ons")]
        plain, ons = (t.replace(name, "?").replace(plain_name(name), "?") for t in texts)
        assert plain == ons


def test_the_tables_own_name_still_comes_first() -> None:
    """The name "City of London" is the district's own, not the police force area's plain one."""
    (district,) = starting_districts(GEO, ["City of London"])
    assert district.id == GEO.find("City of London").id
    assert district.kind.is_local_government_area


def test_a_name_that_is_no_area_is_still_refused(tmp_path: Path) -> None:
    code, _, err = _init(tmp_path / "b", "City of Nowhere")
    assert code == 1
    assert "unknown area" in err
