"""Counting a batch's column values for a summary, each row standing for its weight.

Split from :mod:`svduty.io._summary`: the counts :class:`~svduty.io._summary.Tally` adds.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from typing import Any

import numpy as np  # a dependency of pyarrow
import pyarrow as pa

from svduty import _arrays
from svduty import _compute as pc
from svduty.errors import DataError, Problem

__all__: list[str] = []

MissingFacts = Callable[[pa.Table], Mapping[str, Any]]
"""Classified rows -> verdict column -> each row's missing facts as one text (null where
the answer is determined): :func:`svduty.io._missing_facts.missing_facts_of`."""


def _count(counter: Counter[str], column: Any, weights: Any = None) -> None:
    """Add each non-null value's rows, each row standing for its ``weights`` (one if ``None``)."""
    for word, n in _arrays.value_sums(column, weights):
        counter[str(word)] += n


_SEP = "\x1f"  # between a district's code and name in one counted key (neither holds it)


def count_districts(counter: Counter[str], good: pa.Table, weights: Any) -> None:
    r"""Add the rows of each district, keyed by its code and name together (``code\x1fname``).

    Two districts of one name (a bundle's made-up district named like a real one, or two
    codes of one name at different times) are counted apart; a row with a name and no code
    is counted under its name alone (``\x1fname``).

    Example:
        >>> c = Counter()
        >>> count_districts(c, pa.table({"district_code": ["E1", "E2", None],
        ...     "district_name": ["Exton", "Exton", None]}), None)
        >>> sorted(c.items())
        [('E1\x1fExton', 1), ('E2\x1fExton', 1)]
    """
    names = good.column("district_name")
    given = (
        good.column("district_code")
        if "district_code" in good.schema.names
        else pa.DictionaryArray.from_arrays(
            pa.nulls(good.num_rows, pa.int32()), pa.array([], pa.string())
        )
    )
    if _count_word_pairs(counter, given, names, weights):
        return
    if "district_code" not in good.schema.names:
        codes: Any = pa.nulls(good.num_rows, pa.string())
    else:
        codes = pc.cast(good.column("district_code"), pa.string())  # not .cast: see _compute
    codes = pc.coalesce(_arrays.one_array(codes), "")
    keys = pc.binary_join_element_wise(codes, pc.cast(names, pa.string()), _SEP)
    _count(counter, keys, weights)


