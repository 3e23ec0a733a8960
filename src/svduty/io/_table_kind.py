r"""A table (Parquet, CSV) given where JSON Lines is read: told by its first bytes (hostile54).

Standard input holds incidents as JSON Lines, and a ``.jsonl`` file is read as such: a
Parquet file or a CSV there was read line by line, every "line" rejected (exit status 0).
The JSON Lines reader now refuses it whole, before a row is read, naming what it is.

Example:
    >>> table_kind(b"PAR1"), table_kind(b'{"id": "a"}\n')
    ('a Parquet file', None)
"""

from __future__ import annotations

import csv
import json
import re
from typing import IO

from svduty.errors import InputFormatError, Problem
from svduty.io._inputs import normalise_header

__all__ = ["LOOK", "PRETTY", "TableOnStandardInput", "refuse_table", "table_kind"]


class TableOnStandardInput(InputFormatError):
    """A table (Parquet, CSV) on standard input, which holds JSON Lines: exit status 2.

    The command line is wrong, as with ``--input-format police-uk -``: a table is read
    from its file, whose name says its format (hostile54).

    Example:
        >>> TableOnStandardInput(Problem(file="<stdin>", expected="JSON Lines")).exit_status
        2
    """

    exit_status = 2


PRETTY = "a JSON document over several lines"
"""What :func:`table_kind` calls JSON written over many lines (``json.dumps(x, indent=2)``)."""


def table_kind(start: bytes) -> str | None:
    r"""What table an input's first bytes begin, or ``None`` if it may be JSON Lines.

    ``"a Parquet file"`` (its magic, ``PAR1``), ``"a police.uk street-level CSV"`` (its
    header), :data:`PRETTY` (a first line of ``[`` or ``{`` alone: an array or object
    pretty-printed, each of its lines no incident) or ``"a CSV file"``: a first line that
    is not JSON but two or more names,
    separated by commas, semicolons or tabs, one an incident field's (``id,date,...``,
    quoted or not, in any case). A first line that is JSON, or not whole in ``start``,
    or any other line is ``None``: a bad line rejects its row alone.

    Example:
        >>> table_kind(b"PAR1\x15\x04"), table_kind(b'"ID";"Date"\r\n')
        ('a Parquet file', 'a CSV file')
        >>> table_kind(b'{"id": "a"}\n'), table_kind(b"not json, at all\n")
        (None, None)
    """
    if start.startswith(b"PAR1"):
        return "a Parquet file"
    if start.removeprefix(b"\xef\xbb\xbf").lstrip(b'"').startswith(b"Crime ID"):
        return "a police.uk street-level CSV"  # (its header's first name: the line may go on)
    line, *rest = re.split(rb"[\r\n]", start.removeprefix(b"\xef\xbb\xbf"), maxsplit=1)
    if not rest:  # the first line not whole: nothing to tell by
        return None
    if line.strip() in (b"[", b"{"):  # a document's start alone, then an indented line
        after = next((n for n in re.split(rb"[\r\n]", rest[0]) if n.strip()), b"")
        return PRETTY if after[:1] in (b" ", b"\t") else None  # (else a bad line: its row)
    try:
        json.loads(line)
    except (ValueError, RecursionError):  # (UnicodeDecodeError too; too deep: the row's)
        pass
    else:
        return None
    text = line.decode("utf-8", errors="replace")
    sep = max((",", ";", "\t"), key=text.count)
    try:  # (one line, no line end; a field past csv's limit: a buffer of 1 MiB holds one)
        names = normalise_header(text.replace(sep, ","))
    except csv.Error:  # no header: the line is its row's problem (hostile55)
        return None
    if len(names) < 2 or not text.count(sep):
        return None
    from svduty.io._incident_schema import INCIDENT_SCHEMA  # (pyarrow: the reader's import)

    return "a CSV file" if set(names) & set(INCIDENT_SCHEMA.names) else None


LOOK = 1 << 16
"""The bytes of an input :func:`refuse_table` looks at: its first line must end within them."""


def _start(raw: IO[bytes]) -> bytes:
    r"""The first :data:`LOOK` bytes of ``raw`` from where it is (fewer at its end), unread.

    As many whatever its buffer's size (the file system's block size: 4 KiB here, 1 MiB
    on some; a peek gave the buffer, so a first line across its end was told or not by
    the buffer, hostile56): read and sought back where ``raw`` can seek (a file, standard
    input from a file); a pipe cannot be read again: what its buffer holds.

    Example:
        >>> import io
        >>> raw = io.BufferedReader(io.BytesIO(b"id,date\n"), buffer_size=2)
        >>> _start(raw), raw.read()
        (b'id,date\n', b'id,date\n')
    """
    if not hasattr(raw, "peek"):
        return b""
    if raw.seekable():
        at = raw.tell()
        try:
            return raw.read(LOOK)
        finally:
            raw.seek(at)
    peeked: bytes = raw.peek(LOOK)  # (a BufferedReader's: Any to mypy)
    return peeked[:LOOK]


def refuse_table(name: str, raw: IO[bytes]) -> None:
    """Refuse an input read as JSON Lines whose first bytes are a table's (:func:`table_kind`).

    Standard input (``name`` ``<stdin>``) holds JSON Lines: a table there is a
    :class:`TableOnStandardInput` (exit status 2: give the file's name); a file named as
    JSON Lines is an :class:`~svduty.errors.InputFormatError` (exit status 1: its suffix
    is wrong). ``raw``'s first :data:`LOOK` bytes are looked at and left to be read
    (:func:`_start`); an error reading them is left to the reader.

    Raises:
        InputFormatError: naming the input and the table it is, never a value of it.

    Example:
        >>> import io
        >>> refuse_table("in.jsonl", io.BufferedReader(io.BytesIO(b"PAR1...")))
        Traceback (most recent call last):
        ...
        svduty.errors.InputFormatError: in.jsonl: expected incidents as JSON Lines, one JSON object a line (this is a Parquet file: give the file the suffix of its format, .parquet, and it is read as one)
    """  # noqa: E501
    try:
        kind = table_kind(_start(raw))
    except OSError:  # (the reader says why, naming the file)
        return
    if kind is None:
        return
    if kind == PRETTY:  # the data is wrong, wherever it comes from: exit status 1
        expected = (
            f"incidents as JSON Lines, one JSON object a line (this is {kind}, as JSON is "
            "pretty-printed: write each incident as one line, e.g. with jq -c '.[]' FILE "
            "for an array)"
        )
        raise InputFormatError(Problem(file=name, expected=expected))
    if name == "<stdin>":
        expected = (
            "incidents as JSON Lines on standard input ('-'), not a table (this is "
            f"{kind}: give the file's name instead, which says its format)"
        )
        raise TableOnStandardInput(Problem(file=name, expected=expected))
    suffix = ".parquet" if kind == "a Parquet file" else ".csv"
    expected = (
        f"incidents as JSON Lines, one JSON object a line (this is {kind}: give the file "
        f"the suffix of its format, {suffix}, and it is read as one)"
    )
    raise InputFormatError(Problem(file=name, expected=expected))
