"""Writing classified rows as CSV, Parquet or JSON Lines, a record batch at a time, atomically.

A writer writes to a temporary file beside the target and renames it over the target only
when everything was written (:meth:`TableWriter.commit`); on an error or an interrupt
(:meth:`TableWriter.abort`) the temporary file is removed, so the target is either the
complete new file or what it was before, never half a file. An empty result is a valid
file with the full schema and no rows (when the schema is known). A target that is a
device or a pipe (``/dev/null``, a FIFO, ``/dev/stdout``) is written in place, as it
streams (see :class:`~svduty.io._write_paths.OutputFile`).
"""

from __future__ import annotations

import codecs
import contextlib
import io
import json
import os
from collections.abc import Callable, Iterable, Mapping
from functools import partial
from pathlib import Path
from typing import IO, Any, TextIO

import pyarrow as pa
import pyarrow.csv as pacsv

from svduty import _compute as pc
from svduty._checked import checked
from svduty.errors import InputFormatError, Problem
from svduty.io._background import Ordered, behind, cores
from svduty.io._conformed import conform, decoded
from svduty.io._csv_cells import flat as csv_cells
from svduty.io._json_lines import json_lines, json_lines_parts
from svduty.io._parquet_sink import REPEATED_TEXT, ParquetSink
from svduty.io._write_paths import OutputFile, output_error, writable, write_all

__all__ = ["FORMATS", "RejectedWriter", "TableWriter", "write_table"]

FORMATS = {".csv": "csv", ".parquet": "parquet", ".pq": "parquet", ".jsonl": "jsonl"}
"""Output suffix -> format."""


def output_format(path: str | Path, field: str = "suffix") -> str:
    """The format of an output file, from its suffix (``field``: what an error names).

    Raises:
        InputFormatError: if the suffix is not ``.csv``, ``.parquet`` or ``.jsonl``.

    Example:
        >>> output_format("out.PARQUET")
        'parquet'
    """
    p = Path(path)
    kind = FORMATS.get(p.suffix.lower())
    if kind is None:
        raise InputFormatError(
            Problem(file=str(p), field=field, expected="a .csv, .parquet or .jsonl file")
        )
    return kind


