"""What an output names: a regular file, a symbolic link, a device, a named pipe.

A regular file is written whole or not at all (a temporary file renamed over it); a
symbolic link is followed (the file it names is replaced, the link stays); a device or a
named pipe is written in place, as it streams, and never replaced by a regular file. A
device that refuses the bytes (``/dev/full``) is an error naming the output, exit 1.

The devices are reached through symbolic links made in the test's folder, so that the code
before this fix, which renamed a file over the name it was given, replaced a link in the
test's folder, never ``/dev/full`` itself (the tests may run as root). No device node is
ever made.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from svduty.errors import InputFormatError
from svduty.io import sample_police_uk, write_toml
from svduty.io._write_paths import replace_text
from svduty.io._writers import RejectedWriter, TableWriter

from ..cli_run import run

FULL = Path("/dev/full")
NULL = Path("/dev/null")
needs_full = pytest.mark.skipif(
    not (FULL.exists() and stat.S_ISCHR(FULL.stat().st_mode)), reason="no /dev/full"
)
needs_null = pytest.mark.skipif(
    not (NULL.exists() and stat.S_ISCHR(NULL.stat().st_mode)), reason="no /dev/null"
)
needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")


@pytest.fixture
def month(tmp_path: Path) -> Path:
    f = tmp_path / "in" / "2025-06-street.csv"
    f.parent.mkdir()
    f.write_bytes(sample_police_uk().read_bytes())
    return f


@pytest.fixture
def incidents(tmp_path: Path) -> Path:
    f = tmp_path / "in.jsonl"
    f.write_text('{"id": "a", "offence_code": "8N"}\n{"id": "b", "victim_age": 200}\n')
    return f


def device_link(tmp_path: Path, name: str, device: Path) -> Path:
    link = tmp_path / name
    link.symlink_to(device)
    return link


def still_the_device(link: Path, device: Path) -> None:
    assert link.is_symlink()
    assert os.readlink(link) == str(device)
    assert stat.S_ISCHR(device.stat().st_mode)
    assert not list(link.parent.glob(f".{link.name}.*"))  # no temporary file left
    assert not list(device.parent.glob(f".{device.name}.*.tmp"))


@contextlib.contextmanager
def fifo_read(path: Path) -> Iterator[Callable[[], bytes]]:
    """A named pipe at ``path`` whose bytes a thread reads; the block gives them back."""
    os.mkfifo(path)
    got: list[bytes] = []

    def read() -> None:
        with open(path, "rb") as fh:
            got.append(fh.read())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()

    def bytes_read() -> bytes:
        reader.join(timeout=10)  # the writer has closed the pipe: at most a moment
        assert not reader.is_alive(), "the pipe was never closed by its writer"
        return got[0]

    try:
        yield bytes_read
    finally:
        if reader.is_alive():  # never opened by the writer: let the reader go
            with contextlib.suppress(OSError):
                os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))
            reader.join(timeout=2)
        assert stat.S_ISFIFO(path.lstat().st_mode)  # still the pipe, never a file


# --- /dev/full: the bytes refused are an error naming the output --------------------------


@needs_full
@pytest.mark.parametrize("suffix", [".csv", ".parquet", ".jsonl"])
def test_classify_output_to_a_full_device_fails_naming_it(tmp_path: Path, month: Path, suffix: str):
    full = device_link(tmp_path, f"full{suffix}", FULL)
    code, out, err = run("classify", month, "--output", full)
    assert code == 1
    assert err == (
        f"svduty classify: error: {full}: --output: cannot write the file "
        "(No space left on device)\n"
    )
    assert out == ""
    still_the_device(full, FULL)


@needs_full
def test_classify_rejected_to_a_full_device_fails_naming_it(tmp_path: Path, incidents: Path):
    full = device_link(tmp_path, "full.csv", FULL)
    code, _, err = run("classify", incidents, "--rejected", full)
    assert code == 1
    assert err.splitlines() == [
        f"svduty classify: error: {full}: --rejected: cannot write the file "
        "(No space left on device)"
    ]
    still_the_device(full, FULL)


@needs_full
def test_report_to_a_full_device_fails_and_writes_no_table(tmp_path: Path, month: Path):
    full = device_link(tmp_path, "full.html", FULL)
    tables = tmp_path / "tables"
    code, out, err = run("report", month, "--output", full, "--tables", tables)
    assert code == 1
    assert err.splitlines() == [
        f"svduty report: error: {full}: --output: cannot write the file (No space left on device)"
    ]
    assert "wrote" not in out
    assert not tables.exists()  # written with the page or not at all: its folder too
    still_the_device(full, FULL)


@needs_full
def test_report_tables_to_a_full_device_fail(tmp_path: Path, month: Path):
    tables = tmp_path / "tables"
    tables.mkdir()
    full = device_link(tables, "by_month.csv", FULL)
    code, _, err = run("report", month, "--output", tmp_path / "r.html", "--tables", tables)
    assert code == 1
    assert err.splitlines() == [
        f"svduty report: error: {full}: --tables: cannot write the file (No space left on device)"
    ]
    assert not (tmp_path / "r.html").exists()
    assert [p.name for p in tables.iterdir()] == ["by_month.csv"]
    still_the_device(full, FULL)


@needs_full
def test_the_writers_raise_the_output_error_for_a_full_device(tmp_path: Path):
    full = device_link(tmp_path, "full.parquet", FULL)
    w = TableWriter(full)

    def write_and_commit() -> None:  # the bytes are refused at one or the other
        w.write(pa.table({"a": list(range(10_000))}))
        w.commit()

    with pytest.raises(InputFormatError, match=r"full\.parquet: --output: .*No space left"):
        write_and_commit()
    r = RejectedWriter(device_link(tmp_path, "r.csv", FULL))
    with pytest.raises(InputFormatError, match=r"r\.csv: --rejected: .*No space left"):
        r.commit()
    with pytest.raises(InputFormatError, match=r"a\.toml: cannot write the file \(No space left"):
        write_toml(device_link(tmp_path, "a.toml", FULL), {"name": "x"})
    for name in ("full.parquet", "r.csv", "a.toml"):
        still_the_device(tmp_path / name, FULL)


# --- /dev/null: written, and still the device -------------------------------------------


@needs_null
def test_outputs_to_the_null_device_are_written_and_it_stays(tmp_path: Path, month: Path):
    null_csv = device_link(tmp_path, "null.csv", NULL)
    null_html = device_link(tmp_path, "null.html", NULL)
    code, out, _ = run("classify", month, "--output", null_csv, "--rejected", tmp_path / "r.csv")
    assert code == 0
    assert "rows in: 4,586" in out
    code, out, _ = run("report", month, "--output", null_html)
    assert (code, out.splitlines()[0]) == (0, f"wrote {null_html}")
    still_the_device(null_csv, NULL)
    still_the_device(null_html, NULL)


@needs_null
def test_report_to_standard_output_writes_the_page_there(tmp_path: Path, month: Path):
    if not Path("/dev/stdout").exists():
        pytest.skip("no /dev/stdout")
    stdout = device_link(tmp_path, "stdout.html", Path("/dev/stdout"))
    r = subprocess.run(
        [sys.executable, "-m", "svduty", "report", str(month), "--output", str(stdout)],
        capture_output=True,
        check=False,
        timeout=300,
    )
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith(b"<!DOCTYPE html>")
    assert r.stdout.rstrip().endswith(b"</html>")  # the summary was written after it
    assert r.stderr.startswith(f"wrote {stdout}\nrows in: 4,586;".encode())
    assert stdout.is_symlink()


@needs_null
def test_rejected_rows_to_standard_output_move_the_summary_to_standard_error(
    tmp_path: Path, month: Path
):
    """``--rejected /dev/stdout`` with ``--output`` printed the summary after the rejected
    rows' CSV, in one stream (a hostile review)."""
    if not Path("/dev/stdout").exists():
        pytest.skip("no /dev/stdout")
    argv = ["classify", str(month), "-o", str(tmp_path / "o.csv"), "--rejected", "/dev/stdout"]
    r = subprocess.run(
        [sys.executable, "-m", "svduty", *argv], capture_output=True, check=False, timeout=300
    )
    assert r.returncode == 0, r.stderr
    assert r.stdout.decode().splitlines() == ['"file","row","field","reason"']
    assert r.stderr.startswith(f"wrote {tmp_path / 'o.csv'}\nrows in: 4,586\n".encode())


