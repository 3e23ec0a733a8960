"""Starting bundles for any area (svduty init / new_bundle), and completeness checks."""

from __future__ import annotations

import csv
import io
import json
import shutil
import tomllib
from collections import Counter
from pathlib import Path

import pytest

import svduty
from svduty.areas import AreaKind, Geography
from svduty.cli import main
from svduty.definitions import STATUTE
from svduty.errors import BundleError
from svduty.io import (
    check_completeness,
    default_pipeline,
    load_partnership,
    new_bundle,
    read_police_uk,
    validate_bundle,
)
from svduty.io._bundle import _checked
from svduty.io._summary import Tally
from tests import traced_examples

SHARED = Path(__file__).resolve().parents[3] / "shared" / "data"
if not SHARED.exists():  # a worktree under /work: shared/ is beside it
    SHARED = Path("/work/shared/data")
EW = Geography.england_and_wales()
FORCES = [a.code for a in EW.all("police_force_area")]


def _check(path: Path, codes: list[str]) -> svduty.Partnership:
    # validate_bundle(path) == [] with the partnership it loaded, not loaded again (ci62b):
    # its problems include check_completeness's errors (completeness_problems), so the
    # partnership is complete too (load_partnership is the same _load)
    p, problems = _checked(path)
    assert problems == []
    assert p is not None
    want = sorted({d.id for c in codes for d in EW.districts_within(c)})
    assert sorted(p.local_area.districts) == want
    geo = p.geography
    for d in want:  # every CSP, force, ICB / health board and FRA of every district
        for parent in EW.parents(d):
            if parent.kind is not AreaKind.REGION:
                assert parent.id in geo, (d, parent.id)
                assert geo.contains(parent.id, d)
    for d in want:  # the districts of each CSP, in the area or not, as in the tables
        for csp in EW.parents(d, "community_safety_partnership"):
            assert set(geo.district_codes_within(csp.id)) == set(EW.district_codes_within(csp.id))
    return p


# Coverage traces these eleven forces' bundles: together they reach every line and branch
# the 43 reach (ci60a: each force's arcs recorded in a coverage context of its own, then a
# greedy cover from the first three and the last); tracing all 43 took 28 s of CI's CPU.
TRACED_FORCES = frozenset(
    {"E23000001", "E23000002", "E23000003", "W15000004", "E23000009", "E23000035"}
    | {"E23000039", "E23000034", "W15000001", "E23000027", "E23000015"}
)


def _force(path: Path, code: str) -> int:
    p = _check(new_bundle(path / code, [code]), [code])
    assert any(a.category.value == "chief_officer_of_police" for a in p.authorities)
    return len(p.local_area.districts)


def test_all_43_police_force_areas(tmp_path):
    assert len(FORCES) == 43
    assert TRACED_FORCES.issubset(FORCES)
    seen = 0
    for code in FORCES:  # the rest made, validated, loaded and checked alike, untraced
        seen += traced_examples.call(code in TRACED_FORCES, _force, tmp_path, code)
    assert seen == 318  # every local government area of England and Wales, once


SAMPLE = [
    ["E22000359"],  # South Warwickshire: one CSP, two districts
    ["E22000303"],  # Aylesbury Vale: one of Buckinghamshire's four CSPs
    ["E22000367"],  # Dorset CSP: Dorset and part of BCP
    ["E22000031", "E22000033"],  # two CSPs of Cumberland
    ["W14000023"],  # a Welsh CSP across two principal areas
    ["E06000058"],  # BCP
    ["E06000061"],  # North Northamptonshire
    ["E06000053"],  # the Isles of Scilly
    ["E09000001", "E09000033"],  # the City of London and Westminster
    ["E08000026"],  # Coventry
    ["W06000005"],  # Flintshire
    ["E10000031"],  # Warwickshire county
    ["E07000121"],  # Lancaster (two-tier)
    ["Leicester", "Leicestershire", "Rutland"],  # by name
]


@pytest.mark.parametrize("codes", SAMPLE, ids="+".join)
def test_a_sample_of_csps_unitaries_and_districts(tmp_path, codes):
    ids = [EW.find(c).id if c not in EW else c for c in codes]
    p = _check(new_bundle(tmp_path / "b", codes), ids)
    cats = Counter(a.category.value for a in p.authorities)
    assert cats["provider_of_probation_services"] == 1
    assert cats["youth_offending_team"] >= 1
    assert cats["local_policing_body"] >= 1
    assert p.definition is None  # the statute's definition applies


