"""Locating a batch's rows: the area columns of police.uk rows (and what incidents share).

A row's areas depend only on its LSOA code and name (an incident's on its location), so
each distinct code is looked up once and the rows get theirs by Arrow ``take``. Incident
rows are located in :mod:`svduty.io._locate_incidents`, with this module's places.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs
import numpy as np  # a dependency of pyarrow
import pyarrow as pa

from svduty import _arrays
from svduty import _compute as pc
from svduty.areas import RESOLVED_COLUMNS
from svduty.areas._lsoa_conflicts import CONFLICT, CONFLICT_FIELD, name_conflicts
from svduty.errors import InputFormatError, Problem, SvdutyError
from svduty.io._incident_schema import INCIDENT_SCHEMA

Arrow = Any  # a pyarrow Array or ChunkedArray (pyarrow-stubs' compute overloads are narrower)
AreaResolver = Callable[[Arrow, Arrow], pa.Table]
LocationResolver = Callable[[Arrow], pa.Table]
Within = Callable[[str], bool]

__all__ = [
    "AREA_COLUMNS",
    "KEY",
    "LOCATOR_REASONS",
    "PLACE_COLUMNS",
    "Places",
    "batch_kind",
    "is_police_uk",
    "locate_police_uk",
    "pad",
    "place_columns",
    "remember_places",
    "remembered_places",
]

AREA_COLUMNS: tuple[str, ...] = RESOLVED_COLUMNS[1:]  # all but lsoa_code
"""The columns ``resolve_areas`` returns besides ``lsoa_code`` (strings, nulls where unknown)."""

_GSS = r"^[EWSN]\d{8}$"
KEY = "__svduty_place__"
"""A column the pipeline adds while it works: each row's place (see :class:`Places`)."""
UNRESOLVED = "LSOA code: expected an LSOA code or name that the geography knows"
"""The reason given to a police.uk row whose LSOA neither code nor name resolves."""
LOCATOR_REASONS = (UNRESOLVED, CONFLICT)
"""The reasons the locator rejects a police.uk row for: its LSOA unknown, or contradicted."""


POLICE_UK_NEEDS = (
    *("rejected", "rejected_field", "id", "month", "lsoa_code", "lsoa_name", "police_uk_category"),
)
"""The columns of a police.uk batch the pipeline reads."""
INCIDENT_NEEDS = ("rejected", "rejected_field", "location")
"""The columns of an incident batch the pipeline needs (the readers give every field)."""
_INCIDENT_ONLY = frozenset(INCIDENT_SCHEMA.names) - {"id", "police_uk_category"}


def is_police_uk(schema: pa.Schema) -> bool:
    """Whether a batch of this schema holds police.uk rows (see :func:`batch_kind`).

    Example:
        >>> is_police_uk(pa.schema({"lsoa_code": pa.string(), "date": pa.string()}))
        False
    """
    names = set(schema.names)
    return "lsoa_code" in names and not names & _INCIDENT_ONLY


def batch_kind(batch: pa.Table | pa.RecordBatch) -> str:
    """``police-uk`` or ``incidents``: how the pipeline locates a batch, from its columns.

    A police.uk batch (:data:`~svduty.io.POLICE_UK_SCHEMA`) has ``lsoa_code`` and no
    incident field beyond ``id`` and ``police_uk_category``; any other batch holds incidents
    (the incident readers give every incident field, and pass other columns, such as an
    ``lsoa_code``, through untouched).

    Raises:
        InputFormatError: naming the batch's file (its first row's) and the columns
            missing, if the batch lacks one its kind needs.

    Example:
        >>> batch_kind(pa.table({n: ["x"] for n in POLICE_UK_NEEDS}))
        'police-uk'
        >>> batch_kind(pa.table({n: ["x"] for n in (*INCIDENT_NEEDS, "lsoa_code")}))
        'incidents'
        >>> batch_kind(pa.table({"file": ["a.csv"], "rejected": ["x"], "street": ["x"]}))
        Traceback (most recent call last):
        ...
        svduty.errors.InputFormatError: a.csv: columns: expected incident rows (svduty.io.INCIDENT_SCHEMA; missing rejected_field, location) or police.uk rows (svduty.io.POLICE_UK_SCHEMA)
    """  # noqa: E501
    names = set(batch.schema.names)
    police = is_police_uk(batch.schema)
    kind, needs = ("police-uk", POLICE_UK_NEEDS) if police else ("incidents", INCIDENT_NEEDS)
    missing = [n for n in needs if n not in names]
    if not missing:
        return kind
    which = ("police.uk", "POLICE_UK"), ("incident", "INCIDENT")
    first, other = which if police else which[::-1]
    file = batch.column("file")[0].as_py() if "file" in names and batch.num_rows else None
    raise InputFormatError(
        Problem(
            file=file if isinstance(file, str) else None,
            field="columns",
            expected=f"{first[0]} rows (svduty.io.{first[1]}_SCHEMA; missing "
            f"{', '.join(missing)}) or {other[0]} rows (svduty.io.{other[1]}_SCHEMA)",
        )
    )


