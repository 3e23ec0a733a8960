"""Running the batch job through its public CLI and checking that every row is counted."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from svduty.cli import main

from .personal import Personal, leaks


@dataclass
class Run:
    code: int
    out: str
    err: str
    summary: dict[str, Any] | None
    output_rows: int | None
    rejected_rows: int | None
    rejected_text: str


def rows_in(path: Path) -> int:
    """Rows in an output file (CSV, Parquet or JSON Lines), read independently."""
    if path.suffix == ".parquet":
        return int(pq.read_metadata(path).num_rows)
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".jsonl":
        return sum(1 for line in text.split("\n") if line.strip())
    return max(0, sum(1 for _ in csv.reader(io.StringIO(text, newline=""))) - 1)


def classify(inputs: list[Path], folder: Path, suffix: str, *extra: str) -> Run:
    """``svduty classify INPUT... --output out.SUFFIX --rejected rejected.csv --summary json``."""
    output, rejected = folder / f"out{suffix}", folder / "rejected.csv"
    for f in (output, rejected):
        f.unlink(missing_ok=True)
    out, err = io.StringIO(), io.StringIO()
    argv = ["classify", *map(str, inputs), "--output", str(output), "--rejected", str(rejected)]
    code = main([*argv, "--summary", "json", *extra], stdout=out, stderr=err)
    summary = json.loads(out.getvalue()) if code == 0 or out.getvalue().startswith("{") else None
    return Run(
        code=code,
        out=out.getvalue(),
        err=err.getvalue(),
        summary=summary,
        output_rows=rows_in(output) if output.exists() else None,
        rejected_rows=rows_in(rejected) if rejected.exists() else None,
        rejected_text=rejected.read_text(encoding="utf-8") if rejected.exists() else "",
    )


def check(run: Run, expected_rows: int, put: list[Personal]) -> None:
    """The promises of issue 12 for one run of the batch job.

    Either success (exit 0) with every row accounted for against an independent count,
    or a clean refusal (exit 1, one ``svduty classify: error:`` message); and no generated
    name or date of birth in standard output, standard error or the rejected-rows file.
    """
    assert run.code in (0, 1), run.err
    assert "Traceback" not in run.err
    assert leaks([run.out, run.err, run.rejected_text], put) == []
    if run.code == 1:
        assert run.err.startswith("svduty classify: error: "), run.err
        return
    s = run.summary
    assert s is not None
    assert s["rows_in"] == expected_rows, (s["rows_in"], expected_rows)
    assert s["rows_out"] + s["rejected"] == s["rows_in"]
    assert run.output_rows == s["rows_out"] + s["rejected"] or run.output_rows == s["rows_out"]
    assert run.rejected_rows == s["rejected"]
