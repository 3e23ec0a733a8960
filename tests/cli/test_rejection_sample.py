"""The summary's sample of rejected rows: the first ``sample_size`` by (file, row).

The stages of a run reject rows out of order (a reader's bad lines before the
classifier's bad values of earlier lines); the sample shown in the summary must not
depend on that order, and the ``--rejected`` sink must see every row as it streams.
"""

from __future__ import annotations

import pyarrow as pa
from hypothesis import given, settings
from hypothesis import strategies as st

from svduty.errors import Problem
from svduty.io._summary import Tally

rows = st.tuples(st.sampled_from(["a.csv", "b.csv", "c.jsonl"]), st.integers(1, 60))
batches = st.lists(st.lists(rows, min_size=0, max_size=12), min_size=1, max_size=8)


def table(batch: list[tuple[str, int]]) -> pa.Table:
    return pa.table(
        {
            "file": pa.array([f for f, _ in batch], pa.string()),
            "row": pa.array([r for _, r in batch], pa.int64()),
            "rejected": pa.array(["x"] * len(batch), pa.string()),
            "rejected_field": pa.array(["f"] * len(batch), pa.string()),
        }
    )


@settings(max_examples=200, deadline=None)
@given(batches, st.integers(1, 15), st.lists(rows, max_size=4))
def test_the_sample_is_the_first_rows_by_file_and_row(stream, size, singles):
    streamed: list[tuple[str, int]] = []
    t = Tally(
        sample_size=size,
        on_rejected=lambda bad: streamed.extend(
            zip(bad.column("file").to_pylist(), bad.column("row").to_pylist(), strict=True)
        ),
    )
    everything = []
    for i, batch in enumerate(stream):
        t.count_rejected(table(batch))
        everything += batch
        if i < len(singles):  # a row rejected outside a batch (a reader's bad line)
            f, r = singles[i]
            t.reject(Problem(file=f, row=r, message="not JSON"))
            everything.append((f, r))
    sample = [(p.file, p.row) for p in t.rejections]
    assert sample == sorted(everything)[:size]
    assert t.rejected == len(everything)
    # the sink: batch after batch, each in the file's row order (the stages reject in turn)
    assert streamed == [x for batch in stream for x in sorted(batch)]


def test_rows_without_a_number_come_after_the_rows_of_their_file():
    t = Tally()
    t.reject(Problem(file="a.csv", message="unreadable"))
    t.count_rejected(table([("b.csv", 1), ("a.csv", 3)]))
    assert [(p.file, p.row) for p in t.rejections] == [("a.csv", 3), ("a.csv", None), ("b.csv", 1)]
