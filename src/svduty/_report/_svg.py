"""Small inline SVG charts for the report: drawn here, no JavaScript, no network.

Two shapes: horizontal bars with a certain part (solid) and a possible part (hatched)
for bounded counts, and paired vertical bars for shares by deprivation decile.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from html import escape

__all__ = ["bounded_bars", "paired_bars"]

_INK = "#1f3b57"
_LIGHT = "#8fb3d1"
_OTHER = "#c9803a"
_FONT = "font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;font-size:12px"


def _axis(top: float) -> tuple[float, int]:
    """A round step and a tick count (at most 5 steps) whose span covers ``top``.

    Example:
        >>> _axis(2387), _axis(0)
        ((500.0, 5), (1.0, 1))
    """
    if top <= 0:
        return 1.0, 1
    base = 1.0
    while base * 10 < top / 5:
        base *= 10
    while base > top / 5 and base > 1e-9:
        base /= 10
    for mult in (1, 2, 2.5, 5, 10, 20):
        step = base * mult
        if top / step <= 5:
            return step, max(1, math.ceil(top / step - 1e-9))
    return base * 20, 1  # pragma: no cover - the loop always returns


def _short(label: str, width: int = 28) -> str:
    return label if len(label) <= width else label[: width - 1] + "…"


def bounded_bars(
    chart_id: str,
    title: str,
    labels: Sequence[str],
    certain: Sequence[int],
    possible: Sequence[int],
) -> str:
    """Horizontal bars: solid to the certain count, hatched on to the possible count.

    Example:
        >>> svg = bounded_bars("c1", "By month", ["2025-06"], [2], [5])
        >>> svg.startswith("<svg") and "2 to 5" in svg
        True
        >>> "no rows to draw" in bounded_bars("c2", "By month", [], [], [])
        True
    """
    left, right, row, top = 190, 90, 22, 34
    plot = 420
    if not labels:  # no bars: said, not an empty axis that reads as a failed drawing
        return (
            f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="{chart_id}-t" '
            f'viewBox="0 0 {left + plot + right} 44" width="100%" style="{_FONT};'
            f'max-width:{left + plot + right}px"><title id="{chart_id}-t">{escape(title)}</title>'
            f'<text x="0" y="16" font-weight="600">{escape(title)}</text>'
            '<text x="0" y="38" fill="#555">no rows to draw (the table below lists none)</text>'
            "</svg>"
        )
    height = top + row * max(len(labels), 1) + 30
    top_count = max([*possible, 1])
    step, ticks = _axis(top_count)
    if step < 1:  # counts: whole-number ticks
        step, ticks = 1.0, math.ceil(top_count)
    scale = step * ticks
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="{chart_id}-t" '
        f'viewBox="0 0 {left + plot + right} {height}" width="100%" style="{_FONT};'
        f'max-width:{left + plot + right}px">',
        f'<title id="{chart_id}-t">{escape(title)}</title>',
        f'<defs><pattern id="{chart_id}-h" width="6" height="6" patternUnits="userSpaceOnUse" '
        f'patternTransform="rotate(45)"><rect width="6" height="6" fill="#e4edf5"/>'
        f'<line x1="0" y1="0" x2="0" y2="6" stroke="{_LIGHT}" stroke-width="3"/></pattern></defs>',
        f'<text x="0" y="16" font-weight="600">{escape(title)}</text>',
    ]
    for tick in range(ticks + 1):
        x = left + plot * tick / ticks
        out.append(
            f'<line x1="{x:.1f}" y1="{top - 4}" x2="{x:.1f}" y2="{height - 26}" '
            'stroke="#ddd" stroke-width="1"/>'
            f'<text x="{x:.1f}" y="{height - 12}" text-anchor="middle" fill="#555">'
            f"{step * tick:,.0f}</text>"
        )
    for i, (label, c, p) in enumerate(zip(labels, certain, possible, strict=True)):
        y = top + i * row
        wc, wp = plot * c / scale, plot * p / scale
        out.append(
            f'<text x="{left - 8}" y="{y + 14}" text-anchor="end">{escape(_short(label))}</text>'
            f'<rect x="{left}" y="{y + 3}" width="{wp:.1f}" height="{row - 7}" '
            f'fill="url(#{chart_id}-h)" stroke="{_LIGHT}"/>'
            f'<rect x="{left}" y="{y + 3}" width="{wc:.1f}" height="{row - 7}" fill="{_INK}"/>'
            f'<text x="{left + wp + 6:.1f}" y="{y + 14}" fill="#333">'
            f"{f'{c:,} to {p:,}' if p else 'none possible'}</text>"
        )
    out.append("</svg>")
    return "".join(out)


def paired_bars(
    chart_id: str,
    title: str,
    labels: Sequence[str],
    first: Sequence[float],
    second: Sequence[float],
    *,
    names: tuple[str, str],
) -> str:
    """Vertical pairs of bars (percentages), one pair per label, with a legend.

    Example:
        >>> svg = paired_bars("d1", "Deciles", ["1", "2"], [50.0, 50.0], [80.0, 20.0],
        ...                   names=("LSOAs", "rows"))
        >>> svg.count("<rect") >= 4
        True
    """
    left, top, plot_h, slot = 44, 52, 200, 56
    width = left + slot * max(len(labels), 1) + 20
    height = top + plot_h + 46
    step, ticks = _axis(max([*first, *second, 1.0]))
    scale = step * ticks
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="{chart_id}-t" '
        f'viewBox="0 0 {width} {height}" width="100%" style="{_FONT};max-width:{width}px">',
        f'<title id="{chart_id}-t">{escape(title)}</title>',
        f'<text x="0" y="16" font-weight="600">{escape(title)}</text>',
        f'<rect x="{left}" y="26" width="12" height="12" fill="{_INK}"/>'
        f'<text x="{left + 18}" y="36">{escape(names[0])}</text>'
        f'<rect x="{left + 200}" y="26" width="12" height="12" fill="{_OTHER}"/>'
        f'<text x="{left + 218}" y="36">{escape(names[1])}</text>',
    ]
    base = top + plot_h
    for tick in range(ticks + 1):
        y = base - plot_h * tick / ticks
        out.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{width - 10}" y2="{y:.1f}" stroke="#ddd"/>'
            f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" fill="#555">'
            f"{step * tick:g}%</text>"
        )
    bar = (slot - 14) / 2
    for i, (label, a, b) in enumerate(zip(labels, first, second, strict=True)):
        x = left + i * slot + 7
        ha, hb = plot_h * a / scale, plot_h * b / scale
        out.append(
            f'<rect x="{x:.1f}" y="{base - ha:.1f}" width="{bar:.1f}" height="{ha:.1f}" '
            f'fill="{_INK}"><title>{escape(names[0])}: {a:.1f}%</title></rect>'
            f'<rect x="{x + bar:.1f}" y="{base - hb:.1f}" width="{bar:.1f}" height="{hb:.1f}" '
            f'fill="{_OTHER}"><title>{escape(names[1])}: {b:.1f}%</title></rect>'
            f'<text x="{x + bar:.1f}" y="{base + 16}" text-anchor="middle">{escape(label)}</text>'
        )
    out.append(
        f'<text x="{left + slot * len(labels) / 2:.1f}" y="{base + 36}" text-anchor="middle" '
        'fill="#555">decile (1 = most deprived 10%)</text></svg>'
    )
    return "".join(out)
