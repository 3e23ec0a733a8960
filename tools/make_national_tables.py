"""Package the national ONS tables of ``../shared/data/ons/national/`` with svduty.

    python tools/make_national_tables.py   # -> src/svduty/data/ons/national/

The three LSOA tables (35,000 rows each) are written as Arrow IPC files (LZ4), unchanged
in content and column names, every column a plain string. Arrow IPC, not Parquet: its
reader, ``pyarrow.ipc``, imports nothing more than ``pyarrow`` itself, where
``pyarrow.parquet`` imports ``pyarrow.fs`` and ``ssl`` (about 0.015 s of every ``svduty
classify``). LZ4, not zstd: the files are twice the size (4.5 MB for the three) but read
in a quarter of the time (about 0.01 s less for a partnership's areas); dictionary-encoded
columns would be smaller but cost as much again to decode. The five small district
tables are copied as they are (CSV). See ``src/svduty/data/ATTRIBUTION.md``.

One small table is derived, ``lsoa21-lies-in.csv``: the 2021 LSOAs whose district by the
2022 exact-fit table (``lsoa11-lsoa21-lad22``), still a district in 2024, is not the one the
2024 ward table's best fit gives, with that district. svduty reads it instead of joining
the two 35,000-row tables in every process (``svduty.areas._best_fit.lsoa_districts``;
``tests/areas/test_crime_place_place49.py`` checks it against the tables).
"""

from __future__ import annotations

import csv
import shutil
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.csv as pacsv
from pyarrow import ipc

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "src" / "svduty" / "data" / "ons" / "national"
LARGE = ("lsoa21-ward24-lad24", "lsoa11-lsoa21-lad22", "lsoa21-icb24")
SMALL = ("lad24-csp24-pfa24", "lad24-fra24", "lad24-region24", "lad23-utla23", "lad21-lhb22")


def source() -> Path:
    shared = HERE.parents[1] / "shared" / "data" / "ons" / "national"
    return shared if shared.exists() else Path("/work/shared/data/ons/national")


def main() -> int:
    src = source()
    OUT.mkdir(parents=True, exist_ok=True)
    for name in LARGE:
        names = pacsv.open_csv(src / f"{name}.csv").schema.names
        opts = pacsv.ConvertOptions(column_types=dict.fromkeys(names, pa.string()))
        table = pacsv.read_csv(src / f"{name}.csv", convert_options=opts)
        options = ipc.IpcWriteOptions(compression="lz4")
        with ipc.new_file(OUT / f"{name}.arrow", table.schema, options=options) as out:
            out.write_table(table)
    for name in SMALL:
        shutil.copyfile(src / f"{name}.csv", OUT / f"{name}.csv")
    write_lies_in(src)
    return 0


def write_lies_in(src: Path) -> None:
    """Write ``lsoa21-lies-in.csv``: the LSOAs the two tables place in two current districts."""
    with (src / "lsoa21-ward24-lad24.csv").open(newline="", encoding="utf-8") as f:
        ward = [(r["lsoa21_code"], r["ltla24_code"]) for r in csv.DictReader(f)]
    with (src / "lsoa11-lsoa21-lad22.csv").open(newline="", encoding="utf-8") as f:
        built = {r["lsoa21_code"]: r["ltla22_code"] for r in csv.DictReader(f)}
    now = {lad for _, lad in ward}
    rows = [(c, built[c]) for c, lad in ward if built.get(c, lad) != lad and built[c] in now]
    with (OUT / "lsoa21-lies-in.csv").open("w", newline="", encoding="utf-8") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(("lsoa21_code", "ltla24_code"))
        out.writerows(sorted(rows))


if __name__ == "__main__":
    sys.exit(main())
