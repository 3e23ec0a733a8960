"""Both engines on hostile values: they agree, or refuse the same rows by field (consist43).

The one-incident classifier (:func:`classify`) and the columnar one
(:func:`classify_split`, :func:`classify_table`) must give the same verdicts, kinds,
basis and reasons, or refuse the same row naming the same fields. These draw values a
recorder or a file sends: blank and padded text, codes in lower case or with a trailing
letter or dot, days at the edges the rules use (the Duty's commencement, leap days, the
pilot's first and last days), ages at the rules' bounds, unknown areas and the districts
and counties that ceased in the 2023 reorganisations (Cumbria, North Yorkshire,
Somerset), and zoned times at the BST/GMT changes and at the ends of the calendar.
"""

from __future__ import annotations

import datetime as dt
import json
import zoneinfo
from typing import Any

import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import svduty
from svduty.definitions import Incident, classify, classify_split, classify_table
from svduty.errors import DataError

from .helpers import to_table
from .strategies import FIELDS, RESOLVE
from .test_properties import ALL_DEFINITIONS, ANSWERS, _agree

_PAD = st.sampled_from(["", " ", "  ", "\t", "\u00a0", "\u3000", "\n"])
_BLANK = ["", " ", "   ", "\t", "\u00a0", "\u200b", "\ufeff"]

DAYS = [
    "2023-01-30",  # the day before the Duty's commencement (SI 2022/1420: 31 January 2023)
    "2023-01-31",
    "2023-02-01",
    "2023-01",
    "2022-12-31",
    "2024-02-29",  # a leap day
    "2023-02-29",  # none
    "2100-02-29",  # none (not a leap year)
    "2000-02-29",
    "2023-03-31",  # the pilot's eve and first day (SI 2023/227 reg 1(2))
    "2023-04-01",
    "2025-03-31",
    "2025-04-01",
    "2023-03-26",  # the clocks change
    "2023-10-29",
    "0001-01-01",
    "9999-12-31",
    "0000-12-31",
    "9999-12",
    "0001-01",
    "10000-01-01",
    "2023-1-31",
    "2023-01-31T00:00",
    "31/01/2023",
    "2023-00",
    "2023-13",
    "2023-04-31",
]
CODES = [
    "8N",
    "8n",
    " 8N ",
    "8N.",
    "8NA",
    "8N8",
    "1",
    "1.",
    "1 ",
    "01",
    "001",
    "4.1",
    "4/1",
    "4.10",
    "4.1.",
    "5D",
    "5d",
    "105A",
    "105a",
    "17B",
    "17b",
    "37.1",
    "37/1",
    "8.",
    ".8",
    "8 N",
    "8-N",
    "0",
    "9999",
    "H",
    "Jane",
    "２",
    "8Ｎ",
    "ß",
    "ſ",
]
AREAS = [
    "E01031012",
    "e01031012",
    " E01031012 ",
    "E01031012A",
    "E01031012.",
    "E0103101",
    "E01009999",
    "W01001234",
    "S01006506",
    "N00000001",
    "E07000222",
    "e07000222",
    "E07000222 ",
    "E08000025",
    "W06000015",
    "W06000015.",
    "E06000001",
    # ceased 1 April 2023: Cumbria, North Yorkshire, Somerset districts and counties
    "E07000026",
    "E07000027",
    "E07000028",
    "E07000029",
    "E07000030",
    "E07000031",
    "E07000163",
    "E07000164",
    "E07000165",
    "E07000166",
    "E07000167",
    "E07000168",
    "E07000169",
    "E07000187",
    "E07000188",
    "E07000189",
    "E07000246",
    "E10000006",
    "E10000023",
    "E10000027",
    # their successors
    "E06000063",
    "E06000064",
    "E06000065",
    "E06000066",
    # unknown areas
    "E07999999",
    "E06999999",
    "W06999999",
    "E09999999",
    "E12000001",
    "E92000001",
    "K04000001",
    "S12000036",
    "N09000001",
    "X01031012",
    "Ｅ01031012",
    "E０1031012",
    "ſ12000036",
    "\u0435 01031012",
]
AGES = [-1, 0, 1, 12, 13, 14, 15, 16, 17, 18, 19, 24, 25, 129, 130, 131, None]
FLOAT_AGES = [12.0, 13.0, 15.0, 16.0, 17.0, 18.0, 17.5, 130.0, float("nan"), float("inf"), -0.0]
CATEGORIES = [
    "Violence and sexual offences",
    "violence and sexual offences",
    "violent-crime",
    " Violent-Crime ",
    "Robbery",
    "robbery ",
    "Possession of weapons",
    "possession-of-weapons",
    "Public order",
    "Other crime",
    "Anti-social behaviour",
    "anti-social-behaviour",
    "Violent crime",
    "Burglary",
    "Drugs",
    "Nonsense",
]


