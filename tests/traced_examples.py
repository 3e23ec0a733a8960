"""Coverage of the property tests: each one's first examples traced, the rest untraced.

Coverage's tracer (on Python 3.11 a C trace function recording branch arcs) costs a property
test's examples most of their CPU. The first :data:`TRACED` examples of each property test
are traced as every other test is; the others run with no trace function: the same examples
and the same assertions, only not counted. So the coverage ``make test`` reports is a lower
bound of what the suite runs: never higher than with every example traced, and the gate
(97%, branch) holds that bound. ``SVDUTY_TRACED_EXAMPLES=0`` traces every example.

A test that is not a property test but repeats one step many times (a race looked for by
running the same read hundreds of times) wraps the step in :func:`repeated`: its first calls
traced, the rest run untraced, as a property test's examples are (ci60b).
"""

from __future__ import annotations

import functools
import os
import sys
import threading
from collections.abc import Callable
from typing import TypeVar

import pytest

TRACED = int(os.environ.get("SVDUTY_TRACED_EXAMPLES", "10"))
_examples = [0]
T = TypeVar("T")


def _resumed() -> None:
    """A call: coverage's tracer, given back by ``sys.settrace``, installs itself again."""


def untraced(inner: Callable[..., T], *args: object, **kwargs: object) -> T:
    """``inner(*args, **kwargs)`` with no trace function, nor in the threads it starts."""
    tracer = sys.gettrace()
    if tracer is None:
        return inner(*args, **kwargs)
    threads = threading.gettrace()
    sys.settrace(None)
    threading.settrace(None)
    try:
        return inner(*args, **kwargs)
    finally:
        threading.settrace(threads)
        sys.settrace(tracer)
        _resumed()  # the tracer back in C before this frame returns: its stack balanced


def call(traced: bool, check: Callable[..., T], *args: object) -> T:
    """``check(*args)``, traced only if ``traced`` (or every call is: ``TRACED`` is 0).

    For a test that repeats one check over cases chosen so that the traced ones cover what
    all of them cover (ci60a: eleven of the 43 police force areas).
    """
    return check(*args) if traced or TRACED <= 0 else untraced(check, *args)


def first_examples_traced(inner: Callable[..., object], traced: int) -> Callable[..., object]:
    """``inner`` (a property test's body), traced for its first ``traced`` examples only."""

    @functools.wraps(inner)
    def example(*args: object, **kwargs: object) -> object:
        _examples[0] += 1
        if _examples[0] <= traced:
            return inner(*args, **kwargs)
        return untraced(inner, *args, **kwargs)

    example.svduty_first_traced = True  # type: ignore[attr-defined]
    return example


def repeated(step: Callable[..., T]) -> Callable[..., T]:
    """``step``, repeated by a test that is not a property test, traced for its first calls.

    Every call runs and returns (or raises) as ``step`` does; only the calls after the
    test's first :data:`TRACED` go untraced (all are traced if ``TRACED`` is 0).
    """
    return step if TRACED <= 0 else first_examples_traced(step, TRACED)  # type: ignore[return-value]


def new_test(item: pytest.Item) -> None:
    """A test begins: its examples counted from zero, a property test's body wrapped once."""
    _examples[0] = 0
    handle = getattr(getattr(item, "obj", None), "hypothesis", None)
    if TRACED <= 0 or handle is None or sys.gettrace() is None:
        return
    if not getattr(handle.inner_test, "svduty_first_traced", False):
        handle.inner_test = first_examples_traced(handle.inner_test, TRACED)
