"""The named authorities of a partnership as one collection, queried by area and date.

:class:`Authorities` holds the :class:`~svduty.authorities.Authority` records and the
recorded :class:`~svduty.authorities.Absence` facts; its queries join them to local
government areas (s.11(6)) with a ``districts_within`` callable given once or per call.

Example:
    >>> from svduty.sources import cite
    >>> c = cite("pcsc-act-2022", "Sch 1")
    >>> auths = Authorities((Authority("d", "D", AuthorityCategory.DISTRICT_COUNCIL,
    ...                                ("E07000901",), c),))
    >>> len(auths), "d" in auths
    (1, True)
"""

from __future__ import annotations

import datetime as _dt
import html
import re
from collections.abc import Callable, Collection, Iterable, Iterator

import attrs

from svduty._arguments import choice_argument, text_argument, wrong_argument
from svduty._checked import checked_fields, checked_methods
from svduty._ids import is_id
from svduty.authorities._area_record import not_one_on
from svduty.authorities._areas_served import not_given
from svduty.authorities._authority import (
    Absence,
    Authority,
    DistrictsWithin,
    local_government_areas,
    other_nation,
)
from svduty.authorities._categories import AuthorityCategory, Role
from svduty.authorities._same_body import link_problems
from svduty.authorities._yot_councils import not_established
from svduty.errors import ConflictError, DataError, Problem, UnknownBodyError
from svduty.periods import Period, date

__all__ = ["Authorities"]


def _items(values: Iterable[Authority]) -> tuple[Authority, ...]:
    return tuple(values)


def _absences(values: Iterable[Absence]) -> tuple[Absence, ...]:
    return tuple(values)


_GSS = re.compile(r"[EWSNKLM][0-9]{8}", re.ASCII)  # the country letters check_gss takes


def check_area_code(field: str, code: str) -> None:
    r"""Refuse a code that names no area at all: neither a GSS code nor an area's id.

    ``""``, ``" "``, ``"E07000222\n"`` read from a file were answered ``undetermined``,
    "whether  is a local government area", as if they were an area of a bundle's own
    not yet known (contract42).

    Raises:
        DataError: naming the field, never the code.

    Example:
        >>> check_area_code("lga_code", "E07000222\n")
        Traceback (most recent call last):
        ...
        svduty.errors.DataError: lga_code: expected a GSS code (a country letter and 8 digits, such as E07000222) or the id of an area with no code (lower-case letters and digits, in words joined by hyphens or underscores)
    """  # noqa: E501
    text_argument(code, field, "an area's code (str)")
    # an id as a scenario's create_area takes one (ID_SHAPE: underscores too, diff42)
    if _GSS.fullmatch(code) is None and not is_id(code):
        raise DataError.single(
            None,
            field,
            expected="a GSS code (a country letter and 8 digits, such as E07000222) or the "
            "id of an area with no code (lower-case letters and digits, in words joined by "
            "hyphens or underscores)",
        )


