"""The national ONS tables: every LSOA, district, CSP and police force area of E&W.

Packaged in ``svduty/data/ons/national/``, read by :mod:`svduty.areas._tables` when needed.

Example:
    >>> read_table("lsoa21-ward24-lad24", ("lsoa21_code", "ltla24_code")).num_rows
    35672
"""

from __future__ import annotations

import csv
import datetime as _dt
import functools
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any, cast

import attrs
import pyarrow as pa

from svduty import _compute as pc
from svduty._checked import unchecked
from svduty._data import data
from svduty.areas._best_fit import _bridge, _fits_of, best_fit, lsoa21_table, lsoa_districts
from svduty.areas._model import GSS_PREFIXES, Area, AreaKind, normalise_name
from svduty.areas._tables import NATIONAL_TABLES, read_table
from svduty.errors import AreaError
from svduty.periods import Period
from svduty.sources import Citation, Confidence, cite

__all__ = [
    "NATIONAL_TABLES",
    "best_fit",
    "district_partnerships",
    "district_records",
    "lsoa_district",
    "lsoa_name_districts",
    "national_areas",
    "national_districts",
    "police_force_names",
    "read_table",
    "shared_csp",
    "welsh_names",
]

CENSUS_2011 = _dt.date(2011, 3, 27)
CENSUS_2021 = _dt.date(2021, 3, 21)
DUTY_START = _dt.date(2023, 1, 31)
"""The day the Duty came into force (SI 2022/1227 reg 4): where the national area records
start, unless the area began later (:func:`national_areas`)."""


def _strs(column: Any) -> list[str]:
    """A column of a national table as strings (the tables have no nulls)."""
    return cast(list[str], column.to_pylist())


def _ints(column: Any) -> list[int]:
    return cast(list[int], column.to_pylist())


def _rows(name: str, *columns: str) -> list[tuple[str, ...]]:
    t = read_table(name, columns)
    return list(zip(*(t.column(c).to_pylist() for c in columns), strict=True))


_DISTRICT_KINDS = (
    AreaKind.DISTRICT,
    AreaKind.UNITARY,
    AreaKind.METROPOLITAN_DISTRICT,
    AreaKind.LONDON_BOROUGH,
    AreaKind.WELSH_PRINCIPAL_AREA,
)


def _kind(code: str) -> AreaKind:
    for kind in _DISTRICT_KINDS:
        if code[:3] in GSS_PREFIXES[kind]:
            return kind
    raise AreaError.single(None, "code", expected="a local government area code", got=code)


@functools.cache
def district_records() -> dict[str, tuple[str, tuple[str, ...]]]:
    """Every local government area (2024): its name, its county, region, CSPs, force, ICBs, FRA.

    Plain tuples, as :func:`district_partnerships` gives: no class to build at start-up
    for a table read only when the national areas are built.

    Example:
        >>> name, parents = district_records()["E06000060"]
        >>> name, [p for p in parents if p.startswith("E22")]
        ('Buckinghamshire', ['E22000303', 'E22000306', 'E22000311', 'E22000318'])
    """
    parents: dict[str, list[str]] = defaultdict(list)
    names: dict[str, str] = {}

    def add(code: str, parent: str) -> None:
        if parent != code and parent not in parents[code]:
            parents[code].append(parent)

    for code, name, utla in _rows("lad23-utla23", "ltla23_code", "ltla23_name", "utla23_code"):
        names[code] = name
        add(code, utla)
    for code, region in _rows("lad24-region24", "ltla24_code", "region24_code"):
        add(code, region)
    for code, _name, csp, pfa in _rows(
        "lad24-csp24-pfa24", "ltla24_code", "ltla24_name", "csp24_code", "pfa24_code"
    ):
        add(code, pfa)
        add(code, csp)
    for code, icb in sorted(set(_lsoa_pairs("lsoa21-icb24", "icb24_code"))):
        add(code, icb)
    for code, lhb in _rows("lad21-lhb22", "ltla21_code", "lhb22_code"):
        add(code, lhb)
    for code, fra in _rows("lad24-fra24", "ltla24_code", "fra24_code"):
        add(code, fra)
    for code in parents:
        add(code, "W92000004" if code.startswith("W") else "E92000001")
    return {c: (names[c], tuple(parents[c])) for c in sorted(names)}


