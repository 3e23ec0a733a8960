"""How a value is read, shared by the one-incident and the columnar classifier.

A word of a vocabulary (``weapon``, ``behaviours``...) is read without regard to case or
to the whitespace around it (``"KNIFE"``, ``" knife "``) and stands for the word as the
contract spells it; an age may be written as a whole number with a zero fraction
(``12.0``). :class:`~svduty.definitions.Incident` reads one value with :func:`word` and
:func:`age`; the columnar classifier checks a whole column with :func:`words_column`,
:func:`lists_column` and :func:`ages_column`, which run the one-value reading on the
distinct values that are not already in the contract's spelling (none, in clean data).

Example:
    >>> from svduty.definitions._vocab import Weapon
    >>> word(Weapon, " KNIFE ") is Weapon.KNIFE, word(Weapon, "kni fe")
    (True, None)
    >>> import pyarrow as pa
    >>> col, bad = words_column(pa.array(["knife", "Firearm", "spoon", None]), Weapon)
    >>> col.to_pylist(), bad.to_pylist()
    (['knife', 'firearm', 'spoon', None], [False, False, True, False])
"""

from __future__ import annotations

import decimal
import enum
import functools
import math
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import numpy as np  # a dependency of pyarrow
import pyarrow as _pa

from svduty import _arrays
from svduty import _compute as _pc
from svduty.errors import DataError

# The pyarrow stubs cannot type Kleene (null-as-undetermined) code; arrays are Any here.
pa: Any = _pa
pc: Any = _pc
Arr = Any
E = TypeVar("E", bound=enum.Enum)

__all__ = [
    "AGE_RANGE",
    "EXACT_ID",
    "ID_EXPECTED",
    "LONE_SURROGATE",
    "WHOLE",
    "age",
    "age_text",
    "ages_column",
    "code_text",
    "incident_id",
    "lists_column",
    "lone_surrogate",
    "spelt",
    "unique_map",
    "word",
    "words_column",
]

WHOLE = "a whole number of years"
"""What an age with a fraction (or not a number) was expected to be."""
AGE_RANGE = "a whole number of years 0 to 130"
"""What an age out of range was expected to be."""
LONE_SURROGATE = (
    "text, not an unpaired surrogate escape (a JSON string's \\ud800 to \\udfff without its "
    "pair: no character; write the character itself, or both escapes of its pair)"
)
"""What a string holding a lone surrogate (JSON's ``"\\ud800"``) was expected to be: no
encoding holds it, so converting the file (iconv) cannot mend it (hostile58)."""
_HUGE = 2**53  # far beyond any age, and exact as a float


def lone_surrogate(value: Any) -> bool:
    r"""Whether ``value`` (text, or a list of texts) holds an unpaired surrogate (``"\ud800"``).

    Example:
        >>> lone_surrogate("a" + chr(0xD800)), lone_surrogate(["ok", chr(0xDC00)])
        (True, True)
        >>> lone_surrogate("café"), lone_surrogate(["\U0001f600"]), lone_surrogate(7)
        (False, False, False)
    """
    texts = value if isinstance(value, list | tuple) else (value,)
    return any(
        isinstance(t, str) and not t.isascii() and any("\ud800" <= c <= "\udfff" for c in t)
        for t in texts
    )


@functools.cache
def _folded(cls: type[enum.Enum]) -> dict[str, Any]:
    return {str(m.value).casefold(): m for m in cls}


@functools.cache
def spelt(cls: type[enum.Enum]) -> tuple[str, ...]:
    """The words of ``cls`` as the contract spells them, sorted.

    Example:
        >>> from svduty.definitions._vocab import Weapon
        >>> spelt(Weapon)
        ('corrosive', 'firearm', 'knife', 'none', 'other')
    """
    return tuple(sorted(str(m.value) for m in cls))


@functools.cache
def _spelt(cls: type[enum.Enum]) -> Arr:
    return pa.array(spelt(cls), pa.string())


