"""Starting bundles for tests: ``svduty init``'s bundle for an area, made once a run, copied
into a test's folder with its ``authorities.toml`` edited.

Making a starting bundle reads the national tables (about a second); tests that each want
the same area's bundle with one record changed share one made bundle and copy it.
"""

from __future__ import annotations

import functools
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

import svduty


@functools.cache
def _made(code: str) -> Path:
    path = Path(tempfile.mkdtemp(prefix="svduty-tests-")) / code
    svduty.new_bundle(path, [code])
    return path


def edited_bundle(tmp_path: Path, code: str, name: str, edit: Callable[[str], str]) -> Path:
    """The starting bundle of area ``code`` in ``tmp_path / name``, its authorities edited."""
    path = tmp_path / name
    shutil.copytree(_made(code), path)
    f = path / "authorities.toml"
    f.write_text(edit(f.read_text(encoding="utf-8")), encoding="utf-8")
    return path
