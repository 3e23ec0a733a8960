"""A summary's first batch is answered alone and at once; the batches after it together.

speed54a (issue 15): a summary held its batches (up to ``svduty.io._alike.MERGED_ROWS``,
``MERGED_COMBINATIONS``...) and answered them together: 400,000 resampled rows were four
blocks answered once the fifth was read, with the look-ups a run makes once (the LSOA codes
met, the national tables), while the loop's thread had waited idle for every block. The
first batch is now answered as soon as it is read; the next ones are held as before. The
summary is the same either way (``test_alike_merged``); what is checked here is when each
batch is answered, counted, never timed.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs
import pyarrow as pa
from hypothesis import given, settings
from hypothesis import strategies as st

from svduty.io import run_pipeline
from svduty.io._alike import Held, numbered

from .test_alike import _KINDS, DEFAULT, _batch


def _events(batches: list[pa.Table]) -> list[str]:
    """What a summary's run does, in order: ``read`` a batch, ``answer`` (rows answered)."""
    events: list[str] = []

    def read() -> Iterator[pa.Table]:
        for batch in batches:
            events.append("read")
            yield batch

    given = DEFAULT.split
    assert given is not None

    def split(t: pa.Table, **kw: object) -> object:
        events.append(f"answer {t.num_rows}")
        return given(t, **kw)

    run_pipeline(read(), attrs.evolve(DEFAULT, split=split))
    return events


def test_the_first_batch_is_answered_before_the_next_is_read():
    batches = [_batch(["inside", "away"] * 4) for _ in range(4)]  # (alike: grouped)
    # the first alone, at once; the three after it together (their 2 combinations once)
    assert _events(batches) == ["read", "answer 2", "read", "read", "read", "answer 2"]


def test_a_single_batch_is_answered_once():
    assert _events([_batch(["inside", "away"] * 4)]) == ["read", "answer 2"]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(st.sampled_from(sorted(_KINDS)), min_size=1, max_size=8), max_size=5))
def test_until_the_second_batch_is_read_the_run_is_the_first_batchs_alone(kinds):
    batches = [_batch(k) for k in kinds]
    events = _events(batches)
    assert events.count("read") == len(batches)
    if len(batches) > 1:  # the first batch answered (if at all) before the second is read
        second = [i for i, e in enumerate(events) if e == "read"][1]
        assert events[:second] == _events(batches[:1])


def test_held_takes_a_second_batch_only_once_one_was_answered():
    found = numbered(_batch(["inside", "away"] * 4))
    assert found is not None
    held = Held()
    assert held.takes(found)  # none held: any batch
    held.add(found)
    assert not held.takes(found)  # the run's first: alone
    assert held.taken() == [found]
    held.add(found)
    assert held.takes(found)  # then as the limits allow
    held.add(found)
    assert (held.rows, len(held.found)) == (16, 2)