def word(cls: type[E], value: object) -> E | None:
    """The member of ``cls`` that ``value`` names; ``None`` if it names none.

    Read without regard to case or to the whitespace around it.

    Example:
        >>> from svduty.definitions._vocab import Country
        >>> word(Country, " northern IRELAND"), word(Country, "Northern  Ireland")
        (<Country.NORTHERN_IRELAND: 'Northern Ireland'>, None)
    """
    if not isinstance(value, str | enum.Enum):  # an array's == is an array, always "true"
        return None
    try:
        return cls(value)
    except (ValueError, TypeError):
        pass
    if isinstance(value, str):
        found: E | None = _folded(cls).get(value.strip().casefold())
        return found
    return None


def age(value: object) -> int | str | None:
    """An age in years, or what was expected of it: :data:`WHOLE` or :data:`AGE_RANGE`.

    ``None`` stays ``None``. A whole number 0 to 130 is the age, also when written with a
    zero fraction (``12.0``, as a column with a gap reads it), or as a ``Decimal`` (read
    exactly: ``Decimal("15.9999999999999999")`` has a fraction); ``True`` and ``False`` are
    not numbers here.

    Example:
        >>> age(12), age(12.0), age(12.5), age(131), age(True)
        (12, 12, 'a whole number of years', 'a whole number of years 0 to 130', 'a whole number of years 0 to 130')
        >>> from decimal import Decimal
        >>> age(Decimal("16.0")), age(Decimal("15.9999999999999999")), age(Decimal("131"))
        (16, 'a whole number of years', 'a whole number of years 0 to 130')
    """  # noqa: E501
    if value is None:
        return None
    if isinstance(value, decimal.Decimal):  # exact: json.loads(parse_float=Decimal) gives it
        if value.is_nan() or (value.is_finite() and value != value.to_integral_value()):
            return WHOLE
        return int(value) if 0 <= value <= 130 else AGE_RANGE
    if isinstance(value, float) and not isinstance(value, bool):
        if math.isnan(value) or (math.isfinite(value) and not value.is_integer()):
            return WHOLE
        if 0 <= value <= 130:
            return int(value)
        return AGE_RANGE
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 130:
        return AGE_RANGE
    return value


def incident_id(value: object) -> str | None:
    """An incident's id as text: a string as it is, a whole number as its digits.

    JSON Schema's ``integer`` (the incident schema's ``id``) takes ``12.0`` and ``1e2``
    too: such a number is read as its digits within the range RFC 8259 s.6 calls exact
    everywhere, ``-(2**53 - 1)`` to ``2**53 - 1`` (the schema's bounds); a float beyond may
    be another number (``9007199254740993.0`` is held as 2**53) and is refused.

    A ``Decimal`` (``json.loads(line, parse_float=decimal.Decimal)``) is read exactly, as
    svduty's JSON Lines reader reads the line's text: ``12.0`` is ``"12"``; a fraction is
    refused however small (``Decimal("12.0000000000000001")``, which :func:`json.loads`
    rounds to the float ``12.0`` and so to ``"12"``). The float cannot tell (mend49).

    A number longer than Python writes (4,300 digits unless the interpreter is told
    otherwise) is refused as such, not with Python's own ``ValueError``.

    Example:
        >>> incident_id(7), incident_id("a1"), incident_id(None), incident_id(12.0)
        ('7', 'a1', None, '12')
        >>> incident_id(9007199254740991.0), incident_id(2**53)  # an int is exact
        ('9007199254740991', '9007199254740992')
        >>> incident_id(9007199254740993.0)
        Traceback (most recent call last):
        svduty.errors.DataError: id: expected a string or a whole number (one written with a point or an exponent, as 12.0 or 1e2, from -(2**53 - 1) to 2**53 - 1, where it is exact)
        >>> from decimal import Decimal
        >>> incident_id(Decimal("12.0")), incident_id(Decimal("-1e2"))
        ('12', '-100')
        >>> incident_id(Decimal("12.0000000000000001"))
        Traceback (most recent call last):
        svduty.errors.DataError: id: expected a string or a whole number (one written with a point or an exponent, as 12.0 or 1e2, from -(2**53 - 1) to 2**53 - 1, where it is exact)
        >>> incident_id(10**4300)
        Traceback (most recent call last):
        svduty.errors.DataError: id: expected a number of at most 4300 digits
    """  # noqa: E501
    if isinstance(value, str) and lone_surrogate(value):
        raise DataError.single(None, "id", expected=LONE_SURROGATE)
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, float) and value.is_integer() and abs(value) <= EXACT_ID:
        return str(int(value))  # 12.0, as the schema's integer takes it (hostile47)
    if isinstance(value, decimal.Decimal):  # exact: json.loads(parse_float=Decimal) gives it
        whole = value.is_finite() and value.copy_abs() <= EXACT_ID  # no context: 1e99999999
        if whole and value == value.to_integral_value():
            return str(int(value))
    if isinstance(value, int) and not isinstance(value, bool):
        try:
            return str(value)
        except ValueError:  # more digits than Python writes (sys.get_int_max_str_digits)
            limit = sys.get_int_max_str_digits()
            raise DataError.single(
                None, "id", expected=f"a number of at most {limit} digits"
            ) from None
    raise DataError.single(None, "id", expected=ID_EXPECTED)


