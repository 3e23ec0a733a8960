"""The values of an incident CSV or Parquet batch as incident fields: converted and checked.

Split from :mod:`svduty.io._incident_tables` (which opens the files): which column types
can hold which field (:func:`_convertible`), and each batch made into the readers' schema
(:func:`_normalise`): text converted, dates of a date column read as their day, cells that
are not UTF-8 marked (:func:`_utf8_marks`). A value that cannot be read rejects its row,
naming the field, never the value.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa

from svduty import _arrays
from svduty import _compute as pc
from svduty._blank import blank_cells
from svduty._days import NO_DAY, dates_in_england, no_day
from svduty._types import LISTS, is_list, is_text, text_type, viewless_type
from svduty.definitions._spelling import AGE_RANGE, WHOLE, ages_column
from svduty.errors import InputFormatError, Problem
from svduty.io._incident_cells import BOOL_CELLS, _convert, _number_cells
from svduty.io._incident_columns import column_named
from svduty.io._incident_fields import (
    _EXPECTED,
    _KIND,
    _LIST,
    DAY_FIELDS,
    INCIDENT_SCHEMA,
    _why,
    null_columns,
)
from svduty.io._incidents import _SCHEMA
from svduty.io._utf8_cells import NOT_UTF8, NOT_UTF8_FILE, checked_cells

Arrow = Any  # a pyarrow Array or ChunkedArray

__all__: list[str] = []


_CAST = (pa.types.is_integer, pa.types.is_null, pa.types.is_list, pa.types.is_large_list)
"""Column types a plain cast makes the field's type (``_convertible`` has let them through)."""


def _fractional(t: pa.DataType) -> bool:
    return pa.types.is_floating(t) or pa.types.is_decimal(t)


def _whole_numbers(column: Arrow, name: str) -> tuple[Arrow, Arrow, Arrow]:
    """A float or decimal column of an age as whole years, as the classifiers read it.

    The one reading of :func:`~svduty.definitions._spelling.ages_column` (what
    :class:`~svduty.definitions.Incident` and :func:`~svduty.definitions.classify_table`
    read): a value with a zero fraction is its whole number (``30.0``: what pandas writes
    for an integer column with a gap). Returns (ages, fractional, huge): the rows with a
    fraction (or NaN) and those no whole number of 64 bits holds (infinity), which are
    null among the ages and rejected; an age out of range that an int64 holds is kept,
    for the classifier to reject as it rejects an integer column's.

    Example:
        >>> ages, frac, huge = _whole_numbers(pa.array([30.0, 17.5, float("inf"), None]), "x")
        >>> ages.to_pylist(), frac.to_pylist(), huge.to_pylist()
        ([30, None, None, None], [False, True, False, False], [False, False, True, False])
    """
    ages, fractional, _, given = ages_column(column, name)  # decimals too (any width)
    huge = pc.and_(pc.and_(pc.is_valid(given), pc.is_null(ages)), pc.invert(fractional))
    return ages, fractional, huge


def _long_ages(
    column: Arrow, values: Arrow, bad: Arrow, reason: Arrow, field: Arrow, *, name: str
) -> tuple[Arrow, Arrow, Arrow, Arrow]:
    """An age's cells of whole digits beyond :func:`_convert`'s nine: read, or out of range.

    ``0000000030`` is 30; ``9999999999`` is out of range, said as an age 131 is (hostile58:
    both were "expected a whole number of years", which they are).

    Example:
        >>> col = pa.array(["0000000030", "9999999999", "x"])
        >>> v, b, r, f = _long_ages(col, pa.nulls(3, pa.int64()), pa.array([True] * 3),
        ...                         pa.nulls(3, pa.string()), pa.nulls(3, pa.string()), name="age")
        >>> v.to_pylist(), b.to_pylist(), r.to_pylist()[1], f.to_pylist()
        ([30, None, None], [False, False, True], 'age: expected a whole number of years 0 to 130', [None, 'age', None])
    """  # noqa: E501
    text = pc.utf8_trim_whitespace(pc.cast(column, pa.string()))
    long = pc.and_(bad, pc.fill_null(pc.match_substring_regex(text, r"^[+-]?\d+$"), False))
    if not pc.any(long).as_py():
        return values, bad, reason, field
    floats = pc.cast(pc.if_else(long, text, pa.scalar(None, pa.string())), pa.float64())
    fits = pc.fill_null(pc.and_(pc.greater_equal(floats, 0), pc.less_equal(floats, 130)), False)
    ages = pc.cast(pc.if_else(fits, floats, pa.scalar(None, pa.float64())), pa.int64())
    outside = pc.and_(long, pc.invert(fits))
    reason, field = _mark(reason, field, outside, name, f"expected {AGE_RANGE}")
    return pc.coalesce(values, ages), pc.and_(bad, pc.invert(long)), reason, field


