"""explain --row/--id that chooses nothing prints nothing on standard output (mend48b).

users48: ``svduty explain FILE --row 99999`` printed its header ("Partnership ...;
definition ...", or the HTML page's head) to standard output before the error on standard
error, so a script that kept the output of a failed command kept a fragment. The header is
now printed before the first output, and a row or id that is not there prints none.
"""

from __future__ import annotations

import io

import pytest

from svduty.cli import main
from svduty.samples import sample_path


def _explain(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["explain", *args], stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("fmt", ["text", "html", "json"])
@pytest.mark.parametrize(
    "chosen",
    [("--row", "99999"), ("--id", "no-such-incident")],
)
def test_nothing_on_stdout_when_the_chosen_incident_is_not_there(
    fmt: str, chosen: tuple[str, str]
) -> None:
    code, out, err = _explain(str(sample_path("incidents")), *chosen, "--format", fmt)
    assert code == 1
    assert out == ""
    assert "svduty explain: error:" in err


def test_nothing_on_stdout_for_a_police_uk_row_past_the_end() -> None:
    code, out, err = _explain(str(sample_path("policeuk-month")), "--row", "99999")
    assert (code, out) == (1, "")
    assert "row 99999 holds none" in err


def test_nothing_on_stdout_when_comparing_an_incident_not_there() -> None:
    code, out, _ = _explain(
        str(sample_path("incidents")), "--row", "99999", "--compare-definition", "london-vru"
    )
    assert (code, out) == (1, "")


@pytest.mark.parametrize("fmt", ["text", "html"])
def test_the_header_still_comes_first_when_a_row_is_explained(fmt: str) -> None:
    code, out, _ = _explain(str(sample_path("incidents")), "--row", "2", "--format", fmt)
    assert code == 0
    if fmt == "text":
        assert out.startswith("Partnership warwickshire; definition warwickshire\n\nIncident ")
    else:
        assert out.startswith("<!DOCTYPE html>")
        assert out.count("<!DOCTYPE html>") == 1
        assert out.rstrip().endswith("</main></body></html>")
