"""Areas abolished in 2019-2021, asked about where the bundle holds no record of them (mend48b).

s.11(4): a local government area in England is "a district, a London borough, the City of
London or the Isles of Scilly". The Buckinghamshire (Structural Changes) Order 2019 (SI
2019/957) art 4(1): "On 1st April 2020 (a) the districts are abolished as local government
areas" (Aylesbury Vale among them). From the day an order abolished an area, no authority
was one for it (s.11(6)); svduty's packaged record of those orders
(``svduty.areas._earlier``) says so where the bundle is silent.
"""

from __future__ import annotations

import datetime as _dt

from hypothesis import given
from hypothesis import strategies as st

from svduty.areas._earlier import earlier_areas
from svduty.authorities import (
    Authorities,
    Authority,
    AuthorityCategory,
    Role,
    specified_authorities_for,
)
from svduty.authorities._area_record import not_one_on
from svduty.periods import Period
from svduty.sources import cite

_C = cite("pcsc-act-2022", "Sch 1")
_ABOLISHED = sorted(c for c in earlier_areas() if not c.startswith("E10"))  # counties: never LGAs


def _recorded(code: str, periods: dict[str, list[Period]] | None = None) -> Authorities:
    """A council and a school recorded for ``code``, with the bundle's area periods."""
    council = Authority("old", "Old council", AuthorityCategory.DISTRICT_COUNCIL, (code,), _C)
    school = Authority(
        "school",
        "A school",
        AuthorityCategory.EDUCATIONAL_AUTHORITY,
        (code,),
        cite("pcsc-act-2022", "Sch 2"),
    )
    known = periods or {}
    return (
        Authorities((council, school))
        .with_districts_within(lambda c: (c,))
        .with_area_periods(known.get)
    )


def test_no_authority_is_listed_for_aylesbury_vale_after_its_abolition() -> None:
    auths = _recorded("E07000004")
    assert auths.for_area("E07000004", on="2024-06-01") == ()
    assert auths.for_area("E07000004", role=Role.RELEVANT_AUTHORITY, on="2024-06-01") == ()
    # the day before it ceased, svduty does not say it was none: the bodies recorded stand
    assert [a.id for a in auths.for_area("E07000004", on="2020-03-31")] == ["old", "school"]


def test_the_bundles_own_record_of_the_area_is_read_first() -> None:
    """A bundle that records the area's periods is answered from them, as for any area."""
    auths = _recorded("E07000004", {"E07000004": [Period("1974-04-01", "2020-04-01")]})
    answer = specified_authorities_for(auths, "E07000004", on="2024-06-01")
    assert answer.verdict.value == "no"
    assert "its record holds 1974-04-01 to 2020-03-31" in answer.reasons[-1].says


@given(code=st.sampled_from(_ABOLISHED), days=st.integers(min_value=-4000, max_value=4000))
def test_an_abolished_area_is_none_from_the_day_it_ceased(code: str, days: int) -> None:
    area = earlier_areas()[code]
    day = area.ceased + _dt.timedelta(days=days)
    assert not_one_on(lambda c: None, code, day) is (day >= area.ceased)


@given(
    code=st.sampled_from(_ABOLISHED),
    day=st.dates(min_value=_dt.date(2023, 1, 31), max_value=_dt.date(2040, 12, 31)),
)
def test_every_day_of_the_duty_is_no_for_an_abolished_area_cited_to_its_order(
    code: str, day: _dt.date
) -> None:
    area = earlier_areas()[code]
    answer = specified_authorities_for(_recorded(code), code, on=day)
    assert answer.verdict.value == "no", answer.explain()
    assert answer.subjects == ()
    (why,) = answer.reasons
    assert why.rule == "s.11(4)"
    assert why.citation == area.citation
    assert area.name in why.says


@given(code=st.sampled_from(_ABOLISHED))
def test_asked_of_no_day_an_abolished_area_leaves_the_day_missing(code: str) -> None:
    answer = specified_authorities_for(_recorded(code), code)
    assert answer.verdict.value == "undetermined", answer.explain()
    assert any(m.startswith("on (the day asked") and code in m for m in answer.missing)
