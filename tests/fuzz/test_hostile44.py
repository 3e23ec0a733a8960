"""Hostile inputs found by the forty-fourth session's review (``hostile44``).

Each test failed before its fix. A name or a date of birth is planted in every input and
must never appear in a message.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import given
from hypothesis import strategies as st

from svduty.io import read_incident_table

from ..cli_run import run
from .budget import budget
from .personal import Personal, leaks, personal

# a relative name pyarrow would take for a URI: a scheme, a colon, anything after it
_URI_LIKE = st.from_regex(r"\A[a-z][a-z0-9+.\-]{1,8}:[a-z0-9+:\-]{0,8}\Z")


def _incidents(at: Path, who: Personal) -> None:
    table = pa.table(
        {
            "id": [who.text, who.text],
            "date": ["2025-06-03", "2025-06-03"],
            "offence_code": ["8N", "not a code"],
            "location": ["E07000222", "E07000222"],
        }
    )
    pq.write_table(table, at)


@budget(25)
@given(name=_URI_LIKE, who=personal)
def test_a_parquet_file_whose_name_looks_like_a_uri_is_read_as_the_local_file(
    name: str, who: Personal
) -> None:
    # "week+01:00.parquet" was "not a readable Parquet file (ArrowInvalid)": pyarrow took
    # the relative name for a URI of an unknown file system (and "s3:x.parquet" for S3)
    with tempfile.TemporaryDirectory() as d, contextlib.chdir(d):
        file = f"{name}.parquet"
        _incidents(Path(d) / file, who)
        code, out, err = run("classify", file, "-o", "out.jsonl", "--summary", "json")
        assert "Traceback" not in err
        assert not leaks([out, err], [who])
        assert code == 0, err
        summary = json.loads(out)
        assert (summary["rows_in"], summary["rows_out"], summary["rejected"]) == (2, 1, 1)
        assert summary["rejections"][0]["file"] == file
        table = read_incident_table(file)  # the Python API: the same file, the same rows
        assert table.num_rows == 2
        assert table.column("row").to_pylist() == [1, 2]


@pytest.mark.parametrize(("where", "quoted"), [(0, False), (2, True)])  # 15 s each
def test_an_incident_csv_row_of_17_mb_is_read_with_the_others(
    tmp_path: Path, where: int, quoted: bool
) -> None:
    # a record longer than the reader's 16 MB block refused the whole file, "not a
    # readable CSV file (a row that spans a block boundary)", naming no row; police.uk
    # files and JSON Lines read such a row
    who = "Jane Canary 1990-01-02"
    long = ("Jane Canary\n1990-01-02 " if quoted else "Jane Canary 1990-01-02 ") * 750_000
    rows = [f"{who},2025-06-03,8N,E07000222", f"{who},2025-06-03,not a code,E07000222"] * 2
    rows.insert(
        where, f'"{long}",2025-06-03,8N,E07000222' if quoted else f"{long},2025-06-03,8N,E07000222"
    )
    f = tmp_path / "incidents.csv"
    f.write_text("id,date,offence_code,location\n" + "\n".join(rows) + "\n", encoding="utf-8")
    assert f.stat().st_size > 17_000_000
    code, out, err = run(
        "classify",
        f,
        "--format",
        "incidents",
        "--summary",
        "json",
        "-o",
        tmp_path / "out.parquet",
        "--rejected",
        tmp_path / "rej.csv",
    )
    assert code == 0, err
    assert "Canary" not in err
    assert "1990" not in err
    rejected = (tmp_path / "rej.csv").read_text(encoding="utf-8")
    assert "Canary" not in rejected
    summary = json.loads(out)
    assert (summary["rows_in"], summary["rows_out"], summary["rejected"]) == (5, 3, 2)
    starts, line = [], 2  # where each record starts (the header is line 1)
    for r in rows:
        starts.append(line)
        line += r.count("\n") + 1
    bad = [n for n, r in zip(starts, rows, strict=True) if "not a code" in r]
    assert [r["row"] for r in summary["rejections"]] == bad
    table = pq.read_table(tmp_path / "out.parquet", columns=["row", "id"]).to_pydict()
    assert table["row"] == [n for n in starts if n not in bad]
    kept = [r for r in rows if "not a code" not in r]
    assert table["id"][kept.index(rows[where])] == long.strip()


_NO_HOME = st.sampled_from(["~nobody-svduty", "~nobody-svduty/x", "relative/home", "", " "])
_XDG = st.sampled_from([None, "", " ", "*", "\n", "relative/cache", "Jane Canary 1990-01-02"])


@budget(10)  # the command itself (its own process): main() called in process keeps no cache
@given(home=_NO_HOME, xdg=_XDG)
def test_no_home_folder_or_a_relative_cache_home_runs_without_a_cache(
    home: str, xdg: str | None
) -> None:
    # HOME="~nobody" (or a user with no home, as in a container) was "unexpected
    # RuntimeError; please report it" from every command; a relative XDG_CACHE_HOME put
    # cache folders in the working folder, where the XDG spec says to ignore it
    env = {k: v for k, v in os.environ.items() if k not in ("SVDUTY_CACHE_DIR", "XDG_CACHE_HOME")}
    env["HOME"] = home
    if xdg is not None:
        env["XDG_CACHE_HOME"] = xdg
    with tempfile.TemporaryDirectory() as d:
        done = subprocess.run(
            [sys.executable, "-m", "svduty", "info", "--format", "json"],
            cwd=d,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        assert json.loads(done.stdout)["name"] == "warwickshire"
        assert list(Path(d).iterdir()) == []  # nothing written in the working folder
