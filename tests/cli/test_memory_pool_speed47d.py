"""``svduty classify`` allocates from jemalloc in its own process (issue 15: peak memory).

Counted, not timed: which pool Arrow allocates from while the command runs, and how many
bytes the reader and the writer took from it. Each run is a child process, as a user's
command is, so the test process keeps its own pool.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pytest

from svduty._commands._memory_pool import ENVIRONMENT, command_pool
from svduty.io import sample_police_uk

try:
    pa.jemalloc_memory_pool()
    JEMALLOC = True
except NotImplementedError:  # pragma: no cover - pyarrow built without it (Windows)
    JEMALLOC = False

needs_jemalloc = pytest.mark.skipif(not JEMALLOC, reason="this pyarrow has no jemalloc")

_SPY = """
import json, sys
import pyarrow as pa
from svduty._commands import classify
seen = []
run = classify._run
def spied(*args):
    seen.append(pa.default_memory_pool().backend_name)
    return run(*args)
classify._run = spied
from svduty.cli import main
ARGS = {args!r}
if {as_command!r}:
    sys.argv = ["svduty", *ARGS]
    code = main()
else:
    code = main(ARGS)
try:
    taken = pa.jemalloc_memory_pool().max_memory()
except NotImplementedError:
    taken = 0
print(json.dumps({{"code": code, "seen": seen, "taken": taken,
                  "after": pa.default_memory_pool().backend_name}}))
"""


def _classify(tmp_path: Path, *, as_command: bool = True, **env: str) -> dict[str, object]:
    args = ["classify", str(sample_police_uk()), "--summary", "json"]
    args += ["--output", str(tmp_path / "out.parquet")]
    code = _SPY.format(args=args, as_command=as_command)
    run_env = {k: v for k, v in os.environ.items() if k != ENVIRONMENT}
    run_env["SVDUTY_CACHE_DIR"] = ""  # no cache: the same either way, and nothing kept
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={**run_env, **env},
        cwd=tmp_path,
    )
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


@needs_jemalloc
def test_the_command_reads_and_writes_with_jemalloc(tmp_path: Path) -> None:
    got = _classify(tmp_path)
    assert got["code"] == 0
    assert got["seen"] == ["jemalloc"]
    assert isinstance(got["taken"], int)
    assert got["taken"] > 0  # the rows came from it
    assert got["after"] != "jemalloc"  # the process's default again once the command ends


def test_the_users_pool_is_kept(tmp_path: Path) -> None:
    got = _classify(tmp_path, **{ENVIRONMENT: "system"})
    assert got["code"] == 0
    assert got["seen"] == ["system"]
    assert got["taken"] == 0


def test_a_program_calling_main_keeps_its_pool(tmp_path: Path) -> None:
    got = _classify(tmp_path, as_command=False)
    assert got["code"] == 0
    assert got["seen"] == [got["after"]]
    assert got["seen"] != ["jemalloc"]
    assert got["taken"] == 0


def test_a_pool_pyarrow_lacks_leaves_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    def missing() -> pa.MemoryPool:
        raise NotImplementedError("built without it")

    monkeypatch.setattr(pa, "jemalloc_memory_pool", missing, raising=False)
    monkeypatch.delenv(ENVIRONMENT, raising=False)
    before = pa.default_memory_pool().backend_name
    with command_pool("jemalloc"):
        assert pa.default_memory_pool().backend_name == before
    assert pa.default_memory_pool().backend_name == before


@needs_jemalloc
def test_the_pool_is_restored_after_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENVIRONMENT, raising=False)
    before = pa.default_memory_pool().backend_name
    inside = []

    def stopped() -> None:
        with command_pool("jemalloc"):
            inside.append(pa.default_memory_pool().backend_name)
            raise RuntimeError("stopped")

    with pytest.raises(RuntimeError):
        stopped()
    assert inside == ["jemalloc"]
    assert pa.default_memory_pool().backend_name == before
