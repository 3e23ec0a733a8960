"""Bounded counts: what is certain, what is possible, and what would settle the rest.

A police.uk row gives a category, not an offence, so most answers about it are
``undetermined``. An analyst cannot report a single number for such rows; they can report
two, and say why they differ:

- **certain**: the rows answered ``yes`` (in scope whatever the missing facts turn out);
- **possible**: the rows answered ``yes`` or ``undetermined`` (the most the rows could hold);
- **no**: the rows answered ``no``.

``certain <= possible`` always, and ``possible + no`` is the row count. Rows inside the
partnership's area, outside it and without a location are always counted apart (the
``within_area`` column leads every table).

:class:`~svduty.io.BoundedCounts` counts record batches as they stream past (pure Arrow group-bys,
merged as they go), so it runs on a month or a decade of files in flat memory;
:func:`~svduty.io.bounded_counts` is the one-call form that returns the JSON-ready counts.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, cast

import attrs
import numpy as np  # a dependency of pyarrow
import pyarrow as pa

from svduty import _arrays
from svduty import _compute as pc
from svduty._checked import checked, checked_methods
from svduty.errors import DataError, Problem
from svduty.io._bounds_keys import _fine_groups, _summed, spelt_apart
from svduty.io._code_names import one_row_per_code, with_every_code

if TYPE_CHECKING:  # the rule engine: imported when settlements are asked for
    from svduty.definitions import Definition
    from svduty.io._settle import Settlement
Arrow = Any  # a pyarrow Array or ChunkedArray (pyarrow-stubs' compute overloads are narrower)

__all__ = [
    "BOUNDED_VERDICTS",
    "COUNT_COLUMNS",
    "GROUPINGS",
    "WITHIN_AREA",
    "BoundedCounts",
    "bounded_counts",
]

GROUPINGS: Mapping[str, tuple[str, ...]] = {
    "month": ("month",),
    "district": ("district_code", "district_name"),
    "csp": ("csp_code", "csp_name"),
    "police_area": ("police_area",),
    "lsoa": ("lsoa_code", "lsoa_name"),
    "category": ("police_uk_category",),
}
"""The groupings counted by default: name -> the key columns (after ``within_area``)."""

WITHIN_AREA: tuple[str, ...] = ("inside", "outside", "no_location")
"""The values of ``within_area``, in the order the tables list them."""

COUNT_COLUMNS: tuple[str, ...] = ("certain", "possible", "yes", "undetermined", "no", "rows")
"""The count columns of every bounded table (``certain == yes``; ``possible == yes +
undetermined``; ``rows == possible + no``)."""

BOUNDED_VERDICTS: tuple[str, ...] = (
    "in_scope",
    "violence",
    "domestic_abuse",
    "qualifying_homicide",
)
"""The verdict columns answered ``yes`` / ``no`` / ``undetermined`` that can be bounded."""

_ANSWERS = ("yes", "undetermined", "no")
_WHERE = {"inside": "inside the area", "outside": "outside the area"}  # else without a location
_SETTLE_KEYS = ("within_area", "police_uk_category", "month", "location")
_COMPACT_AT = 32


def _text(name: str, col: Arrow) -> Arrow:
    """A key column as text (a month held as a date becomes ``YYYY-MM``)."""
    col = pc.dictionary_decode(col) if pa.types.is_dictionary(col.type) else col
    if pa.types.is_temporal(col.type):
        return pc.strftime(col, format="%Y-%m" if name == "month" else "%Y-%m-%d")
    if pa.types.is_string(col.type):
        return col
    return pc.cast(col, pa.string())


def _where(col: Arrow) -> Arrow:
    """``within_area`` as ``inside`` / ``outside`` / ``no_location`` (a boolean is read so)."""
    col = pc.dictionary_decode(col) if pa.types.is_dictionary(col.type) else col
    if pa.types.is_boolean(col.type):
        where = pc.if_else(col, pa.scalar("inside"), pa.scalar("outside"))
        return pc.fill_null(where, pa.scalar("no_location"))
    return pc.fill_null(pc.cast(col, pa.string()), pa.scalar("no_location"))


def _usable(table: pa.Table, weights: Any) -> tuple[pa.Table, Any]:
    """The rows counted (not rejected; a row of weight zero stands for none) and their weights."""
    if weights is not None:
        given = np.asarray(weights)
        if given.shape != (table.num_rows,):
            raise DataError(
                Problem(
                    field="weights", expected=f"one weight for each of the {table.num_rows} rows"
                )
            )
        whole = given.dtype.kind in "biu" or (
            given.dtype.kind == "f" and bool(np.isfinite(given).all())
        )
        weights = given.astype(np.int64) if whole else None
        if weights is None or not (weights >= 0).all() or not (weights == given).all():
            raise DataError(Problem(field="weights", expected="whole numbers of rows, 0 or more"))
    keep = None
    if "rejected" in table.schema.names and table.column("rejected").null_count < table.num_rows:
        keep = pc.is_null(table.column("rejected")).to_numpy(zero_copy_only=False)
    if weights is not None and not weights.all():
        keep = weights > 0 if keep is None else keep & (weights > 0)
    if keep is None:
        return table, weights
    return pc.filter(table, _arrays.array(keep)), None if weights is None else weights[keep]


def _answers(col: Arrow, verdict: str) -> Any:
    """Each row's answer as a number: 0 yes, 1 undetermined, 2 no.

    A dictionary column is read through its dictionary (its few words, not every row).

    Raises:
        DataError: if a row holds another value, or none: every classified row has an
            answer, and a row without one is never counted silently.
    """
    col = _arrays.one_array(col)
    answers = pa.array(_ANSWERS, pa.string())
    if pa.types.is_dictionary(col.type):
        words = pc.cast(col.dictionary, pa.string())
        at: Arrow = pc.take(pc.index_in(words, value_set=answers), col.indices)
    else:
        at = pc.index_in(pc.cast(col, pa.string()), value_set=answers)
    if at.null_count:  # (counted as the array was made: no pass over the rows)
        bad = pc.is_null(at)
        raise DataError(
            Problem(
                field=verdict,
                expected="yes, no or undetermined on every classified row",
                message=f"{pc.sum(pc.cast(bad, pa.int64())).as_py()} rows have another value",
            )
        )
    return at.to_numpy(zero_copy_only=False)  # (no null: refused above)


def _sum_groups(table: pa.Table, keys: Sequence[str]) -> pa.Table:
    return _summed(table, keys, _ANSWERS)


def _finish(table: pa.Table, keys: Sequence[str]) -> pa.Table:
    """Order the columns, add certain/possible/rows, sort: area first, then the keys."""
    yes, und, no = (table.column(n) for n in _ANSWERS)
    possible = pc.add(yes, und)
    cols: dict[str, Arrow] = {k: table.column(k) for k in keys}
    cols.update(
        certain=yes, possible=possible, yes=yes, undetermined=und, no=no, rows=pc.add(possible, no)
    )
    out = pa.table(cols)
    order: Any = [(k, "ascending") for k in keys if k != "within_area"]
    if "within_area" not in keys:
        return pc.sort_by(out, order) if order else out
    rank = pc.index_in(out.column("within_area"), value_set=pa.array(WITHIN_AREA))
    out = out.append_column("_rank", rank)
    return pc.sort_by(out, [("_rank", "ascending"), *order]).drop_columns(["_rank"])


def _empty(keys: Sequence[str]) -> pa.Table:
    fields: list[Any] = [pa.field(k, pa.string()) for k in keys]
    fields += [pa.field(n, pa.int64()) for n in _ANSWERS]
    return pa.schema(fields).empty_table()


@checked_methods
@attrs.define
class BoundedCounts:
    """Counts certain / possible / no answers of classified batches as they stream past.

    Every table has ``within_area`` first, so rows inside the area, outside it and without
    a location are never added together. Rejected rows (a non-null ``rejected``) are not
    counted (the :class:`~svduty.io.Summary` accounts for them).

    Attributes:
        verdict: The verdict column counted (default ``in_scope``).
        groupings: Grouping name -> key columns (default :data:`~svduty.io.GROUPINGS`).
        parts: Grouping name -> the area's codes and names each to have an ``inside`` row
            (of zeros where no row is in it), such as its districts.

    Example:
        >>> import pyarrow as pa
        >>> rows = pa.table({"within_area": ["inside", "inside", "outside"],
        ...     "month": ["2025-06"] * 3, "in_scope": ["yes", "undetermined", "no"]})
        >>> b = BoundedCounts(groupings={"month": ("month",)})
        >>> _ = b.add(rows)
        >>> b.table("month").select(["within_area", "certain", "possible", "no"]).to_pylist()
        [{'within_area': 'inside', 'certain': 1, 'possible': 2, 'no': 0}, {'within_area': 'outside', 'certain': 0, 'possible': 0, 'no': 1}]
    """  # noqa: E501

    verdict: str = "in_scope"
    groupings: Mapping[str, tuple[str, ...]] = attrs.Factory(lambda: dict(GROUPINGS))
    parts: Mapping[str, Mapping[str, str]] = attrs.Factory(dict)
    _fine: list[pa.Table] = attrs.Factory(list)  # counts at the finest grain, by batch
    _settle: list[pa.Table] = attrs.Factory(list)  # the undetermined of _fine[:_folded]
    _folded: int = 0  # (_fine[0] once compacted)
    _basis: dict[str, int] = attrs.Factory(dict)
    _tables: dict[str | None, Any] = attrs.field(init=False, factory=dict, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        if self.verdict not in BOUNDED_VERDICTS:
            raise DataError(
                Problem(field="verdict", expected=f"one of {', '.join(BOUNDED_VERDICTS)}")
            )

    def add(
        self, batch: pa.RecordBatch | pa.Table, weights: Any = None
    ) -> pa.RecordBatch | pa.Table:
        """Count one classified batch; return it unchanged (so it chains in a stream).

        Args:
            batch: Classified rows (rejected rows are not counted).
            weights: How many rows each row of ``batch`` stands for (whole numbers, 0 or
                more: a row of weight 0 is not counted; one each when ``None``), as
                :func:`~svduty.io.run_pipeline` counts rows alike.

        Raises:
            KeyError: naming a column the batch lacks.
            DataError: if the verdict column holds a value other than yes/no/undetermined,
                or ``weights`` are not one whole number of rows for each row.

        Example:
            >>> import pyarrow as pa
            >>> b = BoundedCounts(groupings={})
            >>> b.add(pa.table({"within_area": ["inside"], "in_scope": ["no"]})).num_rows
            1
        """
        table = pa.Table.from_batches([batch]) if isinstance(batch, pa.RecordBatch) else batch
        table, weights = _usable(table, weights)
        for name in ("within_area", self.verdict):
            if name not in table.schema.names:
                raise DataError.single(None, name, expected="a column of the pipeline's output")
        answer = _answers(table.column(self.verdict), self.verdict)
        if "basis" in table.schema.names:
            self._count_basis(table.column("basis"), weights)
        # one pass over the rows at the finest grain every grouping needs (numbers, not
        # text), then each grouping sums the (much smaller) result
        names = dict.fromkeys(
            ["within_area", *(k for ks in self.groupings.values() for k in ks), *_SETTLE_KEYS]
        )
        groups, first = _fine_groups(table, list(names))
        counts = _arrays.sums(
            groups.astype(np.int64) * 4 + answer, weights, len(first) * 4
        ).reshape(-1, 4)
        rows = pc.take(
            table.select([k for k in names if k in table.schema.names]), _arrays.array(first)
        )
        cols: dict[str, Arrow] = {"within_area": _where(rows.column("within_area"))}
        for k in list(names)[1:]:
            found = k in rows.schema.names
            cols[k] = _text(k, rows.column(k)) if found else pa.nulls(rows.num_rows, pa.string())
        cols.update({a: _arrays.array(counts[:, i]) for i, a in enumerate(_ANSWERS)})
        fine = pa.table(cols)  # summed again by the keys as text, if that can join groups
        if not spelt_apart(rows):  # (a null area and "no_location", two dates of a month)
            fine = _sum_groups(fine, list(names))
        # each grouping is summed when it is asked for (:meth:`table`), not per batch
        self._fine.append(fine)
        self._tables.clear()
        if len(self._fine) >= _COMPACT_AT:  # (the undetermined first, in the order found)
            self._settle, self._folded = [self._undetermined()], 1
            self._fine = [_sum_groups(pa.concat_tables(self._fine), list(names))]
        return batch

    def _count_basis(self, column: Arrow, weights: Any) -> None:
        for word, n in _arrays.value_sums(column, weights):
            key = str(word)
            self._basis[key] = self._basis.get(key, 0) + n

    def _undetermined(self) -> pa.Table:
        """The undetermined rows by :data:`_SETTLE_KEYS`, in the order found, when asked.

        Only :meth:`settlements` reads them (not ``svduty classify``): summed from each
        batch's finest counts as it came, 0.5 ms of a batch of real months (speed52a).
        """
        fresh = pa.concat_tables(self._fine[self._folded :] or [_empty(_SETTLE_KEYS)])
        und = pc.filter(fresh, pc.greater(fresh.column("undetermined"), pa.scalar(0)))
        part = _summed(und, _SETTLE_KEYS, ["undetermined"]).rename_columns([*_SETTLE_KEYS, "rows"])
        if not self._settle:
            return part
        return _summed(pa.concat_tables([*self._settle, part]), _SETTLE_KEYS, ["rows"])

    def table(self, grouping: str) -> pa.Table:
        """The bounded counts of one grouping.

        Returns:
            ``within_area``, the grouping's key columns, then ``COUNT_COLUMNS``; sorted
            by ``within_area`` (inside, outside, no location) then by the keys.

        Raises:
            KeyError: if the grouping is not counted.

        Example:
            >>> b = BoundedCounts(groupings={"month": ("month",)})
            >>> b.table("month").column_names[:3]
            ['within_area', 'month', 'certain']
        """
        keys, parts = ("within_area", *self.groupings[grouping]), self.parts.get(grouping)
        held = self._tables.get(grouping)  # summed once till the next batch (asked 3-5 times)
        if held is not None and held[0] == keys and held[1] is parts:
            return cast(pa.Table, held[2])
        summed = _sum_groups(pa.concat_tables(self._fine), keys) if self._fine else _empty(keys)
        table = _finish(one_row_per_code(summed, keys, _ANSWERS), keys)
        self._tables[grouping] = (keys, parts, with_every_code(table, keys, parts))
        return cast(pa.Table, self._tables[grouping][2])

    def totals(self) -> pa.Table:
        """The bounded counts by ``within_area`` alone (the summary's lines).

        ``inside``, ``outside`` and ``no_location`` each have their line, of zeros where
        no row lies there: a needs assessment reads a line left out as one not counted.

        Example:
            >>> import pyarrow as pa
            >>> b = BoundedCounts(groupings={"month": ("month",)})
            >>> _ = b.add(pa.table({"within_area": ["inside"], "month": ["2025-06"],
            ...     "in_scope": ["undetermined"]}))
            >>> [(r["within_area"], r["possible"], r["rows"]) for r in b.totals().to_pylist()]
            [('inside', 1, 1), ('outside', 0, 0), ('no_location', 0, 0)]
        """
        keys, first = ("within_area",), next(iter(self.groupings), None)
        source = None if first is None else self.table(first)  # (held: the same object)
        held = self._tables.get(None)  # summed once from it (asked 4-8 times a summary)
        if held is not None and held[0] is source and held[1] == first:
            return cast(pa.Table, held[2])
        summed = _empty(keys) if source is None else _sum_groups(source, keys)
        none = [w for w in WITHIN_AREA if w not in set(summed["within_area"].to_pylist())]
        zeros: dict[str, list[Any]] = {
            "within_area": none,
            **{n: [0] * len(none) for n in _ANSWERS},
        }
        totals = _finish(pa.concat_tables([summed, pa.table(zeros, summed.schema)]), keys)
        self._tables[None] = (source, first, totals)
        return totals

    def why_nothing_certain(self, within_area: str = "inside") -> str | None:
        """One line saying why no row is certain, or ``None`` when some row is.

        Example:
            >>> import pyarrow as pa
            >>> b = BoundedCounts(groupings={"month": ("month",)})
            >>> _ = b.add(pa.table({"within_area": ["inside"], "month": ["2025-06"],
            ...     "in_scope": ["undetermined"], "basis": ["category"]}))
            >>> print(b.why_nothing_certain())
            nothing is certain inside the area: every row has only a police.uk category (no offence code or other facts), and none of their categories settles in_scope on its own; 1 row is undetermined
        """  # noqa: E501
        totals = {r["within_area"]: r for r in self.totals().to_pylist()}
        row = totals.get(within_area)
        if row is None or row["certain"] or not row["rows"]:  # nothing to explain
            return None
        where = _WHERE.get(within_area, "without a location")
        if not row["possible"]:
            rows = "the row is" if row["rows"] == 1 else f"all {row['rows']:,} rows are"
            return f"nothing is certain {where}: {rows} answered no"
        basis = self._basis
        if basis and set(basis) == {"category"}:
            why = (
                "every row has only a police.uk category (no offence code or other facts), "
                f"and none of their categories settles {self.verdict} on its own"
            )
        else:
            why = f"the facts given do not settle {self.verdict} for any row"
        n = row["undetermined"]
        rows = "1 row is" if n == 1 else f"{n:,} rows are"
        return f"nothing is certain {where}: {why}; {rows} undetermined"

    def settlements(
        self, definition: Definition, *, resolve_district: Any = None
    ) -> tuple[Settlement, ...]:
        """What would settle the undetermined rows, category by category.

        For each police.uk category the classifier is asked again, with each Home Office
        offence code published under the category added to the row's facts: a row is
        settled by an offence code when every such code gives ``yes`` or ``no``.

        Args:
            definition: The definition the rows were classified against.
            resolve_district: As for :func:`~svduty.definitions.classify_table`.

        Example:
            >>> import pyarrow as pa
            >>> from svduty.definitions import STATUTE
            >>> b = BoundedCounts(verdict="violence", groupings={})
            >>> _ = b.add(pa.table({"within_area": ["inside"], "month": ["2025-06"],
            ...     "police_uk_category": ["Public order"], "violence": ["undetermined"]}))
            >>> (s,) = b.settlements(STATUTE)
            >>> s.rows, s.by_offence_code, s.codes_settling, s.codes
            (1, 0, 1, 4)
        """
        from svduty.io._settle import settle  # the rule engine, asked again

        rows = self._undetermined().to_pylist()
        return settle(rows, self.verdict, definition, resolve_district=resolve_district)

    def to_json(
        self, definition: Definition | None = None, *, resolve_district: Any = None
    ) -> dict[str, Any]:
        """Every table as JSON-ready data (the bounded part of ``--summary json``).

        Args:
            definition: When given, add what would settle the undetermined rows.
            resolve_district: As for :meth:`settlements`.

        Example:
            >>> import pyarrow as pa
            >>> b = BoundedCounts(groupings={"month": ("month",)})
            >>> _ = b.add(pa.table({"within_area": ["inside"], "month": ["2025-06"],
            ...     "in_scope": ["yes"]}))
            >>> b.to_json()["by"]["month"][0]["certain"]
            1
        """
        out: dict[str, Any] = {
            "verdict": self.verdict,
            "totals": self.totals().to_pylist(),
            "by": {name: self.table(name).to_pylist() for name in self.groupings},
            "why_nothing_certain": {
                w: line for w in WITHIN_AREA if (line := self.why_nothing_certain(w)) is not None
            },
        }
        if definition is not None:
            out["settle"] = [
                s.to_json() for s in self.settlements(definition, resolve_district=resolve_district)
            ]
        return out


@checked
def bounded_counts(
    rows: pa.Table | pa.RecordBatch | Iterable[pa.RecordBatch],
    *,
    verdict: str = "in_scope",
    groupings: Mapping[str, tuple[str, ...]] | None = None,
    definition: Definition | None = None,
    resolve_district: Any = None,
) -> dict[str, Any]:
    """The bounded counts of classified rows, as JSON-ready data.

    By month, district, CSP, police area, LSOA and police.uk category (:data:`~svduty.io.GROUPINGS`).

    Args:
        rows: The pipeline's output: a table, a record batch or an iterable of them.
        verdict: The verdict column (default ``in_scope``).
        groupings: Name -> key columns (default :data:`~svduty.io.GROUPINGS`).
        definition: When given, say what would settle the undetermined rows.
        resolve_district: As for :func:`~svduty.definitions.classify_table`.

    Returns:
        ``verdict``, ``totals`` (by ``within_area``), ``by`` (grouping -> rows with
        ``COUNT_COLUMNS``), ``why_nothing_certain`` and, with a definition, ``settle``.

    Example:
        >>> import pyarrow as pa
        >>> rows = pa.table({"within_area": ["inside", "outside"], "month": ["2025-06"] * 2,
        ...     "district_name": ["Rugby", "Coventry"], "in_scope": ["undetermined", "no"]})
        >>> counts = bounded_counts(rows)
        >>> [(r["within_area"], r["district_name"], r["possible"]) for r in counts["by"]["district"]]
        [('inside', 'Rugby', 1), ('outside', 'Coventry', 0)]
    """  # noqa: E501
    counter = BoundedCounts(verdict=verdict, groupings=dict(groupings or GROUPINGS))
    batches: Iterable[pa.RecordBatch | pa.Table]
    batches = [rows] if isinstance(rows, pa.Table | pa.RecordBatch) else rows
    for batch in batches:
        counter.add(batch)
    return counter.to_json(definition, resolve_district=resolve_district)
