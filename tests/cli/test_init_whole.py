"""``svduty init`` writes its bundle whole or not at all (review finding 4).

Every file is rendered before any is written. A new folder is built under a temporary
name beside it and renamed into place; into an existing folder each file is written
through a temporary file and renamed, ``bundle.toml`` last, and the files added are
removed again on failure. A write made to fail half way (a full disk, Ctrl-C, SIGTERM)
leaves nothing partial, and the same command run again succeeds.
"""

from __future__ import annotations

import errno
import io
import os
from pathlib import Path
from typing import Any

import pytest
import tomli_w

from svduty.cli import main
from svduty.io import validate_bundle

AREA = "E07000220"  # Rugby


def _init(folder: Path, *extra: str) -> tuple[int, str]:
    err = io.StringIO()
    code = main(["init", str(folder), "--area", AREA, *extra], stdout=io.StringIO(), stderr=err)
    return code, err.getvalue()


def _fail_on_write(monkeypatch: pytest.MonkeyPatch, nth: int, exc: BaseException) -> list[str]:
    """Make the ``nth`` ``Path.write_text`` (1-based) raise ``exc``; return the names written."""
    real = Path.write_text
    names: list[str] = []

    def write_text(self: Path, data: str, *args: Any, **kwargs: Any) -> int:
        names.append(self.name)
        if len(names) == nth:
            with self.open("w") as f:  # half a file, as a full disk leaves
                f.write(data[: len(data) // 2])
            raise exc
        return real(self, data, *args, **kwargs)

    monkeypatch.setattr(Path, "write_text", write_text)
    return names


FAILURES = [
    (OSError(errno.ENOSPC, "No space left on device"), 1, "No space left on device"),
    (KeyboardInterrupt(), 130, "svduty init: interrupted"),
]


@pytest.mark.parametrize("failure", FAILURES)
@pytest.mark.parametrize("nth", [1, 2, 3])
@pytest.mark.parametrize("existing", [False, True], ids=["new-folder", "empty-folder"])
def test_nothing_partial_remains_after_a_failed_write(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    failure: tuple[BaseException, int, str],
    nth: int,
    existing: bool,
) -> None:
    """A new folder is absent and an existing empty one stays empty; a rerun succeeds."""
    exc, code, message = failure
    parent = tmp_path / "parent"
    target = parent / "rugby"
    if existing:
        target.mkdir(parents=True)
    with monkeypatch.context() as m:
        names = _fail_on_write(m, nth, exc)
        got, err = _init(target)
    assert got == code
    assert message in err
    if existing:  # files are written through temporaries, bundle.toml last
        assert names[-1].startswith((".areas.toml.", ".authorities.toml.", ".bundle.toml."))
        assert list(target.iterdir()) == []  # neither the files written before nor temporaries
    else:
        assert len(names) == nth
        assert not target.exists()
        assert list(parent.iterdir()) == []  # no temporary folder left
    assert _init(target) == (0, "")
    assert validate_bundle(target) == []


def test_bundle_toml_is_written_last(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "rugby"
    target.mkdir()
    names = _fail_on_write(monkeypatch, 99, OSError())
    assert _init(target) == (0, "")
    assert [n.split(".")[1] for n in names] == ["areas", "authorities", "bundle"]


def test_a_failed_overwrite_keeps_the_old_manifest_and_a_rerun_succeeds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "rugby"
    assert _init(target, "--title", "Old title") == (0, "")
    old = (target / "bundle.toml").read_text()
    with monkeypatch.context() as m:
        _fail_on_write(m, 3, OSError(errno.ENOSPC, "No space left on device"))
        assert _init(target, "--force", "--title", "New title")[0] == 1
    assert (target / "bundle.toml").read_text() == old  # whole: the old text, not a part
    assert sorted(p.name for p in target.iterdir()) == [
        "areas.toml",
        "authorities.toml",
        "bundle.toml",
    ]
    assert validate_bundle(target) == []
    assert _init(target, "--force", "--title", "New title") == (0, "")
    assert "New title" in (target / "bundle.toml").read_text()


def test_a_failure_while_rendering_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = tomli_w.dumps
    calls: list[int] = []

    def dumps(data: Any, **kwargs: Any) -> str:
        calls.append(1)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real(data, **kwargs)

    target = tmp_path / "rugby"
    target.mkdir()
    with monkeypatch.context() as m:
        m.setattr(tomli_w, "dumps", dumps)
        assert _init(target)[0] == 130
    assert list(target.iterdir()) == []
    assert _init(target) == (0, "")


def test_a_folder_made_meanwhile_is_not_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another process creating the folder between the check and the rename wins."""
    target = tmp_path / "rugby"
    real = os.rename

    def rename(src: Any, dst: Any) -> None:
        target.mkdir()
        (target / "theirs.txt").write_text("x")
        real(src, dst)

    with monkeypatch.context() as m:
        m.setattr(os, "rename", rename)
        code, err = _init(target)
    assert code == 1
    assert err.startswith("svduty init: error: ")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rugby"]
    assert [p.name for p in target.iterdir()] == ["theirs.txt"]


@pytest.mark.parametrize("bundle", ["examplshire", "warwickshire"])
def test_an_overwrite_that_kept_files_would_not_fit_writes_nothing(tmp_path: Path, bundle: str):
    """``init --force`` replaced a bundle's manifest and areas, then found that its kept
    definition cited sources the new manifest does not declare (a hostile review)."""
    import shutil

    from svduty._data import data

    folder = tmp_path / "b"
    shutil.copytree(data(bundle), folder)
    before = {f.name: f.read_bytes() for f in folder.iterdir() if f.is_file()}
    out, err = io.StringIO(), io.StringIO()
    code = main(["init", str(folder), "--area", "Leeds", "--force"], stdout=out, stderr=err)
    assert code == 1
    assert "the new bundle does not validate" in err.getvalue()
    assert "nothing was written" in err.getvalue()
    assert {f.name: f.read_bytes() for f in folder.iterdir() if f.is_file()} == before
    assert validate_bundle(folder) == []


def test_an_overwrite_of_the_bundle_files_alone_is_written(tmp_path: Path):
    folder = tmp_path / "b"
    assert main(["init", str(folder), "--area", "E07000220"], stdout=io.StringIO()) == 0
    code = main(["init", str(folder), "--area", "Leeds", "--force"], stdout=io.StringIO())
    assert code == 0
    assert "Leeds" in (folder / "areas.toml").read_text()


def test_an_overwrite_whose_kept_scenarios_would_not_fit_writes_nothing(tmp_path: Path):
    """The trial bundle held the kept section files but not ``scenarios/``: a what-if
    abolishing a council the new areas do not have was found only after writing."""
    folder = tmp_path / "d"
    argv = ["init", str(folder), "--area", "E07000218", "--area", "E07000220"]
    assert main(argv, stdout=io.StringIO()) == 0
    (folder / "governance.toml").write_text(
        '[[bodies]]\nid = "csp"\nname = "CSP"\nkind = "community_safety_partnership"\n'
        'level = "local"\ntier = "strategic"\ndistricts = ["E07000218"]\n'
        # every responsible authority of the district (CDA 1998 s.5(1)): a CSP cited to the
        # law that lacks one is a governance error (GOV-CSP-RESPONSIBLE, csp-recheck44), and
        # then no scenario is tried, so the one below would not be found (diff44)
        'members = ["north-warwickshire-council", "warwickshire-county-council", '
        '"warwickshire-police", "nhs-coventry-and-warwickshire-integrated-care-board", '
        '"probation-service"]\ncitation = { source = "pja-2006" }\n'
    )
    (folder / "scenarios").mkdir()
    (folder / "scenarios" / "abolish.toml").write_text(
        'name = "abolish"\ntitle = "Abolish"\n'
        'citation = { source = "pcsc-act-2022", provision = "s.8" }\n'
        '[[changes]]\nop = "abolish_authority"\nauthority = "rugby-council"\n'
    )
    assert validate_bundle(folder) == []
    before = (folder / "areas.toml").read_bytes()
    err = io.StringIO()
    argv = ["init", str(folder), "--force", "--area", "E07000218"]
    assert main(argv, stdout=io.StringIO(), stderr=err) == 1
    assert "scenarios" in err.getvalue()
    assert (folder / "areas.toml").read_bytes() == before
    assert validate_bundle(folder) == []


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux's /proc")
def test_a_folder_that_cannot_be_made_is_named_as_given(tmp_path: Path):
    """A national review: ``svduty init /proc/x`` said ``/proc/.x.19770.c24a76ff.tmp: No
    such file or directory``, the temporary folder's name, not the one asked for."""
    out, err = io.StringIO(), io.StringIO()
    code = main(["init", "/proc/x", "--area", "Leeds"], stdout=out, stderr=err)
    assert (code, out.getvalue()) == (1, "")
    assert err.getvalue() == "svduty init: error: /proc/x: No such file or directory\n"


def test_init_and_info_count_the_specified_authorities_alike(tmp_path: Path):
    """A national review: ``init`` said "specified authorities: 5 (6 records ...)" and
    ``info`` headed the same list "(6)": info says records too."""
    folder = tmp_path / "scilly"
    out = io.StringIO()
    assert main(["init", str(folder), "--area", "Isles of Scilly"], stdout=out) == 0
    said = out.getvalue()
    records = said.split("specified authorities: ")[1].split("(")[1].split(" records")[0]
    info = io.StringIO()
    assert main(["info", "--partnership", str(folder)], stdout=info) == 0
    assert f"Specified authorities (s.11, Sch 1) ({records} records):" in info.getvalue()


def test_a_file_where_a_folder_must_be_is_named(tmp_path: Path):
    """A second review: ``init afile/b`` (``afile`` a file) said ``afile: File exists``, then
    ``afile: Not a directory``, with nothing expected (hostile62 left it): now what is in the
    way and what was expected, and nothing is made."""
    (tmp_path / "afile").write_text("")
    said = f"{tmp_path / 'afile'}: a file where a folder is expected"
    for target in ("afile/b", "afile/c/d"):
        err = io.StringIO()
        code = main(["init", str(tmp_path / target), "--area", "Leeds"], stderr=err)
        assert code == 1
        bundle = tmp_path / target
        assert err.getvalue() == f"svduty init: error: {bundle}: cannot be made ({said})\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["afile"]


@pytest.mark.parametrize("nth", [1, 3])
def test_a_full_disk_names_the_folder_not_standard_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, nth: int
) -> None:
    """A hostile review (hostile43), on a full tmpfs: a new bundle folder that could not be
    written said "standard output: cannot write (No space left on device)": a full disk's
    error names no file, and the command took it for its standard output."""
    target = tmp_path / "rugby"
    with monkeypatch.context() as m:
        _fail_on_write(m, nth, OSError(errno.ENOSPC, "No space left on device"))
        got, err = _init(target)
    assert (got, err) == (1, f"svduty init: error: {target}: No space left on device\n")
    assert list(tmp_path.iterdir()) == []
