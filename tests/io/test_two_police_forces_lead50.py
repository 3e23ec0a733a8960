"""``svduty validate`` names two chief officers of police for one police area (lead50).

law50 made two undoubted chief officer records for the same police area answer
``undetermined`` (Police Act 1996 s.2(1): "A police force shall be maintained for every
police area"); validate took their missing fact for a gap: "no an authority for E07000220
(Rugby): which of ... ", once for each day the records change (review50). Now one error,
``BUNDLE-POLICE-FORCES``, naming the records and their places, as two fire and rescue
authorities are named (``BUNDLE-FIRE-AUTHORITIES``).
"""

from __future__ import annotations

from pathlib import Path

import svduty
from svduty.io import new_bundle
from svduty.io._completeness import check_completeness


def _with_copy_of_the_force(tmp_path: Path, start: str) -> Path:
    path = new_bundle(tmp_path / "rugby", ["E07000220"])
    f = path / "authorities.toml"
    text = f.read_text()
    chief = next(b for b in text.split("\n[[authorities]]") if "chief_officer_of_police" in b)
    copy = chief.replace('id = "', 'id = "copy-', 1).replace('name = "', 'name = "Copy of ', 1)
    copy = copy.replace('start = "2023-01-31"', f'start = "{start}"')
    f.write_text(text + "\n[[authorities]]" + copy)
    return path


def test_two_forces_of_one_police_area_are_one_error_naming_both(tmp_path: Path) -> None:
    found = check_completeness(
        svduty.load_partnership(_with_copy_of_the_force(tmp_path, "2024-01-01"))
    )
    rules = [f.rule for f in found]
    assert "BUNDLE-SPECIFIED" not in rules
    assert rules.count("BUNDLE-POLICE-FORCES") == 1
    (two,) = [f for f in found if f.rule == "BUNDLE-POLICE-FORCES"]
    assert "copy-warwickshire-police" in two.subjects
    assert "warwickshire-police" in two.subjects
    assert "E07000220" in two.subjects
    assert two.where.startswith("authorities.toml: authorities[")
    assert "from 2024-01-01" in two.message
    assert "s.2(1)" in two.message
    assert str(two.citations[0]) == "Police Act 1996, s.2(1)"
