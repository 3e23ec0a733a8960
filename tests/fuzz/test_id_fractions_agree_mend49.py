"""Fuzz: an id written with a fraction is refused by both readers, whatever its size (mend49).

The incident schema (``incident/2``) takes an id that is a string or a JSON Schema
``integer`` within -(2**53 - 1) to 2**53 - 1: a number whose fraction is zero (``12.0``,
``1e2``), by the number the text writes. ``1.5`` is no id. svduty's JSON Lines reader
parses the text exactly and refuses a fraction however small; ``Incident.from_json`` is
handed what the caller parsed, and :func:`json.loads` rounds (``12.0000000000000001``,
``4503599627370496.5``, ``1e-400`` become the whole floats 12.0, 2**52, 0.0), so the
scalar reader read ids the text did not write, and it refused the exact route the age
fields already took: ``json.loads(line, parse_float=Decimal)`` gave ``Decimal("12.0")``,
refused as no id.

Property: for any number text, the JSON Lines reader and ``Incident.from_json`` of the
line parsed with ``parse_float=Decimal`` both read the digits of the number when it is
whole and within the range, and both refuse it otherwise, naming file, row and ``id``
and never the value; ``from_json`` of plain ``json.loads`` agrees whenever the float
holds the text's number exactly (the rounding is the parser's, documented).
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from hypothesis import example, given
from hypothesis import strategies as st

from svduty.definitions import Incident
from svduty.errors import DataError
from svduty.io import read_incidents_jsonl

from .budget import budget

EXACT = 2**53 - 1

WHOLE = st.one_of(
    st.integers(0, 10**4),
    st.integers(2**52 - 4, 2**52 + 4),
    st.integers(EXACT - 4, EXACT + 4),
    st.integers(0, 10**20),
)
FRACTION = st.one_of(
    st.just(""),
    st.sampled_from(["0", "5", "4", "00", "0000000000000000001", "9999999999999999999"]),
    st.text("0123456789", min_size=1, max_size=25),
)
EXPONENT = st.one_of(st.just(""), st.sampled_from(["e0", "E+0", "e-400", "e2", "e-1", "e16"]))


def _text(sign: str, whole: int, fraction: str, exponent: str) -> str:
    return sign + str(whole) + ("." + fraction if fraction else "") + exponent


def _expected(text: str) -> str | None:
    exact = Decimal(text)
    if exact != exact.to_integral_value():
        return None
    if ("." in text or "e" in text.lower()) and abs(exact) > EXACT:
        return None  # digits only: read exactly however long (mend48)
    return str(int(exact))


def _scalar(line: str, *, exact: bool) -> str | None:
    data = json.loads(line, parse_float=Decimal) if exact else json.loads(line)
    try:
        return Incident.from_json(data, line=1, file="in.jsonl").id
    except DataError as err:
        (problem,) = err.problems
        assert (problem.file, problem.row, problem.field) == ("in.jsonl", 1, "id")
        return None


def _columnar(tmp: Path, line: str) -> tuple[str | None, str | None]:
    f = tmp / "in.jsonl"
    f.write_text(line + "\n", encoding="utf-8")
    table = read_incidents_jsonl(f)
    reason = table.column("rejected")[0].as_py()
    if reason is None:
        return table.column("id")[0].as_py(), None
    assert table.column("rejected_field")[0].as_py() == "id"
    return None, reason


@budget(120)
@given(
    sign=st.sampled_from(["", "-"]),
    whole=WHOLE,
    fraction=FRACTION,
    exponent=EXPONENT,
)
@example(sign="", whole=1, fraction="5", exponent="")
@example(sign="", whole=12345678901234567, fraction="5", exponent="")
@example(sign="", whole=2**52, fraction="5", exponent="")  # rounds to 2**52 as a float
@example(sign="", whole=12, fraction="0000000000000001", exponent="")  # rounds to 12.0
@example(sign="", whole=1, fraction="", exponent="e-400")  # rounds to 0.0
@example(sign="", whole=EXACT, fraction="4", exponent="")
@example(sign="", whole=12, fraction="0", exponent="")  # 12.0: an id, "12"
@example(sign="-", whole=1, fraction="", exponent="e2")  # -1e2: "-100"
def test_both_readers_agree_on_an_id_with_a_fraction(
    tmp_path_factory: Any, sign: str, whole: int, fraction: str, exponent: str
) -> None:
    text = _text(sign, whole, fraction, exponent)
    line = f'{{"id": {text}}}'
    expected = _expected(text)
    read, reason = _columnar(tmp_path_factory.mktemp("ids"), line)
    assert read == expected
    assert _scalar(line, exact=True) == expected
    if Decimal(json.loads(line)["id"]) == Decimal(text):  # the float lost nothing
        assert _scalar(line, exact=False) == expected
    if reason is not None and len(str(whole)) > 3:  # never the value (12 is in "12.0")
        assert str(whole) not in reason
        assert text not in reason
