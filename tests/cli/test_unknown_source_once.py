"""An unknown source is said once per file, however many citations name it.

A new user copied a published definition into a bundle from ``svduty init`` without its
sources: ``svduty validate`` printed one identical "unknown source" line per citation
(twelve for Norfolk's). The text says it once, with how many places cite it; the JSON
document (``validate/1``) and ``DataError.problems`` still list each citation. It did not
say how a bundle declares a source (a researcher's review, forty-fourth session): it
names ``bundle.toml``'s ``[[sources]]`` table and the fields a source needs.
"""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path

import pytest

import svduty
from svduty.errors import BundleError, DataError, Problem

from ..cli_run import run

NORFOLK = resources.files("svduty") / "data" / "definitions" / "norfolk.toml"
SOURCE = "norfolk-pcc-serious-violence"
SAID = (
    f"definition.toml: unknown source: {SOURCE} (cited 12 times: citation, "
    "include[0].citation, include[1].citation and 9 more); expected the id of a national "
    "source or of one the bundle declares (a [[sources]] table in bundle.toml: id, title, "
    "kind)\n"
)


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A bundle from ``svduty init`` with Norfolk's definition copied in, its id its own."""
    folder = tmp_path_factory.mktemp("new") / "derbyshire"
    code, _, err = run("init", folder, "--area", "Derbyshire")
    assert code == 0, err
    text = NORFOLK.read_text(encoding="utf-8")
    text = re.sub(r'^id = "norfolk"$', 'id = "derbyshire-sv"', text, count=1, flags=re.M)
    (folder / "definition.toml").write_text(text, encoding="utf-8")
    return folder


def test_validate_says_an_unknown_source_once_with_how_often_it_is_cited(bundle: Path):
    code, out, err = run("validate", bundle)
    assert (code, out) == (1, f"{bundle}/{SAID}")  # the file as it can be opened (users55)
    assert err == "svduty validate: error: 1 problem(s) in the bundle, listed on standard output\n"


def test_the_json_document_still_lists_each_citation(bundle: Path):
    code, out, err = run("validate", bundle, "--format", "json")
    assert code == 1
    document = json.loads(out)
    assert document["svduty_schema"] == "validate/1"
    problems = document["problems"]
    assert len(problems) == 12
    assert {tuple(sorted(p)) for p in problems} == {("field", "file", "problem", "row")}
    assert problems[0]["field"] == "citation"
    assert problems[-1]["field"] == "kinds[1].citation"
    assert {p["problem"] for p in problems} == {
        f"unknown source: {SOURCE}; expected the id of a national source or of one the "
        "bundle declares (a [[sources]] table in bundle.toml: id, title, kind)"
    }
    assert err == "svduty validate: error: 1 problem(s) in the bundle, listed on standard output\n"


def test_another_command_says_it_once_too_and_the_error_keeps_each(bundle: Path):
    code, _, err = run("info", "--partnership", bundle)
    # named by the bundle's path, as the CLI names every file it was given (mend49b);
    # validate's report on its own bundle, and the library's error, keep the bare name
    assert (code, err) == (1, f"svduty info: error: {bundle}/{SAID}")
    with pytest.raises(BundleError) as caught:
        svduty.load_partnership(bundle)
    assert len(caught.value.problems) == 12
    assert str(caught.value) == SAID.rstrip("\n")


def test_a_source_cited_once_keeps_its_field_and_sources_stay_apart():
    from svduty.errors import sources_once  # not at start: the tests above fail without it

    one = Problem(f"unknown source: {SOURCE}", "definition.toml", field="citation")
    other = Problem("unknown source: other", "definition.toml", field="kinds[0].citation")
    again = Problem("unknown source: other", "definition.toml", field="kinds[1].citation")
    elsewhere = Problem("unknown source: other", "areas.toml", field="local_area.citation")
    name = Problem(file="definition.toml", field="name", expected="a name")
    found = [str(p) for p in sources_once([one, other, name, again, elsewhere])]
    assert found == [
        f"definition.toml: citation: unknown source: {SOURCE}",
        "definition.toml: unknown source: other (cited 2 times: kinds[0].citation and "
        "kinds[1].citation)",
        "definition.toml: name: expected a name",
        "areas.toml: local_area.citation: unknown source: other",
    ]
    # other problems said alike in many fields are each a fix of their own: kept
    ids = [Problem(file="a.toml", field=f"x[{i}].id", expected="an id") for i in range(3)]
    assert sources_once(ids) == ids
    assert str(DataError(ids)).count("\n") == 2
