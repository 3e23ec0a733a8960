"""Every field of ``Incident`` through every incident reader and the batch job.

The readers' fields are ``Incident``'s (one list): a JSON Lines line, a CSV row (with
``--map``) and a Parquet row are classified by ``svduty classify`` as
``Incident.from_json`` and ``classify`` classify them alone, row for row, the homicide
review fields (``other_reviews``, ``place_of_death``, ``review_information``,
``pilot_partner``, ``date_of_death``, ``made_or_adapted``, ``same_household``,
``victim_age_at_death``, ``intended_for_injury``, ``care_and_support_needs``,
``aware_before_pilot_end``, ``body_located``, ``identity_recorded``, ``dsi_matter``) too.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import attrs
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import svduty
from svduty.cli import main
from svduty.definitions import Incident, classify
from svduty.errors import DataError
from svduty.io import INCIDENT_OUTPUT_SCHEMA, INCIDENT_SCHEMA, read_incidents_jsonl
from svduty.io._incident_fields import DAY_FIELDS, loads, twice
from svduty.io._incident_tables import iter_incidents, read_incident_table
from svduty.io._pipeline import default_pipeline

from ..definitions.strategies import incident_json

ANSWERS = ("violence", "in_scope", "domestic_abuse", "qualifying_homicide", "homicide_review")
NEW = (
    "other_reviews",
    "place_of_death",
    "review_information",
    "pilot_partner",
    "date_of_death",
    "made_or_adapted",
    "same_household",
    "victim_age_at_death",
    "intended_for_injury",
    "care_and_support_needs",
    "aware_before_pilot_end",
    "body_located",
    "identity_recorded",
    "dsi_matter",
)
PIPE = default_pipeline()
RESOLVE = svduty.warwickshire().geography.district_code_of
DEFINITION = svduty.warwickshire().require_definition()


def test_the_readers_fields_are_the_incidents_fields_in_order() -> None:
    assert INCIDENT_SCHEMA.names == [f.name for f in attrs.fields(Incident)]
    assert set(NEW) <= set(INCIDENT_SCHEMA.names)
    assert INCIDENT_SCHEMA.field("other_reviews").type == pa.list_(pa.string())
    assert INCIDENT_SCHEMA.field("review_information").type == pa.bool_()
    assert INCIDENT_SCHEMA.field("place_of_death").type == pa.string()
    assert {"date", "date_of_death"} == DAY_FIELDS
    # the output echoes them where it echoes the other fields: before the area columns
    names = INCIDENT_OUTPUT_SCHEMA.names
    assert names[4 : 4 + len(INCIDENT_SCHEMA)] == INCIDENT_SCHEMA.names
    assert names[4 + len(INCIDENT_SCHEMA)] == "district_code"


def _scalar(record: dict[str, Any]) -> dict[str, Any] | None:
    """What ``svduty explain`` gives one record alone; ``None`` if it is refused."""
    try:
        c = classify(Incident.from_json(record), DEFINITION, resolve_district=RESOLVE)
    except DataError:  # a ConflictError too
        return None
    out: dict[str, Any] = {a: getattr(c, a).value for a in ANSWERS}
    return {**out, "kinds": list(c.kinds), "reasons": [r.rule for r in c.reasons]}


def _batch(path: Path, mapping: dict[str, str] | None = None) -> dict[int, dict[str, Any] | None]:
    """Each row's answers from the batch job (``None``: rejected), by row number."""
    out: dict[int, dict[str, Any] | None] = {}
    for batch in iter_incidents([path], mapping=mapping):
        for row in PIPE(batch).to_pylist():
            ok = row["rejected"] is None
            keep = (*ANSWERS, "kinds", "reasons")
            out[row["row"]] = {k: row[k] for k in keep} if ok else None
    return out


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ";".join(value)
    return str(value)


AGES = ("victim_age", "perpetrator_age")
_ODD_AGES = [12.5, float("nan"), float("inf"), -1.0, 131.0, 1e30, 17.0000001]


def _ages_as_floats(draw: st.DrawFn, row: dict[str, Any]) -> dict[str, Any]:
    """``row`` with its ages as floats (pandas' integer column with a gap), some wrong."""
    out = dict(row)
    for name in AGES:
        if name in out:
            out[name] = draw(st.one_of(st.just(float(out[name])), st.sampled_from(_ODD_AGES)))
    return out


