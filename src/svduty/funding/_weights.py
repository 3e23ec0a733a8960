"""A split's weights read exactly, and the field paths its errors name.

A weight is an integer, a Decimal, a Fraction or text (a number, or a fraction of whole
numbers such as ``"1/3"``: a share in thirds has no exact decimal), read as an exact
:class:`~fractions.Fraction`; a float, a negative weight, one of absurd magnitude or of
more significant digits than any split needs is refused, naming the field.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from fractions import Fraction

from svduty.errors import FundingError, Shown, describe, shown

__all__ = ["Weight"]

Weight = int | Decimal | Fraction
"""What a weight may be given as (text too: a Decimal's, or a fraction such as ``"1/3"``)."""


def _entry(field: str, key: str, keys: Sequence[str] | Mapping[str, int]) -> str:
    """The field path of a table entry: ``field[key]``, or its place if the key is not shown.

    A recipient is named by the file: a name that could be a person's is never repeated in
    an error, only its place in the table (``#1`` for the first). ``keys``: the table's
    keys in order, or each key's place (:func:`_places`, for many look-ups).

    Example:
        >>> _entry("caps", "north", ["north"])
        'caps[north]'
        >>> _entry("caps", "Jane Citizen", ["north", "Jane Citizen"])
        'caps[#2]'
    """
    if isinstance(shown(key), Shown):
        return f"{field}[{key}]"
    place = keys[key] if isinstance(keys, Mapping) else list(keys).index(key)
    return f"{field}[#{place + 1}]"


def _places(keys: Iterable[str]) -> dict[str, int]:
    """Each key's place in the table, from 0 (one pass, for every entry's field path)."""
    return {k: n for n, k in enumerate(keys)}


_WEIGHT_DIGITS = 60
"""How far from 1 a weight's magnitude may be, in powers of ten, and how many significant
digits it may have: a split's JSON writes each weight and exact share as digits, and Python
writes no integer of more than 4,300."""
_BIGGEST = 10 ** (_WEIGHT_DIGITS + 1)  # the least weight too large: 1E+61
_LONGEST = 10 ** (2 * _WEIGHT_DIGITS)  # a Decimal's numerator or denominator, at most 1E+120


def _too_long(number: Decimal) -> bool:
    """Whether a Decimal has more significant digits than a weight may (trailing zeros aside)."""
    digits = number.as_tuple().digits
    zeros = len(digits) - len(bytes(digits).rstrip(b"\0"))
    return len(digits) - zeros > _WEIGHT_DIGITS


_RATIO = re.compile(rf"([0-9]{{1,{_WEIGHT_DIGITS}}})/([0-9]{{1,{_WEIGHT_DIGITS}}})")
"""A weight written as a fraction of whole numbers (ASCII digits, no sign, no spaces within)."""


def _ratio(text: str, field: str) -> Fraction:
    """A weight written as a fraction of whole numbers, such as ``"1/3"``.

    Example:
        >>> _ratio(" 2/6", "shares[a]")
        Fraction(1, 3)
        >>> _ratio("1/0", "shares[a]")
        Traceback (most recent call last):
        ...
        svduty.errors.FundingError: shares[a]: expected a fraction of whole numbers such as "1/3", its denominator not 0
    """  # noqa: E501
    found = _RATIO.fullmatch(text.strip())
    if found is None or not int(found[2]):
        raise FundingError.single(
            None, field, expected='a fraction of whole numbers such as "1/3", its denominator not 0'
        )
    return Fraction(int(found[1]), int(found[2]))


_BETWEEN = f"a weight between 1E-{_WEIGHT_DIGITS} and 1E+{_WEIGHT_DIGITS}"
_DIGITS = f"a weight of at most {_WEIGHT_DIGITS} significant digits"


def _fraction(value: object, field: str) -> Fraction:
    if isinstance(value, bool) or not isinstance(value, int | Decimal | Fraction | str):
        raise FundingError.single(
            None,
            field,
            expected="a weight given as an integer, a Decimal or text (floats are not accepted)",
            got=describe(value),  # its kind (repr() made a float a string of characters)
        )
    if isinstance(value, str) and "/" in value:
        value = _ratio(value, field)
    try:
        number = Decimal(value) if isinstance(value, str) else value
    except ArithmeticError:  # decimal.InvalidOperation: not a number at all
        raise FundingError.single(None, field, expected="a number", got=value) from None
    # "1e999999999" is a valid Decimal whose Fraction has a billion digits: refused before
    # it is built, as a weight no split could need
    if (
        isinstance(number, Decimal)
        and number.is_finite()
        and number
        and abs(number.adjusted()) > _WEIGHT_DIGITS
    ):
        raise FundingError.single(
            None,
            field,
            expected=_BETWEEN,
            got=value,
        )
    if isinstance(number, Decimal) and number.is_finite() and _too_long(number):
        raise FundingError.single(None, field, expected=_DIGITS)
    try:
        frac = Fraction(number)
    except (ValueError, ArithmeticError):
        raise FundingError.single(None, field, expected="a number", got=value) from None
    if frac and not Fraction(1, 10**_WEIGHT_DIGITS) <= abs(frac) < _BIGGEST:  # int, Fraction
        raise FundingError.single(None, field, expected=_BETWEEN)
    if max(abs(frac.numerator), frac.denominator) > _LONGEST:  # a Fraction given as one
        raise FundingError.single(None, field, expected=_DIGITS)
    if frac < 0:
        raise FundingError.single(None, field, expected="a weight of zero or more", got=value)
    return frac
