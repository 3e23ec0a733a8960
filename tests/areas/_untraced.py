"""A plain test's repetitions, the first traced by coverage and the rest not.

The idea of ``tests/traced_examples.py`` (a property test's first examples traced, the rest
untraced) for a test that repeats one check many times: coverage's tracer costs each call
most of its CPU, and the repetitions after the first trace little that is new. An untraced
call is the same call with the same assertions, only not counted, so the coverage ``make
test`` reports stays a lower bound of what the suite runs. ``SVDUTY_TRACED_EXAMPLES=0``
traces every call here too.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")
EVERY_CALL = os.environ.get("SVDUTY_TRACED_EXAMPLES", "10").strip() == "0"


def _resumed() -> None:
    """A call: coverage's tracer, given back by ``sys.settrace``, installs itself again."""


def call(traced: bool, check: Callable[..., T], *args: object) -> T:
    """``check(*args)``; with no trace function (nor in the threads it starts) unless
    ``traced``, coverage is off or every call is to be traced."""
    tracer = sys.gettrace()
    if traced or tracer is None or EVERY_CALL:
        return check(*args)
    threads = threading.gettrace()
    sys.settrace(None)
    threading.settrace(None)  # type: ignore[arg-type]
    try:
        return check(*args)
    finally:
        threading.settrace(threads)  # type: ignore[arg-type]
        sys.settrace(tracer)
        _resumed()  # the tracer back in C before this frame returns: its stack balanced
