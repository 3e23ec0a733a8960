"""``explain`` says a UTF-16 or compressed CSV file is one, as ``classify`` does (mend49).

``svduty explain month.csv --row 2`` of a month saved as a spreadsheet's "Unicode text"
(UTF-16) said "not a readable CSV file (bytes that are not UTF-8)", where ``classify``
of the same file says what it is and how to convert it; a gzip-compressed ``.csv`` was
told the same. Both commands now give the same error, exit status 1.
"""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from svduty.io import sample_police_uk

from ..cli_run import run

INCIDENTS = "id,offence_code,victim_age\na,8N,19\n"


@pytest.mark.parametrize("kind", ["police-uk", "incidents"])
@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "gzip"])
def test_explain_and_classify_refuse_it_alike(tmp_path: Path, kind: str, encoding: str):
    lines = sample_police_uk().read_text(encoding="utf-8").splitlines(keepends=True)[:4]
    text = "".join(lines) if kind == "police-uk" else INCIDENTS
    data = gzip.compress(text.encode()) if encoding == "gzip" else text.encode(encoding)
    month = tmp_path / "month.csv"
    month.write_bytes(data)
    code, out, err = run("explain", month, "--row", "2")
    assert (code, out) == (1, "")
    said = err.removeprefix("svduty explain: error: ")
    classified = run("classify", month, "--input-format", kind)
    assert classified[0] == 1
    assert classified[2] == f"svduty classify: error: {said}"
    assert "UTF-16" in said or "gzip" in said
