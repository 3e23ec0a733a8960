"""The Parquet writer's own cost, measured apart from the run that feeds it (speed53b).

    .venv/bin/python benchmarks/parquet_writer.py               # the bench's 400,000 rows
    .venv/bin/python benchmarks/parquet_writer.py --file benchmarks/_data/policeuk-months-400000.csv
    .venv/bin/python benchmarks/parquet_writer.py --only codecs,columns --rounds 9

It runs ``svduty classify FILE --summary json --output OUT.parquet`` in this process and
keeps the tables :class:`svduty.io._parquet_sink.ParquetSink` is handed (one a batch, as
the loop builds them), then writes them again with a new ``ParquetSink`` to a file on
this thread, timing only that (thread CPU, ``time.thread_time``: the sink's own work,
conforming the tables and Arrow's encoding, compression and file writes), under variants
of its options, in interleaved rounds; it prints the median and the fastest of each, and
the file's size. The variants:

- ``codecs``: every column Snappy compresses now written with another codec (``id`` stays
  uncompressed): LZ4 (written as LZ4_RAW), zstd at levels 1 and -3, none;
- ``options``: min/max statistics off; the doubles (``longitude``, ``latitude``) without a
  dictionary; 1 Mi values handed to the encoder at a time instead of 64 Ki;
- ``row-groups``: 2, 3 or all the batches in one row group (joined beforehand, not timed:
  the writer itself starts each table it is handed as a row group of its own);
- ``columns``: each column written alone, with Snappy and without compression.

A tool for performance work, not a test: what it reports is a machine's, at a moment.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import Any

import pyarrow as pa

HERE = Path(__file__).resolve().parent
DEFAULT_FILE = HERE / "_data" / "policeuk-400000.csv"
KINDS = ("codecs", "options", "row-groups", "columns")

Options = Callable[[pa.Schema], dict[str, Any]]


def handed(path: Path, out: Path) -> tuple[pa.Schema, list[pa.Table]]:
    """The schema a run's ``ParquetSink`` was made with and the tables it was handed."""
    from svduty.cli import main
    from svduty.io._parquet_sink import ParquetSink

    made: list[pa.Schema] = []
    tables: list[pa.Table] = []
    sink: Any = ParquetSink  # (its methods replaced for the run, then given back)
    init, write = sink.__init__, sink.write_table

    def kept_init(self: Any, where: Any, schema: pa.Schema, first: pa.Table | None) -> None:
        made.append(schema)
        init(self, where, schema, first)

    def kept_write(self: Any, table: pa.Table) -> None:
        tables.append(table)
        write(self, table)

    sink.__init__ = kept_init
    sink.write_table = kept_write
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            code = main(["classify", str(path), "--summary", "json", "--output", str(out)])
    finally:
        sink.__init__ = init
        sink.write_table = write
    if code != 0 or not made:
        raise SystemExit(f"svduty classify {path} --output ...: exit code {code}")
    return made[0], tables


@contextlib.contextmanager
def options_as(options: Options | None) -> Iterator[None]:
    """Within it, ``ParquetSink`` takes its encoding options from ``options``."""
    from svduty.io import _parquet_sink

    sinks: Any = _parquet_sink  # (the name ParquetSink takes its options from)
    kept = sinks.parquet_options
    if options is not None:
        sinks.parquet_options = options
    try:
        yield
    finally:
        sinks.parquet_options = kept


def written(schema: pa.Schema, tables: list[pa.Table], out: Path) -> tuple[float, int]:
    """Thread CPU seconds to write ``tables`` with a new ``ParquetSink``; the file's bytes."""
    from svduty.io._parquet_sink import ParquetSink

    start = time.thread_time()
    sink = ParquetSink(out, schema, tables[0])
    for table in tables:
        sink.write_table(table)
    sink.close()
    return time.thread_time() - start, out.stat().st_size


def codec(name: str, level: int | None = None) -> Options:
    """The options of now, with ``name`` for every column compressed now."""
    from svduty.io._parquet_options import parquet_options

    def options(schema: pa.Schema) -> dict[str, Any]:
        given = parquet_options(schema)
        codecs = {k: v if v == "none" else name for k, v in given["compression"].items()}
        given["compression"] = codecs
        if level is not None:
            given["compression_level"] = {k: level for k, v in codecs.items() if v != "none"}
        return given

    return options


