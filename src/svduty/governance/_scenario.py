"""What-if scenarios: named lists of typed changes to a governance graph."""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from typing import Any

import attrs
import pendulum
from attrs.converters import optional

from svduty._arguments import instance_argument, items_argument
from svduty._checked import checked_fields
from svduty.errors import GovernanceError, Problem, ScenarioError
from svduty.governance._apply_change import OUTSIDE_THE_GRAPH, Fail, Work, apply_one
from svduty.governance._changes import (
    CHANGE_TYPES,
    Change,
    RemoveBody,  # noqa: F401 (the examples use it)
    scenario_text,
)
from svduty.governance._model import Body, Relation
from svduty.governance._paths import GraphView, oversight_cycles
from svduty.governance._reorganise import AbolishAuthority
from svduty.periods import date
from svduty.sources import Citation

__all__ = [
    "CHANGE_TYPES",
    "OUTSIDE_THE_GRAPH",
    "ApplyLog",
    "Change",
    "LogEntry",
    "Scenario",
    "apply_scenario",
]


def _changes(changes: Iterable[Change]) -> tuple[Change, ...]:
    """The scenario's changes, each one of the typed changes (never a bare string or dict).

    Example:
        >>> _changes([RemoveBody("x")])
        (RemoveBody(body='x', reason=None),)
        >>> _changes("x")
        Traceback (most recent call last):
        ...
        svduty.errors.ArgumentError: Scenario(changes): expected a list of changes such as RemoveBody('a-body') (got a str)
    """  # noqa: E501
    expected = "a list of changes such as RemoveBody('a-body')"
    changes = items_argument(changes, "Scenario(changes)", expected)
    kinds = tuple(CHANGE_TYPES.values())
    one = "a change (" + ", ".join(sorted(k.__name__ for k in kinds)) + ")"
    return tuple(
        instance_argument(c, kinds, f"Scenario(changes)[{i}]", one) for i, c in enumerate(changes)
    )


@checked_fields
@attrs.frozen(slots=True)
class Scenario:
    """A named, serialisable what-if: a list of changes applied in order.

    Attributes:
        name: A short id, such as ``"lgr-two-unitaries"``.
        title: A one-line title.
        changes: The changes, applied in order.
        description: What the scenario explores and what it assumes.
        effective: The day the change would take effect, where known.
        citation: Its source; a new relation cites it unless its own change has a citation.

    Example:
        >>> s = Scenario("tidy", "Tidy up", (RemoveBody("chief-officers-group"),))
        >>> len(s.changes)
        1
    """

    name: str = attrs.field(validator=scenario_text)
    title: str = attrs.field(validator=scenario_text)
    changes: tuple[Change, ...] = attrs.field(converter=_changes)
    description: str | None = None
    effective: pendulum.Date | None = attrs.field(default=None, converter=optional(date))
    citation: Citation | None = None


WITHOUT_AUTHORITIES = (
    "the records that go with it (a county council's fire and rescue authority) are taken "
    "out by Partnership.what_if only"
)
"""What :meth:`GovernanceGraph.apply` adds to the log of an ``abolish_authority``."""


@attrs.frozen(slots=True)
class LogEntry:
    """What one change did.

    Example:
        >>> LogEntry(0, RemoveBody("x"), "removed x").message
        'removed x'
    """

    index: int
    change: Change
    message: str


