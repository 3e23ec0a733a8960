"""When s.24(6)(a) reads the victim's age: a reading chosen as data, its doubt written down.

PCSC Act 2022 s.24(6): "For the purposes of this section, the homicide of a person is a
qualifying homicide if— (a) the person was aged 18 or over, and (b) the death, or the
events surrounding it, involved the use of an offensive weapon." Paragraph (a) does not
say when the person was aged 18 or over, and a victim may die days or years after the
fatal events, with a birthday between. Nothing else in Chapter 2 settles it: s.36(1)
defines neither "homicide" nor an age; s.26(1)(a) excludes a death of which a child death
review must or may be arranged (Children Act 2004 s.16M: the death of a child, under 18,
at death), and s.24(7) lets the Secretary of State alter the meaning of "qualifying
homicide" by regulations, which SI 2022/1261 does not do for the age. So the text bears
two readings:

- :attr:`AgeReading.AT_DEATH` (svduty's, the default): the age at death, when the
  homicide is complete. It dovetails with s.26(1)(a): every victim is then either a child
  at death, whose death a child death review may take, or 18 or over, whose death may be
  an offensive weapons homicide review's.
- :attr:`AgeReading.AT_FATAL_EVENTS`: the age at the fatal events (the incident's
  ``victim_age``), when the weapon was used; "was aged" in the past tense beside "the
  events surrounding it" in (b). A victim of 17 then who died at 18 would not qualify,
  and, an adult at death, would have no child death review either.

:attr:`AgeReading.UNSETTLED` picks neither: a victim 18 or over at death but under 18 at the
fatal events (or either unknown) is undetermined, naming no fact it lacks where the ages
are known, since no fact settles which reading is the law's.

The reading is a field of the homicide review configuration
(:attr:`~svduty.definitions.OwhrPilot.age_reading`); the rule ``OWHR-S24-6`` cites
:data:`AGE_DOUBTS` for the one in force.

Example:
    >>> AgeReading("at_fatal_events") is AgeReading.AT_FATAL_EVENTS
    True
    >>> from svduty.definitions._expr import ScalarEnv
    >>> under_18(AgeReading.AT_FATAL_EVENTS).scalar(ScalarEnv({"victim_age": 17}))
    True
"""

from __future__ import annotations

from svduty._words import Words
from svduty.definitions._age_at_death import (
    CHILD_UNDER_13,
    CODE_PROVES_UNDER_16,
    INFANTICIDE,
    younger_at_death,
)
from svduty.definitions._atoms import Below, Given, Possibly, Undecided
from svduty.definitions._expr import All, Any_, Expr, Not, Rule
from svduty.definitions._owhr_doubts import AGE_DOUBT, HOMICIDE_DOUBT
from svduty.sources import Confidence, cite

__all__ = ["AGE_DOUBTS", "AgeReading", "age_rules", "readings_differ", "under_18"]


class AgeReading(Words):
    """When s.24(6)(a)'s "the person was aged 18 or over" reads the victim's age.

    ``AT_DEATH`` (the default): at death. ``AT_FATAL_EVENTS``: at the fatal events (the
    incident). ``UNSETTLED``: neither chosen; where the two differ the answer is
    undetermined (``OWHR-S24-6A-AGE-UNSETTLED``, naming no fact). The text does not say
    when: the citation of ``OWHR-S24-6`` states the reading in force and its doubt.

    Example:
        >>> [r.value for r in AgeReading]
        ['at_death', 'at_fatal_events', 'unsettled']
    """

    AT_DEATH = "at_death"
    AT_FATAL_EVENTS = "at_fatal_events"
    UNSETTLED = "unsettled"


_WORDS = (
    "s.24(6)(a) says 'the person was aged 18 or over' without saying when (nor does s.36(1) "
    "or SI 2022/1261); a victim may die after the fatal events, a birthday between: "
)
AGE_DOUBTS: dict[AgeReading, str] = {
    AgeReading.AT_DEATH: AGE_DOUBT,
    AgeReading.AT_FATAL_EVENTS: _WORDS
    + "this configuration reads the age at the fatal events (the incident's victim_age), "
    "'was aged' beside 'the events surrounding it' in (b); svduty's own reading is the age "
    "at death, when the homicide is complete: a victim of 17 at the events who died at 18 "
    "qualifies on that reading, not on this one (and, an adult at death, has no child "
    "death review under s.26(1)(a) either)",
    AgeReading.UNSETTLED: _WORDS
    + "this configuration chooses no reading: a victim 18 or over at death but under 18 at "
    "the fatal events (or either not known) leaves whether it is a qualifying homicide "
    "undetermined; svduty's own reading is the age at death",
}
"""The doubt ``OWHR-S24-6`` and ``OWHR-S24-6A-UNDER-18`` cite, by reading (at death:
:data:`~svduty.definitions._owhr_doubts.AGE_DOUBT`, as before law56)."""

