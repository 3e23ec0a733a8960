"""The packaged national ONS tables, read from ``svduty/data/ons/national/``.

The three LSOA tables are Arrow IPC files (``pyarrow.ipc`` imports nothing more than
pyarrow, where ``pyarrow.parquet`` imports ``pyarrow.fs`` and ``ssl``), each column
decompressed once, when first asked for; the five small district tables are the CSV
files ONS published (see ``ATTRIBUTION.md``). Every column is a string; every read is
cached.

Example:
    >>> read_table("lsoa21-icb24", ("lsoa21_code", "icb24_code")).num_rows
    33755
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.csv as pacsv
from pyarrow import ipc

from svduty._checked import checked
from svduty._data import data
from svduty.errors import AreaError

__all__ = ["NATIONAL_TABLES", "read_table"]

NATIONAL_TABLES: dict[str, str] = {
    "lsoa21-ward24-lad24": "arrow",
    "lsoa11-lsoa21-lad22": "arrow",
    "lsoa21-icb24": "arrow",
    "lad24-csp24-pfa24": "csv",
    "lad24-fra24": "csv",
    "lad24-region24": "csv",
    "lad23-utla23": "csv",
    "lad21-lhb22": "csv",
}
"""The packaged national tables (name -> format); each cites the source of its name."""

_ONE_THREAD_CSV = pacsv.ReadOptions(use_threads=False)
"""The small district tables are read on one thread (see :func:`_columns`)."""


@checked
def read_table(name: str, columns: tuple[str, ...]) -> pa.Table:
    """Read some columns of a packaged national table (all strings; cached).

    Raises:
        AreaError: if there is no such table.

    Example:
        >>> read_table("lad21-lhb22", ("lhb22_code",)).num_rows
        22
    """
    if name not in NATIONAL_TABLES:
        raise AreaError.single(None, "name", expected="a packaged national ONS table", got=name)
    return _read(name, tuple(columns))


@functools.cache
def _read(name: str, columns: tuple[str, ...]) -> pa.Table:
    if NATIONAL_TABLES[name] == "arrow":
        read = _columns(name, columns)
        return pa.Table.from_arrays([read[c] for c in columns], names=list(columns))
    opts = pacsv.ConvertOptions(
        include_columns=list(columns), column_types=dict.fromkeys(columns, pa.string())
    )
    with _file(name).open("rb") as fh:
        return pacsv.read_csv(fh, read_options=_ONE_THREAD_CSV, convert_options=opts)


def _file(name: str) -> Path:
    return data("ons", "national", f"{name}.{NATIONAL_TABLES[name]}")


_READ: dict[str, dict[str, pa.ChunkedArray[Any]]] = {}
"""The columns of each Arrow IPC table read so far (:func:`_columns`)."""


def _columns(name: str, columns: tuple[str, ...]) -> dict[str, pa.ChunkedArray[Any]]:
    """The columns read of an Arrow IPC table, ``columns`` among them (LZ4), each read once.

    Only the columns asked for and not read before are decompressed, in one read of the
    file: a summary's first batch with codes outside the partnership asks for two columns
    of the 2021 table and four of the 2011 one (3.5 and 2.5 ms read whole, against 1.2 and
    1.4 ms). On one thread: the tables are small, and waking Arrow's thread pool for them
    cost 3-45 ms on a busy machine (against 3-4 ms on one thread).
    """
    read = _READ.setdefault(name, {})
    new = [c for c in columns if c not in read]
    if new:
        data = _file(name).read_bytes()
        names = ipc.open_file(pa.BufferReader(data)).schema.names
        for c in new:
            if c not in names:
                raise AreaError.single(None, "column", expected=f"a column of {name}", got=c)
        fields = sorted({names.index(c) for c in new})
        options = ipc.IpcReadOptions(use_threads=False, included_fields=fields)
        table = ipc.open_file(pa.BufferReader(data), options=options).read_all()
        read.update(zip(table.column_names, table.columns, strict=True))
    return read
