from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from svduty.errors import (
    SAFE_SHAPE,
    BundleError,
    DataError,
    Described,
    Problem,
    Shown,
    SvdutyError,
    UnknownAreaError,
    UnknownSourceError,
    describe,
    quote,
    quote_keys,
    shown,
)


def test_problem_renders_location_and_expectation():
    p = Problem(file="f.csv", row=3, field="Latitude", expected="a number", got="north")
    assert str(p) == "f.csv: row 3: Latitude: expected a number (got 'north')"


def test_problem_without_location_or_text():
    assert str(Problem()) == "invalid value"
    assert str(Problem(message="boom")) == "boom"
    assert Problem(message="bad", expected="good").what() == "bad; expected good"


def test_data_error_lists_every_problem_and_context():
    err = DataError([Problem(field="a", expected="x"), Problem(field="b", expected="y")], "2 bad")
    assert str(err).splitlines() == ["2 bad", "a: expected x", "b: expected y"]
    assert len(err.problems) == 2


def test_data_error_single_problem_and_empty_list():
    assert DataError(Problem(field="a")).problems[0].field == "a"
    assert str(DataError([])) == "invalid data"


def test_with_file_keeps_class_and_existing_files():
    err = BundleError([Problem(field="a"), Problem(file="other.toml", field="b")])
    moved = err.with_file("x.toml")
    assert type(moved) is BundleError
    assert [p.file for p in moved.problems] == ["x.toml", "other.toml"]


def test_lookup_errors_are_svduty_errors():
    with pytest.raises(SvdutyError):
        raise UnknownAreaError("E01000000", "not in any table")
    assert "known: a, b" in str(UnknownSourceError("z", ["b", "a"]))
    many = UnknownSourceError("z", [f"s{i:02d}" for i in range(20)])
    assert str(many).endswith(", ...)")


# -- personal data is never echoed (issue 12 item 2) -------------------------------------

FIRST = st.sampled_from(["Jane", "John", "Priya", "Mohammed", "Aoife", "Tomasz"])
LAST = st.sampled_from(["Citizen", "Bloggs", "Okonkwo", "Kowalski", "Nakamura"])
NAMES = st.builds(
    lambda f, surname, form: form.format(f, surname),
    FIRST,
    LAST,
    st.sampled_from(["{} {}", "{1}, {0}", "Ms {} {}", "{1}"]),
)
DOBS = st.builds(
    lambda d, form: form.format(d, d.strftime("%d/%m/%Y"), d.strftime("%d.%m.%Y")),
    st.dates(),
    st.sampled_from(["DOB {0}", "{1}", "{2}", "born {1}", "{0} (date of birth)"]),
)
PERSONAL = st.one_of(NAMES, DOBS)


@given(value=PERSONAL)
def test_a_name_or_date_of_birth_as_got_is_never_shown(value):
    p = Problem(file="x.jsonl", row=3, field="weapon", expected="a weapon", got=value)
    assert value not in str(p)
    assert value not in str(DataError([p]))
    assert isinstance(p.got, Described)
    assert f"a string of {len(value)} characters" in str(p)


@given(value=PERSONAL, vocabulary=st.lists(st.sampled_from(["knife", "firearm", "none"])))
def test_a_value_outside_a_closed_vocabulary_is_described(value, vocabulary):
    assert value not in quote(value, vocabulary=vocabulary)
    assert value not in str(Problem(got=shown(value, vocabulary=vocabulary)))


@given(value=st.sampled_from(["knife", "firearm", "none"]))
def test_a_value_in_the_vocabulary_is_shown(value):
    assert shown(value, vocabulary=["knife", "firearm", "none"]) == value
    assert f"(got '{value}')" in str(Problem(got=shown(value, vocabulary=[value])))


@given(keys=st.lists(PERSONAL, min_size=1, max_size=4), typo=st.sampled_from(["weapn", "ag"]))
def test_unknown_keys_that_are_names_or_dates_are_counted_not_shown(keys, typo):
    text = quote_keys([*keys, typo])
    assert typo in text
    for key in keys:
        assert key not in text
    assert f"{len(set(keys))} key" in text or f"{len(keys)} key" in text


@given(
    value=st.one_of(
        st.text(),
        st.integers(),
        st.floats(),
        st.booleans(),
        st.none(),
        st.lists(st.integers()),
        st.dictionaries(st.text(), st.integers()),
    )
)
def test_got_is_always_shown_safely_or_described(value):
    got = Problem(got=value).got
    if value is None:
        assert got is None
    elif isinstance(got, Shown):
        assert SAFE_SHAPE.fullmatch(got)
        assert len(got) <= 40
    else:
        assert isinstance(got, Described)
        assert got == describe(value)


def test_shown_with_a_shape_and_the_safe_default():
    assert shown("2023-02-30", shape=r"\d{4}-\d{2}-\d{2}") == "2023-02-30"
    assert isinstance(shown("DOB 2023-02-30", shape=r"\d{4}-\d{2}-\d{2}"), Described)
    assert shown("x" * 41, shape=r"x+") == "a string of 41 characters, not shown"
    assert shown(Decimal("1.50")) == "1.50"
    assert shown(float("nan")) == "a number, not shown"
    assert shown(True) == "true or false"
    assert shown(["a"], vocabulary=["a"]) == "a list of 1 item"
    assert shown({"a"}, vocabulary=[{"a"}]) == "a list of 1 item"
    assert shown(b"Jane") == "4 bytes, not shown"
    assert shown(object()) == "a value of type object, not shown"
    assert describe(datetime.date(1985, 3, 12)) == "a date or time, not shown"
    assert describe(Described("x")) == "x"
    assert shown(Shown("E07000218")) == "E07000218"
    assert quote("rugby") == "'rugby'"
    assert quote_keys([]) == "no keys"
    many = quote_keys([f"Jane Citizen {i}" for i in range(7)])
    assert many.startswith("7 keys not shown (of 14 and 14 and 14 and 14 and 14, ...")


def test_with_file_keeps_screened_values():
    err = DataError.single(None, "weapon", expected="a weapon", got="Jane Citizen")
    moved = err.with_file("x.jsonl")
    assert "Jane" not in str(moved)
    assert str(moved).startswith("x.jsonl: weapon: expected a weapon (got a string of 12")
