"""The funding checks: reconciling stated totals with their parts, and checking a plan.

Both report in the shared :mod:`svduty.findings` vocabulary. A funding finding names the
project it is about in ``subjects`` and carries the financial year and the difference in
money (stated minus computed, or spent minus available) in ``data`` as ``"year"`` and
``"difference"``; :func:`~svduty.funding.difference_of` reads the difference back as
:class:`~svduty.funding._money.Money`.

Example:
    >>> import svduty
    >>> m = svduty.warwickshire().funding
    >>> [str(difference_of(f)) for f in reconcile(m.allocations, m.stated_totals)][3]
    '-£29,971.87'
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from typing import Any, Protocol

from svduty._checked import checked
from svduty.errors import shown
from svduty.findings import Finding, Severity
from svduty.funding._money import Money
from svduty.funding._records import (
    Allocation,
    CarryOverRule,
    CostCategory,
    CostCategoryRule,
    Project,
    SpendingPlan,
    StatedTotal,
)
from svduty.periods import FinancialYear
from svduty.sources import Citation

__all__ = ["FundingRules", "check", "difference_of", "reconcile"]


class FundingRules(Protocol):
    """What :func:`check` reads of a funding model.

    Example:
        >>> import svduty
        >>> isinstance(svduty.warwickshire().funding.carry_over, CarryOverRule)
        True
    """

    @property
    def allocations(self) -> tuple[Allocation, ...]: ...
    @property
    def categories(self) -> tuple[CostCategoryRule, ...]: ...
    @property
    def projects(self) -> tuple[Project, ...]: ...
    @property
    def carry_over(self) -> CarryOverRule: ...
    @property
    def funding_period_citation(self) -> Citation | None: ...


@checked
def difference_of(finding: Finding) -> Money | None:
    """The difference in money a funding finding carries, or ``None``.

    Example:
        >>> f = Finding("x", Severity.INFO, "m", data=(("difference", "-1.50"),))
        >>> str(difference_of(f))
        '-£1.50'
    """
    value = finding.get("difference")
    return None if value is None else Money.from_plain(value)


def _about(
    *,
    year: FinancialYear | None = None,
    project: str | None = None,
    difference: Money | None = None,
) -> dict[str, Any]:
    """A funding finding's subjects (the project) and data (the year, the difference)."""
    return {
        "subjects": (project,) if project else (),
        "data": (
            ("year", year.label if year else None),
            ("difference", difference.plain() if difference is not None else None),
        ),
    }


def _category_rule(model: FundingRules, category: CostCategory) -> CostCategoryRule | None:
    return next((c for c in model.categories if c.id is category), None)


def reconcile(
    allocations: Iterable[Allocation], stated_totals: Iterable[StatedTotal] = ()
) -> tuple[Finding, ...]:
    """Compare every stated figure with the sum of its parts; report every mismatch.

    For each year, the stated total against labour + non-labour; for each total
    stated in another document, the figure against the sum of its years. A mismatch
    is a finding with both citations and the arithmetic; nothing is corrected. Where a
    stated total matches no sum of its years, every other combination of the stated
    figures is tried and the result reported as an *observation* (severity ``info``).

    Example:
        >>> import svduty
        >>> m = svduty.warwickshire().funding
        >>> for f in reconcile(m.allocations, m.stated_totals):
        ...     print(f.severity.value, f.rule, difference_of(f))
        info year-total £0
        info year-total £0
        info year-total £0
        warning stated-total -£29,971.87
        info stated-total-observation £28.13
    """
    allocs = tuple(allocations)
    out: list[Finding] = []
    for a in sorted(allocs, key=lambda a: a.year):
        parts = a.parts_total()
        diff = a.total - parts
        arithmetic = (
            f"{a.labour.format(always_pence=True)} + "
            f"{a.non_labour.format(always_pence=True)} = "
            f"{parts.format(always_pence=True)}"
        )
        cites = (a.citation,) if a.citation else ()
        if diff:
            out.append(
                Finding(
                    "year-total",
                    Severity.WARNING,
                    f"{a.year}: stated total {a.total.format(always_pence=True)} does not "
                    f"equal labour + non-labour: {arithmetic}; stated minus parts = "
                    f"{diff.format(always_pence=True)}",
                    cites,
                    **_about(year=a.year, difference=diff),
                )
            )
        else:
            out.append(
                Finding(
                    "year-total",
                    Severity.INFO,
                    f"{a.year}: stated total {a.total.format(always_pence=True)} equals "
                    f"labour + non-labour: {arithmetic}",
                    cites,
                    **_about(year=a.year, difference=diff),
                )
            )
    for st in stated_totals:
        out.extend(_reconcile_stated(allocs, st))
    return tuple(out)


