"""The reasons a batch job's summary warns about, and which of the rows' reasons they are.

Split from :mod:`svduty.io._summary`: :data:`WARNING_REASONS` by reason code, and the mask
of a batch's reasons that :class:`~svduty.io._summary.Tally` counts as warnings.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np  # a dependency of pyarrow
import pyarrow as pa

from svduty import _arrays
from svduty import _compute as pc
from svduty.errors import Problem, printable

__all__ = ["DUTY_IN_FORCE", "WARNING_REASONS", "before_duty", "rows_json", "warning_lines"]

DUTY_IN_FORCE = "31 January 2023 (SI 2022/1227 reg 4)"
"""When ss.8-12 and 14-21 of the Act came into force, as the notes on a month before it say."""

WARNING_REASONS: dict[str, str] = {
    "OFFENCE-CODE-UNKNOWN": "offence code not in the Home Office notifiable offence list svduty "
    "holds (check the code: it proves nothing here)",
    "MONTH-BEFORE-DUTY": "of a police.uk month before the Serious Violence Duty came into "
    f"force on {DUTY_IN_FORCE}: outside the Duty's time, whatever the partnership's period "
    "(their columns say only how the definition reads them)",
    "MONTH-OUTSIDE-PERIOD": "of a police.uk month outside the period of the partnership's "
    "local area (located against its districts as the partnership lists them)",
    "FILES-OVERLAP": "with a Crime ID an earlier row of the input files has too, counted "
    "twice (one force's month given twice, or a file holding rows twice? police.uk's own "
    "month files list a few crimes twice, with two outcomes); rows with no Crime ID "
    "(anti-social behaviour) cannot be matched and are not in this number",
    "EVERY-ROW-REJECTED": "rejected, every row of the input: nothing was classified ("
    "--rejected FILE gives each row's reason)",
    "NO-ROWS": "the inputs hold no row: nothing was classified, and no number here says "
    "anything of the area (a file of its header only? a folder of empty files?)",
    "FORCE-AREA-ELSEWHERE": "located in other police force areas than the partnership's, more "
    "than in its own: the files may be another force's (police.uk publishes each force's "
    "crimes in that force's files)",
    "FILE-OF-OTHER-FORCE": "of a police force whose police area covers no part of the "
    'partnership\'s (its "Falls within"): its rows are counted, and located where they lie, '
    "mostly outside the area; the area's crimes are in its own force's files (given by "
    "mistake?)",
    "LOCATION-NOT-PLACED": "with a location that places them in no district, counted as "
    "without a location (a code the ONS tables do not hold: a typing error? a ceased code? "
    "an area only partly inside the partnership's? or a police.uk LSOA name with no code)",
    "LSOA-CODE-UNKNOWN": "placed by their police.uk LSOA name alone: their LSOA code is "
    "one the ONS tables do not hold (a typing error? a code of other boundaries?), so the "
    "name's district places them (the row's match is name)",
    "INCIDENT-ID-DUPLICATE": "with an id an earlier incident row has too, counted twice (an "
    "export given twice, or two files of the same incidents?); rows with no id cannot be "
    "matched and are not in this number",
}
"""Reasons a summary warns about, by reason code: each counted in ``Summary.warnings``."""

_LIKELY: tuple[tuple[str, str], ...] = (
    (
        "expected UTF-8 text",
        "the text is not UTF-8: a file saved as Latin-1 or Windows-1252? save it as UTF-8, "
        "or convert it, e.g. with iconv -f WINDOWS-1252 -t UTF-8",
    ),
    (
        "not an unpaired surrogate escape",
        "a JSON string holds an unpaired surrogate escape (\\ud800 to \\udfff without its pair), "
        "no character in any encoding: the program that wrote the file split a character's "
        "pair of escapes (converting the file cannot mend it)",
    ),
    (
        "Month: expected a month YYYY-MM",
        "a file a spreadsheet saved again, its months written as 'Jun-25'?",
    ),
)
"""What most rejected rows' reason says is likely wrong (``EVERY-ROW-REJECTED``)."""


def likely_cause(rejections: Sequence[Problem]) -> str | None:
    """What is likely wrong when every row is rejected, from the kept rejected rows' reasons.

    The cause most of the rows give (of those svduty knows); ``None`` if none gives one.
    Only the reasons are read, never a value.

    Example:
        >>> likely_cause([Problem(file="m.csv", row=2, field="Reported by",
        ...                       expected="UTF-8 text")])  # doctest: +ELLIPSIS
        'the text is not UTF-8: a file saved as Latin-1 or Windows-1252? ...'
        >>> likely_cause([Problem(row=2, field="Month", expected="a month YYYY-MM")])
        "a file a spreadsheet saved again, its months written as 'Jun-25'?"
        >>> likely_cause([]) is None
        True
    """
    said: Counter[str] = Counter()
    for p in rejections:
        reason = f"{p.field}: {p.what()}" if p.field else p.what()
        said.update(cause for known, cause in _LIKELY if known in reason)
    return said.most_common(1)[0][0] if said else None


def before_duty(month: str) -> bool:
    """Whether every day of a police.uk month ``YYYY-MM`` is before the Duty came into force.

    SI 2022/1227 reg 4 brought ss.8-12 and 14-21 of the Act into force on 31 January
    2023, so January 2023 holds one day of the Duty's time and is not before it.

    Example:
        >>> before_duty("2022-12"), before_duty("2023-01"), before_duty("2019-01")
        (True, False, True)
    """
    return month < "2023-01"  # YYYY-MM sorts as the months do


@functools.cache
def _warned() -> Any:
    # built on first use: a pa.array at import would make pyarrow import pandas at start-up
    return pa.array(sorted(WARNING_REASONS), pa.string())


