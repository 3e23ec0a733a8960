"""Reading police.uk street-level crime files (the 12-column CSV format) with pyarrow.

The format (data.police.uk, "street-level crime"): one CSV per force and month with the
header ``Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,
LSOA name,Crime type,Last outcome category,Context``. Its quirks, each handled here:

- ``Crime ID``: empty for anti-social behaviour (null); blank (spaces or invisible
  characters only, such as a lone NUL) is null too, as an incident's blank id is; any
  other one not 64 hex digits is kept (a NUL within it too: the id decides nothing);
- rows whose ``Location`` is ``No Location`` have no coordinates and no LSOA (kept, and
  counted as *unlocated* downstream);
- a force reports crimes located outside its own area (kept: area resolution says so);
- the LSOA codes are 2011 codes before 2022 and 2021 codes after (both kept as given).

Every column is read as a string, then checked and converted with :mod:`pyarrow.compute`
(no Python loop per row). A row that cannot be used is **not dropped**: it stays in the
stream with its ``row`` number and a ``rejected`` reason, so that a batch job can account
for every row (rows in = rows out + rows rejected).

This module holds the format and the per-batch checks
(:func:`~svduty.io.normalise_police_uk`); the file reader
(:func:`~svduty.io.read_police_uk`) is in ``svduty.io._police_uk_reader``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import numpy as np  # a dependency of shapely, hence of svduty
import pyarrow as pa

from svduty import _compute as pc
from svduty._blank import blank_to_null
from svduty._checked import checked
from svduty.errors import InputFormatError, Problem
from svduty.io._inputs import POLICE_UK_COLUMNS
from svduty.io._police_uk_words import WORDS, _distinct, _words, spelt

Arrow = Any  # a pyarrow Array or ChunkedArray (pyarrow-stubs' compute overloads are narrower)

__all__ = [
    "POLICE_UK_COLUMNS",
    "POLICE_UK_CRIME_TYPES",
    "POLICE_UK_SCHEMA",
    "normalise_police_uk",
    "sample_police_uk",
]

POLICE_UK_CRIME_TYPES: dict[str, str] = {
    "Anti-social behaviour": "anti-social-behaviour",
    "Bicycle theft": "bicycle-theft",
    "Burglary": "burglary",
    "Criminal damage and arson": "criminal-damage-arson",
    "Drugs": "drugs",
    "Other crime": "other-crime",
    "Other theft": "other-theft",
    "Possession of weapons": "possession-of-weapons",
    "Public order": "public-order",
    "Robbery": "robbery",
    "Shoplifting": "shoplifting",
    "Theft from the person": "theft-from-the-person",
    "Vehicle crime": "vehicle-crime",
    "Violence and sexual offences": "violent-crime",
}
"""The 14 police.uk crime types: the label in the CSV files -> the slug of the police.uk API."""

POLICE_UK_SCHEMA: pa.Schema = pa.schema(
    [  # type: ignore[arg-type]
        pa.field("file", pa.string()),
        pa.field("row", pa.int64()),
        pa.field("rejected", pa.string()),
        pa.field("rejected_field", pa.string()),
        pa.field("id", pa.string()),
        pa.field("month", WORDS),
        pa.field("reported_by", pa.string()),
        pa.field("falls_within", pa.string()),
        pa.field("longitude", pa.float64()),
        pa.field("latitude", pa.float64()),
        pa.field("street", pa.string()),
        pa.field("lsoa_code", pa.string()),
        pa.field("lsoa_name", pa.string()),
        pa.field("police_uk_category", WORDS),
        pa.field("last_outcome_category", pa.string()),
        pa.field("context_note", pa.string()),
    ]
)
"""The normalised columns of a police.uk row (what :func:`read_police_uk` yields).

``file`` and ``row`` say where the row came from; ``rejected`` is null for a usable row and
otherwise the reason it was rejected, ``rejected_field`` the column at fault. The other
columns are the police.uk columns renamed into the incident vocabulary: ``id`` (Crime ID,
null for anti-social behaviour), ``month`` (``YYYY-MM``), ``longitude``/``latitude``
(null for ``No Location``), ``street`` (the ``Location`` column), ``lsoa_code``,
``lsoa_name``, ``police_uk_category`` (the ``Crime type`` label as published) and
``context_note`` (the free-text ``Context`` column, renamed so that it is not taken for the
incident field ``context``).

