"""LSOA resolution over Arrow columns: each distinct code and name resolved once."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from svduty import _compute as pc
from svduty._arrays import string_array
from svduty.areas._district_codes import LOCK as _LOCK
from svduty.areas._district_codes import DistrictCodes
from svduty.areas._lsoa_conflicts import refuse_contradiction, without_conflicts
from svduty.areas._model import (
    LOCAL_GOVERNMENT_AREA_PREFIXES,
    LSOA_NAME,
    Area,
    AreaKind,
    Match,
    normalise_name,
)
from svduty.areas._national import (
    district_partnerships,
    lsoa_district,
    lsoa_name_districts,
    national_districts,
    police_force_names,
)
from svduty.errors import AreaError, UnknownAreaError

if TYPE_CHECKING:  # built when one LSOA is looked up (svduty.areas._match)
    from svduty.areas._match import AreaMatch
__all__ = ["RESOLVED_COLUMNS", "Outcome", "Resolving", "resolve_columns"]

RESOLVED_COLUMNS: tuple[str, ...] = (
    "lsoa_code",
    "district_code",
    "district_name",
    "csp_code",
    "csp_name",
    "police_area",
    "match",
)
"""The columns of :meth:`~svduty.areas.Geography.resolve_lsoas` (all strings), in order.

