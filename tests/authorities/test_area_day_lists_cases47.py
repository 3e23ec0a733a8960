"""The lists of an area's authorities on a day it was no local government area (cases47).

s.11(4)(a): a local government area in England is "a district, a London borough, the City
of London or the Isles of Scilly"; s.11(6): a Schedule 1 authority "is an authority for the
local government area ... listed in the corresponding entry". Cumberland (E06000063) became
a district on 1 April 2023 (the Cumbria (Structural Changes) Order 2022); before that day
its land was Allerdale's, Carlisle's and Copeland's. ``specified_authorities_for`` already
answered ``no`` for Cumberland on 1 February 2023 (s.11(4)), but
``Authorities.specified_for`` (and ``for_area``, ``relevant_for``) listed Allerdale,
Carlisle and Copeland councils, Cumbria County Council and the others as Cumberland's
specified authorities that day: a council for an area that did not exist yet, against the
rule's own answer.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import svduty
from svduty.authorities import (
    Absence,
    Authorities,
    Authority,
    AuthorityCategory,
    specified_authorities_for,
)
from svduty.periods import Period
from svduty.sources import cite


@pytest.fixture(scope="module")
def cumberland(tmp_path_factory: pytest.TempPathFactory) -> svduty.Partnership:
    folder = svduty.new_bundle(tmp_path_factory.mktemp("init") / "cumberland", ["E06000063"])
    return svduty.load_partnership(Path(folder))


@pytest.mark.parametrize("day", ["2023-01-31", "2023-02-01", "2023-03-31"])
def test_no_specified_authority_for_cumberland_before_it_existed(
    cumberland: svduty.Partnership, day: str
) -> None:
    auths = cumberland.authorities
    assert specified_authorities_for(auths, "E06000063", on=day).verdict.value == "no"
    assert auths.specified_for("E06000063", on=day) == ()
    assert auths.for_area("E06000063", on=day) == ()


def test_cumberlands_own_authorities_from_the_day_it_existed(
    cumberland: svduty.Partnership,
) -> None:
    auths = cumberland.authorities
    ids = {a.id for a in auths.specified_for("E06000063", on="2023-04-01")}
    assert "cumberland-council" in ids
    assert not ids & {"allerdale-council", "carlisle-council", "cumbria-county-council"}
    answer = specified_authorities_for(auths, "E06000063", on="2023-04-01")
    assert set(answer.subjects) == ids


def test_the_list_agrees_with_the_answer_on_every_day_of_the_change(
    cumberland: svduty.Partnership,
) -> None:
    auths = cumberland.authorities
    for day in ("2023-03-30", "2023-03-31", "2023-04-01", "2023-04-02", "2024-06-01"):
        answer = specified_authorities_for(auths, "E06000063", on=day)
        listed = tuple(a.id for a in auths.specified_for("E06000063", on=day))
        assert listed == answer.subjects, day


_SCH2 = cite("pcsc-act-2022", "Sch 2")


def _school_in_new_unitary() -> Authorities:
    school = Authority(
        "school",
        "Governing body of a school",
        AuthorityCategory.EDUCATIONAL_AUTHORITY,
        ("E06000063",),
        _SCH2,
    )
    periods = {"E06000063": [Period("2023-04-01")]}.get
    return Authorities((school,)).with_districts_within(lambda c: (c,)).with_area_periods(periods)


def test_relevant_authorities_listed_only_while_the_area_is_one() -> None:
    auths = _school_in_new_unitary()
    assert auths.relevant_for("E06000063", on="2023-02-01") == ()
    assert [a.id for a in auths.relevant_for("E06000063", on="2023-04-01")] == ["school"]
    assert [a.id for a in auths.relevant_for("E06000063")] == ["school"]  # no day: as given


def test_an_area_with_no_recorded_period_is_listed_as_before() -> None:
    auths = _school_in_new_unitary()
    absent = Absence(AuthorityCategory.PRISON_AUTHORITY, ("E07000901",), _SCH2)
    auths = (
        Authorities(
            (
                *auths.items,
                Authority(
                    "s2", "S2", AuthorityCategory.EDUCATIONAL_AUTHORITY, ("E07000901",), _SCH2
                ),
            ),
            (absent,),
        )
        .with_districts_within(lambda c: (c,))
        .with_area_periods({"E06000063": [Period("2023-04-01")]}.get)
    )
    assert [a.id for a in auths.relevant_for("E07000901", on="2023-02-01")] == ["s2"]
