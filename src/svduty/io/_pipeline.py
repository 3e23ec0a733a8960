"""The batch job: area resolution and classification of record batches, and its summary.

:func:`classify_batch` is a function from an Arrow record batch to an Arrow record batch,
so it runs unchanged on one machine, under Dask (``map_partitions``) and under Spark
(``mapInArrow``). It takes its three collaborators as arguments (a narrow seam):

- ``resolve_areas(codes, names) -> pa.Table``: the vectorised LSOA look-up of the
  partnership's geography (``Geography.resolve_lsoas``), returning :data:`AREA_COLUMNS`;
- ``classify(table) -> pa.Table``: the columnar classifier with the partnership's
  definition bound (``classify_table``), returning its input plus the verdict columns;
- ``within(code) -> bool``: whether a district is inside the partnership's local area
  (``LocalArea.within``).

:func:`default_pipeline` binds them for a partnership. Rows are never dropped: a row that
is rejected (by the reader, or because its LSOA is neither known nor resolvable by name)
stays in the output with its reason, and :class:`Tally` checks that
``rows_in == rows_out + rejected``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

import attrs
import pyarrow as pa
import pyarrow.compute as pc

from svduty.areas import Geography
from svduty.definitions import Definition, Incident, classify, classify_table
from svduty.errors import DataError, DefinitionError, Problem, SvdutyError
from svduty.partnership import Partnership

Arrow = Any  # a pyarrow Array or ChunkedArray (pyarrow-stubs' compute overloads are narrower)

__all__ = [
    "AREA_COLUMNS",
    "VERDICT_COLUMNS",
    "Pipeline",
    "Summary",
    "Tally",
    "classify_batch",
    "classify_batches",
    "default_pipeline",
]

AREA_COLUMNS: tuple[str, ...] = (
    "district_code",
    "district_name",
    "csp_code",
    "csp_name",
    "police_area",
    "match",
)
"""The columns ``resolve_areas`` returns besides ``lsoa_code`` (strings, nulls where unknown)."""

VERDICT_COLUMNS: tuple[str, ...] = (
    "violence",
    "in_scope",
    "domestic_abuse",
    "qualifying_homicide",
    "homicide_review",
    "basis",
)
"""The classifier's one-word answer columns the summary counts, value by value."""

CLASSIFIER_INPUT: tuple[str, ...] = ("id", "police_uk_category", "date", "location")
"""The incident columns a police.uk row gives the classifier.

``date`` is the police.uk month (``YYYY-MM``, which the classifier reads as a month-long
period); ``location`` is the district code where the LSOA resolved to one, else the LSOA
code (a GSS code), else null.
"""

_GSS = r"^[EWSN]\d{8}$"
_MAX_RETRIES = 100

AreaResolver = Callable[[Arrow, Arrow], pa.Table]
TableClassifier = Callable[[pa.Table], pa.Table]
Within = Callable[[str], bool]
IncidentClassifier = Callable[[dict[str, Any], int | None, str | None], dict[str, Any]]

_UNRESOLVED = "LSOA code: expected an LSOA code or name that the geography knows"


def _within_area(lsoa: Arrow, district: Arrow, within: Within) -> Arrow:
    """``inside`` / ``outside`` / ``no_location``, calling ``within`` once per district."""
    codes = [c for c in pc.unique(district.drop_null()).to_pylist() if c is not None]
    inside_codes = pa.array([c for c in codes if within(c)], pa.string())
    inside = pc.fill_null(pc.is_in(district, value_set=inside_codes), pa.scalar(False))
    where = pc.if_else(inside, pa.scalar("inside"), pa.scalar("outside"))
    return pc.if_else(pc.is_null(lsoa), pa.scalar("no_location"), where)


def _pad(table: pa.Table, schema: pa.Schema) -> pa.Table:
    """``table`` with every column of ``schema``, nulls where it has none."""
    n = table.num_rows
    cols = [
        table.column(f.name).cast(f.type) if f.name in table.schema.names else pa.nulls(n, f.type)
        for f in schema
    ]
    return pa.Table.from_arrays(cols, schema=schema)


