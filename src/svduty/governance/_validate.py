"""Validation of a governance graph: findings with severity, rule id and citation."""

from __future__ import annotations

import enum
import html
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import attrs

from svduty.errors import GovernanceError, Problem
from svduty.governance._model import BodyKind, BodyStatus, Level, RelationKind, Tier
from svduty.sources import Citation, Confidence, cite

if TYPE_CHECKING:
    from svduty.governance._graph import GovernanceGraph
    from svduty.governance._timetable import Timetable

__all__ = ["RULES", "Finding", "Findings", "Severity"]


class Severity(enum.StrEnum):
    """How serious a finding is.

    Example:
        >>> Severity("error") is Severity.ERROR
        True
    """

    ERROR = "error"
    WARNING = "warning"


_AGREEMENT = "warwickshire-partnership-agreement"

RULES: dict[str, tuple[str, Citation]] = {
    "GOV-REF": (
        "no relation points at a body that does not exist",
        cite(_AGREEMENT, "Governance Structure"),
    ),
    "GOV-CYCLE": (
        "oversight has no cycles",
        cite(_AGREEMENT, "Governance Structure"),
    ),
    "GOV-CSP-COVERAGE": (
        "every district is covered by exactly one community safety partnership",
        cite("cda-1998", "s.5"),
    ),
    "GOV-PATH": (
        "every local body has a reporting path to a countywide strategic body",
        cite(_AGREEMENT, "Governance Structure"),
    ),
    "GOV-SPECIFIED": (
        "every specified authority of the area takes part in the partnership's decision making",
        cite("nbbc-cabinet-report-2023", "5.2 Progress to date (March 2023 requirement)"),
    ),
    "GOV-GRANT": (
        "a grant has a recipient, and the money reaches a body that manages its spend "
        "(the recipient itself or a body it funds, directly or in turn)",
        cite(_AGREEMENT, "Funding Provision"),
    ),
    "GOV-ISOLATED": (
        "every body has at least one relation",
        cite(_AGREEMENT, "Governance Structure"),
    ),
    "GOV-TIMETABLE": (
        "the timetable names bodies of the graph",
        cite(_AGREEMENT, "Review period"),
    ),
}
"""The validation rules: id -> (what the rule requires, where that comes from)."""


@attrs.frozen(slots=True)
class Finding:
    """One thing validation found.

    Attributes:
        severity: Error or warning.
        rule: The rule id, such as ``"GOV-CYCLE"`` (see ``svduty.governance.RULES``).
        message: What was found.
        bodies: The body ids involved.
        citation: Where the rule comes from.

    Example:
        >>> f = Finding(Severity.ERROR, "GOV-CYCLE", "a -> b -> a", ("a", "b"),
        ...             RULES["GOV-CYCLE"][1])
        >>> str(f)
        'error GOV-CYCLE: a -> b -> a [a, b]'
    """

    severity: Severity
    rule: str
    message: str
    bodies: tuple[str, ...]
    citation: Citation

    def __str__(self) -> str:
        where = f" [{', '.join(self.bodies)}]" if self.bodies else ""
        return f"{self.severity.value} {self.rule}: {self.message}{where}"

    def to_json(self) -> dict[str, Any]:
        """The finding as JSON-ready data.

        Example:
            >>> Finding(Severity.WARNING, "GOV-ISOLATED", "m", (),
            ...         RULES["GOV-ISOLATED"][1]).to_json()["severity"]
            'warning'
        """
        return {
            "severity": self.severity.value,
            "rule": self.rule,
            "message": self.message,
            "bodies": list(self.bodies),
            "citation": self.citation.as_dict(),
        }


