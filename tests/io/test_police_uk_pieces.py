"""A block parsed in pieces on several threads is handed over as the one batch it was.

The reader cuts each block (and a file smaller than a block) into pieces parsed on the
worker threads, then joins a block's pieces again: the batches it yields, and so the
Parquet row groups written from them, are those of one piece per block.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from svduty import _arrays
from svduty._arrays import int64_array
from svduty.io import POLICE_UK_COLUMNS, read_police_uk
from svduty.io import _police_uk_blocks as blocks
from svduty.io import _police_uk_parse as parse
from svduty.io import _police_uk_reader as reader
from svduty.io._lines import record_cuts

from .test_inputs_unchanged import aged
from .test_reader_speed import GOOD, HEADER, UNRAISABLE, police_file

SETTINGS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def good_rows(n: int) -> list[str]:
    """``n`` good police.uk lines, each with its own crime id."""
    return [",".join(GOOD).replace("abc", f"id{i}") for i in range(n)]


def batches(path: Path, block: int, *, per_worker: int, least: int = 1) -> list[pa.RecordBatch]:
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(reader, "_PER_WORKER", per_worker)
        mp.setattr(reader, "_MIN_PIECE", least)
        mp.setattr(reader, "_FEW_BLOCKS", 1 << 20)  # small blocks: the tests' files span many
        return list(read_police_uk(path, block_size=block))


@UNRAISABLE  # pyarrow's, for a malformed row that is not UTF-8
@SETTINGS
@given(
    data=police_file(cr_in_quotes=True),
    block=st.sampled_from([256, 512, 1024, 1 << 20]),
    per_worker=st.sampled_from([1, 2, 8]),
    least=st.sampled_from([1, 16, 64]),
)
def test_pieces_give_the_batches_of_one_piece_per_block(tmp_path, data, block, per_worker, least):
    f = tmp_path / "p.csv"
    f.write_bytes(data)
    try:
        want = batches(f, block, per_worker=0)
    except (pa.ArrowInvalid, UnicodeDecodeError) as e:  # the known limitation: same error
        with pytest.raises(type(e)):
            batches(f, block, per_worker=per_worker, least=least)
        return
    got = batches(f, block, per_worker=per_worker, least=least)
    assert [b.num_rows for b in got] == [b.num_rows for b in want]
    assert all(g.equals(w) for g, w in zip(got, want, strict=True))


def test_a_clean_file_is_cut_into_pieces_and_joined(tmp_path, monkeypatch):
    f = tmp_path / "clean.csv"
    rows = good_rows(3000)
    rows[1234] = "short,row"
    f.write_text(HEADER + "\n" + "\n".join(rows) + "\n")
    parsed: list[int] = []
    real = reader._parse_piece

    def parse_piece(data, quoted, name, columns=None):  # type: ignore[no-untyped-def]
        parsed.append(len(data))
        return real(data, quoted, name, columns)

    monkeypatch.setattr(reader, "_parse_piece", parse_piece)
    want = batches(f, 1 << 16, per_worker=0)
    assert len(parsed) == len(want)  # one piece per block (its bad rows in its batch)
    parsed.clear()
    got = batches(f, 1 << 16, per_worker=2, least=1 << 12)
    assert len(parsed) > 3 * len(want)  # several pieces per block ...
    assert [b.num_rows for b in got] == [b.num_rows for b in want]  # ... one batch each
    assert all(g.equals(w) for g, w in zip(got, want, strict=True))
    assert sum(b.num_rows for b in got) == 3000


@given(
    block=st.integers(1, 1 << 26),
    size=st.integers(0, 1 << 30),
    workers=st.integers(1, 8),
    knobs=st.tuples(
        st.sampled_from([1, 1 << 10, 1 << 18]), st.integers(0, 4), st.sampled_from([1, 2, 4, 8])
    ),
)
def test_pieces_are_few_divide_the_block_and_are_not_too_small(block, size, workers, knobs):
    least, per_worker, fewest = knobs
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(reader, "_MIN_PIECE", least)
        mp.setattr(reader, "_PER_WORKER", per_worker)
        mp.setattr(reader, "_PIECES", fewest)
        n = reader._pieces(block, size, workers)
    assert n >= 1
    assert n & (n - 1) == 0  # a power of 2 ...
    assert block % n == 0  # ... that divides the block
    if n > fewest:  # more pieces than asked for only in a file of few blocks, ...
        assert size <= reader._FEW_BLOCKS * block
        assert block // n >= least  # ... while they are large enough ...
        # ... and until the block (or the file) holds enough of them, not many more
        span, piece = min(block, size), 2 * block // n
        assert 0 < -(-span // piece) < per_worker * workers


@given(
    data=st.binary(max_size=40).map(lambda b: b.replace(b'"', b"x")),
    start=st.integers(0, 40),
    ends=st.lists(st.integers(0, 40), max_size=5),
)
def test_plain_cuts_are_record_cuts_without_quotes(data, start, ends):
    start = min(start, len(data))
    limits = sorted(min(max(e, start), len(data)) for e in ends)
    assert blocks._plain_cuts(data, limits, start) == record_cuts(
        data, limits, start=start, quoted=False
    )


def test_int64_array():
    import numpy as np

    assert int64_array(np.array([3, 1], dtype=np.int32)).to_pylist() == [3, 1]
    assert int64_array(np.arange(5)[::2]).to_pylist() == [0, 2, 4]
    assert int64_array(np.zeros(0, dtype=np.int64)).type == pa.int64()


@pytest.mark.skipif(
    subprocess.run(
        [sys.executable, "-c", "import numpy, sys; print('numpy.ma' in sys.modules)"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    == "True",
    reason="numpy 1 imports numpy.ma with numpy itself",
)
def test_reading_imports_neither_numpy_ma_nor_pandas(tmp_path):
    # pyarrow imports numpy.ma (0.03-0.05 s) to check a numpy array given to pa.array
    f = tmp_path / "m.csv"
    f.write_text(HEADER + "\n" + "\n".join([",".join(GOOD)] * 50) + "\nshort\n")
    code = f"""
