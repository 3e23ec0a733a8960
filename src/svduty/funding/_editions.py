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
        under: The sections it is prepared under (``"s.8"``, ``"s.9"``; s.8(9)).
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
            Problem(field=f"under[{n}]", expected="'s.8' or 's.9'", got=u[:8])
            for n, u in enumerate(self.under)
            if u not in _UNDER
        ]
        if not self.under:
            problems.append(Problem(field="under", expected="'s.8', 's.9' or both"))
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
    it under review that day (s.8(7)(b)). ``yes`` when each is shown; ``no`` when a
    relevant authority that had to be consulted is recorded as not consulted (those
    recorded on the day the strategy is known adopted by, whose records hold from its
    period's start: "in preparing" it, s.8(4), not on the day asked), or (as
    :func:`~svduty.authorities.must_consult_s8` says) s.8 is not in force or the area is
    no local government area that day; otherwise ``undetermined``, naming each missing
    fact. Not asked: implementation (s.8(3)(c)), the material excluded (s.8(8)), the
    kinds and causes (s.8(3)(a)-(b)); s.8(5)-(6) are powers and s.8(7)(c) sets no time.

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
        return Answer(question, Verdict.NO, must.reasons)
    prepare = Reason("s.8(3)(c)", "a strategy must be prepared and implemented", _act("s.8(3)(c)"))
    if strategies is None:
        none = f"strategies.toml: a strategy for {lga_code} prepared under s.8"
        return Answer(question, Verdict.UNDETERMINED, (prepare,), missing=(none,))
    editions = [e for e in strategies.in_force(lga_code, day) if "s.8" in e.under]
    if not editions:
        none = f"a strategy for {lga_code} prepared under s.8 and in force on {day}"
        return Answer(question, Verdict.UNDETERMINED, (prepare,), missing=(none,))
    e = editions[0]
    reasons = [Reason("s.8(3)(c)", f"{e.id} is for {lga_code} under s.8", e.under_citation)]
    missing: list[str] = []
    failed = False
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
    else:
        failed = _consulted(e, authorities, lga_code, must, reasons=reasons, missing=missing)
    if failed:
        return Answer(question, Verdict.NO, reasons)
    verdict = Verdict.UNDETERMINED if missing else Verdict.YES
    return Answer(question, verdict, reasons, missing=missing)


def _consulted(
    e: StrategyEdition,
    authorities: Authorities,
    lga_code: str,
    asked: Answer,
    *,
    reasons: list[Reason],
    missing: list[str],
) -> bool:
    """s.8(4) for a recorded consultation: whether it fails; reasons and missing facts added.

    "In preparing a strategy" the specified authorities "must ensure that the following
    are consulted" (s.8(4)): the relevant authorities for the area when the strategy was
    prepared, not on the day asked (a school opened since is no omission, recheck42).
    The records tie preparation to the day by which the strategy is known adopted: the
    list is taken on that day, and an authority left out is a failure (``True``) only
    when its record holds from the strategy's period's start (or earlier) to that day;
    one whose record starts later, or any left out while no adoption day is recorded,
    leaves whether it had to be consulted missing.
    """
    from svduty.authorities import must_consult_s8

    ref = e.adopted_by
    must = asked
    if ref is not None:
        must = must_consult_s8(
            authorities, lga_code, on=ref, districts_within=authorities.districts_within
        )
        if must.no:  # s.8(4) did not bind its preparation: before s.8 came into force
            reasons.extend(must.reasons)
            missing.append(
                f"whether {e.id}, known adopted by {ref}, when s.8(4) did not apply to "
                f"{lga_code}, is its strategy under s.8 (s.8(3)(c), (4))"
            )
            return False
    consulted = e.consultation.consulted if e.consultation is not None else ()
    omitted = [s for s in must.subjects if s not in consulted]
    sure = [
        s for s in omitted if ref is not None and authorities.get(s).valid.start <= e.period.start
    ]
    for s in omitted:
        if s not in sure:
            when = (
                f"its record starts {authorities.get(s).valid.start}"
                if ref is not None
                else "the day it was adopted is not recorded"
            )
            missing.append(
                f"whether {s} was a relevant authority for {lga_code} while {e.id} was "
                f"prepared ({when}; s.8(4))"
            )
    cited = e.consultation.citation if e.consultation is not None else _act("s.8(4)")
    if sure:
        says = f"not consulted in preparing {e.id}: {', '.join(sure)}"
        reasons.append(Reason("s.8(4)", says, cited))
        return True
    held = "" if ref is None else f" on {ref}, by which it was adopted,"
    says = f"the relevant authorities recorded for {lga_code}{held} were consulted"
    if omitted:
        says = f"of the relevant authorities recorded for {lga_code}, some not consulted"
    reasons.append(Reason("s.8(4)", says, cited))
    if must.undetermined:
        reasons.extend(r for r in must.reasons if r not in reasons)
        missing.extend(must.missing)
    return False
