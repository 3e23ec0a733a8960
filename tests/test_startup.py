"""Start-up guards that cannot flake: what a command imports, not how long it takes.

Time is measured in ``benchmarks/`` (``make bench``); here we only check that the cheap
paths stay cheap by construction: ``import svduty`` and ``svduty --version`` import none of
the heavy libraries, and every public name still resolves.
"""

from __future__ import annotations

import importlib
import json
import subprocess
import sys

import pytest

import svduty

HEAVY = ("pyarrow", "pandas", "numpy", "networkx", "pendulum", "cattrs", "shapely", "attrs")


def _modules_after(code: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", f"{code}\nimport sys, json; print(json.dumps(sorted(sys.modules)))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return set(json.loads(out.strip().splitlines()[-1]))


@pytest.mark.parametrize(
    "code",
    [
        "import svduty",
        "import svduty; svduty.__version__",
        "from svduty.cli import main; main(['--version'])",
        "from svduty.cli import main\ntry:\n    main(['--help'])\nexcept SystemExit:\n    pass",
    ],
)
def test_cheap_paths_import_no_heavy_library(code: str) -> None:
    loaded = _modules_after(code)
    assert not {m for m in loaded if m.split(".")[0] in HEAVY}


def test_first_use_imports_the_defining_module() -> None:
    loaded = _modules_after("import svduty; svduty.Money")
    assert "svduty.funding" in loaded
    assert "svduty.definitions" not in loaded


def test_every_public_name_resolves_to_its_module() -> None:
    exports = svduty._EXPORTS
    assert set(svduty.__all__) == {*exports, "__version__"}
    for name, module in exports.items():
        assert getattr(svduty, name) is getattr(importlib.import_module(module), name)
    assert set(svduty.__all__) <= set(dir(svduty))


def test_subpackages_are_attributes() -> None:
    loaded = _modules_after("import svduty; svduty.io.load_partnership")
    assert "svduty.io" in loaded


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'nonesuch'"):
        svduty.nonesuch  # noqa: B018


def test_version_is_the_packaged_one() -> None:
    from importlib.metadata import version

    assert svduty.__version__ == version("svduty")


def test_a_command_imports_only_its_own_module() -> None:
    loaded = _modules_after("from svduty.cli import main\nmain(['info', '--help'])")
    assert "svduty._commands.info" in loaded
    assert "svduty._commands.classify" not in loaded


def test_each_command_registers_the_help_line_the_listing_shows() -> None:
    import argparse

    from svduty.cli import COMMANDS, build_parser

    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    shown = {c.dest: c.help for c in sub._choices_actions}
    assert shown == COMMANDS
