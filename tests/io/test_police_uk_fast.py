"""The police.uk checks take short cuts on the usual batch; the results are those without.

``normalise_police_uk`` checks months and crime types as read when they need no trimming,
skips the range checks of coordinates that are all in range, and finds empty strings from
the offsets. With ``_FAST`` off it does every step; both give the same batch, value for
value and reason for reason, whatever the text and however the arrays are laid out.
"""

from __future__ import annotations

import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from svduty.io import POLICE_UK_COLUMNS, POLICE_UK_CRIME_TYPES, normalise_police_uk
from svduty.io import _police_uk as police_uk

ODD = ["", " ", "\n", "\t", "\u00a0", "\u2028", "x", "é", "Month", "Crime type", "nan", "NaN"]
MONTHS = ["2025-06", "2019-01", " 2025-06", "2025-06\n", "2025-6", "2025-13", "2025-06 "]
TYPES = [*POLICE_UK_CRIME_TYPES, " Burglary", "Burglary\n", "burglary", "Jaywalking"]
NUMBERS = ["-1.5", "52.3", "0", "-0.0", " 1.5", "1.5 ", "1e2", "1e400", "inf", "-inf", "+.5"]
NUMBERS += ["181", "-90.5", "east", "1,5", "0x10", "١٢"]


def cell(column: str) -> st.SearchStrategy[str | None]:
    usual = {"Month": MONTHS, "Crime type": TYPES, "Longitude": NUMBERS, "Latitude": NUMBERS}
    values = usual.get(column, ["E01031005", "Warwickshire Police", "On or near X"])
    return st.one_of(
        st.sampled_from(values),
        st.sampled_from(values),  # the usual values more often
        st.sampled_from(ODD),
        st.text(max_size=6),
        st.none(),
    )


# each column's cells as one strategy, made once (ci57b: made again, with a new filter,
# for every cell drawn, the drawing took three times as long; the same examples are drawn)
CELLS = {c: cell(c) for c in POLICE_UK_COLUMNS}
GIVEN = {c: s.filter(lambda v: v is not None) for c, s in CELLS.items()}


@st.composite
def raw_batch(draw: st.DrawFn) -> pa.RecordBatch | pa.Table:
    n = draw(st.integers(0, 12))
    usual = draw(st.booleans())  # a batch as a police.uk file gives it: no nulls, few oddities
    cols: dict[str, list[str | None]] = {}
    for c in POLICE_UK_COLUMNS:
        if usual:
            base = draw(GIVEN[c])
            cols[c] = [base] * n
            for i in draw(st.sets(st.integers(0, max(0, n - 1)), max_size=2)) if n else ():
                cols[c][i] = draw(GIVEN[c])
        else:
            cols[c] = draw(st.lists(CELLS[c], min_size=n, max_size=n))
    batch = pa.record_batch({c: pa.array(v, pa.string()) for c, v in cols.items()})
    layout = draw(st.sampled_from(["plain", "sliced", "chunked"]))
    if layout == "sliced" and n > 1:
        return batch.slice(1)  # offsets that do not start at 0
    if layout == "chunked" and n > 1:
        return pa.Table.from_batches([batch.slice(0, 1), batch.slice(1)])
    return batch


def normalised(raw: pa.RecordBatch | pa.Table, *, fast: bool) -> pa.RecordBatch:
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(police_uk, "_FAST", fast)
        return normalise_police_uk(raw, file="f.csv")


@settings(max_examples=400, deadline=None)
@given(raw=raw_batch())
def test_the_short_cuts_change_nothing(raw):
    got, want = normalised(raw, fast=True), normalised(raw, fast=False)
    assert got.schema == want.schema
    for name in want.schema.names:
        assert got.column(name).to_pylist() == want.column(name).to_pylist(), name
        assert got.column(name).null_count == want.column(name).null_count, name
    assert got.equals(want)


def test_the_short_cuts_are_taken_on_the_usual_batch(monkeypatch):
    cols = {c: ["x", "y"] for c in POLICE_UK_COLUMNS}
    cols.update(Month=["2025-06"] * 2, Longitude=["-1.5", ""], Latitude=["52.3", ""])
    cols["Crime type"] = ["Burglary", "Drugs"]
    raw = pa.record_batch({c: pa.array(v) for c, v in cols.items()})
    trimmed: list[int] = []
    real = police_uk._trim
    monkeypatch.setattr(police_uk, "_trim", lambda a: trimmed.append(1) or real(a))
    out = normalise_police_uk(raw)
    assert out.column("rejected").null_count == 2
    assert out.column("longitude").to_pylist() == [-1.5, None]
    assert len(trimmed) == 3  # the codes (id, LSOA code and name); not months nor types
    monkeypatch.setattr(police_uk, "_FAST", False)
    trimmed.clear()
    assert normalise_police_uk(raw).equals(out)
    assert len(trimmed) == 5
