"""Reading a :class:`~svduty.answers.Reason` or :class:`~svduty.answers.Answer` back from JSON.

What their ``to_json`` writes, field-checked as
:meth:`~svduty.definitions.Classification.from_json` checks a classification: every key
is required and no other is read, each value has the contract's type, each citation has
every key the contract writes, and what is read is written back as it was (``to_json``
after ``from_json`` is exact). A problem names the field (``reasons[0].citation.url``),
never the value given. The class is passed in (this module does not import
:mod:`svduty.answers`, which imports it).

Example:
    >>> from svduty.answers import Reason
    >>> from svduty.sources import cite
    >>> r = Reason("s.8(4)", "consult", cite("pcsc-act-2022", "s.8(4)"))
    >>> read_back(Reason, r.to_json(), REASON_KEYS, "a reason") == r
    True
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, TypeVar, cast

import attrs

from svduty.errors import DataError, Problem
from svduty.sources import Citation, Sources

__all__ = [
    "ANSWER_KEYS",
    "REASON_KEYS",
    "citation_problems",
    "derived_url",
    "hinted",
    "plain",
    "read_back",
    "reason_data",
]

T = TypeVar("T")

REASON_KEYS = ("rule", "says", "citation")
"""The keys of a reason's JSON (:meth:`Reason.to_json`), in its order."""
ANSWER_KEYS = ("question", "verdict", "value", "subjects", "reasons", "missing")
"""The keys of an answer's JSON (:meth:`Answer.to_json`)."""
CITATION_KEYS = ("source", "document", "provision", "url", "as_at", "confidence", "doubt")
"""The keys of a reason's citation in the contract (:meth:`Citation.as_dict` writes all)."""
_NEVER_NULL = frozenset({"source", "document", "provision", "confidence"})
_DEEPEST = 6
"""Deeper than the contract's deepest value (``reasons[i].citation.key``), with room."""


def reason_data(reason: Any) -> Any:
    """A reason of the JSON contract as the converter reads one: its citation's keys only.

    ``document`` is the source's title and ``url`` its link, unless the citation gave its
    own (see :func:`derived_url`); a null key is an absent one.

    Example:
        >>> reason_data({"rule": "r", "citation": {"source": "s", "document": "S", "url": None}})
        {'rule': 'r', 'citation': {'source': 's'}}
    """
    if not isinstance(reason, Mapping) or not isinstance(reason.get("citation"), Mapping):
        return reason
    given = {k: v for k, v in reason["citation"].items() if k != "document" and v is not None}
    return {**reason, "citation": given}


def citation_problems(reasons: Any, where: str = "reasons") -> list[Problem]:
    """The keys a reason's citation lacks, or holds as null where the contract never does.

    The converter would fill them in (a ``confidence`` absent read as ``confirmed``, a
    ``provision`` as none): a hostile-input review.

    Args:
        reasons: The reasons as given (a list of objects).
        where: The field the list is (``""``: one reason, not a list).

    Example:
        >>> [p.field for p in citation_problems([{"citation": {"source": "x"}}])][:2]
        ['reasons[0].citation.document', 'reasons[0].citation.provision']
    """
    listed = [reasons] if not where else reasons if isinstance(reasons, list | tuple) else ()
    problems = []
    for i, reason in enumerate(listed):
        cited = reason.get("citation") if isinstance(reason, Mapping) else None
        if not isinstance(cited, Mapping):
            continue  # the converter names what is not a citation at all
        for key in CITATION_KEYS:
            field = f"{where}[{i}].citation.{key}" if where else f"citation.{key}"
            if key not in cited:
                problems.append(Problem(field=field, expected="the key (the contract requires it)"))
            elif cited[key] is None and key in _NEVER_NULL:
                problems.append(Problem(field=field, expected="a value (the contract has one)"))
    return problems


def hinted(problem: Problem) -> Problem:
    """``problem``, saying how to name a partnership's own source (``sources=``).

    Example:
        >>> hinted(Problem(field="f", message="unknown source")).expected[:31]
        'the id of a source svduty holds'
    """
    if not (problem.message or "").startswith("unknown source"):
        return problem
    expected = (
        "the id of a source svduty holds (national, or a published definition's), or pass "
        "sources= the catalogue that holds it "
        "(a partnership's own: p.sources)"
    )
    return attrs.evolve(problem, expected=expected)


