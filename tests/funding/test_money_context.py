"""Money is exact whatever the caller's decimal context: its precision never rounds pence."""

from __future__ import annotations

import decimal
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from svduty.funding import Money
from svduty.funding._needs import NeedsArea

_PENCE = st.integers(0, 10**15 - 1)


@given(_PENCE, st.integers(1, 28))
def test_a_decimal_amount_is_read_exactly_at_any_precision(pence, prec):
    amount = Decimal(pence).scaleb(-2, decimal.Context(prec=40))
    with decimal.localcontext() as ctx:
        ctx.prec = prec
        assert Money.pounds(amount).pence == pence
        assert Money.parse(amount).pence == pence
        assert Money(pence).decimal == amount


@given(st.lists(st.integers(0, 10**6), min_size=3, max_size=3), st.integers(1, 28))
def test_a_needs_average_does_not_depend_on_the_precision(scores, prec):
    area = NeedsArea("x", "high", tuple(Decimal(s) for s in scores), Decimal(0))
    want = area.average
    with decimal.localcontext() as ctx:
        ctx.prec = prec
        assert area.average == want
