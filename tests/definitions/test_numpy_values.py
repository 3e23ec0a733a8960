"""numpy values given to ``Incident.from_json`` are read as the plain values they hold.

pandas' ``DataFrame.to_dict("records")`` gives numpy scalars: ``numpy.int64(30)`` was
refused as an age ("got a value of type int64") while ``numpy.float64(30.0)`` was taken
(a float subclass), ``numpy.bool_`` was not true or false, and an array of two
dimensions stopped ``from_json`` with numpy's own ``ValueError`` ("The truth value of an
array ... is ambiguous"), a 0-d array with a ``TypeError``: not the :class:`DataError`
naming the field that every other bad value gets.
"""

from __future__ import annotations

import numpy as np
import pytest

import svduty
from svduty.definitions import Behaviour


def test_numpy_scalars_are_their_values() -> None:
    given = svduty.Incident.from_json(
        {
            "victim_age": np.int64(30),
            "perpetrator_age": np.int32(40),
            "intentional": np.bool_(True),
            "weapon": np.str_("knife"),
            "behaviours": np.array(["physical", "sexual"]),
        }
    )
    plain = svduty.Incident.from_json(
        {
            "victim_age": 30,
            "perpetrator_age": 40,
            "intentional": True,
            "weapon": "knife",
            "behaviours": ["physical", "sexual"],
        }
    )
    assert given == plain
    assert svduty.classify(given) == svduty.classify(plain)


def test_a_zero_dimensional_array_is_its_value() -> None:
    assert svduty.Incident.from_json({"victim_age": np.array(30)}).victim_age == 30


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("behaviours", np.array([["physical", "sexual"], ["neglect", "economic"]])),
        ("behaviours", np.array([["physical"]])),
        ("harms", np.array([[1, 2], [3, 4]])),
        ("behaviours", np.array("physical")),
        ("victim_age", np.array([[30]])),
        ("victim_age", np.array([30, 31])),
        ("intentional", np.array([True])),
        ("weapon", np.array([["knife"]])),
    ],
    ids=repr,
)
def test_arrays_of_the_wrong_shape_are_data_errors(field: str, value: object) -> None:
    with pytest.raises(svduty.DataError, match=f"^in.jsonl: row 4: {field}: expected"):
        svduty.Incident.from_json({field: value}, line=4, file="in.jsonl")


def test_numpy_dates_and_missing_values() -> None:
    """A second hostile review: ``numpy.datetime64("2024-01")`` (a month) was read as the day
    2024-01-01, and ``numpy.ma.masked`` raised numpy's own ``TypeError``."""
    read = svduty.Incident.from_json
    assert read({"date": np.datetime64("2024-01")}).date == "2024-01"
    assert read({"date": np.datetime64("2024-01-15T12:30", "ns")}).date == "2024-01-15"
    assert read({"date": np.datetime64("NaT"), "behaviours": np.ma.masked}) == svduty.Incident()
    with pytest.raises(svduty.DataError, match=r"^date: expected a date"):
        read({"date": np.datetime64("2024")})  # a year is not a day nor a month


def test_pandas_values() -> None:
    """``{"weapon": pd.array(["knife"])}`` was read as weapon ``none`` (an enum compared with
    an array, whose ``==`` is an array, always true), ``pd.NaT`` raised ``ValueError``."""
    pd = pytest.importorskip("pandas")
    read = svduty.Incident.from_json
    assert read({"date": pd.NaT, "victim_age": pd.NA}) == svduty.Incident()
    assert read({"behaviours": pd.array(["physical"], dtype="string")}).behaviours == {
        Behaviour.PHYSICAL
    }
    for field, value in (
        ("weapon", pd.array(["knife"], dtype="string")),
        ("target", pd.array([1])),
    ):
        with pytest.raises(svduty.DataError, match=f"^{field}: expected one of"):
            read({field: value})
