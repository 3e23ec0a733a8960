"""GOV-CSP-RESPONSIBLE names the record's source without a stray space (diff44).

A partnership's membership cited to an Act with no provision was said to be cited "to
pja-2006 , do not list it": the provision's empty text left a space before the comma.
"""

from __future__ import annotations

import io
from pathlib import Path

from svduty.cli import main
from svduty.io import load_partnership

CSP = (
    '[[bodies]]\nid = "csp"\nname = "CSP"\nkind = "community_safety_partnership"\n'
    'level = "local"\ntier = "strategic"\ndistricts = ["E07000218"]\n'
    'members = ["warwickshire-police"]\ncitation = { source = "pja-2006"%s }\n'
)


def _messages(tmp_path: Path, provision: str) -> list[str]:
    folder = tmp_path / "b"
    assert main(["init", str(folder), "--area", "E07000218"], stdout=io.StringIO()) == 0
    (folder / "governance.toml").write_text(CSP % provision, encoding="utf-8")
    found = load_partnership(folder).validate_governance().findings
    return [f.message for f in found if f.rule == "GOV-CSP-RESPONSIBLE"]


def test_a_source_cited_with_no_provision_is_named_alone(tmp_path: Path) -> None:
    said = _messages(tmp_path, "")
    assert said
    assert all("cites to pja-2006, do not list it" in m for m in said), said
    assert not any(" ," in m for m in said)


def test_a_provision_is_named_after_its_source(tmp_path: Path) -> None:
    said = _messages(tmp_path, ', provision = "s.1"')
    assert said
    assert all("cites to pja-2006 s.1, do not list it" in m for m in said), said


def test_a_what_if_names_the_source_alone_too(tmp_path: Path) -> None:
    from svduty.governance import ChangeBody, Scenario

    folder = tmp_path / "w"
    assert main(["init", str(folder), "--area", "E07000218"], stdout=io.StringIO()) == 0
    members = '"north-warwickshire-council", "warwickshire-county-council", "warwickshire-police"'
    text = (CSP % "").replace('"warwickshire-police"', members)
    (folder / "governance.toml").write_text(text, encoding="utf-8")
    p = load_partnership(folder)
    w = p.what_if(Scenario("s", "S", [ChangeBody("csp", remove_members=["warwickshire-police"])]))
    (said,) = [
        f.message
        for f in w.findings
        if f.rule == "GOV-CSP-RESPONSIBLE" and "warwickshire-police" in f.subjects
    ]
    assert "the record cites to pja-2006, no longer lists it" in said
