"""Rows alike in what the rules read are evaluated once a group (speed53c).

Incidents told apart only by their place (an LSOA code, its district) or their day within
one reading of it are one group for the rules; the verdicts, reasons, kinds and missing
facts of each row must be those the rows get evaluated one by one, and the one-incident
``classify``'s.
"""

from __future__ import annotations

import json
from typing import Any

import pyarrow as pa
import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from svduty.definitions import DEFINITIONS, Incident, _fact_groups, classify, classify_table
from svduty.definitions._columns import prepare
from svduty.definitions._fact_groups import FEWEST, fact_groups
from svduty.definitions._missing_columns import missing_order, missing_sets, spelt_sets
from svduty.definitions._owhr import OWHR_PILOT_AS_MADE
from svduty.errors import ConflictError, DataError

from .helpers import to_table, warwickshire
from .strategies import RESOLVE, incident_json

ANSWERS = ("violence", "in_scope", "domestic_abuse", "qualifying_homicide", "homicide_review")
ALL_DEFINITIONS = [*DEFINITIONS.values(), warwickshire()]
_PLACES = ["E01031012", "W01001234", "E08000025", "E01099999", None]


# Whether the rules accept an incident, asked once a distinct incident: a batch repeats a
# few incidents at a few places, and each row was classified again (ci57a: 42% of the test)
_ACCEPTED: dict[str, bool] = {}


def _accepted(data: dict[str, Any]) -> bool:
    key = json.dumps(data, sort_keys=True)
    if key not in _ACCEPTED:
        try:
            classify(Incident.from_json(data), resolve_district=RESOLVE)
        except (ConflictError, DataError):
            _ACCEPTED[key] = False
        else:
            _ACCEPTED[key] = True
    return _ACCEPTED[key]


@st.composite
def _batch(draw: st.DrawFn) -> list[dict[str, Any]]:
    """At least FEWEST rows, a few incidents each repeated with other places."""
    kinds = [d for d in draw(st.lists(incident_json(), min_size=1, max_size=4)) if _accepted(d)]
    assume(kinds)
    rows = []
    for i in range(FEWEST + draw(st.integers(0, 20))):
        data = dict(kinds[i % len(kinds)])
        place = draw(st.sampled_from(_PLACES))
        if "country" not in data and draw(st.booleans()):
            data["location"] = place  # (a country would contradict some places)
            if place is None:
                del data["location"]
        rows.append(data)
    return [r for r in rows if _accepted(r)]


@settings(max_examples=40, deadline=None)
@given(rows=_batch(), which=st.integers(0, len(ALL_DEFINITIONS) - 1))
@example(
    rows=[
        {"police_uk_category": "Robbery", "date": "2024-01-15", "location": p}
        for p in ["E01031012", "W01001234"] * 40
    ],
    which=len(ALL_DEFINITIONS) - 1,
)
def test_groups_are_the_rows_one_by_one(rows: list[dict[str, Any]], which: int) -> None:
    assume(len(rows) >= FEWEST)
    definition = ALL_DEFINITIONS[which]
    table = to_table(rows, all_columns=False)
    cols, _, _ = prepare(table, RESOLVE)
    grouped = fact_groups(cols, table.num_rows)
    got = classify_table(table, definition, resolve_district=RESOLVE, encode=True)
    sets = missing_sets(table, definition, resolve_district=RESOLVE)
    with pytest.MonkeyPatch.context() as m:  # the same rows, evaluated one by one
        m.setattr(_fact_groups, "FEWEST", 1 << 30)
        m.setattr("svduty.definitions._columnar.fact_groups", lambda *a: None)
        want = classify_table(table, definition, resolve_district=RESOLVE, encode=True)
        want_sets = missing_sets(table, definition, resolve_district=RESOLVE)
    for name in (*ANSWERS, "basis", "kinds", "reasons"):
        assert got.column(name).equals(want.column(name)), name  # dictionaries in order too
    assert sets is not None
    assert want_sets is not None
    order = missing_order(definition, OWHR_PILOT_AS_MADE)
    # each row classified by the scalar engine once, not once an answer (lead56: the suite's
    # slowest test, 91 s in CI, five scalar classifications of every row); rows alike (the
    # same JSON) once, their answer compared at every row (ci57a: 37% of the test's CPU)
    once: dict[str, Any] = {}
    for d in rows:
        key = json.dumps(d, sort_keys=True)
        if key not in once:
            once[key] = classify(Incident.from_json(d), definition, resolve_district=RESOLVE)
    scalar = [once[json.dumps(d, sort_keys=True)] for d in rows]
    for answer in ANSWERS:
        assert sets[answer].equals(want_sets[answer]), answer
        spelt = spelt_sets(sets[answer], order[answer]).to_pylist()
        for i, (c, facts) in enumerate(zip(scalar, spelt, strict=True)):
            assert getattr(c, answer).value == got.column(answer)[i].as_py()
            if getattr(c, answer).value == "undetermined":
                assert facts == ", ".join(sorted(set(c.missing_for(answer)))), answer
            else:
                assert facts is None, answer
    if grouped is not None:  # (the rows were grouped: fewer groups than rows)
        assert len(grouped[1]) <= table.num_rows // 2


def test_places_and_days_of_one_reading_are_one_group() -> None:
    """The bench's incidents: 80 rows, two places and two days of one month, one group each."""
    rows = [
        {"police_uk_category": "Robbery", "date": d, "location": p, "victim_age": 30}
        for d in ("2024-01", "2024-01")
        for p in ("E01031012", "W01001234", "E08000025", "E01031012") * 10
    ]
    cols, _, _ = prepare(to_table(rows, all_columns=False), RESOLVE)
    grouped = fact_groups(cols, len(rows))
    assert grouped is not None
    assert grouped[1].to_pylist() == [0]  # the places are not read by any rule
    rows[5]["victim_age"] = 31
    cols, _, _ = prepare(to_table(rows, all_columns=False), RESOLVE)
    grouped = fact_groups(cols, len(rows))
    assert grouped is not None
    assert grouped[1].to_pylist() == [0, 5]
    lists = pa.table({"behaviours": [["physical"]] * 80})  # lists: not grouped here
    cols, _, _ = prepare(lists, RESOLVE)
    assert fact_groups(cols, 80) is None
    assert fact_groups(cols, FEWEST - 1) is None
