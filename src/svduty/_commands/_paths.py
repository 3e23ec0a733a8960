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

__all__ = ["check_outputs"]


def _identity(path: Path) -> tuple[object, ...]:
    """The file itself: its device and inode when it exists, else its resolved path."""
    try:
        st = path.stat()
    except OSError:
        return ("path", os.path.realpath(path))
    return ("file", st.st_dev, st.st_ino)


def check_outputs(
    inputs: Iterable[str | Path], outputs: Sequence[tuple[str, str | Path | None]]
) -> None:
    """Refuse an output that is an input, or that another option writes too.

    Args:
        inputs: The files the command reads (``-``, standard input, is none of them).
        outputs: ``(option, file)`` for each file the command would write (``None``:
            the option was not given).

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
