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
"""

from __future__ import annotations

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
    return 0


if __name__ == "__main__":
    sys.exit(main())
