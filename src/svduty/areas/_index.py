"""The index of a geography: area records checked, then parents, children and names."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

import attrs

from svduty.areas._model import Area, AreaKind, Membership, normalise_name
from svduty.errors import AreaError, Problem
from svduty.periods import Period
from svduty.sources import Citation

__all__ = ["KIND_ORDER", "RANK", "Index", "build_index"]

KIND_ORDER: tuple[AreaKind, ...] = (
    AreaKind.COUNTY,
    AreaKind.UNITARY,
    AreaKind.METROPOLITAN_DISTRICT,
    AreaKind.LONDON_BOROUGH,
    AreaKind.WELSH_PRINCIPAL_AREA,
    AreaKind.DISTRICT,
    AreaKind.COMMUNITY_SAFETY_PARTNERSHIP,
    AreaKind.POLICE_FORCE_AREA,
    AreaKind.POLICE_COMMAND_AREA,
    AreaKind.INTEGRATED_CARE_BOARD,
    AreaKind.LOCAL_HEALTH_BOARD,
    AreaKind.FIRE_AND_RESCUE_AUTHORITY,
    AreaKind.REGION,
    AreaKind.COUNTRY,
    AreaKind.WARD,
    AreaKind.LSOA2021,
    AreaKind.LSOA2011,
)
RANK = {k: i for i, k in enumerate(KIND_ORDER)}

# Kinds of which an area may lie in several at once: a district with several community
# safety partnerships (Buckinghamshire, BCP) or integrated care boards (part in each).
MANY_PARENTS = frozenset({AreaKind.COMMUNITY_SAFETY_PARTNERSHIP, AreaKind.INTEGRATED_CARE_BOARD})


@attrs.frozen(slots=True)
class Index:
    current: dict[str, Area]
    records: dict[str, tuple[Area, ...]]
    ancestors: dict[str, frozenset[str]]
    descendants: dict[str, tuple[str, ...]]
    by_name: dict[str, tuple[str, ...]]
    vintages: dict[str, frozenset[int]]
    links: dict[tuple[str, str], Citation]
    cache: dict[str, Any]

    def district_id(self, area_id: str) -> str | None:
        """The local government area a current area lies in, as ``district_of`` finds it.

        The first of its ancestors by kind, then id (``Geography.parents``' order), without
        sorting them all: an LSOA code's first look-up (a summary's first batch meets a few
        hundred). ``None`` when it lies in none.
        """
        found = [
            a
            for p in self.ancestors.get(area_id, ())
            if (a := self.current[p]).kind.is_local_government_area
        ]
        return min(found, key=lambda a: (RANK[a.kind], a.id)).id if found else None


def _nested(area: AreaKind, kind: AreaKind) -> str | None:
    """Why ``area`` cannot lie in an area of ``kind``, or ``None``.

    No area lies in another of its own kind, nor a local government area in another (a
    district in a district: a hostile review's bundle validated with one).

    Example:
        >>> _nested(AreaKind.DISTRICT, AreaKind.UNITARY), _nested(AreaKind.DISTRICT,
        ...                                                       AreaKind.COUNTY)
        ('a district cannot lie in a unitary', None)
        >>> _nested(AreaKind.INTEGRATED_CARE_BOARD, AreaKind.INTEGRATED_CARE_BOARD)
        'an integrated care board cannot lie in an integrated care board'
    """
    if kind is area or (area.is_local_government_area and kind.is_local_government_area):
        return f"{area.a} cannot lie in {kind.a}"
    return None


def _names_shared(areas: Sequence[Area]) -> list[Problem]:
    """Two local government areas of one name at one time: a problem for the later record.

    The summaries count rows by district name, so two districts of one name would be
    counted as one (a hostile review's bundle validated with two districts named alike
    and ``svduty classify`` added their rows together). The ONS tables never give one
    name to two local government areas at once; a re-coded area of the same name that
    follows the old one (periods that do not overlap) is not refused.

    Example:
        >>> import svduty
        >>> a = svduty.warwickshire().geography.get("E07000220")  # Rugby
        >>> b = attrs.evolve(a, code="E07000901", id="E07000901")
        >>> [str(p) for p in _names_shared([a, b])]
        ['areas[1].name: the name of areas[0] (E07000220) at the same time; expected a name of its own for each local government area at a time (rows are counted by district name)']
        >>> from svduty.periods import Period  # re-coded from 1 April 2024: refused no more
        >>> old = attrs.evolve(a, valid=Period(a.valid.start, "2024-04-01"))
        >>> _names_shared([old, attrs.evolve(b, valid=Period("2024-04-01"))])
        []
    """  # noqa: E501
    problems: list[Problem] = []
    named: dict[str, list[tuple[int, Area]]] = defaultdict(list)
    for i, a in enumerate(areas):
        if not a.kind.is_local_government_area:
            continue
        for j, other in named[a.name]:
            if other.id != a.id and other.valid.overlaps(a.valid):
                problems.append(
                    Problem(
                        message=f"the name of areas[{j}] ({other.id}) at the same time",
                        field=f"areas[{i}].name",
                        expected="a name of its own for each local government area at a time "
                        "(rows are counted by district name)",
                    )
                )
                break
        named[a.name].append((i, a))
    return problems


def build_index(
    areas: Sequence[Area],
    memberships: Sequence[Membership],
    lsoa_vintages: dict[str, frozenset[int]],
) -> Index:
    problems: list[Problem] = []
    records: dict[str, list[tuple[int, Area]]] = defaultdict(list)
    for i, a in enumerate(areas):
        for j, other in records[a.id]:
            if other.valid.overlaps(a.valid):
                problems.append(
                    Problem(
                        message=f"period {a.valid} overlaps period {other.valid} of areas[{j}] "
                        f"(same area {a.id})",
                        field=f"areas[{i}].valid",
                        expected="records of one area to have periods that do not overlap",
                    )
                )
        records[a.id].append((i, a))
    problems += _names_shared(areas)
    current = {k: max(v, key=lambda ia: ia[1].valid.start)[1] for k, v in records.items()}

    # Every link: (child, parent, period, citation, field path). A record's own parents hold
    # for its period with its citation; a membership brings its own.
    links: dict[int, list[tuple[str, Period, Citation, str]]] = defaultdict(list)
    for i, a in enumerate(areas):
        for k, parent in enumerate(a.parents):
            links[i].append((parent, a.valid, a.citation, f"areas[{i}].parents[{k}]"))
    index_of = {id(a): i for i, a in enumerate(areas)}
    extra: dict[str, list[str]] = defaultdict(list)
    for m_i, m in enumerate(memberships):
        for name, value in (("area", m.area), ("parent", m.parent)):
            if value not in current:
                problems.append(
                    Problem(
                        message="unknown area",
                        field=f"memberships[{m_i}].{name}",
                        expected="the code or id of an area in the geography",
                        got=value,
                    )
                )
        if m.area in current and m.parent in current:
            i = index_of[id(current[m.area])]
            links[i].append((m.parent, m.valid, m.citation, f"memberships[{m_i}].parent"))
            if m.current and m.parent not in current[m.area].parents:
                extra[m.area].append(m.parent)
    edge_citations: dict[tuple[str, str], Citation] = {}
    for i, a in enumerate(areas):
        seen: list[tuple[AreaKind, str, Period]] = []
        for parent, valid, citation, field in links[i]:
            if parent not in current:
                problems.append(
                    Problem(
                        message="unknown area",
                        field=field,
                        expected="the code or id of an area in the geography",
                        got=parent,
                    )
                )
                continue
            pkind = current[parent].kind
            nested = _nested(a.kind, pkind)
            if nested is not None:
                problems.append(Problem(message=nested, field=field, got=parent))
                continue
            for kind, earlier, earlier_valid in seen:
                if (
                    kind is pkind
                    and kind not in MANY_PARENTS
                    and earlier != parent
                    and valid.overlaps(earlier_valid)
                ):
                    problems.append(
                        Problem(
                            message=f"{a.id} is in two areas of kind {pkind.value}: "
                            f"{earlier} and {parent}",
                            field=field,
                            expected=f"at most one {pkind.value.replace('_', ' ')} per area "
                            "at a time",
                            got=parent,
                        )
                    )
            seen.append((pkind, parent, valid))
            if a is current[a.id]:
                edge_citations[(a.id, parent)] = citation
    if problems:
        raise AreaError(problems)
    for area_id, more in extra.items():
        old = current[area_id]
        current[area_id] = attrs.evolve(old, parents=old.parents + tuple(more))
        records[area_id] = [(i, current[area_id] if r is old else r) for i, r in records[area_id]]

    ancestors: dict[str, frozenset[str]] = {}

    def up(area_id: str, trail: tuple[str, ...]) -> frozenset[str]:
        if area_id in ancestors:
            return ancestors[area_id]
        if area_id in trail:
            raise AreaError.single(
                None, "parents", message="areas contain each other: " + " -> ".join(trail)
            )
        out: set[str] = set()
        for p in current[area_id].parents:
            out.add(p)
            out |= up(p, (*trail, area_id))
        ancestors[area_id] = frozenset(out)
        return ancestors[area_id]

    for area_id in current:
        up(area_id, ())
    descendants: dict[str, list[str]] = defaultdict(list)
    for area_id in sorted(current):
        for anc in ancestors[area_id]:
            descendants[anc].append(area_id)
    by_name: dict[str, list[str]] = defaultdict(list)
    for area_id, a in current.items():
        by_name[normalise_name(a.name)].append(area_id)
    return Index(
        current=current,
        records={
            k: tuple(a for _, a in sorted(v, key=lambda ia: ia[1].valid.start))
            for k, v in records.items()
        },
        ancestors=ancestors,
        descendants={k: tuple(v) for k, v in descendants.items()},
        by_name={
            k: tuple(sorted(v, key=lambda i: (RANK[current[i].kind], i)))
            for k, v in by_name.items()
        },
        vintages=lsoa_vintages,
        links=edge_citations,
        cache={},
    )