def _temporal(t: pa.DataType) -> bool:
    return pa.types.is_date(t) or pa.types.is_timestamp(t)


def _text_type(t: pa.DataType) -> bool:
    """Text or bytes, or a dictionary of them (words as a Parquet writer may keep them)."""
    return is_text(text_type(t.value_type if pa.types.is_dictionary(t) else t))


def _words_list(t: Any) -> bool:
    """A list type of any layout whose items are text (:func:`_text_type`), or all null.

    A list of nulls is what a writer infers from lists all empty (none indicated).
    """
    return is_list(t) and (_text_type(t.value_type) or pa.types.is_null(t.value_type))


def _convertible(name: str, got: pa.DataType, want: pa.DataType) -> bool:
    """Whether a column of type ``got`` can hold the incident field ``name`` (of ``want``).

    What :func:`~svduty.definitions.classify_table` reads, a file reads: text views, and
    lists of any layout (fixed size, views) of text, views or dictionaries (what Polars
    writes for a list of categories) are read as text and lists of text.

    Example:
        >>> _convertible("date", pa.date32(), pa.string()), _convertible("id", pa.date32(),
        ...                                                               pa.string())
        (True, False)
        >>> words = pa.list_(pa.dictionary(pa.int32(), pa.string()))
        >>> _convertible("behaviours", words, _LIST), _convertible("id", words, pa.string())
        (True, False)
    """
    if got == want or pa.types.is_null(got):
        return True
    if pa.types.is_dictionary(got) or _text_type(got):  # words: checked as they are read
        return True
    if want == pa.int64():  # a float or decimal column: read row by row (_whole_numbers)
        return pa.types.is_integer(got) or _fractional(got)
    if want == pa.string():  # ids written as numbers; a day field's dates
        return pa.types.is_integer(got) or (name in DAY_FIELDS and _temporal(got))
    return want == _LIST and _words_list(got)


def readable(p: Path, schema: pa.Schema, names: Sequence[str]) -> None:
    """Refuse a file with an incident field in a column of a type it cannot hold.

    ``names``: the field each column is read as (the file's own names, mapped). The
    column is named with the kind of its type (:func:`type_kind`), never a value.

    Raises:
        InputFormatError: naming the file, the column and what was expected.
    """
    for f in INCIDENT_SCHEMA:
        if f.name in names:
            got = schema.field(names.index(f.name)).type
            if not _convertible(f.name, got, f.type):
                raise InputFormatError(
                    Problem(
                        file=str(p),
                        field=schema.names[names.index(f.name)],
                        message=f"a column of {type_kind(got)}",
                        expected=f"{_EXPECTED[_KIND[f.name]]} for the incident field {f.name}",
                    )
                )


_NAMED = (
    *LISTS,
    (pa.types.is_fixed_size_list, None, "fixed_size_list"),
    (pa.types.is_dictionary, None, "dictionary"),
)
_OTHER: tuple[tuple[Any, str], ...] = (
    (pa.types.is_timestamp, "timestamp"),
    (pa.types.is_struct, "struct"),
    (pa.types.is_map, "map"),
    (pa.types.is_union, "union"),
)


