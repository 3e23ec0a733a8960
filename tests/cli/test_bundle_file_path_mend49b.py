"""A bad file in a bundle is named by the bundle's path in classify, info and report (mend49b).

Before mend49b ``svduty classify --partnership bundles/derby`` with a broken ``areas.toml``
said ``areas.toml: not valid TOML ...``, naming no bundle, where every other error of the
CLI names a file by the path the user gave (with ``SVDUTY_PARTNERSHIP`` set the user may
not even have typed the bundle's name). Now the file is ``bundles/derby/areas.toml``, as
given (relative stays relative). ``validate BUNDLE`` keeps the names in the bundle in its JSON
document (``validate/1``, unchanged) and, since users55, names them by the bundle's path as
given in its text, so that they can be opened; the library's ``load_partnership`` keeps
the names in the bundle.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import svduty
from svduty.errors import BundleError

from ..cli_run import run

MONTH = Path(svduty.io.sample_police_uk())


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("b") / "derby"
    code, _, err = run("init", folder, "--area", "Derbyshire")
    assert code == 0, err
    with (folder / "areas.toml").open("a", encoding="utf-8") as f:
        f.write("broken = [\n")
    return folder


@pytest.mark.parametrize(
    "argv",
    [
        ("info", "--partnership"),
        ("classify", MONTH, "-o", "-", "--partnership"),
        ("report", MONTH, "-o", "-", "--partnership"),
    ],
)
def test_a_bundle_file_is_named_by_the_bundle_path(bundle: Path, argv: tuple) -> None:
    code, _, err = run(*argv, bundle)
    assert code == 1, err
    assert f": error: {bundle / 'areas.toml'}: " in err, err
    assert "not valid TOML" in err, err


def test_the_variable_names_the_bundle_too(bundle: Path, monkeypatch) -> None:
    monkeypatch.setenv("SVDUTY_PARTNERSHIP", str(bundle))
    code, _, err = run("info")
    assert code == 1
    assert f"svduty info: error: {bundle / 'areas.toml'}: " in err, err


def test_validate_and_the_library_keep_the_name_in_the_bundle(bundle: Path) -> None:
    code, out, _ = run("validate", bundle)
    assert code == 1
    assert out.startswith(f"{bundle / 'areas.toml'}: "), out  # the text: openable (users55)
    code, out, _ = run("validate", bundle, "--format", "json")
    assert json.loads(out)["problems"][0]["file"] == "areas.toml"  # validate/1: in the bundle
    with pytest.raises(BundleError) as caught:
        svduty.load_partnership(bundle)
    assert str(caught.value).startswith("areas.toml: ")
