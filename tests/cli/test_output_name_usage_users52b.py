"""An output whose name says a format svduty does not write is a usage error (users52b).

users52: ``svduty classify m.csv -o out.txt`` and ``--rejected rej.txt`` exited 1, as an
input that cannot be read does, while ``--output-format xml`` exited 2. The name typed is
wrong whatever is on disk, as the format given by ``--output-format`` is: a usage error,
exit status 2 (argparse's convention and cli.rst's "2 the command line itself was wrong"),
the message as before, nothing written, no file read. A folder named as ``-o`` stays 1:
what the name leads to is wrong, not the words typed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from svduty.io import sample_police_uk

from ..cli_run import run

SAMPLE = sample_police_uk()


def _listing(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["-o", "out.txt"], "out.txt: --output: expected a .csv, .parquet or .jsonl file"),
        (["-o", "rows"], "rows: --output: expected a .csv, .parquet or .jsonl file"),
        (["--rejected", "rej.txt"], "rej.txt: --rejected: expected a .csv file"),
        (["--rejected", "rej.parquet"], "rej.parquet: --rejected: expected a .csv file"),
        (["-o", "o.csv", "--rejected", "rej.jsonl"], "rej.jsonl: --rejected: expected a .csv"),
    ],
)
def test_classify_an_output_name_of_no_format_it_writes_exits_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, argv: list[str], said: str
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run("classify", SAMPLE, *argv)
    assert (code, out) == (2, "")
    assert err.startswith(f"svduty classify: error: {said}")
    assert _listing(tmp_path) == []


def test_it_agrees_with_an_unknown_output_format(tmp_path: Path) -> None:
    by_name = run("classify", SAMPLE, "-o", tmp_path / "out.txt")[0]
    by_option = run("classify", SAMPLE, "-o", tmp_path / "o", "--output-format", "xml")[0]
    assert by_name == by_option == 2


def test_report_a_page_not_named_html_exits_2(tmp_path: Path) -> None:
    month = tmp_path / "2025-06-street.csv"
    month.write_bytes(SAMPLE.read_bytes())
    code, _, err = run("report", month, "-o", tmp_path / "page.csv")
    assert code == 2
    said = "--output: expected an .html file"
    assert err == f"svduty report: error: {tmp_path / 'page.csv'}: {said}\n"
    assert _listing(tmp_path) == ["2025-06-street.csv"]


def test_a_folder_as_the_output_is_still_exit_1(tmp_path: Path) -> None:
    (tmp_path / "rows").mkdir()
    code, _, err = run("classify", SAMPLE, "-o", tmp_path / "rows")
    assert code == 1
    assert err.endswith("--output: expected a file, not a folder\n")


def test_report_a_page_not_named_html_exits_2_whatever_is_on_disk(tmp_path: Path) -> None:
    """review52b: ``report -o missing/page.csv`` was 1 (the folder checked first), while
    ``classify -o missing/out.txt`` was 2: the name typed is checked first in both."""
    month = tmp_path / "2025-06-street.csv"
    month.write_bytes(SAMPLE.read_bytes())
    page = tmp_path / "no-such-folder" / "page.csv"
    code, _, err = run("report", month, "-o", page)
    assert code == run("classify", SAMPLE, "-o", tmp_path / "no-such-folder" / "o.txt")[0] == 2
    assert err == f"svduty report: error: {page}: --output: expected an .html file\n"
    (tmp_path / "page").mkdir()  # a folder named as the page is still what is on disk: 1
    code, _, err = run("report", month, "-o", tmp_path / "page")
    assert code == 1
    assert err.endswith("--output: expected a file, not a folder\n")
    assert _listing(tmp_path) == ["2025-06-street.csv", "page"]