@attrs.frozen(slots=True)
class RememberedWithin:
    """``within`` with its answers remembered: each district is asked about once per job.

    Example:
        >>> w = RememberedWithin(lambda code: code == "E07000222")
        >>> w("E07000222"), w.inside_codes(pa.array(["E07000222", "E08000026"]), False)
        (True, <pyarrow.lib.StringArray object at ...>
        [
          "E07000222"
        ])
    """

    within: Within
    answers: dict[str, bool] = attrs.field(factory=dict, eq=False, repr=False)
    known: dict[str, Any] = attrs.field(factory=dict, eq=False, repr=False)
    places: dict[str, Any] = attrs.field(factory=dict, eq=False, repr=False)
    """The LSOA codes met so far, with their places (:func:`_code_places`), and the resolver."""

    def __call__(self, code: str) -> bool:
        found = self.answers.get(code)
        if found is None:
            found = self.answers[code] = self.within(code)
        return found

    def inside_codes(self, codes: Arrow, safe: bool) -> Arrow:
        """The distinct codes of ``codes`` that are inside, asking only about new ones.

        ``safe``: a code ``within`` refuses (an error) is outside, not an error.
        """
        distinct = pc.unique(pc.drop_null(codes))
        asked = self.known.get("asked", pa.array([], pa.string()))
        new = pc.filter(distinct, pc.invert(pc.is_in(distinct, value_set=asked)))
        if not len(new) and "inside" in self.known:
            return self.known["inside"]
        refused = []
        for code in new.to_pylist():
            try:
                self(code)
            except SvdutyError:
                if not safe:
                    raise
                refused.append(code)
        self.known["asked"] = pa.array(list(self.answers), pa.string())
        self.known["inside"] = pa.array([c for c, v in self.answers.items() if v], pa.string())
        if refused:  # not remembered: another caller may not be safe
            return self.known.pop("inside")
        return self.known["inside"]


def _within_area(located: Arrow, district: Arrow, within: Within, safe: bool = False) -> Arrow:
    """``inside`` / ``outside`` / ``no_location``, calling ``within`` once per district.

    ``located``: whether each place has a location (else ``no_location``); ``safe``: a
    district ``within`` refuses (an error) is outside.
    """
    if isinstance(within, RememberedWithin):
        inside_codes = within.inside_codes(district, safe)
    else:
        check = _safe_within(within) if safe else within
        codes = [c for c in pc.unique(pc.drop_null(district)).to_pylist() if c is not None]
        inside_codes = pa.array([c for c in codes if check(c)], pa.string())
    inside = pc.fill_null(pc.is_in(district, value_set=inside_codes), pa.scalar(False))
    where = pc.if_else(inside, pa.scalar("inside"), pa.scalar("outside"))
    return pc.if_else(located, where, pa.scalar("no_location"))


def pad(table: pa.Table, schema: pa.Schema) -> pa.Table:
    """``table`` with every column of ``schema``, nulls where it has none."""
    n = table.num_rows
    cols = [
        pc.cast(table.column(f.name), f.type)
        if f.name in table.schema.names
        else pa.nulls(n, f.type)
        for f in schema
    ]
    return pa.Table.from_arrays(cols, schema=schema)


@attrs.frozen(slots=True)
class Places:
    """The distinct places of a batch, with their area columns, for :func:`place_columns`.

    Attributes:
        table: One row per place: :data:`AREA_COLUMNS` and ``within_area`` (strings).
        ordered: Whether the rows' places (the :data:`KEY` column) are numbered in order
            of first appearance, perhaps with gaps (places none of the rows has).
    """

    table: pa.Table
    ordered: bool


