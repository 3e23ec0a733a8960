"""``svduty.report()``: a needs-assessment profile of a partnership's area from police.uk.

One pass over the input: the pipeline classifies each record batch, the
tally accounts for every row and a
:class:`~svduty.io.BoundedCounts` counts certain / possible / no by month, district,
CSP, police area, LSOA and category (inside and outside the area apart). The tables are
Arrow tables; the HTML page and the CSV files are written from the same tables, so they
hold the same numbers.
"""

from __future__ import annotations

import datetime as _dt
import functools
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import attrs
import pyarrow as pa

from svduty import _compute as pc
from svduty._checked import checked
from svduty._report._deprivation import (
    INDICES,
    deprivation_table,
    english_index,
    index_of,
    ranked_as,
)
from svduty._report._html import render
from svduty._report._lsoa_keys import LsoaKeyed, ons_lsoas
from svduty._report._model import Report
from svduty.definitions import STATUTE, Definition
from svduty.errors import Problem, SvdutyError, printable
from svduty.io import (
    SUMMARY_COLUMNS,
    Summary,
    default_pipeline,
    read_police_uk,
    run_pipeline,
    warwickshire,
)
from svduty.io._bounds import GROUPINGS, BoundedCounts
from svduty.io._code_names import area_parts, one_row_per_code
from svduty.io._forces import files_of_other_forces, rows_of_other_forces
from svduty.io._inputs import expand_inputs
from svduty.io._overlap import JoinedFiles, repeated_crime_ids
from svduty.io._settle import Settlement
from svduty.io._summary_warnings import DUTY_IN_FORCE, before_duty
from svduty.partnership import Partnership

__all__ = ["report"]

HOTSPOTS = 10
"""How many LSOAs the hotspot tables list: with those tied with the last, up to twice as
many; past that, none of the tied (fewer)."""

_BY = {
    "by_month": "month",
    "by_district": "district",
    "by_district_month": "district_month",
    "by_csp": "csp",
    "by_police_area": "police_area",
    "by_category": "category",
    "by_lsoa": "lsoa",
}


def _inside(table: pa.Table) -> pa.Table:
    rows: pa.Table = pc.filter(table, pc.equal(table["within_area"], pa.scalar("inside")))
    return rows


SEVERAL_CSPS = "(a district of several CSPs: the tables do not say which)"
"""The CSP of located rows whose district holds several (the tables place no LSOA in one)."""


def _several_csps(by_csp: pa.Table) -> pa.Table:
    """The by-CSP counts, the located rows of no one CSP labelled, not left blank.

    Example:
        >>> t = pa.table({"within_area": ["inside", "no_location"], "csp_code": [None, None],
        ...               "csp_name": pa.array([None, None], pa.string())})
        >>> _several_csps(t)["csp_name"].to_pylist()
        ['(a district of several CSPs: the tables do not say which)', None]
    """
    located = pc.and_(
        pc.is_null(by_csp["csp_code"]), pc.not_equal(by_csp["within_area"], "no_location")
    )
    names = pc.if_else(located, pa.scalar(SEVERAL_CSPS), by_csp["csp_name"])
    return by_csp.set_column(by_csp.schema.get_field_index("csp_name"), "csp_name", names)


@functools.cache
def _ons_lsoa_names() -> frozenset[str]:
    """The names of the LSOAs of the ONS tables, 2011 and 2021 (read once per process)."""
    return frozenset(n for n in ons_lsoas()[0].to_pylist() if isinstance(n, str))


