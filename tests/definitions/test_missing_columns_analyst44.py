"""The columnar missing facts name, row by row, what the scalar engine names (analyst44)."""

from __future__ import annotations

from typing import Any

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from svduty.definitions import DEFINITIONS, Incident, classify
from svduty.definitions._missing_columns import missing_columns
from svduty.errors import ConflictError, DataError

from .helpers import incidents_table, warwickshire
from .strategies import RESOLVE, incident_json

ANSWERS = ("violence", "in_scope", "domestic_abuse", "qualifying_homicide", "homicide_review")
ALL_DEFINITIONS = [*DEFINITIONS.values(), warwickshire()]


@settings(max_examples=50, deadline=None)
@given(
    rows=st.lists(incident_json(), min_size=1, max_size=8),
    which=st.integers(0, len(ALL_DEFINITIONS) - 1),
)
def test_missing_columns_are_the_scalar_missing_facts(
    rows: list[dict[str, Any]], which: int
) -> None:
    definition = ALL_DEFINITIONS[which]
    incidents, expected = [], []
    for data in rows:  # a refused incident is left out, not the whole table (diff44: the
        try:  # table was dropped for any one, most of them, and the health check failed)
            incident = Incident.from_json(data)
            expected.append(classify(incident, definition, resolve_district=RESOLVE))
        except (ConflictError, DataError):
            continue
        incidents.append(incident)
    assume(incidents)
    got = missing_columns(incidents_table(incidents), definition, resolve_district=RESOLVE)
    for answer in ANSWERS:
        column = got[answer].to_pylist()
        for c, facts in zip(expected, column, strict=True):
            if getattr(c, answer).value == "undetermined":
                assert facts == sorted(set(c.missing_for(answer))), (answer, c.to_json())
            else:
                assert facts is None, answer


def test_police_uk_like_row_names_what_the_category_leaves_open() -> None:
    import pyarrow as pa

    t = pa.table({"police_uk_category": ["Violence and sexual offences"], "date": ["2025-06"]})
    c = classify(Incident(police_uk_category="Violence and sexual offences", date="2025-06"))
    got = missing_columns(t)["violence"].to_pylist()[0]
    assert got == sorted(set(c.missing_for("violence"))) != []
