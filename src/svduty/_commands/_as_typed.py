"""An error names each path as it was typed, not as :class:`~pathlib.Path` spells it.

``Path("./Jane_Smith")`` is ``Jane_Smith``: a command that turned what was typed into a
path named it without its ``./`` (``--partnership ./Jane_Smith``, ``classify
./nofile.csv``, ``--output ./nodir/out.jsonl``), while others (``governance --scenario``,
``explain`` of a folder, ``--definition``) named it as typed. One rule for all
(:mod:`svduty._commands._typed`): an error's file that is a typed argument as ``Path``
spells it, or a file inside it, is named as typed; the rendering still escapes control
characters. Nothing else of the message changes.

Example:
    >>> from svduty.errors import BundleError, Problem
    >>> err = BundleError(Problem(file="Jane_Smith", message="no such folder"))
    >>> as_typed(err, ["info", "--partnership", "./Jane_Smith"])
    './Jane_Smith: no such folder'
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import attrs

from svduty.errors import DataError, SvdutyError

__all__ = ["as_typed"]


def _typed(argv: Sequence[str]) -> dict[str, str]:
    """Each argument that ``Path`` spells otherwise, by that spelling: what was typed."""
    values = [a.split("=", 1)[1] if a.startswith("--") and "=" in a else a for a in argv]
    paths = {v for v in values if v not in ("", "-", "--") and "\x00" not in v}
    spellings = Counter(str(Path(v)) for v in paths)
    # a spelling that two values typed share ('-o r.html --tables ./r.html') is left as it
    # is: which of them an error means is not known
    return {
        str(Path(v)): v
        for v in sorted(paths)
        if str(Path(v)) not in (v, ".") and spellings[str(Path(v))] == 1
    }


def _file(file: str, typed: dict[str, str]) -> str:
    """``file`` named as typed: the argument itself, or a file inside a folder typed."""
    if file in typed:
        return typed[file]
    for spelt, value in typed.items():
        if file.startswith(spelt + os.sep):
            return value.rstrip("/" + os.sep) + os.sep + file[len(spelt) + 1 :]
    return file


def as_typed(exc: SvdutyError, argv: Sequence[str]) -> str:
    """The error's text, each file it names that was typed on the command line as typed.

    Example:
        >>> from svduty.errors import InputFormatError, Problem
        >>> err = InputFormatError(Problem(file="nodir/out.jsonl", field="--output",
        ...                                expected="a file in an existing folder"))
        >>> as_typed(err, ["classify", "m.csv", "--output=./nodir/out.jsonl"])
        './nodir/out.jsonl: --output: expected a file in an existing folder'
        >>> as_typed(InputFormatError(Problem(file="b/areas.toml", message="bad")), ["./b/"])
        './b/areas.toml: bad'
    """
    typed = _typed(argv)
    if not typed or not isinstance(exc, DataError):
        return str(exc)
    problems = tuple(
        attrs.evolve(p, file=_file(p.file, typed)) if p.file else p for p in exc.problems
    )
    if problems != exc.problems:
        exc.problems = problems  # DataError says its problems as they are now
    return str(exc)
