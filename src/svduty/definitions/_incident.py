"""The incident: every fact optional, in the words of the JSON contract.

Example:
    >>> i = Incident.from_json({"id": "a1", "offence_code": "8N", "victim_age": 19})
    >>> i.offence_code, i.victim_age
    ('8N', 19)
    >>> i.to_json()
    {'id': 'a1', 'offence_code': '8N', 'victim_age': 19}
"""

from __future__ import annotations

import calendar
import decimal
import enum
import functools
import math
from collections.abc import Callable, Iterable, Mapping
from typing import Any, get_type_hints

import attrs
import pendulum

from svduty._checked import checked_methods
from svduty.definitions._field_values import age_value as _age
from svduty.definitions._field_values import bool_value as _bool
from svduty.definitions._field_values import enum_set as _enum_set
from svduty.definitions._field_values import enum_value as _enum
from svduty.definitions._field_values import plain as _plain
from svduty.definitions._incident_text import blank as _blank
from svduty.definitions._incident_text import date as _date
from svduty.definitions._incident_text import date_of_death as _date_of_death
from svduty.definitions._incident_text import location as _location
from svduty.definitions._incident_text import place_of_death as _place_of_death
from svduty.definitions._knowledge import conflicts
from svduty.definitions._offences import POLICE_UK_CATEGORIES, normalise_offence_code
from svduty.definitions._places import ResolveDistrict
from svduty.definitions._review_values import (
    aware_before_pilot_end_value,
    body_located_value,
    care_and_support_needs_value,
    dsi_matter_value,
    identity_recorded_value,
    intended_for_injury_value,
    made_or_adapted_value,
    pilot_partner_value,
    review_information_value,
    same_household_value,
)
from svduty.definitions._spelling import LONE_SURROGATE, incident_id, lone_surrogate
from svduty.definitions._unknown_keys import object_expected, unknown_keys
from svduty.definitions._vocab import (
    Behaviour,
    Context,
    Country,
    Harm,
    OtherReview,
    Relationship,
    Target,
    Weapon,
)
from svduty.errors import ConflictError, DataError, Problem

__all__ = ["FLAGS", "Incident"]


def _behaviours(v: Iterable[Behaviour | str] | None) -> frozenset[Behaviour] | None:
    return _enum_set("behaviours", Behaviour, v)


def _harms(v: Iterable[Harm | str] | None) -> frozenset[Harm] | None:
    return _enum_set("harms", Harm, v)


def _context(v: Iterable[Context | str] | None) -> frozenset[Context] | None:
    return _enum_set("context", Context, v)


def _reviews(v: Iterable[OtherReview | str] | None) -> frozenset[OtherReview] | None:
    return _enum_set("other_reviews", OtherReview, v)


def _target(v: Target | str | None) -> Target | None:
    v = _blank(v)
    return None if v is None else _enum("target", Target, v)


def _weapon(v: Weapon | str | None) -> Weapon | None:
    v = _blank(v)
    return None if v is None else _enum("weapon", Weapon, v)


def _relationship(v: Relationship | str | None) -> Relationship | None:
    v = _blank(v)
    return None if v is None else _enum("relationship", Relationship, v)


def _country(v: Country | str | None) -> Country | None:
    v = _blank(v)
    return None if v is None else _enum("country", Country, v)


def _victim_age(v: int | None) -> int | None:
    return _age("victim_age", v)


def _perpetrator_age(v: int | None) -> int | None:
    return _age("perpetrator_age", v)


def _intentional(v: bool | None) -> bool | None:
    return _bool("intentional", v)


def _died(v: bool | None) -> bool | None:
    return _bool("died", v)


def _span(text: str | None) -> tuple[pendulum.Date | None, pendulum.Date | None]:
    """The first and last day a day (``YYYY-MM-DD``) or month (``YYYY-MM``) may be."""
    if text is None:
        return None, None
    if len(text) == 10:
        d = pendulum.Date.fromisoformat(text)
        return d, d
    y, m = int(text[:4]), int(text[5:7])
    return pendulum.Date(y, m, 1), pendulum.Date(y, m, calendar.monthrange(y, m)[1])


