"""A bundle file or a ``--tables`` folder that is a symbolic link loop (hostile53).

``svduty validate BUNDLE`` whose ``areas.toml`` was a link round a loop of links, and
``svduty report ... --tables LOOP`` (or ``-o LOOP.html`` with ``--tables``), failed with
"unexpected RuntimeError; please report it": ``Path.resolve`` raises ``RuntimeError`` for
a loop on Python before 3.13 (validate's check of links out of the folder; report's check
that the tables are not the page). Now validate reports the file as the loader does
(exit 1, naming it), and report names the loop (exit 1), as every other command does.
"""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest

from svduty.cli import main
from svduty.io import sample_police_uk

BUNDLE = Path(__file__).parents[1] / "data" / "example-bundle"
MONTH = sample_police_uk()


def _run(argv: list[str | Path]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main([str(a) for a in argv], stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("two", [False, True], ids=["to-itself", "round-two-links"])
def test_validate_names_a_bundle_file_that_is_a_link_loop(tmp_path: Path, two: bool) -> None:
    bundle = tmp_path / "b"
    shutil.copytree(BUNDLE, bundle)
    areas = bundle / "areas.toml"
    areas.unlink()
    if two:
        areas.symlink_to("other.toml")
        (bundle / "other.toml").symlink_to("areas.toml")
    else:
        areas.symlink_to("areas.toml")
    code, out, err = _run(["validate", bundle, "--format", "json"])
    assert code == 1, out + err
    assert "unexpected" not in err, err
    problems = json.loads(out)["problems"]
    assert [p["file"] for p in problems] == ["areas.toml"], problems  # the bundle's own
    assert "symbolic links" in problems[0]["problem"], problems


@pytest.mark.parametrize("which", ["tables", "output"])
def test_report_names_a_tables_folder_or_page_that_is_a_link_loop(
    tmp_path: Path, which: str
) -> None:
    loop = tmp_path / ("loop" if which == "tables" else "loop.html")
    loop.symlink_to(loop.name)
    page = loop if which == "output" else tmp_path / "page.html"
    tables = loop if which == "tables" else tmp_path / "tables"
    argv: list[str | Path] = ["report", MONTH, "--partnership", BUNDLE, "-o", page]
    code, _out, err = _run([*argv, "--tables", tables])
    assert code == 1, err
    assert "unexpected" not in err, err
    assert f"{loop}: " in err, err
    assert not page.exists() or page.is_symlink(), "no page written"
    assert sorted(p.name for p in tmp_path.iterdir()) == [loop.name], "nothing written"
