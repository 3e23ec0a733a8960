"""Standard output is UTF-8 whatever the locale's encoding, as every file svduty writes.

Before hostile47, with a standard output whose encoding is not UTF-8 (``LC_ALL=C`` with
``PYTHONUTF8=0``, ``PYTHONIOENCODING=ascii``, a Windows console redirected to a file in
cp1252), ``funding`` (its ``£``), ``governance --format json``, ``explain`` and incident
classifications to standard output (an id ``café``) ended in "unexpected
UnicodeEncodeError; please report it" (exit status 1), part of the output written, while
``classify -o - --output-format csv`` wrote UTF-8 bytes. Now each writes what it writes
with a UTF-8 standard output, byte for byte.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

CANARY = "CANARY-7f3a"

COMMANDS = {
    "classify": ["classify", "{incidents}"],
    "explain": ["explain", "{incidents}"],
    "explain-json": ["explain", "{incidents}", "--format", "json"],
    "funding": ["funding"],
    "funding-json": ["funding", "--format", "json"],
    "governance-json": ["governance", "--format", "json"],
}

NARROW = {
    "ascii": {"PYTHONIOENCODING": "ascii"},
    "c-locale": {"LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"},
}
_WIDE: dict[str, subprocess.CompletedProcess[bytes]] = {}
"""Each command's run with a UTF-8 standard output, once."""


def _run(argv: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[bytes]:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "PYTHONIO"))}
    base.pop("PYTHONUTF8", None)
    return subprocess.run(
        [sys.executable, "-m", "svduty", *argv],
        env={**base, "SVDUTY_PARTNERSHIP": "warwickshire", **env},
        cwd=cwd,
        capture_output=True,
        check=False,
        timeout=300,
    )


@pytest.fixture(scope="module")
def incidents(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("enc") / "in.jsonl"
    path.write_text(
        f'{{"id": "café € {CANARY}", "offence_code": "8N", "victim_age": 30}}\n',
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize("narrow", sorted(NARROW))
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_standard_output_is_utf8_whatever_the_locale(
    incidents: Path, command: str, narrow: str
) -> None:
    argv = [a.format(incidents=incidents) for a in COMMANDS[command]]
    if command not in _WIDE:
        _WIDE[command] = _run(argv, {"PYTHONIOENCODING": "utf-8"}, incidents.parent)
    wide = _WIDE[command]
    assert wide.returncode == 0, wide.stderr
    got = _run(argv, NARROW[narrow], incidents.parent)
    assert b"unexpected" not in got.stderr
    assert CANARY.encode() not in got.stderr
    assert (got.returncode, got.stdout) == (0, wide.stdout)
    got.stdout.decode("utf-8")
