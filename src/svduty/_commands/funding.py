"""``svduty funding``: allocations, totals by category and year, reconciliation, splits."""

from __future__ import annotations

import argparse
import json
from typing import Any, TextIO

from svduty._commands._options import add_partnership, load_named_partnership
from svduty.errors import FundingError, quote_keys
from svduty.funding import (
    CostCategory,
    FundingModel,
    Money,
    Split,
    Strategy,
    split,
    split_equal,
    split_shares,
)
from svduty.io import read_toml

__all__ = ["HOW_TO_FUNDING", "register", "run"]

HOW_TO_FUNDING = (
    "write one as the how-to 'Write a bundle for another area' shows (docs/howto/"
    "write-a-bundle.rst, section 'Governance and funding'), or see the packaged "
    "warwickshire bundle's funding.toml"
)
"""Where a user learns to write ``funding.toml`` (said when a bundle has none)."""


def register(subparsers: Any) -> None:
    """Add the ``funding`` command.

    Example:
        >>> import argparse
        >>> p = argparse.ArgumentParser(); sub = p.add_subparsers()
        >>> register(sub)
        >>> p.parse_args(["funding", "--year", "2023/24"]).year
        '2023/24'
    """
    p = subparsers.add_parser(
        "funding",
        help="the Home Office grant: allocations, totals, reconciliation, splits",
        description=(
            "Show a partnership's Serious Violence Duty grant by financial year and cost "
            "category (labour, non-labour), the reconciliation of stated totals with their "
            "parts, and optionally a split of money among recipients."
        ),
    )
    add_partnership(p)
    p.add_argument("--year", metavar="YYYY/YY", help="only this financial year, e.g. 2023/24")
    p.add_argument(
        "--split",
        metavar="FILE",
        help="a TOML file describing a split (year, category or amount, method, weights, "
        "floors, caps)",
    )
    p.add_argument("--format", choices=["text", "json"], default="text", help="output format")
    p.set_defaults(run=run)


def _split_from_file(path: str, model: FundingModel, strategy: Strategy | None) -> Split:
    data = read_toml(path)
    file = str(path)
    allowed = {"year", "category", "amount", "method", "weights", "floors", "caps", "measure"}
    extra = set(data) - allowed
    if extra:
        raise FundingError.single(
            file, quote_keys(extra, allowed), expected="keys " + ", ".join(sorted(allowed))
        )
    try:
        if "amount" in data:
            both = sorted({"year", "category"} & set(data))
            if both:  # the amount would win and the year be ignored: refuse, never silent
                raise FundingError.single(
                    file,
                    both[-1],
                    expected="either amount, or year (and category), not both: with an "
                    "amount the split is of that amount",
                )
            amount = Money.parse(data["amount"], field="amount")
        else:
            if "year" not in data:
                raise FundingError.single(file, "year", expected="a year or an amount")
            category = data.get("category", "non_labour")
            if category not in ("labour", "non_labour"):
                raise FundingError.single(
                    file, "category", expected="'labour' or 'non_labour'", got=str(category)[:40]
                )
            amount = model.allocation(data["year"]).amount(CostCategory(category))
        method = data.get("method", "population")
        floors = data.get("floors")
        caps = data.get("caps")
        if method == "population":
            if not model.populations:
                raise FundingError.single(
                    file,
                    "method",
                    expected="populations in the bundle's funding.toml ([[populations]]) for "
                    "a population split (the default method); or another method: equal, "
                    "needs, shares or weights",
                )
            return split(
                amount,
                model.population_weights(),
                floors=floors,
                caps=caps,
                method="population",
                citations=tuple(c for p in model.populations for c in p.citations()),
            )
        if method == "equal":
            return split_equal(
                amount,
                list(data.get("weights") or model.population_weights()),
                floors=floors,
                caps=caps,
            )
        if method == "needs":
            if strategy is None:
                raise FundingError.single(
                    file, "method", expected="a bundle with strategy.toml for the needs weights"
                )
            weights = strategy.needs.weights(data.get("measure", "average"))
            cites = (strategy.needs.citation,) if strategy.needs.citation else ()
            return split(amount, weights, floors=floors, caps=caps, method="needs", citations=cites)
        if method == "shares":
            return split_shares(amount, data.get("weights") or {})
        if method == "weights":
            return split(amount, data.get("weights") or {}, floors=floors, caps=caps)
        raise FundingError.single(
            file,
            "method",
            expected="'population', 'equal', 'needs', 'shares' or 'weights'",
            got=str(method)[:40],
        )
    except FundingError as exc:
        raise exc.with_file(file) from None
    except Exception as exc:
        from svduty.errors import DataError

        if isinstance(exc, DataError):
            raise exc.with_file(file) from None
        raise