_FLOAT_SCHEMA = pa.schema(
    [pa.field(f.name, pa.float64()) if f.name in AGES else f for f in INCIDENT_SCHEMA]
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(incident_json(), min_size=1, max_size=8), st.booleans(), st.data())
def test_every_reader_classifies_each_row_as_the_scalar_route_does(
    tmp_path_factory: pytest.TempPathFactory,
    rows: list[dict[str, Any]],
    floats: bool,
    data: st.DataObject,
) -> None:
    d = tmp_path_factory.mktemp("fields")
    rows = [{**r, "id": str(i)} for i, r in enumerate(rows)]
    if floats:  # float age columns: Parquet's float64, CSV's "30.0", JSON's 30.0
        rows = [_ages_as_floats(data.draw, r) for r in rows]
    # JSON Lines: line i + 1
    jsonl = d / "in.jsonl"
    jsonl.write_text("".join(json.dumps(r) + "\n" for r in rows))
    want = {i + 1: _scalar(r) for i, r in enumerate(rows)}
    assert _batch(jsonl) == want
    # Parquet: row i + 1, the typed columns of the readers' schema
    parquet = d / "in.parquet"
    schema = _FLOAT_SCHEMA if floats else INCIDENT_SCHEMA
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), parquet)
    assert _batch(parquet) == want
    # CSV: every field a column under a name of the file's own, mapped; an empty list is
    # an empty cell, which is unknown
    names = INCIDENT_SCHEMA.names
    text = io.StringIO()
    w = csv.writer(text, lineterminator="\n")
    w.writerow([f"Col {n}" for n in names])
    for r in rows:
        w.writerow([_csv_cell(r.get(n)) for n in names])
    table = d / "in.csv"
    table.write_text(text.getvalue())
    unknown = [{k: v for k, v in r.items() if v != []} for r in rows]
    want_csv = {i + 2: _scalar(r) for i, r in enumerate(unknown)}
    assert _batch(table, {f"Col {n}": n for n in names}) == want_csv


def test_the_homicide_review_is_settled_through_classify_as_explain_settles_it(
    tmp_path: Path,
) -> None:
    record = {
        "id": "h1",
        "date": "2023-06-01",
        "offence_code": "1",
        "weapon": "knife",
        "intentional": True,
        "victim_age": 30,
        "perpetrator_age": 25,
        "relationship": "none",
        "target": "person",
        "died": True,
        "harms": ["death"],
        "behaviours": ["physical"],
        "context": [],
        "country": "England",
        "location": "E08000025",
        "place_of_death": "E08000025",
        "date_of_death": "2023-06-02",
        "review_information": True,
        "other_reviews": [],
        "same_household": False,
        "care_and_support_needs": False,
        "aware_before_pilot_end": True,
        "body_located": True,
        "identity_recorded": True,
        "dsi_matter": False,
    }
    f = tmp_path / "in.jsonl"
    f.write_text(json.dumps(record) + "\n")
    out = io.StringIO()
    assert main(["classify", str(f)], stdout=out, stderr=io.StringIO()) == 0
    row = json.loads(out.getvalue())
    assert row["homicide_review"] == "required"
    assert {k: row[k] for k in NEW} == {k: record.get(k) for k in NEW}
    explained = io.StringIO()
    assert main(["explain", str(f), "--format", "json"], stdout=explained) == 0
    assert json.loads(explained.getvalue())["homicide_review"] == "required"
    # without the date of death the pilot cannot be settled: undetermined, as before
    f.write_text(json.dumps({k: v for k, v in record.items() if k != "date_of_death"}) + "\n")
    out = io.StringIO()
    main(["classify", str(f)], stdout=out, stderr=io.StringIO())
    assert json.loads(out.getvalue())["homicide_review"] != "required"


@pytest.mark.parametrize(
    ("field", "value", "reason"),
    [
        ("date_of_death", "2023-02-30", "date_of_death: expected a date YYYY-MM-DD or a month"),
        ("place_of_death", "Birmingham", "place_of_death: expected a GSS code"),
        ("other_reviews", ["nope"], "other_reviews: expected one of 'child_death_review', "),
        (  # text for a yes/no: JSON has its own (an analyst's review)
            "pilot_partner",
            "yes",
            "pilot_partner: expected true or false (got a string of 3 characters, not shown)",
        ),
        (
            "victim_age",
            "19",
            "victim_age: expected a whole number of years 0 to 130 (got a string of 2 characters, ",
        ),
        ("review_information", 1, "review_information: expected true or false"),
        ("same_household", "no", "same_household: expected true or false"),
        ("care_and_support_needs", 0, "care_and_support_needs: expected true or false"),
        ("aware_before_pilot_end", "no", "aware_before_pilot_end: expected true or false"),
        ("body_located", "yes", "body_located: expected true or false"),
        ("identity_recorded", 1, "identity_recorded: expected true or false"),
        ("dsi_matter", "no", "dsi_matter: expected true or false"),
        ("victim_age_at_death", 131, "victim_age_at_death: expected a whole number"),
    ],
)
def test_a_bad_new_field_rejects_its_row_naming_the_field(
    tmp_path: Path, field: str, value: Any, reason: str
) -> None:
    f = tmp_path / "in.jsonl"
    f.write_text(json.dumps({"id": "a", "died": True, field: value}) + '\n{"id": "b"}\n')
    rejected = tmp_path / "rejected.csv"
    argv = ["classify", str(f), "--output", str(tmp_path / "o.jsonl")]
    assert main([*argv, "--rejected", str(rejected)], stdout=io.StringIO()) == 0
    lines = rejected.read_text().splitlines()
    assert len(lines) == 2
    assert f',2,"{field}",' not in lines[1]  # the bad row is row 1, the good one classified
    _, row, named, why = next(csv.reader([lines[1]]))
    assert (row, named) == ("1", field)
    assert f"{field}: {why}".startswith(reason)
    assert "Birmingham" not in why  # values are never shown
    assert "nope" not in why


