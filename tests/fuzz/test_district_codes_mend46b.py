"""Fuzz: the summary counts districts by ONS code, whatever their names.

Before mend46b ``svduty classify``'s summary counted rows by district *name*
(``by_district``), so a bundle district named like a real district elsewhere (the example
bundle's ``E07000902`` renamed "Birmingham") had real Birmingham's outside rows added to it:
the area's districts then held more rows than were located inside the area. Now rows are
counted by code (``by_district_code``) and ``by_district`` shows each name, as
``"Name (code)"`` where two codes share one. Property: the area's districts' counts sum to
the rows located inside the area, and every district's count to the rows placed in one.
"""

from __future__ import annotations

import json
import shutil
import tomllib
from pathlib import Path

import pytest
import tomli_w
from hypothesis import example, given
from hypothesis import strategies as st

from ..cli_run import run
from .budget import budget

EXAMPLE = Path(__file__).parents[1] / "data" / "example-bundle"
FIRST, SECOND = "E07000901", "E07000902"  # the example bundle's two districts
BIRMINGHAM, COVENTRY = "E08000025", "E08000026"  # real districts outside its area
CANARY = "CANARY-7f3a"


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("codes") / "example"
    shutil.copytree(EXAMPLE, root)
    return root


def _shown(by_district: dict[str, int], code: str, name: str) -> int:
    """A district's count under its name, or ``"Name (code)"`` where that name is shared."""
    assert (name in by_district) != (f"{name} ({code})" in by_district), by_district
    return by_district.get(name, by_district.get(f"{name} ({code})", 0))


_NAMES = st.one_of(
    st.sampled_from(["Birmingham", "Coventry", "Sampleford-on-Sea"]),
    st.text(st.characters(categories=("L", "N", "P")), min_size=1, max_size=20).map(
        lambda t: f"{t} {CANARY}"
    ),
)


@budget(6)
@given(name=_NAMES, counts=st.tuples(*[st.integers(0, 4)] * 4))
@example(name="Birmingham", counts=(2, 1, 3, 1))  # a real district's name: merged before
def test_districts_are_counted_by_code_whatever_their_names(bundle, tmp_path_factory, name, counts):
    areas = bundle / "areas.toml"
    original = areas.read_bytes()
    data = tomllib.loads(original.decode())
    (record,) = [a for a in data["areas"] if a["code"] == SECOND]
    record["name"] = name
    work = tmp_path_factory.mktemp("rows")
    incidents = work / "incidents.jsonl"
    codes = (FIRST, SECOND, BIRMINGHAM, COVENTRY)
    incidents.write_text(
        "".join(
            json.dumps({"id": f"{code}-{i}", "date": "2023-06-01", "location": code}) + "\n"
            for code, n in zip(codes, counts, strict=True)
            for i in range(n)
        )
    )
    try:
        areas.write_text(tomli_w.dumps(data), encoding="utf-8")
        code, out, err = run(
            *[
                *("classify", str(incidents), "--partnership", str(bundle)),
                *("--summary", "json", "-o", str(work / "out.jsonl")),
            ]
        )
    finally:
        areas.write_bytes(original)
    assert code == 0, err
    summary = json.loads(out)
    by_district = summary["by_district"]
    names = {FIRST: "Exton", SECOND: name}
    inside = sum(_shown(by_district, c, n) for c, n in names.items())
    assert inside == summary["inside_area"] == counts[0] + counts[1]
    assert _shown(by_district, SECOND, name) == counts[1]
    placed = summary["rows_out"] - summary["no_district"] - summary["unlocated"]
    assert sum(by_district.values()) == placed == sum(counts)
    if "by_district_code" in summary:
        assert summary["by_district_code"][SECOND] == counts[1]
