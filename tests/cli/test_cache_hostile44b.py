"""A cache file of the right class with fields missing is a miss, not a crash (hostile44b).

A police.uk plan pickled by another layout of ``PolicePlan`` (cache format 1 had no
``missing``) and put under the current key unpickled without error, passed the class
check, and the command then stopped on an AttributeError ("unexpected ... please report
it"). Anything wrong with a cache file is to be a miss, loaded again as without a cache.
"""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from pathlib import Path
from typing import Any

import attrs
import pytest

from svduty._commands import _cache
from svduty.io import sample_police_uk


@attrs.frozen
class Layout:
    kept: int
    added: int = 0


class _Half:
    """Pickles as a ``cls`` whose state holds only some of its fields."""

    def __init__(self, cls: type, state: dict[str, Any]) -> None:
        self.cls, self.state = cls, state

    def __reduce__(self) -> tuple[Any, ...]:
        return (object.__new__, (self.cls,), self.state)


def test_a_value_with_a_field_unset_is_loaded_again(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    with _cache.using(folder):
        assert _cache.loaded("examplshire", ("x",), lambda: Layout(1, 2), Layout) == Layout(1, 2)
        (path,) = folder.glob("*.pickle")
        path.write_bytes(pickle.dumps(_Half(Layout, {"kept": 7})))
        assert not hasattr(pickle.loads(path.read_bytes()), "added")
        again = _cache.loaded("examplshire", ("x",), lambda: Layout(3, 4), Layout)
    assert again == Layout(3, 4)


def _classify(cache: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, _cache.CACHE_ENV: str(cache)}
    argv = [sys.executable, "-m", "svduty", "classify", str(sample_police_uk()), "--summary"]
    return subprocess.run([*argv, "json"], env=env, capture_output=True, text=True, check=False)


@pytest.mark.parametrize("field", ["_missing", "verdicts"])
def test_the_command_reads_a_half_plan_as_a_miss(tmp_path: Path, field: str) -> None:
    cache = tmp_path / "cache"
    first = _classify(cache)
    assert first.returncode == 0, first.stderr
    (plan,) = cache.glob("*-police-plan-*.pickle")
    value = pickle.loads(plan.read_bytes())
    state = {f.name: getattr(value, f.name) for f in attrs.fields(type(value))}
    del state[field]
    plan.write_bytes(pickle.dumps(_Half(type(value), state)))
    again = _classify(cache)
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout) == json.loads(first.stdout)
    assert again.stderr == first.stderr
