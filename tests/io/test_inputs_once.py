"""Each input file is read once, however many times it is named (hostile review, item 9).

``svduty classify d d/june.csv`` read the file twice and counted its rows twice, silently;
so did a symbolic link to a file already named, and the same folder named twice. The
later names are now listed as skipped, naming the first, and the counts are the file's.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import svduty
from svduty.io import police_uk_paths, read_police_uk, sample_police_uk
from svduty.io._inputs import expand_inputs

from ..cli_run import run

ROWS = 4586  # the sample month's rows


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    d = tmp_path / "d"
    d.mkdir()
    shutil.copy(sample_police_uk(), d / "2025-06-x-street.csv")
    return d


def twice(name: Path | str, first: Path | str) -> str:
    return f"{name} (named twice: the same file as {first})"


def test_a_file_named_directly_and_through_its_folder_is_read_once(folder: Path):
    f = folder / "2025-06-x-street.csv"
    got = expand_inputs([folder, f])
    assert got.files == (f,)
    assert got.skipped == (twice(f, f),)
    got = expand_inputs([f, folder])
    assert (got.files, got.skipped) == ((f,), (twice(f, f),))


def test_a_link_and_the_same_folder_twice_are_read_once(folder: Path, tmp_path: Path):
    f = folder / "2025-06-x-street.csv"
    link = tmp_path / "alias.csv"
    link.symlink_to(f)
    hard = tmp_path / "hard.csv"
    os.link(f, hard)
    again = tmp_path / "d" / ".." / "d"
    got = expand_inputs([link, folder, again, hard])
    assert got.files == (link,)
    assert got.skipped == (twice(f, link), twice(again / f.name, link), twice(hard, link))


def test_files_in_folders_not_read_and_twice_are_both_listed(folder: Path):
    (folder / "notes.txt").write_text("x")
    f = folder / "2025-06-x-street.csv"
    assert expand_inputs([folder, f]).skipped == (
        f"{folder / 'notes.txt'} (not a .csv file)",
        twice(f, f),
    )


def test_standard_input_is_not_a_file_name():
    assert expand_inputs(["-", "-"]).files == (Path("-"), Path("-"))


def test_the_readers_read_each_file_once(folder: Path):
    f = folder / "2025-06-x-street.csv"
    assert police_uk_paths([folder, f, folder]) == [f]
    assert sum(b.num_rows for b in read_police_uk([folder, f])) == ROWS


def test_classify_counts_a_file_named_twice_once_and_says_so(folder: Path, tmp_path: Path):
    f = folder / "2025-06-x-street.csv"
    link = tmp_path / "alias.csv"
    link.symlink_to(f)
    code, out, err = run("classify", folder, f, link, "--summary", "json")
    assert (code, err) == (0, "")
    summary = json.loads(out)
    assert summary["rows_in"] == ROWS
    assert summary["skipped"] == [twice(f, f), twice(link, f)]
    code, out, _ = run("classify", folder, f)
    assert (code, out.splitlines()[0]) == (0, f"rows in: {ROWS:,}")
    assert f"skipped: {twice(f, f)}" in out.splitlines()


def test_classify_reads_an_incident_file_named_twice_once(tmp_path: Path):
    f = tmp_path / "in.jsonl"
    f.write_text('{"id": "a", "offence_code": "8N"}\n')
    code, out, err = run("classify", f, f, "--output", tmp_path / "o.jsonl")
    assert code == 0
    assert len((tmp_path / "o.jsonl").read_text().splitlines()) == 1
    assert f"skipped: {twice(f, f)}" in err.splitlines() + out.splitlines()


def test_report_counts_a_file_named_twice_once_and_says_so(folder: Path, tmp_path: Path):
    f = folder / "2025-06-x-street.csv"
    code, out, err = run("report", folder, f, "--output", tmp_path / "r.html")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[1].startswith(f"rows in: {ROWS:,};")
    assert f"skipped: {twice(f, f)}" in lines


_NAMES = ["a", "b", "a/1.csv", "a/2.csv", "b/3.csv", "link.csv", "la", "la/2.csv", "b/../a"]


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two folders of CSV files, a link to one file and a link to one folder."""
    root = tmp_path_factory.mktemp("tree")
    (root / "a").mkdir()
    (root / "b").mkdir()
    for name in ("a/1.csv", "a/2.csv", "b/3.csv"):
        (root / name).write_text(f"{name}\n")  # not copies of each other
    (root / "link.csv").symlink_to(root / "a" / "1.csv")
    (root / "la").symlink_to(root / "a")
    return root


