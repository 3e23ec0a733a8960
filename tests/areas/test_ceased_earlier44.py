"""Districts and counties that ceased before the national tables (2019-2021): init names
what holds their area now (realdata44).

The Dorset (1 April 2019), Buckinghamshire (1 April 2020) and Northamptonshire (1 April
2021) structural changes orders abolished districts and counties "as local government
areas" before the 2022 table, so no table holds their codes; `svduty init` said only "a
mistyped code, or an area that ceased before them".
"""

from __future__ import annotations

import io
from collections import Counter
from pathlib import Path

import pytest

from svduty.areas import Geography
from svduty.areas._ceased import EARLIER, ceased_note
from svduty.areas._tables import read_table
from svduty.cli import main
from svduty.io import check_completeness, load_partnership, new_bundle

EW = Geography.england_and_wales()


def _init_error(tmp_path: Path, area: str) -> str:
    err = io.StringIO()
    assert main(["init", str(tmp_path / "b"), "--area", area], stderr=err) == 1
    return err.getvalue()


@pytest.mark.parametrize(
    ("area", "successors"),
    [
        ("E07000004", ["Buckinghamshire, E06000060"]),  # Aylesbury Vale
        ("E10000002", ["Buckinghamshire, E06000060"]),  # the county of Buckinghamshire
        ("E06000028", ["Bournemouth, Christchurch and Poole, E06000058"]),
        ("Purbeck", ["Dorset, E06000059"]),
        ("E10000009", ["Bournemouth, Christchurch and Poole, E06000058", "Dorset, E06000059"]),
        ("E07000151", ["West Northamptonshire, E06000062"]),  # Daventry
        ("E07000206", ["East Suffolk, E07000244"]),  # Waveney
        ("E07000190", ["Somerset, E06000066"]),  # Taunton Deane, via Somerset West and Taunton
        ("e10000021", ["North Northamptonshire, E06000061", "West Northamptonshire, E06000062"]),
    ],
)
def test_init_for_an_area_that_ceased_in_2019_to_2021_names_its_successor(
    tmp_path: Path, area: str, successors: list[str]
) -> None:
    said = _init_error(tmp_path, area)
    assert "ceased on 20" in said
    assert "Order 20" in said
    for s in successors:
        assert s in said
    assert "a mistyped code" not in said


def test_each_earlier_district_lies_in_its_successor_by_the_tables_own_lsoa_names() -> None:
    """The table's names and successors against the ONS data: a 2011 LSOA is named after
    its district ("Purbeck 001A"), and the 2021 LSOA of each so named lies in the
    successor (2024), bar one LSOA of South Northamptonshire that the 2024 table places in
    Cherwell (its ward table's best fit: the LSOA lies in West Northamptonshire, area49)."""
    old = read_table("lsoa11-lsoa21-lad22", ("lsoa11_name", "lsoa21_code")).to_pylist()
    now = read_table("lsoa21-ward24-lad24", ("lsoa21_code", "ltla24_code")).to_pylist()
    lad = {r["lsoa21_code"]: r["ltla24_code"] for r in now}
    found: dict[str, Counter[str]] = {}
    for r in old:
        found.setdefault(r["lsoa11_name"].rsplit(" ", 1)[0], Counter())[lad[r["lsoa21_code"]]] += 1
    districts = {c: v for c, v in EARLIER.items() if not c.startswith("E10")}
    assert len(districts) == 25
    for code, (name, after, ended, order) in districts.items():
        where = found[name]
        assert [a for a, _ in where.most_common(1)] == list(after), code
        assert where[after[0]] >= 0.95 * sum(where.values()), code
        assert code not in EW
        assert all(a in EW for a in after)
        assert ended[5:] == "04-01"
        assert "SI 20" in order
    counties = {c: v for c, v in EARLIER.items() if c.startswith("E10")}
    for code, (_name, after, _ended, _order) in counties.items():  # what its districts hold
        same = counties[code][3].split(" (SI")[0]  # its districts: those of the same order
        held = {a for v in districts.values() if v[3].startswith(same) for a in v[1]}
        assert set(after) == held, code


def test_a_ceased_countys_name_is_a_current_area_not_a_ceased_one() -> None:
    assert ceased_note("Dorset", str) == ""
    assert ceased_note("Buckinghamshire", str) == ""
    assert ceased_note("E10000002", str).startswith(" (The county of Buckinghamshire ceased")


def test_validate_names_the_successor_of_a_district_code_that_ceased_in_2020(
    tmp_path: Path,
) -> None:
    """``svduty validate`` warned of such a code in areas.toml (BUNDLE-ONS) as "a mistyped
    code, or an area that ceased before them"; it now says which it is."""
    path = new_bundle(tmp_path / "bucks", ["E06000060"])
    areas = path / "areas.toml"
    text = areas.read_text("utf-8").replace(
        'code = "E06000060"\nname = "Buckinghamshire"\nkind = "unitary"',
        'code = "E07000004"\nname = "Aylesbury Vale"\nkind = "district"',
    )
    areas.write_text(text.replace('"E06000060"', '"E07000004"'), "utf-8")
    authorities = path / "authorities.toml"
    authorities.write_text(
        authorities.read_text("utf-8").replace('"E06000060"', '"E07000004"'), "utf-8"
    )
    (found,) = [
        f
        for f in check_completeness(load_partnership(path))
        if f.rule == "BUNDLE-ONS" and f.subjects == ("E07000004",)
    ]
    assert found.message == (
        "E07000004 (Aylesbury Vale) is not a local government area of the national ONS "
        "tables (2022 and 2024): Aylesbury Vale ceased on 2020-04-01 (the Buckinghamshire "
        "(Structural Changes) Order 2019 (SI 2019/957), art 4(1)): its area is part of "
        "Buckinghamshire, E06000060"
    )
