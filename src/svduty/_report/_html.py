"""The report's HTML page: one self-contained document, readable on screen and printed."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from svduty import _compute as pc
from svduty._report._caveats import caveats
from svduty._report._deprivation import INDICES, deprivation_note
from svduty._report._facts import missing_table, settle_body
from svduty._report._svg import bounded_bars, paired_bars
from svduty._report._table import table as _table
from svduty._version import __version__
from svduty.definitions import Definition
from svduty.io._new_authorities import plain_name
from svduty.io._summary_warnings import DUTY_IN_FORCE, before_duty
from svduty.partnership import Partnership
from svduty.sources import Citation, cite

if TYPE_CHECKING:
    from svduty._report._model import Report

__all__ = ["SECTIONS", "render"]

SECTIONS: tuple[tuple[str, str], ...] = (
    ("summary", "Summary"),
    ("months", "By month"),
    ("districts", "By district, community safety partnership and police area"),
    ("hotspots", "Hotspots: LSOAs"),
    ("deprivation", "Deprivation"),
    ("categories", "police.uk categories"),
    ("settle", "What would settle the undetermined rows"),
    ("outside", "Rows outside the area"),
    ("caveats", "Caveats"),
    ("sources", "Sources"),
)
"""The page's sections: id and heading, in order."""

_CSS = """
:root{--ink:#1f3b57;--muted:#555;--rule:#d5dde5} *{box-sizing:border-box}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#222;
 max-width:980px;margin:0 auto;padding:24px 28px 64px;line-height:1.45}
h1{color:var(--ink);font-size:1.7rem;margin:0 0 4px}
h2{color:var(--ink);font-size:1.25rem;border-bottom:2px solid var(--ink);padding-bottom:3px;
 margin:34px 0 10px}
h3{font-size:1.02rem;margin:20px 0 6px}
.meta{color:var(--muted);margin:0 0 12px} .lead{font-size:1.08rem}
nav{background:#f3f6f9;border:1px solid var(--rule);padding:8px 12px;font-size:.92rem}
nav a{margin-right:12px;white-space:nowrap;color:var(--ink)}
.key{display:flex;gap:12px;flex-wrap:wrap;margin:12px 0}
.key div{border:1px solid var(--rule);border-radius:6px;padding:8px 14px;min-width:150px}
.key b{display:block;font-size:1.5rem;color:var(--ink)}
.note{background:#fff8e6;border-left:4px solid #e0a526;padding:8px 12px;margin:10px 0}
table{border-collapse:collapse;margin:8px 0 16px;font-size:.9rem;width:100%}
caption{text-align:left;font-weight:600;padding:4px 0;color:#333}
th,td{border-bottom:1px solid var(--rule);padding:4px 8px;text-align:left;vertical-align:top}
th{background:#eef2f6} td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
tfoot td{font-weight:600;border-top:2px solid #999}
figure{margin:10px 0 16px} figcaption{color:var(--muted);font-size:.88rem}
ul.sources li{margin-bottom:4px}
@media print{
 body{max-width:none;padding:0;font-size:10pt}
 nav{display:none}
 h2,h3,caption{break-after:avoid}
 figure,tr,.key{break-inside:avoid}
 tfoot{display:table-row-group}
 a{color:inherit;text-decoration:none}
 ul.sources a[href]::after{content:" <" attr(href) ">";font-size:8pt;color:#555}
 @page{margin:16mm 14mm}
}
"""

_WHERE = {"inside": "inside the area", "outside": "outside the area", "no_location": "no location"}


_BOUNDS = [
    ("certain", "certain (yes)"),
    ("possible", "possible (yes + undetermined)"),
    ("no", "no"),
    ("rows", "rows"),
]


def _sum(rows: Sequence[Mapping[str, Any]]) -> dict[str, int]:
    return {k: sum(int(r[k]) for r in rows) for k, _ in _BOUNDS}


def _where(table: pa.Table, where: str) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = pc.filter(
        table, pc.equal(table["within_area"], pa.scalar(where))
    ).to_pylist()
    return rows


def _section(sid: str, body: str) -> str:
    heading = dict(SECTIONS)[sid]
    return f'<section id="{sid}"><h2>{escape(heading)}</h2>{body}</section>'