@given(names=st.lists(st.sampled_from(_NAMES), min_size=1, max_size=8))
def test_every_file_once_first_name_kept_every_other_name_skipped(tree: Path, names: list[str]):
    got = expand_inputs([tree / n for n in names])
    named = [p for n in names for p in expand_inputs([tree / n]).files]
    first: dict[Path, Path] = {}
    for p in named:
        first.setdefault(p.resolve(), p)
    assert list(got.files) == list(first.values())  # each file once, by its first name
    dropped = [s for s in got.skipped if "(named twice: the same file as " in s]
    assert len(got.files) + len(dropped) == len(named)  # every name accounted for


def test_a_copy_of_a_month_is_read_once(folder: Path, tmp_path: Path):
    """An analyst's review: a month and its copy in another folder counted every row twice."""
    other = tmp_path / "b"
    other.mkdir()
    copy = other / "2025-06-x-street (1).csv"
    shutil.copy(folder / "2025-06-x-street.csv", copy)
    code, out, _ = run("classify", folder, other, "--summary", "json")
    s = json.loads(out)
    assert (code, s["rows_in"]) == (0, ROWS)
    first = folder / "2025-06-x-street.csv"
    assert s["skipped"] == [f"{copy} (a copy of {first}: the same bytes, read once)"]


def test_files_of_one_size_but_other_bytes_are_each_read(tmp_path: Path):
    a, b, empty, also_empty = (tmp_path / n for n in ("a.csv", "b.csv", "e.csv", "f.csv"))
    a.write_text("x,1\n")
    b.write_text("x,2\n")
    empty.write_text("")
    also_empty.write_text("")
    got = expand_inputs([a, b, empty, also_empty])
    assert (got.files, got.skipped) == ((a, b, empty, also_empty), ())


def test_a_folders_other_entries_are_listed_not_dropped(folder: Path, tmp_path: Path):
    """A hostile review: a linked folder, a FIFO and a broken link were dropped silently, and a
    hidden .csv file (.git/x.csv, a macOS ._m.csv) was read as a month."""
    older = tmp_path / "older"
    older.mkdir()
    shutil.copy(sample_police_uk(), older / "2025-05-x-street.csv")
    (folder / "older").symlink_to(older)
    os.mkfifo(folder / "p.csv")
    (folder / "gone.csv").symlink_to(tmp_path / "nowhere.csv")
    (folder / ".git").mkdir()
    (folder / ".git" / "x.csv").write_text("x\n")
    (folder / "._m.csv").write_text("x\n")
    (folder / ".DS_Store").write_text("x")
    got = expand_inputs([folder])
    assert got.files == (folder / "2025-06-x-street.csv",)
    assert sorted(got.skipped) == sorted(
        [
            f"{folder / '._m.csv'} (a hidden file)",
            f"{folder / '.git' / 'x.csv'} (a hidden file)",
            f"{folder / 'gone.csv'} (a broken link)",
            f"{folder / 'older'} (a link to a folder: not followed (name the folder to read it))",
            f"{folder / 'p.csv'} (not a regular file)",
        ]
    )
    code, out, _ = run("classify", folder, "--strict", "--summary", "json")
    assert (code, json.loads(out)["rows_in"]) == (1, ROWS)  # --strict: files were skipped


def test_each_file_of_a_shared_size_is_read_for_its_digest_once(tmp_path: Path, monkeypatch):
    """A hostile review: same-size files were compared pair by pair (600 took 12 s)."""
    from svduty.io import _inputs

    files = []
    for i in range(30):
        f = tmp_path / f"{i:02}.csv"
        f.write_text(f"x,{i:02}\n")
        files.append(f)
    read: list[Path] = []
    digest = _inputs._digest
    monkeypatch.setattr(_inputs, "_digest", lambda p: read.append(p) or digest(p))
    got = expand_inputs(files)
    assert got.files == tuple(files)
    assert sorted(read) == files  # each once


def _later_download(tmp_path: Path) -> Path:
    """The sample month downloaded again after one outcome changed: other bytes, same crimes."""
    text = sample_police_uk().read_text(encoding="utf-8")
    later = tmp_path / "later"
    later.mkdir()
    changed = text.replace(
        "Investigation complete; no suspect identified", "Unable to prosecute suspect", 1
    )
    (later / "2025-06-x-street.csv").write_text(changed, encoding="utf-8")
    return later


