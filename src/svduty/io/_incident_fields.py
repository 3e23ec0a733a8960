"""The incident fields as Arrow columns, taken from :class:`~svduty.definitions.Incident`.

One list of fields: :data:`INCIDENT_SCHEMA` (written out in ``svduty.io._incident_schema``,
so that a police.uk job needs no rule engine) is checked here, on import, to be what the
attributes of ``Incident`` give (their order, their types), so every reader, the output
schema and the columnar engine read the fields the JSON contract has.
A set of words is a list of strings, a flag a boolean, an age an ``int64``, anything else
text. The day fields (:data:`DAY_FIELDS`) are those ``Incident`` also takes as a date.

Also here: reading one JSON Lines line (:func:`loads`), where a key given twice is a
problem named by its key (:func:`twice`), never a silent last value.

Example:
    >>> INCIDENT_SCHEMA.names[-1], INCIDENT_SCHEMA.field("other_reviews").type
    ('dsi_matter', ListType(list<item: string>))
    >>> sorted(DAY_FIELDS)
    ['date', 'date_of_death']
"""

from __future__ import annotations

import decimal
import json
import math
import typing
from collections.abc import Callable
from typing import Any

import attrs
import pendulum
import pyarrow as pa

from svduty.definitions import Incident
from svduty.definitions._spelling import WHOLE
from svduty.definitions._unknown_keys import key_shown, unknown_field
from svduty.errors import DataError
from svduty.io._incident_schema import INCIDENT_SCHEMA
from svduty.io._jsonl_numbers import JSON_SPACE
from svduty.io._utf8_cells import CONVERT

__all__ = [
    "BOM",
    "DAY_FIELDS",
    "INCIDENT_SCHEMA",
    "blank",
    "code_read",
    "given_fields",
    "incident_words",
    "key_shown",
    "loads",
    "null_columns",
    "twice",
    "unknown_field",
]

_LIST = pa.list_(pa.string())


def _arrow_type(hint: Any) -> pa.DataType:
    """The Arrow type of an ``Incident`` attribute's type (``X | None``: that of ``X``)."""
    inner = next((a for a in typing.get_args(hint) if a is not type(None)), hint)
    if typing.get_origin(inner) is frozenset:
        return _LIST
    if inner is bool:
        return pa.bool_()
    if inner is int:
        return pa.int64()
    return pa.string()


def _schema() -> pa.Schema:
    hints = typing.get_type_hints(Incident)
    return pa.schema([pa.field(f.name, _arrow_type(hints[f.name])) for f in attrs.fields(Incident)])


if not _schema().equals(INCIDENT_SCHEMA):  # pragma: no cover - a field added to one alone
    raise ImportError("svduty.io._incident_schema: not the fields of Incident")

_KIND: dict[str, str] = {
    f.name: "list"
    if f.type == _LIST
    else "bool"
    if f.type == pa.bool_()
    else "int"
    if f.type == pa.int64()
    else "str"
    for f in INCIDENT_SCHEMA
}
_EXPECTED = {
    "str": "a string",
    "list": "a list of words",  # as Incident says it
    "bool": "true or false",
    "int": WHOLE,  # the whole-number fields are the ages, as Incident and the other readers say
}


def given_fields(table: pa.Table) -> list[str]:
    """The incident fields a batch gives the classifier: those with a value in some row.

    A column of nulls is as if absent (every value unknown), and the classifier has less
    to read; ``id`` is always given, so the classifier sees every row. A batch whose
    incident columns are all null gives the first of them (its rows are classified, every
    fact unknown, not refused as a table with no incident field).

    Example:
        >>> given_fields(pa.table({"id": [None], "date": [None], "weapon": ["knife"],
        ...                        "note": ["x"]}))
        ['id', 'weapon']
        >>> given_fields(pa.table({"date": [None], "location": [None]}))
        ['date']
    """
    names = set(table.schema.names)
    present = [n for n in INCIDENT_SCHEMA.names if n in names]
    given = [n for n in present if n == "id" or table.column(n).null_count < table.num_rows]
    return given or present[:1]


def _takes_a_date(name: str) -> bool:
    value: Any = pendulum.Date(2024, 1, 31)
    try:
        Incident(**{name: value})
    except (DataError, TypeError, ValueError, AttributeError):
        return False
    return True


