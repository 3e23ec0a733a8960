"""The batch job's loop: every batch read, classified, counted, and passed to its writer.

:func:`run_pipeline` counts each batch in, classifies it with the pipeline, counts what
comes out with a :class:`~svduty.io._summary.Tally` (and any other counters), and passes
the usable rows to a writer. A :class:`~svduty.io.Pipeline` with ``alike`` columns
classifies rows alike once and they are counted by combination, each with its number of
rows: when nothing is written the classified rows are never built; when rows are written,
this is done only for a batch of few distinct combinations, whose rows are then built from
their combination's answers (``svduty.io._alike.MOST_DISTINCT_WRITTEN``). When nothing is
written, a few batches are answered together, so that a combination they share is
classified once (``svduty.io._alike.MERGED_ROWS``); when rows are written, a few small ones
too (:data:`WRITTEN_BATCHES`, :data:`WRITTEN_BYTES`), each batch's rows written as its
own; each batch's rejected rows are still passed on as its own, in the batches' order.
A writer's answers are kept across batches (:mod:`svduty.io._known_answers`): a
combination is classified once a run, not once a batch, and the rows its answer stands
for are counted once, at the end.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Generator, Iterable
from typing import TYPE_CHECKING, Any, Protocol

import attrs
import pyarrow as pa

from svduty._checked import checked
from svduty.io import _alike, _placed
from svduty.io._ahead import Ahead, one_ahead
from svduty.io._incident_groups import Grouping, grouping_of
from svduty.io._locate import is_police_uk
from svduty.io._repeated_ids import RepeatedIds
from svduty.io._summary import RejectedSink, Summary, Tally

if TYPE_CHECKING:  # (imported when rows are written: a summary builds none of its classes)
    from svduty.io._known_answers import Known, KnownAnswers

__all__ = ["WeightedCounter", "run_pipeline"]


class WeightedCounter(Protocol):
    """Counts classified rows, each standing for a number of rows (``BoundedCounts``).

    What :func:`~svduty.io.run_pipeline`'s ``counts`` take: any object with this ``add``.

    Example:
        >>> from svduty.io import BoundedCounts
        >>> counter: WeightedCounter = BoundedCounts()
        >>> callable(counter.add)
        True
    """

    def add(self, batch: pa.Table, weights: Any = None) -> object:
        """Count ``batch``'s rows, each standing for ``weights`` rows (one when ``None``).

        Example:
            >>> class Rows:
            ...     n = 0
            ...     def add(self, batch, weights=None):
            ...         self.n += batch.num_rows
            >>> counter: WeightedCounter = Rows()
            >>> _ = counter.add(pa.table({"in_scope": ["yes", "no"]}))
            >>> counter.n
            2
        """


@checked
def run_pipeline(
    batches: Iterable[pa.RecordBatch | pa.Table],
    pipeline: Callable[[pa.RecordBatch | pa.Table], Any],
    sink: Callable[[pa.Table], object] | None = None,
    *,
    on_rejected: RejectedSink | None = None,
    partnership: str | None = None,
    definition: str | None = None,
    counts: Iterable[WeightedCounter] = (),
) -> Summary:
    """Run a pipeline over a stream of batches and account for every row.

    Each reader batch is counted in, classified by ``pipeline``, its rejected rows passed
    to ``on_rejected`` and its usable rows to ``sink`` (a writer, or ``list.append``) and
    to each of ``counts``.

    A :class:`~svduty.io.Pipeline` with ``alike`` columns (the default one) classifies a
    police.uk batch once per combination of them, and the summary and ``counts`` count
    each combination once with its number of rows: without a ``sink`` the classified rows
    are never built (a batch of mostly distinct rows is classified row by row), and a few
    batches are answered together; with one, a batch is grouped only when few of its
    rows are distinct, and its rows are built from the answers (the same rows as
    classifying each); the first such batch is answered alone (the writer starts), then a
    few together while they are small (``svduty.io._run.WRITTEN_BATCHES``,
    ``WRITTEN_BYTES``), each batch's rows passed to ``sink`` as a table of their own;
    the answers are kept across batches, and only combinations new to them classified
    (``svduty.io._known_answers``: a batch of mostly distinct rows, few of them new, is
    answered from them too). Either way the summary is the one classifying each row
    gives.

    Batches answered together (``svduty.io._alike.Held``: at most 2^19 rows, 2^14
    combinations, 64 MiB and 64 batches, or one batch beyond them alone) pass their
    rejected rows to ``on_rejected`` when they are answered, each batch's as its own
    table, in the batches' order: a few batches after they were read, and not at all if
    the run stops with an error first.

    Args:
        batches: A reader's record batches (police.uk or incidents).
        pipeline: A :class:`~svduty.io.Pipeline` (or any batch -> batch callable).
        sink: Gets each batch's usable (classified) rows; one with a ``words`` attribute
            (column names) may get those columns' text as dictionaries of it.
        on_rejected: Gets each batch's rejected rows.
        partnership: Recorded in the summary (default: the pipeline's, if it has one).
        definition: Recorded in the summary (default: the pipeline's, if it has one).
        counts: Also count each batch's usable rows (e.g. :class:`~svduty.io.BoundedCounts`:
            anything with ``add(table, weights=None)``).

    Raises:
        DataError: if rows were lost or invented on the way.

    Example:
        >>> from svduty.io import read_police_uk, sample_police_uk, default_pipeline
        >>> rows = []
        >>> s = run_pipeline(read_police_uk(sample_police_uk()), default_pipeline(), rows.append)
        >>> s.rows_in == s.rows_out == sum(t.num_rows for t in rows)
        True
        >>> s.partnership, s.definition
        ('warwickshire', 'warwickshire')
    """
    from svduty.io._missing_facts import missing_facts_of, warnings_of

    tally = Tally(
        on_rejected=on_rejected, missing=missing_facts_of(pipeline), warned=warnings_of(pipeline)
    )
    grouping = grouping_of(pipeline)  # incidents: counted one row a combination
    counters = list(counts)
    # rows alike are counted once; when rows are written, only if few are distinct (every
    # row is then built again from its combination's answer)
    number = getattr(pipeline, "_numbered", None)
    most = _alike.MOST_DISTINCT if sink is None else _alike.MOST_DISTINCT_WRITTEN
    held = _alike.Held()
    waiting: list[pa.RecordBatch | pa.Table] = []  # the batches held for a writer
    most_held = 1  # a writer's first batch alone (the writer starts), then WRITTEN_BATCHES
    repeated = RepeatedIds()
    answering = pipeline if sink is not None else _counting(pipeline)
    places = None  # a summary's rows alike by place, not by LSOA (svduty.io._placed)
    if sink is None and number is not None and _placed_counts(pipeline, counters):
        places = _placed.KnownPlaces()
        number = functools.partial(_number_placed, places)
    known = None  # a writer's answers, kept across batches (see _answer)
    if sink is not None:
        from svduty.io._known_answers import Known

        known = Known(count=functools.partial(_count_usable, tally, counters))
    pairs = _numbered(batches, number, most=most, firsts=sink is None)
    written = functools.partial(
        _answer,
        tally=tally,
        counters=counters,
        sink=sink,
        batches=waiting,
        known=known,
        places=places,
    )  # a writer's batches held, answered (a summary's: with ``answering``, below)
    try:
        for batch, read in pairs:
            tally.count_in(batch.num_rows)
            numbered = read
            if places is not None and read is not None and len(read.first) > PLACED_FROM:
                numbered = _place(read, pipeline, places)  # its LSOAs met first
            worth = numbered is not None and numbered.worth(most)
            found = numbered if worth else None  # (None: classified row by row)
            if found is not None and sink is not None:  # a writer's batches a few at a time
                if held.found and not held.takes(found):
                    written(held.taken(), pipeline)
                held.add(found)
                waiting.append(batch)
                if len(held.found) >= most_held or held.size > WRITTEN_BYTES:
                    written(held.taken(), pipeline)
                    most_held = WRITTEN_BATCHES
                continue
            if held.found and (found is None or not held.takes(found)):  # in the batches' order
                written(held.taken(), answering)
            if found is None and known is not None and known.plain is not None:
                # mostly distinct, but maybe not new: answered from the answers kept if
                # few of its combinations are (the bench's short last batch, speed54b)
                kept = _kept(known, numbered, pipeline, sink)
                if kept is not None:
                    _written(kept, tally, sink, getattr(sink, "words", ()))  # type: ignore[arg-type]
                    continue
            if found is None:
                good = _each_row(batch, pipeline, tally, counters, sink, grouping=grouping)
                if not is_police_uk(batch.schema):  # incidents: an id given twice is warned of
                    repeated.add(good)
                continue
            held.add(found)  # a summary's batches a few at a time
            if not held.takes(found):  # nor another like it: answered before the next is taken
                _answer(held.taken(), answering, tally, counters, places=places)
    finally:
        pairs.close()
    if held.found:
        written(held.taken(), answering)
    if known is not None:  # the rows answered by the answers kept: counted
        known.flush()
    summary = tally.summary(
        partnership=partnership or getattr(pipeline, "partnership", None),
        definition=definition or getattr(pipeline, "definition", None),
    )
    warnings, rows = dict(summary.warnings), dict(summary.warning_rows)
    repeated.warned(warnings, rows)
    return attrs.evolve(summary, warnings=warnings, warning_rows=rows) if rows else summary


WRITTEN_BATCHES = 3
"""A writer's batches answered together (the first alone, so that the writer starts).

Answering a batch costs about 10-17 ms of the loop's thread on the bench's resampled rows,
much of it whatever the rows (the pipeline's pass, the summary's and the bounds' counts):
400,000 rows in 8 MiB blocks (11 of about 38,000 rows), ``--output x.parquet``, the
loop's answering 177 ms -> 136 (pairs) -> 115 (threes; four: no fewer answers, the
limit in combinations stops them), whole process CPU best/median 0.826/0.855 ->
0.796/0.830 (pairs) -> 0.776/0.799 s (threes), peak RSS +16 MB (speed50b, interleaved).
Each batch's rows still reach the writer as a table of their own (a row group each).
"""


WRITTEN_BYTES = 1 << 22
"""... while they hold at most this many bytes (``svduty.io._alike._size``); past it they
are answered at once.

A batch and the rows built from it are both held until its rows are written: three of
the bench's 8 MiB blocks (about 10.5 MB of Arrow buffers each, every column read) held
and built together peaked 15-40 MB above one at a time, 400,000 rows, interleaved
(Parquet about 20 MB; JSON Lines, whose encoding holds each batch's text too, about 40),
for up to 3% more CPU (within the spread). Small batches (a folder of monthly files of a
few thousand rows each; a month of one force is about 1 MB) are still answered up to
three together (speed51a, issue 15).
"""


def _counting(pipeline: Any) -> Any:
    """``pipeline`` answering rows that are only counted: its plan's lists given as words.

    Each distinct row of a summary's batches holds its plan row's ``reasons`` and
    ``kinds``: spelling those lists out for each (a copy of their text) was the loop
    thread's largest step in answering real months (about 9 of its 87 ms on 400,000 rows,
    speed51b). Given as words (each plan row's list once, the rows numbering them) they
    are counted by word (``svduty.io._summary_counts._flattened``). Rows the plan does
    not cover are answered as ever; a pipeline without a plan is as it is.
    """
    from svduty.io._missing_facts import bound_of

    bound = bound_of(pipeline)
    if (
        bound is None
        or bound.plan is None
        or not attrs.has(type(pipeline))
        or getattr(pipeline, "split", None) != bound.split
    ):
        return pipeline
    return attrs.evolve(pipeline, split=functools.partial(bound.split, lists=_COUNTED))


_COUNTED = frozenset({"reasons", "kinds"})
"""The plan's list columns a summary is given as words (it counts them, and reads no row's)."""


def _placed_counts(pipeline: Any, counters: list[WeightedCounter]) -> bool:
    """Whether a summary's rows may be counted by place (:mod:`svduty.io._placed`).

    When the pipeline's ``alike`` is the default one (``svduty.io._alike.ALIKE``: what it
    adds to a row depends on its LSOA, month and crime type alone) and ``counters`` read no
    row's LSOA (:func:`svduty.io._placed.by_place`).
    """
    return (
        getattr(pipeline, "alike", None) == _alike.ALIKE
        and hasattr(pipeline, "resolve_areas")
        and hasattr(pipeline, "within")
        and _placed.by_place(counters)
    )


def _number_placed(
    places: _placed.KnownPlaces, batch: pa.RecordBatch | pa.Table
) -> _alike.Numbered | None:
    """A police.uk batch numbered by place if its LSOAs are all ``places``', else by LSOA.

    What ``Pipeline._numbered`` does for the default ``alike``, with ``places``.
    """
    if not is_police_uk(batch.schema):
        return None
    return _alike.numbered(batch, _alike.ALIKE, places)


PLACED_FROM = 1 << 13
"""A summary's batch numbered by LSOA with more combinations is placed first (:func:`_place`).

