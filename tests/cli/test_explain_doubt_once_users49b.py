"""users49: ``svduty explain`` printed the same unconfirmed doubt (SI 2023/227's pilot
period, ~1,300 characters) under each of two reasons of a row; it now says it once per
incident and refers to it after, while the JSON keeps it with every reason."""

from __future__ import annotations

import json

from svduty.definitions import Incident, classify

from ..cli_run import run
from ..conftest import MONTHS_DIR


def _one_row(tmp_path):
    lines = (MONTHS_DIR / "2019-01-warwickshire-street.csv").read_text(encoding="utf-8")
    path = tmp_path / "one.csv"
    path.write_text("\n".join(lines.splitlines()[:2]) + "\n", encoding="utf-8")
    return path


def _doubt(data) -> str:
    (doubt,) = {
        r["citation"]["doubt"] for r in data["reasons"] if r["rule"] == "OWHR-PILOT-DATE-DOUBT"
    }
    return str(doubt)


def test_explain_says_a_shared_doubt_once_per_incident(tmp_path):
    path = _one_row(tmp_path)
    code, out, _ = run("explain", str(path), "--format", "json")
    assert code == 0
    data = json.loads(out.splitlines()[0])
    doubt = _doubt(data)
    with_it = [r["rule"] for r in data["reasons"] if r["citation"].get("doubt") == doubt]
    assert with_it == ["OWHR-PILOT-DATE-OF-DEATH", "OWHR-PILOT-DATE-DOUBT"]  # the contract
    code, out, _ = run("explain", str(path))
    assert code == 0
    assert out.count(doubt) == 1
    line = next(x for x in out.splitlines() if x.startswith("  - OWHR-PILOT-DATE-DOUBT:"))
    assert line.endswith("(unconfirmed: as under OWHR-PILOT-DATE-OF-DEATH)")
    code, out, _ = run("explain", str(path), "--format", "html")
    assert code == 0
    assert "(unconfirmed: as under OWHR-PILOT-DATE-OF-DEATH)" in out


def test_the_doubt_is_said_once_for_each_incident():
    a = classify(Incident(id="a", police_uk_category="Violence and sexual offences",
                          date="2024-03-10"))  # fmt: skip
    said = a.explain()
    doubt = _doubt(a.to_json())
    assert said.count(doubt) == 1
