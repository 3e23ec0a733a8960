"""What a batch job did with every row: :class:`Tally` counts the stream, :class:`Summary` says it.

The tally counts only what the pipeline reports: the rows read (``count_in``, on the
reader's side) and the classified batches (``count_out``: the usable rows and the rejected
rows, which every batch carries with their ``file``, ``row``, ``rejected`` and
``rejected_field`` columns). Rejected rows are streamed to an optional sink (the
``--rejected`` file) and counted; only a bounded sample is kept for the summary, so memory
does not grow with the number of rejections.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Callable, Mapping
from typing import Any

import attrs
import numpy as np  # a dependency of pyarrow
import pyarrow as pa

from svduty import _arrays
from svduty import _compute as pc
from svduty._checked import checked_methods
from svduty._frozen import FrozenMap, frozen_map
from svduty.errors import DataError, Problem, printable
from svduty.io._summary_counts import (
    MissingFacts,
    _count,
    _flattened,
    _order,
    _placed_nowhere,
    besides,
    count_districts,
    count_missing,
    district_parts,
    in_every_group,
    named_not_coded,
    parts_checked,
    placed_nowhere_given,
    rejected_rows,
    shown_districts,
)
from svduty.io._summary_warnings import (  # noqa: F401
    WARNING_REASONS,
    _warned,
    _warnings,
    rows_json,
    warning_lines,
)

__all__ = ["SAMPLE_SIZE", "VERDICT_COLUMNS", "Summary", "Tally", "rejected_rows"]

VERDICT_COLUMNS: tuple[str, ...] = (
    "violence",
    "in_scope",
    "domestic_abuse",
    "qualifying_homicide",
    "homicide_review",
    "basis",
)
"""The classifier's one-word answer columns the summary counts, value by value."""

SAMPLE_SIZE = 1000
"""How many rejected rows a :class:`Tally` keeps for the summary (all are counted)."""


def _frozen_counts(counts: Mapping[str, Mapping[str, int]]) -> FrozenMap[str, Any]:
    """Counts by column and answer, read-only at both levels (``Summary.verdicts``)."""
    return FrozenMap({k: frozen_map(v) for k, v in counts.items()})