@functools.cache
def district_partnerships() -> dict[str, tuple[str, tuple[tuple[str, str], ...]]]:
    """Each local government area (2024): its name and its CSPs (code, name), by code.

    What the national geography says of a district (its name from
    :func:`district_records`, its community safety partnerships from the 2024 CSP table),
    read from the two small tables alone: resolving an LSOA outside a partnership needs no
    more, and building :func:`national_areas` for it would cost ten times as much.

    Example:
        >>> name, csps = district_partnerships()["E06000060"]
        >>> name, [code for code, _ in csps]
        ('Buckinghamshire', ['E22000303', 'E22000306', 'E22000311', 'E22000318'])
    """
    names = dict(cast(list[tuple[str, str]], _rows("lad23-utla23", "ltla23_code", "ltla23_name")))
    csps: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for code, csp, csp_name in _rows(
        "lad24-csp24-pfa24", "ltla24_code", "csp24_code", "csp24_name"
    ):
        if (csp, csp_name) not in csps[code]:
            csps[code].append((csp, csp_name))
    return {c: (names[c], tuple(sorted(csps[c]))) for c in sorted(names)}


def shared_csp(code: str) -> str:
    """The doubt of a CSP area that shares a district with others in the ONS table ("" if none).

    The 2024 CSP table gives several CSP areas in some reorganised districts, named after
    the areas the district replaced. The responsible authorities act for a whole local
    government area, or for several taken together as one (Crime and Disorder Act 1998
    s.5(1), (1A)): whether such an area is a partnership of its own is not in the tables.

    Example:
        >>> shared_csp("E22000303")[:64]
        'one of the 4 CSP areas the ONS table gives in Buckinghamshire (E'
        >>> shared_csp("E22000359"), shared_csp("E06000060")
        ('', '')
    """
    shared = [
        (district, name, csps)
        for district, (name, csps) in district_partnerships().items()
        if len(csps) > 1 and code in (c for c, _ in csps)
    ]
    return "; ".join(
        f"one of the {len(csps)} CSP areas the ONS table gives in {name} ({district}: "
        + ", ".join(n for _, n in csps)
        + "): the responsible authorities act for a whole local government area, or for "
        "several taken together as one (Crime and Disorder Act 1998 s.5(1), (1A)), never for "
        "part of one, so whether this is a community safety partnership of its own or a local "
        "group of the district's one is not in the tables (GOV-CSP-COVERAGE refuses several "
        "covering one district)"
        for district, name, csps in shared
    )


@functools.cache
def police_force_names() -> dict[str, str]:
    """Each local government area's police force area (its name), from the 2024 table.

    Example:
        >>> police_force_names()["E08000025"], police_force_names()["W06000015"]
        ('West Midlands', 'South Wales')
    """
    return dict(_rows("lad24-csp24-pfa24", "ltla24_code", "pfa24_name"))  # type: ignore[arg-type]


def _lsoa_pairs(table: str, column: str) -> Iterable[tuple[str, str]]:
    """(district, value) for each 2021 LSOA of ``table`` (its district: :func:`lsoa_districts`)."""
    codes, lads = lsoa_districts()
    other = read_table(table, ("lsoa21_code", column))
    lad = pc.take(lads, pc.index_in(other.column("lsoa21_code"), value_set=codes))
    return zip(_strs(lad), _strs(other.column(column)), strict=True)


@functools.cache  # a Citation is immutable: the areas of one table share theirs
def _cite(table: str, provision: str, doubt: str = "") -> Citation:
    if doubt:
        return cite(f"ons-{table}", provision, confidence=Confidence.UNCONFIRMED, doubt=doubt)
    return cite(f"ons-{table}", provision)


