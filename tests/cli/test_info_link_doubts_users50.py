"""info: the doubt of a district's link to an area names the district, and stands alone (users50).

``svduty info`` of a bundle ``svduty init`` started for an area the 2023 orders made
(Somerset, North Yorkshire, Cumberland, Westmorland and Furness) printed, under
"Unconfirmed":

    E23000036: valid from 31 January 2023, ... put the day it began if it matters a local
    government area (a district: s.11(4)) until the order abolished it; ...
    E54000038: a local government area (a district: s.11(4)) until the order abolished it; ...

Two doubts ran together in one sentence, and the second (the abolished districts' own, on
their links to the police force area and the integrated care board) was printed under the
police force area's and the board's codes alone, as if the Avon and Somerset police area or
NHS Somerset ICB were a district an order abolished. The JSON's ``districts_doubt`` held
the same run-on text. Now each doubt of the districts' links is its own sentence, printed
under the area with the districts it is about, and the JSON says which districts
(``districts_doubts``).
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from svduty.cli import main

ABOLISHED = "a local government area (a district: s.11(4)) until the order abolished it"
SOMERSET_DISTRICTS = ("E07000187", "E07000188", "E07000189", "E07000246")  # SI 2022/329 art 4


@pytest.fixture(scope="module")
def somerset(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("u50") / "som"
    assert main(["init", str(folder), "--area", "Somerset"], stdout=io.StringIO()) == 0
    return folder


def _info(folder: Path, *more: str) -> str:
    out = io.StringIO()
    assert main(["info", "--partnership", str(folder), *more], stdout=out) == 0
    return out.getvalue()


def test_no_two_doubts_run_together_in_one_sentence(somerset: Path) -> None:
    text = _info(somerset)
    assert "if it matters a local" not in text
    data = json.loads(_info(somerset, "--format", "json"))
    for key in ("police_force_areas", "integrated_care_boards"):
        for area in data[key]:
            assert "if it matters a local" not in area.get("districts_doubt", "")


def test_an_abolished_districts_doubt_names_the_districts_not_the_area_alone(
    somerset: Path,
) -> None:
    lines = _info(somerset).split("\nUnconfirmed:\n", 1)[1].splitlines()
    said = [line for line in lines if ABOLISHED in line]
    assert said, lines
    for line in said:
        who = line.split(": ", 1)[0]
        # the police force area and the ICB appear only with the abolished districts named
        assert not who.strip().startswith(("E23000036:", "E54000038:")), line
        assert all(code in who for code in SOMERSET_DISTRICTS), line


def test_the_json_says_which_districts_each_link_doubt_is_about(somerset: Path) -> None:
    data = json.loads(_info(somerset, "--format", "json"))
    (police,) = data["police_force_areas"]
    by_text = {d["doubt"]: d["districts"] for d in police["districts_doubts"]}
    (abolished,) = [text for text in by_text if text.startswith(ABOLISHED)]
    assert sorted(by_text[abolished]) == sorted(SOMERSET_DISTRICTS)
    assert police["districts_doubt"] == "; ".join(by_text)