import sys
class NoPandas:  # as the svduty command does
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] == "pandas":
            raise ModuleNotFoundError(name)
sys.meta_path.insert(0, NoPandas())
from svduty.io import read_police_uk
assert sum(b.num_rows for b in read_police_uk({str(f)!r})) == 51
print(sorted(m for m in sys.modules if m == "numpy.ma" or m == "pandas"))
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
    assert len(POLICE_UK_COLUMNS) == 12


@UNRAISABLE
@SETTINGS
@given(data=police_file(cr_in_quotes=True))
def test_ascii_pieces_are_not_checked_cell_by_cell_and_read_the_same(tmp_path, data):
    f = tmp_path / "a.csv"
    f.write_bytes(data)
    asked: list[bool] = []
    real = parse._read_csv

    def read_csv(*args, **kw):  # type: ignore[no-untyped-def]
        asked.append(kw.get("utf8", True))
        return real(*args, **kw)

    def every_cell_checked(*args, **kw):  # type: ignore[no-untyped-def]
        return real(*args, **{**kw, "utf8": True})

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(parse, "_read_csv", every_cell_checked)
        try:
            want = batches(f, 512, per_worker=1)
        except (pa.ArrowInvalid, UnicodeDecodeError):
            return  # the known limitation (see test_reader_speed)
        mp.setattr(parse, "_read_csv", read_csv)
        got = batches(f, 512, per_worker=1)
    assert [b.num_rows for b in got] == [b.num_rows for b in want]
    assert all(g.equals(w) for g, w in zip(got, want, strict=True))
    if data.isascii() and asked:
        assert not any(asked)
    if b"\xe9" in data:  # a row holds a byte that is not ASCII (a byte order mark is in
        assert any(asked)  # the header, never in a piece)


def test_pieces_join_alike_without_concat_batches(monkeypatch):
    """pyarrow before 19 has no ``pa.concat_batches``: the pieces join to the same batch."""
    schema = pa.schema([("x", pa.int64()), ("y", pa.string())])
    a = pa.record_batch({"x": [1, None], "y": ["a", "b"]}, schema=schema)
    b = pa.record_batch({"x": [3], "y": [None]}, schema=schema)
    expected = _arrays.joined([a, b])
    monkeypatch.delattr(pa, "concat_batches", raising=False)
    got = _arrays.joined([a, b])
    assert got.equals(expected)
    assert got.to_pydict() == {"x": [1, None, 3], "y": ["a", "b", None]}