def _figure(svg: str, caption: str) -> str:
    return f"<figure>{svg}<figcaption>{escape(caption)}</figcaption></figure>"


def _summary(r: Report, definition: Definition) -> str:
    s = r.summary
    inside = {row["within_area"]: row for row in r.tables["summary"].to_pylist()}.get(
        "inside", {"certain": 0, "possible": 0, "no": 0, "rows": 0}
    )
    lead = (
        f'<p class="lead">Of the <b>{inside["rows"]:,}</b> rows located inside the area, '
        f"between <b>{inside['certain']:,}</b> (certain) and <b>{inside['possible']:,}</b> "
        f"(possible) are within the definition “{escape(definition.title)}”; "
        f"{inside['no']:,} are not.</p>"
    )
    key = (
        '<div class="key">'
        f"<div><b>{inside['certain']:,}</b>certain (yes)</div>"
        f"<div><b>{inside['possible']:,}</b>possible (yes + undetermined)</div>"
        f"<div><b>{inside['no']:,}</b>not in scope (no)</div>"
        f"<div><b>{s.outside_area + s.unlocated:,}</b>outside the area or unlocated</div>"
        "</div>"
    )
    notes = "".join(  # each that bears on the page's numbers (the section's own: there)
        f'<p class="note">{escape(n[0].upper() + n[1:])}</p>'
        for n in r.notes
        if not deprivation_note(n)
    )
    accounts = _table(
        "Every row accounted for: rows in = rows out + rows rejected",
        [("what", "rows"), ("value", "count")],
        [
            {"what": "rows read", "value": s.rows_in},
            {"what": "rows classified", "value": s.rows_out},
            {
                "what": "rows rejected (bad input rows, listed by svduty classify)",
                "value": s.rejected,
            },
            {"what": "located inside the area", "value": s.inside_area},
            {"what": "located outside the area", "value": s.outside_area},
            {"what": "no location (police.uk 'No Location')", "value": s.unlocated},
            *(
                [
                    {
                        "what": f"of months before the Duty came into force on {DUTY_IN_FORCE}",
                        "value": early,
                    }
                ]
                if (early := s.warnings.get("MONTH-BEFORE-DUTY"))
                else []
            ),
        ],
    )
    bounds = _table(
        "Bounded counts by where the rows are located (never added together)",
        [("where", "located"), *_BOUNDS],
        [
            {**row, "where": _WHERE.get(row["within_area"], row["within_area"])}
            for row in r.tables["summary"].to_pylist()
        ],
    )
    missing = missing_table(s.undetermined_by_missing)  # each answer's rows: its undetermined
    return _section("summary", lead + key + notes + accounts + bounds + missing)


def _bounded_section(
    sid: str, parts: Sequence[tuple[str, pa.Table, Sequence[tuple[str, str]], str]]
) -> str:
    """Charts and tables of bounded counts inside the area, one pair per part."""
    body = []
    early = False  # a month before the Duty: marked where its numbers are (SI 2022/1227 reg 4)
    for i, (caption, table, keys, label_key) in enumerate(parts):
        rows = _where(table, "inside")
        if label_key == "month":
            marked = [_duty_month(row) for row in rows]
            early = early or marked != rows
            rows = marked
        labels = [str(row[label_key] or "(unknown)") for row in rows]
        chart = bounded_bars(
            f"{sid}-{i}",
            caption,
            labels,
            [row["certain"] for row in rows],
            [row["possible"] for row in rows],
        )
        body.append(
            _figure(
                chart,
                "Solid: certain (answered yes). Solid and hatched: possible (yes or "
                "undetermined). Rows inside the area only.",
            )
        )
        body.append(
            _table(caption + " (rows inside the area)", [*keys, *_BOUNDS], rows, total=_sum(rows))
        )
    if early:
        body.append(
            f"<p>A month marked (before the Duty) is wholly before the Duty came into force on "
            f"{escape(DUTY_IN_FORCE)}: its rows are counted as the definition reads them, "
            "outside the Duty's time.</p>"
        )
    return _section(sid, "".join(body))


def _duty_month(row: dict[str, Any]) -> dict[str, Any]:
    """A by-month row, its month marked if wholly before the Duty came into force.

    Example:
        >>> _duty_month({"month": "2019-01"})["month"], _duty_month({"month": "2023-01"})
        ('2019-01 (before the Duty)', {'month': '2023-01'})
    """
    month = row.get("month")
    if isinstance(month, str) and before_duty(month):
        return {**row, "month": f"{month} (before the Duty)"}
    return row


