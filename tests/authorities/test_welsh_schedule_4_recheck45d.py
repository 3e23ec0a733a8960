"""Which Welsh principal areas are counties, by the names Schedule 4 gives them (recheck45d).

The Local Government Act 1972 s.20(4) (substituted by the Local Government (Wales) Act 1994
s.1(1)): "The new principal areas set out in Part I of Schedule 4 shall be counties and those
set out in Part II of that Schedule shall be county boroughs". The Local Government (Wales)
Act 1994 Sch 1 paras 1 and 2 substitute those Parts; their names are the ones below (read in
legalize-dev/legalize-uk, ``uk/ukpga-1994-19.md``). Seven of the 22 are named otherwise in the
ONS tables (s.74(1): a council "may ... change the name of the county, county borough"; the
status stays its Part's). A record or a refusal that cites Sch 4 for Gwynedd must say under
which name Sch 4 lists it, or the citation cannot be checked.
"""

from __future__ import annotations

import attrs
import pytest

from svduty.areas import Geography
from svduty.authorities import Authority, AuthorityCategory
from svduty.authorities._areas_served import area_problems, local_councils, schedule_4
from svduty.io._new_authorities import authorities
from svduty.sources import cite

C = AuthorityCategory
PART_I = {  # LG(W)A 1994 Sch 1 para 1 (Sch 4 Pt I, "Counties"), with the ONS code
    "Anglesey": "W06000001",
    "Caernarfonshire and Merionethshire": "W06000002",
    "Cardiff": "W06000015",
    "Cardiganshire": "W06000008",
    "Carmarthenshire": "W06000010",
    "Denbighshire": "W06000004",
    "Flintshire": "W06000005",
    "Monmouthshire": "W06000021",
    "Pembrokeshire": "W06000009",
    "Powys": "W06000023",
    "Swansea": "W06000011",
}
PART_II = {  # LG(W)A 1994 Sch 1 para 2 (Sch 4 Pt II, "County boroughs")
    "Aberconwy and Colwyn": "W06000003",
    "Blaenau Gwent": "W06000019",
    "Bridgend": "W06000013",
    "Caerphilly": "W06000018",
    "Merthyr Tydfil": "W06000024",
    "Neath and Port Talbot": "W06000012",
    "Newport": "W06000022",
    "Rhondda, Cynon, Taff": "W06000016",
    "Torfaen": "W06000020",
    "The Vale of Glamorgan": "W06000014",
    "Wrexham": "W06000006",
}


@pytest.mark.parametrize(
    ("name", "code", "part", "council"),
    [(n, c, "Pt I", C.WELSH_COUNTY_COUNCIL) for n, c in PART_I.items()]
    + [(n, c, "Pt II", C.WELSH_COUNTY_BOROUGH_COUNCIL) for n, c in PART_II.items()],
)
def test_each_principal_area_is_of_its_schedule_4_part_under_its_schedule_4_name(
    name: str, code: str, part: str, council: AuthorityCategory
) -> None:
    geo = Geography.england_and_wales()
    assert local_councils(code) == (council,)
    where = schedule_4(code)
    assert where is not None
    assert where.startswith(f"LGA 1972 s.20(4), Sch 4 {part}"), where
    if geo.get(code).name != name:  # renamed since: Sch 4's name is given
        assert f'"{name}"' in where, where
    else:
        assert '"' not in where, where


def test_the_22_and_no_other() -> None:
    geo = Geography.england_and_wales()
    national = {c for c in (f"W060000{n:02d}" for n in range(1, 30)) if c in geo}
    assert national == set(PART_I.values()) | set(PART_II.values())
    assert schedule_4("W06000099") is None  # a code the tables do not know: either kind
    assert schedule_4("E07000222") is None


def test_init_cites_schedule_4_by_the_name_it_gives_gwynedd() -> None:
    geo = Geography.england_and_wales()
    (council,) = [r for r in authorities(geo, [geo.get("W06000002")]) if "council" in r["id"]]
    assert council["category"] == "welsh_county_council"
    doubt = council["citation"]["doubt"]
    assert '"Caernarfonshire and Merionethshire"' in doubt, doubt
    assert "Sch 4 Pt I" in doubt, doubt
    (cardiff,) = [r for r in authorities(geo, [geo.get("W06000015")]) if "council" in r["id"]]
    assert "Sch 4 Pt I" in cardiff["citation"]["doubt"]


def test_a_refusal_names_the_schedule_4_name() -> None:
    a = Authority(
        "conwy", "C", C.WELSH_COUNTY_COUNCIL, ("W06000003",), cite("pcsc-act-2022", "Sch 1")
    )
    ((rule, message),) = list(area_problems(Geography.england_and_wales(), a, "W06000003"))
    assert rule == "BUNDLE-CATEGORY-AREA"
    assert 'Sch 4 Pt II, as "Aberconwy and Colwyn"' in message, message


@pytest.mark.parametrize(
    ("code", "name"),
    [("W06000001", "Ynys Môn"), ("W06000002", "Caernarfonshire and Merionethshire")],
)
def test_init_takes_the_kind_from_the_code_not_the_name(code: str, name: str) -> None:
    """A county named otherwise than ``WELSH_COUNTIES`` has it (its Welsh name, its Sch 4
    name) was written as a county borough council, without a word of doubt."""
    geo = Geography.england_and_wales()
    area = attrs.evolve(geo.get(code), name=name)
    (council,) = [r for r in authorities(geo, [area]) if "council" in r["id"]]
    assert council["category"] == "welsh_county_council", council["name"]
    assert council["name"].endswith("(county)")
