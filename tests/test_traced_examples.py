"""The property tests' examples after the first few run untraced, and tracing comes back."""

from __future__ import annotations

import sys
import threading
from types import FrameType
from typing import Any

from tests import traced_examples


def _tracer(frame: FrameType, event: str, arg: Any) -> None:
    """A trace function of the test's own (it traces nothing)."""


def test_the_first_examples_are_traced_and_the_rest_not() -> None:
    seen: list[tuple[int, bool, bool]] = []

    def body(n: int) -> None:
        seen.append((n, sys.gettrace() is not None, threading.gettrace() is not None))

    wrapped = traced_examples.first_examples_traced(body, traced=3)
    old, old_threads = sys.gettrace(), threading.gettrace()
    sys.settrace(_tracer)
    threading.settrace(_tracer)
    try:
        traced_examples._examples[0] = 0
        for n in range(5):
            wrapped(n)
        after = sys.gettrace(), threading.gettrace()
    finally:
        threading.settrace(old_threads)  # type: ignore[arg-type]
        sys.settrace(old)
    assert [s[0] for s in seen] == [0, 1, 2, 3, 4]
    assert [s[1:] for s in seen] == [(True, True)] * 3 + [(False, False)] * 2
    assert after == (_tracer, _tracer)


def test_with_no_tracer_every_example_runs_as_it_is() -> None:
    calls: list[int] = []
    wrapped = traced_examples.first_examples_traced(calls.append, traced=0)
    old = sys.gettrace()
    sys.settrace(None)
    try:
        for n in range(3):
            wrapped(n)
    finally:
        sys.settrace(old)
    assert calls == [0, 1, 2]


def test_a_repeated_step_is_traced_for_the_first_calls_and_returns_as_it_does(
    monkeypatch: Any,
) -> None:
    traced: list[bool] = []

    def step(n: int) -> int:
        traced.append(sys.gettrace() is not None)
        return n * 2

    monkeypatch.setattr(traced_examples, "TRACED", 2)
    wrapped = traced_examples.repeated(step)
    old = sys.gettrace()
    sys.settrace(_tracer)
    try:
        traced_examples._examples[0] = 0
        results = [wrapped(n) for n in range(4)]
        after = sys.gettrace()
    finally:
        sys.settrace(old)
    assert results == [0, 2, 4, 6]
    assert traced == [True, True, False, False]
    assert after is _tracer
    monkeypatch.setattr(traced_examples, "TRACED", 0)  # SVDUTY_TRACED_EXAMPLES=0: all traced
    assert traced_examples.repeated(step) is step
