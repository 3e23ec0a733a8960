"""Notifying the Secretary of State of a death: PCSC Act 2022 s.27.

:func:`must_notify` answers whether a review partner aware of qualifying circumstances
must notify the Secretary of State, and by when (s.27(1), (2), (7), (8));
:func:`must_notify_again` whether it must notify a later decision or a discontinued review
(s.27(3)-(6)). Both weigh the partner's facts (:class:`ReviewFacts`) as
:func:`~svduty.authorities.must_arrange_review` does.

Example:
    >>> must_notify(ReviewFacts(aware_of_qualifying_circumstances=False)).verdict.value
    'no'
"""

from __future__ import annotations

import calendar
import datetime as _dt

import pendulum

from svduty._checked import checked
from svduty.answers import Answer, Reason
from svduty.authorities._answering import answer
from svduty.authorities._owhr_partner import _IN_FORCE, ReviewFacts, _act
from svduty.authorities._owhr_weigh import _Condition, _weigh, _weigh_routes
from svduty.periods import date

__all__ = ["must_notify", "must_notify_again", "notification_deadline"]


_NOTIFY = (
    _IN_FORCE,
    _Condition(
        "aware_of_qualifying_circumstances",
        _act("s.27(1), (7)"),
        False,
        "whether the review partner has become aware of qualifying circumstances in relation to "
        "the death",
        "the review partner has become aware of such facts as make it likely that the death "
        "was a qualifying homicide in England or Wales and that it is one of the relevant "
        "review partners: aware of qualifying circumstances",
        "the review partner has not become aware of qualifying circumstances in relation to "
        "the death (such facts as make it likely that s.24(1)(a) and (b) are satisfied and "
        "that it is one of the relevant review partners)",
    ),
    _Condition(
        "knew_no_duty_when_aware",
        _act("s.27(2)"),
        True,
        "whether, on becoming aware, the review partner was also aware that s.24(5) or s.26 "
        "rules the duty out",
        "when it became aware it was not also aware that no duty arises because of s.24(5) or s.26",
        "s.27(1) does not apply: when the review partner became aware of qualifying "
        "circumstances it was also aware that no duty in s.24(1) arises in respect of the "
        "death because of s.24(5) or s.26",
    ),
)


def notification_ends(aware_on: _dt.date) -> pendulum.Date:
    """The last day of the period of one month beginning with ``aware_on`` (s.27(8)).

    A month is a calendar month (Interpretation Act 1978 Sch 1). A period of one month
    beginning with a day ends with the day before the same-numbered day of the next month;
    where the next month has no such day (a period beginning with the 29th, 30th or 31st
    before a shorter month), it ends with that month's last day: the corresponding date
    rule (Dodds v Walker [1981] 1 WLR 1027, HL), as Halsbury's Laws (3rd ed., vol 37) puts
    it, "if the period starts at the end of a calendar month which contains more days than
    the next succeeding month, the period expires at the end of the latter month".

    Example:
        >>> notification_ends(pendulum.Date(2023, 5, 15))
        Date(2023, 6, 14)
        >>> notification_ends(pendulum.Date(2023, 12, 20))
        Date(2024, 1, 19)
        >>> notification_ends(pendulum.Date(2024, 1, 31)), notification_ends(pendulum.Date(2025, 1, 31))
        (Date(2024, 2, 29), Date(2025, 2, 28))
    """  # noqa: E501
    year, month = aware_on.year + aware_on.month // 12, aware_on.month % 12 + 1
    last = calendar.monthrange(year, month)[1]
    if aware_on.day > last:
        return pendulum.Date(year, month, last)
    return pendulum.Date(year, month, aware_on.day).subtract(days=1)


_PERIOD = _act(
    "s.27(8)",
    doubt="a month is a calendar month (Interpretation Act 1978 Sch 1); svduty ends a period "
    "of one month beginning with a day on the day before the same-numbered day of the next "
    "month or, where that month has no such day, on its last day: the corresponding date "
    "rule of Dodds v Walker [1981] 1 WLR 1027 (HL) as Halsbury's Laws (3rd ed., vol 37) "
    "states it for a period running from a day, and as SI 2018/1082 r.1.4(2)(a)(ii) writes "
    "it out for another Act; no court has applied it to s.27(8)",
)


