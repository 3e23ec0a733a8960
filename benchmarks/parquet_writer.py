"""The Parquet writer's own cost, measured apart from the run that feeds it (speed53b).

    .venv/bin/python benchmarks/parquet_writer.py               # the bench's 400,000 rows
    .venv/bin/python benchmarks/parquet_writer.py --file benchmarks/_data/policeuk-months-400000.csv
    .venv/bin/python benchmarks/parquet_writer.py --only codecs,columns --rounds 9
    .venv/bin/python benchmarks/parquet_writer.py --only whole --rounds 12 --chrt

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

``whole`` (speed57b; run only when named in ``--only``) measures whole ``svduty classify
FILE --summary json`` processes instead, in interleaved rounds (``--chrt``: each under
``chrt -r 1``, which a shared machine needs), each variant in a child process of its own
(its own partnership cache, jemalloc as the command sets it), wall time, process CPU
(``os.wait4``) and peak memory, medians, each against ``parquet``:

- ``summary``: no rows written (``e2e``);
- ``parquet``: ``--output OUT.parquet``, as the command writes it (``e2e_parquet``);
- ``unencoded``: the same, but the sink conforms each table and encodes none (the rows
  built and handed to the writer's thread; an empty file): what writing rows costs
  besides Arrow's encoding;
- ``no-compression`` and ``required``: two changes of the file, measured, not adopted
  (each a decision: the file 11% larger; or the columns that no handed table holds a null
  in declared required, which readers then see as ``not null``).

The differences tell where the 2x of issue 15 is lost. On the bench's 400,000 rows
(speed57b, two runs of 12 rounds at load 15-21 on the 2 cores, ``chrt``; wall / CPU
medians): ``summary`` 0.362 / 0.505 and 0.360 / 0.483 s, ``unencoded`` 0.467 / 0.568 and
0.460 / 0.544, ``parquet`` 0.521 / 0.767 and 0.506 / 0.746. So the rows written cost about
100 ms of wall for 60 ms of CPU before a byte is encoded (the cores not full), and Arrow's
encoding about 50 ms of wall for 200 ms of CPU (the cores full: CPU saved there comes back
as about a quarter of it in wall). ``no-compression`` and ``required`` were within 15 ms
and 15 ms of ``parquet`` either way in both runs: the writer's 15-25 ms of CPU they save
alone (the other kinds) does not show in a whole process.

A tool for performance work, not a test: what it reports is a machine's, at a moment.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import random
import statistics
import subprocess
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
KINDS = ("codecs", "options", "row-groups", "columns", "whole")
WHOLE = ("summary", "parquet", "unencoded", "no-compression", "required")
"""The variants of ``whole``, each a child process (see the module)."""

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


_CHILD = """
import os
import sys
from svduty._commands._memory_pool import one_arena
from svduty.cli import _COMMAND_ENVIRONMENT

one_arena()  # as the command's own process, before pyarrow is loaded; and before numpy is,
for name, value in _COMMAND_ENVIRONMENT.items():  # one OpenBLAS thread (else it spins:
    os.environ.setdefault(name, value)  # about 90 ms more CPU, none more wall)
variant, never, *argv = sys.argv[1:]
if variant in ("unencoded", "no-compression", "required"):
    import pyarrow as pa
    from svduty.io import _parquet_sink as sinks

    if variant == "unencoded":  # conformed, handed to the writer's thread, not encoded
        sinks.ParquetSink.write_table = lambda self, t: sinks.conform(t, self.written)
    elif variant == "no-compression":
        given = sinks.parquet_options
        sinks.parquet_options = lambda schema: {**given(schema), "compression": "none"}
    else:
        names, made = set(never.split(",")), sinks.written_schema

        def required(schema, first):
            w = made(schema, first)
            fields = [f.with_nullable(f.name not in names) for f in w]
            return pa.schema(fields, metadata=w.metadata)

        sinks.written_schema = required
sys.argv = ["svduty", *argv]
from svduty.__main__ import _command

sys.exit(_command())
"""
"""A ``whole`` variant's process: ``svduty classify`` with the sink changed as it asks."""


def never_null(path: Path) -> list[str]:
    """The columns no table a run hands the sink holds a null in (``required``'s)."""
    with tempfile.TemporaryDirectory(prefix="svduty-parquet-writer-") as folder:
        _, tables = handed(path, Path(folder) / "out.parquet")
    names = tables[0].schema.names
    return [n for n in names if all(t.column(n).null_count == 0 for t in tables)]


def whole(path: Path, rounds: int, chrt: bool) -> None:
    """The ``whole`` variants in interleaved rounds (shuffled); medians, against ``parquet``."""
    found = subprocess.run(
        [sys.executable, __file__, "--never-null", "--file", str(path)],
        capture_output=True,
        text=True,
        check=True,
    )  # (in a process of its own: the tables it holds are no child's peak memory)
    never = found.stdout.strip()
    got: dict[str, list[tuple[float, float, float]]] = {v: [] for v in WHOLE}
    with tempfile.TemporaryDirectory(prefix="svduty-parquet-whole-") as folder:
        here = Path(folder)

        def run(variant: str) -> tuple[float, float, float]:
            argv = ["classify", str(path), "--summary", "json"]
            if variant != "summary":
                argv += ["--output", str(here / f"{variant}.parquet")]
            cmd = [sys.executable, "-c", _CHILD, variant, never, *argv]
            env = {**os.environ, "SVDUTY_CACHE_DIR": str(here / f"cache-{variant}")}
            start = time.perf_counter()
            child = subprocess.Popen(
                ["chrt", "-r", "1", *cmd] if chrt else cmd,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            _, status, usage = os.wait4(child.pid, 0)
            wall = time.perf_counter() - start
            if status != 0:
                raise SystemExit(f"whole {variant}: exit status {status}")
            return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024

        for variant in WHOLE:  # each variant's cache filled, its files read once
            run(variant)
        for _ in range(rounds):
            for variant in random.sample(WHOLE, len(WHOLE)):
                got[variant].append(run(variant))
    median = {
        v: [statistics.median(r[i] for r in runs) for i in range(3)] for v, runs in got.items()
    }
    base = median["parquet"]
    print(f"  {'':<16} {'wall s':>8} {'CPU s':>8} {'peak MB':>8}   against parquet (ms, ms, MB)")
    for variant, (wall, cpu, peak) in median.items():
        d = f"{1000 * (wall - base[0]):+6.0f} {1000 * (cpu - base[1]):+6.0f} {peak - base[2]:+5.0f}"
        print(f"  {variant:<16} {wall:8.3f} {cpu:8.3f} {peak:8.0f}   {d}")


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
    parser.add_argument(
        "--only",
        default=",".join(KINDS[:-1]),
        help=f"some of {','.join(KINDS)} (default: all but whole)",
    )
    parser.add_argument("--chrt", action="store_true", help="whole: each under chrt -r 1")
    parser.add_argument("--never-null", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.never_null:  # (whole's: in a process of its own)
        print(",".join(never_null(args.file)))
        return 0
    only = [k for k in args.only.split(",") if k]
    if unknown := sorted(set(only) - set(KINDS)):
        parser.error(f"--only: {', '.join(unknown)} (not one of {', '.join(KINDS)})")
    if "whole" in only:
        print(f"{args.file.name}: whole processes, {args.rounds} rounds")
        print("whole:")
        whole(args.file, args.rounds, args.chrt)
        only.remove("whole")
        if not only:
            return 0
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
