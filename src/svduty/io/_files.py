"""Reading and writing TOML files with errors that name the file and the line."""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path
from typing import Any

from svduty._checked import checked
from svduty.errors import BundleError, Problem
from svduty.io._compressed import utf16_order
from svduty.io._write_paths import replace_text

__all__ = ["MAX_TOML_BYTES", "in_the_way", "read_toml", "what_is", "write_toml"]


MAX_TOML_BYTES = 8 * 1024 * 1024
"""The largest TOML file read (8 MiB): a bundle's files are a few kilobytes.

A larger file is refused having read one byte past this, so a link to ``/dev/zero`` or
an endless file cannot exhaust memory.
"""


_NOT_REGULAR = "not a regular file (a device, FIFO or socket)"


def _refuse(p: Path, message: str, expected: str | None = None) -> BundleError:
    return BundleError([Problem(message=message, file=str(p), expected=expected)])


def _read_bytes(p: Path) -> bytes:
    """The bytes of a regular file of at most ``MAX_TOML_BYTES``, or a BundleError.

    The file is opened without blocking and checked once open (``fstat``, after
    symbolic links are followed), so a FIFO never hangs the reader and a device is
    never read, even if the path is swapped between a check and the open.
    """
    try:
        fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise _refuse(p, "a broken symbolic link" if p.is_symlink() else "file not found") from None
    except IsADirectoryError:
        raise _refuse(p, "a folder where a file is expected") from None
    except NotADirectoryError:  # a file named as a folder on the way: said which (hostile62)
        said = f"file not found ({in_the_way(p) or p.parent})"
        raise _refuse(p, said) from None
    except OSError as exc:  # a symbolic link loop, no permission, a socket (no open)...
        if _special(p):  # a socket (ENXIO) said as a FIFO is, not by its errno (hostile62)
            raise _refuse(p, _NOT_REGULAR, expected="a TOML file") from None
        why = exc.strerror or type(exc).__name__
        raise _refuse(p, f"cannot be read ({why})") from None
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        if stat.S_ISDIR(mode):
            raise _refuse(p, "a folder where a file is expected")
        raise _refuse(p, _NOT_REGULAR, expected="a TOML file")
    with os.fdopen(fd, "rb") as f:
        try:
            data = f.read(MAX_TOML_BYTES + 1)
        except OSError as exc:
            why = exc.strerror or type(exc).__name__
            raise _refuse(p, f"cannot be read ({why})") from None
    if len(data) > MAX_TOML_BYTES:
        raise _refuse(
            p, "too large", expected=f"a TOML file of at most {MAX_TOML_BYTES // 2**20} MiB"
        )
    return data


def _special(p: Path) -> bool:
    """Whether ``p`` is there and neither a file nor a folder (a FIFO, socket or device)."""
    try:
        mode = os.stat(p).st_mode
    except OSError:  # a link loop, no permission on the folder: its own error says so
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


@checked
def read_toml(path: str | Path) -> dict[str, Any]:
    r"""Read a TOML file into plain data.

    Only a regular file (after symbolic links are followed) of at most
    ``MAX_TOML_BYTES`` is read: a device, FIFO or socket is refused without being
    read or waited on.

    Args:
        path: The file.

    Raises:
        BundleError: if the file is missing, not a regular file, larger than
            ``MAX_TOML_BYTES``, or not valid TOML (naming the line).

    Example:
        >>> import os, tempfile, pathlib
        >>> d = pathlib.Path(tempfile.mkdtemp())
        >>> _ = (d / "ok.toml").write_text('name = "x"\n')
        >>> read_toml(d / "ok.toml")
        {'name': 'x'}
        >>> _ = (d / "bad.toml").write_text('name = \n')
        >>> read_toml(d / "bad.toml")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        svduty.errors.BundleError: .../bad.toml: row 1: not valid TOML: ...
        >>> os.mkfifo(d / "pipe.toml")
        >>> read_toml(d / "pipe.toml")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        svduty.errors.BundleError: .../pipe.toml: not a regular file (a device, FIFO or socket); expected a TOML file
    """  # noqa: E501
    import tomllib  # when a file is read (its regular expressions: 5 ms of start-up)

    p = Path(path)
    data = _read_bytes(p)
    try:
        # utf-8-sig: a byte-order mark some editors write first is not part of the TOML
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BundleError([_not_utf8(p, data, exc.start)]) from None
    try:
        return tomllib.loads(text)
    except RecursionError:
        raise BundleError(
            [Problem(message="not valid TOML: nested too deeply", file=str(p))]
        ) from None
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"\(at line (\d+), column \d+\)", str(exc))
        line = int(m.group(1)) if m else None
        msg = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc)) or "syntax error"
        msg = next((said for start, said in _KEYED if msg.startswith(start)), msg)
        raise BundleError(
            [Problem(message=f"not valid TOML: {msg}", file=str(p), row=line)]
        ) from None
    except ValueError:  # a whole number past Python's 4,300-digit conversion limit
        raise BundleError(
            [Problem(message="not valid TOML: a number too long to read", file=str(p))]
        ) from None


