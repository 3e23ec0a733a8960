"""Each value is read alike by the one-incident and the columnar classifier: edge values.

The property tests (test_properties.py) draw values at random; these are the ones that
once split the two readers: words in capitals or with spaces, ages written as floats
(12.0, infinity, 2**64 - 1), dates given as dates or timestamps, offence codes given as
numbers, and columns of a type no value of the field can have.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pendulum
import pyarrow as pa
import pytest

from svduty.definitions import Incident, classify, classify_split, classify_table
from svduty.definitions._spelling import age, word
from svduty.definitions._vocab import Country, Weapon
from svduty.errors import DataError

DIFFER = " (country is that of the incident and the death; leave it out when they differ)"


def _scalar(field: str, value: Any) -> Any:
    """The value an Incident keeps, or the field its DataError names."""
    try:
        return ("ok", getattr(Incident(**{field: value}), field))
    except DataError as exc:
        return ("bad", exc.problems[0].field)


def _columnar(field: str, values: pa.Array) -> Any:
    kept, problems = classify_split(pa.table({field: values}))
    return ("bad", problems[0].field) if problems else ("ok", kept.num_rows)


SAME = [  # field, value, Arrow type, what Incident keeps (None: refused)
    ("weapon", "KNIFE", pa.string(), Weapon.KNIFE),
    ("weapon", " knife ", pa.string(), Weapon.KNIFE),
    ("weapon", "\u3000Knife\t", pa.string(), Weapon.KNIFE),
    ("weapon", "kni fe", pa.string(), None),
    ("target", "Person", pa.string(), "person"),
    ("country", "scotland", pa.string(), Country.SCOTLAND),
    ("country", "northern ireland", pa.string(), Country.NORTHERN_IRELAND),
    ("country", "Northern  Ireland", pa.string(), None),
    ("relationship", " none", pa.string(), "none"),
    ("behaviours", ["Physical"], pa.list_(pa.string()), {"physical"}),
    ("behaviours", ["physical", "PHYSICAL"], pa.list_(pa.string()), {"physical"}),
    ("behaviours", [""], pa.list_(pa.string()), None),
    ("behaviours", [None], pa.list_(pa.string()), None),
    ("harms", [" Death"], pa.list_(pa.string()), {"death"}),
    ("context", ["GANG"], pa.list_(pa.string()), {"gang"}),
    ("other_reviews", ["Child_Death_Review"], pa.list_(pa.string()), {"child_death_review"}),
    ("victim_age", 12.0, pa.float64(), 12),
    ("victim_age", -0.0, pa.float64(), 0),
    ("victim_age", 130.0, pa.float64(), 130),
    ("victim_age", 131.0, pa.float64(), None),
    ("victim_age", 12.5, pa.float64(), None),
    ("victim_age", float("nan"), pa.float64(), None),
    ("victim_age", float("inf"), pa.float64(), None),
    ("victim_age", 1e30, pa.float64(), None),
    ("victim_age", 2**64 - 1, pa.uint64(), None),
    ("victim_age", 12, pa.uint64(), 12),
    ("victim_age", -1, pa.int8(), None),
    ("date", " 2023-06-01 ", pa.string(), "2023-06-01"),
    ("date", "2023-6", pa.string(), None),
    ("date", "2023-06-31", pa.string(), None),
    ("date", dt.date(2023, 6, 1), pa.date32(), "2023-06-01"),
    ("date", dt.datetime(2023, 6, 1, 23, 30), pa.timestamp("s"), "2023-06-01"),
    ("location", " e01031012", pa.string(), "E01031012"),
    ("location", "E0103101", pa.string(), None),
    ("offence_code", 8, pa.int64(), "8"),
    ("offence_code", 105, pa.int64(), "105"),
    ("offence_code", -8, pa.int64(), None),
    ("offence_code", 8.0, pa.float64(), "8"),
    ("offence_code", 4.1, pa.float64(), None),
    ("offence_code", float("inf"), pa.float64(), None),
    ("offence_code", True, pa.bool_(), None),
    ("police_uk_category", "VIOLENT-CRIME", pa.string(), "Violence and sexual offences"),
]


@pytest.mark.parametrize(("field", "value", "typ", "kept"), SAME)
def test_both_classifiers_read_a_value_alike(field, value, typ, kept):  # type: ignore[no-untyped-def]
    scalar = _scalar(field, value)
    columnar = _columnar(field, pa.array([value, None], typ))
    if kept is None:
        assert scalar == ("bad", field)
        assert columnar == ("bad", field)
    else:
        got = scalar[1]
        got = {str(v) for v in got} if isinstance(got, frozenset) else got
        assert got == kept
        assert columnar == ("ok", 2)


def test_the_columnar_answer_reads_the_word_as_given_in_any_case():
    table = pa.table({"behaviours": [["PHYSICAL"]], "target": ["Self"], "relationship": [None]})
    row = classify_table(table).to_pylist()[0]
    c = classify(Incident(behaviours=["physical"], target="self"))
    assert (row["violence"], row["kinds"]) == (c.violence.value, list(c.kinds))
    assert row["target"] == "Self"  # the input column passes through as given


def test_a_word_in_capitals_is_still_checked_against_other_facts():
    """'self' in capitals leaves no second person, as 'self' does (a conflict, not a pass)."""
    table = pa.table({"target": ["SELF", "Self"], "relationship": ["Married", "none"]})
    _, problems = classify_split(table)
    assert [(p.row, p.field) for p in problems] == [(1, "target")]


def test_a_country_in_lower_case_agrees_with_its_location():
    table = pa.table({"country": ["england", "wales"], "location": ["E08000025", "E08000025"]})
    _, problems = classify_split(table)
    assert [(p.row, p.field, p.message) for p in problems] == [
        (2, "country", "'Wales' contradicts the location code" + DIFFER)
    ]  # the word as read, quoted as the scalar engine quotes it (owhr43)


def test_an_age_out_of_range_is_named_as_both_classifiers_name_it():
    with pytest.raises(DataError) as info:
        Incident(victim_age=131.0)
    _, problems = classify_split(pa.table({"victim_age": pa.array([131.0])}))
    assert str(info.value) == str(problems[0]).removeprefix("row 1: ")
    with pytest.raises(DataError) as info:
        Incident(victim_age=12.5)
    _, problems = classify_split(pa.table({"victim_age": pa.array([12.5])}))
    assert str(info.value) == str(problems[0]).removeprefix("row 1: ")


def test_a_datetime_is_its_day_not_text_with_a_time():
    assert Incident(date=pendulum.datetime(2023, 6, 1, 12)).date == "2023-06-01"
    assert Incident(date=dt.datetime(2023, 6, 1, 23, 59)).days()[0] == pendulum.date(2023, 6, 1)
    assert Incident(date=dt.date(2023, 6, 1)).to_json() == {"date": "2023-06-01"}


@pytest.mark.parametrize(
    ("field", "values"),
    [
        ("date", pa.array([1, None], pa.int64())),
        ("date", pa.array([12.5, None])),
        ("date", pa.array([["2023-06-01"], None])),
        ("offence_code", pa.array([["8N"], None])),
        ("offence_code", pa.array([1, None], pa.decimal128(5, 2))),
        ("offence_code", pa.array([b"\xff", None], pa.binary())),
        ("weapon", pa.array([["knife"], None])),
        ("location", pa.array([["E01031012"], None])),
        ("police_uk_category", pa.array([["Robbery"], None])),
        ("victim_age", pa.array(["12", None])),
    ],
)
def test_a_column_of_the_wrong_type_is_a_data_error_naming_it(field, values):  # type: ignore[no-untyped-def]
    with pytest.raises(DataError) as info:
        classify_split(pa.table({field: values}))
    assert [p.field for p in info.value.problems] == [field]
    assert info.value.problems[0].row is None


def test_an_offence_code_in_bytes_is_read_as_text():
    kept, problems = classify_split(pa.table({"offence_code": pa.array([b"8n"], pa.binary())}))
    assert problems == ()
    assert kept.column("violence").to_pylist() == ["yes"]


def test_word_and_age_read_one_value():
    assert word(Weapon, Weapon.KNIFE) is Weapon.KNIFE
    assert word(Weapon, ["knife"]) is None  # unhashable: no word
    assert word(Weapon, 3) is None
    assert [age(v) for v in (None, 0, 130, "12", 2**70)] == [
        None,
        0,
        130,
        "a whole number of years 0 to 130",
        "a whole number of years 0 to 130",
    ]


def test_a_country_that_contradicts_the_location_is_named_as_a_word():
    with pytest.raises(DataError) as info:
        Incident(country="england", location="W06000015")
    assert str(info.value) == "country: 'England' contradicts the location code" + DIFFER
