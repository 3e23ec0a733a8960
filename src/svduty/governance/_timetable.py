"""The Duty's milestones and reviews as dated data."""

from __future__ import annotations

import datetime as _dt
import html
from collections.abc import Iterable

import attrs
import pendulum

from svduty._arguments import wrong_argument
from svduty._checked import checked_fields, checked_methods
from svduty.errors import GovernanceError, Problem
from svduty.governance._model import Cadence
from svduty.periods import Period, date
from svduty.sources import Citation

__all__ = ["Milestone", "ReviewDate", "Timetable", "TimetableReview"]


@checked_fields
@attrs.frozen(slots=True)
class Milestone:
    """Something due by a date.

    Attributes:
        id: A short id, such as ``"delivery-plan"``.
        what: What is due.
        due: The last day it is due by.
        citation: Where the deadline is stated.
        due_text: The deadline as the source writes it ("March 2023"), where it is less
            precise than a day.
        body: The body responsible (a body id), where stated.

    Example:
        >>> from svduty.sources import cite
        >>> m = Milestone("x", "a plan", date("2023-04-30"),
        ...               cite("svd-guidance"))
        >>> m.due.isoformat()
        '2023-04-30'
    """

    id: str
    what: str
    due: pendulum.Date = attrs.field(converter=date)
    citation: Citation
    due_text: str | None = None
    body: str | None = None


@checked_fields
@attrs.frozen(slots=True)
class TimetableReview:
    """A review that recurs at a cadence while a period lasts.

    Occurrences are counted from ``anchor``: anchor + 1 step, + 2 steps... (the anchor
    itself is not a review), while they fall within ``valid``.

    Attributes:
        id: A short id.
        what: What is reviewed or reported.
        body: The body that reviews or is reported to (a body id).
        cadence: How often (monthly, quarterly, bi-annual, annual, weekly, fortnightly).
        anchor: The day the counting starts from.
        valid: The period the review runs in.
        citation: Where the review is stated.

    Example:
        >>> from svduty.sources import cite
        >>> r = TimetableReview("q", "review", "board", Cadence.QUARTERLY, date("2023-01-31"),
        ...            Period.from_last_day("2023-01-31", "2023-12-31"),
        ...            cite("svd-guidance"))
        >>> [d.isoformat() for d in r.dates()]
        ['2023-04-30', '2023-07-31', '2023-10-31']
    """

    id: str
    what: str
    body: str
    cadence: Cadence
    anchor: pendulum.Date = attrs.field(converter=date)
    valid: Period
    citation: Citation

    def __attrs_post_init__(self) -> None:
        if self.cadence.months is None and self.cadence.days is None:
            raise GovernanceError(
                [Problem(field="cadence", expected="a regular cadence", got=self.cadence.value)]
            )
        if self.valid.end is None:
            raise GovernanceError([Problem(field="valid", expected="a period with an end")])
        if self.anchor >= self.valid.end:  # no review would ever fall in the period
            raise GovernanceError(
                [
                    Problem(
                        field="anchor",
                        expected=f"a day before the end of the review's period ({self.valid})",
                    )
                ]
            )

    def _step(self, k: int) -> pendulum.Date:
        if self.cadence.months is not None:
            return self.anchor.add(months=k * self.cadence.months)
        return self.anchor.add(days=k * (self.cadence.days or 0))

    def dates(self) -> tuple[pendulum.Date, ...]:
        """Every day the review falls on.

        Example:
            >>> from svduty.sources import cite
            >>> TimetableReview("f", "meets", "g", Cadence.FORTNIGHTLY, date("2023-01-01"),
            ...        Period("2023-01-01", "2023-02-01"), cite("pja-2006")).dates()[-1]
            Date(2023, 1, 29)
        """
        out: list[pendulum.Date] = []
        k = 1
        end = self.valid.end
        assert end is not None
        while (day := self._step(k)) < end:
            if day in self.valid:
                out.append(day)
            k += 1
        return tuple(out)


@attrs.frozen(slots=True, order=True)
class ReviewDate:
    """One occurrence of a review.

    Example:
        >>> ReviewDate(date("2023-04-30"), "q", "board", "review").date.month
        4
    """

    date: pendulum.Date
    review: str
    body: str
    what: str

    def __str__(self) -> str:
        return f"{self.date.isoformat()} {self.body}: {self.what}"


