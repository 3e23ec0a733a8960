"""users55 (contract54's finding): ``svduty --version`` said svduty's version alone, not the
versions a bug report needs. It stays one line; ``--version --verbose`` adds Python's, the
libraries' (pyarrow first) and the JSON documents' versions; ``--verbose`` alone is refused."""

from __future__ import annotations

import platform
from importlib import metadata

import svduty
from svduty.io import DOCUMENT_VERSIONS

from ..cli_run import run


def test_version_is_one_line():
    assert run("--version") == (0, f"svduty {svduty.__version__}\n", "")


def test_version_verbose_says_what_a_bug_report_needs():
    code, out, err = run("--version", "--verbose")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == f"svduty {svduty.__version__}"
    assert lines[1].startswith(f"Python {platform.python_version()} (")
    assert lines[2] == f"pyarrow {metadata.version('pyarrow')}"
    documents = next(x for x in lines if x.startswith("JSON documents: "))
    for kind, version in DOCUMENT_VERSIONS.items():
        assert f"{kind}/{version}" in documents
    assert any(x.startswith("bundle files: ") for x in lines)
    assert run("--verbose", "--version") == (code, out, err)


def test_verbose_alone_is_a_usage_error():
    code, out, err = run("--verbose", "info")
    assert code == 2
    assert out == ""
    assert "--verbose: only with --version" in err


def _pyproject_dependencies() -> list[str]:
    """The names of ``pyproject.toml``'s ``dependencies``, as written there."""
    import re
    import tomllib
    from pathlib import Path

    project = tomllib.loads((Path(__file__).parents[2] / "pyproject.toml").read_text())
    return [re.split(r"[<>=!~;\[ ]", d, maxsplit=1)[0] for d in project["project"]["dependencies"]]


def test_the_libraries_are_pyprojects_dependencies_pyarrow_first():
    """users56: the list was written twice (``_versions.LIBRARIES`` and ``pyproject.toml``);
    it is read from svduty's installed metadata, so a dependency added is said."""
    from svduty._commands._versions import libraries

    code, out, _ = run("--version", "--verbose")
    assert code == 0
    wanted = _pyproject_dependencies()
    said = [x.split()[0] for x in out.splitlines()[2 : 2 + len(wanted)]]
    assert said[0] == "pyarrow"
    assert sorted(said) == sorted(wanted)
    assert list(libraries()) == said
    extra = ["numpy>=1", "pandas>=2.1; extra == 'dask'", "Foo.Bar ; python_version>'3'"]
    assert libraries([*extra, "pyarrow>=24", "numpy"]) == ("pyarrow", "numpy", "Foo.Bar")


def test_without_svdutys_metadata_the_libraries_are_said_unknown(monkeypatch):
    from svduty._commands import _versions

    def _absent(name: str) -> list[str]:
        raise metadata.PackageNotFoundError(name)

    monkeypatch.setattr(_versions.metadata, "requires", _absent)
    assert _versions.libraries() == ()
    lines = _versions.versions_text("0.1.0").splitlines()
    assert lines[2].startswith("libraries: not known (no installed metadata of svduty")
