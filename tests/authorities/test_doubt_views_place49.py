"""Every view that lists an authority's record on a day says when the record is in doubt (place49).

area49 marked North Yorkshire's two fire and rescue authority records in doubt from 20
December 2023 to 6 May 2024 (SI 2023/1432 art 1(2)-(3), art 41, read two ways): the answers
said undetermined, but ``for_area``, ``by_role``, ``svduty info`` and the governance findings
listed both records without the doubt. One test, ``in_doubt_on``, now serves them all.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import svduty
from svduty.authorities import in_doubt_on
from svduty.cli import main

NY = "E06000065"
FIRE = (
    "north-yorkshire-commissioner-fire-and-rescue-authority",
    "north-yorkshire-fire-and-rescue-authority",
)
FIRST, LAST = dt.date(2023, 12, 20), dt.date(2024, 5, 6)


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("ny")
    assert main(["init", str(folder), "--area", NY], stdout=io.StringIO()) == 0
    return folder


_PARTNERSHIPS: dict[str, svduty.Partnership] = {}


def _partnership(folder: Path) -> svduty.Partnership:
    if str(folder) not in _PARTNERSHIPS:
        _PARTNERSHIPS[str(folder)] = svduty.load_partnership(folder)
    return _PARTNERSHIPS[str(folder)]


@settings(max_examples=60, deadline=None)
@given(day=st.dates(dt.date(2023, 11, 1), dt.date(2024, 7, 1)))
def test_the_records_listed_on_a_day_say_whether_they_are_in_doubt(bundle: Path, day: dt.date):
    """Fails before place49 (no in_doubt_on). Both fire records are listed on each day in
    doubt, each saying so, citing the order; on any other day no listed record is in doubt."""
    auths = _partnership(bundle).authorities
    geo = _partnership(bundle).geography
    listed = {
        "for_area": auths.for_area(NY, on=day, districts_within=geo.district_codes_within),
        "by_role": auths.by_role("specified_authority", on=day),
    }
    in_doubt = FIRST <= day <= LAST
    for view, records in listed.items():
        doubted = {a.id: in_doubt_on(a, day) for a in records if in_doubt_on(a, day)}
        assert set(doubted) == (set(FIRE) if in_doubt else set()), view
        assert all(d.citation.source.id == "si-2023-1432" for d in doubted.values())
        fire = {a.id for a in records if a.id in FIRE}
        assert fire == (set(FIRE) if in_doubt else fire), view  # both listed while in doubt


def test_info_says_which_records_are_in_doubt_and_when(bundle: Path) -> None:
    """Fails before place49: the two fire records were listed with their periods only."""
    out = io.StringIO()
    assert main(["info", "--partnership", str(bundle)], stdout=out) == 0
    text = out.getvalue()
    lines = [line for line in text.splitlines() if "[fire and rescue authority]" in line]
    assert len(lines) == 2
    assert all(line.endswith("(in doubt 2023-12-20 to 2024-05-06: see below)") for line in lines)
    section = text.split("\nIn doubt (the law read two ways", 1)[1]
    assert f"{FIRE[0]}, {FIRE[1]}: in doubt 2023-12-20 to 2024-05-06 (si-2023-1432 art 1(2)" in (
        section
    )
    out = io.StringIO()
    assert main(["info", "--partnership", str(bundle), "--format", "json"], stdout=out) == 0
    records = json.loads(out.getvalue())["authorities"]["by_role"]["specified_authority"]
    doubts = {a["id"]: a["in_doubt"] for a in records if a["in_doubt"] is not None}
    assert set(doubts) == set(FIRE)
    for d in doubts.values():
        assert d["valid"] == {"start": "2023-12-20", "end": "2024-05-07"}
        assert d["citation"]["source"] == "si-2023-1432"


def test_info_says_nothing_of_doubt_where_there_is_none() -> None:
    out = io.StringIO()
    assert main(["info"], stdout=out) == 0
    assert "in doubt" not in out.getvalue()


@pytest.fixture(scope="module")
def governed(tmp_path_factory: pytest.TempPathFactory) -> svduty.Partnership:
    sys.path.insert(0, str(Path(__file__).parents[1] / "governance"))
    try:
        from test_specified_bodies import _bundle  # today's specified authorities as members
    finally:
        sys.path.pop(0)
    return _bundle(tmp_path_factory.mktemp("governed"))


@pytest.mark.parametrize("day", ["2023-12-20", "2024-01-01", "2024-05-06"])
def test_a_governance_finding_about_a_record_in_doubt_says_so(
    governed: svduty.Partnership, day: str
) -> None:
    """Fails before place49: on a day in doubt, GOV-SPECIFIED said the commissioner's fire
    and rescue authority 'is a member of no established strategic body', an error, as if
    it surely were a specified authority that day."""
    found = governed.validate_governance(on=day)
    about = [f for f in found.findings if set(f.subjects) & set(FIRE)]
    # s.8(1)'s national check (law58a) is about it too: each finding says the record is in doubt
    assert [f.rule for f in about] == ["GOV-S8-COLLABORATE", "GOV-SPECIFIED"]
    for f in about:
        assert f.severity.value == "warning"
        assert f"held its role on {day} is undetermined: its record is in doubt" in f.message
        assert "si-2023-1432" in {c.source.id for c in f.citations}
    assert not [e for e in found.errors if set(e.subjects) & set(FIRE)]
    strict = governed.validate_governance(on=day, strict=True)
    assert [e.rule for e in strict.errors if set(e.subjects) & set(FIRE)] == [
        "GOV-S8-COLLABORATE",
        "GOV-SPECIFIED",
    ]


def test_a_finding_on_a_day_not_in_doubt_is_unchanged(governed: svduty.Partnership) -> None:
    s8, f = governed.validate_governance(on="2023-12-19").findings
    assert (s8.rule, s8.severity.value, s8.subjects) == (
        "GOV-S8-COLLABORATE",
        "warning",
        (FIRE[0], "E06000065"),
    )
    assert (f.rule, f.severity.value, f.subjects) == ("GOV-SPECIFIED", "error", (FIRE[0],))
    assert "in doubt" not in f.message + s8.message
    assert governed.validate_governance(on="2024-05-07").findings == ()
