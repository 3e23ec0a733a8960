"""The command's cache of loaded partnerships (svduty._commands._cache)."""

from __future__ import annotations

import io
import json
import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import svduty
from svduty._commands import _cache
from svduty._commands._options import load_named_partnership, load_named_sections
from svduty._data import data
from svduty.cli import main
from svduty.errors import BundleError

HEADER = (
    "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,"
    "LSOA name,Crime type,Last outcome category,Context\n"
)


@pytest.fixture
def bundle(tmp_path: Path) -> Path:
    """A copy of the packaged examplshire bundle, to change."""
    return Path(shutil.copytree(data("examplshire"), tmp_path / "bundle"))


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    out = tmp_path / "cache"
    out.mkdir(mode=0o700)
    return out


def _pickles(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.pickle"))


def test_off_unless_the_command_runs(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(_cache.CACHE_ENV, str(folder))
    calls: list[int] = []
    assert _cache.loaded("examplshire", ("areas",), lambda: calls.append(1) or 1, int) == 1
    assert main(["info", "--partnership", "examplshire"], stdout=io.StringIO()) == 0
    assert calls == [1]
    assert not _pickles(folder)


def test_a_second_load_comes_from_the_cache(folder: Path) -> None:
    calls: list[str] = []

    def build() -> dict[str, str]:
        calls.append("built")
        return {"built": str(len(calls))}

    with _cache.using(folder):
        first = _cache.loaded("examplshire", ("areas",), build, dict)
        second = _cache.loaded("examplshire", ("areas",), build, dict)
    assert first == second == {"built": "1"}
    assert calls == ["built"]
    (only,) = _pickles(folder)
    assert only.stat().st_mode & 0o777 == 0o600
    assert not list(folder.glob(".*.tmp"))


def test_what_is_loaded_is_part_of_the_key(folder: Path) -> None:
    with _cache.using(folder):
        a = _cache.loaded("examplshire", ("areas",), lambda: "areas", str)
        b = _cache.loaded("examplshire", ("partnership",), lambda: "partnership", str)
        c = _cache.loaded("warwickshire", ("areas",), lambda: "warwickshire", str)
    assert (a, b, c) == ("areas", "partnership", "warwickshire")
    assert len(_pickles(folder)) == 3


def test_the_same_partnership_as_without_the_cache(folder: Path, bundle: Path) -> None:
    plain = load_named_partnership(bundle)
    parts = load_named_sections(bundle, ("areas", "definition"))
    with _cache.using(folder):
        for _ in range(2):  # the first run writes the cache, the second reads it
            assert load_named_partnership(bundle) == plain
            assert load_named_sections(bundle, ("areas", "definition")) == parts
    assert len(_pickles(folder)) == 2


@settings(max_examples=20, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    title=st.text(
        st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp")), max_size=30
    ).filter(str.strip)  # a title is one line of text (the manifest refuses others)
)
def test_a_changed_bundle_file_is_loaded_again(folder: Path, bundle: Path, title: str) -> None:
    """Keyed by content: a change of the same size within the same clock tick still misses."""
    manifest = bundle / "bundle.toml"
    text = manifest.read_text()
    old = next(line for line in text.splitlines() if line.startswith("title = "))
    stamp = manifest.stat()
    with _cache.using(folder):
        before = load_named_sections(bundle, ("areas",)).title
        manifest.write_text(text.replace(old, f"title = {json.dumps(title, ensure_ascii=False)}"))
        os.utime(manifest, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
        after = load_named_sections(bundle, ("areas",)).title
        manifest.write_text(text)
        os.utime(manifest, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
        again = load_named_sections(bundle, ("areas",)).title
    assert after == title
    assert before == again == json.loads(old.removeprefix("title = "))
    assert len(_pickles(folder)) == 1  # each new key replaced the bundle's older file


def test_a_bad_bundle_is_never_kept(folder: Path, bundle: Path) -> None:
    (bundle / "bundle.toml").write_text('name = "x"\n')  # no title
    with _cache.using(folder):
        for _ in range(2):
            with pytest.raises(BundleError, match="title"):
                load_named_partnership(bundle)
    assert not _pickles(folder)


def test_a_new_svduty_version_misses(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with _cache.using(folder):  # one command, then another with svduty upgraded
        _cache.loaded("examplshire", ("areas",), lambda: "old", str)
    monkeypatch.setattr(svduty, "__version__", "999.0")
    with _cache.using(folder):
        assert _cache.loaded("examplshire", ("areas",), lambda: "new", str) == "new"


def test_a_changed_package_file_misses(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = _cache._files

    def files(where: Path, h: object, *, content: bool) -> bool:
        ok = real(where, h, content=content)
        if not content:
            h.update(b"a source file edited")  # type: ignore[attr-defined]
        return ok

    with _cache.using(folder):
        _cache.loaded("examplshire", ("areas",), lambda: "before", str)
    monkeypatch.setattr(_cache, "_files", files)
    with _cache.using(folder):  # the next command
        assert _cache.loaded("examplshire", ("areas",), lambda: "after", str) == "after"


def test_a_command_walks_the_installed_package_once(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each load of a command keys the same package: its files are listed once (a walk of
    some 300 files is about 1 ms of start-up), and again by the next command."""
    real = _cache._files
    walks: list[Path] = []

    def files(where: Path, h: object, *, content: bool) -> bool:
        if not content:
            walks.append(where)
        return real(where, h, content=content)

    monkeypatch.setattr(_cache, "_files", files)
    for _ in range(2):
        with _cache.using(folder):
            _cache.loaded("examplshire", ("areas",), lambda: "areas", str)
            _cache.loaded("examplshire", ("definition",), lambda: "definition", str)
            _cache.loaded("warwickshire", ("areas",), lambda: "other", str)
    assert len(walks) == 2
    with _cache.using(folder):  # the same keys as before
        assert _cache.loaded("examplshire", ("definition",), lambda: "x", str) == "definition"


@pytest.mark.parametrize("foreign", [b"not a pickle", pickle.dumps({}), pickle.dumps(None)])
def test_a_corrupt_or_foreign_file_is_a_miss_and_is_replaced(folder: Path, foreign: bytes) -> None:
    """A pickle of another kind (a hostile review found {} crashed the command) is a miss."""
    with _cache.using(folder):
        _cache.loaded("examplshire", ("areas",), lambda: "first", str)
        (path,) = _pickles(folder)
        path.write_bytes(foreign)
        assert _cache.loaded("examplshire", ("areas",), lambda: "rebuilt", str) == "rebuilt"
        assert _cache.loaded("examplshire", ("areas",), lambda: "unused", str) == "rebuilt"
    assert pickle.loads(path.read_bytes()) == "rebuilt"


def test_the_command_with_a_foreign_pickle_in_its_cache(tmp_path: Path, folder: Path) -> None:
    env = {**os.environ, "SVDUTY_CACHE_DIR": str(folder)}
    argv = [sys.executable, "-m", "svduty", "info", "--partnership", "examplshire"]
    first = subprocess.run(argv, env=env, capture_output=True, check=True)
    for path in _pickles(folder):
        path.write_bytes(pickle.dumps({}))
    again = subprocess.run(argv, check=False, env=env, capture_output=True)
    assert (again.returncode, again.stdout, again.stderr) == (0, first.stdout, b"")


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX permissions")
def test_a_cache_others_may_write_is_not_read(folder: Path) -> None:
    with _cache.using(folder):
        _cache.loaded("examplshire", ("areas",), lambda: "mine", str)
        (path,) = _pickles(folder)
        path.chmod(0o666)
        assert _cache.loaded("examplshire", ("areas",), lambda: "file open", str) == "file open"
        folder.chmod(0o777)
        path.write_bytes(pickle.dumps("planted"))
        path.chmod(0o600)
        assert _cache.loaded("examplshire", ("areas",), lambda: "folder open", str) == "folder open"
    assert pickle.loads(path.read_bytes()) == "planted"  # nothing written to an open folder


def test_a_cache_that_cannot_be_written(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    with _cache.using(blocker / "cache"):
        assert _cache.loaded("examplshire", ("areas",), lambda: 1, int) == 1


def test_a_failed_write_leaves_no_file(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(_cache.os, "replace", refuse)
    with _cache.using(folder):
        assert _cache.loaded("examplshire", ("areas",), lambda: "value", str) == "value"
    assert not list(folder.iterdir())


def test_a_large_folder_is_not_cached(folder: Path, bundle: Path) -> None:
    for i in range(_cache.MOST_FILES):
        (bundle / f"note-{i}.txt").write_text("")
    with _cache.using(folder):
        assert load_named_partnership(bundle).name == "examplshire"
    assert not _pickles(folder)


def test_a_folder_with_a_link_to_itself_is_not_cached(folder: Path, bundle: Path) -> None:
    (bundle / "loop").symlink_to(bundle, target_is_directory=True)
    with _cache.using(folder):
        assert load_named_partnership(bundle).name == "examplshire"
    assert not _pickles(folder)


def test_no_folder_named_means_no_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(_cache.CACHE_ENV, "")
    assert _cache.cache_folder() is None
    monkeypatch.delenv(_cache.CACHE_ENV)
    monkeypatch.setenv("XDG_CACHE_HOME", "/somewhere")
    assert _cache.cache_folder() == Path("/somewhere/svduty")
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert _cache.cache_folder() == Path.home() / ".cache" / "svduty"


def test_the_command_answers_alike_with_its_cache(tmp_path: Path, folder: Path) -> None:
    month = tmp_path / "month.csv"
    month.write_text(HEADER + "a,2025-06,W,W,,,On or near X,E01031322,Warwick 010A,Burglary,,\n")
    env = {**os.environ, _cache.CACHE_ENV: str(folder)}
    argv = [sys.executable, "-m", "svduty", "classify", str(month), "--summary", "json"]
    runs = [
        subprocess.run(argv, check=False, env=env, capture_output=True, text=True) for _ in range(2)
    ]
    off = subprocess.run(
        argv, check=False, env={**env, _cache.CACHE_ENV: ""}, capture_output=True, text=True
    )
    assert [r.returncode for r in runs] == [0, 0]
    assert off.returncode == 0
    assert runs[0].stdout == runs[1].stdout == off.stdout
    kept = sorted(p.name for p in _pickles(folder))  # the areas; with the definition (the
    assert len(kept) == 4  # plan was built from it); the police.uk plan; the LSOAs located
    assert sum("-police-plan-" in name for name in kept) == 1
    assert sum("-located-lsoas-" in name for name in kept) == 1  # (speed60a)
    assert sum(name.split("-")[1:3] == ["areas", "definition"] for name in kept) == 1


def test_a_shorter_stem_keeps_a_longer_stems_files(folder: Path) -> None:
    """Loading the areas alone keeps the areas and definition loaded together (a review
    found ``...-areas-*`` removing ``...-areas-definition-KEY``)."""
    with _cache.using(folder):
        _cache.loaded("examplshire", ("areas", "definition"), lambda: "both", str)
        _cache.loaded("examplshire", ("areas",), lambda: "areas", str)
        assert _cache.loaded("examplshire", ("areas", "definition"), lambda: "again", str) == "both"
    assert len(_pickles(folder)) == 2
