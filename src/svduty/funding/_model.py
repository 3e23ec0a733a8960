"""The allocation model: money by financial year and cost category, projects and rules."""

from __future__ import annotations

import enum
import html
import itertools
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from svduty.errors import DataError, FundingError
from svduty.funding._flow import GrantFlow
from svduty.funding._money import Money
from svduty.funding._split import Split, split
from svduty.periods import FinancialYear, Period
from svduty.sources import Citation

__all__ = [
    "Allocation",
    "CarryOverRule",
    "CostCategory",
    "CostCategoryRule",
    "Finding",
    "FundingModel",
    "PaymentRule",
    "PlanLine",
    "Population",
    "PopulationPart",
    "PopulationTotal",
    "Project",
    "Severity",
    "SpendingPlan",
    "StatedTotal",
]


class CostCategory(enum.StrEnum):
    """The two cost areas of the Home Office grant, and ``none`` for a project with no cost.

    Example:
        >>> CostCategory("non_labour") is CostCategory.NON_LABOUR
        True
    """

    LABOUR = "labour"
    NON_LABOUR = "non_labour"
    NONE = "none"


class Severity(enum.StrEnum):
    """How serious a finding is.

    ``error`` breaks a rule, ``warning`` needs a decision, ``info`` is an observation.

    Example:
        >>> Severity.ERROR.value
        'error'
    """

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@attrs.frozen(slots=True)
class Finding:
    """A result of a check: what was found, with the arithmetic and every citation.

    Attributes:
        rule: A short rule id, such as ``"year-total"`` or ``"category-overspent"``.
        severity: How serious it is.
        message: What was found, in words, with the arithmetic.
        citations: Where each figure or rule compared comes from.
        year: The financial year concerned, if any.
        project: The project concerned, if any.
        difference: The difference in money, if any (stated minus computed, or spent minus
            available).

    Example:
        >>> f = Finding("x", Severity.INFO, "an observation")
        >>> f.as_dict()["severity"]
        'info'
    """

    rule: str
    severity: Severity
    message: str
    citations: tuple[Citation, ...] = ()
    year: FinancialYear | None = None
    project: str | None = None
    difference: Money | None = None

    def as_dict(self) -> dict[str, Any]:
        """The finding as JSON-ready data.

        Example:
            >>> Finding("r", Severity.ERROR, "m", difference=Money.parse("1")).as_dict()["difference"]
            '1.00'
        """  # noqa: E501
        return {
            "rule": self.rule,
            "severity": self.severity.value,
            "message": self.message,
            "year": self.year.label if self.year else None,
            "project": self.project,
            "difference": self.difference.plain() if self.difference is not None else None,
            "citations": [c.as_dict() for c in self.citations],
        }

    def __str__(self) -> str:
        return f"[{self.severity.value}] {self.rule}: {self.message}"


@attrs.frozen(slots=True)
class Allocation:
    """One financial year's grant: labour, non-labour and the total as stated.

    The stated total is kept as stated; whether it equals labour + non-labour is a
    reconciliation finding (:meth:`FundingModel.reconcile`), never an exception.

    Attributes:
        year: The UK financial year.
        total: The total as stated in the source.
        labour: Labour costs.
        non_labour: Non-labour costs.
        citation: Where the figures are stated.
        note: Anything the source adds ("Labour Costs only").

    Example:
        >>> a = Allocation(FinancialYear(2023), Money.parse("263506.30"),
        ...                Money.parse("180000"), Money.parse("83506.30"), None)
        >>> str(a.parts_total()), a.amount(CostCategory.LABOUR).pence
        ('£263,506.30', 18000000)
    """

    year: FinancialYear
    total: Money
    labour: Money
    non_labour: Money
    citation: Citation | None
    note: str | None = None

    def parts_total(self) -> Money:
        """Labour plus non-labour.

        Example:
            >>> Allocation(FinancialYear(2022), Money.parse("1"), Money.parse("1"),
            ...            Money.zero(), None).parts_total().pence
            100
        """
        return self.labour + self.non_labour

    def amount(self, category: CostCategory) -> Money:
        """The amount available in a cost category (zero for ``none``).

        Example:
            >>> Allocation(FinancialYear(2022), Money.parse("1"), Money.parse("1"),
            ...            Money.zero(), None).amount(CostCategory.NONE).pence
            0
        """
        if category is CostCategory.LABOUR:
            return self.labour
        if category is CostCategory.NON_LABOUR:
            return self.non_labour
        return Money.zero()