def _as_batch(table: pa.Table) -> pa.RecordBatch:
    table = table.combine_chunks()
    batches = table.to_batches()
    if not batches:
        return pa.RecordBatch.from_arrays(
            [pa.array([], f.type) for f in table.schema], schema=table.schema
        )
    return batches[0]


def _classify_rows(good: pa.Table, classify: TableClassifier) -> tuple[Any, Any, Any]:
    """Run the classifier; rows it refuses (a DataError naming rows) are rejected, not lost.

    Returns the rows kept, the classifier's output for them, and the refused rows (with
    their reason).
    """
    refused: list[pa.Table] = []
    for _ in range(_MAX_RETRIES):
        inputs = good.append_column("date", good.column("month")).select(list(CLASSIFIER_INPUT))
        try:
            verdicts = classify(inputs)
        except DataError as exc:
            rows = {p.row - 1: p for p in exc.problems if p.row is not None}
            if not rows or max(rows) >= good.num_rows:
                raise
            picked = pa.array(sorted(rows), pa.int64())
            why = pa.array([f"{rows[i].field}: {rows[i].what()}" for i in sorted(rows)])
            field = pa.array([rows[i].field for i in sorted(rows)], pa.string())
            out = good.take(picked)
            out = out.set_column(out.schema.get_field_index("rejected"), "rejected", why)
            out = out.set_column(
                out.schema.get_field_index("rejected_field"), "rejected_field", field
            )
            refused.append(out)
            keep = pc.invert(pc.is_in(pa.array(range(good.num_rows), pa.int64()), picked))
            good = good.filter(keep)
            continue
        if verdicts.num_rows != good.num_rows:
            raise SvdutyError(
                f"classify returned {verdicts.num_rows} rows for {good.num_rows} rows"
            )
        gone = pa.concat_tables(refused) if refused else good.slice(0, 0)
        return good, verdicts, gone
    raise SvdutyError(f"classify refused rows more than {_MAX_RETRIES} times in one batch")


