"""Fuzz: an id the published incident schema accepts is read, as the number its text writes.

hostile47 read a whole-number id written ``12.0`` or ``1e2`` (JSON Schema's ``integer``),
up to 2**53, and refused one beyond. Two faults were left: the schema took
``{"id": 1e16}`` and ``{"id": 1.5e300}``, which svduty refuses (the schema accepted what
the reader refused); and ``9007199254740993.0``, which a float holds as 2**53, was read as
``"9007199254740992"``, an id its writer did not write. RFC 8259 s.6: integers in the
range [-(2**53)+1, (2**53)-1] are those on which "implementations will agree exactly on
their numeric values". The schema (incident/2) now takes an integer id in that range only,
and svduty reads a float id in it, whatever its spelling, and refuses one beyond. An integer
written with digits only is still read exactly however long (a Python reader holds it);
the schema does not promise it.

Property: whatever the spelling of a whole number, a document the schema accepts is read
by ``Incident.from_json`` and ``read_incidents_jsonl`` as the digits of the number its
text writes (never another number), and a document they refuse the schema refuses.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import jsonschema
from hypothesis import example, given
from hypothesis import strategies as st

from svduty.definitions import Incident
from svduty.errors import DataError
from svduty.io import incident_schema, read_incidents_jsonl

from .budget import budget

SCHEMA = jsonschema.Draft202012Validator(incident_schema())
EDGE = 2**53

NUMBERS = st.one_of(
    st.integers(-(2**60), 2**60),
    st.integers(EDGE - 4, EDGE + 4),
    st.integers(-EDGE - 4, -EDGE + 4),
    st.integers(-(10**40), 10**40),
)
SPELLINGS = st.sampled_from(["{n}", "{n}.0", "{n}e0", "{f:e}", "{f:.17e}", "{f!r}"])


def _read(tmp: Path, line: str) -> tuple[str | None, str | None]:
    """What ``Incident.from_json`` and the JSON Lines reader read as the id (None: refused)."""
    try:
        one: str | None = Incident.from_json(json.loads(line)).id
    except DataError:
        one = None
    f = tmp / "in.jsonl"
    f.write_text(line + "\n", encoding="utf-8")
    table = read_incidents_jsonl(f)
    other = table.column("id")[0].as_py() if table.column("rejected")[0].as_py() is None else None
    return one, other


@budget(80)
@given(n=NUMBERS, spelling=SPELLINGS)
@example(n=EDGE + 1, spelling="{n}.0")  # read as 2**53 before
@example(n=10**16, spelling="{f:e}")  # accepted by the schema, refused by svduty, before
@example(n=EDGE - 1, spelling="{n}.0")  # the largest: read
def test_the_schema_accepts_what_is_read(tmp_path_factory: Any, n: int, spelling: str) -> None:
    text = spelling.format(n=n, f=float(n))
    exact = Decimal(text)
    if exact != exact.to_integral_value():  # not a whole number
        return
    line = f'{{"id": {text}}}'
    accepted = not list(SCHEMA.iter_errors(json.loads(line)))
    one, other = _read(tmp_path_factory.mktemp("ids"), line)
    if accepted:
        assert one == other == str(int(exact))
    if one is None or other is None:
        assert not accepted
    assert one in (None, str(int(exact)))  # refused or read as written, never changed
    assert other in (None, str(int(exact)))
