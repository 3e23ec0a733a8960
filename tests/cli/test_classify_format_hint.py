"""``classify --format json``: the other commands' ``--format`` is their output's.

A user who wrote ``--format json`` on ``info``, ``validate``, ``funding``, ``governance``
and ``explain`` wrote it on ``classify`` too, and was told only ``invalid choice: 'json'
(choose from 'auto', 'police-uk', 'incidents')``: nothing said where the summary's JSON
is. The error now says that ``--format`` is the inputs' here and names the option wanted.
"""

from __future__ import annotations

import pytest

from svduty.io import sample_police_uk

from ..cli_run import run


@pytest.mark.parametrize(
    ("value", "wanted"),
    [
        ("json", "--summary json"),
        ("text", "--summary text"),
        ("csv", "--output-format csv"),
        ("parquet", "--output-format parquet"),
        ("jsonl", "--output-format jsonl"),
    ],
)
@pytest.mark.parametrize("option", ["--format", "--input-format"])
def test_an_output_format_given_as_the_input_format_names_the_option_wanted(
    option: str, value: str, wanted: str
) -> None:
    code, out, err = run("classify", sample_police_uk(), option, value)
    assert (code, out) == (2, "")
    last = err.splitlines()[-1]
    assert last.startswith("svduty classify: error: argument --input-format/--format: ")
    assert "the inputs' format (auto, police-uk, incidents)" in last
    assert wanted in last
    assert "Traceback" not in err


def test_another_value_is_refused_as_before_and_the_formats_still_parse() -> None:
    code, _, err = run("classify", sample_police_uk(), "--format", "xml")
    assert code == 2
    assert "invalid choice: 'xml' (choose from 'auto', 'police-uk', 'incidents')" in err
    code, _, _ = run("classify", sample_police_uk(), "--format", "police-uk", "--summary", "json")
    assert code == 0


@pytest.mark.parametrize("value", ["csv", "parquet", "jsonl"])
@pytest.mark.parametrize("option", ["--format", "--input-format"])
def test_a_file_type_given_as_the_input_format_is_not_called_an_output_format(
    option: str, value: str
) -> None:
    """CSV, Parquet and JSON Lines are files classify reads too (diff43): the error says
    the inputs' file type is read from their suffix, and what the option would be for
    the rows written, without calling the file type an output format only."""
    code, out, err = run("classify", sample_police_uk(), option, value)
    assert (code, out) == (2, "")
    last = err.splitlines()[-1]
    assert "is an output format" not in last
    assert "from their suffix" in last
    assert f"--output-format {value}" in last
