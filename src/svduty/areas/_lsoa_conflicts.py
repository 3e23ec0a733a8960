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
from typing import Any, cast

import numpy as np
import pyarrow as pa

from svduty import _arrays
from svduty import _compute as pc
from svduty.areas._best_fit import lsoa21_table
from svduty.areas._model import LSOA_NAME, Match
from svduty.areas._national import district_partnerships
from svduty.areas._tables import read_table
from svduty.errors import ConflictError

__all__ = [
    "CONFLICT",
    "CONFLICT_FIELD",
    "name_conflicts",
    "other_districts",
    "refuse_contradiction",
    "without_conflicts",
]

CONFLICT = "LSOA name: names a district other than the LSOA code's (the two contradict)"
"""The reason of a row whose LSOA code and name place it in different districts."""

CONFLICT_FIELD = "LSOA name"


def name_conflicts(key: Any, names: Any, areas: pa.Table, lsoas: Any) -> Any | None:
    """The rows (a boolean mask) whose LSOA name contradicts their LSOA code, or ``None``.

    Column-wise, in Arrow kernels (no Python step per row or per distinct name): each
    distinct name's district part, reduced as :func:`_reduced` reduces names, is looked up
    among the 2024 districts' names; a row conflicts when that gives a district, and it is
    neither the code's district nor named as the code's district is.

    Args:
        key: Each row's number in ``areas`` (its distinct LSOA code).
        names: Each row's LSOA name.
        areas: What each distinct code resolved to (``district_code``, ``district_name``).
        lsoas: The distinct codes (as ``areas``' rows).

    Example:
        >>> import svduty
        >>> geo = svduty.warwickshire().geography
        >>> areas = geo.resolve_lsoas(["E01031330", "E01009528"])  # Warwick, Coventry
        >>> names = ["Warwick 001A", "Birmingham 045E", "Daventry 003E", "Coventry 001A", None]
        >>> key, lsoas = pa.array([0, 0, 0, 1, 1]), areas.column("lsoa_code")
        >>> name_conflicts(key, pa.array(names), areas, lsoas).to_pylist()
        [False, True, False, False, False]
    """
    if not len(names) or not pc.any(pc.is_valid(names)).as_py():
        return None
    encoded = pc.dictionary_encode(names, null_encoding="encode")  # one hash a row; a null:
    part, named = _parts(encoded.dictionary)  # (no district part, no district)
    codes = areas.column("district_code").combine_chunks()
    own = _reduced_words(areas.column("district_name").combine_chunks())
    # the distinct names' and codes' values as numbers in one vocabulary each (-1: none)
    named_at, code_at = _numbered(named, codes)
    part_at, own_at = _numbered(part, own)
    rows = _ints(encoded.indices, len(encoded.dictionary))  # a word (no name: no district)
    at = _ints(key, len(codes))
    if len(named_at) * len(code_at) <= len(rows) // 2:  # each pair of a name and a code
        pairs = _pairs(named_at, code_at, part_at, own_at)  # (fewer than rows: one look-up)
        conflict = pairs[rows.astype(np.int64) * len(code_at) + at]
    else:
        named_row, code_row = named_at[rows], code_at[at]
        conflict = (named_row != code_row) & (named_row >= 0) & (code_row >= 0)
        suspect = np.flatnonzero(conflict)  # few or none: the name's part is the code's name?
        conflict[suspect] = part_at[rows[suspect]] != own_at[at[suspect]]
    if conflict.any():
        _allow_other_districts(conflict, rows, at, named, _arrays.one_array(lsoas))
    return _arrays.array(conflict) if conflict.any() else None


_MOST_NAMES = 1 << 16
"""The most names :func:`_parts` remembers (more: it keeps only the last batch's names)."""

_PARTS: dict[str, tuple[Any, Any, Any]] = {}
"""The names met so far, their district parts reduced and the districts those name."""


