"""The files a command writes: never one of its inputs, never one file for two options.

An output is written to a temporary file and renamed over its target when the run
succeeds, so an output named like an input would replace the data the run has just read
(``svduty classify in.jsonl --output in.jsonl``), and two options naming one file would
leave only one of them. Both are refused before anything is read.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from svduty.errors import InputFormatError, Problem

__all__ = ["EMPTY", "check_outputs", "is_empty_file", "path_inside"]

EMPTY = "(an empty file: 0 rows)"
"""How the summary lists an input file of no bytes: it holds no rows, in any format."""


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
        InputFormatError: naming the option and the file.

    Example:
        >>> import tempfile, pathlib
        >>> f = pathlib.Path(tempfile.mkdtemp()) / "in.jsonl"
        >>> _ = f.write_text("{}")
        >>> check_outputs([f], [("--output", f.with_suffix(".csv")), ("--rejected", None)])
        >>> check_outputs([f], [("--output", f)])  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        svduty.errors.InputFormatError: ...in.jsonl: --output: expected a file other than the inputs (it would be written over)
        >>> check_outputs([], [("--output", "o.csv"), ("--rejected", "sub/../o.csv")])
        Traceback (most recent call last):
        ...
        svduty.errors.InputFormatError: sub/../o.csv: --rejected: expected a file other than --output
    """  # noqa: E501
    given = [(option, Path(p)) for option, p in outputs if p is not None]
    if not given:
        return
    read = {_identity(Path(p)) for p in inputs if str(p) != "-"}
    seen: dict[tuple[object, ...], str] = {}
    for option, path in given:
        key = _identity(path)
        if key in read:
            raise InputFormatError(
                Problem(
                    file=str(path),
                    field=option,
                    expected="a file other than the inputs (it would be written over)",
                )
            )
        if key in seen:
            raise InputFormatError(
                Problem(file=str(path), field=option, expected=f"a file other than {seen[key]}")
            )
        seen[key] = option
        if path.suffix.lower() == ".csv" and any(path_inside(path, f) for f in folders):
            raise InputFormatError(
                Problem(
                    file=str(path),
                    field=option,
                    expected="a file outside the input folders (the next run would read it "
                    "as an input)",
                )
            )


def path_inside(path: str | Path, folder: str | Path) -> bool:
    """Whether ``path`` is in ``folder`` or below it (links and ``..`` resolved).

    Example:
        >>> path_inside("months/a/out.csv", "months"), path_inside("out.csv", "months")
        (True, False)
    """
    return Path(os.path.realpath(path)).is_relative_to(os.path.realpath(folder))
