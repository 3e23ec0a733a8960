"""A partnership's strategies as records, and whether one meets s.8 of the Act on a day.

``strategies.toml`` lists each strategy the partnership has had (an edition): the local
government areas it is for, its period, the days by which it is known to have been
adopted and published, the arrangements that keep it under review, who was consulted,
its delivery plan, outcomes and endorsements, each with its citation. The rule
:func:`strategy_meets_s8` reads them against PCSC Act 2022 s.8(3)(c), (4) and (7)(a)-(b).

Dates are *known by* days: ``adopted_by = 2023-06-19`` says the strategy is known to have
been adopted on or before that day, not that it was adopted then. A day asked before it
is undetermined, never ``no``: what a bundle does not record is not known.

Example:
    >>> import svduty
    >>> s = svduty.warwickshire().strategies
    >>> [e.id for e in s.in_force("E07000219", "2024-01-01")]
    ['sv-prevention-strategy-2022-27']
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import TYPE_CHECKING

import attrs
import pendulum

from svduty._checked import checked, checked_fields, checked_methods
from svduty.answers import Answer, Reason, Verdict
from svduty.errors import FundingError, Problem
from svduty.funding._consulted import Preparation, consulted_in_preparing
from svduty.funding._edition_checks import given_twice, same_start
from svduty.funding._records import duplicates
from svduty.periods import Period, date
from svduty.sources import Citation, cite

if TYPE_CHECKING:
    from svduty.authorities import Authorities

__all__ = [
    "Consultation",
    "DeliveryPlan",
    "Endorsement",
    "Outcome",
    "ReviewArrangement",
    "StrategyEdition",
    "StrategyRecords",
    "strategy_meets_s8",
]

_LGA = re.compile(r"^(E0[6-9]|W06)\d{6}$", re.ASCII)
_UNDER = ("s.8", "s.9")
_KINDS = ("outcome", "measure")
_STATUSES = ("draft", "agreed")


def _day(value: _dt.date | str | None) -> pendulum.Date | None:
    return None if value is None else date(value)


def _texts(values: object) -> tuple[str, ...]:
    return tuple(values) if isinstance(values, (list, tuple)) else values  # type: ignore[return-value]


@checked_fields
@attrs.frozen(slots=True)
class Endorsement:
    """A body's approval, endorsement or recommendation of a strategy.

    Attributes:
        body: The id of a body of ``governance.toml`` or an authority of
            ``authorities.toml``.
        what: What it did, in the source's words ("approved", "endorsed", ...).
        known_by: The day by which it is known to have happened (``None``: not known).
        citation: Where it is stated.

    Example:
        >>> Endorsement("health-and-wellbeing-board", "endorsed", cite("svd-guidance"),
        ...             "2023-06-19").known_by
        Date(2023, 6, 19)
    """

    body: str
    what: str
    citation: Citation
    known_by: pendulum.Date | None = attrs.field(default=None, converter=_day)


@checked_fields
@attrs.frozen(slots=True)
class Outcome:
    """An outcome or outcome measure a strategy states, draft or agreed.

    Example:
        >>> Outcome("outcome", "Embed a Public Health Approach", "draft",
        ...         cite("svd-guidance")).status
        'draft'
    """

    kind: str
    text: str
    status: str
    citation: Citation


@checked_fields
@attrs.frozen(slots=True)
class DeliveryPlan:
    """When a strategy says its delivery plan will be in place, and how it is reviewed.

    Attributes:
        due_text: The due time in the source's words ("late Autumn 2022").
        due: The day read from it (its citation says how), if any.
        review: How often the plan is reviewed, in the source's words.
        body: The id of the body responsible for it, if named.
        citation: Where it is stated.

    Example:
        >>> DeliveryPlan("late Autumn 2022", "quarterly", cite("svd-guidance"),
        ...              "2022-11-30").due
        Date(2022, 11, 30)
    """

    due_text: str
    review: str
    citation: Citation
    due: pendulum.Date | None = attrs.field(default=None, converter=_day)
    body: str | None = None


@checked_fields
@attrs.frozen(slots=True)
class ReviewArrangement:
    """An arrangement that keeps a strategy under review (s.8(7)(b)) while it lasts.

    Example:
        >>> r = ReviewArrangement("quarterly update report", Period("2023-01-31"),
        ...                       cite("svd-guidance"))
        >>> "2024-01-01" in r.valid
        True
    """

    what: str
    valid: Period
    citation: Citation


@checked_fields
@attrs.frozen(slots=True)
class Consultation:
    """Who was consulted in preparing a strategy (s.8(4)): authority ids, the list whole.

    Example:
        >>> Consultation(("a-school",), cite("svd-guidance")).consulted
        ('a-school',)
    """

    consulted: tuple[str, ...] = attrs.field(converter=_texts)
    citation: Citation


@checked_fields
@attrs.frozen(slots=True)
class StrategyEdition:
    """One strategy (or revised strategy) of the partnership, with what is known of it.

    Attributes:
        id: A short id.
        title: The strategy's title.
        areas: The local government areas it is for (GSS codes).
        under: The sections it is prepared under (``"s.8"``, ``"s.9"``). A strategy for
            several areas is under s.9 (s.8(9): a s.8 strategy covers a wider area only if
            also prepared under s.9), and one under s.9 is for two or more (s.9(13)).
        under_citation: Why it is taken to be prepared under them.
        period: The period it covers.
        period_citation: Where the period is stated.
        adopted_by: The day by which it is known to have been adopted, if any.
        adopted_citation: Where that is stated.
        published_by: The day by which it is known to have been published (s.8(7)(a)).
        published_citation: Where that is stated.
        reviews: Arrangements keeping it under review (s.8(7)(b)).
        consultation: Who was consulted in preparing it (s.8(4)); ``None``: not known.
        delivery_plan: Its delivery plan's timing, if stated.
        outcomes: Its outcomes and outcome measures.
        endorsements: Approvals and endorsements of it.
        citation: The strategy itself.

    Raises:
        FundingError: naming each field that is wrong, including ``under`` for a strategy
            for several areas under s.8 alone (s.8(9)) and ``areas`` for one under s.9 for
            a single area (s.9(13)).

    Example:
        >>> import svduty
        >>> e = svduty.warwickshire().strategies.editions[0]
        >>> e.under, str(e.published_by), e.consultation is None
        (('s.8', 's.9'), '2023-06-19', True)
    """

    id: str
    title: str
    areas: tuple[str, ...] = attrs.field(converter=_texts)
    under: tuple[str, ...] = attrs.field(converter=_texts)
    under_citation: Citation
    period: Period
    period_citation: Citation
    citation: Citation
    adopted_by: pendulum.Date | None = attrs.field(default=None, converter=_day)
    adopted_citation: Citation | None = None
    published_by: pendulum.Date | None = attrs.field(default=None, converter=_day)
    published_citation: Citation | None = None
    reviews: tuple[ReviewArrangement, ...] = attrs.field(default=(), converter=tuple)
    consultation: Consultation | None = None
    delivery_plan: DeliveryPlan | None = None
    outcomes: tuple[Outcome, ...] = attrs.field(default=(), converter=tuple)
    endorsements: tuple[Endorsement, ...] = attrs.field(default=(), converter=tuple)

    def __attrs_post_init__(self) -> None:
        problems = [
            Problem(field=f"areas[{n}]", expected="the GSS code of a local government area")
            for n, a in enumerate(self.areas)
            if not _LGA.match(a)
        ]
        if not self.areas:
            problems.append(Problem(field="areas", expected="at least one area"))
        problems += [
            Problem(field=f"under[{n}]", expected="'s.8' or 's.9'", got=u)
            for n, u in enumerate(self.under)
            if u not in _UNDER
        ]
        problems += given_twice(self.areas, "areas") + given_twice(self.under, "under")
        if not self.under:
            problems.append(Problem(field="under", expected="'s.8', 's.9' or both"))
        several = len(set(self.areas)) > 1
        if several and "s.8" in self.under and "s.9" not in self.under:
            problems.append(
                Problem(
                    field="under",
                    expected="'s.9' as well as 's.8' for a strategy covering more than one "
                    "local government area (s.8(9))",
                )
            )
        if self.areas and not several and "s.9" in self.under:
            problems.append(
                Problem(
                    field="areas",
                    expected="two or more local government areas for a strategy under s.9 (a "
                    "relevant area is made up of parts of two or more, s.9(13))",
                )
            )
        for field, day, cited in (
            ("adopted", self.adopted_by, self.adopted_citation),
            ("published", self.published_by, self.published_citation),
        ):
            if day is not None and cited is None:
                problems.append(Problem(field=f"{field}_citation", expected="a citation"))
        for n, o in enumerate(self.outcomes):
            if o.kind not in _KINDS:
                problems.append(
                    Problem(field=f"outcomes[{n}].kind", expected="'outcome' or 'measure'")
                )
            if o.status not in _STATUSES:
                problems.append(
                    Problem(field=f"outcomes[{n}].status", expected="'draft' or 'agreed'")
                )
        if problems:
            raise FundingError(problems)


@checked_methods
@checked_fields
@attrs.frozen(slots=True)
class StrategyRecords:
    """The partnership's strategies (``strategies.toml``), each edition with its facts.

    Example:
        >>> import svduty
        >>> len(svduty.warwickshire().strategies.editions)
        1
    """

    editions: tuple[StrategyEdition, ...] = attrs.field(converter=tuple)

    def __attrs_post_init__(self) -> None:
        problems = duplicates((e.id for e in self.editions), "editions", "id")
        problems += same_start([(e.areas, e.under, e.period.start) for e in self.editions])
        if problems:
            raise FundingError(problems)

    def in_force(self, lga_code: str, on: _dt.date | str) -> tuple[StrategyEdition, ...]:
        """The editions for an area under s.8 whose period holds the day, latest first.

        Raises:
            ArgumentError: for a code that is not text (it was ``()``: no strategy).
            DataError: for text that names no area (``""``, a code with its newline).

        Example:
            >>> import svduty
            >>> svduty.warwickshire().strategies.in_force("E07000219", "2028-01-01")
            ()
            >>> svduty.warwickshire().strategies.in_force(None, "2024-01-01")
            Traceback (most recent call last):
            ...
            svduty.errors.ArgumentError: lga_code: expected an area's code (str) (got None)
        """
        from svduty.authorities._model import check_area_code

        check_area_code("lga_code", lga_code)  # a mistake was "no strategy" (hostile42b)
        day = date(on)
        found = [e for e in self.editions if lga_code in e.areas and day in e.period]
        return tuple(sorted(found, key=lambda e: e.period.start, reverse=True))


def _act(provision: str) -> Citation:
    return cite("pcsc-act-2022", provision)


@checked
def strategy_meets_s8(
    strategies: StrategyRecords | None,
    authorities: Authorities,
    lga_code: str,
    *,
    on: _dt.date | str,
) -> Answer:
    """Whether the strategy for a local government area meets s.8 on a day, and why.

    Asks what the records can show: a strategy for the area, prepared under s.8 and in
    force on the day, adopted by then (s.8(3)(c): prepare), every relevant authority
    consulted (s.8(4)), published by then (s.8(7)(a)) and under an arrangement that keeps
    it under review that day (s.8(7)(b)). The strategy asked about is the newest in force
    on the day that is known adopted by then: a revised strategy (s.8(7)(c)) must itself
    be consulted on, published and kept under review (s.8(11)), and the one it revises is
    no longer asked; a newer one in force but not known adopted by the day leaves whether
    it is the strategy missing. ``yes`` when each is shown; ``no`` when a relevant
    authority that had to be consulted is recorded as not consulted in preparing a
    strategy known adopted by the day (those whose records hold from the earlier of its
    period's start and 31 January 2023, when s.8 came into force, to the day it is known
    adopted by: the window its adoption is taken to fall in, "in preparing" it, s.8(4),
    not the day asked; before it is known prepared the omission may still be cured), or (as
    :func:`~svduty.authorities.must_consult_s8` says) s.8 is not in force or the area is
    no local government area that day; otherwise ``undetermined``, naming each missing
    fact. Before s.8 came into force (31 January 2023) the answer is ``no`` and says it is
    no failure: nothing was required, and no strategy was yet one "prepared under this
    section" (s.8(7)). Not asked: implementation (s.8(3)(c)), the material excluded
    (s.8(8)), the kinds and causes (s.8(3)(a)-(b)); s.8(5)-(6) are powers and s.8(7)(c)
    sets no time.

    Args:
        strategies: The partnership's ``strategies`` (``None``: no ``strategies.toml``).
        authorities: The partnership's :class:`~svduty.authorities.Authorities`.
        lga_code: The local government area.
        on: The day asked.

    Example:
        >>> import svduty
        >>> p = svduty.warwickshire()
        >>> a = strategy_meets_s8(p.strategies, p.authorities, "E07000219", on="2024-01-01")
        >>> a.verdict.value, a.missing[0][:45]
        ('undetermined', 'who was consulted in preparing sv-prevention-')
        >>> strategy_meets_s8(None, p.authorities, "E07000219", on="2024-01-01").missing
        ('strategies.toml: a strategy for E07000219 prepared under s.8',)
    """
    from svduty.authorities import must_consult_s8

    day = date(on)
    question = f"Does the strategy for {lga_code} meet s.8(3)(c), (4) and (7)(a)-(b) on {day}?"
    must = must_consult_s8(
        authorities, lga_code, on=day, districts_within=authorities.districts_within
    )
    if must.no:  # s.8 not in force, or not a local government area that day
        return Answer(question, Verdict.NO, (*must.reasons, *_not_yet(must)))
    prepare = Reason("s.8(3)(c)", "a strategy must be prepared and implemented", _act("s.8(3)(c)"))
    if strategies is None:
        none = f"strategies.toml: a strategy for {lga_code} prepared under s.8"
        return Answer(question, Verdict.UNDETERMINED, (prepare,), missing=(none,))
    editions = [e for e in strategies.in_force(lga_code, day) if "s.8" in e.under]
    if not editions:
        none = f"a strategy for {lga_code} prepared under s.8 and in force on {day}"
        return Answer(question, Verdict.UNDETERMINED, (prepare,), missing=(none,))
    # s.8(7)(c), (11): the strategy on the day is the newest known prepared by then; a newer
    # one not known adopted by then may be it instead
    n = next((k for k, e in enumerate(editions) if _adopted(e, day)), len(editions) - 1)
    e = editions[n]
    reasons, missing, failed = _meets(e, authorities, lga_code, day, must)
    if n + 1 < len(editions):
        older = ", ".join(x.id for x in editions[n + 1 :])
        reasons.insert(
            1,
            Reason(
                "s.8(11)",
                f"{e.id} revises {older}: a revised strategy must itself be consulted on and "
                "published (s.8(4), (7)(a)), so the older one is not asked",
                _act("s.8(11)"),
            ),
        )
    for p in editions[:n]:
        reasons.append(
            Reason(
                "s.8(11)",
                f"{p.id}, a revised strategy for {lga_code} in force on {day}, is not known "
                f"adopted by then: if it was, it (not {e.id}) is the strategy to ask about",
                _act("s.8(11)"),
            )
        )
        missing.append(
            f"whether {p.id}, a revised strategy, was adopted by {day} (s.8(7)(c), (11))"
        )
    if failed and n == 0:  # no newer edition may be the strategy instead
        return Answer(question, Verdict.NO, reasons)
    verdict = Verdict.UNDETERMINED if missing else Verdict.YES
    return Answer(question, verdict, reasons, missing=missing)


def _not_yet(must: Answer) -> tuple[Reason, ...]:
    """Say that a ``no`` before s.8 came into force is no failure of the duty.

    s.8(7): "Once a strategy has been prepared under this section"; before then none was.
    """
    if not any(r.rule == "commencement" for r in must.reasons):
        return ()
    says = (
        "before then s.8 required no strategy and none was one prepared under it: the "
        "answer is no, not a failure of the duty"
    )
    return (Reason("s.8(7)", says, _act("s.8(7)")),)


def _adopted(e: StrategyEdition, day: pendulum.Date) -> bool:
    """Whether an edition is known adopted (prepared) by a day, with a citation."""
    return e.adopted_by is not None and e.adopted_by <= day and e.adopted_citation is not None


def _meets(
    e: StrategyEdition,
    authorities: Authorities,
    lga_code: str,
    day: pendulum.Date,
    must: Answer,
) -> tuple[list[Reason], list[str], bool]:
    """One edition against s.8(3)(c), (4) and (7)(a)-(b): (reasons, missing, failed).

    A recorded omission (s.8(4)) fails only once the edition is known prepared by the day:
    the duty binds "in preparing" it, and before its adoption it may still be cured.
    """
    reasons = [Reason("s.8(3)(c)", f"{e.id} is for {lga_code} under s.8", e.under_citation)]
    missing: list[str] = []
    for rule, what, known, cited in (
        ("s.8(3)(c)", "adopted", e.adopted_by, e.adopted_citation),
        ("s.8(7)(a)", "published", e.published_by, e.published_citation),
    ):
        if known is not None and known <= day and cited is not None:
            reasons.append(Reason(rule, f"{e.id} was {what} by {known}", cited))
        else:
            reasons.append(Reason(rule, f"the strategy must be {what}", _act(rule)))
            missing.append(f"the day {e.id} was {what} (none on or before {day} is recorded)")
    review = [r for r in e.reviews if day in r.valid]
    if review:
        reasons.append(
            Reason("s.8(7)(b)", f"kept under review: {review[0].what}", review[0].citation)
        )
    else:
        reasons.append(
            Reason("s.8(7)(b)", "the strategy must be kept under review", _act("s.8(7)(b)"))
        )
        missing.append(f"an arrangement keeping {e.id} under review on {day}")
    if e.consultation is None:
        reasons.append(
            Reason("s.8(4)", "each relevant authority must be consulted", _act("s.8(4)"))
        )
        missing.append(f"who was consulted in preparing {e.id} (s.8(4))")
        return reasons, missing, False
    given = Preparation(
        e.id, e.adopted_by, e.period.start, e.consultation.consulted, e.consultation.citation
    )
    failed = consulted_in_preparing(
        given, authorities, lga_code, must, reasons=reasons, missing=missing
    )
    return reasons, missing, failed and _adopted(e, day)