@checked
def must_notify(facts: ReviewFacts) -> Answer:
    """Whether a review partner must notify the Secretary of State, and by when (s.27(1)).

    s.27(1): a review partner that becomes aware of qualifying circumstances (s.27(7))
    must notify the Secretary of State before the end of the notification period that it
    is under the s.24 duty, that it is not, or that it has not been able to decide; not
    where, on becoming aware, it was also aware that s.24(5) or s.26 rules the duty out
    (s.27(2)). The notification period is one month beginning with the day it became aware
    (s.27(8)): a ``yes`` answer's ``value`` is its last day when ``aware_on`` is given (the
    day before the same day of the next month, or that month's last day where it has no
    such day).

    Example:
        >>> import datetime
        >>> facts = ReviewFacts(in_force=True, aware_of_qualifying_circumstances=True,
        ...                     knew_no_duty_when_aware=False, aware_on=datetime.date(2023, 6, 1))
        >>> a = must_notify(facts)
        >>> a.verdict.value, a.value
        ('yes', '2023-06-30')
    """
    question = "Must this review partner notify the Secretary of State (s.27(1)), and by when?"
    reasons, missing, failed = _weigh(facts, _NOTIFY)
    value = None
    if not failed and not missing:
        reasons.append(
            Reason(
                "s.27(1)",
                "the review partner must notify the Secretary of State, before the end of the "
                "notification period, that it is under a duty to arrange a review, that it is "
                "not, or that it has not been able to take a decision (then, once taken, of "
                "its decision: s.27(3))",
                _act("s.27(1), (3)"),
            )
        )
        aware_on = None if facts.aware_on is None else date(facts.aware_on)
        if aware_on is None:
            says = (
                "the notification period is one month beginning with the day the review "
                "partner became aware of qualifying circumstances: aware_on is not given, so "
                "its last day is not known (the duty stands; the day is a fact missing for the "
                "last day only: aware_on (s.27(8)), which notification_deadline names)"
            )
        else:
            value = notification_ends(aware_on).isoformat()
            says = (
                f"the notification period is one month beginning with {aware_on}, the "
                f"day the review partner became aware: its last day is {value}"
            )
        reasons.append(Reason("s.27(8)", says, _PERIOD))
    return answer(question, reasons, missing, failed=failed, value=value)


@checked
def notification_deadline(facts: ReviewFacts) -> Answer:
    """The last day by which a review partner must notify the Secretary of State (s.27(8)).

    Two questions, kept apart so that neither unsettles the other: :func:`must_notify`
    says whether the duty arises (s.27(1), (2), (7)), which does not turn on the day the
    partner became aware; this one says by when. It is ``no`` where there is no duty to
    notify, ``yes`` with the last day as ``value`` where there is one and ``aware_on`` is
    given, and ``undetermined`` otherwise, naming ``aware_on (s.27(8))`` among the missing
    facts. An :class:`~svduty.answers.Answer` that is ``yes`` lists no missing facts (its
    contract), so ``must_notify`` stays ``yes`` without the day and says in its s.27(8)
    reason that the day is missing; the day is a missing fact here, where it decides.

    Example:
        >>> facts = ReviewFacts(in_force=True, aware_of_qualifying_circumstances=True,
        ...                     knew_no_duty_when_aware=False)
        >>> must_notify(facts).verdict.value, notification_deadline(facts).missing
        ('yes', ('aware_on (s.27(8))',))
    """
    question = "By what day must this review partner notify the Secretary of State (s.27(8))?"
    reasons, missing, failed = _weigh(facts, _NOTIFY)
    value = None
    if not failed:
        if facts.aware_on is None:
            says = (
                "not known: the day the review partner became aware of qualifying "
                "circumstances, with which the one-month notification period begins"
            )
            missing.append("aware_on (s.27(8))")
        else:
            aware_on = date(facts.aware_on)
            ends = notification_ends(aware_on).isoformat()
            value = None if missing else ends
            says = (
                f"the notification period is one month beginning with {aware_on}, the day "
                f"the review partner became aware: its last day is {ends}"
            )
        reasons.append(Reason("s.27(8)", says, _PERIOD))
    return answer(question, reasons, missing, failed=failed, value=value)