def _lsoa_names_only(table: pa.Table, partnership: Partnership) -> pa.Table:
    """``table`` (counts by LSOA) with every LSOA name that names no LSOA left out.

    The name is the input's text: a file may hold anything there (a person's name, an
    address), and the report's tables are shared. A name of an LSOA of the ONS tables
    (either vintage: "South Northamptonshire 007A" of a 2019 month) or one the geography
    reads as an LSOA's (a district's name and a number, "Rugby 001C") is kept; any other
    is null, and rows it alone set apart become one.

    Example:
        >>> import svduty
        >>> t = pa.table({"within_area": ["no_location"] * 2, "lsoa_code": [None, None],
        ...               "lsoa_name": ["Jane Smith, 12 High St", None], "rows": [1, 2]})
        >>> _lsoa_names_only(t, svduty.warwickshire()).to_pylist()
        [{'within_area': 'no_location', 'lsoa_code': None, 'lsoa_name': None, 'rows': 3}]
    """
    geo, ons, said = partnership.geography, _ons_lsoa_names(), {}

    def lsoa(name: str) -> bool:
        if name in ons:
            return True
        if name not in said:
            try:
                said[name] = geo.resolve_lsoa(None, name).match == "name"
            except SvdutyError:
                said[name] = False
        return said[name]

    names = [
        " / ".join(n for n in text.split(" / ") if lsoa(n)) or None if text else None
        for text in table["lsoa_name"].to_pylist()
    ]
    at = table.schema.get_field_index("lsoa_name")
    table = table.set_column(at, "lsoa_name", pa.array(names, pa.string()))
    keys = [k for k in table.column_names if k in ("within_area", "month", "lsoa_code")]
    counts = [k for k in table.column_names if k not in (*keys, "lsoa_name")]
    return one_row_per_code(table, [*keys, "lsoa_name"], counts)


def _hotspots(by_lsoa: pa.Table, key: str) -> pa.Table:
    inside = _inside(by_lsoa)
    inside = pc.filter(inside, pc.is_valid(inside["lsoa_code"]))
    other = "possible" if key == "certain" else "certain"
    order: Any = [(key, "descending"), (other, "descending"), ("lsoa_code", "ascending")]
    ranked = pc.sort_by(inside, order)
    if ranked.num_rows > HOTSPOTS:  # never an arbitrary cut through LSOAs tied at the last:
        last = ranked[key][HOTSPOTS - 1]  # all of them, or, past twice the list, none
        tied = pc.filter(ranked, pc.greater_equal(ranked[key], last))
        ranked = (
            tied
            if tied.num_rows <= 2 * HOTSPOTS
            else pc.filter(ranked, pc.greater(ranked[key], last))
        )
    rows: pa.Table = pc.filter(ranked, pc.greater(ranked[key], pa.scalar(0)))
    return rows


def _settle_table(settlements: Sequence[Settlement]) -> pa.Table:
    cols: dict[str, list[Any]] = {
        "within_area": [s.within_area for s in settlements],
        "category": [s.category for s in settlements],
        "rows": [s.rows for s in settlements],
        "by_offence_code": [s.by_offence_code for s in settlements],
        "codes_settling": [s.codes_settling for s in settlements],
        "codes": [s.codes for s in settlements],
        "missing": [" ".join(s.missing) for s in settlements],
        "after_code": [" ".join(s.after_code) for s in settlements],
        "text": [s.text() for s in settlements],
    }
    types = {"rows", "by_offence_code", "codes_settling", "codes"}
    return pa.table(
        {k: pa.array(v, pa.int64() if k in types else pa.string()) for k, v in cols.items()}
    )


def _deprivation(
    lsoa_month: pa.Table, partnership: Partnership
) -> tuple[pa.Table, tuple[str, ...]]:
    """The deprivation table of the rows inside the area, and the notes it needs.

    A month's LSOA vintage (and so its English index) is read from the codes of all its
    located rows, inside the area or not: police.uk gives a month in one vintage, and the
    few rows inside a small area may hold no code of one vintage only (data47).
    """
    located = lsoa_month.filter(pc.is_valid(lsoa_month["lsoa_code"]))
    inside = _inside(located)
    notes: list[str] = []
    months: list[str] = sorted({str(m) for m in inside["month"].to_pylist()})
    english: dict[str, str] = {}
    for month in months:
        codes = inside.filter(pc.equal(inside["month"], pa.scalar(month)))["lsoa_code"]
        listed = [str(c) for c in codes.to_pylist()]
        whole = located.filter(pc.equal(located["month"], pa.scalar(month)))["lsoa_code"]
        english[month], why = english_index(str(c) for c in whole.to_pylist())
        said = [why] if any(c.startswith("E") for c in listed) else []
        if any(c.startswith("W") for c in listed):
            said.append(
                f"Welsh LSOAs are ranked by the {INDICES['wimd2019'].name} (2011 LSOAs; a "
                "2021 LSOA split from a 2011 one by that one's rank)"
            )
        if said:
            notes.append(f"LSOA codes of {month}: {'; '.join(said)}.")
    rows = []
    used: set[str] = set()
    for rec in inside.to_pylist():
        index = index_of(rec["lsoa_code"], english[str(rec["month"])])
        if index is None:
            continue
        used.add(index)
        rows.append({**rec, "index": index, "lsoa_code": ranked_as(rec["lsoa_code"], index)})
    area: dict[str, list[str]] = {}
    geo = partnership.geography
    for index in sorted(used):
        spec = INDICES[index]
        area[index] = [
            a.code
            for d in partnership.local_area.districts
            for a in geo.lsoas(d, spec.vintage)
            if a.code and a.code.startswith(spec.nation)
        ]
    table, unranked = deprivation_table(rows, area)
    for index, count in unranked.items():
        why = (  # an index of 2011 LSOAs ranks each apart: one the ONS made of several, none
            "a 2021 LSOA made of several 2011 LSOAs, which it ranks each apart, or a code "
            "it does not hold"
            if INDICES[index].vintage == 2011
            else "a code it does not hold"
        )
        notes.append(
            f"{count:,} possible rows have an LSOA the {INDICES[index].name} does not rank "
            f"({why}); they are left out of its shares."
        )
    return table, tuple(notes)