def test_files_that_share_crime_ids_are_warned_of(folder: Path, tmp_path: Path):
    """A hostile review: a month and a later download of it (outcomes updated, so not a copy)
    counted every row twice with no word, even with --strict."""
    later = _later_download(tmp_path)
    code, out, _ = run("classify", folder, later, "--summary", "json")
    s = json.loads(out)
    assert (code, s["rows_in"]) == (0, 2 * ROWS)
    assert s["warnings"]["FILES-OVERLAP"] == _with_crime_ids()  # every crime, counted twice
    r = svduty.report([folder, later])
    assert "counted twice (one force's month given twice" in r.notes[0]


def test_files_of_other_crimes_do_not_overlap(tmp_path: Path):
    """The sample month split in two: no Crime ID in both halves, no warning."""
    header, *rows = sample_police_uk().read_text(encoding="utf-8").splitlines(keepends=True)
    half = len(rows) // 2
    for name, part in (("a.csv", rows[:half]), ("b.csv", rows[half:])):
        (tmp_path / name).write_text(header + "".join(part), encoding="utf-8")
    code, out, _ = run("classify", tmp_path / "a.csv", tmp_path / "b.csv", "--summary", "json")
    s = json.loads(out)
    assert (code, s["rows_in"], "FILES-OVERLAP" in s["warnings"]) == (0, ROWS, False)


def test_the_report_page_lists_the_files_not_read(folder: Path, tmp_path: Path):
    other = tmp_path / "b"
    other.mkdir()
    shutil.copy(folder / "2025-06-x-street.csv", other / "copy.csv")
    out = tmp_path / "r.html"
    code, said, _ = run("report", folder, other, "-o", out)
    assert code == 0
    assert f"skipped: {other / 'copy.csv'} (a copy of" in said
    assert said.count("copy.csv") == 1
    assert f"Not read: {other / 'copy.csv'} (a copy of" in out.read_text(encoding="utf-8")


def _with_crime_ids() -> int:
    text = sample_police_uk().read_text(encoding="utf-8")
    return sum(1 for line in text.splitlines()[1:] if line[:1] not in ("", ","))


@pytest.mark.parametrize("order", ["reversed", "by crime type"])
def test_a_month_given_again_in_another_order_is_warned_of(tmp_path: Path, order: str):
    """An analyst's review: only Crime IDs among the files' first 64 KB were compared, so
    the sample month again with its rows reversed, or sorted with the anti-social behaviour
    rows (no Crime ID) first, was counted twice without a warning."""
    header, *rows = sample_police_uk().read_text(encoding="utf-8").splitlines(keepends=True)
    by_type = sorted(rows, key=lambda r: (r[:1] != ",", r))  # no Crime ID first
    rows = rows[::-1] if order == "reversed" else by_type
    again = tmp_path / "again.csv"
    again.write_text(header + "".join(rows), encoding="utf-8")
    code, out, _ = run("classify", sample_police_uk(), again, "--summary", "json")
    s = json.loads(out)
    assert (code, s["rows_in"]) == (0, 2 * ROWS)
    assert s["warnings"]["FILES-OVERLAP"] == _with_crime_ids()
    r = svduty.report([sample_police_uk(), again])
    assert f"{_with_crime_ids():,} rows have a Crime ID an earlier row" in r.notes[0]


def test_a_file_holding_its_first_rows_twice_is_warned_of(tmp_path: Path):
    header, *rows = sample_police_uk().read_text(encoding="utf-8").splitlines(keepends=True)
    twice = tmp_path / "twice.csv"
    twice.write_text(header + "".join(r + r for r in rows), encoding="utf-8")
    code, out, _ = run("classify", twice, "--summary", "json")
    s = json.loads(out)
    assert (code, s["rows_in"], s["warnings"]["FILES-OVERLAP"]) == (0, 2 * ROWS, _with_crime_ids())


def test_a_month_joined_with_itself_is_warned_of(tmp_path: Path):
    """A hostile review: ``cat month month > two.csv`` counted every row twice: only the
    second header line was rejected."""
    text = sample_police_uk().read_text(encoding="utf-8")
    two = tmp_path / "two.csv"
    two.write_text(text + text, encoding="utf-8")
    code, out, _ = run("classify", two, "--summary", "json")
    s = json.loads(out)
    assert (code, s["rows_in"], s["rejected"]) == (0, 2 * ROWS + 1, 1)
    assert s["warnings"]["FILES-OVERLAP"] == _with_crime_ids()
    r = svduty.report(two)
    assert f"{_with_crime_ids():,} rows have a Crime ID an earlier row" in r.notes[0]


