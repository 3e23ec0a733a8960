"""What-ifs that change authorities and areas.

A reorganisation abolishes councils, creates new ones, moves functions (a fire and
rescue authority, the establishment of a youth offending team) from one to another and
replaces districts with new local government areas. These changes sit in a
:class:`~svduty.governance.Scenario` beside the changes to bodies; :func:`reorganise`
applies them to a partnership's authorities and areas
(:func:`~svduty.governance.schedule_1_findings` then re-runs the s.11(6) join for each
local government area to report what Schedule 1 leaves without an authority).

Example:
    >>> import svduty
    >>> p = svduty.warwickshire()
    >>> after = reorganise(p.authorities, p.local_area.districts, p.scenarios["lgr-two-unitaries"])
    >>> after.areas
    ('north-warwickshire-unitary', 'south-warwickshire-unitary')
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping
from typing import ClassVar, Protocol

import attrs

from svduty._arguments import as_tuple
from svduty._checked import checked, checked_fields
from svduty._frozen import frozen_map
from svduty._near import did_you_mean
from svduty.areas import AreaKind
from svduty.authorities import Absence, Authorities, Authority
from svduty.authorities._same_body import link_faults
from svduty.errors import Problem, ScenarioError, quote
from svduty.governance._area_code import (
    area_code,
    area_country,
    as_area_kind,
    check_kind,
    created_kind,
    structure_area_kind,
)
from svduty.periods import Period
from svduty.sources import Citation, Confidence

__all__ = [
    "AbolishAuthority",
    "CreateArea",
    "CreateAuthority",
    "Reorganised",
    "TransferFunctions",
    "reorganise",
]


class ScenarioLike(Protocol):
    """What :func:`~svduty.governance.reorganise` reads of a scenario (a ``Scenario`` is one).

    Example:
        >>> from svduty.governance import Scenario
        >>> s: ScenarioLike = Scenario("x", "X", [])
        >>> s.name, s.changes, s.effective
        ('x', (), None)
    """

    @property
    def name(self) -> str:
        """The scenario's id.

        Example:
            >>> from svduty.governance import Scenario
            >>> Scenario("lgr", "LGR", []).name
            'lgr'
        """

    @property
    def changes(self) -> tuple[object, ...]:
        """Its changes, in order.

        Example:
            >>> from svduty.governance import RemoveBody, Scenario
            >>> Scenario("x", "X", [RemoveBody("board")]).changes
            (RemoveBody(body='board', reason=None),)
        """

    @property
    def effective(self) -> _dt.date | None:
        """The day it would take effect, where known.

        Example:
            >>> from svduty.governance import Scenario
            >>> Scenario("x", "X", [], effective="2028-04-01").effective
            Date(2028, 4, 1)
        """


@checked_fields
@attrs.frozen(slots=True)
class AbolishAuthority:
    """Abolish an authority: it, and its records in other capacities, cease to exist.

    Records with ``same_body_as`` the authority (the same legal body as, say, fire and
    rescue authority) go with it, and so does a youth offending team established only
    by it, unless a :class:`TransferFunctions` moved them first.
    It and the records that go with it leave every body's members; a body they chaired
    or hosted still names them, and the what-if reports it (``GOV-REF``). The log
    cites the authority's own planned change where ``authorities.toml`` records one.

    Example:
        >>> AbolishAuthority("warwickshire-county-council").op
        'abolish_authority'
    """

    op: ClassVar[str] = "abolish_authority"
    authority: str
    reason: str | None = None


@checked_fields
@attrs.frozen(slots=True)
class CreateAuthority:
    """Create an authority (a new unitary council, a combined fire authority...).

    Example:
        >>> CreateAuthority.op
        'create_authority'
    """

    op: ClassVar[str] = "create_authority"
    authority: Authority
    reason: str | None = None


@checked_fields
@attrs.frozen(slots=True)
class TransferFunctions:
    """Move an authority's functions to another authority.

    The records of the same legal body in other capacities, the youth offending teams it
    established, and its membership, chairing and hosting of bodies pass to ``target``.
    A ``target`` that is itself the record of a body in another capacity (naming its main
    record in ``same_body_as``) takes them for that body: the records moved name its main
    record, as the records of one body do (recheck53).

    Example:
        >>> TransferFunctions("warwickshire-county-council", "unitary").target
        'unitary'
    """

    op: ClassVar[str] = "transfer_functions"
    source: str
    target: str
    reason: str | None = None


@checked_fields
@attrs.frozen(slots=True)
class CreateArea:
    """A new local government area that replaces districts of the partnership's area.

    Its :attr:`kind` decides the Schedule 1 tables it is checked against
    (``GOV-SCHEDULE-1``), the nation each authority must be of and the kind of area each
    category serves (``BUNDLE-NATION``, ``BUNDLE-CATEGORY-AREA``, for a
    ``create_authority`` naming it), as for a GSS code of that kind. A GSS code says it.
    An id (``north-warwickshire-unitary``, an area the ONS has not coded yet) takes the
    kind the areas it replaces can make where the law allows one only: London boroughs a
    London borough, Welsh principal areas a principal area, unitary areas (with districts
    too) a unitary area. Districts of a two-tier county may become a unitary area or stay one
    district of the county (East Suffolk, 2019: an ``E07`` code, its county council still
    specified), and metropolitan districts a metropolitan district or a unitary county, so
    for them the change says which (``kind = "unitary"``, ``"district"``...). Without it
    the area is checked only for the requirements its districts lose, and a warning says
    its kind is not known. A kind, or a code, those areas cannot make is refused.

    Attributes:
        code: The area's code, used by the s.11(6) join: a local government area's GSS
            code where one is issued, else an id (``north-unitary``).
        name: The area's name.
        replaces: The district codes it replaces.
        citation: Where the area is proposed.
        reason: Why, in words.
        kind: The kind of local government area it is: given, or its code's, or the one
            kind the areas an id replaces can make; ``None`` if not known.

    Example:
        >>> CreateArea("north", "North", ("E07000218", "E07000219")).replaces
        ('E07000218', 'E07000219')
        >>> CreateArea("north", "North", ("E07000218",), kind="unitary").kind
        <AreaKind.UNITARY: 'unitary'>
        >>> CreateArea("north", "North", ("E07000218",)).kind is None
        True
    """

    op: ClassVar[str] = "create_area"
    code: str = attrs.field(validator=area_code)
    name: str
    replaces: tuple[str, ...] = attrs.field(converter=as_tuple)
    citation: Citation | None = None
    reason: str | None = None
    kind: AreaKind | None = attrs.field(
        default=None, converter=as_area_kind, metadata={"structure": structure_area_kind}
    )

    def __attrs_post_init__(self) -> None:
        area_country(self.code, self.replaces)
        if self.kind is None or isinstance(self.kind, AreaKind):
            check_kind(self.code, self.replaces, self.kind)
        if self.kind is None and isinstance(self.code, str) and isinstance(self.replaces, tuple):
            object.__setattr__(self, "kind", created_kind(self.code, self.replaces))


AUTHORITY_CHANGES = (AbolishAuthority, CreateAuthority, TransferFunctions, CreateArea)
"""The changes that act on authorities and areas (the graph keeps its bodies)."""


@attrs.frozen(slots=True)
class Reorganised:
    """A partnership's authorities and areas after a scenario.

    Attributes:
        authorities: The authorities, with a join that maps replaced districts to the
            new areas.
        areas: The local government areas of the partnership (new areas, then the
            districts no area replaced).
        replaced: Each replaced district code with the code of the area replacing it.
        messages: What each authority or area change did, by the change's index.
        abolished: The authorities each ``abolish_authority`` change abolished, by the
            change's index: the authority, then the records that went with it.
        kinds: The kind of each new area (:attr:`CreateArea.kind`), where known.

    Example:
        >>> import svduty
        >>> p = svduty.warwickshire()
        >>> dict(reorganise(p.authorities, p.local_area.districts,
        ...                 p.scenarios["jag-to-sv-strategic-board"]).replaced)
        {}
    """

    authorities: Authorities
    areas: tuple[str, ...]
    replaced: Mapping[str, str] = attrs.field(factory=dict, converter=frozen_map)
    messages: Mapping[int, str] = attrs.field(factory=dict, converter=frozen_map)
    abolished: Mapping[int, tuple[str, ...]] = attrs.field(factory=dict, converter=frozen_map)
    kinds: Mapping[str, AreaKind] = attrs.field(factory=dict, converter=frozen_map)


def _unknown(authority: str, items: Iterable[str]) -> str:
    """No authority with this id, and the one of the bundle's it nearly spells."""
    return f"no authority with id {quote(authority)}{did_you_mean(authority, items)}"


