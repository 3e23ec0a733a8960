"""The LSOAs a police.uk job located (and an incident job's locations), kept for the next run.

``svduty classify`` locates each distinct LSOA code of a police.uk file once (its areas
looked up, inside the partnership's area or not: :func:`svduty.io._locate._code_places`).
The first look-up of a process is the dear one: codes of neighbouring forces' LSOAs read
the national ONS tables and look the codes up there (on the bench's real months, about
15-60 ms of the main thread, more on a busy machine). A code's place depends only on the
code, the partnership's geography and area test and svduty's code and national tables,
which is what the cache keys a loaded partnership by (:func:`svduty._commands._cache.place`:
the installed svduty, its versions, the bundle's files): so the places met are kept under
that key, and a later run reads them back (a file of a few hundred rows) and looks up only
codes it has not met. A code is kept with the place it has looked up without a name (a
code that does not resolve is looked up again with its row's name, as without the cache).
What a run answers is what it answers without the cache. An incident file's locations
are kept likewise, apart (:data:`LOCATIONS`), with the district the classifier reads each in.

Example:
    >>> import argparse, tempfile
    >>> from svduty._commands import _cache, _planned
    >>> from svduty.io import read_police_uk, sample_police_uk
    >>> from svduty.io._locate import remembered_places
    >>> args = argparse.Namespace(partnership="warwickshire", definition=None)
    >>> folder = tempfile.mkdtemp()
    >>> with _cache.using(folder):
    ...     _, pipeline = _planned.planned(args)
    ...     _ = pipeline(next(read_police_uk(sample_police_uk())))
    ...     keep_located(pipeline)
    >>> with _cache.using(folder):
    ...     _, again = _planned.planned(args)
    >>> len(remembered_places(again.within, again.resolve_areas)[0]) > 300
    True
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyarrow as pa

from svduty._commands import _cache
from svduty.io._locate import (
    PLACE_COLUMNS,
    RememberedWithin,
    remember_places,
    remembered_places,
)
from svduty.io._locate_incidents import LOCATION_COLUMNS, LOCATIONS
from svduty.io._pipeline import Pipeline

__all__ = ["LOCATIONS", "keep_located", "seed_located"]

WHAT = ("located-lsoas",)
"""What the cache file is named and keyed for (beside the loaded partnership's)."""

_KINDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "codes": (WHAT, PLACE_COLUMNS),
    LOCATIONS: (("located-locations",), (*LOCATION_COLUMNS, "district")),
}
"""Each kind of code kept: its cache file's name, and the columns of its places there.

A police.uk file's LSOA codes (``codes``), and an incident file's locations, kept with the
district the classifier reads each in (``district``: the geography's
``district_codes_of``, which is then not asked again: the first batch of the bench's
200,000 incidents does not look its locations up twice, nor in the national tables).
"""

_MOST = 1 << 16
"""The most codes read back (``svduty.io._locate`` remembers no more)."""

_NOTED = "kept-at"
"""The key of ``RememberedWithin.places`` noting, by kind, where to keep the places and what
was read."""


def seed_located(spec: str | Path, pipeline: Pipeline, kind: str = "codes") -> None:
    """Have ``pipeline`` remember the places of ``kind`` the cache holds for the bundle ``spec``.

    Nothing when the cache is off or holds none at this key (the first run of a bundle,
    another svduty); :func:`keep_located` then keeps the run's. ``kind``: ``codes``
    (police.uk's LSOA codes) or :data:`LOCATIONS` (incidents').

    Example:
        >>> from svduty import load_partnership
        >>> from svduty.io import default_pipeline
        >>> pipeline = default_pipeline(load_partnership("warwickshire"))
        >>> seed_located("warwickshire", pipeline)  # the cache is off outside the command
        >>> remembered_places(pipeline.within, pipeline.resolve_areas) is None
        True
    """
    within = pipeline.within
    if not isinstance(within, RememberedWithin):
        return
    what, columns = _KINDS[kind]
    where = _cache.place(spec, what)
    if where is None:
        return
    hit = _read_back(_cache.kept(where[1]), columns)
    if hit is not None:
        codes, table = hit
        if kind == LOCATIONS:
            geography = _geography(pipeline)
            if geography is None:  # pragma: no cover - the default pipeline's has one
                return
            geography.remember_district_codes(codes, table.column("district"))
            table = table.drop_columns(["district"])
        remember_places(within, pipeline.resolve_areas, (codes, table), kind)
    noted = within.places.setdefault(_NOTED, {})
    noted[kind] = (where, remembered_places(within, pipeline.resolve_areas, kind))


def keep_located(pipeline: Pipeline) -> None:
    """Keep the places ``pipeline`` met (see :func:`seed_located`), if it met new ones.

    Example:
        >>> from svduty.io._pipeline import Pipeline
        >>> keep_located(Pipeline(resolve_areas=None, classify=None, within=None))
    """
    within = pipeline.within
    if not isinstance(within, RememberedWithin):
        return
    noted = within.places.get(_NOTED)
    if noted is None:  # not seeded: the cache is off
        return
    for kind, (where, read) in noted.items():
        held = remembered_places(within, pipeline.resolve_areas, kind)
        if held is None or (read is not None and held[0] is read[0]):
            continue  # none met, or none new
        if kind == LOCATIONS:
            geography = _geography(pipeline)
            if geography is None:  # pragma: no cover - the default pipeline's has one
                continue
            codes, table = held
            held = codes, table.append_column("district", geography.district_codes_of(codes))
        folder, path, stem = where
        _cache.keep(folder, path, stem, held)


def _geography(pipeline: Pipeline) -> Any:
    """The geography ``pipeline`` resolves with, if it remembers districts; else ``None``.

    Example:
        >>> from svduty.io import default_pipeline
        >>> _geography(default_pipeline()) is not None
        True
    """
    owner = getattr(pipeline.resolve_areas, "__self__", None)
    return owner if callable(getattr(owner, "remember_district_codes", None)) else None


def _read_back(hit: Any, columns: tuple[str, ...] = PLACE_COLUMNS) -> tuple[Any, pa.Table] | None:
    """``hit`` if it is places as :func:`keep_located` keeps them, else ``None`` (a miss).

    ``columns``: those of the kind's places.

    Example:
        >>> _read_back(("not", "places")) is None
        True
    """
    if not (isinstance(hit, tuple) and len(hit) == 2):
        return None
    codes, table = hit
    if not (isinstance(codes, pa.Array) and isinstance(table, pa.Table)):
        return None
    if codes.type != pa.string() or len(codes) != table.num_rows or len(codes) > _MOST:
        return None
    if tuple(table.column_names) != columns:
        return None
    return codes, table
