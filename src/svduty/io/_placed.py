"""Rows alike by place: a summary's police.uk rows numbered by place, month and crime type.

Everything the pipeline adds to a usable police.uk row depends on its LSOA code and name
only through the place they resolve to: the area columns (:data:`PLACE_COLUMNS`: the
district, the community safety partnership, the police area, ``match``), ``within_area``
and ``location`` (what the rules read, with the month and the crime type). And a summary
(:class:`~svduty.io.Tally`, and bounded counts that group by no LSOA column) reads no
row's LSOA beyond whether its code and its name are given. So a summary's rows are
counted by (place, month, crime type), not by (LSOA code, LSOA name, month, crime type):
a 16 MiB block of real months holds about 1,800 such combinations against 28,700 by LSOA
(speed58a, issue 15).

A :class:`KnownPlaces` remembers, for one run, the place each (LSOA code, LSOA name) pair
met so far resolves to, as the pipeline itself located it (:func:`learn`: from the
pipeline's output for rows of those pairs), and numbers the places. A pair the locator
rejects (its LSOA unknown, or its name contradicting its code) is a place of its own, so
its rows are rejected exactly as before, each with its own row. :func:`places_of` gives
each row its place's number when every pair of the rows is known (else ``None``: the rows
are numbered by LSOA, or placed first).

Example:
    >>> from svduty.io import default_pipeline, read_police_uk, sample_police_uk
    >>> known = KnownPlaces()
    >>> rows = next(read_police_uk(sample_police_uk()))
    >>> places_of(rows, known) is None  # no pair known yet
    True
    >>> learn(known, default_pipeline()(rows))
    >>> len(known.places) < len(known.pairs), len(places_of(rows, known)) == rows.num_rows
    (True, True)
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np  # a dependency of pyarrow
import pyarrow as pa

from svduty import _arrays
from svduty import _compute as pc
from svduty.io._locate import (
    AREA_COLUMNS,
    KEY,
    LOCATOR_REASONS,
    AreaResolver,
    Within,
    locate_police_uk,
    place_columns,
)

_LOCATOR = pa.array(LOCATOR_REASONS)

__all__ = [
    "LSOA",
    "PLACED",
    "PLACE_COLUMNS",
    "KnownPlaces",
    "by_place",
    "learn",
    "locate",
    "pairs_of",
    "place_column",
    "places_of",
]

LSOA: tuple[str, ...] = ("lsoa_code", "lsoa_name")
"""A police.uk row's LSOA: the pair of columns the locator reads."""

PLACE_COLUMNS: tuple[str, ...] = (*AREA_COLUMNS, "within_area", "location")
"""What the pipeline adds to a usable row from its LSOA (``match`` among them)."""

PLACED: tuple[str, ...] = (KEY, "month", "police_uk_category")
"""The ``alike`` of rows numbered by place (:data:`KEY`: the place's number), month, crime type."""


class KnownPlaces:
    """The places of the LSOA pairs met in one run, numbered (see the module's docstring).

    Written by the loop's thread (:func:`learn`), read by the reading thread
    (:func:`places_of`): a pair is added after its place, each in one step. A plain class
    with slots, not an attrs class: a mutable memo of one run, defined at every start-up
    of ``svduty classify`` (``tests/test_startup.py`` counts the attrs classes built).

    Attributes:
        pairs: (LSOA code, LSOA name) -> its place's number.
        places: A place (what its rows are given) -> its number, in order of learning.

    Example:
        >>> known = KnownPlaces()
        >>> known.number(("x",)), known.number(("y",)), known.number(("x",))
        (0, 1, 0)
    """

    __slots__ = ("pairs", "places")

    def __init__(
        self,
        pairs: dict[tuple[Any, Any], int] | None = None,
        places: dict[tuple[Any, ...], int] | None = None,
    ) -> None:
        self.pairs: dict[tuple[Any, Any], int] = {} if pairs is None else pairs
        self.places: dict[tuple[Any, ...], int] = {} if places is None else places

    def number(self, place: tuple[Any, ...]) -> int:
        """The number of ``place``, a new one if it is new."""
        found = self.places.get(place)
        if found is None:
            found = self.places[place] = len(self.places)
        return found


def by_place(counters: Iterable[object]) -> bool:
    """Whether ``counters`` read no row's LSOA: bounded counts grouping by no LSOA column.

    Any other counter may read anything, so rows are then counted by LSOA, as before.

    Example:
        >>> from svduty.io import BoundedCounts
        >>> by_place([BoundedCounts(groupings={"month": ("month",)})]), by_place([BoundedCounts()])
        (True, False)
    """
    from svduty.io._bounds import BoundedCounts

    for counter in counters:
        if type(counter) is not BoundedCounts:
            return False
        if any(n in LSOA for names in counter.groupings.values() for n in names):
            return False
    return True


