"""The batch job: area resolution and classification of record batches.

:func:`classify_batch` is a function from an Arrow record batch to an Arrow record batch,
so it runs unchanged on one machine, under Dask (``map_partitions``) and under Spark
(``mapInArrow``). It takes its collaborators as arguments (a narrow seam):

- ``resolve_areas(codes, names) -> pa.Table``: the vectorised LSOA look-up of the
  partnership's geography (``Geography.resolve_lsoas``), returning :data:`AREA_COLUMNS`;
- ``classify(table) -> pa.Table``: the definition's classifier (``classify_table``);
- ``within(code) -> bool``: is a district inside the local area (``LocalArea.within``);
- ``reject(table) -> problems`` (optional): every row the classifier would refuse, found in
  one pass (``split_rejected``), so a bad row is rejected and the rest still classified;
- ``split(table) -> (classified, problems)`` (optional, preferred when given): the rows the
  classifier accepts, classified, and the problems of the others, in one pass
  (``classify_split``), so a batch with a bad row is not classified twice.

Every reader feeds the same job: police.uk batches (``lsoa_code`` and no incident field
but ``id`` and ``police_uk_category``) are located by their LSOA; incident batches (JSON
Lines, CSV, Parquet; any other columns, an ``lsoa_code`` too, passed through) by their
``location`` (``svduty.io._locate.batch_kind``).

:func:`default_pipeline` binds them for a partnership. No row is dropped: a rejected row
(by the reader, or its LSOA unknown) stays with its reason, counted by the Summary.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, overload

import attrs
import pyarrow as pa

from svduty import _arrays
from svduty import _compute as pc
from svduty._arguments import partnership_argument
from svduty._checked import checked
from svduty.areas import Geography
from svduty.errors import Problem
from svduty.io import _alike, _plain_text
from svduty.io._alike import ALIKE, Grouped
from svduty.io._bundle import BundleParts, warwickshire
from svduty.io._locate import (
    AREA_COLUMNS,
    LOCATOR_REASONS,
    AreaResolver,
    RememberedWithin,
    Within,
    batch_kind,
    is_police_uk,
    locate_police_uk,
    pad,
    place_columns,
)
from svduty.io._locate_incidents import locate_incidents
from svduty.io._pipeline_rows import (
    Rejecter,
    Split,
    Splitter,
    TableClassifier,
    as_batch,
    classify_rows,
    located,
    split_rows,
)
from svduty.io._plan import PolicePlan

if TYPE_CHECKING:  # the rule engine is imported when a batch needs it (see PolicePlan)
    from svduty.definitions import Definition
    from svduty.partnership import Partnership

Arrow = Any  # a pyarrow Array or ChunkedArray (pyarrow-stubs' compute overloads are narrower)

__all__ = [
    "AREA_COLUMNS",
    "Pipeline",
    "classify_batch",
    "classify_batches",
    "default_pipeline",
]

CLASSIFIER_INPUT: tuple[str, ...] = ("id", "police_uk_category", "date", "location")
"""The incident columns a police.uk row gives the classifier.

