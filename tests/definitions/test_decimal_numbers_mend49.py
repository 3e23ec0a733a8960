"""``Incident.from_json`` reads a ``Decimal`` id and offence code exactly (mend49).

``json.loads(line, parse_float=Decimal)`` is the exact route the age fields already took:
``Decimal("12.0")`` was refused as an id ("expected a string or a whole number") and
``Decimal("8.0")`` as an offence code, though the floats 12.0 and 8.0 were read; a
fraction is refused however small, as svduty's JSON Lines reader refuses it.
"""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from svduty.definitions import Incident
from svduty.errors import DataError


def _exact(line: str) -> Incident:
    return Incident.from_json(json.loads(line, parse_float=Decimal), line=4, file="in.jsonl")


@pytest.mark.parametrize(
    ("text", "id_"),
    [("12.0", "12"), ("1e2", "100"), ("-0.0", "0"), ("9007199254740991.0", "9007199254740991")],
)
def test_a_whole_decimal_id_is_its_digits(text: str, id_: str) -> None:
    assert _exact(f'{{"id": {text}}}').id == id_


@pytest.mark.parametrize(
    "text",
    [
        "1.5",
        "12.0000000000000001",
        "4503599627370496.5",
        "1e-400",
        "9007199254740992.0",
        "1e99999999",
    ],
)
def test_a_decimal_id_with_a_fraction_or_beyond_is_refused_unseen(text: str) -> None:
    with pytest.raises(DataError) as caught:
        _exact(f'{{"id": {text}}}')
    (problem,) = caught.value.problems
    assert (problem.file, problem.row, problem.field) == ("in.jsonl", 4, "id")
    assert text not in str(caught.value)
    assert "one written with a point or an exponent, as 12.0 or 1e2" in str(caught.value)


def test_a_whole_decimal_offence_code_is_its_digits() -> None:
    assert _exact('{"offence_code": 8.0}').offence_code == "8"
    assert Incident.from_json({"offence_code": Decimal("1e2")}).offence_code == "100"


@pytest.mark.parametrize("text", ["8.0000000000000001", "8.5", "1e99999999"])
def test_a_decimal_offence_code_with_a_fraction_is_no_code(text: str) -> None:
    with pytest.raises(DataError) as caught:
        _exact(f'{{"offence_code": {text}}}')
    (problem,) = caught.value.problems
    assert (problem.file, problem.row, problem.field) == ("in.jsonl", 4, "offence_code")
