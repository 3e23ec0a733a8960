"""One path, as ``str`` or :class:`~pathlib.Path`, is one input to every reader of paths.

A string was once iterated as its characters: ``iter_incidents("june.jsonl")`` failed on
a file named ``j``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from svduty.errors import InputFormatError
from svduty.io import iter_incidents, police_uk_paths, read_police_uk, sample_police_uk
from svduty.io._inputs import expand_inputs, path_list


@pytest.mark.parametrize("kind", [str, Path])
def test_one_incident_file_is_one_input(tmp_path: Path, kind: type) -> None:
    f = tmp_path / "june.jsonl"
    f.write_text('{"id": "a"}\n{"id": "b"}\n', encoding="utf-8")
    assert sum(b.num_rows for b in iter_incidents(kind(f))) == 2
    assert sum(b.num_rows for b in iter_incidents([kind(f), kind(f)])) == 4


@pytest.mark.parametrize("kind", [str, Path])
def test_one_police_uk_file_or_folder_is_one_input(kind: type) -> None:
    sample = sample_police_uk()
    assert police_uk_paths(kind(sample)) == [sample]
    assert police_uk_paths(kind(sample.parent)) == [sample]
    assert expand_inputs(kind(sample)).files == (sample,)
    assert sum(b.num_rows for b in read_police_uk(kind(sample))) == 4586


def test_path_list_keeps_order_and_standard_input() -> None:
    assert path_list(["b", "a", "-"]) == [Path("b"), Path("a"), Path("-")]
    assert path_list(iter(["x"])) == [Path("x")]
    assert path_list("-") == [Path("-")]


@pytest.mark.parametrize(
    "call",
    [
        lambda: list(read_police_uk("")),
        lambda: list(read_police_uk([sample_police_uk(), ""])),
        lambda: list(iter_incidents("")),
        lambda: police_uk_paths([""]),
    ],
)
def test_an_empty_string_is_refused_not_read_as_the_current_folder(call) -> None:  # type: ignore[no-untyped-def]
    """``Path("")`` is ``.``: a reader walked the whole working folder for an unset variable."""
    with pytest.raises(InputFormatError, match="not an empty string"):
        call()


@pytest.mark.parametrize(
    "call",
    [
        lambda: police_uk_paths([]),
        lambda: list(read_police_uk([])),
        lambda: list(read_police_uk(iter([]))),
        lambda: list(iter_incidents([])),
        lambda: expand_inputs(()),
    ],
)
def test_no_input_at_all_is_refused_as_an_empty_folder_is(call) -> None:  # type: ignore[no-untyped-def]
    """An empty list (a pattern that matched nothing) read as no rows, silently."""
    with pytest.raises(InputFormatError) as caught:
        call()
    assert str(caught.value) == "inputs: expected at least one file or folder (got none)"


def test_no_input_is_refused_by_the_report_too() -> None:
    from svduty import report

    with pytest.raises(InputFormatError, match="at least one file or folder"):
        report([])
