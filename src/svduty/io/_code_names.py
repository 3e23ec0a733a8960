"""One row per area code in a table of counts, however many names the code came with.

police.uk files name each LSOA as the edition of the month's boundaries does: an LSOA
whose code did not change in 2021 may have another name there ("Rugby 001C" in a 2019
month, "Rugby 013C" in a 2025 one; 2,162 of the LSOAs kept their code and changed their
name). Counted by code and name, such an LSOA is two rows of a table, each with part of
its count, and a hotspot list ranks both halves below smaller areas. Its rows are one
row here, named by each of its names (``"Rugby 001C / Rugby 013C"``). Rows without a code
keep their names apart: a name is all that tells them apart.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import pyarrow as pa

from svduty import _arrays
from svduty import _compute as pc

__all__ = ["area_parts", "one_row_per_code", "with_every_code"]


def one_row_per_code(table: pa.Table, keys: Sequence[str], counts: Sequence[str]) -> pa.Table:
    """``table`` (``keys`` then ``counts``) with the rows of one code under several names added up.

    The code and name columns are the first key ending in ``_code`` with its ``_name``
    beside it in ``keys``; a table without them is returned as it is, as is one whose
    codes each have one name.

    Example:
        >>> t = pa.table({"lsoa_code": ["E1", "E1", None, None], "lsoa_name": ["A", "B", "C", "D"],
        ...               "rows": [2, 3, 1, 1]})
        >>> one_row_per_code(t, ["lsoa_code", "lsoa_name"], ["rows"]).to_pylist()
        [{'lsoa_code': 'E1', 'lsoa_name': 'A / B', 'rows': 5}, {'lsoa_code': None, 'lsoa_name': 'C', 'rows': 1}, {'lsoa_code': None, 'lsoa_name': 'D', 'rows': 1}]
    """  # noqa: E501
    code = next((k for k in keys if k.endswith("_code") and f"{k[:-5]}_name" in keys), None)
    if code is None or not table.num_rows:
        return table
    name = f"{code[:-5]}_name"
    names = table.column(name)
    coded = pc.fill_null(pc.not_equal(table.column(code), ""), False)
    apart = pc.if_else(coded, pa.nulls(table.num_rows, names.type), names)  # no code: by name
    by = [table.column(k) for k in keys if k != name] + [apart]
    groups, first = _arrays.groups(by, table.num_rows)
    if len(first) == table.num_rows:
        return table
    each: list[set[str]] = [set() for _ in first]
    for group, text in zip(groups.tolist(), names.to_pylist(), strict=True):
        if text:
            each[group].add(text)
    at = _arrays.array(first)
    cols: dict[str, Any] = {k: pc.take(table.column(k), at) for k in keys}
    cols[name] = pa.array([" / ".join(sorted(n)) or None for n in each], pa.string())
    for c in counts:
        weights = table.column(c).to_numpy()
        cols[c] = _arrays.array(_arrays.sums(groups, weights, len(first)))
    return pa.table({k: cols[k] for k in (*keys, *counts)})


def with_every_code(
    table: pa.Table, keys: Sequence[str], wanted: Mapping[str, str] | None
) -> pa.Table:
    """``table`` with an ``inside`` row of zeros for each code of ``wanted`` it has none of.

    ``keys`` are the table's key columns (``within_area``, a code, its name, and perhaps
    ``month``; or ``within_area`` and one column alone, such as the police area's name,
    keyed by itself), ``wanted`` the area's districts, CSPs or police areas (code -> name:
    a name alone is its own key): a needs assessment
    reads one left out of a table of counts as one not counted. With a ``month`` key, each
    code has a row for each month the table holds.

    Example:
        >>> t = pa.table({"within_area": ["inside"], "district_code": ["E2"],
        ...               "district_name": ["B"], "rows": [3]})
        >>> keys = ["within_area", "district_code", "district_name"]
        >>> with_every_code(t, keys, {"E1": "A", "E2": "B"})["rows"].to_pylist()
        [0, 3]
        >>> t = t.append_column("month", pa.array(["2025-06"]))
        >>> with_every_code(t, [*keys, "month"], {"E1": "A", "E2": "B"}).select(
        ...     ["district_name", "month", "rows"]).to_pylist()[0]
        {'district_name': 'A', 'month': '2025-06', 'rows': 0}
        >>> t = pa.table({"within_area": ["outside"], "police_area": ["Essex"], "rows": [1]})
        >>> with_every_code(t, ["within_area", "police_area"], {"Kent": "Kent"}).to_pylist()[0]
        {'within_area': 'inside', 'police_area': 'Kent', 'rows': 0}
    """
    code = next((k for k in keys if k.endswith("_code")), None)
    if code is None and len(keys) == 2:  # one key, a name alone: the police area's
        code = keys[1]
    if not wanted or code is None:
        return table
    name = f"{code[:-5]}_name" if code.endswith("_code") else None
    at = pc.equal(table["within_area"], "inside")
    inside = pc.filter(table, at)
    by_month = "month" in keys
    months = sorted({m for m in table["month"].to_pylist() if m}) if by_month else [None]
    months_of = inside["month"].to_pylist() if by_month else [None] * inside.num_rows
    have = set(zip(inside[code].to_pylist(), months_of, strict=True))
    missing = [(c, m) for c in sorted(wanted) for m in months if (c, m) not in have]
    if not missing:
        return table
    where: dict[str, list[Any]] = {"within_area": ["inside"] * len(missing)}
    where[code] = [c for c, _ in missing]
    if name is not None:
        where[name] = [wanted[c] for c, _ in missing]
    if by_month:
        where["month"] = [m for _, m in missing]
    added = _arrays.with_zero_rows(inside, where)
    order: Any = [(k, "ascending") for k in keys[1:]]
    rest = pc.filter(table, pc.invert(at))
    return pa.concat_tables([pc.sort_by(added, order), rest])


def area_parts(geography: Any, districts: Iterable[str]) -> dict[str, dict[str, str]]:
    """The area's districts, CSPs and police areas (code -> name), by the grouping that counts them.

    A CSP is the area's when one of its districts lies in it alone (a district of several
    CSPs places no row in one). A police area is counted by its name alone (the name a row
    located in one of the area's districts is counted under): name -> name.

    Example:
        >>> import svduty
        >>> p = svduty.warwickshire()
        >>> parts = area_parts(p.geography, p.local_area.districts)
        >>> len(parts["district"]), sorted(parts["csp"].values())[0]
        (5, 'North Warwickshire')
        >>> sorted(parts["police_area"])
        ['Warwickshire Police East', 'Warwickshire Police North', 'Warwickshire Police South']
    """
    t = geography.resolve_locations(list(districts))
    out: dict[str, dict[str, str]] = {}
    for grouping in ("district", "csp"):
        codes, names = t[f"{grouping}_code"].to_pylist(), t[f"{grouping}_name"].to_pylist()
        out[grouping] = {c: n for c, n in zip(codes, names, strict=True) if c is not None}
    out["police_area"] = {n: n for n in t["police_area"].to_pylist() if n}
    return out
