"""The funding model: a partnership's grant by year and category, its rules and projects.

:class:`FundingModel` holds the records of :mod:`svduty.funding._records` and answers
totals, lookups and splits; its :meth:`~FundingModel.reconcile` and
:meth:`~FundingModel.check` run the checks of :mod:`svduty.funding._checks`.
"""

from __future__ import annotations

import html
import unicodedata
from collections.abc import Iterable, Mapping

import attrs

from svduty._arguments import choice_argument, wrong_argument
from svduty._checked import checked_fields, checked_methods
from svduty._ids import one_of
from svduty.errors import FundingError, Problem
from svduty.findings import Finding, Severity
from svduty.funding._checks import check, reconcile
from svduty.funding._flow import GrantFlow
from svduty.funding._money import Money
from svduty.funding._records import (
    Allocation,
    CarryOverRule,
    CostCategory,
    CostCategoryRule,
    PaymentRule,
    Population,
    PopulationTotal,
    Project,
    SpendingPlan,
    StatedTotal,
    duplicates,
    renamed,
)
from svduty.funding._split import split
from svduty.funding._split_result import Split
from svduty.periods import FinancialYear, Period
from svduty.sources import Citation

__all__ = ["FundingModel"]


_MOST_PEOPLE = 100_000_000
"""More people than England and Wales hold (about 61 million): not a local population."""
_PEOPLE = f"a population: a whole number of people, from 0 to {_MOST_PEOPLE:,}"