def _parts(words: Any) -> tuple[Any, Any]:
    """Each name's district part, reduced, and the 2024 district it names (else null).

    Each distinct name is read once a process (:data:`_PARTS`): a police.uk file's batches
    name the same LSOAs again and again, and reading a name (a regular expression, three
    replacements) costs a hundred times more than finding it among the names read.

    Example:
        >>> part, named = _parts(pa.array(["Warwick 001A", "Daventry 003E", "x", None]))
        >>> part.to_pylist(), named.to_pylist()
        (['warwick', 'daventry', None, None], ['E07000222', None, None, None])
    """
    seen, parts, districts = _PARTS.get("read", (_NONE, _NONE, _NONE))
    at = pc.index_in(words, value_set=seen)
    if at.null_count > words.null_count:  # names not read before
        new = pc.unique(pc.drop_null(pc.filter(words, pc.is_null(at))))
        if len(seen) + len(new) > _MOST_NAMES:  # (made-up names): this batch's names alone
            seen, parts, districts = _NONE, _NONE, _NONE
            new = pc.unique(pc.drop_null(words))
        # the district part (RE2 reads the pattern as Python's re does)
        part = _reduced(pc.struct_field(pc.extract_regex(new, LSOA_NAME.pattern), [0]))
        known_names, known_codes = _current_districts()
        named = pc.take(known_codes, pc.index_in(part, value_set=known_names))
        seen, parts, districts = (
            pa.concat_arrays([a, b]) for a, b in ((seen, new), (parts, part), (districts, named))
        )
        _PARTS["read"] = (seen, parts, districts)  # (one step: another thread reads either)
        at = pc.index_in(words, value_set=seen)
    return pc.take(parts, at), pc.take(districts, at)


_NONE = pa.array([], pa.string())


def _reduced_words(text: Any) -> Any:
    """:func:`_reduced` of each distinct value once (a district's name, for its LSOAs)."""
    encoded = pc.dictionary_encode(text)
    return pc.take(_reduced(encoded.dictionary), encoded.indices)


def _pairs(named: Any, code: Any, part: Any, own: Any) -> np.ndarray[Any, Any]:
    """Whether each name (row) and code (column) conflict, flattened: as :func:`name_conflicts`.

    A conflict: the name's district and the code's are both known and differ, and the
    name's district part is not the code's district's name.

    Example:
        >>> n, c = np.array([0, 1, -1]), np.array([0, -1])
        >>> _pairs(n, c, np.array([5, 6, -1]), np.array([5, -1])).reshape(3, 2).tolist()
        [[False, False], [True, False], [False, False]]
    """
    named, part = named[:, None], part[:, None]
    found = (named != code) & (named >= 0) & (code >= 0) & (part != own)
    flat: np.ndarray[Any, Any] = found.ravel()
    return flat


def _allow_other_districts(conflict: Any, rows: Any, at: Any, named: Any, lsoas: Any) -> None:
    """Clear the conflicts of rows whose name's district is another of their code's own.

    A few LSOAs lie in two districts by the ONS tables themselves (:func:`other_districts`):
    a name giving either does not contradict the code. Only the rows of those LSOAs take a
    Python step (one per distinct code and name).
    """
    others = other_districts()
    mine = pc.is_in(lsoas, value_set=pa.array(list(others), pa.string()))
    candidate = np.flatnonzero(conflict)
    candidate = candidate[_ints(mine, 0).astype(bool)[at[candidate]]]
    for a, r in {(int(at[i]), int(rows[i])) for i in candidate}:
        if named[r].as_py() in others[lsoas[a].as_py()]:
            conflict[(at == a) & (rows == r)] = False


@functools.cache
def other_districts() -> dict[str, frozenset[str]]:
    """The LSOAs the ONS tables place in more than one district, with those districts.

    A 2011 LSOA whose 2021 pieces lie in two districts (Gateshead 024C, in Gateshead and in
    Northumberland): a name naming either district is the code's own. A 2021 LSOA lies in
    one district (:func:`~svduty.areas._best_fit.lsoa21_table`: West Northamptonshire
    048E in West Northamptonshire, whatever ward the 2024 table gives it), so it is not here.

    Example:
        >>> sorted(other_districts()["E01008187"])  # Gateshead 024C
        ['E06000057', 'E08000037']
        >>> "E01027305" in other_districts()  # West Northamptonshire 048E
        False
    """
    bridge = read_table("lsoa11-lsoa21-lad22", ("lsoa11_code", "lsoa21_code"))
    t21 = lsoa21_table(("lsoa21_code", "ltla24_code"))
    lad24 = pc.take(t21[1], pc.index_in(bridge[1], value_set=t21[0]))
    found: dict[str, set[str]] = {}
    olds = cast(list[str], bridge[0].to_pylist())
    for old, lad in zip(olds, lad24.to_pylist(), strict=True):
        found.setdefault(old, set()).add(lad)
    return {code: frozenset(lads) for code, lads in found.items() if len(lads) > 1}


