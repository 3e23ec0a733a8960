"""A file refused whole writes nothing to ``--rejected -``, not a CSV header alone (mend50b).

users50: ``svduty classify nested.parquet --rejected - -o out.jsonl``, where the Parquet
file's ``behaviours`` column is ``list<list<string>>``, exited 1 with the error on
standard error, and standard output held ``"file","row","field","reason"``: the rejected
rows' CSV writer wrote its header when it was opened, before a row was read. A stream
cannot be taken back, and a job that writes its outputs whole or not at all wrote the
start of one. The header now goes with the first rejected row (or at the end, when no
row was rejected: a file of its header alone, as before); ``-o -`` wrote nothing already
and is checked here too. A police.uk file whose header is not police.uk's did the same.
"""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from svduty.io import sample_police_uk
from tests.cli_run import in_subprocess as _svduty

pytestmark = pytest.mark.skipif(not Path("/dev/stdout").exists(), reason="no /dev/stdout")

HEADER = b'"file","row","field","reason"\n'


def _nested(tmp_path: Path) -> Path:
    path = tmp_path / "nested.parquet"
    kinds = pa.array([[["physical"]], [["physical", "sexual"]]], pa.list_(pa.list_(pa.string())))
    pq.write_table(pa.table({"id": ["S-1", "S-2"], "behaviours": kinds}), path)
    return path


@pytest.mark.parametrize(
    "outputs",
    [
        ("--rejected", "-", "-o", "rows.jsonl"),
        ("--rejected", "-", "-o", "/dev/null"),
        ("-o", "-", "--output-format", "csv", "--rejected", "rejected.csv"),
        ("-o", "-", "--output-format", "jsonl"),
    ],
)
def test_an_incident_file_refused_whole_writes_nothing_to_standard_output(
    tmp_path: Path, outputs: tuple[str, ...]
) -> None:
    done = _svduty("classify", _nested(tmp_path), *outputs, cwd=tmp_path)
    assert done.returncode == 1
    assert b"behaviours: a column of list<list<string>>" in done.stderr
    assert done.stdout == b""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["nested.parquet"]  # no file either


def test_a_police_uk_file_refused_whole_writes_nothing_to_the_rejected_stream(
    tmp_path: Path,
) -> None:
    (tmp_path / "m.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    done = _svduty("classify", "m.csv", "--format", "police-uk", "--rejected", "-", cwd=tmp_path)
    assert done.returncode == 1
    assert b"not a police.uk street-level crime file" in done.stderr
    assert done.stdout == b""


def test_rejected_rows_still_stream_after_their_header_and_none_is_a_header_alone(
    tmp_path: Path,
) -> None:
    header, *rows = sample_police_uk().read_text(encoding="utf-8").splitlines(keepends=True)
    bad = rows[0].split(",")
    bad[1] = "Jun-25"  # the month as a spreadsheet saves it
    (tmp_path / "m.csv").write_text(header + ",".join(bad) + "".join(rows[1:5]), "utf-8")
    done = _svduty("classify", "m.csv", "--rejected", "-", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(HEADER + b'"m.csv",2,"Month",')
    assert len(done.stdout.splitlines()) == 2
    none = _svduty("classify", sample_police_uk(), "--rejected", "-", cwd=tmp_path)
    assert (none.returncode, none.stdout) == (0, HEADER)
