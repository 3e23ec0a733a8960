"""A police.uk file of a force whose area covers none of the partnership's is named (mend50b).

users50 gave ``svduty classify`` a folder of Warwickshire Police's 2019-01 and 2025-06 with
West Mercia Police's 2025-06, against Warwickshire: 8,892 rows lay in West Mercia's
districts and nothing said a file of another force was given, because
``FORCE-AREA-ELSEWHERE`` compares totals (8,892 rows elsewhere < 8,965 inside). Each file
says whose it is in its "Falls within" ("at present, also the force that provided the
data", police.uk's about page); a file of a force whose police area (Police Act 1996
s.1(2)) covers no part of the partnership's area is now named with its force
(``FILE-OF-OTHER-FORCE``) in the text and JSON summaries and on the report's page. The
partnership's own force's file is not, whatever its rows; neither is British Transport
Police's (no police area: the railways).
"""

from __future__ import annotations

import io
import json
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

import svduty
from svduty.areas._national import police_force_names
from svduty.cli import main
from svduty.io import sample_police_uk
from svduty.io._forces import files_of_other_forces, police_area_of

WARWICKSHIRE = ("E07000218", "E07000219", "E07000220", "E07000221", "E07000222")


def _month(folder: Path, name: str, force: str, rows: int = 40) -> Path:
    """The first ``rows`` of the Warwickshire sample as a month of ``force``."""
    header, *lines = sample_police_uk().read_text(encoding="utf-8").splitlines(keepends=True)
    said = [line.replace("Warwickshire Police", force) for line in lines[:rows]]
    path = folder / name
    path.write_text(header + "".join(said), encoding="utf-8")
    return path


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "months"
    folder.mkdir()
    (folder / "2025-06-warwickshire-street.csv").write_bytes(sample_police_uk().read_bytes())
    _month(folder, "2025-06-west-mercia-street.csv", "West Mercia Police")
    return folder


def test_a_folder_mixing_another_forces_month_names_that_file_and_force(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    other = str(folder / "2025-06-west-mercia-street.csv")
    out = io.StringIO()
    assert main(["classify", str(folder), "--summary", "json"], stdout=out) == 0
    summary = json.loads(out.getvalue())
    assert summary["warnings"]["FILE-OF-OTHER-FORCE"] == 1  # one file (not rows)
    assert "FORCE-AREA-ELSEWHERE" not in summary["warnings"]  # the totals say nothing
    assert summary["other_force_files"] == [{"file": other, "force": "West Mercia Police"}]
    assert summary["rows_in"] == summary["rows_out"] + summary["rejected"]
    text = io.StringIO()
    assert main(["classify", str(folder)], stdout=text) == 0
    (line,) = [x for x in text.getvalue().splitlines() if "(FILE-OF-OTHER-FORCE)" in x]
    assert line.startswith("warning: 1 file(s): of a police force whose police area covers no")
    assert line.endswith(f"(FILE-OF-OTHER-FORCE): {other} (West Mercia Police)")


def test_the_report_says_it_on_its_page_and_in_its_summary(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    report = svduty.report(folder)
    (note,) = [n for n in report.notes if "West Mercia Police" in n]
    assert note.startswith(f"{folder / '2025-06-west-mercia-street.csv'} is a month of West")
    assert "covers no part of the partnership's" in note
    assert report.summary.warnings["FILE-OF-OTHER-FORCE"] == 1
    assert "is a month of West Mercia Police" in report.html


def test_the_partnerships_own_force_is_not_named_nor_is_british_transport_police(
    tmp_path: Path,
) -> None:
    own = _month(tmp_path, "own.csv", "Warwickshire Police")
    railways = _month(tmp_path, "btp.csv", "British Transport Police")
    assert files_of_other_forces([own, railways], WARWICKSHIRE) == ()
    out = io.StringIO()
    assert main(["classify", str(sample_police_uk()), "--summary", "json"], stdout=out) == 0
    assert json.loads(out.getvalue())["other_force_files"] == []
    assert "FILE-OF-OTHER-FORCE" not in json.loads(out.getvalue())["warnings"]


def test_an_area_of_two_forces_names_neither_and_an_unknown_district_names_none(
    tmp_path: Path,
) -> None:
    mercia = _month(tmp_path, "m.csv", "West Mercia Police")
    ireland = _month(tmp_path, "ni.csv", "Police Service of Northern Ireland")
    assert files_of_other_forces([mercia], [*WARWICKSHIRE, "E06000051"]) == ()  # Shropshire
    assert [f for f, _ in files_of_other_forces([mercia, ireland], WARWICKSHIRE)] == [
        str(mercia),
        str(ireland),
    ]
    # a district whose police area the table does not give: the area's forces are not known
    assert files_of_other_forces([mercia], [*WARWICKSHIRE, "E07000999"]) == ()


_AREAS = sorted(set(police_force_names().values()))
_SUFFIXES = ("Police", "Constabulary", "Police Service", "Service")


@given(st.sampled_from(_AREAS), st.sampled_from(_SUFFIXES), st.randoms(use_true_random=False))
def test_a_force_name_gives_its_area_whatever_its_case_and_spacing(
    area: str, suffix: str, rnd: object
) -> None:
    import random

    assert isinstance(rnd, random.Random)
    shown = area if ", " not in area else " ".join(reversed(area.split(", ", 1)))
    said = "".join(c.upper() if rnd.random() < 0.5 else c.lower() for c in f"{shown} {suffix}")
    said = said.replace(" ", "  " if rnd.random() < 0.5 else " ")
    assert police_area_of(said) == area
    assert police_area_of(said.replace("&", "and")) == area
