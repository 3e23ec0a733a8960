"""Knowledge from two sources: the incident's own facts and what its offence code proves.

The two are combined, never chosen between: consistent facts settle an answer, and
contradictory ones are reported as conflicts (a :class:`~svduty.errors.ConflictError` for
one incident, a rejected row in a table).

Example:
    >>> sorted({p.field for p in conflicts({"offence_code": "8N", "behaviours": frozenset()})})
    ['behaviours', 'offence_code']
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from svduty.definitions._age_at_death import (
    CHILD_UNDER_13,
    INFANTICIDE,
    age_bounds,
    coded_age_bounds,
    years_surely_passed,
)
from svduty.definitions._atoms import Given, Has
from svduty.definitions._dvcva import DHR_AGE, DHR_BY_FACTS
from svduty.definitions._expr import All, Expr, Not, ScalarEnv
from svduty.definitions._law import (
    DEATH,
    FACTS,
    FORCE_BY_WEAPON,
    PROVED_BY_CODE,
    RULES_LAW,
    VICTIM_16,
    WEAPON,
)
from svduty.definitions._offences import FACT_NAMES, OFFENCES, POLICE_UK_CATEGORIES
from svduty.definitions._owhr import CDR_BY_FACTS, UNDER_18, USED_TO_INJURE
from svduty.definitions._pilot import OWHR_PILOT_AS_MADE
from svduty.definitions._places import PilotArea, ResolveDistrict, district_of
from svduty.definitions._sar import (
    CARE,
    OMITTED_HINT,
    SAR_NO_NEEDS,
    SAR_OMITTED,
    SAR_OMITTED_WORDS,
    SAR_WITHOUT_NEEDS,
)
from svduty.definitions._vocab import Country
from svduty.errors import Problem, quote

_COUNTRIES = frozenset(c.value for c in Country)

__all__ = [
    "AGE_AT_DEATH",
    "CDR_OF_AN_ADULT",
    "CDR_OMITTED",
    "CODED_AGE_AT_DEATH",
    "DEATH_BEFORE",
    "DHR_OMITTED",
    "DHR_UNDER_16",
    "INFANT",
    "INFANT_DIED_LATE",
    "NO_DEATH",
    "REVIEWS_BY_AGE",
    "REVIEWS_BY_FACTS",
    "RULED_OUT",
    "SCH3_NO_SEXUAL",
    "UNDER_13",
    "category_contradicts",
    "conflicts",
    "country_contradicts",
    "fact_conflicts",
    "table_of",
]

_LAW = {r.id: r for r in RULES_LAW}

RULED_OUT = "proves {} although the incident's own facts rule it out"
"""The conflict of a code that proves what the incident's own facts rule out."""

DEATH_BEFORE = "is before the incident's date: a death cannot precede the incident"
"""The conflict of a date of death wholly before the incident's date (day or month)."""
SCH3_NO_SEXUAL = "is true although the behaviours given omit 'sexual'"
"""The conflict of a stated Sch 3 sexual offence (s.13(4)) with no sexual behaviour."""
NO_DEATH = "is given although the incident's own facts say nobody died"
"""The conflict of a date of death with ``died: false`` (or harms without ``death``)."""
INFANT = "a child under twelve months"
"""What an infanticide (4.2) proves of ``victim_age`` (Infanticide Act 1938 s.1(1)), as a
clash of :func:`fact_conflicts` names it: an age of 1 or more contradicts it (owhr42's
monotonicity property: knowing the code hid the conflicts its absence showed)."""
INFANT_DIED_LATE = (
    "is a year or more after the incident's date, although an infanticide (4.2) is the death "
    "of a child under twelve months (Infanticide Act 1938 s.1(1)), born by the act"
)
"""The conflict of an infanticide code with a death a whole year or more after the incident:
the child, alive at the act or omission, was 1 or more at death (infant42: without the code,
an infant at the incident who died 20 years on was a conflict; with it, an answer)."""
UNDER_13 = "a child under 13"
"""What a code of SOA 2003 ss.5-8 proves of ``victim_age`` ("the other person is under
13"), as a clash of :func:`fact_conflicts` names it: an age of 13 or more contradicts it."""
AGE_AT_DEATH = "is not an age the victim can have had at death, given victim_age and the dates"
"""The conflict of an age at death below ``victim_age``, or above what the dates allow."""
CODED_AGE_AT_DEATH = (
    "is not an age the victim can have had at death, given what the offence code proves "
    "(infanticide: under twelve months; a victim under 13, under 16, or 16 or over) and "
    "the dates"
)
"""The conflict of an age at death that the offence code's victim and the dates rule out."""

