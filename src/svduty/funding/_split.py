"""Split rules: equal, fixed shares and weights, with floors and caps, to the exact penny.

The exact (rational) share of each recipient is found first; then whole pence are handed
out by largest-remainder apportionment, ties going to the recipient whose id sorts first,
so the shares always sum to the amount and do not depend on the order recipients are
listed in. What a split gives, :class:`~svduty.funding._split_result.Share` and
:class:`~svduty.funding._split_result.Split`, is in ``svduty.funding._split_result``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from fractions import Fraction

from svduty._arguments import instance_argument, instances_argument, text_argument, texts_argument
from svduty._checked import checked, unchecked
from svduty.errors import FundingError, MoneyError, Shown
from svduty.funding._money import Money
from svduty.funding._split_checks import (
    WRITABLE,
    exact_writable,
    largest_remainder,
    recipients_once,
)
from svduty.funding._split_result import Share, Split
from svduty.funding._weights import Weight, _entry, _fraction, _places
from svduty.sources import Citation

__all__ = ["split", "split_equal", "split_shares"]


def _money_map(values: Mapping[str, object] | None, field: str, ids: set[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    keys = _places(values or {})
    for key, value in (values or {}).items():
        if key not in ids:
            raise FundingError.single(
                None, _entry(field, key, keys), expected="one of the recipients", got=key
            )
        try:
            out[key] = Money.parse(value, field=_entry(field, key, keys)).pence
        except MoneyError as exc:
            raise FundingError(exc.problems) from None
    return out


def _solve(
    amount: int, ids: list[str], w: dict[str, Fraction], lo: dict[str, int], hi: dict[str, int]
) -> dict[str, Fraction]:
    """Exact shares x_i = min(hi_i, max(lo_i, t * w_i)) summing to ``amount``.

    The total is continuous, non-decreasing and piecewise linear in ``t``: each recipient
    adds its floor until ``t`` reaches ``lo/w``, then ``t * w`` until ``t`` reaches its cap's
    ``hi/w``, then its cap. One sweep over those points, sorted once, keeps the total's
    constant part and slope, and stops at the first ``t`` where the total is the amount
    (O(n log n); a total worked out at each point was O(n^2) for floors on every recipient).

    Example:
        >>> shares = _solve(100, ["a", "b"], {"a": Fraction(1), "b": Fraction(3)}, {"a": 40,
        ...                 "b": 0}, {})
        >>> shares["a"], shares["b"]
        (Fraction(40, 1), Fraction(60, 1))
    """

    def share(i: str, t: Fraction) -> Fraction:
        x = max(Fraction(lo[i]), t * w[i])
        return min(Fraction(hi[i]), x) if i in hi else x

    constant, slope = Fraction(sum(lo[i] for i in ids)), Fraction(0)
    events: list[tuple[Fraction, Fraction, Fraction]] = []  # (t, change of slope, of constant)
    for i in ids:
        if w[i] > 0:
            events.append((Fraction(lo[i]) / w[i], w[i], Fraction(-lo[i])))
            if i in hi:
                events.append((Fraction(hi[i]) / w[i], -w[i], Fraction(hi[i])))
    events.sort(key=lambda e: e[0])
    if constant >= amount:  # the floors alone make the amount
        return {i: share(i, Fraction(0)) for i in ids}
    for point, d_slope, d_constant in events:
        if constant + slope * point >= amount:  # reached on the way to this point
            break
        slope += d_slope
        constant += d_constant
    # here, or beyond the last point (the slope is then the weight of the uncapped)
    found = (amount - constant) / slope
    return {i: share(i, found) for i in ids}


@checked
def split(
    amount: Money,
    weights: Mapping[str, Weight | str],
    *,
    floors: Mapping[str, Money | str] | None = None,
    caps: Mapping[str, Money | str] | None = None,
    method: str = "weights",
    citations: Sequence[Citation] = (),
    amount_citation: Citation | None = None,
) -> Split:
    """Divide an amount in proportion to weights, with floors and caps, to the exact penny.

    Each recipient gets ``min(cap, max(floor, t * weight))`` for the one ``t`` that makes
    the shares add up to the amount; the exact shares are then rounded to whole pence by
    largest remainder (ties: the recipient id that sorts first). The shares always sum to
    the amount, are never negative, respect every floor and cap, and do not depend on the
    order in which the recipients are listed.

    Args:
        amount: The amount to divide (zero or more).
        weights: The weight of each recipient, by id (integers, Decimals or Fractions).
        floors: The least each named recipient must get.
        caps: The most each named recipient may get.
        method: A word saying how the weights were chosen, kept on the result.
        citations: Where the weights come from.
        amount_citation: Where the amount is stated (an allocation's citation); kept on
            the result, as every share's source with the weights'.

    Raises:
        FundingError: weights all zero, a negative weight, a weight beyond 1E-60 to 1E+60
            or of more than 60 significant digits, a floor above the amount or above the
            recipient's cap, floors adding up to more than the amount, or caps that cannot
            hold the amount; the error names the field.

    Example:
        >>> sp = split(Money.parse("100"), {"north": 1, "south": 3},
        ...            floors={"north": Money.parse("40")})
        >>> {k: str(v) for k, v in sp.amounts().items()}
        {'north': '£40', 'south': '£60'}
        >>> split(Money.parse("100"), {"a": 0, "b": 0})
        Traceback (most recent call last):
        ...
        svduty.errors.FundingError: weights: expected at least one weight above zero
    """
    instance_argument(amount, Money, "split(amount)", "a Money amount, such as Money.parse('100')")
    instance_argument(weights, Mapping, "split(weights)", "a mapping of recipient ids to weights")
    for name, given in (("floors", floors), ("caps", caps)):
        if given is not None:
            instance_argument(
                given, Mapping, f"split({name})", "a mapping of recipient ids to amounts"
            )
    text_argument(method, "split(method)", "a word saying how the weights were chosen (str)")
    cited = instances_argument(citations, Citation, "split(citations)", "a Citation (cite(...))")
    if amount_citation is not None:
        instance_argument(amount_citation, Citation, "split(amount_citation)", "a Citation or None")
    if amount.pence < 0:
        raise FundingError.single(None, "amount", expected="an amount of zero or more")
    if not weights:
        raise FundingError.single(None, "weights", expected="at least one recipient")
    ids = recipients_once(texts_argument(list(weights), "split(weights)", "a recipient id (text)"))
    places = _places(ids)
    w = {i: _fraction(weights[i], _entry("weights", i, places)) for i in ids}
    lo = _money_map(floors, "floors", set(ids))
    hi = _money_map(caps, "caps", set(ids))
    for i in ids:
        if lo.get(i, 0) > amount.pence:
            raise FundingError.single(
                None,
                _entry("floors", i, list(floors or {})),
                expected=f"a floor no more than the amount {amount}",
                got=str(Money(lo[i])),
            )
        if i in hi and lo.get(i, 0) > hi[i]:
            raise FundingError.single(
                None,
                _entry("floors", i, list(floors or {})),
                expected=f"a floor no more than the cap {Money(hi[i])}",
            )
    lo = {i: lo.get(i, 0) for i in ids}
    if sum(lo.values()) > amount.pence:
        raise FundingError.single(
            None,
            "floors",
            expected=f"floors adding up to no more than the amount {amount}",
            got=str(Money(sum(lo.values()))),
        )
    if all(v == 0 for v in w.values()):
        if sum(lo.values()) == amount.pence:
            exact = {i: Fraction(lo[i]) for i in ids}
        else:
            raise FundingError.single(None, "weights", expected="at least one weight above zero")
    else:
        # a recipient with no weight only ever gets its floor, whatever its cap
        capped_all = all(i in hi or w[i] == 0 for i in ids)
        ceiling = sum(hi[i] if i in hi and w[i] > 0 else lo[i] for i in ids)
        if capped_all and ceiling < amount.pence:
            raise FundingError.single(
                None,
                "caps",
                expected=f"caps that can hold the amount {amount}",
                got=str(Money(ceiling)),
            )
        exact = _solve(amount.pence, ids, w, lo, hi)
    if not all(exact_writable(x) for x in exact.values()):  # many unlike denominators
        raise FundingError.single(None, "weights", expected=WRITABLE)
    pence = largest_remainder(amount.pence, exact)
    made = {i: (Money(pence[i]), w[i], exact[i]) for i in ids}  # of their types: unchecked
    shares = tuple(
        unchecked(Share, recipient=i, amount=m, weight=wi, exact=x)
        for i, (m, wi, x) in made.items()
    )
    return Split(amount, shares, method, cited, amount_citation)


@checked
def split_equal(
    amount: Money,
    recipients: Sequence[str],
    *,
    floors: Mapping[str, Money | str] | None = None,
    caps: Mapping[str, Money | str] | None = None,
    amount_citation: Citation | None = None,
) -> Split:
    """Divide an amount equally; shares differ by at most a penny.

    ``amount_citation``: where the amount is stated, as for :func:`split`.

    Raises:
        ArgumentError: if ``recipients`` is not a list of ids (a string is not).
        FundingError: if a recipient is named twice.

    Example:
        >>> [s.amount.pence for s in split_equal(Money.parse("0.05"), ["c", "a", "b"]).shares]
        [1, 2, 2]
    """
    recipients = texts_argument(recipients, "split_equal(recipients)", "a recipient id (text)")
    recipients_once(recipients, "recipients")
    return split(
        amount,
        dict.fromkeys(recipients, 1),
        floors=floors,
        caps=caps,
        method="equal",
        amount_citation=amount_citation,
    )


@checked
def split_shares(
    amount: Money,
    shares: Mapping[str, Weight | str],
    *,
    citations: Sequence[Citation] = (),
    amount_citation: Citation | None = None,
) -> Split:
    """Divide an amount by fixed shares that add up to exactly one (or to 100 per cent).

    Args:
        amount: The amount.
        shares: Each recipient's share, as fractions adding up to 1 (``"0.25"``,
            ``"1/3"``: thirds have no exact decimal) or percentages adding up to 100.
        citations: Where the shares were agreed.
        amount_citation: Where the amount is stated, as for :func:`split`.

    Raises:
        FundingError: if the shares do not add up to 1 or 100.

    Example:
        >>> sp = split_shares(Money.parse("1000"), {"a": "0.25", "b": "0.75"})
        >>> [str(s.amount) for s in sp.shares]
        ['£250', '£750']
        >>> split_shares(Money.parse("1000"), {"a": 30, "b": 60})
        Traceback (most recent call last):
        ...
        svduty.errors.FundingError: shares: expected shares adding up to 1 (or 100 per cent) (got '90')
    """  # noqa: E501
    places = _places(shares)
    fracs = {k: _fraction(v, _entry("shares", k, places)) for k, v in shares.items()}
    total = sum(fracs.values(), Fraction(0))
    if total not in (1, 100):  # the sum as a number is shown ("9999/100" was hidden)
        # short, and shown: no one's personal data ("0.6667" was not shown, hostile43b)
        said = Shown(f"{Decimal(total.numerator) / total.denominator:.4g}")
        raise FundingError.single(
            None, "shares", expected="shares adding up to 1 (or 100 per cent)", got=said
        )
    return split(
        amount, fracs, method="shares", citations=citations, amount_citation=amount_citation
    )
