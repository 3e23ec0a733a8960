"""Fuzz: the count of incident rows sharing an ``id`` costs work in proportion to the rows.

``INCIDENT-ID-DUPLICATE`` (mend45) counts, across a run's batches, the usable incident rows
whose ``id`` an earlier row has. Before hostile45b each batch's ids were looked up in every
distinct id of the batches before it (``is_in`` builds its hash table of the value set on
every call): the work grew with the square of the rows, so a file of 4 million distinct
ids spent about 23 s of CPU on the warning alone, and ever more as files grew (about 90 s at
8 million), for an analyst classifying "millions of police.uk rows" or incidents. The ids
are now numbered once, when the warning is asked for. Counted (the values Arrow's hash
kernels are given), not timed; the rows named and the count are a set kept row by row's,
for ids repeated across and within batches, of every text encoding, and with no id.
"""

from __future__ import annotations

from typing import Any

import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from svduty import _compute
from svduty.io._repeated_ids import SHOWN, RepeatedIds

CANARY = "Jane Canary 1990-01-02"  # an id that is personal data: never kept in what is shown

_HASHING = ("dictionary_encode", "is_in", "unique", "value_counts", "index_in")


def _counted(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The number of values each hash kernel call is given (its input and value set)."""
    hashed: list[int] = []
    for name in _HASHING:
        real = getattr(_compute, name)

        def counting(values: Any, *args: Any, _real: Any = real, **kwargs: Any) -> Any:
            value_set = kwargs.get("value_set")
            hashed.append(len(values) + (len(value_set) if value_set is not None else 0))
            return _real(values, *args, **kwargs)

        monkeypatch.setattr(_compute, name, counting, raising=False)
    return hashed


def test_the_work_grows_with_the_rows_not_their_square(monkeypatch: pytest.MonkeyPatch) -> None:
    """60 batches of 1,000 new ids each: the values hashed are a few times the rows."""
    hashed = _counted(monkeypatch)
    batches, size = 60, 1_000
    repeated = RepeatedIds()
    for b in range(batches):
        ids = [f"{CANARY} {b * size + i}" for i in range(size)]
        rows = list(range(b * size + 2, (b + 1) * size + 2))
        repeated.add(pa.table({"file": ["in.jsonl"] * size, "row": rows, "id": ids}))
    warnings: dict[str, int] = {}
    shown: dict[str, Any] = {}
    repeated.warned(warnings, shown)
    assert (warnings, shown) == ({}, {})
    # before: each batch's ids looked up in all the earlier ones, ~30 times the rows
    assert sum(hashed) <= 4 * batches * size, sum(hashed)


def _reference(batches: list[list[Any]]) -> tuple[int, list[tuple[str, int]]]:
    seen: set[str] = set()
    count, rows, row = 0, [], 0
    for batch in batches:
        for value in batch:
            row += 1
            if value is None:
                continue
            if value in seen:
                count += 1
                rows.append((f"f{row % 3}", row))
            seen.add(value)
    return count, rows[:SHOWN]


_ids = st.one_of(st.none(), st.sampled_from([CANARY, "7", "07", "", " "]), st.text(max_size=2))


@settings(max_examples=150, deadline=None)
@given(
    batches=st.lists(st.lists(_ids, max_size=15), max_size=8),
    how=st.sampled_from(["string", "large_string", "dictionary", "string_view"]),
)
def test_rows_named_and_counted_as_a_set_kept_row_by_row(
    batches: list[list[Any]], how: str
) -> None:
    repeated, row = RepeatedIds(), 0
    for batch in batches:
        values: Any = pa.array(batch, pa.string())
        if how == "dictionary":
            values = values.dictionary_encode()
        elif how != "string":
            values = values.cast(getattr(pa, how)())
        numbers = list(range(row + 1, row + 1 + len(batch)))
        row += len(batch)
        files = [f"f{n % 3}" for n in numbers]
        repeated.add(pa.table({"file": files, "row": numbers, "id": values}))
    count, rows = _reference(batches)
    warnings: dict[str, int] = {}
    shown: dict[str, Any] = {}
    repeated.warned(warnings, shown)
    named = list(shown.get("INCIDENT-ID-DUPLICATE", ()))
    assert (warnings.get("INCIDENT-ID-DUPLICATE", 0), named) == (count, rows)
    assert CANARY not in repr(shown)
