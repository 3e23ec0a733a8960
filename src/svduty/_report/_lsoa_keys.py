"""The report counts rows by LSOA as the geography found it, never as the file spelt it.

A police.uk row's ``LSOA code`` is the file's text: a row located by its LSOA name (the
code unknown, ``match`` ``name``) may hold anything there, a person's name or a formula,
and rows of two LSOAs may share one unknown code. The report's tables by LSOA are shared,
so they are keyed by the code the geography read (``match`` ``table`` or ``conflict``:
the code, in capitals), else by the code of the ONS LSOA the name names (``name``), else
by no code.
"""

from __future__ import annotations

import functools
from typing import Any

import pyarrow as pa

from svduty import _compute as pc
from svduty.areas._national import read_table
from svduty.io._bounds import BoundedCounts

__all__ = ["LsoaKeyed", "lsoa_keyed", "ons_lsoas"]


@functools.cache
def ons_lsoas() -> tuple[Any, Any]:
    """The ONS LSOA names and their codes: 2021 first, then 2011's (read once a process)."""
    t21 = read_table("lsoa21-ward24-lad24", ("lsoa21_name", "lsoa21_code"))
    t11 = read_table("lsoa11-lsoa21-lad22", ("lsoa11_name", "lsoa11_code"))
    names = pa.concat_arrays([t21.column(0).combine_chunks(), t11.column(0).combine_chunks()])
    codes = pa.concat_arrays([t21.column(1).combine_chunks(), t11.column(1).combine_chunks()])
    return names, codes


@functools.cache
def _ons_codes_by_name() -> tuple[Any, Any]:
    """:func:`ons_lsoas` with the names folded (index_in finds a name's 2021 code first)."""
    names, codes = ons_lsoas()
    return _folded(names), codes


def _folded(names: Any) -> Any:
    """Names as the geography reads them: any case, spaces collapsed (``warwick  001a``)."""
    collapsed = pc.replace_substring_regex(pc.cast(names, pa.string()), r"\s+", " ")
    return pc.utf8_lower(pc.utf8_trim_whitespace(collapsed))


def lsoa_keyed(batch: Any) -> Any:
    """``batch`` with ``lsoa_code`` the code of the LSOA the geography located the row in.

    Example:
        >>> t = pa.table({"lsoa_code": ["e01031254", "Jane Smith", "E01999999", None, "x"],
        ...               "lsoa_name": ["Warwick 001A", "Warwick 001A", "Nowhere 1", None,
        ...                             " warwick  001a"],
        ...               "match": ["table", "name", "name", None, "name"]})
        >>> lsoa_keyed(t).column("lsoa_code").to_pylist()
        ['E01031254', 'E01031254', None, None, 'E01031254']
    """
    at = batch.schema.get_field_index("lsoa_code")
    if at < 0 or "match" not in batch.schema.names:
        return batch
    code = pc.cast(batch.column(at), pa.string())
    match = pc.cast(batch.column("match"), pa.string())
    read = pc.utf8_upper(pc.utf8_trim_whitespace(code))
    known = pc.fill_null(pc.is_in(match, pa.array(["table", "conflict"])), False)
    named = pc.fill_null(pc.equal(match, "name"), False)
    none = pa.scalar(None, pa.string())
    by_name: Any = none
    if pc.any(named).as_py():  # rows located by name: rare (most months have none)
        names, codes = _ons_codes_by_name()
        by_name = pc.take(codes, pc.index_in(_folded(batch.column("lsoa_name")), names))
    keyed = pc.if_else(known, read, pc.if_else(named, by_name, none))
    return batch.set_column(at, pa.field("lsoa_code", pa.string()), keyed)


class LsoaKeyed:
    """A :class:`~svduty.io.BoundedCounts` fed each batch by :func:`lsoa_keyed`.

    Example:
        >>> b = BoundedCounts(groupings={"lsoa": ("lsoa_code", "lsoa_name")})
        >>> _ = LsoaKeyed(b).add(pa.table({"within_area": ["inside"], "in_scope": ["no"],
        ...     "lsoa_code": ["x"], "lsoa_name": ["Warwick 001A"], "match": ["name"]}))
        >>> b.table("lsoa").column("lsoa_code").to_pylist()
        ['E01031254']
    """

    def __init__(self, bounds: BoundedCounts) -> None:
        self.bounds = bounds

    def add(self, batch: Any, weights: Any = None) -> Any:
        """Count ``batch`` keyed by its located LSOAs; return it unchanged."""
        self.bounds.add(lsoa_keyed(batch), weights)
        return batch
