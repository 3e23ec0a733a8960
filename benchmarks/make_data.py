"""Build a synthetic police.uk street-level file by resampling the two real months.

    python benchmarks/make_data.py --rows 1000000   # -> benchmarks/_data/policeuk-1000000.csv
    python benchmarks/make_data.py --rows 400000 --months   # -> policeuk-months-400000.csv

Rows are drawn with replacement (fixed seed) from the real Warwickshire months in
``../shared/data/policeuk/`` (or the packaged sample if those are absent), so the mix of
crime types, LSOAs (2011 and 2021 codes), anti-social behaviour rows without a Crime ID,
``No Location`` rows and out-of-area crimes is the real one. The file keeps the police.uk
header and quoting (fields are quoted only where needed), and gives each crime its own
Crime ID (a row drawn twice is two crimes, as in a real month).

Resampling repeats the combinations of month, LSOA and crime type far more than real
data does (a 75,000-row batch holds about 3,500 of them; a real month of one force has
38% distinct). ``--months`` makes the other kind of file: the real months whole, one after
the other, each relabelled as the next month (2010-01, 2010-02, ...), until ``--rows`` is
reached: the combinations of real months of one force.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv

HERE = Path(__file__).resolve().parent
DATA = HERE / "_data"


def sources() -> list[Path]:
    shared = HERE.parents[1] / "shared" / "data" / "policeuk"
    if not shared.exists():
        shared = Path("/work/shared/data/policeuk")
    found = sorted(shared.glob("*.csv"))
    if found:
        return found
    from svduty.io import sample_police_uk

    return [sample_police_uk()]


def make(rows: int, *, seed: int = 2025) -> Path:
    out = _made(f"policeuk-{rows}.csv")
    if out.exists():
        return out
    tables = []
    for p in sources():
        names = pacsv.open_csv(p).schema.names
        opts = pacsv.ConvertOptions(
            column_types={n: pa.string() for n in names}, strings_can_be_null=False
        )
        tables.append(pacsv.read_csv(p, convert_options=opts))
    pool = pa.concat_tables(tables)
    rng = np.random.default_rng(seed)
    idx = pa.array(rng.integers(0, pool.num_rows, size=rows))
    sample = pool.take(idx)

    def records() -> Iterator[list[str]]:
        n = 0
        for chunk in sample.to_batches(max_chunksize=100_000):
            columns = [c.to_pylist() for c in chunk.columns]
            for r in zip(*columns, strict=True):
                n += 1
                yield [crime_id(r[0], n), *r[1:]]

    return _written(out, sample.schema.names, records())


def crime_id(given: str, n: int) -> str:
    """A crime's own Crime ID in the made file (none stays none).

    A row drawn twice is two crimes here, as every crime of a real month has its own ID:
    the same ID twice would be one crime counted twice, which ``svduty classify`` warns of
    (``FILES-OVERLAP``) after a second read of the file's Crime IDs. Real Crime IDs are 64
    hexadecimal digits of a hash, with nothing a compressor can shorten (the two real
    Warwickshire months' IDs are 3.4% smaller with LZ4): these are too, the SHA-256 of the
    row's number (IDs made as multiples of one number were 2.4x smaller with LZ4, and so
    made Parquet output look cheaper to write than a real month's, ``speed49d``).

    Example:
        >>> crime_id("", 7), crime_id("ab" * 32, 1) != crime_id("ab" * 32, 2)
        ('', True)
        >>> len(crime_id("ab" * 32, 1))
        64
    """
    return hashlib.sha256(n.to_bytes(8, "big")).hexdigest() if given else ""


def _made(name: str) -> Path:
    """Where a data file goes (made, or already there)."""
    DATA.mkdir(exist_ok=True)
    return DATA / name


def _written(out: Path, header: list[str], records: Iterable[list[str]]) -> Path:
    """Write the file whole (a temporary file renamed), fields quoted only where needed."""
    tmp = out.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(records)
    tmp.replace(out)
    return out


def make_months(rows: int) -> Path:
    """The real months whole, relabelled month after month, until ``rows`` is reached."""
    out = _made(f"policeuk-months-{rows}.csv")
    if out.exists():
        return out
    months: list[list[list[str]]] = []
    for p in sources():
        with p.open(encoding="utf-8", newline="") as fh:
            months.append(list(csv.reader(fh)))
    header = months[0][0]
    at = header.index("Month")

    def records() -> Iterator[list[str]]:
        written, k = 0, 0
        while written < rows:
            label = f"{2010 + k // 12:04d}-{k % 12 + 1:02d}"
            for record in months[k % len(months)][1:]:
                if written == rows:
                    return
                written += 1
                yield [crime_id(record[0], written), *record[1:at], label, *record[at + 1 :]]
            k += 1

    return _written(out, header, records())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--months", action="store_true", help="real months, relabelled")
    args = parser.parse_args(argv)
    path = make_months(args.rows) if args.months else make(args.rows, seed=args.seed)
    print(f"{path} ({path.stat().st_size / 1e6:.1f} MB, {args.rows} rows)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