def _given(fact: str, provision: str, asks: str, holds: str, fails: str) -> _Condition:
    """A condition that holds when ``fact`` is true."""
    return _Condition(fact, _act(provision), False, asks, holds, fails)


_AGAIN = (
    (  # s.27(3)
        _given(
            "notified_undecided",
            "s.27(3)",
            "whether the review partner notified that it had not been able to take a decision",
            "the review partner gave a notification under s.27(1)(c): it had not been able to "
            "take a decision on the matter",
            "the review partner did not notify that it had not been able to take a decision",
        ),
        _given(
            "decision_taken",
            "s.27(3)",
            "whether the review partner has since taken its decision",
            "the review partner has since taken its decision: it must notify the Secretary of "
            "State of the review partner's decision on the matter once it has been taken",
            "the review partner has not yet taken its decision",
        ),
    ),
    (  # s.27(4)
        _given(
            "notified_duty",
            "s.27(4)",
            "whether the review partner notified that it is under a duty to arrange a review",
            "the review partner notified the Secretary of State that it is under a duty to "
            "arrange a review",
            "the review partner did not notify that it is under a duty to arrange a review",
        ),
        _given(
            "decided_no_duty_before_start",
            "s.27(4)",
            "whether, before the review started to take place, the review partner decided it "
            "is not under that duty",
            "before the review starts to take place, the review partner decided that it is "
            "not under that duty (s.24(3), (4)): it must notify the Secretary of State of "
            "that decision",
            "the review partner did not decide, before the review started, that it is not "
            "under that duty",
        ),
    ),
    (  # s.27(5)
        _given(
            "discontinued",
            "s.27(5)",
            "whether a review of the death was discontinued because the review partner "
            "considers a condition in s.24(1)(a) to (c) not satisfied",
            "a review of the death is discontinued because the review partner considers that "
            "a condition mentioned in section 24(1)(a) to (c) is not satisfied: it must "
            "notify the Secretary of State",
            "no review of the death was discontinued under s.24(3)",
        ),
    ),
    (  # s.27(6)
        _given(
            "notified_no_duty",
            "s.27(6)",
            "whether the review partner notified that it is not under a duty to arrange a review",
            "the review partner notified the Secretary of State that it is not under a duty "
            "to arrange a review",
            "the review partner did not notify that it is not under a duty to arrange a review",
        ),
        _given(
            "later_decided_duty",
            "s.27(6)",
            "whether the review partner afterwards decided it is under that duty",
            "afterwards the review partner decided that it is under that duty: it must notify "
            "the Secretary of State of that decision",
            "the review partner has not since decided that it is under that duty",
        ),
    ),
)


@checked
def must_notify_again(facts: ReviewFacts) -> Answer:
    """Whether a review partner must notify the Secretary of State again (s.27(3)-(6)).

    After a first notification the partner must notify: its decision, once taken, after
    notifying that it could not decide (s.27(3)); a decision, before the review starts,
    that it is not under the duty after notifying that it was (s.27(4)); a review
    discontinued because a condition of s.24(1)(a)-(c) is not met (s.27(5)); a later
    decision that it is under the duty after notifying that it was not (s.27(6)). ``yes``
    when one of the four holds, ``no`` when each is ruled out (or s.27 is not in force),
    ``undetermined`` naming the facts still needed. The Act sets no period for these.

    Example:
        >>> a = must_notify_again(ReviewFacts(in_force=True, discontinued=True))
        >>> a.verdict.value, a.reasons[-1].rule
        ('yes', 's.27(5)')
    """
    question = "Must this review partner notify the Secretary of State again (s.27(3)-(6))?"
    reasons, missing, failed, held = _weigh_routes(facts, (_IN_FORCE,), _AGAIN)
    if held is not None and not missing:
        reasons = [r for r in reasons if r not in held] + held  # the route that holds last
    return answer(question, reasons, missing, failed=failed)