@pytest.mark.parametrize("append", [False, True])
def test_standard_output_redirected_to_a_file_is_written_there(
    tmp_path: Path, month: Path, append: bool
):
    """``report -o /dev/stdout > page.html`` was refused ("expected an .html file"): the
    name leads to the file the shell opened, written in place (added to, after ``>>``)."""
    if not Path("/dev/stdout").exists():
        pytest.skip("no /dev/stdout")
    page, rejected = tmp_path / "page.html", tmp_path / "rejected.csv"
    page.write_bytes(b"kept\n" if append else b"")
    with page.open("r+b" if append else "wb") as out, rejected.open("wb") as err:
        out.seek(0, os.SEEK_END)  # the shell's ">>"; its ">" starts at 0 (not O_APPEND)
        r = subprocess.run(
            [sys.executable, "-m", "svduty", "report", str(month), "-o", "/dev/stdout"],
            stdout=out,
            stderr=subprocess.PIPE,
            check=False,
            timeout=300,
        )
        assert r.returncode == 0, r.stderr
        out.write(b"AFTER\n")  # the shell's handle goes on where the page ended
        argv = ["classify", str(month), "-o", str(tmp_path / "o.csv"), "--rejected", "/dev/stderr"]
        r = subprocess.run(
            [sys.executable, "-m", "svduty", *argv], stderr=err, check=False, timeout=300
        )
        assert r.returncode == 0
    text = page.read_bytes()
    assert text.startswith(b"kept\n<!DOCTYPE html>" if append else b"<!DOCTYPE html>")
    assert text.endswith(b"</html>\nAFTER\n")
    assert rejected.read_bytes().startswith(b'"file","row","field","reason"')


