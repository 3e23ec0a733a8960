"""The funding records: allocations, stated totals, rules, projects, populations and plans.

Plain cited data, loaded from a bundle's ``funding.toml`` (or built in Python); the checks
on them live in :mod:`svduty.funding._checks` and the model that holds them in
:mod:`svduty.funding._model`.

Example:
    >>> a = Allocation(FinancialYear(2023), Money.parse("263506.30"),
    ...                Money.parse("180000"), Money.parse("83506.30"), None)
    >>> str(a.parts_total())
    '£263,506.30'
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from svduty._arguments import choice_argument, wrong_argument
from svduty._checked import checked_fields, checked_methods
from svduty._words import Words
from svduty.errors import DataError, FundingError, Problem
from svduty.funding._money import Money
from svduty.funding._population import Population, PopulationPart, PopulationTotal
from svduty.periods import FinancialYear, Period
from svduty.sources import Citation

__all__ = [
    "Allocation",
    "CarryOverRule",
    "CostCategory",
    "CostCategoryRule",
    "PaymentRule",
    "PlanLine",
    "Population",
    "PopulationPart",
    "PopulationTotal",
    "Project",
    "SpendingPlan",
    "StatedTotal",
]


class CostCategory(Words):
    """The two cost areas of the Home Office grant, and ``none`` for a project with no cost.

    Example:
        >>> CostCategory("non_labour") is CostCategory.NON_LABOUR
        True
    """

    LABOUR = "labour"
    NON_LABOUR = "non_labour"
    NONE = "none"


@checked_methods
@checked_fields
@attrs.frozen(slots=True)
class Allocation:
    """One financial year's grant: labour, non-labour and the total as stated.

    The stated total is kept as stated; whether it equals labour + non-labour is a
    reconciliation finding (:meth:`~svduty.funding._model.FundingModel.reconcile`), never
    an exception.

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

    def amount(self, category: CostCategory | str) -> Money:
        """The amount available in a cost category (zero for ``none``).

        Example:
            >>> Allocation(FinancialYear(2022), Money.parse("1"), Money.parse("1"),
            ...            Money.zero(), None).amount(CostCategory.NONE).pence
            0
        """
        category = choice_argument(category, CostCategory, "amount(category)")
        if category is CostCategory.LABOUR:
            return self.labour
        if category is CostCategory.NON_LABOUR:
            return self.non_labour
        return Money.zero()


@checked_fields
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
    years: tuple[FinancialYear, ...] = attrs.field(validator=lambda _s, _a, v: _each_once(v))
    description: str
    citation: Citation | None
    years_note: str | None = None


def _each_once(years: Sequence[FinancialYear]) -> None:
    """Refuse a year named twice (the sum checked against would count it twice) or none.

    Example:
        >>> _each_once((FinancialYear(2023), FinancialYear(2023)))
        Traceback (most recent call last):
        ...
        svduty.errors.DataError: years[1]: expected each financial year once (2023/24 is named twice)
        >>> _each_once(())
        Traceback (most recent call last):
        ...
        svduty.errors.DataError: years: expected at least one financial year (the years whose allocations the total is compared with)
    """  # noqa: E501
    if not years:
        raise DataError.single(
            None,
            "years",
            expected="at least one financial year (the years whose allocations the total is "
            "compared with)",
        )
    seen: set[FinancialYear] = set()
    for i, year in enumerate(years):
        if year in seen:
            raise DataError.single(
                None, f"years[{i}]", expected=f"each financial year once ({year} is named twice)"
            )
        seen.add(year)


@checked_fields
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


@checked_methods
@checked_fields
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


@checked_fields
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


@checked_fields
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
        tags_citation: Where its pillars, levels and tiers are stated, when that differs
            from ``citation`` (a reading of the source: ``unconfirmed``, with its doubt).

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
    tags_citation: Citation | None = None


@checked_fields
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


@checked_methods
@checked_fields
@attrs.frozen(slots=True)
class SpendingPlan:
    """An assignment of amounts to projects per year.

    A plan is checked by :meth:`~svduty.funding._model.FundingModel.check`.

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
            if (
                isinstance(row, (str, bytes))
                or not isinstance(row, Sequence)
                or not 4 <= len(row) <= 5
            ):
                raise wrong_argument(
                    f"SpendingPlan.of(rows)[{n}]",
                    "a PlanLine or (project, year, category, amount[, jointly_agreed])",
                    row,
                )
            project, year, category, amount, *rest = row
            try:
                fy = year if isinstance(year, FinancialYear) else FinancialYear.parse(year)
            except FundingError:  # pragma: no cover - parse raises DataError
                raise
            except Exception as exc:
                raise renamed(exc, f"lines[{n}].year") from None
            if category not in {c.value for c in CostCategory}:
                raise FundingError.single(
                    None,
                    f"lines[{n}].category",
                    expected="one of 'labour', 'non_labour', 'none'",
                    got=category,
                )
            try:
                money = Money.parse(amount, field=f"lines[{n}].amount")
            except Exception as exc:
                raise renamed(exc, f"lines[{n}].amount") from None
            agreed = rest[0] if rest else False
            if not isinstance(agreed, bool):  # "False" is no agreement, nor agreed: ask
                raise FundingError.single(
                    None, f"lines[{n}].jointly_agreed", expected="true or false"
                )
            lines.append(PlanLine(str(project), fy, CostCategory(category), money, agreed))
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


def duplicates(values: Iterable[str], field: str, key: str) -> list[Problem]:
    """A problem for each value given again, naming the field path of the repeat.

    Example:
        >>> [str(p) for p in duplicates(["a", "b", "a"], "projects", "id")]
        ["projects[2].id: given twice: first at projects[0].id (got 'a')"]
    """
    first: dict[str, int] = {}
    out: list[Problem] = []
    for n, value in enumerate(values):
        if value in first:
            out.append(
                Problem(
                    field=f"{field}[{n}].{key}",
                    message=f"given twice: first at {field}[{first[value]}].{key}",
                    got=value,
                )
            )
        else:
            first[value] = n
    return out


def renamed(exc: Exception, field: str) -> DataError:
    if isinstance(exc, DataError):
        return FundingError([attrs.evolve(p, field=field) for p in exc.problems])
    return FundingError.single(None, field, message=str(exc)[:80])  # pragma: no cover
