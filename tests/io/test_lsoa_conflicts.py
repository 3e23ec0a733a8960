"""A police.uk row whose LSOA code and LSOA name name different districts is a contradiction.

A hostile review set one row's name to "Birmingham 045E" beside Warwick's code: the row was
located inside Warwick, silently. It is now rejected, with a reason, and counted; a name
of a district abolished since the ONS named the LSOA (Daventry) says nothing.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from svduty.areas._lsoa_conflicts import CONFLICT
from svduty.cli import main
from svduty.io import sample_police_uk


def _month(tmp_path: Path, code: str, name: str) -> tuple[Path, int]:
    """The sample month with the first row of ``code`` given the LSOA name ``name``."""
    with sample_police_uk().open(newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    at_code, at_name = rows[0].index("LSOA code"), rows[0].index("LSOA name")
    line = next(i for i, r in enumerate(rows) if r[at_code] == code)
    rows[line][at_name] = name
    f = tmp_path / "month.csv"
    with f.open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)
    return f, line + 1  # the file's line of that row


@pytest.mark.parametrize(
    ("name", "rejected"),
    [
        ("Birmingham 045E", True),  # another current district
        ("Coventry 001A", True),
        ("Warwick 099Z", False),  # the code's own district (a number it does not have)
        ("Daventry 003E", False),  # abolished in 2021: no current district, nothing said
        ("Somewhere", False),  # not an LSOA name
    ],
)
def test_a_name_of_another_district_rejects_the_row(tmp_path: Path, name: str, rejected: bool):
    month, line = _month(tmp_path, "E01031330", name)  # an LSOA of Warwick
    out, err = io.StringIO(), io.StringIO()
    assert main(["classify", str(month), "--summary", "json"], stdout=out, stderr=err) == 0
    s = json.loads(out.getvalue())
    assert (s["rows_in"], s["rows_out"] + s["rejected"]) == (4586, 4586)
    assert s["rejected"] == int(rejected)
    if rejected:
        field, reason = CONFLICT.split(": ", 1)
        assert s["rejections"] == [
            {"field": field, "file": str(month), "reason": reason, "row": line}
        ]
        assert s["inside_area"] == 4509


def test_the_real_months_have_no_conflict():
    shared = Path(__file__).resolve().parents[3] / "shared" / "data" / "policeuk"
    if not shared.exists():  # a clone under /work/review/NAME: shared/ is /work's
        shared = Path("/work/shared/data/policeuk")
    months = sorted(shared.glob("*.csv"))
    assert len(months) == 2  # else the loop below checks nothing (it did in a clone)
    for month in months:
        out = io.StringIO()
        assert main(["classify", str(month), "--summary", "json"], stdout=out) == 0
        assert json.loads(out.getvalue())["rejected"] == 0


def test_an_lsoa_in_two_districts_by_the_tables_is_not_contradicted(tmp_path: Path):
    """An analyst's review: genuine ONS pairs were rejected (a Gateshead partnership lost them).

    Gateshead 024C and Welwyn Hatfield 014C are 2011 LSOAs whose 2021 pieces lie in two
    districts (the best fit chose the other); West Northamptonshire 048E is a 2021 LSOA the
    2024 table files under Cherwell. A name of the other district is the code's own.
    """
    header = "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,"
    header += "LSOA name,Crime type,Last outcome category,Context\n"
    rows = [
        ("E01008187", "Gateshead 024C"),
        ("E01023964", "Welwyn Hatfield 014C"),
        ("E01027305", "West Northamptonshire 048E"),
        ("E01008187", "Coventry 001A"),  # not one of its districts: rejected
    ]
    f = tmp_path / "month.csv"
    f.write_text(
        header + "".join(f",2025-06,X,X,,,On or near X,{c},{n},Robbery,,\n" for c, n in rows),
        encoding="utf-8",
    )
    out = io.StringIO()
    assert main(["classify", str(f), "--summary", "json"], stdout=out) == 0
    s = json.loads(out.getvalue())
    assert (s["rows_in"], s["rejected"]) == (4, 1)
    assert [r["row"] for r in s["rejections"]] == [5]


_NAMES = [
    "Warwick 001A",
    "Rugby 010E",
    "Coventry 001A",
    "Birmingham 045E",
    "Daventry 003E",
    "Gateshead 024C",
    "Northumberland 001A",
    "Cherwell 001A",
    "nonsense",
    "",
]
_CODES = ["E01031330", "E01031180", "E01009528", "E01008187", "E01027305", "E01999999"]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.one_of(st.none(), st.sampled_from(_NAMES)),
            st.integers(0, len(_CODES)),  # the last: the locator's null code
        ),
        min_size=1,
        max_size=12,
    ),
    st.integers(2, 40),
)
def test_each_pair_of_name_and_code_once_is_row_by_row(rows, times):
    """speed44: a batch of more rows than pairs of its names and codes looks each pair up once.

    The conflicts of the rows repeated ``times`` times are those of the rows, repeated,
    whether found row by row (few rows) or pair by pair (many rows, where ``_pairs`` must
    be the route taken: the look-up of every row once against a small table of pairs).
    """
    from svduty.areas import _lsoa_conflicts as conflicts
    from svduty.io import warwickshire

    areas = _areas(warwickshire())
    names, key = [n for n, _ in rows], [c for _, c in rows]
    used: list[int] = []
    real = conflicts._pairs

    def found(k: int) -> list[bool]:
        got = conflicts.name_conflicts(
            pa.array(key * k), pa.array(names * k, pa.string()), areas, areas.column("lsoa_code")
        )
        return [False] * (len(rows) * k) if got is None else got.to_pylist()

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(conflicts, "_pairs", lambda *a: used.append(1) or real(*a))
        one = found(1)
        assert not used  # twelve rows at most: fewer than the pairs, row by row
        assert found(times * 40) == one * (times * 40)
        assert used or all(n is None for n in names)  # many rows: pair by pair (a name)


def test_pair_by_pair_finds_the_conflicts():
    """Many rows (the pairs' route): Birmingham beside Warwick's code, the rows of it only."""
    from svduty.areas._lsoa_conflicts import name_conflicts
    from svduty.io import warwickshire

    areas = _areas(warwickshire())
    names = pa.array(["Birmingham 045E", "Warwick 001A", None, "Daventry 003E"] * 500)
    key = pa.array([0, 0, len(_CODES), 1] * 500)
    got = name_conflicts(key, names, areas, areas.column("lsoa_code"))
    assert got.to_pylist() == [True, False, False, False] * 500


def _areas(partnership):
    """The areas of :data:`_CODES` and one code of none (a null), as the locator has them."""
    import pyarrow.compute as pc

    found = partnership.geography.resolve_lsoas([*_CODES, None])
    return pa.table(
        {
            c: pc.cast(found.column(c), pa.string())
            for c in ("lsoa_code", "district_code", "district_name")
        }
    )
