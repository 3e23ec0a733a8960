"""Fuzz: the JSON Lines reader and ``Incident.from_json`` refuse the same offence codes alike.

Before mend49b the JSON Lines reader refused an ``offence_code`` that was a number it
would not take as digits (an integer beyond 2**53, ``8.5``, ``true``, a list) with
"expected a string", and a malformed code with "such as '8N'"; ``Incident.from_json`` (the
scalar reader) said "expected a Home Office offence code such as '8N' or '105A'" with what
it got, never the value. Now the JSON Lines reader reads a code that is not text as
``Incident`` reads it, and both say the same words.

Property: for any lines of offence codes (text, integers of any size, booleans, floats a
float holds exactly, lists, objects, null), each row is read by both readers to the same
code, or rejected by both naming ``offence_code`` with the same reason: the JSON Lines
reader's own, or (text it keeps) the columnar check's that ``classify`` rejects it with.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pyarrow as pa
from hypothesis import example, given
from hypothesis import strategies as st

from svduty.definitions import Incident, classify_table
from svduty.errors import DataError
from svduty.io import read_incidents_jsonl

from .budget import budget

CODES = st.one_of(
    st.sampled_from(["8N", " 8n ", "008N", "4/1", "105A", "8-N", "8.5", "19C", "", "x" * 20]),
    st.text("0123456789./ ANZaz-", max_size=8),
)
NUMBERS = st.one_of(
    st.integers(-(10**4), 10**4),
    st.integers(2**53 - 3, 2**53 + 3),
    st.integers(2**63 - 2, 2**64 + 2),
    st.integers(-(10**25), 10**25),
    st.integers(-(2**22), 2**22).map(lambda k: k / 4),  # floats a float holds exactly
    st.sampled_from([8.0, 1e20, 1e300, -0.0, 2.0**53 + 2]),
)
VALUES = st.one_of(
    st.none(),
    st.booleans(),
    CODES,
    NUMBERS,
    st.lists(st.integers(0, 9), max_size=2),
    st.just({"a": 1}),
)


def _scalar(line: str, row: int) -> tuple[str | None, str | None]:
    try:
        return Incident.from_json(json.loads(line), line=row, file="in.jsonl").offence_code, None
    except DataError as err:
        (problem,) = err.problems
        assert (problem.file, problem.row, problem.field) == ("in.jsonl", row, "offence_code")
        return None, f"offence_code: {problem.what()}"


@budget(80)
@given(values=st.lists(VALUES, min_size=1, max_size=5))
@example(values=[2**53 + 1])
@example(values=["8N", 2**53 + 1])
@example(values=[8.5, True, [1]])
@example(values=[2**70])
def test_both_readers_read_and_refuse_the_same_codes_alike(
    tmp_path_factory: Any, values: list[Any]
) -> None:
    lines = [json.dumps({"id": f"i{n}", "offence_code": v}) for n, v in enumerate(values)]
    f: Path = tmp_path_factory.mktemp("codes") / "in.jsonl"
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    table = read_incidents_jsonl(f)
    assert table.column("row").to_pylist() == list(range(1, len(values) + 1))
    for n, line in enumerate(lines):
        code, reason = _scalar(line, n + 1)
        read, why = table.column("offence_code")[n].as_py(), table.column("rejected")[n].as_py()
        if why is None:  # kept: the columnar check of classify reads it
            read, why = _columnar(read)
        else:
            assert table.column("rejected_field")[n].as_py() == "offence_code"
        assert (read, why) == (code, reason), line


def _columnar(value: str | None) -> tuple[str | None, str | None]:
    try:
        classify_table(pa.table({"offence_code": pa.array([value], pa.string())}))
    except DataError as err:
        (problem,) = err.problems
        assert (problem.row, problem.field) == (1, "offence_code")
        return None, f"offence_code: {problem.what()}"
    return (None if value is None else Incident(offence_code=value).offence_code), None
