"""A bundle folder in the working folder named like a packaged bundle is that folder.

``svduty init examplshire --area Leeds`` writes ``./examplshire`` and says "run svduty
validate examplshire": that must check the user's folder, not the packaged Examplshire
(review finding: a broken local bundle validated "ok"). The command's default partnership
and :func:`svduty.warwickshire` stay the packaged bundle whatever folders are about.
"""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

import svduty
from svduty._data import data
from svduty.cli import main
from svduty.io._bundle import Packaged, is_packaged


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_validate_checks_the_local_folder_init_wrote(here: Path) -> None:
    assert _run("init", "examplshire", "--area", "Leeds")[0] == 0
    assert _run("validate", "examplshire")[0] == 0
    with (here / "examplshire" / "bundle.toml").open("a", encoding="utf-8") as fh:
        fh.write("name = 5\n")  # a duplicate key: not valid TOML
    code, out, _ = _run("validate", "examplshire")
    assert code == 1
    assert "not valid TOML" in out


def _local_warwickshire(here: Path) -> None:
    shutil.copytree(data("warwickshire"), here / "warwickshire")
    manifest = here / "warwickshire" / "bundle.toml"
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(
        "\n".join(
            'title = "Local copy"' if line.startswith("title =") else line
            for line in text.splitlines()
        )
        + "\n",
        encoding="utf-8",
    )


def test_a_named_local_bundle_is_used_the_default_stays_packaged(here: Path) -> None:
    _local_warwickshire(here)
    assert _run("info", "--partnership", "warwickshire")[1].startswith("Local copy")
    assert _run("info")[1].startswith("Warwickshire Serious Violence Duty partnership")
    svduty.warwickshire.cache_clear()
    assert svduty.warwickshire().title == "Warwickshire Serious Violence Duty partnership"
    assert svduty.load_packaged_definition("warwickshire").id == "warwickshire"


def test_a_folder_without_a_manifest_does_not_hide_the_packaged_bundle(here: Path) -> None:
    (here / "warwickshire").mkdir()  # e.g. a folder of police.uk months
    assert is_packaged("warwickshire")
    assert _run("info", "--partnership", "warwickshire")[1].startswith("Warwickshire Serious")


def test_which_names_are_packaged(here: Path) -> None:
    _local_warwickshire(here)
    assert not is_packaged("warwickshire")  # the local bundle folder
    assert is_packaged(Packaged("warwickshire"))
    assert is_packaged("examplshire")
    assert not is_packaged(Packaged("leeds"))
    assert not is_packaged(Path("examplshire"))
