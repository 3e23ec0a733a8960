"""Two records of one fire and rescue area, or of one police area, asked of no day (law51).

FRSA 2004 s.1(1): "The fire and rescue authority for an area is the authority determined
under this section"; Police Act 1996 s.2(1): "A police force shall be maintained for every
police area for the time being listed in Schedule 1". Asked of a day, two undoubted records
that hold on it contradict (recheck49b, law50). Asked of no day (svduty assumes no today)
the answer was ``yes`` listing both, whether or not their periods meet: an answer no day
gives. Now, by one mechanism for both (``contradicting_days``), records that meet,
undoubted, on a day since 31 January 2023 are a contradiction named with those days, and
records that never meet are none (the day is missing only as an ending record makes it).
The case file is ``tests/cases/authorities/law51.toml``.
"""

from __future__ import annotations

import datetime as _dt
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from svduty.answers import Answer
from svduty.authorities import (
    Authorities,
    Authority,
    AuthorityCategory,
    InDoubt,
    specified_authorities_for,
)
from svduty.periods import Period, date
from svduty.sources import cite

FIRE = AuthorityCategory.FIRE_AND_RESCUE_AUTHORITY
POLICE = AuthorityCategory.CHIEF_OFFICER_OF_POLICE
AREA = {FIRE: "E31000099", POLICE: "E23000901"}
IN_FORCE = _dt.date(2023, 1, 31)
WITHIN = {"E31000099": ["E07000901"], "E23000901": ["E07000901"], "E07000901": ["E07000901"]}


def _record(
    ident: str, category: AuthorityCategory, valid: Period, doubt: Period | None
) -> Authority:
    return Authority(
        ident,
        ident.upper(),
        category,
        (AREA[category],),
        cite("pcsc-act-2022", "Sch 1"),
        nation="england",
        valid=valid,
        in_doubt=None if doubt is None else InDoubt(doubt, cite("si-2023-1432", "art 1(2)")),
    )


def _ask(records: list[Authority], on: _dt.date | None) -> Answer:
    auths = Authorities(tuple(records)).with_districts_within(WITHIN.__getitem__)
    return specified_authorities_for(auths, "E07000901", on=on)


def _conflicts(answer: Answer) -> list[str]:
    return [m for m in answer.missing if m.endswith("the records contradict")]


def _span(missing: str) -> tuple[_dt.date, _dt.date | None]:
    """The first and last day a no-day contradiction names (``None``: onwards; one day alone)."""
    found = re.search(r" on (\d{4}-\d\d-\d\d)(?: to (\d{4}-\d\d-\d\d)|( onwards))? \(", missing)
    assert found, missing
    first = date(found.group(1))
    return first, None if found.group(3) else date(found.group(2) or found.group(1))


@pytest.mark.parametrize("category", [FIRE, POLICE])
def test_records_that_meet_contradict_asked_of_no_day(category: AuthorityCategory) -> None:
    """Fails before law51: ``yes`` listing both records."""
    one = _record("one", category, Period("2010-04-01"), None)
    two = _record("two", category, Period("2024-01-01"), None)
    answer = _ask([one, two], None)
    assert answer.undetermined, answer.explain()
    (conflict,) = _conflicts(answer)
    assert _span(conflict) == (date("2024-01-01"), None)
    law = {FIRE: ("frsa-2004", "s.1(1)"), POLICE: ("police-act-1996", "s.2(1)")}[category]
    assert law in {(r.citation.source.id, r.citation.provision) for r in answer.reasons}


@pytest.mark.parametrize("category", [FIRE, POLICE])
def test_records_that_never_meet_are_no_contradiction(category: AuthorityCategory) -> None:
    one = _record("one", category, Period("2010-04-01", "2024-01-01"), None)
    two = _record("two", category, Period("2024-01-01"), None)
    answer = _ask([one, two], None)
    assert answer.undetermined
    assert not _conflicts(answer)
    assert [m for m in answer.missing if m.startswith("on (the day asked")], answer.missing


_days = st.dates(_dt.date(2022, 6, 1), _dt.date(2026, 12, 31))


@st.composite
def _periods(draw: st.DrawFn) -> tuple[Period, Period | None]:
    start = draw(_days)
    end = draw(st.one_of(st.none(), _days.filter(lambda d: d > start)))
    valid = Period(start, end)
    doubt = None
    if draw(st.booleans()):
        last = end or _dt.date(2027, 1, 1)
        a = draw(st.dates(start, last - _dt.timedelta(days=1)))
        b = draw(st.dates(a + _dt.timedelta(days=1), last))
        doubt = Period(a, b)
    return valid, doubt


@given(st.sampled_from([FIRE, POLICE]), _periods(), _periods(), _days)
def test_the_no_day_answer_agrees_with_every_day(
    category: AuthorityCategory,
    first: tuple[Period, Period | None],
    second: tuple[Period, Period | None],
    day: _dt.date,
) -> None:
    """Monotone in the day: a day on which the records contradict lies in the days the
    no-day answer names (so it is never ``yes``), and each named run's first day is a
    contradiction when asked of; a no-day ``yes`` stays free of contradiction on every day."""
    records = [_record("one", category, *first), _record("two", category, *second)]
    none = _ask(records, None)
    spans = [_span(m) for m in _conflicts(none)]
    for start, _ in spans:
        assert start >= IN_FORCE
        assert _conflicts(_ask(records, start)), (records, start)
    if day < IN_FORCE:
        return
    on_day = _conflicts(_ask(records, day))
    inside = any(s <= day and (e is None or day <= e) for s, e in spans)
    assert bool(on_day) is inside, (records, day, none.missing)
    if on_day:
        assert not none.yes


@pytest.mark.parametrize("category", [FIRE, POLICE])
def test_records_that_meet_on_one_day_name_that_day_alone(category: AuthorityCategory) -> None:
    """The day the Chapter came into force alone: "on 2023-01-31", not "on 2023-01-31 to
    2023-01-31" (recheck51b's case 3; the lead)."""
    one = _record("one", category, Period("2010-04-01", "2023-02-01"), None)
    two = _record("two", category, Period("2023-01-31"), None)
    (conflict,) = _conflicts(_ask([one, two], None))
    assert " on 2023-01-31 (" in conflict
    assert _span(conflict) == (date("2023-01-31"), date("2023-01-31"))
