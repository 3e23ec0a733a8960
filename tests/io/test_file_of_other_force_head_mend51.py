"""A police.uk file's force is what most of its first rows say, not its first row (mend51).

``FILE-OF-OTHER-FORCE`` (mend50b) read each file's "Falls within" from its first data row
alone. A file joined by hand from two forces' rows was then judged by whichever came
first: its first row West Mercia Police's and the rest Warwickshire Police's, it was named
"a month of West Mercia Police" against Warwickshire; its first row Warwickshire's and the
rest West Mercia's, it was not named. The rows of the head already read (8 KiB, about 35
rows of the packaged month) now vote: the force most of them fall within.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from svduty.cli import main
from svduty.io import sample_police_uk
from svduty.io._forces import files_of_other_forces

WARWICKSHIRE = ("E07000218", "E07000219", "E07000220", "E07000221", "E07000222")
_OWN, _OTHER = "Warwickshire Police", "West Mercia Police"


def _file(path: Path, forces: list[str]) -> Path:
    """The packaged month's first rows, the n-th falling within ``forces[n]``."""
    header, *lines = sample_police_uk().read_text(encoding="utf-8").splitlines(keepends=True)
    said = [line.replace(_OWN, force) for line, force in zip(lines, forces, strict=False)]
    path.write_text(header + "".join(said), encoding="utf-8")
    return path


def test_a_first_row_of_another_force_does_not_make_the_file_its(tmp_path: Path) -> None:
    mixed = _file(tmp_path / "mixed.csv", [_OTHER] + [_OWN] * 30)
    assert files_of_other_forces([mixed], WARWICKSHIRE) == ()
    out = io.StringIO()
    assert main(["classify", str(mixed), "--summary", "json"], stdout=out) == 0
    assert json.loads(out.getvalue())["other_force_files"] == []


def test_a_file_mostly_of_another_force_is_named_whatever_its_first_row(tmp_path: Path) -> None:
    mixed = _file(tmp_path / "mixed.csv", [_OWN] + [_OTHER] * 30)
    assert files_of_other_forces([mixed], WARWICKSHIRE) == ((str(mixed), _OTHER),)
    out = io.StringIO()
    assert main(["classify", str(mixed), "--summary", "json"], stdout=out) == 0
    summary = json.loads(out.getvalue())
    assert summary["other_force_files"] == [{"file": str(mixed), "force": _OTHER}]
    assert summary["warnings"]["FILE-OF-OTHER-FORCE"] == 1


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from([_OWN, _OTHER]), min_size=1, max_size=30))
def test_named_exactly_when_most_of_its_first_rows_are_the_other_forces(
    tmp_path_factory: pytest.TempPathFactory, forces: list[str]
) -> None:
    path = _file(tmp_path_factory.mktemp("head") / "m.csv", forces)
    own, other = forces.count(_OWN), forces.count(_OTHER)
    named = other > own or (other == own and forces[0] == _OTHER)  # a tie: the first seen
    assert files_of_other_forces([path], WARWICKSHIRE) == (((str(path), _OTHER),) if named else ())
