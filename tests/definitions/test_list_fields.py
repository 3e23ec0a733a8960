"""A list field given an object, text or bytes is refused, on every path.

``Incident.from_json({"behaviours": {"physical": false}})`` read the object's keys as the
list (``["physical"]``): a line whose values said *not* physical was answered violence
``yes`` by ``svduty explain``, while ``svduty classify`` refused it. A mapping, text and
bytes are now refused as "a list of words", naming the field.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

import svduty
from svduty.cli import main

LISTS = ("behaviours", "harms", "context", "other_reviews")
NOT_LISTS = ({"physical": False}, {"death": True}, "physical", b"physical")


@pytest.mark.parametrize("field", LISTS)
@pytest.mark.parametrize("value", NOT_LISTS, ids=repr)
def test_a_list_field_is_a_list(field: str, value: object) -> None:
    with pytest.raises(svduty.DataError, match=f"{field}: expected a list of words"):
        svduty.Incident.from_json({field: value})
    with pytest.raises(svduty.DataError, match=f"{field}: expected a list of words"):
        svduty.Incident(**{field: value})  # type: ignore[arg-type]


def test_a_set_or_tuple_is_a_list() -> None:
    assert svduty.Incident(behaviours=("physical",)) == svduty.Incident(behaviours={"physical"})


@pytest.mark.parametrize("field", LISTS)
def test_an_iterator_is_read_once_and_kept(field: str) -> None:
    """A generator given to from_json kept its words (checking it once emptied it).

    ``context`` given as a generator of ``["terrorism"]`` came back as an empty set, so
    the terrorism exclusion was lost and the answer flipped.
    """
    word = {"behaviours": "physical", "harms": "death", "context": "terrorism"}.get(
        field, "domestic_homicide_review"
    )
    given = svduty.Incident.from_json({field: (w for w in [word])})
    assert given == svduty.Incident.from_json({field: [word]})
    assert given.to_json() == {field: [word]}


def test_explain_refuses_the_line_as_classify_does(tmp_path: Path) -> None:
    f = tmp_path / "i.jsonl"
    f.write_text(json.dumps({"behaviours": {"physical": False}, "target": "person"}) + "\n")
    for command in (["explain", str(f), "--format", "json"], ["classify", str(f)]):
        out, err = io.StringIO(), io.StringIO()
        code = main(command, stdout=out, stderr=err)
        said = out.getvalue() + err.getvalue()
        assert '"violence": "yes"' not in said
        assert "behaviours" in said, (command, code, said)
