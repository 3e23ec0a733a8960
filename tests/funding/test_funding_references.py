"""``svduty validate`` refuses funding data that later fails or is never checked.

A project serving an action the strategy does not have, or a duty the Act does not
impose, validated and then broke ``Strategy.trace`` (naming no file) or dropped out of the
summaries; a negative population validated and broke the split; a stated total
population was read and never compared (a hostile review).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from svduty._commands.validate import checked
from svduty._data import data

_SERVES = 'serves = ["11-16-whole-school-approach", '


def _bundle(tmp_path: Path, old: str, new: str) -> Path:
    folder = tmp_path / "b"
    shutil.copytree(data("warwickshire"), folder)
    f = folder / "funding.toml"
    text = f.read_text()
    assert old in text
    f.write_text(text.replace(old, new, 1))
    return folder


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        (_SERVES, 'serves = ["no-such-thing", ', "projects[4].serves[0]"),
        ('duties = ["s.8(3)(c)"]', 'duties = ["s.999(9)"]', "projects[1].duties[0]"),
        ("value = 65000,", "value = -65000,", "populations[0].parts[0].value"),
        ("value = 596800", "value = -1", "population_total.value"),
        # beyond any local population (hostile review, 38th): accepted with a warning
        ("value = 65000,", "value = 1_000_000_000_000_000_000,", "populations[0].parts[0].value"),
        ("value = 596800", "value = 100_000_001", "population_total.value"),
    ],
)
def test_a_reference_or_a_count_that_cannot_be_is_a_problem(tmp_path, old, new, field):
    problems, _ = checked(_bundle(tmp_path, old, new))
    assert [p.field for p in problems] == [field]
    assert problems[0].file.endswith("funding.toml")


def test_a_stated_total_population_the_parts_do_not_make_is_a_warning(tmp_path):
    problems, warnings = checked(_bundle(tmp_path, "value = 596800", "value = 0"))
    assert problems == []
    (w,) = [w for w in warnings if w.field == "population-total"]
    assert "stated population 0 does not equal" in w.what()
