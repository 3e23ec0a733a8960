"""Money has at most 15 digits of pounds: a larger amount is a MoneyError naming the field.

Before, a 26-digit amount passed ``svduty validate`` and crashed ``svduty funding`` with
``decimal.InvalidOperation``; ``Money.pounds("9" * 5000)`` and
``Money.pounds(Decimal("1E+10000"))`` raised ``ValueError`` (hostile-input review, 7).
"""

from __future__ import annotations

import io
import re
import shutil
from decimal import Decimal
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from svduty.cli import main
from svduty.errors import MoneyError
from svduty.funding import Money
from svduty.io import validate_bundle

TOO_LARGE = "expected an amount of at most 15 digits of pounds"
LARGEST = 10**15 - 1  # in pounds: the largest amount
WARWICKSHIRE = Path(str(resources.files("svduty").joinpath("data", "warwickshire")))


def test_the_bound_is_fifteen_digits_of_pounds():
    assert Money.MAX_DIGITS == 15
    assert Money.pounds(LARGEST).pence == LARGEST * 100
    assert Money.parse(f"{LARGEST}.99").pence == LARGEST * 100 + 99
    assert Money.from_pence(LARGEST * 100 + 99).pence == LARGEST * 100 + 99


@pytest.mark.parametrize(
    "value",
    [
        "9" * 16,
        "9" * 26 + ".00",
        "9" * 5000,
        "£" + ",".join(["999"] * 6),
        "-" + "9" * 26,
        Decimal("1E+10000"),
        Decimal("-1E+10000"),
        Decimal("1E+15"),
        Decimal("9" * 40),
        10**15,
        10**5000,
    ],
    ids=[
        "16-digits",
        "26-digits",
        "5000-digits",
        "commas",
        "negative",
        "1E+10000",
        "-1E+10000",
        "1E+15",
        "Decimal-40-digits",
        "int-10**15",
        "int-10**5000",
    ],
)
def test_a_larger_amount_is_a_money_error_naming_the_field(value: object):
    with pytest.raises(MoneyError) as caught:
        Money.pounds(value, field="total")  # type: ignore[arg-type]
    assert str(caught.value).startswith(f"total: {TOO_LARGE}")


def test_from_pence_is_bounded_too():
    with pytest.raises(MoneyError, match=f"total: {TOO_LARGE}"):
        Money.from_pence(10**17, field="total")


def test_leading_zeros_do_not_count():
    assert Money.parse("0" * 30 + "1.50").pence == 150


def test_arithmetic_of_amounts_read_is_exact_and_raises_nothing():
    big = Money.pounds(LARGEST)
    total = big + big
    assert total.pence == 2 * LARGEST * 100
    assert total.decimal == Decimal(2 * LARGEST)  # no decimal.InvalidOperation
    assert (big * 1000).decimal == Decimal(LARGEST * 1000)
    assert Money.total([big] * 1000).plain() == f"{LARGEST * 1000}.00"
    assert Money.from_plain(total.plain()) == total


def test_a_result_past_a_billion_amounts_is_refused():
    with pytest.raises(MoneyError, match="at most 24 digits"):
        Money.pounds(LARGEST) * 10**10


@given(
    st.integers(min_value=-LARGEST * 100 - 99, max_value=LARGEST * 100 + 99),
    st.integers(min_value=-LARGEST * 100 - 99, max_value=LARGEST * 100 + 99),
)
def test_two_bounded_amounts_add_subtract_and_read_back_exactly(a: int, b: int):
    x, y = Money.from_pence(a), Money.from_pence(b)
    for m in (x + y, x - y):
        assert Money.from_plain(m.plain()) == m
        assert m.decimal * 100 == m.pence


@given(st.integers(min_value=16, max_value=6000))
def test_any_number_of_digits_past_the_bound_is_a_money_error(digits: int):
    with pytest.raises(MoneyError, match=TOO_LARGE):
        Money.parse("1" + "0" * (digits - 1))


def test_a_bundle_with_a_huge_amount_fails_validate_naming_the_field(tmp_path: Path):
    bundle = tmp_path / "b"
    shutil.copytree(WARWICKSHIRE, bundle)
    funding = bundle / "funding.toml"
    text, n = re.subn(
        r'total = "[0-9.]+"', f'total = "{"9" * 26}.00"', funding.read_text("utf-8"), count=1
    )
    assert n == 1
    funding.write_text(text, encoding="utf-8")
    problems = [str(p) for p in validate_bundle(bundle)]
    assert problems[0].startswith(f"funding.toml: allocations[0].total: {TOO_LARGE}")
    err = io.StringIO()
    code = main(["funding", "--partnership", str(bundle)], stdout=io.StringIO(), stderr=err)
    assert code == 1
    assert "unexpected" not in err.getvalue()
    assert TOO_LARGE in err.getvalue()


def test_funding_shows_amounts_at_the_bound(tmp_path: Path):
    bundle = tmp_path / "b"
    shutil.copytree(WARWICKSHIRE, bundle)
    funding = bundle / "funding.toml"
    text = re.sub(
        r'total = "[0-9.]+"\nlabour = "[0-9.]+"\nnon_labour = "[0-9.]+"',
        f'total = "{LARGEST}.00"\nlabour = "{LARGEST}.00"\nnon_labour = "0.00"',
        funding.read_text("utf-8"),
    )
    funding.write_text(text, encoding="utf-8")
    assert validate_bundle(bundle) == []
    out, err = io.StringIO(), io.StringIO()
    assert main(["funding", "--partnership", str(bundle)], stdout=out, stderr=err) == 0
    assert f"£{LARGEST:,}.00" in out.getvalue()