def _hostile(values: list[Any]) -> st.SearchStrategy[Any]:
    plain = st.sampled_from(values)
    padded = st.builds(lambda a, v, b: a + v + b if isinstance(v, str) else v, _PAD, plain, _PAD)
    return st.one_of(plain, padded, st.sampled_from(_BLANK), st.none())


HOSTILE: dict[str, st.SearchStrategy[Any]] = {
    "date": _hostile(DAYS),
    "date_of_death": _hostile(DAYS),
    "offence_code": _hostile(CODES),
    "police_uk_category": _hostile(CATEGORIES),
    "location": _hostile(AREAS),
    "place_of_death": _hostile(AREAS),
    "victim_age": st.sampled_from(AGES + FLOAT_AGES),
    "perpetrator_age": st.sampled_from(AGES + FLOAT_AGES),
    "victim_age_at_death": st.sampled_from(AGES + FLOAT_AGES),
}


@st.composite
def hostile_json(draw: st.DrawFn) -> dict[str, Any]:
    """An incident's JSON form, hostile in its text, days, ages, codes and areas."""
    out: dict[str, Any] = {}
    for name, strategy in FIELDS.items():
        if draw(st.booleans()):
            continue
        value = draw(HOSTILE.get(name, strategy))
        if value is not None:
            out[name] = value
    return out


@given(
    st.lists(hostile_json(), min_size=1, max_size=8),
    st.sampled_from(ALL_DEFINITIONS),
)
def test_both_engines_agree_on_hostile_values(rows, definition):
    _agree(rows, definition)


def _resolvers() -> list[Any]:
    return [
        None,
        RESOLVE,
        svduty.warwickshire().geography.district_code_of,
        svduty.areas.Geography.england_and_wales().district_code_of,
    ]


def _scalar(row: dict[str, Any], definition: Any, resolve: Any) -> tuple[Any, Any]:
    from svduty.errors import ConflictError

    try:
        incident = Incident.from_json(row, resolve_district=resolve)  # an LSOA placed
        return classify(incident, definition, resolve_district=resolve), None
    except ConflictError as exc:
        return None, ("conflict", {p.field or "" for p in exc.problems})
    except DataError as exc:
        return None, ("data", {p.field or "" for p in exc.problems})


def agree(rows: list[dict[str, Any]], definition: Any, resolve: Any) -> None:
    """As ``test_properties._agree``, with any resolver; conflicts compared by field."""
    table = to_table(rows, all_columns=False)
    kept, problems = classify_split(table, definition, resolve_district=resolve)
    refused: dict[int, list[Any]] = {}
    for p in problems:
        refused.setdefault(p.row, []).append(p)
    out = iter(kept.to_pylist())
    for number, data in enumerate(rows, start=1):
        c, error = _scalar(data, definition, resolve)
        if error is not None:
            assert number in refused, (error, data)
            kind, fields = error
            got = refused[number]
            if kind == "data":
                assert {p.field for p in got if not p.message} == fields, (got, data)
            else:
                assert {p.field for p in got} == fields, (got, data)
            continue
        assert number not in refused, (refused[number], data)
        row = next(out)
        for a in ANSWERS:
            assert row[a] == getattr(c, a).value, (a, data)
        assert row["kinds"] == list(c.kinds), data
        assert row["reasons"] == [r.rule for r in c.reasons], data
        assert row["basis"] == c.basis, data
    if not problems:
        assert classify_table(table, definition, resolve_district=resolve).equals(kept)


@given(
    st.lists(hostile_json(), min_size=1, max_size=8),
    st.sampled_from(ALL_DEFINITIONS),
    st.sampled_from(range(4)),
)
def test_both_engines_agree_with_any_resolver(rows, definition, which):
    agree(rows, definition, _resolvers()[which])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(hostile_json(), min_size=1, max_size=5), st.integers(1, 3))
