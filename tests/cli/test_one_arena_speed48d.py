"""The ``svduty`` command's jemalloc keeps one arena (issue 15: peak memory, ``speed48d``).

Counted, not timed: the setting pyarrow's jemalloc reads as pyarrow is loaded
(``JE_ARROW_MALLOC_CONF``), as the command's own process has it, and a user's own kept.
Each run is a child process, as a user's command is.
"""

from __future__ import annotations

import os
import subprocess
import sys

JEMALLOC_SETTINGS = "JE_ARROW_MALLOC_CONF"

_CHILD = """
import os, sys
sys.argv = ["svduty", "--version"]
from svduty.__main__ import _start
loaded = "pyarrow" in sys.modules
code = _start()
print(code, loaded, os.environ.get("JE_ARROW_MALLOC_CONF"))
"""


def _child(**env: str) -> list[str]:
    environ = {k: v for k, v in os.environ.items() if k != JEMALLOC_SETTINGS}
    done = subprocess.run(
        [sys.executable, "-c", _CHILD],
        env={**environ, **env},
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.splitlines()[-1].split()


def test_the_command_sets_one_arena_before_pyarrow_is_loaded():
    assert _child() == ["0", "False", "narenas:1"]


def test_a_users_own_jemalloc_settings_are_kept():
    assert _child(JE_ARROW_MALLOC_CONF="narenas:3,dirty_decay_ms:0") == [
        "0",
        "False",
        "narenas:3,dirty_decay_ms:0",
    ]
    from svduty._commands._memory_pool import ARENAS, one_arena

    assert ARENAS == "narenas:1"
    env: dict[str, str] = {}
    one_arena(env, jemalloc=False)  # (Arrow's default pool: tests/cli/...speed56b.py)
    assert env == {JEMALLOC_SETTINGS: ARENAS}
    mine = {JEMALLOC_SETTINGS: "narenas:2"}
    one_arena(mine, jemalloc=False)
    assert mine == {JEMALLOC_SETTINGS: "narenas:2"}


def test_importing_svduty_leaves_the_settings_alone():
    code = f"import os, svduty.cli; print(os.environ.get({JEMALLOC_SETTINGS!r}))"
    done = subprocess.run(
        [sys.executable, "-c", code],
        env={k: v for k, v in os.environ.items() if k != JEMALLOC_SETTINGS},
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.strip() == "None"
