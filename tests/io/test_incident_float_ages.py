"""An age column of floats or decimals (pandas' integer column with a gap), and CSV "30.0".

Read row by row as :class:`~svduty.definitions.Incident` reads a JSON number: a whole
value is its number, a fraction, NaN or infinity rejects its row alone, with the reason
the classifiers give, never the value.
"""

from __future__ import annotations

import decimal
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from svduty.definitions import Incident
from svduty.errors import DataError
from svduty.io._incident_tables import iter_incidents
from svduty.io._pipeline import default_pipeline

PIPE = default_pipeline()
WHOLE = "expected a whole number of years"
RANGE = "expected a whole number of years 0 to 130"


def _rows(path: Path, mapping: dict[str, str] | None = None) -> list[tuple[Any, ...]]:
    out = []
    for batch in iter_incidents([path], mapping=mapping):
        for r in PIPE(batch).to_pylist():
            out.append((r["row"], r["victim_age"], r["perpetrator_age"], r["rejected"]))
    return sorted(out)


def _api(value: Any) -> str | None:
    """The reason ``Incident`` gives a victim age, without what it shows of the value."""
    try:
        Incident.from_json({"victim_age": value})
    except DataError as exc:
        return str(exc).split(" (got")[0]
    return None


@pytest.mark.parametrize("typ", [pa.float64(), pa.float32(), pa.float16()])
def test_a_float_age_column_is_read_row_by_row(tmp_path: Path, typ: pa.DataType) -> None:
    values = [30.0, 17.0, 17.5, None, float("nan"), float("inf"), -1.0, 131.0]
    array = pa.array(np.array(values, dtype=typ.to_pandas_dtype()), typ, from_pandas=False)
    array = _null_at(array, 3)
    f = tmp_path / "f.parquet"
    ids = [str(i) for i in range(len(values))]  # no row empty (an empty row is rejected)
    pq.write_table(pa.table({"id": ids, "victim_age": array, "perpetrator_age": array}), f)
    got = _rows(f)
    assert [r[1] for r in got] == [30, 17, None, None, None, None, -1, 131]
    assert [r[2] for r in got] == [30, 17, None, None, None, None, -1, 131]
    reasons = [r[3] and r[3].split(" (got")[0] for r in got]
    assert reasons == [
        None,
        None,
        f"victim_age: {WHOLE}",
        None,
        f"victim_age: {WHOLE}",
        f"victim_age: {RANGE}",
        f"victim_age: {RANGE}",
        f"victim_age: {RANGE}",
    ]
    # the same reasons as the API gives each value alone
    assert reasons == [_api(v) for v in [30.0, 17.0, 17.5, None, *values[4:]]]
    for r in got[2:6]:  # no value shown (the classifier shows -1 and 131 as it always has)
        assert not any(v in (r[3] or "") for v in ("17.5", "nan", "inf"))


def _null_at(array: pa.Array, i: int) -> pa.Array:
    mask = np.zeros(len(array), bool)
    mask[i] = True
    return pa.array(array.to_numpy(zero_copy_only=False), array.type, mask=mask)


def test_pandas_integer_column_with_a_gap_classifies_every_row(tmp_path: Path) -> None:
    f = tmp_path / "f.parquet"
    pq.write_table(pa.table({"victim_age": pa.array([30.0, 17.0]), "died": [True, True]}), f)
    got = _rows(f)
    assert [(r[1], r[3]) for r in got] == [(30, None), (17, None)]


def test_only_the_bad_age_rejects_its_row_the_first_reason_kept(tmp_path: Path) -> None:
    f = tmp_path / "f.parquet"
    t = pa.table(
        {"victim_age": pa.array([12.5, 40.0, 1e300]), "perpetrator_age": [20.5, 3.5, 20.0]}
    )
    pq.write_table(t, f)
    got = _rows(f)
    assert [r[3] for r in got] == [
        f"victim_age: {WHOLE}",
        f"perpetrator_age: {WHOLE}",
        f"victim_age: {RANGE}",
    ]
    assert [r[2] for r in got] == [None, None, 20]


def test_a_decimal_age_column(tmp_path: Path) -> None:
    d = decimal.Decimal
    values = [
        d("30.00"),
        d("17.50"),
        d("30.01"),
        None,
        d("-1.00"),
        d("999999999999999999999999.00"),
    ]
    f = tmp_path / "f.parquet"
    ages = pa.array(values, pa.decimal128(30, 2))
    pq.write_table(pa.table({"id": list("abcdef"), "victim_age": ages}), f)
    got = _rows(f)
    assert [r[1] for r in got] == [30, None, None, None, -1, None]
    assert [r[3] and r[3].split(" (got")[0] for r in got] == [
        None,
        f"victim_age: {WHOLE}",
        f"victim_age: {WHOLE}",
        None,
        f"victim_age: {RANGE}",
        f"victim_age: {RANGE}",
    ]


