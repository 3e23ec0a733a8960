"""Compressed files and workbooks, refused by name before they are read as text.

svduty reads police.uk CSV, incident CSV, JSON Lines and Parquet as they are; a
``.csv.gz`` read as text would be a header it does not know, or every row rejected.

Example:
    >>> refuse_compressed(Path("m.csv"), b"Cr")  # the start of a police.uk header: read on
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import IO

from svduty.errors import InputFormatError, Problem

__all__ = ["compressed_name", "first_bytes", "refuse_compressed", "utf16_order"]

_WORKBOOKS = frozenset({".xlsx", ".xlsm", ".ods"})

_COMPRESSED = {
    b"\x1f\x8b": "gzip",
    b"PK\x03\x04": "zip",
    b"\xfd7zXZ\x00": "xz",
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1": "workbook",  # an .xls (OLE2) file
}
"""The first bytes of compressed files (none of them text a CSV could begin with)."""

_TEXT_SUFFIXES = frozenset({".csv", ".tsv", ".txt"})
"""Names of text tables: a Parquet file named so is told by its first bytes (``PAR1``)."""
_BZIP2 = re.compile(rb"BZh[1-9]1AY&SY")  # the magic, a block size, the first block's mark

_EXCEL_SEP = re.compile(rb"(?:\xef\xbb\xbf)?sep=[^\r\n](?:\r|\n)", re.IGNORECASE)
"""Excel's first line naming a CSV's separator (``sep=,``): not a header (hostile54)."""


def utf16_order(start: bytes) -> str | None:
    r"""``"UTF-16LE"`` or ``"UTF-16BE"`` if ``start`` reads as such text with no mark.

    Text in UTF-16 has a zero byte beside each ASCII letter (``C\0r\0``); UTF-8 text,
    CSV, JSON Lines and Parquet's ``PAR1`` never do, so four such bytes are enough.

    Example:
        >>> utf16_order("id,date".encode("utf-16-be")), utf16_order(b"id,date")
        ('UTF-16BE', None)
    """
    even, odd = start[0:8:2], start[1:8:2]
    if len(start) < 4 or len(even) != len(odd):
        return None
    if not any(odd) and all(even):
        return "UTF-16LE"
    if not any(even) and all(odd):
        return "UTF-16BE"
    return None


def refuse_compressed(path: Path, start: bytes | None = None) -> None:
    r"""Refuse a compressed file by name: svduty reads CSV, JSON Lines and Parquet as they are.

    ``start``: the file's first bytes (ten or more), when already read (standard input).
    Only a regular file is read here: a named pipe would be consumed (or wait for a writer).

    Raises:
        InputFormatError: naming the compression and what to do.

    A file in UTF-16 is refused likewise, by its byte order mark or, without one, by the
    zero byte beside each of its first letters: svduty reads UTF-8.

    So is a CSV that begins with Excel's line naming its separator (``sep=,``): svduty
    reads a CSV's header from its first line, and that line is no header.

    Example:
        >>> refuse_compressed(Path("m.csv"), "Crime ID".encode("utf-16"))
        Traceback (most recent call last):
        ...
        svduty.errors.InputFormatError: m.csv: expected UTF-8 text (this file is UTF-16, as a spreadsheet's 'Unicode text' is: save it as UTF-8, or convert it, e.g. with iconv -f UTF-16 -t UTF-8)
        >>> refuse_compressed(Path("m.csv"), "Crime ID".encode("utf-16-le"))
        Traceback (most recent call last):
        ...
        svduty.errors.InputFormatError: m.csv: expected UTF-8 text (this file looks like UTF-16 with no byte order mark (UTF-16LE): save it as UTF-8, or convert it, e.g. with iconv -f UTF-16LE -t UTF-8)
        >>> refuse_compressed(Path("m.csv"), b"PAR1\x15\x04")
        Traceback (most recent call last):
        ...
        svduty.errors.InputFormatError: m.csv: expected a CSV file (this one is a Parquet file, by its first bytes PAR1, though named .csv: rename it to .parquet, which svduty reads as Parquet)
        >>> import gzip, tempfile
        >>> p = Path(tempfile.mkdtemp()) / "m.csv.gz"
        >>> _ = p.write_bytes(gzip.compress(b"Crime ID,Month"))
        >>> refuse_compressed(p)
        Traceback (most recent call last):
        ...
        svduty.errors.InputFormatError: ...m.csv.gz: expected an uncompressed file (this one is gzip-compressed: decompress it first, e.g. with gunzip)
    """  # noqa: E501
    if start is None:
        if not path.is_file():  # a pipe or a device: read once, by the reader, never here
            return
        try:
            with path.open("rb") as f:
                start = f.read(16)
        except OSError:
            return  # (the reader says why)
    if start.startswith((b"\xff\xfe", b"\xfe\xff")):  # a UTF-16 (or UTF-32) byte order mark
        expected = (
            "UTF-8 text (this file is UTF-16, as a spreadsheet's 'Unicode text' is: save it "
            "as UTF-8, or convert it, e.g. with iconv -f UTF-16 -t UTF-8)"
        )
        raise InputFormatError(Problem(file=str(path), expected=expected))
    if order := utf16_order(start):
        expected = (
            f"UTF-8 text (this file looks like UTF-16 with no byte order mark ({order}): "
            f"save it as UTF-8, or convert it, e.g. with iconv -f {order} -t UTF-8)"
        )
        raise InputFormatError(Problem(file=str(path), expected=expected))
    if start.startswith(b"PAR1") and path.suffix.lower() in _TEXT_SUFFIXES:
        expected = (
            f"a CSV file (this one is a Parquet file, by its first bytes PAR1, though named "
            f"{path.suffix}: rename it to .parquet, which svduty reads as Parquet)"
        )
        raise InputFormatError(Problem(file=str(path), expected=expected))
    if _EXCEL_SEP.match(start):
        expected = (
            "a header row first (this file begins with Excel's separator line (sep=...): "
            "delete that line)"
        )
        raise InputFormatError(Problem(file=str(path), expected=expected))
    kind = next((k for magic, k in _COMPRESSED.items() if start.startswith(magic)), None)
    kind = "bzip2" if kind is None and _BZIP2.match(start) else kind
    if kind == "workbook" or (kind == "zip" and path.suffix.lower() in _WORKBOOKS):
        expected = "a CSV file (this is a spreadsheet workbook: save it as CSV, UTF-8)"
    elif kind is not None:
        tool = {"gzip": "gunzip", "zip": "unzip", "bzip2": "bunzip2", "xz": "unxz"}[kind]
        expected = f"an uncompressed file (this one is {kind}-compressed: decompress it first, "
        expected += f"e.g. with {tool}" + (", or save a workbook as CSV)" if kind == "zip" else ")")
    else:
        return
    raise InputFormatError(Problem(file=str(path), expected=expected))


def first_bytes(raw: IO[bytes], name: str, *, close: bool = True) -> bytes:
    """The first 16 bytes of ``raw`` (left to be read again), or an error naming the file.

    A device's error reading them (``EIO``) names no file: it is said as the file's.
    ``close``: close ``raw`` on that error (not standard input).

    Example:
        >>> import io
        >>> first_bytes(io.BufferedReader(io.BytesIO(b'{"id": "a"}')), "a.jsonl")
        b'{"id": "a"}'
    """
    try:
        return raw.peek(16)[:16] if hasattr(raw, "peek") else b""
    except OSError as exc:
        if close:
            raw.close()
        why = f"cannot read the file ({exc.strerror or type(exc).__name__})"
        raise InputFormatError(Problem(file=name, message=why)) from None


_UNPACK = {
    ".gz": ("gzip", "gunzip"),
    ".zip": ("zip", "unzip"),
    ".bz2": ("bzip2", "bunzip2"),
    ".xz": ("xz", "unxz"),
}
"""A compressed file's suffix, its compression and the tool that undoes it (as
:func:`refuse_compressed` names them)."""


def compressed_name(q: Path) -> str | None:
    """Why a folder's compressed file (``2025-06.csv.gz``, a download's ``.zip``) is not read.

    svduty reads files as they are (a file named on the command line is refused, naming
    its compression); in a folder such a file is skipped, and the reason says what to do.

    Example:
        >>> compressed_name(Path("m/2025-06-street.csv.gz"))
        'compressed (gzip): decompress it first to read it, e.g. with gunzip'
        >>> compressed_name(Path("m/notes.txt")) is None
        True
    """
    if q.suffix.lower() not in _UNPACK:
        return None
    kind, tool = _UNPACK[q.suffix.lower()]
    return f"compressed ({kind}): decompress it first to read it, e.g. with {tool}"
