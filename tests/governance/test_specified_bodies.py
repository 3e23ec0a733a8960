"""GOV-SPECIFIED looks for each specified authority that exists, once per legal body.

North Yorkshire's seven districts and its county council ended on 1 April 2023 (the
county council continues as North Yorkshire Council, recorded ``same_body_as``): a
governance of today's authorities is complete, and one of the old districts' day is not.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import svduty

_CITE = 'citation = { source = "ny-agreement", provision = "Governance" }'
_SOURCE = (
    '\n[[sources]]\nid = "ny-agreement"\ntitle = "NY agreement"\nkind = "agreement"\n'
    'publisher = "x"\ndate = "2024-06-01"\n'
)


def _bundle(tmp_path: Path, leave_out: str = "") -> svduty.Partnership:
    d = tmp_path / "ny"
    svduty.new_bundle(d, ["E06000065"])
    with (d / "bundle.toml").open("a") as f:
        f.write(_SOURCE)
    p = svduty.load_partnership(d)
    current = {
        a.id
        for a in p.authorities.by_role("specified_authority", on="2025-01-01")
        if a.valid.end is None
    }
    members = sorted(current - {leave_out})
    (d / "governance.toml").write_text(
        f'[[rules]]\nid = "GOV-SPECIFIED"\nrequires = "every specified authority takes part"\n'
        f'{_CITE}\n[[bodies]]\nid = "ny-csp"\nname = "North Yorkshire CSP"\n'
        'kind = "community_safety_partnership"\nlevel = "local"\ntier = "strategic"\n'
        f'area = "E22000372"\ndistricts = ["E06000065"]\nmembers = {members!r}\n{_CITE}\n'.replace(
            "'", '"'
        )
    )
    return svduty.load_partnership(d)


def _specified_errors(p: svduty.Partnership, on: str | None) -> list[str]:
    found = p.validate_governance(on=on) if on else p.validate_governance()
    return [f.subjects[0] for f in found.errors if f.rule == "GOV-SPECIFIED"]


@pytest.mark.parametrize("on", [None, "2025-01-01"])
def test_todays_authorities_are_a_complete_governance(tmp_path: Path, on: str | None):
    assert _specified_errors(_bundle(tmp_path), on) == []


def test_on_a_day_before_the_reorganisation_the_old_authorities_are_looked_for(tmp_path: Path):
    # the county council is North Yorkshire Council (same_body_as): a member, by its new id
    districts = ("craven", "hambleton", "harrogate", "richmondshire", "ryedale", "scarborough")
    assert set(_specified_errors(_bundle(tmp_path), "2023-02-15")) == {
        *(f"{d}-council" for d in (*districts, "selby")),
        "north-yorkshire-commissioner-fire-and-rescue-authority",
    }


def test_a_current_authority_left_out_is_still_an_error(tmp_path: Path):
    assert _specified_errors(_bundle(tmp_path, "north-yorkshire-police"), None) == [
        "north-yorkshire-police"
    ]


@pytest.mark.parametrize(("second", "words"), [("Board", r"bodies\[0\] too"), ("  ", "not blank")])
def test_a_body_without_a_name_of_its_own_is_refused(second: str, words: str):
    from svduty.errors import GovernanceError
    from svduty.io import load_governance

    def body(i: str, name: str) -> dict[str, object]:
        return {
            "id": i,
            "name": name,
            "kind": "board",
            "level": "countywide",
            "citation": {"source": "pja-2006"},
        }

    data = {"bodies": [body("a", "Board"), body("b", second)], "relations": []}
    with pytest.raises(GovernanceError, match=r"g\.toml: bodies\[1\]\.name: .*" + words):
        load_governance(data, file="g.toml")


@pytest.mark.parametrize(
    ("valid", "looked_for"),
    [
        ('start = "2023-01-31"\nend = "2090-01-01"', True),  # ends later: exists today
        ('start = "2090-01-01"', False),  # planned: not yet
    ],
)
def test_without_a_day_the_authorities_of_today_are_looked_for(tmp_path: Path, valid, looked_for):
    """Without a day, the first version looked for the records with no end: a record
    ending in the future was not looked for, one starting in the future was."""
    p = _bundle(tmp_path, leave_out="north-yorkshire-police")
    a = tmp_path / "ny" / "authorities.toml"
    text = a.read_text()
    at = text.index(
        '[authorities.valid]\nstart = "2023-01-31"', text.index('"north-yorkshire-police"')
    )
    old = '[authorities.valid]\nstart = "2023-01-31"'
    a.write_text(text[:at] + f"[authorities.valid]\n{valid}" + text[at + len(old) :])
    p = svduty.load_partnership(tmp_path / "ny")
    assert ("north-yorkshire-police" in _specified_errors(p, None)) is looked_for


def test_a_body_a_member_with_confirmed_membership_through_one_record_is_not_warned():
    """The first record of a body was named even where another record of it is the
    member whose membership is confirmed: a wrong 'only through unconfirmed membership'."""
    from svduty.authorities import Authority, AuthorityCategory
    from svduty.authorities._model import one_id_per_body
    from svduty.sources import cite

    c = cite("pcsc-act-2022", "Sch 1")
    a = Authority("cc", "County", AuthorityCategory.COUNTY_COUNCIL, ["E10000031"], c)
    b = Authority(
        "fra",
        "County as FRA",
        AuthorityCategory.FIRE_AND_RESCUE_AUTHORITY,
        ["E31000045"],
        c,
        same_body_as="cc",
    )
    assert one_id_per_body([a, b], members={"cc", "fra"}, prefer={"fra"}) == ("fra",)
    assert one_id_per_body([a, b], members={"cc", "fra"}) == ("cc",)
