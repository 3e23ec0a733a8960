"""A grant in three equal shares conserves money to the penny (contract43).

No provision of the Act (ss.7-22) or the grant's terms svduty holds says how pence are
divided between recipients: the rule is svduty's own, stated on every split (``ROUNDING``,
in its text and JSON). Each exact share is rounded down; the pence left (0, 1 or 2 for
thirds) go one each to the largest remainders, ties to the id that sorts first.

Thirds as shares could not be written at all: ``"1/3"`` was "expected a number", and
``"0.3333"`` or ``"33.33"`` add up to less than 1 or 100 (refused). A share may now be
written as a fraction of whole numbers, ``"1/3"``.
"""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from svduty.errors import FundingError
from svduty.funding import Money, split, split_equal, split_shares
from svduty.funding._split_result import ROUNDING

PENCE = st.integers(min_value=0, max_value=10**17)
NAMES = st.lists(st.text(alphabet="abcdefghij-", min_size=1, max_size=6), min_size=3, max_size=3)
THIRDS = ["1/3", " 1/3", "2/6", "3/9 "]


def _thirds(names: list[str]) -> bool:
    return len({n.casefold() for n in names}) == 3


@given(PENCE, NAMES.filter(_thirds))
def test_three_equal_shares_sum_to_the_whole_by_the_stated_rule(pence: int, names: list[str]):
    amount = Money(pence)
    ways = [
        split_equal(amount, names),
        split(amount, dict.fromkeys(names, 1)),
        split_shares(amount, dict.fromkeys(names, "1/3")),
        split_shares(amount, dict.fromkeys(names, Fraction(1, 3))),
    ]
    low, left = divmod(pence, 3)
    first = sorted(names)[:left]  # the pence left go to the ids that sort first
    for sp in ways:
        assert sp.total() == amount
        assert [s.amount.pence for s in sp.shares] == [low + (n in first) for n in names]
        assert [s.rounding_penny for s in sp.shares] == [n in first for n in names]
        assert sp.as_dict()["rounding"] == ROUNDING
    assert len({tuple(s.amount for s in sp.shares) for sp in ways}) == 1


def test_the_rule_is_stated_on_the_split() -> None:
    sp = split_shares(Money.parse("263506.30"), {"a": "1/3", "b": "1/3", "c": "1/3"})
    assert [str(s.amount) for s in sp.shares] == ["£87,835.44", "£87,835.43", "£87,835.43"]
    assert sp.to_text().endswith(f"{ROUNDING}: a.")
    assert [s["exact"] for s in sp.as_dict()["shares"]] == ["26350630/3"] * 3


@pytest.mark.parametrize("third", THIRDS)
def test_a_third_written_as_a_fraction_is_one_third(third: str) -> None:
    sp = split_shares(Money.parse("1"), {"a": third, "b": third, "c": third})
    assert [s.weight for s in sp.shares] == [Fraction(1, 3)] * 3


@pytest.mark.parametrize(
    "bad", ["1/0", "1/", "/3", "1/3/3", "-1/3", "1.5/3", "1 / 3", "١/٣", "1/" + "3" * 61]
)
def test_a_fraction_not_of_whole_numbers_is_refused_naming_the_field(bad: str) -> None:
    with pytest.raises(FundingError, match=r"shares\[a\]: expected"):
        split_shares(Money.parse("1"), {"a": bad, "b": "1/3", "c": "1/3"})


def test_thirds_in_decimals_are_still_refused() -> None:
    for third in ("0.3333", "33.33"):
        with pytest.raises(FundingError, match="expected shares adding up to 1"):
            split_shares(Money.parse("1"), dict.fromkeys("abc", third))