def _reconcile_stated(allocations: tuple[Allocation, ...], st: StatedTotal) -> list[Finding]:
    by_year = {a.year: a for a in allocations}
    allocs = [by_year[y] for y in st.years]
    computed = Money.total(a.total for a in allocs)
    diff = st.amount - computed
    arithmetic = " + ".join(a.total.format(always_pence=True) for a in allocs)
    cites = tuple(c for c in (st.citation, *(a.citation for a in allocs)) if c)
    years = ", ".join(y.label for y in st.years)
    note = f" ({st.years_note})" if st.years_note else ""
    if not diff:
        return [
            Finding(
                "stated-total",
                Severity.INFO,
                f"{st.id}: stated {st.amount.format(always_pence=True)} equals the "
                f"allocations for {years}: {arithmetic} = "
                f"{computed.format(always_pence=True)}",
                cites,
                **_about(difference=diff),
            )
        ]
    out = [
        Finding(
            "stated-total",
            Severity.WARNING,
            f"{st.id}: stated {st.amount.format(always_pence=True)} does not equal the "
            f"allocations for {years}{note}: {arithmetic} = "
            f"{computed.format(always_pence=True)}; stated minus allocations = "
            f"{diff.format(always_pence=True)}. Not corrected: the sources disagree.",
            cites,
            **_about(difference=diff),
        )
    ]
    out.append(_observe(allocations, st))
    return out


SEARCHED_YEARS = 8
"""The most years whose figures a stated total is matched against, combination by
combination (``2 x 4**8 - 3**8``, about 125,000 combinations: a fraction of a second).
More years are not searched, and the observation says so."""


def _picks(figures: list[tuple[str, Money, Citation | None]]) -> set[tuple[int, ...]]:
    """Every combination of the figures that does not count a year's money twice.

    A combination holds at most one figure a year (its total, labour or non-labour), or
    no totals at all (a year's labour and non-labour together). Each combination is its
    figures' indexes in order; the empty one is left out. One year's options at a time
    (``4**n`` picks), not every subset of the ``3n`` figures (``8**n``).

    Example:
        >>> m = Money.parse
        >>> sorted(_picks([("2023/24 total", m("3"), None), ("2023/24 labour", m("1"), None),
        ...                ("2023/24 non-labour", m("2"), None)]))
        [(0,), (1,), (1, 2), (2,)]
    """
    years: dict[str, dict[str, int]] = {}
    for i, (label, _, _) in enumerate(figures):
        year, what = label.split(" ", 1)
        years.setdefault(year, {})[what] = i
    one_a_year = [[(), *((i,) for i in kinds.values())] for kinds in years.values()]
    parts = [[k for w, k in kinds.items() if w != "total"] for kinds in years.values()]
    no_totals = [[(), *((i,) for i in p), *([tuple(p)] if len(p) == 2 else [])] for p in parts]
    out: set[tuple[int, ...]] = set()
    for options in (one_a_year, no_totals):
        for pick in itertools.product(*options):
            if combo := tuple(sorted(i for option in pick for i in option)):
                out.add(combo)
    return out


def _observe(allocations: tuple[Allocation, ...], st: StatedTotal) -> Finding:
    figures: list[tuple[str, Money, Citation | None]] = []
    for a in sorted(allocations, key=lambda a: a.year):
        figures.append((f"{a.year} total", a.total, a.citation))
    for a in sorted(allocations, key=lambda a: a.year):
        for cat, value in (("labour", a.labour), ("non-labour", a.non_labour)):
            if value:
                figures.append((f"{a.year} {cat}", value, a.citation))
    if len(allocations) > SEARCHED_YEARS:
        return Finding(
            "stated-total-observation",
            Severity.INFO,
            f"{st.id}: observation only: the figures of {len(allocations)} years were not "
            f"searched for a combination equal to {st.amount.format(always_pence=True)} "
            f"(svduty searches at most {SEARCHED_YEARS} years' figures)",
            tuple(c for c in (st.citation,) if c),
        )
    combos = [
        (abs(st.amount.pence - sum(figures[i][1].pence for i in combo)), len(combo), combo)
        for combo in _picks(figures)
    ]
    combos.sort()
    _, _, combo = combos[0]
    value = Money.total(figures[i][1] for i in combo)
    text = " + ".join(f"{figures[i][0]} {figures[i][1]}" for i in combo)
    exact = [c for c in combos if c[0] == 0]
    head = f"{st.id}: observation only, not a correction: " + (
        f"{len(exact)} combination(s) of the stated figures equal "
        f"{st.amount.format(always_pence=True)}; the first is "
        if exact
        else f"no combination of the agreement's stated figures equals "
        f"{st.amount.format(always_pence=True)}; the nearest is "
    )
    cites = tuple(dict.fromkeys(c for c in (st.citation, *(figures[i][2] for i in combo)) if c))
    return Finding(
        "stated-total-observation",
        Severity.INFO,
        f"{head}{text} = {value.format(always_pence=True)} "
        f"(stated minus this = {(st.amount - value).format(always_pence=True)})",
        cites,
        **_about(difference=st.amount - value),
    )


