"""A rejected row names every conflict of its facts, as ``explain`` does (contract44).

A row whose facts contradicted each other twice (``died: false`` beside the harm
``death``, and an offence code of another police.uk crime type) was rejected for one of
them alone in the ``--rejected`` file and the summary, while ``svduty explain`` listed
both: fixing the one named left the row rejected the next time. Now the reason names each,
``field: why`` joined by ``; `` in the order ``explain`` gives them (``field`` is the
first's), one line per rejected row as before.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import svduty
from svduty.definitions import Incident, classify, classify_split
from svduty.errors import ConflictError, DataError
from svduty.io import default_pipeline, iter_incidents
from tests.cli_run import run
from tests.definitions.helpers import to_table
from tests.definitions.strategies import RESOLVE, incident_json, odd_incident_json
from tests.definitions.test_hostile_agreement_consist43 import hostile_json
from tests.definitions.test_properties import ALL_DEFINITIONS

TWO = {"id": "a", "died": False, "harms": ["death"], "offence_code": "46",
       "police_uk_category": "burglary"}  # fmt: skip


def _explained(record: dict[str, Any]) -> list[str] | None:
    """The conflicts ``explain`` reports for the record, or None if it has none."""
    p = svduty.warwickshire()
    try:
        resolve = p.geography.district_code_of  # an LSOA placed, as the column engine does
        incident = Incident.from_json(record, resolve_district=resolve)
        classify(incident, p.require_definition(), resolve_district=resolve)
    except ConflictError as exc:
        return [str(problem) for problem in exc.problems]
    except DataError:
        return None
    return None


def test_the_rejected_file_and_summary_name_both_conflicts_in_explains_order(
    tmp_path: Path,
) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps(TWO) + "\n" + json.dumps({"id": "b"}) + "\n", encoding="utf-8")
    code, _, stderr = run("explain", src)
    told = [line.split(": row 1: ", 1)[1] for line in stderr.splitlines() if "rejected" in line]
    assert told == [
        "died: contradicts harms containing 'death'",
        "police_uk_category: offence code 46 is published as 'Shoplifting'",
    ]
    rejected = tmp_path / "rejected.csv"
    code, stdout, stderr = run(
        "classify", src, "-o", tmp_path / "out.jsonl", "--rejected", rejected, "--summary", "json"
    )
    assert code == 0, stderr
    with rejected.open(encoding="utf-8") as fh:
        [line] = list(csv.DictReader(fh))
    assert (line["row"], line["field"]) == ("1", "died")
    assert f"{line['field']}: {line['reason']}" == "; ".join(told)
    summary = json.loads(stdout)
    assert summary["rejected"] == 1
    [sample] = summary["rejections"]
    assert f"{sample['field']}: {sample['reason']}" == "; ".join(told)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(hostile_json(), odd_incident_json(), incident_json()), min_size=1,
                max_size=6), st.integers(1, 3))  # fmt: skip
def test_a_conflicting_row_names_every_conflict_as_explain_does(
    tmp_path_factory: pytest.TempPathFactory, records: list[dict[str, Any]], repeat: int
) -> None:
    """Lines repeated too, so that the job's distinct-combinations route runs."""
    records = records * repeat
    f = tmp_path_factory.mktemp("conflicts") / "in.jsonl"
    f.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    rows = {}
    for batch in iter_incidents([f]):
        rows.update({r["row"]: r for r in default_pipeline()(batch).to_pylist()})
    for i, record in enumerate(records, 1):
        told = _explained(record)
        if told is None:
            continue
        assert rows[i]["rejected"] == "; ".join(told), record
        assert rows[i]["rejected_field"] == told[0].split(":", 1)[0], record


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(hostile_json(), odd_incident_json(), incident_json()), min_size=1,
                max_size=8), st.sampled_from(ALL_DEFINITIONS))  # fmt: skip
def test_both_engines_list_a_rows_conflicts_in_the_same_order(
    records: list[dict[str, Any]], definition: Any
) -> None:
    """``classify_split`` gives each row's conflicts in the order ``classify`` raises them."""
    _, problems = classify_split(
        to_table(records, all_columns=False), definition, resolve_district=RESOLVE
    )
    for i, record in enumerate(records, 1):
        try:
            incident = Incident.from_json(record, resolve_district=RESOLVE)
            classify(incident, definition, resolve_district=RESOLVE)
        except ConflictError as exc:
            said = [(p.field, p.what()) for p in exc.problems]
            assert [(p.field, p.what()) for p in problems if p.row == i] == said, record
        except DataError:
            continue
