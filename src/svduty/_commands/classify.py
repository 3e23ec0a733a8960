"""``svduty classify``: the main job, police.uk or incident files in, verdicts and a summary out.

Example:
    >>> import argparse
    >>> sub = argparse.ArgumentParser().add_subparsers()
    >>> register(sub)
    >>> sorted(sub.choices)
    ['classify']
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

import pyarrow as pa

from svduty._commands._progress import Progress
from svduty.errors import DataError, InputFormatError, Problem, SvdutyError
from svduty.io import _pipeline
from svduty.io._incidents import read_incident_table, read_incidents_jsonl
from svduty.io._police_uk import POLICE_UK_COLUMNS, police_uk_paths, read_police_uk
from svduty.io._writers import write_table

__all__ = ["register", "run"]

_INCIDENT_SUFFIXES = (".jsonl", ".ndjson")


def register(subparsers: Any) -> None:
    """Add the ``classify`` command.

    Example:
        >>> import argparse
        >>> sub = argparse.ArgumentParser().add_subparsers()
        >>> register(sub)
        >>> "classify" in sub.choices
        True
    """
    p = subparsers.add_parser(
        "classify",
        help="classify police.uk or incident files and summarise every row",
        description=(
            "Classify every row of police.uk street-level CSV files (files or folders of "
            "monthly files) or of incident files (JSON Lines; CSV or Parquet with --map) "
            "against the partnership's definition, locate each row in the partnership's "
            "area, and print a summary that accounts for every row: rows in = rows out + "
            "rows rejected. Rejected rows are listed with their file, row number (the "
            "header is row 1 in CSV files; JSON Lines count lines from 1) and reason."
        ),
    )
    p.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help="files or folders to classify; - reads incidents (JSON Lines) from standard input",
    )
    p.add_argument(
        "--format",
        choices=("auto", "police-uk", "incidents"),
        default="auto",
        help="input format (default: auto, from the suffix and the header)",
    )
    p.add_argument(
        "--output",
        metavar="OUT",
        help="write the classified rows to OUT (.csv, .parquet or .jsonl); with --format "
        "incidents the classifications go to standard output without it",
    )
    p.add_argument(
        "--summary",
        choices=("text", "json"),
        default="text",
        help="the summary's format (default: text)",
    )
    p.add_argument(
        "--rejected",
        metavar="FILE",
        help="also write every rejected row (file, row, field, reason) to FILE as CSV",
    )
    p.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="COLUMN=FIELD",
        help="incidents in CSV or Parquet: the file's COLUMN holds the incident FIELD",
    )
    p.add_argument(
        "--strict", action="store_true", help="exit with status 1 if any row is rejected"
    )
    p.set_defaults(run=run)


def _detect(inputs: Sequence[str]) -> str:
    """police-uk or incidents, from the first input's suffix and header."""
    if inputs[0] == STDIN:
        return "incidents"
    first = Path(inputs[0])
    if not first.exists():
        raise InputFormatError(Problem(message="file not found", file=str(first)))
    if first.is_dir():
        return "police-uk"
    if first.suffix.lower() in (*_INCIDENT_SUFFIXES, ".parquet", ".pq"):
        return "incidents"
    if first.is_file():
        with first.open("rb") as fh:
            header = fh.readline(4096).decode("utf-8-sig", errors="replace").strip()
        if header.split(",")[:1] == [POLICE_UK_COLUMNS[0]]:
            return "police-uk"
        if first.suffix.lower() == ".csv":
            return "incidents"
    raise InputFormatError(
        Problem(
            file=str(first),
            field="--format",
            expected="a police.uk street-level CSV (header 'Crime ID,Month,...'), a folder "
            "of them, or incidents as .jsonl (or .csv/.parquet with --map); or give --format",
        )
    )


def _counted(batches: Iterator[pa.RecordBatch], tally: _pipeline.Tally) -> Iterator[pa.RecordBatch]:
    for batch in batches:
        tally.count_in(batch.num_rows)
        yield batch


def _police_uk(args: argparse.Namespace, tally: _pipeline.Tally, stderr: TextIO) -> None:
    paths = police_uk_paths(args.inputs)
    progress = Progress(sum(p.stat().st_size for p in paths), stderr)
    pipeline = _pipeline.default_pipeline()
    try:
        batches = _counted(read_police_uk(paths, progress=progress), tally)
        good = (tally.count_out(b) for b in map(pipeline, batches))
        if args.output:
            write_table(good, args.output)
        else:
            for _ in good:
                pass
    finally:
        progress.close()