def _fail(scenario: str, i: int, field: str, message: str) -> ScenarioError:
    return ScenarioError(
        [Problem(field=f"changes[{i}].{field}", message=message, file=f"scenario {scenario}")]
    )


def _one_link(scenario: str, i: int, field: str, items: Mapping[str, Authority]) -> None:
    """Refuse a change after which a ``same_body_as`` makes a loop or a chain (law53).

    The rule of a bundle's file and of :class:`~svduty.authorities.Authorities` built in
    code (:mod:`svduty.authorities._same_body`): the rules read two records at a time,
    so the records of one body each name its main record, which names none.
    """
    records = list(items.values())
    faults = link_faults([a.id for a in records], [a.same_body_as for a in records])
    if faults:
        said = "; ".join(f.links for f in faults)
        raise _fail(
            scenario,
            i,
            field,
            f"after this change {said} (same_body_as): the records of one body each name "
            "its main record, which names none",
        )


def _planned(a: Authority, effective: _dt.date | None) -> str:
    """The record's planned changes on the scenario's day, to set beside its abolition.

    Only those planned for the day the scenario takes effect: another (a chief constable
    reported to leave, a reorganisation of another year) says nothing of this one, and a
    scenario with no day matches none.
    """
    said = [p for p in a.planned_changes if effective is not None and p.on == effective]
    return "".join(f" (planned {p.on.isoformat()}: {p.what} [{p.citation}])" for p in said)