def changed(**change: Callable[[Any], Any]) -> Options:
    """The options of now, each named one given to its function."""
    from svduty.io._parquet_options import parquet_options

    def options(schema: pa.Schema) -> dict[str, Any]:
        given = parquet_options(schema)
        return {**given, **{k: f(given[k]) for k, f in change.items()}}

    return options


def variants(kind: str) -> dict[str, Options | None]:
    """The option variants of ``codecs`` or ``options`` (``None``: the options of now)."""
    if kind == "codecs":
        return {
            "snappy (now)": None,
            "lz4": codec("lz4"),
            "zstd 1": codec("zstd", 1),
            "zstd -3": codec("zstd", -3),
            "none": codec("none"),
        }
    doubles = ("longitude", "latitude")
    return {
        "now": None,
        "no statistics": changed(write_statistics=lambda _: False),
        "doubles plain": changed(use_dictionary=lambda d: [p for p in d if p not in doubles]),
        "write_batch_size 1Mi": changed(write_batch_size=lambda _: 1 << 20),
    }


def in_groups(schema: pa.Schema, tables: list[pa.Table], k: int) -> list[pa.Table]:
    """``tables`` conformed to what the sink writes, every ``k`` joined as one."""
    from svduty.io._conformed import conform
    from svduty.io._parquet_sink import written_schema

    kind = written_schema(schema, tables[0])
    ready = [conform(t, kind) for t in tables]
    joined = [ready[i : i + k] for i in range(0, len(ready), k)]
    return [
        pa.concat_tables(part).combine_chunks() if len(part) > 1 else part[0] for part in joined
    ]


def rounds(cases: dict[str, Callable[[], tuple[float, int]]], n: int) -> None:
    """Each case ``n`` times, interleaved; its median and fastest CPU and its file's size."""
    got: dict[str, list[tuple[float, int]]] = {name: [] for name in cases}
    for _ in range(n):
        for name, case in cases.items():
            got[name].append(case())
    for name, runs in got.items():
        cpu = [c for c, _ in runs]
        median, best = 1000 * statistics.median(cpu), 1000 * min(cpu)
        print(f"  {name:<22} {median:7.1f} ms median {best:7.1f} ms best {runs[0][1]:>11,} B")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--file", type=Path, default=DEFAULT_FILE)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--only", default=",".join(KINDS), help=f"some of {','.join(KINDS)}")
    args = parser.parse_args(argv)
    only = [k for k in args.only.split(",") if k]
    if unknown := sorted(set(only) - set(KINDS)):
        parser.error(f"--only: {', '.join(unknown)} (not one of {', '.join(KINDS)})")
    with tempfile.TemporaryDirectory(prefix="svduty-parquet-writer-") as folder:
        out = Path(folder) / "out.parquet"
        schema, tables = handed(args.file, out)
        rows = sum(t.num_rows for t in tables)
        print(f"{args.file.name}: {rows:,} rows in {len(tables)} tables; thread CPU of writing")
        for kind in only:
            print(f"{kind}:")
            cases: dict[str, Callable[[], tuple[float, int]]] = {}
            if kind in ("codecs", "options"):
                for name, options in variants(kind).items():
                    cases[name] = partial(_with, options, schema, tables, out)
            elif kind == "row-groups":
                for k in (1, 2, 3, len(tables)):
                    grouped = in_groups(schema, tables, k)
                    cases[f"{k} a row group"] = partial(_with, None, schema, grouped, out)
            else:
                for field in schema:
                    alone = pa.schema([field]).with_metadata(schema.metadata)
                    part = [t.select([field.name]) for t in tables]
                    for label, options in (("snappy", None), ("none", codec("none"))):
                        cases[f"{field.name} {label}"] = partial(_with, options, alone, part, out)
            rounds(cases, args.rounds)
    return 0


def _with(
    options: Options | None, schema: pa.Schema, tables: list[pa.Table], out: Path
) -> tuple[float, int]:
    with options_as(options):
        return written(schema, tables, out)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
