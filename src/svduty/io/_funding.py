"""Loading ``funding.toml``, ``strategy.toml`` and ``strategies.toml`` (the strategies' records)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs
import cattrs

from svduty._checked import checked
from svduty.errors import BundleError, DataError, FundingError, MoneyError, Problem, shown
from svduty.funding import CostCategory, FundingModel, Money, Strategy, StrategyRecords
from svduty.funding._strategy_refs import raw_vocabulary_problems
from svduty.io._converter import make_converter, structure
from svduty.io._structural import bare_field

__all__ = [
    "load_funding",
    "load_strategies",
    "load_strategy",
]


def _structure_money(value: Any, _: Any) -> Money:
    try:
        return Money.parse(value)
    except MoneyError as exc:
        raise DataError([attrs.evolve(p, field=None) for p in exc.problems]) from None


def _money_converter(converter: cattrs.Converter | None) -> cattrs.Converter:
    conv = (converter or make_converter()).copy()
    conv.register_structure_hook(Money, _structure_money)
    conv.register_unstructure_hook(Money, lambda m: m.plain())
    return conv


@checked
def load_funding(
    data: Mapping[str, Any], *, file: str, converter: cattrs.Converter | None = None
) -> FundingModel:
    """Build the funding model from the plain data of ``funding.toml``.

    Amounts are written as text (``"263506.30"``); floats, negative amounts, more than
    two decimal places and unknown financial-year labels are errors naming the field. A
    stated total that does not match its parts loads: it is a reconciliation finding.

    Args:
        data: The TOML data.
        file: The file name, named in errors.
        converter: The bundle's converter (citations resolve against its sources).

    Raises:
        BundleError: naming the file and the field path of every problem.

    Example:
        >>> data = {"name": "x", "funding_period": {"start": "2023-01-01"},
        ...         "allocations": [{"year": "2023/24", "total": 263506.3, "labour": "1",
        ...                          "non_labour": "-2", "citation": {"source": "svd-guidance"}}],
        ...         "categories": [], "projects": [],
        ...         "carry_over": {"allowed": False, "valid": {"start": "2022-04-01"},
        ...                        "statement": "", "citation": None},
        ...         "payment": {"in_arrears": True, "statement": "", "citation": None},
        ...         "grant_flow": {"edges": []}}
        >>> load_funding(data, file="funding.toml")
        Traceback (most recent call last):
        ...
        svduty.errors.BundleError: funding.toml: allocations[0].total: expected an exact amount written as text such as "263506.30", a Decimal or Money (floats are not accepted) (got '263506.3')
        funding.toml: allocations[0].non_labour: expected an amount of zero or more (got '-2')
    """  # noqa: E501
    conv = _money_converter(converter)
    model = structure(dict(data), FundingModel, file=file, converter=conv)
    labour = model.category_rule(CostCategory.LABOUR)
    flow = attrs.evolve(
        model.grant_flow,
        in_arrears=model.payment.in_arrears,
        payment_citation=model.payment.citation,
        joint_agreement_citation=labour.citation if labour else None,
    )
    return attrs.evolve(model, grant_flow=flow)


@checked
def load_strategy(
    data: Mapping[str, Any], *, file: str, converter: cattrs.Converter | None = None
) -> Strategy:
    """Build the strategy (vocabulary, life stages, actions, needs) from ``strategy.toml``.

    A record that cannot be built (a blank life stage id) does not hide the file's other
    problems: what its opportunities and actions name that the file does not have is
    still reported, in the same run.

    Raises:
        BundleError: naming the file and the field path of every problem.

    Example:
        >>> load_strategy({"name": "x"}, file="strategy.toml")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        svduty.errors.BundleError: strategy.toml: pillars: required field missing
        ...
    """
    conv = _money_converter(converter)
    try:
        strategy = structure(dict(data), Strategy, file=file, converter=conv)
    except BundleError as exc:  # a record refused (a blank life stage id): the Strategy is
        said = {bare_field(p.field) for p in exc.problems}  # not built, nor its check run
        more = [p for p in raw_vocabulary_problems(data, file) if p.field not in said]
        raise BundleError([*exc.problems, *more]) from None
    problems: list[Problem] = []
    for n, area in enumerate(strategy.needs.areas):
        if area.table not in ("high", "increase"):
            problems.append(
                Problem(
                    file=file,
                    field=f"needs.areas[{n}].table",
                    expected="'high' or 'increase'",
                    got=shown(area.table, vocabulary=("high", "increase")),
                )
            )
        problems.extend(
            Problem(
                file=file, field=f"needs.areas[{n}].scores[{k}]", expected="a score of 0 or more"
            )
            for k, score in enumerate(area.scores)
            if score < 0
        )
    needs = strategy.needs
    problems.extend(
        Problem(file=file, field=f"needs.{name}", expected="a score of 0 or more")
        for name, value in (
            ("county_average", needs.county_average),
            ("increase_threshold", needs.increase_threshold),
        )
        if value < 0
    )
    if problems:
        raise FundingError(problems)
    return strategy


@checked
def load_strategies(
    data: Mapping[str, Any],
    *,
    file: str,
    converter: cattrs.Converter | None = None,
    known: frozenset[str] | None = None,
) -> StrategyRecords:
    """Build the partnership's strategy records from ``strategies.toml``.

    ``known``: the ids an endorsement or a consultation may name (the bodies of
    ``governance.toml`` and the authorities of ``authorities.toml``); ``None``: not checked.

    Raises:
        BundleError: naming the file and the field path of every problem of shape.
        FundingError: naming each endorsement or consultee that is no id of ``known``.

    Example:
        >>> load_strategies({"editions": [{"id": "s"}]}, file="strategies.toml")
        Traceback (most recent call last):
        ...
        svduty.errors.BundleError: strategies.toml: editions[0].title: required field missing
        ...
    """
    records = structure(dict(data), StrategyRecords, file=file, converter=converter)
    if known is None:
        return records
    problems = [
        Problem(
            file=file,
            field=field,
            message="no body or authority with this id",
            expected="the id of a body of governance.toml or an authority of authorities.toml",
            got=shown(value),
        )
        for n, e in enumerate(records.editions)
        for field, value in (
            *(
                (f"editions[{n}].endorsements[{k}].body", x.body)
                for k, x in enumerate(e.endorsements)
            ),
            *(
                (f"editions[{n}].consultation.consulted[{k}]", c)
                for k, c in enumerate(e.consultation.consulted if e.consultation else ())
            ),
            *(
                ((f"editions[{n}].delivery_plan.body", e.delivery_plan.body),)
                if e.delivery_plan and e.delivery_plan.body
                else ()
            ),
        )
        if value not in known
    ]
    if problems:
        raise FundingError(problems)
    return records