# --- a named pipe: written in place, as it streams -----------------------------------------


@needs_fifo
@pytest.mark.parametrize("suffix", [".csv", ".parquet", ".jsonl"])
def test_classify_writes_into_a_named_pipe(tmp_path: Path, month: Path, suffix: str):
    pipe = tmp_path / f"out{suffix}"
    with fifo_read(pipe) as bytes_read:
        code, out, err = run("classify", month, "--output", pipe)
        got = bytes_read()
    assert (code, err) == (0, "")
    assert "rows in: 4,586" in out
    copy = tmp_path / f"copy{suffix}"
    copy.write_bytes(got)
    if suffix == ".parquet":
        assert pq.read_table(copy).num_rows == 4586
    elif suffix == ".csv":
        assert len(got.splitlines()) == 4587
    else:
        assert len(got.splitlines()) == 4586


@needs_fifo
def test_report_and_its_rejected_rows_write_into_named_pipes(tmp_path: Path, month: Path):
    page = tmp_path / "page.html"
    with fifo_read(page) as bytes_read:
        code, _, err = run("report", month, "--output", page)
        got = bytes_read()
    assert (code, err) == (0, "")
    assert got.startswith(b"<!DOCTYPE html>")
    rejected = tmp_path / "rejected.csv"
    incidents = tmp_path / "in.jsonl"
    incidents.write_text('{"id": "b", "victim_age": 200}\n')
    with fifo_read(rejected) as bytes_read:
        code, _, _ = run("classify", incidents, "--rejected", rejected)
        got = bytes_read()
    assert code == 0
    assert got.decode().splitlines()[0] == '"file","row","field","reason"'
    assert len(got.decode().splitlines()) == 2


@needs_fifo
def test_write_toml_and_write_together_write_into_a_named_pipe(tmp_path: Path):
    from svduty.io._write_paths import OutputFile, write_bytes, write_together

    pipe = tmp_path / "a.toml"
    with fifo_read(pipe) as bytes_read:
        write_toml(pipe, {"name": "x"})
        assert bytes_read() == b'name = "x"\n'
    pipe.unlink()
    beside = tmp_path / "b.txt"
    with fifo_read(pipe) as bytes_read:
        write_together(
            [
                (OutputFile(pipe), lambda to: write_bytes(to, b"one")),
                (OutputFile(beside), lambda to: write_bytes(to, b"two")),
            ]
        )
        assert bytes_read() == b"one"
    assert beside.read_bytes() == b"two"