EXACT_ID = 2**53 - 1
"""The largest whole number every JSON reader holds exactly (RFC 8259 s.6: "integers ...
in the range [-(2**53)+1, (2**53)-1] are interoperable"): an id written with a fraction or
an exponent beyond it may not be the number its writer meant (a float holds 2**53 + 1 as
2**53), and is refused; the incident schema's bounds of an integer id (mend48)."""
ID_EXPECTED = (
    "a string or a whole number (one written with a point or an exponent, as 12.0 or 1e2, "
    "from -(2**53 - 1) to 2**53 - 1, where it is exact)"
)
"""What an id the incident readers refuse was expected to be."""


def age_text(value: object) -> int | float | None:
    """An age out of range as an error gives it (whole floats as whole numbers).

    The number, which the error describes by its digits and never shows (``131`` may be
    a mistyped ``31``; a long one a phone or NHS number given as an age).

    Example:
        >>> age_text(131), age_text(131.0), age_text(float("inf")), age_text("x")
        (131, 131, inf, None)
    """
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        return int(value)
    return value


def unique_map(
    col: Arr, fn: Callable[[Any], Any], typ: Any, known: tuple[Arr, Arr] | None = None
) -> Arr:
    """Apply ``fn`` once per distinct value and spread the results over the rows.

    ``known``: values and their results already known (what ``fn`` gives them), looked up
    column-wise; ``fn`` is then called only for the other values.

    Example:
        >>> unique_map(pa.array(["a", "b", "a", None]), str.upper, pa.string()).to_pylist()
        ['A', 'B', 'A', None]
    """
    if known is not None:
        at = pc.index_in(col, value_set=known[0])
        found = pc.take(known[1], at)
        rest = pc.and_(pc.is_valid(col), pc.is_null(at))
        if not pc.any(rest).as_py():
            return found
        return pc.replace_with_mask(found, rest, unique_map(pc.filter(col, rest), fn, typ))
    uniq = pc.drop_null(pc.unique(col))
    results = pa.array([fn(v) for v in uniq.to_pylist()], typ)
    return pc.take(results, pc.index_in(col, value_set=uniq))


def _spelling_of(cls: type[enum.Enum], value: str) -> str | None:
    found = word(cls, value)
    return None if found is None else str(found.value)


def _respelt(values: Arr, odd: Arr, cls: type[enum.Enum]) -> Arr:
    """``values`` with those marked ``odd`` read by :func:`word` (null if not a word)."""
    fixed = unique_map(pc.filter(values, odd), functools.partial(_spelling_of, cls), pa.string())
    return pc.replace_with_mask(values, odd, fixed)


