"""The governance vocabulary: bodies, relations and their kinds."""

from __future__ import annotations

from collections.abc import Iterable

import attrs
import pendulum

from svduty._checked import checked_fields, checked_methods
from svduty._words import Words
from svduty.errors import GovernanceError, named
from svduty.periods import Period
from svduty.sources import Citation

__all__ = [
    "Body",
    "BodyKind",
    "BodyStatus",
    "Cadence",
    "Level",
    "Relation",
    "RelationKind",
    "Responsibility",
    "Tier",
]


class Level(Words):
    """Where a body works: the strategy's regionally, countywide, locally, and national.

    The levels follow the strategy's "Our Structure", with ``national`` for the Home Office.

    Example:
        >>> Level("countywide").rank
        2
    """

    NATIONAL = "national"
    REGIONAL = "regional"
    COUNTYWIDE = "countywide"
    LOCAL = "local"

    @property
    def rank(self) -> int:
        """The layer of the level, top (national) first.

        Example:
            >>> Level.LOCAL.rank > Level.NATIONAL.rank
            True
        """
        return list(Level).index(self)


class Tier(Words):
    """Whether a board or group is strategic or operational (the agreement's headings).

    Example:
        >>> Tier("operational") is Tier.OPERATIONAL
        True
    """

    STRATEGIC = "strategic"
    OPERATIONAL = "operational"


class BodyKind(Words):
    """What kind of body a node of the governance graph is.

    Example:
        >>> BodyKind("community_safety_partnership").value
        'community_safety_partnership'
    """

    BOARD = "board"
    GROUP = "group"
    MEETING = "meeting"
    COMMUNITY_SAFETY_PARTNERSHIP = "community_safety_partnership"
    TEAM = "team"
    ROLE = "role"
    ORGANISATION = "organisation"
    LOCAL_POLICING_BODY = "local_policing_body"
    GOVERNMENT_DEPARTMENT = "government_department"
    SCRUTINY_COMMITTEE = "scrutiny_committee"
    SECTOR = "sector"


class BodyStatus(Words):
    """Whether a body exists, is agreed to be set up, or is only recommended.

    Example:
        >>> BodyStatus.PROPOSED.value
        'proposed'
    """

    ESTABLISHED = "established"
    PLANNED = "planned"
    PROPOSED = "proposed"


class Cadence(Words):
    """How often a body meets or a relation recurs.

    Example:
        >>> Cadence.QUARTERLY.months, Cadence.FORTNIGHTLY.days
        (3, 14)
    """

    WEEKLY = "weekly"
    FORTNIGHTLY = "fortnightly"
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    BI_ANNUAL = "bi_annual"
    ANNUAL = "annual"
    AS_NEEDED = "as_needed"

    @property
    def months(self) -> int | None:
        """The step in months, for cadences counted in months.

        Example:
            >>> Cadence.BI_ANNUAL.months
            6
        """
        return {"monthly": 1, "quarterly": 3, "bi_annual": 6, "annual": 12}.get(self.value)

    @property
    def days(self) -> int | None:
        """The step in days, for cadences counted in days.

        Example:
            >>> Cadence.WEEKLY.days
            7
        """
        return {"weekly": 7, "fortnightly": 14}.get(self.value)


class RelationKind(Words):
    """What a relation from one body to another means ("A oversees B").

    ``oversees`` and ``reports_to`` are the accountability lines (``A oversees B`` puts A
    above B; ``A reports_to B`` puts B above A); ``grant_recipient_for`` reads "A is the
    grant recipient for B's funding"; ``hosts`` reads "A runs or convenes B".

    Example:
        >>> RelationKind("refers_to").upward
        True
        >>> RelationKind.OVERSEES.accountability
        True
    """

    OVERSEES = "oversees"
    LEADS_DELIVERY_FOR = "leads_delivery_for"
    REPORTS_TO = "reports_to"
    LIAISES_WITH = "liaises_with"
    REFERS_TO = "refers_to"
    MONITORS = "monitors"
    SCRUTINISES = "scrutinises"
    FUNDS = "funds"
    GRANT_RECIPIENT_FOR = "grant_recipient_for"
    MANAGES_SPEND_FOR = "manages_spend_for"
    SUPPORTS = "supports"
    CONSULTS = "consults"
    MEMBER_OF = "member_of"
    HOSTS = "hosts"

    @property
    def accountability(self) -> bool:
        """Whether the relation is a line of oversight (``oversees``, ``reports_to``).

        Example:
            >>> RelationKind.FUNDS.accountability
            False
        """
        return self in (RelationKind.OVERSEES, RelationKind.REPORTS_TO)

    @property
    def upward(self) -> bool:
        """Whether the relation carries work or information from A towards B.

        These relations (with ``oversees`` read backwards) make the reporting paths.

        Example:
            >>> RelationKind.SUPPORTS.upward, RelationKind.HOSTS.upward
            (True, False)
        """
        return self in (
            RelationKind.REPORTS_TO,
            RelationKind.LEADS_DELIVERY_FOR,
            RelationKind.REFERS_TO,
            RelationKind.SUPPORTS,
            RelationKind.MEMBER_OF,
        )