@attrs.frozen(slots=True)
class ApplyLog:
    """The log of applying a scenario: one entry per change, in order.

    Example:
        >>> print(ApplyLog("s", (LogEntry(0, RemoveBody("x"), "removed x"),)))
        scenario s:
          [0] remove_body: removed x
    """

    scenario: str
    entries: tuple[LogEntry, ...]

    def __str__(self) -> str:
        lines = [f"scenario {self.scenario}:"]
        lines += [f"  [{e.index}] {e.change.op}: {e.message}" for e in self.entries]
        return "\n".join(lines)

    def __len__(self) -> int:
        return len(self.entries)

    def as_dict(self) -> list[dict[str, Any]]:
        """The log as JSON-ready data: one entry per change.

        Example:
            >>> ApplyLog("s", (LogEntry(0, RemoveBody("x"), "removed x"),)).as_dict()
            [{'index': 0, 'op': 'remove_body', 'message': 'removed x'}]
        """
        return [{"index": e.index, "op": e.change.op, "message": e.message} for e in self.entries]

    def _repr_html_(self) -> str:
        """The log as an HTML table, one row per change (for notebooks).

        Example:
            >>> "<td>remove_body</td>" in ApplyLog("s", (LogEntry(0, RemoveBody("x"), "x"),))._repr_html_()
            True
        """  # noqa: E501
        esc = html.escape
        rows = "".join(
            f"<tr><td>{e.index}</td><td>{esc(e.change.op)}</td><td>{esc(e.message)}</td></tr>"
            for e in self.entries
        )
        return (
            f"<p><b>scenario {esc(self.scenario)}</b>: {len(self.entries)} change(s)</p>"
            f"<table><tr><th>#</th><th>change</th><th>what it did</th></tr>{rows}</table>"
        )


def apply_scenario(
    graph: GraphView, scenario: Scenario, abolished: Mapping[int, tuple[str, ...]] | None = None
) -> tuple[tuple[Body, ...], tuple[Relation, ...], ApplyLog]:
    """Apply a scenario's changes to a graph's bodies and relations; see :meth:`GovernanceGraph.apply`.

    An ``abolish_authority`` change takes the authority out of every body's members (a
    chair or host it was stays named); ``abolished`` names, by the change's index, the
    records that go with it (:attr:`Reorganised.abolished <svduty.governance.Reorganised.abolished>`: the
    same legal body as fire and rescue authority, a youth offending team), which go too.

    Returns:
        The bodies and relations after the changes, and the log of what each did.

    Raises:
        ScenarioError: naming the change (``changes[i]``) that failed; nothing is changed.

    Example:
        >>> from svduty.governance import GovernanceGraph
        >>> apply_scenario(GovernanceGraph.of([], []), Scenario("s", "S", (RemoveBody("x"),)))
        Traceback (most recent call last):
        ...
        svduty.errors.ScenarioError: scenario s: changes[0].body: remove_body: no body with id 'x'
    """  # noqa: E501
    w = Work(graph)
    entries: list[LogEntry] = []
    cycles_before = set(oversight_cycles(graph.relations))
    for i, change in enumerate(scenario.changes):
        try:
            message = apply_one(w, change, scenario.citation, (abolished or {}).get(i, ()))
            if abolished is None and isinstance(change, AbolishAuthority):
                message += f"; {WITHOUT_AUTHORITIES}"
        except Fail as fail:
            raise ScenarioError(
                [
                    Problem(
                        field=f"changes[{i}].{fail.field}", message=f"{change.op}: {fail.message}"
                    )
                ],
                context=None,
            ).with_file(f"scenario {scenario.name}") from None
        except GovernanceError as exc:  # a body the change would make (chaired by itself)
            if isinstance(exc, ScenarioError):
                raise
            raise ScenarioError(
                [
                    Problem(field=f"changes[{i}].{p.field}", message=f"{change.op}: {p.what()}")
                    for p in exc.problems
                ],
                context=None,
            ).with_file(f"scenario {scenario.name}") from None
        new_cycles = set(oversight_cycles(w.relations.values())) - cycles_before
        if new_cycles:
            cycle = " -> ".join(min(new_cycles))
            raise ScenarioError(
                [
                    Problem(
                        field=f"changes[{i}]",
                        message=f"{change.op}: creates an oversight cycle: {cycle}",
                    )
                ]
            ).with_file(f"scenario {scenario.name}")
        entries.append(LogEntry(i, change, message))
    return (
        tuple(w.bodies.values()),
        tuple(w.relations.values()),
        ApplyLog(scenario.name, tuple(entries)),
    )