def test_the_councils_schedule_1_implies(tmp_path):
    p = load_partnership(new_bundle(tmp_path / "l", ["E09000001", "E06000053", "W06000005"]))
    cats = {a.areas[0]: a.category.value for a in p.authorities if "council" in a.category.value}
    assert cats["E09000001"] == "common_council"
    assert cats["E06000053"] == "council_of_the_isles_of_scilly"
    assert cats["W06000005"] == "welsh_county_council"
    wrexham = load_partnership(new_bundle(tmp_path / "w", ["W06000006"]))
    assert "welsh_county_borough_council" in {a.category.value for a in wrexham.authorities}
    lancs = load_partnership(new_bundle(tmp_path / "t", ["E07000121"]))
    assert {a.category.value for a in lancs.authorities} >= {"district_council", "county_council"}
    yot = next(a for a in lancs.authorities if a.category.value == "youth_offending_team")
    assert yot.areas == ("E10000017",)  # established by Lancashire County Council
    unconfirmed = [a for a in lancs.authorities if a.citation.confidence.value == "unconfirmed"]
    assert all(a.citation.doubt for a in unconfirmed)
    assert len(unconfirmed) >= 5


def test_bad_areas_are_named(tmp_path):
    with pytest.raises(BundleError) as info:
        new_bundle(tmp_path / "x", ["E07999999", "E12000005", "E01031180"])
    assert [p.field for p in info.value.problems] == ["areas[0]", "areas[1]", "areas[2]"]
    with pytest.raises(BundleError, match="at least one"):
        new_bundle(tmp_path / "x", [])
    new_bundle(tmp_path / "y", ["E07000220"])
    with pytest.raises(BundleError, match="empty folder"):
        new_bundle(tmp_path / "y", ["E07000220"])
    assert new_bundle(tmp_path / "y", ["E07000221"], overwrite=True, name="s").is_dir()
    assert load_partnership(tmp_path / "y").name == "s"


def test_validate_rejects_a_missing_specified_authority(tmp_path):
    path = new_bundle(tmp_path / "b", ["E07000220"])
    text = (path / "authorities.toml").read_text()
    text = text.replace('category = "county_council"', 'category = "other_partner"')
    (path / "authorities.toml").write_text(text)
    found = [str(p) for p in validate_bundle(path)]
    # the county's youth offending team is now established by no council (CDA 1998 s.42(1))
    assert found[0].startswith(
        "authorities.toml: authorities[7].established_by[0]: BUNDLE-YOT-COUNCIL: youth "
        "offending team warwickshire-youth-justice-service: established by "
        "warwickshire-county-council, an other partner, not a council"
    )
    assert found[1:] == [
        "authorities.toml: authorities: BUNDLE-SPECIFIED: no county council for E07000220 "
        "(Rugby): a specified authority of the 'Local government' table (county council) "
        "for E07000220 (Sch 1)",
        # so the team is no team established under s.39: Rugby has none recorded (Sch 1)
        "authorities.toml: authorities: BUNDLE-SPECIFIED: no youth offending team for "
        "E07000220 (Rugby): a specified authority of the 'Criminal justice' table (youth "
        "offending team) for E07000220 (Sch 1)",
    ]


def test_validate_rejects_unknown_codes_and_wrong_kinds_in_every_file(tmp_path):
    path = tmp_path / "w"
    shutil.copytree(Path(svduty.__file__).parent / "data" / "warwickshire", path)
    gov = (path / "governance.toml").read_text()
    gov = gov.replace('districts = ["E07000220"]', 'districts = ["E07999999"]', 1)
    gov = gov.replace('districts = ["E07000218"', 'districts = ["E22000321"', 1)
    (path / "governance.toml").write_text(gov)
    auth = (path / "authorities.toml").read_text()
    auth = auth.replace('areas = ["E07000218"]', 'areas = ["E10000031"]', 1)
    (path / "authorities.toml").write_text(auth)
    out, err = io.StringIO(), io.StringIO()
    assert main(["validate", str(path)], stdout=out, stderr=err) == 1
    lines = out.getvalue().splitlines()  # a bundle's findings are the command's output
    assert any(
        line.startswith(f"{path / 'governance.toml'}: bodies[")  # as typed (users55)
        and "BUNDLE-GSS: E07999999 is not an area of the bundle or of England and Wales" in line
        for line in lines
    )
    assert any("BUNDLE-GSS: E22000321 is a community safety partnership" in x for x in lines)
    assert (
        f"{path / 'authorities.toml'}: authorities[1].areas[0]: BUNDLE-CATEGORY-AREA: "
        "north-warwickshire-borough-council is a district council but E10000031 is a county "
        "(expected district or metropolitan district or unitary)"
    ) in lines
    assert any(
        "BUNDLE-SPECIFIED: no " in x and "E07000218 (North Warwickshire)" in x for x in lines
    )
    assert len(lines) == 4  # every problem of every file, in one run


