"""Text from the command line that is not UTF-8: named as such, never an unexpected error.

Python reads a command line's bytes that are not UTF-8 (a name typed in a Latin-1
terminal, ``$'\\xe9cole'``, a file saved under Windows-1252) as lone surrogates
(``\\udce9``), which cannot be written as UTF-8 again (hostile55):

- ``svduty init DIR --area CODE --title $'\\xe9cole'`` took the title as one line of text,
  then failed writing ``bundle.toml``: "unexpected UnicodeEncodeError; please report it".
  A title (or any name or id checked as one line of text) holding one is refused as the
  option's value: exit status 1, nothing written.
- ``svduty explain $'\\xe9.parquet'`` (a Parquet file whose name is not UTF-8) failed in
  pyarrow, which opens a path as UTF-8 text: "unexpected UnicodeEncodeError". It is
  refused as ``svduty classify`` refuses it: "expected a file name that is UTF-8 text
  (rename the file to read it)", exit status 1. So is the Python API's
  ``read_incident_table``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from svduty.errors import InputFormatError
from svduty.io import read_incident_table
from tests.cli_run import run
from tests.fuzz.budget import budget

_LATIN1 = os.fsdecode(b"\xe9cole")  # 'école' typed in a Latin-1 terminal: '\udce9cole'


@budget(5)
@given(
    title=st.text(
        st.characters(codec=None, categories=["Cs", "L", "Zs", "P"]), min_size=1, max_size=30
    )
)
@example(title=_LATIN1)
@example(title="Caf" + os.fsdecode(b"\xe9") + " Partnership")
def test_a_title_of_any_characters_is_written_or_refused_whole(tmp_path_factory, title: str):
    folder = tmp_path_factory.mktemp("init") / "b"
    code, out, err = run("init", folder, "--area", "E07000220", "--title", title)
    assert "unexpected" not in out + err
    assert "Traceback" not in out + err
    if any("\ud800" <= c <= "\udfff" for c in title):
        assert code == 1
        assert "--title: expected one line of text" in err
    assert code in (0, 1)
    if code == 1:
        assert not folder.exists() or not any(folder.iterdir())  # nothing written
    else:
        assert (folder / "bundle.toml").is_file()


def _parquet(folder: Path) -> Path:
    name = folder / os.fsdecode(b"incidents-\xe9t\xe9.parquet")  # not UTF-8: surrogates
    pq.write_table(
        pa.table({"id": ["a"], "date": ["2025-01-02"], "offence_code": ["8N"]}),
        pa.OSFile(os.fsencode(name), "wb"),
    )
    return name


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_explain_refuses_a_parquet_file_whose_name_is_not_utf8(tmp_path: Path, fmt: str):
    name = _parquet(tmp_path)
    code, out, err = run("explain", name, "--format", fmt)
    assert "unexpected" not in out + err
    assert code == 1
    assert "expected a file name that is UTF-8 text (rename the file to read it)" in err
    classify = run("classify", name, "-o", tmp_path / "o.csv")
    assert classify[0] == code
    assert "expected a file name that is UTF-8 text" in classify[2]  # as classify says it


def test_read_incident_table_refuses_a_parquet_name_that_is_not_utf8(tmp_path: Path):
    with pytest.raises(InputFormatError, match="a file name that is UTF-8 text"):
        read_incident_table(_parquet(tmp_path))