class TableWriter:
    """Writes tables to one file (or a text stream, for JSON Lines), atomically.

    Args:
        target: The file, or a text stream (JSON Lines only; nothing to rename).
        schema: The full schema of the output; when given, every table is made to conform
            and an empty result still writes the schema.
        metadata: Key-value metadata for the Parquet footer.
        kind: The format (default: from the suffix).
        background: JSON Lines and Parquet: encode (Parquet: and cast) the tables on a
            worker thread, so the caller prepares the next one meanwhile (default: with
            two CPUs or more). The bytes are written in order, the same; an encoding or
            cast error is raised by a later :meth:`write` or by :meth:`commit`.

    Example:
        >>> import tempfile, pathlib
        >>> f = pathlib.Path(tempfile.mkdtemp()) / "o.parquet"
        >>> w = TableWriter(f, schema=pa.schema([("a", pa.int64())]))
        >>> w.commit()
        0
        >>> import pyarrow.parquet as pq
        >>> pq.read_table(f).schema.names
        ['a']
    """

    def __init__(
        self,
        target: str | Path | TextIO,
        *,
        schema: pa.Schema | None = None,
        metadata: Mapping[str, str] | None = None,
        kind: str | None = None,
        background: bool | None = None,
    ) -> None:
        self.stream: TextIO | None = None
        if isinstance(target, str | Path):
            self.path: Path | None = Path(target)
            self.kind = kind or output_format(self.path)
            writable(self.path, "--output")
            self.out: OutputFile | None = OutputFile(self.path, "--output")
        else:
            self.path = self.out = None
            self.kind = kind or "jsonl"
            self.stream = target
        self.schema = schema
        self.metadata = dict(metadata or {})
        self.words = REPEATED_TEXT if self.kind == "parquet" else frozenset()
        """Columns this writer takes as dictionaries of their text (see :meth:`__call__`)."""
        self.rows = 0
        self._csv: pacsv.CSVWriter | None = None
        self._pq: ParquetSink | None = None
        self._fh: IO[str] | None = None
        if background is None:
            background = cores() > 1
        # one worker, one batch waiting: a second worker encodes a large table's batches
        # side by side but grows the resident memory by a quarter, whose page faults cost
        # a whole process more than it gains (measured); one writes JSON Lines in order
        self._jobs = Ordered(workers=1, depth=1) if background else None
        self._finished = False

    def _open(self, schema: pa.Schema, first: pa.Table | None = None) -> None:
        assert self.out is not None or self.stream is not None
        try:
            if self.kind == "parquet":
                meta = {
                    **(schema.metadata or {}),
                    **{k.encode(): v.encode() for k, v in self.metadata.items()},
                }
                self._pq = ParquetSink(
                    self.out.sink(),  # type: ignore[union-attr]  # not a stream: a file
                    schema.with_metadata(meta),
                    first,
                )
            elif self.kind == "csv":
                flat = csv_cells(schema.empty_table(), ";")
                self._csv = pacsv.CSVWriter(self.out.sink(), flat.schema)  # type: ignore[union-attr]
            elif self.out is not None:
                self._fh = io.TextIOWrapper(self.out.open(), encoding="utf-8")
        except OSError as exc:
            raise output_error(self.path, exc) from None

    def write(self, table: pa.Table | pa.RecordBatch) -> None:
        r"""Write one table (conformed to the schema of the first, or the given one).

        Example:
            >>> import io
            >>> buf = io.StringIO(); w = TableWriter(buf)
            >>> w.write(pa.table({"a": [1, None]})); w.commit()
            2
            >>> buf.getvalue()
            '{"a": 1}\n{"a": null}\n'
        """
        if isinstance(table, pa.RecordBatch):
            table = pa.Table.from_batches([table])
        if self.schema is None:
            self.schema = table.schema
        elif not self.rows and self._pq is None and self._csv is None and self._fh is None:
            self.schema = _widened(self.schema, table)
        # CSV and JSON Lines show a dictionary column's values: no need to encode them (the
        # JSON Lines encoder writes a dictionary's words once, so one given is kept)
        if self.kind != "parquet":  # Parquet: conformed where it is written (the worker)
            table = conform(table, decoded(self.schema), keep=self.kind == "jsonl")
        if self._pq is None and self._csv is None and self._fh is None:
            self._open(self.schema, table)
        try:
            if self.kind == "parquet":
                assert self._pq is not None
                job = partial(self._pq.write_table, table)
                if self._jobs is None:
                    job()
                else:  # conformed and encoded on the worker (Arrow releases the GIL) while
                    # the caller reads and classifies the next batch; in order, one waiting
                    self._jobs.submit(job, _written)
            elif self.kind == "csv":
                assert self._csv is not None
                self._csv.write_table(csv_cells(table, ";"))
            else:
                self._json_lines(table)
        except OSError as exc:  # the output cannot be finished: its file is let go now
            self.abort()
            raise output_error(self.path, exc) from None
        self.rows += table.num_rows

    def __call__(self, table: pa.Table | pa.RecordBatch) -> None:
        """:meth:`write`, as a sink for :func:`~svduty.io.run_pipeline`.

        It gives the columns :attr:`words` names as dictionaries where it builds the rows
        from grouped answers.

        Example:
            >>> import io
            >>> buf = io.StringIO(); w = TableWriter(buf); w(pa.table({"a": [1]})); w.commit()
            1
        """
        self.write(table)

    def _json_lines(self, table: pa.Table) -> None:
        """Each batch's lines, in order: encoded (and written, in parts) by the worker if any."""
        sink = self._fh if self._fh is not None else self.stream
        assert sink is not None
        raw = _utf8_bytes(sink)
        if len(set(table.schema.names)) < table.num_columns:  # a row as a dict
            jobs: list[tuple[Callable[[], Any], Callable[[Any], object]]] = [
                (lambda: _records_text(table), sink.write)
            ]
        else:  # column by column, the same text
            pieces = table.to_batches(max_chunksize=_piece_rows(table.num_rows))
            if raw is None:
                jobs = [(partial(json_lines, b), sink.write) for b in pieces]
            else:  # one job: the caller waits for the batch before, not this one's first part
                jobs = [(partial(_write_lines, raw, pieces), _written)]
        for make, use in jobs:
            if self._jobs is None:
                use(make())
            else:
                self._jobs.submit(make, use)

    def _close(self) -> None:
        for closer in (self._csv, self._pq, self._fh):
            if closer is not None:
                closer.close()
        self._csv = self._pq = self._fh = None

    def finish(self) -> None:
        """Write the file's last bytes, without moving it over the target yet.

        A job that writes several files finishes them all, then commits them all, so a
        file that cannot be finished (a full disk) leaves every target as it was. Raises
        as :meth:`commit` does; :meth:`commit` finishes the file itself if need be.
        """
        if self._finished:
            return
        if self._jobs is not None:
            try:
                self._jobs.finish()
            except OSError as exc:
                self.abort()
                raise output_error(self.path, exc) from None
            except BaseException:
                self.abort()
                raise
        try:
            if self.stream is not None:
                self.stream.flush()
            else:
                assert self.out is not None
                if not self.rows and self._pq is None and self._csv is None and self._fh is None:
                    if self.schema is not None:
                        self._open(self.schema)
                    else:  # nothing written and no schema known: an empty file
                        self.out.open()
                self._close()
                self.out.close()
        except OSError as exc:
            self.abort()
            raise output_error(self.path, exc) from None
        self._finished = True

    def commit(self) -> int:
        """Finish the file and move it over the target; return the rows written."""
        self.finish()
        if self.out is not None:
            self.out.commit()  # removes the temporary file if it cannot be renamed
        return self.rows

    def abort(self) -> None:
        """Drop what was written: the target keeps what it held before."""
        if self._jobs is not None:
            self._jobs.cancel()  # returns when no batch is being encoded
        with contextlib.suppress(Exception):  # a half-written file is removed anyway
            self._close()
        if self.out is not None:
            self.out.discard()


