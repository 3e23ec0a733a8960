"""A batch whose incident columns are all null is classified, not refused (lead, session 47).

``default_pipeline()`` drops an all-null column as if absent (less to classify); a batch
with no ``id`` column and every incident column null was then refused as a table with no
incident field, although its columns are incident fields and another batch of the same
stream may have values. Each row is classified with every fact unknown instead.
"""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc
import pytest

from svduty.errors import InputFormatError
from svduty.io import default_pipeline

from ._missing_tables import incident_table


@pytest.mark.parametrize("names", [["date", "location"], ["location"], ["victim_age", "location"]])
def test_all_null_incident_columns_are_classified(names: list[str]) -> None:
    types = {"date": pa.string(), "location": pa.string(), "victim_age": pa.int64()}
    table = incident_table([(None,) * len(names)] * 3, {n: types[n] for n in names})
    out = default_pipeline()(table)
    assert out.num_rows == 3
    assert pc.all(pc.is_null(out.column("rejected"))).as_py()
    assert set(out.column("violence").to_pylist()) == {"undetermined"}


def test_a_table_without_incident_columns_is_still_refused() -> None:
    table = incident_table([("x",)], {"offence_cod": pa.string()})
    with pytest.raises(InputFormatError, match="expected incident rows"):
        default_pipeline()(table)