def _hotspots(r: Report) -> str:
    keys = [("lsoa_code", "LSOA"), ("lsoa_name", "name")]
    body = (
        "<p>The LSOAs (about 1,500 residents each) inside the area with the most rows. "
        "police.uk places each crime at an anonymised map point near where it happened, so "
        "read these as areas, not addresses.</p>"
        + _table(
            "Top LSOAs by certain rows (yes; ties with the tenth: all, or past 20 rows none)",
            [*keys, *_BOUNDS],
            r.tables["hotspots_certain"].to_pylist(),
            empty="(no row inside the area is certain: see the summary for why)",
        )
        + _table(
            "Top LSOAs by possible rows (yes + undetermined; ties likewise)",
            [*keys, *_BOUNDS],
            r.tables["hotspots_possible"].to_pylist(),
        )
    )
    return _section("hotspots", body)


def _deprivation(r: Report) -> str:
    table = (t := r.tables["deprivation"]).filter(pc.is_valid(t["decile"]))  # notes: unranked
    body = [
        "<p>The share of the possible rows (yes + undetermined) inside the area in each "
        "deprivation decile against the share of the area's LSOAs (each rounded by the "
        "largest remainder to sum to 100: a share may be 0.1 from its own rounding, and "
        "equal counts 0.1 apart); a decile with more of the rows than of the LSOAs is over-"
        "represented. Deciles are national (1 = the most deprived 10% of the nation's "
        "LSOAs); each index ranks its own nation and census LSOAs, in its own table.</p>"
    ]
    indices = [i for i in INDICES if i in set(table["index"].to_pylist())]
    if not indices:
        body.append("<p>(no row inside the area has an LSOA that an index ranks)</p>")
    for index in indices:
        rows = table.filter(pc.equal(table["index"], pa.scalar(index))).to_pylist()
        name = INDICES[index].name
        body.append(f"<h3>{escape(name)} ({escape(INDICES[index].lsoas)})</h3>")
        body.append(
            _figure(
                paired_bars(
                    f"dep-{index}",
                    f"{name}: share by decile",
                    [str(row["decile"]) for row in rows],
                    [row["lsoa_share"] for row in rows],
                    [row["possible_share"] for row in rows],
                    names=("share of the area's LSOAs", "share of possible rows"),
                ),
                f"Deciles of the {name}; source: {INDICES[index].citation}.",
            )
        )
        body.append(
            _table(
                f"Possible rows and LSOAs by decile, {name} (shares in %, each sums to 100)",
                [
                    ("decile", "decile"),
                    ("lsoas", "LSOAs in the area"),
                    ("lsoa_share", "% of LSOAs"),
                    ("certain", "certain rows"),
                    ("possible", "possible rows"),
                    ("possible_share", "% of possible rows"),
                ],
                rows,
                total={
                    "lsoas": sum(row["lsoas"] for row in rows),
                    "certain": sum(row["certain"] for row in rows),
                    "possible": sum(row["possible"] for row in rows),
                    "lsoa_share": round(sum(row["lsoa_share"] for row in rows), 1),
                    "possible_share": round(sum(row["possible_share"] for row in rows), 1),
                },
            )
        )
    notes = [n for n in r.notes if deprivation_note(n)]
    body.extend(f'<p class="note">{escape(n)}</p>' for n in notes)
    return _section("deprivation", "".join(body))


def _rows(n: int) -> str:
    """``n`` rows, in words: "1 row", "2 rows"."""
    return f"{n:,} row" if n == 1 else f"{n:,} rows"


def _outside(r: Report) -> str:
    s = r.summary
    rows = _where(r.tables["by_district"], "outside")
    # in a list joined by commas, "Herefordshire, County of" is written as people write it
    names = ", ".join(plain_name(str(row["district_name"] or "(unknown)")) for row in rows)
    body = (
        f"<p>{_rows(s.outside_area)} reported by the force "
        f"{'lies' if s.outside_area == 1 else 'lie'} outside the area"
        f"{': ' + escape(names) if names else ''}. They are kept, counted apart and never "
        f"added to the area's counts. {_rows(s.unlocated)} "
        f"{'has' if s.unlocated == 1 else 'have'} no location.</p>"
        + _table(
            "Rows outside the area, by district (bounded counts)",
            [("district_code", "district code"), ("district_name", "district"), *_BOUNDS],
            rows,
            total=_sum(rows),
        )
    )
    return _section("outside", body)