def words_column(col: Arr, cls: type[enum.Enum]) -> tuple[Arr, Arr]:
    """A string column of words in the contract's spelling, and the rows that name none.

    Only the values not already spelt as the contract spells them are read one distinct
    value at a time; clean data costs one ``is_in``. A row that names no word keeps its
    value (for the error) and is marked.

    Example:
        >>> from svduty.definitions._vocab import Target
        >>> col, bad = words_column(pa.array(["SELF", " person", "me"]), Target)
        >>> col.to_pylist(), bad.to_pylist()
        (['self', 'person', 'me'], [False, False, True])
    """
    bad = pc.and_(pc.is_valid(col), pc.invert(pc.is_in(col, value_set=_spelt(cls))))
    if not pc.any(bad).as_py():
        return col, bad
    fixed = _respelt(col, bad, cls)
    still = pc.and_(bad, pc.is_null(fixed))
    return pc.if_else(still, col, fixed), still


def lists_column(col: Arr, cls: type[enum.Enum]) -> tuple[Arr, Arr]:
    """A list-of-words column in the contract's spelling, and the rows with a bad item.

    A null item, or one that names no word of ``cls``, makes its row bad.

    Example:
        >>> from svduty.definitions._vocab import Harm
        >>> col, bad = lists_column(pa.array([["Death", " injury"], None, ["harm"]]), Harm)
        >>> col.to_pylist(), bad.to_pylist()
        ([['death', 'injury'], None, ['harm']], [False, False, True])
    """
    flat = pc.list_flatten(col)  # (the values of the rows that are not null)
    if col.null_count and len(flat) != _covered(col):  # null rows covering values (a
        col = _with_items(col, flat)  # fixed-size list's do): dropped, as flatten drops them
    bad_flat = pc.invert(pc.fill_null(pc.is_in(flat, value_set=_spelt(cls)), False))
    if pc.any(bad_flat).as_py():
        odd = pc.and_(bad_flat, pc.is_valid(flat))
        if pc.any(odd).as_py():
            fixed = _respelt(flat, odd, cls)
            bad_flat = pc.is_null(fixed)
            col = _with_items(col, pc.if_else(pc.and_(odd, bad_flat), flat, fixed))
    bad_rows = pc.filter(pc.list_parent_indices(col), bad_flat)
    rows = _arrays.array(np.arange(len(col), dtype=np.int64))
    return col, pc.is_in(rows, value_set=bad_rows)


def _covered(col: Arr) -> int:
    """How many values the rows of a list column span, null rows too."""
    offsets = col.offsets
    return int(offsets[len(offsets) - 1].as_py() - offsets[0].as_py()) if len(col) else 0


def _with_items(col: Arr, flat: Arr) -> Arr:
    """``col``'s rows holding ``flat``'s items, as many each as before (a null row none)."""
    lengths = pc.fill_null(pc.list_value_length(col), 0).to_numpy(zero_copy_only=False)
    offsets = np.zeros(len(col) + 1, np.int32)
    np.cumsum(lengths, out=offsets[1:])
    return pa.ListArray.from_arrays(
        _arrays.array(offsets), flat, type=col.type, mask=pc.is_null(col)
    )


