"""attrs' methods compiled once: the code kept in the command's cache for the next run.

attrs makes each class's methods (``__init__``, ``__repr__``, ``__eq__``, ...) by writing
their Python source and compiling it as the class is built: about 0.6 ms a class, over half
of it ``compile``. ``svduty classify`` builds 30 of svduty's classes at every start-up. The
source attrs writes for a class is all the code depends on: the same text, under the same
file name, compiled by the same Python with the same flags, is the same code. So the
command keeps the code it compiled, keyed by exactly that (the text itself, not a hash of
it), in one file of its cache folder (:mod:`svduty._commands._cache`: the user's own,
written whole), and a later run takes the code for a text it finds there instead of
compiling it. A text not found (a class changed, another attrs) is compiled as ever; a file
of another Python, another optimisation level or another attrs' flags, or not a good file,
is not used. Nothing a class does changes: only where its code came from.

One number in the text differs from process to process: the constant attrs mixes into a
frozen class's ``__hash__`` (``hash`` of a name, which Python salts afresh in each
process), so that instances of two classes with the same fields hash apart. Any constant
does that, so the key has it as ``0`` (:func:`_unsalted`) and a hit keeps the constant the
run that compiled it drew: within a process equal instances hash equal, as ever (a hash is
never kept from one process to the next: a string's is different in each).

Only the ``svduty`` command's own process does this (:func:`svduty.cli.main`, with its
cache on); a program that imports svduty compiles as attrs does.

Example:
    >>> import tempfile
    >>> from pathlib import Path
    >>> folder = Path(tempfile.mkdtemp())
    >>> with methods_kept(folder):
    ...     first = _compile("x = 1", "<attrs generated example>", "exec")
    >>> with methods_kept(folder):
    ...     again = _compile("x = 1", "<attrs generated example>", "exec")
    >>> again is not first and again == first, sorted(p.name for p in folder.iterdir())
    (True, ['attrs-methods.marshal'])
"""

from __future__ import annotations
import __future__

import contextlib
import marshal
import sys
from collections.abc import Iterator
from pathlib import Path
from types import CodeType
from typing import Any

from svduty._commands._cache import read_private, write_private

__all__ = ["FILE", "MOST", "methods_kept"]

FILE = "attrs-methods.marshal"
"""The cache file of attrs' compiled methods (in the command's cache folder)."""

MOST = 400
"""The most texts kept: past it, a run keeps only those it used. Every command's classes
are about 120 texts (520 kB, unmarshalled at each start-up in about 0.1 ms); an upgraded
svduty adds its changed ones, so the file stays under about 2 MB whatever came before."""

_FUTURE = sum({getattr(__future__, name).compiler_flag for name in __future__.all_feature_names})
"""Every ``from __future__`` flag: what a module's code passes on to ``compile``."""


class _Held:
    """The code read back, compiled and used while a :func:`methods_kept` block runs."""

    def __init__(self) -> None:
        self.start((), {})

    def start(self, stamp: tuple[Any, ...], code: dict[tuple[str, str], bytes]) -> None:
        """Begin a block (``stamp``: none, no block) with the code read back (marshalled)."""
        self.stamp = stamp
        self.code = code
        self.new: dict[tuple[str, str], bytes] = {}
        self.taken: set[tuple[str, str]] = set()


_held = _Held()


def _compile(source: Any, filename: Any, mode: str, *args: Any, **kwargs: Any) -> Any:
    """``compile``, as attrs' own module calls it, answered from the kept code when it can.

    Only what attrs asks for is looked up: a text and a file name, compiled to ``exec``
    with no other arguments, and compiled (when not kept) with the flags attrs' module
    passes on (the stamp's), as its own call would be. Anything else is compiled as asked.

    Example:
        >>> eval(_compile("1 + 1", "<example>", "eval"))  # not attrs' call: compiled as asked
        2
    """
    if args or kwargs or mode != "exec" or not _held.stamp or not isinstance(filename, str):
        return compile(source, filename, mode, *args, **kwargs)
    key = (filename, _unsalted(source))
    kept = _held.code.get(key)
    if kept is not None:
        with contextlib.suppress(Exception):  # (a bad value: compiled, as a miss is)
            code = marshal.loads(kept)
            if isinstance(code, CodeType):
                _held.taken.add(key)
                return code
    code = compile(source, filename, mode, flags=_held.stamp[2], dont_inherit=True)
    _held.new[key] = marshal.dumps(code)
    _held.taken.add(key)
    return code


def _unsalted(source: str) -> str:
    r"""``source`` with the constant of its ``__hash__`` (salted in each process) as ``0``.

    Example:
        >>> print(_unsalted("def f(self):\n    return hash((\n        -81,\n        self.a,"))
        def f(self):
            return hash((
                0,
                self.a,
        >>> _unsalted("x = 1")
        'x = 1'
    """
    head, said, rest = source.partition("return hash((\n")
    line, end, tail = rest.partition("\n")
    number = line.strip().removesuffix(",")
    if not said or not number.removeprefix("-").isdigit():
        return source
    return f"{head}{said}{line.replace(number, '0')}{end}{tail}"


def _stamp(module: Any) -> tuple[Any, ...]:
    """What compiled code depends on besides its text and name: the Python, ``-O``, flags."""
    flags = module._compile_and_eval.__code__.co_flags & _FUTURE
    return (sys.version, sys.flags.optimize, flags)


def _read(path: Path, stamp: tuple[Any, ...]) -> dict[tuple[str, str], bytes]:
    """The code kept at ``path`` for ``stamp``; empty when there is none to trust or use."""
    data = read_private(path)
    try:
        kept_stamp, code = marshal.loads(data) if data is not None else ((), {})
    except Exception:  # a miss: a corrupt or foreign file is compiled again, as without it
        return {}
    if kept_stamp != stamp or not isinstance(code, dict):
        return {}
    good = all(
        isinstance(k, tuple) and [type(x) for x in k] == [str, str] and type(v) is bytes
        for k, v in code.items()
    )
    return code if good else {}


@contextlib.contextmanager
def methods_kept(folder: Path | None) -> Iterator[None]:
    """While the block runs, attrs' ``compile`` takes kept code from ``folder``'s file.

    ``None``: no cache, nothing changes. The code compiled in the block is kept when it
    ends (with what was read, up to :data:`MOST` texts), if the file can be written.
    """
    if folder is None:
        yield
        return
    import attr._make as made

    if not hasattr(made, "_compile_and_eval"):  # pragma: no cover - another attrs' layout
        yield
        return
    path = folder / FILE
    stamp = _stamp(made)
    _held.start(stamp, _read(path, stamp))
    namespace = vars(made)  # attrs' module calls ``compile`` by its global name
    namespace["compile"] = _compile
    try:
        yield
    finally:
        del namespace["compile"]
        code, new, taken = _held.code, _held.new, _held.taken
        _held.start((), {})
    if new:  # (not when the block raised: an interrupted command ends at once)
        kept = {**code, **new}
        if len(kept) > MOST:
            kept = {k: kept[k] for k in taken}
        write_private(folder, path, marshal.dumps((stamp, kept)), prefix="attrs-methods")