def _caveats(definition: Definition, r: Report, partnership: Partnership) -> str:
    items = caveats(definition, partnership.geography, r.months)
    body = "<ul>" + "".join(f"<li>{escape(i)}</li>" for i in items) + "</ul>"
    return _section("caveats", body)


def _sources(r: Report, partnership: Partnership, definition: Definition) -> str:
    where = "to locate each row (LSOA, district, CSP, police force area)"  # counts rest on it
    cites: list[Citation] = [
        cite("police-uk", "Street-level crime data"),
        *(cite(f"ons-{t}", where) for t in ("lsoa21-ward24-lad24", "lsoa11-lsoa21-lad22")),
        cite("ons-lad24-csp24-pfa24", where),
        cite("ons-offence-join", "what the offences of each police.uk category prove"),
        cite("pcsc-act-2022", "s.13"),
        cite("svd-guidance"),
    ]
    own = getattr(definition, "citation", None)
    if isinstance(own, Citation) and own not in cites:  # the Act's s.13: listed already
        cites.append(own)
    cites.append(partnership.local_area.citation)
    used = set(r.tables["deprivation"]["index"].to_pylist())
    cites.extend(INDICES[i].citation for i in INDICES if i in used)
    items = []
    for c in cites:
        href = c.href
        text = escape(str(c))
        items.append(
            f'<li><a href="{escape(href)}">{text}</a></li>' if href else f"<li>{text}</li>"
        )
    body = (
        f'<ul class="sources">{"".join(items)}</ul>'
        "<p>Contains public sector information licensed under the Open Government Licence "
        "v3.0. Contains OS data © Crown copyright and database right. Deprivation deciles "
        "as redistributed by the humaniverse/IMD package.</p>"
    )
    return _section("sources", body)


def render(r: Report, partnership: Partnership, definition: Definition, when: str) -> str:
    """The page for a report (its tables, summary and notes) as one HTML document.

    Example:
        >>> from svduty._report._build import report
        >>> from svduty.io import sample_police_uk
        >>> page = report(sample_police_uk()).html
        >>> all(f'<section id="{sid}">' in page for sid, _ in SECTIONS)
        True
    """
    ver = __version__
    t = r.tables
    months = ", ".join(r.months) or "(none)"
    meta = (
        f'<p class="meta">{escape(partnership.title)} · months: {escape(months)} · '
        f"definition: {escape(definition.title)} · {len(r.inputs)} input file(s) · "
        f"made {escape(when)} with svduty {escape(ver)}</p>"
    )
    nav = "<nav>" + " ".join(f'<a href="#{sid}">{escape(h)}</a>' for sid, h in SECTIONS) + "</nav>"
    parts = [
        _summary(r, definition),
        _bounded_section(
            "months", [("Rows by month", t["by_month"], [("month", "month")], "month")]
        ),
        _bounded_section(
            "districts",
            [
                (
                    "Rows by district",
                    t["by_district"],
                    [("district_code", "code"), ("district_name", "district")],
                    "district_name",
                ),
                (
                    "Rows by community safety partnership",
                    t["by_csp"],
                    [("csp_code", "code"), ("csp_name", "CSP")],
                    "csp_name",
                ),
                (
                    "Rows by police area",
                    t["by_police_area"],
                    [("police_area", "police area")],
                    "police_area",
                ),
            ],
        ),
        _hotspots(r),
        _deprivation(r),
        _bounded_section(
            "categories",
            [
                (
                    "Rows by police.uk category",
                    t["by_category"],
                    [("police_uk_category", "category")],
                    "police_uk_category",
                )
            ],
        ),
        _section("settle", settle_body(r.settlements)),
        _outside(r),
        _caveats(definition, r, partnership),
        _sources(r, partnership, definition),
    ]
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(r.title)}</title><style>{_CSS}</style></head><body>"
        f"<header><h1>{escape(r.title)}</h1>{meta}</header>{nav}<main>{''.join(parts)}</main>"
        "</body></html>\n"
    )