``date`` is the police.uk month (``YYYY-MM``, which the classifier reads as a month-long
period); ``location`` is the district code where the LSOA resolved to one, else the LSOA
code (a GSS code), else null.
"""


@overload
def classify_batch(
    batch: pa.RecordBatch,
    *,
    resolve_areas: AreaResolver,
    classify: TableClassifier,
    within: Within,
    reject: Rejecter | None = None,
    split: Splitter | None = None,
) -> pa.RecordBatch: ...
@overload
def classify_batch(
    batch: pa.Table,
    *,
    resolve_areas: AreaResolver,
    classify: TableClassifier,
    within: Within,
    reject: Rejecter | None = None,
    split: Splitter | None = None,
) -> pa.Table: ...
@checked
def classify_batch(
    batch: pa.RecordBatch | pa.Table,
    *,
    resolve_areas: AreaResolver,
    classify: TableClassifier,
    within: Within,
    reject: Rejecter | None = None,
    split: Splitter | None = None,
) -> pa.RecordBatch | pa.Table:
    """Add the area and verdict columns to a normalised police.uk or incident batch.

    The usable rows get :data:`AREA_COLUMNS`, ``within_area`` (``inside`` the partnership's
    local area, ``outside`` it, or ``no_location``) and every column the classifier adds.
    A police.uk row also gets ``location`` (the district code, else the LSOA code, for the
    classifier); one located by its LSOA name (``match`` ``name``, with or without a code)
    is inside or outside by the name's district; one whose LSOA code is neither known nor
    resolvable by name is rejected with its row number. An incident row is located by its
    ``location``. A row the classifier refuses (found by ``reject`` in one pass) is
    rejected with its reason. Rejected rows come last in the output, with nulls in the
    added columns; no row is dropped. A record batch gives a record batch, a table a table
    (its chunks kept, nothing copied).

    Args:
        batch: Rows with :data:`~svduty.io.POLICE_UK_SCHEMA` (from
            :func:`~svduty.io.read_police_uk` or :func:`~svduty.io.normalise_police_uk`),
            or incident rows (from :func:`~svduty.io.iter_incidents`).
        resolve_areas: ``(lsoa_codes, lsoa_names) -> pa.Table`` with :data:`AREA_COLUMNS`.
        classify: ``pa.Table -> pa.Table``: the input plus the verdict columns.
        within: ``district_code -> bool``.
        reject: ``pa.Table -> problems``: every row ``classify`` would refuse (1-based).
        split: ``pa.Table -> (classified, problems)``: classify and refuse in one pass
            (used instead of ``classify`` and ``reject`` when given).

    Raises:
        SvdutyError: if ``resolve_areas`` or ``classify`` break their contract (a row count
            that differs from the input's).
        InputFormatError: if the batch lacks a column its kind needs (naming them).

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
    police = batch_kind(batch) == "police-uk"
    if isinstance(batch, pa.Table) and batch.num_rows > SLICE_ROWS:
        return _in_slices(batch, resolve_areas, classify, within, reject, split)
    table = _plain_text.plain_table(batch)  # (no view; the locator's text as strings)
    if table.column("rejected").null_count == table.num_rows:  # the usual case: all usable
        good, bad = table, table.slice(0, 0)
    else:
        ok = pc.is_null(table.column("rejected"))
        good, bad = pc.filter(table, ok), pc.filter(table, pc.invert(ok))
    if police:  # police.uk rows: located by their LSOA
        good, bad, places = locate_police_uk(good, bad, resolve_areas, within)
        inputs = list(CLASSIFIER_INPUT)
    else:  # incidents: every incident field goes to the classifier
        if "police_uk_category" in good.schema.names:  # one crime type, one spelling
            from svduty.definitions._columns import category_names

            at = good.schema.get_field_index("police_uk_category")
            named = category_names(_arrays.one_array(good.column(at)))
            good = good.set_column(at, pa.field("police_uk_category", named.type), named)
        from svduty.io._incident_fields import given_fields

        good, places = locate_incidents(good, resolve_areas, within)
        inputs = given_fields(good)  # an all-null field is as if absent: less to classify
    if split is not None:
        good, verdicts, refused = split_rows(good, inputs, split)
    else:
        good, verdicts, refused = classify_rows(good, inputs, classify, reject)
    before = "location" if police else None
    good = located(
        place_columns(good, places, before=before, ordered=places.ordered and not refused.num_rows),
        police,
    )
    if refused.num_rows:
        refused = located(place_columns(refused, places, before=before, ordered=False), police)
        bad = pa.concat_tables([pad(bad, refused.schema), refused])
    taken = set(inputs)
    for name in verdicts.schema.names:
        if name not in taken and name not in good.schema.names:
            good = good.append_column(name, verdicts.column(name))
    # no rejected rows (the usual case): no concatenation, so no copy of the data
    out = pa.concat_tables([good, pad(bad, good.schema)]) if bad.num_rows else good
    return out if isinstance(batch, pa.Table) else as_batch(out)


SLICE_ROWS = 1 << 20
"""A table longer than this is classified a slice at a time (its working memory bounded)."""


def _in_slices(table: pa.Table, *args: Any) -> pa.Table:
    """:func:`classify_batch` of a long table, a slice at a time, rows in the same order.

    A slice's output: its usable rows, then the reader's, the locator's and the classifier's
    rejections. The slices' usable rows come first, then each kind in turn, as in one piece.
    """
    names = ("resolve_areas", "classify", "within", "reject", "split")
    kw = dict(zip(names, args, strict=True))
    good: list[pa.Table] = []
    kinds: list[list[pa.Table]] = [[], [], []]
    for start in range(0, table.num_rows, SLICE_ROWS):
        part = table.slice(start, SLICE_ROWS)
        out = classify_batch(part, **kw)
        bad = out.num_rows - out.column("rejected").null_count
        good.append(out.slice(0, out.num_rows - bad))
        rest = out.slice(out.num_rows - bad)
        read = part.num_rows - part.column("rejected").null_count
        located = pc.is_in(rest.column("rejected"), value_set=pa.array(LOCATOR_REASONS))
        unresolved = pc.sum(located).as_py() or 0  # the rows the locator rejected
        kinds[0].append(rest.slice(0, read))
        kinds[1].append(rest.slice(read, unresolved))
        kinds[2].append(rest.slice(read + unresolved))
    return pa.concat_tables([*good, *kinds[0], *kinds[1], *kinds[2]])


@checked
def classify_batches(
    batches: Iterable[pa.RecordBatch],
    *,
    resolve_areas: AreaResolver,
    classify: TableClassifier,
    within: Within,
    reject: Rejecter | None = None,
    split: Splitter | None = None,
) -> Iterator[pa.RecordBatch]:
    """Apply :func:`classify_batch` to each batch, lazily (no INCIDENT-ID-DUPLICATE count).

    Example:
        >>> from svduty.io import read_police_uk, sample_police_uk
        >>> def nowhere(codes, names):  # a geography that knows no LSOA
        ...     return pa.table({"lsoa_code": codes,
        ...         "match": pa.repeat(pa.scalar("unresolved"), len(codes))})
        >>> out = classify_batches(read_police_uk(sample_police_uk()),
        ...     resolve_areas=nowhere, classify=lambda t: t, within=lambda c: False)
        >>> next(out).column("within_area").null_count  # rejected rows
        4573
    """
    for batch in batches:
        yield classify_batch(
            batch,
            resolve_areas=resolve_areas,
            classify=classify,
            within=within,
            reject=reject,
            split=split,
        )


@attrs.frozen(slots=True)
class Pipeline:
    """A partnership's batch job: its area look-up, its classifier and its local area.

    A pipeline is a picklable callable from record batch to record batch when its
    functions are (module-level functions and bound methods of frozen objects are), so
    Dask and Spark can ship it to their workers.

    Attributes:
        resolve_areas: ``(lsoa_codes, lsoa_names) -> pa.Table`` (``Geography.resolve_lsoas``).
        classify: ``pa.Table -> pa.Table`` (``classify_table`` with the definition bound).
        within: ``district_code -> bool`` (``LocalArea.within``).
        reject: ``pa.Table -> problems``: every row ``classify`` would refuse, in one pass
            (``split_rejected`` with the same definition bound); ``None`` trusts the rows
            the classifier's own error names.
        partnership: The partnership's name, recorded in the summary and the output.
        definition: The definition's id, recorded likewise.
        split: ``pa.Table -> (classified, problems)``: the rows ``classify`` accepts,
            classified, and the problems of the others, in one pass (``classify_split``);
            when set it is used instead of ``classify`` and ``reject``.
        alike: The police.uk columns that decide everything the functions add to a row
            (:func:`default_pipeline` sets them: month, LSOA code, LSOA name and crime
            type). When set, :func:`~svduty.io.run_pipeline` classifies a police.uk batch
            once per combination of their values and counts each combination with its
            number of rows, building the rows only for its sink (the same rows, the same
            counts). ``None`` (the default) for functions that may read other columns.
            Calling the pipeline classifies every row of the batch.

    Example:
        >>> p = Pipeline(resolve_areas=lambda c, n: pa.table({"lsoa_code": c}),
        ...              classify=lambda t: t, within=lambda c: False)
        >>> p.reject is None
        True
    """

    resolve_areas: AreaResolver
    classify: TableClassifier
    within: Within
    reject: Rejecter | None = None
    partnership: str | None = None
    definition: str | None = None
    split: Splitter | None = None
    alike: tuple[str, ...] | None = None

    @overload
    def __call__(self, batch: pa.RecordBatch) -> pa.RecordBatch: ...
    @overload
    def __call__(self, batch: pa.Table) -> pa.Table: ...
    def __call__(self, batch: pa.RecordBatch | pa.Table) -> pa.RecordBatch | pa.Table:
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
            batch,
            resolve_areas=self.resolve_areas,
            classify=self.classify,
            within=self.within,
            reject=self.reject,
            split=self.split,
        )

    def _grouped(
        self, batch: pa.RecordBatch | pa.Table, most: float | None = None
    ) -> Grouped | None:
        """A police.uk batch classified once per combination of its :attr:`alike` values.

        ``None`` when the pipeline has no :attr:`alike` columns, or the batch is not
        police.uk rows, has no usable row or more than ``most`` of them distinct
        (default: ``svduty.io._alike.MOST_DISTINCT``); ``table()`` of the answer is what
        calling the pipeline gives the batch (as a table).

        Example:
            >>> from svduty.io import read_police_uk, sample_police_uk
            >>> g = default_pipeline()._grouped(next(read_police_uk(sample_police_uk())))
            >>> g.table().num_rows
            4586
        """
        found = self._numbered(batch)
        if found is None or not found.worth(_alike.MOST_DISTINCT if most is None else most):
            return None
        return _alike.answered(found, self)

    def _numbered(self, batch: pa.RecordBatch | pa.Table) -> _alike.Numbered | None:
        """The first step of :meth:`_grouped`: rows numbered by their :attr:`alike` values.

        (``svduty.io._alike.answered`` with this pipeline is the second.)

        Example:
            >>> from svduty.io import read_police_uk, sample_police_uk
            >>> default_pipeline()._numbered(next(read_police_uk(sample_police_uk()))).alike
            ('lsoa_code', 'lsoa_name', 'month', 'police_uk_category')
        """
        if self.alike is None or not is_police_uk(batch.schema):
            return None
        return _alike.numbered(batch, self.alike)