def _outside_period(months: Sequence[str], partnership: Partnership) -> tuple[str, ...]:
    """A note naming the months no day of which falls in the local area's period.

    The local area record is valid for the period its agreement covers; rows of other
    months are still located against its districts, and the page says so. A month before
    the Duty is left to :func:`_before_duty`'s note (whatever the period: said once).
    """
    valid = partnership.local_area.valid
    outside = [m for m in months if not valid.holds_month(m) and not before_duty(m)]
    if not outside:
        return ()
    return (
        f"months outside the period of the partnership's local area ({valid}): "
        f"{', '.join(outside)}; their rows are located against the area's districts "
        "as the partnership lists them.",
    )


def _before_duty(by_month: pa.Table) -> tuple[int, tuple[str, ...]]:
    """The rows of months before the Duty came into force, and the page's note on them.

    Whatever the partnership's period (a bundle's may begin earlier): before 31 January
    2023 (SI 2022/1227 reg 4) no authority was under the Duty. The tables still count the
    rows as the definition reads them; the note says that the Duty did not apply to them.

    Example:
        >>> t = pa.table({"month": ["2019-01", "2019-01", "2025-06"], "rows": [3, 1, 5]})
        >>> n, (note,) = _before_duty(t)
        >>> n, note[:61]
        (4, '4 rows are of months before the Serious Violence Duty came in')
        >>> _before_duty(pa.table({"month": ["2023-01"], "rows": [2]}))
        (0, ())
    """
    counts: dict[str, int] = {}
    for rec in by_month.select(["month", "rows"]).to_pylist():
        if isinstance(month := rec["month"], str) and before_duty(month):
            counts[month] = counts.get(month, 0) + int(rec["rows"])
    if not counts:
        return 0, ()
    n = sum(counts.values())
    return n, (
        f"{n:,} rows are of months before the Serious Violence Duty came into force on "
        f"{DUTY_IN_FORCE}: {', '.join(sorted(counts))}. They are outside the Duty's time, "
        "whatever the partnership's period: no authority was under the Duty then. The tables "
        "count them as the definition reads them (within it or not), not as the Duty's, "
        "and locate them against the area's districts as the partnership lists them.",
    )


def _rejected(summary: Summary) -> tuple[str, ...]:
    """A note on the rows rejected, which no table below counts, or on no row read at all.

    Example:
        >>> _rejected(Summary(rows_in=3, rows_out=0, rejected=3))[0][:52]
        'Every row (3) was rejected: this profile counts none'
        >>> bad = Problem(file="m.csv", row=7, field="Longitude", expected="a number")
        >>> note = _rejected(Summary(rows_in=3, rows_out=2, rejected=1, rejections=(bad,)))
        >>> print(note[0])  # doctest: +NORMALIZE_WHITESPACE
        1 of 3 rows were rejected and are counted in no table below: Longitude: expected a
        number (1 row: m.csv: row 7); svduty classify with --rejected FILE lists each with
        its reason.
        >>> _rejected(Summary(rows_in=3, rows_out=3, rejected=0))
        ()
        >>> _rejected(Summary(rows_in=0, rows_out=0, rejected=0))[0][:41]
        'The inputs hold no row: this profile says'
    """
    why = f"{_why_rejected(summary)}svduty classify with --rejected FILE lists each with its reason"
    if not summary.rows_in:
        return (
            "The inputs hold no row: this profile says nothing of the area's violence, none "
            "or some (a file of its header only? a folder of empty files?).",
        )
    if not summary.rejected:
        return ()
    if not summary.rows_out:
        return (f"Every row ({summary.rejected:,}) was rejected: this profile counts none; {why}.",)
    return (
        f"{summary.rejected:,} of {summary.rows_in:,} rows were rejected and are counted in no "
        f"table below: {why}.",
    )


