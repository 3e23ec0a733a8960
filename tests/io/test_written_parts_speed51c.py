"""A writer's batches answered together, each one's rows built when it is handed on (speed51c).

``svduty classify --output`` answers a few batches of rows alike together (speed50b) and
built every row of them in one table before handing the first to the writer, whose one
worker then waited, and the slices it was handed held the whole table until the last was
written. Each batch's rows are now built when the one before has been handed on: the
writer encodes a batch while the next is built, and each batch's rows are their own.
The same rows (``test_written_batches_together_speed50b.py`` compares them). Counted,
not timed.
"""

from __future__ import annotations

import pyarrow as pa

from svduty.io import _grouped, _run, default_pipeline, read_police_uk, run_pipeline

from .test_written_batches_together_speed50b import BLOCK, _repeated


def test_each_batchs_rows_are_built_when_the_one_before_is_handed_on(tmp_path, monkeypatch):
    path = _repeated(tmp_path / "m.csv")
    batches = list(read_police_uk(path, block_size=BLOCK))
    assert len(batches) >= 1 + _run.WRITTEN_BATCHES  # a group answered together
    built, original = [], _grouped._spread
    counted = lambda *a, **k: (built.append(1), original(*a, **k))[1]  # noqa: E731
    monkeypatch.setattr(_grouped, "_spread", counted)
    seen: list[int] = []  # how many tables had been built when each was handed on
    written: list[pa.Table] = []

    def sink(table: pa.Table) -> None:
        seen.append(len(built))
        written.append(table)

    sink.words = ("location", "reasons")  # type: ignore[attr-defined]  # as the writer's
    run_pipeline(iter(batches), default_pipeline(), sink)
    assert seen == list(range(1, len(batches) + 1))  # one built for each handed on
    assert [t.num_rows for t in written] == [b.num_rows for b in batches]
    for table in written:  # its own arrays, not a slice of the group's
        for name in ("violence", "district_code", "location", "reasons"):
            (chunk,) = table.column(name).chunks
            assert chunk.offset == 0, name


def test_a_combinations_lsoa_code_and_name_are_handed_on_as_words(tmp_path):
    """The LSOA code and name are alike in every row of a combination (``_alike.ALIKE``):
    a writer taking them as words (the Parquet writer) gets them numbered from the
    combinations', not as text it would hash row by row. The same text."""
    from svduty.io._parquet_sink import REPEATED_TEXT

    path = _repeated(tmp_path / "m.csv")
    batches = list(read_police_uk(path, block_size=BLOCK))
    written: list[pa.Table] = []

    def sink(table: pa.Table) -> None:
        written.append(table)

    sink.words = REPEATED_TEXT  # type: ignore[attr-defined]
    run_pipeline(iter(batches), default_pipeline(), sink)
    assert len(written) == len(batches)
    for table, batch in zip(written, batches, strict=True):
        for name in ("lsoa_code", "lsoa_name"):
            assert pa.types.is_dictionary(table.column(name).type), name
            assert table.column(name).to_pylist() == batch.column(name).to_pylist(), name