# the pilot partners are the same in every configuration (only the period is in doubt)
_PILOT_AREA = PilotArea(OWHR_PILOT_AS_MADE.partners, OWHR_PILOT_AS_MADE.possible)


COUNTRY_OF_BOTH = " (country is that of the incident and the death; leave it out when they differ)"
"""What a country contradicting a place code is told (s.24(1)(b) reads it as the death's)."""


def country_contradicts(country: object, field: str) -> str:
    """The conflict of a country that a place code (``location``, ``place_of_death``) denies.

    Both engines word it alike (owhr43): the country is a word of :class:`Country`, shown;
    anything else is described, never shown.

    Example:
        >>> country_contradicts("Scotland", "location")[:40]
        "'Scotland' contradicts the location code"
    """
    return f"{quote(country, vocabulary=_COUNTRIES)} contradicts the {field} code" + COUNTRY_OF_BOTH


def category_contradicts(code: str) -> str:
    """The conflict of a police.uk category under which an offence code is not published.

    Both engines word it alike (owhr-recheck43): the code is one of the offence table's
    and the category the one police.uk publishes it under, so neither is personal data.

    Example:
        >>> category_contradicts("8N")
        "offence code 8N is published as 'Violence and sexual offences'"
    """
    return f"offence code {code} is published as {OFFENCES.by_code[code].police_uk_category!r}"


ARTICLE_FIELDS = ("made_or_adapted", "intended_for_injury")
"""The facts about the article used (PCA 1953 s.1(4)): nothing to state with no weapon."""
NO_ARTICLE = "is true although weapon is 'none': no article to be made, adapted or intended"
ARTICLE_USED_TO_INJURE = All(WEAPON, USED_TO_INJURE)
"""A weapon used intentionally against a person in an offence requiring an intent to injure
(murder, attempted murder): PCA 1953 s.1(4)'s second limb, as read (law60)."""
INTENT_CONTRADICTED = (
    "is false although the weapon was used intentionally against a person in an offence "
    "that requires an intent to kill or to cause injury (its offence code), which is its "
    "use for causing injury (Prevention of Crime Act 1953 s.1(4), second limb, which PCSC "
    "Act 2022 s.24(8) adopts): give one or the other"
)
"""The conflict of ``intended_for_injury: false`` beside a weapon so used (law59: it was
answered ``required``, the stated fact set aside; law60: only where the offence requires an
intent to injure, since force used intentionally is not by itself that intent)."""
CDR_OF_AN_ADULT = (
    "names a child death review although the victim was 18 or over at death (Children Act "
    "2004 s.16M reviews the death of a child, s.65(1): a person under 18)"
)
"""The conflict of a child death review flagged for a victim an adult at death."""
DHR_UNDER_16 = (
    "names a domestic homicide review although the victim was under 16 at death (Domestic "
    "Violence, Crime and Victims Act 2004 s.9(1): the death of a person aged 16 or over)"
)
"""The conflict of a domestic homicide review flagged for a victim under 16 at death."""
REVIEWS_BY_AGE = (
    ("child_death_review", UNDER_18, CDR_OF_AN_ADULT),
    ("domestic_homicide_review", DHR_AGE, DHR_UNDER_16),
)
"""Each review of the death of a person of some age: the review, what the age must be at
death, and the conflict's words when it is not, where a death is known (a review flagged
with ``died: false`` is read as no review, as s.26 reads it; one where nobody is known to
have died is no conflict yet, so that removing a fact never makes one). Not among them: a
safeguarding adults review, which may be of a case involving another adult (Care Act 2014
s.44(4)), and the place of death, as a child death review and a safeguarding adults review
follow the person's area and a Welsh Safeguarding Board's reviews are of children and
adults both."""