@attrs.frozen(slots=True)
class StatedTotal:
    """A total stated in a document to be checked against the allocations.

    Attributes:
        id: A short id.
        amount: The figure as stated.
        years: The financial years it is compared with.
        description: The sentence that states it.
        citation: Where it is stated.
        years_note: Why these years (when the source does not name them).

    Example:
        >>> StatedTotal("x", Money.pounds(575214), (FinancialYear(2022),), "", None).amount.pence
        57521400
    """

    id: str
    amount: Money
    years: tuple[FinancialYear, ...]
    description: str
    citation: Citation | None
    years_note: str | None = None


@attrs.frozen(slots=True)
class CostCategoryRule:
    """What a cost category covers.

    Attributes:
        id: The category.
        name: Its name in the source ("Labour Costs").
        covers: What it covers, in the source's words.
        includes: The kinds of cost named.
        flexible_if_jointly_agreed: Whether the Home Office lets the specified authorities
            use it flexibly if they jointly agree.
        citation: Where it is stated.

    Example:
        >>> CostCategoryRule(CostCategory.LABOUR, "Labour Costs", "...", (), True, None).id
        <CostCategory.LABOUR: 'labour'>
    """

    id: CostCategory
    name: str
    covers: str
    includes: tuple[str, ...]
    flexible_if_jointly_agreed: bool
    citation: Citation | None


@attrs.frozen(slots=True)
class CarryOverRule:
    """Whether money left at the end of a financial year may be used in the next.

    A dated rule: it holds for :attr:`valid`; its confidence is its citation's.

    Attributes:
        allowed: Whether carry-over is allowed.
        valid: When the rule holds.
        statement: The rule in words.
        citation: Where it is stated (here a secondary source, so configurable).

    Example:
        >>> r = CarryOverRule(False, Period("2022-04-01"), "No carry-over.", None)
        >>> r.applies(FinancialYear(2023))
        True
    """

    allowed: bool
    valid: Period
    statement: str
    citation: Citation | None

    def applies(self, year: FinancialYear) -> bool:
        """Whether the rule holds at the end of a financial year.

        Example:
            >>> CarryOverRule(False, Period("2024-04-01"), "", None).applies(FinancialYear(2022))
            False
        """
        last = year.period.last_day
        return last is not None and last in self.valid


@attrs.frozen(slots=True)
class PaymentRule:
    """When the grant is paid.

    Attributes:
        in_arrears: Whether money is paid after the spend it covers.
        statement: The rule in words.
        citation: Where the partnership's source states it.
        national_citation: What the national sources say (may be unconfirmed).

    Example:
        >>> PaymentRule(True, "Paid in arrears.", None).in_arrears
        True
    """

    in_arrears: bool
    statement: str
    citation: Citation | None
    national_citation: Citation | None = None


