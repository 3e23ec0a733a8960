"""``svduty funding``: allocations, totals by category and year, reconciliation, splits."""

from __future__ import annotations

import argparse
import json
from typing import Any, TextIO

import attrs

from svduty._commands._examples import EXIT_TAIL
from svduty._commands._json import versioned
from svduty._commands._options import add_partnership, load_named_partnership
from svduty.errors import DataError, FundingError, describe, quote_keys, shown
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
from svduty.periods import FinancialYear

__all__ = ["HOW_TO_FUNDING", "SPLIT_METHODS", "register", "run"]

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
        epilog="exit status: 0 the grant was shown (a reconciliation warning does not fail "
        "it); 1 the bundle has no funding.toml, the year has no allocation, or the split "
        "cannot be read or made; " + EXIT_TAIL,
    )
    add_partnership(p)
    p.add_argument(
        "--year",
        metavar="YYYY/YY",
        type=_year_label,
        help="only this financial year, e.g. 2023/24",
    )
    p.add_argument(
        "--split",
        metavar="FILE",
        help="a TOML file describing a split (year, category or amount, method, and the "
        "method's fields: recipients, measure, weights, floors, caps)",
    )
    p.add_argument(
        "--format", choices=["text", "json"], default="text", help="output format (default: text)"
    )
    p.set_defaults(run=run)


def _year_label(text: str) -> str:
    """``--year`` as given, if it is a financial year: else a usage error (exit status 2).

    Example:
        >>> _year_label("2023/24")
        '2023/24'
        >>> _year_label("2023/25")
        Traceback (most recent call last):
        ...
        argparse.ArgumentTypeError: expected a UK financial year such as 2023/24 (two consecutive years)
    """  # noqa: E501
    from svduty.periods import FinancialYear

    try:
        FinancialYear.parse(text)
    except DataError:
        raise argparse.ArgumentTypeError(
            "expected a UK financial year such as 2023/24 (two consecutive years)"
        ) from None
    return text


_AMOUNT_FIELDS = ("year", "category", "amount", "method")
"""The fields of a split file that say what is split, and how."""

SPLIT_METHODS: dict[str, tuple[str, ...]] = {
    "population": ("floors", "caps"),
    "equal": ("recipients", "floors", "caps"),
    "needs": ("measure", "floors", "caps"),
    "shares": ("weights",),
    "weights": ("weights", "floors", "caps"),
}
"""The methods of a split file (``method``), each with the other fields it uses.

A field the chosen method does not use is refused, never ignored.

Example:
    >>> SPLIT_METHODS["shares"]
    ('weights',)
"""

_FIELD_SHAPES: dict[str, tuple[type, str]] = {
    "weights": (dict, "a table of recipient = weight, such as { north = 2, south = 1 }"),
    "floors": (dict, 'a table of recipient = amount, such as { north = "40000" }'),
    "caps": (dict, 'a table of recipient = amount, such as { north = "90000" }'),
    "recipients": (list, 'a list of recipients, such as ["north", "south"]'),
    "measure": (str, "'average', 'latest', 'change' or 'above_average'"),
    "method": (str, "one of " + ", ".join(f"'{m}'" for m in SPLIT_METHODS)),
}
"""What each field of a split file holds (its type), and how to say it."""


def _split_fields(data: dict[str, Any], file: str) -> str:
    """The split file's method, once every field is known, used and of its type."""
    allowed = {*_AMOUNT_FIELDS, *(f for fields in SPLIT_METHODS.values() for f in fields)}
    extra = set(data) - allowed
    if extra:
        raise FundingError.single(
            file, quote_keys(extra, allowed), expected="keys " + ", ".join(sorted(allowed))
        )
    for field, (kind, expected) in _FIELD_SHAPES.items():
        if field in data and not isinstance(data[field], kind):
            raise FundingError.single(file, field, expected=expected, got=describe(data[field]))
    method = data.get("method", "population")
    if method not in SPLIT_METHODS:
        raise FundingError.single(
            file,
            "method",
            expected=_FIELD_SHAPES["method"][1],
            got=shown(method, vocabulary=SPLIT_METHODS),
        )
    uses = SPLIT_METHODS[method]
    unused = sorted(set(data) - {*_AMOUNT_FIELDS, *uses})
    if unused:
        hint = ""
        if method == "equal" and unused[0] == "weights":
            hint = " (the recipients of an equal split are a list: recipients = [...])"
        raise FundingError.single(
            file,
            unused[0],
            message=f"not used by the method '{method}'",
            expected=f"only {', '.join(uses)} with it{hint}",
        )
    recipients = data.get("recipients", ["-"])
    if not recipients:
        raise FundingError.single(file, "recipients", expected="at least one recipient")
    for n, name in enumerate(recipients):
        if not isinstance(name, str):
            raise FundingError.single(
                file, f"recipients[{n}]", expected="a recipient's name as text", got=describe(name)
            )
    return str(method)


def _weights_field(field: str | None) -> str | None:
    """A :func:`split_shares` field as a split file names it: ``shares[a]`` is ``weights[a]``.

    Example:
        >>> _weights_field("shares[a]"), _weights_field("shares"), _weights_field(None)
        ('weights[a]', 'weights', None)
    """
    if field is None or not field.startswith("shares"):
        return field
    return "weights" + field.removeprefix("shares")


