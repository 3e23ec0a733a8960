"""An output renamed over the last one, that one freed off the caller's thread (speed51c).

Renaming a finished output over the file it replaces freed the old file's blocks in the
rename (9-43 ms for the bench's 29 MB Parquet file on this ext4), on the thread every
``svduty classify --output`` run ends on. The old file is now held open across the rename
and closed (freed) by a thread of its own; nothing is left on disk, the new file is whole.
Counted, not timed.
"""

from __future__ import annotations

import os
import threading

import pyarrow as pa
import pytest

from svduty.io import _replace
from svduty.io._writers import TableWriter

OLD = b"old!" * (1 << 19)  # 2 MiB: large enough to be let go off the thread


def _let_go_recorded(monkeypatch) -> list[int]:
    held: list[int] = []
    monkeypatch.setattr(_replace, "_let_go", held.append)
    return held


@pytest.mark.skipif(os.name != "posix", reason="an open file is replaced on POSIX only")
def test_the_replaced_output_is_held_across_the_rename_and_let_go(tmp_path, monkeypatch):
    target = tmp_path / "rows.parquet"
    target.write_bytes(OLD)
    held = _let_go_recorded(monkeypatch)
    writer = TableWriter(target, schema=pa.schema([("a", pa.int64())]))
    writer.write(pa.table({"a": [1, 2]}))
    assert writer.commit() == 2
    (fd,) = held  # the old file, still open, with no name left: freed when closed
    try:
        assert os.fstat(fd).st_nlink == 0
        assert os.pread(fd, 8, 0) == OLD[:8]
    finally:
        os.close(fd)
    assert target.read_bytes()[:4] == b"PAR1"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rows.parquet"]


def test_the_old_file_is_closed_on_a_thread_of_its_own(tmp_path, monkeypatch):
    closed: list[str] = []
    real_close = os.close

    def close(fd: int) -> None:
        closed.append(threading.current_thread().name)
        real_close(fd)

    monkeypatch.setattr(os, "close", close)
    fd = os.open(tmp_path, os.O_RDONLY)
    _replace._let_go(fd)
    for thread in threading.enumerate():
        if thread.name == "svduty-let-go":
            thread.join()
    assert closed == ["svduty-let-go"]  # (closed once: the real close was called)


def test_small_linked_or_special_files_are_replaced_as_before(tmp_path, monkeypatch):
    held = _let_go_recorded(monkeypatch)
    small, linked = tmp_path / "small", tmp_path / "linked"
    small.write_bytes(b"x")
    linked.write_bytes(OLD)
    os.link(linked, tmp_path / "other-name")  # replacing it frees nothing
    for target in (small, linked, tmp_path / "new"):
        (tmp_path / "t").write_bytes(b"new")
        _replace.replace(tmp_path / "t", target)
        assert target.read_bytes() == b"new"
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "fifo")  # opened without waiting for a writer
        (tmp_path / "t").write_bytes(b"new")
        _replace.replace(tmp_path / "t", tmp_path / "fifo")
        assert (tmp_path / "fifo").read_bytes() == b"new"
    assert held == []
    assert (tmp_path / "other-name").read_bytes() == OLD


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="descriptors counted in /proc")
def test_a_failed_rename_keeps_the_old_file_and_no_descriptor(tmp_path, monkeypatch):
    held = _let_go_recorded(monkeypatch)
    target = tmp_path / "rows.parquet"
    target.write_bytes(OLD)
    before = len(os.listdir("/proc/self/fd"))
    with pytest.raises(FileNotFoundError):
        _replace.replace(tmp_path / "missing", target)
    assert len(os.listdir("/proc/self/fd")) == before
    assert held == []
    assert target.read_bytes() == OLD