@checked_methods
@checked_fields
@attrs.frozen(slots=True)
class Authorities:
    """The named authorities of a partnership, with recorded absences.

    Its fields are checked against their types when it is made: a value of another type is
    an :class:`~svduty.errors.ArgumentError` naming the class and the field, never the
    value.

    Ids are unique. Queries by local government area need the join callable, given once
    with :meth:`with_districts_within` (the partnership does this from its geography) or
    per call.

    Attributes:
        items: The authorities.
        absences: Categories recorded as having no authority for some areas.
        districts_within: The join callable (see :func:`local_government_areas`).
        area_periods: The periods of an area's records (the partnership's geography's
            :meth:`~svduty.areas.Geography.periods_of`): a local government area asked
            about on a day none holds was not one that day (s.11(4)); one with no
            periods (known only from the undated national tables) leaves whether it was
            one that day missing. None: the areas are taken as given. The function
            returns an iterable of :class:`~svduty.periods.Period`, or ``None`` for an
            area with no record (a ``dict``'s ``get`` will do); anything else (a string,
            a date, one ``Period`` alone) is an :class:`~svduty.errors.ArgumentError`
            when a rule asks it.

    Raises:
        ConflictError: if two authorities share an id, or a ``same_body_as`` makes a
            loop or names a record that names another (the records of one body each
            name its main record, which names none: as a bundle's file, law53).

    Example:
        >>> from svduty.sources import cite
        >>> c = cite("pcsc-act-2022", "Sch 1")
        >>> auths = Authorities((
        ...     Authority("cc", "County", AuthorityCategory.COUNTY_COUNCIL, ("E10000099",), c),
        ...     Authority("d1", "D1", AuthorityCategory.DISTRICT_COUNCIL, ("E07000901",), c),
        ... )).with_districts_within({"E10000099": ["E07000901", "E07000902"]}.__getitem__)
        >>> [a.id for a in auths.specified_for("E07000902")]
        ['cc']
    """

    items: tuple[Authority, ...] = attrs.field(default=(), converter=_items)
    absences: tuple[Absence, ...] = attrs.field(default=(), converter=_absences)
    districts_within: DistrictsWithin | None = attrs.field(
        default=None, eq=False, repr=False, kw_only=True
    )
    area_periods: Callable[[str], Iterable[Period] | None] | None = attrs.field(
        default=None, eq=False, repr=False, kw_only=True
    )

    def __attrs_post_init__(self) -> None:
        seen: set[str] = set()
        problems = []
        for i, a in enumerate(self.items):
            if a.id in seen:
                problems.append(
                    Problem(
                        field=f"authorities[{i}].id",
                        message="two authorities share one id",
                        got=a.id,
                    )
                )
            seen.add(a.id)
        ids, links = [a.id for a in self.items], [a.same_body_as for a in self.items]
        problems.extend(link_problems(ids, links).values())  # the loader's rule (law53)
        if problems:
            raise ConflictError(problems)

    def _repr_html_(self) -> str:
        """The authorities in a notebook: one row each, and the recorded absences."""
        e = html.escape
        rows = "".join(
            f"<tr><td>{e(a.id)}</td><td>{e(a.name)}</td><td>{e(a.category.value)}</td>"
            f"<td>{e(a.role.value)}</td><td>{e(', '.join(a.areas))}</td>"
            f"<td>{e(str(a.citation))}</td></tr>"
            for a in self.items
        )
        absent = "".join(
            f"<li>no {e(x.category.value)}"
            + (f" other than {e(', '.join(x.beside))}" if x.beside else "")
            + f" for {e(', '.join(x.areas))} "
            f"({e(x.citation.confidence.value)}: {e(str(x.citation))})</li>"
            for x in self.absences
        )
        head = "".join(
            f"<th>{h}</th>" for h in ("id", "name", "category", "role", "areas", "citation")
        )
        return (
            f"<table><caption>{len(self.items)} authorities</caption><tr>{head}</tr>{rows}</table>"
            + (f"<p>Recorded absences:</p><ul>{absent}</ul>" if absent else "")
        )

    def __iter__(self) -> Iterator[Authority]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def __contains__(self, authority_id: object) -> bool:
        return any(a.id == authority_id for a in self.items)

    def with_districts_within(self, districts_within: DistrictsWithin) -> Authorities:
        """The same authorities, with the join callable for area queries.

        Example:
            >>> Authorities().with_districts_within(lambda c: (c,)).districts_within("X")
            ('X',)
        """
        if not callable(districts_within):  # it failed at the first question, far away
            raise wrong_argument(
                "Authorities.with_districts_within(districts_within)",
                "a function: a code -> the districts within it",
                districts_within,
            )
        return attrs.evolve(self, districts_within=districts_within)

    def with_area_periods(
        self, area_periods: Callable[[str], Iterable[Period] | None]
    ) -> Authorities:
        """The same authorities, with the periods of the local government areas' records.

        Example:
            >>> from svduty.periods import Period
            >>> a = Authorities().with_area_periods(lambda c: (Period("2023-04-01"),))
            >>> [str(p) for p in a.area_periods("E06000063")]
            ['2023-04-01 onwards']
        """
        if not callable(area_periods):
            raise wrong_argument(
                "Authorities.with_area_periods(area_periods)",
                "a function: a code -> the periods of its records",
                area_periods,
            )
        return attrs.evolve(self, area_periods=area_periods)

    def get(self, authority_id: str) -> Authority:
        """The authority with an id.

        Raises:
            UnknownBodyError: if there is none.

        Example:
            >>> Authorities().get("nobody")
            Traceback (most recent call last):
            ...
            svduty.errors.UnknownBodyError: unknown body: nobody
        """
        for a in self.items:
            if a.id == authority_id:
                return a
        raise UnknownBodyError(authority_id)

    def by_role(self, role: Role | str, on: _dt.date | str | None = None) -> tuple[Authority, ...]:
        """The authorities with a role (valid on a day, if one is given).

        A record in doubt on the day is listed, and says so:
        :func:`~svduty.authorities.in_doubt_on` gives its doubt.

        Example:
            >>> Authorities().by_role("relevant_authority")
            ()
        """
        wanted = choice_argument(role, Role, "Authorities.by_role(role)")
        return tuple(a for a in self._valid(on) if a.role is wanted)

    def by_category(self, category: AuthorityCategory | str) -> tuple[Authority, ...]:
        """The authorities of a category.

        Example:
            >>> Authorities().by_category("district_council")
            ()
        """
        wanted = choice_argument(category, AuthorityCategory, "Authorities.by_category(category)")
        return tuple(a for a in self.items if a.category is wanted)

    def as_at(self, on: _dt.date | str) -> Authorities:
        """The authorities and absences whose records hold on a day.

        Example:
            >>> len(Authorities().as_at("2024-01-01"))
            0
        """
        day = date(on)
        return attrs.evolve(
            self,
            items=tuple(a for a in self.items if day in a.valid),
            absences=tuple(x for x in self.absences if day in x.valid),
        )

    def local_government_areas(
        self, authority: Authority | str, districts_within: DistrictsWithin | None = None
    ) -> tuple[str, ...]:
        """The local government areas of an authority (s.11(6)), with the stored join.

        Raises:
            DataError: if no join callable is given or stored.

        Example:
            >>> Authorities().local_government_areas("x")
            Traceback (most recent call last):
            ...
            svduty.errors.DataError: districts_within: ...
        """
        fn = self._join(districts_within)
        a = authority if isinstance(authority, Authority) else self.get(authority)
        return local_government_areas(a, fn)

    def for_area(
        self,
        lga_code: str,
        *,
        role: Role | str | None = None,
        on: _dt.date | str | None = None,
        districts_within: DistrictsWithin | None = None,
    ) -> tuple[Authority, ...]:
        """The authorities for a local government area, optionally of one role.

        An authority whose category Schedule 1 has in one nation only (an integrated
        care board: England) is never one for an area of the other; a council of the
        "Local government" table never one for an area its row does not give (a London
        borough council for a district, a county borough council for a Welsh county).
        A youth offending team recorded as established by bodies none of which is a
        local authority of the Crime and Disorder Act 1998 (s.42(1)) is none either.
        Asked of a day none of the area's own periods holds (:attr:`area_periods`:
        Cumberland before 1 April 2023), none: it was not a local government area that
        day (s.11(4)), so no authority was one for it (s.11(6)). A record in doubt on the
        day is listed, and says so (:func:`~svduty.authorities.in_doubt_on`).

        Example:
            >>> Authorities().for_area("E07000901", districts_within=lambda c: (c,))
            ()
        """
        joined = self._joined(lga_code, role, on, districts_within)
        if not_one_on(self.area_periods, lga_code, on):  # no area that day: s.11(4), (6)
            return ()
        return tuple(
            a
            for a in joined
            if other_nation(a, lga_code) is None
            and not_given(a, lga_code) is None
            and not_established(a, self.items, on) is None  # a team no local authority set up
        )

    def _joined(
        self,
        lga_code: str,
        role: Role | str | None,
        on: _dt.date | str | None,
        districts_within: DistrictsWithin | None,
    ) -> tuple[Authority, ...]:
        """The authorities whose join gives the area, of either nation (see for_area)."""
        check_area_code("lga_code", lga_code)  # a wrong type or a blank was no authority
        fn = self._join(districts_within)
        wanted = (
            choice_argument(role, Role, "Authorities.for_area(role)") if role is not None else None
        )
        return tuple(
            a
            for a in self._valid(on)
            if (wanted is None or a.role is wanted) and lga_code in local_government_areas(a, fn)
        )

    def specified_for(
        self,
        lga_code: str,
        *,
        on: _dt.date | str | None = None,
        districts_within: DistrictsWithin | None = None,
    ) -> tuple[Authority, ...]:
        """The specified authorities for a local government area (s.11(6), Sch 1).

        Example:
            >>> Authorities().specified_for("E07000901", districts_within=lambda c: (c,))
            ()
        """
        return self.for_area(
            lga_code, role=Role.SPECIFIED_AUTHORITY, on=on, districts_within=districts_within
        )

    def relevant_for(
        self,
        lga_code: str,
        *,
        on: _dt.date | str | None = None,
        districts_within: DistrictsWithin | None = None,
    ) -> tuple[Authority, ...]:
        """The relevant authorities for a local government area (s.12(2), Sch 2).

        Example:
            >>> Authorities().relevant_for("E07000901", districts_within=lambda c: (c,))
            ()
        """
        return self.for_area(
            lga_code, role=Role.RELEVANT_AUTHORITY, on=on, districts_within=districts_within
        )

    def covered_by(
        self, absence: Absence, *, districts_within: DistrictsWithin | None = None
    ) -> set[str]:
        """The local government areas an absence covers: its areas, joined.

        Example:
            >>> from svduty.sources import cite
            >>> x = Absence(AuthorityCategory.PRISON_AUTHORITY, ("E10000099",),
            ...             cite("pcsc-act-2022", "Sch 2"))
            >>> sorted(Authorities().covered_by(x, districts_within=lambda c: ("a", "b")))
            ['a', 'b']
        """
        fn = districts_within or self.districts_within or (lambda code: (code,))
        return {d for code in absence.areas for d in fn(code)}

    def absences_for(
        self,
        lga_code: str,
        category: AuthorityCategory | str,
        *,
        on: _dt.date | str | None = None,
        districts_within: DistrictsWithin | None = None,
    ) -> tuple[Absence, ...]:
        """The recorded absences of a category covering a local government area.

        With ``on``, only those whose record holds on that day (``valid``).

        Example:
            >>> Authorities().absences_for("E07000901", "prison_authority",
            ...                            districts_within=lambda c: (c,))
            ()
        """
        fn = self._join(districts_within)
        wanted = choice_argument(category, AuthorityCategory, "Authorities.absences_for(category)")
        day = None if on is None else date(on)
        out = []
        for x in self.absences:
            if x.category is not wanted or (day is not None and day not in x.valid):
                continue
            if lga_code in self.covered_by(x, districts_within=fn):
                out.append(x)
        return tuple(out)

    def _valid(self, on: _dt.date | str | None) -> tuple[Authority, ...]:
        if on is None:
            return self.items
        day = date(on)
        return tuple(a for a in self.items if day in a.valid)

    def _join(self, districts_within: DistrictsWithin | None) -> DistrictsWithin:
        fn = districts_within or self.districts_within
        if fn is None:
            raise DataError.single(
                None,
                "districts_within",
                expected="a join callable (Authorities.with_districts_within or the argument)",
            )
        return fn


