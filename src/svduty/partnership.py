"""The partnership: one area's arrangements under the Duty, gathered in one value.

A :class:`Partnership` is loaded from a bundle (a folder of TOML files) by
:func:`svduty.load_partnership() <svduty.io.load_partnership>`;
:func:`svduty.warwickshire() <svduty.io.warwickshire>` loads the packaged one.

Example:
    >>> import svduty
    >>> p = svduty.warwickshire()
    >>> p.name, len(p.local_area.districts)
    ('warwickshire', 5)
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from pathlib import Path

import attrs

from svduty.areas import AreaKind, Geography, LocalArea
from svduty.authorities import Authorities, Role
from svduty.definitions import Definition
from svduty.errors import DefinitionError, GovernanceError
from svduty.funding import FundingModel, Strategy
from svduty.governance import Findings, GovernanceGraph, Scenario, Timetable
from svduty.sources import Sources

__all__ = ["Partnership"]


@attrs.frozen(slots=True)
class Partnership:
    """A Serious Violence Duty partnership: its area, geography and sources.

    Further sections (authorities, definition, governance, funding, timetable, strategy)
    join as they are built, each from its own bundle file.

    Attributes:
        name: The bundle's short name, such as ``"warwickshire"``.
        title: The partnership's title.
        local_area: The Duty's local area (s.9): the local government areas it covers.
        geography: The areas of and around the partnership, with the LSOA look-ups.
        authorities: The specified authorities, relevant authorities, local policing body
            and other partners named in the bundle, with the s.11(6) join to the areas.
        definition: The partnership's local definition of serious violence (``None`` when
            the bundle has no ``definition.toml``: then only the Act's s.13 applies).
        funding: The Home Office allocations, cost-category rules, projects and grant
            flow (``None`` when the bundle has no ``funding.toml``).
        strategy: The strategy's vocabulary, life stages, actions and needs evidence
            (``None`` when the bundle has no ``strategy.toml``).
        governance: The governance graph, with the grant flow of ``funding.toml`` joined
            in (``None`` when the bundle has no ``governance.toml``).
        timetable: The Duty's milestones and reviews (``None`` without ``timetable.toml``).
        scenarios: The what-if scenarios shipped in the bundle's ``scenarios/`` folder, by
            file name without ``.toml``.
        sources: The national catalogue extended with the bundle's own sources.
        description: A paragraph on the partnership.
        bundle_path: The folder it was loaded from, if any.

    Example:
        >>> import svduty
        >>> p = svduty.warwickshire()
        >>> p.geography.get(p.local_area.districts[3]).name
        'Stratford-on-Avon'
        >>> "warwickshire-police-model-2023" in p.sources
        True
    """

    name: str
    title: str
    local_area: LocalArea
    geography: Geography = attrs.field(eq=False, repr=False)
    authorities: Authorities = attrs.field(eq=False, repr=False)
    sources: Sources = attrs.field(repr=False)
    definition: Definition | None = attrs.field(default=None, eq=False, repr=False)
    funding: FundingModel | None = attrs.field(default=None, eq=False, repr=False)
    strategy: Strategy | None = attrs.field(default=None, eq=False, repr=False)
    governance: GovernanceGraph | None = attrs.field(default=None, eq=False, repr=False)
    timetable: Timetable | None = attrs.field(default=None, eq=False, repr=False)
    scenarios: Mapping[str, Scenario] = attrs.field(factory=dict, eq=False, repr=False)
    description: str = ""
    bundle_path: Path | None = attrs.field(default=None, eq=False)

    def require_definition(self) -> Definition:
        """The partnership's own definition of serious violence: never ``None``.

        For typed client code: :attr:`definition` is ``None`` for a bundle without a
        ``definition.toml``; this names that instead of passing ``None`` on.

        Raises:
            DefinitionError: when the partnership has no definition of its own.

        Example:
            >>> import attrs, svduty
            >>> p = svduty.warwickshire()
            >>> p.require_definition().id
            'warwickshire'
            >>> attrs.evolve(p, definition=None).require_definition()
            Traceback (most recent call last):
            ...
            svduty.errors.DefinitionError: definition.toml: expected the partnership's own definition of serious violence (warwickshire has none)
        """  # noqa: E501
        if self.definition is None:
            raise DefinitionError.single(
                "definition.toml",
                None,
                expected=f"the partnership's own definition of serious violence "
                f"({self.name} has none)",
            )
        return self.definition

    def specified_authority_ids(self) -> tuple[str, ...]:
        """The ids of the partnership's specified authorities (s.11, Schedule 1).

        Example:
            >>> import svduty
            >>> ids = svduty.warwickshire().specified_authority_ids()
            >>> len(ids), "warwickshire-police" in ids
            (11, True)
        """
        return tuple(a.id for a in self.authorities.by_role(Role.SPECIFIED_AUTHORITY))

    def validate_governance(
        self,
        graph: GovernanceGraph | None = None,
        *,
        strict: bool = False,
        check_timetable: bool = True,
    ) -> Findings:
        """Check a governance graph (the partnership's own, or a what-if) against its facts.

        The graph is validated with the partnership's districts (each covered by exactly
        one community safety partnership), its specified authorities (each represented in
        decision making) and, unless ``check_timetable`` is false, its timetable.

        Args:
            graph: The graph to check (default: the partnership's own).
            strict: Count warnings as errors.
            check_timetable: Check that the timetable names bodies of the graph (turn it
                off for a what-if graph that renames or removes bodies on purpose).

        Raises:
            GovernanceError: if there is no graph to check.

        Example:
            >>> import svduty
            >>> p = svduty.warwickshire()
            >>> p.validate_governance().ok
            True
            >>> two, _ = p.governance.apply(p.scenarios["lgr-two-unitaries"])
            >>> p.validate_governance(two, check_timetable=False).ok
            True
            >>> from svduty.governance import RemoveBody, Scenario
            >>> cut = Scenario("cut", "Close Rugby's board", [RemoveBody("rugby-csp-board")])
            >>> broken, _ = p.governance.apply(cut)
            >>> for f in p.validate_governance(broken, check_timetable=False).errors:
            ...     print(f.rule, f.bodies)
            GOV-CSP-COVERAGE ()
            GOV-PATH ('case-management-east',)
            GOV-PATH ('rugby-ciog',)
        """
        target = graph if graph is not None else self.governance
        if target is None:
            raise GovernanceError.single(
                None, "governance", expected="a governance graph (the bundle has none)"
            )
        return target.validate(
            strict,
            districts=self.local_area.districts,
            specified_authorities=self.specified_authority_ids(),
            timetable=self.timetable if check_timetable else None,
        )

    def _repr_html_(self) -> str:
        """A summary table for notebooks: area, districts, authorities and sections.

        Example:
            >>> import svduty
            >>> html = svduty.warwickshire()._repr_html_()
            >>> "<table" in html and "Nuneaton and Bedworth" in html
            True
        """
        esc = html.escape
        geo = self.geography
        rows = []
        for code in self.local_area.districts:
            area = geo.get(code)
            csps = geo.parents(code, AreaKind.COMMUNITY_SAFETY_PARTNERSHIP)
            rows.append(
                f"<tr><td>{esc(code)}</td><td>{esc(area.name)}</td>"
                f"<td>{esc(', '.join(c.name for c in csps))}</td></tr>"
            )
        specified = self.authorities.by_role(Role.SPECIFIED_AUTHORITY)
        sections = [
            name
            for name, value in (
                ("definition", self.definition),
                ("funding", self.funding),
                ("strategy", self.strategy),
                ("governance", self.governance),
                ("timetable", self.timetable),
            )
            if value is not None
        ]
        return (
            f"<div><strong>{esc(self.title)}</strong> ({esc(self.name)})<br>"
            f"Local area: {esc(self.local_area.name)} ({esc(str(self.local_area.valid))})"
            "<table><thead><tr><th>code</th><th>local government area</th>"
            "<th>community safety partnership</th></tr></thead><tbody>"
            + "".join(rows)
            + "</tbody></table>"
            f"Specified authorities ({len(specified)}): "
            + esc(", ".join(a.name for a in specified))
            + f"<br>Sections: {esc(', '.join(['areas', 'authorities', *sections]))}"
            + (f"; scenarios: {esc(', '.join(sorted(self.scenarios)))}" if self.scenarios else "")
            + "</div>"
        )
