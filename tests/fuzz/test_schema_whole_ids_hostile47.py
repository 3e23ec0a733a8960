"""Fuzz: an id the incident schema takes as an integer is read, whatever its JSON spelling.

The published incident schema gives ``id`` the type ``["string", "integer"]``, and JSON
Schema's ``integer`` takes a number with no fraction however it is written: ``12``,
``12.0``, ``1.2e1``. Its documentation says "a document the schema accepts is read by
svduty", and the schema module that svduty reads "a whole-number ``id`` ... written
``12.0``". Before hostile47 ``Incident.from_json`` and the JSON Lines reader refused
``{"id": 12.0}`` ("id: expected a string"). Property: a whole number up to 2**53 (where a
float is exact) written either way is read as its digits by both; one beyond it written
with a fraction or exponent is refused by both as bad input (never a changed id).
"""

from __future__ import annotations

import json

import jsonschema
from hypothesis import example, given
from hypothesis import strategies as st

from svduty.definitions import Incident
from svduty.errors import DataError
from svduty.io import incident_schema, read_incidents_jsonl

from .budget import budget

SCHEMA = jsonschema.Draft202012Validator(incident_schema())
EXACT = 2**53 - 1  # mend48: the schema's bound (RFC 8259 s.6); a float holds 2**53 + 1 as 2**53


@budget(60)
@given(n=st.integers(-EXACT, EXACT), spelling=st.sampled_from(["{n}", "{n}.0", "{e}"]))
@example(n=12, spelling="{n}.0")  # refused before
@example(n=100, spelling="{e}")
def test_a_whole_id_is_read_as_its_digits(tmp_path_factory, n: int, spelling: str) -> None:  # type: ignore[no-untyped-def]
    text = spelling.format(n=n, e=f"{float(n):e}")
    if float(text) != n:  # (an exponent of too few digits for n: another number)
        return
    line = f'{{"id": {text}, "offence_code": "8N"}}'
    data = json.loads(line)
    assert not list(SCHEMA.iter_errors(data))
    assert Incident.from_json(data).id == str(n)
    f = tmp_path_factory.mktemp("ids") / "in.jsonl"
    f.write_text(line + "\n", encoding="utf-8")
    table = read_incidents_jsonl(f)
    assert table.column("rejected").to_pylist() == [None]
    assert table.column("id").to_pylist() == [str(n)]


@budget(30)
@given(n=st.integers(EXACT + 1, 10**300).filter(lambda n: float(n) > EXACT))
def test_a_float_id_beyond_exact_is_refused_not_changed(tmp_path_factory, n: int) -> None:  # type: ignore[no-untyped-def]
    line = f'{{"id": {float(n):.17e}}}'
    data = json.loads(line)
    try:
        got = Incident.from_json(data).id
    except DataError:
        got = None
    assert got is None
    f = tmp_path_factory.mktemp("ids") / "in.jsonl"
    f.write_text(line + "\n", encoding="utf-8")
    assert read_incidents_jsonl(f).column("rejected_field").to_pylist() == ["id"]