def test_svduty_init(tmp_path):
    out, err = io.StringIO(), io.StringIO()
    code = main(["init", str(tmp_path / "tv"), "--area", "E23000029"], stdout=out, stderr=err)
    assert code == 0, err.getvalue()
    assert "local government areas (13)" in out.getvalue()
    assert main(["validate", str(tmp_path / "tv")], stdout=io.StringIO()) == 0
    err = io.StringIO()
    assert main(["init", str(tmp_path / "x"), "--area", "E99"], stderr=err) == 1
    assert err.getvalue().startswith("svduty init: error: --area: unknown area")


def test_examplshire_is_packaged_and_equal_to_the_test_copy():
    p = load_partnership("examplshire")
    assert p.local_area.areas() == ("Exton", "Sampleford-on-Sea")
    packaged = Path(svduty.__file__).parent / "data" / "examplshire"
    test_copy = Path(__file__).parents[1] / "data" / "example-bundle"
    for f in test_copy.glob("*.toml"):
        assert (packaged / f.name).read_text() == f.read_text()
    assert validate_bundle("examplshire") == []


def _independent_join(files: list[Path], districts: set[str]) -> tuple[Counter[str], int, int]:
    lad = {}
    with (SHARED / "ons" / "national" / "lsoa21-ward24-lad24.csv").open() as fh:
        for r in csv.DictReader(fh):
            lad[r["lsoa21_code"]] = (r["ltla24_code"], r["ltla24_name"])
    with (SHARED / "ons" / "national" / "lsoa11-lsoa21-lad22.csv").open() as fh:
        for r in csv.DictReader(fh):
            lad.setdefault(r["lsoa11_code"], lad[r["lsoa21_code"]])
    names: Counter[str] = Counter()
    inside = outside = 0
    for f in files:
        with f.open(newline="") as fh:
            for r in csv.DictReader(fh):
                code = r["LSOA code"]
                if not code:
                    continue
                district, name = lad[code]
                names[name] += 1
                if district in districts:
                    inside += 1
                else:
                    outside += 1
    return names, inside, outside


@pytest.mark.parametrize("force", ["E23000014", "E23000017"])
def test_a_police_uk_file_classified_against_another_area(tmp_path, force):
    """Warwickshire Police's months, classified against West Midlands (and its own)."""
    files = sorted((SHARED / "policeuk").glob("*.csv"))
    p = load_partnership(new_bundle(tmp_path / "b", [force]))
    pipe = default_pipeline(p, definition=STATUTE)
    tally = Tally()
    for batch in read_police_uk(files):
        tally.count_in(batch.num_rows)
        tally.count_out(pipe(batch))
    s = tally.summary()
    names, inside, outside = _independent_join(files, set(p.local_area.districts))
    assert s.inside_area == inside
    assert s.outside_area == outside
    assert {k: v for k, v in s.by_district.items() if v} == dict(names)
    if force == "E23000014":  # Coventry and Birmingham rows are inside West Midlands
        assert 0 < inside < outside
        assert names["Coventry"] > 0


def test_copying_a_bundle_keeps_it_valid(tmp_path):
    path = new_bundle(tmp_path / "b", ["E22000359"])
    shutil.copytree(path, tmp_path / "c")
    assert validate_bundle(tmp_path / "c") == []


