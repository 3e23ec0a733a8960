"""What a governance record names must exist: the authorities, bodies and areas it refers to.

A body of ``governance.toml`` names authorities (``members``, ``host``, ``chair``), areas
(``area``, ``districts``) and, for its chair, possibly another body; a scenario's changes
name districts and add bodies. :func:`body_problems` and :func:`scenario_problems` check
each reference against what is :class:`Known` and refuse a repeated member or district,
one :class:`~svduty.errors.Problem` per reference naming its field path. A reference is
shown in a problem only when it has the shape of an id or code (never free text).

What is not known (``None``) is not checked: :func:`svduty.io.load_governance` without
the bundle's authorities checks the districts and repeats only.

Example:
    >>> from svduty.sources import cite
    >>> from svduty.governance import Body, BodyKind, Level
    >>> b = Body("csp", "CSP", BodyKind.COMMUNITY_SAFETY_PARTNERSHIP, Level.LOCAL,
    ...          cite("cda-1998"), districts=("E07000220", "bogus"),
    ...          members=("rugby-borough-council", "no-such-council"))
    >>> for p in body_problems(b, "bodies[0]", Known(authorities=frozenset(
    ...         {"rugby-borough-council"}))):
    ...     print(p)
    bodies[0].members[1]: no authority with this id; expected the id of an authority of the partnership (authorities.toml) (got 'no-such-council')
    bodies[0].districts[1]: not a local government area; expected the GSS code of a local government area, such as E07000220 (got 'bogus')
"""  # noqa: E501

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

import attrs

from svduty._checked import checked_fields
from svduty._near import did_you_mean
from svduty.errors import Problem
from svduty.governance._changes import AddBody, ChangeBody, ChangeDistricts, Merge
from svduty.governance._model import Body
from svduty.governance._reorganise import CreateArea, CreateAuthority

if TYPE_CHECKING:
    from svduty.areas import Geography
    from svduty.governance._scenario import Scenario

__all__ = ["GSS_CODE", "Known", "body_problems", "district_problems", "scenario_problems"]

GSS_CODE: re.Pattern[str] = re.compile(r"[EWSNK][0-9]{8}", re.ASCII)
"""The shape of a GSS code (a letter for the country and eight digits), as ``E07000220``.

Example:
    >>> bool(GSS_CODE.fullmatch("E07000220")), bool(GSS_CODE.fullmatch("bogus"))
    (True, False)
"""

_AUTHORITY = "the id of an authority of the partnership (authorities.toml)"
_DISTRICT = "the GSS code of a local government area, such as E07000220"


@checked_fields
@attrs.frozen(slots=True)
class Known:
    """What the references of governance records may name; ``None``: not known, not checked.

    Its fields are checked against their types when it is made: a value of another type is
    an :class:`~svduty.errors.ArgumentError` naming the class and the field, never the
    value.

    Attributes:
        authorities: The ids of the partnership's authorities.
        bodies: The ids of the bodies of the graph (a chair may be one, as a role).
        geography: The partnership's areas, by code or id.
        national: Whether a GSS code must also be an area of the bundle or of the national
            ONS tables (a scenario file; a bundle's own files are checked for that by
            ``BUNDLE-GSS`` when it is validated).
        new_areas: The codes of the areas a scenario creates.

    Example:
        >>> Known().authorities is None
        True
    """

    authorities: frozenset[str] | None = None
    bodies: frozenset[str] | None = None
    geography: Geography | None = None
    national: bool = False
    new_areas: frozenset[str] = frozenset()

    def is_district(self, code: str) -> bool:
        """Whether ``code`` may stand in a ``districts`` list.

        A GSS code (an area of the bundle or the national tables, when ``national``); an
        area a scenario creates; a local government area of the geography.

        Example:
            >>> Known().is_district("E07000220"), Known().is_district("Jane Smith")
            (True, False)
        """
        if code in self.new_areas:
            return True
        geo = self.geography
        if geo is not None and code in geo:  # BUNDLE-GSS names the kind of a bundle's code
            lga = geo.get(code).kind.is_local_government_area
            return lga or (not self.national and bool(GSS_CODE.fullmatch(code)))
        if not GSS_CODE.fullmatch(code):
            return False
        if not self.national:
            return True
        from svduty.areas import Geography

        national = Geography.england_and_wales()
        return code in national and national.get(code).kind.is_local_government_area

    def is_area(self, code: str) -> bool:
        """Whether ``code`` may be a body's ``area``: an area of the geography, or a GSS code.

        Example:
            >>> Known().is_area("E10000031"), Known().is_area("county")
            (True, True)
        """
        if code in self.new_areas or GSS_CODE.fullmatch(code):
            return True
        return self.geography is None or code in self.geography


