"""One chief officer of police for each police area in specified_authorities_for (law50).

The Police Act 1996 s.2(1): "A police force shall be maintained for every police area".
Two undoubted records of chief officers of police for the *same* police area, holding on
the day asked, say two forces for one police area: they contradict, as two fire and rescue
authorities for one area do (FRSA 2004 s.1(1), recheck49b), and the answer is undetermined
naming the contradiction. Chief officers of *different* police areas both serving a local
government area are each a specified authority for it (s.11(6)): ``yes`` listing both
(tests/governance/test_one_force_per_police_area_law50.py).
"""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

from svduty.authorities import Authorities, specified_authorities_for
from svduty.io import load_authorities, read_toml

FIXTURE = Path(__file__).parents[1] / "cases" / "authorities" / "fixture.toml"


def _fixture(**extra_geography: list[str]) -> tuple[Authorities, dict[str, list[str]]]:
    data = read_toml(FIXTURE)
    geography = {**data.pop("geography"), **extra_geography}
    return load_authorities(data, file=FIXTURE.name), geography


def _with(auths: Authorities, geography: dict[str, list[str]], *more: object) -> Authorities:
    return attrs.evolve(auths, items=(*auths.items, *more)).with_districts_within(
        lambda code: geography[code]
    )


def test_two_forces_for_one_police_area_on_a_day_contradict() -> None:
    """Fails before law50: ``yes`` listing both records as E07000901's chief officers."""
    auths, geography = _fixture()
    dup = attrs.evolve(auths.get("police"), id="police-dup", name="A second chief constable")
    answer = specified_authorities_for(_with(auths, geography, dup), "E07000901", on="2024-01-01")
    assert answer.undetermined, answer.explain()
    assert any("E23000901" in m and "contradict" in m for m in answer.missing)
    cited = [r.citation for r in answer.reasons if r.citation.source.id == "police-act-1996"]
    assert [c.provision for c in cited] == ["s.2(1)"]


@pytest.mark.parametrize("on", [None, "2024-01-01"])
def test_forces_of_two_police_areas_and_one_body_twice_do_not(on: str | None) -> None:
    auths, geography = _fixture(E23000902=["E07000901"])
    other = attrs.evolve(auths.get("police"), id="police2", areas=("E23000902",))
    same = attrs.evolve(auths.get("police"), id="police-again", same_body_as="police")
    answer = specified_authorities_for(_with(auths, geography, other, same), "E07000901", on=on)
    assert answer.yes, answer.explain()
    assert {"police", "police2"} <= set(answer.subjects)
