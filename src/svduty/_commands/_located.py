"""The LSOAs a police.uk job located, kept in the command's cache for the next run.

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
What a run answers is what it answers without the cache.

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
from svduty.io._pipeline import Pipeline

__all__ = ["keep_located", "seed_located"]

WHAT = ("located-lsoas",)
"""What the cache file is named and keyed for (beside the loaded partnership's)."""

_MOST = 1 << 16
"""The most codes read back (``svduty.io._locate`` remembers no more)."""

_NOTED = "kept-at"
"""The key of ``RememberedWithin.places`` noting where to keep the places, and what was read."""


def seed_located(spec: str | Path, pipeline: Pipeline) -> None:
    """Have ``pipeline`` remember the places the cache holds for the bundle ``spec``.

    Nothing when the cache is off or holds none at this key (the first run of a bundle,
    another svduty); :func:`keep_located` then keeps the run's.

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
    where = _cache.place(spec, WHAT)
    if where is None:
        return
    hit = _read_back(_cache.kept(where[1]))
    if hit is not None:
        remember_places(within, pipeline.resolve_areas, hit)
    within.places[_NOTED] = (where, remembered_places(within, pipeline.resolve_areas))


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
    where, read = noted
    held = remembered_places(within, pipeline.resolve_areas)
    if held is None or (read is not None and held[0] is read[0]):
        return  # none met, or none new
    folder, path, stem = where
    _cache.keep(folder, path, stem, held)


def _read_back(hit: Any) -> tuple[Any, pa.Table] | None:
    """``hit`` if it is places as :func:`keep_located` keeps them, else ``None`` (a miss).

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
    if tuple(table.column_names) != PLACE_COLUMNS:
        return None
    return codes, table
