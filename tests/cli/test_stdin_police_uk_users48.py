"""``classify --input-format police-uk -`` says why it is refused (users48).

The error was "expected standard input ('-') alone, holding incidents as JSON Lines",
given to a command line where '-' was alone: the reason (a police.uk month is read from
its file, not from standard input) was not said. Each of the two refusals now says its
own reason, still with exit status 2 (the command line was wrong).
"""

from __future__ import annotations

import io

from svduty.cli import main
from svduty.io import sample_police_uk


def _run(*args: str) -> tuple[int, str]:
    err = io.StringIO()
    code = main(["classify", *args], stdout=io.StringIO(), stderr=err)
    return code, err.getvalue()


def test_police_uk_from_standard_input_names_the_reason() -> None:
    code, err = _run("--input-format", "police-uk", "-")
    assert code == 2
    assert err == (
        "svduty classify: error: <stdin>: expected a police.uk file or folder by its name: "
        "standard input ('-') holds incidents as JSON Lines\n"
    )


def test_standard_input_with_other_inputs_names_the_reason() -> None:
    code, err = _run("-", str(sample_police_uk()))
    assert code == 2
    assert err == (
        "svduty classify: error: <stdin>: expected standard input ('-') alone, not with "
        "other inputs (2 given)\n"
    )
