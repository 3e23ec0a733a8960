"""An error names a path as it was typed, ``./`` and all, in every command (users54).

``--partnership ./Jane_Smith`` was named ``Jane_Smith`` (``Path`` drops the ``./``), as were
``classify ./nofile.csv``, ``--output ./nodir/out.jsonl`` and ``validate ./folder``, while
``governance --scenario ./x.toml`` and ``explain ./folder`` kept it: one rule now
(``svduty._commands._typed``), the path as typed, control characters escaped.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import svduty
from svduty._commands._typed import read_as_path
from tests.cli_run import run

MONTH = str(svduty.sample_path("policeuk-month"))


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "empty").mkdir()
    (tmp_path / "afile").write_text("x")
    return tmp_path


@pytest.mark.parametrize(
    ("argv", "named"),
    [
        (["info", "--partnership", "./Jane_Smith"], "./Jane_Smith"),
        (["funding", "--partnership", "./Jane_Smith"], "./Jane_Smith"),
        (["info", "--partnership", "./empty/"], "./empty/"),
        (["info", "--partnership", "./afile"], "./afile"),
        (["validate", "./empty"], "./empty"),
        (["classify", "./nofile.csv"], "./nofile.csv"),
        (["explain", "./nofile.csv"], "./nofile.csv"),
        (["funding", "--split", "./nofile.csv"], "./nofile.csv"),
        (["classify", "./empty"], "./empty"),
        (["classify", MONTH, "--output", "./nodir/out.jsonl"], "./nodir/out.jsonl"),
        (["classify", MONTH, "--output=./nodir/out.jsonl"], "./nodir/out.jsonl"),
        (["classify", MONTH, "--definition", "./empty"], "./empty"),
    ],
)
def test_a_path_is_named_as_typed(here: Path, argv: list[str], named: str) -> None:
    code, _, err = run(*argv)
    assert code == 1
    assert err.startswith(f"svduty {argv[0]}: error: {named}: "), err


def test_the_start_a_bundle_hint_names_the_folder_as_typed(here: Path) -> None:
    _, _, err = run("info", "--partnership", "./Jane_Smith")
    assert "svduty init ./Jane_Smith --area CODE" in err


@settings(max_examples=25, deadline=None)
@given(
    st.lists(st.text("abcXYZ_-", min_size=1, max_size=6), min_size=1, max_size=3),
    st.sampled_from(["./", "", "./x/../"]),
    st.booleans(),
)
def test_any_missing_bundle_path_is_named_as_typed(
    words: list[str], head: str, slash: bool
) -> None:
    typed = head + "/".join(words) + ("/" if slash else "")
    if not read_as_path(typed) or os.path.exists(typed):
        return  # a name is screened, not named (users53's rule)
    _, _, err = run("info", f"--partnership={typed}")
    assert err.startswith(f"svduty info: error: {typed}: --partnership: "), err
