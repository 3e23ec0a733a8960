"""Governance: who oversees whom in a partnership, what-if reforms, diff and validation.

A :class:`GovernanceGraph` holds a partnership's bodies (boards, groups, meetings, teams,
roles) and the typed, cited relations between them. It is immutable: a what-if
:class:`Scenario` applied with :meth:`GovernanceGraph.apply` gives a new graph and a log,
:meth:`GovernanceGraph.diff` says what changed, and :meth:`GovernanceGraph.validate`
checks the structure against national law (:data:`GOVERNANCE_RULES`) and the
partnership's declared practice (:class:`GovernanceRule`, :data:`PRACTICE_CHECKS`),
reporting in the one :mod:`svduty.findings` vocabulary. A :class:`Timetable` holds the
Duty's milestones and reviews.

Example:
    >>> import svduty
    >>> g = svduty.warwickshire().governance
    >>> g.get("safer-warwickshire-partnership-board").level
    <Level.COUNTYWIDE: 'countywide'>
"""

from svduty.governance._answer import Accountability, GraphAnswer
from svduty.governance._changes import (
    AddBody,
    AddRelation,
    Change,
    ChangeBody,
    ChangeCadence,
    ChangeDistricts,
    Merge,
    MoveUnder,
    RemoveBody,
    RemoveRelation,
    Rename,
)
from svduty.governance._diff import Diff
from svduty.governance._diff_lines import BodyChange, CoverageChange, RelationChange, Renamed
from svduty.governance._graph import GovernanceGraph
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
from svduty.governance._references import Known
from svduty.governance._reorganise import (
    AbolishAuthority,
    CreateArea,
    CreateAuthority,
    Reorganised,
    ScenarioLike,
    TransferFunctions,
    reorganise,
)
from svduty.governance._rules import GOVERNANCE_RULES, PRACTICE_CHECKS, GovernanceRule
from svduty.governance._scenario import ApplyLog, LogEntry, Scenario
from svduty.governance._schedule_1 import schedule_1_findings
from svduty.governance._timetable import Milestone, ReviewDate, Timetable, TimetableReview
from svduty.governance._validate import findings_html, findings_text, raise_for_errors
from svduty.governance._whatif import WhatIf

__all__ = [
    "GOVERNANCE_RULES",
    "PRACTICE_CHECKS",
    "AbolishAuthority",
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
    "ChangeBody",
    "ChangeCadence",
    "ChangeDistricts",
    "CoverageChange",
    "CreateArea",
    "CreateAuthority",
    "Diff",
    "GovernanceGraph",
    "GovernanceRule",
    "GraphAnswer",
    "Known",
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
    "Reorganised",
    "Responsibility",
    "ReviewDate",
    "Scenario",
    "ScenarioLike",
    "Tier",
    "Timetable",
    "TimetableReview",
    "TransferFunctions",
    "WhatIf",
    "findings_html",
    "findings_text",
    "raise_for_errors",
    "reorganise",
    "schedule_1_findings",
]
