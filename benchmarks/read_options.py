"""pyarrow's CSV read with svduty's options, one option changed at a time (speed59a).

    .venv/bin/python benchmarks/read_options.py                       # the real months
    .venv/bin/python benchmarks/read_options.py --file benchmarks/_data/policeuk-400000.csv

A summary's reader (``svduty classify FILE --summary json``) cuts a police.uk file into
16 MiB blocks and parses each on a worker thread with ``pyarrow.csv.read_csv``
(:mod:`svduty.io._police_uk_csv`). This times that parse on this thread (thread CPU,
``time.thread_time``), every block of the file once a round, in shuffled interleaved
rounds, with svduty's exact options (``svduty``: :func:`svduty.io._police_uk_parse._parse`
as the reader calls it for a summary; ``exact``: the same ``read_csv`` call without the
ASCII check around it) and with one option changed at a time, against the bare read of
the same bytes (``bare``: every column, types inferred, as ``benchmarks/run.py``'s
``p_bare`` on one thread). Prints the median and the fastest round of each, in ms for
the whole file. A tool for performance work, not a test.

The variants of ``exact``: ``combined`` (its chunks joined into one, as the reader does);
``no-handler`` (no ``invalid_row_handler``: what numbering the rejected rows costs);
``no-words`` (month and crime type as text, not dictionaries); ``text-coordinates``
(longitude and latitude as text, not numbers); ``all-text`` (the six columns as text);
``lsoa-words`` (LSOA code and name as dictionaries too); ``one-column`` (only the month
converted: the tokenizer's floor); ``block-4m``, ``block-16m`` (Arrow's block size, not
1 MiB); ``all-columns`` (the twelve converted, as a writer's read).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.csv as pacsv

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

from svduty.io._inputs import POLICE_UK_COLUMNS, SUMMARY_COLUMNS  # noqa: E402
from svduty.io._police_uk_parse import _NUMBERS, _parse  # noqa: E402

WORDS = pa.dictionary(pa.int32(), pa.string())
COLUMNS = list(SUMMARY_COLUMNS)


def blocks(path: Path, size: int = 1 << 24) -> list[bytes]:
    """The file after its header, cut after the last line end of each ``size`` bytes."""
    raw = path.read_bytes()
    pos, out = raw.index(b"\n") + 1, []
    while pos < len(raw):
        block = raw[pos : pos + size]
        block = block[: block.rindex(b"\n") + 1]
        out.append(block)
        pos += len(block)
    return out


def read(
    data: bytes,
    *,
    types: dict[str, Any] = _NUMBERS,
    columns: list[str] | None = COLUMNS,
    block: int = 1 << 20,
    handler: bool = True,
) -> pa.Table:
    """``read_csv`` of ``data`` with svduty's options but those given."""
    return pacsv.read_csv(
        pa.BufferReader(pa.py_buffer(data)),
        read_options=pacsv.ReadOptions(
            use_threads=False, block_size=block, column_names=list(POLICE_UK_COLUMNS)
        ),
        parse_options=pacsv.ParseOptions(
            invalid_row_handler=(lambda row: "skip") if handler else None,
            newlines_in_values=False,
            ignore_empty_lines=False,
        ),
        convert_options=pacsv.ConvertOptions(
            column_types=types,
            include_columns=columns,
            null_values=[""],
            strings_can_be_null=False,
            quoted_strings_can_be_null=False,
            check_utf8=False,
        ),
    )


def variants() -> dict[str, Callable[[bytes], object]]:
    """Each variant: a function of one block's bytes."""
    header = ",".join(POLICE_UK_COLUMNS).encode() + b"\n"
    plain = {"Longitude": pa.float64(), "Latitude": pa.float64()}
    return {
        "bare": lambda d: pacsv.read_csv(
            pa.BufferReader(pa.py_buffer(header + d)),
            read_options=pacsv.ReadOptions(use_threads=False),
        ),
        "svduty": lambda d: _parse(d, blank_rows=True, quotes=False, columns=tuple(COLUMNS)),
        "exact": read,
        "combined": lambda d: read(d).combine_chunks(),
        "no-handler": lambda d: read(d, handler=False),
        "no-words": lambda d: read(d, types=plain),
        "text-coordinates": lambda d: read(
            d, types={**_NUMBERS, **dict.fromkeys(plain, pa.string())}
        ),
        "all-text": lambda d: read(d, types=dict.fromkeys(COLUMNS, pa.string())),
        "lsoa-words": lambda d: read(d, types={**_NUMBERS, "LSOA code": WORDS, "LSOA name": WORDS}),
        "one-column": lambda d: read(d, columns=["Month"]),
        "block-4m": lambda d: read(d, block=1 << 22),
        "block-16m": lambda d: read(d, block=1 << 24),
        "all-columns": lambda d: read(d, columns=None),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--file", type=Path, default=HERE / "_data" / "policeuk-months-400000.csv")
    parser.add_argument("--rounds", type=int, default=9)
    args = parser.parse_args()
    data = blocks(args.file)
    ways = variants()
    times: dict[str, list[float]] = {name: [] for name in ways}
    for _ in range(args.rounds):
        names = list(ways)
        random.shuffle(names)
        for name in names:
            start = time.thread_time()
            for block in data:
                ways[name](block)
            times[name].append(time.thread_time() - start)
    print(f"{args.file.name}: {len(data)} blocks, thread CPU ms for the whole file")
    for name, spent in times.items():
        middle, best = statistics.median(spent) * 1e3, min(spent) * 1e3
        print(f"  {name:18s} median {middle:7.1f}  best {best:7.1f}")


if __name__ == "__main__":
    main()