@functools.cache
def national_areas() -> tuple[Area, ...]:
    """Every area of England and Wales above the ward: districts, counties, CSPs, forces...

    Countries, regions, counties (upper tier), local government areas, community safety
    partnerships, police force areas, integrated care boards, Local Health Boards and
    fire and rescue authorities, as in the 2024 tables. Each record holds from the day
    the Duty came into force (31 January 2023; the tables give no earlier history, so
    the area may be older), or from the day the area began where that is later: the
    unitary councils of 1 April 2023 that replaced ceased districts. A district lies in
    each CSP and each ICB that covers all or part of it (many-to-many).

    Example:
        >>> areas = {a.id: a for a in national_areas()}
        >>> areas["E06000058"].name, sorted(p for p in areas["E06000058"].parents
        ...                                  if p.startswith("E22"))
        ('Bournemouth, Christchurch and Poole', ['E22000063', 'E22000067', 'E22000367'])
        >>> sum(a.kind is AreaKind.POLICE_FORCE_AREA for a in areas.values())
        43
        >>> str(areas["E08000035"].valid.start), str(areas["E06000065"].valid.start)
        ('2023-01-31', '2023-04-01')
    """
    valid = Period(DUTY_START)
    out: dict[str, Area] = {}

    def area(code: str, name: str, kind: AreaKind, parents: tuple[str, ...], c: Citation) -> None:
        if code not in out:
            out[code] = unchecked(
                Area, code=code, name=name, kind=kind, parents=parents, valid=valid, citation=c
            )

    wales = ("W92000004",)
    england = ("E92000001",)
    # neither table has a country column: each names one country's areas only (law57)
    in_england = "every row (a lookup of England's regions: no country column)"
    area("E92000001", "England", AreaKind.COUNTRY, (), _cite("lad24-region24", in_england))
    in_wales = "every row (a lookup in Wales: no country column)"
    area("W92000004", "Wales", AreaKind.COUNTRY, (), _cite("lad21-lhb22", in_wales))
    for _c, name, code in _rows("lad24-region24", "ltla24_code", "region24_name", "region24_code"):
        area(code, name, AreaKind.REGION, england, _cite("lad24-region24", "region24_code"))
    region = {r[0]: r[1] for r in _rows("lad24-region24", "ltla24_code", "region24_code")}
    for lad, code, name in _rows("lad23-utla23", "ltla23_code", "utla23_code", "utla23_name"):
        if code.startswith("E10"):
            cite_ = _cite("lad23-utla23", "utla23_code")
            area(code, name, AreaKind.COUNTY, (region[lad], "E92000001"), cite_)
    rows = _rows("lad24-csp24-pfa24", "csp24_code", "csp24_name", "pfa24_code", "pfa24_name")
    for csp, csp_name, pfa, pfa_name in rows:
        country = wales if pfa.startswith("W") else england
        area(
            pfa,
            pfa_name,
            AreaKind.POLICE_FORCE_AREA,
            country,
            _cite("lad24-csp24-pfa24", "pfa24_code"),
        )
        cite_ = _cite("lad24-csp24-pfa24", "csp24_code")
        area(csp, csp_name, AreaKind.COMMUNITY_SAFETY_PARTNERSHIP, (pfa, *country), cite_)
    for code, name in sorted(set(_rows("lsoa21-icb24", "icb24_code", "icb24_name"))):
        area(
            code, name, AreaKind.INTEGRATED_CARE_BOARD, england, _cite("lsoa21-icb24", "icb24_code")
        )
    for code, name in _rows("lad21-lhb22", "lhb22_code", "lhb22_name"):
        area(code, name, AreaKind.LOCAL_HEALTH_BOARD, wales, _cite("lad21-lhb22", "lhb22_code"))
    for code, name in _rows("lad24-fra24", "fra24_code", "fra24_name"):
        country = wales if code.startswith("W") else england
        kind = AreaKind.FIRE_AND_RESCUE_AUTHORITY
        area(code, name, kind, country, _cite("lad24-fra24", "fra24_code"))
    for code, (name, parents) in district_records().items():
        area(code, name, _kind(code), parents, _cite("lad24-csp24-pfa24", "ltla24_code"))
    return _dated(tuple(out.values()))


def _dated(areas: tuple[Area, ...]) -> tuple[Area, ...]:
    """The districts that began after ``DUTY_START`` dated from that day (see above).

    Only districts: a police force area, a fire and rescue authority or a community safety
    partnership whose districts all began then may be older (Cumbria's police force area
    is), and the tables do not say.
    """
    from svduty.areas._ceased import ceased_districts

    began = {c.successor: c.ended for c in ceased_districts().values() if c.ended > DUTY_START}
    return tuple(attrs.evolve(a, valid=Period(began[a.id])) if a.id in began else a for a in areas)


