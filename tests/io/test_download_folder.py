"""A police.uk download folder: its outcomes and stop and search files are skipped.

police.uk's monthly download holds, for each force, a street-level crime file, an outcomes
file and a stop and search file. ``svduty classify 2025-06/`` stopped at the outcomes file
("not a police.uk street-level crime file"); the two other files are now listed as
skipped, with what they are, and the street-level rows are read. Named directly, either
file is an error that says what the file is. Their headers, not their names, tell them.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from svduty.io import read_police_uk, sample_police_uk
from svduty.io._inputs import expand_inputs, other_police_uk_file

from ..cli_run import run

ROWS = 4586  # the sample month's rows

OUTCOMES = (
    "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,"
    "LSOA name,Outcome type\r\n"
    "abc,2025-06,Warwickshire Police,Warwickshire Police,-1.26,52.37,On or near X,"
    "E01031000,Rugby 001A,Unable to prosecute suspect\r\n"
)
STOP_AND_SEARCH = (
    "Type,Date,Part of a policing operation,Policing operation,Latitude,Longitude,Gender,"
    "Age range,Self-defined ethnicity,Officer-defined ethnicity,Legislation,"
    "Object of search,Outcome,Outcome linked to object of search,"
    "Removal of more substantive clothing\r\n"
    "Person search,2025-06-01T10:00:00+00:00,False,,52.3,-1.5,Male,18-24,,,"
    "Misuse of Drugs Act 1971 (section 23),Controlled drugs,A no further action disposal,,\r\n"
)


@pytest.fixture
def download(tmp_path: Path) -> Path:
    d = tmp_path / "2025-06"
    d.mkdir()
    shutil.copy(sample_police_uk(), d / "2025-06-warwickshire-street.csv")
    (d / "2025-06-warwickshire-outcomes.csv").write_text(OUTCOMES)
    (d / "2025-06-warwickshire-stop-and-search.csv").write_text(STOP_AND_SEARCH)
    return d


def test_the_other_files_are_told_by_their_headers() -> None:
    assert other_police_uk_file(OUTCOMES.splitlines()[0]) == "a police.uk outcomes file"
    assert other_police_uk_file(STOP_AND_SEARCH.encode()[:200]) is not None
    street = sample_police_uk().read_bytes().splitlines()[0]
    assert other_police_uk_file(street) is None
    assert other_police_uk_file("id,date,offence_code") is None


def test_a_download_folder_is_read_for_its_street_level_crimes(download: Path) -> None:
    code, out, err = run("classify", download, "--summary", "json")
    assert (code, err) == (0, "")
    summary = json.loads(out)
    assert summary["rows_in"] == ROWS
    assert summary["skipped"] == [
        f"{download / '2025-06-warwickshire-outcomes.csv'} "
        "(a police.uk outcomes file, not street-level crimes)",
        f"{download / '2025-06-warwickshire-stop-and-search.csv'} "
        "(a police.uk stop and search file, not street-level crimes)",
    ]
    assert sum(b.num_rows for b in read_police_uk(download)) == ROWS


def test_the_header_decides_not_the_name(download: Path) -> None:
    renamed = download / "street-renamed-outcomes.csv"
    (download / "2025-06-warwickshire-street.csv").rename(renamed)
    (download / "2025-06-warwickshire-outcomes.csv").rename(download / "june.csv")
    got = expand_inputs([download])
    assert got.files == (renamed,)
    why = "(a police.uk outcomes file, not street-level crimes)"
    assert f"{download / 'june.csv'} {why}" in got.skipped


@pytest.mark.parametrize("fmt", ["auto", "police-uk"])
@pytest.mark.parametrize(
    ("name", "kind"),
    [("outcomes", "outcomes"), ("stop-and-search", "stop and search")],
)
def test_named_directly_the_error_says_what_the_file_is(
    download: Path, fmt: str, name: str, kind: str
) -> None:
    f = download / f"2025-06-warwickshire-{name}.csv"
    code, out, err = run("classify", f, "--format", fmt)
    assert (code, out) == (1, "")
    assert f"a police.uk {kind} file" in err
    assert "street-level file of a month's download" in err
    assert "Controlled drugs" not in err  # no cell is shown
    assert "Rugby 001A" not in err


def test_a_file_whose_header_cannot_be_read_is_left_to_the_reader(
    download: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not skipped unseen: the reader reads it and names the error (run as root, a file's
    mode does not stop reading, so the failure is made here)."""
    import svduty.io._inputs as inputs

    def unreadable(path: Path) -> bytes:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(inputs, "first_line", unreadable)
    got = expand_inputs([download])
    assert len(got.files) == 3
    assert got.skipped == ()
