"""Every classified row is in a district's count, in ``no_district`` or ``unlocated``.

An incident located by a county, ward or police force area code is inside (or outside)
the area but in no single district: the summary's ``by_district`` left it out, with
nothing saying so (four incidents, two counted by district, none unlocated). The summary
now counts them as ``no_district``.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from svduty.cli import main

CODES = [
    "E01031180",  # an LSOA of Rugby
    "E07000222",  # Warwick district
    "E10000031",  # Warwickshire county: inside, no single district
    "E05012621",  # a ward
    "E23000017",  # West Midlands police force area (beyond the county)
    "E01009528",  # an LSOA of Coventry: outside
    "E08000026",  # Coventry: outside
    "E99999999",  # a code no table has
    "",
]


def summary(tmp_path: Path, locations: list[str]) -> dict[str, object]:
    f = tmp_path / "i.jsonl"
    rows = [
        {"id": str(i), "police_uk_category": "Robbery", "location": loc}
        for i, loc in enumerate(locations)
    ]
    f.write_text("".join(json.dumps(r) + "\n" for r in rows))
    out = io.StringIO()
    assert (
        main(["classify", str(f), "--summary", "json", "-o", str(tmp_path / "o.jsonl")], stdout=out)
        == 0
    )
    s: dict[str, object] = json.loads(out.getvalue())
    return s


def test_a_county_code_is_counted_in_no_district(tmp_path: Path) -> None:
    s = summary(tmp_path, ["E10000031", "E07000222", "E01031180"])
    assert s["no_district"] == 1
    assert s["by_district"]["Warwick"] == 1  # type: ignore[index]
    assert s["inside_area"] == 3


def test_the_text_summary_says_so(tmp_path: Path) -> None:
    f = tmp_path / "i.jsonl"
    f.write_text('{"id": "a", "police_uk_category": "Robbery", "location": "E10000031"}\n')
    out = io.StringIO()
    main(["classify", str(f), "-o", str(tmp_path / "o.jsonl")], stdout=out)
    assert "  (located in no single district)          1" in out.getvalue()


@settings(max_examples=25, deadline=None)
@given(st.lists(st.sampled_from(CODES), min_size=1, max_size=12))
def test_every_row_is_counted_once(locations: list[str]) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as d:
        s = summary(Path(d), locations)
    by_district = sum(s["by_district"].values())  # type: ignore[attr-defined]
    assert by_district + s["no_district"] + s["unlocated"] == s["rows_out"]  # type: ignore[operator]
    assert s["inside_area"] + s["outside_area"] + s["unlocated"] == s["rows_out"]  # type: ignore[operator]
