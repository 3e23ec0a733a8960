"""police.uk rows whose LSOA code and LSOA name place them in different districts.

police.uk writes both for each crime: the name is the district's name and a number
(``Warwick 001A``). When the code is of one district and the name of another, the row's
place is contradicted by the row itself: it is rejected, as svduty reports every
contradiction and resolves none. Only the distinct (code, name) pairs are compared: the
name's district part against the code's district's name, and, when they differ, against
the names of the 2024 districts of England and Wales. A part that names no current
district (one abolished since the ONS named the LSOA, such as Daventry or Allerdale) says
nothing (the world is open): the full table of LSOA names would cost a quarter of a second.
"""

from __future__ import annotations

import functools
from typing import Any

import numpy as np
import pyarrow as pa

from svduty import _arrays
from svduty import _compute as pc
from svduty.areas import normalise_name
from svduty.areas._national import district_partnerships
from svduty.areas._resolve import LSOA_NAME

__all__ = ["CONFLICT", "CONFLICT_FIELD", "name_conflicts"]

CONFLICT = "LSOA name: names a district other than the LSOA code's (the two contradict)"
"""The reason of a row whose LSOA code and name place it in different districts."""

CONFLICT_FIELD = "LSOA name"


def name_conflicts(key: Any, names: Any, areas: pa.Table) -> Any | None:
    """The rows (a boolean mask) whose LSOA name contradicts their LSOA code, or ``None``.

    Args:
        key: Each row's number in ``areas`` (its distinct LSOA code).
        names: Each row's LSOA name.
        areas: What each distinct code resolved to (``district_code``, ``district_name``).

    Example:
        >>> import svduty
        >>> geo = svduty.warwickshire().geography
        >>> areas = geo.resolve_lsoas(["E01031330", "E01009528"])  # Warwick, Coventry
        >>> names = ["Warwick 001A", "Birmingham 045E", "Daventry 003E", "Coventry 001A", None]
        >>> name_conflicts(pa.array([0, 0, 0, 1, 1]), pa.array(names), areas).to_pylist()
        [False, True, False, False, False]
    """
    codes = areas.column("district_code").combine_chunks()
    given = pc.and_(pc.is_valid(names), pc.is_valid(pc.take(codes, key)))
    if not len(names) or not pc.any(given).as_py():
        return None
    encoded = pc.dictionary_encode(names)
    spelled = encoded.dictionary.to_pylist()
    pair = key.to_numpy(zero_copy_only=False).astype(np.int64) * len(spelled)
    pair += pc.fill_null(encoded.indices, 0).to_numpy(zero_copy_only=False)
    districts, shown = codes.to_pylist(), areas.column("district_name").to_pylist()
    bad = []
    for p in pc.unique(_arrays.array(pair[given.to_numpy(zero_copy_only=False)])).to_pylist():
        code_at, name_at = divmod(p, len(spelled))
        found = LSOA_NAME.match(spelled[name_at])
        if found is None or _same(found.group(1), shown[code_at]):
            continue
        named = _current_districts().get(normalise_name(found.group(1)))
        if named is not None and districts[code_at] not in named:
            bad.append(p)
    if not bad:
        return None
    return pc.and_(given, pc.is_in(_arrays.array(pair), value_set=pa.array(bad, pa.int64())))


@functools.cache
def _current_districts() -> dict[str, frozenset[str]]:
    """The 2024 districts by name (as :func:`normalise_name` writes it, and before a comma).

    Example:
        >>> sorted(_current_districts()["bristol"])
        ['E06000023']
    """
    found: dict[str, set[str]] = {}
    for code, (name, _) in district_partnerships().items():
        for spelling in {normalise_name(name), normalise_name(name.split(",")[0])}:
            found.setdefault(spelling, set()).add(code)
    return {name: frozenset(codes) for name, codes in found.items()}


def _same(part: str, district: str | None) -> bool:
    """Whether an LSOA name's district part is the district's name (or its part before a comma).

    Example:
        >>> _same("Bristol", "Bristol, City of"), _same("Warwick", "Rugby")
        (True, False)
    """
    if district is None:
        return False
    wanted = normalise_name(part)
    return wanted in (normalise_name(district), normalise_name(district.split(",")[0]))
