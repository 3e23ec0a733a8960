"""``FirstStarted.close()`` safe on its own, while another thread is taking a later item.

``svduty classify`` iterates a police.uk file's ``FirstStarted`` on the loop's reading
thread and closes it from the main thread once the loop is done (review50's latent item:
every path joined the reading thread first). A close while that thread is inside the
reader must wait for the item it takes, then close the reader, and the thread must end
cleanly. Synchronised with events, not timed.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator

from svduty.io._ahead import FirstStarted


def test_a_close_while_a_later_item_is_being_taken_waits_for_it() -> None:
    inside = threading.Event()  # the later-item thread is inside the reader
    go_on = threading.Event()  # let it finish the item it takes
    closed: list[str] = []

    def items() -> Iterator[int]:
        try:
            yield 0
            inside.set()
            go_on.wait(timeout=30)
            yield 1
            yield 2
        finally:
            closed.append(threading.current_thread().name)

    started = FirstStarted(items())
    got: list[int] = []
    failed: list[BaseException] = []

    def later() -> None:  # the loop's reading thread
        try:
            got.extend(started)
        except BaseException as e:  # (asserted below)
            failed.append(e)

    thread = threading.Thread(target=later, name="later-batches")
    thread.start()
    assert inside.wait(timeout=30)
    closer_failed: list[BaseException] = []

    def close() -> None:
        try:
            started.close()
        except BaseException as e:  # (asserted below)
            closer_failed.append(e)

    closer = threading.Thread(target=close, name="closer")
    closer.start()
    closer.join(timeout=0.2)  # (not a time asserted: a chance for a close not waiting to end)
    go_on.set()
    closer.join(timeout=30)
    thread.join(timeout=30)
    assert not closer.is_alive()
    assert not thread.is_alive()
    assert closer_failed == []  # before: ValueError: generator already executing
    assert failed == []
    assert got[:2] == [0, 1]  # the item being taken when close was asked is handed over
    assert len(closed) == 1  # the reader closed once, after that item


def test_closing_twice_and_iterating_after_closing_end_quietly() -> None:
    started = FirstStarted(iter(range(3)))
    it = iter(started)
    assert next(it) == 0
    started.close()
    started.close()
    assert list(it) == []
