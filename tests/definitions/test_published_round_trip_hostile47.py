"""A classification under a published definition reads back from its JSON.

Before hostile47 ``Classification.from_json(c.to_json(), definition=d)`` refused every
classification under the packaged ``london-vru`` and ``norfolk`` definitions (choices
``svduty explain --definition`` offers) whose reasons cite those definitions' own public
pages: "unknown source: lbhf-svd-strategy-definition; ... pass sources= the catalogue that
holds it", and no public catalogue held it. ``Reason.from_json`` refused such a reason
alike. The default catalogue is now svduty's own: the national sources and those the
published definitions cite. Property: the round trip holds for every published
definition, whatever the incident.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import example, given, settings

from svduty.answers import Reason
from svduty.definitions import Classification, Incident, classify
from svduty.errors import ConflictError, DataError
from svduty.io import PUBLISHED, load_published_definition

from .strategies import incident_json


@pytest.mark.parametrize("name", sorted(PUBLISHED))
@settings(max_examples=40, deadline=None)
@given(data=incident_json())
@example(data={"offence_code": "1"})  # homicide: reasons citing the definition's page
def test_a_classification_under_a_published_definition_reads_back(
    name: str, data: dict[str, Any]
) -> None:
    definition = load_published_definition(name)
    try:
        incident = Incident.from_json(data)
    except (ConflictError, DataError):
        return
    c = classify(incident, definition)
    written = json.loads(json.dumps(c.to_json()))
    assert Classification.from_json(written, definition=definition) == c
    for reason in c.reasons:
        assert Reason.from_json(json.loads(json.dumps(reason.to_json()))) == reason
