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
