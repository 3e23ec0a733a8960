"""The districts abolished on 1 April 2023 as the local government areas they were (law48b).

Schedule 1: "A district council | The district"; "Any other county council in England |
Each district which falls within the council's area". The North Yorkshire (Structural
Changes) Order 2022 (SI 2022/328) art 4: "On 1st April 2023— (a) the following local
government areas are abolished— ... (iii) the borough of Harrogate". Between the Duty's
start (31 January 2023) and that day, Harrogate was a local government area (s.11(4)) and
North Yorkshire's unitary code was not.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import svduty
from svduty.authorities import local_government_areas, specified_authorities_for


@pytest.fixture(scope="module")
def north_yorkshire(tmp_path_factory: pytest.TempPathFactory) -> svduty.Partnership:
    path = Path(tmp_path_factory.mktemp("init")) / "ny"
    svduty.new_bundle(path, ["E06000065"])
    return svduty.load_partnership(path)


def test_a_ceased_district_council_is_for_its_own_district(
    north_yorkshire: svduty.Partnership,
) -> None:
    auths = north_yorkshire.authorities
    harrogate = auths.get("harrogate-council")
    assert list(local_government_areas(harrogate, auths.districts_within)) == ["E07000165"]
    county = auths.get("north-yorkshire-county-council")
    lgas = list(local_government_areas(county, auths.districts_within))
    assert len(lgas) == 7
    assert "E06000065" not in lgas


def test_harrogate_had_its_specified_authorities_until_abolition(
    north_yorkshire: svduty.Partnership,
) -> None:
    auths = north_yorkshire.authorities
    before = specified_authorities_for(auths, "E07000165", on="2023-03-31")
    assert before.yes, before.explain()
    named = {"harrogate-council", "north-yorkshire-county-council", "north-yorkshire-police"}
    assert named <= set(before.subjects)
    after = specified_authorities_for(auths, "E07000165", on="2023-04-01")
    assert after.verdict.value == "no", after.explain()
    assert "its record holds 2023-01-31 to 2023-03-31" in after.reasons[-1].says


def test_the_ceased_district_is_cited_to_the_order_that_abolished_it(tmp_path: Path) -> None:
    import tomllib

    svduty.new_bundle(tmp_path / "b", ["E06000066"])  # Somerset
    with (tmp_path / "b" / "areas.toml").open("rb") as f:
        areas = {a["code"]: a for a in tomllib.load(f)["areas"]}
    mendip = areas["E07000187"]
    assert mendip["kind"] == "district"
    assert mendip["valid"] == {"start": "2023-01-31", "end": "2023-04-01"}
    assert (mendip["citation"]["source"], mendip["citation"]["provision"]) == (
        "si-2022-329",
        "art 4(a)",
    )
    assert "E23000036" in mendip["parents"]  # Avon and Somerset's police area