def test_completeness_of_a_partnership_built_in_code_and_lsoa_codes_in_files(tmp_path):
    import attrs

    p = load_partnership(new_bundle(tmp_path / "b", ["E07000220"]))
    assert check_completeness(attrs.evolve(p, bundle_path=None)).ok  # no files to scan
    gov = tmp_path / "b" / "bundle.toml"
    gov.write_text(gov.read_text().replace('name = "b"', 'name = "b"\n#'))
    (tmp_path / "b" / "scenarios").mkdir()
    assert validate_bundle(tmp_path / "b") == []
    from svduty.authorities._areas_served import area_kind as _kind_of

    assert _kind_of(p.geography, "E01025125") is AreaKind.LSOA2021  # an LSOA elsewhere
    assert _kind_of(p.geography, "E07000121") is AreaKind.DISTRICT  # a district elsewhere
    assert _kind_of(p.geography, "E07999999") is None


def test_init_into_a_file_is_a_bundle_error_naming_it(tmp_path):
    f = tmp_path / "notes.txt"
    f.write_text("mine")
    with pytest.raises(BundleError, match=r"notes\.txt: a file is there; expected a folder"):
        new_bundle(f, ["E07000220"])
    err = io.StringIO()
    assert main(["init", str(f), "--area", "E07000220"], stderr=err) == 1
    assert "File exists" not in err.getvalue()
    assert f.read_text() == "mine"


def test_validate_finds_a_youth_offending_team_off_its_councils_areas(tmp_path):
    path = new_bundle(tmp_path / "rugby", ["E07000220"])
    out, err = io.StringIO(), io.StringIO()
    assert main(["validate", str(path)], stdout=out, stderr=err) == 0, err.getvalue()
    auth = (path / "authorities.toml").read_text()
    yot = auth.index('category = "youth_offending_team"')
    # the team now serves Warwick, which its county council (Warwickshire) covers, but not
    # the county: its areas are no longer those of the council that established it
    auth = auth[:yot] + auth[yot:].replace('"E10000031"', '"E07000222"', 1)
    (path / "authorities.toml").write_text(auth)
    out, err = io.StringIO(), io.StringIO()
    assert main(["validate", str(path)], stdout=out, stderr=err) == 1
    assert "BUNDLE-YOT-AREAS" in out.getvalue()


def test_the_national_geography_lists_the_lsoas_of_any_area():
    from svduty.areas import Geography

    ew = Geography.england_and_wales()
    examplshire = svduty.load_partnership("examplshire")  # made up: no LSOAs anywhere
    assert examplshire.geography.lsoas("E07000901") == ()
    leeds21 = ew.lsoas("E08000035", 2021)
    assert len(leeds21) > 400
    assert all(a.kind.is_lsoa and a.parents[0] == "E08000035" for a in leeds21)
    assert len(ew.lsoas("W06000015", 2011)) == 214
    assert len(ew.lsoas("W06000015", 2021)) == 218  # as svduty info counts them


def test_districts_within_is_the_districts_among_the_children():
    p = svduty.warwickshire()
    geo = p.geography
    for area in geo.all():
        if area.kind.is_lsoa or area.kind.is_local_government_area:
            continue
        want = tuple(a for a in geo.children(area.id) if a.kind.is_local_government_area)
        assert geo.districts_within(area.id) == want, area.id
    from svduty.areas import Geography

    ew = Geography.england_and_wales()
    assert [a.id for a in geo.districts_within("E23000001")] == [  # outside: the national tables
        a.id for a in ew.districts_within("E23000001")
    ]
    assert len(ew.districts_within("E23000001")) == 32


@pytest.mark.parametrize(
    ("area", "old", "new", "expected"),
    [
        (
            "W06000015",  # Cardiff: its fire and rescue authority recorded in England
            '"W25000003",\n]\nnation = "wales"',
            '"W25000003",\n]\nnation = "england"',
            "is recorded in England but its area W25000003 is in Wales",
        ),
        (
            "E07000105",  # Ashford (Kent): its fire and rescue authority recorded in Wales
            '"E31000022",\n]\nnation = "england"',
            '"E31000022",\n]\nnation = "wales"',
            "is recorded in Wales but its area E31000022 is in England",
        ),
    ],
)
def test_validate_rejects_a_nation_its_areas_contradict(tmp_path, area, old, new, expected):
    """The nation decides, for one, whether a direction needs the Welsh Ministers' consent
    (s.18(4)): a nation the authority's GSS codes contradict is an error, not ok."""
    path = new_bundle(tmp_path / "b", [area])
    text = (path / "authorities.toml").read_text()
    assert old in text
    (path / "authorities.toml").write_text(text.replace(old, new))
    problems = [str(p) for p in validate_bundle(path)]
    assert any("BUNDLE-NATION" in p and expected in p for p in problems), problems
    assert validate_bundle(new_bundle(tmp_path / "ok", [area])) == []


