"""Serious Violence Duty funding: exact money, allocations, rules, grant flow and splits.

The Home Office grant is held per UK financial year in two cost categories (labour and
non-labour), each figure with its citation. A spending plan is checked against the
cost-category rules; stated totals are reconciled against their parts; money is split
among recipients to the exact penny. No floats anywhere: amounts are whole pence.

Example:
    >>> from svduty.funding import Money, split_equal
    >>> import svduty
    >>> m = svduty.warwickshire().funding
    >>> str(m.allocation("2023/24").total)
    '£263,506.30'
    >>> [str(s.amount) for s in split_equal(Money.parse("100"), ["a", "b", "c"]).shares]
    ['£33.34', '£33.33', '£33.33']
"""

from svduty.funding._chart import plot_allocations
from svduty.funding._checks import difference_of
from svduty.funding._editions import (
    Consultation,
    DeliveryPlan,
    Endorsement,
    Outcome,
    ReviewArrangement,
    StrategyEdition,
    StrategyRecords,
    strategy_meets_s8,
)
from svduty.funding._flow import Approval, FlowEdge, FlowRelation, GrantFlow, Receipt
from svduty.funding._model import FundingModel
from svduty.funding._money import Money
from svduty.funding._needs import NeedsArea, NeedsEvidence
from svduty.funding._records import (
    Allocation,
    CarryOverRule,
    CostCategory,
    CostCategoryRule,
    PaymentRule,
    PlanLine,
    Population,
    PopulationPart,
    PopulationTotal,
    Project,
    SpendingPlan,
    StatedTotal,
)
from svduty.funding._split import split, split_equal, split_shares
from svduty.funding._split_result import Share, Split
from svduty.funding._strategy import (
    DUTY_PROVISIONS,
    Action,
    LifeStage,
    Opportunity,
    Scope,
    Strategy,
    Tagging,
    Term,
)
from svduty.funding._weights import Weight

__all__ = [
    "DUTY_PROVISIONS",
    "Action",
    "Allocation",
    "Approval",
    "CarryOverRule",
    "Consultation",
    "CostCategory",
    "CostCategoryRule",
    "DeliveryPlan",
    "Endorsement",
    "FlowEdge",
    "FlowRelation",
    "FundingModel",
    "GrantFlow",
    "LifeStage",
    "Money",
    "NeedsArea",
    "NeedsEvidence",
    "Opportunity",
    "Outcome",
    "PaymentRule",
    "PlanLine",
    "Population",
    "PopulationPart",
    "PopulationTotal",
    "Project",
    "Receipt",
    "ReviewArrangement",
    "Scope",
    "Share",
    "SpendingPlan",
    "Split",
    "StatedTotal",
    "Strategy",
    "StrategyEdition",
    "StrategyRecords",
    "Tagging",
    "Term",
    "Weight",
    "difference_of",
    "plot_allocations",
    "split",
    "split_equal",
    "split_shares",
    "strategy_meets_s8",
]