CDR_OMITTED = (
    "omits a child death review although the victim was under 18 at death and died in "
    "England: one must or may be arranged of every such death (Children Act 2004 s.16M(1), "
    "(2)), and it takes precedence (PCSC Act 2022 s.26(1)(a))" + OMITTED_HINT
)
"""The conflict of a list of other reviews that omits a child death review the facts show."""
DHR_OMITTED = (
    "omits a domestic homicide review although the victim was 16 or over at death and the "
    "death resulted from the violence, abuse or neglect of a suspect related to them, in (or "
    "formerly in) an intimate personal relationship with them, or of their household: the "
    "death may be the subject of one (Domestic Violence, Crime and Victims Act 2004 s.9(1)), "
    "and it takes precedence (PCSC Act 2022 s.26(1)(b))" + OMITTED_HINT
)
"""The conflict of a list of other reviews that omits a domestic homicide review the facts
show."""


def _omits(review: str, facts: Expr) -> Expr:
    return All(Given("other_reviews"), Not(Has("other_reviews", review)), facts)


REVIEWS_BY_FACTS: tuple[tuple[str, Expr, str], ...] = (
    ("other_reviews", _omits("child_death_review", CDR_BY_FACTS), CDR_OMITTED),
    ("other_reviews", _omits("domestic_homicide_review", DHR_BY_FACTS), DHR_OMITTED),
    (CARE, SAR_OMITTED, SAR_OMITTED_WORDS),
)
"""Each review of s.26(1) the facts alone show must or may be held, as a list that omits it:
the field the conflict names, the list's omission where the facts show the review, and the
conflict's words, where a death is known. s.26(1) asks whether a review "must or may be
arranged", whether the death "may be the subject of" one, whether one "must or may be
established": questions of law on the facts, which a given list answers for every review
it leaves out (none can be held); so leaving out one the facts show contradicts them, for
the three limbs alike (owhr42). A list that names a review the facts do not show is no
conflict but where :data:`REVIEWS_BY_AGE` or the needs say otherwise: a domestic homicide
review may follow another person's violence, abuse or neglect than the suspect's.

Example:
    >>> from svduty.definitions._expr import ScalarEnv
    >>> wife = ScalarEnv({"relationship": "married", "victim_age_at_death": 30,
    ...                   "behaviours": frozenset({"physical"}), "other_reviews": frozenset()})
    >>> [words[:40] for _, omits, words in REVIEWS_BY_FACTS if omits.scalar(wife)]
    ['omits a domestic homicide review althoug']
"""