@attrs.frozen(slots=True)
class _Bound:
    """A partnership's geography and definition bound for the classifier.

    A plain frozen class, so a pipeline pickles for Dask workers and Spark executors.
    With a :class:`~svduty.io._plan.PolicePlan`, a batch the plan covers is answered from
    it (``split``: the list columns ``lists`` names as words), and the definition (``None``:
    ``load`` gives it) only for one it does not (``load``: a closure, that one does not pickle).
    """

    geography: Geography
    definition: Definition | None
    memo: dict[Any, Any] = attrs.field(factory=dict, eq=False, repr=False)  # verdicts seen
    plan: PolicePlan | None = attrs.field(default=None, eq=False, repr=False)
    load: Callable[[], Definition] | None = attrs.field(default=None, eq=False, repr=False)
    held: list[Definition] = attrs.field(factory=list, eq=False, repr=False)
    """The definition ``load`` gave (loaded once)."""

    def chosen(self) -> Definition:
        if self.definition is not None:
            return self.definition
        if not self.held:
            assert self.load is not None  # a bound classifier has one or the other
            self.held.append(self.load())
        return self.held[0]

    def classify(self, table: pa.Table) -> pa.Table:
        from svduty.definitions import classify_table

        out: pa.Table = classify_table(
            table, self.chosen(), resolve_district=self.geography.district_code_of, encode=True
        )
        return out

    def reject(self, table: pa.Table) -> tuple[Problem, ...]:
        from svduty.definitions import split_rejected

        return split_rejected(table, resolve_district=self.geography.district_code_of)[1]

    def split(self, table: pa.Table, lists: frozenset[str] = frozenset()) -> Split:
        verdicts = self.plan.answer(table, lists) if self.plan is not None else None
        if verdicts is not None:  # added as the engine adds them
            return _arrays.with_columns(table, verdicts), ()
        from svduty.definitions import classify_split

        return classify_split(
            table,
            self.chosen(),
            resolve_district=self.geography.district_code_of,
            encode=True,
            memo=self.memo,
        )