def test_a_joined_file_after_a_thousand_rejected_rows_is_warned_of(tmp_path: Path):
    """A review: the joined file was found through the summary's first 1,000 rejected rows,
    so 1,500 bad rows of an earlier file hid it."""
    header, *rows = sample_police_uk().read_text(encoding="utf-8").splitlines(keepends=True)
    bad = [
        ("f" * 60 + f"{i:04x}") + r[64:].replace("2025-06", "2025-13", 1)
        for i, r in enumerate(r for r in rows if not r.startswith(","))
    ][:1500]
    (tmp_path / "a_bad.csv").write_text(header + "".join(bad), encoding="utf-8")
    text = sample_police_uk().read_text(encoding="utf-8")
    (tmp_path / "b_two.csv").write_text(text + text, encoding="utf-8")
    code, out, _ = run(
        "classify", tmp_path / "a_bad.csv", tmp_path / "b_two.csv", "--summary", "json"
    )
    s = json.loads(out)
    assert (code, s["rejected"]) == (0, 1501)
    assert s["warnings"]["FILES-OVERLAP"] == _with_crime_ids()


def test_a_browsers_copy_in_the_same_folder_is_the_one_skipped(folder: Path):
    """A month and its second download (``month (1).csv``) in one folder: the name order
    put the copy first, so the original was listed as the copy (a new analyst's review)."""
    first = folder / "2025-06-x-street.csv"
    copies = [folder / f"2025-06-x-street ({n}).csv" for n in (2, 1)]
    for copy in copies:
        shutil.copy(first, copy)
    code, out, _ = run("classify", folder, "--summary", "json")
    s = json.loads(out)
    assert (code, s["rows_in"]) == (0, ROWS)
    assert s["skipped"] == [
        f"{c} (a copy of {first}: the same bytes, read once)" for c in reversed(copies)
    ]


def test_rejected_rows_are_not_said_to_be_counted_twice(tmp_path: Path):
    """An analyst's review (analyst42): the month beside a copy a spreadsheet saved again
    (every month ``Jun-25``, so every row of it rejected) was warned of as 3,472 rows
    "counted twice", on the report's page too, though the run counted each crime once."""
    text = sample_police_uk().read_text(encoding="utf-8")
    saved = tmp_path / "2025-06-x-street (excel).csv"
    saved.write_text(text.replace(",2025-06,", ",Jun-25,"), encoding="utf-8")
    for order in ((sample_police_uk(), saved), (saved, sample_police_uk())):
        code, out, _ = run("classify", *order, "--summary", "json")
        s = json.loads(out)
        assert (code, s["rows_out"], s["rejected"]) == (0, ROWS, ROWS)
        assert "FILES-OVERLAP" not in s["warnings"]
        r = svduty.report(list(order))
        assert not any("counted twice" in n for n in r.notes)


def test_rows_the_geography_rejects_are_not_said_to_be_counted_twice(tmp_path: Path):
    """As above, for rows rejected after they are read: a copy whose located rows name an
    LSOA code and name the geography does not know. Only its rows with no location (kept,
    so counted twice) are in the warning's number."""
    header, *rows = sample_police_uk().read_text(encoding="utf-8").splitlines(keepends=True)
    unknown, twice = [], 0
    for line in rows:
        cells = line.split(",")
        if cells[7]:  # LSOA code, LSOA name: none the geography knows
            cells[7:9] = ["E01999999", "Atlantis 001A"]
        else:
            twice += cells[0] != ""
        unknown.append(",".join(cells))
    copy = tmp_path / "copy.csv"
    copy.write_text(header + "".join(unknown), encoding="utf-8")
    code, out, _ = run("classify", sample_police_uk(), copy, "--summary", "json")
    s = json.loads(out)
    assert (code, s["rows_in"], s["rejected"]) == (0, 2 * ROWS, ROWS - 13)
    assert twice > 0
    assert s["warnings"]["FILES-OVERLAP"] == twice
    r = svduty.report([sample_police_uk(), copy])
    assert any(n.startswith(f"{twice:,} rows have a Crime ID") for n in r.notes)