DAY_FIELDS: frozenset[str] = frozenset(
    n for n, kind in _KIND.items() if kind == "str" and _takes_a_date(n)
)
"""The text fields ``Incident`` also takes as a date: a date column (Parquet) gives the day."""


def incident_words(key: str, value: Any) -> str | None:
    """What :class:`Incident` says of ``value`` given for the field ``key``; ``None``: taken.

    The JSON Lines reader of ``svduty classify`` refuses a value of the wrong JSON type in
    these words, so that ``svduty explain`` (which reads the line with
    ``Incident.from_json``) and ``classify`` word a bad field alike: what was expected
    (:mod:`svduty.definitions._field_words`) and what kind of value was found, never the value.

    Example:
        >>> incident_words("victim_age", "19")
        'expected a whole number of years 0 to 130 (got a string of 2 characters, not shown)'
        >>> incident_words("died", "true"), incident_words("died", True)
        ('expected true or false (got a string of 4 characters, not shown)', None)
    """
    try:
        Incident.from_json({key: value})
    except DataError as exc:
        return exc.problems[0].what()
    return None


def _why(kind: str) -> str:
    return f"expected {_EXPECTED[kind]}"


class _Twice(dict[str, Any]):
    """A JSON object with a key given more than once (:attr:`key`: the first such)."""

    __slots__ = ("key",)

    def __init__(self, pairs: list[tuple[str, Any]], key: str) -> None:
        super().__init__(pairs)
        self.key = key


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found = dict(pairs)
    if len(found) == len(pairs):
        return found
    seen: set[str] = set()
    for key, _ in pairs:
        if key in seen:
            return _Twice(pairs, key)
        seen.add(key)
    raise AssertionError("unreachable: fewer keys than pairs means one repeats")  # pragma: no cover


def exact_float(text: str) -> float:
    """The float of a number's text, NaN if rounding made a whole number of a fraction.

    A float holds about 17 digits: ``15.9999999999999999`` reads as ``16.0``. An age read
    from such a text would be a year the file does not give; NaN is no whole number, so
    the row is rejected as one with a fraction.

    Example:
        >>> exact_float("16.0"), exact_float("1.6e1"), exact_float("17.5")
        (16.0, 16.0, 17.5)
        >>> exact_float("15.9999999999999999"), exact_float("1e-400")
        (nan, nan)
        >>> exact_float("1e-99999999999999999999"), exact_float("0e99999999999999999999")
        (nan, 0.0)
    """
    value = float(text)
    if value.is_integer():
        try:
            exact = decimal.Decimal(text)
        except decimal.InvalidOperation:  # an exponent beyond Decimal's: 1e-99999999999999999999
            digits = text.lower().partition("e")[0].strip(" +-0.")
            return math.nan if digits else value  # a fraction, unless its digits are all 0
        if exact != exact.to_integral_value():
            return math.nan
    return value


def huge_number(value: Any) -> bool:
    """A whole JSON number (or an infinity) no int64 holds: ``10**30``, ``1e19``, ``-1e400``.

    An age of it is out of range, as the CSV and Parquet readers say of one.

    Example:
        >>> huge_number(10**30), huge_number(1e19), huge_number(float("-inf"))
        (True, True, True)
        >>> huge_number(130), huge_number(1e18), huge_number(17.5), huge_number(True)
        (False, False, False, False)
    """
    if isinstance(value, float):
        whole_int64 = value.is_integer() and -(2.0**63) <= value < 2.0**63
        return math.isinf(value) or (value.is_integer() and not whole_int64)
    return type(value) is int and not -(1 << 63) <= value < 1 << 63


_DECODER = json.JSONDecoder(object_pairs_hook=_object, parse_float=exact_float)


def loads(line: str) -> Any:
    r"""One line's JSON, as :func:`json.loads` reads it; an object keeps a repeated key.

    Raises what :func:`json.loads` raises. See :func:`twice`.

    Example:
        >>> loads('{"victim_age": 12, "victim_age": 40}')
        {'victim_age': 40}
        >>> twice(loads('{"victim_age": 12, "victim_age": 40}'))
        'victim_age'
    """
    return _DECODER.decode(line)


