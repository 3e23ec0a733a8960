"""Package the national ONS tables of ``../shared/data/ons/national/`` with svduty.

    python tools/make_national_tables.py   # -> src/svduty/data/ons/national/

The three LSOA tables (35,000 rows each) are written as Parquet (zstd), unchanged in
content and column names, so a call reads only the columns it needs; the five small
district tables are copied as they are (CSV). See ``src/svduty/data/ATTRIBUTION.md``.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

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
        pq.write_table(table, OUT / f"{name}.parquet", compression="zstd", compression_level=19)
    for name in SMALL:
        shutil.copyfile(src / f"{name}.csv", OUT / f"{name}.csv")
    return 0


if __name__ == "__main__":
    sys.exit(main())