def type_kind(t: Any) -> str:
    """The kind of an Arrow type, without the text a file's writer chose for it.

    A time zone, a struct's field names, an extension's name are the writer's words
    (which may be anything, personal data too): only the kind is shown.

    Example:
        >>> type_kind(pa.timestamp("s", tz="Jane Citizen")), type_kind(pa.float64())
        ('timestamp', 'double')
        >>> type_kind(pa.list_(pa.struct([("ZZSECRET", pa.int8())])))
        'list<struct>'
        >>> type_kind(pa.opaque(pa.int64(), "ZZSECRET", "Jane"))
        'extension'
    """
    for is_, _, name in _NAMED:
        if is_(t):
            return f"{name}<{type_kind(t.value_type)}>"
    for is_, name in _OTHER:
        if is_(t):
            return name
    if isinstance(t, pa.BaseExtensionType):  # its name and parameters are the writer's
        return "extension"
    if pa.types.is_nested(t):
        return "nested"
    return str(t)  # numbers, text, bytes, dates, times, decimals: nothing of the writer's


def _viewless(column: Arrow) -> Arrow:
    """A column without views: text views as text, list views as (large) lists.

    Example:
        >>> _viewless(pa.array(["8N", None], pa.string_view())).type
        DataType(string)
    """
    column = _arrays.plain_lists(column)
    plain = viewless_type(column.type)  # text views, at any depth of nesting
    return column if plain == column.type else pc.cast(column, plain)


def _days(column: Arrow) -> Arrow:
    """A date or timestamp column as ISO days (``YYYY-MM-DD``).

    A ``date32``/``date64`` is its day; a timestamp is the day of its wall clock (with a
    time zone: the day in England and Wales), as :class:`~svduty.definitions.Incident`
    reads a ``datetime`` and :func:`~svduty.definitions.classify_table` a timestamp
    column, so the three routes read the same day.

    Example:
        >>> import datetime as dt
        >>> ts = pa.array([dt.datetime(2024, 3, 5), dt.datetime(2024, 3, 5, 13), None])
        >>> _days(ts).to_pylist()
        ['2024-03-05', '2024-03-05', None]
    """
    day: Arrow = pc.cast(dates_in_england(column), pa.string())
    return day


def _utf8_marks(
    batch: pa.RecordBatch, fields: Sequence[bool]
) -> tuple[pa.RecordBatch, list[tuple[int, Arrow]]]:
    """The batch's text columns checked: cells that are not UTF-8 blanked, and where they are.

    Every text column of a CSV file, and of a Parquet file (its readers do not check that
    text is UTF-8; a column that is not an incident field is written out as it is read):
    text, the words of a dictionary and the items of a list (:func:`checked_cells`). The
    bytes of a column that is an incident field (``fields``, a flag a column) are its text
    (:func:`~svduty._types.text_type`), as ``classify_table`` reads them. Text views are
    text, and list views lists, first (:func:`_viewless`: Arrow's kernels and writers take
    few views). Returns the batch and, for each column with such a cell, its position and
    a mask.
    """
    marks: list[tuple[int, Arrow]] = []
    for i, f in enumerate(batch.schema):  # text, words (dictionaries) and lists of them
        column, text = batch.column(i), text_type(f.type)
        column = column.view(text) if fields[i] and text != f.type else column
        cells, bad = checked_cells(_viewless(column))
        if bad is not None:
            marks.append((i, bad))
        if cells.type != f.type or bad is not None:
            batch = batch.set_column(i, f.name, cells)
    return batch, marks


def _mark(reason: Arrow, field: Arrow, bad: Arrow, name: str, why: str) -> tuple[Arrow, Arrow]:
    """The rows marked ``bad`` and not yet rejected rejected: ``NAME: WHY``, naming ``name``."""
    if not pc.any(bad).as_py():  # the usual case: every cell converts
        return reason, field
    hit = pc.and_(bad, pc.is_null(reason))
    reason = pc.if_else(hit, pa.scalar(f"{name}: {why}"), reason)
    return reason, pc.if_else(hit, pa.scalar(name), field)