def conflicts(
    values: Mapping[str, Any], resolve_district: ResolveDistrict | None = None
) -> list[Problem]:
    """The contradictions among an incident's facts (plain values), as problems.

    ``resolve_district`` (a partnership geography's look-up) places an LSOA
    ``place_of_death`` in its district, so that a ``pilot_partner`` it contradicts is
    named with the others, where the columnar engine names it (without one, only a
    district code is placed).

    A fact the incident gives and a fact its offence code (or police.uk category) proves
    must agree: a murder code with ``died: false``, a victim of 30 with a child rape code
    (a possession of weapons code says a weapon was had, not used: it agrees with
    ``weapon: none``). Code-implied facts are combined
    with the incident's own as knowledge; a contradiction is reported, never resolved by
    a silent choice.

    Example:
        >>> [p.field for p in conflicts({"country": "Scotland", "location": "E07000218"})]
        ['country']
        >>> [p.field for p in conflicts({"offence_code": "1", "died": False})]
        ['died']
        >>> import pendulum
        >>> [p.message for p in conflicts({"date_of_death": "2023-03",
        ...     "first_day": pendulum.Date(2023, 4, 1),
        ...     "death_last_day": pendulum.Date(2023, 3, 31)})]
        ["is before the incident's date: a death cannot precede the incident"]
    """
    out = []
    harms = values.get("harms") or frozenset()
    if values.get("died") is False and "death" in harms:
        out.append(Problem(message="contradicts harms containing 'death'", field="died"))
    if values.get("died") is True and values.get("harms") is not None and "death" not in harms:
        out.append(Problem(message="contradicts harms without 'death'", field="died"))
    if values.get("date_of_death") is not None:
        first, last = values.get("first_day"), values.get("death_last_day")
        if first is not None and last is not None and last < first:
            out.append(Problem(message=DEATH_BEFORE, field="date_of_death"))
        if DEATH.explicit.scalar(ScalarEnv(values)) is False:
            out.append(Problem(message=NO_DEATH, field="date_of_death"))
        infant = INFANTICIDE.scalar(ScalarEnv(values))
        if infant and years_surely_passed(ScalarEnv(values)) >= 1:
            out.append(Problem(message=INFANT_DIED_LATE, field="date_of_death"))
    code = values.get("offence_code")
    cat = values.get("police_uk_category")
    table = table_of(code, cat)
    stated = values.get("victim_age_at_death")
    if stated is not None:
        env = ScalarEnv(values)
        for message, (lowest, highest) in (
            (AGE_AT_DEATH, age_bounds(env)),
            (
                CODED_AGE_AT_DEATH,
                coded_age_bounds(
                    env,
                    table.get(VICTIM_16.implied),
                    INFANTICIDE.scalar(env),
                    CHILD_UNDER_13.scalar(env),
                ),
            ),
        ):
            if (lowest is not None and stated < lowest) or (
                highest is not None and stated > highest
            ):
                out.append(Problem(message=message, field="victim_age_at_death"))
        if DEATH.explicit.scalar(env) is False:
            out.append(Problem(message=NO_DEATH, field="victim_age_at_death"))
    offence = OFFENCES.by_code.get(code) if code else None
    if offence is not None and cat is not None:
        members = POLICE_UK_CATEGORIES.find(cat).codes
        if offence.code not in members:
            out.append(
                Problem(message=category_contradicts(offence.code), field="police_uk_category")
            )
    out.extend(fact_conflicts(values, table))
    own = ScalarEnv(values, rules=_LAW)  # no table: what the incident's own facts settle
    # and with what the category alone proves: where they rule out what the code proves,
    # removing the code would turn the answer over (owhr-recheck43)
    by_cat = ScalarEnv(values, table_of(None, cat), rules=_LAW)
    for key, expr in PROVED_BY_CODE:
        if table.get(key) is True and False in (expr.scalar(own), expr.scalar(by_cat)):
            out.append(Problem(message=RULED_OUT.format(key), field="offence_code"))
    behaviours = values.get("behaviours")
    if values.get("schedule_3_offence") and behaviours is not None and "sexual" not in behaviours:
        out.append(Problem(message=SCH3_NO_SEXUAL, field="schedule_3_offence"))
    omits = behaviours is not None and "physical" not in behaviours
    if omits and FORCE_BY_WEAPON.scalar(ScalarEnv(values, table)):
        out.append(
            Problem(
                message="omits 'physical' although a weapon was used intentionally to "
                "injure or kill",
                field="behaviours",
            )
        )
    reviews = values.get("other_reviews")
    env = ScalarEnv(values, table)
    # where a death is known (the incident's own facts, or its offence's): knowing less
    # never makes a conflict, as a review flag is read only where someone died (s.26)
    if reviews and DEATH.scalar(env) is True:
        for review, age, message in REVIEWS_BY_AGE:
            if review in reviews and age.scalar(env) is False:
                out.append(Problem(message=message, field="other_reviews"))
    # Care Act 2014 s.44(1), (4): a review of a case involving an adult with needs for care
    # and support; a list that names one the facts rule out is wrong where a death is known
    # (as the reviews by age: a review is of a death), and so is one that omits any review
    # of s.26(1) the facts show
    dead = DEATH.scalar(env) is True
    if SAR_WITHOUT_NEEDS.scalar(env) is True and dead:
        out.append(Problem(message=SAR_NO_NEEDS, field=CARE))
    for field, left_out, message in REVIEWS_BY_FACTS:
        if dead and left_out.scalar(env) is True:
            out.append(Problem(message=message, field=field))
    for field in ARTICLE_FIELDS:
        if values.get("weapon") == "none" and values.get(field) is True:
            out.append(Problem(message=NO_ARTICLE, field=field))
    if values.get("intended_for_injury") is False and ARTICLE_USED_TO_INJURE.scalar(env) is True:
        out.append(Problem(message=INTENT_CONTRADICTED, field="intended_for_injury"))
    if values.get("target") == "self" and values.get("relationship") not in (None, "none"):
        out.append(
            Problem(
                message="'self' leaves no second person to be personally connected to",
                field="target",
            )
        )
    place, stated = values.get("place_of_death"), values.get("pilot_partner")
    if place is not None and _PILOT_AREA.conflict(district_of(place, resolve_district), stated):
        out.append(
            Problem(message="contradicts the place of death (SI 2023/227)", field="pilot_partner")
        )
    country = values.get("country")
    for field in ("location", "place_of_death"):
        loc = values.get(field)
        if country is None or loc is None:
            continue
        ew_country = country in ("England", "Wales")
        if ew_country != (loc[0] in "EW") or (ew_country and country[0] != loc[0]):
            out.append(Problem(message=country_contradicts(country, field), field="country"))
    return out


