"""``svduty classify``: the main job, police.uk or incident files in, verdicts and a summary out.

One route for every input: a reader (police.uk CSV, incident JSON Lines, incident CSV or
Parquet with ``--map``, standard input) yields Arrow record batches into the partnership's
:class:`~svduty.io.Pipeline` (the columnar classifier), and :func:`~svduty.io.run_pipeline`
counts what the pipeline reports. Outputs are written atomically.

Example:
    >>> import argparse
    >>> sub = argparse.ArgumentParser().add_subparsers()
    >>> register(sub)
    >>> sorted(sub.choices)
    ['classify']
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

import pyarrow as pa

from svduty._commands import _planned
from svduty._commands._classify_summary import (
    SUMMARY_GROUPINGS,
    _bounds_text,
    _every_district,
    _force_elsewhere,
    _months_outside,
    _other_forces,
    _overlapping,
    summary_with_skipped,
)
from svduty._commands._input_format import add_input_format
from svduty._commands._json import versioned
from svduty._commands._located import keep_located
from svduty._commands._map_option import MapOption, _column_field, _mapping
from svduty._commands._options import (
    add_definition,
    add_partnership,
    add_strict,
    strict_failed,
)
from svduty._commands._paths import (
    STDOUT,
    ArgumentsConflict,
    CommandLineError,
    check_outputs,
    csv_target,
    dash_as_stdout,
    in_folder,
    output_kind,
    stdout_not_an_output,
    tells_format,
    without_empty,
    writes_to,
)
from svduty._commands._progress import Progress
from svduty._commands._stdout import is_closed, said_after
from svduty._commands._stdout_named import standard_output_named
from svduty._commands._stopped import (
    Terminated,
    on_sighup,
    on_sigint,
    on_sigterm,
    stopped,
    written_in_place,
)
from svduty.errors import InputFormatError, Problem, printable
from svduty.io._ahead import Ahead, FirstStarted, Started
from svduty.io._bounds import BoundedCounts
from svduty.io._code_names import area_parts
from svduty.io._input_kind import detect_format, refuse_mixed
from svduty.io._inputs import (
    STDIN,
    SUMMARY_COLUMNS,
    expand_inputs,
    is_json_lines,
)
from svduty.io._output import output_metadata, output_schema
from svduty.io._overlap import JoinedFiles
from svduty.io._police_uk_reader import WRITTEN_BLOCK, read_police_uk
from svduty.io._run import run_pipeline
from svduty.io._write_paths import signals_held

if TYPE_CHECKING:  # imported when used: a police.uk summary reads no incidents, writes no file
    from svduty.io._writers import RejectedWriter, TableWriter

__all__ = ["EXIT_CODES", "register", "run"]

EXIT_CODES = (
    "exit status: 0 every row was classified (or rows were rejected, or files in an input "
    "folder skipped, without --strict); 1 rows were rejected or files skipped with --strict, "
    "or the input was unusable, an empty CSV or Parquet file named among them (nothing is "
    "written); 2 the command line was wrong (an unknown option, an output named for a "
    "format classify does not write, such as -o rows.txt, or options that cannot go "
    "together, such as two outputs to one file); 130 interrupted (Ctrl-C); 143 terminated "
    "(SIGTERM); 129 hung up (SIGHUP: the terminal closed); 141 standard output closed "
    "before the end (| head). An output file is "
    "written to a temporary file beside it and renamed only on success."
)


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
            "line where the record starts; the header is line 1 in CSV files) and reason. "
            "The summary names the partnership and the definition used; it is printed on "
            "standard output, or on standard error when classified or rejected rows go there."
        ),
        epilog=EXIT_CODES,
    )
    p.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help="files or folders to classify; - reads incidents (JSON Lines) from standard input",
    )
    add_input_format(p)
    p.add_argument(
        "--output",
        "-o",
        metavar="OUT",
        help="write the classified rows to OUT (.csv, .parquet or .jsonl; - for standard "
        "output, as JSON Lines unless --output-format says otherwise); without it, incident "
        "classifications go to standard output as JSON Lines",
    )
    p.add_argument(
        "--output-format",
        choices=("csv", "parquet", "jsonl"),
        help="the format of OUT, whatever its name (default: from its suffix; jsonl for a "
        "device or pipe with none, such as -o - (standard output))",
    )
    p.add_argument(
        "--summary",
        choices=("text", "json"),
        default="text",
        help="the summary's format (default: text); the summary goes to standard output, "
        "or to standard error when rows go there (-o -, --rejected -, or incidents without "
        "--output)",
    )
    p.add_argument(
        "--rejected",
        metavar="FILE",
        help="also write every rejected row (file, row, field, reason) to FILE, a .csv "
        "file (- for standard output)",
    )
    p.add_argument(
        "--map",
        action=MapOption,
        default=[],
        type=_column_field,
        metavar="COLUMN=FIELD",
        help="incidents in CSV or Parquet: the file's COLUMN holds the incident FIELD "
        "(repeatable; each column and each field once)",
    )
    add_strict(p)
    add_partnership(p)
    add_definition(p)
    p.set_defaults(run=run, memory_pool="jemalloc")  # see svduty._commands._memory_pool


def iter_incidents(
    inputs: Iterable[str | Path], *, mapping: Mapping[str, str] | None = None
) -> Iterator[pa.RecordBatch]:
    """The incident files' batches: :func:`svduty.io.iter_incidents`, imported when first used.

    A police.uk summary does not import the incident readers.
    """
    from svduty.io._incident_tables import iter_incidents as read

    yield from read(inputs, mapping=mapping)


def _batches(
    args: argparse.Namespace, fmt: str, paths: Sequence[Path], stderr: TextIO
) -> Iterator[pa.RecordBatch]:
    if fmt == "police-uk":
        progress = Progress(sum(p.stat().st_size for p in paths), stderr)
        try:
            # rows not written: only the columns a summary counts are converted; rows
            # written: smaller blocks, as every column is converted and built again
            columns = None if args.output else SUMMARY_COLUMNS
            block = WRITTEN_BLOCK if args.output else 1 << 24
            yield from read_police_uk(paths, block_size=block, progress=progress, columns=columns)
        finally:
            progress.close()
    else:  # each file once; its columns that are no incident field noted, as by explain
        yield from _noted(iter_incidents(paths, mapping=_mapping(args.map)), stderr)


def _read_early(
    args: argparse.Namespace, fmt: str, paths: Sequence[Path], stderr: TextIO
) -> list[Started | FirstStarted]:
    """An input's batches, read from now on a thread of their own.

    The first batch is read while the partnership is loaded and the outputs opened, and each
    next one (a CSV file's checks and conversions too) while the batch before is classified,
    off the thread every batch waits on. The reader's errors are raised where they were:
    when the batch is due. A police.uk file's first batch only (its first block read and
    parsed while the partnership loads, :class:`~svduty.io._ahead.FirstStarted`): the rest
    are read ahead by the loop (:class:`~svduty.io._ahead.Ahead`), whose reading thread
    reads the reader's blocks itself, rows written or not (``run_pipeline`` numbers every
    batch of svduty's reader one ahead, speed50f): the reader starts no thread of its own
    for its blocks. None (``[]``: read
    as the loop asks, on its thread) for standard input or any input that is not a
    regular file (a thread waiting on a pipe could not be stopped). A short last batch of
    incidents is read as part of the one before (``io._last_batch``). An incident CSV file
    read whole is read and parsed on a thread of its own while the reading thread imports
    the incident readers (``io._incident_csv_whole.read_ahead``, speed53d); so is a JSON
    Lines file's first block (``io._jsonl_ahead.jsonl_ahead``).
    """
    if STDIN in args.inputs or not all(p.is_file() for p in paths):
        return []
    if fmt == "police-uk":
        return [FirstStarted(_batches(args, fmt, paths, stderr), reading=True)]

    def batches() -> Iterator[pa.RecordBatch]:  # (on the reading thread: --map's errors too)
        from svduty.io._incident_csv_whole import read_ahead
        from svduty.io._jsonl_ahead import jsonl_ahead

        # a CSV file, or a JSON Lines file's first block, parsed meanwhile on a thread
        with read_ahead(paths), jsonl_ahead(paths):
            from svduty.io._incidents import BATCH_ROWS
            from svduty.io._last_batch import last_joined  # a short last batch: one evaluation

            batches = iter_incidents(paths, mapping=_mapping(args.map))
            yield from last_joined(batches, BATCH_ROWS // 4)

    return [Started(batches())]


def _noted(batches: Iterable[pa.RecordBatch], stderr: TextIO) -> Iterator[pa.RecordBatch]:
    """``batches``, with a note on ``stderr`` for each file with columns no incident field.

    The note is ``svduty explain``'s, from the same function
    (:func:`~svduty._commands._unread.unread_columns`): the columns are passed through to
    the output, but not read as facts, so a misspelt one is said, never silently unread.
    """
    from svduty._commands._unread import unread_columns

    told: set[object] = set()
    for batch in batches:
        file = batch.column("file")[0].as_py() if batch.num_rows else None
        if file is not None and file not in told:
            told.add(file)
            note = unread_columns(batch.schema.names)
            if note is not None:
                print(f"svduty classify: note: {printable(str(file))}: {note}", file=stderr)
        yield batch


def run(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    """Run ``svduty classify``; return the exit code (0, 1, 130 or 143).

    Example:
        >>> import io
        >>> from svduty.cli import main
        >>> main(["classify", "no-such-file.csv"], stderr=io.StringIO())
        1
    """
    early: list[Started | FirstStarted] = []  # a file read from the start: stopped however
    # it ends
    try:
        with standard_output_named(args.output, args.rejected):  # '-' as the user typed it
            return _run(args, stdout, stderr, early)
    finally:
        for reading in early:
            reading.close()


def _run(
    args: argparse.Namespace, stdout: TextIO, stderr: TextIO, early: list[Started | FirstStarted]
) -> int:
    if STDIN in args.inputs and (args.format == "police-uk" or len(args.inputs) > 1):
        alone = f"standard input ('-') alone, not with other inputs ({len(args.inputs)} given)"
        police_uk = "a police.uk file or folder by its name: standard input ('-') holds "
        said = alone if len(args.inputs) > 1 else f"{police_uk}incidents as JSON Lines"
        raise ArgumentsConflict(Problem(file="<stdin>", expected=said))
    if args.format != "auto":
        fmt = args.format
    else:  # an empty CSV says nothing of the format: the others decide (police.uk if none)
        telling = [a for a in args.inputs if tells_format(a)]
        fmt = detect_format(telling) if telling else "police-uk"
    refuse_mixed(args.inputs, fmt)  # before a row of the first file goes to standard output
    inputs = expand_inputs(args.inputs, folders=fmt == "police-uk")
    if args.map and (fmt != "incidents" or all(is_json_lines(p) for p in inputs.files)):
        print(  # never silently ignored: a --map nothing reads is a usage error
            "svduty classify: error: --map: only incident files in CSV or Parquet have columns "
            "to map (police.uk files and JSON Lines name their fields themselves)",
            file=stderr,
        )
        return 2
    paths, empties = without_empty(inputs.files, args.inputs, fmt)
    shown = {STDOUT: "standard output"} if STDIN in (args.output, args.rejected) else {}
    args.output = dash_as_stdout(args.output)
    args.rejected = dash_as_stdout(args.rejected, "--rejected")
    if str(args.output) == STDIN:  # no /dev/stdout: not a file named '-'
        where = "a file, or /dev/stdout for standard output"
        raise InputFormatError(Problem(file="-", field="--output", expected=where))
    if args.output:
        args.output_format = output_kind(args.output, args.output_format)
    elif args.output_format:  # never silently ignored: the format of no file
        where = "--output beside it (-o - --output-format csv: CSV on standard output)"
        raise ArgumentsConflict(Problem(field="--output-format", expected=where))
    folders = [p for p in args.inputs if p != STDIN and Path(p).is_dir()]
    check_outputs(inputs.files, [("--output", args.output), ("--rejected", args.rejected)], folders)
    if fmt == "incidents" and not args.output:  # the classifications to standard output
        stdout_not_an_output(inputs.files, args.rejected, stdout)
    if args.rejected is not None and not csv_target(args.rejected):  # CSV only
        # the name typed says another format: exit status 2; a folder of the name: 1
        refused = InputFormatError if os.path.isdir(args.rejected) else CommandLineError
        raise refused(
            Problem(
                file=str(args.rejected),
                field="--rejected",
                expected="a .csv file (or a device or pipe, such as /dev/stderr)",
            )
        )
    early.extend(_read_early(args, fmt, paths, stderr))  # read while the partnership loads
    area, pipeline = _planned.pipeline_for(args, police_uk=fmt == "police-uk")
    used = {"partnership": pipeline.partnership, "definition": pipeline.definition}
    schema = output_schema(fmt)
    summary_to = stdout
    writer: TableWriter | None = None
    rejected: RejectedWriter | None = None
    if args.output or args.rejected or fmt == "incidents":
        from svduty.io._writers import RejectedWriter, TableWriter

        if fmt == "incidents" and not args.output:
            summary_to = stderr  # classifications own standard output
        if writes_to(args.output, stdout) or writes_to(args.rejected, stdout):
            summary_to = stderr  # an output owns standard output
    if summary_to is stdout and is_closed(stdout):  # known now, not after every row is read
        why = "standard output open for the summary (it is closed; > /dev/null drops the summary)"
        raise InputFormatError(Problem(file="standard output", expected=why))
    # each of the area's districts and CSPs has its rows:
    parts = area_parts(area.geography, area.local_area.districts) if fmt == "police-uk" else {}
    bounds = BoundedCounts(groupings=SUMMARY_GROUPINGS, parts=parts) if parts else None
    joined = JoinedFiles()  # the files a header line comes again in (FILES-OVERLAP)
    stops = {signal.SIGTERM: on_sigterm, signal.SIGINT: on_sigint}
    if hasattr(signal, "SIGHUP"):  # the terminal or ssh session closed: as SIGTERM
        stops[signal.SIGHUP] = on_sighup
    previous = {  # a signal the shell ignores (a job started with &, nohup) stays ignored
        n: signal.signal(n, h)
        for n, h in stops.items()
        if _main_thread() and signal.getsignal(n) is not signal.SIG_IGN
    }
    committed = reading = False  # reading: an input's error, not an output's (in_folder below)
    try:  # the outputs opened here: an interrupt from now on removes their temporary files
        with signals_held():  # a signal waits till each opened output is known to the removal
            if args.output:
                meta = output_metadata(used, [str(p) for p in inputs.files])
                kind = args.output_format  # its suffix, --output-format, or jsonl
                writer = TableWriter(args.output, schema=schema, metadata=meta, kind=kind)
            elif fmt == "incidents":
                writer = TableWriter(stdout, schema=schema, kind="jsonl")
            if args.rejected:
                rejected = RejectedWriter(args.rejected)
        sink = writer  # (Parquet: takes repeated text as words, its ``words``)
        reading = True
        if early:  # (police.uk: the reader's own batches, as _batches gives them)
            batches = early[0] if fmt == "police-uk" else _noted(early[0], stderr)
        else:
            batches = _batches(args, fmt, paths, stderr)
        summary = run_pipeline(
            Ahead(batches) if fmt == "police-uk" else batches,  # svduty's reader: read ahead
            pipeline,
            sink,
            on_rejected=joined if rejected is None else joined.also(rejected),
            counts=[bounds] if bounds is not None else [],
            **used,
        )
        summary = summary_with_skipped(summary, inputs.skipped + empties)
        summary = _every_district(summary, area)
        for output in (writer, rejected):  # every file's last bytes, then the renames:
            if output is not None:  # a file that cannot be finished leaves all as they were
                output.finish()
        with signals_held():  # both files renamed, or neither; a signal waits till then
            if writer is not None:
                writer.commit()
            if rejected is not None:
                rejected.commit()
            committed = True
            named = (p for p in (args.output, args.rejected) if p)  # new, if stopped now
            args.svduty_wrote = [printable(shown.get(str(p), str(p))) for p in named]
    except BaseException as exc:
        with signals_held(deliver=False):  # a second Ctrl-C or SIGTERM: the removal goes on
            for output in (writer, rejected):
                if output is not None:
                    output.abort()
        wrote = getattr(args, "svduty_wrote", [])  # the outputs are whole: say they are new
        # rows already on standard output (a pipe, a device) are not unwritten (hostile60)
        none = not committed and not written_in_place(writer, rejected)
        if isinstance(exc, Terminated):
            return stopped(stderr, "classify", exc.how, nothing_written=none, wrote=wrote)
        if isinstance(exc, KeyboardInterrupt):
            return stopped(stderr, "classify", nothing_written=none, wrote=wrote)
        if isinstance(exc, InputFormatError) and reading and folders and fmt == "police-uk":
            raise in_folder(exc, folders) from None
        raise
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, signal.SIG_DFL if handler is None else handler)
    keep_located(pipeline)  # (the LSOAs it met, for the next run: the cache's, if on)
    if bounds is not None:
        summary = _months_outside(summary, bounds, area.local_area.valid)
        summary = _force_elsewhere(summary, bounds, area.local_area.districts)
        summary = _other_forces(summary, paths, area.local_area.districts)
        summary = _overlapping(summary, paths, joined)
    if args.summary == "json":
        data = summary.to_json()  # the same keys for every input: police.uk rows are
        data["bounded"] = None if bounds is None else bounds.to_json()  # bounded, incidents not
        text = json.dumps(versioned("summary", data, sort=True), indent=2, default=str)
    else:
        text = summary.to_text() + (_bounds_text(bounds) if bounds is not None else "")
    outputs = [p for p in (args.output, args.rejected) if p]
    files = [p for p in outputs if Path(p).is_file()]  # not a device, a pipe, a stream
    wrote = "".join(f"wrote {printable(shown.get(str(p), str(p)))}\n" for p in files)
    said_on = summary_to if args.summary == "text" else stderr  # beside JSON: on error
    if said_on is stderr and any(writes_to(p, stderr) for p in outputs):
        wrote = ""  # a stream that holds an output's data holds nothing else
    if args.summary == "json":  # the JSON alone where it goes
        if summary_to is stdout:
            print(wrote, end="", file=stderr)
    else:
        text = wrote + text
    said_after(text, summary_to, stderr, wrote if args.summary == "text" else "")
    strict = strict_failed("classify", args.strict, len(summary.skipped), summary.rejected, stderr)
    return 1 if strict else 0


def _main_thread() -> bool:
    return threading.current_thread() is threading.main_thread()
