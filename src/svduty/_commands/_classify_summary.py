"""What ``svduty classify`` adds to the summary after the rows: the checks of files and area.

The pipeline's tally counts the rows; the warnings that need the partnership's area or the
input files themselves, not the rows alone, are added here once every row is counted
(``MONTH-OUTSIDE-PERIOD``, ``MONTH-BEFORE-DUTY``, ``FORCE-AREA-ELSEWHERE``,
``FILE-OF-OTHER-FORCE``, ``FILES-OVERLAP``), with each of the area's districts (0 if no
row lies in it), the files skipped in input folders, and the text of the bounded counts
(certain, possible, no).
Split from :mod:`svduty._commands.classify`.

Example:
    >>> sorted(SUMMARY_GROUPINGS)
    ['csp', 'district', 'month']
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from svduty._commands._bounds_words import BOUNDS_LEGEND
from svduty.io._bounds import _WHERE, GROUPINGS, BoundedCounts
from svduty.io._forces import files_of_other_forces, rows_of_other_forces
from svduty.io._overlap import JoinedFiles, repeated_crime_ids
from svduty.io._summary import Summary
from svduty.io._summary_counts import shown_districts
from svduty.io._summary_warnings import before_duty
from svduty.periods import Period

if TYPE_CHECKING:
    from svduty.io._bundle import BundleParts
    from svduty.partnership import Partnership

__all__ = [
    "SUMMARY_GROUPINGS",
    "_bounds_text",
    "_every_district",
    "_force_elsewhere",
    "_months_outside",
    "_other_forces",
    "_overlapping",
    "summary_with_skipped",
]


SUMMARY_GROUPINGS = {k: GROUPINGS[k] for k in ("month", "district", "csp")}
"""The bounded counts a police.uk summary carries (certain, possible and no, by each)."""


def _bounds_text(bounds: BoundedCounts) -> str:
    """Certain, possible and no in scope: inside and outside the area apart, and why not.

    The reason is given when nothing inside the area is certain.
    """
    lines = []
    for row in bounds.totals().to_pylist():
        where = _WHERE.get(row["within_area"], "without a location")  # as the bounds say it
        line = f"in scope {where}: certain {row['certain']:,}, possible {row['possible']:,}"
        lines.append(f"{line}, no {row['no']:,}")
        why = bounds.why_nothing_certain(row["within_area"])
        if why is not None and row["within_area"] == "inside":
            lines.append(f"  {why}")
    if lines:  # what each number counts (possible holds the certain rows)
        lines.append(BOUNDS_LEGEND)
    return "".join(f"\n{line}" for line in lines)


def _months_outside(summary: Summary, bounds: BoundedCounts, period: Period) -> Summary:
    """The summary warning of the rows of months outside the local area's period.

    As ``svduty report`` says of its page: a month before the partnership's agreement (the
    Duty began on 31 January 2023) or after it is still located against its districts.
    The rows of months before the Duty came into force (SI 2022/1227 reg 4) are counted
    apart (``MONTH-BEFORE-DUTY``), whatever the period (a bundle's may begin before it), and
    not again as outside the period: each row is warned of once, as the report says it.
    """
    table = bounds.table("month")
    months, rows = table.column("month").to_pylist(), table.column("rows").to_pylist()
    said = {"MONTH-OUTSIDE-PERIOD": 0, "MONTH-BEFORE-DUTY": 0}
    for month, count in zip(months, rows, strict=True):
        if isinstance(month, str) and isinstance(count, int):
            early = before_duty(month)  # whatever the period
            said["MONTH-BEFORE-DUTY"] += count if early else 0
            said["MONTH-OUTSIDE-PERIOD"] += 0 if early or period.holds_month(month) else count
    said = {k: v for k, v in said.items() if v}
    return attrs.evolve(summary, warnings={**summary.warnings, **said}) if said else summary


def _force_elsewhere(summary: Summary, bounds: BoundedCounts, districts: Sequence[str]) -> Summary:
    """The summary warning when more rows lie in other police force areas than in the area's."""
    n = rows_of_other_forces(bounds.table("district"), districts)
    if not n:
        return summary
    return attrs.evolve(summary, warnings={**summary.warnings, "FORCE-AREA-ELSEWHERE": n})


def _other_forces(summary: Summary, paths: Sequence[Path], districts: Sequence[str]) -> Summary:
    """The summary warning naming the files of a force whose area covers none of ``districts``.

    Each file's own force (its "Falls within"), file by file: a folder that mixes another
    force's month with the area's own is said even when the own rows are more (which
    ``FORCE-AREA-ELSEWHERE`` compares).
    """
    files = files_of_other_forces(paths, districts)
    if not files:
        return summary
    warnings = {**summary.warnings, "FILE-OF-OTHER-FORCE": len(files)}
    return attrs.evolve(summary, warnings=warnings, other_force_files=files)


def _overlapping(summary: Summary, paths: Sequence[Path], joined: JoinedFiles) -> Summary:
    """The summary warning when police.uk files share Crime IDs, rejected rows left out."""
    n = repeated_crime_ids(paths, joined.files, joined.rejected)
    return (
        attrs.evolve(summary, warnings={**summary.warnings, "FILES-OVERLAP": n}) if n else summary
    )


def _every_district(summary: Summary, partnership: Partnership | BundleParts) -> Summary:
    """The summary with each of the area's districts in ``by_district``, 0 if no row is in it.

    Districts are matched by code, so a district outside the area with the name of one
    inside does not hide it.

    Example:
        >>> import svduty
        >>> s = Summary(1, 1, 0, by_district={"Rugby": 1}, by_district_code={"E07000220": 1},
        ...             district_names={"E07000220": "Rugby"})
        >>> s = _every_district(s, svduty.warwickshire())
        >>> s.by_district["Rugby"], s.by_district["Warwick"], s.by_district_code["E07000222"]
        (1, 0, 0)
    """
    missing = [d for d in partnership.local_area.districts if d not in summary.by_district_code]
    if not missing:
        return summary
    by_code = {**summary.by_district_code, **dict.fromkeys(missing, 0)}
    names = {d: partnership.geography.get(d).name for d in missing} | dict(summary.district_names)
    return attrs.evolve(
        summary,
        by_district=shown_districts(by_code, names),
        by_district_code=by_code,
        district_names=names,
    )


def summary_with_skipped(summary: Summary, skipped: tuple[str, ...]) -> Summary:
    """The summary with the files skipped in input folders listed."""
    return attrs.evolve(summary, skipped=skipped) if skipped else summary