@checked
def reorganise(
    authorities: Authorities, districts: Iterable[str], scenario: ScenarioLike | None
) -> Reorganised:
    """Apply a scenario's authority and area changes; other changes are left alone.

    The authorities after keep the periods of the areas it keeps
    (:attr:`~svduty.authorities.Authorities.area_periods`); an area it creates is one from
    the scenario's day (:attr:`~svduty.governance.Scenario.effective`), and has no period
    when the scenario gives none.

    Args:
        authorities: The partnership's authorities (with their ``districts_within`` join).
        districts: The districts of the partnership's local area.
        scenario: The :class:`~svduty.governance.Scenario` (``None``: no change).

    Raises:
        ScenarioError: naming the change that names an unknown authority, reuses an id,
            replaces a district that is not in the area or already replaced, or leaves a
            ``same_body_as`` making a loop or a chain (naming the records: law53).

    Example:
        >>> import svduty
        >>> p = svduty.warwickshire()
        >>> one = reorganise(p.authorities, p.local_area.districts,
        ...                  p.scenarios["lgr-single-unitary"])
        >>> one.areas, "warwickshire-county-council" in one.authorities
        (('warwickshire-unitary',), False)
    """
    name = scenario.name if scenario is not None else ""
    changes = scenario.changes if scenario is not None else ()
    effective = scenario.effective if scenario is not None else None
    items = {a.id: a for a in authorities.items}
    area = tuple(districts)
    replaced: dict[str, str] = {}
    abolished: dict[str, int] = {}
    new_areas: list[str] = []
    kinds: dict[str, AreaKind] = {}
    messages: dict[int, str] = {}
    by_change: dict[int, tuple[str, ...]] = {}
    for i, change in enumerate(changes):
        if isinstance(change, AbolishAuthority):
            if change.authority in abolished:
                earlier = abolished[change.authority]
                messages[i] = f"{change.authority} was already abolished (changes[{earlier}])"
                continue
            if change.authority not in items:
                raise _fail(name, i, "authority", _unknown(change.authority, items))
            gone = [change.authority]
            gone += [a.id for a in items.values() if a.same_body_as == change.authority]
            # a youth offending team goes with the last of the authorities that established it
            done = {*abolished, *gone}
            gone += [
                a.id
                for a in items.values()
                if a.established_by and set(a.established_by) <= done and a.id not in gone
            ]
            planned = _planned(items[change.authority], effective)
            for gone_id in gone:
                del items[gone_id]
                abolished[gone_id] = i
            messages[i] = f"abolished {', '.join(gone)}{planned}"
            by_change[i] = tuple(gone)
        elif isinstance(change, CreateAuthority):
            if change.authority.id in items:
                raise _fail(name, i, "authority.id", f"{quote(change.authority.id)} already exists")
            items[change.authority.id] = change.authority
            _one_link(name, i, "authority.same_body_as", items)
            messages[i] = f"created {change.authority.id} ({change.authority.category.value})"
        elif isinstance(change, TransferFunctions):
            for field in ("source", "target"):
                if getattr(change, field) not in items:
                    raise _fail(name, i, field, _unknown(getattr(change, field), items))
            moved = []
            held = items[change.target].same_body_as  # the target body's main record
            if held == change.source:  # one body: nothing would pass (review53b)
                raise _fail(
                    name,
                    i,
                    "target",
                    f"{change.target!r} is {change.source!r} in another capacity "
                    "(same_body_as): the functions would pass to the body that holds them",
                )
            main = change.target if held in (None, change.source) else held  # (recheck53)
            for record in list(items.values()):
                same = record.same_body_as
                new = attrs.evolve(
                    record,
                    same_body_as=main if same == change.source else same,
                    established_by=tuple(
                        change.target if e == change.source else e for e in record.established_by
                    ),
                )
                if new != record:
                    items[record.id] = new
                    moved.append(record.id)
            _one_link(name, i, "target", items)
            messages[i] = f"functions of {change.source} pass to {change.target}: " + (
                ", ".join(moved) or "no other records"
            )
        elif isinstance(change, CreateArea):
            if change.code in area or change.code in new_areas:  # Rugby "again", or twice
                raise _fail(name, i, "code", f"{quote(change.code)} is already an area's code")
            if not change.replaces:
                raise _fail(name, i, "replaces", "a new area replaces at least one district")
            for n, d in enumerate(change.replaces):
                if d not in area or d in replaced:
                    raise _fail(
                        name,
                        i,
                        f"replaces[{n}]",
                        f"{quote(d)} is not a district of the area left to replace",
                    )
                replaced[d] = change.code
            new_areas.append(change.code)
            if change.kind is not None:
                kinds[change.code] = change.kind
            messages[i] = (
                f"created area {change.code} ({change.name}) from {', '.join(change.replaces)}"
            )
    old_join = authorities.districts_within
    codes = set(new_areas)

    def join(code: str) -> tuple[str, ...]:
        if code in codes:
            return (code,)
        within = old_join(code) if old_join is not None else (code,)
        return tuple(dict.fromkeys(replaced.get(d, d) for d in within))

    old_periods = authorities.area_periods

    def periods(code: str) -> Iterable[Period] | None:  # a new area's: from the scenario's day
        if code in codes:
            return (Period(effective),) if effective is not None else ()
        return () if old_periods is None else old_periods(code)

    absences = _absences_after(authorities, replaced, new_areas, set(items))
    after = Authorities(
        tuple(items.values()),
        absences,
        districts_within=join,
        area_periods=None if old_periods is None else periods,
    )
    kept = tuple(d for d in area if d not in replaced)
    return Reorganised(after, (*new_areas, *kept), replaced, messages, by_change, kinds)


