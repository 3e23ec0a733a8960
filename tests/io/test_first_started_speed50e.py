"""``FirstStarted``: a generator's first item taken at once on a thread, the rest as asked.

``svduty classify`` reads a police.uk file's first batch with it while the partnership
loads (speed50e). Synchronised, not timed.
"""

from __future__ import annotations

import gc
import threading
import weakref
from collections.abc import Iterator

import pytest

from svduty.io import _ahead
from svduty.io._ahead import FirstStarted


class _Item:
    pass


def _items(threads: list[str], reading: list[bool], n: int = 3) -> Iterator[_Item]:
    for _ in range(n):
        threads.append(threading.current_thread().name)
        reading.append(getattr(_ahead._READING, "ahead", False))
        yield _Item()


@pytest.mark.parametrize("flag", [False, True])
def test_the_first_item_is_taken_at_once_on_its_own_thread(flag: bool) -> None:
    threads: list[str] = []
    reading: list[bool] = []
    got = FirstStarted(_items(threads, reading), reading=flag)
    got._thread.join()  # taken before anything is asked
    assert threads == ["svduty-read"]
    assert reading == [flag]  # the reader's blocks: read as the rest's thread reads them
    assert len(list(got)) == 3
    here = threading.current_thread().name
    assert threads == ["svduty-read", here, here]  # the rest: on the asking thread


def test_the_first_item_is_not_held_once_the_next_is_asked() -> None:
    got = iter(FirstStarted(_items([], [])))
    first = weakref.ref(next(got))
    second = next(got)
    gc.collect()
    assert first() is None  # (a batch held all run: about 8 MB more at the peak, -o)
    assert second is not None


def test_an_error_is_raised_in_its_place() -> None:
    def broken() -> Iterator[int]:
        yield 1
        raise ValueError("cut short")

    assert list(FirstStarted(iter(()))) == []
    got = iter(FirstStarted(broken()))
    assert next(got) == 1
    with pytest.raises(ValueError, match="cut short"):
        next(got)

    def at_once() -> Iterator[int]:
        raise KeyError("first")
        yield 1

    with pytest.raises(KeyError, match="first"):
        list(FirstStarted(at_once()))


def test_closing_unasked_closes_the_items() -> None:
    closed: list[bool] = []

    def items() -> Iterator[int]:
        try:
            yield from range(5)
        finally:
            closed.append(True)

    FirstStarted(items()).close()
    assert closed == [True]
    assert not [t for t in threading.enumerate() if t.name == "svduty-read"]