def _utf8_bytes(stream: IO[str]) -> IO[bytes] | None:
    r"""The byte stream under a UTF-8 text stream whose lines end in ``\n``, flushed; or None.

    Writing UTF-8 bytes there is writing the text (no second encoding of the lines).
    """
    buffer = getattr(stream, "buffer", None)
    encoding = getattr(stream, "encoding", None) or "ascii"
    if buffer is None or os.linesep != "\n" or codecs.lookup(encoding).name != "utf-8":
        return None
    stream.flush()
    return buffer  # type: ignore[no-any-return]


def _widened(schema: pa.Schema, table: pa.Table) -> pa.Schema:
    """``schema`` and, after it, the columns of ``table`` it does not name (passed through)."""
    extra = [f for f in table.schema if f.name not in schema.names]
    meta: Any = schema.metadata
    return pa.schema([*schema, *extra], metadata=meta) if extra else schema


def _write_lines(raw: IO[bytes], pieces: list[pa.RecordBatch]) -> None:
    """The pieces' JSON Lines, each part written once made: less fresh memory (measured).

    Each part is written on a thread of its own while the next is made (speed58b).
    """
    parts = (part for batch in pieces for part in json_lines_parts(batch))
    behind(parts, partial(write_all, raw))


def _written(_: None) -> None:
    """Nothing left for the caller: the job wrote its lines or batch (in order: one worker)."""


_ENCODED_ROWS = 1 << 16
"""Rows encoded at a time, at least (a table in even pieces: :func:`_piece_rows`): the
writer's CPU for the bench's 200,000 incidents (batches of
65,536), best/median, pieces of 16,384 188/234 ms, 32,768 166/176, 65,536 142/165 (speed47c;
the text in hand is set by ``json_lines_parts``' 2,048 lines, not by a piece)."""


