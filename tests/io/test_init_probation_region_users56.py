"""users56: ``svduty init`` did not name the Probation Service's region (a new user's review).

The provider of probation services is a specified authority (Sch 1); the Probation Service
works through its own regions and probation delivery units. Other specified authorities'
areas come from the ONS tables, each cited; no table of probation regions is in the data
svduty packages, so the record's name and its unconfirmed citation say the region (and the
unit) is to fill in, never a guess: an ONS region (E12) is not named as the probation
region, nor is any other area of the bundle.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import svduty
from svduty.authorities import AuthorityCategory
from svduty.cli import main
from svduty.io._new_authorities import PROBATION_DOUBT, PROBATION_NAME


@pytest.mark.parametrize(
    "area",
    [
        "W06000015",  # Cardiff: Wales
        "E09000007",  # Camden: a London borough
        "E06000023",  # Bristol: a unitary
        "E07000220",  # Rugby: a district of a county
        "E23000021",  # Leicestershire: a police force area
        "E22000359",  # South Warwickshire: a community safety partnership
    ],
)
def test_the_probation_region_is_a_named_doubt(tmp_path: Path, area: str) -> None:
    p = svduty.load_partnership(svduty.new_bundle(tmp_path / "b", [area]))
    (probation,) = [
        a for a in p.authorities if a.category is AuthorityCategory.PROVIDER_OF_PROBATION_SERVICES
    ]
    assert probation.name == PROBATION_NAME
    assert "(region to name)" in probation.name
    assert probation.citation is not None
    assert probation.citation.confidence.value == "unconfirmed"
    assert probation.citation.doubt == PROBATION_DOUBT
    assert "region" in probation.citation.doubt
    assert "no table of probation regions" in probation.citation.doubt
    named = {a.name for a in p.geography.areas if a.kind.value in ("region", "country")}
    assert not any(n in probation.name for n in named)  # no ONS area given as the region


def test_info_says_the_region_is_to_fill_in(tmp_path: Path) -> None:
    folder = tmp_path / "cardiff"
    assert main(["init", str(folder), "--area", "Cardiff"], stdout=io.StringIO()) == 0
    out = io.StringIO()
    assert main(["info", "--partnership", str(folder)], stdout=out) == 0
    text = out.getvalue()
    assert PROBATION_NAME in text.split("Specified authorities")[1]
    doubts = text.split("Unconfirmed:")[1]
    assert f"probation-service: {PROBATION_DOUBT}" in doubts


def test_init_help_says_what_is_left_to_fill_in() -> None:
    out = io.StringIO()
    assert main(["init", "--help"], stdout=out) == 0
    said = " ".join(out.getvalue().split())
    assert "the Probation Service's region and probation delivery unit" in said
