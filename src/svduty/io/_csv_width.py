"""How many columns an incident CSV file's header has, counted before pyarrow reads it.

pyarrow's CSV reader takes about 10 KB of memory for each column, whatever the rows: a
file of two rows and 100,000 columns (a 0.9 MB file) took 1.34 GB to classify (hostile58).
A file of more than :data:`MOST_COLUMNS` columns is refused before any reader opens it,
naming the file and the limit; its header is counted in its first :data:`_HEAD` bytes, the
commas outside quotes of its first record, so a long header costs no more than that.
"""

from __future__ import annotations

from pathlib import Path

__all__: list[str] = []

MOST_COLUMNS = 1_000
"""The most columns an incident CSV file may have (an export has tens; a police.uk month 12)."""

_HEAD = 1 << 20
"""The bytes of a file's start in which its header's columns are counted."""


def first_record_columns(data: bytes) -> int:
    r"""How many columns the first record of CSV ``data`` has (its commas outside quotes, + 1).

    Example:
        >>> first_record_columns(b'id,"a,b",c\nx,y,z,w\n'), first_record_columns(b'"a\nb",c')
        (3, 2)
        >>> first_record_columns(b""), first_record_columns(b'a,"b""c",d')
        (1, 3)
    """
    count, at, quoted = 1, 0, False
    while True:
        if quoted:  # a doubled quote inside quotes closes and opens again: the same count
            end = data.find(b'"', at)
            if end < 0:
                return count
            quoted, at = False, end + 1
            continue
        quote, line_end = data.find(b'"', at), data.find(b"\n", at)
        stop = len(data) if line_end < 0 else line_end
        end = stop if quote < 0 or quote > stop else quote
        count += data.count(b",", at, end)
        if end == stop:
            return count
        quoted, at = True, quote + 1


def refuse_too_wide(p: Path, data: bytes | None = None) -> None:
    r"""Raise if the CSV file ``p`` (its bytes ``data``, if read) has too many columns.

    Raises:
        InputFormatError: a header of more than :data:`MOST_COLUMNS` columns, naming the
            file and the limit.

    Example:
        >>> refuse_too_wide(Path("x.csv"), b"id,victim_age\\na,19\\n")
        >>> refuse_too_wide(Path("x.csv"), b"," * MOST_COLUMNS)
        Traceback (most recent call last):
        svduty.errors.InputFormatError: x.csv: a header of 1,001 columns or more: at most 1,000 are read (delete the columns that are no incident field)
    """  # noqa: E501
    if data is None:
        try:
            with p.open("rb") as f:
                data = f.read(_HEAD)
        except OSError:  # the reader says what is wrong with it
            return
    wide = first_record_columns(data[:_HEAD])
    if wide <= MOST_COLUMNS:
        return
    from svduty.errors import InputFormatError, Problem

    message = (
        f"a header of {wide:,} columns or more: at most {MOST_COLUMNS:,} are read"
        " (delete the columns that are no incident field)"
    )
    raise InputFormatError(Problem(file=str(p), message=message))
