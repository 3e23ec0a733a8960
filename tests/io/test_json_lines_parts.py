"""JSON Lines made a part at a time: the same bytes, and no column of text as long as the batch.

Writing 200,000 incidents made each 32,768-row piece's text whole (about 40 MB, and as much
again for the columns joined into it) before writing it: memory touched afresh for every
piece, which cost the command more than the encoding (the forty-fourth session's notes in
``benchmarks/README.md``). The writer now writes each part as soon as it is made.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
from hypothesis import given, settings
from hypothesis import strategies as st

from svduty.io import _json_lines
from svduty.io._writers import TableWriter
from tests.io.test_json_lines_fused import _expected, runs

PART = 2048
"""The most lines the writer may put together at once."""


@settings(max_examples=300, deadline=None)
@given(runs(), st.integers(1, 8))
def test_the_parts_are_the_lines_a_few_at_a_time(batch: pa.RecordBatch, rows: int) -> None:
    parts = [p.to_pybytes() for p in _json_lines.json_lines_parts(batch, rows)]
    assert b"".join(parts).decode() == _expected(batch)
    if batch.num_rows:
        assert len(parts) == -(-batch.num_rows // rows)
        lines = [p.count(b"\n") for p in parts]
        assert lines == [min(rows, batch.num_rows - i * rows) for i in range(len(parts))]
    else:
        assert parts == []
    assert _json_lines.json_lines_buffer(batch).to_pybytes().decode() == _expected(batch)


def _incidents(n: int) -> pa.Table:
    """Rows like a classified incident file's: ids and numbers distinct, the rest coded."""
    rng = np.random.default_rng(7)
    words = lambda k, size: pa.array([f"w{i}" for i in rng.integers(0, k, size)])  # noqa: E731
    return pa.table(
        {
            "file": ["in.jsonl"] * n,
            "row": np.arange(2, n + 2),
            "id": [f"inc-{i}" for i in range(n)],
            "location": words(300, n).dictionary_encode(),
            "age": pa.array(rng.integers(10, 70, n)),
            "violence": words(3, n).dictionary_encode(),
            "reasons": pa.array(
                [[f"R{j}" for j in range(k)] for k in rng.integers(0, 4, n)],
                pa.list_(pa.string()),
            ),
        }
    )


def test_the_writer_makes_no_column_of_text_longer_than_a_part(
    tmp_path: Path, monkeypatch: Any
) -> None:
    made: list[int] = []
    real = _json_lines.pc

    class Counting:
        def __getattr__(self, name: str) -> Any:
            func = getattr(real, name)
            if name not in ("take", "binary_join_element_wise"):
                return func

            def call(*args: Any, **kwargs: Any) -> Any:
                out = func(*args, **kwargs)
                if isinstance(out, pa.Array) and pa.types.is_large_string(out.type):
                    made.append(len(out))
                return out

            return call

    table = _incidents(20_000)
    expected = _json_lines.json_lines(table.to_batches()[0]).encode()
    monkeypatch.setattr(_json_lines, "pc", Counting())
    out = tmp_path / "o.jsonl"
    for background in (True, False):
        made.clear()
        w = TableWriter(out, background=background)
        w.write(table)
        assert w.commit() == 20_000
        assert out.read_bytes() == expected
        assert made
        assert max(made) <= PART  # before: 20,000 (the whole batch at once)
