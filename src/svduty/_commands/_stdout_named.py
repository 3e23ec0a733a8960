"""Errors about an output given as ``-`` name it "standard output", not ``/dev/stdout``.

``-o -`` is written as ``/dev/stdout`` is (:func:`~svduty._commands._paths.dash_as_stdout`),
so an error about it would name a file the user never typed. Under
:func:`standard_output_named` an error whose problem names ``/dev/stdout`` says "standard
output" instead, as the user asked for it.

Example:
    >>> from svduty.errors import InputFormatError, Problem
    >>> try:
    ...     with standard_output_named("-"):
    ...         raise InputFormatError(Problem(file="/dev/stdout", field="--output",
    ...                                        expected="a CSV file"))
    ... except InputFormatError as exc:
    ...     print(exc)
    standard output: --output: expected a CSV file
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import attrs

from svduty.errors import DataError

__all__ = ["STANDARD_OUTPUT", "shown_output", "standard_output_named"]

STANDARD_OUTPUT = "standard output"
"""How a message names the output ``-`` stands for."""

_DEVICE = "/dev/stdout"  # as svduty._commands._paths.STDOUT


def shown_output(path: object, given: object) -> str:
    """How a message names an output: "standard output" for one given as ``-``.

    Example:
        >>> shown_output("/dev/stdout", "-"), shown_output("/dev/stdout", "/dev/stdout")
        ('standard output', '/dev/stdout')
    """
    return STANDARD_OUTPUT if given == "-" else str(path)


@contextlib.contextmanager
def standard_output_named(*given: object) -> Iterator[None]:
    """Within it, an error naming ``/dev/stdout`` says "standard output" (if ``-`` is given).

    A file or stream error (``OSError``) whose file is ``/dev/stdout`` is named so too.
    """
    if "-" not in given:
        yield
        return
    try:
        yield
    except DataError as exc:
        if any(p.file == _DEVICE for p in exc.problems):
            exc.problems = tuple(
                attrs.evolve(p, file=STANDARD_OUTPUT) if p.file == _DEVICE else p
                for p in exc.problems
            )
            exc.args = (exc._render(),)
        raise
    except OSError as exc:
        if exc.filename == _DEVICE:
            exc.filename = STANDARD_OUTPUT
        raise
