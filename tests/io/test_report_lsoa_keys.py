"""The report's tables by LSOA are keyed by the LSOA the geography located each row in.

A row located by its LSOA name holds the file's text as its code: a person's name, a
formula, or one unknown code shared by rows of two LSOAs. The tables never show that text
and never add two LSOAs up under it.
"""

from __future__ import annotations

import functools
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
from hypothesis import given, settings
from hypothesis import strategies as st

from svduty._report import report
from svduty.io import sample_police_uk

_NAMES = ("Warwick 001A", "Warwick 002A", "Stratford-on-Avon 001A")
_CODES = ("Jane Smith 07700900123", "=HYPERLINK(1)", "E01999999", "e01999998")


def _month(tmp_path: Path, swaps: dict[str, str]) -> Path:
    t = pacsv.read_csv(
        sample_police_uk(),
        convert_options=pacsv.ConvertOptions(column_types={"LSOA code": pa.string()}),
    )
    code = t.column("LSOA code")
    for name, text in swaps.items():
        code = pc.if_else(pc.equal(t.column("LSOA name"), name), text, code)
    out = tmp_path / "m.csv"
    pacsv.write_csv(t.set_column(t.schema.get_field_index("LSOA code"), "LSOA code", code), out)
    return out


@functools.cache
def _plain() -> pa.Table:
    """The packaged month's table by LSOA (ci61a: made once, not once an example)."""
    return report(sample_police_uk()).tables["by_lsoa"]


@settings(max_examples=6, deadline=None)
@given(st.dictionaries(st.sampled_from(_NAMES), st.sampled_from(_CODES), min_size=1))
def test_rows_located_by_name_are_counted_under_their_lsoa(tmp_path_factory, swaps):
    plain = _plain()
    mended = report(_month(tmp_path_factory.mktemp("m"), swaps)).tables["by_lsoa"]
    assert mended.sort_by("lsoa_code").equals(plain.sort_by("lsoa_code"))
    shown = {c for c in mended.column("lsoa_code").to_pylist() if c}
    assert not shown.intersection(_CODES)