# --- a symbolic link: followed, and kept --------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["classify", "{month}", "--output", "{link}"],
        ["classify", "{month}", "--output", "o.parquet", "--rejected", "{link}"],
        ["report", "{month}", "--output", "{link}"],
    ],
)
def test_an_output_link_is_written_through(tmp_path: Path, month: Path, argv, monkeypatch):
    monkeypatch.chdir(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    suffix = ".html" if argv[0] == "report" else ".csv"
    real = elsewhere / f"real{suffix}"
    real.write_text("the previous run\n")
    link = tmp_path / f"link{suffix}"
    link.symlink_to(Path("elsewhere") / real.name)  # a relative link
    code, _, err = run(*(a.format(month=month, link=link) for a in argv))
    assert (code, err) == (0, "")
    assert link.is_symlink()
    assert os.readlink(link) == str(Path("elsewhere") / real.name)
    assert real.read_text() != "the previous run\n"
    assert real.stat().st_size > 0
    assert sorted(p.name for p in elsewhere.iterdir()) == [real.name]  # no temporary left


def test_a_link_to_a_file_not_there_yet_makes_the_file(tmp_path: Path):
    link = tmp_path / "link.toml"
    link.symlink_to(tmp_path / "new.toml")
    replace_text(link, "x = 1\n")
    assert link.is_symlink()
    assert (tmp_path / "new.toml").read_text() == "x = 1\n"


def test_the_temporary_file_is_beside_the_real_file(tmp_path: Path):
    from svduty.io._write_paths import OutputFile

    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    link = tmp_path / "a" / "o.csv"
    link.symlink_to(tmp_path / "b" / "o.csv")
    out = OutputFile(link)
    assert out.temp is not None
    assert out.temp.parent == (tmp_path / "b").resolve()
    out.discard()
    assert OutputFile(tmp_path / "a" / "plain.csv").temp is not None


@needs_full
def test_a_write_refused_by_the_device_closes_the_writer(tmp_path: Path):
    """A write the device refuses ends the output: the writer holds no file open after it.

    Left open, the file was closed by the garbage collector later, with a ``ResourceWarning``
    in whatever ran then (another test, once).
    """
    w = TableWriter(device_link(tmp_path, "full.parquet", FULL))

    def write_until_refused() -> None:  # more than the writer's buffers hold
        for _ in range(50):
            w.write(pa.table({"a": list(range(100_000))}))

    with pytest.raises(InputFormatError, match="No space left"):
        write_until_refused()
    assert (w._pq, w._csv, w._fh) == (None, None, None)
    w.abort()  # as the command does: twice is harmless
    still_the_device(tmp_path / "full.parquet", FULL)


@needs_full
def test_classify_output_kept_whole_when_the_rejected_file_cannot_be_finished(
    tmp_path: Path, incidents: Path
):
    """Every output's last bytes are written before any is renamed into place: a
    --rejected file the device refuses leaves --output as it was (fresh hostile review)."""
    full = device_link(tmp_path, "full.csv", FULL)
    out = tmp_path / "o.csv"
    out.write_text("old\n")
    code, _, err = run("classify", incidents, "--output", out, "--rejected", full)
    assert code == 1
    assert "--rejected: cannot write the file" in err
    assert out.read_text() == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".o.csv")) == []


def test_an_output_name_as_long_as_the_system_takes_is_written(tmp_path: Path, month: Path):
    """A hostile review: a 250-byte name failed, naming the temporary file the user never
    chose (``.<name>.PID.RAND.tmp: File name too long``)."""
    for name in ("a" * 246 + ".csv", "é" * 121 + ".csv"):  # 250 and 246 bytes
        out = tmp_path / name
        code, _, err = run("classify", month, "-o", out)
        assert (code, err) == (0, ""), err
        assert out.stat().st_size > 0
    written = [p.name for p in tmp_path.iterdir() if p.name.startswith(("a", "é", "."))]
    assert sorted(len(n.encode()) for n in written) == [246, 250]  # no temporary file left


