"""``svduty report``: a profile of the partnership's area as one HTML page, and its tables.

Example:
    >>> import argparse
    >>> sub = argparse.ArgumentParser().add_subparsers()
    >>> register(sub)
    >>> sorted(sub.choices)
    ['report']
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any, TextIO

from svduty._commands._bounds_words import BOUNDS_LEGEND
from svduty._commands._options import (
    add_definition,
    add_partnership,
    add_strict,
    load_named_partnership,
    resolve_definition,
    strict_failed,
)
from svduty._commands._paths import (
    ArgumentsConflict,
    CommandLineError,
    check_outputs,
    dash_as_stdout,
    without_empty,
    writes_to,
)
from svduty._commands._progress import Progress
from svduty._commands._stdout import said_after
from svduty._commands._stdout_named import shown_output, standard_output_named
from svduty._report import TABLES, report
from svduty._report._deprivation import deprivation_note
from svduty.errors import InputFormatError, Problem, printable
from svduty.io._inputs import expand_inputs
from svduty.io._missing import lost_link
from svduty.io._write_paths import writable, written_in_place

__all__ = ["register", "run"]


def register(subparsers: Any) -> None:
    """Add the ``report`` command.

    Example:
        >>> import argparse
        >>> sub = argparse.ArgumentParser().add_subparsers()
        >>> register(sub)
        >>> "report" in sub.choices
        True
    """
    p = subparsers.add_parser(
        "report",
        help="profile the area from police.uk files: one HTML page (and CSV tables)",
        description=(
            "Classify police.uk street-level files (files or folders of monthly files) "
            "and write a self-contained HTML profile of the partnership's area: rows by "
            "month, district and CSP with their bounds (certain = answered yes; possible = "
            "yes + undetermined), the LSOA hotspots, the shares by deprivation decile, the "
            "police.uk categories, what would settle the undetermined rows, the rows "
            "outside the area, the caveats and the sources. The page needs no network to "
            "view and prints cleanly."
        ),
        epilog="exit status: 0 the page was written (rows may have been rejected or files "
        "skipped: the summary counts them); 1 rows were rejected or files skipped with "
        "--strict (the page is written all the same), or the input was unusable (nothing "
        "is written); 2 the command line was wrong (an unknown option, a page not named "
        ".html, such as -o page.csv, or options that cannot go together, such as --tables "
        "naming the page's file); 130 interrupted "
        "(Ctrl-C); 143 terminated (SIGTERM); 129 hung up (SIGHUP: the terminal closed); 141 "
        "standard output closed before the end (-o - | head). The page and the tables are "
        "written whole or not at all.",
    )
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="police.uk files or folders")
    p.add_argument(
        "--output",
        "-o",
        metavar="HTML",
        required=True,
        help="where to write the page (written whole or not at all; - for standard output, "
        "the summary then on standard error)",
    )
    p.add_argument(
        "--tables",
        metavar="DIR",
        help="also write the report's tables as CSV files in DIR (same numbers as the page)",
    )
    add_strict(p)
    add_partnership(p)
    add_definition(p)
    p.set_defaults(run=run, writes_whole=True)  # page and tables: all written, or none


def run(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    """Run ``svduty report``; return the exit code.

    Example:
        >>> import io
        >>> from svduty.cli import main
        >>> main(["report", "no-such-file.csv", "--output", "r.html"], stderr=io.StringIO())
        1
    """
    with standard_output_named(args.output):  # '-' as the user typed it
        return _run(args, stdout, stderr)


def _run(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    typed = args.output
    args.output = dash_as_stdout(args.output)  # '-o -': the page on standard output
    for given, option in [*((i, "INPUT") for i in args.inputs), (args.tables, "--tables")]:
        if given == "-":  # standard input read as police.uk, or a folder named '-'
            where = (
                "files or folders of police.uk months (report reads no standard input)"
                if option == "INPUT"
                else "a folder's name ('-' is no folder: the tables are files)"
            )
            raise InputFormatError(Problem(file="-", field=option, expected=where))
    named = Path(args.output)  # the name typed first, whatever is on disk (as classify's)
    html = named.suffix.lower() in (".html", ".htm")
    if not html and not named.is_dir() and not written_in_place(args.output):
        raise CommandLineError(  # the page is HTML, never into a .csv: a usage error, 2
            Problem(file=args.output, field="--output", expected="an .html file")
        )
    writable(named, "--output")  # a file, in a folder that exists (as classify)
    tables = Path(args.tables) if args.tables else None
    same = tables is not None and os.path.realpath(tables) == os.path.realpath(args.output)
    if same:  # (os.path.realpath: Path.resolve raises RuntimeError for a link loop)
        raise ArgumentsConflict(  # two outputs to one path: the command line is wrong
            Problem(file=str(tables), field="--tables", expected="a folder, not --output's file")
        )
    if tables is not None and tables.is_symlink() and not tables.exists():  # no folder made
        why = lost_link(tables)  # a link loop, or to nothing: mkdir says only "File exists"
        raise InputFormatError(Problem(file=str(tables), field="--tables", message=why))
    if tables is not None and tables.exists() and not tables.is_dir():
        raise InputFormatError(
            Problem(file=str(tables), field="--tables", expected="a folder (made if missing)")
        )
    inputs = expand_inputs(args.inputs)  # each file once
    paths, empties = without_empty(inputs.files, args.inputs, "police-uk")  # named: refused
    written = [("--tables", tables / f"{name}.csv") for name in TABLES] if tables else []
    folders = [p for p in args.inputs if Path(p).is_dir()]
    check_outputs(paths, [("--output", args.output), *written], folders)
    partnership = load_named_partnership(args.partnership)  # the report uses its authorities
    definition = resolve_definition(args.definition, partnership)
    progress = Progress(sum(p.stat().st_size for p in paths), stderr)
    page = printable(shown_output(args.output, typed))
    said = [page, *([printable(args.tables)] if args.tables else [])]  # told if stopped
    try:
        result = report(
            paths,
            partnership=partnership,
            definition=definition,
            output=args.output,
            tables=args.tables,
            progress=progress,
            skipped=(*inputs.skipped, *empties),
        )
    except BaseException as exc:  # stopped as the files were renamed: all are written
        if getattr(exc, "svduty_written", None):
            exc.svduty_written = said  # type: ignore[attr-defined]  # page, folder
        raise
    finally:
        progress.close()
    args.svduty_wrote = said  # a stop from now on says they are written
    s = result.summary
    inside = {r["within_area"]: r for r in result.tables["summary"].to_pylist()}.get("inside")
    lines = [f"wrote {page}"]
    if args.tables:
        lines.append(f"wrote {len(result.tables)} tables to {printable(args.tables)}")
    lines.append(
        f"rows in: {s.rows_in:,}; inside the area: {s.inside_area:,}; "
        f"outside: {s.outside_area:,}; no location: {s.unlocated:,}; rejected: {s.rejected:,}"
    )
    if inside is not None:
        lines.append(
            f"in scope inside the area: certain {inside['certain']:,}, possible "
            f"{inside['possible']:,}, no {inside['no']:,}"
        )
        lines.append(BOUNDS_LEGEND)  # what each number counts
    lines.extend(  # every caution on the numbers (the files not read: below, one a line)
        n for n in result.notes if not n.startswith("Not read: ") and not deprivation_note(n)
    )
    lines.extend(f"skipped: {printable(p)}" for p in (*inputs.skipped, *empties))
    lines.append(f"partnership: {s.partnership}; definition: {s.definition}")
    page_out = writes_to(args.output, stdout)  # the page owns standard output
    wrote = "".join(f"{line}\n" for line in lines[: 2 if args.tables else 1])
    said_after("\n".join(lines), stderr if page_out else stdout, stderr, wrote)
    if s.rows_in and s.rejected == s.rows_in:  # a page of nothing: said where errors go
        print(f"svduty report: warning: every row ({s.rows_in:,}) was rejected", file=stderr)
    elif not s.rows_in:  # a page of zeros that says nothing of the area (NO-ROWS)
        print("svduty report: warning: the inputs hold no row", file=stderr)
    skipped = len(inputs.skipped) + len(empties)
    listed = "svduty classify --rejected FILE lists them"  # the page counts them only
    failed = strict_failed("report", args.strict, skipped, s.rejected, stderr, rows_listed=listed)
    return 1 if failed else 0
