"""The result of a split: each recipient's :class:`Share` and the whole :class:`Split`.

What :func:`~svduty.funding._split.split` and its kin return (the splitting itself, exact shares
then whole pence, is in ``svduty.funding._split``): the shares, their weights and exact
values, the citations the split rests on, and how it rounds (:data:`ROUNDING`), as text,
JSON and a notebook's table.

Example:
    >>> from svduty.funding import Money, split_equal
    >>> s = split_equal(Money.parse("1.00"), ["a", "b", "c"])
    >>> [str(x.amount) for x in s.shares], str(s.total())
    (['£0.34', '£0.33', '£0.33'], '£1')
"""

from __future__ import annotations

import html
from fractions import Fraction
from typing import Any

import attrs

from svduty._checked import checked_fields
from svduty.errors import printable
from svduty.funding._money import Money
from svduty.funding._split_checks import (
    check_share,
    check_split,
)
from svduty.sources import Citation

__all__ = ["ROUNDING", "Share", "Split"]


ROUNDING = (
    "Each exact share is rounded down to the penny; the pence left go one each to the "
    "largest remainders (ties: the id that sorts first)"
)
"""How a split rounds its exact shares to whole pence (its text and JSON say it).

svduty's own rule (largest remainder): no provision of the Act or grant term svduty
holds says how pence are divided between recipients, so none is cited."""


@checked_fields
@attrs.frozen(slots=True)
class Share:
    """One recipient's share of a split.

    Attributes:
        recipient: The recipient's id.
        amount: The whole-penny amount.
        weight: The weight used (as an exact fraction).
        exact: The exact share before rounding to pence, in pence.

    Raises:
        FundingError: a recipient blank or not printable, an amount, weight or exact
            share below zero, or an amount other than the exact share rounded down or up
            by the rounding's penny; the error names the field.
        ArgumentError: a value not of its field's type (a float, say).

    Example:
        >>> from svduty.funding import split, split_equal
        >>> s = split(Money.parse("1.00"), {"a": 1, "b": 2}).shares[0]
        >>> s.recipient, str(s.amount), s.exact
        ('a', '£0.33', Fraction(100, 3))
    """

    recipient: str
    amount: Money
    weight: Fraction
    exact: Fraction

    def __attrs_post_init__(self) -> None:  # the types are checked next (checked_fields)
        kinds = (str, Money, Fraction, Fraction)
        values = (self.recipient, self.amount, self.weight, self.exact)
        if all(isinstance(v, k) for v, k in zip(values, kinds, strict=True)):
            check_share(self.recipient, self.amount.pence, self.weight, self.exact)

    @property
    def rounding_penny(self) -> bool:
        """Whether the share got a penny of the rounding (above its exact share, rounded down).

        Example:
            >>> from svduty.funding import split, split_equal
            >>> [s.rounding_penny for s in split_equal(Money.parse("0.01"), ["b", "a"]).shares]
            [False, True]
        """
        return self.amount.pence > self.exact.numerator // self.exact.denominator


