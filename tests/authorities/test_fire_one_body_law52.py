"""Two fire and rescue authority records of one legal body are one authority (law52).

Fire and Rescue Services Act 2004 s.1(1): "The fire and rescue authority for an area is the
authority determined under this section"; s.1(2)(a): "a non-metropolitan county council is
the fire and rescue authority for the county". Two records joined by ``same_body_as`` (the
county council recorded twice in its fire capacity, or one fire authority recorded twice)
are that one authority: not a contradiction of s.1(1), on any day or asked of no day, as
chief officer records of one legal body were not since law50. Records not joined that meet
still contradict: one body is never guessed. The case file is
``tests/cases/authorities/fire-one-body-law52.toml``.
"""

from __future__ import annotations

import datetime as _dt

from hypothesis import given
from hypothesis import strategies as st

from svduty.answers import Answer
from svduty.authorities import (
    Authorities,
    Authority,
    AuthorityCategory,
    may_disclose,
    specified_authorities_for,
)
from svduty.periods import Period
from svduty.sources import cite

from ..disclosure_facts import NOTHING_FORBIDS

FIRE = AuthorityCategory.FIRE_AND_RESCUE_AUTHORITY
WITHIN = {"E31000099": ["E07000901"], "E07000901": ["E07000901"], "E10000099": ["E07000901"]}
DAYS = st.dates(_dt.date(2022, 1, 1), _dt.date(2026, 1, 1))
ASKED = st.dates(_dt.date(2023, 1, 31), _dt.date(2026, 1, 1))  # the Chapter in force


def _fire(ident: str, valid: Period, same: str | None) -> Authority:
    return Authority(
        ident,
        ident.upper(),
        FIRE,
        ("E31000099",),
        cite("pcsc-act-2022", "Sch 1"),
        nation="england",
        valid=valid,
        same_body_as=same,
    )


def _council() -> Authority:
    return Authority(
        "cc",
        "CC",
        AuthorityCategory.COUNTY_COUNCIL,
        ("E10000099",),
        cite("pcsc-act-2022", "Sch 1"),
        nation="england",
    )


def _ask(records: list[Authority], on: _dt.date | None) -> Answer:
    auths = Authorities((_council(), *records)).with_districts_within(WITHIN.__getitem__)
    return specified_authorities_for(auths, "E07000901", on=on)


def _contradicts(answer: Answer) -> bool:
    return any(m.endswith("the records contradict") for m in answer.missing)


def test_a_county_council_recorded_twice_as_fire_authority_is_one() -> None:
    """Fails before law52: undetermined, 'the records contradict'."""
    one = _fire("fra", Period("2010-04-01"), "cc")
    two = _fire("fra2", Period("2010-04-01"), "cc")
    for on in (None, _dt.date(2024, 6, 1)):
        answer = _ask([one, two], on)  # other tables' authorities not recorded: undetermined
        assert not _contradicts(answer), answer.explain()
        assert {"fra", "fra2", "cc"} <= set(answer.subjects)


@given(DAYS, DAYS, st.booleans(), st.sampled_from(("cc", "fra", None)), st.none() | ASKED)
def test_records_of_one_body_never_contradict_others_that_meet_do(
    start: _dt.date, other: _dt.date, joined: bool, same: str | None, on: _dt.date | None
) -> None:
    """Joined records (by a shared ``same_body_as`` or one naming the other) never
    contradict, asked of any day or none; records not joined that hold on the day asked do."""
    one = _fire("fra", Period(start), same if same != "fra" else None)
    link = ("fra" if same == "fra" else same) if joined else None
    if joined and link is None:
        link = "fra"
    two = _fire("fra2", Period(other), link)
    answer = _ask([one, two], on)
    if joined:
        assert not _contradicts(answer), answer.explain()
    elif on is not None and on >= max(start, other):
        assert _contradicts(answer), answer.explain()


FACTS = NOTHING_FORBIDS


@given(DAYS, DAYS, st.booleans(), ASKED)
def test_s16_between_one_areas_records_names_their_identity(
    start: _dt.date, other: _dt.date, joined: bool, on: _dt.date
) -> None:
    """s.16(1) "to another person": two records of one area's one fire and rescue authority
    (s.1(1)) both holding on the day asked are one body (joined: ``no``) or, not joined, not
    known to be two (``undetermined`` naming ``same_body_as``; was ``yes``); telling the link
    settles it, so the answer is monotone in it."""
    one = _fire("fra", Period(start), None)
    two = _fire("fra2", Period(other), "fra" if joined else None)
    answer = may_disclose(one, two, FACTS, on=on)
    both_hold = on >= max(start, other)
    if joined or not both_hold:
        assert answer.verdict.value == "no", answer.explain()
    else:
        assert answer.undetermined, answer.explain()
        assert any(m.startswith("same_body_as") for m in answer.missing)
        linked = may_disclose(one, _fire("fra2", Period(other), "fra"), FACTS, on=on)
        assert linked.verdict.value == "no"