def places_of(rows: pa.Table | pa.RecordBatch, known: KnownPlaces, pairs: Any = None) -> Any:
    """Each row's place number (numpy ``int32``), if every LSOA pair of ``rows`` is known.

    ``rows``: usable police.uk rows (their LSOA code and name as ``string``); ``pairs``:
    their :func:`pairs_of`, if found before. ``None`` when a pair is not known.

    Example:
        >>> known = KnownPlaces({("a", "x"): 0, ("b", "y"): 0})
        >>> t = pa.table({"lsoa_code": ["a", "b", "a"], "lsoa_name": ["x", "y", "x"]})
        >>> places_of(t, known).tolist(), places_of(t, KnownPlaces({("a", "x"): 1}))
        ([0, 0, 0], None)
    """
    if not known.pairs:  # (nothing known: the first batch)
        return None
    groups, first = pairs_of(rows) if pairs is None else pairs
    at = _arrays.array(first)
    codes = pc.take(rows.column(LSOA[0]), at).to_pylist()
    names = pc.take(rows.column(LSOA[1]), at).to_pylist()
    get = known.pairs.get
    numbers = [get(pair) for pair in zip(codes, names, strict=True)]
    if None in numbers:
        return None
    return np.array(numbers, dtype=np.int32)[groups]


def pairs_of(rows: pa.Table | pa.RecordBatch) -> tuple[Any, Any]:
    """Each row's LSOA pair (numbered in order of first appearance), and each pair's first row.

    Example:
        >>> t = pa.table({"lsoa_code": ["a", "a", None], "lsoa_name": ["x", "x", "x"]})
        >>> [a.tolist() for a in pairs_of(t)]
        [[0, 0, 1], [0, 2]]
    """
    return _arrays.groups([rows.column(n) for n in LSOA], rows.num_rows)


def place_column(places: Any) -> Any:
    """The rows' place numbers as a column to number rows by (a dictionary of the numbers).

    Example:
        >>> place_column(np.array([2, 0, 2], dtype=np.int32)).indices.to_pylist()
        [2, 0, 2]
    """
    size = int(places.max()) + 1 if len(places) else 0
    words = _arrays.array(np.arange(size, dtype=np.int32))
    return pa.DictionaryArray.from_arrays(_arrays.array(places), words)


def learn(known: KnownPlaces, out: pa.Table | pa.RecordBatch) -> None:
    """Remember the place of each LSOA pair of ``out``, the pipeline's output for some rows.

    A row rejected by the locator (:data:`~svduty.io._locate.LOCATOR_REASONS`) makes its
    pair a place of its own; a usable row's place is its :data:`PLACE_COLUMNS` and
    whether its LSOA code and name are given (a summary counts rows named but not coded).
    Other rejected rows (the reader's, the rules') teach nothing; nor do usable rows
    without the place columns.

    Example:
        >>> known = KnownPlaces()
        >>> learn(known, pa.table({"lsoa_code": ["E01999999"], "lsoa_name": [None],
        ...     "rejected": [LOCATOR_REASONS[0]]}))
        >>> known.pairs, known.places
        ({('E01999999', None): 0}, {('pair', 'E01999999', None): 0})
    """
    names = set(out.schema.names)
    if not out.num_rows or any(n not in names for n in (*LSOA, "rejected")):
        return
    placed = all(n in names for n in PLACE_COLUMNS)
    why = _arrays.one_array(out.column("rejected"))
    mine = pc.fill_null(pc.is_in(why, value_set=_LOCATOR), pa.scalar(False))
    if placed:  # the usable rows and the locator's (not the reader's, nor the rules')
        mine = pc.or_(mine, pc.is_null(why))
    at = pc.indices_nonzero(mine)
    columns = (*LSOA, "rejected", *(PLACE_COLUMNS if placed else ()))
    taken = {n: pc.take(_arrays.one_array(out.column(n)), at) for n in columns}
    _, first = _arrays.groups([taken[n] for n in LSOA], len(at))
    firsts = _arrays.array(first)
    rows = [_values(pc.take(taken[n], firsts)) for n in columns]
    for code, name, rejected, *place in zip(*rows, strict=True):
        if (code, name) in known.pairs:
            continue
        if rejected is not None:
            key: tuple[Any, ...] = ("pair", code, name)
        else:
            key = ("place", code is None, name is None, *place)
        known.pairs[(code, name)] = known.number(key)


def _values(values: Any) -> list[Any]:
    """An array's values (a dictionary's words: read one by one, its scalars cost ~1 us each)."""
    if pa.types.is_dictionary(values.type):
        values = pc.take(values.dictionary, values.indices)
    listed: list[Any] = values.to_pylist()
    return listed


def locate(known: KnownPlaces, rows: pa.Table, resolve_areas: AreaResolver, within: Within) -> None:
    """Learn the places of ``rows``' LSOA pairs, located as the pipeline locates rows.

    ``rows``: usable police.uk rows (their text as ``string``: ``plain_table``), a few
    of each pair; ``resolve_areas`` and ``within`` the pipeline's
    (:func:`~svduty.io._locate.locate_police_uk`, then
    :func:`~svduty.io._locate.place_columns`: no rule is asked).

    Example:
        >>> from svduty.io import default_pipeline, read_police_uk, sample_police_uk
        >>> from svduty.io._plain_text import plain_table
        >>> p, known = default_pipeline(), KnownPlaces()
        >>> rows = plain_table(next(read_police_uk(sample_police_uk())))
        >>> locate(known, rows, p.resolve_areas, p.within)
        >>> learned = dict(known.pairs)
        >>> known.pairs.clear(), known.places.clear(), learn(known, p(rows))
        (None, None, None)
        >>> known.pairs == learned
        True
    """
    good, bad, places = locate_police_uk(rows, rows.slice(0, 0), resolve_areas, within)
    good = place_columns(good, places, before=None, ordered=places.ordered)
    learn(known, bad)  # (its pairs a place each)
    learn(known, good)
