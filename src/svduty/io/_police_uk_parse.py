"""A piece of a police.uk file parsed by Arrow's CSV parser: the text, the malformed rows.

:func:`_parse` is the parser's step of :mod:`svduty.io._police_uk_reader` (which cuts the
blocks and normalises the rows), in a module of its own so that a thread started with
``svduty classify`` (:mod:`svduty.io._police_uk_early`) can parse a file's first block
while the command line and the partnership load: it imports pyarrow and the parser's
options, not the rule engine nor the normalisation. What a piece parses to does not
depend on the thread that parses it.
"""

from __future__ import annotations

from typing import Any

import numpy as np  # a dependency of pyarrow
import pyarrow as pa

from svduty.io import _police_uk_csv
from svduty.io._inputs import POLICE_UK_COLUMNS
from svduty.io._police_uk_csv import read_csv as _read_csv
from svduty.io._police_uk_words import WORDS
from svduty.io._quiet import quiet_undecodable_rows

__all__: list[str] = []

_BINARY: dict[str, pa.DataType] = {name: pa.binary() for name in POLICE_UK_COLUMNS}
"""Every column as bytes: a piece with a cell that is not UTF-8, decoded column by column."""
_STRING: dict[str, pa.DataType] = {
    name: WORDS if name in ("Month", "Crime type") else pa.string() for name in POLICE_UK_COLUMNS
}
"""The month and crime type numbered by the parser's threads as read (a piece's words at most
its rows), so no later step hashes every row's text: the checks look at the words."""
_NUMBERS: dict[str, pa.DataType] = {**_STRING, "Longitude": pa.float64(), "Latitude": pa.float64()}
"""The coordinates read as numbers by the parser (an empty cell null): a piece with a cell
that is not a number is read again as text, where :func:`normalise_police_uk` finds it."""


def _parse(
    data: Any,
    *,
    blank_rows: bool,
    quotes: bool,
    starts: Any = None,
    columns: tuple[str, ...] | None = None,
) -> tuple[pa.Table, list[tuple[int, str]]]:
    """The piece's rows as text (as bytes if a cell is not UTF-8) and its malformed rows.

    ``starts``: where the non-empty records start, if counting quotes cannot find them.
    ``columns``: the columns converted (default: all), in a piece of ASCII only (every cell
    of another piece is read, to check that it is UTF-8).
    """
    # ASCII (most police.uk files) is UTF-8: the parser need not check every cell (-11%)
    plain = not len(data) or int(np.frombuffer(data, dtype=np.uint8).max()) < 0x80
    read = columns if plain else None
    for types in (_NUMBERS, _STRING):
        try:
            with quiet_undecodable_rows(_police_uk_csv.__name__):  # a malformed row, not UTF-8
                return _read_csv(
                    data, types, blank_rows=blank_rows, quotes=quotes, utf8=not plain, columns=read
                )
        except pa.ArrowInvalid:  # a coordinate that is no number: read as text; a cell
            pass  # that is not UTF-8: read as bytes, decoded column by column
    # the parser cannot hand over a malformed row that is not UTF-8: find the malformed rows
    # in an ASCII copy, then read the bytes with those rows' non-ASCII bytes replaced
    raw = np.frombuffer(data, dtype=np.uint8)
    ascii = np.where(raw < 0x80, raw, ord("?")).astype(np.uint8)
    _, bad = _read_csv(ascii, _BINARY, blank_rows=blank_rows, quotes=quotes)
    from svduty.io._lines import ascii_records  # (a row not UTF-8 only)

    mended = ascii_records(data, [num for num, _ in bad], blank=blank_rows, starts=starts)
    return _read_csv(mended, _BINARY, blank_rows=blank_rows, quotes=quotes)