``month`` and ``police_uk_category`` are dictionary-encoded (a file holds a few months and
14 crime types), numbered as read: rows grouped alike hash the words, not each row's text.
A value a row is rejected for (a coordinate, a month, a crime type) is null, as no word.
"""

_RENAMES = dict(
    zip(
        POLICE_UK_COLUMNS,
        (
            "id",
            "month",
            "reported_by",
            "falls_within",
            "longitude",
            "latitude",
            "street",
            "lsoa_code",
            "lsoa_name",
            "police_uk_category",
            "last_outcome_category",
            "context_note",
        ),
        strict=True,
    )
)
_NUMBER = r"^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$"
_MONTH = r"^(?!0000)[0-9]{4}-(0[1-9]|1[0-2])$"  # no year 0: no such date
_MONTH_FORM = (
    r"(?!0000)[0-9]{4}-(0[1-9]|1[0-2])"  # for re.fullmatch ($ would match before a final \n)
)
_DATED = r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|[A-Za-z]{3,9}[- ]\d{2,4}"
"""A month a spreadsheet saved as a date: ``2025-06-01``, ``01/06/2025``, ``Jun-25``."""
_DATED_MONTH = (
    "Month: expected a month YYYY-MM, not a date (a spreadsheet saved the months as dates? "
    "format the column as text, YYYY-MM, and save as CSV again)"
)
_KNOWN = frozenset(POLICE_UK_CRIME_TYPES)
_FAST = True  # check the usual batch as read, skipping work that changes nothing (tests: off)
_TRIMMED = frozenset({"id", "lsoa_code", "lsoa_name", "police_uk_category"})
_NUMBERS = ("Longitude", "Latitude")


def _reject(reason: Arrow, field: Arrow, bad: Arrow, why: str, column: str) -> tuple[Arrow, Arrow]:
    """Set the reason of the rows flagged ``bad`` (keeping an earlier reason)."""
    hit = pc.and_(pc.fill_null(bad, False), pc.is_null(reason))
    if not pc.any(hit).as_py():  # the usual case: nothing to reject
        return reason, field
    return (
        pc.if_else(hit, pa.scalar(why), reason),
        pc.if_else(hit, pa.scalar(column), field),
    )


def _text(arr: Arrow, name: str, file: str | None) -> Arrow:
    if arr.type == pa.string():
        return arr
    try:
        return pc.cast(arr, pa.string())
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError, pa.ArrowTypeError):  # (not shown:
        problem = Problem(file=file, field=name, message="a column that cannot be read as text")
        raise InputFormatError(problem) from None  # its text may quote a value, a time zone)


def _trim(arr: Arrow) -> Arrow:
    """``utf8_trim_whitespace``, skipped when there is nothing to trim.

    That is when no value starts or ends with a byte that could be whitespace (ASCII space
    and control bytes, any byte of a non-ASCII character).
    """
    if isinstance(arr, pa.Array) and arr.type == pa.string() and len(arr):
        buffers: list[Any] = arr.buffers()
        offsets, data = buffers[1], buffers[2]
        ends = np.frombuffer(offsets, np.int32, count=len(arr) + 1, offset=arr.offset * 4)
        if data is None or ends[-1] == ends[0]:
            return arr  # only empty strings (and nulls)
        text = np.frombuffer(data, np.uint8)
        # an empty value's "first" and "last" bytes are its neighbours': checked anyway
        first = text[np.minimum(ends[:-1], len(text) - 1)]
        last = text[ends[1:] - 1]
        if not (np.minimum(first, last) <= 32).any() and not (np.maximum(first, last) >= 127).any():
            return arr
    return pc.utf8_trim_whitespace(arr)


def _empty_to_null(arr: Arrow, *, trim: bool = True) -> Arrow:
    if arr.null_count == len(arr):  # a column not read (null): no empty string to find
        return arr
    arr = _trim(arr) if trim else arr
    plain = isinstance(arr, pa.Array) and arr.type == pa.string() and not arr.null_count
    if _FAST and plain and len(arr):
        # the usual column (no nulls): the empty strings are where the offsets do not move
        held: list[Any] = arr.buffers()
        ends = np.frombuffer(held[1], np.int32, count=len(arr) + 1, offset=arr.offset * 4)
        blank = ends[1:] == ends[:-1]
        if not blank.any():
            return arr
        if not arr.offset:  # as below: a validity bitmap, the offsets and data kept
            bits = pa.py_buffer(np.packbits(~blank, bitorder="little").data)
            return pa.Array.from_buffers(pa.string(), len(arr), [bits, held[1], held[2]])
    empty = pc.equal(arr, pa.scalar(""))
    if not pc.any(empty).as_py():
        return arr
    valid: Arrow = pc.and_(pc.is_valid(arr), pc.invert(empty))
    if (
        isinstance(arr, pa.Array)
        and arr.type == pa.string()
        and arr.offset == 0
        and valid.offset == 0
        and valid.null_count == 0
    ):
        # an empty string has no bytes: mark it null in a new validity bitmap and keep the
        # offsets and data as they are (if_else would copy every string)
        buffers = arr.buffers()
        return pa.Array.from_buffers(
            pa.string(), len(arr), [valid.buffers()[1], buffers[1], buffers[2]]
        )
    return pc.if_else(empty, pa.scalar(None, pa.string()), arr)


def _within(value: Arrow, lo: float, hi: float) -> bool:
    """Whether every number is from ``lo`` to ``hi`` (none is NaN; nulls do not count)."""
    if value.null_count == len(value):
        return True
    if pc.any(pc.is_nan(value)).as_py():
        return False
    extremes = pc.min_max(value)
    return bool(extremes["min"].as_py() >= lo and extremes["max"].as_py() <= hi)


def _coordinate(
    text: Arrow, lo: float, hi: float, name: str, *, reason: Arrow, field: Arrow
) -> tuple[Arrow, Arrow, Arrow]:
    if text.type == pa.float64():  # numbers as the CSV parser read them (empty: null)
        value: Arrow = text
        if _FAST and _within(value, lo, hi):
            return value, reason, field
        bad: Arrow = pc.fill_null(pc.is_nan(value), pa.scalar(False))
        return _in_range(value, bad, lo, hi, name, reason=reason, field=field)
    for trim in (False, True):  # fast path: the whole column is numbers (or empty)
        numbers = _empty_to_null(text, trim=trim)
        try:  # (a number the cast reads untrimmed is the same number trimmed)
            value = pc.cast(numbers, pa.float64())
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
            continue
        if _FAST and _within(value, lo, hi):
            return value, reason, field  # the usual column: nothing to reject
        bad = pc.fill_null(pc.is_nan(value), pa.scalar(False))  # "nan" is no place
        break
    else:
        text = numbers
        numeric = pc.fill_null(pc.match_substring_regex(text, _NUMBER), pa.scalar(True))
        bad = pc.invert(numeric)
        value = pc.cast(pc.if_else(numeric, text, pa.scalar(None, pa.string())), pa.float64())
    return _in_range(value, bad, lo, hi, name, reason=reason, field=field)


def _in_range(
    value: Arrow, bad: Arrow, lo: float, hi: float, name: str, *, reason: Arrow, field: Arrow
) -> tuple[Arrow, Arrow, Arrow]:
    """The numbers, null where ``bad`` or out of range, those rows rejected with the reason."""
    null = pa.scalar(None, pa.float64())
    value = pc.if_else(bad, null, value)
    reason, field = _reject(reason, field, bad, f"{name}: expected a number in degrees", name)
    out_of_range = pc.or_(pc.less(value, pa.scalar(lo)), pc.greater(value, pa.scalar(hi)))
    reason, field = _reject(
        reason, field, out_of_range, f"{name}: expected a number from {lo:g} to {hi:g}", name
    )
    value = pc.if_else(out_of_range, null, value)
    return value, reason, field


def _categories(text: Arrow) -> tuple[Arrow, Arrow | None]:
    """The crime types trimmed, and which are known (None: all of them).

    The usual batch is checked as read: the 14 labels hold no padding to trim.
    """
    labels = pa.array(list(POLICE_UK_CRIME_TYPES))
    if _FAST and not text.null_count and _KNOWN.issuperset(_distinct(text)):
        return text, None
    text = spelt(text)  # not all known: the rows' own text, checked
    category = _trim(text)
    return category, pc.is_in(category, value_set=labels)


def _months(text: Arrow) -> tuple[Arrow, list[str]]:
    """The months trimmed, and their distinct values.

    The usual batch (one month or a few, each ``YYYY-MM``) is checked as read: a month
    of that form holds no padding to trim.
    """
    if _FAST and not text.null_count:
        months = _distinct(text)  # a month per file: check the few distinct values
        if all(re.fullmatch(_MONTH_FORM, m) for m in months):
            return text, months
    text = spelt(text)  # not all of the form: the rows' own text, checked
    month = _trim(text)
    return month, _distinct(month)


@checked
def normalise_police_uk(
    raw: pa.RecordBatch | pa.Table, *, file: str | None = None, rows: Arrow | None = None
) -> pa.RecordBatch:
    """Check and convert the 12 police.uk columns (read as strings) to :data:`POLICE_UK_SCHEMA`.

    This is the per-batch half of :func:`read_police_uk`, usable on its own where something
    else reads the files (Dask, Spark). Rows are never dropped: a row with a non-numeric or
    out-of-range coordinate, an unknown crime type or a malformed month gets a ``rejected``
    reason.

    Args:
        raw: A batch with the 12 police.uk columns as strings.
        file: The file the rows came from (for the ``file`` column), if known.
        rows: The rows' line numbers (int64), if known; null otherwise.

    Raises:
        InputFormatError: if a police.uk column is missing, given twice, or cannot be read
            as text (UTF-8).

    Example:
        >>> import pyarrow as pa
        >>> cols = {c: ["", "", ""] for c in POLICE_UK_COLUMNS}
        >>> cols["Month"] = ["2025-06"] * 3
        >>> cols["Crime type"] = ["Anti-social behaviour", "Burglary", "Jaywalking"]
        >>> cols["Longitude"], cols["Latitude"] = ["-1.5", "east", ""], ["52.3", "", ""]
        >>> out = normalise_police_uk(pa.table(cols), file="x.csv")
        >>> for reason in out.column("rejected").to_pylist():
        ...     print(reason)
        None
        Longitude: expected a number in degrees
        Crime type: expected one of the 14 police.uk crime types
        >>> out.column("longitude").to_pylist()
        [-1.5, None, None]
    """
    if isinstance(raw, pa.Table):
        raw = raw.combine_chunks().to_batches()[0] if raw.num_rows else _empty_raw()
    missing = [c for c in POLICE_UK_COLUMNS if c not in raw.schema.names]
    if missing:
        raise InputFormatError(
            Problem(
                file=file,
                field="columns",
                message=f"missing {', '.join(missing)}",
                expected="the 12 police.uk columns",
            )
        )
    twice = [c for c in POLICE_UK_COLUMNS if len(raw.schema.get_all_field_indices(c)) > 1]
    if twice:
        raise InputFormatError(
            Problem(file=file, field=twice[0], message="a column given more than once")
        )
    n = raw.num_rows
    # the reader may give the coordinates as numbers (an empty cell null)
    col = {
        c: raw.column(c)
        if (c in _NUMBERS and raw.column(c).type == pa.float64())
        or (c in ("Month", "Crime type") and raw.column(c).type == WORDS)
        else _text(raw.column(c), c, file)
        for c in POLICE_UK_COLUMNS
    }
    reason: Arrow = pa.nulls(n, pa.string())
    field: Arrow = pa.nulls(n, pa.string())
    category, known = _categories(col["Crime type"])
    month, months = _months(col["Month"])
    if "Month" in months:  # two files joined: the second header is not a crime
        repeated = pc.and_(
            pc.equal(month, pa.scalar("Month")),
            pc.equal(category, pa.scalar("Crime type")),
        )
        reason, field = _reject(
            reason, field, repeated, "header: a repeated header line, not a crime", "header"
        )
    good_months = [m for m in months if m is not None and re.match(_MONTH, m)]
    if month.null_count or len(good_months) < len(months):
        dated = [m for m in months if m is not None and re.fullmatch(_DATED, m.strip())]
        if dated:  # a spreadsheet's dates: said so, as the likelier slip
            at = pc.is_in(month, value_set=pa.array(dated, pa.string()))
            reason, field = _reject(reason, field, at, _DATED_MONTH, "Month")
        month_ok: Arrow = pc.is_in(month, value_set=pa.array(good_months, pa.string()))
        why = "Month: expected a month YYYY-MM"
        reason, field = _reject(reason, field, pc.invert(month_ok), why, "Month")
        month = pc.if_else(month_ok, month, pa.scalar(None, pa.string()))  # no bad word kept
    lon, reason, field = _coordinate(
        col["Longitude"], -180.0, 180.0, "Longitude", reason=reason, field=field
    )
    lat, reason, field = _coordinate(
        col["Latitude"], -90.0, 90.0, "Latitude", reason=reason, field=field
    )
    half = pc.xor(pc.is_null(lon), pc.is_null(lat)) if lon.null_count or lat.null_count else None
    if half is not None and pc.any(half).as_py():  # a point needs both (No Location: neither)
        for name, one in (("Longitude", lon), ("Latitude", lat)):
            why = f"{name}: expected a number in degrees, as the other coordinate is given"
            reason, field = _reject(reason, field, pc.and_(half, pc.is_null(one)), why, name)
    if known is not None:  # None: every row's crime type is known
        reason, field = _reject(
            reason,
            field,
            pc.invert(known),
            "Crime type: expected one of the 14 police.uk crime types",
            "Crime type",
        )
        # a word only of rows kept: a rejected row's text is no output's word (nor a date)
        category = pc.if_else(known, category, pa.scalar(None, pa.string()))
    out = {
        "file": pa.repeat(pa.scalar(file, pa.string()), n),
        "row": rows if rows is not None else pa.nulls(n, pa.int64()),
        "rejected": reason,
        "rejected_field": field,
    }
    for source, target in _RENAMES.items():
        if target in ("longitude", "latitude", "month"):
            continue
        if target == "police_uk_category":  # trimmed above
            keep = category.type == WORDS  # numbered as read: all known crime types, none empty
            out[target] = _words(category if keep else _empty_to_null(category, trim=False))
            continue
        # codes are trimmed; free text (street, outcome, context) is kept as written
        out[target] = _empty_to_null(col[source], trim=target in _TRIMMED)
    out["id"] = blank_to_null(out["id"], empties=False)  # none, as an incident's (_blank)
    out["longitude"] = lon
    out["latitude"] = lat
    out["month"] = _words(month)
    return pa.RecordBatch.from_arrays(
        [out[f.name] for f in POLICE_UK_SCHEMA], schema=POLICE_UK_SCHEMA
    )


def _empty_raw() -> pa.RecordBatch:
    return pa.RecordBatch.from_arrays(
        [pa.array([], pa.string()) for _ in POLICE_UK_COLUMNS], names=list(POLICE_UK_COLUMNS)
    )


@checked
def sample_police_uk() -> Path:
    """The police.uk month packaged with svduty: Warwickshire Police, June 2025 (4,586 rows).

    Published by data.police.uk under the Open Government Licence v3.0 (see the package's
    ``data/ATTRIBUTION.md``).

    Example:
        >>> sample_police_uk().name
        '2025-06-warwickshire-street.csv'
    """
    from importlib.resources import files

    return Path(str(files("svduty") / "data" / "policeuk" / "2025-06-warwickshire-street.csv"))
