"""The strategy's vocabulary, its delivery plan by life stage and its needs evidence."""

from __future__ import annotations

import enum
import html
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

import attrs

from svduty.errors import FundingError
from svduty.funding._model import Finding, Severity
from svduty.funding._money import Money
from svduty.periods import FinancialYear
from svduty.sources import Citation

if TYPE_CHECKING:
    from svduty.funding._model import FundingModel, SpendingPlan

__all__ = [
    "Action",
    "LifeStage",
    "NeedsArea",
    "NeedsEvidence",
    "Opportunity",
    "Scope",
    "Strategy",
    "Tagging",
    "Term",
]


class Scope(enum.StrEnum):
    """Whether an action is countywide or local.

    Example:
        >>> Scope("local").value
        'local'
    """

    COUNTYWIDE = "countywide"
    LOCAL = "local"


@attrs.frozen(slots=True)
class Term:
    """A term of the strategy's vocabulary: a pillar, a prevention level, a tier, a C.

    Example:
        >>> Term("prevent", "Prevent Serious Violence before it happens").id
        'prevent'
    """

    id: str
    name: str
    description: str = ""
    citation: Citation | None = None


@attrs.frozen(slots=True)
class LifeStage:
    """A chapter of the strategy's life journey, such as ``0-5 My early years``.

    Attributes:
        id: ``"0-5"``, ``"5-11"``, ``"11-16"``, ``"16-21"`` or ``"21-plus"``.
        title: The chapter's title.
        first_age: The age the stage starts at.
        last_age: The age it ends at (``None`` for "21 plus").
        citation: Where it is.

    Example:
        >>> LifeStage("21-plus", "Moving on?", 21).covers(40)
        True
    """

    id: str
    title: str
    first_age: int
    last_age: int | None = None
    citation: Citation | None = None

    def covers(self, age: int) -> bool:
        """Whether an age falls in the stage (the stages share their boundary ages).

        Example:
            >>> LifeStage("5-11", "", 5, 11).covers(11)
            True
        """
        return age >= self.first_age and (self.last_age is None or age <= self.last_age)


@attrs.frozen(slots=True)
class Action:
    """An action the strategy commits to under a life stage ("What we will do").

    Attributes:
        id: A short id.
        stage: The life stage id.
        scope: Countywide or local.
        text: The action in the strategy's words.
        pillars: Pillar ids (svduty's reading; see ``Strategy.tagging``).
        levels: Prevention levels.
        tiers: Intervention tiers.
        citation: Where it is stated.

    Example:
        >>> Action("a", "0-5", Scope.LOCAL, "Create ...").scope.value
        'local'
    """

    id: str
    stage: str
    scope: Scope
    text: str
    pillars: tuple[str, ...] = ()
    levels: tuple[str, ...] = ()
    tiers: tuple[str, ...] = ()
    citation: Citation | None = None


@attrs.frozen(slots=True)
class Opportunity:
    """An issue or opportunity the strategy defines for a life stage under one of the 5 Cs.

    Attributes:
        stage: The life stage id.
        c: The id of the C (``collaboration``, ``co_production``, ``co_operation``,
            ``counter_narrative``, ``community_consensus``).
        text: The strategy's words.
        citation: Where it is stated.

    Example:
        >>> Opportunity("0-5", "collaboration", "...").c
        'collaboration'
    """

    stage: str
    c: str
    text: str
    citation: Citation | None = None


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
    def average(self) -> Decimal:
        """The mean of the three scores, to two places (as Table 1 writes it).

        Example:
            >>> NeedsArea("x", "high", (Decimal(10), Decimal(9), Decimal(10)),
            ...           Decimal("9.67")).average
            Decimal('9.67')
        """
        return (sum(self.scores, Decimal(0)) / 3).quantize(Decimal("0.01"), ROUND_HALF_UP)

    @property
    def change(self) -> Decimal:
        """The last score minus the first.

        Example:
            >>> NeedsArea("x", "increase", (Decimal(3), Decimal(4), Decimal(6)),
            ...           Decimal(3)).change
            Decimal('3')
        """
        return self.scores[2] - self.scores[0]

    def computed(self) -> Decimal:
        """The figure the strategy states, recomputed: the average or the change.

        Example:
            >>> NeedsArea("x", "high", (Decimal(9), Decimal(8), Decimal(9)),
            ...           Decimal("9.00")).computed()
            Decimal('8.67')
        """
        return self.average if self.table == "high" else self.change