_KEYED = (
    ("Cannot declare", "a table or key declared twice (its name not shown)"),
    ("Cannot mutate immutable namespace", "a key added to a table already closed (not shown)"),
    ("Cannot redefine namespace", "a table defined twice (its name not shown)"),
    ("Duplicate inline table key", "a key given twice in an inline table (not shown)"),
)
"""tomllib's messages that quote a key (a name the file gives, maybe a person's): its words."""


@checked
def write_toml(path: str | Path, data: dict[str, Any]) -> None:
    """Write plain data as a TOML file (``None`` values must be dropped first).

    The file is written whole or not at all: to a temporary file beside it, renamed
    over it once complete.

    Example:
        >>> import tempfile, pathlib
        >>> f = pathlib.Path(tempfile.mkdtemp()) / "out.toml"
        >>> write_toml(f, {"name": "x", "districts": ["E07000218"]})
        >>> read_toml(f)["districts"]
        ['E07000218']
    """
    import tomli_w  # writing only: reading a bundle does not import it

    replace_text(Path(path), tomli_w.dumps(data))


def _not_utf8(p: Path, data: bytes, start: int) -> Problem:
    r"""What a TOML file that is not UTF-8 is, and how to mend it: never the bytes.

    UTF-16 (Notepad's "Unicode") with or without its byte order mark is said so; any other
    file is taken for one an editor saved as Windows-1252 or Latin-1 (an accent, a pound
    sign), and the row of the first byte that is not UTF-8 is named, as police.uk's
    reader names such a row.

    Example:
        >>> print(_not_utf8(Path("areas.toml"), 'x = 1\nname = "Ynys Môn"\n'.encode("latin-1"), 18))
        areas.toml: row 2: not UTF-8 text (a file saved as Windows-1252 or Latin-1? save it as UTF-8, or convert it, e.g. with iconv -f windows-1252 -t utf-8 FILE > NEW_FILE)
    """  # noqa: E501
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Notepad's "Unicode"
        said = "this file is UTF-16: save it as UTF-8"
        return Problem(message=f"not UTF-8 text ({said})", file=str(p))
    if order := utf16_order(data[:16]):
        said = f"this file looks like UTF-16 with no byte order mark ({order}): save it as UTF-8"
        return Problem(message=f"not UTF-8 text ({said})", file=str(p))
    said = (
        "a file saved as Windows-1252 or Latin-1? save it as UTF-8, or convert it, "
        "e.g. with iconv -f windows-1252 -t utf-8 FILE > NEW_FILE"
    )
    row = data[:start].count(b"\n") + 1
    return Problem(message=f"not UTF-8 text ({said})", file=str(p), row=row)


def what_is(path: str | Path) -> str:
    """What is at ``path``, in a user's words: a file, a folder, a named pipe, a device.

    Said where a path is there but not of the kind wanted: ``validate FIFO`` said "not a
    bundle folder: a file" of a named pipe or a device (hostile61); ``init FILE`` and
    :func:`~svduty.io.validate_bundle` on a file said what was expected, not what is there.

    Example:
        >>> what_is("/dev/null"), what_is("."), what_is(__file__)
        ('a device', 'a folder', 'a file')
    """
    try:
        mode = os.stat(path).st_mode
    except OSError:  # gone since it was found, or a link that leads nowhere
        return "a path that cannot be read"
    kinds = (
        (stat.S_ISREG, "a file"),
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISFIFO, "a named pipe (FIFO)"),
        (stat.S_ISSOCK, "a socket"),
    )
    return next((words for kind, words in kinds if kind(mode)), "a device")


def in_the_way(path: str | Path) -> str | None:
    """The first of ``path``'s folders that is there but is no folder, said as what it is.

    A file named as a folder on the way (``splits/2025.toml`` where ``splits`` is a file)
    said which, for a file read (hostile62) and a bundle folder to make (``svduty init
    FILE/sub``); ``None`` when every folder on the way is one or is not there yet.

    Example:
        >>> in_the_way(__file__ + "/sub/x.toml").endswith(".py: a file where a folder is expected")
        True
        >>> in_the_way(".") is None
        True
    """
    up = next((a for a in reversed(Path(path).parents) if a.exists() and not a.is_dir()), None)
    return None if up is None else f"{up}: {what_is(up)} where a folder is expected"
