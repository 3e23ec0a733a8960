"""The whole-process measurements of ``run.py``: svduty's commands and the peers a user would
pick instead (bare pyarrow, polars, DuckDB, pandas), each timed as a separate command, start-up
included, as a person times them with a stopwatch.

The peers do the analyst's ten-line script: read the police.uk file, join the LSOA -> district
table (both LSOA vintages), count by district and crime type.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

POLARS = """
import sys, polars as pl
f, l11, l21 = sys.argv[1:4]
crimes = pl.read_csv(f, infer_schema_length=0)
a = pl.read_csv(l11, infer_schema_length=0).select(
    pl.col("LSOA11CD").alias("code"), pl.col("LAD19CD").alias("district"))
b = pl.read_csv(l21, infer_schema_length=0).select(
    pl.col("LSOA21CD").alias("code"), pl.col("LAD_CD").alias("district"))
lookup = pl.concat([a, b]).unique("code")
out = crimes.join(lookup, left_on="LSOA code", right_on="code", how="left")
print(out.group_by(["district", "Crime type"]).len().height, file=sys.stderr)
"""

DUCKDB = """
import sys, duckdb
f, l11, l21 = sys.argv[1:4]
q = (
    "with lookup as ("
    f" select LSOA11CD as code, LAD19CD as district from read_csv('{l11}', all_varchar=true)"
    f" union select LSOA21CD, LAD_CD from read_csv('{l21}', all_varchar=true))"
    ' select district, "Crime type", count(*)'
    f" from read_csv('{f}', all_varchar=true) c"
    ' left join lookup on c."LSOA code" = lookup.code group by all'
)
print(len(duckdb.sql(q).fetchall()), file=sys.stderr)
"""

PANDAS = """
import sys, pandas as pd
f, l11, l21 = sys.argv[1:4]
crimes = pd.read_csv(f, dtype=str)
a = pd.read_csv(l11, dtype=str)[["LSOA11CD", "LAD19CD"]].set_axis(["code", "district"], axis=1)
b = pd.read_csv(l21, dtype=str)[["LSOA21CD", "LAD_CD"]].set_axis(["code", "district"], axis=1)
lookup = pd.concat([a, b]).drop_duplicates("code")
out = crimes.merge(lookup, how="left", left_on="LSOA code", right_on="code")
print(len(out.groupby(["district", "Crime type"], dropna=False).size()), file=sys.stderr)
"""

FOUNDATIONS = "import pyarrow.csv, pyarrow.compute, attrs, cattrs, pendulum"
"""What ``svduty classify`` cannot start without: the libraries it is built on, imported and
nothing done (the floor of its start-up, before any of svduty's own code)."""

BARE_CSV = "import sys, pyarrow.csv as c; c.read_csv(sys.argv[1])"
BARE_JSON = "import sys, pyarrow.json as j; j.read_json(sys.argv[1])"
BARE_PARQUET = "import sys, pyarrow.parquet as p; p.read_table(sys.argv[1])"
INCIDENT_TABLES = (
    "p_incidents_csv_bare",
    "p_incidents_csv",
    "p_incidents_parquet_bare",
    "p_incidents_parquet",
)
"""The same incidents as CSV and Parquet (columns named as the fields: no --map needed)."""

NO_ROWS = (
    "p_interpreter",
    "p_import_pyarrow_csv",
    "p_import_foundations",
    "p_version",
    "p_help",
)
PROCESSES = (
    *NO_ROWS,
    "p_bare",
    "p_polars",
    "p_duckdb",
    "p_pandas",
    "p_jsonl_bare",
    "p_jsonl",
    *INCIDENT_TABLES,
)


def incidents_jsonl(path: Path, rows: int) -> Path:
    """A JSON Lines incident file of ``rows`` incidents drawn from a police.uk file."""
    out = path.with_name(f"incidents-{rows}.jsonl")
    if out.exists():
        return out
    import pyarrow.csv as pacsv

    table = pacsv.read_csv(path)
    cats = table.column("Crime type").to_pylist()
    lsoas = table.column("LSOA code").to_pylist()
    months = table.column("Month").to_pylist()
    ages = (14, 19, 23, 31, 47, 68)
    tmp = out.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        for i in range(rows):
            j = i % len(cats)
            rec = {
                "id": f"inc-{i}",
                "date": f"{months[j]}-15",
                "police_uk_category": cats[j],
                "location": lsoas[j],
                "victim_age": ages[i % len(ages)],
            }
            fh.write(json.dumps({k: v for k, v in rec.items() if v is not None}) + "\n")
    tmp.replace(out)
    return out


def incidents_table(path: Path, rows: int, suffix: str) -> Path:
    """The incidents of :func:`incidents_jsonl` as a ``.csv`` or ``.parquet`` file."""
    out = path.with_name(f"incidents-{rows}{suffix}")
    if out.exists():
        return out
    import pyarrow as pa
    import pyarrow.csv as pacsv
    import pyarrow.json as pajson
    import pyarrow.parquet as pq

    text = ("id", "date", "police_uk_category", "location")
    schema = pa.schema([*((n, pa.string()) for n in text), ("victim_age", pa.int64())])
    table = pajson.read_json(
        incidents_jsonl(path, rows), parse_options=pajson.ParseOptions(explicit_schema=schema)
    )
    tmp = out.with_name(f".{out.name}.tmp")
    if suffix == ".csv":
        pacsv.write_csv(table, tmp)
    else:
        pq.write_table(table, tmp)
    tmp.replace(out)
    return out


def argv_for(
    name: str, path: Path, lookups: list[Path], args: argparse.Namespace
) -> list[str] | None:
    """The command of a whole-process measurement, or ``None`` if ``name`` is not one."""
    if name not in PROCESSES:
        return None
    py = sys.executable
    svduty = str(Path(py).with_name("svduty"))
    l11, l21 = (str(p) for p in lookups)
    if name in ("p_jsonl_bare", "p_jsonl"):
        jsonl = str(incidents_jsonl(path, args.incidents))
        if name == "p_jsonl_bare":
            return [py, "-c", BARE_JSON, jsonl]
        return [svduty, "classify", jsonl, "--summary", "json"]
    if name in INCIDENT_TABLES:
        table = str(incidents_table(path, args.incidents, "." + name.split("_")[2]))
        if name.endswith("_bare"):
            return [py, "-c", BARE_CSV if "_csv" in name else BARE_PARQUET, table]
        return [svduty, "classify", table, "--summary", "json"]
    return {
        "p_interpreter": [py, "-c", "pass"],
        "p_import_pyarrow_csv": [py, "-c", "import pyarrow.csv"],
        "p_import_foundations": [py, "-c", FOUNDATIONS],
        "p_version": [svduty, "--version"],
        "p_help": [svduty, "--help"],
        "p_bare": [py, "-c", BARE_CSV, str(path)],
        "p_polars": [py, "-c", POLARS, str(path), l11, l21],
        "p_duckdb": [py, "-c", DUCKDB, str(path), l11, l21],
        "p_pandas": [py, "-c", PANDAS, str(path), l11, l21],
    }[name]
