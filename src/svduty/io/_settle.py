"""What would settle undetermined rows: the classifier asked again, offence code by code.

A police.uk row gives a category; for each category, the Home Office offence codes
published under it say what an offence code from the force's own records would add. A row
is settled by an offence code when every such code gives ``yes`` or ``no``; otherwise the
classifier's rules name the facts still needed (ages, relationship, behaviours...).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import attrs
import pyarrow as pa

from svduty.definitions import OFFENCES, Definition, Incident, classify, classify_table

__all__ = ["Settlement", "settle"]

_WHERE_ORDER = ("inside", "outside", "no_location")


_GROUP = "1/4.1/4.10/4.2"
"""The join's homicide group as one code, listed beside its four parts (not a code)."""


def _codes_by_category() -> dict[str, tuple[str, ...]]:
    """police.uk category -> the Home Office offence codes published under it.

    The homicide group is left out: its four parts are codes of their own, and a force's
    record carries one of them, so counting the group would count homicide five times.
    """
    out: dict[str, list[str]] = {}
    for offence in OFFENCES:
        if offence.code != _GROUP:
            out.setdefault(offence.police_uk_category, []).append(offence.code)
    return {k: tuple(v) for k, v in out.items()}


@attrs.frozen(slots=True)
class Settlement:
    """What would settle a set of undetermined rows: the rows of one police.uk category.

    Attributes:
        within_area: ``inside``, ``outside`` or ``no_location``.
        category: The police.uk category (``None``: rows without one).
        rows: The undetermined rows of that category.
        by_offence_code: How many of them an offence code alone would settle (every
            Home Office code published under the category gives ``yes`` or ``no``).
        missing: The facts that would settle them (from the classifier's rules).
        after_code: The facts still missing for the offence codes that do not settle
            them alone.

    Example:
        >>> s = Settlement("inside", "Public order", 342, 342, ("offence_code",), ())
        >>> print(s.text())
        police.uk gives only the category 'Public order' for 342 undetermined rows; an offence code would settle all 342 (facts that would settle them: offence_code)
    """  # noqa: E501

    within_area: str
    category: str | None
    rows: int
    by_offence_code: int
    missing: tuple[str, ...]
    after_code: tuple[str, ...]
    codes: int = 0
    codes_settling: int = 0

    def text(self) -> str:
        """The settlement in one line, for a person.

        Example:
            >>> print(Settlement("inside", None, 3, 0, (), ()).text())
            3 undetermined rows have no police.uk category; the facts given do not settle them
        """
        if self.category is None:
            return (
                f"{self.rows:,} undetermined rows have no police.uk category; the facts "
                "given do not settle them"
            )
        head = (
            f"police.uk gives only the category '{self.category}' for {self.rows:,} "
            "undetermined rows; "
        )
        if self.by_offence_code == self.rows:
            code = f"an offence code would settle all {self.rows:,}"
        elif self.codes_settling:
            code = (
                f"an offence code would settle a row for {self.codes_settling} of the "
                f"{self.codes} offence codes published under the category"
            )
        else:
            code = "an offence code alone would not settle them"
        if self.after_code and self.by_offence_code != self.rows:
            code += f"; with the offence, still needed: {', '.join(self.after_code)}"
        facts = (
            f" (facts that would settle them: {', '.join(self.missing)})" if self.missing else ""
        )
        return head + code + facts

    def to_json(self) -> dict[str, Any]:
        """The settlement as JSON-ready data.

        Example:
            >>> Settlement("inside", "Robbery", 2, 2, (), ()).to_json()["by_offence_code"]
            2
        """
        return {
            "within_area": self.within_area,
            "category": self.category,
            "rows": self.rows,
            "by_offence_code": self.by_offence_code,
            "missing": list(self.missing),
            "after_code": list(self.after_code),
            "codes": self.codes,
            "codes_settling": self.codes_settling,
            "text": self.text(),
        }