@attrs.frozen(slots=True)
class Findings:
    """The result of :meth:`GovernanceGraph.validate`: findings and rules not checked.

    Example:
        >>> from svduty.governance import GovernanceGraph
        >>> res = GovernanceGraph.of([], []).validate()
        >>> res.ok, len(res), res.skipped[0][0]
        (True, 0, 'GOV-SPECIFIED')
    """

    findings: tuple[Finding, ...]
    skipped: tuple[tuple[str, str], ...] = ()

    @property
    def errors(self) -> tuple[Finding, ...]:
        """The errors.

        Example:
            >>> Findings(()).errors
            ()
        """
        return tuple(f for f in self.findings if f.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        """The warnings.

        Example:
            >>> Findings(()).warnings
            ()
        """
        return tuple(f for f in self.findings if f.severity is Severity.WARNING)

    @property
    def ok(self) -> bool:
        """Whether there are no errors.

        Example:
            >>> Findings(()).ok
            True
        """
        return not self.errors

    def rules(self) -> set[str]:
        """The ids of the rules that found something.

        Example:
            >>> Findings(()).rules()
            set()
        """
        return {f.rule for f in self.findings}

    def raise_for_errors(self) -> None:
        """Raise if there are errors.

        Raises:
            GovernanceError: listing every error.

        Example:
            >>> Findings(()).raise_for_errors()
        """
        if self.errors:
            raise GovernanceError([Problem(field=f.rule, message=f.message) for f in self.errors])

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.findings)

    def __len__(self) -> int:
        return len(self.findings)

    def to_text(self) -> str:
        """The findings as text.

        Example:
            >>> print(Findings((), (("GOV-SPECIFIED", "no list given"),)).to_text())
            0 error(s), 0 warning(s)
            not checked: GOV-SPECIFIED (no list given)
        """
        lines = [f"{len(self.errors)} error(s), {len(self.warnings)} warning(s)"]
        lines += [f"  {f}" for f in self.findings]
        lines += [f"not checked: {rule} ({why})" for rule, why in self.skipped]
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.to_text()

    def _repr_html_(self) -> str:
        items = "".join(f"<li>{html.escape(str(f))}</li>" for f in self.findings)
        return f"<p>{html.escape(self.to_text().splitlines()[0])}</p><ul>{items}</ul>"

    def to_json(self) -> dict[str, Any]:
        """The findings as JSON-ready data.

        Example:
            >>> Findings(()).to_json()["ok"]
            True
        """
        return {
            "ok": self.ok,
            "findings": [f.to_json() for f in self.findings],
            "skipped": [{"rule": r, "reason": why} for r, why in self.skipped],
        }


def _spend_managers(graph: GovernanceGraph, recipient: str) -> list[str]:
    """Bodies that manage spend, among the recipient and the bodies the money reaches."""
    seen, todo = {recipient}, [recipient]
    while todo:
        here = todo.pop()
        for x in graph.relations_of(here):
            if x.kind is RelationKind.FUNDS and x.source == here and x.target not in seen:
                seen.add(x.target)
                todo.append(x.target)
    return sorted(
        x.source
        for b in seen
        for x in graph.relations_of(b)
        if x.kind is RelationKind.MANAGES_SPEND_FOR and x.source == b
    )


