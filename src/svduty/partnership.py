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

import datetime as _dt
import html
from collections.abc import Iterable, Mapping
from pathlib import Path

import attrs

from svduty._arguments import instance_argument
from svduty._checked import checked_fields, checked_methods
from svduty._frozen import FrozenMap, frozen_map
from svduty._partnership_parts import delivered_by_known, join_grant_flow, populations_in_area
from svduty.areas import AreaKind, Geography, LocalArea
from svduty.authorities import Authorities, Role
from svduty.definitions import Definition
from svduty.errors import (
    DefinitionError,
    GovernanceError,
    Problem,
    ScenarioError,
    UnknownAreaError,
)
from svduty.findings import Finding, Findings, Severity
from svduty.funding import FundingModel, Strategy, StrategyRecords
from svduty.governance import (
    GovernanceGraph,
    GovernanceRule,
    Reorganised,
    Scenario,
    Timetable,
    WhatIf,
    _whatif,
    reorganise,
)
from svduty.governance._consult import national_findings
from svduty.governance._csp_areas import split_areas
from svduty.governance._doubted import with_doubts
from svduty.governance._references import Known, scenario_problems
from svduty.governance._responsible import responsible_lost, responsible_missing
from svduty.governance._rules import NEEDS_AUTHORITIES
from svduty.governance._scenario_named import named_scenario
from svduty.governance._validate import covering_new_areas, specified_bodies
from svduty.governance._whatif import NO_GRAPH, apply_what_if, diff_names
from svduty.governance._whatif_findings import named_by_changes, scenario_breaks
from svduty.periods import date
from svduty.sources import Sources

__all__ = ["Partnership"]


def _rules(values: Iterable[GovernanceRule]) -> tuple[GovernanceRule, ...]:
    return tuple(values)


