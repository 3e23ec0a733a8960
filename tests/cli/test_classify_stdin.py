"""svduty classify reads incidents from standard input ('-') and names missing files."""

from __future__ import annotations

import io
import json

import pytest

from svduty.cli import main

GOOD = {
    "id": "x",
    "offence_code": "8N",
    "victim_age": 30,
    "perpetrator_age": 31,
    "relationship": "married",
    "location": "E07000222",
    "date": "2024-05-01",
}


def run(argv, stdin_text=None, monkeypatch=None):
    if stdin_text is not None:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin_text))
    out, err = io.StringIO(), io.StringIO()
    return main(argv, stdout=out, stderr=err), out.getvalue(), err.getvalue()


def test_stdin_incidents_are_classified_and_rejections_name_stdin(monkeypatch):
    text = json.dumps(GOOD) + "\n" + json.dumps({"id": "y", "victim_age": 200}) + "\n"
    code, out, err = run(["classify", "-", "--summary", "json"], text, monkeypatch)
    assert code == 0
    lines = [json.loads(line) for line in out.splitlines()]
    assert [c["id"] for c in lines] == ["x"]
    assert lines[0]["domestic_abuse"] == "yes"
    summary = json.loads(err[err.index("{") :])
    assert summary["rows_in"] == summary["rows_out"] + summary["rejected"] == 2
    [rejection] = summary["rejections"]
    assert (rejection["file"], rejection["row"], rejection["field"]) == ("<stdin>", 2, "victim_age")


@pytest.mark.parametrize(
    "argv", [["classify", "-", "-"], ["classify", "--format", "police-uk", "-"]]
)
def test_stdin_only_alone_and_only_for_incidents(argv, monkeypatch):
    code, _, err = run(argv, "", monkeypatch)
    assert code == 2  # as any other conflict of arguments
    assert "standard input ('-') alone" in err or "police.uk file or folder by its name" in err


def test_missing_file_says_so():
    code, _, err = run(["classify", "no-such-file.csv"])
    assert code == 1
    assert "no-such-file.csv: file not found" in err


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_on_stdin_is_refused_as_a_utf16_file_is(monkeypatch, tmp_path, encoding):
    """A UTF-16 file was refused whole, but the same bytes on standard input were counted
    as rows of bad lines (its first line's bytes reported, then each line after)."""
    data = (json.dumps(GOOD) + "\n" + json.dumps(GOOD) + "\n").encode(encoding)
    f = tmp_path / "in.jsonl"
    f.write_bytes(data)
    piped = io.TextIOWrapper(io.BufferedReader(io.BytesIO(data)), encoding="utf-8")
    monkeypatch.setattr("sys.stdin", piped)
    code, out, err = run(["classify", "-", "--summary", "json", "-o", str(tmp_path / "o.csv")])
    assert (code, out) == (1, "")
    said = "expected UTF-8 text, one JSON object per line"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # a byte order mark says UTF-16
        said = "expected UTF-8 text (this file is UTF-16, as a spreadsheet's 'Unicode text' is"
    elif encoding == "utf-16-be":  # no mark: named by its zero bytes since mend46b
        said = "expected UTF-8 text (this file looks like UTF-16 with no byte order mark"
    assert err.startswith(f"svduty classify: error: <stdin>: {said}")
    code, _, err = run(["classify", str(f), "--summary", "json"])
    assert code == 1
    assert err.startswith(f"svduty classify: error: {f}: {said}")
    assert not (tmp_path / "o.csv").exists()


@pytest.mark.parametrize("good", [0, 1])
def test_a_run_that_rejects_every_row_warns(monkeypatch, tmp_path, good):
    """A run that classified nothing (every row rejected) exited 0 with no warning (a new
    analyst's review): it warns ``EVERY-ROW-REJECTED`` with the rows, and only then."""
    lines = [json.dumps({"victim_age": 200})] * 3 + [json.dumps(GOOD)] * good
    argv = ["classify", "-", "--summary", "json", "-o", str(tmp_path / "o.csv")]
    code, out, _ = run(argv, "\n".join(lines) + "\n", monkeypatch)
    warnings = json.loads(out)["warnings"]
    assert code == 0
    assert warnings.get("EVERY-ROW-REJECTED") == (None if good else 3)


@pytest.mark.parametrize(
    ("key", "meant"),
    [
        ("lsoa_code", "location"),
        ("LAD24CD", "location"),
        ("weapn", "weapon"),
        ("Age", None),
        ("Edward Smith", None),  # "ward" inside a name is no place
    ],
)
def test_an_unknown_field_names_the_field_it_likely_meant(monkeypatch, tmp_path, key, meant):
    """``lsoa_code`` was refused as "an unknown field (a name of 9 characters, not shown)",
    with no word of ``location``, the field that places an incident (a new user's review).
    The field meant is named; the key's own text is still not shown."""
    line = json.dumps({key: "E01031180", "offence_code": "8N"})
    rejected = tmp_path / "r.csv"
    argv = ["classify", "-", "-o", str(tmp_path / "o.csv"), "--rejected", str(rejected)]
    assert run(argv, line + "\n", monkeypatch)[0] == 0
    reason = rejected.read_text().splitlines()[1]
    assert reason.endswith(f'(did you mean {meant}?)"') is (meant is not None)
    assert ("did you mean" in reason) is (meant is not None)
    if key != "weapn":
        assert key not in reason


def test_rejected_rows_on_the_stream_the_classifications_take_are_refused(monkeypatch):
    """``classify - --rejected /dev/stdout`` with no ``-o`` interleaved the classifications
    (JSON Lines) and the rejected rows (CSV) on standard output (a review of the session's
    own change): refused before anything is read."""
    import os

    if not os.path.exists("/dev/stdout"):
        pytest.skip("no /dev/stdout")
    import subprocess
    import sys

    r = subprocess.run(
        [sys.executable, "-m", "svduty", "classify", "-", "--rejected", "/dev/stdout"],
        input=b'{"offence_code": "ZZZ"}\n',
        capture_output=True,
        check=False,
        timeout=300,
    )
    assert (r.returncode, r.stdout) == (2, b"")
    assert b"--rejected: expected a file other than standard output" in r.stderr