def classify_batch(
    batch: pa.RecordBatch | pa.Table,
    *,
    resolve_areas: AreaResolver,
    classify: TableClassifier,
    within: Within,
) -> Any:
    """Add the area and verdict columns to a normalised police.uk batch.

    The usable rows get :data:`AREA_COLUMNS`, ``within_area`` (``inside`` the partnership's
    local area, ``outside`` it, or ``no_location``), ``location`` (the district code, else
    the LSOA code, for the classifier) and every column the classifier adds. A row whose
    LSOA is neither known nor resolvable by name is rejected with its row number. Rejected
    rows come last in the output, with nulls in the added columns; no row is dropped. A
    record batch gives a record batch, a table a table (its chunks kept, nothing copied).

    Args:
        batch: Rows with :data:`~svduty.io.POLICE_UK_SCHEMA` (from
            :func:`~svduty.io.read_police_uk` or :func:`~svduty.io.normalise_police_uk`).
        resolve_areas: ``(lsoa_codes, lsoa_names) -> pa.Table`` with :data:`AREA_COLUMNS`.
        classify: ``pa.Table -> pa.Table``: the input plus the verdict columns.
        within: ``district_code -> bool``.

    Raises:
        SvdutyError: if ``resolve_areas`` or ``classify`` break their contract (a row count
            that differs from the input's).

    Example:
        >>> import pyarrow as pa
        >>> from svduty.io import normalise_police_uk, POLICE_UK_COLUMNS
        >>> cols = {c: [""] * 2 for c in POLICE_UK_COLUMNS}
        >>> cols["Month"] = ["2025-06"] * 2
        >>> cols["Crime type"] = ["Burglary"] * 2
        >>> cols["LSOA code"] = ["E01031000", ""]
        >>> raw = normalise_police_uk(pa.table(cols), rows=pa.array([2, 3]))
        >>> def areas(codes, names):  # a one-LSOA geography, for the example
        ...     known = pc.equal(codes, "E01031000")
        ...     code = pc.if_else(known, "E07000222", pa.scalar(None, pa.string()))
        ...     match = pc.if_else(known, "table", "unresolved")
        ...     return pa.table({"lsoa_code": codes, "district_code": code,
        ...         "district_name": pc.if_else(known, "Warwick", code), "csp_code": code,
        ...         "csp_name": code, "police_area": code, "match": match})
        >>> out = classify_batch(raw, resolve_areas=areas, classify=lambda t: t,
        ...                      within=lambda code: code == "E07000222")
        >>> out.column("within_area").to_pylist()
        ['inside', 'no_location']
    """
    table = pa.Table.from_batches([batch]) if isinstance(batch, pa.RecordBatch) else batch
    if table.column("rejected").null_count == table.num_rows:  # the usual case: all usable
        good, bad = table, table.slice(0, 0)
    else:
        ok = pc.is_null(table.column("rejected"))
        good, bad = table.filter(ok), table.filter(pc.invert(ok))
    n = good.num_rows
    codes = good.column("lsoa_code").combine_chunks()
    names = good.column("lsoa_name").combine_chunks()
    areas = resolve_areas(codes, names)
    if areas.num_rows != n:
        raise SvdutyError(f"resolve_areas returned {areas.num_rows} rows for {n} LSOA codes")
    for name in AREA_COLUMNS:
        col = (
            areas.column(name).cast(pa.string())
            if name in areas.schema.names
            else pa.nulls(n, pa.string())
        )
        good = good.append_column(name, col)
    no_match: Arrow = pc.fill_null(
        pc.equal(good.column("match"), pa.scalar("unresolved")), pa.scalar(True)
    )
    unresolved = pc.and_(pc.is_valid(good.column("lsoa_code")), no_match)
    if pc.any(unresolved).as_py():
        newly = good.filter(unresolved)
        newly = newly.set_column(
            newly.schema.get_field_index("rejected"),
            "rejected",
            pa.repeat(pa.scalar(_UNRESOLVED), newly.num_rows),
        )
        newly = newly.set_column(
            newly.schema.get_field_index("rejected_field"),
            "rejected_field",
            pa.repeat(pa.scalar("LSOA code"), newly.num_rows),
        )
        good = good.filter(pc.invert(unresolved))
        bad = pa.concat_tables([_pad(bad, newly.schema), newly])
        n = good.num_rows
    district = good.column("district_code").combine_chunks()
    lsoa = good.column("lsoa_code").combine_chunks()
    good = good.append_column("within_area", _within_area(lsoa, district, within))
    gss: Arrow = pc.fill_null(pc.match_substring_regex(lsoa, _GSS), pa.scalar(False))
    location = pc.coalesce(district, pc.if_else(gss, lsoa, pa.scalar(None, pa.string())))
    good = good.append_column("location", location)
    good, verdicts, refused = _classify_rows(good, classify)
    if refused.num_rows:
        bad = pa.concat_tables([_pad(bad, refused.schema), refused])
    inputs = set(CLASSIFIER_INPUT)
    for name in verdicts.schema.names:
        if name not in inputs and name not in good.schema.names:
            good = good.append_column(name, verdicts.column(name))
    # no rejected rows (the usual case): no concatenation, so no copy of the data
    out = pa.concat_tables([good, _pad(bad, good.schema)]) if bad.num_rows else good
    return out if isinstance(batch, pa.Table) else _as_batch(out)


def classify_batches(
    batches: Iterable[pa.RecordBatch],
    *,
    resolve_areas: AreaResolver,
    classify: TableClassifier,
    within: Within,
) -> Iterator[pa.RecordBatch]:
    """Apply :func:`classify_batch` to each batch of a stream, lazily.

    Example:
        >>> from svduty.io import read_police_uk, sample_police_uk
        >>> def nowhere(codes, names):  # a geography that knows no LSOA
        ...     return pa.table({"lsoa_code": codes,
        ...         "match": pa.repeat(pa.scalar("unresolved"), len(codes))})
        >>> out = classify_batches(read_police_uk(sample_police_uk()),
        ...     resolve_areas=nowhere, classify=lambda t: t, within=lambda c: False)
        >>> Counter(next(out).column("within_area").to_pylist())[None]  # rejected rows
        4573
    """
    for batch in batches:
        yield classify_batch(batch, resolve_areas=resolve_areas, classify=classify, within=within)


