"""A decided answer read back from JSON carries a reason of its own rules (contract44).

svduty writes an empty ``reasons`` list only where every answer is ``undetermined``
(``{"context": []}``), and every answer it decides carries a reason of its own rule
family (``tests/definitions/test_reasons_given_reasons43.py``). ``Classification.from_json``
read a decided answer with no reason at all, or none of its family, as svduty's: a
service passing on a classification whose reasons were lost was believed.
"""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import svduty
from svduty.definitions import Classification, Incident, classify
from svduty.definitions._classification_contract import FAMILIES
from svduty.errors import ConflictError, DataError
from svduty.io import classification_schema

from .strategies import RESOLVE, consistent, incident_json
from .test_properties import ALL_DEFINITIONS, ANSWERS

SOURCES = svduty.warwickshire().sources
SCHEMA = jsonschema.Draft202012Validator(classification_schema())


def _classified(data: dict[str, Any], definition: Any) -> Classification:
    try:
        incident = Incident.from_json(data)
    except ConflictError:
        assume(False)
        raise  # pragma: no cover
    return classify(incident, definition, resolve_district=RESOLVE)


def _family(answer: str, definition_id: str) -> tuple[str, ...]:
    return (f"DEF-{definition_id}",) if answer == "in_scope" else FAMILIES[answer]


@given(consistent(incident_json()), st.sampled_from(ALL_DEFINITIONS), st.data())
def test_a_decided_answer_without_its_reasons_is_refused_and_what_svduty_writes_read(
    data, definition, draw
):
    c = _classified(data, definition)
    written = json.loads(json.dumps(c.to_json()))
    back = Classification.from_json(written, sources=SOURCES, definition=definition)
    assert back == c  # what svduty writes is read, an empty reasons list too
    assert not list(SCHEMA.iter_errors(written))  # and the schema accepts it
    decided = [a for a in ANSWERS if written[a] != "undetermined"]
    if not decided:
        return
    answer = draw.draw(st.sampled_from(decided))
    family = _family(answer, definition.id)
    kept = [r for r in written["reasons"] if not r["rule"].startswith(family)]
    lost = {**written, "reasons": kept}
    with pytest.raises(DataError) as caught:
        Classification.from_json(lost, sources=SOURCES, definition=definition)
    fields = [(p.field, p.expected or "") for p in caught.value.problems]
    assert any(f == "reasons" and f" for {answer}, " in e for f, e in fields), fields
    assert list(SCHEMA.iter_errors(lost))  # the JSON Schema (classification/2) refuses it


@pytest.mark.parametrize("definition", ALL_DEFINITIONS, ids=lambda d: d.id)
def test_an_empty_reasons_list_beside_decided_answers_is_refused(definition):
    c = classify(Incident(id="x", offence_code="3B", context=[], died=False), definition)
    written = c.to_json()
    assert written["violence"] == "yes"
    with pytest.raises(DataError, match=r"reasons: expected a reason of its rules \(S13\.\.\.\)"):
        Classification.from_json({**written, "reasons": []}, sources=SOURCES, definition=definition)


@pytest.mark.parametrize("definition", ALL_DEFINITIONS, ids=lambda d: d.id)
def test_an_empty_reasons_list_of_undetermined_answers_is_read(definition):
    c = classify(Incident.from_json({"context": []}), definition)
    assert c.reasons == ()
    assert Classification.from_json(c.to_json(), definition=definition) == c


def test_a_partnership_s_own_source_without_its_catalogue_says_to_pass_sources():
    """A line of ``svduty explain --format json`` under the packaged partnership cites
    its own strategy: the error said the source was unknown, not how to name it."""
    definition = svduty.warwickshire().require_definition()
    # the force stated intended: 8N alone no longer says it (law61), nor then cites the strategy
    c = classify(Incident(id="a", offence_code="8N", intentional=True, victim_age=15), definition)
    with pytest.raises(DataError, match=r"pass sources= .*p\.sources") as caught:
        Classification.from_json(c.to_json(), definition=definition)
    assert "citation" in caught.value.problems[0].field
    assert Classification.from_json(c.to_json(), sources=SOURCES, definition=definition) == c
