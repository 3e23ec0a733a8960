"""A file or folder whose name is not UTF-8 text is refused or skipped, never an internal error.

The outputs name each row's file in a column of text: a name the file system holds as
bytes that are not UTF-8 cannot be written there. A file named directly is refused; one
in a folder is skipped and said so; a bundle folder so named loads (its cache key is the
name's bytes).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from svduty._data import data
from svduty.errors import InputFormatError
from svduty.io import read_police_uk, sample_police_uk
from svduty.io._inputs import expand_inputs

from ..cli_run import run

_BAD = os.fsdecode(b"bad\xffname")


def test_a_file_named_directly_is_refused(tmp_path: Path):
    f = tmp_path / f"{_BAD}.csv"
    shutil.copy(sample_police_uk(), f)
    with pytest.raises(InputFormatError, match="UTF-8 text"):
        list(read_police_uk(f))
    code, _, err = run("classify", str(f))
    assert code != 0
    assert "UTF-8 text" in err
    assert "unexpected" not in err


def test_a_file_in_a_folder_is_skipped_and_said_so(tmp_path: Path):
    shutil.copy(sample_police_uk(), tmp_path / "june.csv")
    shutil.copy(sample_police_uk(), tmp_path / f"{_BAD}.csv")
    found = expand_inputs([tmp_path])
    assert [p.name for p in found.files] == ["june.csv"]
    assert "not UTF-8 text" in found.skipped[0]
    code, out, err = run("classify", str(tmp_path))
    assert code == 0, err
    assert "rows in: 4,586" in out


def test_a_folder_holding_only_such_a_file_says_what_it_holds(tmp_path: Path):
    shutil.copy(sample_police_uk(), tmp_path / f"{_BAD}.csv")
    code, _, err = run("report", str(tmp_path), "-o", str(tmp_path / "r.html"))
    assert code != 0
    assert "not UTF-8 text" in err
    assert "unexpected" not in err


def test_a_bundle_folder_so_named_loads(tmp_path: Path):
    b = tmp_path / _BAD
    shutil.copytree(data("examplshire"), b)
    code, _, err = run("info", "--partnership", str(b))
    assert code == 0, err
    assert "unexpected" not in err