@attrs.frozen(slots=True)
class Pipeline:
    """A partnership's batch job: its area look-up, its classifier and its local area.

    A pipeline is a picklable callable from record batch to record batch when its three
    functions are (module-level functions and bound methods of frozen objects are), so
    Dask and Spark can ship it to their workers.

    Attributes:
        resolve_areas: ``(lsoa_codes, lsoa_names) -> pa.Table`` (``Geography.resolve_lsoas``).
        classify: ``pa.Table -> pa.Table`` (``classify_table`` with the definition bound).
        within: ``district_code -> bool`` (``LocalArea.within``).
        classify_incident: ``(incident_json, line, file) -> classification_json`` for the
            one-incident-at-a-time path (``--format incidents``); raises
            :class:`~svduty.errors.DataError` for an invalid incident.

    Example:
        >>> p = Pipeline(resolve_areas=lambda c, n: pa.table({"lsoa_code": c}),
        ...              classify=lambda t: t, within=lambda c: False)
        >>> p.classify_incident is None
        True
    """

    resolve_areas: AreaResolver
    classify: TableClassifier
    within: Within
    classify_incident: IncidentClassifier | None = None

    def __call__(self, batch: pa.RecordBatch | pa.Table) -> Any:
        """Classify one batch (see :func:`classify_batch`).

        Example:
            >>> from svduty.io import read_police_uk, sample_police_uk
            >>> p = Pipeline(resolve_areas=lambda c, n: pa.table({"lsoa_code": c,
            ...     "match": pa.repeat(pa.scalar("unresolved"), len(c))}),
            ...     classify=lambda t: t, within=lambda c: False)
            >>> p(next(read_police_uk(sample_police_uk()))).num_rows
            4586
        """
        return classify_batch(
            batch, resolve_areas=self.resolve_areas, classify=self.classify, within=self.within
        )


@attrs.frozen(slots=True)
class _Bound:
    """A partnership's geography and definition bound for the classifier.

    A plain frozen class, so a pipeline pickles for Dask workers and Spark executors.
    """

    geography: Geography
    definition: Definition

    def classify(self, table: pa.Table) -> pa.Table:
        out: pa.Table = classify_table(
            table, self.definition, resolve_district=self.geography.district_code_of
        )
        return out

    def classify_incident(
        self, data: dict[str, Any], line: int | None, file: str | None
    ) -> dict[str, Any]:
        incident = Incident.from_json(data, line=line, file=file)
        result = classify(
            incident, self.definition, resolve_district=self.geography.district_code_of
        )
        return result.to_json()


def default_pipeline(
    partnership: Partnership | None = None, *, definition: Definition | None = None
) -> Pipeline:
    """The pipeline of a partnership (default: Warwickshire's).

    Binds the partnership's ``geography.resolve_lsoas``, the columnar classifier with its
    local definition, and ``local_area.within``.

    Args:
        partnership: The partnership (default: :func:`svduty.warwickshire`).
        definition: The definition to classify against (default: the partnership's own).

    Raises:
        DefinitionError: if neither is given a definition (the bundle has no
            ``definition.toml``): pass ``definition=svduty.definitions.STATUTE`` to
            classify against the Act alone.

    Example:
        >>> pipe = default_pipeline()
        >>> pipe.within("E07000222"), pipe.within("E08000026")
        (True, False)
    """
    from svduty.io._bundle import warwickshire

    p = partnership if partnership is not None else warwickshire()
    chosen = definition if definition is not None else p.definition
    if chosen is None:
        raise DefinitionError.single(
            None,
            "definition",
            expected=f"a local definition (the bundle {p.name} has no definition.toml) or "
            "definition=svduty.definitions.STATUTE",
        )
    bound = _Bound(p.geography, chosen)
    return Pipeline(
        resolve_areas=p.geography.resolve_lsoas,
        classify=bound.classify,
        within=p.local_area.within,
        classify_incident=bound.classify_incident,
    )


