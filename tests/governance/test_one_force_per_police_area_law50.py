"""One police force for each police area, not for each local government area (law50).

The Police Act 1996 gives each *police area* one force: "A police force shall be maintained
for every police area" (s.2(1)), its chief officer "the chief constable" (s.101(1)). The
PCSC Act 2022 s.11(6) makes a Schedule 1 authority a specified authority "for the local
government area or (as the case may be) each local government area listed in the
corresponding entry in the second column of the table": nothing in s.11 gives a local
government area one chief officer of police. A what-if that makes a new area lie in two
police areas (districts of two forces merged into one unitary) leaves it with two chief
officers of police, each for its own police area and each a specified authority for it:
``GOV-SCHEDULE-1`` called that "the law gives one police force ... for each police area"
and an error. Two records for the *same* police area are still one (policy42b); an area
lying in two integrated care boards has both (North Yorkshire: three), and
``specified_authorities_for`` lists every one.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import attrs

import svduty
from svduty.authorities import Authority, AuthorityCategory, specified_authorities_for
from svduty.governance._one_per_area import one_per_area
from svduty.io import load_authorities, read_toml
from svduty.sources import cite

FIXTURE = Path(__file__).parents[1] / "cases" / "authorities" / "fixture.toml"

NEW = "E06000999"  # a unitary made of Rugby (Warwickshire police) and Coventry (West Midlands)
P = svduty.warwickshire()
WEST_MIDLANDS = Authority(
    "west-midlands-police",
    "Chief Constable of West Midlands Police",
    AuthorityCategory.CHIEF_OFFICER_OF_POLICE,
    ("E23000014",),
    cite("pcsc-act-2022", "Sch 1"),
    nation="england",
)


def _merged(second: Authority) -> tuple[svduty.authorities.Authorities, ...]:
    """Warwickshire's authorities before Rugby and Coventry merge, and with ``second`` after."""
    auth = P.authorities
    orig = auth.districts_within
    assert orig is not None

    def before(code: str) -> Iterable[str]:
        return ["E08000026"] if code == "E23000014" else orig(code)

    def after(code: str) -> Iterable[str]:
        if code == "E23000014":
            return [NEW]
        if code == "E23000017":  # Warwickshire's police area keeps its other districts
            return [NEW, *(d for d in orig(code) if d != "E07000220")]
        return orig(code)

    return (  # ``second`` comes with the changes (as a what-if's create_authority)
        auth.with_districts_within(before),
        attrs.evolve(auth, items=(*auth.items, second)).with_districts_within(after),
    )


def test_two_forces_of_two_police_areas_over_one_new_area_are_no_finding() -> None:
    """Fails before law50: an error naming warwickshire-police and west-midlands-police."""
    before, after = _merged(WEST_MIDLANDS)
    assert one_per_area(before, after, NEW, ["E07000220", "E08000026"]) == ()


def test_two_forces_for_one_police_area_are_still_an_error() -> None:
    """Control (policy42b): a second force for Warwickshire's own police area."""
    second = attrs.evolve(WEST_MIDLANDS, id="second-police", areas=("E23000017",))
    before, after = _merged(second)
    found = one_per_area(before, after, NEW, ["E07000220", "E08000026"])
    assert [f.subjects for f in found] == [(NEW, "warwickshire-police", "second-police")]
    assert ("police-act-1996", "s.2(1)") in [(c.source.id, c.provision) for c in found[0].citations]


def test_a_local_government_area_in_two_police_areas_and_two_boards_has_both_of_each() -> None:
    """s.11(6): each chief officer and each board whose area gives the local government
    area is a specified authority for it; svduty answers ``yes`` listing both (no
    one-per-area rule applies to them, unlike fire and rescue authorities, recheck49b)."""
    data = read_toml(FIXTURE)
    geography = {**data.pop("geography"), "E23000902": ["E07000901"], "E54000902": ["E07000901"]}
    auths = load_authorities(data, file=FIXTURE.name)
    police2 = attrs.evolve(auths.get("police"), id="police2", areas=("E23000902",))
    icb2 = attrs.evolve(auths.get("icb"), id="icb2", areas=("E54000902",))
    both = attrs.evolve(auths, items=(*auths.items, police2, icb2)).with_districts_within(
        lambda code: geography[code]
    )
    for on in (None, "2024-01-01"):
        answer = specified_authorities_for(both, "E07000901", on=on)
        assert answer.yes, answer.explain()
        assert {"police", "police2", "icb", "icb2"} <= set(answer.subjects)
        assert not answer.missing
