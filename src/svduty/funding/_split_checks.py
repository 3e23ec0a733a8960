"""The checks of a :class:`~svduty.funding.Split` and its shares built in Python (contract43).

:func:`~svduty.funding.split` makes shares that hold them by construction; a split a
council system builds from its own records (a split agreed elsewhere, read back from its
store) is held to the same: every share zero or more and within a penny of its exact
share, each recipient once, the shares (and the exact shares) adding up to the amount.
An error names the field, never a recipient (a name could be a person's).

Example:
    >>> from fractions import Fraction
    >>> check_share("a", 34, Fraction(1), Fraction(100, 3))
    >>> check_share("a", 35, Fraction(1), Fraction(100, 3))
    Traceback (most recent call last):
    ...
    svduty.errors.FundingError: Share(amount): expected the exact share (100/3 pence) rounded down, or up by the rounding's penny (got '£0.35')
"""  # noqa: E501

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from fractions import Fraction

from svduty.errors import FundingError
from svduty.funding._money import Money

__all__ = [
    "EXACT_DIGITS",
    "WRITABLE",
    "check_share",
    "check_split",
    "exact_writable",
    "largest_remainder",
    "recipients_once",
]

EXACT_DIGITS = 4300
"""The most digits an exact share's numerator or denominator may have: a split's JSON
writes it as digits, and Python writes no integer of more (``sys.get_int_max_str_digits``).
A hundred weights such as ``"1/"`` and 60 digits, each over another denominator, made
exact shares of 6,000 digits: ``svduty funding --format json`` failed with an unexpected
``ValueError`` (hostile43b)."""
_TOO_LONG = 10**EXACT_DIGITS
WRITABLE = (
    f"weights whose exact shares have at most {EXACT_DIGITS:,} digits (fractions over many "
    "different denominators: give them over one, or as decimals)"
)
"""What :func:`~svduty.funding.split` expects of weights whose exact shares are too long."""


