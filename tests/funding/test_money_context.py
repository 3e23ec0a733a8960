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


@given(st.integers(1, 28), st.integers(2, 20), st.sampled_from(["average", "above_average"]))
def test_needs_weights_and_tables_do_not_depend_on_the_context(prec, emax, measure):
    """The first fix made ``average`` exact; ``change``, ``risen`` and ``weights`` still
    ran in the caller's context (a review of it)."""
    import svduty

    needs = svduty.warwickshire().strategy.needs
    want = (
        needs.weights(measure),
        [a.name for a in needs.risen()],
        [a.change for a in needs.areas],
    )
    with decimal.localcontext() as ctx:
        ctx.prec, ctx.Emax = prec, emax
        got = (
            needs.weights(measure),
            [a.name for a in needs.risen()],
            [a.change for a in needs.areas],
        )
    assert got == want


def test_money_is_read_whatever_the_callers_exponent_limit():
    with decimal.localcontext() as ctx:
        ctx.Emax = 5
        assert Money.parse(Decimal("263506.30")).pence == 26350630