def _warnings(reasons: Any) -> Any:
    """Which of the rows' reasons a summary warns about (a numpy mask).

    Only the reasons as long as a warned reason are compared (lengths read no text).
    """
    lengths = pc.binary_length(reasons).to_numpy(zero_copy_only=False)
    same = np.zeros(len(lengths), dtype=bool)
    for n in {len(w.encode()) for w in WARNING_REASONS}:
        same |= lengths == n
    if not same.any():
        return same
    at = np.flatnonzero(same)
    maybe = pc.take(reasons, _arrays.array(at))
    hit = pc.fill_null(pc.is_in(maybe, value_set=_warned()), False)
    same[at] = hit.to_numpy(zero_copy_only=False)
    return same


def warned_items(reasons: Any) -> tuple[list[str], Any, Any]:
    """The warned reasons of a column of lists of reasons, each with the row it is in.

    Returns:
        The warned texts (each once), each warned item's text (its number among them)
        and each warned item's row (numpy ``int64``): what :func:`warned_by_row` counts.

    Example:
        >>> texts, numbers, rows = warned_items(pa.array([["X"], None, ["LSOA-CODE-UNKNOWN"]]))
        >>> texts, numbers.tolist(), rows.tolist()
        (['LSOA-CODE-UNKNOWN'], [0], [2])
    """
    lists = _arrays.one_array(reasons)
    items = pc.list_flatten(lists)
    parents = pc.list_parent_indices(lists).to_numpy(zero_copy_only=False).astype(np.int64)
    at = np.flatnonzero(_warnings(items)) if len(items) else np.zeros(0, np.int64)
    words = pc.dictionary_encode(pc.take(items, _arrays.array(at)))
    numbers = words.indices.to_numpy(zero_copy_only=False).astype(np.int64)
    return words.dictionary.to_pylist(), numbers, parents[at]


def warned_by_row(
    found: tuple[list[str], Any, Any], rows: Any, weights: Any, size: int
) -> Counter[str]:
    """The warnings of rows whose reasons are those of ``rows`` of a column of ``size`` rows.

    ``found`` is that column's :func:`warned_items`; each row stands for its ``weights``
    rows (one when ``None``). The same counts as the rows' own reasons give, read from
    the few rows they repeat (a plan's rows), not from every row.

    Example:
        >>> found = warned_items(pa.array([["X"], ["LSOA-CODE-UNKNOWN", "X"]]))
        >>> warned_by_row(found, np.array([1, 0, 1]), np.array([2, 5, 3]), 2)
        Counter({'LSOA-CODE-UNKNOWN': 5})
        >>> warned_by_row(found, np.array([0]), None, 2)
        Counter()
    """
    texts, numbers, of_row = found
    if not len(numbers):
        return Counter()
    each = _arrays.sums(np.asarray(rows, dtype=np.int64), weights, size)  # a row's weight
    totals = _arrays.sums(numbers, each[of_row], len(texts))
    return Counter({t: n for t, n in zip(texts, totals.tolist(), strict=True) if n})


def warning_lines(
    warnings: Mapping[str, int],
    rows: Mapping[str, Any],
    rejections: Sequence[Problem] = (),
    files: Sequence[tuple[str, str]] = (),
) -> list[str]:
    """The text summary's warning lines, each with the first rows it flags (if named).

    ``EVERY-ROW-REJECTED`` says what is likely wrong, from ``rejections``' reasons
    (:func:`likely_cause`). ``FILE-OF-OTHER-FORCE`` counts files, not rows, and names
    each of ``files`` with its force.

    Example:
        >>> warning_lines({"INCIDENT-ID-DUPLICATE": 3}, {"INCIDENT-ID-DUPLICATE": (("a.csv", 4),)})
        ... # doctest: +ELLIPSIS
        ['warning: 3 row(s): with an id ... (INCIDENT-ID-DUPLICATE); first: a.csv: row 4']
        >>> said = warning_lines({"FILE-OF-OTHER-FORCE": 1}, {}, files=[("m.csv", "Kent Police")])
        >>> said  # doctest: +ELLIPSIS
        ['warning: 1 file(s): of a police force ... (FILE-OF-OTHER-FORCE): m.csv (Kent Police)']
    """
    lines = []
    for reason, n in sorted(warnings.items()):
        counted = f"{n:,} row(s): " if reason != "NO-ROWS" else ""  # NO-ROWS counts none
        counted = f"{n:,} file(s): " if reason == "FILE-OF-OTHER-FORCE" else counted
        said = WARNING_REASONS[reason]
        cause = likely_cause(rejections) if reason == "EVERY-ROW-REJECTED" else None
        said = f"{said[:-1]}; likely: {cause})" if cause else said
        line = f"warning: {counted}{said} ({reason})"
        if reason == "FILE-OF-OTHER-FORCE" and files:
            line += ": " + ", ".join(f"{printable(f)} ({printable(o)})" for f, o in files)
        if shown := rows.get(reason):
            line += "; first: " + ", ".join(
                f"{printable(str(f))}: row {r}" if f is not None else f"row {r}" for f, r in shown
            )
        lines.append(line)
    return lines


def rows_json(rows: Mapping[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """``Summary.warning_rows`` as JSON: by reason code, ``{"file": ..., "row": ...}`` each.

    Example:
        >>> rows_json({"INCIDENT-ID-DUPLICATE": (("a.csv", 4),)})
        {'INCIDENT-ID-DUPLICATE': [{'file': 'a.csv', 'row': 4}]}
    """
    return {k: [{"file": f, "row": r} for f, r in v] for k, v in sorted(rows.items())}
