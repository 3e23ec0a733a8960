"""The batches of an incident Parquet file, whatever the file's row groups and types.

pyarrow reads a file's batches across its row groups, except where a dictionary lies below
the top level of a column (a list of categories, as Polars writes one; a struct or map
holding one): it cannot join such a column across row groups in one batch ("Nested data
conversions not implemented for chunked array outputs"). Such a file is read a row group
at a time, its inner dictionaries decoded (their words are what is read), and the row
groups' rows joined again into batches of the size asked: a file of many small row groups
costs what a file of a few large ones does.

Example:
    >>> import tempfile, pathlib
    >>> import pyarrow.parquet as pq
    >>> words = pa.array([["a"], ["b"], None]).cast(pa.list_(pa.dictionary(pa.int8(), pa.string())))
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "in.parquet"
    >>> pq.write_table(pa.table({"w": words}), f, row_group_size=1)
    >>> [b.column("w").to_pylist() for b in parquet_batches(pq.ParquetFile(f), 2)]
    [[['a'], ['b']], [None]]
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pyarrow as pa

from svduty import _arrays
from svduty import _compute as pc
from svduty._types import mapped_type

__all__ = ["open_parquet", "parquet_batches", "without_inner_dictionaries"]


def open_parquet(path: Any) -> Any:
    r"""The Parquet file at ``path`` (a ``ParquetFile``), its dictionaries of text read whole.

    A dictionary of text with indices other than ``int32`` (pandas writes ``int8`` ones
    for a few categories) is read as pyarrow reads an ``int32`` one (``read_dictionary``)
    and kept so: pyarrow's own narrowing checks every word is UTF-8, and refused the
    whole file for one that is not, where such a word rejects only its rows; and it
    cannot read the dictionary of a row group written in chunks of other words, more
    than ``int8`` numbers. The words read are the same.
    A name is a local file's, even one that looks like a URI (``x+01:00.parquet``).

    Example:
        >>> import tempfile, pathlib
        >>> import pyarrow.parquet as pq
        >>> f = pathlib.Path(tempfile.mkdtemp()) / "in.parquet"
        >>> words = pa.array([b"Robbery", b"\xff"]).view(pa.string())  # not UTF-8
        >>> d = pa.DictionaryArray.from_arrays(pa.array([0, 1], pa.int8()), words)
        >>> pq.write_table(pa.table({"w": d}), f)
        >>> [b.column("w").type for b in parquet_batches(open_parquet(f), 10)]
        [DictionaryType(dictionary<values=string, indices=int32, ordered=0>)]
    """
    import pyarrow.parquet as pq  # not at start-up (it imports pyarrow.fs, ssl)

    if isinstance(path, (str, os.PathLike)):
        # a local file, always: pyarrow takes a relative name that looks like a URI
        # ("week+01:00.parquet", "s3:x.parquet") for one, and refuses or fetches it
        path = os.path.abspath(path)
    pf = pq.ParquetFile(path)
    narrow = [f.name for f in pf.schema_arrow if _narrow_text_dictionary(f.type)]
    return pq.ParquetFile(path, read_dictionary=narrow) if narrow else pf


def _narrow_text_dictionary(t: Any) -> bool:
    return bool(
        pa.types.is_dictionary(t)
        and t.index_type != pa.int32()
        and (pa.types.is_string(t.value_type) or pa.types.is_large_string(t.value_type))
    )


def parquet_batches(pf: Any, batch_rows: int) -> Iterator[pa.RecordBatch]:
    """The batches of the Parquet file ``pf`` (a ``ParquetFile``), of ``batch_rows`` rows.

    A file with a dictionary below a column's top level (:func:`without_inner_dictionaries`)
    is read a row group at a time and its rows joined again; its batches may then hold a
    row group's rows more than ``batch_rows``.
    """
    plain = without_inner_dictionaries(pf.schema_arrow)
    if plain == pf.schema_arrow:
        yield from pf.iter_batches(batch_size=batch_rows)
        return
    held: list[pa.RecordBatch] = []
    rows = 0
    for group in range(pf.num_row_groups):
        for b in pf.iter_batches(batch_size=batch_rows, row_groups=[group]):
            columns = [
                c if c.type == f.type else pc.cast(c, f.type)
                for c, f in zip(b.columns, plain, strict=True)
            ]
            held.append(pa.RecordBatch.from_arrays(columns, schema=plain))
            rows += b.num_rows
            if rows >= batch_rows:
                yield _arrays.joined(held)
                held, rows = [], 0
    if held:
        yield _arrays.joined(held)


def without_inner_dictionaries(schema: pa.Schema) -> pa.Schema:
    """``schema`` with every dictionary below a column's top level as its words' type.

    Example:
        >>> inner = pa.list_(pa.dictionary(pa.int32(), pa.string()))
        >>> s = pa.schema([("w", inner), ("d", pa.dictionary(pa.int8(), pa.string()))])
        >>> [str(f.type) for f in without_inner_dictionaries(s)]
        ['list<item: string>', 'dictionary<values=string, indices=int8, ordered=0>']
    """
    fields = [f.with_type(_plain(f.type, top=True)) for f in schema]
    return pa.schema(fields).with_metadata(schema.metadata or {})


def _plain(t: Any, *, top: bool = False) -> Any:
    if pa.types.is_dictionary(t):
        return t if top else _plain(t.value_type)
    return mapped_type(t, _plain)
