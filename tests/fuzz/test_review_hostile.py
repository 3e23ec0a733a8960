"""Hostile files found by the session 8 review: each failed before its fix."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from svduty.errors import BundleError
from svduty.io import read_toml, write_toml


def test_a_toml_file_starting_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    f = tmp_path / "bundle.toml"
    f.write_bytes(b'\xef\xbb\xbfname = "x"\n')
    assert read_toml(f) == {"name": "x"}


def test_a_number_past_the_conversion_limit_is_a_bundle_error(tmp_path: Path) -> None:
    f = tmp_path / "bundle.toml"
    f.write_text("big = " + "7" * 5000 + "\n", encoding="utf-8")
    with pytest.raises(BundleError) as info:
        read_toml(f)
    (problem,) = info.value.problems
    assert problem.file == str(f)
    assert "too long" in problem.message
    assert "7777" not in str(info.value)


def test_write_toml_leaves_the_old_file_whole_when_it_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    f = tmp_path / "out.toml"
    write_toml(f, {"name": "old"})

    def boom(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError, match="No space"):
        write_toml(f, {"name": "new"})
    assert read_toml(f) == {"name": "old"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.toml"]