def _whole_decimal(v: decimal.Decimal) -> bool:
    """A finite whole number below 2**64 (``copy_abs``: no context, 1e99999999 overflows)."""
    return v.is_finite() and v.copy_abs() < 2**64 and v == v.to_integral_value()


def _code(value: str | int | None) -> str | None:
    v: Any = _blank(value)
    if isinstance(v, float) and math.isfinite(v) and v.is_integer():
        v = int(v)  # a whole number, as a column with a gap (pandas) has it
    elif isinstance(v, decimal.Decimal) and _whole_decimal(v):
        v = int(v)  # exact (json.loads(parse_float=Decimal)): 8.0 is 8, 8.0000000000000001 no
    if isinstance(v, int) and not isinstance(v, bool) and v.bit_length() <= 64:  # (longer:
        v = str(v)  # no code, refused below) digits, as a column of numbers is cast
    return None if v is None else normalise_offence_code(v)


def _category(v: str | None) -> str | None:
    v = _blank(v)
    return None if v is None else POLICE_UK_CATEGORIES.find(v).name


def _schedule_3_offence(v: bool | None) -> bool | None:
    return _bool("schedule_3_offence", v)


def _victim_age_at_death(v: int | None) -> int | None:
    return _age("victim_age_at_death", v)


def _id(v: str | int | None) -> str | None:
    return incident_id(v)


def _fields() -> tuple[str, ...]:
    return tuple(a.name for a in attrs.fields(Incident))


@functools.cache
def _converters() -> dict[str, Callable[[Any], Any]]:
    """Each field's converter, by name (every field of :class:`Incident` has one)."""
    return {a.name: a.converter for a in attrs.fields(Incident)}  # type: ignore[misc]


