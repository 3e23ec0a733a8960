"""Values at the edges, which the one-incident and the columnar classifier treat alike."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pyarrow as pa
import pytest
from hypothesis import given
from hypothesis import strategies as st

from svduty.definitions import Incident, classify_split
from svduty.errors import DataError
from svduty.io import POLICE_UK_COLUMNS
from svduty.io._police_uk import normalise_police_uk

EDGES = [
    ("date", "0000-01"),  # no year 0: it crashed classify
    ("date", "0000-01-05"),
    ("date", "٢٠٢٥-06"),  # Arabic-Indic digits are not ASCII digits
    ("location", "E0103118٠"),  # accepted by the one-incident classifier, refused by Arrow
    ("location", "E０1031180"),
]


@pytest.mark.parametrize(("field", "value"), EDGES)
def test_an_edge_value_is_refused_by_both_classifiers(field, value):  # type: ignore[no-untyped-def]
    with pytest.raises(DataError) as info:
        Incident(**{field: value, "police_uk_category": "Robbery"})
    assert info.value.problems[0].field == field
    table = pa.table({field: [value, None], "police_uk_category": ["Robbery", "Robbery"]})
    kept, rejected = classify_split(table)
    assert kept.num_rows == 1
    assert [(p.row, p.field) for p in rejected] == [(1, field)]


def test_a_police_uk_month_of_year_zero_is_rejected_as_a_month():
    cols = {c: [""] * 2 for c in POLICE_UK_COLUMNS}
    cols["Month"] = ["0000-01", "2025-06"]
    cols["Crime type"] = ["Robbery", "Robbery"]
    out = normalise_police_uk(pa.table(cols), file="x.csv")
    assert out.column("rejected").to_pylist() == ["Month: expected a month YYYY-MM", None]


@given(
    st.lists(st.one_of(st.none(), st.decimals(-5, 200, places=2)), min_size=1, max_size=8),
    st.sampled_from([pa.decimal32(7, 2), pa.decimal64(10, 2), pa.decimal128(10, 2)]),
)
def test_decimal_ages_read_as_the_incident_file_reader_reads_them(ages, kind):
    """A hostile review: a decimal128 victim_age was taken by the CLI's Parquet reader and
    refused by classify_table ("expected whole numbers of years"); a review of that fix:
    decimal32 and decimal64 then raised Arrow's ArrowNotImplementedError."""
    decimals = pa.table({"victim_age": pa.array(ages, kind)})
    floats = pa.table({"victim_age": pa.array([None if a is None else float(a) for a in ages])})
    (good_d, bad_d), (good_f, bad_f) = classify_split(decimals), classify_split(floats)
    assert [(p.row, p.expected) for p in bad_d] == [(p.row, p.expected) for p in bad_f]
    assert good_d.column("violence").to_pylist() == good_f.column("violence").to_pylist()


@given(
    st.one_of(
        st.decimals(-5, 200, places=10),
        st.decimals(-5, 200, allow_nan=False),
        st.sampled_from([Decimal("NaN"), Decimal("Infinity"), Decimal("-Infinity")]),
    )
)
def test_a_decimal_age_of_one_incident_reads_as_a_decimal_column_does(age):
    """``Incident.from_json({"victim_age": Decimal("16")})`` said "0 to 130" (a review): a
    Decimal was refused as no number, though a Parquet decimal column is read exactly."""
    try:
        one = Incident.from_json({"victim_age": age}).victim_age
    except DataError as exc:
        one = exc.problems[0].expected
    if age.is_nan() or (age.is_finite() and age != age.to_integral_value()):
        assert one == "a whole number of years"
    elif not age.is_finite() or not 0 <= age <= 130:
        assert one == "a whole number of years 0 to 130"
    else:
        assert one == int(age)
    if age.is_finite() and age.as_tuple().exponent >= -10:  # as a Parquet decimal column
        column = pa.array([age], pa.decimal128(38, 10))
        kept, refused = classify_split(pa.table({"victim_age": column}))
        assert (refused[0].expected if refused else kept.column("victim_age")[0].as_py()) == one