AT_DEATH = younger_at_death(18)
# The age at the fatal events is the incident's victim_age: an offence whose victim must be
# a child (under 16, under 13: read only without victim_age, as for the age at death) or
# an infant at death (infanticide) bounds it, and so does an age at death under 18 (no one
# is older at the events than at death)
AT_EVENTS = Any_(
    Below("victim_age", 18),
    INFANTICIDE,
    CODE_PROVES_UNDER_16,
    CHILD_UNDER_13,
    All(Given("victim_age_at_death"), Below("victim_age_at_death", 18)),
)


def under_18(reading: AgeReading) -> Expr:
    """The victim was under 18 as ``reading`` reads s.24(6)(a) (three-valued, monotone).

    Example:
        >>> from svduty.definitions._expr import ScalarEnv
        >>> e = ScalarEnv({"victim_age": 17, "victim_age_at_death": 18})
        >>> [under_18(r).scalar(e) for r in AgeReading]
        [False, True, None]
    """
    if reading is AgeReading.AT_DEATH:
        return AT_DEATH
    if reading is AgeReading.AT_FATAL_EVENTS:
        return AT_EVENTS
    # under 18 on both readings, 18 or over on both, else (they differ) undetermined
    return Any_(All(AT_DEATH, AT_EVENTS), All(Any_(AT_DEATH, AT_EVENTS), Undecided()))


def age_rules(reading: AgeReading, homicide: Expr, weapon: Expr) -> tuple[Expr, Rule, Rule, Rule]:
    """A qualifying homicide (s.24(6)) as ``reading`` reads (a), and its three rules.

    ``homicide`` and ``weapon`` are the homicide and the offensive weapon of (b) (the
    homicide review rules' own). The rules: ``OWHR-S24-6`` (a qualifying homicide),
    ``OWHR-S24-6A-UNDER-18`` (not: under 18 as read) and ``OWHR-S24-6A-AGE-UNSETTLED``
    (``UNSETTLED`` only: the readings differ).

    Example:
        >>> from svduty.definitions._atoms import IsTrue
        >>> _, yes, no, _ = age_rules(AgeReading.AT_FATAL_EVENTS, IsTrue("h"), IsTrue("w"))
        >>> no.says[:60]
        'not a qualifying homicide: the victim was under 18 at the fa'
    """
    under = under_18(reading)
    qualifying = All(homicide, Not(under), weapon)
    doubt = AGE_DOUBTS[reading]
    at = "at death" if reading is AgeReading.AT_DEATH else "at the fatal events"
    if reading is AgeReading.UNSETTLED:
        at = "at death and at the fatal events"
    yes = Rule(
        "OWHR-S24-6",
        qualifying,
        "a qualifying homicide: the victim was 18 or over and the death, or the events "
        "surrounding it, involved the use of an offensive weapon",
        cite("pcsc-act-2022", "s.24(6)", doubt=f"{HOMICIDE_DOUBT}; {doubt}"),
    )
    no = Rule(
        "OWHR-S24-6A-UNDER-18",
        All(Possibly(homicide), under),
        f"not a qualifying homicide: the victim was under 18 {at} (by their age at the "
        "incident and the dates, or by what the offence recorded requires)",
        cite("pcsc-act-2022", "s.24(6)(a)", doubt=doubt),
    )
    open_ = Rule(
        "OWHR-S24-6A-AGE-UNSETTLED",
        All(Possibly(homicide), readings_differ(reading)),
        "whether it is a qualifying homicide is undetermined: the victim was 18 or over at "
        "death but under 18 at the fatal events, and s.24(6)(a) ('the person was aged 18 or "
        "over') does not say when; no fact settles it",
        cite("pcsc-act-2022", "s.24(6)(a)", confidence=Confidence.UNCONFIRMED, doubt=doubt),
    )
    return qualifying, yes, no, open_


# false whatever the facts (a rule of one reading has this expression under the others, so
# the national table knows its id and never reports it there)
_NEVER = All(Given("date"), Not(Given("date")))


def readings_differ(reading: AgeReading) -> Expr:
    """Where ``UNSETTLED`` leaves the age undetermined: 18 or over at death, not at the events.

    Never true under the other readings, which decide it.

    Example:
        >>> from svduty.definitions._expr import ScalarEnv
        >>> e = ScalarEnv({"victim_age": 17, "victim_age_at_death": 18})
        >>> [readings_differ(r).scalar(e) for r in AgeReading]
        [False, False, True]
    """
    if reading is not AgeReading.UNSETTLED:
        return _NEVER
    return All(Not(AT_DEATH), AT_EVENTS)