def test_validate_checks_the_specified_authorities_over_the_local_areas_period(tmp_path):
    """A chief officer of police whose record ends in 2024 leaves every district without one
    from then: an error naming the day, not 'ok' (fresh hostile review)."""
    path = new_bundle(tmp_path / "kent", ["E10000016"])
    text = (path / "authorities.toml").read_text()
    at = text.index('id = "kent-police"')
    start = text.index('start = "2023-01-31"', at) + len('start = "2023-01-31"')
    (path / "authorities.toml").write_text(text[:start] + '\nend = "2024-01-01"' + text[start:])
    problems = [str(p) for p in validate_bundle(path)]
    assert problems
    assert all(
        "BUNDLE-SPECIFIED: no chief officer of police for E07" in p and " from 2024-01-01: " in p
        for p in problems
    ), problems


def test_validate_rejects_area_records_the_ons_tables_contradict(tmp_path):
    """A police area code swapped for England's Warwickshire in a Cardiff bundle, and a
    district renamed: both validated ok before (fresh hostile review)."""
    path = new_bundle(tmp_path / "c", ["W06000015"])
    areas = path / "areas.toml"
    areas.write_text(areas.read_text().replace("W15000003", "E23000017"))
    (path / "authorities.toml").write_text(
        (path / "authorities.toml").read_text().replace("W15000003", "E23000017")
    )
    problems = [str(p) for p in validate_bundle(path)]
    assert any(
        "BUNDLE-ONS: the ONS tables put W06000015 (Cardiff) in W15000003, not in E23000017 "
        "(a police force area)" in p
        for p in problems
    ), problems
    assert any("BUNDLE-ONS: E23000017 is Warwickshire in the ONS tables" in p for p in problems)

    renamed = new_bundle(tmp_path / "r", ["W06000015"])
    text = (renamed / "areas.toml").read_text()
    at = text.index('code = "W06000015"')
    # Swansea's Welsh name (hostile46: "Swansea", the name of the bundle's W06000011 too,
    # is refused on loading, as two local government areas of one name at one time)
    (renamed / "areas.toml").write_text(
        text[:at] + text[at:].replace('name = "Cardiff"', 'name = "Abertawe"', 1)
    )
    problems = [str(p) for p in validate_bundle(renamed)]
    assert len(problems) == 1
    assert problems[0].endswith(".name: BUNDLE-ONS: W06000015 is Cardiff in the ONS tables")
    (renamed / "areas.toml").write_text(
        text[:at] + text[at:].replace('name = "Cardiff"', 'name = "Swansea"', 1)
    )
    problems = [str(p) for p in validate_bundle(renamed)]
    assert len(problems) == 1
    assert "the name of areas[" in problems[0], problems


@pytest.mark.parametrize(
    ("given", "ok"),
    [
        ("Warwickshire", False),  # the county's name for a district: held "Warwick" (h3)
        ("W", False),
        ("Warwick\u0435", False),  # a Cyrillic look-alike letter
        ("warwick", True),
        (" Warwick ", True),
    ],
)
def test_an_area_name_must_be_the_ons_name_not_a_part_of_it(tmp_path, given, ok):
    path = new_bundle(tmp_path / "w", ["E07000222"])
    text = (path / "areas.toml").read_text()
    at = text.index('code = "E07000222"')
    text = text[:at] + text[at:].replace('name = "Warwick"', f"name = {given!r}", 1)
    (path / "areas.toml").write_text(text)
    problems = [str(p) for p in validate_bundle(path)]
    assert (problems == []) is ok, problems


def test_a_welsh_or_unqualified_name_is_the_ons_name(tmp_path):
    for area, ons, given in (
        ("W06000015", "Cardiff", "Caerdydd"),
        ("E06000023", "Bristol, City of", "Bristol"),
    ):
        path = new_bundle(tmp_path / area, [area])
        text = (path / "areas.toml").read_text()
        at = text.index(f'code = "{area}"')
        text = text[:at] + text[at:].replace(f'name = "{ons}"', f'name = "{given}"', 1)
        (path / "areas.toml").write_text(text)
        assert validate_bundle(path) == [], area


