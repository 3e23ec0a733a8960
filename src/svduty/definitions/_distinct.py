"""The verdicts of a batch's distinct rows: spread over its rows, remembered across batches.

The columnar engine classifies each distinct combination of a batch's input values (see
``_columnar._distinct_verdicts``) and spreads the verdicts over the rows with ``take``
(:func:`spread_all`). A long file read in batches repeats the same
combinations batch after batch (the same month, categories and places); a memo kept by
the caller (the pipeline) answers the combinations it has seen and the rules run only on
the new ones, or not at all.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

import attrs
import numpy as np  # a dependency of pyarrow
import pyarrow as _pa

from svduty import _arrays
from svduty import _compute as _pc
from svduty.errors import Problem

pa: Any = _pa
pc: Any = _pc
Arr = Any

__all__ = ["MEMO_ROWS", "remembered", "spread", "spread_all", "spread_problems"]

MEMO_ROWS = 1 << 17
"""The most combinations a memo holds (beyond, the new ones are classified and not kept)."""


def remembered(
    rows: Any,
    *,
    names: list[str],
    signature: Hashable,
    memo: dict[Any, Any],
    evaluate: Callable[[Any], dict[str, Arr] | None],
    group_rows: Callable[[list[Arr], int], tuple[Arr, Arr] | None],
    words: frozenset[str],
    rows_of: Any = None,
    lists: dict[str, Arr] | None = None,
) -> dict[str, Arr] | None:
    """The verdicts of ``rows`` (distinct combinations of the ``names`` columns), remembered.

    Args:
        rows: The distinct rows of a batch, in order of first appearance.
        names: The columns that tell them apart.
        signature: What else the verdicts depend on (the rule set, the columns and types).
        memo: The caller's memo (kept across calls; replaced entry by entry, never mutated,
            so threads sharing it see a whole entry or none).
        evaluate: The verdicts of some rows; ``None`` if a row has a problem.
        group_rows: Numbers equal combinations alike, in order of first appearance.
        words: The word columns (dictionary-encoded per batch, in order of first
            appearance, as ``evaluate`` gives them).
        rows_of: The distinct row of each of the batch's rows (numpy), if its columns
            are to be spread over them; with ``lists``, the memo's lists of text are
            spread straight over those rows, put in ``lists`` and left out of what is
            returned: not spread over the distinct rows, then again over the batch's.
        lists: Filled with those lists (a batch whose rows were all new: none).

    Returns:
        The verdict columns of ``rows``; ``None`` when a new row has a problem or the memo
        is full (the caller then classifies the rows itself).

    Example:
        >>> from svduty.definitions._columnar import _group_rows
        >>> asked, memo = [], {}
        >>> def evaluate(part):
        ...     asked.append(part.column("c").to_pylist())
        ...     return {"n": pc.utf8_length(part.column("c").combine_chunks())}
        >>> def run(values):
        ...     out = remembered(pa.table({"c": values}), names=["c"], signature="s",
        ...         memo=memo, evaluate=evaluate, group_rows=_group_rows, words=frozenset())
        ...     return out["n"].to_pylist()
        >>> run(["a", "bb"]), run(["bb", "ccc"]), asked
        ([1, 2], [2, 3], [['a', 'bb'], ['ccc']])
    """
    keys = pa.table({n: _plain(rows.column(n)) for n in names} or {"": pa.nulls(rows.num_rows)})
    known_keys, known, coded = memo.get(signature, (keys.slice(0, 0), None, {}))
    m = known_keys.num_rows
    if m >= MEMO_ROWS:  # full: not even looked at (grouping it would cost every batch)
        return None
    if m:
        both = pa.concat_tables([known_keys, keys]).combine_chunks()
        grouped = group_rows([both.column(n).chunk(0) for n in names], both.num_rows)
        assert grouped is not None  # no limit asked
        # the memo's rows are distinct and come first: a row seen before is numbered by its
        # place in the memo, a new one by m, m + 1, ... in order, its place once appended
        at = grouped[0].to_numpy(zero_copy_only=False)[m:].astype(np.int64)
    else:  # nothing remembered (a run's first batch): the distinct rows are each new
        at = np.arange(rows.num_rows, dtype=np.int64)
    new = np.flatnonzero(at >= m)
    columns = known
    if len(new):
        if m + len(new) > MEMO_ROWS:
            return None
        every = not m  # (then no take: the rows and their keys as they are)
        fresh = evaluate(rows if every else _pc.take(rows, _arrays.array(new)))
        if fresh is None:
            return None
        fresh = {k: _plain(v) for k, v in fresh.items()}
        columns = (
            fresh if known is None else {k: pa.concat_arrays([known[k], fresh[k]]) for k in fresh}
        )
        coded = {k: _numbered_words(coded.get(k), fresh[k], m) for k in fresh if k in words}
        memo[signature] = (
            keys if every else pa.concat_tables([known_keys, _pc.take(keys, _arrays.array(new))]),
            columns,
            {k: v for k, v in coded.items() if v is not None},
        )
    assert columns is not None  # every row was known, so the memo holds them
    if not m:  # every row new, in order (a run's first batch): nothing to take
        return {k: _first_words(v, coded.get(k)) if k in words else v for k, v in columns.items()}
    idx = _arrays.array(at)
    out = {}
    for k, v in columns.items():
        if k in words:
            out[k] = _spread_words(v, idx, coded.get(k))
        elif lists is not None and rows_of is not None and (_plain_lists(v) or _word_lists(v)):
            lists[k] = spread(v, _arrays.array(at[rows_of]), checked=True)  # (at < len(v))
            out[k] = None  # (its place kept: the columns' order)
        else:
            out[k] = spread(v, idx)  # lists of text: two byte takes
    return out


def _numbered_words(known: Arr | None, fresh: Arr, m: int) -> Arr | None:
    """A memo's word column numbered (``dictionary_encode``), ``fresh``'s words appended.

    ``known``: the memo's ``m`` rows so numbered (``None``: none, or not numbered). Only
    the new rows' words are hashed; the memo's numbers are kept, its few words extended.
    ``None`` (the words spread as text, as before) when a word is null.

    Example:
        >>> one = _numbered_words(None, pa.array(["no", "yes"]), 0)
        >>> both = _numbered_words(one, pa.array(["maybe", "no"]), 2)
        >>> both.to_pylist(), both.dictionary.to_pylist()
        (['no', 'yes', 'maybe', 'no'], ['no', 'yes', 'maybe'])
    """
    if fresh.null_count or (m and known is None) or not _text(fresh):
        return None
    numbered = pc.dictionary_encode(fresh)
    if known is None:
        return numbered
    words = known.dictionary.to_pylist()
    more = [w for w in numbered.dictionary.to_pylist() if w not in words]
    places = [*words, *more]
    renumbered = np.array([places.index(w) for w in numbered.dictionary.to_pylist()], np.int32)
    numbers = np.concatenate(
        [
            known.indices.to_numpy(zero_copy_only=False),
            renumbered[numbered.indices.to_numpy(zero_copy_only=False)],
        ]
    )
    return _pc.words_of(_arrays.array(numbers), pa.array(places, pa.string()))


def _text(values: Arr) -> bool:
    return bool(pa.types.is_string(values.type) or pa.types.is_large_string(values.type))


def _first_words(values: Arr, numbered: Arr | None) -> Arr:
    """:func:`_spread_words` of every row in order: words numbered by first appearance.

    ``numbered``: the words so numbered already (the memo's, as it began with them).

    Example:
        >>> _first_words(pa.array(["no", "yes", "no"]), None).indices.to_pylist()
        [0, 1, 0]
    """
    return (
        numbered
        if numbered is not None
        else _spread_words(values, _arrays.array(np.arange(len(values), dtype=np.int64)))
    )


def _spread_words(values: Arr, rows: Arr, numbered: Arr | None = None) -> Arr:
    """``pc.dictionary_encode(pc.take(values, rows))``, the text never copied nor hashed.

    The distinct rows' words are numbered, the numbers spread, and the numbers the rows
    hold numbered again in order of first appearance: the words the same, in the same
    order. (Six word columns of a batch of 65,536 rows, speed54d: each spread as text
    and hashed again cost ~1.5 ms more.)

    Example:
        >>> _spread_words(pa.array(["no", "yes", None]), pa.array([1, 2, 0, 1])).to_pylist()
        ['yes', None, 'no', 'yes']
    """
    if not (pa.types.is_string(values.type) or pa.types.is_large_string(values.type)):
        return pc.dictionary_encode(spread(values, rows))  # (the memo keeps words as text)
    # (``numbered``: the memo's words numbered as it grew: not hashed again each batch)
    distinct = numbered if numbered is not None else pc.dictionary_encode(values)
    numbers = pc.dictionary_encode(_pc.take(distinct.indices, rows))
    return pa.DictionaryArray.from_arrays(
        numbers.indices, _pc.take(distinct.dictionary, numbers.dictionary)
    )


def _plain(col: Arr) -> Arr:
    """A column with its dictionary decoded (one array)."""
    col = col.combine_chunks() if isinstance(col, pa.ChunkedArray) else col
    return _pc.dictionary_decode(col) if pa.types.is_dictionary(col.type) else col


def spread(values: Arr, groups: Arr, *, checked: bool = False) -> Arr:
    """``pc.take(values, groups)``; a list-of-text column by two takes of bytes (quicker).

    The values of distinct rows (not words: see :func:`spread_all`) over all rows; a list
    of words (text as a dictionary) by one take of bytes (:func:`_spread_word_lists`).
    ``checked``: ``groups`` are known to lie within ``values`` (``_pc.check_within``), so
    the takes do not check each one.

    Example:
        >>> spread(pa.array([["a"], ["b", "c"]]), pa.array([1, 0, 1])).to_pylist()
        [['b', 'c'], ['a'], ['b', 'c']]
    """
    take = _pc.take_in_bounds if checked else _pc.take
    if _plain_lists(values):
        return _spread_lists(values, groups, take)
    if _word_lists(values):
        return _spread_word_lists(values, groups, take)
    return take(values, groups)


_MOST_TEXT = (1 << 31) - 1
"""The most bytes (or words) 32-bit offsets address: beyond, ``take`` (and its error)."""
_TEXT_LISTS = (pa.list_(pa.string()),)


def _plain_lists(values: Arr) -> bool:
    """Whether ``values`` is one ``list<string>`` array with no null list and no null word."""
    return (
        isinstance(values, pa.ListArray)
        and values.type in _TEXT_LISTS
        and not values.null_count
        and not values.values.null_count
    )


def _spread_lists(values: Arr, groups: Arr, take: Callable[[Arr, Arr], Arr] | None = None) -> Arr:
    """``pc.take(values, groups)`` of a list-of-text column, by two takes of bytes.

    Each distinct row's words are one run of bytes in the text buffer: taken as binary
    values, they give the words of every row, back to back. The words' lengths, taken
    likewise (a byte each when every word is shorter than 256 bytes, else four), give the
    lists' offsets and, summed, the words'. Lists of text are the reasons and kinds of a
    table: a generic ``take`` of a list of text costs several times more. Short lists
    (fewer words than rows, e.g. the kinds) and whatever ``take`` would refuse (more text
    than 32-bit offsets address) are left to ``take``.
    """
    take = take or pc.take  # (``take_in_bounds`` for groups checked: see :func:`spread`)
    words = _pc.list_flatten(values)
    at = _offsets(words)
    lists = values.offsets.to_numpy()
    lists = lists - lists[0]
    lengths = np.diff(at)
    size = 4 if len(lengths) and int(lengths.max()) > 255 else 1
    if int(lists[-1]) < len(values):  # take is as quick
        return take(values, groups)
    if int(lists[-1]) * size > _MOST_TEXT:
        return pc.take(values, groups)
    kind = np.int32 if size == 4 else np.uint8
    text = _binary(at[lists], words.buffers()[2])
    sizes = _binary((lists * size).astype(np.int32), pa.py_buffer(lengths.astype(kind)))
    try:
        text, sizes = take(text, groups), take(sizes, groups)
    except (pa.ArrowInvalid, pa.ArrowCapacityError):  # more than 32-bit offsets address
        return pc.take(values, groups)
    starts, ends = _offsets(text), _offsets(sizes)
    each = np.frombuffer(sizes.buffers()[2], kind)[ends[0] // size : ends[-1] // size]
    steps = np.empty(len(each) + 1, np.int32)  # the text fits 32-bit offsets: take made it
    steps[0], steps[1:] = starts[0], each  # (a cumsum from uint8 straight: slower)
    bounds = np.cumsum(steps, dtype=np.int32)
    child = pa.Array.from_buffers(
        pa.string(), len(each), [None, pa.py_buffer(bounds), text.buffers()[2]]
    )
    lists = (ends - ends[0]) // size if size > 1 or ends[0] else ends
    return pa.Array.from_buffers(
        values.type, len(sizes), [None, pa.py_buffer(lists)], children=[child]
    )


def _word_lists(values: Arr) -> bool:
    """Whether ``values`` is one list array of words numbered in ``int32``, none null.

    No null list nor null number: the rows' reasons, as a Parquet writer takes them.
    """
    return (
        isinstance(values, pa.ListArray)
        and pa.types.is_dictionary(values.type.value_type)
        and values.type.value_type.index_type == pa.int32()
        and not values.type.value_type.ordered
        and not values.null_count
        and not values.values.null_count
    )


def _spread_word_lists(values: Arr, groups: Arr, take: Callable[[Arr, Arr], Arr]) -> Arr:
    """``pc.take(values, groups)`` of a list of words, by one take of bytes.

    Each distinct row's word numbers are one run of bytes in the numbers' buffer: taken
    as binary values, they give every row's numbers back to back, and their offsets
    (divided by 4) the lists'. The same lists as ``take`` (the same words, numbered
    alike) for 0.4 of its time: the reasons of the bench's 400,000 rows built for the
    Parquet writer in 3.0 ms against 6.8 (speed52b). Short lists, and more numbers than
    32-bit offsets address in bytes, are left to ``take``.
    """
    lists = _offsets(values)
    words = values.values
    first, count = int(lists[0]), int(lists[-1] - lists[0])
    if count < len(values) or 4 * count > _MOST_TEXT:
        return take(values, groups)
    numbers = words.indices
    at = (numbers.offset + first) * 4  # this array's first number, in bytes
    rows = _binary((lists - first) * 4, numbers.buffers()[1].slice(at, 4 * count))
    try:
        taken = take(rows, groups)
    except (pa.ArrowInvalid, pa.ArrowCapacityError):  # more than 32-bit offsets address
        return pc.take(values, groups)
    bounds = _offsets(taken)
    start, size = int(bounds[0]), int(bounds[-1] - bounds[0])
    mine = pa.Array.from_buffers(
        pa.int32(), size // 4, [None, taken.buffers()[2].slice(start, size)]
    )
    child = _pc.words_of(mine, words.dictionary)  # numbers of its own words
    offsets = (bounds - start) // 4
    return pa.Array.from_buffers(
        values.type, len(taken), [None, pa.py_buffer(offsets)], children=[child]
    )


def _offsets(values: Arr) -> Any:
    """The offsets of a text, binary or list array (numpy ``int32``, its own rows only)."""
    whole = np.frombuffer(values.buffers()[1], np.int32)
    return whole[values.offset : values.offset + len(values) + 1]


def _binary(offsets: Any, data: Any) -> Arr:
    """A binary array of ``offsets`` (numpy ``int32``) into the buffer ``data``."""
    return pa.Array.from_buffers(pa.binary(), len(offsets) - 1, [None, pa.py_buffer(offsets), data])


def spread_all(out: dict[str, Arr], groups: Arr, encode: bool) -> dict[str, Arr]:
    """:func:`spread` of every column.

    Word columns that number the groups alike (the same word numbers, perhaps other words)
    share one take over the rows; spelt out (not ``encode``), columns with the same words
    too share one text column, and a column of one word is that word repeated.

    Example:
        >>> yes_no = pa.array(["yes", "no"]).dictionary_encode()
        >>> spread_all({"v": yes_no}, pa.array([1, 0, 1]), True)["v"].to_pylist()
        ['no', 'yes', 'no']
        >>> out = spread_all({"v": yes_no, "w": yes_no}, pa.array([1, 0]), False)
        >>> out["v"].to_pylist(), out["w"] is out["v"]
        (['no', 'yes'], True)
    """
    shared: list[tuple[Arr, Arr]] = []  # word numbers taken once per numbering
    spelt: list[tuple[Arr, Arr, Arr]] = []
    result = {}
    for size in {len(values) for values in out.values()}:  # one: the same distinct rows
        _pc.check_within(groups, size)  # every index checked once, not in each take
    for name, values in out.items():
        if not pa.types.is_dictionary(values.type):
            result[name] = spread(values, groups, checked=True)
            continue
        rows = next((r for at, r in shared if at.equals(values.indices)), None)
        if rows is None:
            rows = _pc.take_in_bounds(values.indices, groups)
            shared.append((values.indices, rows))
        words = _pc.words_of(rows, values.dictionary)  # its own indices: within it
        if encode:
            result[name] = words
            continue
        text = next((t for at, d, t in spelt if at is rows and d.equals(values.dictionary)), None)
        if text is None:
            text = _spelt(words)
            spelt.append((rows, values.dictionary, text))
        result[name] = text
    return result


def _spelt(words: Arr) -> Arr:
    """A dictionary column as text; one word without nulls is that word repeated.

    Example:
        >>> _spelt(pa.DictionaryArray.from_arrays([0, 0], ["yes"])).to_pylist()
        ['yes', 'yes']
    """
    n = len(words)
    if len(words.dictionary) != 1 or words.null_count or words.dictionary.null_count:
        return _pc.cast(words, pa.string())
    word = words.dictionary[0].as_py().encode()
    if len(word) * n > _MOST_TEXT:
        return _pc.cast(words, pa.string())
    offsets = np.arange(n + 1, dtype=np.int32) * np.int32(len(word))  # fits: checked
    return pa.Array.from_buffers(
        pa.string(), n, [None, pa.py_buffer(offsets), pa.py_buffer(word * n)]
    )


def spread_problems(found: list[Problem], groups: Arr, sink: list[Problem]) -> None:
    """The problems of the distinct rows, given to every row of their group (1-based).

    Example:
        >>> sink = []
        >>> spread_problems([Problem(row=1, field="date")], pa.array([0, 1, 0], pa.int32()), sink)
        >>> [p.row for p in sink]
        [1, 3]
    """
    by_group: dict[int, list[Problem]] = {}
    for p in found:
        by_group.setdefault((p.row or 0) - 1, []).append(p)
    wanted = pa.array(sorted(by_group), pa.int32())
    rows = pc.indices_nonzero(pc.is_in(groups, value_set=wanted)).to_pylist()
    for r, g in zip(
        rows, pc.take(groups, _arrays.array(rows, pa.int64())).to_pylist(), strict=True
    ):
        sink.extend(attrs.evolve(p, row=r + 1) for p in by_group[g])