def _repeats(values: Iterable[str], field: str, what: str) -> tuple[list[Problem], list[int]]:
    """A problem for each value given again, and the indexes of the first of each."""
    first: dict[str, int] = {}
    out = []
    for j, v in enumerate(values):
        if v in first:
            out.append(
                Problem(
                    field=f"{field}[{j}]",
                    message=f"repeats {field.rpartition('.')[2]}[{first[v]}]",
                    expected=f"each {what} once",
                )
            )
        else:
            first[v] = j
    return out, sorted(first.values())


def district_problems(districts: tuple[str, ...], field: str, known: Known) -> list[Problem]:
    """The problems of a ``districts`` list: repeats, and entries that are no district.

    Example:
        >>> [str(p) for p in district_problems(("E07000220", "E07000220"), "districts", Known())]
        ['districts[1]: repeats districts[0]; expected each district once']
    """
    out, firsts = _repeats(districts, field, "district")
    for j in firsts:
        if not known.is_district(districts[j]):
            out.append(
                Problem(
                    field=f"{field}[{j}]",
                    message="not a local government area",
                    expected=_DISTRICT,
                    got=districts[j],
                )
            )
    return sorted(out, key=lambda p: _index(p.field))


def _index(field: str | None) -> int:
    m = re.search(r"\[(\d+)\]$", field or "")
    return int(m.group(1)) if m else -1


def body_problems(body: Body, field: str, known: Known) -> list[Problem]:
    """The problems of the references of one body (``field`` is its path, as ``bodies[2]``).

    Example:
        >>> from svduty.sources import cite
        >>> from svduty.governance import BodyKind, Level
        >>> b = Body("b", "B", BodyKind.BOARD, Level.COUNTYWIDE, cite("cda-1998"),
        ...          chair="Jane Smith", host="no-such-council")
        >>> for p in body_problems(b, "bodies[0]", Known(authorities=frozenset({"council"}),
        ...                                              bodies=frozenset({"b"}))):
        ...     print(p)
        bodies[0].chair: no authority or body with this id; expected the id of an authority of the partnership (authorities.toml) or of a body of its governance (got a string of 10 characters, not shown)
        bodies[0].host: no authority with this id; expected the id of an authority of the partnership (authorities.toml) (got 'no-such-council')
    """  # noqa: E501
    out, firsts = _repeats(body.members, f"{field}.members", "member")
    members = [(f"{field}.members[{j}]", body.members[j]) for j in firsts]
    out += _people(members, body.chair, body.host, field, known)
    out.sort(key=lambda p: ((p.field or "").endswith(("chair", "host")), _index(p.field)))
    out += _area_problems(body.area, f"{field}.area", known)
    return out + district_problems(body.districts, f"{field}.districts", known)


def _people(
    members: list[tuple[str, str]], chair: str | None, host: str | None, field: str, known: Known
) -> list[Problem]:
    """The members (paths and ids), chair and host that name no authority (a chair, nor body)."""
    authorities = known.authorities
    if authorities is None:
        return []
    out = [
        Problem(
            field=f,
            message="no authority with this id" + did_you_mean(m, authorities),
            expected=_AUTHORITY,
            got=m,
        )
        for f, m in members
        if m not in authorities
    ]
    chair_known = known.bodies is None or chair in known.bodies
    if chair is not None and chair not in authorities and not chair_known:
        out.append(
            Problem(
                field=f"{field}.chair",
                message="no authority or body with this id"
                + did_you_mean(chair, [*authorities, *(known.bodies or ())]),
                expected=f"{_AUTHORITY} or of a body of its governance",
                got=chair,
            )
        )
    if host is not None and host not in authorities:
        out.append(
            Problem(
                field=f"{field}.host",
                message="no authority with this id" + did_you_mean(host, authorities),
                expected=_AUTHORITY,
                got=host,
            )
        )
    return out


