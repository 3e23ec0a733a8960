"""The strategy's needs evidence: risk-factor scores by area, recomputed and reconciled.

Example:
    >>> a = NeedsArea("x", "high", (Decimal(10), Decimal(9), Decimal(10)), Decimal("9.67"))
    >>> a.average == a.stated
    True
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import attrs

from svduty._checked import checked_fields, checked_methods
from svduty.errors import FundingError
from svduty.findings import Finding, Severity
from svduty.funding._money import exact
from svduty.funding._records import duplicates
from svduty.periods import FinancialYear
from svduty.sources import Citation

__all__ = ["NeedsArea", "NeedsEvidence"]


@checked_fields
@attrs.frozen(slots=True)
class NeedsArea:
    """An area's risk-factor scores for 2017-18, 2018-19 and 2019-20.

    Attributes:
        name: The area's local name as the strategy gives it.
        table: ``"high"`` (Table 1, high scores) or ``"increase"`` (Table 2, rises).
        scores: The three yearly scores.
        stated: The average (Table 1) or change (Table 2) as the strategy states it.
        citation: Where it is stated.

    Example:
        >>> a = NeedsArea("Thurlaston", "increase", (Decimal(1), Decimal(3), Decimal(6)),
        ...               Decimal(5))
        >>> a.change, a.computed()
        (Decimal('5'), Decimal('5'))
    """

    name: str
    table: str
    scores: tuple[Decimal, Decimal, Decimal]
    stated: Decimal
    citation: Citation | None = None

    @property
    @exact
    def average(self) -> Decimal:
        """The mean of the three scores, to two places (as Table 1 writes it).

        Example:
            >>> NeedsArea("x", "high", (Decimal(10), Decimal(9), Decimal(10)),
            ...           Decimal("9.67")).average
            Decimal('9.67')
        """
        return (sum(self.scores, Decimal(0)) / 3).quantize(Decimal("0.01"), ROUND_HALF_UP)

    @property
    @exact
    def change(self) -> Decimal:
        """The last score minus the first.

        Example:
            >>> NeedsArea("x", "increase", (Decimal(3), Decimal(4), Decimal(6)),
            ...           Decimal(3)).change
            Decimal('3')
        """
        return self.scores[2] - self.scores[0]

    @exact
    def computed(self) -> Decimal:
        """The figure the strategy states, recomputed: the average or the change.

        Example:
            >>> NeedsArea("x", "high", (Decimal(9), Decimal(8), Decimal(9)),
            ...           Decimal("9.00")).computed()
            Decimal('8.67')
        """
        return self.average if self.table == "high" else self.change


@checked_methods
@checked_fields
@attrs.frozen(slots=True)
class NeedsEvidence:
    """The strategy's needs evidence: risk-factor scores against a county average.

    Its fields are checked against their types when it is made: a value of another type is
    an :class:`~svduty.errors.ArgumentError` naming the class and the field, never the
    value.

    Attributes:
        county_average: The countywide average score (5.3).
        years: The years of the scores.
        increase_threshold: The rise that puts an area in Table 2 (3).
        areas: The areas of Tables 1 and 2.
        description: What the scores measure.
        citation: Where they are.
        district_note: Why no district is recorded for each area.

    Example:
        >>> import svduty
        >>> n = svduty.warwickshire().strategy.needs
        >>> n.county_average, len(n.risen())
        (Decimal('5.3'), 6)
    """

    county_average: Decimal
    years: tuple[FinancialYear, ...]
    increase_threshold: Decimal
    areas: tuple[NeedsArea, ...]
    description: str = ""
    citation: Citation | None = None
    district_note: str = ""

    def __attrs_post_init__(self) -> None:
        problems = duplicates((a.name for a in self.areas), "areas", "name")
        if problems:
            raise FundingError(problems)

    @exact
    def high(self) -> tuple[NeedsArea, ...]:
        """The areas of Table 1 (high scores).

        Example:
            >>> import svduty
            >>> len(svduty.warwickshire().strategy.needs.high())
            9
        """
        return tuple(a for a in self.areas if a.table == "high")

    @exact
    def risen(self) -> tuple[NeedsArea, ...]:
        """The areas whose score rose by the threshold or more over the three years.

        Example:
            >>> import svduty
            >>> svduty.warwickshire().strategy.needs.risen()[0].name
            'Thurlaston'
        """
        return tuple(a for a in self.areas if a.change >= self.increase_threshold)

    @exact
    def reconcile(self) -> tuple[Finding, ...]:
        """Recompute each stated average (Table 1) and change (Table 2) from the scores.

        A mismatch is a finding (``warning``) with the arithmetic; the stated figure is
        kept as stated and nothing is corrected.

        Example:
            >>> import svduty
            >>> [f.message for f in svduty.warwickshire().strategy.needs.reconcile()]
            ['Bede Bedworth Town Centre: stated average 9.00, but (9.00 + 8.00 + 9.00) / 3 = 8.67']
        """
        out: list[Finding] = []
        for a in self.areas:
            if a.computed() == a.stated:
                continue
            if a.table == "high":
                sums = " + ".join(str(x) for x in a.scores)
                text = f"stated average {a.stated}, but ({sums}) / 3 = {a.average}"
            else:
                text = f"stated change {a.stated}, but {a.scores[2]} - {a.scores[0]} = {a.change}"
            cites = tuple(c for c in (a.citation, self.citation) if c)
            out.append(
                Finding(
                    "needs-stated-figure",
                    Severity.WARNING,
                    f"{a.name}: {text}",
                    cites,  # no subjects: the ids of findings; the area, named, has none
                    data=(("year", None), ("difference", None)),
                )
            )
        return tuple(out)

    @exact
    def weights(self, measure: str = "average", *, table: str | None = None) -> dict[str, Decimal]:
        """Scores usable as split weights, by area name.

        Args:
            measure: ``"average"``, ``"latest"`` (2019-20), ``"change"`` (rises only; a
                fall counts as zero, since a weight cannot be negative) or
                ``"above_average"`` (the average less the county average, floored at 0).
            table: Only the areas of one table (``"high"`` or ``"increase"``).

        Raises:
            FundingError: for an unknown measure.

        Example:
            >>> import svduty
            >>> needs = svduty.warwickshire().strategy.needs
            >>> needs.weights("latest", table="increase")["Thurlaston"]
            Decimal('6')
        """
        out: dict[str, Decimal] = {}
        for a in self.areas:
            if table is not None and a.table != table:
                continue
            if measure == "average":
                out[a.name] = a.average
            elif measure == "latest":
                out[a.name] = a.scores[2]
            elif measure == "change":
                out[a.name] = max(Decimal(0), a.change)
            elif measure == "above_average":
                out[a.name] = max(Decimal(0), a.average - self.county_average)
            else:
                raise FundingError.single(
                    None,
                    "measure",
                    expected="'average', 'latest', 'change' or 'above_average'",
                    got=measure,
                )
        return out