@checked
def default_pipeline(
    partnership: Partnership | BundleParts | None = None, *, definition: Definition | None = None
) -> Pipeline:
    """The pipeline of a partnership (default: Warwickshire's).

    Binds the partnership's ``geography.resolve_lsoas``, the columnar classifier with a
    definition, the one-pass check of the rows it would refuse, the one-pass classify-and-
    refuse (``classify_split``) the pipeline uses, and ``local_area.within``.

    Args:
        partnership: The partnership, or its sections (default: :func:`svduty.warwickshire`).
        definition: The definition to classify against (default: the partnership's own;
            the Act's s.13, ``svduty.definitions.STATUTE``, when it has none).

    Example:
        >>> pipe = default_pipeline()
        >>> pipe.within("E07000222"), pipe.within("E08000026")
        (True, False)
        >>> pipe.partnership, pipe.definition
        ('warwickshire', 'warwickshire')
    """
    from svduty.definitions import STATUTE
    from svduty.definitions._classify import definition_argument

    if partnership is not None:
        partnership_argument(partnership, "default_pipeline(partnership)")
    p = partnership if partnership is not None else warwickshire()
    chosen = p.definition if p.definition is not None else STATUTE
    chosen = definition_argument(definition) if definition is not None else chosen
    return _bound(p, _Bound(p.geography, chosen), chosen.id)


