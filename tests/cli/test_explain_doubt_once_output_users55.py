"""users55: ``svduty explain`` of a police.uk month said SI 2023/227's pilot-period doubt
(~1,300 characters) on every row; it now says it in full once an output and each later row
refers to the row that said it. The JSON keeps the doubt with every reason (its contract)."""

from __future__ import annotations

import json

import svduty

from ..cli_run import run


def _rows(tmp_path, n):
    lines = svduty.sample_path("policeuk-month").read_text(encoding="utf-8").splitlines()
    path = tmp_path / "few.csv"
    path.write_text("\n".join(lines[: n + 1]) + "\n", encoding="utf-8")
    return path


def _doubts(line: str) -> set[str]:
    data = json.loads(line)
    return {r["citation"]["doubt"] for r in data["reasons"] if r["citation"].get("doubt")}


def test_a_month_says_each_doubt_once_and_refers_to_it(tmp_path):
    path = _rows(tmp_path, 4)
    code, out, _ = run("explain", path, "--format", "json")
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 4
    every = [_doubts(x) for x in lines]
    assert all(every)  # the contract: on every row
    assert all(d == every[0] for d in every)
    (doubt,) = every[0]
    assert len(doubt) > 1000
    code, text, _ = run("explain", path)
    assert code == 0
    assert text.count(doubt) == 1
    assert text.count("at row 2 above)") == 3  # rows 3, 4 and 5 refer to row 2
    for block in text.split("\n\n")[2:]:
        assert len(block) < 3500  # each later row is readable on its own
    code, page, _ = run("explain", path, "--format", "html")
    assert code == 0
    assert page.count("at row 2 above)") == 3


def test_one_row_chosen_says_the_doubt_in_full(tmp_path):
    path = _rows(tmp_path, 4)
    code, out, _ = run("explain", path, "--format", "json", "--row", "4")
    (doubt,) = _doubts(out.splitlines()[0])
    code, text, _ = run("explain", path, "--row", "4")
    assert code == 0
    assert text.count(doubt) == 1
    assert "above)" not in text
