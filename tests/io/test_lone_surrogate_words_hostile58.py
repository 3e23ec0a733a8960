"""A lone surrogate escape in a JSON Lines row is said to be one, not advice to convert the file.

``"\\ud800"`` without its pair is no character in any encoding: the row was rejected as
"expected UTF-8 text", and a file of such rows was told, likely, to be converted with
``iconv`` (hostile58), which cannot mend it. The reason now says what is wrong (an unpaired
surrogate escape in a JSON string) and where (file, line, field), never the value.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from svduty.definitions._spelling import LONE_SURROGATE
from tests.cli_run import run
from tests.fuzz.budget import budget

SECRET = "ZZSECRET"


def _said(err: str) -> list[str]:
    return [line for line in err.splitlines() if "surrogate" in line]


@pytest.mark.parametrize("field", ["id", "relationship", "location", "place_of_death"])
def test_the_reason_names_the_escape_the_file_the_line_and_the_field(
    tmp_path: Path, field: str
) -> None:
    f = tmp_path / "in.jsonl"
    row = json.dumps({"id": "a", "offence_code": "8N", field: SECRET + "\ud800"})
    f.write_text('{"id": "b", "offence_code": "8N"}\n' + row + "\n")
    code, out, err = run("classify", f, "-o", tmp_path / "out.jsonl")
    err += out
    assert code == 0, err
    assert _said(err) == [f"  {f}: row 2: {field}: expected {LONE_SURROGATE}"]
    assert SECRET not in err
    assert "iconv" not in err


def test_a_file_of_such_rows_is_not_told_to_convert_its_encoding(tmp_path: Path) -> None:
    f = tmp_path / "in.jsonl"
    f.write_text('{"id": "\\udc00", "offence_code": "8N"}\n{"id": "x", "weapon": "\\ud83d"}\n')
    code, out, err = run("classify", f, "-o", tmp_path / "out.jsonl")
    assert code == 0, err
    err += out
    [warning] = [line for line in err.splitlines() if "EVERY-ROW-REJECTED" in line]
    assert "iconv" not in warning
    assert "unpaired surrogate escape" in warning


@given(st.integers(0xD800, 0xDFFF), st.sampled_from(["id", "weapon", "context"]))
@example(0xDC80, "id")
@budget(20)
def test_every_lone_surrogate_is_said_so(point: int, field: str) -> None:
    from svduty.io._incidents import _check

    assert _check({field: f"a{chr(point)}"}) == (field, LONE_SURROGATE)
