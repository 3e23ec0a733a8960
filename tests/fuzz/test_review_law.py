"""Legal edges found by the session 8 review, through both classifiers."""

from __future__ import annotations

import pytest

from svduty.definitions import Definition, Incident, Included, classify, classify_table
from svduty.sources import cite

from ..definitions.helpers import to_table

_C = cite("pcsc-act-2022", "s.13")
ADULTS = Definition("adults", "Adults", _C, (Included("s13_violence", _C),), victim_age_at_least=16)


@pytest.mark.parametrize(
    ("incident", "in_scope", "rule"),
    [
        ({"offence_code": "19C"}, "yes", "DEF-adults"),  # rape of a person aged 16 or over
        ({"offence_code": "19E"}, "no", "DEF-adults-AGE-BELOW"),  # a child under 13
        ({"offence_code": "8N"}, "undetermined", None),  # the age is open
        ({"offence_code": "8N", "victim_age": 15}, "no", "DEF-adults-AGE-BELOW"),
        ({"offence_code": "8N", "victim_age": 16}, "yes", "DEF-adults"),
    ],
)
def test_an_age_floor_reads_what_the_offence_requires(
    incident: dict[str, object], in_scope: str, rule: str | None
) -> None:
    result = classify(Incident.from_json(incident), ADULTS)
    assert result.in_scope.value == in_scope
    reasons = [r.rule for r in result.reasons]
    if rule is None:
        assert "victim_age" in result.missing_facts
    else:
        assert rule in reasons
    row = classify_table(to_table([incident]), ADULTS).to_pylist()[0]
    assert row["in_scope"] == in_scope
    assert row["reasons"] == reasons
