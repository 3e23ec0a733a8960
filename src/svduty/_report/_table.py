"""The report's HTML tables: a caption, a header, rows and an optional total row."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from html import escape
from typing import Any

__all__ = ["table"]

_NUMERIC = {
    "certain",
    "possible",
    "no",
    "rows",
    "yes",
    "undetermined",
    "lsoas",
    "decile",
    "lsoa_share",
    "possible_share",
    "value",
}
"""The columns whose header is right-aligned like their numbers."""


def _n(value: Any) -> str:
    return f"{value:,}" if isinstance(value, int) else ("" if value is None else str(value))


def table(
    caption: str,
    columns: Sequence[tuple[str, str]],
    rows: Iterable[Mapping[str, Any]],
    *,
    total: Mapping[str, Any] | None = None,
    empty: str = "(none)",
) -> str:
    """An HTML table; integer and float cells are right-aligned.

    Example:
        >>> table("Rows", [("what", "what"), ("rows", "rows")], [{"what": "a", "rows": 1200}])
        '<table><caption>Rows</caption><thead><tr><th scope="col">what</th><th scope="col" class=n>rows</th></tr></thead><tbody><tr><td>a</td><td class="n">1,200</td></tr></tbody></table>'
    """  # noqa: E501
    head = "".join(
        f'<th scope="col"{" class=n" if k in _NUMERIC else ""}>{escape(h)}</th>' for k, h in columns
    )
    body = []
    for row in rows:
        cells = "".join(
            f'<td class="n">{_n(row.get(k))}</td>'
            if isinstance(row.get(k), int | float) and not isinstance(row.get(k), bool)
            else f"<td>{escape(_n(row.get(k)))}</td>"
            for k, _ in columns
        )
        body.append(f"<tr>{cells}</tr>")
    if not body:
        body.append(f'<tr><td colspan="{len(columns)}">{escape(empty)}</td></tr>')
    foot = ""
    if total is not None:
        cells = "".join(
            f'<td class="n">{_n(total[k])}</td>'
            if k in total
            else ("<td>total</td>" if i == 0 else "<td></td>")
            for i, (k, _) in enumerate(columns)
        )
        foot = f"<tfoot><tr>{cells}</tr></tfoot>"
    return (
        f"<table><caption>{escape(caption)}</caption><thead><tr>{head}</tr></thead>"
        f"<tbody>{''.join(body)}</tbody>{foot}</table>"
    )