def ages_column(col: Arr, name: str) -> tuple[Arr, Arr, Arr, Arr]:
    """An age column as whole years: (ages, fractional rows, out-of-range rows, as given).

    Integers of any width, floats and decimals are read (a float or decimal age with a
    zero fraction is its whole number, as :func:`age` reads it); a row with a fraction (or
    not a number) and a row outside 0 to 130 (infinity too) are marked (the marks may be
    null: not marked);
    the ages are null where there is a fraction, and where no whole number of 64 bits
    holds the value. Any other
    column type raises :class:`~svduty.errors.DataError`.

    Example:
        >>> ages, frac, out, given = ages_column(pa.array([12.0, 12.5, 200.0, None]), "x")
        >>> ages.to_pylist(), frac.to_pylist(), out.to_pylist()
        ([12, None, 200, None], [False, True, False, False], [False, None, True, None])
    """
    huge = None  # beyond any int64 (and any float's ones digit): infinity, 1e30, 2**64-1
    if pa.types.is_decimal(col.type):  # as the Parquet reader takes it: its fraction exact
        try:  # decimal32 and decimal64 widened: Arrow floors only the wider ones
            narrow = pa.types.is_decimal32(col.type) or pa.types.is_decimal64(col.type)
            wide = _pc.cast(col, pa.decimal128(38, col.type.scale)) if narrow else col
            fraction = pc.fill_null(pc.not_equal(wide, pc.floor(wide)), False)
            floats = _pc.cast(col, pa.float64())
        except pa.ArrowNotImplementedError:  # a negative scale
            raise DataError.single(None, name, expected="whole numbers of years") from None
        col = pc.if_else(fraction, float("nan"), floats)  # NaN: marked as a fraction
    if pa.types.is_floating(col.type):  # e.g. from pandas, where a gap makes floats
        col = _pc.cast(col, pa.float64())
        fractional = pc.fill_null(pc.not_equal(col, pc.floor(col)), False)  # NaN too
        col = pc.if_else(fractional, pa.scalar(None, col.type), col)
        huge = pc.greater(pc.abs(col), float(_HUGE))
    elif pa.types.is_integer(col.type) or pa.types.is_null(col.type):
        fractional = pa.repeat(pa.scalar(False), len(col))
        if col.type == pa.uint64():
            huge = pc.greater(col, pa.scalar(_HUGE, col.type))
    else:
        raise DataError.single(None, name, expected="whole numbers of years")
    ages = col if huge is None else pc.if_else(pc.fill_null(huge, False), None, col)
    ages = _pc.cast(ages, pa.int64())
    outside = pc.or_(pc.less(ages, 0), pc.greater(ages, 130))  # null where the age is
    if huge is not None:  # an age out of range is kept (and marked) where an int64 holds it
        outside = pc.or_kleene(outside, huge)
    return ages, fractional, outside, col


def code_text(col: Arr) -> tuple[Arr, Arr]:
    """An offence code column as text, and the rows that cannot be a code for their type.

    Text and booleans are cast (a boolean is then refused as the text ``true``); whole
    numbers are their digits, also as floats with a zero fraction (a column with a gap,
    from pandas), as :class:`~svduty.definitions.Incident` reads them; a float with a
    fraction is marked, never read as a code (``4.1`` or ``4.10``?). Other types raise
    :class:`~svduty.errors.DataError`.

    Example:
        >>> text, odd = code_text(pa.array([8.0, 4.1, None]))
        >>> text.to_pylist(), odd.to_pylist()
        (['8', None, None], [False, True, False])
    """
    expected = "a Home Office offence code such as '8N' or '105A'"
    odd = pa.repeat(pa.scalar(False), len(col))
    if pa.types.is_floating(col.type):
        col = _pc.cast(col, pa.float64())  # float32: _HUGE is beyond it (and exact in 64)
        whole = pc.and_(pc.equal(col, pc.floor(col)), pc.less_equal(pc.abs(col), _HUGE))
        odd = pc.invert(pc.fill_null(whole, True))
        col = _pc.cast(pc.if_else(odd, pa.scalar(None, col.type), col), pa.int64())
    elif not (
        pa.types.is_string(col.type)
        or pa.types.is_large_string(col.type)
        or pa.types.is_integer(col.type)
        or pa.types.is_boolean(col.type)
        or pa.types.is_null(col.type)
        or pa.types.is_binary(col.type)
        or pa.types.is_large_binary(col.type)
    ):
        raise DataError.single(None, "offence_code", expected=expected)
    try:
        return _pc.cast(col, pa.string()), odd
    except pa.ArrowInvalid:  # bytes that are not UTF-8
        raise DataError.single(None, "offence_code", expected=expected) from None
