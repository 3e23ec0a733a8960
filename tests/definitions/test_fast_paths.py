"""The column-wise fast paths give what the one-value-at-a-time paths give.

Dates read column-wise are the days an :class:`Incident` reads; text hashed as a number
and dictionary columns group as their text does; a geography's column-wise district
look-up is its one-code look-up; the columnar engine with a geography's resolver agrees
with the scalar engine row for row.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
from hypothesis import assume, given
from hypothesis import strategies as st

import svduty
from svduty.definitions import Incident, classify, classify_split, classify_table
from svduty.definitions._columnar import _group_rows
from svduty.definitions._columns import _days, _try_days, _unique_map
from svduty.errors import ConflictError

from .helpers import incidents_table
from .strategies import incident_json

GEO = svduty.warwickshire().geography
PLACES = [
    "E01031180",  # a Rugby LSOA
    "E01031012",
    "E01035020",
    "E01099999",  # an LSOA code nobody knows
    "E07000222",  # Warwick (a district)
    "E08000026",  # Coventry
    "E05000001",  # a ward outside the area
    "E10000031",  # the county: no district
    "E01033620",  # a Birmingham LSOA
    "W01000001",
]


def _day(v: Any) -> dt.date | None:
    return None if v is None else dt.date(v.year, v.month, v.day)


def _date_text() -> st.SearchStrategy[str]:
    number = st.integers(0, 10_000)
    part = st.integers(0, 40)
    day = st.builds(lambda y, m, d: f"{y:04d}-{m:02d}-{d:02d}", number, part, part)
    month = st.builds(lambda y, m: f"{y:04d}-{m:02d}", number, part)
    odd = st.sampled_from([" 2024-02-29", "2024-02-29\n", "20240229", "2024-W01-1", "２０２４-01"])
    return st.one_of(day, month, odd, st.text(max_size=12))


@given(st.lists(st.one_of(st.none(), _date_text()), max_size=30))
def test_dates_are_read_as_an_incident_reads_them(values):
    expected = []
    for v in values:
        try:
            first, last = _try_days(v) if v is not None else (None, None)
        except ValueError:  # year 0 of a month: the scalar engine fails there too
            assume(False)
        expected.append((_day(first), _day(last)))
    first, last = _days(pa.array(values, pa.string()))
    assert list(zip(first.to_pylist(), last.to_pylist(), strict=True)) == expected


@given(
    st.lists(
        st.sampled_from(["2023-01", "2023-02", "abcdefgh", "xyzxyzxy", "2023-1x"]), max_size=40
    ),
    st.integers(1, 8),
)
def test_text_of_one_width_groups_as_text(values, width):
    text = pa.array([v[:width] for v in values], pa.string())
    fast = _group_rows([text], len(text))
    plain = _group_rows([text.cast(pa.large_string())], len(text))  # not packed
    assert fast[0].to_pylist() == plain[0].to_pylist()
    assert fast[1].to_pylist() == plain[1].to_pylist()


@given(
    st.lists(st.sampled_from(["a", "b", "c", None]), min_size=1, max_size=8),
    st.lists(st.integers(0, 7), max_size=40),
)
def test_dictionary_columns_group_as_their_values(dictionary, picks):
    """A dictionary may repeat a value (the pipeline's locations do): rows group by value."""
    indices = pa.array([p % len(dictionary) for p in picks], pa.int32())
    words = pa.DictionaryArray.from_arrays(indices, pa.array(dictionary, pa.string()))
    fast = _group_rows([words], len(words))
    plain = _group_rows([words.cast(pa.string())], len(words))
    assert fast[0].to_pylist() == plain[0].to_pylist()
    assert fast[1].to_pylist() == plain[1].to_pylist()


@given(st.lists(st.sampled_from(["8N", "8n", " 046", "4/1", "x", None, "105A"]), max_size=20))
def test_known_values_are_what_the_function_gives_them(values):
    col = pa.array(values, pa.string())
    known = (pa.array(["8N", "105A"]), pa.array(["8N", "105A"]))
    assert _unique_map(col, str.strip, pa.string(), known).to_pylist() == (
        _unique_map(col, str.strip, pa.string()).to_pylist()
    )


@given(st.lists(st.one_of(st.none(), st.sampled_from(PLACES), st.text(max_size=10)), max_size=20))
def test_district_codes_of_is_district_code_of(codes):
    got = GEO.district_codes_of(pa.array(codes, pa.string())).to_pylist()
    assert got == [None if c is None else GEO.district_code_of(c) for c in codes]


@given(
    st.lists(
        st.tuples(
            st.one_of(st.none(), st.sampled_from(PLACES)),
            st.sampled_from([None, "Rugby 010E", "Birmingham 012E", "Nowhere", "Warwick 001A"]),
        ),
        max_size=20,
    )
)
def test_resolve_lsoas_is_resolve_lsoa_row_by_row(rows):
    codes = pa.array([c for c, _ in rows], pa.string())
    names = pa.array([n for _, n in rows], pa.string())
    out = GEO.resolve_lsoas(codes, names).to_pylist()
    for (code, name), got in zip(rows, out, strict=True):
        try:
            m = GEO.resolve_lsoa(code, name)
        except svduty.errors.UnknownAreaError:
            assert got["match"] == "unresolved"
            assert got["district_code"] is None
            continue
        except svduty.errors.ConflictError:  # the name contradicts the code
            assert (got["match"], got["district_code"]) == ("conflict", None)
            continue
        assert (got["district_code"], got["district_name"], got["match"]) == (
            m.district_code,
            m.district_name,
            m.match,
        )
        assert (got["csp_code"], got["csp_name"], got["police_area"]) == (
            m.csp_code,
            m.csp_name,
            m.police_area,
        )


@given(
    st.lists(
        st.tuples(
            incident_json(), st.sampled_from(PLACES), st.one_of(st.none(), st.sampled_from(PLACES))
        ),
        min_size=1,
        max_size=10,
    )
)
def test_columnar_with_a_geography_is_the_scalar_engine(rows):
    incidents = []
    for given_data, place, death in rows:
        data = {**given_data, "location": place}
        if death is not None:
            data["place_of_death"] = death
        try:
            incidents.append(Incident.from_json(data))
        except ConflictError:
            continue
    assume(incidents)
    resolve = GEO.district_code_of
    try:
        out = classify_table(incidents_table(incidents), resolve_district=resolve).to_pylist()
    except ConflictError:  # the pilot area conflict: the scalar engine raises it too
        for incident in incidents:
            try:
                classify(incident, resolve_district=resolve)
            except ConflictError:
                return
        raise
    for incident, row in zip(incidents, out, strict=True):
        c = classify(incident, resolve_district=resolve)
        assert row["homicide_review"] == c.homicide_review.value
        assert row["violence"] == c.violence.value
        assert row["reasons"] == [r.rule for r in c.reasons]


def test_district_codes_of_answers_an_empty_column():
    assert GEO.district_codes_of(pa.array([], pa.string())).to_pylist() == []
    assert pc.all(pc.is_null(GEO.district_codes_of(pa.nulls(2, pa.string())))).as_py()


@given(
    st.lists(st.tuples(st.integers(0, 3), st.sampled_from("abc"), st.integers(0, 5)), max_size=30),
    st.integers(0, 20),
)
def test_at_most_so_many_groups_or_none(rows, most):
    columns = [pa.array([r[k] for r in rows]) for k in range(3)]
    columns[1] = columns[1].cast(pa.string())
    groups, first = _group_rows(columns, len(rows))
    bounded = _group_rows(columns, len(rows), most=most)
    if len(first) > most:
        assert bounded is None
    else:
        assert bounded is not None
        assert bounded[0].to_pylist() == groups.to_pylist()
        assert bounded[1].to_pylist() == first.to_pylist()


def test_text_of_several_widths_is_not_packed():
    text = pa.array(["ab", "a", "abc", "ab"])  # as many bytes as three of the first
    groups, first = _group_rows([text], 4)
    assert groups.to_pylist() == [0, 1, 2, 0]
    assert first.to_pylist() == [0, 1, 2]


def test_problems_of_repeated_rows_are_named_by_each_row():
    """On the distinct-rows path a bad distinct row's problem goes to every row like it."""
    ages = [30, 200] * 4 + [30] * 4
    kept, problems = classify_split(pa.table({"offence_code": ["8N"] * 12, "victim_age": ages}))
    assert [(p.row, p.field) for p in problems] == [(r, "victim_age") for r in (2, 4, 6, 8)]
    assert kept.num_rows == 8
    assert kept.column("violence").to_pylist() == ["yes"] * 8


def test_a_dictionary_column_in_chunks_classifies_as_its_text():
    one = pa.array(["8N", "46", "8N"]).dictionary_encode()
    two = pa.array(["46", "4/1", "46"]).dictionary_encode()  # another dictionary
    codes = pa.chunked_array([one, two, one, two])
    text = codes.cast(pa.string())
    fast = classify_table(pa.table({"offence_code": codes}))
    plain = classify_table(pa.table({"offence_code": text}))
    for name in ("violence", "basis", "reasons"):
        assert fast.column(name).to_pylist() == plain.column(name).to_pylist()
