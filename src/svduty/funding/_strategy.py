"""The strategy's vocabulary, its delivery plan by life stage and its needs evidence."""

from __future__ import annotations

import html
from collections.abc import Collection
from typing import TYPE_CHECKING

import attrs

from svduty._checked import checked_fields, checked_methods
from svduty._fields import an_id
from svduty._words import Words
from svduty.errors import FundingError, Problem
from svduty.funding._money import Money
from svduty.funding._needs import NeedsEvidence
from svduty.funding._records import duplicates
from svduty.funding._strategy_refs import TAGS, vocabulary_problems
from svduty.sources import Citation

if TYPE_CHECKING:
    from svduty.funding._model import FundingModel
    from svduty.funding._records import SpendingPlan

__all__ = [
    "DUTY_PROVISIONS",
    "Action",
    "LifeStage",
    "Opportunity",
    "Scope",
    "Strategy",
    "Tagging",
    "Term",
]

_OLDEST = 130
"""The oldest age a life stage can name."""


DUTY_PROVISIONS: dict[str, str] = {
    "s.8(1)": "collaborate with each other to prevent and reduce serious violence in the area",
    "s.8(2)": "plan together to exercise their functions so as to prevent and reduce serious "
    "violence in the area",
    "s.8(3)(a)": "identify the kinds of serious violence that occur in the area",
    "s.8(3)(b)": "identify the causes of serious violence in the area, so far as it is "
    "possible to do so",
    "s.8(3)(c)": "prepare and implement a strategy for exercising their functions to prevent "
    "and reduce serious violence in the area",
    "s.8(4)": "ensure that each educational, prison and youth custody authority for the area "
    "is consulted in preparing the strategy",
    "s.8(7)(a)": "publish the strategy",
    "s.8(7)(b)": "keep the strategy under review",
    "s.8(7)(c)": "from time to time prepare and implement a revised strategy",
    "s.9(3)(a)": "identify the kinds of serious violence that occur in a relevant area (a power)",
    "s.9(3)(b)": "identify the causes of serious violence in the relevant area (a power)",
    "s.9(3)(c)": "prepare and implement a strategy for the relevant area (a power)",
    "s.9(8)(a)": "publish a strategy prepared for a relevant area",
}
"""The provisions of the PCSC Act 2022 a project may serve (``Project.duties``), in the
statute's words for s.8(1)-(3) and (7), in a summary of them for s.8(4) and the s.9
entries (ss.8-9 as revised to 7 March 2023). A strategic needs assessment serves
s.8(3)(a) and (b) (kinds and causes); the strategy itself is s.8(3)(c).

Example:
    >>> DUTY_PROVISIONS["s.8(3)(b)"][:38]
    'identify the causes of serious violenc'
"""


class Scope(Words):
    """Whether an action is countywide or local.

    Example:
        >>> Scope("local").value
        'local'
    """

    COUNTYWIDE = "countywide"
    LOCAL = "local"


@checked_fields
@attrs.frozen(slots=True)
class Term:
    """A term of the strategy's vocabulary: a pillar, a prevention level, a tier, a C.

    Its fields are checked against their types when it is made: a value of another type is
    an :class:`~svduty.errors.ArgumentError` naming the class and the field, never the
    value. A blank id is a :class:`~svduty.errors.FundingError`.

    Example:
        >>> Term("prevent", "Prevent Serious Violence before it happens").id
        'prevent'
    """

    id: str = attrs.field(validator=an_id(FundingError))
    name: str
    description: str = ""
    citation: Citation | None = None


def _is_age(value: object) -> bool:
    return type(value) is int and 0 <= value <= _OLDEST


@checked_methods
@checked_fields
@attrs.frozen(slots=True)
class LifeStage:
    """A chapter of the strategy's life journey, such as ``0-5 My early years``.

    Its fields are checked against their types when it is made: a value of another type is
    an :class:`~svduty.errors.ArgumentError` naming the class and the field, never the
    value. A blank id, or ages out of order, is a :class:`~svduty.errors.FundingError`.

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

    id: str = attrs.field(validator=an_id(FundingError))
    title: str
    first_age: int
    last_age: int | None = None
    citation: Citation | None = None

    def __attrs_post_init__(self) -> None:
        age = f"an age 0 to {_OLDEST}"
        if not _is_age(self.first_age):
            raise FundingError.single(None, "first_age", expected=age)
        if self.last_age is not None and not _is_age(self.last_age):
            raise FundingError.single(None, "last_age", expected=f"{age}, or none")
        if self.last_age is not None and self.last_age < self.first_age:
            raise FundingError.single(None, "last_age", expected="no earlier than first_age")

    def covers(self, age: int) -> bool:
        """Whether an age falls in the stage (the stages share their boundary ages).

        Example:
            >>> LifeStage("5-11", "", 5, 11).covers(11)
            True
        """
        return age >= self.first_age and (self.last_age is None or age <= self.last_age)


@checked_fields
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


@checked_fields
@attrs.frozen(slots=True)
class Opportunity:
    """An issue or opportunity the strategy defines for a life stage under one of the 5 Cs.

    Its fields are checked against their types when it is made: a value of another type is
    an :class:`~svduty.errors.ArgumentError` naming the class and the field, never the
    value. A blank ``stage`` or ``c`` is a :class:`~svduty.errors.FundingError`.

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

    stage: str = attrs.field(validator=an_id(FundingError))
    c: str = attrs.field(validator=an_id(FundingError))
    text: str
    citation: Citation | None = None