@pytest.mark.parametrize("workers", [1, 2, 4])
def test_the_threads_parse_the_next_blocks_while_the_caller_holds_one(tmp_path, workers):
    """With one block ahead, one of two threads idled while the caller classified a batch."""
    from concurrent.futures import ThreadPoolExecutor

    f = tmp_path / "blocks.csv"
    f.write_text(HEADER + "\n" + "\n".join(good_rows(3000)) + "\n")
    submitted: list[int] = []

    class Pool(ThreadPoolExecutor):
        def submit(self, fn, /, *args, **kwargs):  # type: ignore[no-untyped-def]
            submitted.append(len(args[0]))
            return super().submit(fn, *args, **kwargs)

    with Pool(workers) as pool:
        how = reader._Reading(1 << 14, pool, workers, None, 0)
        got = reader._pieces_read(f, how)
        held = [next(got)]  # the caller holds the first block's batch ...
        # ... while the threads parse the next blocks (a block each, at most two)
        assert len(submitted) == 1 + min(workers, 2)
        held += list(got)
    assert len(held) > 3  # the file has more blocks than that
    assert sum(b.num_rows for b in held) == 3000
    assert pa.Table.from_batches(held).equals(
        pa.Table.from_batches(list(read_police_uk(f, block_size=1 << 14)))
    )


