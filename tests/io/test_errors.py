from __future__ import annotations

import pytest

from svduty.errors import (
    BundleError,
    DataError,
    Problem,
    SvdutyError,
    UnknownAreaError,
    UnknownSourceError,
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