def test_a_clean_integer_column_is_untouched(tmp_path: Path) -> None:
    f = tmp_path / "f.parquet"
    pq.write_table(pa.table({"victim_age": pa.array([30, 200], pa.int32())}), f)
    assert [(r[1], r[3] and r[3].split(" (got")[0]) for r in _rows(f)] == [
        (30, None),
        (200, f"victim_age: {RANGE}"),
    ]


def test_a_csv_age_cell_with_a_zero_fraction_reads_as_json_does(tmp_path: Path) -> None:
    f = tmp_path / "f.csv"
    cells = ["30.0", " 17.00 ", "1e1", "+3.0", "17.5", "1e400", "-1.0", "30", "x", "nan", "3."]
    f.write_text("Age\n" + "".join(f"{c}\n" for c in cells))
    got = _rows(f, {"Age": "victim_age"})
    assert [r[1] for r in got] == [30, 17, 10, 3, None, None, -1, 30, None, None, None]
    whole = f"victim_age: {WHOLE}"
    assert [r[3] and r[3].split(" (got")[0] for r in got] == [
        None,
        None,
        None,
        None,
        f"victim_age: {WHOLE}",
        f"victim_age: {RANGE}",
        f"victim_age: {RANGE}",
        None,
        whole,  # not a number: as before
        whole,
        whole,
    ]
    for r in got[4:6]:
        assert "17.5" not in r[3]
        assert "400" not in r[3]


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    whole=st.integers(0, 130),
    fraction=st.sampled_from(["", "0", "000", "5", "9999999999999999", "00000000000000001"]),
    exponent=st.sampled_from(["", "e0", "E+0", "e1", "e-1", "e-400"]),
    fmt=st.sampled_from(["csv", "jsonl"]),
)
def test_an_age_is_whole_when_its_text_is_not_when_a_float_rounds_it(
    tmp_path: Path, whole: int, fraction: str, exponent: str, fmt: str
) -> None:
    """``15.9999999999999999`` is 16.0 as a float, but not a whole number of years.

    The row is accepted exactly when the text's decimal value is a whole number of years
    (of 0 to 130), as a CSV cell and as a JSON number alike.
    """
    text = f"{whole}" + (f".{fraction}" if fraction else "") + exponent
    exact = decimal.Decimal(text)
    f = tmp_path / f"f-{fmt}-{text}.{fmt}"
    if fmt == "csv":
        f.write_text(f"victim_age\n{text}\n")
    else:
        f.write_text(f'{{"victim_age": {text}}}\n')
    [(_, age, _, rejected)] = _rows(f)
    if exact != exact.to_integral_value():
        assert age is None
        assert str(rejected).split(" (got")[0] == f"victim_age: {WHOLE}"
    elif exact <= 130:
        assert (age, rejected) == (int(exact), None)
    else:
        assert str(rejected).startswith(f"victim_age: {RANGE}")
    assert text not in (rejected or "")


def test_a_float_column_elsewhere_is_still_refused(tmp_path: Path) -> None:
    f = tmp_path / "f.parquet"
    pq.write_table(pa.table({"id": pa.array([1.5])}), f)
    with pytest.raises(DataError, match="id: a column of double; expected a string"):
        _rows(f)


def test_the_reported_command_classifies_every_row(tmp_path: Path) -> None:
    import io
    import json

    from svduty.cli import main

    f = tmp_path / "f.parquet"
    pq.write_table(pa.table({"victim_age": pa.array([30.0, 17.0]), "died": [True, True]}), f)
    out = tmp_path / "o.jsonl"
    err = io.StringIO()
    argv = ["classify", str(f), "--format", "incidents", "-o", str(out)]
    assert main(argv, stdout=io.StringIO(), stderr=err) == 0, err.getvalue()
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["victim_age"] for r in rows] == [30, 17]


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_an_exponent_beyond_decimal_s_rejects_its_row_alone(tmp_path: Path, fmt: str) -> None:
    """``1e-99999999999999999999`` is a fraction (Decimal cannot hold it: it raised)."""
    texts = ["1e-999999999999999999999", "16", "0e99999999999999999999", "1e999999999999999999"]
    f = tmp_path / f"f.{fmt}"
    if fmt == "csv":
        f.write_text("victim_age\n" + "".join(f"{t}\n" for t in texts))
    else:
        f.write_text("".join(f'{{"victim_age": {t}}}\n' for t in texts))
    got = _rows(f)
    assert [r[1] for r in got] == [None, 16, 0, None]
    assert [(r[3] or "").split(" (got")[0] for r in got] == [
        f"victim_age: {WHOLE}",
        "",
        "",
        f"victim_age: {RANGE}",  # an infinity as a JSON number, as the CSV reader says
    ]
