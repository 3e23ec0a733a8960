"""A known disagreement between the engines, found by hypothesis in a fresh-clone run.

``test_a_conflicting_row_names_every_conflict_as_explain_does`` drew (once, in the
forty-fifth session's last fresh-clone ``make test``) a row with several conflicts whose
``place_of_death`` is an LSOA in a pilot area (``W01001234``, in Rhondda Cynon Taf,
``W06000016``) and whose ``pilot_partner`` is ``false``. The column engine resolves the
LSOA through the partnership's geography and names "pilot_partner: contradicts the place
of death (SI 2023/227)" with the others; ``Incident.from_json`` checks the incident's own
facts before any geography is known, cannot resolve an LSOA, and raises the other
conflicts first, so ``explain`` never reaches the pilot check: it names one conflict
fewer. Present at the session's start (``9e7b967``) too. Marked a strict expected failure,
so that the mend (``explain`` adding the geography's conflicts to those of the facts, in
the column engine's order) turns it into a failure to remove; until then that property
leaves rows of this shape (:func:`lsoa_pilot_gap`) to this file.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import svduty
from svduty.definitions import Incident
from svduty.errors import ConflictError
from svduty.io import default_pipeline, iter_incidents

ROW = {"date": "2023-01-30", "offence_code": "8N", "behaviours": [], "intentional": False,
       "target": "self", "harms": [], "weapon": "none", "victim_age": 0, "died": False,
       "location": "E01031012", "country": "England", "place_of_death": "W01001234",
       "pilot_partner": False, "date_of_death": "2023-01-30"}  # fmt: skip


def lsoa_pilot_gap(record: object) -> bool:
    """Whether a record has this gap's shape: ``pilot_partner`` with an LSOA place of death.

    Example:
        >>> lsoa_pilot_gap(ROW), lsoa_pilot_gap({"pilot_partner": False})
        (True, False)
    """
    if not isinstance(record, dict) or "pilot_partner" not in record:
        return False
    place = record.get("place_of_death")
    return isinstance(place, str) and place[1:3] == "01"


def test_the_column_engine_names_the_pilot_conflict_of_an_lsoa(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps(ROW) + "\n", encoding="utf-8")
    [row] = [r for b in iter_incidents([src]) for r in default_pipeline()(b).to_pylist()]
    assert "pilot_partner: contradicts the place of death" in row["rejected"]
    assert svduty.warwickshire().geography.district_code_of("W01001234") == "W06000016"


@pytest.mark.xfail(strict=True, reason="explain cannot resolve an LSOA before the conflicts")
def test_explain_names_the_same_conflicts_as_the_column_engine(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps(ROW) + "\n", encoding="utf-8")
    [row] = [r for b in iter_incidents([src]) for r in default_pipeline()(b).to_pylist()]
    with pytest.raises(ConflictError) as raised:
        Incident.from_json(ROW)
    assert row["rejected"] == "; ".join(str(p) for p in raised.value.problems)
