"""The files a command reads and writes: empty inputs, and outputs that are not inputs.

An input file of no bytes named on the command line is refused when its format needs a
header (a police.uk CSV, an incident CSV) or a schema (Parquet), as pandas, polars and
DuckDB refuse an empty CSV; one found in an input folder is listed as skipped (a folder of
months may hold one); an empty JSON Lines file is zero incidents, and is read.

An output is written to a temporary file and renamed over its target when the run
succeeds, so an output named like an input would replace the data the run has just read
(``svduty classify in.jsonl --output in.jsonl``), and two options naming one file would
leave only one of them. Both are refused before anything is read.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TextIO

import attrs

from svduty.errors import BundleError, InputFormatError, Problem
from svduty.io._compressed import refuse_compressed
from svduty.io._inputs import JSONL_SUFFIXES, PARQUET_SUFFIXES, POLICE_UK_HEADER
from svduty.io._write_paths import written_in_place

__all__ = [
    "EMPTY",
    "ArgumentsConflict",
    "CommandLineError",
    "check_outputs",
    "csv_target",
    "dash_as_stdout",
    "in_bundle",
    "in_folder",
    "is_empty_file",
    "output_kind",
    "path_inside",
    "shell_word",
    "stdout_not_an_output",
    "tells_format",
    "without_empty",
    "writes_to",
]


class CommandLineError(InputFormatError):
    """The command line itself is wrong, told before any file is read: exit status 2.

    As argparse's own usage errors (an unknown option, ``--output-format xml``): an output
    whose name says a format the command does not write (``-o rows.txt``, ``--rejected
    r.parquet``, ``report -o page.csv``) is wrong in the words typed, whatever is on disk
    (users52b; it was exit status 1, as an input that cannot be read is).

    Example:
        >>> CommandLineError(Problem(file="rows.txt", expected="a .csv file")).exit_status
        2
    """

    exit_status = 2


class ArgumentsConflict(CommandLineError):
    """Arguments that cannot be used together, told before any file is read: exit status 2.

    The command line itself is wrong (cli.rst's exit codes), as with an unknown option:
    standard input named twice or beside files, two outputs to one file or stream, an
    output that is an input.

    Example:
        >>> ArgumentsConflict(Problem(file="-", expected="standard input alone")).exit_status
        2
    """


_WRITTEN = "a .csv, .parquet or .jsonl file"
"""What ``classify -o`` writes, by its suffix (as :func:`svduty.io._writers.output_format`)."""

EMPTY = "(an empty file: 0 rows)"
"""How the summary lists an empty file of an input folder: it holds no rows, and is skipped."""


def is_empty_file(path: str | Path) -> bool:
    """Whether ``path`` names a file of no bytes (not standard input, not a folder).

    Example:
        >>> import tempfile, pathlib
        >>> f = pathlib.Path(tempfile.mkdtemp()) / "x.csv"; _ = f.write_text("")
        >>> is_empty_file(f), is_empty_file("-"), is_empty_file(f.parent)
        (True, False, False)
    """
    p = Path(path)
    return str(path) != "-" and p.is_file() and p.stat().st_size == 0


def tells_format(path: str | Path) -> bool:
    """Whether an input says its format: it has bytes, or a JSON Lines or Parquet suffix.

    An empty CSV file says nothing (police.uk or incidents: its header would tell).

    Example:
        >>> import tempfile, pathlib
        >>> d = pathlib.Path(tempfile.mkdtemp())
        >>> for name in ("e.csv", "e.jsonl"): _ = (d / name).write_text("")
        >>> tells_format(d / "e.csv"), tells_format(d / "e.jsonl"), tells_format("-")
        (False, True, True)
    """
    suffix = Path(path).suffix.lower()
    return not is_empty_file(path) or suffix in (*JSONL_SUFFIXES, *PARQUET_SUFFIXES)


def without_empty(
    files: Sequence[Path], named: Iterable[str | Path], fmt: str
) -> tuple[list[Path], tuple[str, ...]]:
    """The files to read, and the empty files of input folders listed as skipped.

    An empty file named on the command line (in ``named``) is refused unless it is JSON
    Lines read as incidents (zero incidents: valid JSON Lines, and read); an empty file
    found in an input folder is skipped, with :data:`EMPTY`.

    Args:
        files: The files to read (:attr:`svduty.io.Inputs.files`).
        named: The inputs as given on the command line (files, folders, ``-``).
        fmt: ``police-uk`` or ``incidents``.

    Raises:
        InputFormatError: naming every empty file named that needs a header (row 1,
            ``header``: a header row was expected) or is Parquet, and what was expected;
            or the first file to read that is compressed or a workbook (it is not read).

    Example:
        >>> import tempfile, pathlib
        >>> d = pathlib.Path(tempfile.mkdtemp()); e = d / "2025-07.csv"
        >>> _ = e.write_text("")
        >>> without_empty([e], [d], "police-uk")[1] == (f"{e} (an empty file: 0 rows)",)
        True
        >>> without_empty([e], [e], "police-uk")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        svduty.errors.InputFormatError: ...2025-07.csv: row 1: header: expected a header row, not an empty file: the 12 police.uk columns Crime ID,Month,...
    """  # noqa: E501
    direct = {Path(n) for n in named if str(n) != "-"}
    problems = []
    read: list[Path] = []
    skipped = []
    for p in files:
        suffix = p.suffix.lower()
        if not is_empty_file(p) or (fmt == "incidents" and suffix in JSONL_SUFFIXES):
            read.append(p)
        elif p not in direct:
            skipped.append(f"{p} {EMPTY}")
        elif fmt == "incidents" and suffix in PARQUET_SUFFIXES:
            problems.append(
                Problem(file=str(p), expected="a Parquet file, not an empty file (0 bytes)")
            )
        else:
            problems.append(
                Problem(file=str(p), row=1, field="header", expected=_header_expected(fmt))
            )
    if problems:
        raise InputFormatError(problems)
    for p in read:  # a .csv.gz read as text: a header not known, or every row rejected
        refuse_compressed(p)
    return read, tuple(skipped)


def _header_expected(fmt: str) -> str:
    """What the header row of an empty file named as ``fmt`` should have held."""
    if fmt == "police-uk":
        what = POLICE_UK_HEADER
    else:
        what = "the incident fields as columns, or columns named by --map COLUMN=FIELD"
    return f"a header row, not an empty file: {what}"


def _identity(path: Path) -> tuple[object, ...]:
    """The file itself: its device and inode when it exists, else its resolved path."""
    try:
        st = path.stat()
    except OSError:
        return ("path", os.path.realpath(path))
    return ("file", st.st_dev, st.st_ino)


def check_outputs(
    inputs: Iterable[str | Path],
    outputs: Sequence[tuple[str, str | Path | None]],
    folders: Iterable[str | Path] = (),
) -> None:
    """Refuse an output that is an input, or that another option writes too.

    A CSV output inside an input folder is refused too: the next run over the folder
    would read it as an input.

    Args:
        inputs: The files the command reads (``-``, standard input, is none of them).
        outputs: ``(option, file)`` for each file the command would write (``None``:
            the option was not given).
        folders: The folders given as inputs (their CSV files are read).

    Raises:
        ArgumentsConflict: naming the option and the file (exit status 2).

    Example:
        >>> import tempfile, pathlib
        >>> f = pathlib.Path(tempfile.mkdtemp()) / "in.jsonl"
        >>> _ = f.write_text("{}")
        >>> check_outputs([f], [("--output", f.with_suffix(".csv")), ("--rejected", None)])
        >>> check_outputs([f], [("--output", f)])  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        svduty._commands._paths.ArgumentsConflict: ...in.jsonl: --output: expected a file other than the inputs (it would be written over)
        >>> check_outputs([], [("--output", "o.csv"), ("--rejected", "sub/../o.csv")])
        Traceback (most recent call last):
        ...
        svduty._commands._paths.ArgumentsConflict: sub/../o.csv: --rejected: expected a file other than --output
    """  # noqa: E501
    given = [(option, Path(p)) for option, p in outputs if p is not None]
    if not given:
        return
    read = {_identity(Path(p)) for p in inputs if str(p) != "-"}
    seen: dict[tuple[object, ...], str] = {}
    for option, path in given:
        key = _identity(path)
        if key in read:
            raise ArgumentsConflict(
                Problem(
                    file=str(path),
                    field=option,
                    expected="a file other than the inputs (it would be written over)",
                )
            )
        if key in seen:
            raise ArgumentsConflict(
                Problem(file=str(path), field=option, expected=f"a file other than {seen[key]}")
            )
        seen[key] = option
        if path.suffix.lower() == ".csv" and any(path_inside(path, f) for f in folders):
            raise ArgumentsConflict(
                Problem(
                    file=str(path),
                    field=option,
                    expected="a file outside the input folders (the next run would read it "
                    "as an input)",
                )
            )


def stdout_not_an_output(
    inputs: Iterable[str | Path], rejected: str | Path | None, stdout: TextIO
) -> None:
    """Refuse an input or ``--rejected`` as standard output, where classifications go.

    Without ``--output`` an incident file's classifications go to standard output: the
    rejected rows are not mixed with them, and an input is not appended to while it is
    read (``classify i.jsonl >> i.jsonl``; ``-o -`` so was refused already, as
    ``/dev/stdout`` is the input, hostile43b).

    Raises:
        ArgumentsConflict: naming the file and the option (exit status 2).
    """
    for f in inputs:
        if str(f) != "-" and writes_to(f, stdout):
            raise ArgumentsConflict(
                Problem(
                    file=str(f),
                    field="standard output",
                    expected="a file other than the inputs (the classifications go there "
                    "without --output)",
                )
            )
    if writes_to(rejected, stdout):
        raise ArgumentsConflict(
            Problem(
                file=str(rejected),
                field="--rejected",
                expected="a file other than standard output, where the classifications go "
                "without --output",
            )
        )


def path_inside(path: str | Path, folder: str | Path) -> bool:
    """Whether ``path`` is in ``folder`` or below it (links and ``..`` resolved).

    Example:
        >>> path_inside("months/a/out.csv", "months"), path_inside("out.csv", "months")
        (True, False)
    """
    return Path(os.path.realpath(path)).is_relative_to(os.path.realpath(folder))


def writes_to(path: str | Path | None, stream: object) -> bool:
    """Whether ``path`` names the file ``stream`` writes to (``/dev/stdout``, a pipe).

    A command prints its summary on standard error when an output goes to standard
    output, so that the two are not mixed in one stream.

    Example:
        >>> import io
        >>> writes_to("/dev/stdout", io.StringIO()), writes_to(None, io.StringIO())
        (False, False)
    """
    fileno = getattr(stream, "fileno", None)
    if not path or fileno is None:
        return False
    try:
        mine = os.fstat(fileno())
        theirs = os.stat(path)
    except (OSError, ValueError):  # no descriptor (a StringIO), or no such file
        return False
    return (mine.st_dev, mine.st_ino) == (theirs.st_dev, theirs.st_ino)


STDOUT = "/dev/stdout"
"""The name of standard output that ``-o -`` stands for (written in place, never replaced)."""


def dash_as_stdout(name: str | None, field: str = "--output") -> str | None:
    """An output named ``-`` as standard output (``/dev/stdout``), where the system has one.

    ``-`` is standard output by the common convention (``curl -o -``); it is written as
    ``/dev/stdout`` is, so what holds of one holds of the other (a stream has no suffix:
    rows need ``--output-format``). Without ``/dev/stdout``, ``-`` is left as given, and
    refused as an output.

    Raises:
        InputFormatError: naming ``field``, for ``-`` or ``/dev/stdout`` while standard
            output is closed (``>&-``): it was told to give "a file, or /dev/stdout", or
            "an .html file", as if ``-`` were not standard output (hostile43b).

    Example:
        >>> dash_as_stdout("-"), dash_as_stdout("rows.csv"), dash_as_stdout(None)
        ('/dev/stdout', 'rows.csv', None)
    """
    if name in ("-", STDOUT) and _closed(1):
        raise InputFormatError(
            Problem(file=name, field=field, expected="standard output open (it is closed)")
        )
    return STDOUT if name == "-" and os.path.exists(STDOUT) else name


def _closed(descriptor: int) -> bool:
    """Whether a descriptor of the process is closed (``>&-``), not merely unusual."""
    try:
        os.fstat(descriptor)
    except OSError:
        return True
    return False


def csv_target(name: str) -> bool:
    """Whether ``--rejected`` may write CSV to ``name``: a ``.csv`` file, a device or a pipe.

    Example:
        >>> csv_target("rejected.CSV"), csv_target("-"), csv_target("r.parquet")
        (True, False, False)
    """
    if Path(name).suffix.lower() == ".csv":
        return True
    return name != "-" and written_in_place(name)


def in_folder(exc: InputFormatError, folders: Sequence[str]) -> InputFormatError:
    """The error of a file found in an input folder, saying why it was read at all.

    Example:
        >>> e = InputFormatError(Problem(file="june/notes.csv", row=1, field="header",
        ...                              expected="the 12 police.uk columns"))
        >>> print(in_folder(e, ["june"]))  # doctest: +NORMALIZE_WHITESPACE
        june/notes.csv: row 1: header: expected the 12 police.uk columns; every .csv file
        in an input folder is read as a police.uk month: move this one out, or name the
        files to read (nothing was written)
    """
    note = (
        "every .csv file in an input folder is read as a police.uk month: move this one "
        "out, or name the files to read (nothing was written)"
    )
    roots = [Path(f).resolve() for f in folders]
    problems = []
    for p in exc.problems:
        inside = p.file is not None and any(r in Path(p.file).resolve().parents for r in roots)
        if inside and p.expected:
            problems.append(attrs.evolve(p, expected=f"{p.expected}; {note}"))
        elif inside:
            problems.append(attrs.evolve(p, message=f"{p.message}; {note}".lstrip("; ")))
        else:
            problems.append(p)
    return InputFormatError(problems)


def shell_word(path: str | Path) -> str:
    """A path as a command the user may paste names it: quoted, ``./`` before a dash.

    Example:
        >>> shell_word("leeds"), shell_word("bün dle"), shell_word("-bund")
        ('leeds', "'bün dle'", './-bund')
    """
    import shlex

    text = str(path)
    return shlex.quote("./" + text if text.startswith("-") else text)


def output_kind(output: str, given: str | None) -> str:
    """The format ``--output`` is written in: ``given`` (``--output-format``), else its suffix.

    A device or pipe with no suffix to tell (``-o -``, ``/dev/stdout``, a FIFO) is written
    as JSON Lines, the format of incident classifications on standard output: text one
    row a line, for ``| jq`` or a terminal (mend49; it was an error, exit status 1).

    Raises:
        CommandLineError: for a file whose suffix says no format (``rows.txt``), exit
            status 2 (``InputFormatError``, exit status 1, for a folder).
        ArgumentsConflict: for Parquet to a terminal (bytes that are not text: as curl
            refuses binary output there), exit status 2, with a hint to redirect it.

    Example:
        >>> output_kind("o.parquet", None), output_kind("/dev/null", "csv")
        ('parquet', 'csv')
        >>> output_kind("/dev/null", None)  # no suffix: JSON Lines, as standard output has
        'jsonl'
    """
    from svduty.io._output_kinds import is_terminal, written_in_place
    from svduty.io._writers import output_format

    try:
        kind = given or output_format(output, "--output")
    except InputFormatError:
        if os.path.isdir(output):  # -o rows/ : the folder, not its want of a suffix
            raise InputFormatError(
                Problem(file=output, field="--output", expected="a file, not a folder")
            ) from None
        if not written_in_place(output):  # the name typed says no format: a usage error
            raise CommandLineError(
                Problem(file=str(output), field="--output", expected=_WRITTEN)
            ) from None
        kind = "jsonl"  # a device or pipe with no suffix: as classifications on stdout
    if kind == "parquet" and is_terminal(output):  # the command line's fault: exit status 2
        where = (
            "a file or a pipe for Parquet (bytes that are not text), not a terminal: "
            "redirect it (> rows.parquet, or | a program that reads Parquet)"
        )
        raise ArgumentsConflict(Problem(file=output, field="--output", expected=where))
    return kind


def in_bundle(spec: str | Path, exc: BundleError) -> BundleError:
    """``exc`` naming each file in the bundle folder ``spec`` by the path given, as inputs are.

    ``areas.toml: ...`` left which bundle unsaid (``SVDUTY_PARTNERSHIP``, or runs over
    several): a file is named as the user reaches it, ``BUNDLE/areas.toml`` (mend49b).
    ``validate``'s report on the bundle it is given keeps the names in the bundle.

    Example:
        >>> err = BundleError.single("areas.toml", "areas", expected="a table")
        >>> str(in_bundle("bundles/derby", err))
        'bundles/derby/areas.toml: areas: expected a table'
    """
    folder = Path(spec)
    moved = [
        attrs.evolve(p, file=str(folder / p.file))
        if p.file and not Path(p.file).is_absolute() and not Path(p.file).is_relative_to(folder)
        else p
        for p in exc.problems
    ]
    return type(exc)(moved, exc.context)
