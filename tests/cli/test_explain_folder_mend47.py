"""mend47: ``svduty explain FOLDER`` says how to explain a row ``classify FOLDER`` gave.

``classify`` reads a folder of police.uk months; ``explain`` reads one file, and ``--row N``
numbers the rows of that file, as ``classify`` numbers them. A folder was refused as any
reader refuses one (``expected a file, not a folder``), without saying how to get from a
row of ``classify FOLDER``'s output to its explanation. Now the refusal says so: the
output's ``file`` and ``row`` columns name the file and the row (``svduty explain FILE
--row N``), before the partnership is loaded; and that way gives classify's answers.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from svduty.io import sample_police_uk

from ..cli_run import run

VERDICTS = ("violence", "in_scope", "domestic_abuse", "qualifying_homicide", "homicide_review")


def _folder(tmp_path: Path) -> Path:
    months = tmp_path / "months"
    months.mkdir()
    shutil.copy(sample_police_uk(), months / "2025-06-warwickshire-street.csv")
    lines = sample_police_uk().read_text(encoding="utf-8").splitlines(keepends=True)
    (months / "2025-07-warwickshire-street.csv").write_text(
        "".join(lines[:1] + lines[40:60]), encoding="utf-8"
    )
    return months


def test_explain_of_a_folder_says_how_to_explain_a_row_of_classify(tmp_path: Path) -> None:
    months = _folder(tmp_path)
    for argv in (["explain", months], ["explain", months, "--row", "2"]):
        code, out, err = run(*argv)
        assert code == 1
        assert out == ""
        lines = err.splitlines()
        assert len(lines) == 1, err
        assert lines[0].startswith(f"svduty explain: error: {months}: explain reads one file")
        assert "file and row columns" in lines[0]
        assert "svduty explain FILE --row N" in lines[0]
        assert "Traceback" not in err


def test_the_file_and_row_of_classify_folder_explain_as_classify_answered(tmp_path: Path) -> None:
    months = _folder(tmp_path)
    out = tmp_path / "out.jsonl"
    code, _, _ = run("classify", months, "-o", out)
    assert code == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    second = [r for r in rows if r["file"].endswith("2025-07-warwickshire-street.csv")]
    assert second
    for row in (rows[0], second[0], second[-1]):
        code, said, _ = run("explain", row["file"], "--row", row["row"], "--format", "json")
        assert code == 0
        explained = json.loads(said)
        assert explained["row"] == row["row"]
        assert explained["id"] == row["id"]
        assert {v: explained[v] for v in VERDICTS} == {v: row[v] for v in VERDICTS}


def test_the_help_and_reference_say_explain_reads_one_file() -> None:
    code, out, _ = run("explain", "--help")
    assert code == 0
    said = " ".join(out.split())
    assert "It reads one file, not a folder" in said
    assert "svduty explain FOLDER/FILE --row N" in said