@checked_methods
@attrs.frozen(slots=True)
class Summary:
    """What a batch job did with every row.

    Attributes:
        rows_in: Rows read (data rows; headers are not rows).
        rows_out: Rows classified and written.
        rejected: Rows rejected; ``rows_in == rows_out + rejected``.
        rejections: The first rejected rows by file and row (at most 1,000): file, row
            number, field and reason; every one is in the ``--rejected`` file (in the
            order the stages rejected them).
        by_district: District name -> rows classified (inside or outside the area),
            counted by ONS code: where two codes share a name, each is shown as
            ``"Name (code)"``, so no two districts are ever added together.
        no_district: Rows located inside or outside the area by a code that names no
            single district (an incident's county, ward or police force area code): in
            no district's count. ``rows_out == sum(by_district) + no_district +
            unlocated``.
        inside_area: Rows located inside the partnership's local area.
        outside_area: Rows located outside it (a force reports some such crimes).
        unlocated: Rows with no location that places them: police.uk ``No Location``;
            an incident with none, or with a code the geography does not know or an
            area only partly inside.
        by_category: police.uk crime type -> rows classified.
        verdicts: Verdict column -> answer -> rows (``violence``, ``in_scope``, ...).
        undetermined_by_missing: Verdict column -> the facts that would settle it (their
            names in alphabetical order, joined by ``", "``; ``""`` where none of the
            incident's facts would, only the law's doubt) -> its undetermined rows: why
            rows are undetermined, as each row's ``missing_by_answer`` says (``svduty
            explain``). Each column's counts sum to its ``undetermined`` count in
            ``verdicts``; empty when the job counted no missing facts.
        kinds: Kind of violence -> rows.
        warnings: Reason code -> rows it flags, such as ``OFFENCE-CODE-UNKNOWN`` (an
            offence code not in the table).
        partnership: The partnership the rows were classified for.
        definition: The id of the definition they were classified against.
        skipped: Files in an input folder that were not read (and why).
        warning_rows: Reason code -> the first rows it flags, as ``(file, row)``, where
            the summary names them (``INCIDENT-ID-DUPLICATE``: never the ids).
        by_district_code: District ONS code -> rows, the counts ``by_district`` shows.
        district_names: District ONS code -> its name, as the rows give it.
        other_force_files: police.uk files of a force whose police area covers no part
            of the partnership's, each ``(file, force)`` (``FILE-OF-OTHER-FORCE``).

    Example:
        >>> s = Summary(rows_in=3, rows_out=2, rejected=1)
        >>> s.to_json()["rows_in"]
        3
    """

    rows_in: int
    rows_out: int
    rejected: int
    rejections: tuple[Problem, ...] = ()
    by_district: Mapping[str, int] = attrs.field(factory=FrozenMap, converter=frozen_map)
    no_district: int = 0
    inside_area: int = 0
    outside_area: int = 0
    unlocated: int = 0
    by_category: Mapping[str, int] = attrs.field(factory=FrozenMap, converter=frozen_map)
    verdicts: Mapping[str, Mapping[str, int]] = attrs.field(
        factory=FrozenMap, converter=_frozen_counts
    )
    kinds: Mapping[str, int] = attrs.field(factory=FrozenMap, converter=frozen_map)
    warnings: Mapping[str, int] = attrs.field(factory=FrozenMap, converter=frozen_map)
    partnership: str | None = None
    definition: str | None = None
    skipped: tuple[str, ...] = ()
    undetermined_by_missing: Mapping[str, Mapping[str, int]] = attrs.field(
        factory=FrozenMap, converter=_frozen_counts
    )
    warning_rows: Mapping[str, tuple[tuple[str | None, int | None], ...]] = attrs.field(
        factory=FrozenMap, converter=frozen_map
    )
    by_district_code: Mapping[str, int] = attrs.field(factory=FrozenMap, converter=frozen_map)
    district_names: Mapping[str, str] = attrs.field(factory=FrozenMap, converter=frozen_map)
    other_force_files: tuple[tuple[str, str], ...] = ()

    def to_json(self) -> dict[str, Any]:
        """The summary as JSON-ready data, each mapping in the order of its keys.

        ``svduty classify --summary json`` (the ``summary/1`` document) adds
        ``svduty_schema``, ``bounded`` (the bounded counts of police.uk rows,
        :class:`~svduty.io.BoundedCounts`; ``null`` for incident files), and the warnings
        that need the files and the partnership, not the rows alone:
        ``MONTH-OUTSIDE-PERIOD``, ``MONTH-BEFORE-DUTY`` (SI 2022/1227 reg 4),
        ``FORCE-AREA-ELSEWHERE``, ``FILE-OF-OTHER-FORCE`` and ``FILES-OVERLAP``.
        ``undetermined_missing_in_every_group`` names, for each column of
        ``undetermined_by_missing``, the facts all its groups name (said once in the text).

        Example:
            >>> sorted(Summary(rows_in=0, rows_out=0, rejected=0).to_json())[:3]
            ['by_category', 'by_district', 'by_district_code']
        """
        return {
            "rows_in": self.rows_in,
            "rows_out": self.rows_out,
            "rejected": self.rejected,
            "rejections": [
                {"file": p.file, "row": p.row, "field": p.field, "reason": p.what()}
                for p in self.rejections
            ],
            "by_district": dict(sorted(self.by_district.items())),
            "by_district_code": dict(sorted(self.by_district_code.items())),
            "no_district": self.no_district,
            "inside_area": self.inside_area,
            "outside_area": self.outside_area,
            "unlocated": self.unlocated,
            "by_category": dict(sorted(self.by_category.items())),
            "verdicts": {k: dict(sorted(v.items())) for k, v in sorted(self.verdicts.items())},
            "undetermined_by_missing": {
                k: dict(sorted(v.items())) for k, v in sorted(self.undetermined_by_missing.items())
            },
            "undetermined_missing_in_every_group": {
                k: list(in_every_group(v)) for k, v in sorted(self.undetermined_by_missing.items())
            },
            "kinds": dict(sorted(self.kinds.items())),
            "warnings": dict(sorted(self.warnings.items())),
            "warning_rows": rows_json(self.warning_rows),
            "other_force_files": [{"file": f, "force": o} for f, o in self.other_force_files],
            "partnership": self.partnership,
            "definition": self.definition,
            "skipped": list(self.skipped),
        }

    def to_text(self, *, max_rejections: int = 20) -> str:
        """The summary for people (the ``--summary text`` output): counts as ``4,510``.

        Example:
            >>> print(Summary(rows_in=2, rows_out=2, rejected=0).to_text())
            rows in: 2
            rows out: 2
            rejected: 0
            located inside the area: 0
            located outside the area: 0
            no location: 0
        """
        lines = [
            f"rows in: {self.rows_in:,}",
            f"rows out: {self.rows_out:,}",
            f"rejected: {self.rejected:,}",
        ]
        shown = self.rejections[:max_rejections]
        for p in shown:
            lines.append(f"  {p}")
        if self.rejected > len(shown):
            lines.append(f"  ... and {self.rejected - len(shown):,} more")
        lines += [
            f"located inside the area: {self.inside_area:,}",
            f"located outside the area: {self.outside_area:,}",
            f"no location: {self.unlocated:,}",
        ]

        def block(title: str, counts: Mapping[str, int], *rest: tuple[str, int]) -> None:
            """The counts, largest first, then ``rest``: the rows in none of them (if any)."""
            ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
            shown = [*ordered, *((k, v) for k, v in rest if v)]
            if shown:
                lines.append(f"{title}:")
                width = max(len(k) for k, _ in shown)
                lines.extend(f"  {key:<{width}}  {value:>9,}" for key, value in shown)

        if self.by_district or self.by_category or self.verdicts:
            lines.append("every row below (inside, outside and without a location together):")
        nowhere = ("(located in no single district)", self.no_district)
        block("by district", self.by_district, nowhere, ("(no location)", self.unlocated))
        if self.by_category:
            no_category = self.rows_out - sum(self.by_category.values())
            block("by police.uk category", self.by_category, ("(no category)", no_category))
        for column, counts in self.verdicts.items():
            block(column, counts)
        for column, counts in self.undetermined_by_missing.items():
            common = in_every_group(counts)  # police.uk rows: the facts they never carry
            if common and len(counts) > 1:
                rest = {k or "(none other)": v for k, v in besides(counts, common).items()}
                head = f"{column} undetermined: every row misses {', '.join(common)}; by the "
                block(head + "other facts missing", rest)
                continue
            named = {k or "(no fact: the law's doubt)": v for k, v in counts.items()}
            block(f"{column} undetermined, by the facts missing", named)
        block("kinds (a row may be of several kinds, or of none)", self.kinds)
        lines += warning_lines(
            self.warnings, self.warning_rows, self.rejections, self.other_force_files
        )
        for path in self.skipped:
            lines.append(f"skipped: {printable(path)}")
        if self.partnership is not None:
            lines.append(f"partnership: {self.partnership}")
        if self.definition is not None:
            lines.append(f"definition: {self.definition}")
        return "\n".join(lines)


