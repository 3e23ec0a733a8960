"""The result of a what-if: the changed graph, authorities and areas, and what it breaks.

Example:
    >>> import svduty
    >>> p = svduty.warwickshire()
    >>> w = p.what_if(p.scenarios["lgr-two-unitaries"])
    >>> w.findings.ok, sorted({f.rule for f in w.findings.errors})
    (False, ['GOV-REF', 'GOV-SCHEDULE-1'])
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import attrs

from svduty.errors import UnknownAreaError
from svduty.findings import Findings
from svduty.governance._diff import Diff
from svduty.governance._diff_lines import with_name
from svduty.governance._graph import GovernanceGraph
from svduty.governance._render import draw
from svduty.governance._reorganise import (
    CreateArea,
    CreateAuthority,
    Reorganised,
    reorganise,
)
from svduty.governance._reorganise import TransferFunctions as Transfer
from svduty.governance._scenario import OUTSIDE_THE_GRAPH, ApplyLog, Scenario, apply_scenario
from svduty.governance._validate import findings_html, findings_text

if TYPE_CHECKING:
    from pathlib import Path

    from svduty.areas import LocalArea
    from svduty.authorities import Authorities

__all__ = [
    "NO_GRAPH",
    "WITHOUT_GRAPH",
    "WhatIf",
    "apply_what_if",
    "without_graph",
]


def apply_what_if(
    graph: GovernanceGraph, authorities: Authorities, area: LocalArea, scenario: Scenario
) -> tuple[GovernanceGraph, ApplyLog, Reorganised]:
    """A scenario applied to a graph, authorities and area: the graph, the log, the rest.

    An authority's abolition takes the records that go with it (fire and rescue
    authority, a youth offending team) out of the bodies with it; each authority or area
    change's log entry says what it did, then what it did to the graph.

    Example:
        >>> import svduty
        >>> p = svduty.warwickshire()
        >>> g, log, after = apply_what_if(p.governance, p.authorities, p.local_area,
        ...                               p.scenarios["lgr-two-unitaries"])
        >>> [b.id for b in g.bodies if "warwickshire-fire-and-rescue-authority" in b.members]
        []
    """
    after = reorganise(authorities, area.districts, scenario)
    bodies, relations, log = apply_scenario(graph, scenario, after.abolished)
    entries = tuple(
        attrs.evolve(
            e,
            message="; ".join(
                m for m in (after.messages[e.index], e.message) if m and m != OUTSIDE_THE_GRAPH
            ),
        )
        if e.index in after.messages
        else e
        for e in log.entries
    )
    return graph.with_changes(bodies, relations), ApplyLog(log.scenario, entries), after


@attrs.frozen(slots=True, repr=False)
class WhatIf:
    """A scenario applied to a partnership, with the validation of what results.

    Attributes:
        scenario: The scenario.
        governance: The governance graph after it.
        log: What each change did.
        diff: What changed in the graph. When the graph did not change (a bundle with no
            governance.toml) but the authorities or areas did, its text says so and names
            them, and with nothing to name, says why nothing differs
            (:meth:`~svduty.governance.Diff.beside`); :attr:`authorities` gives them in any case.
        reorganised: The authorities and areas after it.
        findings: The validation of the result (every rule checked or skipped).

    Its ``repr`` (what a Python prompt shows) is one line: the scenario, its changes and
    the findings counted; ``print(w)`` gives the log, the diff and the findings, and a
    notebook shows a table.

    Example:
        >>> import svduty
        >>> p = svduty.warwickshire()
        >>> w = p.what_if(p.scenarios["jag-to-sv-strategic-board"])
        >>> w.findings.ok, "<table" in w._repr_html_()
        (True, True)
        >>> p.what_if("lgr-two-unitaries")
        <WhatIf lgr-two-unitaries: 23 changes; 11 errors, 4 warnings (print it to read them)>
    """

    scenario: Scenario
    governance: GovernanceGraph
    log: ApplyLog
    diff: Diff
    reorganised: Reorganised
    findings: Findings

    @property
    def authorities(self) -> dict[str, list[str]]:
        """The authorities the scenario creates and abolishes (ids, in order).

        The graph's diff shows bodies and relations; a scenario that only abolishes the
        police and crime commissioner, or creates a prison authority, changes neither.

        Example:
            >>> import svduty
            >>> p = svduty.warwickshire()
            >>> p.what_if("lgr-single-unitary").authorities["created"]
            ['warwickshire-unitary-council']
        """
        created = [c.authority.id for c in self.scenario.changes if isinstance(c, CreateAuthority)]
        gone = [a for ids in self.reorganised.abolished.values() for a in ids]
        return {"created": created, "abolished": gone}

    def said(self, *, graph: bool) -> WhatIf:
        """The same what-if, its diff's text saying what changed beside the graph, or why not.

        The authorities created and abolished and the areas created
        (:meth:`~svduty.governance.Diff.beside`); ``graph``: whether the partnership has a
        governance graph (a bundle without governance.toml has none to change).

        Example:
            >>> import svduty
            >>> p = svduty.warwickshire()
            >>> print(p.what_if("lgr-two-unitaries").said(graph=True).diff.besides[:51])
            the authorities changed: created North Warwickshire
        """
        areas = [c.code for c in self.scenario.changes if isinstance(c, CreateArea)]
        moved = [(c.source, c.target) for c in self.scenario.changes if type(c) is Transfer]
        diff = self.diff.beside(self.authorities, areas, graph=graph, transferred=moved)
        return attrs.evolve(self, diff=diff)

    def authorities_text(self) -> str:
        """The authorities created and abolished, in one line: names with ids.

        A name is the authority record's (before or after the scenario); an id with no
        name known is given alone. The JSON keeps the ids (``authorities``).

        Example:
            >>> import svduty
            >>> p = svduty.warwickshire()
            >>> p.what_if("jag-to-sv-strategic-board").authorities_text()
            'authorities: no change'
            >>> p.what_if("lgr-single-unitary").authorities_text()[:80]
            'authorities: created Warwickshire Unitary Council (warwickshire-unitary-council)'
        """
        n = dict(self.diff.names)
        named = {k: [with_name(i, n) for i in v] for k, v in self.authorities.items()}
        said = [f"{k} {', '.join(v)}" for k, v in named.items() if v]
        return "authorities: " + ("; ".join(said) or "no change")

    def named_log(self) -> ApplyLog:
        """The log with each authority's id replaced by its name, for a person to read.

        The ids stay in :meth:`as_dict` (``log``), as the diff's JSON keeps them; an id
        already followed by its name in brackets, or with no name known, is left as it is.

        Example:
            >>> import svduty
            >>> p = svduty.warwickshire()
            >>> print(str(p.what_if("lgr-two-unitaries").named_log()).splitlines()[13])
              [12] transfer_functions: functions of North Warwickshire Borough Council pass to North Warwickshire Unitary Council: no other records; governance: soc-joint-action-group, north-unitary-csp-board changed
        """  # noqa: E501
        after = self.reorganised
        ids = {a.id for a in after.authorities.items}
        ids |= {i for gone in after.abolished.values() for i in gone}
        names = {k: v for k, v in self.diff.names if k in ids and v and v != k}
        if not names:
            return self.log
        found = re.compile(
            r"(?<![\w-])("
            + "|".join(map(re.escape, sorted(names, key=len, reverse=True)))
            + r")(?![\w-])"
        )

        def name(m: re.Match[str]) -> str:
            said = names[m.group(1)]
            return m.group(1) if m.string.startswith(f" ({said})", m.end()) else said

        entries = tuple(
            attrs.evolve(e, message=found.sub(name, e.message)) for e in self.log.entries
        )
        return ApplyLog(self.log.scenario, entries)

    def authorities_lines(self) -> list[str]:
        """:meth:`authorities_text` as a line of the text, unless the diff's text said them.

        A diff :meth:`said` lists the authorities created and abolished (as its sections,
        or in its line when the graph is the same or there is none): the line would say
        them a second time.

        Example:
            >>> import svduty
            >>> p = svduty.warwickshire()
            >>> p.what_if("lgr-two-unitaries").said(graph=True).authorities_lines()
            []
            >>> p.what_if("jag-to-sv-strategic-board").authorities_lines()
            ['authorities: no change']
        """
        if any(title.startswith("authorities ") for title, _ in self.diff.also):
            return []
        return [self.authorities_text()]

    def areas_text(self) -> str:
        """The local government areas after the scenario, in one line: names with codes.

        A name is the partnership's geography's (or the ``create_area`` change's); a code
        with no name known is given alone. The JSON keeps the codes (``areas``).

        Example:
            >>> import svduty
            >>> p = svduty.warwickshire()
            >>> p.what_if("jag-to-sv-strategic-board").areas_text()[:78]
            'local government areas after the scenario: North Warwickshire (E07000218), Nun'
            >>> p.what_if("lgr-single-unitary").areas_text()
            'local government areas after the scenario: Warwickshire Unitary (warwickshire-unitary)'
        """
        n = dict(self.diff.names)
        said = [f"{n[c]} ({c})" if c in n else c for c in self.reorganised.areas]
        return "local government areas after the scenario: " + ", ".join(said)

    def to_text(self) -> str:
        """The log, the changes and the validation, as text.

        Example:
            >>> import svduty
            >>> p = svduty.warwickshire()
            >>> print(p.what_if(p.scenarios["jag-to-sv-strategic-board"]).to_text()[:42])
            scenario jag-to-sv-strategic-board:
              [0]
        """
        return "\n".join(
            [
                str(self.named_log()),
                "",
                "changes:",
                self.diff.to_text(),
                "",
                *self.authorities_lines(),
                self.areas_text(),
                "",
                "validation:",
                findings_text(self.findings),
            ]
        )

    def __str__(self) -> str:
        return self.to_text()

    def __repr__(self) -> str:
        f = self.findings
        counts = zip(
            (len(self.scenario.changes), len(f.errors), len(f.warnings)),
            ("change", "error", "warning"),
            strict=True,
        )
        n, e, w = (f"{k} {word}{'s' * (k != 1)}" for k, word in counts)
        return f"<WhatIf {self.scenario.name}: {n}; {e}, {w} (print it to read them)>"

    def as_dict(self) -> dict[str, Any]:
        """The what-if as JSON-ready data (the shape ``svduty governance`` writes).

        Example:
            >>> import svduty
            >>> p = svduty.warwickshire()
            >>> sorted(p.what_if(p.scenarios["jag-to-sv-strategic-board"]).as_dict())
            ['areas', 'authorities', 'diff', 'log', 'scenario', 'validation']
        """
        return {
            "scenario": self.scenario.name,
            "log": self.log.as_dict(),
            "diff": self.diff.to_json(),
            "authorities": self.authorities,
            "areas": list(self.reorganised.areas),
            "validation": self.findings.as_dict(),
        }

    def draw(
        self,
        *,
        ax: Any = None,
        path: str | Path | None = None,
        figsize: tuple[float, float] = (16.0, 10.0),
    ) -> Any:
        """Draw the graph after the scenario: what it changed, and what that breaks.

        :meth:`GovernanceGraph.draw` of :attr:`governance` with :attr:`diff` (bodies and
        relations added in green, changed in orange, removed in red) and :attr:`findings`:
        each body an error names is ringed in red, and the errors that name no body drawn
        (an area left without a Schedule 1 authority, say) are listed under it, after the
        authorities the scenario created and abolished (as
        :meth:`~svduty.governance.WhatIf.authorities_text` says them) and the areas it
        created, by name and code (users52b: a bundle with no governance drew the
        authorities and not the new area, though the text's diff says both).

        Example:
            >>> import tempfile, pathlib
            >>> import svduty
            >>> out = pathlib.Path(tempfile.mkdtemp()) / "two.png"
            >>> _ = svduty.warwickshire().what_if("lgr-two-unitaries").draw(path=out)
            >>> out.exists()
            True
        """
        graph, diff, found = self.governance, self.diff, self.findings
        said = [self.authorities_text()] if any(self.authorities.values()) else []
        areas = [f"{c.name} ({c.code})" for c in self.scenario.changes if isinstance(c, CreateArea)]
        said += ["areas created: " + ", ".join(areas)] if areas else []
        return draw(graph, ax=ax, path=path, figsize=figsize, diff=diff, findings=found, notes=said)

    def _repr_html_(self) -> str:
        esc = html.escape
        return (
            f"<h3>{esc(self.scenario.title)}</h3>"
            f"{self.named_log()._repr_html_()}"
            f"<h4>changes</h4>{self.diff.to_html()}"
            + "".join(f"<p>{esc(line)}</p>" for line in self.authorities_lines())
            + f"<p>{esc(self.areas_text())}</p>"
            f"<h4>validation</h4>{findings_html(self.findings)}"
        )


def diff_names(
    diff: Diff,
    authorities: Sequence[Any],
    geography: Any,
    scenario: Scenario,
    areas: Sequence[str] = (),
) -> dict[str, str]:
    """The names of the authorities and areas a what-if's diff mentions, for its text.

    Args:
        diff: The diff.
        authorities: The authority records before and after the changes.
        geography: The partnership's geography (its ``get(code).name``), or ``None``.
        scenario: The scenario (the areas its ``create_area`` changes name).
        areas: Area codes to name as well (the local government areas after the scenario,
            for :meth:`WhatIf.areas_text`), though the diff does not mention them.

    Example:
        >>> import svduty
        >>> p = svduty.warwickshire()
        >>> w = p.what_if("lgr-two-unitaries")
        >>> n = diff_names(w.diff, p.authorities.items, p.geography, w.scenario)
        >>> n["E07000218"], n["south-warwickshire-unitary"]
        ('North Warwickshire', 'South Warwickshire Unitary')
    """
    out = {a.id: a.name for a in authorities}
    out.update({c.code: c.name for c in scenario.changes if isinstance(c, CreateArea)})
    codes = {d for c in diff.coverage for d in (*c.added, *c.removed)}
    codes |= {v for c in diff.bodies_changed if c.field == "area" for v in (c.old, c.new)}
    codes |= set(areas)
    for code in sorted(x for x in codes if isinstance(x, str) and x not in out):
        try:
            out[code] = geography.get(code).name
        except (UnknownAreaError, AttributeError):  # an id the changes make, or no geography
            continue
    return out


WITHOUT_GRAPH = "the bundle has no governance.toml: no bodies or relations to check"
"""Why a rule that reads the governance graph is skipped for a bundle without one."""
NO_GRAPH = (
    "a governance graph (the bundle has none: write its governance.toml; "
    "svduty.validate_bundle checks its authorities without one)"
)
"""What a bundle without one was expected to have, to validate its governance."""


def without_graph(found: Findings) -> Findings:
    """``found`` for a bundle with no governance graph: Schedule 1's join alone.

    A what-if of authorities and areas (abolish, create, transfer functions, new areas)
    needs no bodies: ``GOV-SCHEDULE-1`` runs the s.11(6) join again. Every rule that
    reads the graph (a consults relation, a CSP's coverage, the partnership's own rules)
    would find its absence, not a breach: it is skipped, saying why.

    Example:
        >>> from svduty.findings import Finding, Findings, Severity
        >>> f = Finding("GOV-CSP-COVERAGE", Severity.ERROR, "no CSP covers E08000035", ())
        >>> res = without_graph(Findings((f,), (), ("GOV-SCHEDULE-1", "GOV-CSP-COVERAGE")))
        >>> res.findings, res.checked, res.skipped[0][0]
        ((), ('GOV-SCHEDULE-1',), 'GOV-CSP-COVERAGE')
    """
    kept = "GOV-SCHEDULE-1"
    rules = dict.fromkeys((*found.checked, *(r for r, _ in found.skipped)))
    return Findings(
        tuple(f for f in found.findings if f.rule == kept),
        tuple((r, WITHOUT_GRAPH) for r in rules if r != kept),
        (kept,) if kept in found.checked else (),
    )
