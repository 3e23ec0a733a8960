"""Exact money: whole pence held as an integer, never a binary fraction."""

from __future__ import annotations

import decimal
import functools
import re
from collections.abc import Callable, Iterable
from decimal import Decimal, localcontext
from typing import Any, ClassVar, ParamSpec, TypeVar

import attrs

from svduty._checked import checked_methods
from svduty.errors import Described, MoneyError, Problem, Shown, describe, shown

__all__ = ["Money"]

_P = ParamSpec("_P")
_T = TypeVar("_T")

EXACT = decimal.Context(
    prec=60,
    rounding=decimal.ROUND_HALF_EVEN,
    Emin=decimal.MIN_EMIN,
    Emax=decimal.MAX_EMAX,
    traps=[decimal.InvalidOperation, decimal.DivisionByZero],
)
"""The decimal context svduty's money and needs arithmetic runs in, never the caller's: a
caller's precision, exponent limits or traps would round pence away or raise."""


def exact(fn: Callable[_P, _T]) -> Callable[_P, _T]:
    """Run ``fn`` in :data:`EXACT` (a copy of it), whatever context the caller set.

    Example:
        >>> import decimal
        >>> @exact
        ... def third() -> Decimal:
        ...     return Decimal(1) / 3
        >>> with decimal.localcontext() as ctx:
        ...     ctx.prec = 2
        ...     len(str(third()))
        62
    """

    @functools.wraps(fn)
    def run(*args: _P.args, **kwargs: _P.kwargs) -> _T:
        with localcontext(EXACT):
            return fn(*args, **kwargs)

    return run


_TEXT = re.compile(r"^(-)?£?(-)?([1-9][0-9]{0,2}(?:,[0-9]{3})+|[0-9]+)(?:\.([0-9]+))?$")
"""An amount as people write it: ASCII digits only, an optional £ and minus sign,
thousands commas in the right places, a decimal point; no inner spaces. A grouped
amount starts with a non-zero digit: ``"0,500"`` is a decimal comma's half a pound, not
£500."""
_SAFE = r"(?![^0-9]*(?:[0-9][^0-9]*){10})[-+]?£?[-+]?[0-9][0-9,]*(?:\.[0-9]*)?"
"""An amount an error may show: of its shape, with at most 9 digits (never a phone number)."""
_PLAIN = re.compile(r"(-)?([0-9]+)(?:\.([0-9]{1,2}))?", re.ASCII)
"""The text :meth:`Money.plain` writes."""
_PENCE = Decimal(100)
_MAX_DIGITS = 15
_LIMIT = 10**_MAX_DIGITS * 100  # in pence: the smallest amount read that is too large
_RESULT_LIMIT = _LIMIT * 10**9  # a sum of a billion amounts read stays below it
_TOO_LARGE = (
    f"an amount of at most {_MAX_DIGITS} digits of pounds (less than "
    f"£{10**_MAX_DIGITS:,}; the whole of UK public spending is about £10^12 a year)"
)


def _error(field: str | None, expected: str, got: object = None) -> MoneyError:
    """The error of a field; ``got`` shown when of an amount's shape, else described."""
    said = None if got is None else (_short(got) or got)
    return MoneyError([Problem(field=field or "amount", expected=expected, got=said)])


def _kind(value: object) -> Described:
    """What ``value`` is, never what it says (``a Decimal``, ``an int64``, ``None``)."""
    name = type(value).__name__
    return Described(
        "None" if value is None else ("an " if name[0] in "aeiouAEIOU" else "a ") + name
    )


def _bounded(pence: int, field: str | None, limit: int = _LIMIT) -> int:
    """``pence``, if the amount is within ``limit``; a :class:`MoneyError` if not."""
    if not -limit < pence < limit:
        raise _error(
            field,
            _TOO_LARGE
            if limit == _LIMIT
            else f"an amount of at most {_MAX_DIGITS + 9} digits of pounds (a sum of "
            f"at most a billion amounts of {_MAX_DIGITS} digits)",
        )
    return pence


