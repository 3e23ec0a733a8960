"""An unknown source a citation names gets a did-you-mean, as an unknown key does.

A researcher's ``governance.toml`` cited ``cardiff-partnership-agreemnt``: ``svduty
validate`` said ``unknown source`` and nothing more, where a misspelt key of the same
table (``reasn``) is told ``(did you mean reason?)``. One mechanism for both
(:func:`svduty.io._structural.meant`, ``svduty._near``'s guess): the source the
citation nearly spells, from the bundle's ``[[sources]]`` or the national catalogue,
and only for a word that is shown (users60).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from svduty.errors import DataError
from svduty.io._converter import make_converter
from svduty.io._structural import meant
from svduty.sources import CATALOGUE, Citation, Source, SourceKind

from ..cli_run import run

OWN = "cardiff-partnership-agreement"
GOVERNANCE = """\
[[bodies]]
id = "cardiff-board"
name = "Cardiff board"
kind = "board"
level = "local"
districts = ["W06000015"]
members = ["cardiff-council", "south-wales-police"]
citation = {{ source = "{source}", provision = "1" }}
"""


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A bundle from ``svduty init`` declaring a source of its own, and a governance.toml."""
    folder = tmp_path_factory.mktemp("new") / "cardiff"
    code, _, err = run("init", folder, "--area", "Cardiff")
    assert code == 0, err
    with (folder / "bundle.toml").open("a", encoding="utf-8") as f:
        f.write(f'\n[[sources]]\nid = "{OWN}"\ntitle = "Agreement"\nkind = "report"\n')
    return folder


@pytest.mark.parametrize(
    ("cited", "guess"),
    [
        ("cardiff-partnership-agreemnt", OWN),  # the bundle's own source, one letter out
        ("pcsc-act-2002", "pcsc-act-2022"),  # a national source
    ],
)
def test_validate_says_the_source_a_citation_nearly_names(bundle: Path, cited, guess):
    (bundle / "governance.toml").write_text(GOVERNANCE.format(source=cited), encoding="utf-8")
    code, out, _ = run("validate", bundle)
    assert code == 1
    assert f"bodies[0].citation: unknown source: {cited} (did you mean {guess}?); " in out
    (bundle / "governance.toml").write_text(GOVERNANCE.format(source=guess), encoding="utf-8")
    assert "unknown source" not in run("validate", bundle)[1]  # the guess can be cited


def test_no_guess_for_a_word_not_shown_or_near_nothing():
    conv = make_converter(CATALOGUE.extend([Source(OWN, "Agreement", SourceKind.REPORT)]))
    for cited, said in [("Jane Citizen", "a string of 12 characters, not shown"), ("colour",) * 2]:
        with pytest.raises(DataError) as caught:
            conv.structure({"source": cited, "provision": "1"}, Citation)
        assert caught.value.problems[0].message == f"unknown source: {said}"  # no guess
    assert meant("pcsc-act-2002", CATALOGUE) == " (did you mean pcsc-act-2022?)"
