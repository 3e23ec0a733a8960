"""What the partnership checks when it joins its sections: the funding's ids in the others.

The grant flow's edges name bodies of the governance graph, and a project's
``delivered_by`` a body or an authority; :class:`~svduty.partnership.Partnership` joins
them when it is made (:meth:`~svduty.partnership.Partnership.of`).

Example:
    >>> import svduty
    >>> w = svduty.warwickshire()
    >>> delivered_by_known(w.funding, w.authorities, w.governance) is None
    True
"""

from __future__ import annotations

import unicodedata

import attrs

from svduty.areas import LocalArea
from svduty.authorities import Authorities
from svduty.errors import FundingError, GovernanceError, Problem
from svduty.funding import FundingModel
from svduty.governance import GovernanceGraph, Relation, RelationKind

__all__ = ["delivered_by_known", "join_grant_flow", "populations_in_area"]


def join_grant_flow(graph: GovernanceGraph, funding: FundingModel) -> GovernanceGraph:
    """The graph with the funding model's grant flow as relations (stated once, there)."""
    have = {r.key for r in graph.relations}
    bodies = {b.id for b in graph.bodies}
    extra: list[Relation] = []
    for n, edge in enumerate(funding.grant_flow.relations()):
        if edge.citation is None:
            raise FundingError.single(
                "funding.toml",
                f"grant_flow.edges[{n}].citation",
                expected="a citation for the edge",
            )
        for end, body in (("source", edge.source), ("target", edge.target)):
            if body not in bodies:
                raise GovernanceError.single(
                    "funding.toml",
                    f"grant_flow.edges[{n}].{end}",
                    message="no body of governance.toml with this id",
                    got=body,
                )
        r = Relation(RelationKind(edge.relation.value), edge.source, edge.target, edge.citation)
        if r.key not in have:
            extra.append(r)
    if not extra:
        return graph
    try:
        return GovernanceGraph.of(graph.bodies, (*graph.relations, *extra))
    except GovernanceError as exc:
        raise GovernanceError(
            [attrs.evolve(p, message=f"funding.toml grant flow: {p.message}") for p in exc.problems]
        ) from None


def delivered_by_known(
    funding: FundingModel, authorities: Authorities, governance: GovernanceGraph | None
) -> None:
    """Refuse a project delivered by a body the partnership does not name.

    ``delivered_by`` is an id: of a body of the governance graph or of an authority (the
    seed41 audit found two projects naming bodies that were neither). A bundle without a
    governance file is not checked: its bodies are not known (the governance command says
    the file is missing).
    """
    # `is None`, not truth: a graph's len() builds its NetworkX graph (0.1 s to import)
    if governance is None:
        return
    known = {a.id for a in authorities} | {b.id for b in governance.bodies}
    for n, project in enumerate(funding.projects):
        if project.delivered_by is not None and project.delivered_by not in known:
            raise FundingError.single(
                "funding.toml",
                f"projects[{n}].delivered_by",
                expected="the id of a body of governance.toml or an authority of authorities.toml",
                got=project.delivered_by,
            )


def _key(name: str) -> str:
    """A district's name or code as compared: NFC, spaces around it dropped, case folded."""
    return unicodedata.normalize("NFC", name).strip().casefold()


def _listed(names: dict[str, str]) -> str:
    """The districts as a message lists them: a name only where it is the ONS name.

    A bundle's areas.toml names its districts as its authors typed them: a name that is
    not the national table's name for the code could be anything (hostile57: a mutated
    bundle's district named as a person), so its code is listed alone.
    """
    from svduty.areas import Geography

    national = Geography.england_and_wales()
    public = {c: n for c, n in names.items() if c in national and national.get(c).name == n}
    return "; ".join(f"{public[c]} ({c})" if c in public else c for c in names)


def populations_in_area(funding: FundingModel, local_area: LocalArea) -> None:
    """Refuse a population figure for a district outside the partnership's local area.

    A ``[[populations]]`` part names a district, by its GSS code or its name, that must be
    one of ``local_area.districts``: a typo or another area's district would weigh in a
    population split, its people counted for a partnership that does not cover them
    (hostile53b). The model documents no reason to hold one. District codes and their ONS
    names are public, so the expected ones are listed (a name areas.toml gives otherwise
    is not: its code alone).

    Raises:
        FundingError: naming ``populations[i].parts[k].district`` for each one outside.

    Example:
        >>> import svduty
        >>> w = svduty.warwickshire()
        >>> populations_in_area(w.funding, w.local_area) is None
        True
    """
    if not funding.populations:
        return
    area = local_area.geography
    names = {c: area.get(c).name for c in local_area.districts}
    known = {_key(c) for c in names} | {_key(n) for n in names.values()}
    problems = [
        Problem(
            file="funding.toml",
            field=f"populations[{n}].parts[{k}].district",
            expected=f"one of the partnership's districts, by name or code: {_listed(names)}",
            got=part.district,
        )
        for n, pop in enumerate(funding.populations)
        for k, part in enumerate(pop.parts)
        if _key(part.district) not in known
    ]
    if problems:
        raise FundingError(problems)
