"""The GOV-* findings name a body or authority id only when it cannot be personal data.

An id is the bundle's own, but it was free text: a name and a phone number, an e-mail
address or a megabyte of text validated 'ok' and came back verbatim in GOV-ISOLATED,
GOV-SPECIFIED and the other findings, while other messages already screened it. A bundle
now refuses an id that is not a slug where it is read (hostile review 6); a graph built
in Python is not read from a bundle, and its findings still screen such ids. The usual
ids (lowercase words joined by hyphens) are still named: they are what a user needs.
"""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import svduty
from svduty.cli import main
from svduty.governance import Body, BodyKind, GovernanceGraph, Level, Relation, RelationKind, Tier
from svduty.io._governance import WARWICKSHIRE
from svduty.sources import cite

HOSTILE = ["Jane Smith 07700900123", "jane.smith@example.org", "7700900123", "x" * 1_000_000]


def _run(*argv: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue() + err.getvalue()


def _bundle(tmp_path: Path, file: str, old: str, new: str) -> Path:
    folder = tmp_path / "b"
    shutil.copytree(str(WARWICKSHIRE), folder)
    text = (folder / file).read_text()
    assert old in text
    (folder / file).write_text(text.replace(old, new, 1 if file == "authorities.toml" else -1))
    return folder


@pytest.mark.parametrize("hostile", HOSTILE, ids=lambda v: v[:24])
def test_a_body_id_that_could_be_personal_is_never_named(tmp_path: Path, hostile: str):
    folder = _bundle(tmp_path, "governance.toml", '"chief-officers-group"', f'"{hostile}"')
    code, said = _run("validate", str(folder))
    assert code == 1
    assert hostile not in said
    assert len(said) < 10_000
    # not an id (hostile review 6): refused where it is defined, before any finding
    assert "governance.toml: bodies[6].id: expected an id: " in said
    code, said = _run("governance", "--partnership", str(folder), "--validate")
    assert code == 1
    assert hostile not in said


@pytest.mark.parametrize("hostile", HOSTILE, ids=lambda v: v[:24])
def test_an_authority_id_that_could_be_personal_is_never_named(tmp_path: Path, hostile: str):
    old = 'id = "north-warwickshire-borough-council"'
    folder = _bundle(tmp_path, "authorities.toml", old, f'id = "{hostile}"')
    # the governance graph no longer names the old id (an unknown member is a load error):
    # the renamed authority is then a member of no body
    governance = folder / "governance.toml"
    text = governance.read_text()
    text = text.replace('"north-warwickshire-borough-council", ', "")
    text = text.replace(
        'chair = "north-warwickshire-borough-council"', 'chair = "warwickshire-county-council"'
    )
    governance.write_text(text)
    code, said = _run("validate", str(folder))
    assert code == 1
    assert hostile not in said
    # not an id (hostile review 6): refused where it is defined, before any finding
    got = f"(got a string of {len(hostile)} characters, not shown)"
    assert "authorities.toml: authorities[1].id: expected an id: " in said
    assert got in said
    code, said = _run("governance", "--partnership", str(folder), "--validate")
    assert code == 1
    assert hostile not in said


def _body(body_id: str) -> Body:
    c = cite("svd-guidance")
    return Body(body_id, "A board", BodyKind.BOARD, Level.LOCAL, c, tier=Tier.STRATEGIC)


@pytest.mark.parametrize("hostile", HOSTILE[:3])
def test_every_finding_of_the_api_screens_its_ids(hostile: str):
    relations = [
        Relation(RelationKind.OVERSEES, hostile, "board", cite("svd-guidance")),
        Relation(RelationKind.OVERSEES, "board", hostile, cite("svd-guidance")),
        Relation(RelationKind.FUNDS, "home-office", hostile, cite("svd-guidance")),
    ]
    graph = GovernanceGraph.of([_body(hostile), _body("board"), _body("home-office")], relations)
    found = graph.validate(
        specified_authorities=(hostile, "police"),
        districts=("E07000218",),
        rules=svduty.warwickshire().governance_rules,  # every practice check
    )
    texts = [str(f) for f in found] + [found.text(), found._repr_html_()]
    assert not [t for t in texts if hostile in t]
    rules = {f.rule for f in found}
    assert {"GOV-CYCLE", "GOV-SPECIFIED", "GOV-PATH", "GOV-GRANT"} <= rules
    assert any("specified authority police is" in f.message for f in found)  # a usual id
    # a program is given the ids as they are, to act on
    assert any(hostile in f.as_dict()["subjects"] for f in found)


@given(
    st.lists(
        st.sampled_from(["nhs", "greater", "manchester", "care", "board", "2024"]),
        min_size=2,
        max_size=20,
    )
)
def test_an_id_of_words_is_named_up_to_the_length_an_id_may_have(words):
    from svduty._shown import named

    value = "-".join(words)
    # an id of words: a word among them, at most 8 digits
    assume(any(w.isalpha() for w in words) and sum(w.isdigit() for w in words) <= 2)
    assert (named(value, "an id") == value) is (len(value) <= 100)


@pytest.mark.parametrize(
    ("changes", "says"),
    [
        ('changes = [1, "Jane Smith"]', "changes[1]: expected a table of key = value pairs"),
        ('[[changes]]\nop = "Jane Smith"', "changes[0].op: expected one of abolish_authority"),
        ('[[changes]]\nop = "add_bdy"', "(did you mean add_body?)"),
    ],
)
def test_a_change_that_is_no_table_or_no_op_is_said_so_and_not_shown(
    tmp_path: Path, changes: str, says: str
) -> None:
    """A list of values said 'changes[0].op: expected one of ...', and an op of free text
    came back verbatim (the fortieth session's hostile review)."""
    scenario = tmp_path / "s.toml"
    scenario.write_text(f'name = "s"\ntitle = "S"\n{changes}\n', encoding="utf-8")
    code, err = _run("governance", "--scenario", str(scenario), "--validate")
    assert code == 1
    assert says in err
    assert "Jane" not in err