def _area_problems(area: str | None, field: str, known: Known) -> list[Problem]:
    """The problem of an ``area`` reference that names no area the partnership knows."""
    if area is None or known.is_area(area):
        return []
    return [
        Problem(
            field=field,
            message="not an area of the partnership",
            expected="the code or id of an area of areas.toml, or a GSS code",
            got=area,
        )
    ]


def scenario_problems(scenario: Scenario, known: Known) -> list[Problem]:
    """The problems of the references of a scenario's changes (paths ``changes[i]...``).

    The authorities and areas the scenario creates count as known; so do the bodies it
    adds, for a chair.

    Example:
        >>> from svduty.governance import Scenario
        >>> s = Scenario("s", "S", [ChangeDistricts("rugby-csp-board", ("Jane Smith",))])
        >>> [str(p) for p in scenario_problems(s, Known())]
        ['changes[0].districts[0]: not a local government area, and no change creates it; expected the GSS code of a local government area, such as E07000220 (got a string of 10 characters, not shown)']
    """  # noqa: E501
    created = {c.authority.id for c in scenario.changes if isinstance(c, CreateAuthority)}
    added = {c.body.id for c in scenario.changes if isinstance(c, AddBody)}
    known = attrs.evolve(
        known,
        authorities=None if known.authorities is None else known.authorities | created,
        bodies=None if known.bodies is None else known.bodies | added,
        new_areas=known.new_areas | {c.code for c in scenario.changes if isinstance(c, CreateArea)},
    )
    out: list[Problem] = []
    for i, change in enumerate(scenario.changes):
        if isinstance(change, AddBody):
            out += body_problems(change.body, f"changes[{i}].body", known)
        elif isinstance(change, ChangeDistricts):
            out += district_problems(change.districts, f"changes[{i}].districts", known)
            out += _area_problems(change.area, f"changes[{i}].area", known)
        elif isinstance(change, Merge):
            out += _area_problems(change.area, f"changes[{i}].area", known)
        elif isinstance(change, ChangeBody):
            path = f"changes[{i}]"
            joining = [(f"{path}.add_members[{j}]", m) for j, m in enumerate(change.add_members)]
            out += _people(joining, change.chair, change.host, path, known)
    return [
        p if p.message.startswith("repeats") or "authority" in p.message else _uncreated(p)
        for p in out
    ] + _created_authority_problems(scenario, known)


def _created_authority_problems(scenario: Scenario, known: Known) -> list[Problem]:
    """A created authority's areas: of a kind its category serves, in its nation.

    The bundle's own checks (``BUNDLE-CATEGORY-AREA``, ``BUNDLE-NATION``): a scenario can
    no more make a district council or an integrated care board for a Welsh principal
    area than a bundle can record one. An area the scenario creates is of its
    :attr:`~svduty.governance.CreateArea.kind`, and of the country of the areas it
    replaces even where its kind is not known.
    """
    if known.geography is None:
        return []
    from svduty.authorities._areas_served import area_kind, area_problems  # not at start-up
    from svduty.governance._area_code import created_country

    kinds = {c.code: c.kind for c in scenario.changes if isinstance(c, CreateArea)}
    countries = {
        c.code: created_country(c.replaces) for c in scenario.changes if isinstance(c, CreateArea)
    }

    out: list[Problem] = []
    for i, change in enumerate(scenario.changes):
        if not isinstance(change, CreateAuthority):
            continue
        areas, at = change.authority.areas, f"changes[{i}].authority.areas"
        if not areas:  # an authority serves some area (s.11(6))
            out.append(Problem(field=at, expected="at least one area's GSS code"))
        for j, code in enumerate(areas):
            if code in areas[:j]:
                out.append(Problem(field=f"{at}[{j}]", message="listed twice"))
            elif code not in known.new_areas and area_kind(known.geography, code) is None:
                # a Scottish or unknown code: no area of England and Wales (BUNDLE-GSS)
                wrong = "not an area of the partnership or of England and Wales (BUNDLE-GSS)"
                out.append(Problem(field=f"{at}[{j}]", message=wrong, got=code))
            for rule, message in area_problems(
                known.geography, change.authority, code, kinds.get(code), countries.get(code)
            ):
                out.append(Problem(field=f"{at}[{j}]", message=f"{message} ({rule})"))
    return out


def _uncreated(p: Problem) -> Problem:
    return attrs.evolve(p, message=f"{p.message}, and no change creates it")
