"""``svduty validate`` of a county code the national tables do not hold (diff44).

realdata44 made ``validate`` name what holds the place of a district code that ceased in
2019-2021 (``BUNDLE-ONS``), and its CHANGELOG entry lists county codes (``E10000021``,
Northamptonshire) beside them; but the check read district and unitary codes only, so a
county record with a ceased or mistyped code was accepted without a word ("nb: ok").
"""

from __future__ import annotations

from pathlib import Path

import pytest

from svduty.io import check_completeness, load_partnership, new_bundle


def _with_county(tmp_path: Path, code: str) -> list[str]:
    path = new_bundle(tmp_path / "rugby", ["E07000220"])  # Warwickshire: E10000031
    for f in path.glob("*.toml"):
        f.write_text(f.read_text("utf-8").replace("E10000031", code), "utf-8")
    return [
        f.message
        for f in check_completeness(load_partnership(path))
        if f.rule == "BUNDLE-ONS" and f.subjects == (code,)
    ]


@pytest.mark.parametrize(
    ("code", "said"),
    [
        ("E10000021", "ceased on 2021-04-01 (the Northamptonshire (Structural Changes) Order"),
        ("E10000002", "ceased on 2020-04-01 (the Buckinghamshire (Structural Changes) Order"),
        ("E10000006", "Cumbria's county code until 2023-04-01: its area is now Cumberland"),
        ("E10009999", "a mistyped code, or an area that ceased before them"),
    ],
)
def test_a_county_code_not_in_the_tables_is_said(tmp_path: Path, code: str, said: str) -> None:
    (message,) = _with_county(tmp_path, code)
    assert message.startswith(f"{code} (Warwickshire) is not a county of the national ONS ")
    assert said in message


def test_a_county_code_in_the_tables_says_nothing(tmp_path: Path) -> None:
    assert _with_county(tmp_path, "E10000031") == []


@pytest.mark.parametrize("area", ["E06000065", "E06000063", "E06000066"])
def test_a_starting_bundle_of_a_reorganised_area_validates_without_a_warning(
    tmp_path: Path, area: str
) -> None:
    """law48b's ``init`` records the county until 1 April 2023 (diff48).

    North Yorkshire's, Cumbria's and Somerset's county areas are records of a starting bundle
    that end on 1 April 2023 (SI 2022/328 art 4(a), SI 2022/331, SI 2022/329); ``svduty
    validate`` warned of each as "not a county of the national ONS tables", of a bundle
    ``svduty init`` had just written. A record that ends by that day says what the warning
    said; one recorded as current is still warned of (above).
    """
    path = new_bundle(tmp_path / "b", [area])
    findings = check_completeness(load_partnership(path))
    assert [f.message for f in findings if f.rule == "BUNDLE-ONS"] == []