def locate_police_uk(
    good: Any, bad: Any, resolve_areas: AreaResolver, within: Within
) -> tuple[Any, Any, Places]:
    """Places from the LSOA; unresolvable LSOAs rejected; ``date``, ``location``, :data:`KEY`.

    A row's areas depend only on its LSOA code and name, so each distinct code is
    resolved (and located) once; only rows whose code does not resolve and that have a
    name are resolved again with it. A row located by its name (with or without a code)
    is ``inside`` or ``outside`` by the district the name gives; a row with no code and
    no name that resolves has ``no_location``; a row whose code resolves neither way is
    rejected. ``location`` is dictionary-encoded, its indices the
    rows' places (the dictionary may repeat a value); the caller decodes it once the rows
    are classified, and adds the area columns with :func:`place_columns`.
    """
    enc = pc.dictionary_encode(_arrays.one_array(good.column("lsoa_code")), null_encoding="encode")
    codes, d = enc.dictionary, len(enc.dictionary)
    coded = _code_places(codes, resolve_areas, within)  # each distinct code's place
    areas = coded.select(list(AREA_COLUMNS))
    key: Any = enc.indices
    names = _arrays.one_array(good.column("lsoa_name"))
    unmatched = coded.column("unmatched").combine_chunks()
    need = pc.and_(pc.take_in_bounds(unmatched, key), pc.is_valid(names))
    ordered = not pc.any(need).as_py()
    if ordered:  # the usual case: every row's place is its code's
        unresolved = coded.column("unresolved").combine_chunks()
        location = coded.column("location").combine_chunks()
        places = areas.append_column("within_area", coded.column("within_area"))
    else:  # the code does not resolve, but the row has a name to try
        rows = pc.indices_nonzero(need)
        sub_codes = _arrays.one_array(pc.take(good.column("lsoa_code"), rows))
        more = _resolved(resolve_areas(sub_codes, pc.take(names, rows)), len(rows), "LSOA codes")
        areas = pa.concat_tables([areas, more]).combine_chunks()
        codes = pa.concat_arrays([codes, sub_codes])
        extra = _arrays.array(np.arange(d, d + len(rows), dtype=np.int32))
        key = pc.replace_with_mask(key, need, extra)
        unresolved, location, where = _placed(areas, codes, within)
        places = areas.append_column("within_area", where)
    rejected = pc.take(unresolved, key) if pc.any(unresolved).as_py() else None
    conflict = name_conflicts(key, names, areas, codes)  # (disjoint: codes resolved)
    if conflict is not None:  # some rows of a place, not all: the first seen may change
        rejected = conflict if rejected is None else pc.or_(rejected, conflict)
        ordered = False
    if rejected is not None:  # a place rejected is rejected whole: the order stays
        newly = pc.filter(good, rejected)
        at = pc.filter(key, rejected)
        for name in AREA_COLUMNS:
            newly = newly.append_column(name, pc.take(areas.column(name), at))
        why = None if conflict is None else pc.filter(conflict, rejected)
        for column, (yes, no) in (
            ("rejected", (CONFLICT, UNRESOLVED)),
            ("rejected_field", (CONFLICT_FIELD, "LSOA code")),
        ):
            values = pa.repeat(pa.scalar(no), len(at)) if why is None else pc.if_else(why, yes, no)
            newly = newly.set_column(newly.schema.get_field_index(column), column, values)
        kept = pc.invert(rejected)
        good, key = good.filter(kept), pc.filter(key, kept)
        bad = pa.concat_tables([pad(bad, newly.schema), newly])
    # numbers into the distinct locations: the classifier groups rows by them, not by text
    good = good.append_column("location", pc.words_of(key, location))  # (key: its numbers)
    good = good.append_column("date", good.column("month"))
    return good.append_column(KEY, key), bad, Places(places, ordered)


def place_columns(table: Any, places: Places, *, before: str | None, ordered: bool) -> Any:
    """``table`` with the area columns and ``within_area`` of its rows' places (:data:`KEY`).

    The columns are dictionary-encoded as the output schema has them, each dictionary
    the column's distinct values in order of first appearance (as a cast of the text
    would make it); they go before the column ``before`` (else last); :data:`KEY` goes.
    ``ordered``: the rows' places are numbered in order of first appearance (gaps allowed).
    """
    key = table.column(KEY).combine_chunks()
    if ordered and len(key):  # the places the rows have, in order
        used = np.bincount(key.to_numpy(), minlength=places.table.num_rows)
        order = np.flatnonzero(used)
        inverse = np.zeros(len(used), dtype=np.int32)
        inverse[order] = np.arange(len(order), dtype=np.int32)
        first: Any = _arrays.array(order.astype(np.int32))
        rows = key
        back: Any = _arrays.array(inverse)
    else:
        enc = pc.dictionary_encode(key)
        first, rows, back = enc.dictionary, enc.indices, None
    columns = {}
    spread: list[tuple[Any, Any]] = []  # each place's word numbers, and the rows' (shared)
    for name in (*AREA_COLUMNS, "within_area"):
        words: Any = pc.dictionary_encode(
            pc.take(places.table.column(name), first).combine_chunks()
        )
        at = words.indices if back is None else pc.take(words.indices, back)
        # columns that number the places alike (a district's code and name) share the rows'
        # numbers: one take over the rows, not one per column
        indices = next((r for a, r in spread if a.equals(at)), None)
        if indices is None:
            indices = pc.take_in_bounds(at, rows)  # rows < len(at): bincount, or encoded
            spread.append((at, indices))
        columns[name] = pc.words_of(indices, words.dictionary)
    table = table.drop_columns([KEY])
    names = table.schema.names
    cut = names.index(before) if before is not None else len(names)
    out: list[Any] = [table.column(i) for i in range(cut)] + list(columns.values())
    out += [table.column(i) for i in range(cut, len(names))]
    return pa.Table.from_arrays(out, names=[*names[:cut], *columns, *names[cut:]])