def _absences_after(
    authorities: Authorities,
    replaced: Mapping[str, str],
    new_areas: Iterable[str],
    kept: set[str],
) -> tuple[Absence, ...]:
    """The recorded absences, each for a new area only if it covered every district replaced.

    An absence for Rugby says nothing of Nuneaton's schools: a new area made of both is
    not covered by it (the re-check review of the fortieth session). Each absence that
    covered a replaced district is rewritten to name the areas it still covers whole, and
    an authority abolished leaves the list it stood on (``kept``: the ids after).
    """
    parts: dict[str, set[str]] = {}
    for district, area in replaced.items():
        parts.setdefault(area, set()).add(district)
    out, prepared = [], []
    for record in authorities.absences:
        x = record  # an authority it lists and the scenario abolished is no longer beside it
        if set(x.beside) - kept:
            x = attrs.evolve(x, beside=tuple(b for b in x.beside if b in kept))
        covered = authorities.covered_by(x)
        prepared.append((x, covered))
        if not covered & replaced.keys():
            out.append(x)  # no district it covers was replaced: as it was
            continue
        left = [d for d in covered if d not in replaced]
        whole = [a for a in new_areas if parts.get(a) and parts[a] <= covered]
        if left or whole:
            out.append(attrs.evolve(x, areas=(*sorted(left), *whole)))
    for area in new_areas:  # "none in D0" and "none in D1": none in the area made of both
        for category in dict.fromkeys(x.category for x in authorities.absences):
            if any(x.category is category and area in x.areas for x in out):
                continue  # one absence covers it whole
            each = [
                sorted(  # the open-ended absences of each district, confirmed first
                    (x for x, cov in prepared if x.category is category and d in cov),
                    key=lambda x: (
                        x.citation.confidence is not Confidence.CONFIRMED,
                        x.valid.start,
                    ),
                )
                for d in sorted(parts.get(area, ()))
            ]
            chosen = [xs[0] for xs in each if xs and xs[0].valid.end is None]
            if each and len(chosen) == len(each):
                out.append(_together(area, chosen))
    return tuple(out)


def _together(area: str, absences: list[Absence]) -> Absence:
    """One absence for a new area from an absence for each district it replaces.

    It lists every authority they list, holds from the latest of their starts, and cites
    the first that is unconfirmed (its doubt carries over), else the first.
    """
    doubtful = [x for x in absences if x.citation.confidence is Confidence.UNCONFIRMED]
    return Absence(
        absences[0].category,
        (area,),
        (doubtful or absences)[0].citation,
        neighbouring=tuple(dict.fromkeys(n for x in absences for n in x.neighbouring)),
        valid=Period(max(x.valid.start for x in absences)),
        beside=tuple(dict.fromkeys(b for x in absences for b in x.beside)),
    )
