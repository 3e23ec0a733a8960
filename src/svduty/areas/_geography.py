"""The geography: areas by code and name, containment, LSOA resolution, points to areas."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

import attrs
import numpy as np
import pendulum
import pyarrow as pa
import pyarrow.compute as pc

from svduty.areas._model import Area, AreaKind, AreaMatch, Match, Membership, normalise_name
from svduty.areas._ons import boundary_features, lsoa_rows
from svduty.errors import AreaError, Problem, UnknownAreaError
from svduty.periods import Period, date
from svduty.sources import Citation, cite

__all__ = ["RESOLVED_COLUMNS", "Geography"]

RESOLVED_COLUMNS: tuple[str, ...] = (
    "lsoa_code",
    "district_code",
    "district_name",
    "csp_code",
    "csp_name",
    "police_area",
    "match",
)
"""The columns of :meth:`Geography.resolve_lsoas` (all strings), in order.

``police_area`` is the police command area's name (such as "Warwickshire Police North");
``match`` is ``"table"``, ``"name"`` or ``"unresolved"``."""

_KIND_ORDER: tuple[AreaKind, ...] = (
    AreaKind.COUNTY,
    AreaKind.UNITARY,
    AreaKind.METROPOLITAN_DISTRICT,
    AreaKind.LONDON_BOROUGH,
    AreaKind.WELSH_PRINCIPAL_AREA,
    AreaKind.DISTRICT,
    AreaKind.COMMUNITY_SAFETY_PARTNERSHIP,
    AreaKind.POLICE_FORCE_AREA,
    AreaKind.POLICE_COMMAND_AREA,
    AreaKind.INTEGRATED_CARE_BOARD,
    AreaKind.REGION,
    AreaKind.COUNTRY,
    AreaKind.WARD,
    AreaKind.LSOA2021,
    AreaKind.LSOA2011,
)
_RANK = {k: i for i, k in enumerate(_KIND_ORDER)}

# Census days: the 2011 LSOAs were built on the 2011 census, the 2021 ones on the 2021 census.
_CENSUS_2011 = date("2011-03-27")
_CENSUS_2021 = date("2021-03-21")
_WARDS_2019 = date("2019-05-01")
_LSOA_NAME = re.compile(r"^\s*(.*\S)\s+\d{3}[A-Z]\s*$")

_Outcome = tuple[str | None, str | None, str | None, str | None, str | None, str]


def _packaged_lsoas(districts: set[str]) -> list[Area]:
    """LSOA and ward areas from the packaged ONS tables for the given districts."""
    by_code: dict[str, dict[str, Any]] = {}
    wards: dict[str, tuple[str, str]] = {}
    for row in lsoa_rows():
        if row.district not in districts:
            continue
        entry = by_code.setdefault(
            row.code, {"name": row.name, "district": row.district, "vintages": set(), "ward": None}
        )
        entry["vintages"].add(row.vintage)
        if row.vintage == 2021:
            entry["name"] = row.name
        if row.ward is not None and row.ward_name is not None:
            entry["ward"] = row.ward
            wards[row.ward] = (row.ward_name, row.district)
    out = [
        Area(
            code=code,
            name=name,
            kind=AreaKind.WARD,
            parents=(district,),
            valid=Period(_WARDS_2019),
            citation=cite("ons-lsoa11-ward19", "WD19CD, WD19NM"),
        )
        for code, (name, district) in sorted(wards.items())
    ]
    for code, e in sorted(by_code.items()):
        vintages = e["vintages"]
        if vintages == {2011}:
            kind, valid = AreaKind.LSOA2011, Period(_CENSUS_2011, _CENSUS_2021)
            citation = cite("ons-lsoa11-ward19", "LSOA11CD, LAD19CD")
        elif vintages == {2021}:
            kind, valid = AreaKind.LSOA2021, Period(_CENSUS_2021)
            citation = cite("ons-lsoa21-boundaries", "LSOA21CD, LADCD_ACTIVE")
        else:
            kind, valid = AreaKind.LSOA2021, Period(_CENSUS_2011)
            citation = cite("ons-lsoa21-boundaries", "LSOA21CD, LADCD_ACTIVE")
        parents = (e["district"],) if e["ward"] is None else (e["district"], e["ward"])
        out.append(
            Area(
                code=code,
                name=e["name"],
                kind=kind,
                parents=parents,
                valid=valid,
                citation=citation,
            )
        )
    return out


@attrs.frozen(slots=True)
class _Index:
    current: dict[str, Area]
    records: dict[str, tuple[Area, ...]]
    ancestors: dict[str, frozenset[str]]
    descendants: dict[str, tuple[str, ...]]
    by_name: dict[str, tuple[str, ...]]
    vintages: dict[str, frozenset[int]]
    links: dict[tuple[str, str], Citation]
    cache: dict[str, Any]


def _check(
    areas: Sequence[Area],
    memberships: Sequence[Membership],
    lsoa_vintages: dict[str, frozenset[int]],
) -> _Index:
    problems: list[Problem] = []
    records: dict[str, list[tuple[int, Area]]] = defaultdict(list)
    for i, a in enumerate(areas):
        for j, other in records[a.id]:
            if other.valid.overlaps(a.valid):
                problems.append(
                    Problem(
                        message=f"period {a.valid} overlaps period {other.valid} of areas[{j}] "
                        f"(same area {a.id})",
                        field=f"areas[{i}].valid",
                        expected="records of one area to have periods that do not overlap",
                    )
                )
        records[a.id].append((i, a))
    current = {k: max(v, key=lambda ia: ia[1].valid.start)[1] for k, v in records.items()}

    # Every link: (child, parent, period, citation, field path). A record's own parents hold
    # for its period with its citation; a membership brings its own.
    links: dict[int, list[tuple[str, Period, Citation, str]]] = defaultdict(list)
    for i, a in enumerate(areas):
        for k, parent in enumerate(a.parents):
            links[i].append((parent, a.valid, a.citation, f"areas[{i}].parents[{k}]"))
    index_of = {id(a): i for i, a in enumerate(areas)}
    extra: dict[str, list[str]] = defaultdict(list)
    for m_i, m in enumerate(memberships):
        for name, value in (("area", m.area), ("parent", m.parent)):
            if value not in current:
                problems.append(
                    Problem(
                        message="unknown area",
                        field=f"memberships[{m_i}].{name}",
                        expected="the code or id of an area in the geography",
                        got=value[:40],
                    )
                )
        if m.area in current and m.parent in current:
            i = index_of[id(current[m.area])]
            links[i].append((m.parent, m.valid, m.citation, f"memberships[{m_i}].parent"))
            if m.current and m.parent not in current[m.area].parents:
                extra[m.area].append(m.parent)
    edge_citations: dict[tuple[str, str], Citation] = {}
    for i, a in enumerate(areas):
        seen: list[tuple[AreaKind, str, Period]] = []
        for parent, valid, citation, field in links[i]:
            if parent not in current:
                problems.append(
                    Problem(
                        message="unknown area",
                        field=field,
                        expected="the code or id of an area in the geography",
                        got=parent[:40],
                    )
                )
                continue
            pkind = current[parent].kind
            for kind, earlier, earlier_valid in seen:
                if kind is pkind and earlier != parent and valid.overlaps(earlier_valid):
                    problems.append(
                        Problem(
                            message=f"{a.id} is in two areas of kind {pkind.value}: "
                            f"{earlier} and {parent}",
                            field=field,
                            expected=f"at most one {pkind.value.replace('_', ' ')} per area "
                            "at a time",
                            got=parent[:40],
                        )
                    )
            seen.append((pkind, parent, valid))
            if a is current[a.id]:
                edge_citations[(a.id, parent)] = citation
    if problems:
        raise AreaError(problems)
    for area_id, more in extra.items():
        old = current[area_id]
        current[area_id] = attrs.evolve(old, parents=old.parents + tuple(more))
        records[area_id] = [(i, current[area_id] if r is old else r) for i, r in records[area_id]]

    ancestors: dict[str, frozenset[str]] = {}

    def up(area_id: str, trail: tuple[str, ...]) -> frozenset[str]:
        if area_id in ancestors:
            return ancestors[area_id]
        if area_id in trail:
            raise AreaError.single(
                None, "parents", message="areas contain each other: " + " -> ".join(trail)
            )
        out: set[str] = set()
        for p in current[area_id].parents:
            out.add(p)
            out |= up(p, (*trail, area_id))
        ancestors[area_id] = frozenset(out)
        return ancestors[area_id]

    for area_id in current:
        up(area_id, ())
    descendants: dict[str, list[str]] = defaultdict(list)
    for area_id in sorted(current):
        for anc in ancestors[area_id]:
            descendants[anc].append(area_id)
    by_name: dict[str, list[str]] = defaultdict(list)
    for area_id, a in current.items():
        by_name[normalise_name(a.name)].append(area_id)
    return _Index(
        current=current,
        records={
            k: tuple(a for _, a in sorted(v, key=lambda ia: ia[1].valid.start))
            for k, v in records.items()
        },
        ancestors=ancestors,
        descendants={k: tuple(v) for k, v in descendants.items()},
        by_name={
            k: tuple(sorted(v, key=lambda i: (_RANK[current[i].kind], i)))
            for k, v in by_name.items()
        },
        vintages=lsoa_vintages,
        links=edge_citations,
        cache={},
    )


def _string_array(values: Any) -> Any:
    if isinstance(values, pa.ChunkedArray):
        values = values.combine_chunks()
    if not isinstance(values, pa.Array):
        values = pa.array(list(values), pa.string())
    if not pa.types.is_string(values.type):
        if pa.types.is_dictionary(values.type):
            values = values.dictionary_decode()
        values = values.cast(pa.string())
    return values


def _floats(values: Any) -> np.ndarray[Any, np.dtype[np.float64]]:
    if isinstance(values, pa.ChunkedArray):
        values = values.combine_chunks()
    if isinstance(values, pa.Array):
        cast: Any = values.cast(pa.float64())
        filled: Any = pc.fill_null(cast, float("nan"))
        values = filled.to_numpy(zero_copy_only=False)
    return np.asarray(values, dtype=np.float64)


@attrs.frozen(slots=True, init=False, repr=False)
class Geography:
    """The areas of a partnership and around it, with look-ups between them.

    Built from area records (a bundle's ``areas.toml``) and the packaged ONS tables: the
    LSOAs (2011 and 2021) and wards of the geography's districts are added from the tables,
    not written by hand. Structure (parents, children) follows each area's latest record;
    :meth:`get` with ``as_at`` gives the record in force on a day.

    An LSOA code in both the 2011 and 2021 tables is one area of kind ``lsoa2021`` valid
    from the 2011 census; a code only in 2011 is ``lsoa2011`` and ended at the 2021 census.
    :meth:`lsoas` lists the LSOAs of either vintage.

    Args:
        areas: The area records.
        memberships: Links "area lies in parent" with their own period and citation; the
            open-ended ones join the area's parents.
        lsoa_tables: Whether to add the packaged ONS LSOAs and wards of the districts.

    Raises:
        AreaError: naming ``areas[i]...`` or ``memberships[i]...`` for an unknown area,
            two parents of one kind at once (a district in two CSPs), overlapping records
            of one area, or a cycle.

    Example:
        >>> import svduty
        >>> geo = svduty.warwickshire().geography
        >>> geo.get("E07000221").name
        'Stratford-on-Avon'
        >>> geo.find("stratford on avon").code
        'E07000221'
        >>> [a.name for a in geo.districts_within("E22000359")]
        ['Stratford-on-Avon', 'Warwick']
        >>> geo.district_of("E01031180").name
        'Rugby'
    """

    areas: tuple[Area, ...]
    memberships: tuple[Membership, ...]
    _index: _Index = attrs.field(eq=False, repr=False)

    def __init__(
        self,
        areas: Iterable[Area],
        memberships: Iterable[Membership] = (),
        *,
        lsoa_tables: bool = True,
    ) -> None:
        given = tuple(areas)
        links = tuple(memberships)
        extra: list[Area] = []
        vintages: dict[str, frozenset[int]] = {}
        if lsoa_tables:
            districts = {a.id for a in given if a.kind.is_local_government_area}
            known = {a.id for a in given}
            extra = [a for a in _packaged_lsoas(districts) if a.id not in known]
            per: dict[str, set[int]] = defaultdict(set)
            for row in lsoa_rows():
                if row.district in districts:
                    per[row.code].add(row.vintage)
            vintages = {k: frozenset(v) for k, v in per.items()}
        for a in given:
            if a.kind.is_lsoa and a.id not in vintages:
                vintages[a.id] = frozenset({2011 if a.kind is AreaKind.LSOA2011 else 2021})
        all_areas = given + tuple(extra)
        index = _check(all_areas, links, vintages)
        self.__attrs_init__(all_areas, links, index)

    # -- look-ups ---------------------------------------------------------------------

    def link_citation(self, area: str, parent: str) -> Citation:
        """The citation for "``area`` lies directly in ``parent``".

        A membership's own citation where the link is one; else the area record's.

        Raises:
            UnknownAreaError: if either is unknown, or ``parent`` is not a direct parent.

        Example:
            >>> import svduty
            >>> geo = svduty.warwickshire().geography
            >>> geo.link_citation("E07000220", "warwickshire-police-east").confidence.value
            'unconfirmed'
            >>> geo.link_citation("E07000220", "E22000321").confidence.value
            'confirmed'
        """
        child = self.get(area).id
        found = self._index.links.get((child, self.get(parent).id))
        if found is None:
            raise UnknownAreaError(parent[:40], f"not a direct parent of {child}")
        return found

    def __contains__(self, code_or_id: object) -> bool:
        return isinstance(code_or_id, str) and code_or_id in self._index.current

    def __len__(self) -> int:
        return len(self._index.current)

    def __repr__(self) -> str:
        return f"<Geography: {len(self)} areas>"

    def get(self, code_or_id: str, as_at: pendulum.Date | None = None) -> Area:
        """The area with a code or id (its latest record, or the one in force ``as_at``).

        Raises:
            UnknownAreaError: if the geography has no such area (or none in force then).

        Example:
            >>> import svduty
            >>> geo = svduty.warwickshire().geography
            >>> geo.get("E10000031").kind
            <AreaKind.COUNTY: 'county'>
            >>> geo.get("E01031103").valid.last_day  # split at the 2021 census
            Date(2021, 3, 20)
            >>> geo.get("E07999999")
            Traceback (most recent call last):
            ...
            svduty.errors.UnknownAreaError: unknown area: E07999999
        """
        key = code_or_id.strip() if isinstance(code_or_id, str) else code_or_id
        if key not in self._index.current:
            raise UnknownAreaError(str(key)[:40])
        if as_at is None:
            return self._index.current[key]
        for rec in self._index.records[key]:
            if as_at in rec.valid:
                return rec
        raise UnknownAreaError(key, f"no record in force on {date(as_at).isoformat()}")

    def find(self, name: str, kind: AreaKind | str | None = None) -> Area:
        """The area with a name, ignoring case, accents and punctuation.

        When several areas share a name (the district Rugby and the CSP Rugby) the one of
        the kind listed first wins: county, unitary and other local government areas,
        district, CSP, police force area, police command area, ICB, region, country, ward,
        LSOA. Pass ``kind`` to choose.

        Raises:
            UnknownAreaError: if no area (of that kind) has the name.

        Example:
            >>> import svduty
            >>> geo = svduty.warwickshire().geography
            >>> geo.find("RUGBY").kind, geo.find("Rugby", "community_safety_partnership").code
            (<AreaKind.DISTRICT: 'district'>, 'E22000321')
            >>> geo.find("nuneaton & bedworth").code
            'E07000219'
        """
        want = AreaKind(kind) if kind is not None else None
        for area_id in self._index.by_name.get(normalise_name(name), ()):
            area = self._index.current[area_id]
            if want is None or area.kind is want:
                return area
        raise UnknownAreaError(
            name[:60], f"no {want.value} of that name" if want else "no area of that name"
        )

    def all(self, kind: AreaKind | str | None = None) -> tuple[Area, ...]:
        """Every area (its latest record), optionally of one kind, by kind then code.

        Example:
            >>> import svduty
            >>> geo = svduty.warwickshire().geography
            >>> [a.name for a in geo.all("community_safety_partnership")]
            ['North Warwickshire', 'Nuneaton and Bedworth', 'Rugby', 'South Warwickshire']
        """
        want = AreaKind(kind) if kind is not None else None
        return self._sorted(
            a for a in self._index.current.values() if want is None or a.kind is want
        )

    def _sorted(self, areas: Iterable[Area]) -> tuple[Area, ...]:
        return tuple(sorted(areas, key=lambda a: (_RANK[a.kind], a.id)))

    def parents(self, code_or_id: str, kind: AreaKind | str | None = None) -> tuple[Area, ...]:
        """Every area an area lies in (transitively), optionally of one kind.

        Example:
            >>> import svduty
            >>> geo = svduty.warwickshire().geography
            >>> [a.code for a in geo.parents("E01031180", "community_safety_partnership")]
            ['E22000321']
        """
        area = self.get(code_or_id)
        want = AreaKind(kind) if kind is not None else None
        return self._sorted(
            self._index.current[p]
            for p in self._index.ancestors[area.id]
            if want is None or self._index.current[p].kind is want
        )

    def children(self, code_or_id: str, kind: AreaKind | str | None = None) -> tuple[Area, ...]:
        """Every area that lies in an area (transitively), optionally of one kind.

        Example:
            >>> import svduty
            >>> geo = svduty.warwickshire().geography
            >>> len(geo.children("E07000220", "lsoa2011"))  # the Rugby LSOAs split in 2021
            4
        """
        area = self.get(code_or_id)
        want = AreaKind(kind) if kind is not None else None
        return self._sorted(
            self._index.current[c]
            for c in self._index.descendants.get(area.id, ())
            if want is None or self._index.current[c].kind is want
        )

    def contains(self, outer: str, inner: str) -> bool:
        """Whether ``inner`` lies in ``outer`` (an area contains itself).

        Raises:
            UnknownAreaError: if either area is unknown.

        Example:
            >>> import svduty
            >>> geo = svduty.warwickshire().geography
            >>> geo.contains("E10000031", "E01031180"), geo.contains("E23000017", "E08000026")
            (True, False)
        """
        o, i = self.get(outer), self.get(inner)
        return o.id == i.id or o.id in self._index.ancestors[i.id]

    def district_of(self, code: str) -> Area:
        """The local government area (district, unitary...) an LSOA, ward or district is in.

        Raises:
            UnknownAreaError: if the code is unknown.
            AreaError: if the area is not an LSOA, a ward or a local government area.

        Example:
            >>> import svduty
            >>> svduty.warwickshire().geography.district_of("E01035020").code
            'E07000220'
        """
        area = self.get(code)
        if area.kind.is_local_government_area:
            return area
        if area.kind.is_lsoa or area.kind is AreaKind.WARD:
            for p in self.parents(area.id):
                if p.kind.is_local_government_area:
                    return p
        raise AreaError.single(
            None,
            "code",
            expected="an LSOA, a ward or a local government area",
            got=f"{area.id} ({area.kind.value})",
        )

    def districts_within(self, code: str) -> tuple[Area, ...]:
        """The local government areas (districts, unitaries...) within an area.

        A district gives itself; a county, CSP, police area, ICB or region its districts.

        Example:
            >>> import svduty
            >>> [a.code for a in svduty.warwickshire().geography.districts_within("E54000018")]
            ['E08000026', 'E07000218', 'E07000219', 'E07000220', 'E07000221', 'E07000222']
        """
        area = self.get(code)
        if area.kind.is_local_government_area:
            return (area,)
        return tuple(a for a in self.children(area.id) if a.kind.is_local_government_area)

    def district_codes_within(self, code: str) -> tuple[str, ...]:
        """The codes of :meth:`districts_within`: the callable the s.11(6) join takes.

        Example:
            >>> import svduty
            >>> svduty.warwickshire().geography.district_codes_within("E22000359")
            ('E07000221', 'E07000222')
        """
        return tuple(a.id for a in self.districts_within(code))

    def district_code_of(self, code: str) -> str | None:
        """The district code of an LSOA, ward or district; ``None`` if it has none here.

        Never raises: this is the ``resolve_district`` callable the classifier takes, and
        an unknown code is an unknown district, not an error.

        Example:
            >>> import svduty
            >>> geo = svduty.warwickshire().geography
            >>> geo.district_code_of("E01031180"), geo.district_code_of("E01999999")
            ('E07000220', None)
            >>> geo.district_code_of("E10000031") is None
            True
        """
        area = self._index.current.get(code.strip()) if isinstance(code, str) else None
        if area is None or not (
            area.kind.is_lsoa or area.kind.is_local_government_area or area.kind is AreaKind.WARD
        ):
            return None
        return self.district_of(area.id).id

    def lsoas(self, code: str, vintage: int = 2021) -> tuple[Area, ...]:
        """The LSOAs of a census vintage (2011 or 2021) within an area.

        Example:
            >>> import svduty
            >>> geo = svduty.warwickshire().geography
            >>> len(geo.lsoas("E10000031", 2011)), len(geo.lsoas("E10000031", 2021))
            (339, 354)
        """
        if vintage not in (2011, 2021):
            raise AreaError.single(None, "vintage", expected="2011 or 2021", got=str(vintage))
        return tuple(
            a
            for a in self.children(code)
            if a.kind.is_lsoa and vintage in self._index.vintages.get(a.id, frozenset())
        )

    # -- LSOA resolution --------------------------------------------------------------

    def _district_outcome(self, district: Area, match: str) -> _Outcome:
        csp = self.parents(district.id, AreaKind.COMMUNITY_SAFETY_PARTNERSHIP)
        pca = self.parents(district.id, AreaKind.POLICE_COMMAND_AREA)
        return (
            district.code,
            district.name,
            csp[0].code if csp else None,
            csp[0].name if csp else None,
            pca[0].name if pca else None,
            match,
        )

    def _code_outcome(self, code: str | None) -> _Outcome | None:
        if code is None:
            return None
        area = self._index.current.get(code.strip())
        if area is None or not area.kind.is_lsoa:
            return None
        return self._district_outcome(self.district_of(area.id), Match.TABLE.value)

    def _name_outcome(self, name: str | None) -> _Outcome | None:
        if name is None:
            return None
        m = _LSOA_NAME.match(name)
        if not m:
            return None
        district_name = m.group(1)
        for area_id in self._index.by_name.get(normalise_name(district_name), ()):
            area = self._index.current[area_id]
            if area.kind.is_local_government_area:
                return self._district_outcome(area, Match.NAME.value)
        return (None, district_name, None, None, None, Match.NAME.value)

    def resolve_lsoa(self, code: str | None, name: str | None = None) -> AreaMatch:
        """The district (and CSP, police command area) of an LSOA, from its code or name.

        A code in the ONS tables resolves with ``match="table"``. A code the tables do not
        know resolves from the LSOA name ("Rugby 010E" -> Rugby) with ``match="name"``; a
        district outside the geography is then reported by name only.

        Raises:
            UnknownAreaError: naming the code, if neither the code nor the name resolves.

        Example:
            >>> import svduty
            >>> geo = svduty.warwickshire().geography
            >>> geo.resolve_lsoa("E01031180").csp_name
            'Rugby'
            >>> m = geo.resolve_lsoa("E01099999", "Rugby 010E")
            >>> m.district_code, m.match
            ('E07000220', 'name')
            >>> geo.resolve_lsoa("E01033620", "Birmingham 012E").district_name
            'Birmingham'
            >>> geo.resolve_lsoa("E01099999")
            Traceback (most recent call last):
            ...
            svduty.errors.UnknownAreaError: unknown area: E01099999 (not in the LSOA tables, and no LSOA name to resolve from)
        """  # noqa: E501
        out = self._code_outcome(code) or self._name_outcome(name)
        if out is None:
            hint = (
                "not in the LSOA tables, and the LSOA name does not end in a code like 001A"
                if name is not None
                else "not in the LSOA tables, and no LSOA name to resolve from"
            )
            raise UnknownAreaError(str(code)[:40], hint)
        return AreaMatch(code, out[0], out[1], out[5], out[2], out[3], out[4])

    def resolve_lsoas(
        self,
        codes: pa.Array[Any] | pa.ChunkedArray[Any] | Sequence[str | None],
        names: pa.Array[Any] | pa.ChunkedArray[Any] | Sequence[str | None] | None = None,
    ) -> pa.Table:
        """:meth:`resolve_lsoa` for a column of codes (and names), row order preserved.

        Each distinct code and name is resolved once; rows are then filled with Arrow
        ``take``, so millions of rows cost little more than their distinct values. Rows
        that resolve neither way are kept, with ``match="unresolved"`` and nulls.

        Returns:
            A table with the string columns of ``svduty.areas.RESOLVED_COLUMNS``.

        Example:
            >>> import svduty, pyarrow as pa
            >>> geo = svduty.warwickshire().geography
            >>> t = geo.resolve_lsoas(pa.array(["E01031180", "E01099999", None]),
            ...                       pa.array(["Rugby 010E", "Warwick 001A", None]))
            >>> t.column("district_name").to_pylist()
            ['Rugby', 'Warwick', None]
            >>> t.column("match").to_pylist()
            ['table', 'name', 'unresolved']
        """
        code_arr = _string_array(codes)
        outcomes: list[_Outcome] = []
        seen: dict[_Outcome, int] = {}

        def intern(o: _Outcome | None) -> int | None:
            if o is None:
                return None
            if o not in seen:
                seen[o] = len(outcomes)
                outcomes.append(o)
            return seen[o]

        unresolved = intern((None, None, None, None, None, Match.UNRESOLVED.value))

        def per_row(values: Any, resolve: Any, memo: dict[str, _Outcome | None]) -> Any:
            enc: Any = pc.dictionary_encode(values)
            found = []
            for v in enc.dictionary.to_pylist():
                if v not in memo:  # each distinct value is resolved once per geography
                    memo[v] = resolve(v)
                found.append(intern(memo[v]))
            return pc.take(pa.array(found, pa.int32()), enc.indices)

        cache = self._index.cache
        row = per_row(code_arr, self._code_outcome, cache.setdefault("lsoa_codes", {}))
        if names is not None:
            name_arr = _string_array(names)
            if len(name_arr) != len(code_arr):
                raise AreaError.single(
                    None,
                    "names",
                    expected=f"as many names as codes ({len(code_arr)})",
                    got=str(len(name_arr)),
                )
            names_memo = cache.setdefault("lsoa_names", {})
            row = pc.coalesce(row, per_row(name_arr, self._name_outcome, names_memo))
        row = pc.coalesce(row, pa.scalar(unresolved, pa.int32()))
        columns = {"lsoa_code": code_arr}
        for j, col in enumerate(RESOLVED_COLUMNS[1:]):
            values = pa.array([o[j] for o in outcomes], pa.string())
            columns[col] = pc.take(values, row)
        return pa.table(columns)

    # -- points -----------------------------------------------------------------------

    def _tree(self) -> tuple[Any, Any]:
        cached = self._index.cache.get("tree")
        if cached is None:
            import shapely
            from shapely.geometry import shape

            geoms: list[Any] = []
            codes: list[str] = []
            for district in self.all():
                if not district.kind.is_local_government_area:
                    continue
                for feature in boundary_features(district.id):
                    code = feature["properties"]["LSOA21CD"]
                    if code in self._index.current:
                        geoms.append(shape(feature["geometry"]))
                        codes.append(code)
            tree = shapely.STRtree(geoms)
            cached = (tree, pa.array(codes, pa.string()))
            self._index.cache["tree"] = cached
        return cached

    def boundary_codes(self) -> tuple[str, ...]:
        """The LSOA (2021) codes the packaged boundary files cover in this geography.

        Example:
            >>> import svduty
            >>> len(svduty.warwickshire().geography.boundary_codes())
            354
        """
        return tuple(self._tree()[1].to_pylist())

    def locate_points(self, lons: Any, lats: Any) -> pa.Table:
        """The LSOA (2021) and district of each point (longitude, latitude, WGS84).

        Vectorised with a shapely STRtree over the packaged boundaries. Points outside
        every boundary (or with a missing coordinate) get nulls and ``match="unresolved"``;
        a point on the line between two LSOAs gets the one listed first.

        Args:
            lons: Longitudes (a sequence, NumPy array or Arrow array).
            lats: Latitudes, as many as ``lons``.

        Returns:
            A table with the columns of :meth:`resolve_lsoas`.

        Example:
            >>> import svduty
            >>> geo = svduty.warwickshire().geography
            >>> t = geo.locate_points([-1.2625, -1.8904, 0.0], [52.3709, 52.4862, 51.5])
            >>> t.column("district_name").to_pylist()
            ['Rugby', None, None]
        """
        import shapely

        x, y = _floats(lons), _floats(lats)
        if x.shape != y.shape:
            raise AreaError.single(
                None,
                "lats",
                expected=f"as many latitudes as longitudes ({x.size})",
                got=str(y.size),
            )
        tree, codes = self._tree()
        points = shapely.points(x, y)
        found = np.full(x.size, -1, dtype=np.int64)
        if x.size:
            inp, hit = tree.query(points, predicate="intersects")
            order = np.lexsort((hit, inp))
            inp, hit = inp[order], hit[order]
            first_inp, first_at = np.unique(inp, return_index=True)
            found[first_inp] = hit[first_at]
        index = pa.array(found, pa.int64(), mask=found < 0)
        return self.resolve_lsoas(pc.take(codes, index))

    def locate(self, lon: float, lat: float) -> AreaMatch | None:
        """The LSOA (2021) and district of one point, or ``None`` if outside the boundaries.

        Example:
            >>> import svduty
            >>> m = svduty.warwickshire().geography.locate(-1.5833, 52.2823)
            >>> m.district_name, m.lsoa_code[:3]
            ('Warwick', 'E01')
        """
        row = self.locate_points([lon], [lat]).to_pylist()[0]
        if row["lsoa_code"] is None:
            return None
        return AreaMatch(
            row["lsoa_code"],
            row["district_code"],
            row["district_name"],
            row["match"],
            row["csp_code"],
            row["csp_name"],
            row["police_area"],
        )