def _count_word_pairs(counter: Counter[str], codes: Any, names: Any, weights: Any) -> bool:
    r""":func:`count_districts` of two dictionary columns, by their pairs of word numbers.

    Each row's code and name are two numbers (its dictionaries' indices); the pairs are
    counted in numpy, and only the pairs the rows hold are spelt (``code\x1fname``), in
    order of their first row, as a count of the joined texts would add them. ``False``
    (nothing counted) unless both columns are dictionaries of ``string`` whose pairs of
    words are few (no more than 65,536 or four a row).

    Example:
        >>> c = Counter()
        >>> codes = pa.array(["E2", None, "E1", "E2"]).dictionary_encode()
        >>> names = pa.array(["Wy", "Ex", "Ex", "Wy"]).dictionary_encode()
        >>> _count_word_pairs(c, codes, names, None), dict(c)
        (True, {'E2\x1fWy': 2, '\x1fEx': 1, 'E1\x1fEx': 1})
    """
    codes, names = _arrays.one_array(codes), _arrays.one_array(names)
    if not (_is_words(codes.type) and _is_words(names.type)):
        return False
    n_codes, n_names = len(codes.dictionary) + 1, len(names.dictionary) + 1  # and a null's
    if n_codes * n_names > max(1 << 16, 4 * len(codes)):  # words each row's own: as text
        return False
    code_words, name_words = codes.dictionary.to_pylist(), names.dictionary.to_pylist()
    code_at = pc.fill_null(codes.indices, n_codes - 1).to_numpy(zero_copy_only=False)
    name_at = pc.fill_null(names.indices, n_names - 1).to_numpy(zero_copy_only=False)
    pair = code_at.astype(np.int64) * n_names + name_at
    rows = _arrays.sums(pair, weights, n_codes * n_names)
    first = np.full(n_codes * n_names, len(pair), np.int64)
    np.minimum.at(first, pair, np.arange(len(pair), dtype=np.int64))
    seen = np.flatnonzero(first < len(pair))  # a pair of weight 0 too: it places its text
    code_words.append(None)
    name_words.append(None)
    texts: dict[str, int] = {}  # two pairs spell one text (words repeated, "" and null codes)
    for at in seen[np.argsort(first[seen], kind="stable")].tolist():
        code, name = code_words[at // n_names], name_words[at % n_names]
        if name is not None:  # no name: no key (as a null joined)
            key = f"{code or ''}{_SEP}{name}"
            texts[key] = texts.get(key, 0) + int(rows[at])
    for key, count in texts.items():
        if count:  # a text counted 0 times is left out
            counter[key] += count
    return True


def _is_words(kind: pa.DataType) -> bool:
    """A dictionary of ``string`` words."""
    return bool(pa.types.is_dictionary(kind) and pa.types.is_string(kind.value_type))


def district_parts(counted: Mapping[str, int]) -> tuple[dict[str, int], dict[str, str]]:
    r"""Rows by district code, and each code's name, from :func:`count_districts`' keys.

    A code counted under more than one name (renamed over time) is named by its names in
    order, joined by ``" / "``; rows with a name and no code are keyed by the separator
    and the name.

    Example:
        >>> district_parts({"E1\x1fExton": 2, "E1\x1fEx Town": 1, "\x1fOld": 4})
        ({'E1': 3, '\x1fOld': 4}, {'E1': 'Ex Town / Exton', '\x1fOld': 'Old'})
    """
    rows: Counter[str] = Counter()
    named: dict[str, set[str]] = {}
    for key, n in counted.items():
        code, name = key.split(_SEP, 1)
        code = code or _SEP + name
        rows[code] += n
        named.setdefault(code, set()).add(name)
    return dict(rows), {code: " / ".join(sorted(n)) for code, n in named.items()}


def shown_districts(by_code: Mapping[str, int], names: Mapping[str, str]) -> dict[str, int]:
    """Rows by district name for people: ``"Name (code)"`` where two codes share the name.

    Example:
        >>> shown_districts({"E07000901": 2, "E08000025": 3, "E07000902": 1},
        ...     {"E07000901": "Birmingham", "E08000025": "Birmingham", "E07000902": "Wyton"})
        {'Birmingham (E07000901)': 2, 'Birmingham (E08000025)': 3, 'Wyton': 1}
    """
    codes_of = Counter(names[code] for code in by_code)
    out: dict[str, int] = {}
    for code, n in by_code.items():
        name = names[code]
        shared = codes_of[name] > 1 and not code.startswith(_SEP)
        out[f"{name} ({code})" if shared else name] = n
    return out


def _placed_nowhere(good: pa.Table, weights: Any) -> int:
    """The rows inside or outside the area with no district (each standing for its weight).

    Example:
        >>> import numpy as np
        >>> t = pa.table({"district_name": ["Rugby", None, None],
        ...               "within_area": ["inside", "inside", "no_location"]})
        >>> _placed_nowhere(t, None), _placed_nowhere(t, np.array([1, 5, 7]))
        (1, 5)
    """
    district = good.column("district_name")
    if not district.null_count or "within_area" not in good.schema.names:
        return 0
    within: Counter[str] = Counter()
    at = pc.indices_nonzero(pc.is_null(_arrays.one_array(district)))
    weighed = None if weights is None else weights[at.to_numpy()]
    _count(within, pc.take(_arrays.one_array(good.column("within_area")), at), weighed)
    return within["inside"] + within["outside"]


def _flattened(lists: Any, weights: Any) -> tuple[Any, Any]:
    """The items of a list column, and the weight of each item's row (``None``: one each).

    A column of lists as words (a plan's answers to a summary) is read through its words:
    each word's items once, weighed by the rows (and weights) that number it.

    Example:
        >>> words = pa.array([["a", "b"], ["c"]])
        >>> rows = pa.DictionaryArray.from_arrays(pa.array([1, 0, 1], pa.int32()), words)
        >>> items, each = _flattened(rows, np.array([2, 3, 4]))
        >>> items.to_pylist(), each.tolist()
        (['a', 'b', 'c'], [3, 3, 6])
        >>> _flattened(rows.dictionary_decode(), None)[0].to_pylist()
        ['c', 'a', 'b', 'c']
    """
    lists = _arrays.one_array(lists)
    if pa.types.is_dictionary(lists.type):
        if lists.indices.null_count:  # (a null list has no items): spelt out
            lists = pc.take(lists.dictionary, lists.indices)
        else:
            idx = lists.indices.to_numpy().astype(np.int64)
            each = _arrays.sums(idx, weights, len(lists.dictionary))  # each word's rows
            lists = lists.dictionary
            parents = pc.list_parent_indices(lists).to_numpy(zero_copy_only=False)
            return pc.list_flatten(lists), each[parents]
    items = pc.list_flatten(lists)
    if weights is None:
        return items, None
    parents = pc.list_parent_indices(lists).to_numpy(zero_copy_only=False)
    return items, weights[parents]


def placed_nowhere_given(good: pa.Table, weights: Any) -> int:
    """The rows with a location that placed them nowhere (each by its weight).

    A location the geography does not place in a district (a code it does not know, a
    ceased one, an area only partly inside) leaves its row without a location, as a row
    that gives none; ``match`` tells them apart (``unresolved``, null for no location). A
    police.uk row with an LSOA name but no code, the name placing it nowhere, is counted
    as police.uk's "No Location" too (a real month has none: its rows without a location
    have neither).

    Example:
        >>> t = pa.table({"location": ["E01999999", None, "E07000222"],
        ...               "match": ["unresolved", None, "district"],
        ...               "within_area": ["no_location", "no_location", "inside"]})
        >>> placed_nowhere_given(t, None)
        1
        >>> uk = pa.table({"lsoa_code": [None, None, "E01031180"],
        ...                "lsoa_name": ["Nowhere 001A", None, "Rugby 010E"],
        ...                "within_area": ["no_location", "no_location", "inside"]})
        >>> placed_nowhere_given(uk, None)
        1
    """
    names = set(good.schema.names)
    if {"lsoa_code", "lsoa_name", "within_area"} <= names:  # police.uk rows
        mask = pc.and_(  # a code that places nowhere is rejected; a name alone is not
            _equal(good.column("within_area"), "no_location"),
            pc.and_(pc.is_null(good.column("lsoa_code")), pc.is_valid(good.column("lsoa_name"))),
        )
    elif "lsoa_code" in names or not {"location", "match", "within_area"} <= names:
        return 0
    else:
        mask = pc.and_(
            _equal(good.column("within_area"), "no_location"),
            _equal(good.column("match"), "unresolved"),
        )
    at = pc.indices_nonzero(pc.fill_null(_arrays.one_array(mask), False))
    if weights is None:
        return len(at)
    return int(weights[at.to_numpy()].sum())


def named_not_coded(good: pa.Table, weights: Any) -> int:
    """The police.uk rows with an LSOA code placed by their LSOA name (each by its weight).

    A code the ONS tables do not hold, beside a name that resolves, is not a contradiction
    (the name alone places the row, ``match`` ``name``), but the code given was not used:
    the summary counts such rows (``LSOA-CODE-UNKNOWN``) rather than place them silently.

    Example:
        >>> uk = pa.table({"lsoa_code": ["E01999999", None, "E01031180"],
        ...                "match": ["name", "name", "table"]})
        >>> named_not_coded(uk, None)
        1
        >>> named_not_coded(uk.set_column(1, "match", uk["match"].dictionary_encode()), None)
        1
        >>> tables = pa.array(["table"] * 3).dictionary_encode()  # no name placed a row
        >>> named_not_coded(uk.set_column(1, "match", tables), None)
        0
    """
    if not {"lsoa_code", "match"} <= set(good.schema.names):
        return 0
    match = _arrays.one_array(good.column("match"))
    if pa.types.is_dictionary(match.type) and "name" not in match.dictionary.to_pylist():
        return 0  # no row placed by its name (the usual batch): no row's mask to make
    mask = pc.and_(_equal(match, "name"), pc.is_valid(good.column("lsoa_code")))
    at = pc.indices_nonzero(pc.fill_null(_arrays.one_array(mask), False))
    if weights is None:
        return len(at)
    return int(weights[at.to_numpy()].sum())


def _equal(column: Any, word: str) -> Any:
    """``pc.equal(column, word)``; a dictionary column through its words (none decoded).

    Example:
        >>> words = pa.array(["name", None, "table", "name"]).dictionary_encode()
        >>> _equal(words, "name").to_pylist(), _equal(pa.array(["name"]), "x").to_pylist()
        ([True, None, False, True], [False])
    """
    column = _arrays.one_array(column)
    if not pa.types.is_dictionary(column.type):
        return pc.equal(column, word)
    return pc.take(pc.equal(column.dictionary, word), column.indices)


def count_missing(
    counts: dict[str, Counter[str]], good: pa.Table, weights: Any, missing: MissingFacts
) -> None:
    """Add the undetermined rows of ``good`` by verdict column and the facts missing.

    Example:
        >>> c: dict[str, Counter[str]] = {}
        >>> t = pa.table({"violence": ["undetermined", "yes", "undetermined"]})
        >>> keys = {"violence": pa.array(["date", None, "date, died"])}
        >>> count_missing(c, t, None, lambda table: keys)
        >>> dict(c["violence"])
        {'date': 1, 'date, died': 1}
    """
    undetermined = [
        n for n in good.schema.names if n in _ANSWERS and "undetermined" in _words(good.column(n))
    ]
    if not undetermined or not good.num_rows:
        return
    counted = getattr(missing, "counted", None)  # the plan's rows: counted by plan row
    found = counted(good, weights) if counted is not None else None
    if found is not None:
        for column, sums in found.items():
            if column in undetermined:
                counter = counts.setdefault(column, Counter())
                for word, n in sums:  # (as :func:`_count` adds them)
                    counter[str(word)] += n
        return
    for column, keys in missing(good).items():
        if column in undetermined:
            _count(counts.setdefault(column, Counter()), keys, weights)


_ANSWERS = frozenset(
    ("violence", "in_scope", "domestic_abuse", "qualifying_homicide", "homicide_review")
)


def _words(column: Any) -> set[str]:
    """The words a (dictionary or text) column holds."""
    column = _arrays.one_array(column)
    if pa.types.is_dictionary(column.type):
        return {str(w) for w in column.dictionary.to_pylist()}  # a word unused: counted 0
    return {str(w) for w in pc.unique(column).to_pylist() if w is not None}


def parts_checked(
    parts: Mapping[str, Mapping[str, int]], verdicts: Mapping[str, Mapping[str, int]]
) -> None:
    """Each column's undetermined rows by missing facts sum to its undetermined rows.

    Raises:
        DataError: naming the column whose parts do not make the whole.

    Example:
        >>> parts_checked({"violence": {"date": 2}}, {"violence": {"undetermined": 3}})
        Traceback (most recent call last):
        ...
        svduty.errors.DataError: undetermined_by_missing.violence: undetermined rows by missing facts (2) != undetermined rows (3)
    """  # noqa: E501
    for column, counts in parts.items():
        whole = verdicts.get(column, {}).get("undetermined", 0)
        if sum(counts.values()) != whole:
            raise DataError(
                Problem(
                    field=f"undetermined_by_missing.{column}",
                    message=(
                        f"undetermined rows by missing facts ({sum(counts.values()):,}) "
                        f"!= undetermined rows ({whole:,})"
                    ),
                )
            )


def in_every_group(counts: Mapping[str, int]) -> tuple[str, ...]:
    """The facts every group of an ``undetermined_by_missing`` column names, in order.

    A group's key is its facts in alphabetical order joined by ``", "`` (``""``: none, the
    law's doubt). police.uk rows never carry most facts, so every group names them: said
    once, the groups differ by the rest.

    Example:
        >>> in_every_group({"a, b, c": 3, "a, c": 2})
        ('a', 'c')
        >>> in_every_group({"a": 3, "": 1}), in_every_group({})
        ((), ())
    """
    groups = [set(key.split(", ")) if key else set() for key in counts]
    if not groups:
        return ()
    return tuple(sorted(set.intersection(*groups)))


def besides(counts: Mapping[str, int], common: tuple[str, ...]) -> dict[str, int]:
    """Each group's count by the facts it names besides ``common`` (``""``: none other).

    The groups stay apart (each holds ``common``: the rest tells them apart), so the
    counts sum to the same whole.

    Example:
        >>> besides({"a, b, c": 3, "a, c": 2}, ("a", "c"))
        {'b': 3, '': 2}
    """
    drop = set(common)
    return {
        ", ".join(f for f in key.split(", ") if f not in drop) if key else "": n
        for key, n in counts.items()
    }


def rejected_rows(batch: pa.RecordBatch | pa.Table, limit: int | None = None) -> list[Problem]:
    """The rejected rows of a batch (its ``rejected`` column is set) as problems.

    Works on any batch that carries the bookkeeping columns ``file``, ``row``,
    ``rejected`` and ``rejected_field`` (a reader's or the pipeline's).

    Args:
        batch: The rows.
        limit: At most this many (the first ones); all when ``None``.

    Example:
        >>> t = pa.table({"file": ["x.csv"], "row": [2], "rejected_field": ["Latitude"],
        ...               "rejected": ["Latitude: expected a number in degrees"]})
        >>> [str(p) for p in rejected_rows(t)]
        ['x.csv: row 2: Latitude: expected a number in degrees']
    """
    bad = batch.filter(pc.is_valid(batch.column("rejected")))
    if limit is not None:
        bad = bad.slice(0, limit)
    out = []
    for file, row, why, fld in zip(
        bad.column("file").to_pylist(),
        bad.column("row").to_pylist(),
        bad.column("rejected").to_pylist(),
        bad.column("rejected_field").to_pylist(),
        strict=True,
    ):
        text = str(why)
        prefix = f"{fld}: "
        message = text[len(prefix) :] if fld and text.startswith(prefix) else text
        expected = message[len("expected ") :] if message.startswith("expected ") else None
        out.append(
            Problem(
                message="" if expected else message,
                file=file,
                row=row,
                field=fld,
                expected=expected,
            )
        )
    return out


def _order(problem: Problem) -> tuple[bool, str, bool, int]:
    """Where a rejected row sorts in the summary's sample: by file, then row (no row last).

    Example:
        >>> sorted([Problem(file="b", row=1), Problem(file="a"), Problem(file="a", row=9)],
        ...        key=_order)  # doctest: +ELLIPSIS
        [Problem(...file='a', row=9, ...), Problem(...file='a', row=None, ...), ...file='b'...]
    """
    file, row = problem.file, problem.row
    return (file is None, file or "", row is None, row or 0)
