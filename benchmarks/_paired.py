"""Issue 15's ratios of whole processes, each taken from pairs of runs made one after the other.

A ratio of two bests (each the fastest of its runs, the runs spread over minutes) moved
0.1-0.7 between benches of the same code on the shared 2-core machine: the two fastest runs
were made in different states of the machine. Here every ratio is taken per round from a
pair of runs made back to back (svduty and its peer, which goes first alternating from round
to round), and reported as the median of the rounds with their range (min-max): a change in
the machine's state between rounds moves both runs of a pair together, and the median of
several rounds ignores a round in which one run alone was disturbed.

The target is still judged on what issue 15 names: wall time of whole processes, svduty's
command against its peer's. The CPU ratio (user and system time, threads included) is shown
beside it, not judged.
"""

from __future__ import annotations

import os
import statistics
from collections.abc import Callable
from typing import Any, NamedTuple


class Pair(NamedTuple):
    """One ratio: ``numerator`` / ``denominator`` of wall seconds, run back to back."""

    label: str
    numerator: str
    denominator: str
    target: str
    rounds: int
    """Rounds per ``--repeat`` (short measurements get more: they are cheap)."""


def _pairs() -> tuple[Pair, ...]:
    main = "svduty classify (summary) /"
    months, big = "{real}", "{big}"  # rows of real months, of the big file: run.py fills them
    return (
        Pair(f"{main} bare read, whole processes", "e2e", "p_bare", "<= 1.5", 2),
        Pair(f"{main} polars script", "e2e", "p_polars", "<= 1.5", 2),
        Pair(f"{main} DuckDB script", "e2e", "p_duckdb", "<= 1.5", 2),
        Pair(f"{main} pandas script", "e2e", "p_pandas", "(info)", 1),
        Pair(f"{main} bare read, {big}", "e2e_big", "p_bare_big", "<= 1.5", 1),
        Pair(f"{main} polars, {big}", "e2e_big", "p_polars_big", "<= 1.5", 1),
        Pair(f"{main} DuckDB, {big}", "e2e_big", "p_duckdb_big", "<= 1.5", 1),
        Pair(f"{main} bare read, {months}", "e2e_months", "p_bare_months", "<= 1.5", 3),
        Pair(f"{main} polars, {months}", "e2e_months", "p_polars_months", "<= 1.5", 3),
        Pair(f"{main} DuckDB, {months}", "e2e_months", "p_duckdb_months", "<= 1.5", 3),
        Pair("svduty classify --output .parquet / bare read", "e2e_parquet", "p_bare", "<= 2", 3),
        Pair(
            f"svduty classify --output .parquet / bare read, {months}",
            "e2e_parquet_months",
            "p_bare_months",
            "(info)",
            2,
        ),
        Pair(
            "start-up (header-only file) / import pyarrow.csv",
            "startup",
            "p_import_pyarrow_csv",
            "<= 1.5",
            4,
        ),
        Pair(
            "import of svduty's foundations (pyarrow.compute, attrs, cattrs, pendulum) / import"
            " pyarrow.csv",
            "p_import_foundations",
            "p_import_pyarrow_csv",
            "(info)",
            2,
        ),
        Pair(
            "start-up (header-only file) / import of its foundations",
            "startup",
            "p_import_foundations",
            "(info)",
            2,
        ),
        Pair(
            "start-up without the cache of loaded partnerships / import pyarrow.csv",
            "startup_cold",
            "p_import_pyarrow_csv",
            "(info)",
            2,
        ),
        Pair("svduty --version / bare interpreter", "p_version", "p_interpreter", "<= 5", 4),
        Pair("svduty --help / bare interpreter", "p_help", "p_interpreter", "<= 5", 4),
        Pair(
            "incident JSON Lines end to end / pyarrow.json.read_json",
            "p_jsonl",
            "p_jsonl_bare",
            "<= 3",
            2,
        ),
        Pair(
            "incident CSV end to end / pyarrow.csv.read_csv",
            "p_incidents_csv",
            "p_incidents_csv_bare",
            "<= 3",
            2,
        ),
        Pair(
            "incident Parquet end to end / pyarrow.parquet.read_table",
            "p_incidents_parquet",
            "p_incidents_parquet_bare",
            "<= 3",
            2,
        ),
    )


PAIRS = _pairs()
PAIRED = frozenset(n for p in PAIRS for n in (p.numerator, p.denominator))
"""The measurements that are run in pairs (the others run ``--repeat`` times in rounds)."""


def measure_pairs(
    names: list[str], repeat: int, run: Callable[[str], dict[str, Any]]
) -> tuple[dict[str, list[dict[str, Any]]], dict[str, dict[str, Any]], list[float]]:
    """Run each pair whose two measurements are in ``names``, in rounds.

    Every round runs every pair still due once, its two runs back to back, svduty's first in
    even rounds and its peer's first in odd ones. Returns every run of each measurement (for
    the table: fastest and largest peak), each pair's rounds by label (wall and CPU ratios)
    and the 1-minute load average at the start of each round and at the end.
    """
    wanted = [p for p in PAIRS if p.numerator in names and p.denominator in names]
    runs: dict[str, list[dict[str, Any]]] = {}
    ratios: dict[str, dict[str, Any]] = {
        p.label: {"pair": p, "wall": [], "cpu": []} for p in wanted
    }
    loads = []
    for i in range(max((p.rounds for p in wanted), default=0) * max(repeat, 1)):
        loads.append(os.getloadavg()[0])
        for pair in wanted:
            if i >= pair.rounds * max(repeat, 1):
                continue
            order = (pair.numerator, pair.denominator)
            done = {name: run(name) for name in (order if i % 2 == 0 else order[::-1])}
            for name, result in done.items():
                runs.setdefault(name, []).append(result)
            a, b = done[pair.numerator], done[pair.denominator]
            if a.get("seconds") and b.get("seconds"):
                ratios[pair.label]["wall"].append(a["seconds"] / b["seconds"])
            if a.get("cpu_s") and b.get("cpu_s"):
                ratios[pair.label]["cpu"].append(a["cpu_s"] / b["cpu_s"])
    loads.append(os.getloadavg()[0])
    return runs, ratios, loads


def spread(values: list[float]) -> tuple[float, float, float] | None:
    """The median, least and greatest of ``values`` (None when there are none)."""
    if not values:
        return None
    return statistics.median(values), min(values), max(values)


def reading(value: float, low: float, high: float, target: str) -> str:
    """Met or not met on the median; "(within spread)" when the rounds straddle the target."""
    op, _, bound = target.partition(" ")
    limit = float(bound)
    check = {
        "<=": lambda v: v <= limit,
        "<": lambda v: v < limit,
        ">=": lambda v: v >= limit,
        ">": lambda v: v > limit,
    }[op]
    met = "met" if check(value) else "**not met**"
    return met if check(low) == check(high) else f"{met} (within spread)"
