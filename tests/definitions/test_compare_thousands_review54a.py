"""``explain --compare-definition``'s counts carry thousands separators, as classify's do."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from svduty.definitions._compare import Comparison


@given(st.integers(1000, 10**9), st.integers(0, 10**9))
def test_counts_have_thousands_separators(rows: int, agree_seed: int) -> None:
    agree = agree_seed % (rows + 1)
    counts = (("yes", "yes", agree), ("yes", "no", rows - agree))
    lines = Comparison("a", "b", rows, agree, counts).to_text().splitlines()
    assert lines[0] == (
        f"a against b: {rows:,} incidents, {agree:,} agree, {rows - agree:,} differ"
    )
    assert lines[1] == f"  a=yes b=yes: {agree:,}"
    assert lines[2] == f"  a=yes b=no: {rows - agree:,}"
    assert "," in lines[0].split(": ", 1)[1].split(" incidents")[0]
