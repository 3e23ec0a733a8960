"""Fuzz: text given as a dictionary, as ``large_string`` or as ``string_view`` changes nothing.

A caller's batch may hold any text column dictionary-encoded (pandas' and polars'
categoricals, in a Parquet file or a table of one's own), as ``large_string`` or as
``string_view``. For random police.uk batches and incident batches, encoding any subset of
their text columns so must give the pipeline's rows, rejected rows and summary of the
plain-``string`` batch (values compared, not types: a column passes through as given),
with and without a sink (the summary-only path numbers police.uk rows by combination), and
the classifier (``classify_table``) the same verdicts. Before mend45 a dictionary
``lsoa_code`` (or incident ``location``) with a null crashed the pipeline
(``ArrowInvalid: zero_copy_only``) or left a row's ``within_area`` null, a wide
``lsoa_name`` crashed it, and a view anywhere crashed it once a row was refused.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pytest
from hypothesis import given
from hypothesis import strategies as st

from svduty.definitions import classify_table
from svduty.errors import DataError
from svduty.io import (
    POLICE_UK_COLUMNS,
    default_pipeline,
    iter_incidents,
    normalise_police_uk,
    read_police_uk,
    run_pipeline,
    sample_police_uk,
)

from .budget import budget
from .test_incidents import FIELDS

PIPE = default_pipeline()
SAMPLE = pa.Table.from_batches(list(read_police_uk(sample_police_uk())))
CODES = sorted({c for c in SAMPLE.column("lsoa_code").to_pylist() if c})[:12]
NAMES = sorted({c for c in SAMPLE.column("lsoa_name").to_pylist() if c})[:12]
ENCODINGS = ("dictionary", "dictionary16", "large", "view")


def _encoded(column: Any, how: str) -> Any:
    text = pc.cast(column, pa.string()) if pa.types.is_dictionary(column.type) else column
    if how == "dictionary":
        return pc.dictionary_encode(text)  # a null stays a null index
    if how == "dictionary16":
        return pc.cast(text, pa.dictionary(pa.int16(), pa.large_string()))
    return pc.cast(text, pa.large_string() if how == "large" else pa.string_view())


def _text_columns(table: pa.Table) -> list[str]:
    return [
        f.name for f in table.schema if pa.types.is_string(f.type) or pa.types.is_dictionary(f.type)
    ]


def _choose(draw: st.DrawFn, table: pa.Table) -> dict[str, str]:
    """Any subset of ``table``'s text columns, each with another encoding."""
    chosen = draw(st.lists(st.sampled_from(_text_columns(table)), unique=True, min_size=1))
    return {name: draw(st.sampled_from(ENCODINGS)) for name in chosen}


def _recode(table: pa.Table, chosen: dict[str, str]) -> pa.Table:
    """``table`` with the ``chosen`` columns it has encoded so."""
    for name, how in chosen.items():
        at = table.schema.get_field_index(name)
        if at >= 0:
            table = table.set_column(at, name, _encoded(table.column(name), how))
    return table


def _values(table: pa.Table) -> list[dict[str, Any]]:
    """A table's rows as Python values (text of any encoding is the same text)."""
    return table.to_pylist()


def _run(batch: pa.Table, sink: bool) -> tuple[dict[str, Any], list[Any], list[Any]]:
    rows: list[pa.Table] = []
    rejected: list[pa.Table] = []
    summary = run_pipeline(
        [batch], PIPE, rows.append if sink else None, on_rejected=rejected.append
    )
    return (
        summary.to_json(),
        [r for t in rows for r in _values(t)],
        [r for t in rejected for r in _values(t)],
    )


def _same_everywhere(plain: pa.Table, recoded: pa.Table) -> None:
    assert _values(PIPE(recoded)) == _values(PIPE(plain))
    for sink in (True, False):
        assert _run(recoded, sink) == _run(plain, sink)


@st.composite
def police_uk_batches(draw: st.DrawFn) -> tuple[pa.Table, pa.Table]:
    """A police.uk batch (``normalise_police_uk``) and the same with its text re-encoded."""
    n = draw(st.integers(1, 30))
    cell = st.one_of(st.just(""), st.sampled_from(["x", "On or near Park Road", "E01099999"]))
    raw: dict[str, list[str]] = {}
    for name in POLICE_UK_COLUMNS:
        raw[name] = draw(st.lists(cell, min_size=n, max_size=n))
    months = st.sampled_from(["2025-06", "2024-02", "", "2025-13"])
    raw["Month"] = draw(st.lists(months, min_size=n, max_size=n))
    raw["Crime type"] = draw(
        st.lists(
            st.sampled_from(["Burglary", "Violence and sexual offences", "Public order", "", "x"]),
            min_size=n,
            max_size=n,
        )
    )
    codes = st.sampled_from([*CODES, "", "E01099999", "W01000001", "x"])
    raw["LSOA code"] = draw(st.lists(codes, min_size=n, max_size=n))
    raw["LSOA name"] = draw(st.lists(st.sampled_from([*NAMES, ""]), min_size=n, max_size=n))
    raw["Longitude"] = draw(st.lists(st.sampled_from(["", "-1.5", "x"]), min_size=n, max_size=n))
    raw["Latitude"] = draw(st.lists(st.sampled_from(["", "52.3"]), min_size=n, max_size=n))
    plain = pa.Table.from_batches(
        [normalise_police_uk(pa.table(raw), file="f.csv", rows=pa.array(range(2, n + 2)))]
    )
    return plain, _recode(plain, _choose(draw, plain))


@budget(40)
@given(police_uk_batches())
def test_police_uk_text_encodings_change_no_output(tables: tuple[pa.Table, pa.Table]) -> None:
    _same_everywhere(*tables)


@st.composite
def incident_batches(draw: st.DrawFn) -> tuple[pa.Table, dict[str, str]]:
    """Incidents read from JSON Lines, and how to re-encode their text."""
    fields = {**FIELDS, "location": st.sampled_from([*CODES[:4], "E07000222", " e01031012 ", ""])}
    records = []
    for _ in range(draw(st.integers(1, 12))):
        names = draw(st.lists(st.sampled_from(sorted(fields)), unique=True, max_size=6))
        record: dict[str, Any] = {n: draw(st.one_of(st.none(), fields[n])) for n in names}
        if draw(st.booleans()):
            record["id"] = draw(st.sampled_from(["a", "b", "c"]))
        if draw(st.integers(0, 4)) == 0:
            record["relationship"] = "partner"  # refused by the classifier: its rows taken
        records.append(record)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "in.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        plain = pa.Table.from_batches(list(iter_incidents(path)))
    return plain, _choose(draw, plain)


@budget(40)
@given(incident_batches())
def test_incident_text_encodings_change_no_output(drawn: tuple[pa.Table, dict[str, str]]) -> None:
    plain, chosen = drawn
    _same_everywhere(plain, _recode(plain, chosen))
    reader = ("file", "row", "rejected", "rejected_field")
    fields = [n for n in plain.column_names if n not in reader]
    usable = plain.filter(pc.is_null(plain.column("rejected"))).select(fields)
    try:
        expected = _values(classify_table(usable).drop_columns(fields))
    except DataError as error:  # a refused row: the same refusal either way
        refusal = str(error)
    else:
        assert _values(classify_table(_recode(usable, chosen)).drop_columns(fields)) == expected
        return
    with pytest.raises(DataError) as again:
        classify_table(_recode(usable, chosen))
    assert str(again.value) == refusal
