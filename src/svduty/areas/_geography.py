"""The geography: areas by code and name, containment, LSOA resolution, points to areas."""

from __future__ import annotations

import datetime as _dt
import functools
from collections.abc import Iterable

import attrs

from svduty._arguments import choice_argument, text_argument
from svduty._checked import checked_methods
from svduty.areas._index import RANK, Index, build_index
from svduty.areas._model import (
    GSS_PREFIXES,
    LOCAL_GOVERNMENT_AREA_PREFIXES,
    Area,
    AreaKind,
    Membership,
    normalise_name,
)
from svduty.areas._national import (
    district_partnerships,
    national_areas,
    welsh_names,
)
from svduty.areas._points import Locating
from svduty.areas._resolve import Resolving
from svduty.errors import AreaError, UnknownAreaError
from svduty.periods import Period, date
from svduty.sources import Citation

__all__ = ["Geography"]

_CENSUS_2011 = _dt.date(2011, 3, 27)


def _vintages(a: Area) -> frozenset[int]:
    if a.kind is AreaKind.LSOA2011:
        return frozenset({2011})
    if a.valid.start <= _CENSUS_2011:
        return frozenset({2011, 2021})
    return frozenset({2021})


@checked_methods
@attrs.frozen(slots=True, init=False, repr=False)
class Geography(Resolving, Locating):
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
        lsoa_tables: Add the LSOAs (2011, 2021) and wards of these districts from the
            national ONS tables (``True``: of every local government area given). By
            default nothing is read: a geography holds only what it is asked for.
        national: Answer for areas outside the records from the national tables: an
            LSOA anywhere in England and Wales resolves to its real district, and
            :meth:`get` finds any district, county, CSP or police force area.

    Raises:
        AreaError: naming ``areas[i]...`` or ``memberships[i]...`` for an unknown area,
            two parents of one kind at once (a district in two counties; CSPs and ICBs
            are many-to-many), overlapping records of one area, or a cycle.

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
    national: bool
    _index: Index = attrs.field(eq=False, repr=False)

    def __init__(
        self,
        areas: Iterable[Area] = (),
        memberships: Iterable[Membership] = (),
        *,
        lsoa_tables: bool | Iterable[str] = False,
        national: bool = False,
    ) -> None:
        given = tuple(areas)
        links = tuple(memberships)
        extra: list[Area] = []
        if lsoa_tables:
            districts = (
                {a.id for a in given if a.kind.is_local_government_area}
                if lsoa_tables is True
                else set(lsoa_tables)
            )
            known = {a.id for a in given}
            from svduty.areas._national_lsoas import lsoa_areas  # not from the cache

            extra = [a for a in lsoa_areas(districts) if a.id not in known]
        all_areas = given + tuple(extra)
        vintages = {a.id: _vintages(a) for a in all_areas if a.kind.is_lsoa}
        index = build_index(all_areas, links, vintages)
        self.__attrs_init__(all_areas, links, national, index)

    @classmethod
    def england_and_wales(cls) -> Geography:
        """Every area of England and Wales above the ward, from the national ONS tables.

        Countries, regions, counties, local government areas, community safety
        partnerships, police force areas, ICBs, Local Health Boards and fire and rescue
        authorities (see :func:`national_areas`), resolving LSOAs of either vintage
        anywhere. Built once and shared.

        Example:
            >>> geo = Geography.england_and_wales()
            >>> geo.find("Lancaster").code, geo.resolve_lsoa("W01000001").district_name
            ('E07000121', 'Isle of Anglesey')
            >>> [a.name for a in geo.parents("E06000060", "community_safety_partnership")]
            ['Aylesbury Vale', 'Chiltern', 'South Bucks', 'Wycombe']
        """
        return _england_and_wales()

    def _outside(self) -> Geography | None:
        if not self.national:
            return None
        everywhere = _england_and_wales()
        return None if everywhere is self else everywhere

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
            raise UnknownAreaError(parent, f"not a direct parent of {child}")
        return found

    def __contains__(self, code_or_id: object) -> bool:
        return isinstance(code_or_id, str) and code_or_id in self._index.current

    def __len__(self) -> int:
        return len(self._index.current)

    def __repr__(self) -> str:
        return f"<Geography: {len(self)} areas>"

    def get(self, code_or_id: str, as_at: _dt.date | str | None = None) -> Area:
        """The area with a code or id (its latest record, or the one in force ``as_at``).

        Raises:
            UnknownAreaError: if the geography has no such area (or none in force then).
            ArgumentError: if ``code_or_id`` is not a ``str``.

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
        key = text_argument(code_or_id, "Geography.get(code_or_id)", "a GSS code or area id")
        key = key.strip()
        if key not in self._index.current:
            outside = self._outside()
            if outside is not None and key in outside:
                return outside.get(key, as_at)
            raise UnknownAreaError(key)
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
        want = None if kind is None else choice_argument(kind, AreaKind, "find(kind)")
        for area in self.named(name):
            if want is None or area.kind is want:
                return area
        raise UnknownAreaError(
            name, f"no {want.value} of that name" if want else "no area of that name"
        )

    def named(self, name: str) -> tuple[Area, ...]:
        """Every area with a name (as :meth:`find` compares names), in :meth:`find`'s order.

        A principal area of Wales is also found by its Welsh name (``Caerdydd``,
        ``Ynys Môn``), as ``svduty init --area`` finds it.

        Example:
            >>> import svduty
            >>> [a.kind.value for a in svduty.warwickshire().geography.named("rugby")]
            ['district', 'community_safety_partnership']
        """
        key = normalise_name(name)
        ids = self._index.by_name.get(key, ())
        if not ids and (welsh := welsh_names().get(key)) in self._index.current:
            ids = (welsh,)  # a principal area of Wales by its Welsh name ('Caerdydd')
        return tuple(self._index.current[area_id] for area_id in ids)

    def all(self, kind: AreaKind | str | None = None) -> tuple[Area, ...]:
        """Every area (its latest record), optionally of one kind, by kind then code.

        Example:
            >>> import svduty
            >>> geo = svduty.warwickshire().geography
            >>> [a.name for a in geo.all("community_safety_partnership")]
            ['North Warwickshire', 'Nuneaton and Bedworth', 'Rugby', 'South Warwickshire']
        """
        want = None if kind is None else choice_argument(kind, AreaKind, "all(kind)")
        return self._sorted(
            a for a in self._index.current.values() if want is None or a.kind is want
        )

    def _sorted(self, areas: Iterable[Area]) -> tuple[Area, ...]:
        return tuple(sorted(areas, key=lambda a: (RANK[a.kind], a.id)))

    def parents(self, code_or_id: str, kind: AreaKind | str | None = None) -> tuple[Area, ...]:
        """Every area an area lies in (transitively), optionally of one kind.

        Example:
            >>> import svduty
            >>> geo = svduty.warwickshire().geography
            >>> [a.code for a in geo.parents("E01031180", "community_safety_partnership")]
            ['E22000321']
        """
        area = self.get(code_or_id)
        if area.id not in self._index.current:
            return _england_and_wales().parents(area.id, kind)
        want = None if kind is None else choice_argument(kind, AreaKind, "parents(kind)")
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
        if area.id not in self._index.current:
            return _england_and_wales().children(area.id, kind)
        want = None if kind is None else choice_argument(kind, AreaKind, "children(kind)")
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
        if i.id not in self._index.current:
            return o.id == i.id or o in _england_and_wales().parents(i.id)
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
        if area.id not in self._index.current:
            return _england_and_wales().districts_within(area.id)
        current = self._index.current
        return self._sorted(  # the districts only, before sorting (not every LSOA within)
            current[c]
            for c in self._index.descendants.get(area.id, ())
            if current[c].kind.is_local_government_area
        )

    def district_codes_within(self, code: str) -> tuple[str, ...]:
        """The codes of :meth:`districts_within`: the callable the s.11(6) join takes.

        Example:
            >>> import svduty
            >>> svduty.warwickshire().geography.district_codes_within("E22000359")
            ('E07000221', 'E07000222')
        """
        return tuple(a.id for a in self.districts_within(code))

    def periods_of(self, code: str) -> tuple[Period, ...]:
        """The periods of this geography's own records of an area; none if it has none.

        The national tables packaged with svduty are the current areas, undated: an area
        known only from them has no period here (not known, rather than always).

        Example:
            >>> import svduty
            >>> [str(p) for p in svduty.warwickshire().geography.periods_of("E07000218")]
            ['2009-04-01 onwards']
            >>> svduty.warwickshire().geography.periods_of("E08000025")
            ()
        """
        key = code.strip() if isinstance(code, str) else ""
        return tuple(r.valid for r in self._index.records.get(key, ()))

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
        key = code.strip() if isinstance(code, str) else ""
        area = self._index.current.get(key)
        if area is None:  # outside: of the national areas, only LSOAs and districts have one
            if key[:3] in _LSOA_PREFIXES:
                return self._national_district(key) if self.national else None
            if self.national and key in district_partnerships():
                return key
            return self._successor(key)
        if not (
            area.kind.is_lsoa or area.kind.is_local_government_area or area.kind is AreaKind.WARD
        ):
            return None
        return self.district_of(area.id).id

    def _successor(self, key: str) -> str | None:
        """The district that took over a ceased one (``svduty.areas._ceased``).

        Only where the geography answers for the successor: it is one of its areas, or
        the geography is national.
        """
        if key[:3] not in LOCAL_GOVERNMENT_AREA_PREFIXES:
            return None
        from svduty.areas._ceased import ceased_districts  # a code not of a current district

        ceased = ceased_districts().get(key)
        if ceased is None or not (self.national or ceased.successor in self._index.current):
            return None
        return ceased.successor

    def lga_codes(self, code: str) -> tuple[str, ...]:
        """The local government areas an area is in (an LSOA, a ward) or covers (larger).

        A local government area gives itself; an LSOA or ward its district; a county, CSP,
        police area or ICB the districts within it. With ``national=True``, areas anywhere
        in England and Wales are answered from the national tables.

        Raises:
            UnknownAreaError: if the code is unknown.

        Example:
            >>> import svduty
            >>> geo = svduty.warwickshire().geography
            >>> geo.lga_codes("E01031180"), geo.lga_codes("E01012049")
            (('E07000220',), ('E06000002',))
            >>> geo.lga_codes("E22000359")
            ('E07000221', 'E07000222')
        """
        found = self.district_code_of(code)
        if found is not None:
            return (found,)
        return self.district_codes_within(code)

    def lsoas(self, code: str, vintage: int = 2021) -> tuple[Area, ...]:
        """The LSOAs of a census vintage (2011 or 2021) within an area.

        Example:
            >>> import svduty
            >>> geo = svduty.warwickshire().geography
            >>> len(geo.lsoas("E10000031", 2011)), len(geo.lsoas("E10000031", 2021))
            (339, 354)
            >>> ew = Geography.england_and_wales()  # any area, from the national tables
            >>> len(ew.lsoas("W06000015", 2011)), ew.lsoas("E08000035")[0].name
            (214, 'Leeds 011A')
        """
        if vintage not in (2011, 2021):
            raise AreaError.single(None, "vintage", expected="2011 or 2021", got=vintage)
        found = tuple(
            a
            for a in self.children(code)
            if a.kind.is_lsoa and vintage in self._index.vintages.get(a.id, frozenset())
        )
        if found or not self.national:
            return found
        from svduty.areas._national_lsoas import lsoas_of  # not among the records: the tables

        return lsoas_of([d.id for d in self.districts_within(code)], vintage)


_LSOA_PREFIXES = GSS_PREFIXES[AreaKind.LSOA2021]
"""An LSOA code's first three characters (only those are looked up in the LSOA tables)."""


@functools.cache
def _england_and_wales() -> Geography:
    return Geography(national_areas(), national=True)
