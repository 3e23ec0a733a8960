"""The Parquet output written by Arrow's compiled writer, without ``pyarrow.parquet`` (speed51c).

``svduty classify --output x.parquet`` imported ``pyarrow.parquet`` when the first batch
was answered, on the thread every batch waits on; it imports ``pyarrow.fs`` and ``ssl``
(20-100 ms). The writer is now ``pyarrow._parquet.ParquetWriter``, the class
``pyarrow.parquet.ParquetWriter`` wraps, given the options that one gives it: the same
file, byte for byte.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pyarrow as pa
import pyarrow.parquet as pq
from hypothesis import given, settings
from hypothesis import strategies as st

from svduty.io import sample_police_uk
from svduty.io._parquet_options import parquet_options
from svduty.io._parquet_sink import ParquetSink, stored_schema

WORDS = pa.dictionary(pa.int32(), pa.string())


def test_classify_writing_parquet_imports_no_pyarrow_parquet_fs_nor_ssl(tmp_path):
    out = tmp_path / "rows.parquet"
    argv = ["svduty", "classify", str(sample_police_uk()), "--output", str(out)]
    code = (
        "import sys, json\n"
        f"sys.argv = {argv!r}\n"
        "from svduty.cli import main\n"
        "main()\n"
        "print(json.dumps(sorted(sys.modules)))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = set(json.loads(done.stdout.strip().splitlines()[-1]))
    assert "pyarrow._parquet" in loaded
    assert not {"pyarrow.parquet", "pyarrow.fs", "ssl"} & loaded
    back = pq.read_table(out)
    assert back.num_rows > 0
    assert back.schema.field("district_code").type == WORDS


_TEXT = st.one_of(st.none(), st.sampled_from(["a", "b", "é", ""]))


@settings(max_examples=25, deadline=None)
@given(
    st.lists(
        st.tuples(st.one_of(st.none(), st.integers(-5, 5)), _TEXT, st.lists(_TEXT, max_size=3)),
        min_size=1,
        max_size=20,
    ),
    st.integers(1, 3),
)
def test_the_file_is_pyarrow_parquets_byte_for_byte(tmp_path_factory, rows, parts):
    schema = pa.schema(
        [("row", pa.int64()), ("w", WORDS), ("kinds", pa.list_(pa.string()))],
        metadata={"svduty.version": "x"},
    )
    table = pa.table(
        {
            "row": [r[0] for r in rows],
            "w": pa.array([r[1] for r in rows], pa.string()).dictionary_encode(),
            "kinds": [r[2] for r in rows],
        },
        schema=schema,
    )
    size = -(-table.num_rows // parts)
    pieces = [table.slice(at, size) for at in range(0, table.num_rows, size)]
    folder = tmp_path_factory.mktemp("pq")
    ours, theirs = folder / "ours.parquet", folder / "theirs.parquet"
    sink = ParquetSink(ours, schema, pieces[0])
    for piece in pieces:
        sink.write_table(piece)
    sink.close()
    writer = pq.ParquetWriter(
        theirs, sink.written, store_schema=False, **parquet_options(sink.written)
    )
    writer.add_key_value_metadata({**schema.metadata, b"ARROW:schema": stored_schema(schema)})
    for piece in pieces:
        writer.write_table(piece.cast(sink.written))
    writer.close()
    assert ours.read_bytes() == theirs.read_bytes()
    assert pq.read_table(ours).equals(table)


def test_a_pyarrow_whose_compiled_writer_differs_gets_pyarrow_parquets(tmp_path, monkeypatch):
    """The compiled writer is pyarrow's own, not its public API: if it takes other arguments
    (or is not there), ``pyarrow.parquet.ParquetWriter`` writes the same file (the lead)."""
    import pyarrow._parquet

    schema = pa.schema([("row", pa.int64()), ("w", WORDS)], metadata={"svduty.version": "x"})
    table = pa.table({"row": [1, 2], "w": pa.array(["a", None]).dictionary_encode()}, schema)

    def written(name: str) -> bytes:
        sink = ParquetSink(tmp_path / name, schema, table)
        sink.write_table(table)
        sink.close()
        return (tmp_path / name).read_bytes()

    compiled_file = written("compiled.parquet")
    compiled, calls = pyarrow._parquet.ParquetWriter, []

    def other(*args: object, **kwargs: object) -> object:  # refuses svduty's call only
        calls.append(kwargs)
        if len(calls) == 1:
            raise TypeError("__cinit__() got an unexpected keyword argument")
        return compiled(*args, **kwargs)

    monkeypatch.setattr(pyarrow._parquet, "ParquetWriter", other)
    assert written("public.parquet") == compiled_file
    assert len(calls) == 2  # svduty's call refused, then pyarrow.parquet's
    assert pq.read_table(tmp_path / "public.parquet").equals(table)