@checked_methods
@checked_fields
@attrs.frozen(slots=True)
class Partnership:
    """A Serious Violence Duty partnership: its area, geography and sources.

    Its fields are checked against their types when it is made: a value of another type is
    an :class:`~svduty.errors.ArgumentError` naming the class and the field, never the
    value.

    Build one with :meth:`of`, which joins the parts (the same for a bundle and for
    code); the bundle loader calls it with each section it read.

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
        strategies: Each strategy's areas, period, adoption, publication, review,
            consultation, outcomes and endorsements (``None`` without ``strategies.toml``);
            :func:`~svduty.funding._editions.strategy_meets_s8` reads them.
        governance: The governance graph, with the grant flow of ``funding.toml`` joined
            in (``None`` when the bundle has no ``governance.toml``).
        governance_rules: The partnership's own governance rules (its practice, with the
            citation of its documents), checked beside the national
            :data:`~svduty.governance.GOVERNANCE_RULES`.
        timetable: The Duty's milestones and reviews (``None`` without ``timetable.toml``).
        scenarios: The what-if scenarios shipped in the bundle's ``scenarios/`` folder, by
            file name without ``.toml`` (a read-only mapping: the packaged partnerships
            are shared by every caller).
        sources: The national catalogue extended with the bundle's own sources.
        description: A paragraph on the partnership.
        bundle_path: The folder it was loaded from, if any.

    Two partnerships are equal (and hash alike) when their name, title, local area,
    sources and description are: the parts built from the bundle's other files
    (geography, definition, funding, governance, ...) are not compared. To compare one
    part, compare it: ``p.definition == q.definition``.

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
    strategies: StrategyRecords | None = attrs.field(default=None, eq=False, repr=False)
    governance: GovernanceGraph | None = attrs.field(default=None, eq=False, repr=False)
    timetable: Timetable | None = attrs.field(default=None, eq=False, repr=False)
    scenarios: Mapping[str, Scenario] = attrs.field(
        factory=FrozenMap, converter=frozen_map, eq=False, repr=False
    )
    governance_rules: tuple[GovernanceRule, ...] = attrs.field(
        default=(), converter=_rules, eq=False, repr=False
    )
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
            svduty.errors.DefinitionError: definition.toml: expected the partnership's own definition of serious violence (warwickshire has none: the commands use the Act's, svduty.definitions.STATUTE)
        """  # noqa: E501
        if self.definition is None:
            expected = (
                f"the partnership's own definition of serious violence ({self.name} has none:"
                " the commands use the Act's, svduty.definitions.STATUTE)"
            )
            raise DefinitionError.single("definition.toml", None, expected=expected)
        return self.definition

    @classmethod
    def of(
        cls,
        name: str,
        title: str,
        *,
        local_area: LocalArea,
        geography: Geography,
        authorities: Authorities,
        sources: Sources,
        definition: Definition | None = None,
        funding: FundingModel | None = None,
        strategy: Strategy | None = None,
        strategies: StrategyRecords | None = None,
        governance: GovernanceGraph | None = None,
        timetable: Timetable | None = None,
        scenarios: Mapping[str, Scenario] | None = None,
        governance_rules: Iterable[GovernanceRule] = (),
        description: str = "",
        bundle_path: Path | None = None,
    ) -> Partnership:
        """Assemble a partnership from its parts, joining them where they meet.

        The one place where parts are joined, for a bundle and for code alike:

        - the authorities get the geography's ``districts_within`` for the s.11(6) join
          (unless they already have one);
        - the grant flow of the funding model (who funds whom, the grant recipient, who
          manages the spend) joins the governance graph as relations, so each is stated
          once, in the funding section.

        Raises:
            FundingError: if a grant flow edge has no citation.
            GovernanceError: if a grant flow edge names a body the governance graph lacks.
            FundingError: if a population's district is not one of the local area's.

        Example:
            >>> import svduty
            >>> w = svduty.warwickshire()
            >>> bare = w.governance.with_changes(
            ...     w.governance.bodies,
            ...     [r for r in w.governance.relations if r.kind.value != "grant_recipient_for"])
            >>> p = Partnership.of(w.name, w.title, local_area=w.local_area,
            ...                    geography=w.geography, sources=w.sources,
            ...                    authorities=svduty.authorities.Authorities(w.authorities.items),
            ...                    funding=w.funding, governance=bare)
            >>> p.governance == w.governance, p.authorities.districts_within is not None
            (True, True)
        """
        if authorities.districts_within is None:
            authorities = authorities.with_districts_within(geography.district_codes_within)
        if authorities.area_periods is None:
            authorities = authorities.with_area_periods(geography.periods_of)
        if governance is not None and funding is not None:
            governance = join_grant_flow(governance, funding)
        if funding is not None:
            delivered_by_known(funding, authorities, governance)
            populations_in_area(funding, local_area)
        return cls(
            name=name,
            title=title,
            local_area=local_area,
            geography=geography,
            authorities=authorities,
            sources=sources,
            definition=definition,
            funding=funding,
            strategy=strategy,
            strategies=strategies,
            governance=governance,
            timetable=timetable,
            scenarios=FrozenMap(scenarios or {}),
            governance_rules=tuple(governance_rules),
            description=description,
            bundle_path=bundle_path,
        )

    def specified_authority_ids(self) -> tuple[str, ...]:
        """The ids of the partnership's specified authorities (s.11, Schedule 1).

        Example:
            >>> import svduty
            >>> ids = svduty.warwickshire().specified_authority_ids()
            >>> len(ids), "warwickshire-police" in ids
            (11, True)
        """
        return tuple(a.id for a in self.authorities.by_role(Role.SPECIFIED_AUTHORITY))

    def what_if(self, scenario: Scenario | str, *, strict: bool = False) -> WhatIf:
        """Apply a scenario to the partnership and validate what results.

        The scenario's changes to bodies and relations give a new governance graph; its
        changes to authorities and areas (abolish, create, transfer functions, new
        areas) give new authorities and local government areas, for which the s.11(6)
        join is run again (``GOV-SCHEDULE-1``). The result is validated with
        :meth:`validate_governance`.

        Args:
            scenario: A scenario, or the name of one of the partnership's scenarios (a
                scenario file: ``svduty.io.read_scenario(path, partnership.sources)``).
            strict: Count warnings as errors.

        Raises:
            GovernanceError: if the partnership has no scenario of that name (one with no
                governance graph is checked against Schedule 1 alone, the other rules
                skipped saying why).
            ScenarioError: naming the change that cannot be applied.
            ArgumentError: for a scenario of another type.

        Example:
            >>> import svduty
            >>> p = svduty.warwickshire()
            >>> w = p.what_if("lgr-two-unitaries")
            >>> [f.message for f in w.findings.errors if f.rule == "GOV-SCHEDULE-1"][1]
            "north-warwickshire-unitary has no specified authority of the 'Fire and rescue' table of Schedule 1 (before: warwickshire-fire-and-rescue-authority); see changes[7] (change_districts), changes[8] (create_area), changes[17] (abolish_authority)"
        """  # noqa: E501
        graph = self._graph(or_empty=True)  # no governance.toml: authorities and areas alone
        if isinstance(scenario, str):  # a name of its own; a file is told how it is read
            scenario = named_scenario(self.scenarios, scenario)
        scenario = instance_argument(
            scenario,
            Scenario,
            "what_if(scenario)",
            "a Scenario or a scenario's name (a file: svduty.io.read_scenario)",
        )
        known = Known(frozenset(a.id for a in self.authorities.items), None, self.geography, True)
        unknown = scenario_problems(
            scenario, attrs.evolve(known, bodies=frozenset(b.id for b in graph.bodies))
        )
        if unknown:  # an authority, area or district the partnership has not, nor the scenario
            raise ScenarioError(unknown).with_file(f"scenario {scenario.name}")
        changed, log, after = apply_what_if(graph, self.authorities, self.local_area, scenario)
        try:
            findings = self._validate(changed, after, scenario, strict, check_timetable=True)
        except UnknownAreaError as exc:  # a change names an area nothing creates
            raise ScenarioError(
                Problem(
                    file=f"scenario {scenario.name}",
                    message=f"{exc}: not in the partnership's areas, and no change creates it",
                )
            ) from None
        diff = graph.diff(changed)
        records = (*self.authorities.items, *after.authorities.items)
        diff = diff.named(diff_names(diff, records, self.geography, scenario, after.areas))
        w = WhatIf(scenario, changed, log, diff, after, findings)
        return w.said(graph=self.governance is not None)  # print(w.diff): them too, or why not

    def validate_governance(
        self,
        graph: GovernanceGraph | None = None,
        *,
        scenario: Scenario | str | None = None,
        strict: bool = False,
        check_timetable: bool = True,
        on: _dt.date | str | None = None,
    ) -> Findings:
        """Check the governance (the partnership's own, a what-if graph, or a scenario).

        This is the one validation the CLI (``svduty governance --validate``) and Python
        share. The national rules run always: every district covered by exactly one
        community safety partnership (``GOV-CSP-COVERAGE``) and, for every local
        government area, a specified authority of each Schedule 1 table that applies
        (``GOV-SCHEDULE-1``). The partnership's declared rules (``governance_rules``)
        run with its specified authorities and timetable. Every rule is listed as
        checked or skipped (with the reason).

        Args:
            graph: A graph to check (default: the partnership's own).
            scenario: A scenario (or its name) to apply first; the graph, authorities and
                areas it changes are checked (see :meth:`what_if`).
            strict: Count warnings as errors.
            check_timetable: Check that the timetable names bodies of the graph.
            on: Check the bodies, relations and authorities whose records hold on this
                day (a date or ``YYYY-MM-DD``; :meth:`GovernanceGraph.as_at()
                <svduty.governance.GovernanceGraph.as_at>`); a scenario is checked on its
                ``effective`` day instead. Default: every record, whatever its period.

        A record whose period does not hold on ``on`` (a board set up for the agreement's
        term, asked about after it) is left out, and what only its absence causes is not
        known, not a breach: a warning ``not known: ...`` (an error when ``strict``).
        The Police, Crime, Sentencing and Courts Act 2022, Part 2, Chapter 1 gives the
        duty to collaborate (s.8) no end and prescribes no board, group or term: the end
        of a record's period ends what the record says, it does not record that the body
        ceased (a renewed agreement may not be recorded). This is the rule
        ``GOV-SCHEDULE-1`` follows: a breach is what a change takes away (a scenario's
        change), and what nothing records is not known. A finding the undated record
        gives too (a district no CSP covers at all) stays what it is on any day.

        Raises:
            GovernanceError: if there is no graph to check, or both a graph and a
                scenario are given, or both ``on`` and a scenario.
            DataError: if ``on`` is not a calendar date.

        Example:
            >>> import svduty
            >>> p = svduty.warwickshire()
            >>> p.validate_governance().ok
            True
            >>> two = p.validate_governance(scenario="lgr-two-unitaries")
            >>> sorted({f.rule for f in two.errors})
            ['GOV-REF', 'GOV-SCHEDULE-1']
            >>> from svduty.governance import RemoveBody, Scenario
            >>> cut = Scenario("cut", "Close Rugby's board", [RemoveBody("rugby-csp-board")])
            >>> broken, _ = p.governance.apply(cut)
            >>> for f in p.validate_governance(broken, check_timetable=False).errors:
            ...     print(f.rule, f.subjects)
            GOV-CSP-COVERAGE ()
            GOV-PATH ('case-management-east',)
            GOV-PATH ('rugby-ciog',)
            >>> p.validate_governance(on="2026-01-01").ok  # no record of it is dated
            True
        """
        if scenario is not None:
            both = (
                ("graph", graph, "a graph or a scenario, not both"),
                ("on", on, "a day or a scenario, not both (a scenario is checked on its day)"),
            )
            for name, given, expected in both:
                if given is not None:
                    raise GovernanceError.single(None, name, expected=expected)
            return self.what_if(scenario, strict=strict).findings
        target = graph if graph is not None else self._graph()
        same = reorganise(self.authorities, self.local_area.districts, None)
        return self._validate(target, same, None, strict, check_timetable=check_timetable, on=on)

    def _graph(self, *, or_empty: bool = False) -> GovernanceGraph:
        if self.governance is None and not or_empty:
            raise GovernanceError.single(None, "governance", expected=NO_GRAPH)
        return self.governance or GovernanceGraph()  # (an empty graph: no governance.toml)

    def _validate(
        self,
        graph: GovernanceGraph,
        after: Reorganised,
        scenario: Scenario | None,
        strict: bool,
        *,
        check_timetable: bool,
        on: _dt.date | str | None = None,
    ) -> Findings:
        day = scenario.effective if scenario is not None else (None if on is None else date(on))
        specified = specified_bodies(after.authorities, graph, day)
        res = covering_new_areas(graph, after.replaced).validate(
            strict,
            districts=self.local_area.districts,
            specified_authorities=specified,
            timetable=self.timetable if check_timetable else None,
            rules=self.governance_rules,
            on=day,
        )
        was = self._graph(or_empty=True) if scenario is not None else None  # what it takes away
        gaps = national_findings(self.authorities, after, graph, on=day, was=was)
        gaps += split_areas(graph, after.replaced, day, strict=strict)  # CDA 1998 s.5(1)
        skipped = tuple((r, why) for r, why in res.skipped if r not in NEEDS_AUTHORITIES)
        rules, changes = self.governance_rules, () if scenario is None else scenario.changes
        lost: tuple[Finding, ...] = ()
        if was and changes:  # what the scenario takes away
            gaps += scenario_breaks(was, graph, after, rules, changes)
            lost = responsible_lost(was, graph, after, changes, on=day)  # CDA 1998 s.5(1)
        gaps += lost + responsible_missing(graph, after, on=day, reported=lost)
        if strict:
            gaps = tuple(attrs.evolve(f, severity=Severity.ERROR) for f in gaps)
        found = Findings(gaps, (), NEEDS_AUTHORITIES) + Findings(res.findings, skipped, res.checked)
        found = with_doubts(found, after.authorities, day, strict=strict)  # a record in doubt
        if self.governance is None:
            found = _whatif.without_graph(found)
        if scenario is None or was is None:
            return found
        same = reorganise(self.authorities, self.local_area.districts, None)
        before = self._validate(was, same, None, strict, check_timetable=True, on=day)
        return named_by_changes(found, before, changes, after, was)

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
                ("strategies", self.strategies),
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