@checked_fields
@attrs.frozen(slots=True)
class Tagging:
    """How the actions were tagged, with the doubt written down in the citation.

    Its fields are checked against their types when it is made: a value of another type is
    an :class:`~svduty.errors.ArgumentError` naming the class and the field, never the
    value.

    Example:
        >>> Tagging("svduty's reading").note
        "svduty's reading"
    """

    note: str
    citation: Citation | None = None


@checked_methods
@checked_fields
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
        vocabulary = {
            "stage": {s.id for s in self.life_stages},
            "pillars": {p.id for p in self.pillars},
            "levels": {p.id for p in self.prevention_levels},
            "tiers": {p.id for p in self.intervention_tiers},
            "c": {c.id for c in self.five_cs},
        }
        problems = [
            *duplicates((t.id for t in self.pillars), "pillars", "id"),
            *duplicates((t.id for t in self.prevention_levels), "prevention_levels", "id"),
            *duplicates((t.id for t in self.intervention_tiers), "intervention_tiers", "id"),
            *duplicates((t.id for t in self.five_cs), "five_cs", "id"),
            *duplicates((t.id for t in self.principles), "principles", "id"),
            *duplicates((s.id for s in self.life_stages), "life_stages", "id"),
            *duplicates((a.id for a in self.actions), "actions", "id"),
            *vocabulary_problems(  # the one check strategy.toml's loader runs on its data too
                vocabulary,
                [(o.stage, o.c) for o in self.opportunities],
                [(a.stage, {t: getattr(a, t) for t in TAGS}) for a in self.actions],
            ),
        ]
        if problems:
            raise FundingError(problems)

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
        raise FundingError.single(None, "action", expected="an action id", got=action_id)

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
            FundingError: if a project names an action the strategy does not have, or a
                provision of the Act that :data:`DUTY_PROVISIONS` does not know.

        Example:
            >>> import svduty
            >>> t = svduty.warwickshire().strategy.trace(svduty.warwickshire().funding)
            >>> t["strategic-needs-assessment"], t["strategy"]
            (('pcsc-act-2022 s.8(3)(a)', 'pcsc-act-2022 s.8(3)(b)'), ('pcsc-act-2022 s.8(3)(c)',))
            >>> t["whole-school-approach"][0]
            '11-16-whole-school-approach'
        """
        problems = reference_problems(model, {a.id for a in self.actions})
        if problems:
            raise FundingError(problems[:1])
        out: dict[str, tuple[str, ...]] = {}
        for p in model.projects:
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


def reference_problems(model: FundingModel, actions: Collection[str]) -> list[Problem]:
    """What each funded project serves that is not there: an action, a duty of ss.8-9.

    ``actions``: the strategy's action ids (none without a ``strategy.toml``).
    :meth:`Strategy.trace` refuses the first; ``svduty validate`` names each.

    Example:
        >>> import svduty
        >>> p = svduty.warwickshire()
        >>> reference_problems(p.funding, {a.id for a in p.strategy.actions})
        []
        >>> [x.field for x in reference_problems(p.funding, ())][:1]
        ['projects[2].serves[0]']
    """
    out = []
    for n, p in enumerate(model.projects):
        for k, aid in enumerate(p.serves):
            if aid not in actions:
                field = f"projects[{n}].serves[{k}]"
                out.append(Problem(field=field, expected="an action id", got=aid))
        for k, duty in enumerate(p.duties):
            if duty not in DUTY_PROVISIONS:
                expected = "a provision of PCSC Act 2022 ss.8-9 (DUTY_PROVISIONS)"
                field = f"projects[{n}].duties[{k}]"
                out.append(Problem(field=field, expected=expected, got=duty))
    return out
