"""The packaged national tables as Arrow IPC, and the best fit counted without Acero."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from svduty.areas._best_fit import best_fit, lsoa21_table
from svduty.areas._national import NATIONAL_TABLES, _bridge, read_table
from svduty.errors import AreaError

SHARED = Path(__file__).resolve().parents[3] / "shared" / "data" / "ons" / "national"
if not SHARED.exists():  # a worktree under /work: shared/ is beside it
    SHARED = Path("/work/shared/data/ons/national")

LARGE = [name for name, fmt in NATIONAL_TABLES.items() if fmt == "arrow"]


def test_every_value_of_every_packaged_table_is_the_published_one() -> None:
    """The Arrow IPC files read back the published CSV files, cell by cell, as strings."""
    assert LARGE == ["lsoa21-ward24-lad24", "lsoa11-lsoa21-lad22", "lsoa21-icb24"]
    for name in LARGE:
        with (SHARED / f"{name}.csv").open(newline="", encoding="utf-8") as fh:
            published = list(csv.DictReader(fh))
        columns = tuple(published[0])
        table = read_table(name, columns)
        assert table.column_names == list(columns)
        assert all(t == pa.string() for t in table.schema.types)
        for c in columns:
            assert table.column(c).to_pylist() == [r[c] for r in published], (name, c)


def _reference(old: Any, lad: Any, named: Any = None) -> dict[str, str]:
    """The best fit as Arrow's group_by counts it (the earlier implementation), ties to
    the district the 2011 name names, then the first code."""
    if named is None:
        named = pa.array([False] * len(old))
    pieces = pa.table({"old": old, "lad": lad, "named": named})
    counts = pieces.group_by(["old", "lad"], use_threads=False).aggregate(
        [([], "count_all"), ("named", "max")]
    )
    ranked = counts.sort_by(
        [
            ("old", "ascending"),
            ("count_all", "descending"),
            ("named_max", "descending"),
            ("lad", "ascending"),
        ]
    )
    best = ranked.group_by("old", use_threads=False).aggregate([("lad", "first")])
    return dict(
        zip(best.column("old").to_pylist(), best.column("lad_first").to_pylist(), strict=True)
    )


def _as_dict(t: pa.Table) -> dict[str, str]:
    old, lad = t.column("old").to_pylist(), t.column("lad").to_pylist()
    assert len(set(old)) == len(old)  # one row per code
    return dict(zip(old, lad, strict=True))


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from("abcdef"), st.sampled_from("xyzw")), max_size=40),
    st.sets(st.tuples(st.sampled_from("abcdef"), st.sampled_from("xyzw"))),
)
def test_best_fit_is_the_group_by_answer(
    pairs: list[tuple[str, str]], names: set[tuple[str, str]]
) -> None:
    old = pa.array([o for o, _ in pairs], pa.string())
    lad = pa.array([d for _, d in pairs], pa.string())
    got = best_fit(old, lad)
    assert got.schema == pa.schema([("old", pa.string()), ("lad", pa.string())])
    assert _as_dict(got) == _reference(old, lad)
    named = pa.array([p in names for p in pairs], pa.bool_())  # the pair's district is named
    assert _as_dict(best_fit(old, lad, named)) == _reference(old, lad, named)


def test_best_fit_lists_single_district_codes_first_then_split_codes_by_code() -> None:
    old = pa.chunked_array([["q", "p", "p"], ["r", "p", "q"]])
    lad = pa.chunked_array([["x", "y", "x"], ["z", "x", "y"]])
    assert best_fit(old, lad).to_pydict() == {"old": ["r", "p", "q"], "lad": ["z", "x", "x"]}


def test_the_national_bridge_is_the_group_by_answer() -> None:
    t21 = lsoa21_table(("lsoa21_code", "ltla24_code"))  # each LSOA's district (place49)
    columns = ("lsoa11_code", "lsoa21_code", "lsoa11_name", "ltla22_name")
    bridge = read_table("lsoa11-lsoa21-lad22", columns)
    at = pc.index_in(bridge.column("lsoa21_code"), value_set=t21.column("lsoa21_code"))
    lad = pc.take(t21.column("ltla24_code"), at)
    names = zip(
        bridge.column("lsoa11_name").to_pylist(),
        bridge.column("ltla22_name").to_pylist(),
        strict=True,
    )
    named = pa.array([old[:-5] == district for old, district in names])
    expected = _reference(bridge.column("lsoa11_code"), lad, named)
    assert _as_dict(_bridge()) == expected
    # a 2011 LSOA of two equal pieces takes the district its name names (a researcher's
    # review: Welwyn Hatfield 014C was placed in St Albans, Gateshead 024C in Northumberland)
    assert expected["E01023964"] == "E07000241"
    assert expected["E01008187"] == "E08000037"
    near = _as_dict(_bridge(("E07000218", "E07000220")))
    assert near == {old: expected[old] for old in near}
    assert len(near) == 99  # North Warwickshire (38) and Rugby (61)


def test_loading_the_areas_imports_neither_parquet_nor_acero() -> None:
    """The tables are read with pyarrow.ipc; the best fit is counted without group_by."""
    code = (
        "import sys, argparse\n"
        "from svduty._commands._options import chosen\n"
        "ns = argparse.Namespace(partnership='warwickshire', definition=None)\n"
        "geo = chosen(ns, sections=('areas', 'definition')).partnership.geography\n"
        "assert geo.resolve_lsoa('E01033620').district_name == 'Birmingham'\n"
        "from svduty.areas._national import lsoa_district, national_areas\n"
        "assert lsoa_district()['E01031180'][0] == 'E07000220' and national_areas()\n"
        "heavy = ('pyarrow.parquet', 'pyarrow.acero', 'pyarrow.dataset', 'pyarrow.fs', 'ssl')\n"
        "print(sorted(m for m in heavy if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip().splitlines()[-1] == "[]"


def test_an_unknown_column_of_a_packaged_table_is_an_area_error() -> None:
    with pytest.raises(AreaError, match="a column of lsoa21-icb24"):
        read_table("lsoa21-icb24", ("lsoa21_code", "no_such_column"))