``district_code`` and ``district_name`` name the LSOA's real district, in the
partnership's area or not (a geography with the national tables names Coventry, Lancaster
or Flintshire); ``csp_code`` and ``csp_name`` are null when the district holds several
community safety partnerships (the tables do not say which part an LSOA is in);
``police_area`` is the police command area's name where the geography records one (such
as "Warwickshire Police North"), else the police force area's (such as "West Midlands");
``match`` is ``"table"``, ``"name"``, ``"conflict"`` (the LSOA name contradicts the
code: nulls) or ``"unresolved"`` (and ``"district"`` for
:meth:`~svduty.areas.Geography.resolve_locations`)."""


Outcome = tuple[str | None, str | None, str | None, str | None, str | None, str]
"""district code, district name, CSP code, CSP name, police command area, match."""

Resolver = Callable[[str], Outcome | None]
Column = Any


def resolve_columns(
    codes: Column,
    names: Column | None,
    by_code: Resolver,
    by_name: Resolver,
    cache: dict[str, Any],
    *,
    kind: str = "lsoa_codes",
) -> pa.Table:
    """Resolve a column of codes (then names where the code fails), row order preserved.

    Each distinct value is resolved once (memoised in ``cache`` across calls, under
    ``kind``: each ``by_code`` has its own); rows are then filled with Arrow ``take``.
    Rows that resolve neither way get ``match="unresolved"`` and nulls.

    Raises:
        AreaError: if there are names but not as many as codes.

    Example:
        >>> out = resolve_columns(["a", "b"], None,
        ...     lambda c: ("D", "Dee", None, None, None, "table") if c == "a" else None,
        ...     lambda n: None, {})
        >>> out.column("match").to_pylist()
        ['table', 'unresolved']
    """
    with _LOCK:  # the memo is shared by the threads of a batch job
        code_arr = string_array(codes, "codes")
        book = cache.setdefault("lsoa_outcomes", _Outcomes())
        unresolved = book.number((None, None, None, None, None, Match.UNRESOLVED.value))
        row = book.numbers(code_arr, by_code, kind)
        if names is not None:
            name_arr = string_array(names, "names")
            if len(name_arr) != len(code_arr):
                raise AreaError.single(
                    None,
                    "names",
                    expected=f"as many names as codes ({len(code_arr)})",
                    got=str(len(name_arr)),
                )
            need = pc.is_null(row)  # only the rows whose code does not resolve
            if pc.any(need).as_py():
                by_names = book.numbers(pc.filter(name_arr, need), by_name, "lsoa_names")
                row = pc.replace_with_mask(row, need, by_names)
        row = pc.coalesce(row, pa.scalar(unresolved, pa.int32()))
        columns = {"lsoa_code": code_arr}
        for j, col in enumerate(RESOLVED_COLUMNS[1:]):
            columns[col] = pc.take(book.column(j), row)
        return pa.Table.from_pydict(columns)


class _Outcomes:
    """A geography's look-up outcomes, numbered, and the numbers of the values seen.

    Each distinct value is resolved once per geography; a batch's values are then matched
    to their outcome numbers column-wise (Arrow ``index_in``), not one by one.
    """

    def __init__(self) -> None:
        self.outcomes: list[Outcome] = []
        self.seen: dict[Outcome, int] = {}
        self.memo: dict[str, dict[str, int | None]] = {}
        self.keys: dict[str, Any] = {}
        self.values: dict[str, Any] = {}
        self.columns: list[Any] = []

    def number(self, outcome: Outcome) -> int:
        if outcome not in self.seen:
            self.seen[outcome] = len(self.outcomes)
            self.outcomes.append(outcome)
            self.columns = []
        return self.seen[outcome]

    def column(self, j: int) -> Any:
        if not self.columns:
            self.columns = [pa.array([o[k] for o in self.outcomes], pa.string()) for k in range(6)]
        return self.columns[j]

    def numbers(self, values: Any, resolve: Resolver, kind: str) -> Any:
        """The outcome number of each value (null where it does not resolve)."""
        enc: Any = pc.dictionary_encode(values)
        memo = self.memo.setdefault(kind, {})
        keys = self.keys.get(kind, pa.array([], pa.string()))
        new = pc.filter(enc.dictionary, pc.invert(pc.is_in(enc.dictionary, value_set=keys)))
        if len(new) or kind not in self.keys:
            for v in new.to_pylist():
                found = resolve(v)
                memo[v] = None if found is None else self.number(found)
            self.keys[kind] = keys = pa.array(list(memo), pa.string())
            self.values[kind] = pa.array(list(memo.values()), pa.int32())
        at = pc.index_in(enc.dictionary, value_set=keys)
        return pc.take(pc.take(self.values[kind], at), enc.indices)


class Resolving(DistrictCodes):
    """LSOA codes and names to districts, for :class:`~svduty.areas.Geography`.

    Example:
        >>> import svduty
        >>> isinstance(svduty.warwickshire().geography, Resolving)
        True
    """

    __slots__ = ()
    _index: Any
    national: bool

    def _outside(self) -> Any:  # pragma: no cover - Geography's
        raise NotImplementedError

    def get(self, code_or_id: str, as_at: Any = None) -> Area:  # pragma: no cover
        """The area with a code (see :meth:`~svduty.areas.Geography.get`)."""
        raise NotImplementedError

    def parents(self, code_or_id: str, kind: Any = None) -> tuple[Area, ...]:  # pragma: no cover
        """The areas an area lies in (see :meth:`~svduty.areas.Geography.parents`)."""
        raise NotImplementedError

    def district_of(self, code: str) -> Area:  # pragma: no cover
        """The district of an area (see :meth:`~svduty.areas.Geography.district_of`)."""
        raise NotImplementedError

    def _district_outcome(self, district: Area, match: str) -> Outcome:
        holder = self if district.id in self._index.current else self._outside()
        assert holder is not None  # an area outside the index came from the tables
        csp = [
            (c.code, c.name)
            for c in holder.parents(district.id, AreaKind.COMMUNITY_SAFETY_PARTNERSHIP)
        ]
        if not csp and district.code in district_partnerships():  # a record silent on it
            csp = list(district_partnerships()[district.code][1])  # (Coventry's in Warwickshire)
        police = holder.parents(district.id, AreaKind.POLICE_COMMAND_AREA) or holder.parents(
            district.id, AreaKind.POLICE_FORCE_AREA
        )
        one = len(csp) == 1
        return (
            district.code,
            district.name,
            csp[0][0] if one else None,
            csp[0][1] if one else None,
            police[0].name if police else police_force_names().get(district.id),
            match,
        )

    def _code_outcome(self, code: str | None) -> Outcome | None:
        if code is None:
            return None
        key = code.strip().upper()  # a GSS code in lower case is still the code
        area = self._index.current.get(key)
        if area is not None:
            if not area.kind.is_lsoa:
                return None
            district = self._index.district_id(area.id) or self.district_of(area.id).id
        elif self.national and (national := self._national_district(key)) is not None:
            district = national
        else:
            return None
        memo = self._index.cache.setdefault("district_outcomes", {})
        if district not in memo:  # one outcome per district, shared by its LSOAs
            memo[district] = self._outcome_of_district(district, Match.TABLE.value)
        found: Outcome = memo[district]
        return found

    def _outcome_of_district(self, code: str, match: str) -> Outcome:
        """A district's outcome; outside the geography, the national tables' (a test checks)."""
        outside = code not in self._index.current  # by code (self.national) or by LSOA name
        national = district_partnerships().get(code) if outside else None
        if national is None:
            return self._district_outcome(self.get(code), match)
        name, csps = national
        one = len(csps) == 1
        csp = (csps[0][0], csps[0][1]) if one else (None, None)
        return (code, name, *csp, police_force_names().get(code), match)

    def _national_district(self, key: str) -> str | None:
        """The district of an LSOA code in the national tables (``None`` if not there).

        Codes a batch was looked up with are answered from :meth:`_look_up_nationally`;
        any other from the national dictionary (built on first use).
        """
        memo = self._index.cache.get("national_lsoas", {})
        if key in memo:
            return memo[key]  # type: ignore[no-any-return]
        found = lsoa_district().get(key)
        return None if found is None else found[0]

    def _look_up_nationally(self, codes: Any) -> None:
        """The national district of each new code of a column, found column-wise.

        Arrow joins against the national tables, so a batch's few hundred codes outside
        the geography do not need the dictionary of all 70,000 LSOAs built.
        """
        with _LOCK:
            cache = self._index.cache
            memo = cache.setdefault("national_lsoas", {})
            asked = cache.get("national_asked", pa.array([], pa.string()))
            distinct = pc.unique(pc.drop_null(codes))
            unseen = pc.filter(distinct, pc.invert(pc.is_in(distinct, value_set=asked)))
            if not len(unseen):
                return
            cache["national_asked"] = pa.concat_arrays([asked, pc.cast(unseen, pa.string())])
            keys = {c.strip().upper() for c in unseen.to_pylist()}
            new = sorted(k for k in keys if k not in memo and k not in self._index.current)
            if new:
                memo.update(zip(new, national_districts(new), strict=True))

    def _name_outcome(self, name: str | None) -> Outcome | None:
        m = LSOA_NAME.match(name) if name is not None else None
        if not m:
            return None
        code = lsoa_name_districts().get(normalise_name(m.group(1)))  # as the ONS named LSOAs
        if code is not None:
            return self._outcome_of_district(code, Match.NAME.value)
        for geo in (self, self._outside()):  # a bundle's own district, not in the tables
            for area_id in geo._index.by_name.get(normalise_name(m.group(1)), ()) if geo else ():
                area = geo._index.current[area_id]
                if area.kind.is_local_government_area:
                    return self._district_outcome(area, Match.NAME.value)
        return None  # no district, in the tables or the bundle, names its LSOAs so

    def resolve_lsoa(self, code: str | None, name: str | None = None) -> AreaMatch:
        """The district (and CSP, police command area) of an LSOA, from its code or name.

        A code in the ONS tables resolves with ``match="table"``. A code the tables do not
        know resolves from the LSOA name ("Rugby 010E" -> Rugby; "Bristol 001A" -> "Bristol,
        City of", as the ONS named its LSOAs) with ``match="name"``. A geography built
        with ``national=True`` resolves LSOAs (2011 or 2021) anywhere in England and Wales
        to their real district, in the area or not.

        A name of another current district than the code's contradicts it: svduty reports
        it, choosing neither (a district abolished since, such as Daventry, says nothing).

        Raises:
            UnknownAreaError: naming the code, if neither the code nor the name resolves.
            ConflictError: if the name names another district than the code's.

        Example:
            >>> import svduty
            >>> geo = svduty.warwickshire().geography
            >>> geo.resolve_lsoa("E01031180").csp_name
            'Rugby'
            >>> m = geo.resolve_lsoa("E01099999", "Rugby 010E")
            >>> m.district_code, m.match, geo.resolve_lsoa("E01099999", "Bristol 001A").district_name
            ('E07000220', 'name', 'Bristol, City of')
            >>> geo.resolve_lsoa("E01033620", "Birmingham 012E").district_name
            'Birmingham'
            >>> geo.resolve_lsoa("E01099999")
            Traceback (most recent call last):
            ...
            svduty.errors.UnknownAreaError: unknown area: E01099999 (not in the LSOA tables, and no LSOA name to resolve from)
            >>> geo.resolve_lsoa("E01031180", "Birmingham 012E")
            Traceback (most recent call last):
            ...
            svduty.errors.ConflictError: name: the LSOA name names another district than E01031180's (Rugby): the two contradict
        """  # noqa: E501
        found = self._code_outcome(code)
        if found is not None and name is not None:
            refuse_contradiction(code, found[:2], name)
        out = found or self._name_outcome(name)
        if out is None:
            hint = (
                "not in the LSOA tables, and the LSOA name is no district's and a code like 001A"
                if name is not None
                else "not in the LSOA tables, and no LSOA name to resolve from"
            )
            raise UnknownAreaError(str(code), hint)
        from svduty.areas._match import AreaMatch

        return AreaMatch(code, out[0], out[1], out[5], out[2], out[3], out[4])

    def _location_outcome(self, code: str | None) -> Outcome | None:
        """An LSOA code's outcome, else a local government area code's (match ``district``).

        A district's outcome is the one its LSOAs get, with ``match`` ``district``; a
        ceased district's is its successor's (:meth:`district_code_of` reads it so).
        """
        found = self._code_outcome(code)
        key = "" if code is None else code.strip()
        if found is not None or key[:3] not in LOCAL_GOVERNMENT_AREA_PREFIXES:
            return found
        district = self.district_code_of(key)
        if district is None:
            return None
        memo = self._index.cache.setdefault("district_location_outcomes", {})
        if district not in memo:
            memo[district] = self._outcome_of_district(district, Match.DISTRICT.value)
        return memo[district]  # type: ignore[no-any-return]

    def resolve_location(self, code: str) -> AreaMatch:
        """The areas of an incident's location: an LSOA code or a local government area's.

        Read as the classifier reads a location: without the spaces around it, in
        capitals. An LSOA code resolves as :meth:`resolve_lsoa` resolves it (``match``
        ``table``); the code of a district, unitary, borough or Welsh principal area the
        geography knows gets what each of its LSOAs gets (its name, its CSP where it has
        one, its police command area), with ``match`` ``district``. A district that ceased
        to exist (those of Cumbria, North Yorkshire and Somerset on 1 April 2023) is read
        as its successor, as a 2011 LSOA is read as the current district of its 2021 best
        fit, whatever the incident's date. A ward or county code does not resolve: a ward
        is not an LSOA, and a county does not determine one district.

        Raises:
            UnknownAreaError: naming the code, if it resolves neither way.

        Example:
            >>> import svduty
            >>> geo = svduty.warwickshire().geography
            >>> m = geo.resolve_location(" e07000222")
            >>> m.district_name, m.csp_name, m.police_area, m.match
            ('Warwick', 'South Warwickshire', 'Warwickshire Police South', 'district')
            >>> geo.resolve_location("E07000026").district_name  # Allerdale, until 2023
            'Cumberland'
            >>> geo.resolve_location("E10000031")
            Traceback (most recent call last):
            ...
            svduty.errors.UnknownAreaError: unknown area: E10000031 (not an LSOA or a local government area the tables know)
        """  # noqa: E501
        key = code.strip().upper() if isinstance(code, str) else None
        out = self._location_outcome(key) if key else None
        if out is None:
            hint = "not an LSOA or a local government area the tables know"
            raise UnknownAreaError(key, hint)
        lsoa = key if out[5] == Match.TABLE.value else None
        from svduty.areas._match import AreaMatch

        return AreaMatch(lsoa, out[0], out[1], out[5], out[2], out[3], out[4])

    def resolve_locations(
        self, codes: pa.Array[Any] | pa.ChunkedArray[Any] | Sequence[str | None]
    ) -> pa.Table:
        """:meth:`resolve_location` for a column of codes, row order preserved.

        Each distinct code is looked up once; a row that resolves neither way (or has no
        code) gets ``match`` ``unresolved`` and nulls, as in :meth:`resolve_lsoas`. The
        codes are read without the spaces around them, as given otherwise (in capitals).

        Returns:
            A table with the string columns of ``svduty.areas.RESOLVED_COLUMNS``
            (``lsoa_code``: the codes asked about).

        Example:
            >>> import svduty
            >>> geo = svduty.warwickshire().geography
            >>> t = geo.resolve_locations(["E01031180", "E07000220", "E05008983", None])
            >>> t.column("csp_name").to_pylist(), t.column("match").to_pylist()
            (['Rugby', 'Rugby', None, None], ['table', 'district', 'unresolved', 'unresolved'])
        """
        values = string_array(codes, "resolve_locations(codes)")
        if self.national:
            self._look_up_nationally(values)
        return resolve_columns(
            values,
            None,
            self._location_outcome,
            self._name_outcome,
            self._index.cache,
            kind="locations",
        )

    def district_code_of(self, code: str) -> str | None:  # pragma: no cover - Geography's
        """The district code of an area (see :meth:`~svduty.areas.Geography.district_code_of`)."""
        raise NotImplementedError

    def resolve_lsoas(
        self,
        codes: pa.Array[Any] | pa.ChunkedArray[Any] | Sequence[str | None],
        names: pa.Array[Any] | pa.ChunkedArray[Any] | Sequence[str | None] | None = None,
    ) -> pa.Table:
        """:meth:`resolve_lsoa` for a column of codes (and names), row order preserved.

        Each distinct code and name is resolved once; rows are then filled with Arrow
        ``take``, so millions of rows cost little more than their distinct values. Rows
        that resolve neither way are kept, with ``match="unresolved"`` and nulls; rows whose
        name names another district than their code's, with ``match="conflict"`` and nulls.

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
            >>> t = geo.resolve_lsoas(["E01031180"], ["Birmingham 012E"])
            >>> t.column("match").to_pylist(), t.column("district_name").to_pylist()
            (['conflict'], [None])
        """
        if self.national:
            self._look_up_nationally(string_array(codes, "codes"))
        table = resolve_columns(
            codes, names, self._code_outcome, self._name_outcome, self._index.cache
        )
        return table if names is None else without_conflicts(table, string_array(names))