def one_id_per_body(
    found: Iterable[Authority],
    members: Collection[str],
    held: Collection[str] | None = None,
    prefer: Collection[str] = (),
) -> tuple[str, ...]:
    """One id for each legal body among ``found``: records joined by ``same_body_as`` are one.

    A body that holds several records (a county council that is also the fire and rescue
    authority; a council continuing under a new name) takes part when any of its records
    does: the id is the first of its records in ``members``, else its first record's.
    ``held``: the ids of the records that hold (on a day); a body none of whose records
    holds is left out, and one that is not a member is named by a record that holds.
    ``prefer``: members to name first (a record whose membership is confirmed).

    Example:
        >>> from svduty.authorities import AuthorityCategory
        >>> from svduty.sources import cite
        >>> c = cite("pcsc-act-2022", "Sch 1")
        >>> a = Authority("old", "Old", AuthorityCategory.COUNTY_COUNCIL, ["E10000023"], c)
        >>> b = Authority("new", "New", AuthorityCategory.DISTRICT_COUNCIL, ["E06000065"], c,
        ...               same_body_as="old")
        >>> one_id_per_body([a, b], members={"new"}), one_id_per_body([a, b], members=())
        (('new',), ('old',))
        >>> one_id_per_body([a, b], members=(), held={"new"})
        ('new',)
        >>> one_id_per_body([a, b], members={"old", "new"}, prefer={"new"})
        ('new',)
    """
    records = list(found)
    ids = {a.id for a in records}
    body = {a.id: a.id for a in records}

    def root(x: str) -> str:
        while body[x] != x:
            x = body[x]
        return x

    for a in records:
        if a.same_body_as in ids:
            body[root(a.id)] = root(a.same_body_as)
    groups: dict[str, list[str]] = {}
    for a in records:
        groups.setdefault(root(a.id), []).append(a.id)
    out = []
    for g in groups.values():
        now = g if held is None else [x for x in g if x in held]
        if now:
            member = next((x for x in g if x in members), now[0])
            out.append(next((x for x in g if x in prefer), member))
    return tuple(out)