RejectedSink = Callable[[pa.Table], None]


@attrs.define
class Tally:
    """Counts a batch job's rows as they stream past; :meth:`summary` checks the invariant.

    ``rows_in`` is counted on the input side (:meth:`count_in`), the rest on the output side
    (:meth:`count_out`), so a stage that loses a row is caught. Rejected rows go to
    ``on_rejected`` (if given) as they pass; only the first ``sample_size`` by (file, row) are kept.

    Example:
        >>> t = Tally()
        >>> t.count_in(0)
        >>> t.summary().rows_in
        0
    """

    rows_in: int = 0
    rows_out: int = 0
    rejected: int = 0
    rejections: list[Problem] = attrs.Factory(list)
    by_district: Counter[str] = attrs.Factory(Counter)  # by code and name (count_districts)
    no_district: int = 0
    within: Counter[str] = attrs.Factory(Counter)
    by_category: Counter[str] = attrs.Factory(Counter)
    verdicts: dict[str, Counter[str]] = attrs.Factory(dict)
    kinds: Counter[str] = attrs.Factory(Counter)
    warnings: Counter[str] = attrs.Factory(Counter)
    sample_size: int = SAMPLE_SIZE
    on_rejected: RejectedSink | None = None
    missing: MissingFacts | None = None
    undetermined_by_missing: dict[str, Counter[str]] = attrs.Factory(dict)
    # rows and weights -> their warnings, by the plan rows that answered them (None: read
    # each row's reasons): svduty.io._missing_facts.warnings_of
    warned: Callable[[pa.Table, Any], Mapping[str, int] | None] | None = None

    def count_in(self, rows: int) -> None:
        """Count rows read.

        Example:
            >>> t = Tally(); t.count_in(5); t.rows_in
            5
        """
        self.rows_in += rows

    def count_out(
        self,
        batch: pa.RecordBatch | pa.Table,
        grouping: Callable[[pa.Table], tuple[pa.Table, Any] | None] | None = None,
    ) -> pa.Table:
        """Count a classified batch; return its usable rows (the ones to write).

        ``grouping``: the usable rows one a group and each group's number of rows (or
        ``None``: row by row), counted so (the same counts).

        Example:
            >>> t = Tally()
            >>> good = t.count_out(pa.table({"rejected": [None, "x"], "file": ["f", "f"],
            ...     "row": [2, 3], "rejected_field": [None, "Month"]}))
            >>> good.num_rows, t.rejected, len(t.rejections)
            (1, 1, 1)
        """
        table = pa.Table.from_batches([batch]) if isinstance(batch, pa.RecordBatch) else batch
        good = table
        if table.column("rejected").null_count < table.num_rows:
            ok = pc.is_null(table.column("rejected"))
            good = pc.filter(table, ok)
            self.count_rejected(pc.filter(table, pc.invert(ok)))
        grouped = grouping(good) if grouping is not None else None
        self.count_usable(*(grouped or (good,)))
        return good

    def count_rejected(self, bad: pa.Table) -> None:
        """Count rejected rows (all with a ``rejected`` reason), keep a sample, pass them on.

        Example:
            >>> t = Tally()
            >>> t.count_rejected(pa.table({"rejected": ["x"], "file": ["f"], "row": [3],
            ...     "rejected_field": ["Month"]}))
            >>> t.rejected, str(t.rejections[0])
            (1, 'f: row 3: Month: x')
        """
        if not bad.num_rows:
            return
        self.rejected += bad.num_rows
        if bad.num_rows > 1:  # the stages reject in turn: passed on in the file's row order
            keys = [("file", "ascending"), ("row", "ascending")]  # nulls last
            bad = pc.take(bad, pc.sort_indices(bad.select(["file", "row"]), sort_keys=keys))
        self._keep(bad)
        if self.on_rejected is not None:
            self.on_rejected(bad)

    def _keep(self, bad: pa.Table) -> None:
        """Keep the ``sample_size`` first rejected rows by (file, row).

        ``bad`` is in row order (:meth:`count_rejected`).
        """
        head = bad.slice(0, self.sample_size)
        new = rejected_rows(head, self.sample_size)
        if self.rejections and _order(new[0]) < _order(self.rejections[-1]):
            new = sorted([*self.rejections, *new], key=_order)
            self.rejections.clear()
        self.rejections.extend(new[: self.sample_size - len(self.rejections)])

    def count_usable(self, good: pa.Table, weights: Any = None) -> None:
        """Count usable rows, each standing for ``weights`` rows (one each when ``None``).

        Args:
            good: Classified rows, none rejected.
            weights: How many rows each row of ``good`` stands for (numpy integers): the
                rows of a police.uk batch that are alike are counted once, with their number.

        Example:
            >>> import numpy as np
            >>> t = Tally()
            >>> t.count_usable(pa.table({"violence": ["no", "yes"]}), np.array([3, 1]))
            >>> t.rows_out, dict(t.verdicts["violence"])
            (4, {'no': 3, 'yes': 1})
        """
        self.rows_out += good.num_rows if weights is None else int(weights.sum())
        names = good.schema.names
        if "district_name" in names:
            count_districts(self.by_district, good, weights)
            self.no_district += _placed_nowhere(good, weights)
        if "within_area" in names:
            _count(self.within, good.column("within_area"), weights)
            if unplaced := placed_nowhere_given(good, weights):
                self.warnings["LOCATION-NOT-PLACED"] += unplaced
            if by_name := named_not_coded(good, weights):
                self.warnings["LSOA-CODE-UNKNOWN"] += by_name
        if "police_uk_category" in names:
            _count(self.by_category, good.column("police_uk_category"), weights)
        for column in VERDICT_COLUMNS:
            if column in names:
                _count(self.verdicts.setdefault(column, Counter()), good.column(column), weights)
        if "kinds" in names:
            _count(self.kinds, *_flattened(good.column("kinds"), weights))
        if self.missing is not None:
            count_missing(self.undetermined_by_missing, good, weights, self.missing)
        planned = self.warned(good, weights) if self.warned is not None else None
        if planned is not None:  # the plan's rows' warnings: no row's reasons read
            self.warnings.update(planned)
        elif "reasons" in names:
            reasons, each = _flattened(good.column("reasons"), weights)
            warned = _warnings(reasons)
            if warned.any():
                at = np.flatnonzero(warned)
                _count(
                    self.warnings,
                    pc.take(reasons, _arrays.array(at)),
                    None if each is None else each[at],
                )

    def reject(self, problem: Problem) -> None:
        """Count one rejected row that never reached a batch (kept in the sample if room).

        Example:
            >>> t = Tally(); t.reject(Problem(file="a.jsonl", row=3, message="not JSON"))
            >>> t.rejected, len(t.rejections)
            (1, 1)
        """
        self.rejected += 1
        bisect.insort(self.rejections, problem, key=_order)
        del self.rejections[self.sample_size :]

    def summary(
        self,
        *,
        partnership: str | None = None,
        definition: str | None = None,
        skipped: tuple[str, ...] = (),
    ) -> Summary:
        """The summary; checks ``rows_in == rows_out + rejected``.

        Raises:
            DataError: if rows were lost or invented on the way.

        Example:
            >>> t = Tally(); t.count_in(1)
            >>> t.summary()
            Traceback (most recent call last):
            ...
            svduty.errors.DataError: rows: rows in (1) != rows out (0) + rejected (0)
        """
        if self.rows_in != self.rows_out + self.rejected:
            raise DataError(
                Problem(
                    field="rows",
                    message=(
                        f"rows in ({self.rows_in:,}) != rows out ({self.rows_out:,}) "
                        f"+ rejected ({self.rejected:,})"
                    ),
                )
            )
        parts_checked(self.undetermined_by_missing, self.verdicts)
        by_code, names = district_parts(self.by_district)
        return Summary(
            rows_in=self.rows_in,
            rows_out=self.rows_out,
            rejected=self.rejected,
            rejections=tuple(self.rejections),
            by_district=shown_districts(by_code, names),
            by_district_code=by_code,
            district_names=names,
            no_district=self.no_district,
            inside_area=self.within["inside"],
            outside_area=self.within["outside"],
            unlocated=self.within["no_location"],
            by_category=dict(self.by_category),
            verdicts={k: dict(v) for k, v in self.verdicts.items()},
            kinds=dict(self.kinds),
            warnings=self._all_warnings(),
            partnership=partnership,
            definition=definition,
            skipped=skipped,
            undetermined_by_missing={k: dict(v) for k, v in self.undetermined_by_missing.items()},
        )

    def _all_warnings(self) -> dict[str, int]:
        """The rows' warnings; ``EVERY-ROW-REJECTED`` if none kept, ``NO-ROWS`` if none read."""
        ended = "EVERY-ROW-REJECTED" if self.rows_in else "NO-ROWS"
        return dict(self.warnings) if self.rows_out else {**self.warnings, ended: self.rows_in}