def blank_as_unknown(batch: pa.RecordBatch) -> pa.RecordBatch:
    """Text fields of nothing but spaces (``""``, ``"  "``) as null: unknown.

    As :class:`~svduty.definitions.Incident` and the CSV reader read them (``id`` kept).

    Example:
        >>> b = pa.RecordBatch.from_pydict({"id": [""], "police_uk_category": ["  "]})
        >>> blank_as_unknown(b).to_pydict()
        {'id': [''], 'police_uk_category': [None]}
    """
    for f in INCIDENT_SCHEMA:
        i = batch.schema.get_field_index(f.name)
        if f.name == "id" or i < 0 or not pa.types.is_string(batch.schema.field(i).type):
            continue
        column = batch.column(i)
        if column.null_count == len(column):  # a field the file does not have: nothing blank
            continue
        blank = blank_cells(column)
        if pc.any(blank).as_py():
            nothing = pa.scalar(None, pa.string())
            batch = batch.set_column(i, f.name, pc.if_else(blank, nothing, column))
    return batch


EMPTY_ROW = "expected a value in at least one column (an empty row is not an incident)"


def _empty_rows(table: Any) -> Arrow | None:
    """Which rows have no value in any column (null, or text of spaces alone); ``None``: none.

    Column by column, stopping at the first that leaves no row empty (usually the first).

    Example:
        >>> t = pa.table({"id": ["a", "", None], "age": [None, " ", None]})
        >>> _empty_rows(t).to_pylist()
        [False, True, True]
        >>> _empty_rows(pa.table({"id": ["a"]})) is None
        True
    """
    empty: Arrow = None
    for given in table.columns:
        column = given  # pandas' Categorical (dictionary-encoded): its words
        if pa.types.is_dictionary(given.type):
            column = pc.cast(given, given.type.value_type)
        blank = pc.is_null(column)
        if pa.types.is_string(column.type) or pa.types.is_large_string(column.type):
            blank = pc.or_(blank, pc.fill_null(blank_cells(column), False))
        empty = blank if empty is None else pc.and_(empty, blank)
        if not pc.any(empty).as_py():
            return None
    return empty


