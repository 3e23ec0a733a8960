"""Writing and reading the command's cache files (svduty._commands._cache)."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from svduty._commands import _cache


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    out = tmp_path / "cache"
    out.mkdir(mode=0o700)
    return out


def test_a_value_that_cannot_be_pickled_is_not_kept(folder: Path) -> None:
    _cache.keep(folder, folder / "stem-key.pickle", "stem", lambda: 1)
    assert list(folder.iterdir()) == []


def test_an_older_file_that_cannot_be_removed_is_left(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = folder / "stem-old.pickle"
    old.write_bytes(pickle.dumps(1))

    def refuse(self: Path, missing_ok: bool = False) -> None:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "unlink", refuse)
    _cache.keep(folder, folder / "stem-new.pickle", "stem", 2)
    monkeypatch.undo()
    assert sorted(p.name for p in folder.iterdir()) == ["stem-new.pickle", "stem-old.pickle"]
    assert _cache.kept(folder / "stem-new.pickle") == 2


def test_private_bytes_round_trip(folder: Path) -> None:
    path = folder / "x.bin"
    assert _cache.write_private(folder, path, b"data", prefix="x")
    assert _cache.read_private(path) == b"data"
    assert path.stat().st_mode & 0o777 == 0o600
    assert _cache.read_private(folder / "missing.bin") is None


@pytest.mark.parametrize("special", ["/dev/null", "fifo"])
def test_a_bundle_folder_with_a_special_file_is_not_cached(tmp_path: Path, special: str) -> None:
    """A FIFO (a read waits for a writer) or a link to a device (/dev/zero never ends) in a
    bundle folder hung or exhausted memory while the cache hashed it, before the loader's
    own check could refuse it (a hostile-input review): such a folder is not cached."""
    import hashlib
    import os

    (tmp_path / "bundle.toml").write_text('name = "x"\n', encoding="utf-8")
    target = tmp_path / "NOTES"
    if special == "fifo":
        os.mkfifo(target)
    else:
        target.symlink_to(special)
    assert not _cache._files(tmp_path, hashlib.sha256(), content=True)
    target.unlink()
    assert _cache._files(tmp_path, hashlib.sha256(), content=True)