def largest_remainder(amount: int, exact: Mapping[str, Fraction]) -> dict[str, int]:
    """Each exact share in whole pence by the split's rounding (``ROUNDING``).

    Each rounded down, the pence left one each to the largest remainders (ties: the id
    that sorts first).

    Example:
        >>> largest_remainder(100, {"b": Fraction(100, 3), "a": Fraction(200, 3)})
        {'b': 33, 'a': 67}
    """
    base = {i: x.numerator // x.denominator for i, x in exact.items()}
    left = amount - sum(base.values())
    order = sorted(exact, key=lambda i: (-(exact[i] - base[i]), i))
    for i in order[:left]:
        base[i] += 1
    return base


def exact_writable(exact: Fraction) -> bool:
    """Whether an exact share can be written as digits (:data:`EXACT_DIGITS`).

    Example:
        >>> exact_writable(Fraction(100, 3)), exact_writable(Fraction(1, 10**4300))
        (True, False)
    """
    return bool(max(abs(exact.numerator), exact.denominator) < _TOO_LONG)


def check_share(recipient: str, pence: int, weight: Fraction, exact: Fraction) -> None:
    """Refuse a share a split never makes (see the module).

    Example:
        >>> check_share(" ", 0, Fraction(1), Fraction(0))
        Traceback (most recent call last):
        ...
        svduty.errors.FundingError: Share(recipient): expected a recipient named by printable text, not blank
    """  # noqa: E501
    if not recipient.strip() or not recipient.isprintable():  # a line break, an escape
        raise FundingError.single(
            None, "Share(recipient)", expected="a recipient named by printable text, not blank"
        )
    for field, value in (("amount", pence), ("weight", weight), ("exact", exact)):
        if value < 0:
            raise FundingError.single(None, f"Share({field})", expected=f"{field} of zero or more")
    if not exact_writable(exact):
        raise FundingError.single(
            None,
            "Share(exact)",
            expected=f"an exact share of at most {EXACT_DIGITS:,} digits above and below",
        )
    low = exact.numerator // exact.denominator
    if not low <= pence <= -(-exact.numerator // exact.denominator):
        raise FundingError.single(
            None,
            "Share(amount)",
            expected=f"the exact share ({exact} pence) rounded down, or up by the rounding's penny",
            got=str(Money(pence)),
        )


def check_split(pence: int, shares: Sequence[tuple[str, int, Fraction]]) -> None:
    """Refuse a split whose shares (recipient, pence, exact) a split never makes.

    Example:
        >>> check_split(100, [("a", 50, Fraction(50)), ("A", 50, Fraction(50))])
        Traceback (most recent call last):
        ...
        svduty.errors.FundingError: Split(shares[1].recipient): expected each recipient once (names that differ only in case or Unicode form are one)
    """  # noqa: E501
    if pence < 0:
        raise FundingError.single(None, "Split(amount)", expected="an amount of zero or more")
    if not shares:
        raise FundingError.single(
            None, "Split(shares)", expected="at least one share (one per recipient)"
        )
    seen: set[str] = set()
    for i, (recipient, _, _) in enumerate(shares):
        key = _key(recipient)
        if key in seen:
            raise FundingError.single(
                None,
                f"Split(shares[{i}].recipient)",
                expected="each recipient once (names that differ only in case or Unicode "
                "form are one)",
            )
        seen.add(key)
    total = sum(p for _, p, _ in shares)
    if total != pence:
        raise FundingError.single(
            None,
            "Split(shares)",
            expected=f"shares adding up to the amount {Money(pence)}",
            got=str(Money(total)),
        )
    if sum((x for _, _, x in shares), Fraction(0)) != pence:
        raise FundingError.single(
            None,
            "Split(shares)",
            expected=f"exact shares adding up to the amount {Money(pence)} (each share is "
            "its exact share rounded to the penny)",
        )
    _pennies_by_the_rule(pence, shares)


def _pennies_by_the_rule(pence: int, shares: Sequence[tuple[str, int, Fraction]]) -> None:
    """Refuse rounding pennies given otherwise than the split's ``rounding`` says.

    Every split states its rule (``ROUNDING``: each exact share rounded down, the pennies
    left one each to the largest remainders, ties to the recipient id that sorts first);
    a split built in Python that gave a penny to a smaller remainder (33.9p and 66.1p as
    33p and 67p) was accepted, and its text and JSON then stated a rule it did not follow
    (hostile43b).

    Example:
        >>> check_split(100, [("a", 33, Fraction(339, 10)), ("b", 67, Fraction(661, 10))])
        Traceback (most recent call last):
        ...
        svduty.errors.FundingError: Split(shares[0].amount): expected the exact share rounded as the split's rounding says (a penny left goes to the largest remainders; ties: the id that sorts first)
    """  # noqa: E501
    low = [x.numerator // x.denominator for _, _, x in shares]
    left = pence - sum(low)
    order = sorted(range(len(shares)), key=lambda i: (-(shares[i][2] - low[i]), shares[i][0]))
    chosen = set(order[:left])
    for i, (_, given, _) in enumerate(shares):
        if given != low[i] + (i in chosen):
            raise FundingError.single(
                None,
                f"Split(shares[{i}].amount)",
                expected="the exact share rounded as the split's rounding says (a penny left "
                "goes to the largest remainders; ties: the id that sorts first)",
            )


def recipients_once(ids: list[str], field: str = "weights") -> list[str]:
    """``ids``, if no two name one recipient: equal but for case or Unicode form.

    Example:
        >>> recipients_once(["rugby", "warwick"])
        ['rugby', 'warwick']
        >>> recipients_once(["Caf\u00e9", "Cafe\u0301"])
        Traceback (most recent call last):
        ...
        svduty.errors.FundingError: weights: expected each recipient once (names that differ only in case or Unicode form are one)
        >>> recipients_once(["north", " "])
        Traceback (most recent call last):
        ...
        svduty.errors.FundingError: weights: expected recipients named by printable text, not blank
    """  # noqa: E501
    if any(not i.strip() or not i.isprintable() for i in ids):  # a line break, an escape
        raise FundingError.single(
            None, field, expected="recipients named by printable text, not blank"
        )
    if len({_key(i) for i in ids}) != len(ids):
        raise FundingError.single(
            None,
            field,
            expected="each recipient once (names that differ only in case or Unicode form are one)",
        )
    return ids


def _key(recipient: str) -> str:
    """The one form of a recipient's name two names of one recipient share."""
    return unicodedata.normalize("NFC", recipient).casefold()
