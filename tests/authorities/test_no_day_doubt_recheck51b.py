"""A record in doubt on some days, asked of no day (recheck51b).

svduty assumes no today: asked of no day, an answer is settled only where the records do
not make it depend on the day (a record that ends makes the day a missing fact, ``held``;
two that contradict on some days name those days, law51). A record in doubt on some days
(``in_doubt``: North Yorkshire's fire and rescue authority around SI 2023/1432) is
``undetermined`` asked of one of them, naming the doubt, and listed without it on the
others; asked of no day it was listed with nothing said, the answer no day gives when its
record does not end. Now the day is named as for a record that ends. The fire rule reads
FRSA 2004 s.1(1) ("The fire and rescue authority for an area is the authority determined
under this section"); the rule here is the day's, not the area's.
"""

from __future__ import annotations

import datetime as _dt

from svduty.authorities import (
    Authorities,
    Authority,
    AuthorityCategory,
    InDoubt,
    can_be_directed,
    specified_authorities_for,
)
from svduty.periods import Period
from svduty.sources import cite

FIRE = AuthorityCategory.FIRE_AND_RESCUE_AUTHORITY
DISTRICT = AuthorityCategory.DISTRICT_COUNCIL
C = cite("pcsc-act-2022", "Sch 1")
DOUBT = cite("si-2023-1432", "art 1(2)")
WITHIN = {"E31000099": ["E07000901"], "E07000901": ["E07000901"]}


def _record(ident: str, category: AuthorityCategory, area: str, doubt: Period | None) -> Authority:
    return Authority(
        ident,
        ident.upper(),
        category,
        (area,),
        C,
        nation="england",
        valid=Period("2023-01-31"),
        in_doubt=None if doubt is None else InDoubt(doubt, DOUBT),
    )


def _days(missing: tuple[str, ...]) -> list[str]:
    return [m for m in missing if m.startswith("on (the day asked")]


def test_a_record_in_doubt_from_a_day_names_the_day_asked_of_no_day() -> None:
    """Fails before recheck51b: the fire record in doubt from 2024 listed, nothing said."""
    fire = _record("fra", FIRE, "E31000099", Period("2024-01-01"))
    auths = Authorities((fire,)).with_districts_within(WITHIN.__getitem__)
    no_day = specified_authorities_for(auths, "E07000901")
    assert "fra" in no_day.subjects
    assert any("FRA is in doubt from 2024-01-01" in m for m in _days(no_day.missing)), no_day
    on_doubt = specified_authorities_for(auths, "E07000901", on=_dt.date(2024, 6, 1))
    assert any(m.startswith("whether FRA was") for m in on_doubt.missing), on_doubt.missing


def test_a_power_of_a_body_in_doubt_some_days_is_not_settled_without_the_day() -> None:
    """Fails before recheck51b: s.18's answer ``yes`` asked of no day, though asked of a day
    in doubt it is ``undetermined``."""
    district = _record("d", DISTRICT, "E07000901", Period("2024-01-01", "2024-06-01"))
    in_doubt = can_be_directed(district, "s.8", on=_dt.date(2024, 2, 1))
    assert in_doubt.verdict.value == "undetermined", in_doubt.explain()
    assert can_be_directed(district, "s.8", on=_dt.date(2023, 6, 1)).verdict.value == "yes"
    no_day = can_be_directed(district, "s.8")
    assert no_day.verdict.value == "undetermined", no_day.explain()
    assert _days(no_day.missing), no_day.missing


def test_a_record_not_in_doubt_is_listed_as_before() -> None:
    """A pin: no doubt, no end, no day named."""
    fire = _record("fra", FIRE, "E31000099", None)
    auths = Authorities((fire,)).with_districts_within(WITHIN.__getitem__)
    assert not _days(specified_authorities_for(auths, "E07000901").missing)
