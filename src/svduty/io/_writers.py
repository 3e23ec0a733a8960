"""Writing classified rows as CSV, Parquet or JSON Lines, a record batch at a time."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from svduty.errors import InputFormatError, Problem

__all__ = ["write_table"]

FORMATS = {".csv": "csv", ".parquet": "parquet", ".pq": "parquet", ".jsonl": "jsonl"}


def _flat(table: pa.Table, separator: str) -> pa.Table:
    """List columns joined into text (CSV has no lists)."""
    for i, f in enumerate(table.schema):
        if pa.types.is_list(f.type) or pa.types.is_large_list(f.type):
            joined: Any = pc.binary_join(table.column(i).cast(pa.list_(pa.string())), separator)
            table = table.set_column(i, f.name, joined)
    return table


class _Writer:
    def __init__(self, path: Path, kind: str) -> None:
        self.path = path
        self.kind = kind
        self.schema: pa.Schema | None = None
        self._csv: pacsv.CSVWriter | None = None
        self._pq: pq.ParquetWriter | None = None
        self._fh: IO[str] | None = None

    def write(self, table: pa.Table) -> None:
        if self.schema is None:
            self.schema = table.schema
        else:
            table = table.select(self.schema.names).cast(self.schema)
        if self.kind == "parquet":
            if self._pq is None:
                self._pq = pq.ParquetWriter(self.path, table.schema, compression="lz4")
            self._pq.write_table(table)
        elif self.kind == "csv":
            flat = _flat(table, ";")
            if self._csv is None:
                self._csv = pacsv.CSVWriter(self.path, flat.schema)
            self._csv.write_table(flat)
        else:
            if self._fh is None:
                self._fh = self.path.open("w", encoding="utf-8")
            for record in table.to_pylist():
                self._fh.write(json.dumps(_plain(record), sort_keys=False) + "\n")

    def close(self) -> None:
        for closer in (self._csv, self._pq, self._fh):
            if closer is not None:
                closer.close()
        if self.schema is None:  # nothing written: still leave an (empty) file behind
            self.path.write_bytes(b"")


def _plain(record: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in record.items() if v is not None}


def write_table(tables: Iterable[pa.Table | pa.RecordBatch], path: str | Path) -> int:
    """Write a stream of tables or record batches to ``path``; return the rows written.

    The format follows the suffix: ``.csv`` (list columns joined with ``;``), ``.parquet``
    or ``.jsonl`` (one JSON object per row, null fields left out). Written as it streams.

    Raises:
        InputFormatError: if the suffix is not one of these.

    Example:
        >>> import tempfile, pathlib, pyarrow as pa
        >>> f = pathlib.Path(tempfile.mkdtemp()) / "out.jsonl"
        >>> write_table([pa.table({"id": ["a", None], "kinds": [["knife"], []]})], f)
        2
        >>> print(f.read_text().strip())
        {"id": "a", "kinds": ["knife"]}
        {"kinds": []}
    """
    p = Path(path)
    kind = FORMATS.get(p.suffix.lower())
    if kind is None:
        raise InputFormatError(
            Problem(file=str(p), field="--output", expected="a .csv, .parquet or .jsonl file")
        )
    writer = _Writer(p, kind)
    rows = 0
    try:
        for item in tables:
            table = pa.Table.from_batches([item]) if isinstance(item, pa.RecordBatch) else item
            writer.write(table)
            rows += table.num_rows
    finally:
        writer.close()
    return rows