def test_a_file_cut_short_while_it_is_read_is_refused_by_name(tmp_path):
    """Overwritten in place mid-read: a clear error naming the file, not an mmap ValueError."""
    import os

    from svduty.errors import InputFormatError

    f = tmp_path / "2025-06-street.csv"
    f.write_text(HEADER + "\n" + "\n".join(good_rows(20000)) + "\n")
    got = read_police_uk(f, block_size=1 << 16)
    first = next(got)  # the blocks parsed ahead lie in the first 200 KiB
    os.truncate(f, f.stat().st_size * 4 // 5)
    with pytest.raises(InputFormatError) as caught:
        list(got)
    assert first.num_rows
    assert str(f) in str(caught.value)
    assert "became shorter while it was read" in str(caught.value)


_CUT_UNDER_THE_PARSER = """
import os, sys, threading
from svduty.errors import InputFormatError
from svduty.io import _police_uk_reader as reader, read_police_uk
path, cut = sys.argv[1], int(sys.argv[2])
cut_made, parse = threading.Event(), reader._parse_piece
calls = []
def held(*args, **kw):  # the blocks after the first wait until the file is cut
    calls.append(1)
    if len(calls) > 1:
        cut_made.wait(10)
    return parse(*args, **kw)
reader._parse_piece = held
got = read_police_uk(path, block_size=1 << 16)
first = next(got)
os.truncate(path, cut)
cut_made.set()
try:
    list(got)
except InputFormatError as exc:
    print(first.num_rows, len(calls), exc)
"""


def test_a_file_cut_under_the_blocks_being_parsed_is_refused_by_name(tmp_path):
    """Cut within the blocks read ahead, before a thread parses them: an error, no bus error.

    The blocks are read into memory, not mapped: the parse threads read svduty's own copy,
    and the next read comes short. (Mapped, a thread reading a page cut away was killed by
    SIGBUS, and the whole process with it.)
    """
    f = tmp_path / "2025-06-street.csv"
    f.write_text(HEADER + "\n" + "\n".join(good_rows(20000)) + "\n")
    done = subprocess.run(
        [sys.executable, "-c", _CUT_UNDER_THE_PARSER, str(f), str(100_000)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    rows, calls, message = done.stdout.split(" ", 2)
    assert int(rows) > 0
    assert int(calls) >= 3  # two blocks were read ahead of the cut
    assert f"{f}: the file became shorter while it was read" in message


def test_the_block_buffers_are_reused_only_once_nothing_views_them(tmp_path):
    """A buffer still viewed (a piece not yet parsed) is never written; a free one is reused."""
    f = tmp_path / "bytes.csv"
    f.write_bytes(bytes(range(256)) * 4)
    buffers = blocks._Buffers()
    with f.open("rb", buffering=0) as fh:
        held, views = [], []
        for k in range(blocks._RING + 2):  # each viewed as soon as it is read
            held.append(buffers.read(fh, k, 10 + k, f))
            views.append(memoryview(held[-1]))
        assert len({id(b) for b in held}) == len(held)  # each viewed: a new one each time
        assert len(buffers.ring) == blocks._RING  # the oldest no longer kept
        assert [bytes(b) for b in held] == [bytes(range(k, 10 + 2 * k)) for k in range(8)]
        for v in views:
            v.release()
        again = buffers.read(fh, 100, 40, f)  # longer than any: grown in place
        assert any(again is b for b in held[-blocks._RING :])
        assert bytes(again) == bytes(range(100, 140))
        assert bytes(buffers.read(fh, 3, 2, f)) == b"\x03\x04"  # shorter: cut to its length


def test_the_files_of_one_read_share_their_buffers(tmp_path, monkeypatch):
    """A folder of months reuses the same few buffers, file after file (memory touched once)."""
    for month in range(1, 11):
        f = tmp_path / f"2025-{month:02d}-street.csv"
        rows = [f"m{month}{r}" for r in good_rows(300)]  # each file its own crime ids
        f.write_text(HEADER + "\n" + "\n".join(rows) + "\n")
    seen: set[int] = set()
    unviewed = blocks._Buffers._unviewed

    def spied(self, length):
        buf = unviewed(self, length)
        seen.add(id(buf))
        return buf

    monkeypatch.setattr(blocks._Buffers, "_unviewed", spied)
    rows = sum(b.num_rows for b in read_police_uk(tmp_path, block_size=1 << 14))
    assert rows == 3000
    assert 0 < len(seen) <= blocks._RING  # a new ring for each file: 10 or more


@pytest.mark.parametrize("change", ["same size", "longer"])
def test_a_file_overwritten_while_it_is_read_is_refused_by_name(tmp_path, change):
    """Rewritten in place, as long or longer (no read comes short): refused, not mixed."""
    from svduty.errors import InputFormatError

    f = tmp_path / "2025-06-street.csv"
    f.write_text(HEADER + "\n" + "\n".join(f"A{r}" for r in good_rows(20000)) + "\n")
    aged(f)
    got = read_police_uk(f, block_size=1 << 16)
    assert next(got).num_rows
    more = 20000 if change == "same size" else 30000
    with f.open("r+") as out:  # in place: the same file, not a new one renamed over it
        out.write(HEADER + "\n" + "\n".join(f"B{r}" for r in good_rows(more)) + "\n")
    with pytest.raises(InputFormatError) as caught:
        list(got)
    assert f"{f}: the file changed while it was read" in str(caught.value)


def test_the_one_thread_reader_refuses_a_file_changed_while_it_is_read(tmp_path, monkeypatch):
    """The fallback reads the file twice (its quotes, its rows): the same file both times."""
    from svduty.errors import InputFormatError

    f = tmp_path / "2025-06-street.csv"
    f.write_text(HEADER + "\n" + "\n".join(good_rows(20000)) + "\n")
    aged(f)

    def out_of_step(p, how):
        raise reader._OutOfStep
        yield  # a generator, as the block reader is

    monkeypatch.setattr(reader, "_pieces_read", out_of_step)
    got = read_police_uk(f, block_size=1 << 16)
    assert next(got).num_rows
    with f.open("a") as out:  # still being written
        out.write("\n".join(good_rows(10)) + "\n")
    with pytest.raises(InputFormatError) as caught:
        list(got)
    assert f"{f}: the file changed while it was read" in str(caught.value)


def test_a_file_grown_within_one_tick_of_the_clock_is_refused(tmp_path):
    """Its modification time as it was (a coarse clock), its size not: refused, not cut."""
    import os

    from svduty.errors import InputFormatError

    f = tmp_path / "2025-06-street.csv"
    f.write_text(HEADER + "\n" + "\n".join(good_rows(20000)) + "\n")
    aged(f)
    at = f.stat()
    got = read_police_uk(f, block_size=1 << 16)
    assert next(got).num_rows
    with f.open("a") as out:  # still arriving
        out.write("\n".join(good_rows(10)) + "\n")
    os.utime(f, ns=(at.st_atime_ns, at.st_mtime_ns))  # within the same tick
    with pytest.raises(InputFormatError) as caught:
        list(got)
    assert f"{f}: the file changed while it was read" in str(caught.value)


def test_the_one_thread_reader_checks_from_where_the_block_reader_began(tmp_path, monkeypatch):
    """A change before the fallback takes over is seen: it checks from the first read."""
    from svduty.errors import InputFormatError

    f = tmp_path / "2025-06-street.csv"
    f.write_text(HEADER + "\n" + "\n".join(f"A{r}" for r in good_rows(2000)) + "\n")
    aged(f)

    def changed_then_out_of_step(p, how):
        with f.open("r+") as out:  # rewritten in place, as long
            out.write(HEADER + "\n" + "\n".join(f"B{r}" for r in good_rows(2000)) + "\n")
        raise reader._OutOfStep
        yield  # a generator, as the block reader is

    monkeypatch.setattr(reader, "_pieces_read", changed_then_out_of_step)
    with pytest.raises(InputFormatError) as caught:
        list(read_police_uk(f))
    assert f"{f}: the file changed while it was read" in str(caught.value)
