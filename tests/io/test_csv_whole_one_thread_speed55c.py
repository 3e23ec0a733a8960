"""An incident CSV file read whole is parsed on the reading thread, not pyarrow's pool (speed55c).

``svduty classify`` reads the file ahead while its other threads import the readers and
load the partnership; pyarrow's pool took their cores (28 against 16 ms of CPU for the
bench's 200,000 incidents). The batch read is the same.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from unittest.mock import patch

import pyarrow.csv as pacsv
from hypothesis import given, settings
from hypothesis import strategies as st

from svduty.io import _incident_csv_whole
from svduty.io._incident_csv_whole import _whole_csv

from ._whole_csv_asked import whole_csv_asked


def test_the_whole_file_is_read_on_one_thread(tmp_path: Path) -> None:
    f = tmp_path / "i.csv"
    f.write_text('id,location\n"a",E01031180\nb,"E0,2"\n')
    whole, asked = whole_csv_asked(f, ["id", "location"])
    assert whole is not None
    assert whole[0].column(1).to_pylist() == ["E01031180", "E0,2"]
    assert [a["read_options"].use_threads for a in asked] == [False]  # before: [True]


CELL = st.sampled_from(["a", '"b,c"', '"f""g"', "", "é", '"x y"', "12", "2024-01-31"])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(CELL, min_size=2, max_size=2), min_size=1, max_size=300))
def test_the_batch_is_the_thread_pools(tmp_path_factory: Any, rows: list[list[str]]) -> None:
    """Read on one thread or on pyarrow's pool (small blocks: many), the same batch and rows."""
    f = tmp_path_factory.mktemp("w") / "i.csv"
    f.write_bytes(("x,y\n" + "\n".join(",".join(r) for r in rows) + "\n").encode())
    real = pacsv.ReadOptions

    def pooled(**kwargs: Any) -> pacsv.ReadOptions:
        return real(**{**kwargs, "use_threads": True})

    with patch.object(_incident_csv_whole, "_BLOCK", 64):
        one = _whole_csv(f, ["x", "y"])
        with patch.object(_incident_csv_whole.pacsv, "ReadOptions", pooled):
            pool = _whole_csv(f, ["x", "y"])
    assert (one is None) == (pool is None)
    if one is not None and pool is not None:
        assert one[0].equals(pool[0])
        assert one[1].to_pylist() == pool[1].to_pylist()
