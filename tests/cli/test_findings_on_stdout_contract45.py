"""``svduty validate`` writes a bundle's findings to standard output, as ``governance
--validate`` does (contract45).

``validate`` wrote each problem and warning to standard error, ``governance --validate``
its findings to standard output: a script piping one into a file lost the other's. Now
both list the findings on standard output, standard error gets one line when there are
errors, and the exit status is 1 then; ``--format json`` stays the document alone.
"""

from __future__ import annotations

import io
import json
import re
import shutil
from pathlib import Path

import svduty
from svduty.cli import main

from ..cli_run import run_once


def _run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def _broken(tmp_path: Path) -> str:
    bundle = tmp_path / "b"
    shutil.copytree(svduty.sample_path("warwickshire-bundle"), bundle)
    gov = bundle / "governance.toml"
    old = 'chair = "north-warwickshire-borough-council"'
    gov.write_text(gov.read_text(encoding="utf-8").replace(old, 'chair = "nobody"', 1))
    return str(bundle)


def test_validate_and_governance_validate_list_their_findings_on_standard_output(tmp_path):
    bundle = _broken(tmp_path)
    code, out, err = _run("validate", bundle)
    assert code == 1
    assert "governance.toml: bodies[" in out
    assert ".chair:" in out
    assert err == "svduty validate: error: 1 problem(s) in the bundle, listed on standard output\n"
    code_g, out_g, err_g = _run("governance", "--scenario", "lgr-two-unitaries", "--validate")
    assert code_g == 1
    assert "error GOV-" in out_g
    assert len(err_g.splitlines()) == 1


def test_warnings_are_output_too_and_json_is_the_document_alone(tmp_path):
    code, out, err = run_once("validate", "warwickshire")
    assert (code, err) == (0, "")
    assert "warning: governance.toml: GOV-ISOLATED" in out
    assert re.fullmatch(r"warwickshire: ok, \d+ to fill in or confirm", out.splitlines()[-1])
    code, out, err = _run("validate", "--format", "json", _broken(tmp_path))
    assert code == 1
    assert json.loads(out)["ok"] is False  # standard output is the document alone
    assert len(err.splitlines()) == 1


def test_a_bundle_that_cannot_be_checked_is_still_an_error_on_standard_error(tmp_path):
    code, out, err = _run("validate", str(tmp_path / "none"))
    assert (code, out) == (1, "")
    assert err.startswith("svduty validate: error: ")
