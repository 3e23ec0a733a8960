from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from svduty.errors import MoneyError
from svduty.funding import Money

pence = st.integers(min_value=-(10**12), max_value=10**12)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("£263,506.30", 26350630),
        ("263506.30", 26350630),
        ("263506.3", 26350630),
        ("30,000", 3000000),
        ("£30,000.00", 3000000),
        ("0.01", 1),
        (" 12.340 ", 1234),
        ("0", 0),
    ],
)
def test_parse_text(text, expected):
    assert Money.parse(text).pence == expected


def test_parse_decimal_and_money():
    assert Money.parse(Decimal("83506.30")).pence == 8350630
    m = Money.from_pence(5)
    assert Money.parse(m) is m


@pytest.mark.parametrize(
    ("value", "needle"),
    [
        (0.1, "floats are not accepted"),
        (True, "floats are not accepted"),
        (30000, "could mean pounds or pence"),
        ("12.345", "at most two decimal places"),
        (Decimal("1.001"), "at most two decimal places"),
        ("-1", "zero or more"),
        ("£-1", "zero or more"),
        ("1,00", 'an amount such as "£263,506.30"'),
        ("abc", 'an amount such as "£263,506.30"'),
        ("-£-1", 'an amount such as "£263,506.30"'),
        (Decimal("NaN"), "a finite amount"),
        (None, 'an amount such as "£263,506.30"'),
    ],
)
def test_parse_rejects(value, needle):
    with pytest.raises(MoneyError, match="labour") as info:
        Money.parse(value, field="labour")
    assert needle in str(info.value)


def test_negative_allowed_when_asked():
    assert Money.parse("-£5.10", allow_negative=True).pence == -510
    assert Money.parse("£-5.10", allow_negative=True).pence == -510


def test_from_pence_and_pounds():
    assert Money.from_pence(3000000) == Money.pounds(30000)
    assert Money.pounds("1.50").pence == 150
    with pytest.raises(MoneyError, match="pence"):
        Money.from_pence(1.5)  # type: ignore[arg-type]
    with pytest.raises(MoneyError, match="whole number of pence"):
        Money(1.0)  # type: ignore[arg-type]
    with pytest.raises(MoneyError, match="zero or more"):
        Money.pounds(-1)


def test_format():
    assert str(Money.parse("263506.30")) == "£263,506.30"
    assert str(Money.pounds(575214)) == "£575,214"
    assert Money.pounds(30000).format(always_pence=True) == "£30,000.00"
    assert Money.from_pence(-2997187).format() == "-£29,971.87"
    assert Money.from_pence(7).format(symbol=False) == "0.07"
    assert repr(Money.from_pence(7)) == "Money('0.07')"
    assert Money.from_pence(7).plain() == "0.07"
    assert Money.from_pence(-7).plain() == "-0.07"
    assert Money.from_pence(7).decimal == Decimal("0.07")


def test_arithmetic():
    a, b = Money.parse("180000"), Money.parse("83506.30")
    assert a + b == Money.parse("263506.30")
    assert (a + b) - b == a
    assert -a == Money.from_pence(-a.pence)
    assert abs(-a) == a
    assert a * 3 == 3 * a == Money.pounds(540000)
    assert sum([a, b]) == a + b
    assert bool(Money.zero()) is False
    assert Money.total([]) == Money.zero()
    assert a > b
    with pytest.raises(MoneyError, match="multiplier"):
        a * 0.5  # type: ignore[operator]
    with pytest.raises(MoneyError, match="multiplier"):
        a * Decimal("0.5")  # type: ignore[operator]
    with pytest.raises(TypeError):
        a + 1  # type: ignore[operator]
    with pytest.raises(TypeError):
        a - 1  # type: ignore[operator]
    with pytest.raises(TypeError):
        a * "x"  # type: ignore[operator]


@given(st.lists(pence, max_size=30))
def test_sum_conserves_pence(values):
    total = Money.total(Money.from_pence(v) for v in values)
    assert total.pence == sum(values)


@given(pence, pence)
def test_add_sub_roundtrip(a, b):
    ma, mb = Money.from_pence(a), Money.from_pence(b)
    assert (ma + mb) - mb == ma
    assert (ma - mb).pence == a - b


@given(st.integers(min_value=0, max_value=10**12))
def test_format_parse_roundtrip(p):
    m = Money.from_pence(p)
    assert Money.parse(str(m)) == m
    assert Money.parse(m.plain()) == m
    assert Money.parse(m.format(always_pence=True, symbol=False)) == m


# -- what text is an amount (issue 12 item 8) ----------------------------------------------