def run(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    """Run ``svduty funding``.

    Example:
        >>> import io
        >>> out = io.StringIO()
        >>> run(argparse.Namespace(partnership="warwickshire", year="2022/23", split=None,
        ...                    format="text"),
        ...     out, io.StringIO())
        0
        >>> "£30,000.00" in out.getvalue()
        True
    """
    partnership = load_named_partnership(args.partnership)
    model = partnership.funding
    if model is None:
        print(
            f"svduty funding: error: the bundle {args.partnership} has no funding.toml; "
            f"{HOW_TO_FUNDING}",
            file=stderr,
        )
        return 1
    years = model.years if args.year is None else (model.allocation(args.year).year,)
    rows = [r for r in model.totals_table() if args.year is None or r["year"] == years[0].label]
    labels = {y.label for y in years}
    findings = [
        f
        for f in model.reconcile()
        if args.year is None or f.get("year") is None or f.get("year") in labels
    ]
    if args.year is None and partnership.strategy is not None:
        findings.extend(partnership.strategy.needs.reconcile())
    sp = _split_from_file(args.split, model, partnership.strategy) if args.split else None
    if args.format == "json":
        payload: dict[str, Any] = {
            "partnership": partnership.name,
            "name": model.name,
            "allocations": [
                {
                    "year": a.year.label,
                    "total": a.total.plain(),
                    "labour": a.labour.plain(),
                    "non_labour": a.non_labour.plain(),
                    "citation": a.citation.as_dict() if a.citation else None,
                }
                for a in model.allocations
                if a.year in years
            ],
            "totals": rows,
            "reconciliation": [f.as_dict() for f in findings],
            "grant_flow": {
                "relations": [e.as_dict() for e in model.grant_flow.relations()],
                "in_arrears": model.grant_flow.in_arrears,
            },
        }
        if sp is not None:
            payload["split"] = sp.as_dict()
        json.dump(payload, stdout, indent=2, ensure_ascii=False)
        stdout.write("\n")
        return 0
    print(model.name, file=stdout)
    print(
        f"{'year':<8} {'labour':>14} {'non-labour':>14} {'total':>14} {'stated':>14}", file=stdout
    )
    for r in rows:
        cells = [
            Money.from_plain(r[k]).format(always_pence=True) if r[k] else "none stated"
            for k in ("labour", "non_labour", "total", "stated_total")
        ]
        print(f"{r['year']:<8} " + " ".join(f"{c:>14}" for c in cells), file=stdout)
    flow = model.grant_flow
    arrears = " (paid in arrears)" if flow.in_arrears else ""
    print("", file=stdout)
    print(f"Grant flow: {' -> '.join(flow.path())}{arrears}", file=stdout)
    print("", file=stdout)
    print("Reconciliation", file=stdout)
    for f in findings:
        print(f"  {f}", file=stdout)
        for c in f.citations:
            print(f"      - {c}", file=stdout)
    if sp is not None:
        print("", file=stdout)
        print(sp.to_text(), file=stdout)
    return 0
