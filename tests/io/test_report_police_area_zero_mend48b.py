"""The report lists the area's own police area with 0, as it lists its districts (mend48b).

users48 found a report whose area held no row (the City of London's bundle given
Warwickshire's month) saying "(none)" in "Rows by police area (rows inside the area)",
where "Rows by district" and "Rows by community safety partnership" list the area's own
with 0: a reader took the police area as not counted. Each police area of the area's
districts now has its ``inside`` row, of zeros where no row lies in it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import svduty
from svduty._report._build import report
from svduty.io import sample_police_uk


@pytest.fixture(scope="module")
def city_of_london(tmp_path_factory: pytest.TempPathFactory) -> svduty.Partnership:
    path = Path(tmp_path_factory.mktemp("init")) / "col"
    svduty.new_bundle(path, ["E09000001"])
    return svduty.load_partnership(path)


def test_an_area_with_no_row_lists_its_police_area_with_zero(
    city_of_london: svduty.Partnership,
) -> None:
    r = report(sample_police_uk(), partnership=city_of_london)
    inside = [x for x in r.tables["by_police_area"].to_pylist() if x["within_area"] == "inside"]
    assert [(x["police_area"], x["rows"], x["possible"]) for x in inside] == [
        ("London, City of", 0, 0)
    ]
    caption = "Rows by police area (rows inside the area)"
    table = r.html[r.html.index(caption) :].split("</table>")[0]
    assert "(none)" not in table
    assert "<td>London, City of</td>" in table


def test_police_areas_with_rows_are_counted_once() -> None:
    """Warwickshire's three local police areas hold rows: no zero row is added beside them."""
    r = report(sample_police_uk())
    inside = [x for x in r.tables["by_police_area"].to_pylist() if x["within_area"] == "inside"]
    names = [x["police_area"] for x in inside]
    assert len(names) == len(set(names)) == 3
    assert all(x["rows"] > 0 for x in inside)
    assert sum(x["rows"] for x in inside) == r.summary.inside_area
