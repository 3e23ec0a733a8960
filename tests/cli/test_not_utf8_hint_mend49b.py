"""A row whose bytes are not UTF-8 says so, and how to convert the file (mend49b).

Before mend49b a Latin-1 (or Windows-1252) police.uk month was read with its rows holding
a non-ASCII byte rejected as ``Location: expected UTF-8 text`` and exit 0: the batch rule,
but nothing said the file was in another encoding or what to do. Now the reason, in
``--rejected`` and in the summary's rejections, says the bytes are not UTF-8 and gives the
``iconv`` line; the rows are still rejected one by one, every row accounted for, and the
row's bytes are never shown (they may be personal data). The incident readers (CSV and
JSON Lines) say the same.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from svduty.cli import main

BUNDLE = Path(__file__).parents[1] / "data" / "example-bundle"
SECRET = "Jos\u00e9 Citizen"  # a name: never shown, in either encoding
POLICE_HEADER = (
    "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,"
    "LSOA name,Crime type,Last outcome category,Context\n"
)
POLICE_ROW = (
    "abc{n},2025-06,Warwickshire Police,Warwickshire Police,-1.5,52.3,"
    "On or near {place},E01031180,Rugby 001A,Violence and sexual offences,,\n"
)

CASES = {
    "police.csv": (
        POLICE_HEADER.encode()
        + POLICE_ROW.format(n=1, place="Main Street").encode()
        + POLICE_ROW.format(n=2, place=SECRET).encode("latin-1")
        + POLICE_ROW.format(n=3, place="High Street").encode(),
        [],
        3,
        "Location",
    ),
    "incidents.csv": (
        b"id,date,victim_age\na,2023-06-01,5\n"
        + f"{SECRET},2023-06-01,6\n".encode("cp1252")
        + b"c,2023-06-01,7\n",
        ["--map", "id=id"],
        3,
        "id",
    ),
    "incidents.jsonl": (
        b'{"id": "a"}\n' + f'{{"id": "{SECRET}"}}\n'.encode("latin-1") + b'{"id": "c"}\n',
        [],
        2,
        "line",
    ),
}


def _run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(argv, stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def _says_how_to_convert(reason: str) -> None:
    assert reason.startswith("expected UTF-8 text ("), reason
    assert "not UTF-8" in reason, reason
    assert "Windows-1252 or Latin-1" in reason, reason
    assert "iconv -f windows-1252 -t utf-8" in reason, reason


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_row_not_utf8_is_rejected_with_how_to_convert(tmp_path: Path, name: str) -> None:
    data, options, row, field = CASES[name]
    path = tmp_path / name
    path.write_bytes(data)
    rejected = tmp_path / "rejected.csv"
    argv = ["classify", str(path), "--partnership", str(BUNDLE), *options]
    argv += ["-o", str(tmp_path / "out.jsonl"), "--rejected", str(rejected), "--summary", "json"]
    code, out, err = _run(argv)
    assert code == 0, err  # the batch rule: the row rejected, the others read
    summary = json.loads(out)
    assert (summary["rows_in"], summary["rows_out"], summary["rejected"]) == (3, 2, 1)
    [kept] = summary["rejections"]
    assert (kept["row"], kept["field"]) == (row, field)
    _says_how_to_convert(kept["reason"])
    with rejected.open(newline="") as f:
        [listed] = list(csv.DictReader(f))
    assert (int(listed["row"]), listed["field"]) == (row, field)
    _says_how_to_convert(listed["reason"])
    shown = out + err + rejected.read_text()
    assert "Jos" not in shown
    assert "Citizen" not in shown


def test_the_text_summary_says_it_too(tmp_path: Path) -> None:
    path = tmp_path / "police.csv"
    path.write_bytes(CASES["police.csv"][0])
    code, out, err = _run(
        ["classify", str(path), "--partnership", str(BUNDLE), "-o", str(tmp_path / "o.csv")]
    )
    assert code == 0, err
    line = next(x for x in out.splitlines() if "row 3:" in x)
    assert line.strip().startswith(f"{path}: row 3: Location: expected UTF-8 text (")
    _says_how_to_convert(line.split("Location: ", 1)[1])
    assert "Citizen" not in out + err
