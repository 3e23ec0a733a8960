"""Columns read but not used: each named once, as the header writes it, whatever its case.

Before mend52 the note of an incident table's columns that are no incident field showed a
name only when it was one lowercase word (the check for a JSON key that could be personal
data): with ``--map Ref=id --map Code=offence_code``, the columns ``Notes`` and ``Officer
Name`` were "an unknown field (a name of 5 characters, not shown)", while ``notes`` was
named, and the output file carried all of them under their own names. A header is the
file's names for its columns (the reader refuses a header that names no incident field and
no ``--map`` column, so a first line of data never gets this far): now every such column
is named once, in the header's order, escaped and quoted where a list would blur it, in
``classify`` and ``explain`` alike, and never a cell's value. A name that looks like a
value (a day, five digits or more, an @: a row of data, or data glued to a name) is still
described by its length (``tests/fuzz/test_explain_choice_hostile44b.py``'s canary).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import given
from hypothesis import strategies as st

from svduty._commands._unread import VALUE_SIGN, unread_columns

from ..cli_run import run
from ..fuzz.budget import budget

VALUE = "Zq7 Jane Citizen"
MAP = ["--map", "Ref=id", "--map", "Code=offence_code"]


def _note(stderr: str) -> str:
    [note] = [line.split(": note: ", 1)[1] for line in stderr.splitlines() if ": note: " in line]
    return note


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_every_unmapped_column_is_named_once_whatever_its_case(tmp_path: Path, suffix: str):
    extra = ["Notes", "notes", "Officer Name", "SOURCE", "Victim Agee", "DOB 1990-01-02"]
    columns = {"Ref": ["A1"], "Code": ["3B"], **{name: [VALUE] for name in extra}}
    src = tmp_path / f"in{suffix}"
    if suffix == ".csv":
        src.write_text(",".join(columns) + "\n" + ",".join(v[0] for v in columns.values()))
    else:
        pq.write_table(pa.table(columns), src)
    out = tmp_path / "out.csv"
    code, _, classified = run("classify", src, *MAP, "-o", out)
    assert code == 0, classified
    _, _, explained = run("explain", src, *MAP)
    _, _, as_json = run("explain", src, *MAP, "--format", "json")
    _, page, as_html = run("explain", src, *MAP, "--format", "html")
    _, _, summary_json = run("classify", src, *MAP, "--summary", "json", "-o", out)
    said = _note(classified)
    assert _note(explained) == _note(as_json) == _note(as_html) == _note(summary_json) == said
    assert said == (
        f"{src}: 6 columns not read (not incident fields): Notes, notes, Officer Name, SOURCE, "
        "Victim Agee, a name of 14 characters, not shown: it looks like a value (a day, 5 "
        "digits or more, or an @)"
    )
    assert VALUE not in classified + explained + as_json + as_html + summary_json + page
    with out.open(newline="") as f:  # the names the note gives are the output's own
        assert next(csv.reader(f))[-6:] == extra


@budget(100)
@given(
    st.lists(
        st.text(st.characters(codec="utf-8"), max_size=20).filter(lambda n: n not in {"id"}),
        min_size=1,
        max_size=15,
    )
)
def test_any_header_names_each_unread_column_once_on_one_line(names):
    note = unread_columns(["id", *names])
    from svduty._commands._unread import _FIELDS, _OWN

    unread = list(dict.fromkeys(n for n in names if n not in _FIELDS and n not in _OWN))
    if not unread:
        assert note is None
        return
    assert note is not None
    assert note.startswith(f"{len(unread):,} column")
    assert "\n" not in note  # one line: a name cannot fake another
    assert note.isprintable()
    listed = note.split(": ", 1)[1]
    for name in unread:
        if VALUE_SIGN.search(name):  # a day, 5 digits, an @: never shown
            assert f"a name of {len(name):,} characters, not shown" in listed
        elif name.isprintable() and "," not in name and "'" not in name and name.strip() == name:
            assert name[:60] in listed


def test_a_csv_header_of_quoted_names_is_read_back_from_the_note():
    # a name with a comma is quoted, so the list can be read back
    names = ["a,b", "Plain Name"]
    listed = unread_columns(["id", *names]).split(": ", 1)[1]  # type: ignore[union-attr]
    assert listed == "'a,b', Plain Name"
    assert next(csv.reader(io.StringIO(listed), quotechar="'", skipinitialspace=True)) == names
