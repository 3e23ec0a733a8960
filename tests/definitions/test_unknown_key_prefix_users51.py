"""A key that is the start of one field's name is told which (users51).

``{"police_uk": "Burglary"}`` (the field is ``police_uk_category``) was refused as "an
unknown field (a name of 9 characters, not shown)" with no hint, where ``weapn`` and
``lsoa`` get "did you mean ...?". The hint names the field, never the key; a start that
several fields share, or of three letters or fewer, gives none.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

import svduty
from svduty.cli import main


def _expected(data: dict[str, object]) -> str:
    with pytest.raises(svduty.DataError) as info:
        svduty.Incident.from_json(data, line=1, file="in.jsonl")
    (problem,) = info.value.problems
    return problem.expected or ""


def test_the_start_of_one_field_is_told_which() -> None:
    assert _expected({"police_uk": "Burglary"}).endswith("(did you mean police_uk_category?)")
    assert _expected({"care_and": True}).endswith("(did you mean care_and_support_needs?)")


@pytest.mark.parametrize("key", ["victim", "vic", "identity_x", "Jane"])
def test_no_hint_for_a_shared_or_short_start_or_a_name(key: str) -> None:
    assert "did you mean" not in _expected({key: 1})


def test_explain_says_it_without_the_key(tmp_path: Path) -> None:
    f = tmp_path / "in.jsonl"
    f.write_text(json.dumps({"id": "a", "police_uk": "Burglary"}) + "\n", encoding="utf-8")
    err = io.StringIO()
    assert main(["explain", str(f)], stdout=io.StringIO(), stderr=err) == 1
    assert "(did you mean police_uk_category?)" in err.getvalue()
    assert "police_uk:" not in err.getvalue()
