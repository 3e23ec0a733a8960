"""In-scope counts by district and month, as a table and as a chart, for analysts.

Both take the classified rows that :func:`~svduty.io.default_pipeline` produces (a table
or an iterable of record batches with the ``district_code``, ``district_name``,
``month``, ``within_area`` and ``in_scope`` columns).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import pyarrow as pa

from svduty import _compute as pc
from svduty._checked import checked
from svduty.errors import DataError
from svduty.io._bounds import BoundedCounts, _finish, _sum_groups
from svduty.io._summary_counts import shown_districts

__all__ = ["ANSWERS", "in_scope_counts", "plot_in_scope"]

ANSWERS = ("yes", "undetermined", "no")
"""The answers of the ``in_scope`` column, in the order the counts table gives them."""

_NEEDED = ("district_code", "district_name", "month", "within_area", "in_scope")


def _as_table(rows: pa.Table | pa.RecordBatch | Iterable[pa.RecordBatch]) -> pa.Table:
    if isinstance(rows, pa.Table):
        return rows
    if isinstance(rows, pa.RecordBatch):
        return pa.Table.from_batches([rows])
    batches = list(rows)
    if not batches:
        return pa.table({name: pa.array([], pa.string()) for name in _NEEDED})
    return pa.Table.from_batches(batches)


@checked
def in_scope_counts(
    rows: pa.Table | pa.RecordBatch | Iterable[pa.RecordBatch],
    *,
    inside_only: bool = True,
    districts: Mapping[str, str] | None = None,
) -> pa.Table:
    """Count the ``in_scope`` answers by district and month.

    Args:
        rows: Classified rows (the output of the pipeline), as a table, a record batch
            or an iterable of record batches.
        inside_only: Count only the rows located inside the partnership's area
            (``within_area == "inside"``); otherwise count every located row.
        districts: The area's districts (code -> name): each gets a row of zeros for
            each month of the rows in which it has none (a needs assessment reads a
            district left out as one not counted). Without it, only districts with
            rows are listed.

    Returns:
        A table with one row per district and month, sorted by district name then
        month, and the columns ``district_code``, ``district_name``, ``month``, ``yes``,
        ``undetermined``, ``no``, ``rows`` (their sum), ``certain`` (the rows in scope
        whatever the missing facts: ``yes``) and ``possible`` (the most the rows could
        hold: ``yes`` + ``undetermined``). Rows with no district (no location) are left
        out. The same counts as :class:`~svduty.io.BoundedCounts`.

    Raises:
        KeyError: naming the first column the rows lack.

    Example:
        >>> import pyarrow as pa
        >>> rows = pa.table({
        ...     "district_code": ["E07000220", "E07000220", "E07000222"],
        ...     "district_name": ["Rugby", "Rugby", "Warwick"],
        ...     "month": ["2025-06", "2025-06", "2025-06"],
        ...     "within_area": ["inside", "inside", "inside"],
        ...     "in_scope": ["yes", "undetermined", "no"]})
        >>> in_scope_counts(rows).to_pylist()[0]
        {'district_code': 'E07000220', 'district_name': 'Rugby', 'month': '2025-06', 'yes': 1, 'undetermined': 1, 'no': 0, 'rows': 2, 'certain': 1, 'possible': 2}
    """  # noqa: E501
    table = _as_table(rows)
    for name in _NEEDED:
        if name not in table.column_names:
            raise DataError.single(None, name, expected="a column of the pipeline's output")
    keys = ("district_code", "district_name", "month")
    counter = BoundedCounts(groupings={"cell": keys}, parts={"cell": districts or {}})
    counter.add(table.select(list(_NEEDED)))
    counts = counter.table("cell")
    keep: Any = pc.is_valid(counts["district_code"])
    if inside_only:
        keep = pc.and_(keep, pc.equal(counts["within_area"], pa.scalar("inside")))
    counts = _sum_groups(pc.filter(counts, keep), keys)  # one row per cell, wherever located
    counts = _finish(counts, keys)
    order: Any = [(k, "ascending") for k in ("district_name", "month", "district_code")]
    return pc.sort_by(counts, order).select(list(_COLUMNS))


_COLUMNS = (
    "district_code",
    "district_name",
    "month",
    *ANSWERS,
    "rows",
    "certain",
    "possible",
)


def _why(table: pa.Table) -> str:
    """Why a chart has no solid bar (no row is certainly in scope)."""
    if "basis" in table.column_names and table.num_rows:
        basis = set(pc.unique(table["basis"]).to_pylist())
        if basis == {"category"}:
            return (
                "No row is certainly in scope: police.uk gives only a category, which does "
                "not settle the definition; hatched bars are the most the rows could hold"
            )
    return (
        "No row is certainly in scope with the facts given; hatched bars are the most "
        "the rows could hold"
    )


@checked
def plot_in_scope(
    rows: pa.Table | pa.RecordBatch | Iterable[pa.RecordBatch],
    *,
    ax: Any = None,
    path: str | Path | None = None,
    inside_only: bool = True,
) -> Any:
    """Draw in-scope violence by district and month; return the matplotlib axes.

    One group of bars per month, one bar per district: the solid part counts the rows
    certainly in scope (``yes``), the solid and hatched parts together the rows possibly
    in scope (``yes`` + ``undetermined``: the facts given do not settle them; a police.uk
    category alone rarely does). Rows answered ``no`` are not drawn. When no bar has a
    solid part, the chart says why in a note at its top. Needs matplotlib
    (``pip install matplotlib``), imported only when this is called.

    Args:
        rows: Classified rows, as for :func:`in_scope_counts` (or its result).
        ax: The matplotlib axes to draw on (default: a new figure).
        path: When given, save the figure there (without ``ax``, the figure is made
            off-screen, without pyplot).
        inside_only: As for :func:`in_scope_counts`.

    Returns:
        The matplotlib axes.

    Raises:
        ImportError: if matplotlib is not installed, saying how to install it.

    Example:
        >>> import tempfile, pathlib, pyarrow as pa
        >>> rows = pa.table({
        ...     "district_code": ["E07000220", "E07000222"],
        ...     "district_name": ["Rugby", "Warwick"], "month": ["2025-06", "2025-06"],
        ...     "within_area": ["inside", "inside"], "in_scope": ["yes", "undetermined"]})
        >>> out = pathlib.Path(tempfile.mkdtemp()) / "in-scope.png"
        >>> ax = plot_in_scope(rows, path=out)
        >>> out.exists(), [t.get_text() for t in ax.get_xticklabels()]
        (True, ['2025-06'])
    """
    try:
        import matplotlib as mpl
        from matplotlib.figure import Figure
    except ImportError as exc:
        raise ImportError("plot_in_scope() needs matplotlib: pip install matplotlib") from exc
    table = _as_table(rows)
    why = _why(table)
    if not {"yes", "undetermined", "rows"} <= set(table.column_names):
        table = in_scope_counts(table, inside_only=inside_only)
    if ax is None and path is not None:
        ax = Figure(figsize=(10.0, 5.0), layout="constrained").subplots()
    elif ax is None:
        import matplotlib.pyplot as plt

        _, ax = plt.subplots(figsize=(10.0, 5.0), layout="constrained")
    recs = table.to_pylist()
    months = sorted({r["month"] for r in recs})
    named = {r["district_code"] or "": str(r["district_name"]) for r in recs}
    labels = shown_districts(dict.fromkeys(named, 0), named)  # "Name (code)" if shared
    districts = sorted(zip(labels, named, strict=True))  # a bar per code, not per name
    width = 0.8 / max(len(districts), 1)
    cycle = mpl.rcParams["axes.prop_cycle"].by_key()["color"]
    for i, (district, code) in enumerate(districts):
        cells = {r["month"]: r for r in recs if (r["district_code"] or "") == code}
        xs = [m + (i - (len(districts) - 1) / 2) * width for m in range(len(months))]
        yes = [cells[m]["yes"] if m in cells else 0 for m in months]
        und = [cells[m]["undetermined"] if m in cells else 0 for m in months]
        colour = cycle[i % len(cycle)]
        ax.bar(xs, yes, width, color=colour, label=district)
        ax.bar(xs, und, width, bottom=yes, color=colour, alpha=0.45, hatch="//")
    ax.set_xticks(range(len(months)), months)
    ax.set_ylabel("rows (solid: certain; solid + hatched: possible)")
    ax.set_title("In-scope violence by district and month: certain and possible")
    if districts:
        ax.legend(fontsize="small")
    if recs and not any(r["yes"] for r in recs) and any(r["undetermined"] for r in recs):
        ax.text(
            0.5,
            0.98,
            why,
            transform=ax.transAxes,
            ha="center",
            va="top",
            fontsize="small",
            wrap=True,
            bbox={"boxstyle": "round", "facecolor": "white", "alpha": 0.9},
        )
    if path is not None:
        ax.figure.savefig(str(path), dpi=100)
    return ax
