"""``svduty explain`` refuses (or reads) the inputs ``svduty classify`` refuses (or reads).

After hostile55, ``explain`` of a named pipe or a device named as JSON Lines (``x.jsonl``,
``x.txt``, ``/dev/null``) still opened it: a FIFO waited for a writer for ever, a device
was read; ``explain`` of a CSV (incidents or a police.uk month) whose name is not UTF-8
stopped with "unexpected UnicodeEncodeError", and of such a JSON Lines file read it,
where ``classify`` refuses every one of them: "expected a file or a folder, not a pipe or
a device" or "expected a file name that is UTF-8 text". ``explain`` now refuses them with
``classify``'s words, before it reads a byte (hostile56).
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.cli_run import run

_NOT_UTF8 = os.fsdecode(b"n\xe9")  # a name saved in Latin-1: 'n\udce9'
_INCIDENT = b'{"id": "a", "offence_code": "8N"}\n'
_CSV = b"id,offence_code\na,8N\n"
_MONTH = (
    b"Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,"
    b"LSOA name,Crime type,Last outcome category,Context\n"
    b",2025-06,Warwickshire Police,Warwickshire Police,-1.5,52.3,On or near X,E01031012,"
    b"Warwick 001A,Violence and sexual offences,Under investigation,\n"
)


def _error(err: str, command: str) -> str:
    """The error's words after the command's name."""
    return err.removeprefix(f"svduty {command}: ").strip()


def _both(path: Path) -> tuple[tuple[int, str], tuple[int, str]]:
    e_code, _, e_err = run("explain", path)
    c_code, _, c_err = run("classify", path, "-o", path.parent / "out" / "o.csv")
    return (e_code, _error(e_err, "explain")), (c_code, _error(c_err, "classify"))


@pytest.fixture(params=[".jsonl", ".txt", ".JSONL", ".ndjson"])
def fifo(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Path]:
    """A named pipe with a writer waiting: a command that opens it reads an incident.

    (Were it opened, the command would not wait for ever, but explain the incident.)
    """
    p = tmp_path / f"incidents{request.param}"
    os.mkfifo(p)

    def write() -> None:
        with contextlib.suppress(OSError), p.open("wb") as f:  # waits for a reader
            f.write(_INCIDENT)

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    yield p
    fd = os.open(p, os.O_RDONLY | os.O_NONBLOCK)  # the writer's open returns
    writer.join(5)
    os.close(fd)


def test_a_fifo_of_json_lines_is_refused_as_classify_refuses_it(fifo: Path) -> None:
    (fifo.parent / "out").mkdir()
    explained, classified = _both(fifo)
    assert explained == classified
    assert explained[0] == 1
    assert "not a pipe or a device" in explained[1]


def test_a_device_is_refused_as_classify_refuses_it(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    e_code, _, e_err = run("explain", os.devnull)
    c_code, _, c_err = run("classify", os.devnull, "-o", tmp_path / "out" / "o.csv")
    assert (e_code, _error(e_err, "explain")) == (c_code, _error(c_err, "classify"))
    assert "not a pipe or a device" in e_err


@pytest.mark.parametrize(
    ("suffix", "data"), [(".jsonl", _INCIDENT), (".csv", _CSV), (".csv", _MONTH)]
)
def test_a_name_not_utf8_is_refused_as_classify_refuses_it(
    tmp_path: Path, suffix: str, data: bytes
) -> None:
    p = tmp_path / f"{_NOT_UTF8}{suffix}"
    p.write_bytes(data)
    (tmp_path / "out").mkdir()
    explained, classified = _both(p)
    assert explained == classified
    assert explained[0] == 1
    assert "expected a file name that is UTF-8 text" in explained[1]
    assert "unexpected" not in explained[1]


@pytest.mark.parametrize(("suffix", "data"), [(".jsonl", _INCIDENT), (".csv", _CSV)])
def test_a_plain_file_is_still_explained(tmp_path: Path, suffix: str, data: bytes) -> None:
    p = tmp_path / f"incidents{suffix}"
    p.write_bytes(data)
    code, out, err = run("explain", p)
    assert (code, err) == (0, "")
    assert "Incident a" in out
