"""The result of a what-if: the changed graph, authorities and areas, and what it breaks.

Example:
    >>> import svduty
    >>> p = svduty.warwickshire()
    >>> w = p.what_if(p.scenarios["lgr-two-unitaries"])
    >>> w.findings.ok, sorted({f.rule for f in w.findings.errors})
    (False, ['GOV-SCHEDULE-1'])
"""

from __future__ import annotations

import html
from typing import Any

import attrs

from svduty.findings import Findings
from svduty.governance._diff import Diff
from svduty.governance._graph import GovernanceGraph
from svduty.governance._reorganise import Reorganised
from svduty.governance._scenario import ApplyLog, Scenario
from svduty.governance._validate import findings_html, findings_text

__all__ = ["WhatIf"]


@attrs.frozen(slots=True)
class WhatIf:
    """A scenario applied to a partnership, with the validation of what results.

    Attributes:
        scenario: The scenario.
        governance: The governance graph after it.
        log: What each change did.
        diff: What changed in the graph.
        reorganised: The authorities and areas after it.
        findings: The validation of the result (every rule checked or skipped).

    Example:
        >>> import svduty
        >>> p = svduty.warwickshire()
        >>> w = p.what_if(p.scenarios["jag-to-sv-strategic-board"])
        >>> w.findings.ok, "<table" in w._repr_html_()
        (True, True)
    """

    scenario: Scenario
    governance: GovernanceGraph
    log: ApplyLog
    diff: Diff
    reorganised: Reorganised
    findings: Findings

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
                str(self.log),
                "",
                "changes:",
                self.diff.to_text(),
                "",
                "local government areas: " + ", ".join(self.reorganised.areas),
                "",
                "validation:",
                findings_text(self.findings),
            ]
        )

    def __str__(self) -> str:
        return self.to_text()

    def as_dict(self) -> dict[str, Any]:
        """The what-if as JSON-ready data (the shape ``svduty governance`` writes).

        Example:
            >>> import svduty
            >>> p = svduty.warwickshire()
            >>> sorted(p.what_if(p.scenarios["jag-to-sv-strategic-board"]).as_dict())
            ['areas', 'diff', 'log', 'scenario', 'validation']
        """
        return {
            "scenario": self.scenario.name,
            "log": self.log.as_dict(),
            "diff": self.diff.to_json(),
            "areas": list(self.reorganised.areas),
            "validation": self.findings.as_dict(),
        }

    def _repr_html_(self) -> str:
        esc = html.escape
        return (
            f"<h3>{esc(self.scenario.title)}</h3>"
            f"{self.log._repr_html_()}"
            f"<h4>changes</h4>{self.diff.to_html()}"
            f"<p>local government areas: {esc(', '.join(self.reorganised.areas))}</p>"
            f"<h4>validation</h4>{findings_html(self.findings)}"
        )