@attrs.frozen(slots=True)
class Project:
    """A project of the partnership and the money it is paid from.

    Attributes:
        id: A short id such as ``"whole-school-approach"``.
        name: Its name in the source.
        funded_from: The cost category that pays for it (``none``: no cost).
        description: What it is.
        delivered_by: The body that delivers it (an id).
        serves: The strategy actions it serves (ids in ``strategy.toml``).
        duties: The provisions of the Act it helps meet, for projects that serve the duty
            itself rather than an action.
        pillars: The strategy's pillars it contributes to.
        levels: The prevention levels it works at.
        tiers: The intervention tiers it offers.
        citation: Where it and its funding are stated.

    Example:
        >>> Project("p", "P", CostCategory.LABOUR).funded_from.value
        'labour'
    """

    id: str
    name: str
    funded_from: CostCategory
    description: str = ""
    delivered_by: str | None = None
    serves: tuple[str, ...] = ()
    duties: tuple[str, ...] = ()
    pillars: tuple[str, ...] = ()
    levels: tuple[str, ...] = ()
    tiers: tuple[str, ...] = ()
    citation: Citation | None = None


@attrs.frozen(slots=True)
class PopulationPart:
    """A district's population within a recipient (a community safety partnership).

    Example:
        >>> PopulationPart("Rugby", 114400, None).value
        114400
    """

    district: str
    value: int
    citation: Citation | None


@attrs.frozen(slots=True)
class Population:
    """A recipient's population, the sum of its districts', each with its citation.

    Example:
        >>> Population("south", "South", "Census 2021",
        ...            (PopulationPart("a", 1, None), PopulationPart("b", 2, None))).value
        3
    """

    recipient: str
    name: str
    vintage: str
    parts: tuple[PopulationPart, ...]

    @property
    def value(self) -> int:
        """The total population.

        Example:
            >>> Population("r", "R", "v", ()).value
            0
        """
        return sum(p.value for p in self.parts)

    def citations(self) -> tuple[Citation, ...]:
        """The citations of the parts.

        Example:
            >>> Population("r", "R", "v", ()).citations()
            ()
        """
        return tuple(p.citation for p in self.parts if p.citation is not None)


@attrs.frozen(slots=True)
class PopulationTotal:
    """A stated total population to check the parts against.

    Example:
        >>> PopulationTotal(596800, None).value
        596800
    """

    value: int
    citation: Citation | None


@attrs.frozen(slots=True)
class PlanLine:
    """One line of a spending plan: an amount for a project in a year, from a category.

    Attributes:
        project: The project id.
        year: The financial year.
        category: The money it is paid from.
        amount: The amount.
        jointly_agreed: Whether the specified authorities have jointly agreed this use of
            labour money (the Home Office's flexibility).

    Example:
        >>> PlanLine("strategy", FinancialYear(2023), CostCategory.LABOUR,
        ...          Money.parse("1000")).amount.pence
        100000
    """

    project: str
    year: FinancialYear
    category: CostCategory
    amount: Money
    jointly_agreed: bool = False


@attrs.frozen(slots=True)
class SpendingPlan:
    """An assignment of amounts to projects per year (checked by :meth:`FundingModel.check`).

    Example:
        >>> plan = SpendingPlan.of([("strategy", "2023/24", "labour", "5000")])
        >>> plan.lines[0].year.label, str(plan.total())
        ('2023/24', '£5,000')
    """

    lines: tuple[PlanLine, ...]

    @classmethod
    def of(cls, rows: Iterable[Sequence[Any] | PlanLine]) -> SpendingPlan:
        """Build a plan from tuples ``(project, year, category, amount[, jointly_agreed])``.

        Raises:
            DataError: for a bad year label, category or amount, naming the line.

        Example:
            >>> SpendingPlan.of([("x", "2023/99", "labour", "1")])
            Traceback (most recent call last):
            ...
            svduty.errors.FundingError: lines[0].year: expected a UK financial year label such as '2023/24' (got '2023/99')
        """  # noqa: E501
        lines = []
        for n, row in enumerate(rows):
            if isinstance(row, PlanLine):
                lines.append(row)
                continue
            project, year, category, amount, *rest = row
            try:
                fy = year if isinstance(year, FinancialYear) else FinancialYear.parse(year)
            except FundingError:  # pragma: no cover - parse raises DataError
                raise
            except Exception as exc:
                raise _renamed(exc, f"lines[{n}].year") from None
            if category not in {c.value for c in CostCategory}:
                raise FundingError.single(
                    None,
                    f"lines[{n}].category",
                    expected="one of 'labour', 'non_labour', 'none'",
                    got=str(category)[:40],
                )
            try:
                money = Money.parse(amount, field=f"lines[{n}].amount")
            except Exception as exc:
                raise _renamed(exc, f"lines[{n}].amount") from None
            lines.append(
                PlanLine(str(project), fy, CostCategory(category), money, bool(rest and rest[0]))
            )
        return cls(tuple(lines))

    def total(
        self, *, year: FinancialYear | None = None, category: CostCategory | None = None
    ) -> Money:
        """The planned spend, optionally for one year and/or one category.

        Example:
            >>> SpendingPlan.of([("a", "2023/24", "labour", "1"),
            ...                  ("b", "2024/25", "labour", "2")]).total(
            ...     year=FinancialYear(2024)).pence
            200
        """
        return Money.total(
            line.amount
            for line in self.lines
            if (year is None or line.year == year)
            and (category is None or line.category == category)
        )


