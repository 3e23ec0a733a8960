"""The police.uk reader's large buffers in huge pages (speed55a): the same rows, never a
buffer written while something views it.

A block of 2 MiB or more is read into anonymous memory asked for in huge pages
(``MADV_HUGEPAGE``) instead of a bytearray, which Python zeroes a 4 KiB page at a time.
"""

from __future__ import annotations

import mmap
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from svduty.io import _police_uk_blocks as blocks
from svduty.io import read_police_uk, sample_police_uk

HUGE = pytest.mark.skipif(
    getattr(mmap, "MADV_HUGEPAGE", None) is None, reason="no MADV_HUGEPAGE on this system"
)


@HUGE
def test_a_large_buffer_is_mapped_and_a_small_one_a_bytearray() -> None:
    big = blocks._new(blocks._HUGE)
    assert isinstance(big, mmap.mmap)
    assert len(big) == blocks._HUGE
    assert big[:16] == bytes(16)  # zeroed, as a bytearray is
    small = blocks._new(blocks._HUGE - 1)
    assert isinstance(small, bytearray)
    assert len(small) == blocks._HUGE - 1


@HUGE
@settings(max_examples=40, deadline=None)
@given(sizes=st.lists(st.integers(1, 3 * blocks._HUGE), min_size=1, max_size=5))
def test_a_mapped_buffer_is_resized_only_while_nothing_views_it(sizes: list[int]) -> None:
    buf = blocks._new(blocks._HUGE)
    for n in sizes:
        with memoryview(buf) as view:  # viewed: refused, its length unchanged
            before = len(buf)
            assert not blocks._resized(buf, n)
            assert len(buf) == before == len(view)
        assert blocks._resized(buf, n)
        assert len(buf) == n
        buf[n - 1 : n] = b"x"  # every byte of the new length can be written
        assert buf[n - 1 : n] == b"x"


@HUGE
def test_a_viewed_buffer_is_never_read_into(tmp_path: Path) -> None:
    f = tmp_path / "data.bin"
    f.write_bytes(bytes(range(256)) * (3 * blocks._HUGE // 256))
    buffers = blocks._Buffers()
    with f.open("rb", buffering=0) as fh:
        first = buffers.read(fh, 0, 2 * blocks._HUGE, f)
        view = memoryview(first)
        kept = bytes(view[:1024])
        second = buffers.read(fh, 5, 2 * blocks._HUGE, f)  # the first is viewed: a new one
        assert second is not first
        assert bytes(view[:1024]) == kept
        assert second[:3] == bytes([5, 6, 7])
        view.release()
        third = buffers.read(fh, 7, blocks._HUGE, f)  # the first is free again: reused
        assert third is first
        assert len(third) == blocks._HUGE
        assert third[:2] == bytes([7, 8])


def _large_month(tmp_path: Path) -> Path:
    """The sample month's rows, repeated past several huge pages and a few blocks."""
    lines = sample_police_uk().read_bytes().splitlines(keepends=True)
    body = b"".join(lines[1:])
    f = tmp_path / "large.csv"
    f.write_bytes(lines[0] + body * (1 + 3 * blocks._HUGE // len(body)))
    return f


def test_a_file_reads_the_same_in_mapped_buffers_and_in_bytearrays(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    f = _large_month(tmp_path)
    assert f.stat().st_size > 3 * blocks._HUGE
    made: list[str] = []
    new = blocks._new

    def counted(length: int):  # type: ignore[no-untyped-def]
        buf = new(length)
        made.append(type(buf).__name__)
        return buf

    monkeypatch.setattr(blocks, "_new", counted)
    mapped = list(read_police_uk(f, block_size=blocks._HUGE))
    if getattr(mmap, "MADV_HUGEPAGE", None) is not None:
        assert "mmap" in made  # the measure sees the mapped buffers
    monkeypatch.setattr(blocks, "_HUGE", 1 << 40)  # every buffer a bytearray
    made.clear()
    plain = list(read_police_uk(f, block_size=1 << 21))
    assert set(made) == {"bytearray"}
    assert [b.num_rows for b in mapped] == [b.num_rows for b in plain]
    assert all(m.equals(p) for m, p in zip(mapped, plain, strict=True))
    assert sum(b.num_rows for b in plain) > 4586
