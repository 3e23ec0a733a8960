"""svduty's argument parser: argparse's, screened, strict and told where a file was missed.

Every command's parser is a :class:`_Parser`: a usage error does not repeat a value
that could be personal data (:func:`_screened`), a misspelt choice gets a did-you-mean,
no option is abbreviated, an option of one value given twice with different values is an
error (:class:`_Once`), and an input missed because its name starts with ``-`` says so
(:data:`_DASHED_FILE`, set by :func:`svduty.cli.main` before parsing).

Example:
    >>> p = _Parser(prog="svduty x")
    >>> _ = p.add_argument("--format", choices=["text"])
    >>> p.parse_args(["--format", "text"]).format
    'text'
"""

from __future__ import annotations

import argparse
import contextvars
import re
import sys
from typing import Any, NoReturn

from svduty._commands._examples import Help

__all__ = ["_CHOICE", "_DASHED_FILE", "_Once", "_Parser", "_screened"]


class _Parser(argparse.ArgumentParser):
    """argparse's parser, whose usage errors do not repeat the values given.

    A value may be personal data: ``invalid choice: 'Jane'`` is said without ``'Jane'``.

    Example:
        >>> _screened("argument --format: invalid choice: 'Jane' (choose from 'text')")
        "argument --format: invalid choice (not shown) (choose from 'text')"
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # no abbreviations: a script's "--part" would change meaning when an option is added
        kwargs.setdefault("allow_abbrev", False)
        kwargs.setdefault("formatter_class", Help)
        super().__init__(*args, **kwargs)
        for name in (None, "store"):  # subcommands' parsers are of this class too
            self.register("action", name, _Once)

    def _print_message(self, message: str, file: Any = None) -> None:
        # argparse drops a failed write (--help > /dev/full exited 0, nothing written)
        if message:
            (file or sys.stderr).write(message)

    def error(self, message: str) -> NoReturn:
        m = re.search(_CHOICE, message)  # 'clasify': said as the options' misspellings are
        near = ""
        if m is not None:
            from svduty._near import did_you_mean

            near = did_you_mean(m.group(1), re.findall(r"'([^']*)'", m.group(2)))
        if _DASHED_FILE.get() and re.search(_MISSED, message):  # classify -month.csv: the file
            near += f" ({_DASHED_HINT})"  # was taken for an option, so an input was missed
        super().error(_screened(message) + near)


class _Once(argparse._StoreAction):
    """An option of one value: given twice with different values, a usage error.

    argparse keeps the last silently: ``--scenario a --scenario b`` applied ``b`` alone.

    Example:
        >>> p = _Parser(prog="p")
        >>> _ = p.add_argument("--scenario")
        >>> p.parse_args(["--scenario", "a", "--scenario", "a"]).scenario
        'a'
    """

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: Any,
        option_string: str | None = None,
    ) -> None:
        seen: dict[str, Any] = namespace.__dict__.setdefault("_given_once", {})
        if option_string is not None and seen.get(self.dest, values) != values:
            parser.error(f"argument {option_string}: given twice with different values")
        seen[self.dest] = values
        super().__call__(parser, namespace, values, option_string)


_DASHED_FILE: contextvars.ContextVar[bool] = contextvars.ContextVar("dashed", default=False)
"""Whether an argument read as an option (before any ``--``) names a file or folder that exists."""
_DASHED_HINT = (
    "a file named with a leading '-' is read as an option: write ./ before it or -- first"
)
_MISSED = r"arguments are required|unrecognized arguments"  # compiled when an error needs it
"""argparse's errors a file taken for an option causes: an input missing, an option unknown."""
_CHOICE = r"invalid choice: '([^']*)' \(choose from (.*)\)$"
"""argparse's refusal of a value not among the choices: the value, then the choices."""
_GIVEN = (
    r"(invalid choice|invalid [\w ]+ value|ignored explicit argument):? "
    r"('(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\")"
)
"""A value argparse repeats in an error (as Python's repr quotes it)."""


def _screened(message: str) -> str:
    """``message`` with each value argparse repeats shown only if of a safe shape.

    Example:
        >>> _screened("argument COMMAND: invalid choice: 'compare' (choose from 'info')")
        "argument COMMAND: invalid choice: 'compare' (choose from 'info')"
    """
    from svduty._shown import Shown, shown

    def said(m: re.Match[str]) -> str:
        safe = isinstance(shown(m.group(2)[1:-1]), Shown)
        return f"{m.group(1)}: {m.group(2)}" if safe else f"{m.group(1)} (not shown)"

    return re.sub(_GIVEN, said, message)