def _file_year(value: object) -> FinancialYear:
    """A split file's ``year``, read as a financial year (its error names ``year``).

    Example:
        >>> _file_year("2023-24").label
        '2023/24'
        >>> _file_year(2023)
        Traceback (most recent call last):
        ...
        svduty.errors.FundingError: year: expected a UK financial year label such as '2023/24' (got a number of 4 digits, not shown)
    """  # noqa: E501
    expected = "a UK financial year label such as '2023/24'"
    if not isinstance(value, str):
        raise FundingError.single(None, "year", expected=expected, got=describe(value))
    try:
        return FinancialYear.parse(value)
    except DataError as exc:
        raise FundingError([attrs.evolve(p, field="year") for p in exc.problems]) from None


def _split_from_file(
    path: str, model: FundingModel, strategy: Strategy | None, year: str | None = None
) -> tuple[Split, dict[str, str] | None]:
    """The split a ``--split`` file describes (its format: :data:`SPLIT_METHODS`).

    With ``year`` (``--year``), a file that gives no year or amount splits that year's
    money, and a file that gives another year is refused. Returns the split and the year
    and category of the allocation it divides (``None`` for an amount the file gives).

    Raises:
        FundingError: naming the file and the field that is unknown, of the wrong type
            (``weights: expected a table of recipient = weight``), not used by the method,
            or not a valid value, or ``-`` (standard input is not read).
    """
    if path == "-":
        raise FundingError.single(
            None, "--split", expected="a split TOML file (a split is not read from standard input)"
        )
    data = read_toml(path)
    file = str(path)
    try:
        method = _split_fields(data, file)
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
            of, source = None, None  # the file's own amount: no source svduty knows
        else:
            # one year however written ("2023-24", "2023/2024"): compared and said as a year
            given = _file_year(data["year"]) if "year" in data else None
            wanted = None if year is None else FinancialYear.parse(year)
            if wanted is not None and given not in (None, wanted):  # never the other year's
                expected = f"the year --year gives ({wanted}), or no year: --year gives it"
                raise FundingError.single(file, "year", expected=expected)
            fy = given or wanted
            if fy is None:
                raise FundingError.single(file, "year", expected="a year or an amount")
            category = data.get("category", "non_labour")
            if category not in ("labour", "non_labour"):
                raise FundingError.single(
                    file, "category", expected="'labour' or 'non_labour'", got=category
                )
            of = {"year": fy.label, "category": category}
            allocation = model.allocation(fy)
            # every share is of this allocation: each line rests on its source (the
            # Home Office grant as the agreement states it) as on the weights'
            amount, source = allocation.amount(CostCategory(category)), allocation.citation
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
            sp = split(
                amount,
                model.population_weights(),
                floors=floors,
                caps=caps,
                method="population",
                citations=tuple(c for p in model.populations for c in p.citations()),
                amount_citation=source,
            )
        elif method == "equal":
            recipients = data.get("recipients") or list(model.population_weights())
            sp = split_equal(amount, recipients, floors=floors, caps=caps, amount_citation=source)
        elif method == "needs":
            if strategy is None:
                raise FundingError.single(
                    file, "method", expected="a bundle with strategy.toml for the needs weights"
                )
            weights = strategy.needs.weights(data.get("measure", "average"))
            cites = (strategy.needs.citation,) if strategy.needs.citation else ()
            sp = split(
                amount,
                weights,
                floors=floors,
                caps=caps,
                method="needs",
                citations=cites,
                amount_citation=source,
            )
        elif method == "shares":
            try:
                sp = split_shares(amount, data.get("weights") or {}, amount_citation=source)
            except FundingError as exc:  # the file's table is weights, not split_shares' shares
                raise FundingError(
                    [attrs.evolve(p, field=_weights_field(p.field)) for p in exc.problems]
                ) from None
        else:
            sp = split(
                amount, data.get("weights") or {}, floors=floors, caps=caps, amount_citation=source
            )
    except DataError as exc:
        raise exc.with_file(file) from None
    return sp, of


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
    sp, of = (
        _split_from_file(args.split, model, partnership.strategy, args.year)
        if args.split
        else (None, None)
    )
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
        if sp is not None:  # of which year's allocation and category (null: an amount)
            payload["split"] = {**sp.as_dict(), "of": of}
        json.dump(versioned("funding", payload), stdout, indent=2, ensure_ascii=False)
        stdout.write("\n")
        return 0
    print(model.name, file=stdout)
    print(
        f"{'year':<8} {'labour':>14} {'non-labour':>14} {'total':>14} {'stated':>14}", file=stdout
    )
    for r in rows:
        cells = [
            Money.from_plain(v).format(always_pence=True) if (v := r[k]) else "none stated"
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
        if of is not None:
            category = of["category"].replace("_", "-")
            print(f"The {of['year']} {category} allocation:", file=stdout)
        else:  # never silent: a money line with no source says so
            print("The split file's amount (it cites no source):", file=stdout)
        print(sp.to_text(), file=stdout)
    return 0
