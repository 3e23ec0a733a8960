"""Reading and writing TOML files with errors that name the file and the line."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from svduty.errors import BundleError, Problem
from svduty.io._write_paths import replace_text

__all__ = ["read_toml", "write_toml"]


def read_toml(path: str | Path) -> dict[str, Any]:
    r"""Read a TOML file into plain data.

    Args:
        path: The file.

    Raises:
        BundleError: if the file is missing or is not valid TOML (naming the line).

    Example:
        >>> import tempfile, pathlib
        >>> d = pathlib.Path(tempfile.mkdtemp())
        >>> _ = (d / "ok.toml").write_text('name = "x"\n')
        >>> read_toml(d / "ok.toml")
        {'name': 'x'}
        >>> _ = (d / "bad.toml").write_text('name = \n')
        >>> read_toml(d / "bad.toml")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        svduty.errors.BundleError: .../bad.toml: row 1: not valid TOML: ...
    """
    p = Path(path)
    try:
        # utf-8-sig: a byte-order mark some editors write first is not part of the TOML
        text = p.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        what = "a broken symbolic link" if p.is_symlink() else "file not found"
        raise BundleError([Problem(message=what, file=str(p))]) from None
    except IsADirectoryError:
        raise BundleError(
            [Problem(message="a folder where a file is expected", file=str(p))]
        ) from None
    except UnicodeDecodeError:
        raise BundleError([Problem(message="not UTF-8 text", file=str(p))]) from None
    except OSError as exc:  # a symbolic link loop, no permission, a device...
        why = exc.strerror or type(exc).__name__
        raise BundleError([Problem(message=f"cannot be read ({why})", file=str(p))]) from None
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
        raise BundleError(
            [Problem(message=f"not valid TOML: {msg}", file=str(p), row=line)]
        ) from None
    except ValueError:  # a whole number past Python's 4,300-digit conversion limit
        raise BundleError(
            [Problem(message="not valid TOML: a number too long to read", file=str(p))]
        ) from None


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