def check(model: FundingRules, plan: SpendingPlan) -> tuple[Finding, ...]:
    """Check a spending plan against the cost-category rules.

    Findings (errors unless said): a line for an unknown project; a project paid from
    money of the wrong category (labour project from non-labour money, or the
    reverse); money for a project with no cost; a year with no allocation; a year
    overspent in a category; a labour line outside the named projects without the
    specified authorities' joint agreement (warning); money left in a year that will
    not carry over (warning, with the carry-over rule's confidence).

    Args:
        model: The funding model (anything with its allocations, categories, projects,
            carry-over rule and funding period citation).
        plan: The plan to check.

    Example:
        >>> import svduty
        >>> m = svduty.warwickshire().funding
        >>> plan = SpendingPlan.of([("strategy", "2023/24", "non_labour", "5000")])
        >>> [f.rule for f in check(m, plan) if f.severity is Severity.ERROR]
        ['wrong-category']
    """
    out: list[Finding] = []
    known = {p.id: p for p in model.projects}
    years = {a.year for a in model.allocations}
    for n, line in enumerate(plan.lines):
        where = f"line {n + 1} ({shown(line.project)}, {line.year}, {line.category.value})"
        project = known.get(line.project)
        if line.year not in years:
            out.append(
                Finding(
                    "no-allocation",
                    Severity.ERROR,
                    f"{where}: no allocation for {line.year}",
                    (model.funding_period_citation,) if model.funding_period_citation else (),
                    **_about(year=line.year, project=line.project, difference=line.amount),
                )
            )
        if project is None:
            rule = _category_rule(model, line.category)
            if (
                line.category is CostCategory.LABOUR
                and rule is not None
                and rule.flexible_if_jointly_agreed
            ):
                if not line.jointly_agreed:
                    out.append(
                        Finding(
                            "needs-joint-agreement",
                            Severity.WARNING,
                            f"{where}: not a named project; labour "
                            "money may be used flexibly only if the specified "
                            "authorities jointly agree",
                            (rule.citation,) if rule.citation else (),
                            **_about(year=line.year, project=line.project),
                        )
                    )
            else:
                out.append(
                    Finding(
                        "unknown-project",
                        Severity.ERROR,
                        f"{where}: not a project of the agreement",
                        (rule.citation,) if rule and rule.citation else (),
                        **_about(year=line.year, project=line.project),
                    )
                )
            continue
        if project.funded_from is CostCategory.NONE and line.amount:
            out.append(
                Finding(
                    "no-cost-project",
                    Severity.ERROR,
                    f"{where}: {project.name} is funded at no cost, but the plan gives "
                    f"it {line.amount}",
                    (project.citation,) if project.citation else (),
                    **_about(year=line.year, project=project.id, difference=line.amount),
                )
            )
        elif project.funded_from is not line.category and project.funded_from is not (
            CostCategory.NONE
        ):
            rule = _category_rule(model, project.funded_from)
            cites = tuple(c for c in (project.citation, rule and rule.citation) if c)
            out.append(
                Finding(
                    "wrong-category",
                    Severity.ERROR,
                    f"{where}: {project.name} is paid from "
                    f"{project.funded_from.value} costs, but the plan pays it "
                    f"{line.amount} from {line.category.value} money",
                    cites,
                    **_about(year=line.year, project=project.id, difference=line.amount),
                )
            )
    for a in sorted(model.allocations, key=lambda a: a.year):
        for cat in (CostCategory.LABOUR, CostCategory.NON_LABOUR):
            spent = plan.total(year=a.year, category=cat)
            available = a.amount(cat)
            rule = _category_rule(model, cat)
            cites = tuple(c for c in (a.citation, rule and rule.citation) if c)
            if spent > available:
                out.append(
                    Finding(
                        "category-overspent",
                        Severity.ERROR,
                        f"{a.year} {cat.value}: planned {spent.format(always_pence=True)}"
                        f" exceeds the allocation {available.format(always_pence=True)} "
                        f"by {(spent - available).format(always_pence=True)}",
                        cites,
                        **_about(year=a.year, difference=spent - available),
                    )
                )
            elif (
                spent < available
                and not model.carry_over.allowed
                and model.carry_over.applies(a.year)
                and any(line.year == a.year for line in plan.lines)
            ):
                c = model.carry_over.citation
                conf = f" (rule confidence: {c.confidence.value})" if c else ""
                out.append(
                    Finding(
                        "unspent-no-carry-over",
                        Severity.WARNING,
                        f"{a.year} {cat.value}: "
                        f"{(available - spent).format(always_pence=True)} unplanned; "
                        f"it will not carry over to {a.year.next()}{conf}",
                        (*cites, *((c,) if c else ())),
                        **_about(year=a.year, difference=available - spent),
                    )
                )
    return tuple(out)