def _why_rejected(summary: Summary, *, reasons: int = 5, rows: int = 3) -> str:
    """The rejected rows by field and reason, with the first rows of each (never a value).

    The summary keeps the first 1,000 rejected rows; past them the note says so.
    """
    by: dict[str, list[Problem]] = {}
    for p in summary.rejections:
        by.setdefault(f"{p.field}: {p.what()}" if p.field else p.what(), []).append(p)
    parts = []
    for reason, problems in sorted(by.items(), key=lambda kv: -len(kv[1]))[:reasons]:
        files: dict[str, list[str]] = {}
        for p in problems[:rows]:
            files.setdefault(printable(p.file or "input"), []).append(str(p.row))
        where = "; ".join(
            f"{f}: {'rows' if len(r) > 1 else 'row'} {', '.join(r)}" for f, r in files.items()
        )
        more = ", ..." if len(problems) > rows else ""
        n = f"{len(problems):,} row{'s' if len(problems) > 1 else ''}"
        parts.append(f"{reason} ({n}: {where}{more})")
    if len(by) > reasons:
        parts.append(f"and {len(by) - reasons:,} other reasons")
    if summary.rejected > len(summary.rejections):
        parts.append(f"(counted among the first {len(summary.rejections):,} rejected rows)")
    return "; ".join(parts) + "; " if parts else ""


def _not_read(skipped: Sequence[str]) -> tuple[str, ...]:
    """The page's note on the input files not read (none if every file was read)."""
    return (f"Not read: {'; '.join(map(printable, skipped))}.",) if skipped else ()


