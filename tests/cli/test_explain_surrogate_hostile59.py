"""``explain`` says an unpaired surrogate escape is one, in classify's words, for every field.

hostile58 gave classify's JSON Lines reader the reason ``FIELD: expected text, not an
unpaired surrogate escape (...)``; explain reads a line with :meth:`Incident.from_json`, which
said it only of ``id``: ``"location": "\\ud800"`` was "expected a GSS code such as E01031012
(got a string of 1 character, not shown)", ``"behaviours": ["\\udc00"]`` "expected one of
'physical', ..." (hostile59): a user told to mend the spelling of a value no encoding can
hold. Now each field's reason is classify's, in text, JSON and HTML alike; never the value.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from svduty.definitions import Incident
from svduty.definitions._spelling import LONE_SURROGATE
from svduty.errors import DataError
from svduty.io._incidents import _check
from tests.cli_run import run
from tests.fuzz.budget import budget

SECRET = "ZZSECRET"
FIELDS = [f.name for f in attrs.fields(Incident)]

ROWS = [
    ("location", SECRET + "\ud800"),
    ("behaviours", [SECRET + "\udc00"]),
    ("behaviours", SECRET + "\udfff"),  # a string where a list belongs: still the escape
    ("offence_code", "8\ud800"),
    ("intentional", "\ud83d"),
]


@pytest.mark.parametrize("fmt", ["text", "json", "html"])
def test_explain_names_the_field_and_the_escape_never_the_value(tmp_path: Path, fmt: str) -> None:
    f = tmp_path / "in.jsonl"
    lines = [
        json.dumps({"id": f"r{i}", "offence_code": "8N", k: v}) for i, (k, v) in enumerate(ROWS)
    ]
    f.write_text("\n".join(lines) + "\n")
    code, out, err = run("explain", f, "--format", fmt)
    assert code == 1, err
    said = [line for line in err.splitlines() if "rejected" in line]
    assert said == [
        f"svduty explain: rejected: {f}: row {i + 1}: {k}: expected {LONE_SURROGATE}"
        for i, (k, _) in enumerate(ROWS)
    ]
    assert SECRET not in err + out
    assert "\ud800" not in out  # the output is writable text


def test_explain_and_classify_give_one_reason(tmp_path: Path) -> None:
    f = tmp_path / "in.jsonl"
    f.write_text(json.dumps({"id": "a", "location": "\ud800"}) + "\n")
    _, _, err = run("explain", f)
    run("classify", f, "-o", tmp_path / "o.csv", "--rejected", tmp_path / "r.csv")
    with (tmp_path / "r.csv").open(newline="") as rejected:
        [classify_row] = list(csv.DictReader(rejected))
    [explain_reason] = [line for line in err.splitlines() if "rejected" in line]
    assert explain_reason.rpartition(": expected ")[2] == LONE_SURROGATE
    assert classify_row["reason"] == f"expected {LONE_SURROGATE}"


def _reasons(obj: dict[str, Any]) -> list[tuple[str | None, str]]:
    try:
        Incident.from_json(obj)
    except DataError as exc:
        return [(p.field, str(p).partition(": expected ")[2]) for p in exc.problems]
    return []


@given(
    st.sampled_from(FIELDS),
    st.integers(0xD800, 0xDFFF),
    st.text(max_size=4),
    st.booleans(),
)
@example("place_of_death", 0xD800, "E01031012", False)
@example("harms", 0xDC80, "injury", True)
@example("id", 0xDFFF, "", True)
@example("offence_code", 0xD800, "", True)
@budget(40)
def test_every_field_s_escape_reads_as_classify_reads_it(
    field: str, point: int, text: str, listed: bool
) -> None:
    value: Any = text + chr(point)
    value = [value] if listed else value
    [(said_field, reason)] = _reasons({field: value})
    check = _check({field: value})
    assert check is not None
    assert said_field == check[0] == field
    assert reason.startswith(check[1].removeprefix("expected "))  # classify's, explain's
    # a list is no offence code whatever it holds: both say what a code is
    assert (reason == LONE_SURROGATE) is (field != "offence_code" or not listed)