def planned_pipeline(
    parts: BundleParts, plan: PolicePlan, load: Callable[[], Definition]
) -> Pipeline:
    """:func:`default_pipeline` of ``parts``' areas, answering from a police.uk ``plan``.

    The definition is loaded (``load``) only for a batch the plan does not cover, so a job
    whose rows it covers never imports the rule engine (the ``svduty classify`` command
    keeps the plan in its cache). The pipeline answers as :func:`default_pipeline` with
    that definition.

    Example:
        >>> from svduty.io import load_sections, read_police_uk, sample_police_uk
        >>> from svduty.io._plan_build import police_plan
        >>> parts = load_sections("warwickshire", "areas", "definition")
        >>> planned = planned_pipeline(parts, police_plan(parts.definition), lambda: 1 / 0)
        >>> batch = next(read_police_uk(sample_police_uk()))
        >>> planned(batch).equals(default_pipeline(parts)(batch)), planned.definition
        (True, 'warwickshire')
    """
    return _bound(parts, _Bound(parts.geography, None, plan=plan, load=load), plan.definition)


def _bound(p: Partnership | BundleParts, bound: _Bound, definition: str) -> Pipeline:
    """The pipeline of ``p``'s areas with ``bound``'s classifier."""
    return Pipeline(
        resolve_areas=p.geography.resolve_lsoas,
        classify=bound.classify,
        within=RememberedWithin(p.local_area.within),
        reject=bound.reject,
        split=bound.split,
        partnership=p.name,
        definition=definition,
        alike=ALIKE,
    )