def _resolved(areas: pa.Table, n: int, what: str) -> pa.Table:
    """``areas`` with every column of :data:`AREA_COLUMNS` as strings (nulls if absent)."""
    if areas.num_rows != n:
        raise SvdutyError(f"resolve_areas returned {areas.num_rows} rows for {n} {what}")
    cols = [
        pc.cast(areas.column(c), pa.string())
        if c in areas.schema.names
        else pa.nulls(n, pa.string())
        for c in AREA_COLUMNS
    ]
    return pa.Table.from_arrays(cols, names=list(AREA_COLUMNS))


def _unmatched(areas: pa.Table) -> Arrow:
    """Where the look-up found nothing (``match`` is ``unresolved`` or null)."""
    match: Arrow = areas.column("match").combine_chunks()
    return pc.fill_null(pc.equal(match, pa.scalar("unresolved")), pa.scalar(True))


def _placed(areas: pa.Table, codes: Arrow, within: Within) -> tuple[Arrow, Arrow, Arrow]:
    """Each LSOA code's (``areas``' rows') ``unresolved``, ``location`` and ``within_area``.

    ``unresolved``: a code given that the look-up did not find (its rows are rejected);
    ``location``: its district code, else the code itself if a GSS code; ``within_area``:
    a place is located by its LSOA code or, without one, by the LSOA name that resolved
    (``match`` is ``name``): within the area or not by the district the name gives.
    """
    district = areas.column("district_code").combine_chunks()
    unmatched = _unmatched(areas)
    unresolved = pc.and_(pc.is_valid(codes), unmatched)
    gss: Arrow = pc.fill_null(pc.match_substring_regex(codes, _GSS), pa.scalar(False))
    location = pc.coalesce(district, pc.if_else(gss, codes, pa.scalar(None, pa.string())))
    located = pc.if_else(unresolved, pa.scalar(None, pa.string()), district)  # rejected: no call
    where = pc.or_(pc.is_valid(codes), pc.invert(unmatched))
    return unresolved, location, _within_area(where, located, within)


_MOST_CODES = 1 << 16
"""The most LSOA codes :func:`_code_places` remembers (more: it starts again)."""


