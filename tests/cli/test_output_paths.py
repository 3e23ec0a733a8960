"""Where ``svduty classify`` and ``svduty report`` write: never over an input, never half.

A hostile (or tired) user names an input as the output, the same file for ``--output`` and
``--rejected``, a folder or a file in a folder that does not exist, or closes standard
output. Each is refused before anything is read, naming the option and the file, and
nothing is written or lost; standard output closed early (``| head``) ends quietly.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pyarrow.csv as pacsv
import pytest

from svduty._commands._stopped import STOPPING
from svduty.io import sample_police_uk

from ..cli_run import run

INCIDENTS = '{"id": "a", "offence_code": "8N"}\n{"id": "b", "victim_age": 200}\n'

# SIGHUP: the terminal or ssh session closed (a hostile-input review: it left the partial
# outputs' temporary files behind)
STOPS = [(signal.SIGINT, 130), (signal.SIGTERM, 143), (signal.SIGHUP, 129)]
HOW = {130: "interrupted", 143: "terminated", 129: "hung up"}


def listing(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.fixture
def incidents(tmp_path: Path) -> Path:
    f = tmp_path / "in.jsonl"
    f.write_text(INCIDENTS)
    return f


@pytest.mark.parametrize("option", ["--output", "--rejected"])
@pytest.mark.parametrize("spelling", ["same", "relative", "link"])
def test_an_input_is_never_an_output(
    tmp_path: Path, incidents: Path, option: str, spelling: str, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    if spelling == "relative":
        target: Path = Path("sub/../in.jsonl")
        (tmp_path / "sub").mkdir()
    elif spelling == "link":
        target = tmp_path / "link.jsonl"
        target.symlink_to(incidents)
    else:
        target = incidents
    if option == "--rejected":
        target = target.with_suffix(".jsonl")  # the rejected file is CSV whatever its name
    before = listing(tmp_path)
    code, out, err = run("classify", incidents, option, target)
    assert code == 2  # two arguments in conflict: the command line itself is wrong
    assert err.startswith(f"svduty classify: error: {target}: {option}: expected a file ")
    assert "input" in err
    assert out == ""
    assert listing(tmp_path) == before


def test_a_police_uk_input_in_a_folder_is_never_the_output(tmp_path: Path):
    folder = tmp_path / "months"
    folder.mkdir()
    month = folder / "2025-06-street.csv"
    month.write_bytes(sample_police_uk().read_bytes())
    code, _, err = run("classify", folder, "--output", month)
    assert code == 2
    assert "--output" in err
    assert month.read_bytes() == sample_police_uk().read_bytes()


def test_output_and_rejected_must_differ(tmp_path: Path, incidents: Path):
    out = tmp_path / "same.csv"
    code, _, err = run("classify", incidents, "--output", out, "--rejected", out)
    assert code == 2
    assert err.startswith(f"svduty classify: error: {out}: --rejected: expected a file ")
    assert "--output" in err
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir()] == ["in.jsonl"]


@pytest.mark.parametrize("kind", ["folder", "no-folder"])
def test_a_rejected_file_that_cannot_be_written_fails_first(
    tmp_path: Path, incidents: Path, kind: str
):
    out = tmp_path / "out.csv"
    rejected = tmp_path / "r"
    if kind == "folder":
        rejected.mkdir()
    else:
        rejected = tmp_path / "nowhere" / "r.csv"
    code, _, err = run("classify", incidents, "--output", out, "--rejected", rejected)
    assert code == 1
    assert err.startswith(f"svduty classify: error: {rejected}: --rejected: ")
    assert ".tmp" not in err
    assert not out.exists()  # the output is not left behind when the run fails
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["in.jsonl", *(["r"] if kind == "folder" else [])]
    )


@pytest.mark.parametrize("option", ["--output", "--tables"])
def test_report_never_writes_over_an_input(tmp_path: Path, option: str):
    month = tmp_path / "2025-06-street.csv"
    month.write_bytes(sample_police_uk().read_bytes())
    argv: list[str | Path] = ["report", month]
    if option == "--output":
        argv += ["--output", month]
    else:  # an input where a table goes: the folder holds summary.csv
        summary = tmp_path / "summary.csv"
        summary.write_bytes(month.read_bytes())
        argv = ["report", summary, "--output", tmp_path / "r.html", "--tables", tmp_path]
    before = listing(tmp_path)
    code, _, err = run(*argv)
    assert code == 2  # a .csv page: not HTML, first (a usage error: users52b; was 1)
    assert f"{option}: expected" in err
    assert listing(tmp_path) == before


def test_report_tables_where_a_file_is_fails_before_writing_the_page(tmp_path: Path):
    month = tmp_path / "2025-06-street.csv"
    month.write_bytes(sample_police_uk().read_bytes())
    page, tables = tmp_path / "r.html", tmp_path / "t.txt"
    tables.write_text("mine")
    code, _, err = run("report", month, "--output", page, "--tables", tables)
    assert code == 1
    assert err.startswith(f"svduty report: error: {tables}: --tables: expected a folder")
    assert not page.exists()
    assert tables.read_text() == "mine"


def test_report_a_folder_where_a_table_goes_writes_nothing(tmp_path: Path):
    """A folder where a table file goes: the page and every other table are not written
    either (all renames are checked before the first; fresh hostile review)."""
    month = tmp_path / "2025-06-street.csv"
    month.write_bytes(sample_police_uk().read_bytes())
    page, tables = tmp_path / "r.html", tmp_path / "t"
    (tables / "by_lsoa.csv").mkdir(parents=True)
    code, _, err = run("report", month, "--output", page, "--tables", tables)
    assert code == 1
    assert err.startswith(f"svduty report: error: {tables / 'by_lsoa.csv'}: --tables:")
    assert not page.exists()
    assert [p.name for p in tables.iterdir()] == ["by_lsoa.csv"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["2025-06-street.csv", "t"]


def test_report_that_fails_leaves_no_folder_it_made(tmp_path: Path, monkeypatch):
    """A page that cannot be written: the tables folder made for it is removed again."""
    import svduty._report._model as model

    def full(files):  # type: ignore[no-untyped-def]
        raise model.output_error(Path("page.html"), OSError(28, "No space left on device"))

    monkeypatch.setattr(model, "write_together", full)
    month = tmp_path / "2025-06-street.csv"
    month.write_bytes(sample_police_uk().read_bytes())
    tables = tmp_path / "new" / "tables"
    code, _, err = run("report", month, "--output", tmp_path / "p.html", "--tables", tables)
    assert code == 1
    assert "No space left on device" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["2025-06-street.csv"]


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}


def test_standard_output_closed_early_ends_quietly_with_141(tmp_path: Path):
    f = tmp_path / "many.jsonl"
    f.write_text(INCIDENTS * 20_000)
    with subprocess.Popen(
        [sys.executable, "-m", "svduty", "classify", str(f)],
        env=_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as p:
        assert p.stdout is not None
        assert p.stderr is not None
        assert p.stdout.readline().startswith(b'{"file": ')
        p.stdout.close()  # as '| head -1' does
        err = p.stderr.read()
        assert (p.wait(), err) == (141, b"")  # as a command SIGPIPE ends: not a success


def test_standard_output_closed_from_the_start_is_an_error(incidents: Path):
    r = subprocess.run(
        [sys.executable, "-m", "svduty", "classify", str(incidents)],
        env=_env(),
        stderr=subprocess.PIPE,
        preexec_fn=lambda: os.close(1),  # as '>&-' does: Python has no sys.stdout
        check=False,
    )
    assert r.returncode == 1
    assert r.stderr.decode().startswith("svduty classify: error: standard output")


@pytest.mark.parametrize(("signum", "code"), STOPS)
def test_report_interrupted_while_writing_leaves_nothing(
    tmp_path: Path, monkeypatch, signum: int, code: int
):
    from svduty._report import _model

    month = tmp_path / "2025-06-street.csv"
    month.write_bytes(sample_police_uk().read_bytes())
    written: list[str] = []

    def write_csv(table, path: Path) -> None:
        written.append(path.name)
        pacsv.write_csv(table, path)
        if len(written) == 5:  # the page and four tables are in their temporary files
            os.kill(os.getpid(), signum)

    monkeypatch.setattr(_model, "_write_csv", write_csv)
    before = listing(tmp_path)
    got, _, err = run("report", month, "--output", tmp_path / "r.html", "--tables", tmp_path)
    assert (got, err) == (  # an analyst's review: it did not say nothing was written
        code,
        f"svduty report: {HOW[code]}; no output written\n",
    )
    assert listing(tmp_path) == before
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL  # restored
    assert signal.getsignal(signal.SIGHUP) is signal.SIG_DFL


def test_report_interrupted_as_it_renames_says_what_it_wrote(tmp_path: Path, monkeypatch):
    """A signal held while the files are renamed arrives after: they are written."""
    from svduty.io import _write_paths

    month = tmp_path / "2025-06-street.csv"
    month.write_bytes(sample_police_uk().read_bytes())
    commit = _write_paths.OutputFile.commit

    def interrupted(self) -> None:  # the first rename, then Ctrl-C (held until all are)
        commit(self)
        os.kill(os.getpid(), signal.SIGINT)

    monkeypatch.setattr(_write_paths.OutputFile, "commit", interrupted)
    got, _, err = run("report", month, "--output", tmp_path / "r.html")
    said = f"after its outputs were written whole ({tmp_path / 'r.html'})"
    assert (got, err) == (130, f"svduty report: interrupted {said}\n")  # (mend49: named)
    assert (tmp_path / "r.html").exists()


def test_a_rejected_file_the_system_refuses_is_named(tmp_path: Path):
    from svduty.errors import InputFormatError
    from svduty.io._writers import RejectedWriter, TableWriter

    with pytest.raises(InputFormatError, match="--rejected: cannot write the file"):
        RejectedWriter(tmp_path / ("r" * 300 + ".csv"))  # a name too long for the system
    with pytest.raises(InputFormatError, match="--output: cannot write the file"):
        TableWriter(tmp_path / ("o" * 300 + ".csv"))
    folder = tmp_path / "gone"
    folder.mkdir()
    w = RejectedWriter(folder / "r.csv")
    for p in folder.iterdir():  # the folder goes away before the end of the run
        p.unlink()
    folder.rmdir()
    with pytest.raises(InputFormatError, match=r"r\.csv: --rejected: cannot write the file"):
        w.commit()
    assert not folder.exists()


@pytest.mark.parametrize(
    "argv",
    [
        ["classify", "{d}", "--output", "{d}/classified.csv"],
        ["classify", "{d}", "--output", "o.parquet", "--rejected", "{d}/sub/rejected.csv"],
        ["report", "{d}", "--output", "r.html", "--tables", "{d}/tables"],
        ["report", "{d}", "--output", "r.html", "--tables", "{d}"],  # hostile review, 12
    ],
)
def test_a_csv_output_inside_an_input_folder_is_refused(tmp_path: Path, monkeypatch, argv):
    # the next run over the folder would read it as a police.uk month and fail on its header
    monkeypatch.chdir(tmp_path)
    d = tmp_path / "months"
    (d / "sub").mkdir(parents=True)
    (d / "2025-06-street.csv").write_bytes(sample_police_uk().read_bytes())
    before = sorted(p.name for p in tmp_path.rglob("*"))
    code, _, err = run(*(a.format(d=d) for a in argv))
    assert code == 2
    assert "outside the input folders" in err
    assert sorted(p.name for p in tmp_path.rglob("*")) == before


def test_report_writes_its_page_only_to_an_html_file(tmp_path: Path):
    """The page is HTML: -o page.csv wrote HTML into a .csv file with exit 0 (fresh hostile
    review); it is refused as classify refuses an output it cannot write."""
    month = tmp_path / "2025-06-street.csv"
    month.write_bytes(sample_police_uk().read_bytes())
    page = tmp_path / "page.csv"
    code, _, err = run("report", month, "--output", page)
    assert code == 2  # a usage error (users52b; was 1)
    assert err == f"svduty report: error: {page}: --output: expected an .html file\n"
    assert not page.exists()


@pytest.mark.parametrize(("signum", "code"), STOPS)
@pytest.mark.parametrize("command", ["classify", "report"])
def test_a_signal_between_two_renames_waits_until_both_are_made(
    tmp_path: Path, monkeypatch, signum: int, code: int, command: str
):
    """Ctrl-C after the first output is renamed: the second is renamed too, never one old."""
    from svduty.io import _write_paths

    month = tmp_path / "2025-06-street.csv"
    month.write_bytes(sample_police_uk().read_bytes())
    commit = _write_paths.OutputFile.commit
    renamed: list[str] = []

    def commit_then_signal(self: _write_paths.OutputFile) -> None:
        commit(self)
        renamed.append(str(self.path))
        if len(renamed) == 1:
            os.kill(os.getpid(), signum)  # held until every output is in place

    monkeypatch.setattr(_write_paths.OutputFile, "commit", commit_then_signal)
    first, second = tmp_path / "out.csv", tmp_path / "rejected.csv"
    if command == "classify":
        argv = ("classify", month, "-o", first, "--rejected", second)
    else:
        first, second = tmp_path / "r.html", tmp_path / "t"
        second.mkdir()
        argv = ("report", month, "--output", first, "--tables", second)
    first.write_text("OLD")
    got, _, err = run(*argv)
    assert (got, err) == (  # the outputs named as written (mend49; it said HOW[code] alone)
        code,
        f"svduty {command}: {HOW[code]} after its outputs were written whole ({first}, {second})\n",
    )
    assert len(renamed) > 1  # the second rename was made before the signal was delivered
    assert first.read_text() != "OLD"
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL  # restored
    assert signal.getsignal(signal.SIGHUP) is signal.SIG_DFL


@pytest.mark.parametrize(("signum", "code"), STOPS)
def test_a_second_signal_while_partial_outputs_are_removed_is_dropped(
    tmp_path: Path, monkeypatch, signum: int, code: int
):
    """``timeout`` signals the process and its group: a second SIGTERM (or Ctrl-C) landed
    in the removal of the partial outputs, left both temporary files and reported an
    'unexpected Terminated' (or crashed); a hostile-input review."""
    from svduty._commands import classify
    from svduty.io._writers import TableWriter

    month = tmp_path / "2025-06-street.csv"
    month.write_bytes(sample_police_uk().read_bytes())
    real_abort = TableWriter.abort

    def pipeline(*args, **kwargs):
        os.kill(os.getpid(), signum)  # the first signal, while the rows are read
        raise AssertionError("the signal's handler stops the run")

    def abort(self):
        os.kill(os.getpid(), signum)  # the second, in the middle of the removal
        real_abort(self)

    monkeypatch.setattr(classify, "run_pipeline", pipeline)
    monkeypatch.setattr(TableWriter, "abort", abort)
    before = listing(tmp_path)
    got, _, err = run(
        "classify", month, "-o", tmp_path / "o.parquet", "--rejected", tmp_path / "r.csv"
    )
    assert got == code, err
    assert "unexpected" not in err
    assert listing(tmp_path) == before  # no temporary file left
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL  # restored
    assert signal.getsignal(signal.SIGHUP) is signal.SIG_DFL
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


@pytest.mark.parametrize("name", ["rejected.parquet", "rejected.jsonl", "rejected"])
def test_the_rejected_file_is_a_csv_file(tmp_path: Path, incidents: Path, name: str, monkeypatch):
    """``--rejected -`` wrote a file named '-', and ``--rejected r.parquet`` wrote CSV under
    a Parquet name (a hostile-input review): refused, nothing written. (``--rejected -`` is
    standard output now, refused here where the classifications go:
    ``tests/cli/test_dash_output.py``.)"""
    monkeypatch.chdir(tmp_path)
    before = listing(tmp_path)
    code, out, err = run("classify", incidents, "--rejected", name)
    assert (code, out) == (2, "")  # a usage error (users52b; was 1)
    assert err.startswith(f"svduty classify: error: {name}: --rejected: expected a .csv file")
    assert listing(tmp_path) == before
    code, _, err = run("classify", incidents, "--rejected", "r.CSV")
    assert code == 0, err
    assert (tmp_path / "r.CSV").read_text().startswith('"file","row","field","reason"')


@pytest.mark.parametrize(
    "command",
    [
        ["classify", "-o", "{out}.csv"],
        ["classify", "--rejected", "{out}.csv"],
        ["report", "-o", "{out}.html"],
    ],
)
def test_a_replaced_output_keeps_its_permissions(tmp_path: Path, command: list[str]):
    """A CLI review: a file the user had made readable by themselves alone (0600) came
    back readable by everyone (the temporary file renamed over it had the umask's mode)."""
    args = [a.format(out=tmp_path / "out") for a in command]
    target = Path(args[-1])
    target.write_text("old")
    target.chmod(0o600)
    code, _, err = run(args[0], sample_police_uk(), *args[1:])
    assert code == 0, err
    assert target.read_text() != "old"
    assert target.stat().st_mode & 0o777 == 0o600
    fresh = tmp_path / "fresh" / target.name  # a new file: as the umask makes it
    fresh.parent.mkdir()
    old = os.umask(0o022)
    try:
        code, _, _ = run(args[0], sample_police_uk(), *args[1:-1], fresh)
    finally:
        os.umask(old)
    assert code == 0
    assert fresh.stat().st_mode & 0o777 == 0o644


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_a_signal_the_shell_ignores_stays_ignored(tmp_path: Path, monkeypatch, signum: int):
    """A CLI review: a job started with ``&`` or ``nohup`` ignores Ctrl-C (SIGINT), a
    supervisor may ignore SIGTERM; classify installed its own handlers and stopped."""
    from svduty.io import _write_paths

    month = tmp_path / "2025-06-street.csv"
    month.write_bytes(sample_police_uk().read_bytes())
    commit = _write_paths.OutputFile.commit

    def commit_then_signal(self: _write_paths.OutputFile) -> None:
        os.kill(os.getpid(), signum)  # ignored, as whoever started the command asked
        commit(self)

    monkeypatch.setattr(_write_paths.OutputFile, "commit", commit_then_signal)
    before = signal.signal(signum, signal.SIG_IGN)
    try:
        code, _, err = run("classify", month, "-o", tmp_path / "out.csv")
        assert signal.getsignal(signum) is signal.SIG_IGN  # left as it was
    finally:
        signal.signal(signum, before)
    assert code == 0, err
    assert (tmp_path / "out.csv").exists()


@pytest.mark.parametrize(
    ("first", "then"), [(signal.SIGHUP, signal.SIGTERM), (signal.SIGINT, signal.SIGHUP)]
)
def test_a_second_signal_in_a_report_s_removal_is_dropped(
    tmp_path: Path, monkeypatch, first: int, then: int
):
    """A second hostile review: a closing terminal sends more than one signal; the second,
    landing in the removal of the partial outputs, printed a traceback and left the hidden
    temporary files. The first stops the command; those that follow are dropped."""
    from svduty import cli
    from svduty._commands._stopped import stopped
    from svduty._report import _model
    from svduty.io import _write_paths

    month = tmp_path / "2025-06-street.csv"
    month.write_bytes(sample_police_uk().read_bytes())
    written: list[str] = []
    discard = _write_paths.OutputFile.discard

    def write_csv(table, path: Path) -> None:
        written.append(path.name)
        pacsv.write_csv(table, path)
        if len(written) == 5:
            os.kill(os.getpid(), first)

    def discard_then_signal(self) -> None:
        os.kill(os.getpid(), then)  # the second, in the middle of the removal
        discard(self)

    def signal_then_say(*args, **kwargs):  # and one more while the stop is said
        os.kill(os.getpid(), then)
        return stopped(*args, **kwargs)

    monkeypatch.setattr(_model, "_write_csv", write_csv)
    monkeypatch.setattr(_write_paths.OutputFile, "discard", discard_then_signal)
    monkeypatch.setattr(cli, "stopped", signal_then_say)
    before = listing(tmp_path)
    code, _, err = run("report", month, "--output", tmp_path / "r.html", "--tables", tmp_path)
    how = {signal.SIGHUP: "hung up", signal.SIGINT: "interrupted"}[first]
    assert (code, err) == (128 + first, f"svduty report: {how}; no output written\n")
    assert listing(tmp_path) == before
    for signum in STOPPING:
        assert signal.getsignal(signum) in (signal.SIG_DFL, signal.default_int_handler)


def test_an_ignored_hangup_is_not_held_over_a_terminate(tmp_path: Path, monkeypatch):
    """Under nohup (SIGHUP ignored) the held signals delivered the first that came, the
    ignored SIGHUP, and a SIGTERM beside it was lost: exit 0."""
    from svduty.io import _write_paths

    month = tmp_path / "2025-06-street.csv"
    month.write_bytes(sample_police_uk().read_bytes())
    commit = _write_paths.OutputFile.commit

    def hangup_then_terminate(self) -> None:
        commit(self)
        os.kill(os.getpid(), signal.SIGHUP)  # ignored, as nohup asked
        os.kill(os.getpid(), signal.SIGTERM)  # held until every output is in place

    monkeypatch.setattr(_write_paths.OutputFile, "commit", hangup_then_terminate)
    old = signal.signal(signal.SIGHUP, signal.SIG_IGN)
    try:
        code, _, err = run("report", month, "--output", tmp_path / "r.html")
        assert signal.getsignal(signal.SIGHUP) is signal.SIG_IGN  # still ignored
    finally:
        signal.signal(signal.SIGHUP, old)
    said = f"after its outputs were written whole ({tmp_path / 'r.html'})"
    assert (code, err) == (143, f"svduty report: terminated {said}\n")  # (mend49: named)


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_an_output_link_to_a_missing_folder_says_why_not_a_temporary_name(
    tmp_path: Path, incidents: Path, suffix: str
):
    """A hostile review (hostile43): ``-o link.csv``, a link into a folder that does not
    exist, said "cannot write the file (Failed to open local file '/nowhere/.zz.csv.10297.
    ccc8c756.tmp'. Detail: [errno 2] No such file or directory)": pyarrow's words, naming
    the temporary file. Only the reason is said; nothing is written."""
    link = tmp_path / f"link{suffix}"
    link.symlink_to(tmp_path / "nowhere" / f"zz{suffix}")
    code, _, err = run("classify", incidents, "--output", link)
    assert (code, err) == (
        1,
        f"svduty classify: error: {link}: --output: cannot write the file "
        "(No such file or directory)\n",
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", link.name]
