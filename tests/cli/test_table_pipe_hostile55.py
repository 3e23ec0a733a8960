"""An incident table (``.csv``, ``.parquet``) that is a FIFO or a device: said so, not "not found".

``svduty explain x.csv`` (and the Python API's ``read_incident_table``) of a named pipe
said "x.csv: file not found": the path is there, and ``svduty classify`` and ``report``
say of it that tables are read from files, not pipes or devices. ``explain`` now says the
same, without opening it (a FIFO opened for reading waits for a writer) (hostile55).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from svduty.errors import InputFormatError
from svduty.io import read_incident_table
from tests.cli_run import run


@pytest.fixture(params=[".csv", ".parquet", ".CSV"])
def fifo(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    p = tmp_path / f"incidents{request.param}"
    os.mkfifo(p)
    return p


def test_explain_says_a_table_fifo_is_a_pipe(fifo: Path) -> None:
    code, _out, err = run("explain", fifo)
    assert code == 1
    assert "not found" not in err
    assert "not a pipe or a device" in err
    assert run("classify", fifo, "-o", fifo.parent / "o.csv")[2].count("not a pipe or a device")


def test_read_incident_table_says_a_fifo_is_a_pipe(fifo: Path) -> None:
    with pytest.raises(InputFormatError, match="not a pipe or a device"):
        read_incident_table(fifo)


def test_a_missing_table_is_still_not_found(tmp_path: Path) -> None:
    code, _out, err = run("explain", tmp_path / "gone.csv")
    assert code == 1
    assert "file not found" in err
