"""The command's cache of the methods attrs writes: start-up without compiling them again.

attrs writes the ``__init__``, ``__eq__``, ``__hash__`` and ``__repr__`` of each class as
Python source when the class is defined, and compiles it: for the 80 classes
``svduty classify`` defines, about a third of the time svduty's own modules take to import
(in-process, without it and with it: 77 -> 53 ms). The command keeps the compiled code in
a cache file and takes it from there when attrs writes the same source again.

A method's code is looked up by its file name (``<attrs generated methods
svduty.sources.Source>``) and its whole source text, so a class that changed, or another
version of attrs that writes other source, compiles afresh; code is compiled with the
``__future__`` flags attrs itself compiles with. One number in the source changes from
process to process: the ``__hash__`` of a class starts from a hash of the class's name,
which Python salts per process (``PYTHONHASHSEED``); the source is looked up with that
number left out, and the cached code gets this process's number back (the code is compiled
afresh if the number is anywhere else in the source).

The files sit in the cache folder of :mod:`svduty._commands._cache`, one for each command
(``attrs-methods-classify-cpython-311-...``, named for the Python bytecode it holds), under
the same rules: read only from a folder the user owns and no one else may write to,
written whole with permission 0600; ``SVDUTY_CACHE_DIR=`` turns it off. Anything wrong
with a file is a miss. Only the ``svduty`` command's own process uses them
(:func:`svduty.cli.main`), while a command runs: attrs is given back its own compiler
afterwards.

Example:
    >>> import tempfile, attrs
    >>> folder = tempfile.mkdtemp()
    >>> with using(folder):
    ...     @attrs.frozen
    ...     class Point:
    ...         x: int
    >>> Point(1) == Point(1), hash(Point(1)) == hash(Point(1))
    (True, True)
    >>> sorted(p.suffix for p in Path(folder).iterdir())
    ['.marshal']
"""

from __future__ import annotations
import __future__

import contextlib
import importlib.util
import marshal
import re
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from types import CodeType
from typing import Any

from svduty._commands._cache import read_private, write_private

__all__ = ["MOST_METHODS", "using"]

MOST_METHODS = 5000
"""A cache file keeps at most this many sources: beyond, only those the last run used."""

_FORMAT = "svduty-attrs-methods-1"
"""The file's own format, written first (with the Python version) and checked on reading."""

_TYPE_HASH = re.compile(r"hash\(\(\n( +)(-?[0-9]+),")
"""The number a generated ``__hash__`` starts from: a hash of the class's name."""

_FUTURE = 0
for _feature in __future__.all_feature_names:
    _FUTURE |= getattr(__future__, _feature).compiler_flag

Key = tuple[str, str]
"""A method's file name and its source, the number of :data:`_TYPE_HASH` left out."""
Entry = tuple[CodeType, int | None]
"""The compiled code and the number its source had (``None``: no such number)."""


_PARAMETERS = ("script", "globs", "locs", "filename")
"""The parameters of the attrs function this cache stands in for (another attrs: no cache)."""


def _parameters(code: CodeType) -> tuple[str, ...]:
    """The names of a function's parameters, from its code."""
    return code.co_varnames[: code.co_argcount + code.co_kwonlyargcount]


def _file(folder: Path, name: str) -> Path:
    """The cache file of ``name`` (a command) for this Python's bytecode."""
    tag = sys.implementation.cache_tag or sys.implementation.name
    return folder / f"attrs-methods-{name}-{tag}-{importlib.util.MAGIC_NUMBER.hex()}.marshal"


def _load(path: Path) -> dict[Key, Entry]:
    """What the cache file holds (empty if it is missing, foreign, or not a good file)."""
    data = read_private(path)
    if data is None:
        return {}
    try:
        # the user's own private cache (see svduty._commands._cache)
        found = marshal.loads(data)
    except Exception:  # corrupt: a miss
        return {}
    if not (
        isinstance(found, tuple)
        and len(found) == 3
        and found[:2] == (_FORMAT, sys.version)
        and isinstance(found[2], dict)
    ):
        return {}
    return found[2]


def _with_number(code: CodeType, old: int, new: int) -> tuple[CodeType, int]:
    """``code`` with the integer constant ``old`` made ``new`` (here and in nested code)."""
    replaced = 0
    consts: list[object] = []
    for const in code.co_consts:
        if isinstance(const, CodeType):
            inner, n = _with_number(const, old, new)
            consts.append(inner)
            replaced += n
        elif type(const) is int and const == old:
            consts.append(new)
            replaced += 1
        else:
            consts.append(const)
    return (code.replace(co_consts=tuple(consts)) if replaced else code), replaced


class _Methods:
    """The cache while a command runs: attrs' compiler, answering from ``table``."""

    def __init__(self, table: Mapping[Key, Entry], flags: int) -> None:
        self.table = dict(table)
        self.used: dict[Key, Entry] = {}
        self.new = False
        self.flags = flags

    def code(self, script: str, filename: str) -> CodeType:
        """The code of ``script``: the cached code if it was compiled before, else compiled."""
        m = _TYPE_HASH.search(script)
        number = None if m is None else int(m.group(2))
        source = script if m is None else f"{script[: m.start(2)]}#{script[m.end(2) :]}"
        key = (filename, source)
        entry: Entry | None = self.table.get(key)
        if entry is not None:
            cached, old = entry
            if old == number:
                self.used[key] = entry
                return cached
            if old is not None and number is not None and str(old) not in source:
                moved, n = _with_number(cached, old, number)
                if n == 1:
                    self.used[key] = (moved, number)
                    return moved
        code: CodeType = compile(script, filename, "exec", flags=self.flags, dont_inherit=True)
        self.used[key] = self.table[key] = (code, number)
        self.new = True
        return code

    def compile_and_eval(
        self,
        script: str,
        globs: dict[str, Any] | None,
        locs: Mapping[str, object] | None = None,
        filename: str = "",
    ) -> None:
        """What attrs' ``_compile_and_eval`` does, the code taken from the cache."""
        eval(self.code(script, filename), globs, locs)  # attrs' own source, compiled

    def saved(self) -> dict[Key, Entry]:
        """What to write back: everything known, or only what this run used if too much."""
        return self.table if len(self.table) <= MOST_METHODS else self.used


@contextlib.contextmanager
def using(folder: str | Path | None, name: str = "methods") -> Iterator[None]:
    """Take attrs' generated methods from the cache in ``folder`` while the block runs.

    Args:
        folder: The cache folder (``None``: no cache).
        name: Whose methods: one file for each command, which reads only its own classes'.

    The file is written back if the block compiled anything new. An attrs whose function
    this replaces is missing, or takes other parameters, is no cache either.

    Example:
        >>> with using(None):
        ...     pass
    """
    import attr._make as make

    original = getattr(make, "_compile_and_eval", None)
    code = getattr(original, "__code__", None)
    if folder is None or not isinstance(code, CodeType) or _parameters(code) != _PARAMETERS:
        yield
        return
    path = _file(Path(folder), name)
    methods = _Methods(_load(path), code.co_flags & _FUTURE)
    setattr(make, "_compile_and_eval", methods.compile_and_eval)  # noqa: B010
    try:
        yield
    finally:
        setattr(make, "_compile_and_eval", original)  # noqa: B010
        if methods.new:
            data = marshal.dumps((_FORMAT, sys.version, methods.saved()))
            write_private(Path(folder), path, data, prefix="attrs-methods")
