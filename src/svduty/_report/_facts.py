"""The report's two missing-fact tables, with the facts every row shares said once.

police.uk rows never carry most of the facts the rules use, so every group of undetermined
rows, and every police.uk category, names the same nine to fourteen of them. Listed in every
row, the facts that tell the rows apart were lost among them: here the shared facts are said
once, above the table, and each row lists the rest (the ``settle`` CSV keeps every list whole).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from html import escape

from svduty._report._table import table
from svduty.io._settle import Settlement
from svduty.io._summary_counts import besides, in_every_group

__all__ = ["missing_table", "settle_body", "shared"]

_ONLY = "(only the facts above)"
_BESIDES = " (besides those above)"


def shared(lists: Iterable[Sequence[str]]) -> tuple[str, ...]:
    """The facts every non-empty list names, sorted; none unless two lists or more name some.

    A single list shares nothing with another: said once or in its row, it reads the same.

    Example:
        >>> shared([("b", "a", "c"), ("c", "a"), ()])
        ('a', 'c')
        >>> shared([("a", "b")]), shared([("a",), ("b",)])
        ((), ())
    """
    groups = [set(facts) for facts in lists if facts]
    if len(groups) < 2:
        return ()
    return tuple(sorted(set.intersection(*groups)))


def _rest(facts: Sequence[str], common: tuple[str, ...]) -> str:
    """``facts`` without ``common``, sorted and joined; an empty list stays empty."""
    if not facts:
        return ""
    rest = sorted(set(facts) - set(common))
    return ", ".join(rest) if rest else _ONLY


def _said_once(items: Iterable[tuple[str, tuple[str, ...]]]) -> str:
    """A list of who shares which facts, or nothing when none shares any."""
    shown = [f"<li><b>{escape(who)}</b>: {escape(', '.join(c))}</li>" for who, c in items if c]
    return f"<ul>{''.join(shown)}</ul>" if shown else ""


def missing_table(by_missing: Mapping[str, Mapping[str, int]]) -> str:
    """The summary's undetermined rows by the facts missing, each answer's shared facts once.

    ``by_missing`` is :attr:`Summary.undetermined_by_missing`: for each answer, its
    groups of facts (sorted, joined by ``", "``; ``""``: the law's doubt) and their rows.

    Example:
        >>> page = missing_table({"in_scope": {"a, b, c": 3, "a, c": 2}})
        >>> "<li><b>in_scope</b>: a, c</li>" in page, "<td>b</td>" in page
        (True, True)
    """
    common = {a: in_every_group(c) if len(c) > 1 else () for a, c in by_missing.items()}
    rows = []
    for answer, counts in sorted(by_missing.items()):
        rest = besides(counts, common[answer])
        for key, n in sorted(rest.items(), key=lambda kn: (-kn[1], kn[0])):
            facts = key or (_ONLY if common[answer] else "(none: only the law's doubt)")
            rows.append({"answer": answer, "facts": facts, "rows": n})
    lead = ""
    if any(common.values()):
        lead = (
            "<p>Facts every undetermined row of an answer misses (police.uk never gives "
            "them), said once; the table lists each group by the facts it misses besides:</p>"
            + _said_once(sorted(common.items()))
        )
    return lead + table(
        "Undetermined rows (inside, outside, unlocated) by the facts missing (svduty explain)",
        [
            ("answer", "answer"),
            ("facts", "facts missing" + _BESIDES * bool(lead)),
            ("rows", "rows"),
        ],
        rows,
    )


def settle_body(settlements: Sequence[Settlement]) -> str:
    """The "what would settle" section's text and table, rows inside the area.

    Example:
        >>> s = [Settlement("inside", "Drugs", 5, 0, ("a", "b"), ("a",), 2, 0),
        ...      Settlement("inside", "Burglary", 3, 0, ("b", "a", "c"), ("a",), 4, 0)]
        >>> page = settle_body(s)
        >>> "<td>Burglary</td><td class='n'>3</td>".replace("'", '"') in page
        True
        >>> "<td>c</td>" in page, "<li><b>facts that would settle them</b>: a, b</li>" in page
        (True, True)
    """
    inside = [s for s in settlements if s.within_area == "inside"]
    after = shared(s.after_code for s in inside)
    missing = shared(s.missing for s in inside)
    rows = [
        {
            "category": s.category or "(no category)",
            "rows": s.rows,
            "code": (
                "all rows"
                if s.rows and s.by_offence_code == s.rows
                else f"{s.codes_settling} of {s.codes} code{'s' * (s.codes != 1)}"
                if s.codes
                else "none (no offence code is published under it)"
            ),
            "after": _rest(s.after_code, after),
            "missing": _rest(s.missing, missing),
        }
        for s in inside
    ]
    said = _said_once(
        [("with the offence code, still needed", after), ("facts that would settle them", missing)]
    )
    return (
        "<p>An undetermined row is one the facts given do not settle. For each police.uk "
        "category, svduty asked the classifier again with each Home Office offence code "
        "published under the category: the table says for how many of those codes an "
        "offence code (from the force's own records) would settle a row, which facts would "
        "still be needed with it, and every fact the rules would use. Rows inside the "
        "area; the same sentences, each list whole, are in the <code>settle</code> table.</p>"
        + (f"<p>Facts every category's list names, said once:</p>{said}" if said else "")
        + table(
            "What would settle the undetermined rows inside the area, by police.uk category",
            [
                ("category", "category"),
                ("rows", "undetermined rows"),
                ("code", "an offence code settles a row for"),
                ("after", "with the offence code, still needed" + _BESIDES * bool(after)),
                ("missing", "facts that would settle them" + _BESIDES * bool(missing)),
            ],
            rows,
            empty="(no row inside the area is undetermined)",
        )
    )