def _piece_rows(rows: int) -> int:
    """The rows of each piece a table of ``rows`` is encoded in: as even as can be.

    As many pieces as whole :data:`_ENCODED_ROWS` fit in the table, of even rows (under
    twice as many; the last at most a row a piece shorter), not pieces of
    ``_ENCODED_ROWS`` and a short last one: each piece's columns are read at a cost that
    hardly depends on its rows (the bench's last batch of 68,928 incidents encoded in
    one piece 53.1 ms of thread CPU against 60.9 as 65,536 and 3,392 rows, medians of 15
    interleaved, speed59b). The lines are the same, however the table is cut.

    Example:
        >>> [_piece_rows(n) for n in (10, 68_928, 134_464, 200_000)]
        [10, 68928, 67232, 66667]
    """
    pieces = max(1, rows // _ENCODED_ROWS)
    return max(1, -(-rows // pieces))


def _records_text(table: pa.Table) -> str:
    """JSON Lines of each row as a dict (one value kept of a repeated column name)."""
    return "".join(json.dumps(_plain(r), ensure_ascii=False) + "\n" for r in table.to_pylist())


def _plain(record: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for k, v in record.items():
        out[k] = v.isoformat() if hasattr(v, "isoformat") else v
    return out


class RejectedWriter:
    """Streams rejected rows (file, row, field, reason) to a CSV file, atomically.

    Example:
        >>> import tempfile, pathlib
        >>> f = pathlib.Path(tempfile.mkdtemp()) / "rejected.csv"
        >>> w = RejectedWriter(f)
        >>> w(pa.table({"file": ["a.csv"], "row": [3], "rejected_field": ["Month"],
        ...             "rejected": ["Month: expected a month YYYY-MM"]}))
        >>> w.commit()
        >>> f.read_text().splitlines()
        ['"file","row","field","reason"', '"a.csv",3,"Month","expected a month YYYY-MM"']
    """

    SCHEMA = pa.schema(
        [  # type: ignore[arg-type, unused-ignore]  # the stubs join Field[...] to object
            pa.field("file", pa.string()),
            pa.field("row", pa.int64()),
            pa.field("field", pa.string()),
            pa.field("reason", pa.string()),
        ]
    )

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        writable(self.path, "--rejected")
        self.out = OutputFile(self.path, "--rejected")
        self._fh: pacsv.CSVWriter | None = None
        self._finished = False

    def _open(self) -> pacsv.CSVWriter:
        """The CSV writer, its header written: at the first rejected row, or at the end.

        Not before: a device or a pipe (``--rejected -``) is written as it streams and
        cannot be taken back, so a job that refuses its input whole (a column of the
        wrong type) writes nothing there, not a header alone (whole or nothing).
        """
        if self._fh is None:
            try:
                self._fh = pacsv.CSVWriter(self.out.sink(), self.SCHEMA)
            except OSError as exc:
                self.abort()
                raise output_error(self.path, exc, "--rejected") from None
        return self._fh

    def __call__(self, bad: pa.Table) -> None:
        """Write the rejected rows of a batch (column by column, no loop per row)."""
        fh = self._open()
        why = bad.column("rejected")
        field = bad.column("rejected_field")
        # the reason is stored as "field: what"; the file has the field in its own column
        stripped = pc.replace_substring_regex(
            why, pattern=r"^[^:]*: ", replacement="", max_replacements=1
        )
        reason = pc.if_else(pc.is_valid(field), stripped, why)
        rows = [bad.column("file"), bad.column("row"), field, reason]
        try:  # a full disk names no file: this one is named (not standard output)
            fh.write_table(pa.Table.from_arrays(rows, schema=self.SCHEMA))
        except OSError as exc:
            self.abort()
            raise output_error(self.path, exc, "--rejected") from None

    def finish(self) -> None:
        """Write the file's last bytes, without moving it over the target yet.

        As :meth:`TableWriter.finish`: a job finishes every file, then commits them. No
        row rejected: the file is its header alone.
        """
        if self._finished:
            return
        try:
            fh, self._fh = self._open(), None
            fh.close()
            self.out.close()
            self._finished = True
        except OSError as exc:
            self.abort()
            raise output_error(self.path, exc, "--rejected") from None

    def commit(self) -> None:
        """Finish the file and move it over the target."""
        self.finish()
        self.out.commit()

    def abort(self) -> None:
        """Drop the file."""
        self._finished = True  # (not opened again by a finish after)
        if self._fh is not None:
            fh, self._fh = self._fh, None
            with contextlib.suppress(OSError):  # a device that refused the bytes
                fh.close()
        self.out.discard()


@checked
def write_table(
    tables: Iterable[pa.Table | pa.RecordBatch],
    path: str | Path,
    *,
    schema: pa.Schema | None = None,
    metadata: Mapping[str, str] | None = None,
) -> int:
    """Write a stream of tables or record batches to ``path``; return the rows written.

    The format follows the suffix: ``.csv`` (list columns joined with ``;``), ``.parquet``
    or ``.jsonl`` (one JSON object per row, every column on every line, nulls as
    ``null``). Written as it streams, to a temporary file renamed over ``path`` at the end;
    on an error nothing is left at ``path`` that was not there before.

    Args:
        tables: The rows.
        path: The output file.
        schema: The output's schema (an empty result then still has it).
        metadata: Parquet footer metadata.

    Raises:
        InputFormatError: if the suffix is not one of these, or the file cannot be written.

    Example:
        >>> import tempfile, pathlib, pyarrow as pa
        >>> f = pathlib.Path(tempfile.mkdtemp()) / "out.jsonl"
        >>> write_table([pa.table({"id": ["a", None], "kinds": [["knife"], []]})], f)
        2
        >>> print(f.read_text().strip())
        {"id": "a", "kinds": ["knife"]}
        {"id": null, "kinds": []}
    """
    writer = TableWriter(path, schema=schema, metadata=metadata)
    try:
        for item in tables:
            writer.write(item)
    except BaseException:
        writer.abort()
        raise
    return writer.commit()