@pytest.mark.parametrize("text", ["١٢٣", "𝟗𝟗", "12 34", "£ 1", "1,2345", "12,34", "1.2.3", "٣.٠٠"])
def test_only_ascii_amounts_are_money(text):
    with pytest.raises(MoneyError):
        Money.parse(text)


def _written(pence: int, symbol: bool, commas: bool, places: int) -> str:
    pounds, pennies = divmod(pence, 100)
    whole = f"{pounds:,}" if commas else str(pounds)
    frac = f"{pennies:02d}"
    if places == 0 and pennies:
        places = 2
    tail = "" if places == 0 else "." + (frac if places == 2 else frac[0])
    if places == 1 and frac[1] != "0":
        tail = "." + frac
    return ("£" if symbol else "") + whole + tail


@given(
    st.integers(min_value=0, max_value=10**12),
    st.booleans(),
    st.booleans(),
    st.sampled_from([0, 1, 2]),
)
def test_every_well_written_amount_parses_exactly(pence, symbol, commas, places):
    text = _written(pence, symbol, commas, places)
    assert Money.parse(text).pence == pence, text


NON_ASCII_DIGITS = st.characters(categories=["Nd"]).filter(lambda c: not c.isascii())


@given(st.integers(min_value=0, max_value=10**9), NON_ASCII_DIGITS, st.data())
def test_a_non_ascii_digit_anywhere_is_not_money(pence, digit, data):
    text = Money.from_pence(pence).plain()
    at = data.draw(st.integers(min_value=0, max_value=len(text)))
    replace = data.draw(st.booleans())
    bad = text[:at] + digit + text[at + (1 if replace and at < len(text) else 0) :]
    with pytest.raises(MoneyError):
        Money.parse(bad)


@given(
    st.integers(min_value=10, max_value=10**9),
    st.sampled_from([" ", "\t", "\u00a0", "\u2009", "_"]),
    st.data(),
)
def test_an_inner_space_is_not_money(pence, space, data):
    text = Money.from_pence(pence).format(always_pence=True)
    at = data.draw(st.integers(min_value=1, max_value=len(text) - 1))
    with pytest.raises(MoneyError):
        Money.parse(text[:at] + space + text[at:])


@given(st.integers(min_value=1000, max_value=10**9), st.data())
def test_a_comma_out_of_place_is_not_money(pounds, data):
    digits = str(pounds)
    right = {len(digits) - k for k in range(3, len(digits), 3)}
    wrong = [i for i in range(1, len(digits)) if i not in right]
    at = data.draw(st.sampled_from(wrong))
    with pytest.raises(MoneyError):
        Money.parse(digits[:at] + "," + digits[at:])


@given(st.text(alphabet=st.characters(categories=["L"]), min_size=3, max_size=30))
def test_a_bad_amount_is_never_echoed(name):
    def message(text: str) -> str:
        with pytest.raises(MoneyError) as info:
            Money.parse(text, field="labour")
        return str(info.value)

    said = message(f"{name} 12/03/1985")
    assert "12/03/1985" not in said
    # the message depends on the text's length only, never on what it says
    assert said == message("x" * len(name) + " 12/03/1985")


@pytest.mark.parametrize("text", ["0,500", "00,500", "000,500", "£0,123.45", "-0,500", "0,000"])
def test_a_first_group_of_zeros_is_not_a_thousands_group(text: str) -> None:
    """ "0,500" was read as £500: a writer of thousands commas never writes a first group
    of zeros, and "0,500" is how a decimal comma writes half a pound (a thousandfold
    misreading, silently). It is refused, as "1,00" is."""
    with pytest.raises(MoneyError, match="thousands commas"):
        Money.parse(text, field="amount", allow_negative=True)


@pytest.mark.parametrize(("text", "pence"), [("1,000", 100000), ("00500", 50000), ("0", 0)])
def test_grouped_and_leading_zero_amounts_still_read(text: str, pence: int) -> None:
    assert Money.parse(text).pence == pence


@pytest.mark.parametrize(
    ("make", "said"),
    [
        (lambda: Money.from_pence(Decimal("2")), "got a Decimal"),
        (lambda: Money.from_pence(2.5), "got a float"),
        (lambda: Money(None), "got None"),  # type: ignore[arg-type]
    ],
)
def test_pence_not_an_int_is_described_by_its_type_not_as_a_string(make, said):
    """hostile41, finding 7: a Decimal was refused as "a string of 12 characters"."""
    with pytest.raises(MoneyError, match=rf"\({said}\)$"):
        make()
