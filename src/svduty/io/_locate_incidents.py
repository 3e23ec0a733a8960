"""Locating incident rows: each distinct ``location`` looked up once (split from ``_locate``).

An incident's ``location`` is any GSS code (an LSOA, a ward, a district); the pipeline
(:func:`~svduty.io.classify_batch`) locates incident batches here, police.uk batches by
their LSOA in :mod:`svduty.io._locate`.
"""

from __future__ import annotations

from typing import Any

import pyarrow as pa

from svduty import _arrays
from svduty import _compute as pc
from svduty.areas import LOCAL_GOVERNMENT_AREA_PREFIXES
from svduty.errors import SvdutyError
from svduty.io._locate import (
    AREA_COLUMNS,
    KEY,
    AreaResolver,
    Arrow,
    LocationResolver,
    Places,
    Within,
    _code_places,
    _resolved,
    _unmatched,
    _within_area,
)

__all__ = ["LOCATIONS", "LOCATION_COLUMNS", "locate_incidents"]


def locate_incidents(good: Any, resolve_areas: AreaResolver, within: Within) -> Any:
    """Places for incidents located by an LSOA or a district code; ``within_area`` from it.

    An incident's ``location`` is any GSS code (an LSOA, a ward, a district); it is never
    rejected for being unknown (the classifier answers ``undetermined`` where it matters).
    Each distinct location is looked up once; :func:`place_columns` gives the rows theirs.
    A location is looked up as the classifier reads it (:func:`_as_read`): blank text is
    no location, and a code is read in capitals without the spaces around it. A district
    (local government area) code the partnership's geography knows gets the areas each of
    its LSOAs gets, with ``match`` ``district`` (:func:`_districts`). With a
    :class:`~svduty.io._locate.RememberedWithin` (the default pipeline's), the locations
    met in earlier batches are remembered with their places and not looked up again, as
    police.uk's LSOA codes are (``_code_places``, kind ``locations``; ``svduty classify``
    keeps them for its next run: ``svduty._commands._located``).
    """
    enc = pc.dictionary_encode(_arrays.one_array(good.column("location")), null_encoding="encode")
    codes = _as_read(enc.dictionary)
    places = _code_places(codes, resolve_areas, within, LOCATIONS, _location_places)
    return good.append_column(KEY, enc.indices), Places(places, True)


LOCATIONS = "locations"
"""The kind of code an incident's location is, for the places remembered (``_code_places``)."""
LOCATION_COLUMNS = (*AREA_COLUMNS, "within_area")
"""The columns of a location's place (:func:`_location_places`)."""


def _location_places(codes: Arrow, resolve_areas: AreaResolver, within: Within) -> pa.Table:
    """The place of each location (as read: :func:`_as_read`), one row a code.

    Its :data:`LOCATION_COLUMNS`: the areas ``resolve_areas`` gives it (a district's code
    those of its LSOAs: :func:`_districts`) and ``within_area`` (a location placed in no
    district: :func:`_unplaced`).

    Example:
        >>> import svduty
        >>> p = svduty.warwickshire()
        >>> t = _location_places(pa.array(["E01031180", "E07000222", None]),
        ...                      p.geography.resolve_lsoas, p.local_area.within)
        >>> t.column("match").to_pylist(), t.column("within_area").to_pylist()
        (['table', 'district', None], ['inside', 'inside', 'no_location'])
    """
    areas = _resolved(
        resolve_areas(codes, pa.nulls(len(codes), pa.string())), len(codes), "locations"
    )
    # no location: no look-up, so no match either
    match = pc.if_else(pc.is_null(codes), pa.scalar(None, pa.string()), areas.column("match"))
    areas = _districts(
        areas.set_column(areas.schema.get_field_index("match"), "match", match),
        codes,
        within,
        _locations(resolve_areas),
    )
    unplaced = _unplaced(codes, areas.column("district_code"), within, resolve_areas)
    where = pc.and_(pc.is_valid(codes), pc.invert(unplaced))  # unplaced: not asked again
    district = pc.if_else(where, pc.coalesce(areas.column("district_code"), codes), None)
    return areas.append_column("within_area", _within_area(where, district, within, safe=True))


def _places_read() -> None:
    """Arrow's Unicode tables made, as :func:`_as_read` first needs them (~2 ms, once).

    On ``svduty classify``'s reading thread while it waits for the file read ahead
    (``io._incident_tables._open_csv``, ``io._jsonl_ahead.taken``), not in the loop's
    first batch (speed56d). The national tables a location outside the geography is
    looked up in were read there too, measured and not kept: the loop's first locating
    16 -> 9.5 ms of CPU, but the reading thread's +12 ms made the first batch as late
    and the process +15 ms of CPU (6 interleaved runs, medians).

    Example:
        >>> _places_read()
    """
    _as_read(pa.array(["e01031180"]))