@checked
def report(
    inputs: str | Path | Sequence[str | Path],
    *,
    partnership: Partnership | None = None,
    definition: Definition | None = None,
    output: str | Path | None = None,
    tables: str | Path | None = None,
    progress: Callable[[int], None] | None = None,
    skipped: Sequence[str] = (),
) -> Report:
    """Profile a partnership's area from police.uk street-level files.

    Reads the files (or folders of monthly files), classifies every row against the
    partnership's definition, and builds the tables of :data:`~svduty._report.TABLES` and one
    self-contained HTML page: rows by month and by district and CSP with their bounds
    (certain and possible), the LSOA hotspots, the shares by deprivation decile against
    the area's LSOAs, the police.uk categories, what would settle the undetermined rows,
    the rows outside the area, the data's caveats and the sources.

    Args:
        inputs: police.uk files or folders.
        partnership: The partnership (default: Warwickshire's).
        definition: The definition (default: the partnership's own; the Act's s.13 when
            it has none, as ``svduty report`` reads it).
        output: When given, write the HTML page there.
        tables: When given, write the tables as CSV files in that folder.
        progress: Called with the bytes read so far (for a progress bar).
        skipped: Inputs the caller left out, with why (``svduty report``'s empty files);
            listed on the page with those the inputs name twice or as copies.

    Raises:
        InputFormatError: if an input is missing or not a police.uk file, or there is none.
        DefinitionError: if ``definition`` is not a definition.

    Example:
        >>> from svduty.io import sample_police_uk
        >>> r = report(sample_police_uk())
        >>> r.months, r.summary.rows_in
        (('2025-06',), 4586)
        >>> import pyarrow.compute as pc
        >>> by_district = r.tables["by_district"]
        >>> inside = by_district.filter(pc.equal(by_district["within_area"], "inside"))
        >>> sum(inside["rows"].to_pylist()) == r.summary.inside_area
        True
    """
    p = partnership if partnership is not None else warwickshire()
    pipeline = default_pipeline(p, definition=definition)
    # the pipeline's: the one given, else the partnership's own, else the Act's s.13
    chosen = next(d for d in (definition, p.definition, STATUTE) if d is not None)
    found = expand_inputs(inputs)
    paths = list(found.files)
    groupings = {
        **GROUPINGS,
        "district_month": ("district_code", "district_name", "month"),
        "lsoa_month": ("month", "lsoa_code", "lsoa_name"),
    }
    parts = area_parts(p.geography, p.local_area.districts)
    bounds = BoundedCounts(
        groupings=groupings, parts={**parts, "district_month": parts["district"]}
    )
    rows = read_police_uk(paths, progress=progress, columns=SUMMARY_COLUMNS)  # counted only
    left = (*found.skipped, *skipped)
    joined = JoinedFiles()  # the files a header line comes again in
    summary = run_pipeline(rows, pipeline, on_rejected=joined, counts=[LsoaKeyed(bounds)])
    summary = attrs.evolve(summary, skipped=left)
    out: dict[str, pa.Table] = {"summary": bounds.totals()}
    for name, grouping in _BY.items():
        out[name] = bounds.table(grouping)
    out["by_lsoa"] = _lsoa_names_only(out["by_lsoa"], p)
    out["by_csp"] = _several_csps(out["by_csp"])
    out["hotspots_certain"] = _hotspots(out["by_lsoa"], "certain")
    out["hotspots_possible"] = _hotspots(out["by_lsoa"], "possible")
    out["deprivation"], notes = _deprivation(bounds.table("lsoa_month"), p)
    settlements = bounds.settlements(chosen, resolve_district=p.geography.district_code_of)
    out["settle"] = _settle_table(settlements)
    why = [line for w in ("inside", "outside") if (line := bounds.why_nothing_certain(w))]
    rejected = _rejected(summary)  # every row rejected: first (the command prints the first)
    force = [*rejected] if not summary.rows_out else []
    if elsewhere := rows_of_other_forces(bounds.table("district"), p.local_area.districts):
        force.append(
            f"{elsewhere:,} rows lie in other police force areas than the partnership's, more "
            "than in its own: the files may be another force's (police.uk publishes each "
            "force's crimes in that force's files, with the few it placed beyond its area)."
        )
    if others := files_of_other_forces(paths, p.local_area.districts):  # file by file
        warned = {**summary.warnings, "FILE-OF-OTHER-FORCE": len(others)}
        summary = attrs.evolve(summary, warnings=warned, other_force_files=others)
    force += [
        f'{printable(file)} is a month of {printable(other)} (its "Falls within"), a force '
        "whose police area covers no part of the partnership's: its rows are counted and "
        "located where they lie, mostly outside the area (given by mistake? the area's "
        "crimes are in its own force's files)."
        for file, other in others
    ]
    if repeated := repeated_crime_ids(paths, joined.files, joined.rejected):
        force.append(
            f"{repeated:,} rows have a Crime ID an earlier row of the input files has too, "
            "and are counted twice (one force's month given twice, or a file holding rows "
            "twice? police.uk's own month files list a few crimes twice, with two outcomes); "
            "rows with no Crime ID (anti-social behaviour) cannot be matched and are not in "
            "this number."
        )
    if by_name := summary.warnings.get("LSOA-CODE-UNKNOWN"):  # placed, but not by the code
        force.append(
            f"{by_name:,} rows are placed by their LSOA name alone: their LSOA code is one "
            "the ONS tables do not hold (a typing error? a code of other boundaries?)."
        )
    months = tuple(sorted({str(m) for m in out["by_month"]["month"].to_pylist() if m}))
    early, before = _before_duty(out["by_month"])  # SI 2022/1227 reg 4: whatever the period
    if early:
        summary = attrs.evolve(summary, warnings={**summary.warnings, "MONTH-BEFORE-DUTY": early})
    # the Duty's name, not the rows': under the Act's definition (pcsc-s13) or the WHO's
    # the rows are violence, and whether it is serious is for the partnership (s.13(6))
    title = f"Serious Violence Duty profile: {p.local_area.name}"
    result = Report(
        title=title,
        tables=out,
        html="",
        summary=summary,
        months=months,
        inputs=tuple(str(x) for x in paths),
        notes=(
            *force,
            *(rejected if summary.rows_out else ()),
            *_not_read(left),
            *before,
            *_outside_period(months, p),
            *why,
            *notes,
        ),
        settlements=settlements,
    )
    result = attrs.evolve(
        result,
        html=render(result, p, chosen, _dt.datetime.now(_dt.UTC).strftime("%Y-%m-%d %H:%M UTC")),
    )
    result.write(output, tables)  # the page and the tables together, or nothing
    return result
