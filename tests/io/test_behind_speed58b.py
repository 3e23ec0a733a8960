"""``io._background.behind``: items used in order on a thread of their own (speed58b).

The JSON Lines writer makes each part of the lines while the part before is written
(``io._writers._write_lines``). What is written must be the same bytes, in the same order,
and an error (a full disk, a closed pipe) must stop the writing and reach the caller, as
when each part was written where it was made.
"""

from __future__ import annotations

import io
import json
import threading
import time
from collections.abc import Iterator
from typing import Any

import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from svduty.io import _background
from svduty.io._background import BEHIND, behind
from svduty.io._json_lines import json_lines
from svduty.io._writers import _write_lines


def _threads() -> set[str]:
    return {t.name for t in threading.enumerate() if t.name == "svduty-write"}


@settings(max_examples=60, deadline=None)
@given(
    items=st.lists(st.integers(), max_size=30),
    fail_at=st.one_of(st.none(), st.integers(min_value=0, max_value=35)),
    slow=st.booleans(),
)
def test_items_used_in_order_until_the_first_error(
    items: list[int], fail_at: int | None, slow: bool
) -> None:
    used: list[int] = []
    made: list[int] = []

    def make() -> Iterator[tuple[int, int]]:
        for i, item in enumerate(items):
            made.append(i)
            yield (i, item)

    def use(pair: tuple[int, int]) -> None:
        i, item = pair
        if slow:
            time.sleep(0.0005)  # the maker runs ahead, as far as the queue lets it
        if i == fail_at:
            raise OSError(f"failed at {i}")
        used.append(item)

    if fail_at is not None and fail_at < len(items):
        with pytest.raises(OSError, match=f"failed at {fail_at}"):
            behind(make(), use)
        assert used == items[:fail_at]
        # the maker stops soon after: never more than the queue and the one in hand ahead
        assert len(made) <= fail_at + BEHIND + 3
    else:
        behind(make(), use)
        assert used == items
    assert not _threads()  # the thread has ended


def test_an_error_making_the_items_comes_after_the_items_made_before_it() -> None:
    used: list[int] = []

    def make() -> Iterator[int]:
        yield 1
        yield 2
        raise ValueError("bad part")

    with pytest.raises(ValueError, match="bad part"):
        behind(make(), used.append)
    assert used == [1, 2]
    assert not _threads()


def test_at_most_behind_items_wait() -> None:
    """The maker is held back while the items before it are not used (memory bounded)."""
    gate = threading.Event()
    made: list[int] = []
    used: list[int] = []

    def make() -> Iterator[int]:
        for i in range(10):
            made.append(i)
            yield i

    def use(item: int) -> None:
        gate.wait(5)
        used.append(item)

    done = threading.Thread(target=behind, args=(make(), use))
    done.start()
    time.sleep(0.2)
    ahead = len(made)
    gate.set()
    done.join(10)
    assert used == list(range(10))
    # one in use (held by the gate), BEHIND waiting, one made and waiting to be put
    assert ahead <= BEHIND + 2


class _Recorded(io.BytesIO):
    """A byte stream that records which thread wrote each part."""

    def __init__(self) -> None:
        super().__init__()
        self.writers: list[str] = []

    def write(self, data: Any, /) -> int:
        self.writers.append(threading.current_thread().name)
        return super().write(data)


@settings(max_examples=25, deadline=None)
@given(
    texts=st.lists(st.one_of(st.none(), st.text(max_size=12)), min_size=1, max_size=40),
    numbers=st.lists(st.one_of(st.none(), st.integers(-(2**40), 2**40)), min_size=40),
    split=st.integers(min_value=1, max_value=40),
)
def test_the_written_lines_are_the_encoders_lines(
    texts: list[str | None], numbers: list[int | None], split: int
) -> None:
    """The bytes written in parts behind the encoder: ``json.dumps`` of each row, in order."""
    n = len(texts)
    table = pa.table({"t": pa.array(texts, pa.string()), "n": pa.array(numbers[:n], pa.int64())})
    pieces = table.to_batches(max_chunksize=split)
    out = _Recorded()
    _write_lines(out, pieces)
    rows = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in table.to_pylist())
    assert out.getvalue().decode() == rows == "".join(json_lines(b) for b in pieces)
    assert set(out.writers) == {"svduty-write"}  # written on the thread behind the maker


def test_behind_is_exported() -> None:
    assert "behind" in _background.__all__
