"""users56: ``svduty classify`` of a police.uk month before the Duty warned twice for each
row: ``MONTH-BEFORE-DUTY`` (SI 2022/1227 reg 4: outside the Duty's time, whatever the
partnership's period) and ``MONTH-OUTSIDE-PERIOD`` too, where ``svduty report`` says it
once. Each row is warned of once now; a month after the Duty outside the partnership's
period is still ``MONTH-OUTSIDE-PERIOD``."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import svduty

from ..cli_run import run
from ..conftest import MONTHS_DIR

_EARLY = MONTHS_DIR / "2019-01-warwickshire-street.csv"  # 4,486 rows of January 2019


def _rows(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines()) - 1


def test_a_month_before_the_duty_is_warned_of_once(tmp_path: Path) -> None:
    code, out, _ = run("classify", _EARLY, "--summary", "json")
    assert code == 0
    assert json.loads(out)["warnings"] == {"MONTH-BEFORE-DUTY": _rows(_EARLY)}
    code, out, _ = run("classify", _EARLY)
    warnings = [x for x in out.splitlines() if x.startswith("warning: ")]
    assert [x.rsplit(" ", 1)[1] for x in warnings] == ["(MONTH-BEFORE-DUTY)"]


def test_with_a_month_after_the_duty_each_is_warned_of_its_own(tmp_path: Path) -> None:
    """January 2019 before the Duty, June 2025 after the agreement's period (to March 2025)."""
    folder = tmp_path / "months"
    folder.mkdir()
    late = svduty.sample_path("policeuk-month")
    for f in (_EARLY, late):
        shutil.copy(f, folder / f.name)
    code, out, _ = run("classify", folder, "--summary", "json")
    assert code == 0
    assert json.loads(out)["warnings"] == {
        "MONTH-BEFORE-DUTY": _rows(_EARLY),
        "MONTH-OUTSIDE-PERIOD": _rows(late),
    }


def test_a_period_begun_before_the_duty_changes_nothing(tmp_path: Path) -> None:
    """A bundle whose area's period holds January 2019: the month is still before the Duty."""
    bundle = tmp_path / "w"
    shutil.copytree(svduty.sample_path("warwickshire-bundle"), bundle)
    areas = bundle / "areas.toml"
    text = areas.read_text(encoding="utf-8")
    old = 'valid = { start = "2023-01-31", last_day = "2025-03-31" }'
    assert old in text
    areas.write_text(text.replace(old, 'valid = { start = "2018-04-01" }'), encoding="utf-8")
    code, out, _ = run("classify", _EARLY, "--partnership", bundle, "--summary", "json")
    assert code == 0
    assert json.loads(out)["warnings"] == {"MONTH-BEFORE-DUTY": _rows(_EARLY)}
