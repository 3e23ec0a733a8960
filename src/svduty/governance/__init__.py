"""Governance: who oversees whom in a partnership, what-if reforms, diff and validation.

A :class:`GovernanceGraph` holds a partnership's bodies (boards, groups, meetings, teams,
roles) and the typed, cited relations between them. It is immutable: a what-if
:class:`Scenario` applied with :meth:`GovernanceGraph.apply` gives a new graph and a log,
:meth:`GovernanceGraph.diff` says what changed, and :meth:`GovernanceGraph.validate`
checks the structure. A :class:`Timetable` holds the Duty's milestones and reviews.

Example:
    >>> import svduty
    >>> g = svduty.warwickshire().governance
    >>> g.get("safer-warwickshire-partnership-board").level
    <Level.COUNTYWIDE: 'countywide'>
"""

from svduty.governance._diff import BodyChange, CoverageChange, Diff, RelationChange, Renamed
from svduty.governance._graph import Accountability, GovernanceGraph, GraphAnswer
from svduty.governance._model import (
    Body,
    BodyKind,
    BodyStatus,
    Cadence,
    Level,
    Relation,
    RelationKind,
    Responsibility,
    Tier,
)
from svduty.governance._scenario import (
    AddBody,
    AddRelation,
    ApplyLog,
    Change,
    ChangeCadence,
    ChangeDistricts,
    LogEntry,
    Merge,
    MoveUnder,
    RemoveBody,
    RemoveRelation,
    Rename,
    Scenario,
)
from svduty.governance._timetable import Milestone, Review, ReviewDate, Timetable
from svduty.governance._validate import RULES, Finding, Findings, Severity

__all__ = [
    "RULES",
    "Accountability",
    "AddBody",
    "AddRelation",
    "ApplyLog",
    "Body",
    "BodyChange",
    "BodyKind",
    "BodyStatus",
    "Cadence",
    "Change",
    "ChangeCadence",
    "ChangeDistricts",
    "CoverageChange",
    "Diff",
    "Finding",
    "Findings",
    "GovernanceGraph",
    "GraphAnswer",
    "Level",
    "LogEntry",
    "Merge",
    "Milestone",
    "MoveUnder",
    "Relation",
    "RelationChange",
    "RelationKind",
    "RemoveBody",
    "RemoveRelation",
    "Rename",
    "Renamed",
    "Responsibility",
    "Review",
    "ReviewDate",
    "Scenario",
    "Severity",
    "Tier",
    "Timetable",
]