@attrs.frozen(slots=True)
class Summary:
    """What a batch job did with every row.

    Attributes:
        rows_in: Rows read (data rows; headers are not rows).
        rows_out: Rows classified and written.
        rejected: Rows rejected; ``rows_in == rows_out + rejected``.
        rejections: Each rejected row: file, row number, field and reason.
        by_district: District name -> rows classified (inside or outside the area).
        inside_area: Rows located inside the partnership's local area.
        outside_area: Rows located outside it (a force reports some such crimes).
        unlocated: Rows with no location (police.uk ``No Location``).
        by_category: police.uk crime type -> rows classified.
        verdicts: Verdict column -> answer -> rows (``violence``, ``in_scope``, ...).
        kinds: Kind of violence -> rows.

    Example:
        >>> s = Summary(rows_in=3, rows_out=2, rejected=1)
        >>> s.to_json()["rows_in"]
        3
    """

    rows_in: int
    rows_out: int
    rejected: int
    rejections: tuple[Problem, ...] = ()
    by_district: Mapping[str, int] = attrs.field(factory=dict)
    inside_area: int = 0
    outside_area: int = 0
    unlocated: int = 0
    by_category: Mapping[str, int] = attrs.field(factory=dict)
    verdicts: Mapping[str, Mapping[str, int]] = attrs.field(factory=dict)
    kinds: Mapping[str, int] = attrs.field(factory=dict)

    def to_json(self) -> dict[str, Any]:
        """The summary as JSON-ready data (the ``--summary json`` output).

        Example:
            >>> sorted(Summary(rows_in=0, rows_out=0, rejected=0).to_json())[:3]
            ['by_category', 'by_district', 'inside_area']
        """
        return {
            "rows_in": self.rows_in,
            "rows_out": self.rows_out,
            "rejected": self.rejected,
            "rejections": [
                {"file": p.file, "row": p.row, "field": p.field, "reason": p.what()}
                for p in self.rejections
            ],
            "by_district": dict(self.by_district),
            "inside_area": self.inside_area,
            "outside_area": self.outside_area,
            "unlocated": self.unlocated,
            "by_category": dict(self.by_category),
            "verdicts": {k: dict(v) for k, v in self.verdicts.items()},
            "kinds": dict(self.kinds),
        }

    def to_text(self, *, max_rejections: int = 20) -> str:
        """The summary for people (the ``--summary text`` output).

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
            f"rows in: {self.rows_in}",
            f"rows out: {self.rows_out}",
            f"rejected: {self.rejected}",
        ]
        for p in self.rejections[:max_rejections]:
            lines.append(f"  {p}")
        if len(self.rejections) > max_rejections:
            lines.append(f"  ... and {len(self.rejections) - max_rejections} more")
        lines += [
            f"located inside the area: {self.inside_area}",
            f"located outside the area: {self.outside_area}",
            f"no location: {self.unlocated}",
        ]

        def block(title: str, counts: Mapping[str, int]) -> None:
            if counts:
                lines.append(f"{title}:")
                width = max(len(k) for k in counts)
                for key, value in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
                    lines.append(f"  {key:<{width}}  {value:>8}")

        block("by district", self.by_district)
        block("by police.uk category", self.by_category)
        for column, counts in self.verdicts.items():
            block(column, counts)
        block("kinds", self.kinds)
        return "\n".join(lines)


def _count(counter: Counter[str], column: Arrow) -> None:
    counts: list[dict[str, Any]] = pc.value_counts(column).to_pylist()  # type: ignore[misc, assignment]
    for item in counts:
        if item["values"] is not None:
            counter[str(item["values"])] += int(item["counts"])


@attrs.define
class Tally:
    """Counts a batch job's rows as they stream past; :meth:`summary` checks the invariant.

    ``rows_in`` is counted on the input side (:meth:`count_in`), the rest on the output side
    (:meth:`count_out`), so a stage that loses a row is caught.

    Example:
        >>> t = Tally()
        >>> t.count_in(0)
        >>> t.summary().rows_in
        0
    """

    rows_in: int = 0
    rows_out: int = 0
    rejections: list[Problem] = attrs.Factory(list)
    by_district: Counter[str] = attrs.Factory(Counter)
    within: Counter[str] = attrs.Factory(Counter)
    by_category: Counter[str] = attrs.Factory(Counter)
    verdicts: dict[str, Counter[str]] = attrs.Factory(dict)
    kinds: Counter[str] = attrs.Factory(Counter)

    def count_in(self, rows: int) -> None:
        """Count rows read.

        Example:
            >>> t = Tally(); t.count_in(5); t.rows_in
            5
        """
        self.rows_in += rows

    def count_out(self, batch: pa.RecordBatch | pa.Table) -> pa.Table:
        """Count a classified batch; return its usable rows (the ones to write).

        Example:
            >>> t = Tally()
            >>> good = t.count_out(pa.table({"rejected": [None, "x"], "file": ["f", "f"],
            ...     "row": [2, 3], "rejected_field": [None, "Month"]}))
            >>> good.num_rows, len(t.rejections)
            (1, 1)
        """
        from svduty.io._police_uk import rejections

        table = pa.Table.from_batches([batch]) if isinstance(batch, pa.RecordBatch) else batch
        good = table
        if table.column("rejected").null_count < table.num_rows:
            ok = pc.is_null(table.column("rejected"))
            good = table.filter(ok)
            self.rejections.extend(rejections(table.filter(pc.invert(ok))))
        self.rows_out += good.num_rows
        names = good.schema.names
        if "district_name" in names:
            _count(self.by_district, good.column("district_name"))
        if "within_area" in names:
            _count(self.within, good.column("within_area"))
        if "police_uk_category" in names:
            _count(self.by_category, good.column("police_uk_category"))
        for column in VERDICT_COLUMNS:
            if column in names:
                _count(self.verdicts.setdefault(column, Counter()), good.column(column))
        if "kinds" in names:
            _count(self.kinds, pc.list_flatten(good.column("kinds")))
        return good

    def count_json(
        self,
        classification: Mapping[str, Any],
        within_area: str | None,
        category: str | None = None,
    ) -> None:
        """Count one classification in the JSON contract (the ``--format incidents`` path).

        Example:
            >>> t = Tally(); t.count_json({"violence": "yes", "kinds": ["knife"]}, "inside")
            >>> t.verdicts["violence"]["yes"], t.kinds["knife"], t.within["inside"]
            (1, 1, 1)
        """
        self.rows_out += 1
        if category is not None:
            self.by_category[category] += 1
        if within_area is not None:
            self.within[within_area] += 1
        for column in VERDICT_COLUMNS:
            value = classification.get(column)
            if isinstance(value, str):
                self.verdicts.setdefault(column, Counter())[value] += 1
        for kind in classification.get("kinds") or ():
            self.kinds[str(kind)] += 1

    def reject(self, problem: Problem) -> None:
        """Count one rejected row.

        Example:
            >>> t = Tally(); t.reject(Problem(file="a.jsonl", row=3, message="not JSON"))
            >>> len(t.rejections)
            1
        """
        self.rejections.append(problem)

    def summary(self) -> Summary:
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
        rejected = len(self.rejections)
        if self.rows_in != self.rows_out + rejected:
            raise DataError(
                Problem(
                    field="rows",
                    message=(
                        f"rows in ({self.rows_in}) != rows out ({self.rows_out}) "
                        f"+ rejected ({rejected})"
                    ),
                )
            )
        return Summary(
            rows_in=self.rows_in,
            rows_out=self.rows_out,
            rejected=rejected,
            rejections=tuple(self.rejections),
            by_district=dict(self.by_district),
            inside_area=self.within["inside"],
            outside_area=self.within["outside"],
            unlocated=self.within["no_location"],
            by_category=dict(self.by_category),
            verdicts={k: dict(v) for k, v in self.verdicts.items()},
            kinds=dict(self.kinds),
        )