def test_a_key_given_twice_is_a_rejected_row_that_shows_no_value(tmp_path: Path) -> None:
    f = tmp_path / "in.jsonl"
    f.write_text('{"victim_age": 12, "victim_age": 40}\n{"id": "ok"}\n{"id": "x", "id": "y"}\n')
    t = read_incidents_jsonl(f)
    assert t.column("rejected").to_pylist() == [
        "victim_age: given twice",
        None,
        "id: given twice",
    ]
    assert t.column("rejected_field").to_pylist() == ["victim_age", None, "id"]
    # the same through standard input's route (the line reader) and the fast reader's refusal
    assert read_incidents_jsonl(f, validate=lambda *a: None).column("rejected").to_pylist() == (
        t.column("rejected").to_pylist()
    )
    # an unknown key given twice is an unknown key; a nested repeat is the value's problem
    f.write_text('{"nope": 1, "nope": 2}\n{"harms": [{"a": 1, "a": 2}]}\n')
    assert read_incidents_jsonl(f).column("rejected").to_pylist()[1] == (
        "harms: expected a list of words (got a list holding a table of 1 key)"
    )
    assert read_incidents_jsonl(f).column("rejected_field").to_pylist()[0] == "nope"


def test_explain_rejects_a_key_given_twice(tmp_path: Path) -> None:
    f = tmp_path / "in.jsonl"
    f.write_text('{"victim_age": 12, "victim_age": 40}\n{"id": "ok"}\n')
    err = io.StringIO()
    assert main(["explain", str(f)], stdout=io.StringIO(), stderr=err) == 1
    assert err.getvalue() == f"svduty explain: rejected: {f}: row 1: victim_age: given twice\n"
    shown = err.getvalue().replace(str(f), "FILE")  # the temporary path may hold any digits
    assert "12" not in shown
    assert "40" not in shown


def test_loads_keeps_the_first_repeated_key() -> None:
    assert twice(loads('{"a": 1, "b": 2, "b": 3, "a": 4}')) == "b"
    assert twice(loads('{"a": {"b": 1, "b": 2}}')) is None  # only the line's own keys
    assert twice(loads("[1]")) is None


def test_parquet_day_columns_of_dates_and_timestamps(tmp_path: Path) -> None:
    f = tmp_path / "in.parquet"
    days = [dt.date(2023, 3, 25), None, dt.date(2023, 4, 1), dt.date(2023, 4, 2)]
    deaths = [dt.datetime(2023, 4, 5), None, dt.datetime(2023, 4, 5, 13, 30), None]
    table = pa.table(
        {
            "id": ["a", "b", "c", "d"],
            "date": pa.array(days, pa.date32()),
            "date_of_death": pa.array(deaths, pa.timestamp("ms")),
            "died": [True, None, True, None],
        }
    )
    pq.write_table(table, f)
    t = read_incident_table(f)
    assert t.column("date").to_pylist() == ["2023-03-25", None, "2023-04-01", "2023-04-02"]
    # a timestamp is the day of its wall clock, as Incident reads a datetime
    assert t.column("date_of_death").to_pylist() == ["2023-04-05", None, "2023-04-05", None]
    assert t.column("rejected").to_pylist() == [None] * 4
    assert read_incident_table(f).column("date_of_death").to_pylist()[2] == (
        svduty.Incident.from_json({"date_of_death": deaths[2]}).date_of_death
    )
    # date64, and a timestamp with a time zone: the day on that zone's wall clock
    utc = [dt.datetime(2023, 6, 30, 23), dt.datetime(2023, 7, 1, 12)]
    london = pa.array(utc, pa.timestamp("s"))
    table = pa.table(
        {
            "date": pa.array([dt.date(2023, 7, 1)] * 2, pa.date64()),
            "date_of_death": london.cast(pa.timestamp("s", tz="UTC")).cast(
                pa.timestamp("s", tz="Europe/London")
            ),
        }
    )
    pq.write_table(table, f)
    t = read_incident_table(f)
    assert t.column("date").to_pylist() == ["2023-07-01"] * 2
    assert t.column("date_of_death").to_pylist() == ["2023-07-01"] * 2  # 00:00 and 13:00 BST
    assert t.column("rejected_field").to_pylist() == [None, None]


def test_a_date_column_in_another_field_is_refused_naming_it(tmp_path: Path) -> None:
    f = tmp_path / "in.parquet"
    pq.write_table(pa.table({"location": pa.array([dt.date(2023, 1, 1)])}), f)
    with pytest.raises(
        DataError, match=r"location: a column of date32\[day\]; expected a string for"
    ):
        read_incident_table(f)