def settle(
    combos: Sequence[dict[str, Any]],
    verdict: str,
    definition: Definition,
    *,
    resolve_district: Any = None,
) -> tuple[Settlement, ...]:
    """What would settle undetermined rows, by place and police.uk category.

    Args:
        combos: The undetermined rows counted by ``within_area``, ``police_uk_category``,
            ``month`` and ``location``, with their count in ``rows``.
        verdict: The verdict column (``in_scope``, ``violence``...).
        definition: The definition the rows were classified against.
        resolve_district: As for :func:`~svduty.definitions.classify_table`.

    Example:
        >>> from svduty.definitions import STATUTE
        >>> (s,) = settle([{"within_area": "inside", "police_uk_category": "Public order",
        ...     "month": "2025-06", "location": None, "rows": 3}], "violence", STATUTE)
        >>> s.rows, s.codes_settling, s.codes
        (3, 1, 4)
    """
    combos = list(combos)
    if not combos:
        return ()
    unsettled = _unsettled_codes(combos, verdict, definition, resolve_district)
    codes = _codes_by_category()
    groups: dict[tuple[str, str | None], tuple[list[int], set[str]]] = {}
    for combo, left in zip(combos, unsettled, strict=True):
        key = (combo["within_area"], combo["police_uk_category"])
        counts, union = groups.setdefault(key, ([0, 0], set()))
        counts[0] += combo["rows"]
        if left is not None and not left:
            counts[1] += combo["rows"]
        union.update(left or ())
    facts = _facts(combos, verdict, definition, resolve_district)
    out = []
    for (where, category), ((rows, by_code), union) in groups.items():
        missing, after = facts.get(category, ((), ()))
        n = len(codes.get(category or "", ()))
        out.append(Settlement(where, category, rows, by_code, missing, after, n, n - len(union)))
    rank = {w: i for i, w in enumerate(_WHERE_ORDER)}
    # ties by category: the order does not depend on how the rows were grouped
    return tuple(sorted(out, key=lambda s: (rank.get(s.within_area, 9), -s.rows, s.category or "")))


def _unsettled_codes(
    combos: list[dict[str, Any]], verdict: str, definition: Definition, resolve_district: Any
) -> list[set[str] | None]:
    """Per combination: the offence codes of its category that leave it undetermined.

    ``None`` where no offence code is published under the category.
    """
    codes = _codes_by_category()
    rows: dict[str, list[Any]] = {
        "police_uk_category": [],
        "offence_code": [],
        "date": [],
        "location": [],
    }
    owner: list[int] = []
    for i, combo in enumerate(combos):
        for code in codes.get(combo["police_uk_category"] or "", ()):
            rows["police_uk_category"].append(combo["police_uk_category"])
            rows["offence_code"].append(code)
            rows["date"].append(combo["month"])
            rows["location"].append(combo["location"])
            owner.append(i)
    out: list[set[str] | None] = [
        set() if codes.get(c["police_uk_category"] or "") else None for c in combos
    ]
    if owner:
        table = pa.table({k: pa.array(v, pa.string()) for k, v in rows.items()})
        answers = classify_table(table, definition, resolve_district=resolve_district)
        for i, code, answer in zip(
            owner, rows["offence_code"], answers.column(verdict).to_pylist(), strict=True
        ):
            cell = out[i]
            if answer == "undetermined" and cell is not None:
                cell.add(code)
    return out


def _facts(
    combos: list[dict[str, Any]], verdict: str, definition: Definition, resolve_district: Any
) -> dict[str | None, tuple[tuple[str, ...], tuple[str, ...]]]:
    """Category -> (facts that would settle it, facts still missing after a code)."""
    out: dict[str | None, tuple[tuple[str, ...], tuple[str, ...]]] = {}
    for combo in combos:
        category = combo["police_uk_category"]
        if category in out:
            continue
        facts = {"police_uk_category": category, "date": combo["month"]}
        if combo["location"]:
            facts["location"] = combo["location"]
        given = {k: v for k, v in facts.items() if v is not None}
        base = classify(Incident(**given), definition, resolve_district=resolve_district)
        after: dict[str, None] = {}
        for offence in OFFENCES:
            if offence.police_uk_category != category or offence.code == _GROUP:
                continue
            coded = classify(
                Incident(**given, offence_code=offence.code),
                definition,
                resolve_district=resolve_district,
            )
            after.update(dict.fromkeys(coded.missing_for(verdict)))
        after.pop("offence_code", None)
        out[category] = (base.missing_for(verdict), tuple(after))
    return out
