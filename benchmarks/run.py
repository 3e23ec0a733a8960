"""svduty's throughput and memory benchmarks: a report, not a test.

    make bench                                   # 400,000 and 4,000,000 rows, writes README.md
    .venv/bin/python benchmarks/run.py --quick   # 100,000 rows
    .venv/bin/python benchmarks/run.py --rows 250000 --only bare,reader,pandas --no-write

Each measurement runs in its own Python process, so that its peak memory (``ru_maxrss``
of that process, read with ``os.wait4``) is its own, and, for the measurements that are
a whole process, its CPU time (user and system, threads included). The measurements:

- ``bare``: pyarrow's bare CSV read of the file (``pyarrow.csv.read_csv``): the floor;
- ``reader``: svduty's police.uk reader alone (streaming, checking, row numbering);
- ``e2e``: ``svduty classify FILE --summary json``, end to end, as a separate command (the
  wall time includes starting Python and loading the partnership);
- ``e2e_parquet``: the same, also writing every classified row with ``--output OUT.parquet``;
- ``startup``: the same command on a police.uk file with a header and no rows: starting
  Python, importing svduty and loading the partnership, the part of ``e2e`` that does not
  grow with the input (the partnership read back from the command's cache, which the
  first run fills, as a user's second run does);
- ``startup_cold``: the same without the cache: the partnership loaded from its bundle, as
  at the first run after an upgrade or a change to the bundle;
- ``e2e_big``, ``p_bare_big``, ``p_polars_big``, ``p_duckdb_big``: the same on the
  ``--big-rows`` file (4,000,000 rows);
- ``e2e_months``, ``p_bare_months``, ``p_polars_months``, ``p_duckdb_months``: the same on
  real months relabelled (``make_data.py --months``, as many rows as the main file): the
  main file resamples rows, so its combinations of month, LSOA and crime type repeat far
  more than real data's; ``e2e_parquet_months``: real months written to Parquet too (a
  real user's ``--output``: few rows alike, so each batch is classified row by row);
- ``columnar``: the pipeline (area look-up and columnar classifier) on an in-memory table:
  its rate on the same rows in another month, every combination new to the pipeline's
  memo and the memory warm; the first call (memo filled, memory touched afresh) and a
  call on the first table again (combinations remembered) are reported too;
- ``columnar_scaling``: the same at each of ``--scaling`` row counts;
- ``scalar``: the one-incident classifier in a Python loop over ``--scalar-rows`` rows;
- ``pandas``: a straightforward pandas script doing the same district and category
  assignment (LSOA look-up table, name fallback, local-area flag, category counts).

Issue 15's ratios of whole processes are each taken per round from two runs made one after
the other, and reported as the median of the rounds with their range (``_paired.py``).

``columnar``, ``scalar`` and ``e2e`` need the partnership's geography and classifier
(``svduty.io.default_pipeline``); where that is not available they are reported as skipped.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _paired import PAIRS, measure_pairs, reading, spread
from peers import NO_ROWS, PROCESSES, argv_for

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "_out"
BIG = ("e2e_big", "p_bare_big", "p_polars_big", "p_duckdb_big")
"""The measurements repeated on the ``--big-rows`` file (issue 15: at 400,000 and 4,000,000)."""
MONTHS = (
    "e2e_months",
    "p_bare_months",
    "p_polars_months",
    "p_duckdb_months",
    "e2e_parquet_months",
)
"""The same on real months relabelled (``make_data.py --months``): real combinations."""
MEASUREMENTS = (
    "bare",
    "reader",
    "e2e",
    "e2e_parquet",
    "startup",
    "startup_cold",
    "columnar",
    "scalar",
    "pandas",
    "columnar_scaling",
    *PROCESSES,
    *BIG,
    *MONTHS,
)
RUNS_OF = {"big": "e2e_big", "real": "e2e_months"}
"""The measurement whose rows name the big file's and the real months' ratios."""
NOTES_MARKER = "<!-- written by hand below this line; run.py keeps it -->"
WARWICKSHIRE = ("E07000218", "E07000219", "E07000220", "E07000221", "E07000222")


def _rss_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# --- the measurements, each run in a child process ----------------------------------------


def child_bare(path: Path, _: argparse.Namespace) -> dict[str, Any]:
    import pyarrow.csv as pacsv

    base = _rss_mb()
    t0 = time.perf_counter()
    table = pacsv.read_csv(path)
    return {"seconds": time.perf_counter() - t0, "rows": table.num_rows, "base_mb": base}


def child_reader(path: Path, _: argparse.Namespace) -> dict[str, Any]:
    from svduty.cli import _CommandImports

    sys.meta_path.insert(0, _CommandImports())  # as the command runs: pyarrow's first Python
    # conversion would import pandas (0.2 s), which is not the reader's time
    from svduty.io import read_police_uk
    from svduty.io._summary import Tally

    base = _rss_mb()
    t0 = time.perf_counter()
    tally = Tally()
    for batch in read_police_uk(path):
        tally.count_in(batch.num_rows)
        tally.count_out(batch)
    s = tally.summary()
    return {"seconds": time.perf_counter() - t0, "rows": s.rows_in, "base_mb": base}


def child_columnar(path: Path, _: argparse.Namespace) -> dict[str, Any]:
    pipeline, table = _warm_pipeline(path)
    base = _rss_mb()
    return {**_rated(pipeline, [table]), "base_mb": base}


def _warm_pipeline(path: Path) -> tuple[Any, Any]:
    """The default pipeline, warm (the look-ups it remembers once filled), and the file."""
    import pyarrow as pa

    from svduty.io import default_pipeline, read_police_uk

    pipeline = default_pipeline()
    table = pa.Table.from_batches(list(read_police_uk(path)))
    pipeline(table.slice(0, 1000))
    return pipeline, table


def _rated(pipeline: Any, tables: Iterable[Any]) -> dict[str, Any]:
    """Rows per second of :func:`_calls` on each table, by its rows; seconds of the last."""
    rates: dict[str, dict[str, float]] = {"first": {}, "new": {}, "again": {}}
    n = 0
    for table in tables:
        n = table.num_rows
        for name, seconds in _calls(pipeline, table).items():
            rates[name][str(n)] = n / seconds
        del table  # before the next is made
    return {
        "seconds": n / rates["new"][str(n)],
        "rows": n,
        "rates": rates["new"],
        "first_rates": rates["first"],
        "again_rates": rates["again"],
    }


def _calls(pipeline: Any, table: Any) -> dict[str, float]:
    """The seconds of three calls of ``pipeline``, each on as many rows.

    - ``first``: on ``table``: the call also fills the pipeline's memo with the table's
      combinations and touches memory the process has not used (on a virtual machine
      that gives freed memory back to its host, such as the benchmarks' own, where 1 GB
      touched afresh takes 3-4 s and 0.07 s when reused, that is most of it);
    - ``new``: on the same rows in another month (November of their years), so that every
      combination is new to the memo while the memory is warm: the classifier's rate on
      a stream of new data, which the target is judged on;
    - ``again``: on ``table`` again: every combination remembered (a stream whose
      combinations repeat, as the resampled file's do).
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    def november(month: Any) -> Any:  # the reader's months are words: the words moved
        if not pa.types.is_dictionary(month.type):
            return pc.utf8_replace_slice(month, start=5, stop=7, replacement="11")
        words = pc.utf8_replace_slice(month.dictionary, start=5, stop=7, replacement="11")
        return pa.DictionaryArray.from_arrays(month.indices, words)

    month = table.column("month")
    other = table.set_column(
        table.schema.get_field_index("month"),
        "month",
        pa.chunked_array([november(c) for c in month.chunks], month.type),
    )
    times = {}
    for name, rows in (("first", table), ("new", other), ("again", table)):
        t0 = time.perf_counter()
        out = pipeline(rows)
        times[name] = time.perf_counter() - t0
        assert out.num_rows == rows.num_rows
        del out
    return times


def child_scalar(path: Path, args: argparse.Namespace) -> dict[str, Any]:
    import pyarrow.compute as pc

    from svduty.definitions import Incident, classify
    from svduty.io import read_police_uk, warwickshire

    partnership = warwickshire()
    definition, resolve = partnership.definition, partnership.geography.district_code_of
    batch = next(read_police_uk(path))
    batch = batch.filter(pc.is_null(batch.column("rejected"))).slice(0, args.scalar_rows)
    incidents = [
        {k: v for k, v in r.items() if v is not None}
        for r in batch.select(["id", "police_uk_category", "lsoa_code"])
        .rename_columns(["id", "police_uk_category", "location"])
        .to_pylist()
    ]
    base = _rss_mb()
    t0 = time.perf_counter()
    for i, incident in enumerate(incidents):  # the one-incident API, one at a time
        one = Incident.from_json(incident, line=i + 2, file=str(path))
        classify(one, definition, resolve_district=resolve).to_json()
    return {"seconds": time.perf_counter() - t0, "rows": len(incidents), "base_mb": base}


def _lookup_files() -> list[Path]:
    for base in (
        ROOT / "src" / "svduty" / "data" / "ons",
        ROOT.parent / "shared" / "data" / "ons",
        Path("/work/shared/data/ons"),
    ):
        files = [base / "warwickshire-lsoa11-ward19-lookup.csv", base / "warwickshire-lsoa21.csv"]
        if all(f.exists() for f in files):
            return files
    raise FileNotFoundError("the ONS LSOA look-ups (warwickshire-lsoa*.csv)")


def child_pandas(path: Path, _: argparse.Namespace) -> dict[str, Any]:
    import pandas as pd

    lsoa11, lsoa21 = _lookup_files()
    base = _rss_mb()
    t0 = time.perf_counter()
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    a = pd.read_csv(lsoa11, dtype=str)[["LSOA11CD", "LAD19CD", "LAD19NM"]]
    a.columns = ["code", "district_code", "district_name"]
    b = pd.read_csv(lsoa21, dtype=str)[["LSOA21CD", "LAD_CD"]]
    b.columns = ["code", "district_code"]
    names = a.drop_duplicates("district_code").set_index("district_code")["district_name"]
    b["district_name"] = b["district_code"].map(names)
    lookup = pd.concat([a, b]).drop_duplicates("code")
    df = df.merge(lookup, how="left", left_on="LSOA code", right_on="code")
    from_name = df["LSOA name"].str.rsplit(" ", n=1).str[0]
    df["district_name"] = df["district_name"].fillna(from_name.where(df["LSOA name"] != ""))
    df["within_area"] = "outside"
    df.loc[df["district_code"].isin(WARWICKSHIRE), "within_area"] = "inside"
    df.loc[df["LSOA code"] == "", "within_area"] = "no_location"
    violent = {"Violence and sexual offences", "Robbery", "Possession of weapons"}
    df["basis"] = "category"
    df["violence"] = df["Crime type"].map(lambda c: "undetermined" if c in violent else "no")
    summary = {
        "by_district": df.groupby("district_name").size().to_dict(),
        "by_category": df.groupby("Crime type").size().to_dict(),
        "within": df["within_area"].value_counts().to_dict(),
        "violence": df["violence"].value_counts().to_dict(),
    }
    seconds = time.perf_counter() - t0
    return {"seconds": seconds, "rows": len(df), "base_mb": base, "groups": len(summary)}


def child_columnar_scaling(path: Path, args: argparse.Namespace) -> dict[str, Any]:
    """Rows per second of the in-memory pipeline at each of ``--scaling`` row counts."""
    import pyarrow as pa

    pipeline, base_table = _warm_pipeline(path)

    def tables() -> Iterator[Any]:  # one at a time (the largest is most of the memory)
        for n in sorted(args.scaling):
            reps = -(-n // base_table.num_rows)
            yield pa.concat_tables([base_table] * reps).slice(0, n).combine_chunks()

    return _rated(pipeline, tables())


CHILDREN = {
    "bare": child_bare,
    "reader": child_reader,
    "columnar": child_columnar,
    "scalar": child_scalar,
    "pandas": child_pandas,
    "columnar_scaling": child_columnar_scaling,
}


CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
CHILD_ENV["SVDUTY_CACHE_DIR"] = str(Path(__file__).resolve().parent / "_out" / "cache")
"""The children's environment: bytecode cached, as in an installed package (``make`` sets
PYTHONDONTWRITEBYTECODE for the tests; compiling svduty's sources again in every child would
add 0.1-0.25 s to each command's start-up that no installed copy pays), and the command's
cache of loaded partnerships in ``_out/cache``, filled by the first run, as a user's is
(``startup_cold`` runs without it)."""


def compile_svduty() -> None:
    """Compile svduty's modules once, before any measurement (``pip install`` does this)."""
    import svduty

    package = str(Path(svduty.__file__).resolve().parent)
    subprocess.run([sys.executable, "-m", "compileall", "-q", package], check=True, env=CHILD_ENV)


def run_child(
    argv: list[str], env: dict[str, str] | None = None
) -> tuple[dict[str, Any], float, float, float]:
    """Run a process; return its JSON report, its wall time, its peak RSS in MB and its CPU.

    The CPU is the seconds of user and system time of the process and its threads.
    """
    t0 = time.perf_counter()
    # both outputs go to files, not into this process: a child that writes 200 MB of JSON
    # Lines would grow this process, and every later child forked from it would count
    # those pages in its own peak memory (Linux keeps the high-water mark across exec)
    with (
        tempfile.TemporaryFile("w+", errors="replace") as outfile,
        tempfile.TemporaryFile("w+", errors="replace") as errfile,
    ):
        proc = subprocess.Popen(
            argv, stdout=outfile, stderr=errfile, text=True, env=env or CHILD_ENV
        )
        _, status, usage = os.wait4(proc.pid, 0)  # this child's own peak memory
        proc.returncode = os.waitstatus_to_exitcode(status)
        size = outfile.tell()
        outfile.seek(0 if size < 1 << 20 else size - (1 << 16))
        out = outfile.read()  # the report: the whole output if small, else its last line
        errfile.seek(0)
        err = errfile.read()
    wall = time.perf_counter() - t0
    peak = usage.ru_maxrss / 1024
    cpu = usage.ru_utime + usage.ru_stime
    report: dict[str, Any] = {}
    for text in (out.strip(), *(out.strip().splitlines()[-1:])):  # whole output, last line
        try:
            report = json.loads(text)
            break
        except json.JSONDecodeError:
            continue
    if proc.returncode != 0 and not _skipped(report):
        report = {"skipped": (err.strip().splitlines() or ["failed"])[-1][:200]}
    return report, wall, peak, cpu


def measure(
    names: list[str], path: Path, args: argparse.Namespace
) -> tuple[list[dict[str, Any]], dict[str, dict[str, Any]], list[float]]:
    """Each measurement's fastest run with its largest peak memory, the paired ratios, loads.

    The measurements of issue 15's ratios run in pairs (``_paired``): each ratio per round
    from two runs back to back. The others run ``--repeat`` times, in rounds (every one
    once, then again), so that runs compared were made while the machine was in the same
    state: on a shared or virtual machine the cost of memory a process touches first varies
    from minute to minute (here a 2.4 GB bare read took 0.85 s or 8 s).
    """

    def once(name: str) -> dict[str, Any]:
        run = measure_once(name, path, args)
        print(json.dumps(run), flush=True)
        return run

    rounds, ratios, loads = measure_pairs(names, args.repeat, once)
    alone = [n for n in names if n not in rounds]
    for _ in range(max(args.repeat, 1)):
        for name in alone:
            rounds.setdefault(name, []).append(once(name))
    return [_best(rounds[n]) for n in names if n in rounds], ratios, loads


def _best(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """The fastest of one measurement's runs (the machine may be shared), the largest peak."""
    timed = [r for r in runs if "seconds" in r]
    if not timed:
        return runs[0]
    best = dict(min(timed, key=lambda r: float(r["seconds"])))
    best["peak_mb"] = max(float(r["peak_mb"]) for r in timed)
    best["runs"] = len(timed)
    return best


def _header_only(path: Path) -> Path:
    """A police.uk file with the header of ``path`` and no rows (for ``startup``)."""
    out = path.with_name("policeuk-header-only.csv")
    with path.open("rb") as fh:
        out.write_bytes(fh.readline())
    return out


def _skipped(report: dict[str, Any]) -> bool:
    """Whether a child said it was skipped (a summary's own ``skipped`` list is not that)."""
    return isinstance(report.get("skipped"), str)


def measure_once(name: str, path: Path, args: argparse.Namespace) -> dict[str, Any]:
    if name in BIG:  # the same measurement on the big file
        base = name.removesuffix("_big")
        big_mb = args.big_path.stat().st_size / 1e6
        return {**measure_once(base, args.big_path, args), "name": name, "big_mb": big_mb}
    if name in MONTHS:  # the same measurement on real months
        base = name.removesuffix("_months")
        return {**measure_once(base, args.months_path, args), "name": name}
    argv = argv_for(name, path, _lookup_files(), args)
    if argv is not None:
        try:
            report, wall, peak, cpu = run_child(argv)
        except OSError as exc:
            return {"name": name, "skipped": str(exc)[:200]}
        if _skipped(report):
            return {"name": name, "skipped": report["skipped"]}
        incidents = name.startswith(("p_jsonl", "p_incidents"))
        fallback = args.incidents if incidents else _rows_of(path, args)
        rows = 0 if name in NO_ROWS else int(report.get("rows_in", fallback))
        return {"name": name, "seconds": wall, "rows": rows, "peak_mb": peak, "cpu_s": cpu}
    if name in ("e2e", "e2e_parquet", "startup", "startup_cold"):
        OUT.mkdir(exist_ok=True)
        svduty = Path(sys.executable).with_name("svduty")
        target = _header_only(path) if name.startswith("startup") else path
        cmd = [str(svduty), "classify", str(target), "--summary", "json"]
        if name == "e2e_parquet":
            cmd += ["--output", str(OUT / "classified.parquet")]
        cold = {**CHILD_ENV, "SVDUTY_CACHE_DIR": ""} if name == "startup_cold" else None
        report, wall, peak, cpu = run_child(cmd, cold)
        if _skipped(report):
            return {"name": name, "skipped": report["skipped"]}
        if "rows_in" not in report:
            return {"name": name, "skipped": "no summary"}
        rows = report["rows_in"]
        return {"name": name, "seconds": wall, "rows": rows, "peak_mb": peak, "cpu_s": cpu}
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", name, "--file", str(path)]
    cmd += ["--scalar-rows", str(args.scalar_rows)]
    cmd += ["--scaling", ",".join(str(n) for n in args.scaling)]
    report, _, peak, _ = run_child(cmd)  # its CPU includes the setup, not measured
    return {"name": name, **report, "peak_mb": peak}


def _rows_of(path: Path, args: argparse.Namespace) -> int:
    return int(args.big_rows) if path == args.big_path else int(args.file_rows)


def machine() -> dict[str, str]:
    import pyarrow

    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f"{kb / 1024 / 1024:.1f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    info = {
        "cpu": cpu,
        "cores": str(os.cpu_count()),
        "memory": mem,
        "os": platform.platform(),
        "python": platform.python_version(),
        "pyarrow": pyarrow.__version__,
    }
    try:
        import pandas

        info["pandas"] = pandas.__version__
    except ImportError:
        pass
    return info


def _kept_notes() -> list[str]:
    """The hand-written notes at the end of the current README (after NOTES_MARKER)."""
    readme = HERE / "README.md"
    if not readme.exists():
        return []
    text = readme.read_text(encoding="utf-8")
    if NOTES_MARKER not in text:
        return []
    return ["", NOTES_MARKER, *text.split(NOTES_MARKER, 1)[1].strip("\n").splitlines()]


def render(
    results: list[dict[str, Any]],
    path: Path,
    info: dict[str, str],
    command: str = "",
    paired: dict[str, dict[str, Any]] | None = None,
) -> str:
    paired = paired or {}
    size_mb = path.stat().st_size / 1e6
    by = {r["name"]: r for r in results}

    def rate(r: dict[str, Any]) -> float | None:
        if "seconds" not in r or not r["seconds"]:
            return None
        return float(r["rows"]) / float(r["seconds"])

    lines = [
        "| measurement | rows | seconds | CPU (s) | rows/s | peak memory (MB) | peak / file size |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        if "skipped" in r:
            lines.append(f"| {r['name']} | - | - | - | - | - | skipped: {r['skipped']} |")
            continue
        rr = rate(r)
        per_second = f"{rr:,.0f}" if r["rows"] else "-"
        cpu = f"{r['cpu_s']:.2f}" if "cpu_s" in r else "-"
        lines.append(
            f"| {r['name']} | {r['rows']:,} | {r['seconds']:.2f} | {cpu} | {per_second} | "
            f"{r['peak_mb']:.0f} | {r['peak_mb'] / size_mb:.2f}x |"
        )
    ratios = []

    def ratio(label: str, value: float | None, target: str) -> None:
        text = "n/a (a measurement was skipped)" if value is None else f"{value:.2f}"
        met = "-"
        if value is not None and target.startswith(("<", ">")):
            op, _, bound = target.partition(" ")
            limit = float(bound)
            ok = {
                "<=": value <= limit,
                "<": value < limit,
                ">=": value >= limit,
                ">": value > limit,
            }[op]
            met = "met" if ok else "**not met**"
        ratios.append(f"| {label} | {text} | {target} | {met} | - |")

    def sec(name: str) -> float | None:
        r = by.get(name, {})
        return float(r["seconds"]) if "seconds" in r else None

    bare, e2e, pandas_s, reader = sec("bare"), sec("e2e"), sec("pandas"), sec("reader")
    p_bare = sec("p_bare")

    # issue 15's targets: whole processes against whole processes, each ratio the median of
    # rounds of two runs back to back (``_paired``), the rounds' range and CPU ratio beside it
    rows_of = {k: f"{by.get(n, {}).get('rows', 0):,} rows" for k, n in RUNS_OF.items()}
    rows_of["real"] += " of real months"
    rows_of = {k: v if not v.startswith("0 ") else RUNS_OF[k] for k, v in rows_of.items()}
    for pair in PAIRS:
        seen = paired.get(pair.label, {})
        wall, cpu = spread(seen.get("wall", [])), spread(seen.get("cpu", []))
        label = pair.label.format(**rows_of)
        if wall is None:
            ratio(label, None, pair.target)
            continue
        median, low, high = wall
        cpu_text = f"; CPU {cpu[0]:.2f} ({cpu[1]:.2f}-{cpu[2]:.2f})" if cpu else ""
        fastest = sec(pair.numerator), sec(pair.denominator)  # as the benches before
        if fastest[0] and fastest[1]:
            cpu_text += f"; fastest / fastest {fastest[0] / fastest[1]:.2f}"
        met = reading(median, low, high, pair.target) if pair.target[0] in "<>" else "-"
        ratios.append(
            f"| {label} | {median:.2f} | {pair.target} | {met} | {low:.2f}-{high:.2f}"
            f" ({len(seen['wall'])} rounds){cpu_text} |"
        )
    scaling = by.get("columnar_scaling", {}).get("rates", {})
    best = max(scaling.values(), default=None) or rate(by.get("columnar", {}))
    ratio(
        "columnar classification, million rows/s (in memory; every combination new to the"
        " memo, memory warm)",
        best / 1e6 if best else None,
        ">= 10",
    )
    for measurement in ("columnar", "columnar_scaling"):
        for kind, label in (
            ("first_rates", "first call on each table (memo filled, memory touched afresh)"),
            ("again_rates", "the same table again (combinations remembered)"),
        ):
            seen = by.get(measurement, {}).get(kind, {})
            if seen:
                ratio(
                    f"{measurement}, {label}, million rows/s: "
                    + ", ".join(f"{int(n):,}: {r / 1e6:.2f}" for n, r in seen.items()),
                    max(seen.values()) / 1e6,
                    "(info)",
                )
    for kind, label in (("rates", ""), ("first_rates", ", first calls")):
        seen = by.get("columnar_scaling", {}).get(kind, {})
        if len(seen) >= 2:
            rows_sorted = sorted(seen, key=int)
            ratio(
                f"columnar rows/s at {int(rows_sorted[-1]):,} / at {int(rows_sorted[0]):,}"
                f"{label} (linear = 1)",
                seen[rows_sorted[-1]] / seen[rows_sorted[0]],
                "(info)",
            )
    ratio(
        "end to end / in-process bare read (time)", e2e / bare if e2e and bare else None, "(info)"
    )
    start = sec("startup")
    ratio(
        "(end to end - startup) / whole-process bare read (time)",
        (e2e - start) / p_bare if e2e and p_bare and start else None,
        "(info)",
    )
    ratio("reader / bare read (time)", reader / bare if reader and bare else None, "(info)")
    col = by.get("columnar", {})
    first = max(col.get("first_rates", {}).values(), default=None) or rate(col)
    sca = rate(by.get("scalar", {}))
    ratio(
        "columnar (first call) / scalar (rows per second)",
        first / sca if first and sca else None,
        ">= 100",
    )
    ratio("pandas / end to end (time)", pandas_s / e2e if e2e and pandas_s else None, "> 1")
    mems = [by.get(n, {}).get("peak_mb") for n in ("e2e", "e2e_parquet")]
    e2e_mem = max((m for m in mems if m), default=None)
    ratio("end to end peak memory / file size", e2e_mem / size_mb if e2e_mem else None, "< 3")
    big = by.get("e2e_big", {})
    if "peak_mb" in big and "big_mb" in big:
        ratio(
            f"end to end peak memory / file size, {big['rows']:,} rows",
            float(big["peak_mb"]) / float(big["big_mb"]),
            "< 3",
        )
    now = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    return "\n".join(
        [
            "# Benchmarks",
            "",
            "A report, not a test: throughput and peak memory of svduty's batch job against",
            "pyarrow's bare CSV read (the floor) and a straightforward pandas script. Reproduce",
            "with one command, `make bench` (400,000 rows, and 4,000,000 for the `_big` rows;",
            "`python benchmarks/run.py --quick` for 100,000). The input is built by",
            "`benchmarks/make_data.py`, resampling the two",
            "real Warwickshire months (January 2019 and June 2025) with a fixed seed.",
            "",
            "Each measurement runs in its own process; peak memory is that process's maximum",
            "resident set size (`ru_maxrss`), which includes the Python interpreter and the",
            "imported libraries (about 60-120 MB before any data). `e2e` is the `svduty",
            "classify` command as a user runs it (summary only; `e2e_parquet` also writes every",
            "classified row to Parquet), so its time includes starting Python and loading the",
            "partnership (the `startup` row: the same command on a file with no rows); the",
            "other times cover only the measured work. Every process runs with svduty's",
            "bytecode compiled beforehand, as an installed copy has it. `CPU (s)` is the",
            "user and system time of a process that is the measurement (`e2e`, `startup`",
            "and the peers `p_*`), its threads included: what the job costs a busy machine,",
            "whatever its cores.",
            "`columnar` classifies a table already in memory: its row is the rate on the same",
            "rows in another month after a first call (every combination new to the",
            "pipeline's memo, the memory warm); the first call (memo filled, memory touched",
            "afresh) and the first table again (combinations remembered) are in the ratios;",
            "`scalar` calls the one-incident",
            "classifier in a Python loop. The table shows each measurement's fastest run and",
            "its largest peak memory, because the machine may be shared.",
            "",
            "**How to read the ratios.** Each of issue 15's ratios of whole processes is taken",
            "per round from two runs made one after the other (svduty's command and its peer,",
            "which goes first alternating from round to round), and `value` is the median of",
            "the rounds: the last column gives the rounds' range and the CPU ratio (user and",
            "system time, threads included) beside the wall one, and the ratio of the two",
            "fastest runs (what the benches before the sixty-second session reported). The",
            "short measurements get",
            "more rounds (`--repeat` times 1-4). `met` is judged on the median wall ratio, what",
            'the issue names; "(within spread)" says some rounds fell on the other side of the',
            "target, so the verdict is not settled by this run: a change should move the",
            "median by more than the range's half-width before a reader trusts it. The",
            "measurements in no ratio run `--repeat` times, in rounds (every one once, then",
            "again).",
            "",
            f"## Results ({now})",
            "",
            f"Command: `{command}`." if command else "",
            "",
            f"Input: `{path.name}`, {by.get('bare', {}).get('rows', 0):,} rows, {size_mb:.1f} MB.",
            "",
            *lines,
            "",
            "| ratio | value | target | target met? | rounds: wall min-max; CPU median (min-max);"
            " fastest / fastest |",
            "|---|---:|---|---|---|",
            *ratios,
            "",
            "## Machine",
            "",
            *[f"- {k}: {v}" for k, v in info.items()],
            *_kept_notes(),
            "",
        ]
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="svduty benchmarks (a report, not a test)")
    parser.add_argument("--rows", type=int, default=400_000, help="rows of synthetic data")
    parser.add_argument(
        "--big-rows", type=int, default=4_000_000, help="rows of the big file (the *_big rows)"
    )
    parser.add_argument("--quick", action="store_true", help="100,000 rows")
    parser.add_argument("--scalar-rows", type=int, default=20_000)
    parser.add_argument("--incidents", type=int, default=200_000, help="JSON Lines incidents")
    parser.add_argument(
        "--scaling",
        type=lambda t: [int(x) for x in t.split(",")],
        default=[100_000, 1_000_000, 10_000_000],
        help="row counts for columnar_scaling, comma-separated",
    )
    parser.add_argument("--only", default=",".join(MEASUREMENTS), help="comma-separated")
    parser.add_argument("--repeat", type=int, default=3, help="runs each; the fastest counts")
    parser.add_argument("--no-write", action="store_true", help="do not rewrite README.md")
    parser.add_argument("--child", choices=sorted(CHILDREN), help=argparse.SUPPRESS)
    parser.add_argument("--file", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        try:
            report = CHILDREN[args.child](Path(args.file), args)
        except NotImplementedError as exc:
            report = {"skipped": str(exc).split(";")[0]}
        print(json.dumps(report))
        return 0
    rows = 100_000 if args.quick else args.rows
    # made in its own process: a child forked from a large parent counts the parent's
    # pages in its peak memory (ru_maxrss) until it execs
    subprocess.run([sys.executable, str(HERE / "make_data.py"), "--rows", str(rows)], check=True)
    path = HERE / "_data" / f"policeuk-{rows}.csv"
    args.file_rows = rows
    names = [n.strip() for n in args.only.split(",") if n.strip()]
    args.big_path = HERE / "_data" / f"policeuk-{args.big_rows}.csv"
    if any(n in BIG for n in names):
        cmd = [sys.executable, str(HERE / "make_data.py"), "--rows", str(args.big_rows)]
        subprocess.run(cmd, check=True)
    args.months_path = HERE / "_data" / f"policeuk-months-{rows}.csv"
    if any(n in MONTHS for n in names):
        cmd = [sys.executable, str(HERE / "make_data.py"), "--rows", str(rows), "--months"]
        subprocess.run(cmd, check=True)
    compile_svduty()
    # the incident files too: made here, the parent would grow, and every child forked from
    # it would count the parent's pages in its own peak memory
    make = (
        "import sys; sys.path.insert(0, sys.argv[1]); import argparse, peers; from pathlib "
        "import Path; p = Path(sys.argv[2]); n = int(sys.argv[3]); peers.incidents_jsonl(p, n); "
        "[peers.incidents_table(p, n, s) for s in ('.csv', '.parquet')]"
    )
    subprocess.run(
        [sys.executable, "-c", make, str(HERE), str(path), str(args.incidents)], check=True
    )
    print(f"input: {path} ({path.stat().st_size / 1e6:.1f} MB)", flush=True)
    load_before = os.getloadavg()
    for name in names:
        if name not in MEASUREMENTS:
            parser.error(f"unknown measurement {name!r}; choose from {', '.join(MEASUREMENTS)}")
    results, paired, loads = measure(names, path, args)
    info = machine()
    load_after = os.getloadavg()
    info["load average (1 min) before / after"] = f"{load_before[0]:.2f} / {load_after[0]:.2f}"
    if loads:
        low, high = min(loads), max(loads)
        info["load average (1 min) at the paired rounds"] = f"{low:.2f}-{high:.2f}"
    command = " ".join(["python benchmarks/run.py", *(argv if argv is not None else sys.argv[1:])])
    text = render(results, path, info, command.strip(), paired)
    print(text)
    if not args.no_write:
        (HERE / "README.md").write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