def _unplaced(codes: Arrow, districts: Arrow, within: Within, resolve_areas: AreaResolver) -> Arrow:
    """Whether each location, placed in no district, is neither inside nor outside the area.

    A code the geography does not know, and an area only partly inside (an integrated care
    board that reaches beyond a county), cannot be counted either way: the row has no
    location that places it (``no_location``). A code wholly inside or wholly outside
    (a ward, a county) is placed. Without the geography (a caller's own resolver) only a
    code ``within`` refuses is unplaced.

    Example:
        >>> import svduty
        >>> p = svduty.warwickshire()
        >>> codes = pa.array(["E10000031", "E54000018", "E01099999", "E08000026", None])
        >>> _unplaced(codes, pa.nulls(5, pa.string()), p.local_area.within,
        ...           p.local_area.resolve_lsoas).to_pylist()
        [False, True, True, False, False]
    """
    geography = _geography(resolve_areas)
    out = [False] * len(codes)
    for i in pc.indices_nonzero(pc.and_(pc.is_null(districts), pc.is_valid(codes))).to_pylist():
        code = codes[i].as_py()
        if geography is not None and code not in geography:  # unknown: no look-up to fail
            out[i] = True
            continue
        try:
            if not within(code) and geography is not None:  # partly inside?
                out[i] = any(_knows(within, d) and within(d) for d in geography.lga_codes(code))
        except SvdutyError:  # a code ``within`` refuses
            out[i] = True
    return pa.array(out, pa.bool_())


_LGA = pa.array(sorted(LOCAL_GOVERNMENT_AREA_PREFIXES), pa.string())


def _locations(resolve_areas: AreaResolver) -> LocationResolver | None:
    """The geography's ``resolve_locations``, if ``resolve_areas`` is a geography's method.

    The pipeline's look-up is by LSOA (``Geography.resolve_lsoas``, or a
    ``LocalArea``'s); the geography it is bound to also answers for a district's code.
    Any other resolver (a test's, a caller's own) gives none: a district code then fills
    ``district_code`` and ``match`` only.

    Example:
        >>> import svduty
        >>> geo = svduty.warwickshire().geography
        >>> _locations(geo.resolve_lsoas) == geo.resolve_locations, _locations(print)
        (True, None)
    """
    found = getattr(_owner(resolve_areas), "resolve_locations", None)
    return found if callable(found) else None


def _owner(resolve_areas: AreaResolver) -> Any:
    """The geography ``resolve_areas`` is a method of (or of whose local area), or None."""
    owner = getattr(resolve_areas, "__self__", None)
    return getattr(owner, "geography", owner)  # a LocalArea's, or the geography


def _geography(resolve_areas: AreaResolver) -> Any:
    """:func:`_owner` if it can say which districts an area holds (``lga_codes``)."""
    geography = _owner(resolve_areas)
    return geography if callable(getattr(geography, "lga_codes", None)) else None


def _districts(
    areas: pa.Table, codes: Arrow, within: Within, locations: LocationResolver | None = None
) -> pa.Table:
    """``areas`` where a location the LSOA look-up did not find is a district's code.

    Such a location (a local government area code that ``within`` knows: it does not
    refuse it) gets ``match`` ``district`` and, from ``locations`` (the geography's
    :meth:`~svduty.areas.Geography.resolve_locations`), the areas each of the district's
    LSOAs gets: a ceased district its successor's. Without ``locations`` it is its own
    ``district_code`` and the name, CSP and police area columns stay null.

    Example:
        >>> areas = pa.table({c: pa.nulls(2, pa.string()) for c in AREA_COLUMNS})
        >>> areas = areas.set_column(5, "match", pa.array(["unresolved"] * 2))
        >>> from svduty.errors import UnknownAreaError
        >>> def within(code):  # a geography that knows one district
        ...     if code != "E07000222":
        ...         raise UnknownAreaError(code)
        ...     return True
        >>> out = _districts(areas, pa.array(["E07000222", "E07999999"]), within)
        >>> out.column("district_code").to_pylist(), out.column("match").to_pylist()
        (['E07000222', None], ['district', 'unresolved'])
    """
    prefix = pc.utf8_slice_codeunits(codes, 0, 3)
    maybe = pc.and_(_unmatched(areas), pc.is_in(prefix, value_set=_LGA))
    if not pc.any(maybe).as_py():  # the usual case: LSOA codes
        return areas
    known = pa.array(
        [c for c in pc.unique(pc.filter(codes, maybe)).to_pylist() if _knows(within, c)],
        pa.string(),
    )
    at: Arrow = pc.index_in(codes, value_set=known)
    values: dict[str, Arrow]
    if locations is None:
        values = {"district_code": pc.take(known, at), "match": pa.scalar("district")}
        found: Arrow = pc.is_valid(at)
    else:
        looked = _resolved(locations(known), len(known), "district codes")
        values = {name: pc.take(looked.column(name), at) for name in AREA_COLUMNS}
        found = pc.fill_null(pc.equal(values["match"], pa.scalar("district")), pa.scalar(False))
    for name, value in values.items():
        i = areas.schema.get_field_index(name)
        areas = areas.set_column(i, name, pc.if_else(found, value, areas.column(i)))
    return areas


def _knows(within: Within, code: str) -> bool:
    """Whether ``within`` answers for ``code`` (it refuses a code its geography lacks)."""
    try:
        within(code)
    except SvdutyError:
        return False
    return True


def _as_read(codes: Arrow) -> Arrow:
    """Locations as the classifier reads them (``Incident``, ``prepare``): blank is unknown.

    Example:
        >>> _as_read(pa.array([" e01031180 ", "  ", None])).to_pylist()
        ['E01031180', None, None]
    """
    text = pc.utf8_upper(pc.utf8_trim_whitespace(pc.cast(codes, pa.string())))
    return pc.if_else(pc.equal(text, pa.scalar("")), pa.scalar(None, pa.string()), text)
