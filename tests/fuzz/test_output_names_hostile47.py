"""Fuzz: ``svduty classify`` writes an output whose name is not UTF-8 text.

A file system holds names as bytes; a name that is not UTF-8 (a Latin-1 ``é``, byte 0xE9,
from an old share) reaches Python as surrogates. Before hostile47 ``classify -o`` such a
name with ``.parquet`` or ``.csv``, or ``--rejected`` such a name, ended in "unexpected
UnicodeEncodeError; please report it" (exit status 1) once the rows were classified:
Arrow's writers open a path only by UTF-8 text. ``.jsonl`` (written by Python) worked.
Property: whatever the bytes of the name and the format, the command succeeds, the file
holds every row, and no temporary file is left beside it.
"""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pyarrow.parquet as pq
from hypothesis import example, given
from hypothesis import strategies as st

from ..cli_run import run
from .budget import budget

CANARY = "CANARY-7f3a"
_GOOD = {"id": CANARY, "offence_code": "8N", "victim_age": 30, "weapon": "knife"}
_LINES = [json.dumps(_GOOD), json.dumps({**_GOOD, "weapon": CANARY}), json.dumps(_GOOD)]


def _not_utf8(raw: bytes) -> bool:
    try:
        raw.decode()
    except UnicodeDecodeError:
        return True
    return False


_NAMES = (
    st.binary(min_size=1, max_size=12)
    .map(lambda b: bytes(c for c in b if c not in b"/\0"))
    .filter(lambda b: b not in (b"", b".", b"..") and _not_utf8(b))
)


def _rows(path: Path, kind: str) -> int:
    if kind == "parquet":
        with open(path, "rb") as fh:  # (Arrow opens no such name either)
            return pq.read_table(fh).num_rows
    text = path.read_text(encoding="utf-8")
    if kind == "csv":
        return len(list(csv.reader(io.StringIO(text)))) - 1
    return len(text.splitlines())


@budget(12)
@given(raw=_NAMES, kind=st.sampled_from(["parquet", "csv", "jsonl"]))
@example(raw=b"caf\xe9", kind="parquet")  # unexpected UnicodeEncodeError before
@example(raw=b"caf\xe9", kind="csv")
def test_an_output_name_that_is_not_utf8_is_written(tmp_path_factory, raw, kind) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("names")
    source = folder / "in.jsonl"
    source.write_text("\n".join(_LINES) + "\n", encoding="utf-8")
    out = folder / os.fsdecode(raw + f".{kind}".encode())
    rejected = folder / os.fsdecode(raw + b".rejected.csv")
    code, stdout, stderr = run("classify", source, "-o", out, "--rejected", rejected)
    assert code == 0, stderr
    assert "unexpected" not in stderr
    assert CANARY not in stderr + stdout
    assert _rows(out, kind) == 2
    assert _rows(rejected, "csv") == 1
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [source.name, out.name, rejected.name]
    )  # no temporary file left