def _by_due(milestones: Iterable[Milestone]) -> tuple[Milestone, ...]:
    return tuple(sorted(milestones, key=lambda m: (m.due, m.id)))


def _reviews(reviews: Iterable[TimetableReview]) -> tuple[TimetableReview, ...]:
    return tuple(reviews)


@checked_methods
@checked_fields
@attrs.frozen(slots=True)
class Timetable:
    """The agreement's period, its milestones and its recurring reviews.

    Example:
        >>> import svduty
        >>> t = svduty.warwickshire().timetable
        >>> t.in_force(date("2024-06-01")), t.in_force(date("2025-04-01"))
        (True, False)
        >>> [m.id for m in t.due_by(date("2023-05-01"))]
        ['partnership-in-place', 'delivery-plan']
    """

    agreement: Period
    agreement_citation: Citation
    milestones: tuple[Milestone, ...] = attrs.field(converter=_by_due)
    reviews: tuple[TimetableReview, ...] = attrs.field(converter=_reviews)

    def in_force(self, day: _dt.date | str) -> bool:
        """Whether the agreement is in force on a day (a date, or ``YYYY-MM-DD`` text).

        Example:
            >>> import svduty
            >>> svduty.warwickshire().timetable.in_force(date("2023-01-30"))
            False
        """
        return date(day) in self.agreement

    def due_by(self, day: _dt.date) -> tuple[Milestone, ...]:
        """The milestones due on or before a day, earliest first.

        Example:
            >>> import svduty
            >>> len(svduty.warwickshire().timetable.due_by(date("2022-01-01")))
            0
        """
        d = date(day)
        return tuple(m for m in self.milestones if m.due <= d)

    def next_reviews(
        self, after: _dt.date, *, until: _dt.date | None = None, limit: int | None = None
    ) -> tuple[ReviewDate, ...]:
        """The reviews after a day (and up to ``until`` inclusive), earliest first.

        Example:
            >>> import svduty
            >>> [str(r) for r in svduty.warwickshire().timetable.next_reviews(date("2024-12-01"),
            ...                                                          limit=2)][0]
            '2025-01-31 safer-warwickshire-partnership-board: bi-annual review of the partnership agreement'
        """  # noqa: E501
        if limit is not None and (
            not isinstance(limit, int) or isinstance(limit, bool) or limit < 0
        ):
            raise wrong_argument("next_reviews(limit)", "a whole number, 0 or more", limit)
        a = date(after)
        u = date(until) if until is not None else None
        out = sorted(
            ReviewDate(d, r.id, r.body, r.what)
            for r in self.reviews
            for d in r.dates()
            if d > a and (u is None or d <= u)
        )
        return tuple(out[:limit] if limit is not None else out)

    def body_ids(self) -> tuple[str, ...]:
        """The body ids the timetable names.

        Example:
            >>> import svduty
            >>> "soc-joint-action-group" in svduty.warwickshire().timetable.body_ids()
            True
        """
        ids = [r.body for r in self.reviews] + [m.body for m in self.milestones if m.body]
        return tuple(sorted(set(ids)))

    def _repr_html_(self) -> str:
        """A table of the milestones and reviews, with their sources, for notebooks.

        Example:
            >>> import svduty
            >>> page = svduty.warwickshire().timetable._repr_html_()
            >>> "<table" in page and "delivery-plan" in page
            True
        """
        esc = html.escape
        milestones = "".join(
            f"<tr><td>{esc(m.due.isoformat())}</td><td><code>{esc(m.id)}</code></td>"
            f"<td>{esc(m.what)}</td><td>{esc(m.body or '')}</td><td>{esc(str(m.citation))}</td>"
            "</tr>"
            for m in self.milestones
        )
        reviews = "".join(
            f"<tr><td>{esc(r.cadence.value)}</td><td><code>{esc(r.id)}</code></td>"
            f"<td>{esc(r.what)}</td><td>{esc(r.body)}</td><td>{esc(str(r.citation))}</td></tr>"
            for r in self.reviews
        )
        head = "<tr><th>{}</th><th>id</th><th>what</th><th>body</th><th>source</th></tr>"
        return (
            f"<p><b>Timetable</b>: agreement {esc(str(self.agreement))}</p>"
            f"<table><caption>milestones</caption>{head.format('due')}{milestones}</table>"
            f"<table><caption>reviews</caption>{head.format('cadence')}{reviews}</table>"
        )
