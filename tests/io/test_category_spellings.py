"""A crime type spelt several ways in an incident file is one crime type in every output.

The classifier reads a police.uk crime type in any case, or by its police.uk API slug;
the rows it classifies, and so the summary's and the tables' counts, name it as police.uk
publishes it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pyarrow.csv
from hypothesis import given
from hypothesis import strategies as st

from svduty.cli import main
from svduty.definitions import POLICE_UK_CATEGORIES, Incident
from svduty.definitions._columns import category_names

_SPELLINGS = [s for c in POLICE_UK_CATEGORIES for s in (c.name, c.name.upper(), c.slug)]


@given(st.lists(st.sampled_from([*_SPELLINGS, " burglary ", "Nonsense", "", None]), max_size=9))
def test_each_known_spelling_is_named_as_an_incident_names_it(values):
    named = category_names(pa.array(values, pa.string())).to_pylist()
    for value, name in zip(values, named, strict=True):
        try:
            want = Incident(police_uk_category=value).police_uk_category or value
        except Exception:  # not a crime type: left as given, for the classifier to refuse
            want = value
        assert name == want
    assert category_names(pa.array(named, pa.string())).to_pylist() == named  # idempotent


def test_a_column_that_is_not_text_is_left_as_it_is():
    col = pa.array([{"a": 1}])
    assert category_names(col) is col


def test_the_summary_counts_one_crime_type_once_however_spelt(tmp_path: Path, capsys):
    spellings = ["violent-crime", "Violence and sexual offences", "VIOLENCE AND SEXUAL OFFENCES"]
    f = tmp_path / "c.jsonl"
    f.write_text(
        "".join(
            json.dumps({"id": str(i), "police_uk_category": s}) + "\n"
            for i, s in enumerate(spellings)
        )
    )
    out = tmp_path / "out.csv"
    assert main(["classify", str(f), "-o", str(out), "--summary", "json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["by_category"] == {"Violence and sexual offences": 3}
    rows = pa.csv.read_csv(out)
    assert set(rows.column("police_uk_category").to_pylist()) == {"Violence and sexual offences"}