@checked_fields
@attrs.frozen(slots=True)
class Split:
    """The result of a split: every share, in the order the recipients were given.

    Attributes:
        amount: The amount divided.
        shares: One :class:`Share` per recipient.
        method: How the weights were chosen (``"equal"``, ``"shares"``, ``"weights"``...).
        citations: Where the weights come from (populations, needs scores...).
        amount_citation: Where the amount divided is stated: for a year's allocation, the
            allocation's citation (the Home Office grant as the source records it);
            ``None`` for an amount the caller gave. Every share rests on it and on
            :attr:`citations` (each weight enters every share, through their sum).

    A split built in Python (one a council system agreed elsewhere) is held to what
    :func:`~svduty.funding._split.split` makes: at least one share, each recipient once
    (names that differ only in case or Unicode form are one), the shares and their exact shares adding up to the
    amount, each share as :class:`Share` requires, and the pennies of the rounding given
    as :data:`ROUNDING` says (to the largest remainders; ties: the id that sorts first).

    Raises:
        FundingError: a split :func:`~svduty.funding._split.split` never makes, naming the
            field (never a recipient).
        ArgumentError: a value not of its field's type (a float for the amount).

    Example:
        >>> from svduty.funding import Split, split_equal
        >>> sp = split_equal(Money.parse("10.00"), ["x", "y", "z"])
        >>> [str(m) for m in sp.amounts().values()], str(sp.total())
        (['£3.34', '£3.33', '£3.33'], '£10')
        >>> Split(Money.parse("10.00"), sp.shares[:2])
        Traceback (most recent call last):
        ...
        svduty.errors.FundingError: Split(shares): expected shares adding up to the amount £10 (got '£6.67')
    """  # noqa: E501

    amount: Money
    shares: tuple[Share, ...]
    method: str = "weights"
    citations: tuple[Citation, ...] = ()
    amount_citation: Citation | None = None

    def __attrs_post_init__(self) -> None:  # the types are checked next (checked_fields)
        shares = self.shares if isinstance(self.shares, tuple | list) else None
        if (
            isinstance(self.amount, Money)
            and shares is not None
            and all(isinstance(s, Share) for s in shares)
        ):
            check_split(self.amount.pence, [(s.recipient, s.amount.pence, s.exact) for s in shares])

    def amounts(self) -> dict[str, Money]:
        """The amount of each recipient, by id.

        Example:
            >>> from svduty.funding import split, split_equal
            >>> split_equal(Money.parse("1"), ["a"]).amounts()
            {'a': Money('1.00')}
        """
        return {s.recipient: s.amount for s in self.shares}

    def total(self) -> Money:
        """The sum of the shares (always equal to :attr:`amount`).

        Example:
            >>> from svduty.funding import split, split_equal
            >>> split_equal(Money.parse("0.01"), ["a", "b"]).total().pence
            1
        """
        return Money.total(s.amount for s in self.shares)

    def as_dict(self) -> dict[str, Any]:
        """The split as JSON-ready data.

        Each share's ``exact`` is its exact share in pence as a fraction (``"100/3"``) and
        ``rounding_penny`` whether it got a penny of the rounding (``rounding`` says how).

        Example:
            >>> from svduty.funding import split, split_equal
            >>> split_equal(Money.parse("1"), ["a"]).as_dict()["shares"]
            [{'recipient': 'a', 'amount': '1.00', 'weight': '1', 'exact': '100', 'rounding_penny': False}]
        """  # noqa: E501
        return {
            "amount": self.amount.plain(),
            "method": self.method,
            "total": self.total().plain(),
            "rounding": ROUNDING,
            "shares": [
                {
                    "recipient": s.recipient,
                    "amount": s.amount.plain(),
                    "weight": str(s.weight),
                    "exact": str(s.exact),
                    "rounding_penny": s.rounding_penny,
                }
                for s in self.shares
            ],
            "citations": [c.as_dict() for c in self.citations],
            "amount_citation": self.amount_citation.as_dict() if self.amount_citation else None,
        }

    def to_text(self) -> str:
        """The split as a plain-text table.

        The shares, their total, where the amount is stated (when known), how the pence
        were rounded and which recipients got a rounding penny, and each source the
        weights come from that is not confirmed.

        Example:
            >>> from svduty.funding import split, split_equal
            >>> print(split_equal(Money.parse("1"), ["a", "b"]).to_text())
            Split of £1 (equal)
              a      £0.50
              b      £0.50
              total  £1.00
            >>> print(split_equal(Money.parse("0.01"), ["zeta", "alpha"]).to_text())
            Split of £0.01 (equal)
              zeta   £0.00
              alpha  £0.01
              total  £0.01
            Each exact share is rounded down to the penny; the pence left go one each to the largest remainders (ties: the id that sorts first): alpha.
        """  # noqa: E501
        names = [printable(s.recipient) for s in self.shares]  # never an escape sequence
        rows = [*zip(names, (s.amount for s in self.shares), strict=True), ("total", self.total())]
        width = max(len(n) for n, _ in rows)
        lines = [f"Split of {self.amount} ({printable(self.method)})"]
        lines += [f"  {n.ljust(width)}  {m.format(always_pence=True)}" for n, m in rows]
        if (c := self.amount_citation) is not None:
            lines.append(f"Amount stated in: {c}" + (f" ({c.doubt})" if c.doubt else ""))
        pennies = [n for n, s in zip(names, self.shares, strict=True) if s.rounding_penny]
        if pennies:
            lines.append(f"{ROUNDING}: {', '.join(pennies)}.")
        lines += [
            f"Unconfirmed: {c}" + (f" ({c.doubt})" if c.doubt else "")
            for c in self.citations
            if c.confidence.value == "unconfirmed"
        ]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        rows = "".join(
            f"<tr><td>{html.escape(s.recipient)}</td><td>{html.escape(str(s.weight))}</td>"
            f"<td style='text-align:right'>{s.amount.format(always_pence=True)}</td></tr>"
            for s in self.shares
        )
        cited = [f"Amount stated in: {_said(c)}" for c in (self.amount_citation,) if c] + [
            f"Weights: {_said(c)}" for c in self.citations
        ]
        notes = "".join(f"<br><small>{html.escape(n)}</small>" for n in cited)
        return (
            f"<table><caption>Split of {self.amount} ({html.escape(self.method)})</caption>"
            f"<tr><th>recipient</th><th>weight</th><th>amount</th></tr>{rows}</table>{notes}"
        )


def _said(c: Citation) -> str:
    """A citation as a split's notebook view says it: an unconfirmed one says so (hostile42b).

    Example:
        >>> from svduty.sources import cite
        >>> _said(cite("svd-guidance", "p.1", confidence="unconfirmed", doubt="a guess"))[-26:]
        'p.1 (unconfirmed: a guess)'
    """
    if c.confidence.value != "unconfirmed":
        return str(c) + (f" ({c.doubt})" if c.doubt else "")
    return f"{c} (unconfirmed" + (f": {c.doubt})" if c.doubt else ")")