# (two police force areas, E23000001 and W15000004, were here too: each is a bundle of
# test_all_43_police_force_areas, validated alike and traced there; ci62b)
@pytest.mark.parametrize("area", ["E10000016", "E06000052", "E08000035"])
def test_a_generated_bundle_agrees_with_the_ons_tables(tmp_path, area):
    assert validate_bundle(new_bundle(tmp_path / "b", [area])) == []


@pytest.mark.parametrize(
    ("areas", "provision"),
    [
        (["Cardiff"], "s.8(1)"),  # one local government area: the s.8 duty alone (s.9(13))
        (["Bristol, City of"], "s.8(1)"),
        (["Rugby", "Warwick"], "s.8(9)"),  # several: each under s.8, all together under s.9
    ],
)
def test_the_local_area_cites_s8_for_one_area_and_s8_9_for_several(tmp_path, areas, provision):
    partnership = svduty.load_partnership(new_bundle(tmp_path / "p", areas))
    cited = partnership.local_area.citation.provision
    assert cited is not None
    assert cited.startswith(f"{provision} ")


def test_a_generated_record_holds_from_the_duty_s_start(tmp_path):
    """Cardiff dates from 1996; the ONS tables give no history, so its record holds from the
    Duty's start (31 January 2023), with the doubt: a query of 2023 finds it (a research
    review: the records held from the tables' edition, 1 April 2024, and 2023 found none)."""
    partnership = svduty.load_partnership(new_bundle(tmp_path / "p", ["Cardiff"]))
    cardiff = partnership.geography.get("W06000015")
    assert cardiff.valid.start.isoformat() == "2023-01-31"
    assert cardiff.citation.confidence.value == "unconfirmed"
    assert cardiff.citation.doubt is not None
    assert "may be older" in cardiff.citation.doubt
    assert partnership.geography.get("W06000015", as_at="2023-06-01") == cardiff


def test_a_unitary_of_2023_holds_from_the_day_it_began(tmp_path):
    """North Yorkshire's unitary council area began on 1 April 2023: no earlier record."""
    partnership = svduty.load_partnership(new_bundle(tmp_path / "p", ["E06000065"]))
    ny = partnership.geography.get("E06000065")
    assert ny.valid.start.isoformat() == "2023-04-01"
    assert ny.citation.doubt is None or "may be older" not in ny.citation.doubt


def test_init_names_another_area_the_name_also_stands_for(tmp_path):
    """Kent the county has 12 districts; Kent's police force area has Medway too."""
    out, err = io.StringIO(), io.StringIO()
    assert main(["init", str(tmp_path / "k"), "--area", "Kent"], stdout=out, stderr=err) == 0
    assert "local government areas (12)" in out.getvalue()
    assert err.getvalue() == (
        "svduty init: note: --area: there is also the police force area Kent (E23000032); "
        "give its code to start from it instead\n"
    )
    err = io.StringIO()
    assert main(["init", str(tmp_path / "d"), "--area", "Durham"], stderr=err) == 0
    assert "there is also the unitary County Durham (E06000047)" in err.getvalue()
    err = io.StringIO()
    assert main(["init", str(tmp_path / "r"), "--area", "Rugby"], stderr=err) == 0
    assert err.getvalue() == ""  # Rugby's CSP is Rugby: nothing else to choose


@pytest.mark.parametrize(("force", "warned"), [("E23000014", True), ("E23000017", False)])
def test_classify_warns_when_the_files_are_another_forces(tmp_path, force, warned):
    """Warwickshire Police's month says little of West Midlands: the summary says so."""
    new_bundle(tmp_path / "b", [force])
    month = str(SHARED / "policeuk" / "2025-06-warwickshire-street.csv")
    out = io.StringIO()
    code = main(
        ["classify", month, "--partnership", str(tmp_path / "b"), "--summary", "json"],
        stdout=out,
    )
    assert code == 0
    warnings = json.loads(out.getvalue())["warnings"]
    assert ("FORCE-AREA-ELSEWHERE" in warnings) is warned
    if warned:  # every located row but West Midlands' own (Coventry, Solihull, Birmingham...)
        assert 4_500 < warnings["FORCE-AREA-ELSEWHERE"] < 4_573
    page = svduty.report(month, partnership=load_partnership(tmp_path / "b"))
    said = [n for n in page.notes if "other police force areas" in n]
    assert len(said) == int(warned)
    assert said == [] or said[0].startswith(f"{warnings['FORCE-AREA-ELSEWHERE']:,} rows lie in")


