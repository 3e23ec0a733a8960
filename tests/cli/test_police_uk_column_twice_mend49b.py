"""A police.uk column given twice is named: police.uk's column names are public (mend49b).

Before mend49b a police.uk month with a column repeated (``Month`` as a 13th column) was
refused as "column 13 (its name not shown)", though police.uk's header is its published
schema, not personal data. Now a repeated police.uk column is named; a repeated name that
is none of police.uk's (it could be anything, a person's name too) is still not shown.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from svduty.cli import main
from svduty.io import POLICE_UK_COLUMNS

BUNDLE = Path(__file__).parents[1] / "data" / "example-bundle"
ROW = (
    "abc,2025-06,Warwickshire Police,Warwickshire Police,-1.5,52.3,On or near X,"
    "E01031180,Rugby 001A,Violence and sexual offences,,"
)


def _classify(path: Path, tmp_path: Path) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    argv = ["classify", str(path), "--partnership", str(BUNDLE)]
    code = main([*argv, "-o", str(tmp_path / "o.csv")], stdout=out, stderr=err)
    return code, err.getvalue()


@pytest.mark.parametrize("name", POLICE_UK_COLUMNS)
def test_a_police_uk_column_twice_is_named(tmp_path: Path, name: str) -> None:
    path = tmp_path / "month.csv"
    path.write_text(",".join([*POLICE_UK_COLUMNS, name]) + "\n" + ROW + ",x\n")
    code, err = _classify(path, tmp_path)
    assert code == 1, err
    assert f"month.csv: {name}: expected one column per name" in err, err
    assert "not shown" not in err, err


def test_another_name_twice_is_still_not_shown(tmp_path: Path) -> None:
    path = tmp_path / "month.csv"
    path.write_text(",".join([*POLICE_UK_COLUMNS, "Jane Citizen", "Jane Citizen"]) + "\n")
    code, err = _classify(path, tmp_path)
    assert code == 1, err
    assert "column 14 (its name not shown): expected one column per name" in err, err
    assert "Jane" not in err, err