def _mapping(items: Sequence[str]) -> dict[str, str]:
    out = {}
    for item in items:
        column, sep, field = item.partition("=")
        if not sep or not column or not field:
            raise InputFormatError(Problem(field="--map", expected="COLUMN=FIELD", got=item))
        out[column] = field
    return out


def _within(pipeline: _pipeline.Pipeline, location: Any) -> str:
    if not location:
        return "no_location"
    try:
        return "inside" if pipeline.within(str(location)) else "outside"
    except SvdutyError:  # a valid code the partnership's geography does not describe
        return "outside"


def _incidents(
    args: argparse.Namespace, tally: _pipeline.Tally, stdout: TextIO, summary_to: list[TextIO]
) -> None:
    pipeline = _pipeline.default_pipeline()
    if pipeline.classify_incident is None:  # pragma: no cover - wired at merge
        raise SvdutyError("this build's pipeline has no one-incident classifier")
    mapping = _mapping(args.map)
    out_file: TextIO | None = None
    if args.output:
        if not args.output.lower().endswith(".jsonl"):
            raise InputFormatError(
                Problem(field="--output", expected="a .jsonl file for classifications")
            )
        out_file = Path(args.output).open("w", encoding="utf-8")  # noqa: SIM115 - closed below
    else:
        summary_to[0] = summary_to[1]  # classifications own stdout; the summary goes to stderr
    sink = out_file if out_file is not None else stdout
    try:
        for name in args.inputs:
            path = Path(name)
            if name == STDIN:
                table = _stdin_incidents()
            elif path.suffix.lower() in _INCIDENT_SUFFIXES:
                table = read_incidents_jsonl(path)
            else:
                table = read_incident_table(path, mapping=mapping)
            tally.count_in(table.num_rows)
            for record in table.to_pylist():
                file, row = record.pop("file"), record.pop("row")
                why, field = record.pop("rejected"), record.pop("rejected_field")
                if why is not None:
                    tally.reject(Problem(file=file, row=row, field=field, message=why))
                    continue
                incident = {k: v for k, v in record.items() if v is not None}
                try:
                    result = pipeline.classify_incident(incident, row, file)
                except DataError as exc:
                    first = exc.problems[0]
                    tally.reject(
                        Problem(file=file, row=row, field=first.field, message=first.what())
                    )
                    continue
                tally.count_json(
                    result,
                    _within(pipeline, incident.get("location")),
                    incident.get("police_uk_category"),
                )
                sink.write(json.dumps(result) + "\n")
    finally:
        if out_file is not None:
            out_file.close()


STDIN = "-"
"""The input name that means standard input (incidents as JSON Lines)."""


def _stdin_incidents() -> pa.Table:
    """Incidents (JSON Lines) from standard input; problems name the file ``<stdin>``."""
    with tempfile.TemporaryDirectory() as folder:
        spool = Path(folder) / "stdin.jsonl"
        spool.write_text(sys.stdin.read(), encoding="utf-8")
        table = read_incidents_jsonl(spool)
    files = pa.array(["<stdin>"] * table.num_rows, pa.string())
    return table.set_column(table.schema.get_field_index("file"), "file", files)


def _write_rejected(path: str, summary: _pipeline.Summary) -> None:
    with Path(path).open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["file", "row", "field", "reason"])
        for p in summary.rejections:
            w.writerow([p.file or "", p.row if p.row is not None else "", p.field or "", p.what()])


def run(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    """Run ``svduty classify``; return the exit code.

    Example:
        >>> import io
        >>> from svduty.cli import main
        >>> main(["classify", "no-such-file.csv"], stderr=io.StringIO())
        1
    """
    if STDIN in args.inputs and (args.format == "police-uk" or len(args.inputs) > 1):
        raise InputFormatError(
            Problem(
                file="<stdin>",
                expected="standard input ('-') alone, holding incidents as JSON Lines",
            )
        )
    fmt = _detect(args.inputs) if args.format == "auto" else args.format
    tally = _pipeline.Tally()
    summary_to: list[TextIO] = [stdout, stderr]
    if fmt == "police-uk":
        _police_uk(args, tally, stderr)
    else:
        _incidents(args, tally, stdout, summary_to)
    summary = tally.summary()
    if args.rejected:
        _write_rejected(args.rejected, summary)
    text = (
        json.dumps(summary.to_json(), indent=2, sort_keys=True)
        if args.summary == "json"
        else summary.to_text()
    )
    print(text, file=summary_to[0])
    return 1 if args.strict and summary.rejected else 0
