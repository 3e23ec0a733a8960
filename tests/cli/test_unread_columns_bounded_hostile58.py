"""The note on unread columns names twenty of them and counts the rest (hostile58).

A header of 100,000 columns was one note of 100,000 names, each compared with every
incident field for a likely spelling (~80 s of CPU). The note now names the first twenty
columns in the header's order and ends ``and N more``; ``classify`` and ``explain`` alike.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from svduty._commands._unread import _FIELDS, _OWN, unread_columns
from tests.cli_run import run
from tests.fuzz.budget import budget


@pytest.mark.parametrize("command", ["classify", "explain"])
def test_a_wide_header_is_named_twenty_columns_and_counted(tmp_path: Path, command: str) -> None:
    src = tmp_path / "in.csv"
    extra = [f"col{i}" for i in range(900)]
    src.write_text(",".join(["id", "offence_code", *extra]) + "\na,8N" + "," * 900 + "\n")
    out = ["-o", str(tmp_path / "out.parquet")] if command == "classify" else []
    code, _, err = run(command, src, *out)
    assert code == 0, err
    [note] = [line for line in err.splitlines() if "not read" in line]
    assert "900 columns not read (not incident fields): col0, col1," in note
    assert note.endswith("col18, col19 and 880 more")
    assert "col20" not in note


@given(st.lists(st.from_regex(r"[a-z]{1,8}", fullmatch=True), unique=True, max_size=60))
@example([f"n{i}" for i in range(21)])
@example(
    [
        *"abcde",
        "aa",
        "ab",
        "ac",
        "ad",
        "ba",
        "aaa",
        "aab",
        "aac",
        "aad",
        "aaaa",
        "fa",
        "a" * 5,
        "a" * 6,
        "a" * 7,
        "a" * 8,
        "f",
    ]
)
@budget(50)
def test_every_column_is_counted_at_most_twenty_named(names: list[str]) -> None:
    note = unread_columns(names)
    unread = [n for n in names if n not in _FIELDS and n not in _OWN]
    if not unread:
        assert note is None
        return
    assert note is not None
    assert note.startswith(f"{len(unread):,} column")
    named = note.split(": ", 1)[1]
    if len(unread) > 20:
        assert note.endswith(f" and {len(unread) - 20:,} more")
        named = named.rsplit(" and ", 1)[0]
    # each named column, then perhaps the field it likely means: the first twenty, in order
    assert [n.split(" (did you mean ")[0] for n in named.split(", ")] == unread[:20]
