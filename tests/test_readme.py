"""The README runs as written: its Python example, its typed twin and its command-line tour."""

from __future__ import annotations

import ast
import doctest
import importlib.util
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
TYPING = Path(__file__).resolve().parent / "typing"
TEXT = README.read_text(encoding="utf-8")


def python_blocks() -> list[str]:
    return re.findall(r"```python\n(.*?)```", TEXT, re.S)


def load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"svduty_typing_{name}", TYPING / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_readme_python_examples_run():
    blocks = python_blocks()
    assert blocks, "the README has a Python example"
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    for n, block in enumerate(blocks):
        test = parser.get_doctest(block, {}, f"README block {n}", str(README), 0)
        assert test.examples, f"README block {n} has no '>>>' example"
        runner.run(test)
    assert runner.summarize(verbose=False).failed == 0


def names_used(source: str) -> set[str]:
    """The attributes, methods and keyword arguments a piece of code uses."""
    out: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Attribute):
            out.add(node.attr)
        elif isinstance(node, ast.keyword) and node.arg:
            out.add(node.arg)
    return out


def test_the_typed_twin_uses_everything_the_readme_example_uses():
    # tests/typing/readme_example.py is checked by mypy --strict (make typecheck); it must
    # stay the README example's twin, so a README change that mypy would reject is caught
    examples = doctest.DocTestParser().get_examples("".join(python_blocks()))
    readme = names_used("".join(e.source for e in examples))
    twin = names_used((TYPING / "readme_example.py").read_text(encoding="utf-8"))
    assert readme, "the README example uses svduty"
    assert readme - twin == set(), "update tests/typing/readme_example.py"


def test_the_typed_twin_gives_the_readme_answers():
    violence, domestic_abuse, citation = load("readme_example").main()
    assert (violence, domestic_abuse) == ("yes", "yes")
    assert f'print(svduty.cite("pcsc-act-2022", "s.13(3)(b)"))\n{citation}\n' in TEXT


def test_the_typed_client_runs_on_the_packaged_samples():
    scoped, errors = load("client").main()
    lines = svduty_sample_lines()
    assert 0 < scoped < lines  # some sample incidents are in scope, not all
    assert errors >= 0


def svduty_sample_lines() -> int:
    import svduty

    return len(svduty.sample_path("incidents").read_text(encoding="utf-8").splitlines())


# --- the command-line tour ---------------------------------------------------------------


def tour() -> list[str]:
    for block in re.findall(r"```console\n(.*?)```", TEXT, re.S):
        if "svduty info" in block:
            return [line for line in block.splitlines() if line.strip()]
    raise AssertionError("the README has a console block with the command-line tour")


SETTING = re.compile(r"^([A-Z_]+)=\$\((.*)\)$")


def shell(line: str, env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", "-c", line], env=env, cwd=cwd, capture_output=True, text=True, check=False
    )


@pytest.mark.slow
def test_every_command_of_the_readme_tour_runs_as_written(tmp_path):
    # from a folder that is not the clone, with the environment's python and svduty first
    # on the PATH: as a user of the installed package would type them
    env = dict(os.environ)
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    env.pop("PYTHONPATH", None)
    commands = []
    for line in tour():
        setting = SETTING.match(line.split("  #")[0].strip())
        if setting:
            got = shell(setting.group(2), env, tmp_path)
            assert got.returncode == 0, (line, got.stderr)
            env[setting.group(1)] = got.stdout.strip()
            assert Path(env[setting.group(1)]).exists(), line
        else:
            commands.append(line)
    assert len(commands) >= 7
    for line in commands:
        command, _, comment = line.partition("  #")
        assert shlex.split(command)[0] == "svduty", line
        got = shell(command, env, tmp_path)
        allowed = {0, 1} if "exit status 1" in comment else {0}
        assert got.returncode in allowed, (line, got.returncode, got.stderr[-2000:])
        assert got.stdout.strip(), line


def test_the_typed_client_writes_a_scenario_in_python():
    """A Scenario of a list or a tuple of changes type-checks (it did not: converter=tuple)
    and runs: removing the partnership board breaks rules."""
    import svduty

    assert load("client").my_scenario(svduty.warwickshire()) > 1


def test_a_scenario_of_something_not_a_change_is_an_argument_error():
    from svduty.errors import ArgumentError
    from svduty.governance import RemoveBody, Scenario

    for bad in ("remove x", [5], [{"op": "remove_body"}], None):
        with pytest.raises(ArgumentError, match=r"Scenario\(changes\)"):
            Scenario("x", "X", bad)  # type: ignore[arg-type]
    assert Scenario("x", "X", iter([RemoveBody("b")])).changes == (RemoveBody("b"),)