def _tuple(value: str | Iterable[str]) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    return tuple(value)


@checked_fields
@attrs.frozen(slots=True)
class Responsibility:
    """Something a body is accountable for, with where that is said.

    Its fields are checked against their types when it is made: a value of another type is
    an :class:`~svduty.errors.ArgumentError` naming the class and the field, never the
    value.

    Example:
        >>> from svduty.sources import cite
        >>> r = Responsibility("the delivery plan",
        ...     cite("svd-guidance"))
        >>> r.what
        'the delivery plan'
    """

    what: str
    citation: Citation


def _duties(value: Iterable[Responsibility]) -> tuple[Responsibility, ...]:
    return tuple(value)


@checked_methods
@checked_fields
@attrs.frozen(slots=True)
class Body:
    """A board, group, meeting, team, role or organisation in a partnership's governance.

    Attributes:
        id: A stable slug, such as ``"safer-warwickshire-partnership-board"``.
        name: The name the source documents use.
        kind: What kind of body it is.
        level: National, regional, countywide or local.
        citation: Where the body is described.
        tier: Strategic or operational; ``None`` for roles, funders, scrutiny and
            organisations outside the board structure.
        status: Established, planned (agreed to be set up) or proposed (recommended).
        area: The id or GSS code of the area it serves (county, CSP, police area).
        districts: The GSS codes of the districts it covers.
        coverage_citation: Where the coverage is stated, when that differs from
            ``citation`` (for example an unconfirmed district mapping).
        cadence: How often it meets, where known.
        chair: Who chairs or leads it (the id of an authority, or of a body such as a
            role), where known.
        host: The authority that runs or hosts it (an authority id), where known.
        members: Authority ids of the members, where known.
        members_citation: Where the membership is stated.
        responsibilities: What it is accountable for.
        aliases: Other names the sources use.
        note: Anything a reader should know.
        valid: When the record holds (closed-open), such as the term of the agreement
            that sets the body up; ``None``: no period is recorded, and it holds on any
            day asked about.
        chair_citation: Where the chair is stated, when that differs from ``citation``.
        cadence_citation: Where the cadence is stated, when that differs from ``citation``
            (another document, or a reading in doubt: ``unconfirmed`` with its doubt).

    Example:
        >>> from svduty.sources import cite
        >>> b = Body("rugby-csp-board", "Rugby Community Safety Partnership Board",
        ...          BodyKind.COMMUNITY_SAFETY_PARTNERSHIP, Level.LOCAL,
        ...          cite("svd-guidance"),
        ...          tier=Tier.STRATEGIC, area="E22000321", districts=("E07000220",))
        >>> b.covers("E07000220")
        True
    """

    id: str
    name: str
    kind: BodyKind
    level: Level
    citation: Citation
    tier: Tier | None = None
    status: BodyStatus = BodyStatus.ESTABLISHED
    area: str | None = None
    districts: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    coverage_citation: Citation | None = None
    cadence: Cadence | None = None
    chair: str | None = None
    host: str | None = None
    members: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    members_citation: Citation | None = None
    responsibilities: tuple[Responsibility, ...] = attrs.field(default=(), converter=_duties)
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    note: str | None = None
    valid: Period | None = None
    chair_citation: Citation | None = None
    cadence_citation: Citation | None = None

    def __attrs_post_init__(self) -> None:
        for field in ("chair", "host"):
            if getattr(self, field) == self.id:  # a body chaired or hosted by itself
                raise GovernanceError.single(None, field, expected="another body's id")

    def holds_on(self, day: pendulum.Date) -> bool:
        """Whether the record holds on a day (always, when no period is recorded).

        Example:
            >>> from svduty.periods import date
            >>> from svduty.sources import cite
            >>> b = Body("x", "X", BodyKind.GROUP, Level.LOCAL, cite("pja-2006"),
            ...          valid=Period.from_last_day("2023-01-31", "2025-03-31"))
            >>> b.holds_on(date("2025-03-31")), b.holds_on(date("2025-04-01"))
            (True, False)
        """
        return self.valid is None or day in self.valid

    def covers(self, district: str) -> bool:
        """Whether the body covers a district (by GSS code).

        Example:
            >>> from svduty.sources import cite
            >>> Body("x", "X", BodyKind.GROUP, Level.LOCAL, cite("pja-2006"),
            ...      districts=("E07000219",)).covers("E07000218")
            False
        """
        return district in self.districts

    @property
    def citations(self) -> tuple[Citation, ...]:
        """Every citation the body carries (itself, coverage, membership, duties.

        Example:
            >>> from svduty.sources import cite
            >>> len(Body("x", "X", BodyKind.GROUP, Level.LOCAL, cite("pja-2006")).citations)
            1
        """
        out = [self.citation]
        out += [c for c in (self.coverage_citation, self.members_citation) if c is not None]
        out += [r.citation for r in self.responsibilities]
        return tuple(dict.fromkeys(out))