def validate_graph(
    graph: GovernanceGraph,
    *,
    strict: bool,
    districts: tuple[str, ...] | None,
    specified_authorities: tuple[str, ...] | None,
    timetable: Timetable | None,
) -> Findings:
    """Run every rule; see :meth:`GovernanceGraph.validate`.

    Example:
        >>> from svduty.governance import GovernanceGraph
        >>> validate_graph(GovernanceGraph.of([], []), strict=True, districts=("E07000218",),
        ...                specified_authorities=(), timetable=None).rules()
        {'GOV-CSP-COVERAGE'}
    """
    out: list[Finding] = []
    skipped: list[tuple[str, str]] = []

    def add(severity: Severity, rule: str, message: str, bodies: tuple[str, ...] = ()) -> None:
        if strict:
            severity = Severity.ERROR
        out.append(Finding(severity, rule, message, bodies, RULES[rule][1]))

    for r in graph.dangling:
        missing = tuple(x for x in (r.source, r.target) if x not in graph)
        add(Severity.ERROR, "GOV-REF", f"{r} names unknown body {', '.join(missing)}", missing)

    for cycle in graph.oversight_cycles():
        add(Severity.ERROR, "GOV-CYCLE", "oversight cycle " + " -> ".join(cycle), cycle)

    csps = graph.find(kind=BodyKind.COMMUNITY_SAFETY_PARTNERSHIP)
    area = (
        districts
        if districts is not None
        else tuple(sorted({d for b in graph.bodies for d in b.districts}))
    )
    for d in area:
        covering = tuple(b.id for b in csps if b.covers(d))
        if len(covering) != 1:
            what = "no" if not covering else f"{len(covering)}"
            add(
                Severity.ERROR,
                "GOV-CSP-COVERAGE",
                f"district {d} is covered by {what} community safety partnership(s)",
                covering,
            )
    if districts is not None:
        for b in csps:
            outside = sorted(set(b.districts) - set(districts))
            if outside:
                add(
                    Severity.ERROR,
                    "GOV-CSP-COVERAGE",
                    f"{b.id} covers district(s) outside the area: {', '.join(outside)}",
                    (b.id,),
                )

    tops = {
        b.id
        for b in graph.bodies
        if b.level in (Level.COUNTYWIDE, Level.NATIONAL, Level.REGIONAL)
        and b.tier is Tier.STRATEGIC
    }
    import networkx as nx  # imported on first use: it takes about 0.1 s

    up = graph._upward()
    for b in graph.bodies:
        if b.level is not Level.LOCAL or b.tier is None:
            continue
        if not nx.descendants(up, b.id) & tops:
            add(
                Severity.ERROR,
                "GOV-PATH",
                f"{b.id} has no reporting path to a countywide strategic body",
                (b.id,),
            )

    if specified_authorities is None:
        skipped.append(("GOV-SPECIFIED", "no specified authorities given"))
    else:
        deciding = [
            b
            for b in graph.bodies
            if b.tier is Tier.STRATEGIC and b.status is BodyStatus.ESTABLISHED
        ]
        for auth in specified_authorities:
            at = [b for b in deciding if auth in b.members]
            firm = [
                b
                for b in at
                if b.members_citation is None
                or b.members_citation.confidence is not Confidence.UNCONFIRMED
            ]
            if not at:
                add(
                    Severity.ERROR,
                    "GOV-SPECIFIED",
                    f"specified authority {auth} is a member of no established strategic body",
                )
            elif not firm:
                add(
                    Severity.WARNING,
                    "GOV-SPECIFIED",
                    f"specified authority {auth} takes part only through unconfirmed membership",
                    tuple(b.id for b in at),
                )

    funded = {r.target for r in graph.relations if r.kind is RelationKind.FUNDS}
    for r in graph.relations:
        if r.kind is not RelationKind.FUNDS or r.source in funded:
            continue
        recipient = graph.relation(r.target, r.source, RelationKind.GRANT_RECIPIENT_FOR)
        managers = _spend_managers(graph, r.target)
        if recipient is None:
            add(
                Severity.ERROR,
                "GOV-GRANT",
                f"the grant {r} has no declared grant recipient",
                (r.source, r.target),
            )
        if not managers:
            add(
                Severity.ERROR,
                "GOV-GRANT",
                f"the grant {r} has no body managing its spend",
                (r.source, r.target),
            )

    for b in graph.bodies:
        if not graph.relations_of(b.id):
            add(Severity.WARNING, "GOV-ISOLATED", f"{b.id} has no relations", (b.id,))

    if timetable is not None:
        for body_id in timetable.body_ids():
            if body_id not in graph:
                add(
                    Severity.ERROR,
                    "GOV-TIMETABLE",
                    f"the timetable names unknown body {body_id}",
                    (body_id,),
                )
    return Findings(tuple(out), tuple(skipped))
