"""Where a writer writes: the checks on an output's path, its temporary file, its errors.

Every output is written to a temporary file beside it, renamed over it on success.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import IO, Any

from svduty.errors import InputFormatError, Problem

__all__ = ["output_error", "replace_text", "temporary", "writable", "write_all"]


def output_error(path: Path | None, exc: OSError, option: str = "--output") -> Exception:
    """The error to raise for ``exc`` writing ``path`` (``None``: standard output).

    A pipe closed by its reader (``svduty classify ... | head``) is not an error of the
    data: it is raised as it is, for the command line to end quietly.

    Example:
        >>> print(output_error(Path("o.csv"), OSError(28, "No space left on device")))
        o.csv: --output: cannot write the file (No space left on device)
        >>> type(output_error(None, BrokenPipeError(32, "Broken pipe"))).__name__
        'BrokenPipeError'
        >>> print(output_error(None, OSError(9, "Bad file descriptor")))
        standard output: cannot write (Bad file descriptor)
    """
    if path is None and isinstance(exc, BrokenPipeError):
        return exc
    why = exc.strerror or type(exc).__name__
    if path is None:
        return InputFormatError(Problem(file="standard output", message=f"cannot write ({why})"))
    return InputFormatError(
        Problem(file=str(path), field=option, message=f"cannot write the file ({why})"[:160])
    )


def writable(path: Path, option: str) -> None:
    """Refuse a folder, or a file in a folder that does not exist, before anything is read.

    Example:
        >>> writable(Path("/no/such/folder/o.csv"), "--rejected")
        Traceback (most recent call last):
        ...
        svduty.errors.InputFormatError: /no/such/folder/o.csv: --rejected: expected a file in an existing folder
    """  # noqa: E501
    try:
        folder, parent = path.is_dir(), path.parent.is_dir()
    except OSError as exc:  # a name too long, no permission to look...
        raise output_error(path, exc, option) from None
    if folder:
        raise InputFormatError(
            Problem(file=str(path), field=option, expected="a file, not a folder")
        )
    if not parent:
        raise InputFormatError(
            Problem(file=str(path), field=option, expected="a file in an existing folder")
        )


def temporary(path: Path) -> Path:
    """A temporary file beside ``path``, unique to this writer (two never share one).

    Example:
        >>> t = temporary(Path("out/o.csv"))
        >>> t.parent, t.name.startswith(".o.csv."), t.suffix, t == temporary(Path("out/o.csv"))
        (PosixPath('out'), True, '.tmp', False)
    """
    return path.with_name(f".{path.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp")


def replace_text(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` whole: a temporary beside it, renamed over it.

    A reader sees the old file or the new one, never a part; interrupted, no temporary
    file is left.

    Example:
        >>> import tempfile
        >>> f = Path(tempfile.mkdtemp()) / "a.toml"
        >>> replace_text(f, "x = 1")
        >>> f.read_text(), sorted(p.name for p in f.parent.iterdir())
        ('x = 1', ['a.toml'])
    """
    tmp = temporary(path)
    try:
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def write_all(raw: IO[bytes], data: Any) -> None:
    """Write every byte: a buffered stream may write part of a large buffer and return.

    (It does when the reader of a pipe goes away mid-write: the rest is lost without an
    error, and the next write raises the ``BrokenPipeError``.)

    Example:
        >>> import io
        >>> class Short(io.BytesIO):
        ...     def write(self, b): return super().write(bytes(b)[:3])
        >>> out = Short(); write_all(out, b"0123456789"); out.getvalue()
        b'0123456789'
    """
    view = memoryview(data).cast("B")
    while view:
        view = view[raw.write(view) :]