def _code_places(
    codes: Arrow,
    resolve_areas: AreaResolver,
    within: Within,
    kind: str = "codes",
    look_up: Callable[[Arrow, AreaResolver, Within], pa.Table] | None = None,
) -> pa.Table:
    """Each distinct LSOA code's areas (looked up without a name) and place, one row a code.

    :data:`AREA_COLUMNS`, then ``unmatched`` (:func:`_unmatched`) and :func:`_placed`'s
    ``unresolved``, ``location`` and ``within_area``: all of them the code's alone. With a
    :class:`RememberedWithin` (the default pipeline's), the codes met in earlier batches
    are remembered with their places (for the same ``resolve_areas``), and a batch whose
    codes were all met is not looked up (one with a code not met is looked up whole): the
    batches of a police.uk file name the same few hundred LSOAs again and again, and a
    look-up's fixed cost (about 0.75 ms a block of real months) is paid once, not once a
    batch (speed53a). What is taken is what the look-up gave. At most
    ``_MOST_CODES`` codes are kept: when more would be, those met before are dropped,
    and a batch of more distinct codes than that is not kept at all.

    ``kind`` and ``look_up``: what is remembered, and how a code's place is looked up
    (default: police.uk's LSOA codes, :func:`_new_places`); an incident's location is
    another kind (``svduty.io._locate_incidents``), remembered apart.

    Example:
        >>> def areas(codes, names):
        ...     known = pc.equal(codes, "E01031000")
        ...     code = pc.if_else(known, "E07000222", pa.scalar(None, pa.string()))
        ...     return pa.table({"lsoa_code": codes, "district_code": code,
        ...         "match": pc.if_else(known, "table", "unresolved")})
        >>> w = RememberedWithin(lambda code: code == "E07000222")
        >>> t = _code_places(pa.array(["E01031000", None]), areas, w)
        >>> t.column("within_area").to_pylist(), t.column("location").to_pylist()
        (['inside', 'no_location'], ['E07000222', None])
        >>> _code_places(pa.array(["E01999999", "E01031000"]), areas, w)["unresolved"].to_pylist()
        [True, False]
    """
    memo = within.places if isinstance(within, RememberedWithin) else None
    held = memo.get(kind) if memo is not None else None
    if held is not None and held[0] == resolve_areas:
        _, seen, table = held
        at = pc.index_in(codes, value_set=seen)  # (a null code: the null remembered)
        if not at.null_count:
            taken: pa.Table = pc.take(table, at)
            return taken
    new = (look_up or _new_places)(codes, resolve_areas, within)
    if memo is None or len(codes) > _MOST_CODES:  # (more than may be kept: none kept)
        return new
    if held is None or held[0] != resolve_areas or len(held[1]) + len(codes) > _MOST_CODES:
        held = (resolve_areas, codes.slice(0, 0), new.slice(0, 0))
    unseen = pc.invert(pc.is_in(codes, value_set=held[1]))
    seen = pa.concat_arrays([held[1], pc.filter(codes, unseen)])
    table = pa.concat_tables([held[2], pc.filter(new, unseen)]).combine_chunks()
    memo[kind] = (resolve_areas, seen, table)  # (one step: another thread reads either)
    return new


PLACE_COLUMNS = (*AREA_COLUMNS, "unmatched", "unresolved", "location", "within_area")
"""The columns of :func:`_code_places`' table: a code's areas and place."""


def remembered_places(within: Within, resolve_areas: AreaResolver, kind: str = "codes") -> Any:
    """The LSOA codes ``within`` remembers the places of for ``resolve_areas``, and those.

    ``(codes, table)``: each code (a string array, a null among them if met) and its
    row of :data:`PLACE_COLUMNS`, as :func:`_code_places` looked them up; ``None`` if it
    remembers none (or ``within`` is not a :class:`RememberedWithin`). ``kind``: the
    codes' kind (:func:`_code_places`; ``locations``: an incident's, its row of
    ``svduty.io._locate_incidents.LOCATION_COLUMNS``).

    Example:
        >>> w = RememberedWithin(lambda code: False)
        >>> remembered_places(w, None) is None
        True
    """
    memo = within.places if isinstance(within, RememberedWithin) else {}
    held = memo.get(kind)
    if held is None or held[0] != resolve_areas:
        return None
    return held[1], held[2]


def remember_places(
    within: RememberedWithin, resolve_areas: AreaResolver, held: Any, kind: str = "codes"
) -> None:
    """Have ``within`` remember the places ``held``, in place of any it remembers.

    ``held``: ``(codes, table)`` as :func:`remembered_places` gives them (of ``kind``),
    for the same ``resolve_areas`` and these codes' answers: a batch of these codes is not
    looked up.

    Example:
        >>> w = RememberedWithin(lambda code: False)
        >>> table = pa.table({n: pa.nulls(1, pa.string()) for n in PLACE_COLUMNS})
        >>> remember_places(w, None, (pa.array(["E01031000"]), table))
        >>> remembered_places(w, None)[0].to_pylist()
        ['E01031000']
    """
    codes, table = held
    within.places[kind] = (resolve_areas, codes, table)


def _new_places(codes: Arrow, resolve_areas: AreaResolver, within: Within) -> pa.Table:
    """:func:`_code_places` of ``codes``, each looked up."""
    areas = _resolved(
        resolve_areas(codes, pa.nulls(len(codes), pa.string())), len(codes), "LSOA codes"
    )
    unresolved, location, where = _placed(areas, codes, within)
    extra = {"unmatched": _unmatched(areas), "unresolved": unresolved}
    extra.update(location=location, within_area=where)
    for name, values in extra.items():
        areas = areas.append_column(name, values)
    return areas


def _safe_within(within: Within) -> Within:
    def check(code: str) -> bool:
        try:
            return within(code)
        except SvdutyError:  # a code the partnership's geography does not describe
            return False

    return check