@checked_methods
@checked_fields
@attrs.frozen(slots=True)
class Relation:
    """A typed, cited relation from one body to another ("source oversees target").

    A graph holds at most one relation of a kind between two bodies, so
    ``(source, target, kind)`` is the relation's :attr:`key`.

    Attributes:
        kind: What the relation means.
        source: The body id the relation starts from.
        target: The body id it points at.
        citation: Where it is stated.
        cadence: How often it recurs, where stated (a quarterly report...).
        note: What flows along it, or anything a reader should know.
        valid: When the relation holds (closed-open); ``None``: no period is recorded.

    Example:
        >>> from svduty.sources import cite
        >>> r = Relation(RelationKind.OVERSEES, "a", "b",
        ...              cite("svd-guidance"))
        >>> r.key, str(r)
        (('a', 'b', 'oversees'), 'a oversees b')
    """

    kind: RelationKind
    source: str
    target: str
    citation: Citation
    cadence: Cadence | None = None
    note: str | None = None
    valid: Period | None = None

    def holds_on(self, day: pendulum.Date) -> bool:
        """Whether the relation holds on a day (always, when no period is recorded).

        Example:
            >>> from svduty.periods import date
            >>> from svduty.sources import cite
            >>> r = Relation(RelationKind.FUNDS, "ho", "pcc", cite("pja-2006"),
            ...              valid=Period("2023-01-31"))
            >>> r.holds_on(date("2023-01-30"))
            False
        """
        return self.valid is None or day in self.valid

    @property
    def key(self) -> tuple[str, str, str]:
        """The relation's identity in a graph, ``(source, target, kind)``.

        Example:
            >>> from svduty.sources import cite
            >>> Relation(RelationKind.FUNDS, "ho", "pcc", cite("pja-2006")).key
            ('ho', 'pcc', 'funds')
        """
        return (self.source, self.target, self.kind.value)

    def named(self) -> str:
        """The relation as a message names it: an id that could be personal data is not shown.

        Example:
            >>> from svduty.sources import cite
            >>> Relation(RelationKind.FUNDS, "Jane Smith", "pcc", cite("pja-2006")).named()
            '(an id of 10 characters, not shown) funds pcc'
        """
        return self._text(named(self.source, "an id"), named(self.target, "an id"))

    def _text(self, source: str, target: str) -> str:
        text = f"{source} {self.kind.value} {target}"
        return f"{text} ({self.cadence.value})" if self.cadence else text

    def __str__(self) -> str:
        return self._text(self.source, self.target)