@checked_methods
@attrs.frozen(slots=True)
class Incident:
    """One incident; every fact is optional (``None`` = not known).

    The field names are the JSON contract. Lists (``behaviours``, ``harms``,
    ``context``, ``other_reviews``) are sets: order does not matter. Every absent
    fact is unknown; a definition may presume an absent ``context`` or
    ``other_reviews`` list to be "none indicated", and then says so in its reasons.
    A word is read without regard to case or to the whitespace around it (``"KNIFE"``,
    ``" knife "``) and kept as the contract spells it; an age may have a zero fraction
    (``30.0``); an offence code may be a whole number (``8``); a date may be a
    :class:`datetime.date` or :class:`datetime.datetime` (its day). The columnar
    classifier (:func:`~svduty.definitions.classify_table`) reads every value alike.

    Attributes:
        id: The caller's id for the incident (never interpreted).
        date: The day (``YYYY-MM-DD``) or month (``YYYY-MM``) it happened.
        offence_code: The Home Office offence code, such as ``"8N"``.
        police_uk_category: The police.uk crime type.
        behaviours: The kinds of behaviour (DA Act 2021 s.1(3)), of any incident, not
            only domestic abuse: ``physical`` is physical force against a person or
            property (an arson is ``physical`` with ``target`` ``property``); an empty
            list says none of the kinds happened, which rules violence out.
        intentional: Whether force or power was used intentionally.
        target: Against whom or what.
        harms: The harms it resulted in.
        weapon: The weapon used (``none`` if none): an article only carried is not
            recorded (s.24(6)(b) asks whether the events "involved the use of an
            offensive weapon"; ``intentional`` and ``target`` describe the force used).
            svduty reads a weapon produced to threaten within the events as used, as
            the Prevention of Crime Act 1953 s.1A treats threatening with one: record
            it (the Act does not say; nor whose use counts, so any party's does).
        victim_age: The victim's age in years at the incident (its ``date``). Where the
            victim died, the age at death (s.24(6)(a): "the person was aged 18 or over";
            a child death review, s.26(1)(a); DVCVA 2004 s.9(1): "aged 16 or over")
            follows from it and the dates: a victim of 17 may have turned 18 before a
            death months later, so that is ``undetermined`` unless ``date_of_death``
            shows no birthday can have fallen in between (or ``victim_age_at_death``
            is given).
        perpetrator_age: The perpetrator's age in years.
        relationship: How they are (or were) connected (DA Act 2021 s.2).
        context: Context flags (county lines, gang, social media, exploitation,
            terrorism).
        died: Whether the victim died as a result of the incident (s.24(6): "the
            homicide of a person"; a later death of another cause is not).
        location: A GSS code: an LSOA or a district.
        country: The country of the incident and the death (s.24(1)(b); see Country).
        other_reviews: Reviews that must or may be held instead of an offensive
            weapons homicide review (s.26), and ``mental_health_investigation`` (a death
            regulations under s.26(2), (4) may exclude); an extension of the contract. A
            given list is the whole of them: leaving out a review the facts show (s.26(1))
            is a conflict where a death is known, so ``[]`` says none may be held; a list
            of only the reviews known of is left out (the facts then decide).
        place_of_death: A GSS code: where the death occurred, or is likely to have
            occurred (s.24(1)(b)); it decides the relevant review partners (s.25). Where
            that is not known leave it out: where the body was found alone does not say
            in which country the death occurred (a victim stabbed in Birmingham and
            found in Scotland), and the pilot's reach can be given as ``pilot_partner``.
        review_information: Whether one or more review partner has, or would reasonably
            be expected to have, information about the victim or a person who caused, or
            is likely to have caused, the death: that there is a risk a person may commit,
            or be a victim of, antisocial or criminal behaviour, known to it before the
            recorded time of death or the recorded death (SI 2022/1261 reg 4(2)(c), (3):
            one of the four conditions of s.24(1)(c); with the next three).
        pilot_partner: Whether the homicide review pilot (SI 2023/227) reaches the
            death through its relevant review partners. The place of death settles it in
            the fourteen pilot council areas (it does). Elsewhere it does not by the
            place (reg 6 reads a pilot area only), but SI 2022/1261 reg 8 (several
            deaths in one incident at an unknown or more than one location, a body found
            first in a pilot area) or a direction (reg 10(1)) may name pilot partners:
            ``true`` then; not given, the ``partners-by-place`` presumption reads it
            false, stated (law51; in the rest of the Metropolitan and West Midlands
            police areas and Warwickshire too since law58b). There a direction naming
            the place's partners would name a pilot police force or ICB (reg 1(2)), and
            the reach of reg 3 is not confirmed: state the reading you apply.
        date_of_death: The day (``YYYY-MM-DD``) or month (``YYYY-MM``) the victim died,
            or is likely to have died; it decides whether the death fell in the homicide
            review pilot period (SI 2023/227 reg 1(2), "relevant death"). It cannot be
            before the incident's ``date``, and it does not by itself say that the victim
            died (give ``died`` too).
        made_or_adapted: Whether the weapon was made or adapted for use for causing
            injury to the person (Prevention of Crime Act 1953 s.1(4), which s.24(8)
            adopts): a flick knife, a sword or a knuckleduster is; a kitchen knife is not
            (it is an offensive weapon only if ``intended_for_injury``). Not needed where
            ``intended_for_injury`` is ``true`` or the offence is murder (``1``, ``2``).
        schedule_3_offence: Whether the offence was one specified in Schedule 3 to the
            Sexual Offences Act 2003 other than paragraph 14 (a "sexual offence", s.13(4)),
            where the offence code does not say: sexual behaviour alone need not be one.
            It must agree with the code, and cannot be true with a behaviours list
            without ``sexual``.
        same_household: Whether the suspect (the person whose act caused the death) was
            of the victim's household in DVCVA 2004 s.9(1)(b)'s sense, not s.5(4)(a)'s
            wider one (code 4.7 does not settle it: ``DVCVA-S5-4``); a flatmate or a
            lodger may be one. With a relationship not a s.9(1)(a) one (``none``, or only
            a parental relationship) it decides whether a domestic homicide review may be
            held (the death resulting from their violence, abuse or neglect), which takes
            precedence over an offensive weapons homicide review (s.26(1)(b)).
        victim_age_at_death: The victim's age in years at death, where it is known and
            may differ from ``victim_age`` (a victim injured at 17 who died after
            turning 18). It settles the age of s.24(6)(a), s.26(1)(a) and DVCVA 2004
            s.9(1); one ruled out by ``victim_age``, the dates or the offence code: a conflict.
        intended_for_injury: Whether a person having the weapon intended it for use for
            causing injury (PCA 1953 s.1(4), second limb; s.24(8)): a kitchen knife carried
            to injure is an offensive weapon, the fatal wound accidental or not. An intent to
            injure, not an intent or recklessness as to the force: a weapon used
            intentionally against a person does not say it (law60), unless the offence
            requires it (murder, ``1``; attempted murder, ``2``). Not needed where the
            weapon was made or adapted to injure.
        care_and_support_needs: Whether the case involves an adult with needs for care and
            support, whether or not a local authority was meeting any of them (Care Act 2014
            s.44(1), (4): a safeguarding adults review is of "a case involving an adult in
            its area with needs for care and support"): the victim, or another adult the
            case involves. ``true``, with a death in England, means a safeguarding adults
            review may be arranged (s.44(4)), which takes precedence (s.26(1)(c));
            ``false`` rules one out: either whatever ``other_reviews`` says, and a list
            that omits a safeguarding adults review for a known death in England, or
            names one with ``false`` here, is a conflict. Not known: leave it out (the
            ``no-other-reviews`` presumption reads it as none known, list or no list, and
            says so; a definition with no presumptions names it among the missing).
        aware_before_pilot_end: Whether, before the homicide review pilot period ended,
            a review of the death had started (not discontinued) or a review partner was
            aware of qualifying circumstances (PCSC Act 2022 s.27(7)) without knowing that
            s.26 excluded it or notifying the Secretary of State of no duty (SI 2023/227
            reg 4(1), (2)): only then does the duty continue after the period. ``false``:
            no review is required; not known: leave it out (the ``aware-in-time``
            presumption reads it as true, and says so; without it, undetermined, naming it).
            The end is in doubt (9 months as made, 18 announced): awareness only from 1
            January to 30 September 2024 was before the one and not the other, so leave it
            out there too rather than choose (``false`` would choose the 9 months).
        body_located: Whether the body of the person who died, or part of it, has been
            located (SI 2022/1261 reg 4(2)(a)). ``false``: no review is required.
        identity_recorded: Whether the police have recorded the identity of the person who
            died or of at least one person who caused, or is likely to have caused, the
            death (reg 4(2)(b); "recorded": on a chief officer's official computer system,
            reg 2). ``false``: no review is required.
        dsi_matter: Whether the death is a "death or serious injury matter" within the
            meaning of the Police Reform Act 2002 s.12(2A) (reg 4(2)(d)). ``true``: no
            review is required. Not known, any of the three: leave it out (undetermined).

    Raises:
        DataError: naming the field, for a value that is not allowed.
        ConflictError: for facts that contradict each other.

    Example:
        >>> Incident(behaviours=["economic", "physical"], victim_age=40).behaviours == {
        ...     Behaviour.PHYSICAL, Behaviour.ECONOMIC}
        True
        >>> Incident(weapon=" KNIFE", country="scotland", victim_age=30.0).to_json()
        {'weapon': 'knife', 'victim_age': 30, 'country': 'Scotland'}
        >>> Incident(died=False, harms=["death"])
        Traceback (most recent call last):
        ...
        svduty.errors.ConflictError: died: contradicts harms containing 'death'
    """

    id: str | None = attrs.field(default=None, converter=_id)
    date: str | None = attrs.field(default=None, converter=_date)
    offence_code: str | None = attrs.field(default=None, converter=_code)
    police_uk_category: str | None = attrs.field(default=None, converter=_category)
    behaviours: frozenset[Behaviour] | None = attrs.field(default=None, converter=_behaviours)
    intentional: bool | None = attrs.field(default=None, converter=_intentional)
    target: Target | None = attrs.field(default=None, converter=_target)
    harms: frozenset[Harm] | None = attrs.field(default=None, converter=_harms)
    weapon: Weapon | None = attrs.field(default=None, converter=_weapon)
    victim_age: int | None = attrs.field(default=None, converter=_victim_age)
    perpetrator_age: int | None = attrs.field(default=None, converter=_perpetrator_age)
    relationship: Relationship | None = attrs.field(default=None, converter=_relationship)
    context: frozenset[Context] | None = attrs.field(default=None, converter=_context)
    died: bool | None = attrs.field(default=None, converter=_died)
    location: str | None = attrs.field(default=None, converter=_location)
    country: Country | None = attrs.field(default=None, converter=_country)
    other_reviews: frozenset[OtherReview] | None = attrs.field(default=None, converter=_reviews)
    place_of_death: str | None = attrs.field(default=None, converter=_place_of_death)
    review_information: bool | None = attrs.field(default=None, converter=review_information_value)
    pilot_partner: bool | None = attrs.field(default=None, converter=pilot_partner_value)
    date_of_death: str | None = attrs.field(default=None, converter=_date_of_death)
    made_or_adapted: bool | None = attrs.field(default=None, converter=made_or_adapted_value)
    schedule_3_offence: bool | None = attrs.field(default=None, converter=_schedule_3_offence)
    same_household: bool | None = attrs.field(default=None, converter=same_household_value)
    victim_age_at_death: int | None = attrs.field(default=None, converter=_victim_age_at_death)
    intended_for_injury: bool | None = attrs.field(
        default=None, converter=intended_for_injury_value
    )
    care_and_support_needs: bool | None = attrs.field(
        default=None, converter=care_and_support_needs_value
    )
    aware_before_pilot_end: bool | None = attrs.field(
        default=None, converter=aware_before_pilot_end_value
    )
    body_located: bool | None = attrs.field(default=None, converter=body_located_value)
    identity_recorded: bool | None = attrs.field(default=None, converter=identity_recorded_value)
    dsi_matter: bool | None = attrs.field(default=None, converter=dsi_matter_value)

    def __attrs_post_init__(self) -> None:
        problems = conflicts(self.values())
        if problems:
            raise ConflictError(problems)

    @classmethod
    def from_json(
        cls,
        data: Mapping[str, Any],
        *,
        line: int | None = None,
        file: str | None = None,
        resolve_district: ResolveDistrict | None = None,
    ) -> Incident:
        """Read an incident from its JSON form, reporting every bad field at once.

        Args:
            data: The JSON object. Parsed with ``json.loads(text, parse_float=Decimal)``,
                its numbers are read exactly, as svduty's JSON Lines reader reads the
                text (``12.0000000000000001`` is no id; plain ``json.loads`` rounds it
                to the float 12.0, which this method cannot tell from ``12.0``).
            line: The line (row) it came from, named in errors.
            file: The file it came from, named in errors.
            resolve_district: Maps an LSOA code to its district (a partnership
                geography's look-up), as given to :func:`classify`: then an LSOA
                ``place_of_death`` is placed too, and a ``pilot_partner`` that contradicts
                it is named among the other conflicts, as the columnar engine names it.

        Raises:
            DataError: naming the line and each bad field.
            ConflictError: naming the line, for contradictory facts.

        Example:
            >>> Incident.from_json({"victim_age": 131, "weapon": "spoon"}, line=7,
            ...                    file="in.jsonl")
            Traceback (most recent call last):
            ...
            svduty.errors.DataError: in.jsonl: row 7: weapon: expected one of 'none', 'knife', 'firearm', 'corrosive', 'other' (got a string of 5 characters, not shown)
            in.jsonl: row 7: victim_age: expected a whole number of years 0 to 130 (got a number of 3 digits, not shown)
        """  # noqa: E501
        if not isinstance(data, Mapping):
            raise DataError.single(file, None, row=line, expected=object_expected(data))
        names = _fields()
        problems: list[Problem] = []
        kwargs: dict[str, Any] = {}
        unknown = [key for key in data if key not in names]  # each named once, the list once
        problems.extend(unknown_keys(unknown, names, file=file, row=line))
        converters = _converters()
        for name in names:
            value = _plain(data.get(name))
            if value is None:
                continue
            try:  # an unpaired surrogate said as classify says it (hostile59); a code's
                if lone_surrogate(value) and (name != "offence_code" or isinstance(value, str)):
                    raise DataError.single(None, name, expected=LONE_SURROGATE)  # list: no code
                # each field's own converter, as the class's __init__ calls it (an iterator
                # given as a list is read once, here); not an incident made a field at a
                # time, which named the conflicts of each (ci58a: 0.67 -> 0.20 s a 600 rows)
                kwargs[name] = converters[name](value)
            except DataError as exc:
                problems.extend(
                    attrs.evolve(p, file=file, row=line, field=p.field or name)
                    for p in exc.problems
                )
        if problems:
            raise DataError(problems)
        # with a geography, an LSOA place of death is placed before the conflicts are
        # named: every one, in the columnar engine's order (an LSOA only adds the pilot's)
        found = [] if resolve_district is None else conflicts(_values(kwargs), resolve_district)
        try:
            incident = cls(**kwargs)
        except ConflictError as exc:
            found = found or list(exc.problems)
        if found:
            raise ConflictError([attrs.evolve(p, file=file, row=line) for p in found])
        return incident

    def values(self) -> dict[str, Any]:
        """The facts as plain values (words, sets of words), for the rule engines.

        Example:
            >>> Incident(weapon="knife").values()["weapon"]
            'knife'
        """
        return _values({name: getattr(self, name) for name in _fields()})

    def days(self) -> tuple[pendulum.Date | None, pendulum.Date | None]:
        """The first and last day the date may be (a month spans many days).

        Example:
            >>> Incident(date="2024-02").days()
            (Date(2024, 2, 1), Date(2024, 2, 29))
        """
        return _span(self.date)

    def to_json(self) -> dict[str, Any]:
        """The JSON form: given facts only, lists sorted.

        Example:
            >>> Incident(harms=["injury", "death"], died=True).to_json()
            {'harms': ['death', 'injury'], 'died': True}
        """
        out: dict[str, Any] = {}
        for name in _fields():
            v = getattr(self, name)
            if v is None:
                continue
            if isinstance(v, frozenset):
                v = sorted(x.value for x in v)
            elif isinstance(v, enum.Enum):
                v = v.value
            out[name] = v
        return out


def _values(given: Mapping[str, Any]) -> dict[str, Any]:
    """The plain values of an incident's converted fields (absent: ``None``)."""
    out: dict[str, Any] = {}
    for name in _fields():
        v = given.get(name)
        if isinstance(v, frozenset):
            v = frozenset(x.value for x in v)
        elif isinstance(v, enum.Enum):
            v = v.value
        out[name] = v
    out["first_day"], out["last_day"] = _span(out["date"])
    out["death_first_day"], out["death_last_day"] = _span(out["date_of_death"])
    return out


FLAGS = tuple(n for n, t in get_type_hints(Incident).items() if t == bool | None)
"""The yes/no fields of :class:`Incident`, in order (a column of each must be boolean)."""