def table_of(code: str | None, category: str | None) -> dict[str, bool | None]:
    """What an offence code (else a police.uk category) proves, fact by fact.

    ``known_code`` says whether the code is in the table at all.

    Example:
        >>> table_of("105A", None)["injury"], table_of("999Z", None)["known_code"]
        (False, None)
    """
    offence = OFFENCES.by_code.get(code) if code else None
    cat = POLICE_UK_CATEGORIES.find(category) if category else None
    out: dict[str, bool | None] = {}
    for k in FACT_NAMES:
        v = offence.facts[k] if offence else None
        out[k] = v if v is not None else (cat.facts[k] if cat else None)
    out["known_code"] = True if offence is not None else None
    return out


def fact_conflicts(values: Mapping[str, Any], table: Mapping[str, bool | None]) -> list[Problem]:
    """Where a fact the incident gives contradicts what its code or category proves.

    Example:
        >>> [p.field for p in fact_conflicts({"victim_age": 30}, table_of("19E", None))]
        ['victim_age']
        >>> [p.message for p in fact_conflicts({"victim_age": 14, "offence_code": "19E"},
        ...                                    table_of("19E", None))]
        ['contradicts what the offence code proves (a child under 13: yes)']
    """
    env = ScalarEnv(values)
    clash: dict[str, list[str]] = {}
    for fact in FACTS:
        given = fact.explicit.scalar(env)
        implied = table.get(fact.implied)
        if given is not None and implied is not None and given is not implied:
            word = "yes" if implied else "no"
            clash.setdefault(fact.explicit.fields()[0], []).append(f"{fact.implied}: {word}")
        if fact is VICTIM_16 and INFANTICIDE.scalar(env) and (values.get("victim_age") or 0) >= 1:
            clash.setdefault("victim_age", []).append(f"{INFANT}: yes")
        child = fact is VICTIM_16 and CHILD_UNDER_13.scalar(env)  # SOA 2003 ss.5-8
        if child and (values.get("victim_age") or 0) >= 13:
            clash.setdefault("victim_age", []).append(f"{UNDER_13}: yes")
    return [
        Problem(message=f"contradicts what the offence code proves ({', '.join(v)})", field=k)
        for k, v in clash.items()
    ]