def _normalise(
    p: Path,
    table: Any,
    rows: Arrow,
    list_separator: str,
    header: list[str],
    *,
    not_utf8: Sequence[tuple[int, Arrow]] = (),
) -> pa.RecordBatch:
    """A renamed batch as the readers' schema: the incident fields converted, the rest after.

    ``not_utf8``: the columns (positions) with cells that are not UTF-8, which reject
    their rows first (``FIELD: expected UTF-8 text``, and how to convert a CSV file).
    """
    n = table.num_rows
    nulls = null_columns(n)  # one array of nulls a type, shared (arrays are never changed)
    reason: Arrow = nulls(pa.string())
    field: Arrow = nulls(pa.string())
    names = table.schema.names
    why = NOT_UTF8_FILE if p.suffix.lower() == ".csv" else NOT_UTF8  # iconv: text files only
    for i, mask in not_utf8:
        named = column_named(names[i], i)
        hit = pc.and_(mask, pc.is_null(reason))
        reason = pc.if_else(hit, pa.scalar(f"{named}: {why}"), reason)
        field = pc.if_else(hit, pa.scalar(named), field)
    columns: dict[str, Arrow] = {"file": pa.repeat(pa.scalar(str(p)), n), "row": rows}
    strings = [
        (f.name, original)
        for f, original in zip(table.schema, header, strict=True)
        if pa.types.is_string(f.type) or pa.types.is_large_string(f.type)
    ]
    first = strings[0] if strings else ("", "")
    maybe = n and strings and pc.any(pc.match_substring(table.column(first[0]), first[1])).as_py()
    if maybe:  # a repeated header (two files joined): every text cell is its name
        same: Arrow = None
        for name, original in strings:
            text = pc.utf8_trim_whitespace(table.column(name))
            eq = pc.fill_null(pc.equal(text, pa.scalar(original)), False)
            same = eq if same is None else pc.and_(same, eq)
        hit = pc.and_(same, pc.is_null(reason))
        reason = pc.if_else(
            hit, pa.scalar("header: a repeated header line, not an incident"), reason
        )
        field = pc.if_else(hit, pa.scalar("header"), field)
    empty = _empty_rows(table)
    if empty is not None:  # a spreadsheet's ",,,," row: no incident, told as such
        hit = pc.and_(empty, pc.is_null(reason))
        reason = pc.if_else(hit, pa.scalar(f"row: {EMPTY_ROW}"), reason)
        field = pc.if_else(hit, pa.scalar("row"), field)
    for f in INCIDENT_SCHEMA:
        if f.name not in names:
            columns[f.name] = nulls(f.type)
            continue
        column = table.column(f.name)
        if column.type == f.type and f.type != pa.string():
            columns[f.name] = column
            continue
        if column.type == pa.uint64() and f.type == pa.int64():  # beyond int64: no age
            huge = pc.fill_null(pc.greater(column, pa.scalar(2**63 - 1, pa.uint64())), False)
            column = pc.if_else(huge, pa.scalar(None, pa.uint64()), column)
            reason, field = _mark(reason, field, huge, f.name, f"expected {AGE_RANGE}")
        if f.type == _LIST and _words_list(column.type):  # any layout: a list of text
            columns[f.name] = pc.cast(_arrays.plain_lists(column), f.type)
            continue
        if any(is_(column.type) for is_ in _CAST):  # whole numbers (an id as text), lists
            columns[f.name] = pc.cast(column, f.type)
            continue
        if _temporal(column.type):  # a day field (_convertible let no other through)
            try:
                days = dates_in_england(column)
            except pa.ArrowInvalid:  # a time zone the time zone database does not know
                raise InputFormatError(
                    Problem(
                        file=str(p),
                        field=f.name,
                        message="a timestamp in a time zone that is not known",
                        expected="dates, or timestamps with a known time zone (or none)",
                    )
                ) from None
            far = pc.fill_null(no_day(days), False)  # year 0 or 10000 in England
            reason, field = _mark(reason, field, far, f.name, f"expected {NO_DAY}")
            columns[f.name] = _days(pc.if_else(far, pa.scalar(None, days.type), days))
            continue
        if _fractional(column.type):  # an age of floats (_convertible let no other through)
            columns[f.name], fractional, huge = _whole_numbers(column, f.name)
            reason, field = _mark(reason, field, fractional, f.name, f"expected {WHOLE}")
            reason, field = _mark(reason, field, huge, f.name, f"expected {AGE_RANGE}")
            continue
        values, bad = _convert(column, _KIND[f.name], list_separator)
        if _KIND[f.name] == "int" and pc.any(bad).as_py():  # "30.0" reads as JSON's 30.0
            floats = _number_cells(column)
            if pc.any(pc.is_valid(floats)).as_py():
                ages, fractional, huge = _whole_numbers(floats, f.name)
                values = pc.coalesce(values, ages)
                bad = pc.and_(bad, pc.is_null(floats))
                reason, field = _mark(reason, field, fractional, f.name, f"expected {WHOLE}")
                reason, field = _mark(reason, field, huge, f.name, f"expected {AGE_RANGE}")
            values, bad, reason, field = _long_ages(column, values, bad, reason, field, name=f.name)
        columns[f.name] = values
        why = f"expected {BOOL_CELLS}" if _KIND[f.name] == "bool" else _why(_KIND[f.name])
        reason, field = _mark(reason, field, bad, f.name, why)
    columns["rejected"] = reason
    columns["rejected_field"] = field
    arrays = [columns[f.name] for f in _SCHEMA]
    fields = list(_SCHEMA)
    for name in names:
        if name not in _SCHEMA.names:
            arrays.append(table.column(name))
            fields.append(table.schema.field(name))
    return pa.RecordBatch.from_arrays(
        [a.combine_chunks() if isinstance(a, pa.ChunkedArray) else a for a in arrays],
        schema=pa.schema(fields),
    )