A batch with fewer is answered by LSOA, and its pairs' places learned from the answers
(``svduty.io._placed.learn``), for the batches after it.
"""


def _place(found: _alike.Numbered, pipeline: Any, places: _placed.KnownPlaces) -> _alike.Numbered:
    """``found`` (one batch, numbered by LSOA) numbered by place: its LSOAs located first.

    The first row of each LSOA pair of the batch is located by ``pipeline``'s look-ups (a
    few hundred rows; ``svduty.io._placed.locate``), so that its place is known.
    A summary's first batch of real months holds 28,700 combinations by LSOA, about 1,800
    by place (speed58a); later batches name the LSOAs met before, and are numbered by
    place on the reading thread.
    """
    rows = found.rows
    pairs = _placed.pairs_of(rows)
    _placed.locate(places, _alike._taken(rows, pairs[1]), pipeline.resolve_areas, pipeline.within)
    again = _alike.by_place(rows, found.bad, places, pairs)
    return found if again is None else again


def _numbered(
    batches: Iterable[pa.RecordBatch | pa.Table],
    number: Callable[[Any], _alike.Numbered | None] | None,
    *,
    most: float = _alike.MOST_DISTINCT,
    firsts: bool = True,
) -> Generator[tuple[Any, _alike.Numbered | None], None, None]:
    """Each batch with its rows numbered (``None``: not numbered, or no ``number``).

    Batches of svduty's own reader (:class:`~svduty.io._ahead.Ahead`, from ``svduty
    classify``) are read and numbered one batch ahead on a thread of their own, whether
    rows are written or not: the loop's thread, which every batch waits on, only answers,
    counts and hands rows to the writer. There a batch worth grouping (at most ``most`` of
    its rows distinct) also gets its distinct rows taken (``firsts``: every reader column
    of each combination's first row), which answering it needs next.

    A writer's batches were read and numbered on the loop's thread until speed50f: 400,000
    rows to Parquet, the loop's thread 0.277/0.290 -> 0.216/0.223 s on real months and
    0.208/0.210 -> 0.133/0.137 s on the resampled file (best/median of 11, interleaved);
    the reading thread holds one numbered batch more (peak +3 MB on real months, +10 MB
    on the resampled file, medians).
    Grouping a writer's real months too (``most`` 0.4, not
    ``svduty.io._alike.MOST_DISTINCT_WRITTEN``'s 0.15) took about 15 ms more off the loop's
    thread, none of the CPU in all, for about 29 MB more at the peak: not done.
    Not ``firsts`` (a writer's, since speed54b): no distinct rows taken ahead, as the
    answers kept across batches (``svduty.io._known_answers``) need only the new
    combinations' rows (about 1.1 ms a batch of the reading thread on the bench's 8 MiB
    blocks, against 0.25 ms for the combinations' own columns, taken when answered).
    """
    if number is not None and isinstance(batches, Ahead):
        if not firsts:
            return one_ahead((b, number(b)) for b in batches)
        return one_ahead((b, _with_firsts(number(b), most)) for b in batches)
    return ((b, number(b) if number is not None else None) for b in batches)


def _with_firsts(
    found: _alike.Numbered | None, most: float = _alike.MOST_DISTINCT
) -> _alike.Numbered | None:
    """``found`` with its distinct rows taken, if it is worth grouping (at most ``most``).

    A batch of mostly distinct rows (classified row by row) is left as it is.
    """
    if found is None or found.firsts is not None or not found.worth(most):
        return found
    return attrs.evolve(found, firsts=_alike._taken(found.rows, found.first))


def _answer(
    found: list[_alike.Numbered],
    pipeline: Callable[[pa.RecordBatch | pa.Table], Any],
    tally: Tally,
    counters: list[WeightedCounter],
    *,
    sink: Callable[[pa.Table], object] | None = None,
    batches: list[pa.RecordBatch | pa.Table] | None = None,
    known: Known | None = None,
    places: _placed.KnownPlaces | None = None,
) -> None:
    """Classify batches once per combination, and count them (and write each batch's rows).

    ``batches``: a writer's, as read (``found`` numbers them): emptied once answered.
    ``known``: a writer's answers kept across batches (:mod:`svduty.io._known_answers`):
    only the combinations new to it are classified. ``places``: a summary's places of the
    LSOA pairs met, learned from the answers of batches numbered by LSOA.
    """
    one = _alike.merged(found)
    words = getattr(sink, "words", ())
    kept = known.answered(one, pipeline, words) if known is not None and sink is not None else None
    if kept is not None:  # (its usable rows counted by ``known``)
        if batches is not None:
            batches.clear()
        _written(kept, tally, sink, words)  # type: ignore[arg-type]  # (kept: a writer's)
        return
    answers = _alike.answered(one, pipeline)
    if places is not None and one.alike == _alike.ALIKE:  # the pairs' places: learned
        _placed.learn(places, answers.out)
    if sink is not None and answers.usable < answers.out.num_rows:
        # a writer gets the rows the pipeline makes: with rows it refuses, their words are
        # in the dictionaries of the rows it keeps, which the grouped rows do not carry
        assert batches is not None  # (a writer's batches are given, ...)
        assert len(batches) == len(found)  # (... one for each numbered)
        read = batches[:]
        batches.clear()
        if len(found) > 1:  # each alone: a batch the pipeline refuses none of stays grouped
            for each, batch in zip(found, read, strict=True):
                _answer([each], pipeline, tally, counters, sink=sink, batches=[batch], known=known)
            return
        _each_row(read[0], pipeline, tally, counters, sink)
        return
    if batches is not None:
        batches.clear()
    for bad in answers.rejected_parts():  # each batch's, as classifying it gives them
        tally.count_rejected(bad)
    distinct, weights = answers.distinct()
    tally.count_usable(distinct, weights)
    for counter in counters:
        counter.add(distinct, weights=weights)
    if sink is not None:  # a writer may take repeated text as words (its ``words``)
        for rows in answers.usable_parts(words):  # built one by one
            sink(rows)  # each batch's rows as its own table (a Parquet row group each)


def _written(
    kept: KnownAnswers, tally: Tally, sink: Callable[[pa.Table], object], words: Any
) -> None:
    """Count the rejected rows of batches answered by answers kept, and write their rows."""
    for bad in kept.rejected:
        tally.count_rejected(bad)
    for rows in kept.grouped.usable_parts(words):  # built one by one
        sink(rows)  # each batch's rows as its own table (a Parquet row group each)


def _kept(
    known: Known, numbered: _alike.Numbered | None, pipeline: Any, sink: Any
) -> KnownAnswers | None:
    """A writer's batch of mostly distinct rows answered from ``known``, if few are new.

    At most ``svduty.io._alike.MOST_DISTINCT_WRITTEN`` of its rows new combinations (the
    rest kept), and at most ``MOST_DISTINCT`` distinct; ``None``: classified row by row.
    """
    if numbered is None or not numbered.worth(_alike.MOST_DISTINCT):
        return None
    most_new = int(_alike.MOST_DISTINCT_WRITTEN * numbered.rows.num_rows)
    return known.answered(numbered, pipeline, getattr(sink, "words", ()), most_new=most_new)


def _count_usable(
    tally: Tally, counters: list[WeightedCounter], good: pa.Table, weights: Any
) -> None:
    """Count usable rows, each standing for ``weights`` rows, in the summary and ``counters``."""
    tally.count_usable(good, weights)
    for counter in counters:
        counter.add(good, weights=weights)


def _each_row(
    batch: pa.RecordBatch | pa.Table,
    pipeline: Callable[[pa.RecordBatch | pa.Table], Any],
    tally: Tally,
    counters: list[WeightedCounter],
    sink: Callable[[pa.Table], object] | None,
    *,
    grouping: Grouping | None = None,
) -> pa.Table:
    """Classify every row of the batch, and count it (and write it); its usable rows.

    With a ``grouping`` (incidents), the summary counts the rows the classifier found alike
    once, each with its number of rows (``svduty.io._incident_groups``).
    """
    good = tally.count_out(pipeline(batch), grouping)
    for counter in counters:
        counter.add(good)
    if sink is not None:
        sink(good)
    return good
