"""One named authority, its areas, and the s.11(6) join to local government areas.

An :class:`Authority` is one body (or one body in one capacity: a county council that is
also the fire and rescue authority is two records). Its ``areas`` are its own area codes
(GSS); :func:`local_government_areas` turns them into the local government areas for
which it is an authority, following its category's join rule (s.11(6), s.12(2),
s.14(1)). The join takes a ``districts_within`` callable so that it does not depend on
any geography class.

Example:
    >>> from svduty.sources import cite
    >>> county = Authority("cc", "Example County Council", AuthorityCategory.COUNTY_COUNCIL,
    ...                    ("E10000099",), citation=cite("pcsc-act-2022", "Sch 1"))
    >>> fake = {"E10000099": ("E07000901", "E07000902")}
    >>> local_government_areas(county, lambda code: fake.get(code, (code,)))
    ('E07000901', 'E07000902')
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

import attrs
import pendulum

from svduty._arguments import as_tuple
from svduty._checked import checked, checked_fields, checked_methods
from svduty.authorities._categories import (
    CATEGORIES,
    LOCATED_IN_ITS_AREA,
    LOCATED_IN_WORDS,
    AuthorityCategory,
    CategoryInfo,
    JoinRule,
    Nation,
    Role,
)
from svduty.authorities._districts_of import districts_of_area
from svduty.authorities._establishment import Establishment, misplaced_fields
from svduty.authorities._in_doubt import InDoubt, outside_record
from svduty.authorities._one_provider import both_secretary_of_state
from svduty.errors import AreaError, ArgumentError, Described, PeriodError, Problem, named
from svduty.periods import Period, date
from svduty.sources import Citation, cite

if TYPE_CHECKING:
    from svduty.findings import Finding

__all__ = [
    "Absence",
    "Authority",
    "DistrictsWithin",
    "Establishment",
    "Holder",
    "InDoubt",
    "PlannedChange",
    "local_government_areas",
    "one_body",
    "youth_offending_team_findings",
]

DistrictsWithin = Callable[[str], Iterable[str]]
"""A callable giving the local government areas within (or partly within) an area code.

