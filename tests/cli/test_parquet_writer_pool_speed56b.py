"""The ``svduty`` command makes jemalloc Arrow's default pool too (issue 15, ``speed56b``).

Counted, not timed: the Parquet writer's own buffers come from Arrow's process-wide
default pool, which no pyarrow call lets a caller choose; the command's process names
jemalloc for it before pyarrow is loaded, unless the user named a pool, and only where
this pyarrow has jemalloc. Each run is a child process, as a user's command is.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import ClassVar

import pyarrow as pa
import pytest

from svduty._commands import _memory_pool
from svduty._commands._memory_pool import ENVIRONMENT, JEMALLOC_SETTINGS, has_jemalloc, one_arena
from svduty.io import sample_police_uk

JEMALLOC = "jemalloc" in pa.supported_memory_backends()

_CHILD = """
import json, os, sys
sys.argv = ["svduty", *{args!r}]
from svduty.__main__ import _start
loaded = "pyarrow" in sys.modules
code = _start()
import pyarrow as pa
try:
    mimalloc = pa.mimalloc_memory_pool().max_memory()
except NotImplementedError:
    mimalloc = -1
print(json.dumps({{"code": code, "loaded": loaded, "pool": os.environ.get({env!r}),
                  "mimalloc": mimalloc}}))
"""


def _child(tmp_path: Path, args: list[str], **env: str) -> dict[str, object]:
    environ = {k: v for k, v in os.environ.items() if k not in (ENVIRONMENT, JEMALLOC_SETTINGS)}
    environ["SVDUTY_CACHE_DIR"] = ""
    done = subprocess.run(
        [sys.executable, "-c", _CHILD.format(args=args, env=ENVIRONMENT)],
        env={**environ, **env},
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
    )
    got: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    got["stderr"] = done.stderr
    return got


def _written(tmp_path: Path, **env: str) -> dict[str, object]:
    out = tmp_path / "out.parquet"
    args = ["classify", str(sample_police_uk()), "--summary", "json", "--output", str(out)]
    got = _child(tmp_path, args, **env)
    assert got["code"] == 0
    assert out.stat().st_size > 0
    return got


@pytest.mark.skipif(not JEMALLOC, reason="this pyarrow has no jemalloc")
def test_the_parquet_writer_takes_nothing_from_mimalloc(tmp_path: Path) -> None:
    got = _written(tmp_path)
    assert got["loaded"] is False  # (named before pyarrow was loaded)
    assert got["pool"] == "jemalloc"
    assert got["mimalloc"] in (0, -1)  # the writer's encoders and pages: jemalloc's
    assert "Unsupported backend" not in str(got["stderr"])


@pytest.mark.skipif(
    "mimalloc" not in pa.supported_memory_backends(), reason="this pyarrow has no mimalloc"
)
def test_a_users_pool_is_kept(tmp_path: Path) -> None:
    got = _written(tmp_path, **{ENVIRONMENT: "mimalloc"})
    assert got["pool"] == "mimalloc"
    assert isinstance(got["mimalloc"], int)
    assert got["mimalloc"] > 0  # (the user's pool, which the writer then takes from)


def test_has_jemalloc_reads_this_pyarrows_build() -> None:
    assert has_jemalloc() is JEMALLOC


def test_no_pool_named_that_pyarrow_lacks() -> None:
    env: dict[str, str] = {}
    one_arena(env, jemalloc=False)
    assert ENVIRONMENT not in env
    one_arena(env, jemalloc=True)
    assert env[ENVIRONMENT] == "jemalloc"
    mine = {ENVIRONMENT: "system"}
    one_arena(mine, jemalloc=True)
    assert mine[ENVIRONMENT] == "system"


def test_unreadable_build_settings_say_no(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import importlib.machinery

    monkeypatch.setattr(importlib.machinery.PathFinder, "find_spec", lambda _name: None)
    assert _memory_pool.has_jemalloc() is False

    class Spec:
        submodule_search_locations: ClassVar[list[str]] = [str(tmp_path)]  # no include/

    monkeypatch.setattr(importlib.machinery.PathFinder, "find_spec", lambda _name: Spec())
    assert _memory_pool.has_jemalloc() is False
    Spec.submodule_search_locations = []
    assert _memory_pool.has_jemalloc() is False
