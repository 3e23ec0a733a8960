"""The Schedule 1 check that follows a what-if's changes to authorities and areas.

:func:`schedule_1_findings` re-runs the s.11(6) join for each local government area
:func:`~svduty.governance.reorganise` leaves, to report what Schedule 1 leaves without an
authority (``GOV-SCHEDULE-1``).

Example:
    >>> import svduty
    >>> from svduty.governance import reorganise
    >>> p = svduty.warwickshire()
    >>> after = reorganise(p.authorities, p.local_area.districts, p.scenarios["lgr-two-unitaries"])
    >>> sorted({f.get("table") for f in schedule_1_findings(p.authorities, after)})
    ["'Criminal justice' table (youth offending team)", "'Fire and rescue' table"]
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable

import attrs

from svduty._checked import checked
from svduty.authorities import (
    Authorities,
    AuthorityCategory,
    category_info,
    specified_authorities_for,
)
from svduty.authorities._answering import DAY_ASKED
from svduty.authorities._authority import other_nation
from svduty.authorities._one_fire_authority import CONTRADICT, POLICE_CONTRADICT
from svduty.errors import named
from svduty.findings import Finding, Severity
from svduty.governance._councils import councils_together
from svduty.governance._csp_areas import district_named
from svduty.governance._one_per_area import one_per_area
from svduty.governance._reorganise import Reorganised
from svduty.governance._rules import GOVERNANCE_RULES
from svduty.periods import date
from svduty.sources import Citation

__all__ = ["schedule_1_findings"]


def _requirement(category: AuthorityCategory) -> str:
    """What a category fills in Schedule 1: its table (each row, for criminal justice)."""
    info = category_info(category)
    if info.table == "Criminal justice":  # a provider of probation services AND a YOT
        return f"'{info.table}' table ({_words(category)})"
    return f"'{info.table}' table"


def _tables(authorities: Authorities, ids: Iterable[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for a in ids:
        out.setdefault(_requirement(authorities.get(a).category), []).append(a)
    return out


@checked
def schedule_1_findings(
    before: Authorities,
    after: Reorganised,
    *,
    on: _dt.date | str | None = None,
) -> tuple[Finding, ...]:
    """What Schedule 1 leaves without a specified authority in each local government area.

    For each area the s.11(6) join is run again on the changed authorities. A Schedule 1
    requirement a recorded authority met before the changes (for the area, or a district
    it replaces) and none meets after is a breach: an error naming the authorities it
    had. For an area with a GSS code, or one the changes create whose kind is known
    (:attr:`~svduty.governance.CreateArea.kind`), a requirement no authority was
    recorded for, before or after, leaves the s.11(6) answer ``undetermined``: a warning
    ``not known: ..., missing: ...``, never an error claiming the area has no authority.
    A new area named by an id whose kind is not known is a warning of its own. What a
    district the changes replace had before them is read whatever its own record says
    of the day (a record ending on vesting day is the change itself; s.11(4)).

    Example:
        >>> import svduty
        >>> from svduty.governance import reorganise
        >>> p = svduty.warwickshire()
        >>> same = reorganise(p.authorities, p.local_area.districts,
        ...                   p.scenarios["jag-to-sv-strategic-board"])
        >>> schedule_1_findings(p.authorities, same)
        ()
    """
    rule = GOVERNANCE_RULES["GOV-SCHEDULE-1"]
    out: list[Finding] = []
    undated = attrs.evolve(before, area_periods=None)  # the districts the changes replace
    for lga in after.areas:
        kind = after.kinds.get(lga)  # an area the changes create: its kind, where known
        now = specified_authorities_for(after.authorities, lga, on=on, kind=kind)
        districts = [d for d, new in after.replaced.items() if new == lga] or [lga]
        subjects = now.subjects
        if kind is None and lga not in districts:  # an id of its areas' nation, kind unknown
            subjects = tuple(
                s for s in subjects if other_nation(after.authorities.get(s), districts[0]) is None
            )
        have = _tables(after.authorities, subjects)
        was: dict[str, list[str]] = {}
        had: list[str] = []
        for d in districts:  # a district it replaces: its record ending that day is the change
            asked = before if d == lga else undated
            ids = specified_authorities_for(asked, d, on=on).subjects
            had.extend(i for i in ids if i not in had)
            for table, in_table in _tables(before, ids).items():
                was.setdefault(table, []).extend(i for i in in_table if i not in was[table])
        day = None if on is None else date(on)
        out.extend(councils_together(before, after.authorities, lga, districts, day))
        out.extend(one_per_area(before, after.authorities, lga, districts, day))
        for table in sorted(set(was) - set(have)):  # each cites its own row, not the others
            rows = [before.get(b).category for b in was[table]]
            out.append(_breach(lga, table, was[table], _row_citations(rule.citation, rows)))
        created = lga in after.replaced.values()
        if created and kind is None and not (lga[:1] in ("E", "W") and lga[1:].isdigit()):
            out.append(_kind_not_known(lga, districts, rule.citation))
        if kind is not None or (lga[:1] in ("E", "W") and lga[1:].isdigit()):  # tables known
            lost = set(was) - set(have)
            for m in now.missing:
                if m.startswith(DAY_ASKED):  # no day given: every record is checked
                    continue
                if m.endswith((CONTRADICT, POLICE_CONTRADICT)):  # one_per_area's, above (law51)
                    continue
                requirement = _requirement_named(m)
                if requirement is not None and requirement in lost:
                    continue  # reported above, with the authorities it had before
                table, gone = _filled_before(before, had, m)
                if gone:
                    rows = [before.get(b).category for b in gone]
                    out.append(_breach(lga, table, gone, _row_citations(rule.citation, rows)))
                    continue
                cites = _row_citations(rule.citation, _categories_named(m))
                data = (("table", requirement), ("missing", m)) if requirement is not None else ()
                out.append(
                    Finding(
                        rule.id,
                        Severity.WARNING,
                        f"not known: whether {named(lga, 'an id')} has {_TAIL.sub('', m)} of "
                        f"Schedule 1 (none is recorded), missing: {m}",
                        cites,
                        (lga,),
                        data=data,
                    )
                )
    return tuple(out)


def _kind_not_known(lga: str, districts: list[str], cite: Citation) -> Finding:
    """The warning for a new area named by an id whose kind of area is not known.

    The kinds its areas can make in law are named (districts of a two-tier county: a
    unitary area, or one district still).
    """
    from svduty.governance._area_code import possible_kinds  # not at start-up

    possible = possible_kinds(districts)
    can = " or ".join(sorted(repr(k.value) for k in possible)) if possible else None
    law = f"by law {can}" if can else "what they make is not known"
    return Finding(
        "GOV-SCHEDULE-1",
        Severity.WARNING,
        f"not known: what kind of local government area {named(lga, 'an id')} is (it replaces "
        f"{', '.join(districts)}; {law}): only the requirements of Schedule 1 its districts "
        f"lose are checked; give its create_area change its kind{f' ({can})' if can else ''}",
        (cite,),
        (lga,),
        data=(("missing", f"the kind of local government area {lga} is"),),
    )


def _breach(lga: str, table: str, before: list[str], cites: tuple[Citation, ...]) -> Finding:
    """The error for a Schedule 1 requirement the changes leave without the authority it had."""
    return Finding(
        "GOV-SCHEDULE-1",
        Severity.ERROR,
        f"{district_named(lga)} has no specified authority of the {table} of Schedule 1 "
        f"(before: {', '.join(named(b, 'an id') for b in before)})",
        cites,
        (lga, *before),
        data=(("table", table), ("before", ", ".join(before))),
    )


_NAMED = re.compile(r"'([^']+)' table(?: \(([^)]*)\))?")
_TAIL = re.compile(r" for [^ ]+ \(Sch 1\)$")


def _requirement_named(missing: str) -> str | None:
    """The requirement a missing fact of the s.11(6) answer names, as :func:`_requirement` does."""
    m = _NAMED.search(missing)
    if m is None:
        return None
    if m.group(1) == "Criminal justice" and m.group(2):
        return f"'{m.group(1)}' table ({m.group(2)})"
    return f"'{m.group(1)}' table"


def _words(category: AuthorityCategory) -> str:
    """A category in the words the s.11(6) answer names it with (``county council``)."""
    return category.value.replace("_", " ")


def _categories_named(missing: str) -> list[AuthorityCategory]:
    """The categories a missing fact of the s.11(6) answer names (``... (county council)``)."""
    m = _NAMED.search(missing)
    kinds = set(m.group(2).split(" or ")) if m is not None and m.group(2) else set()
    return [c for c in AuthorityCategory if _words(c) in kinds]


def _row_citations(rule: Citation, categories: Iterable[AuthorityCategory]) -> tuple[Citation, ...]:
    """The rule's citation, then each Schedule 1 row's: what defines it, where its areas are.

    Example:
        >>> from svduty.sources import cite
        >>> c = _row_citations(cite("pcsc-act-2022", "s.11"), [AuthorityCategory.CHIEF_OFFICER_OF_POLICE])
        >>> [x.provision for x in c][0], any("police row" in (x.doubt or "") for x in c)
        ('s.11', True)
    """  # noqa: E501
    rows = [(_entry(c, "first"), _entry(c, "second")) for c in categories]
    return tuple(dict.fromkeys((rule, *(x for pair in rows for x in pair))))


def _entry(category: AuthorityCategory, column: str) -> Citation:
    """A row's citation naming its table, column and entry, as the finding's message does.

    A row's own citations read ``Sch 1`` and ``s.11(6), Sch 1`` for every row: beside the
    rule's ``s.11 and Sch 1`` they said neither which entry decides nor how they differ.

    Example:
        >>> _entry(AuthorityCategory.PROVIDER_OF_PROBATION_SERVICES, "second").provision
        "s.11(6), Sch 1, 'Criminal justice' table, second column: provider of probation services"
    """
    info = category_info(category)
    cited = info.citation if column == "first" else info.join_citation
    where = f"{cited.provision}, '{info.table}' table, {column} column: {_words(category)}"
    return attrs.evolve(cited, provision=where)


def _filled_before(before: Authorities, had: list[str], missing: str) -> tuple[str, list[str]]:
    """The row a missing fact of the s.11(6) answer names, and who met it before the changes.

    The row is the Schedule 1 table with the categories of the authorities recorded
    before that met it (``'Local government' table (county council)``).
    """
    m = _NAMED.search(missing)
    kinds = set(m.group(2).split(" or ")) if m is not None and m.group(2) else set()
    gone = [i for i in had if _words(before.get(i).category) in kinds]
    kinds_gone = dict.fromkeys(_words(before.get(i).category) for i in gone)
    table = f"'{m.group(1) if m is not None else '?'}' table ({', '.join(kinds_gone)})"
    return table, gone