@pytest.mark.parametrize(
    ("welsh", "code"),
    [("Caerdydd", "W06000015"), ("Ynys Môn", "W06000001"), ("ynys mon", "W06000001")],
)
def test_geography_find_knows_a_principal_area_by_its_welsh_name(welsh, code):
    """``svduty init --area Caerdydd`` worked; ``Geography.find("Caerdydd")`` did not (a new
    user's review): one look-up now, and a geography without the area still refuses it."""
    from svduty.areas import Geography

    assert Geography.england_and_wales().find(welsh).code == code
    with pytest.raises(svduty.errors.UnknownAreaError):
        svduty.warwickshire().geography.find(welsh)


def test_a_bundle_folder_with_an_accent_gives_the_letter_in_the_name(tmp_path):
    """``svduty init ynys-môn`` named the bundle ``ynys-m-n`` (a new user's review)."""
    from svduty.io import new_bundle

    new_bundle(tmp_path / "ynys-môn", ["W06000001"])
    assert 'name = "ynys-mon"' in (tmp_path / "ynys-môn" / "bundle.toml").read_text()


def test_a_mistyped_district_code_is_named_once(tmp_path):
    """A national review: Ashford's code mistyped in areas.toml (E07000105 -> E07000999)
    gave 122 errors at ``areas[131]`` to ``areas[152]`` of a file of 30 records (the LSOAs
    the ONS tables give the local area's districts, each naming the old code), and none
    named the record or the code mistyped."""
    path = new_bundle(tmp_path / "kent", ["E10000016"])
    areas = path / "areas.toml"
    areas.write_text(areas.read_text().replace('code = "E07000105"', 'code = "E07000999"', 1))
    problems = [str(p) for p in validate_bundle(path)]
    assert problems == [
        "areas.toml: local_area.districts[0]: unknown area; expected the code of a district in "
        "the geography (got 'E07000105')"
    ]
    # the same code everywhere: a bundle of an area the ONS tables do not have
    areas.write_text(areas.read_text().replace('"E07000105"', '"E07000999"'))
    authorities = path / "authorities.toml"
    authorities.write_text(authorities.read_text().replace('"E07000105"', '"E07000999"'))
    found = [
        f
        for f in check_completeness(load_partnership(path))
        if f.rule == "BUNDLE-ONS" and f.subjects == ("E07000999",)
    ]
    records = tomllib.loads(areas.read_text())["areas"]
    at = next(i for i, r in enumerate(records) if r["code"] == "E07000999")
    assert [(f.severity.value, f.where) for f in found] == [
        ("warning", f"areas.toml: areas[{at}].code")
    ]
    assert (
        "E07000999 (Ashford) is not a local government area of the national ONS" in found[0].message
    )
    # and svduty validate prints it (a second review: the warning was never shown)
    out, err = io.StringIO(), io.StringIO()
    assert main(["validate", str(path)], stdout=out, stderr=err) == 0
    warned = f"warning: {path / 'areas.toml'}: areas[{at}].code: BUNDLE-ONS: E07000999 (Ashford)"
    assert warned in out.getvalue()


@pytest.mark.parametrize(
    ("given", "meant"),
    [
        ("City of Westminster", "'Westminster' (E09000033"),
        ("Royal Borough of Greenwich", "'Greenwich' (E09000011"),
        ("London Borough of Camden", "'Camden' (E09000007"),
        ("Bristol City Council", "'Bristol, City of' (E06000023"),
    ],
)
def test_a_council_s_style_is_not_its_place_s_name(tmp_path, given, meant):
    """A national review: "City of Westminster" was an unknown area with no suggestion."""
    err = io.StringIO()
    code = main(["init", str(tmp_path / "b"), "--area", given], stdout=io.StringIO(), stderr=err)
    assert code == 1
    assert f"did you mean {meant}" in err.getvalue()
    assert f"no area named {given!r}" in err.getvalue()  # as typed, beside it (users60)