@pytest.mark.parametrize(
    ("column", "field"),
    [
        (pa.array([1.0, float("nan"), 8.0], pa.float32()), "offence_code"),
        (pa.array([[("a", "b")]] * 3, pa.map_(pa.string(), pa.string())), "behaviours"),
        (pa.array([[("a", "b")]] * 3, pa.map_(pa.string(), pa.string())), "harms"),
        (pa.array([[("a", "b")]] * 3, pa.map_(pa.string(), pa.string())), "context"),
    ],
)
def test_a_column_of_a_valid_table_is_refused_by_a_data_error_never_a_pyarrow_one(column, field):
    """A float32 code with a gap and a map column raised pyarrow's own errors."""
    from svduty.definitions import classify_table

    with pytest.raises(DataError, match=field):
        classify_table(pa.table({field: column}))


def test_a_police_uk_month_saved_as_a_date_is_told_so():
    """An analyst's review: a month a spreadsheet saved as a date (2025-06-01, 01/06/2025,
    Jun-25) was "expected a month YYYY-MM" like any typo: the likelier slip is said."""
    months = ["2025-06-01", "01/06/2025", "Jun-25", "June", "2025-06"]
    cols = {c: [""] * len(months) for c in POLICE_UK_COLUMNS}
    cols["Month"] = months
    cols["Crime type"] = ["Robbery"] * len(months)
    said = normalise_police_uk(pa.table(cols), file="x.csv").column("rejected").to_pylist()
    dated = "Month: expected a month YYYY-MM, not a date (a spreadsheet saved the months"
    assert [s.startswith(dated) if s else s for s in said] == [True, True, True, False, None]
    assert said[3] == "Month: expected a month YYYY-MM"
    assert not any("2025" in s or "Jun" in s for s in said[:4])  # never the value


_CALENDAR_EDGES = st.sampled_from(
    ["0001-01-01", "0001-01-02", "0001-01", "9999-12-30", "9999-12-31", "9999-12", "2024-02-29"]
)


@given(
    _CALENDAR_EDGES,
    _CALENDAR_EDGES,
    st.sampled_from([None, "8N", "4.2", "19E", "1"]),
    st.sampled_from([{}, {"victim_age": 0}, {"victim_age": 17}, {"victim_age_at_death": 17}]),
)
def test_the_calendar_s_first_and_last_days_are_classified_by_both_classifiers(
    day, death, code, ages
):  # type: ignore[no-untyped-def]
    """A hostile review (hostile43): an incident on 9999-12-31 (or in 9999-12) with a death
    that day raised OverflowError from ``Incident`` itself (the day after it does not
    exist), and ``svduty explain`` said "unexpected OverflowError"; ``classify`` took it."""
    fields = {"date": day, "date_of_death": death, "died": True, **ages}
    if code is not None:
        fields["offence_code"] = code
    try:
        one = Incident(**fields)
    except DataError as exc:
        one_rejected: tuple[str | None, ...] = tuple(p.field for p in exc.problems)
        answers = None
    else:
        one_rejected = ()
        from svduty.definitions import classify

        c = classify(one)
        answers = [c.violence.value, c.qualifying_homicide.value, c.homicide_review.value]
    columns = {k: [v] for k, v in fields.items()}
    kept, rejected = classify_split(pa.table(columns))
    if answers is None:
        assert rejected
        assert rejected[0].field in one_rejected
    else:
        assert not rejected
        names = ("violence", "qualifying_homicide", "homicide_review")
        assert [kept.column(a)[0].as_py() for a in names] == answers


@pytest.mark.parametrize("field", [a.name for a in attrs.fields(Incident)])
@pytest.mark.parametrize("sign", [1, -1])
def test_a_whole_number_longer_than_python_writes_is_a_data_error(field, sign):  # type: ignore[no-untyped-def]
    """A hostile review (hostile43): an ``offence_code`` of 5,000 digits (a Python int:
    JSON text that long is refused by the reader) raised Python's own ValueError."""
    with pytest.raises(DataError) as info:
        Incident.from_json({field: sign * 10**5000})
    assert info.value.problems[0].field == field