@functools.cache
def lsoa_district() -> dict[str, tuple[str, int]]:
    """LSOA code (2011 or 2021) -> (district code, 2024) and the vintages it is in (bits).

    A 2021 LSOA takes the district it lies in (:func:`lsoa21_table`); a 2011 LSOA that of
    its 2021 best fit (of the most, for the few split across districts). Bits: 1, in the
    2011 table; 2, in 2021.
    Built once, on the first look-up of an LSOA outside a geography's own.

    Example:
        >>> lsoa_district()["E01031180"]
        ('E07000220', 3)
    """
    t21 = lsoa21_table(("lsoa21_code", "ltla24_code"))
    new = t21.column("lsoa21_code")
    old = _bridge()
    in_2011 = pc.is_in(new, value_set=old.column("old"))
    only_2011 = pc.filter(old, pc.invert(pc.is_in(old.column("old"), value_set=new)))
    codes = _strs(only_2011.column("old")) + _strs(new)
    lads = _strs(only_2011.column("lad")) + _strs(t21.column("ltla24_code"))
    bits = [1] * only_2011.num_rows + _ints(pc.if_else(in_2011, 3, 2))
    return dict(zip(codes, zip(lads, bits, strict=True), strict=True))


@functools.cache
def lsoa_name_districts() -> dict[str, str]:
    """The district name an LSOA's name starts with -> its district code (2024).

    An LSOA is named after its district when the ONS named it ("Bristol 001A", "Allerdale
    001A", "Daventry 001A"), which is not always the district's name now ("Bristol, City
    of"; Allerdale and Daventry were abolished). The names of both vintages, each with the
    2024 district of its LSOA (a 2011 LSOA by its best fit); a name whose LSOAs now lie in
    several districts is left out (it does not say which).

    Example:
        >>> n = lsoa_name_districts()  # by normalise_name
        >>> n["bristol"], n["rugby"], n["daventry"]
        ('E06000023', 'E07000220', 'E06000062')
    """
    t21 = read_table("lsoa21-ward24-lad24", ("lsoa21_name", "lsoa21_code"))
    t11 = read_table("lsoa11-lsoa21-lad22", ("lsoa11_name", "lsoa11_code"))
    names = _strs(t21.column(0)) + _strs(t11.column(0))
    codes = _strs(t21.column(1)) + _strs(t11.column(1))
    found: dict[str, set[str | None]] = defaultdict(set)
    for name, district in zip(names, national_districts(codes), strict=True):
        found[normalise_name(name.rsplit(" ", 1)[0])].add(district)
    return {
        name: next(iter(d))  # type: ignore[misc]
        for name, d in found.items()
        if len(d) == 1 and None not in d
    }


def national_districts(codes: Sequence[str]) -> list[str | None]:
    """The 2024 district of each LSOA code (2021, else 2011 by its best fit), or ``None``.

    The same answers as :func:`lsoa_district`, by Arrow joins (no dictionary of every LSOA).

    Example:
        >>> national_districts(["E01031180", "E01033620", "E01099999"])
        ['E07000220', 'E08000025', None]
    """
    wanted = pa.array(list(codes), pa.string())
    t21 = lsoa21_table(("lsoa21_code", "ltla24_code")).combine_chunks()
    codes21, asked = t21.column("lsoa21_code").chunk(0), pc.unique(wanted)
    hits = pc.index_in(codes21, value_set=asked)  # the table's codes among the few asked: a
    rows = pc.indices_nonzero(pc.is_valid(hits))  # hash set of those, not of 35,000 (2-13 ms)
    place = pc.index_in(pc.index_in(wanted, value_set=asked), value_set=pc.take(hits, rows))
    found: Any = pc.take(t21.column("ltla24_code").chunk(0), pc.take(rows, place))
    if found.null_count:  # not a 2021 code: a 2011 one, by the district of its best fit
        old = _fits_of(pc.filter(wanted, pc.is_null(found))).combine_chunks()
        at = pc.index_in(wanted, value_set=old.column("old").chunk(0))
        found = pc.coalesce(found, pc.take(old.column("lad").chunk(0), at))
    return found.to_pylist()  # type: ignore[no-any-return]


@functools.cache
def welsh_names() -> dict[str, str]:
    """The Welsh-language names of the 22 principal areas of Wales, read for matching.

    ``normalise_name`` of the Welsh name -> the area's GSS code, from
    ``data/ons/lad24-names-cy.csv`` (the ONS district names in Welsh; see ATTRIBUTION.md).
    Names that are the same in both languages (Gwynedd, Powys...) are the national
    table's already.

    Example:
        >>> welsh_names()["caerdydd"], welsh_names()["ynys mon"]
        ('W06000015', 'W06000001')
    """
    with data("ons", "lad24-names-cy.csv").open(encoding="utf-8", newline="") as f:
        return {normalise_name(r["ltla24_name_cy"]): r["ltla24_code"] for r in csv.DictReader(f)}
