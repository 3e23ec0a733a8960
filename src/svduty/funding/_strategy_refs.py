"""What the strategy's opportunities and actions name that its vocabulary does not have.

One check for both routes: a :class:`~svduty.funding.Strategy` built in Python raises on
what it finds, and ``strategy.toml``'s loader runs it on the file's own data when a
record could not be built (a blank life stage id, say), so that the file's other
problems are still reported in the same run rather than after the record is mended.

Example:
    >>> vocabulary = {"stage": {"0-5"}, "pillars": {"prevent"}, "levels": set(),
    ...               "tiers": set(), "c": {"collaboration"}}
    >>> found = vocabulary_problems(vocabulary, [("0-5", "collaboration")],
    ...                            [("5-11", {"pillars": ["prevent", "respond"]})])
    >>> [p.field for p in found]
    ['actions[0].stage', 'actions[0].pillars[1]']
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import Any

from svduty._ids import one_of
from svduty.errors import Problem
from svduty.funding._records import duplicates

__all__ = ["TAGS", "raw_vocabulary_problems", "vocabulary_problems"]

TAGS = ("pillars", "levels", "tiers")
"""An action's tags, each naming terms of one list of the vocabulary."""
_LISTS = {
    "stage": "life_stages",
    "pillars": "pillars",
    "levels": "prevention_levels",
    "tiers": "intervention_tiers",
    "c": "five_cs",
}
"""Where in ``strategy.toml`` each vocabulary's ids are."""


def vocabulary_problems(
    vocabulary: Mapping[str, Collection[str] | None],
    opportunities: Sequence[tuple[Any, Any]],
    actions: Sequence[tuple[Any, Mapping[str, Any]]],
) -> list[Problem]:
    """Each stage, C and tag that is no id of its vocabulary, and each opportunity given twice.

    Args:
        vocabulary: The ids of ``stage`` (life stages), ``pillars``, ``levels``, ``tiers``
            and ``c`` (the five Cs); ``None`` for one that could not be read (what names
            it is then not checked).
        opportunities: Each opportunity's ``(stage, c)``, in order.
        actions: Each action's ``(stage, tags)``, ``tags`` its ``pillars``, ``levels`` and
            ``tiers``, in order.

    A value that is not text is left to the check of types, which names it.

    Example:
        >>> v = {"stage": {"0-5"}, "pillars": set(), "levels": set(), "tiers": set(),
        ...      "c": {"collaboration"}}
        >>> [str(p) for p in vocabulary_problems(v, [("0-5", "x"), ("0-5", "x")], [])]
        ["opportunities[0].c: expected one of collaboration (got 'x')", "opportunities[1].c: expected one of collaboration (got 'x')", 'opportunities[1].c: given twice: first at opportunities[0].c (got a string of 5 characters, not shown)']
    """  # noqa: E501
    out: list[Problem] = []

    def check(field: str, value: Any, key: str, expected: str | None = None) -> None:
        known = vocabulary.get(key)
        if known is not None and isinstance(value, str) and value not in known:
            out.append(Problem(field=field, expected=expected or one_of(known), got=value))

    for n, (stage, c) in enumerate(opportunities):
        check(f"opportunities[{n}].stage", stage, "stage", "a life stage id")
        check(f"opportunities[{n}].c", c, "c")
    pairs = (
        f"{s}/{c}" if isinstance(s, str) and isinstance(c, str) else f"\0{n}"  # not compared
        for n, (s, c) in enumerate(opportunities)
    )
    out.extend(duplicates(pairs, "opportunities", "c"))
    for n, (stage, tags) in enumerate(actions):
        check(f"actions[{n}].stage", stage, "stage", "a life stage id")
        for key in TAGS:
            values = tags.get(key, ())
            for k, v in enumerate(values if isinstance(values, list | tuple) else ()):
                check(f"actions[{n}].{key}[{k}]", v, key)
    return out


def raw_vocabulary_problems(data: Mapping[str, Any], file: str) -> list[Problem]:
    """:func:`vocabulary_problems` on the plain data of ``strategy.toml``.

    For a file a record of which could not be built: the ids of each vocabulary are those
    of its tables (a blank id is no id), and a list that is not a list of tables is not
    read (what names it is not checked).

    Example:
        >>> data = {"life_stages": [{"id": " "}, {"id": "5-11"}],
        ...         "actions": [{"stage": "0-5"}, {"stage": "5-11"}]}
        >>> [str(p) for p in raw_vocabulary_problems(data, "strategy.toml")]
        ["strategy.toml: actions[0].stage: expected a life stage id (got '0-5')"]
    """
    vocabulary = {key: _ids(data.get(name)) for key, name in _LISTS.items()}
    opportunities = [
        (o.get("stage"), o.get("c")) if isinstance(o, Mapping) else (None, None)
        for o in _tables(data.get("opportunities"))
    ]
    actions = [
        (a.get("stage"), a) if isinstance(a, Mapping) else (None, {})
        for a in _tables(data.get("actions"))
    ]
    found = vocabulary_problems(vocabulary, opportunities, actions)
    return [Problem(p.message, file, field=p.field, expected=p.expected, got=p.got) for p in found]


def _tables(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _ids(value: Any) -> set[str] | None:
    if not isinstance(value, list):
        return None
    return {
        t["id"]
        for t in value
        if isinstance(t, Mapping) and isinstance(t.get("id"), str) and t["id"].strip()
    }