@attrs.frozen(slots=True)
class NeedsEvidence:
    """The strategy's needs evidence: risk-factor scores against a county average.

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

    def high(self) -> tuple[NeedsArea, ...]:
        """The areas of Table 1 (high scores).

        Example:
            >>> import svduty
            >>> len(svduty.warwickshire().strategy.needs.high())
            9
        """
        return tuple(a for a in self.areas if a.table == "high")

    def risen(self) -> tuple[NeedsArea, ...]:
        """The areas whose score rose by the threshold or more over the three years.

        Example:
            >>> import svduty
            >>> svduty.warwickshire().strategy.needs.risen()[0].name
            'Thurlaston'
        """
        return tuple(a for a in self.areas if a.change >= self.increase_threshold)

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
            out.append(Finding("needs-stated-figure", Severity.WARNING, f"{a.name}: {text}", cites))
        return tuple(out)

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
                    got=measure[:40],
                )
        return out


@attrs.frozen(slots=True)
class Tagging:
    """How the actions were tagged, with the doubt written down in the citation.

    Example:
        >>> Tagging("svduty's reading").note
        "svduty's reading"
    """

    note: str
    citation: Citation | None = None


@attrs.frozen(slots=True)
class Strategy:
    """The strategy as data: vocabulary, life stages with their actions, needs evidence.

    Example:
        >>> import svduty
        >>> s = svduty.warwickshire().strategy
        >>> [p.id for p in s.pillars], [st.id for st in s.life_stages]
        (['prevent', 'respond', 'long_term'], ['0-5', '5-11', '11-16', '16-21', '21-plus'])
        >>> len(s.actions_for("16-21", Scope.LOCAL))
        3
    """

    name: str
    pillars: tuple[Term, ...]
    prevention_levels: tuple[Term, ...]
    intervention_tiers: tuple[Term, ...]
    five_cs: tuple[Term, ...]
    life_stages: tuple[LifeStage, ...]
    actions: tuple[Action, ...]
    needs: NeedsEvidence
    principles: tuple[Term, ...] = ()
    opportunities: tuple[Opportunity, ...] = ()
    tagging: Tagging | None = None
    citation: Citation | None = None

    def __attrs_post_init__(self) -> None:
        vocab = {
            "stage": {s.id for s in self.life_stages},
            "pillars": {p.id for p in self.pillars},
            "levels": {p.id for p in self.prevention_levels},
            "tiers": {p.id for p in self.intervention_tiers},
        }
        cs = {c.id for c in self.five_cs}
        for n, o in enumerate(self.opportunities):
            if o.stage not in vocab["stage"]:
                raise FundingError.single(
                    None, f"opportunities[{n}].stage", expected="a life stage id", got=o.stage[:40]
                )
            if o.c not in cs:
                raise FundingError.single(
                    None,
                    f"opportunities[{n}].c",
                    expected="one of " + ", ".join(sorted(cs)),
                    got=o.c[:40],
                )
        seen: set[str] = set()
        for n, a in enumerate(self.actions):
            if a.id in seen:
                raise FundingError.single(None, f"actions[{n}].id", message="an id given twice")
            seen.add(a.id)
            if a.stage not in vocab["stage"]:
                raise FundingError.single(
                    None, f"actions[{n}].stage", expected="a life stage id", got=a.stage[:40]
                )
            for key, values in (("pillars", a.pillars), ("levels", a.levels), ("tiers", a.tiers)):
                for k, v in enumerate(values):
                    if v not in vocab[key]:
                        raise FundingError.single(
                            None,
                            f"actions[{n}].{key}[{k}]",
                            expected="one of " + ", ".join(sorted(vocab[key])),
                            got=v[:40],
                        )

    def opportunities_for(self, stage: str) -> dict[str, str]:
        """The issues and opportunities of a life stage, by C.

        Example:
            >>> import svduty
            >>> sorted(svduty.warwickshire().strategy.opportunities_for("0-5"))
            ['co_operation', 'co_production', 'collaboration', 'counter_narrative']
        """
        return {o.c: o.text for o in self.opportunities if o.stage == stage}

    def action(self, action_id: str) -> Action:
        """An action by id.

        Raises:
            FundingError: if there is none.

        Example:
            >>> import svduty
            >>> svduty.warwickshire().strategy.action("11-16-whole-school-approach").stage
            '11-16'
        """
        for a in self.actions:
            if a.id == action_id:
                return a
        raise FundingError.single(None, "action", expected="an action id", got=action_id[:40])

    def actions_for(self, stage: str, scope: Scope | str | None = None) -> tuple[Action, ...]:
        """The actions of a life stage, optionally only countywide or local ones.

        Example:
            >>> import svduty
            >>> len(svduty.warwickshire().strategy.actions_for("0-5"))
            6
        """
        want = Scope(scope) if scope is not None else None
        return tuple(
            a for a in self.actions if a.stage == stage and (want is None or a.scope is want)
        )

    def trace(self, model: FundingModel) -> dict[str, tuple[str, ...]]:
        """Every funded project traced to what it serves: action ids or duty provisions.

        Raises:
            FundingError: if a project names an action the strategy does not have.

        Example:
            >>> import svduty
            >>> t = svduty.warwickshire().strategy.trace(svduty.warwickshire().funding)
            >>> t["strategic-needs-assessment"], t["whole-school-approach"][0]
            (('pcsc-act-2022 s.8(3)(a)',), '11-16-whole-school-approach')
        """
        out: dict[str, tuple[str, ...]] = {}
        for n, p in enumerate(model.projects):
            for k, aid in enumerate(p.serves):
                if aid not in {a.id for a in self.actions}:
                    raise FundingError.single(
                        None, f"projects[{n}].serves[{k}]", expected="an action id", got=aid[:40]
                    )
            if p.funded_from.value == "none":
                continue
            out[p.id] = p.serves + tuple(f"pcsc-act-2022 {d}" for d in p.duties)
        return out

    def summarise(self, plan: SpendingPlan, model: FundingModel) -> dict[str, dict[str, Money]]:
        """Planned money by pillar, life stage, prevention level and tier.

        A project counts in full under each of its tags (and each stage of the actions
        it serves), so the figures of one dimension may add up to more than the plan.

        Example:
            >>> from svduty.funding import SpendingPlan
            >>> import svduty
            >>> plan = SpendingPlan.of([("whole-school-approach", "2024/25", "non_labour",
            ...                          "50000")])
            >>> s = svduty.warwickshire().strategy.summarise(plan, svduty.warwickshire().funding)
            >>> str(s["pillar"]["prevent"]), str(s["stage"]["11-16"]), s["level"]["tertiary"]
            ('£50,000', '£50,000', Money('0.00'))
        """
        dims: dict[str, dict[str, Money]] = {
            "pillar": {t.id: Money.zero() for t in self.pillars},
            "stage": {t.id: Money.zero() for t in self.life_stages},
            "level": {t.id: Money.zero() for t in self.prevention_levels},
            "tier": {t.id: Money.zero() for t in self.intervention_tiers},
        }
        projects = {p.id: p for p in model.projects}
        actions = {a.id: a for a in self.actions}
        for line in plan.lines:
            p = projects.get(line.project)
            if p is None:
                continue
            stages = {actions[a].stage for a in p.serves if a in actions}
            for dim, tags in (
                ("pillar", p.pillars),
                ("stage", tuple(stages)),
                ("level", p.levels),
                ("tier", p.tiers),
            ):
                for tag in set(tags):
                    if tag in dims[dim]:
                        dims[dim][tag] = dims[dim][tag] + line.amount
        return dims

    def _repr_html_(self) -> str:
        rows = "".join(
            f"<tr><td>{html.escape(a.stage)}</td><td>{a.scope.value}</td>"
            f"<td>{html.escape(a.text)}</td><td>{', '.join(a.pillars)}</td></tr>"
            for a in self.actions
        )
        return (
            f"<table><caption>{html.escape(self.name)}</caption><tr><th>stage</th>"
            f"<th>scope</th><th>action</th><th>pillars</th></tr>{rows}</table>"
        )