For a code that is itself a local government area it must give that code.
"""

_ALWAYS = Period("1900-01-01")
_GSS = re.compile(r"[EW][0-9]{8}")
_BY_LETTER = {"E": Nation.ENGLAND, "W": Nation.WALES}


@checked_fields
@attrs.frozen(slots=True)
class Holder:
    """A dated holder of an office of an authority (a chief constable, a commissioner).

    Attributes:
        office: The office, such as ``"Chief Constable"``.
        name: The holder's name as published.
        valid: When the holder held the office (closed-open).
        citation: Where this is published.

    Example:
        >>> from svduty.sources import Citation, Source, SourceKind
        >>> news = Source("force-news", "A police force's news release", SourceKind.WEB_PAGE)
        >>> Holder("Chief Constable", "A. Person", Period("2024-09-27"), Citation(news)).office
        'Chief Constable'
    """

    office: str
    name: str
    valid: Period
    citation: Citation


@checked_fields
@attrs.frozen(slots=True)
class PlannedChange:
    """A change announced or planned for an authority (abolition, reorganisation).

    Attributes:
        on: The day the change is expected to take effect.
        what: What changes.
        citation: Where it was announced (unconfirmed where the date or the law is not).

    Example:
        >>> from svduty.sources import Citation, Source, SourceKind
        >>> plan = Source("lgr-plan", "A reorganisation proposal", SourceKind.WEB_PAGE)
        >>> PlannedChange(date("2028-05-04"), "abolished", Citation(plan, "vesting day")).on
        Date(2028, 5, 4)
    """

    on: pendulum.Date
    what: str
    citation: Citation


@checked_methods
@checked_fields
@attrs.frozen(slots=True)
class Authority:
    """A named authority, partner or local policing body.

    Attributes:
        id: A stable slug, such as ``"warwickshire-county-council"``.
        name: The authority's name.
        category: Its statutory category (a Schedule 1 or 2 row, a local policing body, or
            another partner).
        areas: The authority's own area codes (GSS): its council area, police force area,
            ICB area, the areas it operates in, or where its establishment is located.
        valid: When the record holds (closed-open).
        citation: Where the body and its category are taken from.
        nation: England or Wales, where the category exists in both (``None``: not
            recorded; single-nation categories give it themselves).
        same_body_as: The id of the record of the same legal body in another capacity.
        established_by: For a youth offending team, the local authorities that
            established it.
        provider_is_secretary_of_state: For a probation provider, whether the provider is
            the Secretary of State (s.18(5)); ``None`` if not recorded.
        establishment: For a Schedule 2 authority, the kind of establishment (s.18(5)).
        holders: Dated office holders.
        planned_changes: Announced changes (abolition, reorganisation).
        notes: Anything a reader should know.
        in_doubt: Days of ``valid`` on which whether the record holds is in doubt (the
            law read two ways): answers about them are ``undetermined``.

    Raises:
        PeriodError: for two holders of one office at the same time, naming the field.
        ArgumentError: for a value not of its field's type (a ``(start, end)`` pair for
            ``valid``: give a :class:`~svduty.periods.Period`), or a field the law gives
            another category (``provider_is_secretary_of_state``, ``establishment``,
            ``established_by``), naming the field, never the value.

    Example:
        >>> from svduty.sources import cite
        >>> a = Authority("d", "Example District Council", AuthorityCategory.DISTRICT_COUNCIL,
        ...               ("E07000901",), citation=cite("pcsc-act-2022", "Sch 1"))
        >>> a.role.value, a.nation_of.value
        ('specified_authority', 'england')
        >>> attrs.evolve(a, establishment=Establishment.PRISON)  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        svduty.errors.ArgumentError: Authority(establishment): expected no value: an establishment is recorded for an educational, prison or youth custody authority...
    """  # noqa: E501

    id: str
    name: str
    category: AuthorityCategory
    areas: tuple[str, ...] = attrs.field(converter=as_tuple)
    citation: Citation
    valid: Period = _ALWAYS
    nation: Nation | None = None
    same_body_as: str | None = None
    established_by: tuple[str, ...] = attrs.field(default=(), converter=as_tuple)
    provider_is_secretary_of_state: bool | None = None
    establishment: Establishment | None = None
    holders: tuple[Holder, ...] = ()
    planned_changes: tuple[PlannedChange, ...] = ()
    notes: str | None = None
    in_doubt: InDoubt | None = None

    def __attrs_post_init__(self) -> None:
        misplaced = misplaced_fields(  # a field the law gives another category (s.18(5))
            self.category,
            provider_is_secretary_of_state=self.provider_is_secretary_of_state,
            establishment=self.establishment,
            established_by=self.established_by,
        )
        if misplaced:
            raise ArgumentError(
                [Problem(field=f"Authority({f})", expected=e) for f, e in misplaced]
            )
        problems = [
            Problem(
                field=f"holders[{j}].valid",
                message=f"overlaps holders[{i}].valid: one office has one holder at a time",
            )
            for j, later in enumerate(self.holders)
            for i, earlier in enumerate(self.holders[:j])
            if later.office == earlier.office and later.valid.overlaps(earlier.valid)
        ]
        problems += [  # a holder who took office after the record ended (the body's tenure
            Problem(  # may begin before the record: a commissioner in office since 2016)
                field=f"holders[{k}].valid",
                message=f"starts after the record's valid period ({self.valid}) ends",
            )
            for k, h in enumerate(self.holders)
            if self.valid.end is not None and h.valid.start >= self.valid.end
        ]
        problems += [  # a change to a body that does not yet, or no longer, exist
            Problem(
                field=f"planned_changes[{k}].on",
                message=f"is outside the record's valid period ({self.valid}): a change "
                "to the body must fall while the record holds",
            )
            for k, change in enumerate(self.planned_changes)
            if change.on < self.valid.start or (self.valid.end and change.on > self.valid.end)
        ]
        problems += [p for p in [outside_record(self.in_doubt, self.valid)] if p is not None]
        if problems:
            raise PeriodError(problems)

    @property
    def info(self) -> CategoryInfo:
        """What the law says about this authority's category.

        Example:
            >>> from svduty.sources import cite
            >>> Authority("p", "PCC", AuthorityCategory.LOCAL_POLICING_BODY, ("E23000999",),
            ...           citation=cite("pcsc-act-2022", "s.14")).info.join.value
            'districts_within'
        """
        return CATEGORIES[self.category]

    @property
    def role(self) -> Role:
        """The authority's role under the Act, from its category.

        Example:
            >>> from svduty.sources import cite
            >>> Authority("x", "X", AuthorityCategory.PRISON_AUTHORITY, (),
            ...           citation=cite("pcsc-act-2022", "Sch 2")).role.value
            'relevant_authority'
        """
        return self.info.role

    @property
    def nation_of(self) -> Nation | None:
        """Its nation, recorded, implied by a single-nation category, or read from its areas.

        An authority whose areas are all GSS codes of one nation (``E...`` England,
        ``W...`` Wales) is of that nation: its functions are exercised there.

        Example:
            >>> from svduty.sources import cite
            >>> Authority("f", "F", AuthorityCategory.FIRE_AND_RESCUE_AUTHORITY, (),
            ...           citation=cite("pcsc-act-2022", "Sch 1")).nation_of is None
            True
            >>> Authority("y", "Y", AuthorityCategory.YOUTH_OFFENDING_TEAM, ("E07000218",),
            ...           citation=cite("pcsc-act-2022", "Sch 1")).nation_of.value
            'england'
        """
        if self.nation is not None:
            return self.nation
        nations = self.info.nations
        if len(nations) == 1:
            return next(iter(nations))
        letters = {a[0] if _GSS.fullmatch(a) else "?" for a in self.areas}
        return _BY_LETTER.get(letters.pop()) if len(letters) == 1 else None

    def holder(self, office: str, on: _dt.date | str) -> Holder | None:
        """Who held an office on a day (``None`` if no record covers the day).

        Example:
            >>> from svduty.sources import cite
            >>> h = Holder("Chief", "A. Person", Period("2024-01-01"), cite("police-uk"))
            >>> a = Authority("c", "C", AuthorityCategory.CHIEF_OFFICER_OF_POLICE, (),
            ...               citation=cite("pcsc-act-2022", "Sch 1"), holders=(h,))
            >>> a.holder("Chief", "2025-01-01").name, a.holder("Chief", "2023-01-01")
            ('A. Person', None)
        """
        day = date(on)
        for h in self.holders:
            if h.office == office and day in h.valid:
                return h
        return None


@checked_fields
@attrs.frozen(slots=True)
class Absence:
    """A recorded fact that no authority of a category, beside those it lists, is for some areas.

    It lets a rule say "none" instead of "not known". s.8(4) and s.9(4) require *each*
    educational, prison and youth custody authority for the area to be consulted, and the
    authorities a bundle names are some of their category until an absence lists them
    (``beside``) and says there is no other; with none listed, there is none. One named
    for its areas, on a day both records hold, and not listed contradicts it, as does a
    listed id the bundle does not hold: reported (``BUNDLE-ABSENCE``; among a rule's
    missing facts). An unconfirmed one's citation says what to check.

    Attributes:
        category: The category absent.
        areas: The local government areas (or an area containing them) concerned.
        citation: Where the absence is taken from.
        neighbouring: Names of establishments just outside the areas, for the record.
        valid: When the record holds.
        beside: The ids of the authorities of the category named for the areas.

    Example:
        >>> from svduty.sources import cite
        >>> Absence(AuthorityCategory.PRISON_AUTHORITY, ("E07000901",),
        ...         cite("pcsc-act-2022", "Sch 2")).category.value
        'prison_authority'
    """

    category: AuthorityCategory
    areas: tuple[str, ...] = attrs.field(converter=as_tuple)
    citation: Citation
    neighbouring: tuple[str, ...] = attrs.field(default=(), converter=as_tuple)
    valid: Period = _ALWAYS
    beside: tuple[str, ...] = attrs.field(default=(), converter=as_tuple)


@checked
def one_body(a: Authority, b: Authority) -> bool:
    """Whether two records are one legal body (``same_body_as`` either way, or a shared one).

    A county council that is also its county's fire and rescue authority is one person in
    two capacities: one of "two or more specified authorities" (s.9(1)), never "another"
    to itself (s.9(4)(a), s.16(1)); so are two providers of probation services that are
    both the Secretary of State (Offender Management Act 2007 s.3(6)(b); recheck51).

    Example:
        >>> from svduty.sources import cite
        >>> c = cite("pcsc-act-2022", "Sch 1")
        >>> cc = Authority("cc", "CC", AuthorityCategory.COUNTY_COUNCIL, ("E10000031",), c)
        >>> fra = Authority("fra", "CC as FRA", AuthorityCategory.FIRE_AND_RESCUE_AUTHORITY,
        ...                 ("E10000031",), c, same_body_as="cc")
        >>> one_body(cc, fra), one_body(fra, cc), one_body(cc, cc), one_body(fra, fra)
        (True, True, True, True)
    """
    return (
        b.id in (a.id, a.same_body_as)
        or a.id == b.same_body_as
        or (a.same_body_as is not None and a.same_body_as == b.same_body_as)
        or both_secretary_of_state(a, b) is True
    )


@checked
def local_government_areas(
    authority: Authority, districts_within: DistrictsWithin
) -> tuple[str, ...]:
    """The local government areas for which an authority is an authority (s.11(6)).

    The category's join rule (see :class:`~svduty.authorities.JoinRule` and
    ``authority.info.join_citation``) decides: an area that is itself the local
    government area (a district, London borough, Welsh county) is kept as it is; for
    every other rule each of the authority's areas is expanded with ``districts_within``
    (the districts within a county, the areas a probation provider operates in, the
    areas any part of which falls within an ICB's area...). Other partners have none. An
    educational authority's area must join to one local government area (Sch 2, s.12(2)).

    Args:
        authority: The authority.
        districts_within: Gives the local government areas within (or, for the "any part"
            rules, partly within) an area code, and a local government area for its own code.

    Returns:
        The local government area codes, sorted, without repeats.

    Example:
        >>> from svduty.sources import cite
        >>> yot = Authority("yot", "Example YOT", AuthorityCategory.YOUTH_OFFENDING_TEAM,
        ...                 ("E10000099",), citation=cite("pcsc-act-2022", "Sch 1"))
        >>> local_government_areas(yot, {"E10000099": ["E07000902", "E07000901"]}.__getitem__)
        ('E07000901', 'E07000902')
    """
    rule = authority.info.join
    if rule is JoinRule.NONE:
        return ()
    if rule is JoinRule.THE_AREA:
        return tuple(sorted(set(authority.areas)))
    out: set[str] = set()
    for j, code in enumerate(authority.areas):
        within = districts_of_area(districts_within, code)
        if authority.category in LOCATED_IN_ITS_AREA and len(set(within)) != 1:  # or loaded
            got = Described(f"{code}, which joins to {len(set(within))}")
            where = f"{authority.id}.areas[{j}]"
            raise AreaError.single(None, where, expected=LOCATED_IN_WORDS, got=got)
        out.update(within)
    return tuple(sorted(out))


def other_nation(authority: Authority, lga_code: str) -> Nation | None:
    """The nation of the authority's category where it is not the area's; else ``None``.

    An integrated care board is of England and a Local Health Board of Wales (Sch 1): one
    whose areas reach the other nation is not an authority for its areas there (s.11(6)).
    A category of both nations (probation, youth offending teams, police, fire) is for the
    areas its join gives, wherever they are, whatever nation its record names.

    Example:
        >>> from svduty.sources import cite
        >>> icb = Authority("icb", "ICB", AuthorityCategory.INTEGRATED_CARE_BOARD,
        ...                 ("W06000015",), citation=cite("pcsc-act-2022", "Sch 1"))
        >>> other_nation(icb, "W06000015").value, other_nation(icb, "E08000025")
        ('england', None)
    """
    nations, theirs = authority.info.nations, _BY_LETTER.get(lga_code[:1])
    mine = next(iter(nations)) if len(nations) == 1 else None
    return mine if mine is not None and theirs is not None and mine is not theirs else None


_CORNWALL, _SCILLY = "E06000052", "E06000053"
YOT_AREAS = "BUNDLE-YOT-AREAS"
"""The rule id of :func:`youth_offending_team_findings`."""


def youth_offending_team_findings(
    authorities: Iterable[Authority], districts_within: DistrictsWithin
) -> tuple[Finding, ...]:
    """Youth offending teams whose areas are not those of the councils that established them.

    Schedule 1 makes a youth offending team a specified authority for "each local
    government area which is, or which falls within, the area of each local authority
    that established the team". The join (:func:`local_government_areas`) reads the
    team's own ``areas``; this check finds where they differ from the local government
    areas of its ``established_by`` councils (each council's areas, with
    ``districts_within``; Cornwall's with Scilly, "part of the county of Cornwall" for
    CDA 1998 s.39, s.42(2)), so that the join cannot silently follow the wrong areas. A
    team without ``established_by``, or naming no authority of ``authorities``, is not
    checked here (the bundle loader reports an unknown id).

    Args:
        authorities: The authorities (of one bundle).
        districts_within: As for :func:`local_government_areas`.

    Returns:
        One error finding (rule ``BUNDLE-YOT-AREAS``) per team whose areas differ, naming
        the local government areas its areas leave out and those they reach that are not
        the councils'; ``where`` numbers the team in the order given (a bundle's
        ``authorities.toml`` order, when given a bundle's authorities).

    Example:
        >>> from svduty.sources import cite
        >>> c = cite("pcsc-act-2022", "Sch 1")
        >>> county = Authority("cc", "Example CC", AuthorityCategory.COUNTY_COUNCIL,
        ...                    ("E10000099",), citation=c)
        >>> yot = Authority("yot", "Example YOT", AuthorityCategory.YOUTH_OFFENDING_TEAM,
        ...                 ("E07000901",), citation=c, established_by=("cc",))
        >>> within = {"E10000099": ("E07000901", "E07000902")}
        >>> [f.message for f in youth_offending_team_findings(
        ...     [county, yot], lambda code: within.get(code, (code,)))]
        ['youth offending team yot: Schedule 1 makes it a specified authority for each local government area within the areas of the local authorities that established it (cc), but its areas leave out E07000902']
        >>> youth_offending_team_findings(
        ...     [county, attrs.evolve(yot, areas=("E10000099",))], within.__getitem__)
        ()
    """  # noqa: E501
    from svduty.findings import Finding, Severity  # not at start-up: only a check needs it

    every = list(authorities)
    by_id = {a.id: a for a in every}
    out: list[Finding] = []
    for i, team in enumerate(every):
        if team.category is not AuthorityCategory.YOUTH_OFFENDING_TEAM:
            continue
        councils = [by_id[e] for e in team.established_by if e in by_id]
        if not councils:
            continue
        expected = {d for c in councils for code in c.areas for d in districts_within(code)}
        expected |= {_SCILLY} if _CORNWALL in expected else set()  # CDA s.42(2)
        actual = set(local_government_areas(team, districts_within))
        if expected == actual:
            continue
        parts = []
        if expected - actual:
            parts.append(f"leave out {', '.join(sorted(expected - actual))}")
        if actual - expected:
            parts.append(f"reach {', '.join(sorted(actual - expected))}, not theirs")
        out.append(
            Finding(
                YOT_AREAS,
                Severity.ERROR,
                f"youth offending team {named(team.id, 'an id')}: Schedule 1 makes it a "
                "specified authority "
                "for each local government area within the areas of the local authorities "
                f"that established it ({', '.join(named(c.id, 'an id') for c in councils)}), "
                "but its areas " + " and ".join(parts),
                (cite("pcsc-act-2022", "Sch 1"),),
                subjects=(team.id, *(c.id for c in councils)),
                where=f"authorities.toml: authorities[{i}].areas",
            )
        )
    return tuple(out)
