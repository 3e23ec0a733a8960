"""Hints that say what is likely wrong with a file's encoding (mend46b).

Before mend46b a police.uk or incident file in UTF-16 with no byte order mark was refused
as "not police.uk" (or its JSON Lines as not UTF-8 lines) with no word of UTF-16; and a
Latin-1 police.uk file, each of whose rows is rejected (``Reported by: expected UTF-8
text``), was warned ``EVERY-ROW-REJECTED`` with a hint about months a spreadsheet saved
again. Now each says the likely cause, and neither shows a value.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from svduty.cli import main

BUNDLE = Path(__file__).parents[1] / "data" / "example-bundle"
CANARY = "CANARY-7f3a"
HEADER = (
    "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,"
    "LSOA name,Crime type,Last outcome category,Context\n"
)
ROW = (
    "abc,2025-06,Warwickshire Polic\u00e9 {c},Warwickshire Police,-1.5,52.3,"
    "On or near {c},E01031180,Rugby 001A,Violence and sexual offences,,\n"
)


def _run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(argv, stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("order", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("police.csv", HEADER + ROW.format(c=CANARY)),
        ("incidents.csv", f"id,date,location\n{CANARY},2023-06-01,E07000220\n"),
        ("incidents.jsonl", f'{{"id": "{CANARY}", "date": "2023-06-01"}}\n'),
    ],
)
def test_utf16_without_a_byte_order_mark_is_named(tmp_path, order, name, text):
    path = tmp_path / name
    path.write_bytes(text.encode(order))
    code, out, err = _run(["classify", str(path), "-o", str(tmp_path / "out.jsonl")])
    assert code != 0
    assert f"{name}: expected UTF-8 text" in err, err
    assert f"UTF-16{order[-2:].upper()}" in err, err
    assert CANARY not in out + err


def test_a_latin1_police_uk_file_is_hinted_as_not_utf8(tmp_path):
    path = tmp_path / "latin1.csv"
    path.write_bytes((HEADER + ROW.format(c=CANARY) * 3).encode("latin-1"))
    code, out, err = _run(
        ["classify", str(path), "--partnership", str(BUNDLE), "-o", str(tmp_path / "o.csv")]
    )
    assert code == 0, err
    (warning,) = [line for line in out.splitlines() if "EVERY-ROW-REJECTED" in line]
    assert "likely: the text is not UTF-8" in warning
    assert "Latin-1" in warning
    assert "Jun-25" not in warning
    assert CANARY not in out + err


def test_a_resaved_month_is_still_hinted_as_such(tmp_path):
    path = tmp_path / "months.csv"
    path.write_text(HEADER + ROW.format(c=CANARY).replace("2025-06", "Jun-25") * 2)
    code, out, err = _run(
        ["classify", str(path), "--partnership", str(BUNDLE), "-o", str(tmp_path / "o.csv")]
    )
    assert code == 0, err
    (warning,) = [line for line in out.splitlines() if "EVERY-ROW-REJECTED" in line]
    assert "'Jun-25'" in warning
    assert "UTF-8" not in warning
    assert CANARY not in out + err