def test_the_batch_job_agrees_on_hostile_lines(
    tmp_path_factory: pytest.TempPathFactory, records: list[dict[str, Any]], repeat: int
) -> None:
    """JSON Lines through the batch job: the same answers, or the row rejected by a field.

    Lines repeated, so that the job's distinct-combinations route runs too.
    """
    records = records * repeat
    from svduty.io._incident_tables import iter_incidents
    from svduty.io._pipeline import default_pipeline

    definition = svduty.warwickshire().require_definition()
    resolve = svduty.warwickshire().geography.district_code_of
    f = tmp_path_factory.mktemp("hostile") / "in.jsonl"
    f.write_text("".join(json.dumps(r) + "\n" for r in records))
    rows = {}
    for batch in iter_incidents([f]):
        rows.update({r["row"]: r for r in default_pipeline()(batch).to_pylist()})
    assert sorted(rows) == list(range(1, len(records) + 1))
    for i, record in enumerate(records, 1):
        c, error = _scalar(record, definition, resolve)
        if error is not None:
            assert rows[i]["rejected_field"] in error[1], (rows[i]["rejected"], record)
            continue
        assert rows[i]["rejected"] is None, (rows[i]["rejected"], record)
        assert {a: rows[i][a] for a in ANSWERS} == {a: getattr(c, a).value for a in ANSWERS}
        assert rows[i]["kinds"] == list(c.kinds), record
        assert rows[i]["reasons"] == [r.rule for r in c.reasons], record
        assert rows[i]["basis"] == c.basis, record


LONDON = zoneinfo.ZoneInfo("Europe/London")
ZONED_EDGES = [  # UTC instants: midnight in England either side of the clock changes
    dt.datetime(2023, 3, 25, 23, 59, 59),  # GMT: 23:59:59 on 25 March
    dt.datetime(2023, 3, 26, 0, 0),  # GMT midnight
    dt.datetime(2023, 3, 26, 23, 0),  # BST midnight, 27 March
    dt.datetime(2023, 10, 28, 23, 0),  # BST midnight, 29 March
    dt.datetime(2023, 10, 29, 0, 0),  # 01:00 BST, then 01:00 GMT an hour on
    dt.datetime(2023, 10, 29, 23, 59),
    dt.datetime(2023, 1, 30, 23, 59, 59),  # the eve of commencement (GMT)
    dt.datetime(2023, 1, 31, 0, 0),
    dt.datetime(2023, 3, 31, 22, 59, 59),  # BST: the pilot's eve
    dt.datetime(2023, 3, 31, 23, 0),  # BST: 1 April
    dt.datetime(2024, 2, 28, 23, 59, 59),
    dt.datetime(2024, 2, 29, 0, 0),  # a leap day
    dt.datetime(2024, 2, 29, 23, 59, 59),
    dt.datetime(1, 1, 1, 0, 0),  # London's mean time (-00:01:15): year 0 in England
    dt.datetime(1, 1, 1, 0, 1, 14),
    dt.datetime(1, 1, 1, 0, 1, 15),  # 0001-01-01 in England
    dt.datetime(9999, 12, 31, 23, 59, 59),
    dt.datetime(2038, 7, 1, 23, 30),  # BST still (the rule has no end); Arrow's zones stop at 2037
    dt.datetime(2040, 3, 31, 23, 30),
    dt.datetime(2040, 10, 28, 0, 59),
    dt.datetime(9999, 8, 31, 23, 30),
]
OFFSETS = [0, -1, 1, 3600, -3600, 5 * 3600, -12 * 3600, 14 * 3600]


def _made(data: dict[str, Any], field: str, instant: dt.datetime) -> tuple[Any, set[str]]:
    """The incident, or the fields the one-incident classifier refuses it for."""
    try:
        return Incident(**data, **{field: instant}), set()
    except DataError as exc:
        return None, {p.field or "" for p in exc.problems}


@given(
    base=st.sampled_from(ALL_DEFINITIONS),
    when=st.tuples(
        st.sampled_from(ZONED_EDGES),
        st.sampled_from(OFFSETS),
        st.sampled_from(["UTC", "Europe/London", "America/New_York", "Pacific/Kiritimati"]),
    ),
    field=st.sampled_from(["date", "date_of_death"]),
    data=hostile_json(),
)
def test_both_engines_agree_on_zoned_times_at_the_edges(base, when, field, data):
    """A zoned time is its day in England in both, or refused by both, naming the field."""
    at, shift, zone = when
    try:
        instant = (at.replace(tzinfo=dt.UTC) + dt.timedelta(seconds=shift)).astimezone(
            zoneinfo.ZoneInfo(zone)
        )
    except OverflowError:
        return  # no such datetime: the scalar engine cannot be given it
    data = {k: v for k, v in data.items() if k != field}
    stamp = pa.array([instant], pa.timestamp("s", tz=zone))
    table = to_table([data], all_columns=False).append_column(field, stamp)
    kept, problems = classify_split(table, base, resolve_district=RESOLVE)
    incident, refused = _made(data, field, instant)
    if refused:
        assert {p.field for p in problems} >= refused - {""}, (problems, refused)
        return
    assert not problems, problems
    c = classify(incident, base, resolve_district=RESOLVE)
    row = kept.to_pylist()[0]
    for a in ANSWERS:
        assert row[a] == getattr(c, a).value, (a, data)
    assert row["reasons"] == [r.rule for r in c.reasons]
