"""A Split (and its Shares) built in Python is checked as split() makes them (contract43).

A council system that builds a :class:`Split` from its own records (a split agreed
elsewhere, read back from its store) got no check at all: shares that did not add up to
the amount, a negative share, a float for the amount, a district named twice or a blank
recipient were all accepted, and ``total()`` then disagreed with ``amount`` silently.
"""

from __future__ import annotations

import re
from fractions import Fraction

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from svduty.errors import ArgumentError, FundingError
from svduty.funding import Money, Share, Split, split, split_equal

PERSONAL = "Jane Citizen"


def _share(recipient: str, pence: int, exact: Fraction | None = None) -> Share:
    return Share(recipient, Money(pence), Fraction(1), Fraction(pence) if exact is None else exact)


def _split(*shares: Share, amount: int | None = None) -> Split:
    total = sum(s.amount.pence for s in shares) if amount is None else amount
    return Split(Money(total), shares, "agreed")


def test_a_split_made_by_split_is_accepted_when_built_again() -> None:
    made = split_equal(Money.parse("263506.30"), ["rugby", "warwick", "nuneaton"])
    again = Split(made.amount, made.shares, made.method, made.citations, made.amount_citation)
    assert again == made
    assert _split(_share("a", 100), _share("b", 0)).total() == Money(100)


def test_shares_that_do_not_add_up_to_the_amount_are_refused() -> None:
    with pytest.raises(FundingError, match=r"Split\(shares\): expected shares adding up to"):
        _split(_share("a", 100), _share("b", 50), amount=200)


def test_exact_shares_that_do_not_add_up_to_the_amount_are_refused() -> None:
    odd = Share("b", Money(50), Fraction(1), Fraction(101, 2))
    with pytest.raises(FundingError, match=r"Split\(shares\): expected exact shares"):
        _split(_share("a", 100, Fraction(100)), odd)


def test_a_negative_amount_is_refused() -> None:
    with pytest.raises(FundingError, match=r"Split\(amount\): expected an amount of zero or more"):
        Split(Money(-100), (), "agreed")


@pytest.mark.parametrize("field", ["amount", "weight", "exact"])
def test_a_negative_share_is_refused_naming_the_field(field: str) -> None:
    good = _share("a", 100)
    bad = {"amount": Money(-1), "weight": Fraction(-1), "exact": Fraction(-1)}[field]
    with pytest.raises(FundingError, match=rf"Share\({field}\): expected"):
        attrs.evolve(good, **{field: bad})


def test_a_share_more_than_a_penny_from_its_exact_share_is_refused() -> None:
    with pytest.raises(
        FundingError, match=r"Share\(amount\): expected the exact share \(100/3 pence\)"
    ):
        Share("a", Money(35), Fraction(1), Fraction(100, 3))
    for pence in (33, 34):  # rounded down, or up by the rounding's penny
        assert Share("a", Money(pence), Fraction(1), Fraction(100, 3)).amount.pence == pence


@pytest.mark.parametrize("field", ["amount", "shares", "method"])
def test_a_value_of_the_wrong_type_is_an_argument_error(field: str) -> None:
    made = split_equal(Money.parse("1"), ["a"])
    wrong = {"amount": 1.5, "shares": (1.5,), "method": 1.5}[field]
    with pytest.raises(ArgumentError, match=rf"Split\({field}"):
        attrs.evolve(made, **{field: wrong})


@pytest.mark.parametrize("field", ["amount", "weight", "exact"])
def test_a_float_in_a_share_is_an_argument_error(field: str) -> None:
    with pytest.raises(ArgumentError, match=rf"Share\({field}\): expected .*\(got a float\)"):
        attrs.evolve(_share("a", 100), **{field: 1.0})


@pytest.mark.parametrize("twice", ["rugby", "Rugby", "RUGBY"])
def test_a_district_named_twice_is_refused(twice: str) -> None:
    with pytest.raises(FundingError, match=r"Split\(shares\[1\]\.recipient\): expected each"):
        _split(_share("rugby", 50), _share(twice, 50))


@pytest.mark.parametrize("name", ["", "  ", "a\nb", "\x1b[31m"])
def test_a_blank_or_unprintable_recipient_is_refused(name: str) -> None:
    with pytest.raises(FundingError, match=r"Share\(recipient\): expected a recipient named"):
        _share(name, 10)


def test_no_shares_is_refused() -> None:
    with pytest.raises(FundingError, match=r"Split\(shares\): expected at least one share"):
        Split(Money(0), (), "agreed")


def test_an_error_never_shows_the_recipient() -> None:
    with pytest.raises(FundingError) as caught:
        _split(_share(PERSONAL, 50), _share(PERSONAL.upper(), 50))
    assert PERSONAL not in str(caught.value)
    assert PERSONAL.upper() not in str(caught.value)


@given(
    st.integers(0, 10**12),
    st.lists(st.integers(0, 1000), min_size=1, max_size=8).filter(any),
)
def test_every_split_made_by_split_passes_the_checks(pence: int, weights: list[int]) -> None:
    made = split(Money(pence), {f"r{i}": w for i, w in enumerate(weights)})
    assert Split(made.amount, list(made.shares), made.method) == attrs.evolve(made, citations=())


@pytest.mark.parametrize(
    ("shares", "field"),
    [
        # the penny to the smaller remainder (0.1p, not 0.9p)
        ((("a", 33, Fraction(339, 10)), ("b", 67, Fraction(661, 10))), "shares[0].amount"),
        # a tie (0.5p each) to the id that sorts last
        ((("a", 49, Fraction(99, 2)), ("b", 51, Fraction(101, 2))), "shares[0].amount"),
        ((("b", 51, Fraction(101, 2)), ("a", 49, Fraction(99, 2))), "shares[0].amount"),
    ],
)
def test_rounding_pennies_given_otherwise_than_the_rule_are_refused(
    shares: tuple[tuple[str, int, Fraction], ...], field: str
) -> None:
    """Each share was within a penny of its exact share, so the split passed, and its text
    and JSON stated the largest-remainder rule it did not follow (hostile43b)."""
    built = tuple(Share(r, Money(p), Fraction(1), x) for r, p, x in shares)
    with pytest.raises(FundingError, match=rf"Split\({re.escape(field)}\): expected the exact"):
        Split(Money(100), built, "agreed")
    by_the_rule = split(Money(100), {r: x for r, _, x in shares})
    assert Split(Money(100), by_the_rule.shares, "agreed").total() == Money(100)


def test_an_exact_share_too_long_to_write_is_refused() -> None:
    """A split's JSON writes its exact shares as digits; Python writes no integer of more
    than 4,300 (as_dict raised ValueError, hostile43b)."""
    with pytest.raises(FundingError, match=r"Share\(exact\): expected an exact share of at most"):
        Share("a", Money(0), Fraction(1), Fraction(1, 10**4300))