def derived_url(citation: Citation) -> Citation:
    """The citation without an explicit ``url`` where it is the link its source gives.

    Example:
        >>> from svduty.sources import cite
        >>> c = cite("pcsc-act-2022", "s.8")
        >>> derived_url(attrs.evolve(c, url=c.href)) == c
        True
    """
    if citation.url is not None and citation.url == citation.source.link(citation.provision):
        return attrs.evolve(citation, url=None)
    return citation


def plain(value: Any, depth: int = 0) -> Any:
    """``value`` with its tuples as lists, as far down as the contract goes.

    Deeper than any value a ``to_json`` of the contract writes (a reason's citation's key
    is four levels down) nothing is read: such a value differs from what is written as it
    is, and a value nested hundreds deep would exceed Python's recursion limit. Shared by
    the answers' and the classifications' ``from_json``.

    Example:
        >>> plain({"reasons": ({"citation": ("a",)},)})
        {'reasons': [{'citation': ['a']}]}
    """
    if depth > _DEEPEST:
        return value
    if isinstance(value, Mapping):
        return {k: plain(v, depth + 1) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v, depth + 1) for v in value]
    return value


def _differences(out: Any, given: Any, field: str) -> Iterator[str]:
    """The fields where ``given`` is not ``out`` (what ``to_json`` writes), deepest first."""
    if isinstance(out, dict) and isinstance(given, dict) and out.keys() == given.keys():
        for key in out:
            yield from _differences(out[key], given[key], f"{field}.{key}" if field else key)
    elif isinstance(out, list) and isinstance(given, list) and len(out) == len(given):
        for i, (o, g) in enumerate(zip(out, given, strict=True)):
            yield from _differences(o, g, f"{field}[{i}]")
    elif out != given or type(out) is not type(given):
        yield field


def read_back(
    cls: type[T],
    data: Any,
    keys: tuple[str, ...],
    what: str,
    sources: Sources | None = None,
) -> T:
    """``cls`` read from its JSON (``data``), every key required, written back exactly.

    Args:
        cls: :class:`~svduty.answers.Reason` or :class:`~svduty.answers.Answer`.
        data: Decoded JSON (a dict).
        keys: The keys of its contract (:data:`REASON_KEYS` or :data:`ANSWER_KEYS`).
        what: What it is, in words (``"a reason"``), for an error about the whole.
        sources: The catalogue its citations name (default: svduty's, the national
            sources and those the published definitions cite).

    Raises:
        DataError: naming each field missing, unknown or not what the contract says.

    Example:
        >>> from svduty.answers import Reason
        >>> read_back(Reason, {"rule": "r", "says": "s"}, REASON_KEYS, "a reason")
        Traceback (most recent call last):
        ...
        svduty.errors.DataError: citation: expected the key (the contract requires it)
    """
    from svduty.definitions._unknown_keys import key_shown
    from svduty.io._converter import make_converter, structure
    from svduty.io._published_sources import published_sources

    if not isinstance(data, Mapping):
        raise DataError.single(None, None, expected=f"a JSON object of {what}")
    unknown = sorted(key_shown(k) for k in data if k not in keys)  # screened
    absent = [k for k in keys if k not in data]
    if unknown or absent:
        raise DataError(
            [Problem(field=k, expected=f"a key of {what}'s JSON") for k in unknown]
            + [Problem(field=k, expected="the key (the contract requires it)") for k in absent]
        )
    listed = "reasons" in keys
    cited = citation_problems(data["reasons"] if listed else data, "reasons" if listed else "")
    if cited:
        raise DataError(cited)
    shaped = dict(data)
    if listed and isinstance(data["reasons"], list | tuple):
        shaped["reasons"] = [reason_data(r) for r in data["reasons"]]
    elif not listed:
        shaped = reason_data(shaped)
    conv = make_converter(sources if sources is not None else published_sources())
    try:
        built: Any = structure(shaped, cls, converter=conv, error=DataError)
    except DataError as error:
        if sources is not None:
            raise
        raise DataError([hinted(p) for p in error.problems]) from None
    if listed:
        reasons = tuple(attrs.evolve(r, citation=derived_url(r.citation)) for r in built.reasons)
        built = attrs.evolve(built, reasons=reasons)
    else:
        built = attrs.evolve(built, citation=derived_url(built.citation))
    fields = list(_differences(built.to_json(), plain(dict(data)), ""))
    if fields:
        raise DataError([Problem(field=f, expected="what the contract writes") for f in fields])
    return cast(T, built)