@checked_methods
@checked_fields
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
        problems = [
            *duplicates((a.year.label for a in self.allocations), "allocations", "year"),
            *duplicates((p.id for p in self.projects), "projects", "id"),
            *duplicates((c.id.value for c in self.categories), "categories", "id"),
            *duplicates((st.id for st in self.stated_totals), "stated_totals", "id"),
            *duplicates((p.recipient for p in self.populations), "populations", "recipient"),
        ]
        problems += _districts_once(self.populations)
        for n, pop in enumerate(self.populations):
            if not pop.parts:  # no district known is not a population of none
                problems.append(
                    Problem(
                        field=f"populations[{n}].parts",
                        expected="at least one district's population (a recipient with "
                        "none would get nothing from a population split, in silence)",
                    )
                )
            problems += [  # a district is named by printable text (it is shown)
                Problem(
                    field=f"populations[{n}].parts[{k}].district",
                    expected="a district's name: printable text, not blank",
                )
                for k, x in enumerate(pop.parts)
                if not x.district.strip() or not x.district.isprintable()
            ]
            problems += [  # a count of people: never fewer than none
                Problem(field=f"populations[{n}].parts[{k}].value", expected=_PEOPLE, got=x.value)
                for k, x in enumerate(pop.parts)
                if not 0 <= x.value <= _MOST_PEOPLE
            ]
        total = self.population_total
        if total is not None and not 0 <= total.value <= _MOST_PEOPLE:
            got = total.value
            problems.append(Problem(field="population_total.value", expected=_PEOPLE, got=got))
        problems += [  # money for a year the grant does not cover
            Problem(
                field=f"allocations[{n}].year",
                expected=f"a financial year the funding period ({self.funding_period}) overlaps",
                got=a.year.label,
            )
            for n, a in enumerate(self.allocations)
            if not a.year.period.overlaps(self.funding_period)
        ]
        years = {a.year for a in self.allocations}
        for n, st in enumerate(self.stated_totals):
            for k, year in enumerate(st.years):
                if year not in years:
                    problems.append(
                        Problem(
                            field=f"stated_totals[{n}].years[{k}]",
                            expected="a year with an allocation",
                            got=year.label,
                        )
                    )
        if problems:
            raise FundingError(problems)

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
            svduty.errors.FundingError: year: expected one of 2022/23, 2023/24, 2024/25, the years the funding model allocates (its funding period: 2023-01-01 to 2025-03-31) (got '2025/26')
        """  # noqa: E501
        fy = _year(year)
        for a in self.allocations:
            if a.year == fy:
                return a
        raise FundingError.single(
            None,
            "year",
            expected="one of "
            + ", ".join(y.label for y in self.years)
            + f", the years the funding model allocates (its funding period: "
            f"{self.funding_period})",
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
            expected=one_of(p.id for p in self.projects),
            got=project_id,
        )

    def category_rule(self, category: CostCategory) -> CostCategoryRule | None:
        """What a category covers (``None`` for ``none`` or when not stated).

        Example:
            >>> import svduty
            >>> rule = svduty.warwickshire().funding.category_rule(CostCategory.LABOUR)
            >>> rule.flexible_if_jointly_agreed
            True
        """
        category = choice_argument(category, CostCategory, "category_rule(category)")
        return next((c for c in self.categories if c.id is category), None)

    def total(
        self,
        *,
        year: FinancialYear | str | None = None,
        category: CostCategory | str | None = None,
    ) -> Money:
        """The sum of the parts (labour plus non-labour, not the stated totals).

        Example:
            >>> import svduty
            >>> str(svduty.warwickshire().funding.total(category=CostCategory.LABOUR))
            '£287,041.71'
        """
        allocs = self.allocations if year is None else (self.allocation(year),)
        if category is not None:  # the category's value as text too, as JSON gives it
            category = choice_argument(category, CostCategory, "total(category)")
        if category is None:
            return Money.total(a.parts_total() for a in allocs)
        return Money.total(a.amount(category) for a in allocs)

    def totals_table(self) -> list[dict[str, str | None]]:
        """One row per year and a total row: labour, non-labour, parts total, stated total.

        A year's stated total is the allocation's total as stated (``stated_by`` ``None``:
        the allocation states it). The ``all`` row's stated total is a total stated for
        exactly the allocations' years by some document (with its id in ``stated_by``),
        and ``None`` when no document states one: the sum of the yearly figures is the
        ``total`` column, not a stated figure.

        Example:
            >>> import svduty
            >>> last = svduty.warwickshire().funding.totals_table()[-1]
            >>> last["non_labour"], last["stated_total"], last["stated_by"]
            ('318144.16', '575214.00', 'council-report-4.3')
        """
        rows: list[dict[str, str | None]] = [
            {
                "year": a.year.label,
                "labour": a.labour.plain(),
                "non_labour": a.non_labour.plain(),
                "total": a.parts_total().plain(),
                "stated_total": a.total.plain(),
                "stated_by": None,
            }
            for a in sorted(self.allocations, key=lambda a: a.year)
        ]
        whole = self.stated_total_for(self.years)
        rows.append(
            {
                "year": "all",
                "labour": self.total(category=CostCategory.LABOUR).plain(),
                "non_labour": self.total(category=CostCategory.NON_LABOUR).plain(),
                "total": self.total().plain(),
                "stated_total": whole.amount.plain() if whole else None,
                "stated_by": whole.id if whole else None,
            }
        )
        return rows

    def stated_total_for(self, years: Iterable[FinancialYear]) -> StatedTotal | None:
        """The first total stated in another document for exactly these years, if any.

        Example:
            >>> import svduty
            >>> m = svduty.warwickshire().funding
            >>> str(m.stated_total_for(m.years).amount)
            '£575,214'
            >>> m.stated_total_for(m.years[:1]) is None
            True
        """
        wanted = set(years)
        return next((st for st in self.stated_totals if set(st.years) == wanted), None)

    def _repr_html_(self) -> str:
        head = "".join(
            f"<th>{h}</th>" for h in ("year", "labour", "non-labour", "total", "stated total")
        )
        rows = []
        for r in self.totals_table():
            cells = [_show(str(r[k])) for k in ("year", "labour", "non_labour", "total")]
            stated = _show(r["stated_total"]) if r["stated_total"] else "none stated"
            if r["stated_by"]:
                stated += f" ({r['stated_by']})"
            rows.append(
                "<tr>"
                + "".join(
                    f"<td style='text-align:right'>{html.escape(c)}</td>" for c in [*cells, stated]
                )
                + "</tr>"
            )
        notes = [
            f"<li><b>{html.escape(f.severity.value)}</b> {html.escape(f.rule)}: "
            f"{html.escape(f.message)}"
            + "".join(f"<br><small>{html.escape(str(c))}</small>" for c in f.citations)
            + "</li>"
            for f in self.reconcile()
            if f.severity is not Severity.INFO or f.rule == "stated-total-observation"
        ]
        recon = (
            f"<p>Reconciliation:</p><ul>{''.join(notes)}</ul>"
            if notes
            else "<p>Reconciliation: every stated total equals its parts.</p>"
        )
        return (
            f"<table><caption>{html.escape(self.name)}</caption><tr>{head}</tr>"
            f"{''.join(rows)}</table>{recon}"
        )

    # -- checks ----------------------------------------------------------------------------

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
            ...     print(f.severity.value, f.rule, f.get("difference"))
            info year-total 0.00
            info year-total 0.00
            info year-total 0.00
            warning stated-total -29971.87
            info stated-total-observation 28.13
        """
        found = reconcile(self.allocations, self.stated_totals)
        total = self.population_total
        parts = [p.value for p in self.populations]
        if total is None or not parts or sum(parts) == total.value:
            return found
        cites = tuple(c for c in (total.citation,) if c is not None)
        said = (
            f"stated population {total.value:,} does not equal the recipients' populations: "
            f"{' + '.join(f'{n:,}' for n in parts)} = {sum(parts):,}. Not corrected."
        )
        gap = (("difference", str(total.value - sum(parts))),)
        return (*found, Finding("population-total", Severity.WARNING, said, cites, data=gap))

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
            >>> from svduty.findings import Severity
            >>> m = svduty.warwickshire().funding
            >>> plan = SpendingPlan.of([("strategy", "2023/24", "non_labour", "5000")])
            >>> [f.rule for f in m.check(plan) if f.severity is Severity.ERROR]
            ['wrong-category']
        """
        return check(self, plan)

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
        category: CostCategory | str = CostCategory.NON_LABOUR,
        amount: Money | None = None,
        floors: Mapping[str, Money | str] | None = None,
        caps: Mapping[str, Money | str] | None = None,
    ) -> Split:
        """Split a year's money (by default all its non-labour money) by population.

        The split cites the allocation it divides (``amount_citation``: the year's grant
        as its source states it) and each population figure (``citations``); an
        ``amount`` given here has no source the model knows, and is cited by none.

        Example:
            >>> import svduty
            >>> sp = svduty.warwickshire().funding.split_by_population("2024/25")
            >>> str(sp.amount), str(sp.total()), str(sp.amounts()["rugby"])
            ('£234,637.86', '£234,637.86', '£44,977.50')
            >>> sp.amount_citation.provision
            "Funding Provision: '2024/25 £311,679.57 (Labour: £77,041.71, Non-labour: £234,637.86)'"
        """
        if not self.populations:
            raise FundingError.single(None, "populations", expected="populations to split by")
        category = choice_argument(category, CostCategory, "split_by_population(category)")
        if amount is None:  # the year's allocation: the split cites it
            allocation = self.allocation(year)
            value, of = allocation.amount(category), allocation.citation
        else:
            value, of = amount, None
        cites = tuple(c for p in self.populations for c in p.citations())
        return split(
            value,
            self.population_weights(),
            floors=floors,
            caps=caps,
            method="population",
            citations=cites,
            amount_citation=of,
        )


def _districts_once(populations: Iterable[Population]) -> list[Problem]:
    """A problem for each district given again, under its own or another recipient.

    A district's people counted under two recipients weigh twice in a population split:
    each recipient's share is its people over everyone's, so the double count takes
    money from every other recipient. Names equal but for case, Unicode form or the
    spaces around them are one district; the repeat is named by its place, never by the
    name.

    Example:
        >>> from svduty.funding._records import PopulationPart
        >>> a = Population("a", "A", "v", (PopulationPart("Rugby", 1, None),))
        >>> b = Population("b", "B", "v", (PopulationPart(" rugby", 2, None),))
        >>> [str(p) for p in _districts_once([a, b])]
        ['populations[1].parts[0].district: given twice: first at populations[0].parts[0].district; expected each district under one recipient only (its people would weigh twice in a population split)']
    """  # noqa: E501
    first: dict[str, str] = {}
    out: list[Problem] = []
    for n, pop in enumerate(populations):
        for k, part in enumerate(pop.parts):
            key = unicodedata.normalize("NFC", part.district).strip().casefold()
            here = f"populations[{n}].parts[{k}].district"
            if key in first:
                out.append(
                    Problem(
                        field=here,
                        message=f"given twice: first at {first[key]}",
                        expected="each district under one recipient only (its people "
                        "would weigh twice in a population split)",
                    )
                )
            else:
                first[key] = here
    return out


def _year(year: FinancialYear | str) -> FinancialYear:
    if isinstance(year, FinancialYear):
        return year
    if not isinstance(year, str):
        raise wrong_argument("year", "a FinancialYear or a label such as '2023/24'", year)
    try:
        return FinancialYear.parse(year)
    except Exception as exc:
        raise renamed(exc, "year") from None


def _show(value: str) -> str:
    if value and (value[0].isdigit() or value[0] == "-") and "/" not in value:
        return Money.from_plain(value).format(always_pence=True)
    return value
