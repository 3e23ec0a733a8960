"""In-scope counts by district and month, as a table and as a chart, for analysts.

Both take the classified rows that :func:`~svduty.io.default_pipeline` produces (a table
or an iterable of record batches with the ``district_code``, ``district_name``,
``month``, ``within_area`` and ``in_scope`` columns).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

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


def in_scope_counts(
    rows: pa.Table | pa.RecordBatch | Iterable[pa.RecordBatch], *, inside_only: bool = True
) -> pa.Table:
    """Count the ``in_scope`` answers by district and month.

    Args:
        rows: Classified rows (the output of the pipeline), as a table, a record batch
            or an iterable of record batches.
        inside_only: Count only the rows located inside the partnership's area
            (``within_area == "inside"``); otherwise count every located row.

    Returns:
        A table with one row per district and month, sorted by district name then
        month, and the columns ``district_code``, ``district_name``, ``month``, ``yes``,
        ``undetermined``, ``no`` and ``rows`` (their sum). Rows with no district (no
        location) are left out.

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
        {'district_code': 'E07000220', 'district_name': 'Rugby', 'month': '2025-06', 'yes': 1, 'undetermined': 1, 'no': 0, 'rows': 2}
    """  # noqa: E501
    table = _as_table(rows)
    for name in _NEEDED:
        if name not in table.column_names:
            raise KeyError(f"in_scope_counts needs a {name!r} column (the pipeline's output)")
    table = table.select(list(_NEEDED))
    keep: Any = pc.is_valid(table["district_code"])
    if inside_only:
        keep = pc.and_kleene(keep, pc.equal(table["within_area"], pa.scalar("inside")))
    table = table.filter(pc.fill_null(keep, pa.scalar(False)))
    counts: dict[tuple[str, str, str], dict[str, int]] = {}
    grouped = table.group_by(["district_code", "district_name", "month", "in_scope"]).aggregate(
        [([], "count_all")]
    )
    for rec in grouped.to_pylist():
        key = (rec["district_name"] or "", rec["month"] or "", rec["district_code"])
        cell = counts.setdefault(key, dict.fromkeys(ANSWERS, 0))
        cell[rec["in_scope"]] = cell.get(rec["in_scope"], 0) + rec["count_all"]
    out: dict[str, list[Any]] = {
        name: [] for name in ("district_code", "district_name", "month", *ANSWERS, "rows")
    }
    for (name, month, code), cell in sorted(counts.items()):
        out["district_code"].append(code)
        out["district_name"].append(name)
        out["month"].append(month)
        for answer in ANSWERS:
            out[answer].append(cell[answer])
        out["rows"].append(sum(cell.values()))
    types = {"district_code": pa.string(), "district_name": pa.string(), "month": pa.string()}
    return pa.table({k: pa.array(v, types.get(k, pa.int64())) for k, v in out.items()})


def plot_in_scope(
    rows: pa.Table | pa.RecordBatch | Iterable[pa.RecordBatch],
    *,
    ax: Any = None,
    path: str | Path | None = None,
    inside_only: bool = True,
) -> Any:
    """Draw in-scope violence by district and month; return the matplotlib axes.

    One group of bars per month, one bar per district: the solid part counts the rows
    whose ``in_scope`` answer is ``yes``, the hatched part on top those that are
    ``undetermined`` (the facts given do not settle it: a police.uk category alone
    rarely does). Rows answered ``no`` are not drawn. Needs matplotlib
    (``pip install 'svduty[plot]'``), imported only when this is called.

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
        raise ImportError("plot_in_scope() needs matplotlib: pip install 'svduty[plot]'") from exc
    table = _as_table(rows)
    if not {"yes", "undetermined", "rows"} <= set(table.column_names):
        table = in_scope_counts(table, inside_only=inside_only)
    if ax is None and path is not None:
        ax = Figure(figsize=(10.0, 5.0), layout="constrained").subplots()
    elif ax is None:
        import matplotlib.pyplot as plt

        _, ax = plt.subplots(figsize=(10.0, 5.0), layout="constrained")
    recs = table.to_pylist()
    months = sorted({r["month"] for r in recs})
    districts = sorted({r["district_name"] for r in recs})
    width = 0.8 / max(len(districts), 1)
    cycle = mpl.rcParams["axes.prop_cycle"].by_key()["color"]
    for i, district in enumerate(districts):
        cells = {r["month"]: r for r in recs if r["district_name"] == district}
        xs = [m + (i - (len(districts) - 1) / 2) * width for m in range(len(months))]
        yes = [cells[m]["yes"] if m in cells else 0 for m in months]
        und = [cells[m]["undetermined"] if m in cells else 0 for m in months]
        colour = cycle[i % len(cycle)]
        ax.bar(xs, yes, width, color=colour, label=district)
        ax.bar(xs, und, width, bottom=yes, color=colour, alpha=0.45, hatch="//")
    ax.set_xticks(range(len(months)), months)
    ax.set_ylabel("incidents (solid: in scope; hatched: undetermined)")
    ax.set_title("In-scope violence by district and month")
    if districts:
        ax.legend(fontsize="small")
    if path is not None:
        ax.figure.savefig(str(path), dpi=100)
    return ax
