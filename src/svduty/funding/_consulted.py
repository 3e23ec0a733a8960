"""s.8(4) for a strategy's recorded consultation: who had to be consulted in preparing it.

Used by :func:`~svduty.funding._editions.strategy_meets_s8`; it takes the edition's facts
one by one, so that this module needs nothing from the records' module.

Example:
    >>> from svduty.periods import date
    >>> from svduty.sources import cite
    >>> Preparation("s", None, date("2023-01-31"), (), cite("svd-guidance")).adopted_by is None
    True
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs
import pendulum

from svduty.answers import Answer, Reason
from svduty.sources import Citation

if TYPE_CHECKING:
    from svduty.authorities import Authorities

__all__ = ["Preparation", "consulted_in_preparing"]


@attrs.frozen(slots=True)
class Preparation:
    """What the records say of a strategy's preparation.

    Attributes:
        id: The edition's id.
        adopted_by: The day by which it is known adopted (``None``: not known).
        start: The start of its period.
        consulted: The ids recorded as consulted, the list whole.
        citation: Where the consultation is stated.

    Example:
        >>> from svduty.periods import date
        >>> from svduty.sources import cite
        >>> Preparation("s", None, date("2023-01-31"), ("a",), cite("svd-guidance")).consulted
        ('a',)
    """

    id: str
    adopted_by: pendulum.Date | None
    start: pendulum.Date
    consulted: tuple[str, ...]
    citation: Citation


def consulted_in_preparing(
    e: Preparation,
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
    prepared, not on the day asked (a school opened since is no omission, recheck42). The
    records give only a day by which it is known adopted, never the day itself, so the
    list is that of a window: from the earlier of its period's start and 31 January 2023
    (when s.8 came into force) to that day. An authority left out is a failure (``True``)
    only when its record holds over the whole window; one whose record starts or ends
    inside it, or any left out while no adoption day is recorded, leaves whether it had
    to be consulted missing, and so does a day of the window whose list is not known
    whole (an absence recorded only from later). The window's start does not move with
    the known-by day, so recording an earlier one never turns a ``yes`` into a ``no`` or
    back (recheck43: the list taken on the known-by day alone did both).

    Example:
        >>> import svduty
        >>> from svduty.authorities import must_consult_s8
        >>> from svduty.periods import date
        >>> from svduty.sources import cite
        >>> auths = svduty.warwickshire().authorities
        >>> asked = must_consult_s8(auths, "E07000219", on="2024-01-01")
        >>> e = Preparation("s", None, date("2022-01-01"), (), cite("svd-guidance"))
        >>> reasons, missing = [], []
        >>> consulted_in_preparing(e, auths, "E07000219", asked, reasons=reasons,
        ...                        missing=missing)
        False
        >>> reasons[0].rule, reasons[0].says[:42]
        ('s.8(4)', 'the relevant authorities recorded for E070')
    """
    from svduty.authorities import must_consult_s8
    from svduty.authorities._answering import IN_FORCE

    ref = e.adopted_by
    must = asked
    ended: dict[str, pendulum.Date] = {}
    unknown: list[tuple[str, pendulum.Date]] = []
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
    lo = min(e.start, IN_FORCE)  # the earliest day the window may start, whatever ref is
    if ref is not None:
        ended, unknown = _window(authorities, lga_code, IN_FORCE, ref, set(must.subjects))
    omitted = [s for s in must.subjects if s not in e.consulted]
    sure = [s for s in omitted if ref is not None and authorities.get(s).valid.start <= lo]
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
    late = [s for s in ended if s not in e.consulted]
    for s in late:
        missing.append(
            f"whether {s} was a relevant authority for {lga_code} while {e.id} was "
            f"prepared (its record ends {ended[s]}; s.8(4))"
        )
    if sure:
        says = f"not consulted in preparing {e.id}: {', '.join(sure)}"
        reasons.append(Reason("s.8(4)", says, e.citation))
        return True
    held = "" if ref is None else f" from {lo} to {ref}, by which it was adopted,"
    says = f"the relevant authorities recorded for {lga_code}{held} were consulted"
    if omitted or late:
        says = f"of the relevant authorities recorded for {lga_code}, some not consulted"
    reasons.append(Reason("s.8(4)", says, e.citation))
    if must.undetermined:
        reasons.extend(r for r in must.reasons if r not in reasons)
        missing.extend(must.missing)
    missing.extend(
        f"{m} (on {d}: it may have been adopted then, known adopted only by {ref}; s.8(4))"
        for m, d in unknown
        if m not in must.missing
    )
    return False


def _window(
    authorities: Authorities,
    lga_code: str,
    lo: pendulum.Date,
    ref: pendulum.Date,
    on_ref: set[str],
) -> tuple[dict[str, pendulum.Date], list[tuple[str, pendulum.Date]]]:
    """The window ``[lo, ref)``: (relevant authorities not of ``ref``, id to end; missing).

    ``lo`` is the day s.8 came into force (none is relevant under s.8(4) before). One
    relevant on a day of the window but not on ``ref`` is relevant on ``lo`` or on the
    last day of its record, so those days are enough; a day whose list is not known
    whole (an absence recorded only from later, or ended) leaves what it lacks missing,
    with the day.
    """
    from svduty.authorities import must_consult_s8

    if ref <= lo:
        return {}, []
    days = {lo}
    for a in authorities:
        end = a.valid.end
        if end is not None and lo < end <= ref:
            days.add(end.subtract(days=1))
    for x in authorities.absences:  # the first day after an absence ends may be uncovered
        end = x.valid.end
        if end is not None and lo < end < ref:
            days.add(end)
    found: dict[str, pendulum.Date] = {}
    unknown: list[tuple[str, pendulum.Date]] = []
    for d in sorted(days):
        then = must_consult_s8(
            authorities, lga_code, on=d, districts_within=authorities.districts_within
        )
        for s in then.subjects:
            end = authorities.get(s).valid.end
            if s not in on_ref and end is not None:
                found.setdefault(s, end)
        if then.undetermined:
            unknown.extend((m, d) for m in then.missing if m not in [u for u, _ in unknown])
    return found, unknown