def _renamed(exc: Exception, field: str) -> DataError:
    if isinstance(exc, DataError):
        return FundingError([attrs.evolve(p, field=field) for p in exc.problems])
    return FundingError.single(None, field, message=str(exc)[:80])  # pragma: no cover


@attrs.frozen(slots=True)
class FundingModel:
    """A partnership's Serious Violence Duty funding: allocations, rules, projects and flow.

    Attributes:
        name: What the funding is.
        funding_period: The period the grant covers.
        funding_period_citation: Where that is stated.
        allocations: One per financial year, oldest first.
        stated_totals: Totals stated in other documents, to reconcile.
        categories: What each cost category covers.
        carry_over: The carry-over rule (configurable: its source is secondary).
        payment: When the grant is paid.
        projects: The projects and the money each is paid from.
        grant_flow: Who funds whom and who manages the spend.
        populations: Census populations of the split recipients (the CSPs).
        population_total: The stated total population, to check the parts against.

    Example:
        >>> import svduty.funding as f
        >>> import svduty
        >>> m = svduty.warwickshire().funding
        >>> str(m.total()), str(m.total(category=f.CostCategory.NON_LABOUR))
        ('£605,185.87', '£318,144.16')
    """

    name: str
    funding_period: Period
    allocations: tuple[Allocation, ...]
    categories: tuple[CostCategoryRule, ...]
    carry_over: CarryOverRule
    payment: PaymentRule
    projects: tuple[Project, ...]
    grant_flow: GrantFlow
    funding_period_citation: Citation | None = None
    stated_totals: tuple[StatedTotal, ...] = ()
    populations: tuple[Population, ...] = ()
    population_total: PopulationTotal | None = None

    def __attrs_post_init__(self) -> None:
        years = [a.year for a in self.allocations]
        for n, year in enumerate(years):
            if years.index(year) != n:
                raise FundingError.single(
                    None, f"allocations[{n}].year", message="a year given twice", got=year.label
                )
        ids = [p.id for p in self.projects]
        for n, pid in enumerate(ids):
            if ids.index(pid) != n:
                raise FundingError.single(
                    None, f"projects[{n}].id", message="a project given twice", got=pid[:40]
                )
        for n, st in enumerate(self.stated_totals):
            for k, year in enumerate(st.years):
                if year not in years:
                    raise FundingError.single(
                        None,
                        f"stated_totals[{n}].years[{k}]",
                        expected="a year with an allocation",
                        got=year.label,
                    )

    # -- looking up ------------------------------------------------------------------------

    @property
    def years(self) -> tuple[FinancialYear, ...]:
        """The financial years with an allocation, oldest first.

        Example:
            >>> import svduty
            >>> [y.label for y in svduty.warwickshire().funding.years]
            ['2022/23', '2023/24', '2024/25']
        """
        return tuple(sorted(a.year for a in self.allocations))

    def allocation(self, year: FinancialYear | str) -> Allocation:
        """The allocation for a year.

        Raises:
            FundingError: if the label is not a financial year or has no allocation.

        Example:
            >>> import svduty
            >>> str(svduty.warwickshire().funding.allocation("2024/25").labour)
            '£77,041.71'
            >>> svduty.warwickshire().funding.allocation("2025/26")
            Traceback (most recent call last):
            ...
            svduty.errors.FundingError: year: expected one of 2022/23, 2023/24, 2024/25 (got '2025/26')
        """  # noqa: E501
        fy = _year(year)
        for a in self.allocations:
            if a.year == fy:
                return a
        raise FundingError.single(
            None,
            "year",
            expected="one of " + ", ".join(y.label for y in self.years),
            got=fy.label,
        )

    def project(self, project_id: str) -> Project:
        """A project by id.

        Raises:
            FundingError: if there is no such project.

        Example:
            >>> import svduty
            >>> svduty.warwickshire().funding.project("lead-sponsor").funded_from.value
            'none'
        """
        for p in self.projects:
            if p.id == project_id:
                return p
        raise FundingError.single(
            None,
            "project",
            expected="one of " + ", ".join(p.id for p in self.projects),
            got=project_id[:40],
        )

    def category_rule(self, category: CostCategory) -> CostCategoryRule | None:
        """What a category covers (``None`` for ``none`` or when not stated).

        Example:
            >>> import svduty
            >>> rule = svduty.warwickshire().funding.category_rule(CostCategory.LABOUR)
            >>> rule.flexible_if_jointly_agreed
            True
        """
        return next((c for c in self.categories if c.id is category), None)

    def total(
        self, *, year: FinancialYear | str | None = None, category: CostCategory | None = None
    ) -> Money:
        """The sum of the parts (labour plus non-labour, not the stated totals).

        Example:
            >>> import svduty
            >>> str(svduty.warwickshire().funding.total(category=CostCategory.LABOUR))
            '£287,041.71'
        """
        allocs = self.allocations if year is None else (self.allocation(year),)
        if category is None:
            return Money.total(a.parts_total() for a in allocs)
        return Money.total(a.amount(category) for a in allocs)

    def totals_table(self) -> list[dict[str, str]]:
        """One row per year and a total row: labour, non-labour, parts total, stated total.

        Example:
            >>> import svduty
            >>> svduty.warwickshire().funding.totals_table()[-1]["non_labour"]
            '318144.16'
        """
        rows = [
            {
                "year": a.year.label,
                "labour": a.labour.plain(),
                "non_labour": a.non_labour.plain(),
                "total": a.parts_total().plain(),
                "stated_total": a.total.plain(),
            }
            for a in sorted(self.allocations, key=lambda a: a.year)
        ]
        rows.append(
            {
                "year": "all",
                "labour": self.total(category=CostCategory.LABOUR).plain(),
                "non_labour": self.total(category=CostCategory.NON_LABOUR).plain(),
                "total": self.total().plain(),
                "stated_total": Money.total(a.total for a in self.allocations).plain(),
            }
        )
        return rows

    def _repr_html_(self) -> str:
        head = "".join(
            f"<th>{h}</th>" for h in ("year", "labour", "non-labour", "total", "stated total")
        )
        body = "".join(
            "<tr>"
            + "".join(
                f"<td style='text-align:right'>{html.escape(_show(r[k]))}</td>"
                for k in ("year", "labour", "non_labour", "total", "stated_total")
            )
            + "</tr>"
            for r in self.totals_table()
        )
        return f"<table><caption>{html.escape(self.name)}</caption><tr>{head}</tr>{body}</table>"

    # -- reconciliation --------------------------------------------------------------------

    def reconcile(self) -> tuple[Finding, ...]:
        """Compare every stated figure with the sum of its parts; report every mismatch.

        For each year, the stated total against labour + non-labour; for each total
        stated in another document, the figure against the sum of its years. A mismatch
        is a finding with both citations and the arithmetic; nothing is corrected. Where a
        stated total matches no sum of its years, every other combination of the stated
        figures is tried and the result reported as an *observation* (severity ``info``).

        Example:
            >>> import svduty
            >>> for f in svduty.warwickshire().funding.reconcile():
            ...     print(f.severity.value, f.rule, f.difference)
            info year-total £0
            info year-total £0
            info year-total £0
            warning stated-total -£29,971.87
            info stated-total-observation £28.13
        """
        out: list[Finding] = []
        for a in sorted(self.allocations, key=lambda a: a.year):
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
                        f"equal labour + non-labour: {arithmetic}; difference "
                        f"{diff.format(always_pence=True)}",
                        cites,
                        a.year,
                        difference=diff,
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
                        a.year,
                        difference=diff,
                    )
                )
        for st in self.stated_totals:
            out.extend(self._reconcile_stated(st))
        return tuple(out)

    def _reconcile_stated(self, st: StatedTotal) -> list[Finding]:
        allocs = [self.allocation(y) for y in st.years]
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
                    difference=diff,
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
                difference=diff,
            )
        ]
        out.append(self._observe(st))
        return out

    def _observe(self, st: StatedTotal) -> Finding:
        figures: list[tuple[str, Money, Citation | None]] = []
        for a in sorted(self.allocations, key=lambda a: a.year):
            figures.append((f"{a.year} total", a.total, a.citation))
        for a in sorted(self.allocations, key=lambda a: a.year):
            for cat, value in (("labour", a.labour), ("non-labour", a.non_labour)):
                if value:
                    figures.append((f"{a.year} {cat}", value, a.citation))
        combos: list[tuple[int, int, tuple[int, ...]]] = []
        for r in range(1, len(figures) + 1):
            for combo in itertools.combinations(range(len(figures)), r):
                labels = [figures[i][0] for i in combo]
                years = [lab.split()[0] for lab in labels]
                if len(set(years)) != len(years) and any("total" in lab for lab in labels):
                    continue  # a year's total with its own parts counts money twice
                pence = sum(figures[i][1].pence for i in combo)
                combos.append((abs(st.amount.pence - pence), r, combo))
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
            difference=st.amount - value,
        )

    # -- checking a spending plan ----------------------------------------------------------

    def check(self, plan: SpendingPlan) -> tuple[Finding, ...]:
        """Check a spending plan against the cost-category rules.

        Findings (errors unless said): a line for an unknown project; a project paid from
        money of the wrong category (labour project from non-labour money, or the
        reverse); money for a project with no cost; a year with no allocation; a year
        overspent in a category; a labour line outside the named projects without the
        specified authorities' joint agreement (warning); money left in a year that will
        not carry over (warning, with the carry-over rule's confidence).

        Example:
            >>> import svduty
            >>> m = svduty.warwickshire().funding
            >>> plan = SpendingPlan.of([("strategy", "2023/24", "non_labour", "5000")])
            >>> [f.rule for f in m.check(plan) if f.severity is Severity.ERROR]
            ['wrong-category']
        """
        out: list[Finding] = []
        known = {p.id: p for p in self.projects}
        years = set(self.years)
        for n, line in enumerate(plan.lines):
            where = f"line {n + 1} ({line.project}, {line.year}, {line.category.value})"
            project = known.get(line.project)
            if line.year not in years:
                out.append(
                    Finding(
                        "no-allocation",
                        Severity.ERROR,
                        f"{where}: no allocation for {line.year}",
                        (self.funding_period_citation,) if self.funding_period_citation else (),
                        line.year,
                        line.project,
                        line.amount,
                    )
                )
            if project is None:
                rule = self.category_rule(line.category)
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
                                f"{where}: '{line.project}' is not a named project; labour "
                                "money may be used flexibly only if the specified "
                                "authorities jointly agree",
                                (rule.citation,) if rule.citation else (),
                                line.year,
                                line.project,
                            )
                        )
                else:
                    out.append(
                        Finding(
                            "unknown-project",
                            Severity.ERROR,
                            f"{where}: '{line.project}' is not a project of the agreement",
                            (rule.citation,) if rule and rule.citation else (),
                            line.year,
                            line.project,
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
                        line.year,
                        project.id,
                        line.amount,
                    )
                )
            elif project.funded_from is not line.category and project.funded_from is not (
                CostCategory.NONE
            ):
                rule = self.category_rule(project.funded_from)
                cites = tuple(c for c in (project.citation, rule and rule.citation) if c)
                out.append(
                    Finding(
                        "wrong-category",
                        Severity.ERROR,
                        f"{where}: {project.name} is paid from "
                        f"{project.funded_from.value} costs, but the plan pays it "
                        f"{line.amount} from {line.category.value} money",
                        cites,
                        line.year,
                        project.id,
                        line.amount,
                    )
                )
        for a in sorted(self.allocations, key=lambda a: a.year):
            for cat in (CostCategory.LABOUR, CostCategory.NON_LABOUR):
                spent = plan.total(year=a.year, category=cat)
                available = a.amount(cat)
                rule = self.category_rule(cat)
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
                            a.year,
                            difference=spent - available,
                        )
                    )
                elif (
                    spent < available
                    and not self.carry_over.allowed
                    and self.carry_over.applies(a.year)
                    and any(line.year == a.year for line in plan.lines)
                ):
                    c = self.carry_over.citation
                    conf = f" (rule confidence: {c.confidence.value})" if c else ""
                    out.append(
                        Finding(
                            "unspent-no-carry-over",
                            Severity.WARNING,
                            f"{a.year} {cat.value}: "
                            f"{(available - spent).format(always_pence=True)} unplanned; "
                            f"it will not carry over to {a.year.next()}{conf}",
                            (*cites, *((c,) if c else ())),
                            a.year,
                            difference=available - spent,
                        )
                    )
        return tuple(out)

    # -- splitting -------------------------------------------------------------------------

    def population_weights(self) -> dict[str, int]:
        """The population of each split recipient (each CSP), by id.

        Example:
            >>> import svduty
            >>> svduty.warwickshire().funding.population_weights()["south-warwickshire"]
            283200
        """
        return {p.recipient: p.value for p in self.populations}

    def split_by_population(
        self,
        year: FinancialYear | str,
        *,
        category: CostCategory = CostCategory.NON_LABOUR,
        amount: Money | None = None,
        floors: Mapping[str, Money | str] | None = None,
        caps: Mapping[str, Money | str] | None = None,
    ) -> Split:
        """Split a year's money (by default all its non-labour money) by population.

        Example:
            >>> import svduty
            >>> sp = svduty.warwickshire().funding.split_by_population("2024/25")
            >>> str(sp.amount), str(sp.total()), str(sp.amounts()["rugby"])
            ('£234,637.86', '£234,637.86', '£44,977.50')
        """
        if not self.populations:
            raise FundingError.single(None, "populations", expected="populations to split by")
        value = amount if amount is not None else self.allocation(year).amount(category)
        cites = tuple(c for p in self.populations for c in p.citations())
        return split(
            value,
            self.population_weights(),
            floors=floors,
            caps=caps,
            method="population",
            citations=cites,
        )


def _year(year: FinancialYear | str) -> FinancialYear:
    if isinstance(year, FinancialYear):
        return year
    try:
        return FinancialYear.parse(year)
    except Exception as exc:
        raise _renamed(exc, "year") from None


def _show(value: str) -> str:
    if value and (value[0].isdigit() or value[0] == "-") and "/" not in value:
        return Money.parse(value, allow_negative=True).format(always_pence=True)
    return value
