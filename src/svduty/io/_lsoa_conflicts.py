"""police.uk rows whose LSOA code and LSOA name place them in different districts.

police.uk writes both for each crime: the name is the district's name and a number
(``Warwick 001A``). When the code is of one district and the name of another, the row's
place is contradicted by the row itself: it is rejected, as svduty reports every
contradiction and resolves none. The name's district part is looked up among the names of
the 2024 districts of England and Wales. A part that names no current district (one
abolished since the ONS named the LSOA, such as Daventry or Allerdale) says nothing (the
world is open): the full table of LSOA names would cost a quarter of a second.
"""

from __future__ import annotations

import functools
from typing import Any

import pyarrow as pa

from svduty import _compute as pc
from svduty.areas._national import district_partnerships

__all__ = ["CONFLICT", "CONFLICT_FIELD", "name_conflicts"]

CONFLICT = "LSOA name: names a district other than the LSOA code's (the two contradict)"
"""The reason of a row whose LSOA code and name place it in different districts."""

CONFLICT_FIELD = "LSOA name"


def name_conflicts(key: Any, names: Any, areas: pa.Table) -> Any | None:
    """The rows (a boolean mask) whose LSOA name contradicts their LSOA code, or ``None``.

    Column-wise, in Arrow kernels (no Python step per row or per distinct name): each
    distinct name's district part, reduced as :func:`_reduced` reduces names, is looked up
    among the 2024 districts' names; a row conflicts when that gives a district, and it is
    neither the code's district nor named as the code's district is.

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
    row_code = pc.take(codes, key)
    given = pc.and_(pc.is_valid(names), pc.is_valid(row_code))
    if not len(names) or not pc.any(given).as_py():
        return None
    encoded = pc.dictionary_encode(names)
    part = _reduced(pc.struct_field(pc.extract_regex(encoded.dictionary, _PART), [0]))
    known_names, known_codes = _current_districts()
    named = pc.take(known_codes, pc.index_in(part, value_set=known_names))
    row_named = pc.take(named, encoded.indices)  # the district the row's name gives, if any
    own = pc.take(_reduced(areas.column("district_name").combine_chunks()), key)
    differs = pc.and_(
        pc.not_equal(row_named, row_code), pc.not_equal(pc.take(part, encoded.indices), own)
    )
    conflict = pc.fill_null(pc.and_(given, differs), pa.scalar(False))
    return conflict if pc.any(conflict).as_py() else None


_PART = r"^\s*(?P<part>.*\S)\s+[0-9]{3}[A-Z]\s*$"
"""An LSOA name: its district part, a space and a code such as ``010E``."""


def _reduced(text: Any) -> Any:
    """Names reduced for matching, column-wise: lower case, ``&`` as ``and``, one space.

    Example:
        >>> _reduced(pa.array(["Bristol, City of", "Stratford-on-Avon", None])).to_pylist()
        ['bristol city of', 'stratford on avon', None]
    """
    lower = pc.replace_substring_regex(pc.utf8_lower(text), pattern="&", replacement=" and ")
    spaced = pc.replace_substring_regex(lower, pattern="[^a-z0-9]+", replacement=" ")
    return pc.utf8_trim_whitespace(spaced)


@functools.cache
def _current_districts() -> tuple[Any, Any]:
    """The 2024 districts' reduced names (also the part before a comma), and their codes.

    Example:
        >>> names, codes = _current_districts()
        >>> codes[names.index("bristol").as_py()].as_py()
        'E06000023'
    """
    found: dict[str, str] = {}
    for code, (name, _) in district_partnerships().items():
        for spelling in (name, name.split(",")[0]):
            found.setdefault(spelling, code)
    reduced = _reduced(pa.array(list(found), pa.string()))
    return reduced, pa.array(list(found.values()), pa.string())
