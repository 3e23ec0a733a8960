"""``svduty init`` names a London borough's council without a formal style (hostile60).

It wrote "London Borough of Westminster council": the City of Westminster's council is
Westminster City Council, and Kensington and Chelsea's, Kingston's and Greenwich's are
Royal Boroughs'. The placeholder says what svduty knows, as a district's and a Welsh
council's do ("Rugby council (district)", "Cardiff council (county)"); the formal name
stays unconfirmed, with the doubt that says so.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli_run import run


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("E09000033", "Westminster"),
        ("E09000020", "Kensington and Chelsea"),
        ("E09000007", "Camden"),
    ],
)
def test_a_london_borough_council_is_named_by_its_area_and_kind(
    tmp_path: Path, code: str, name: str
) -> None:
    code_, _, err = run("init", tmp_path / "b", "--area", code)
    assert code_ == 0, err
    text = (tmp_path / "b" / "authorities.toml").read_text(encoding="utf-8")
    assert f'name = "{name} council (London borough)"' in text
    assert "London Borough of" not in text
    assert "formal name" in text  # the doubt the placeholder keeps
