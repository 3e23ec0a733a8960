"""``svduty classify`` from the command's cache answers as the bundle says now (speed49b).

A warm start reads the partnership's areas and its police.uk plan back from the cache
(keyed by the content of every file of the bundle folder): an edited area record is never
answered from the older copy, and a cache file cut short or overwritten is read as a miss,
loaded again and written whole.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import svduty
from svduty.io import sample_police_uk

_PACKAGED = Path(svduty.__file__).parent / "data" / "warwickshire"


@pytest.fixture
def bundle(tmp_path: Path) -> Path:
    folder = tmp_path / "bundle"
    shutil.copytree(_PACKAGED, folder)
    return folder


@pytest.fixture
def cache(tmp_path: Path) -> Path:
    folder = tmp_path / "cache"
    folder.mkdir(mode=0o700)
    return folder


def _summary(bundle: Path, cache: Path) -> dict[str, object]:
    argv = [sys.executable, "-m", "svduty", "classify", str(sample_police_uk())]
    argv += ["--partnership", str(bundle), "--summary", "json"]
    env = {**os.environ, "SVDUTY_CACHE_DIR": str(cache)}
    done = subprocess.run(argv, env=env, capture_output=True, text=True, check=True)
    return dict(json.loads(done.stdout))


def _renamed(bundle: Path, old: str, new: str) -> None:
    """The district E07000220's record in ``areas.toml`` given another name."""
    areas = bundle / "areas.toml"
    text = areas.read_text(encoding="utf-8")
    record = f'code = "E07000220"\nname = "{old}"\n'
    assert text.count(record) == 1
    areas.write_text(text.replace(record, f'code = "E07000220"\nname = "{new}"\n'), "utf-8")


def test_an_edited_area_record_changes_the_answer_from_a_warm_cache(
    bundle: Path, cache: Path
) -> None:
    first = _summary(bundle, cache)  # fills the cache
    warm = _summary(bundle, cache)  # read back from it
    assert warm == first
    rugby = first["by_district"]["Rugby"]  # type: ignore[index]
    assert rugby > 0
    _renamed(bundle, "Rugby", "Rugby Borough")
    renamed = _summary(bundle, cache)
    by_district = renamed["by_district"]
    assert "Rugby" not in by_district  # type: ignore[operator]
    assert by_district["Rugby Borough"] == rugby  # type: ignore[index]
    assert _summary(bundle, cache) == renamed  # the new record, from the cache again
    _renamed(bundle, "Rugby Borough", "Rugby")
    assert _summary(bundle, cache) == first


@pytest.mark.parametrize("damage", ["truncated", "empty", "garbage"])
def test_a_damaged_cache_file_is_a_miss_and_is_written_again(
    bundle: Path, cache: Path, damage: str
) -> None:
    first = _summary(bundle, cache)
    files = sorted(cache.glob("*.pickle"))
    assert len(files) >= 2  # the areas and the police.uk plan
    sizes = {f.name: f.stat().st_size for f in files}
    for f in files:
        data = f.read_bytes()
        if damage == "truncated":
            f.write_bytes(data[: len(data) // 2])
        elif damage == "empty":
            f.write_bytes(b"")
        else:
            f.write_bytes(b"\x80\x05not a pickle" + data[100:200])
    assert _summary(bundle, cache) == first
    assert {f.name: f.stat().st_size for f in cache.glob("*.pickle")} == sizes  # whole again
    assert _summary(bundle, cache) == first