def test_init_onto_a_link_to_nothing_names_the_link(tmp_path: Path):
    for name, target, said in (
        ("x4", "nowhere", "a broken symbolic link (the folder it points to is not there)"),
        ("x5", "x5", "a symbolic link loop (the link leads, through links, back to itself: "),
    ):
        (tmp_path / name).symlink_to(tmp_path / target)
        code, _, err = run("init", tmp_path / name, "--area", "Rugby")
        assert code == 1
        assert err.startswith(f"svduty init: error: {tmp_path / name}: {said}")
        assert err.endswith("; expected a folder\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x4", "x5"]


def test_an_output_name_not_utf8_is_written(tmp_path: Path, month: Path):
    """A review: the temporary name's cap encoded the name as UTF-8, and a name of other
    bytes (``$'\\xff-x.jsonl'``) failed with an unexpected UnicodeEncodeError."""
    import os

    out = Path(os.fsdecode(os.fsencode(str(tmp_path)) + b"/\xff-x.jsonl"))
    code, _, err = run("classify", month, "-o", out)
    assert (code, err) == (0, "")
    assert out.stat().st_size > 0


@pytest.mark.parametrize("same", ["r.html", "./r.html"])
def test_report_tables_named_as_the_page_are_refused(
    tmp_path: Path, month: Path, same: str, monkeypatch: pytest.MonkeyPatch
):
    """``--tables`` naming ``--output``'s file said "Is a directory" (the tables' folder was
    made first, then the page could not be written over it)."""
    monkeypatch.chdir(tmp_path)
    code, _, err = run("report", month, "--output", "r.html", "--tables", same)
    assert code == 2  # two outputs to one path: the command line is wrong
    assert err.splitlines() == [
        "svduty report: error: r.html: --tables: expected a folder, not --output's file"
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in"]


def test_file_names_are_shown_with_their_control_characters_escaped(tmp_path: Path):
    """A file of an input folder named with a line break and a terminal escape was printed
    as it is: a name could fake a line of svduty's own, or drive the terminal (a hostile
    review)."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "2025-06-street.csv").write_bytes(sample_police_uk().read_bytes())
    (folder / "b\x1b]0;title\x07.txt").touch()
    code, out, _ = run("classify", folder, "-o", tmp_path / "o.csv")
    assert code == 0
    assert f"skipped: {folder}/b\\x1b]0;title\\x07.txt" in out
    (folder / "a\nsvduty classify: all good\x1b[31m.csv").write_text("x\n")
    code, _, err = run("classify", folder, "-o", tmp_path / "o.csv")
    assert code == 1
    assert len(err.splitlines()) == 1
    assert "\x1b" not in err
    assert "a\\nsvduty classify: all good\\x1b[31m.csv: row 1" in err


@needs_full
def test_standard_output_on_a_full_device_is_named(tmp_path: Path, month: Path):
    """``classify -o y.csv --summary json > /dev/full`` said only "No space left on
    device", naming nothing (a hostile review): the stream is named."""
    with FULL.open("w") as full:
        r = subprocess.run(
            [sys.executable, "-m", "svduty", "classify", str(month), "-o", str(tmp_path / "y.csv")],
            stdout=full,
            stderr=subprocess.PIPE,
            check=False,
            timeout=300,
        )
    assert r.returncode == 1
    assert r.stderr.decode().splitlines() == [
        f"wrote {tmp_path / 'y.csv'}",  # in place before the summary failed (hostile45)
        "svduty classify: error: standard output: cannot write (No space left on device)",
    ]


@needs_null
def test_no_wrote_line_goes_into_an_output_on_standard_error(tmp_path: Path, month: Path):
    """A hostile review: with ``-o /dev/stderr``, "wrote /dev/stderr" was appended to the
    Parquet bytes there (unreadable); a device or a stream is never said to be written."""
    if not Path("/dev/stderr").exists():
        pytest.skip("no /dev/stderr")
    argv = ["classify", str(month), "-o", "/dev/stderr", "--output-format", "parquet"]
    r = subprocess.run(
        [sys.executable, "-m", "svduty", *argv, "--summary", "json"],
        capture_output=True,
        check=False,
        timeout=300,
    )
    assert r.returncode == 0, r.stderr[-300:]
    rows = tmp_path / "rows.parquet"
    rows.write_bytes(r.stderr)
    assert pq.read_table(rows).num_rows == 4586
    assert json.loads(r.stdout)["rows_out"] == 4586


@needs_full
@pytest.mark.parametrize(
    ("args", "where"),
    [
        (["--version"], ">/dev/full"),
        (["--help"], ">/dev/full"),
        (["classify", "--help"], ">/dev/full"),
        (["--version"], ">&-"),
        (["--help"], ">&-"),
    ],
)
def test_version_and_help_say_when_standard_output_fails(args: list[str], where: str):
    """A CLI review: ``--version > /dev/full`` or with standard output closed printed a
    traceback; ``--help > /dev/full`` exited 0 with nothing written (argparse drops a
    failed write)."""
    cmd = [sys.executable, "-m", "svduty", *args]
    stdout: Any = FULL.open("w") if where == ">/dev/full" else None
    try:
        proc = subprocess.run(
            cmd,
            stdout=stdout,
            stderr=subprocess.PIPE,
            text=True,
            close_fds=True,
            pass_fds=(),
            preexec_fn=None if stdout is not None else (lambda: os.close(1)),
            env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
            check=False,
        )
    finally:
        if stdout is not None:
            stdout.close()
    assert proc.returncode == 1
    assert proc.stderr.startswith("svduty: error: standard output: cannot write (")
    assert "Traceback" not in proc.stderr


def test_version_to_a_reader_gone_exits_141():
    proc = subprocess.Popen(
        [sys.executable, "-m", "svduty", "--version"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )
    assert proc.stdout is not None
    assert proc.stderr is not None
    proc.stdout.close()  # the reader goes before the command writes
    assert proc.wait() in (0, 141)  # 0 when the line fit the pipe before it was closed
    with proc.stderr:
        assert "Traceback" not in proc.stderr.read().decode()


def test_parquet_is_not_written_to_a_terminal(month: Path):
    """Bytes that are not text, on a screen (as curl refuses binary output to a terminal)."""
    import pty

    main_fd, terminal_fd = pty.openpty()
    try:
        terminal = os.ttyname(terminal_fd)
        code, _, err = run("classify", month, "-o", terminal, "--output-format", "parquet")
        assert code == 2  # the command line's fault (analyst44): redirect it
        assert err == (
            f"svduty classify: error: {terminal}: --output: expected a file or a pipe for "
            "Parquet (bytes that are not text), not a terminal: redirect it (> rows.parquet, "
            "or | a program that reads Parquet)\n"
        )
        code, _, err = run("classify", month, "-o", "/dev/null", "--output-format", "parquet")
        assert code == 0, err
    finally:
        os.close(main_fd)
        os.close(terminal_fd)


def test_a_device_without_a_format_is_written_as_json_lines(month: Path):
    """It was told to give ``--output-format`` (exit status 1); mend49 writes JSON Lines."""
    code, _, err = run("classify", month, "-o", "/dev/null")
    assert code == 0, err


@pytest.mark.parametrize("fmt", ["police-uk", "incidents"])
def test_an_output_format_without_an_output_is_a_usage_error(tmp_path: Path, month: Path, fmt):
    """``classify in.jsonl --output-format csv`` wrote JSON Lines, the option ignored."""
    incidents = tmp_path / "in.jsonl"
    incidents.write_text('{"id": "a"}\n')
    given = month if fmt == "police-uk" else incidents
    code, out, err = run("classify", given, "--output-format", "csv")
    assert (code, out) == (2, "")
    assert err == (
        "svduty classify: error: --output-format: expected --output beside it (-o - "
        "--output-format csv: CSV on standard output)\n"
    )
