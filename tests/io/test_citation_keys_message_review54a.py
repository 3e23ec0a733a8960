"""A citation's unknown keys are named in a sentence that reads (users54's found and not fixed).

``validate`` said "unknown citation key(s) 1 key not shown (of 1 character)": the count of
keys not shown followed the words "key(s)" with nothing between. Both readers of a citation
(a bundle's records, the table of earlier areas) now say "keys a citation does not take: "
and then the keys, a key that could be personal data by its size only.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
import tomli_w

import svduty
from svduty.areas._earlier import read_earlier_areas
from svduty.errors import AreaError
from tests.cli_run import run

LEAD = 'citation = { source = "warwickshire-partnership-agreement", provision = '


@pytest.mark.parametrize(
    ("key", "said"),
    [
        ("Ø", "1 key not shown (of 1 character)"),
        ("Jane Smith", "1 key not shown (of 10 characters)"),
    ],
)
def test_validate_names_a_bundles_citation_keys_in_a_sentence(
    tmp_path: Path, key: str, said: str
) -> None:
    bundle = tmp_path / "b"
    shutil.copytree(svduty.sample_path("warwickshire-bundle"), bundle)
    path = bundle / "authorities.toml"
    text = path.read_text("utf-8")
    assert text.count(LEAD) >= 1
    path.write_text(text.replace(LEAD, LEAD.replace("{ ", f'{{ "{key}" = "x", '), 1), "utf-8")
    code, out, _ = run("validate", bundle)
    assert code == 1
    assert f"citation: keys a citation does not take: {said}; expected" in out
    assert "key(s) 1 key" not in out
    assert key not in out


def test_the_earlier_areas_table_names_its_citation_keys_in_a_sentence(tmp_path: Path) -> None:
    row = {
        "code": "E07000004",
        "name": "Aylesbury Vale",
        "successors": ["E06000060"],
        "ceased": dt.date(2020, 4, 1),
        "citation": {"source": "si-2019-957", "provision": "art 4(1)", "Ø": "x"},
    }
    path = tmp_path / "ceased.toml"
    path.write_text(tomli_w.dumps({"areas": [row]}), "utf-8")
    with pytest.raises(AreaError) as err:
        read_earlier_areas(path)
    (problem,) = err.value.problems
    assert problem.field == "citation"
    assert str(problem.message) == "keys a citation does not take: 1 key not shown (of 1 character)"