@checked_methods
@attrs.frozen(slots=True, order=True)
class Money:
    """An exact amount of pounds sterling, held as a whole number of pence.

    Arithmetic cannot silently lose a penny: adding and subtracting are exact, multiplying
    is by whole numbers only, and dividing is done by :func:`~svduty.funding._split.split`, which
    hands out every penny. Floats are refused everywhere.

    An amount read has at most :attr:`MAX_DIGITS` (15) digits of pounds: less than a
    thousand million million pounds, a thousand times the whole of UK public spending in
    a year. :meth:`parse`, :meth:`pounds` and :meth:`from_pence` refuse a larger amount
    with a :class:`~svduty.errors.MoneyError` naming the field, before any digit is converted (so
    ``"9" * 5000`` is refused, not a ``ValueError``). A sum or product may have nine
    digits more (a sum of a billion amounts read), and no more (``Money(pence)``
    checks that): arithmetic on amounts read is exact and raises nothing, and
    :attr:`decimal` is exact at any size.

    Attributes:
        pence: The amount in pence (negative only as the result of a subtraction).

    Example:
        >>> m = Money.parse("£263,506.30")
        >>> m.pence, str(m)
        (26350630, '£263,506.30')
        >>> str(Money.parse("180000") + Money.parse("83506.30"))
        '£263,506.30'
        >>> Money.parse(0.1)
        Traceback (most recent call last):
        ...
        svduty.errors.MoneyError: amount: expected an exact amount written as text such as "263506.30", a Decimal or Money (floats are not accepted) (got '0.1')
        >>> Money.parse("9" * 16, field="total")
        Traceback (most recent call last):
        ...
        svduty.errors.MoneyError: total: expected an amount of at most 15 digits of pounds (less than £1,000,000,000,000,000; the whole of UK public spending is about £10^12 a year) (got a string of 16 characters, not shown)
    """  # noqa: E501

    MAX_DIGITS: ClassVar[int] = _MAX_DIGITS
    """The most digits of pounds an amount may have (15, so less than £10^15)."""

    pence: int = attrs.field()

    @pence.validator
    def _check(self, _: Any, value: Any) -> None:
        if type(value) is not int:
            raise _error("pence", "a whole number of pence", _kind(value))
        _bounded(value, None, _RESULT_LIMIT)

    # -- building -------------------------------------------------------------------------

    @classmethod
    def zero(cls) -> Money:
        """No money.

        Example:
            >>> Money.zero().pence
            0
        """
        return cls(0)

    @classmethod
    def from_pence(cls, pence: int, *, field: str | None = None) -> Money:
        """An amount given in whole pence.

        Raises:
            MoneyError: if ``pence`` is not an integer (floats and booleans are refused),
                or the amount has more than :attr:`MAX_DIGITS` digits of pounds.

        Example:
            >>> str(Money.from_pence(3000000))
            '£30,000'
        """
        if type(pence) is not int:
            raise _error(field, "a whole number of pence", _kind(pence))
        return cls(_bounded(pence, field))

    @classmethod
    def parse(
        cls, value: object, *, field: str | None = None, allow_negative: bool = False
    ) -> Money:
        """Read an amount written as a person writes it, or a ``Decimal``.

        Accepts ``"£263,506.30"``, ``"263506.30"``, ``"30,000"``, ``Decimal("0.5")`` and
        :class:`Money`. Text is ASCII digits with an optional £ (and minus sign), thousands
        commas only in the right places and at most two decimal places (trailing zeros
        aside); other digits (``"١٢٣"``, ``"𝟗𝟗"``) and inner spaces (``"12 34"``) are not
        amounts. An error shows the value only when it has the shape of an amount. Integers are refused here because ``30000`` could mean pounds or
        pence: use :meth:`from_pence` or :meth:`pounds`.

        Args:
            value: The amount.
            field: The field named in an error (default ``"amount"``).
            allow_negative: Whether a negative amount is acceptable.

        Raises:
            MoneyError: if the amount is a float, negative, has more than two decimal
                places or more than :attr:`MAX_DIGITS` digits of pounds, or is not an
                amount at all; the error names ``field``.

        Example:
            >>> Money.parse("30,000").pence
            3000000
            >>> Money.parse("12.345", field="labour")
            Traceback (most recent call last):
            ...
            svduty.errors.MoneyError: labour: expected at most two decimal places (whole pence) (got '12.345')
            >>> Money.parse("-5", field="non_labour")
            Traceback (most recent call last):
            ...
            svduty.errors.MoneyError: non_labour: expected an amount of zero or more (got '-5')
            >>> Money.parse("12 34")
            Traceback (most recent call last):
            ...
            svduty.errors.MoneyError: amount: expected an amount such as "£263,506.30" or "263506.30" (ASCII digits, an optional £, thousands commas, at most two decimal places); got a string of 5 characters, not shown
        """  # noqa: E501
        if isinstance(value, Money):
            money = value
        elif isinstance(value, Decimal):
            money = cls._from_decimal(value, field)
        elif isinstance(value, str):
            money = cls._from_text(value, field)
        elif isinstance(value, bool | float):
            raise _error(
                field,
                'an exact amount written as text such as "263506.30", a Decimal or Money '
                "(floats are not accepted)",
                _short(repr(value)),
            )
        elif isinstance(value, int):
            raise _error(
                field,
                'an amount written as text such as "30000.00" (a whole number could mean '
                "pounds or pence; in Python, Money.pounds or Money.from_pence)",
                _short(repr(value)),
            )
        else:
            raise _error(field, 'an amount such as "£263,506.30"')
        if money.pence < 0 and not allow_negative:
            raise _error(field, "an amount of zero or more", value)
        return money

    @classmethod
    def pounds(cls, value: int | str | Decimal, *, field: str | None = None) -> Money:
        """An amount in pounds: a whole number of pounds, or text or a Decimal.

        Raises:
            MoneyError: as :meth:`parse`; for an integer, if it is negative or has more
                than :attr:`MAX_DIGITS` digits.

        Example:
            >>> str(Money.pounds(575214))
            '£575,214'
            >>> Money.pounds(10**15)  # doctest: +ELLIPSIS
            Traceback (most recent call last):
            ...
            svduty.errors.MoneyError: amount: expected an amount of at most 15 digits of pounds ...
        """
        if type(value) is int:
            if value < 0:
                raise _error(field, "an amount of zero or more", value)
            if value >= 10**_MAX_DIGITS:
                raise _error(field, _TOO_LARGE)
            return cls(value * 100)
        return cls.parse(value, field=field)

    @classmethod
    def from_plain(cls, text: str, *, field: str | None = None) -> Money:
        """Read back what :meth:`plain` wrote, for any amount a Money holds.

        A sum or a difference may have more digits of pounds than an amount read by
        :meth:`parse` (:attr:`MAX_DIGITS`); this reads it back exactly.

        Raises:
            MoneyError: if ``text`` is not ``plain()`` text (an optional minus sign,
                digits, an optional point and at most two places) of such an amount.

        Example:
            >>> big = Money.pounds(10**15 - 1) * 3
            >>> Money.from_plain(big.plain()) == big
            True
            >>> Money.from_plain("12.345")
            Traceback (most recent call last):
            ...
            svduty.errors.MoneyError: amount: expected text such as "-1234.50", as Money.plain() writes it (got '12.345')
        """  # noqa: E501
        m = _PLAIN.fullmatch(text) if isinstance(text, str) else None
        if m is None or len(m.group(2).lstrip("0")) > _MAX_DIGITS + 9:
            raise _error(field, 'text such as "-1234.50", as Money.plain() writes it', text)
        pence = int(m.group(2)) * 100 + int(((m.group(3) or "") + "00")[:2])
        return cls(-pence if m.group(1) else pence)

    @classmethod
    def _from_decimal(cls, value: Decimal, field: str | None) -> Money:
        if not value.is_finite():
            raise _error(field, "a finite amount", str(value))
        if value and value.adjusted() >= _MAX_DIGITS:  # before a digit is converted
            raise _error(field, _TOO_LARGE)
        with localcontext(EXACT) as ctx:  # not the caller's: its precision may round
            ctx.prec = max(40, len(value.as_tuple().digits) + 3)
            exponent = value.normalize().as_tuple().exponent
            if isinstance(exponent, int) and exponent < -2:
                raise _error(field, "at most two decimal places (whole pence)", value)
            return cls(int(value.scaleb(2)))  # at most 17 digits and 2 places: exact

    @classmethod
    def _from_text(cls, text: str, field: str | None) -> Money:
        cleaned = text.strip()
        m = _TEXT.fullmatch(cleaned)
        if not m or (m.group(1) and m.group(2)):
            got = _short(cleaned)
            raise _error(
                field,
                'an amount such as "£263,506.30" or "263506.30" (ASCII digits, an optional £, '
                "thousands commas, at most two decimal places)"
                + ("" if got is not None else f"; got {describe(text)}"),
                got,
            )
        digits = m.group(3).replace(",", "").lstrip("0")
        if len(digits) > _MAX_DIGITS:  # before the digits are converted
            raise _error(field, _TOO_LARGE, text)
        whole = int(digits or "0")
        frac = m.group(4) or ""
        if len(frac.rstrip("0")) > 2:
            raise _error(field, "at most two decimal places (whole pence)", text)
        frac = (frac + "00")[:2] if len(frac) <= 2 else frac[:2]
        pence = whole * 100 + int(frac)
        return cls(-pence if (m.group(1) or m.group(2)) else pence)

    # -- reading ---------------------------------------------------------------------------

    @property
    def decimal(self) -> Decimal:
        """The amount in pounds as a ``Decimal`` with two places.

        Example:
            >>> Money.parse("83506.3").decimal
            Decimal('83506.30')
        """
        with localcontext(EXACT) as ctx:  # exact for any whole number of pence
            ctx.prec = max(28, len(str(abs(self.pence))) + 3)
            return (Decimal(self.pence) / _PENCE).quantize(Decimal("0.01"))

    def format(self, *, always_pence: bool = False, symbol: bool = True) -> str:
        """The amount as a person writes it: ``£263,506.30``; ``£30,000`` for whole pounds.

        Args:
            always_pence: Write ``.00`` for whole pounds too (for columns of figures).
            symbol: Put the pound sign in front.

        Example:
            >>> Money.pounds(30000).format(), Money.pounds(30000).format(always_pence=True)
            ('£30,000', '£30,000.00')
            >>> Money.from_pence(-2997187).format(symbol=False)
            '-29,971.87'
        """
        sign = "-" if self.pence < 0 else ""
        whole, pence = divmod(abs(self.pence), 100)
        text = f"{whole:,}"
        if pence or always_pence:
            text += f".{pence:02d}"
        return f"{sign}{'£' if symbol else ''}{text}"

    def plain(self) -> str:
        """The amount as plain data text, ``"263506.30"`` (the form bundle files use).

        Example:
            >>> Money.pounds(30000).plain()
            '30000.00'
        """
        return f"{self.decimal}"

    def __str__(self) -> str:
        return self.format()

    def __repr__(self) -> str:
        return f"Money('{self.plain()}')"

    def __bool__(self) -> bool:
        return self.pence != 0

    # -- arithmetic (exact) ----------------------------------------------------------------

    def __add__(self, other: Money | int) -> Money:  # 0 + money: lets sum() start from 0
        if isinstance(other, Money):
            return Money(self.pence + other.pence)
        if other == 0 and type(other) is int:  # lets sum() start from 0
            return self
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other: Money) -> Money:
        if isinstance(other, Money):
            return Money(self.pence - other.pence)
        return NotImplemented

    def __neg__(self) -> Money:
        return Money(-self.pence)

    def __abs__(self) -> Money:
        return Money(abs(self.pence))

    def __mul__(self, other: int) -> Money:
        if type(other) is int:
            return Money(self.pence * other)
        if isinstance(other, float | Decimal):
            raise _error(
                "multiplier",
                "a whole number (use svduty.funding.split to divide money exactly)",
                other,
            )
        return NotImplemented

    __rmul__ = __mul__

    @staticmethod
    def total(amounts: Iterable[Money]) -> Money:
        """The exact sum of amounts (zero for none).

        Example:
            >>> str(Money.total(Money.parse(x) for x in ["30000", "263506.30", "311679.57"]))
            '£605,185.87'
        """
        return Money(sum((m.pence for m in amounts), 0))


def _short(value: object) -> Shown | None:
    """The value, only when it has the shape of an amount or :data:`SAFE_SHAPE` (never text)."""
    text = str(value).strip()
    for shape in (_SAFE, None):
        got = shown(text, shape=shape)
        if isinstance(got, Shown):
            return got
    return None
