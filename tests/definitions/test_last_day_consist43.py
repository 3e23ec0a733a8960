"""The last day there is, with a death, is answered by both engines alike (consist43).

An incident on 9999-12-31 with a date of death crashed the one-incident classifier
(``OverflowError``: the day after it, where a birthday might first add a year to the
age at death), while :func:`classify_table` answered it. No birthday falls after the
last day and before the death.
"""

from __future__ import annotations

from typing import Any

import pyarrow as pa
import pytest

from svduty.definitions import Incident, classify, classify_table


@pytest.mark.parametrize(
    "row",
    [
        {"date": "9999-12-31", "date_of_death": "9999-12-31", "died": True, "victim_age": 17},
        {"date": "9999-12-31", "date_of_death": "9999-12", "victim_age": 17},
        {"date": "9999-12-31", "date_of_death": "9999-12-31", "offence_code": "19E"},
    ],
)
def test_the_last_day_there_is_with_a_death_is_answered_alike(row: dict[str, Any]) -> None:
    """It was an ``OverflowError`` (the day after it) in the scalar engine's age bounds."""
    c = classify(Incident.from_json(row))
    got = classify_table(pa.table({k: [v] for k, v in row.items()})).to_pylist()[0]
    assert got["homicide_review"] == c.homicide_review.value
    assert got["reasons"] == [r.rule for r in c.reasons]