def json_line(line: str) -> tuple[Any, str | None]:
    r"""One line's JSON (as :func:`loads` reads it) and ``None``, or what it should have been.

    Example:
        >>> json_line('{"id": "a"}'), json_line("nope")
        (({'id': 'a'}, None), (None, 'a JSON object'))
        >>> json_line('{"victim_age": ' + "1" * 5000 + "}")
        (None, 'numbers of at most 4300 digits')
        >>> json_line("[" * 100_000)[1]
        'JSON nested fewer than 1000 levels deep'
        >>> json_line("\udc80")[1]  # doctest: +ELLIPSIS
        'UTF-8 text (these bytes are not UTF-8: ... iconv -f windows-1252 -t utf-8 ...)'

    A byte order mark that begins the line is no part of its JSON, as at the start of the
    file (two files that each began with one, joined by ``cat``): each line is a JSON text,
    and RFC 8259 s.8.1 lets a parser ignore a mark that begins one. A mark inside a string
    is kept; one after other characters is not JSON.

    Example:
        >>> json_line('\ufeff{"id": "a"}'), json_line(' \ufeff{"id": "a"}')[1]
        (({'id': 'a'}, None), 'a JSON object')
        >>> json_line('{"id": "\ufeffa"}')[0]["id"] == "\ufeffa"
        True
    """
    if any("\udc80" <= ch <= "\udcff" for ch in line):  # bytes that were not UTF-8
        return None, "UTF-8 text" + CONVERT
    try:
        return loads(line.removeprefix(BOM)), None
    except RecursionError:
        return None, "JSON nested fewer than 1000 levels deep"
    except json.JSONDecodeError:
        return None, "a JSON object"
    except ValueError:  # Python reads no integer of more than 4300 digits
        return None, "numbers of at most 4300 digits"


BOM = "\ufeff"
"""A byte order mark: skipped where a line begins, as where the file begins."""


def blank(line: str) -> bool:
    r"""Whether a JSON Lines line holds no record: only spaces, after a byte order mark if any.

    A line of a mark alone (a file of a mark and no line, joined to another by ``cat``) is
    blank as a file of a mark alone is empty. Spaces are JSON's (space, tab, CR, LF: RFC
    8259 s.2): a line of other white space (U+00A0, U+3000, a form feed) is a row, not
    JSON, rejected and counted (hostile56).

    Example:
        >>> blank(" \r\n"), blank("\ufeff\n"), blank("\ufeff{}"), blank(" \ufeff")
        (True, True, False, False)
        >>> blank("\u00a0\n"), blank("\x0c")
        (False, False)
    """
    return not line.removeprefix(BOM).strip(_JSON_SPACE)


_JSON_SPACE = JSON_SPACE.decode()


def twice(obj: Any) -> str | None:
    """The first key a JSON object read by :func:`loads` gives twice, or ``None``.

    Example:
        >>> twice(loads('{"id": "a"}')) is None
        True
    """
    return obj.key if isinstance(obj, _Twice) else None


def code_read(obj: dict[str, Any]) -> str | None:
    """Why ``obj``'s ``offence_code`` (not text) is no code, as ``Incident`` says; else None.

    A number that is a code is put in ``obj`` as its text, as :class:`Incident` reads it,
    so that the JSON Lines reader and ``Incident.from_json`` refuse the same values with the
    same words (mend49b).

    Example:
        >>> obj = {"offence_code": 8.0}
        >>> code_read(obj), obj
        (None, {'offence_code': '8'})
        >>> code_read({"offence_code": 2**53 + 1})  # doctest: +ELLIPSIS
        "expected a Home Office offence code such as '8N' or '105A' (got a string of 16 ..."
    """
    try:
        obj["offence_code"] = Incident(offence_code=obj["offence_code"]).offence_code
    except DataError as exc:
        return exc.problems[0].what()
    return None


def null_columns(n: int) -> Callable[[Any], Any]:
    """``pa.nulls(n, type)`` made once a type, for the fields a batch does not have.

    Arrow arrays are never changed, so the missing fields of one type share one array: a
    batch of 65,536 of the bench's incidents (5 of the 31 fields given) held a buffer of
    zeros for each missing field, 4.3 MB, now 1.1 MB (speed51d).

    Example:
        >>> nulls = null_columns(3)
        >>> nulls(pa.string()) is nulls(pa.string()), nulls(pa.bool_()).to_pylist()
        (True, [None, None, None])
    """
    made: dict[Any, Any] = {}

    def nulls(type_: Any) -> Any:  # a pa.DataType
        if type_ not in made:
            made[type_] = pa.nulls(n, type_)
        return made[type_]

    return nulls
