"""Locating a batch's rows: the area columns of police.uk rows and of incidents.

A row's areas depend only on its LSOA code and name (an incident's on its location), so
each distinct code is looked up once and the rows get theirs by Arrow ``take``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np  # a dependency of pyarrow
import pyarrow as pa
import pyarrow.compute as pc

from svduty.errors import SvdutyError

Arrow = Any  # a pyarrow Array or ChunkedArray (pyarrow-stubs' compute overloads are narrower)
AreaResolver = Callable[[Arrow, Arrow], pa.Table]
Within = Callable[[str], bool]

__all__ = ["AREA_COLUMNS", "locate_incidents", "locate_police_uk", "pad"]

AREA_COLUMNS: tuple[str, ...] = (
    "district_code",
    "district_name",
    "csp_code",
    "csp_name",
    "police_area",
    "match",
)
"""The columns ``resolve_areas`` returns besides ``lsoa_code`` (strings, nulls where unknown)."""

_GSS = r"^[EWSN]\d{8}$"
_UNRESOLVED = "LSOA code: expected an LSOA code or name that the geography knows"


def _within_area(lsoa: Arrow, district: Arrow, within: Within) -> Arrow:
    """``inside`` / ``outside`` / ``no_location``, calling ``within`` once per district."""
    codes = [c for c in pc.unique(district.drop_null()).to_pylist() if c is not None]
    inside_codes = pa.array([c for c in codes if within(c)], pa.string())
    inside = pc.fill_null(pc.is_in(district, value_set=inside_codes), pa.scalar(False))
    where = pc.if_else(inside, pa.scalar("inside"), pa.scalar("outside"))
    return pc.if_else(pc.is_null(lsoa), pa.scalar("no_location"), where)


def pad(table: pa.Table, schema: pa.Schema) -> pa.Table:
    """``table`` with every column of ``schema``, nulls where it has none."""
    n = table.num_rows
    cols = [
        table.column(f.name).cast(f.type) if f.name in table.schema.names else pa.nulls(n, f.type)
        for f in schema
    ]
    return pa.Table.from_arrays(cols, schema=schema)


def locate_police_uk(good: Any, bad: Any, resolve_areas: AreaResolver, within: Within) -> Any:
    """Area columns from the LSOA; unresolvable LSOAs rejected; ``date`` and ``location``.

    ``location`` is dictionary-encoded (its dictionary may repeat a value); the caller
    decodes it once the rows are classified.

    A row's areas depend only on its LSOA code and name, so each distinct code is
    resolved (and located) once; only the rows whose code does not resolve are resolved
    again with their names. The results reach the rows by ``take``.
    """
    enc = pc.dictionary_encode(good.column("lsoa_code").combine_chunks())
    codes, d = enc.dictionary, len(enc.dictionary)
    areas = _resolved(resolve_areas(codes, pa.nulls(d, pa.string())), d, "LSOA codes")
    by_code = pc.take(pc.invert(_unmatched(areas)), enc.indices)
    key: Any = enc.indices
    if not pc.all(pc.fill_null(by_code, False)).as_py():  # the others: by code and name
        need = pc.invert(pc.fill_null(by_code, False))
        rows = pc.indices_nonzero(need)
        sub_codes = pc.take(good.column("lsoa_code"), rows).combine_chunks()
        sub_names = pc.take(good.column("lsoa_name"), rows).combine_chunks()
        more = _resolved(resolve_areas(sub_codes, sub_names), len(rows), "LSOA codes")
        areas = pa.concat_tables([areas, more]).combine_chunks()
        codes = pa.concat_arrays([codes, sub_codes])
        key = pc.replace_with_mask(
            pc.fill_null(enc.indices, 0),
            need,
            pa.array(np.arange(d, d + len(rows), dtype=np.int32)),
        )
    district = areas.column("district_code").combine_chunks()
    unresolved = pc.and_(pc.is_valid(codes), _unmatched(areas))
    gss: Arrow = pc.fill_null(pc.match_substring_regex(codes, _GSS), pa.scalar(False))
    location = pc.coalesce(district, pc.if_else(gss, codes, pa.scalar(None, pa.string())))
    located = pc.if_else(unresolved, pa.scalar(None, pa.string()), district)  # rejected: no call
    within_area = _within_area(codes, located, within)
    for name in AREA_COLUMNS:
        good = good.append_column(name, pc.take(areas.column(name), key))
    if pc.any(unresolved).as_py():
        rejected = pc.take(unresolved, key)
        newly = good.filter(rejected)
        newly = newly.set_column(
            newly.schema.get_field_index("rejected"),
            "rejected",
            pa.repeat(pa.scalar(_UNRESOLVED), newly.num_rows),
        )
        newly = newly.set_column(
            newly.schema.get_field_index("rejected_field"),
            "rejected_field",
            pa.repeat(pa.scalar("LSOA code"), newly.num_rows),
        )
        kept = pc.invert(rejected)
        good, key = good.filter(kept), pc.filter(key, kept)
        bad = pa.concat_tables([pad(bad, newly.schema), newly])
    good = good.append_column("within_area", pc.take(within_area, key))
    # numbers into the distinct locations: the classifier groups rows by them, not by text
    good = good.append_column("location", pa.DictionaryArray.from_arrays(key, location))
    good = good.append_column("date", good.column("month"))
    return good, bad


def _resolved(areas: pa.Table, n: int, what: str) -> pa.Table:
    """``areas`` with every column of :data:`AREA_COLUMNS` as strings (nulls if absent)."""
    if areas.num_rows != n:
        raise SvdutyError(f"resolve_areas returned {areas.num_rows} rows for {n} {what}")
    cols = [
        areas.column(c).cast(pa.string()) if c in areas.schema.names else pa.nulls(n, pa.string())
        for c in AREA_COLUMNS
    ]
    return pa.Table.from_arrays(cols, names=list(AREA_COLUMNS))


def _unmatched(areas: pa.Table) -> Arrow:
    """Where the look-up found nothing (``match`` is ``unresolved`` or null)."""
    match = areas.column("match").combine_chunks()
    return pc.fill_null(pc.equal(match, pa.scalar("unresolved")), True)


def _safe_within(within: Within) -> Within:
    def check(code: str) -> bool:
        try:
            return within(code)
        except SvdutyError:  # a code the partnership's geography does not describe
            return False

    return check


def locate_incidents(good: Any, resolve_areas: AreaResolver, within: Within) -> Any:
    """Area columns for incidents located by an LSOA code; ``within_area`` from the location.

    An incident's ``location`` is any GSS code (an LSOA, a ward, a district); it is never
    rejected for being unknown (the classifier answers ``undetermined`` where it matters).
    Each distinct location is looked up once; the rows get theirs by ``take``.
    """
    enc = pc.dictionary_encode(good.column("location").combine_chunks())
    places, d = enc.dictionary, len(enc.dictionary)
    if enc.indices.null_count:  # one more place, last: no location
        places = pa.concat_arrays([places, pa.nulls(1, pa.string())])
    areas = _resolved(
        resolve_areas(places, pa.nulls(len(places), pa.string())), len(places), "locations"
    )
    # no location: no look-up, so no match either
    match = pc.if_else(pc.is_null(places), pa.scalar(None, pa.string()), areas.column("match"))
    areas = areas.set_column(areas.schema.get_field_index("match"), "match", match)
    key = pc.fill_null(enc.indices, pa.scalar(d, pa.int32()))
    for name in AREA_COLUMNS:
        good = good.append_column(name, pc.take(areas.column(name), key))
    district = pc.coalesce(areas.column("district_code"), places)
    within_area = _within_area(places, district, _safe_within(within))
    return good.append_column("within_area", pc.take(within_area, key))