def _numbered(a: Any, b: Any) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]:
    """Two small string arrays' values as numbers of one vocabulary (null: -1), and a -1 more.

    The last -1 stands for a row with no value (:func:`_ints`).
    """
    vocabulary = pc.unique(pc.drop_null(pa.concat_arrays([a, b])))
    return tuple(  # type: ignore[return-value]
        np.append(pc.fill_null(pc.index_in(x, value_set=vocabulary), -1).to_numpy(), -1).astype(
            np.int32
        )
        for x in (a, b)
    )


def _ints(indices: Any, missing: int) -> np.ndarray[Any, Any]:
    """Row indices as numpy, a null as ``missing`` (the extra -1 of :func:`_numbered`)."""
    if indices.null_count:
        indices = pc.fill_null(indices, missing)
    filled: np.ndarray[Any, Any] = indices.to_numpy(zero_copy_only=False)
    return filled


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


def refuse_contradiction(
    code: str | None, district: tuple[str | None, str | None], name: str
) -> None:
    """Raise :class:`ConflictError` if an LSOA name names another district than its code's.

    ``district`` is the code's district ``(code, name)``.

    Example:
        >>> refuse_contradiction("E01031180", ("E07000220", "Rugby"), "Rugby 010E")
        >>> refuse_contradiction("E01031180", ("E07000220", "Rugby"), "Birmingham 012E")
        Traceback (most recent call last):
        ...
        svduty.errors.ConflictError: name: the LSOA name names another district than E01031180's (Rugby): the two contradict
    """  # noqa: E501
    areas = pa.table({"district_code": [district[0]], "district_name": [district[1]]})
    names, lsoas = pa.array([name], pa.string()), pa.array([code], pa.string())
    if name_conflicts(pa.array([0]), names, areas, lsoas) is not None:
        message = f"the LSOA name names another district than {code}'s ({district[1]})"
        raise ConflictError.single(None, "name", message=message + ": the two contradict")


def without_conflicts(table: pa.Table, names: Any) -> pa.Table:
    """A look-up ``table`` with the rows whose name contradicts their code as ``conflict``.

    ``table`` has the columns of :data:`~svduty.areas.RESOLVED_COLUMNS` (``lsoa_code``
    first, ``match`` last); the columns between are nulled in those rows.

    Example:
        >>> t = pa.table({"lsoa_code": ["E01031180"], "district_code": ["E07000220"],
        ...               "district_name": ["Rugby"], "match": ["table"]})
        >>> without_conflicts(t, pa.array(["Coventry 001A"])).to_pylist()
        [{'lsoa_code': 'E01031180', 'district_code': None, 'district_name': None, 'match': 'conflict'}]
    """  # noqa: E501
    found_by_code = pc.equal(table.column(table.num_columns - 1), pa.scalar(Match.TABLE.value))
    if not pc.any(found_by_code).as_py():  # (the pipeline's look-up by name of codes not found)
        return table
    key = _arrays.array(np.arange(table.num_rows))
    conflict = name_conflicts(key, names, table, table.column("lsoa_code"))
    if conflict is None:
        return table
    none, last = pa.scalar(None, pa.string()), table.num_columns - 1
    for j, column in enumerate(table.column_names[1:-1], start=1):
        table = table.set_column(j, column, pc.if_else(conflict, none, table.column(column)))
    match = pc.if_else(conflict, pa.scalar(Match.CONFLICT.value), table.column(last))
    return table.set_column(last, table.column_names[last], match)
