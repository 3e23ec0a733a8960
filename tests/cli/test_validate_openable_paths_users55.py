"""users55: ``svduty validate FOLDER`` named a bundle's files as the bundle names them
(``areas.toml: ...``), not as the user can open them from where the command ran; the text
now joins them to the folder as typed (``./leeds/areas.toml``). The JSON keeps ``file``
relative to its ``bundle``, as its schema says."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from ..cli_run import run


@pytest.fixture
def bundle(tmp_path: Path) -> Path:
    folder = tmp_path / "leeds"
    code, _, _ = run("init", folder, "--area", "Leeds")
    assert code == 0
    (folder / "areas.toml").unlink()
    return folder


@pytest.mark.parametrize("typed", ["{f}", "{f}/", "./{rel}"])
def test_validate_names_the_file_as_it_can_be_opened(bundle: Path, typed: str, monkeypatch):
    monkeypatch.chdir(bundle.parent)
    given = typed.format(f=bundle, rel=bundle.name)
    code, out, _ = run("validate", given)
    assert code == 1
    (line,) = out.splitlines()
    named = line.split(": ")[0]
    assert named == os.path.join(given, "areas.toml")
    assert not Path(named).exists()  # the file the problem is about: missing, at that path
    (bundle / "areas.toml").write_text("x = [\n", encoding="utf-8")
    code, out, _ = run("validate", given)
    named = out.splitlines()[0].split(": ")[0]
    assert Path(named).resolve() == (bundle / "areas.toml").resolve()


def test_the_json_keeps_the_file_in_the_bundle(bundle: Path):
    code, out, _ = run("validate", bundle, "--format", "json")
    assert code == 1
    data = json.loads(out)
    assert data["bundle"] == str(bundle)
    assert [p["file"] for p in data["problems"]] == ["areas.toml"]
