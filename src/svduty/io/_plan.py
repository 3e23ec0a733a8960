"""A police.uk plan: the rules' answers to every police.uk row, worked out before the rows.

A police.uk row tells the rules three facts: its crime type (``police_uk_category``), its
month (``date``) and its place (``location``, a district code). The rules compare a month
only with the dates they hold (the offensive weapons homicide review pilot's period, its
doubtful end) and a place only with the sets of districts they hold (the pilot's areas).
So every month between two such dates gets the same answers, and so does every district
code of one prefix in the same sets. :func:`svduty.definitions._plan.police_plan`
evaluates the rules once for each (crime type, month class, place class), with two
representatives of each class checked against each other, and keeps the answers here.

A plan holds only Arrow arrays and plain values: reading it back from the command's cache
imports no rule engine, and answering a batch from it is a look-up per distinct
combination. A row the plan does not cover (a crime type not spelt as police.uk spells
it, a month outside :data:`FIRST_MONTH` to :data:`LAST_MONTH` or not written ``YYYY-MM``,
a place that is not a district code) sends the whole batch to the rule engine, which
answers as it always did: the plan is an answer the engine gave, remembered, never a
second set of rules.

Example:
    >>> import pyarrow as pa
    >>> plan = PolicePlan(
    ...     definition="d", categories=("Robbery", None), starts=(),
    ...     places={}, prefixes={"E07": 0}, nowhere=1, n_places=2,
    ...     verdicts=pa.table({"violence": ["yes", "yes", "undetermined", "undetermined"]}),
    ...     words=frozenset({"violence"}))
    >>> rows = pa.table({"police_uk_category": ["Robbery", None], "date": ["2025-06"] * 2,
    ...                  "location": ["E07000222", None]})
    >>> plan.answer(rows)["violence"].to_pylist()
    ['yes', 'undetermined']
    >>> plan.answer(rows.set_column(0, "police_uk_category", pa.array(["robbery", None])))
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Collection, Mapping
from typing import Any

import attrs
import numpy as np  # a dependency of pyarrow
import pyarrow as pa

from svduty import _arrays
from svduty import _compute as _pc
from svduty._ids import is_gss_code
from svduty.definitions._distinct import spread_all
from svduty.io._plan_classes import _combined

__all__ = ["FIRST_MONTH", "LAST_MONTH", "PLAN_COLUMNS", "PolicePlan", "month_number"]

pc: Any = _pc

PLAN_COLUMNS = ("police_uk_category", "date", "location")
"""The columns a plan reads (any other input column sends the batch to the engine)."""

FIRST_MONTH = 2000 * 12
"""The first month a plan covers (January 2000, as :func:`month_number` numbers it)."""

LAST_MONTH = 2099 * 12 + 11
"""The last month a plan covers (December 2099)."""

_MONTH = re.compile(r"[0-9]{4}-(0[1-9]|1[0-2])\Z")  # ASCII digits, as the engine reads them


def month_number(text: str) -> int | None:
    """A ``YYYY-MM`` month as a number (``year * 12 + month - 1``); ``None`` otherwise.

    Example:
        >>> month_number("2023-04"), month_number("2023-4"), month_number("٢٠٢٣-04")
        (24279, None, None)
    """
    if not _MONTH.match(text):
        return None
    return int(text[:4]) * 12 + int(text[5:]) - 1


@attrs.frozen(slots=True, eq=False)
class PolicePlan:
    """The answers of one definition to every police.uk row, by crime type, month and place.

    Compared by identity: a plan is a cache of the engine's answers, not a value.

    Attributes:
        definition: The id of the definition the answers are of.
        categories: The crime types, as police.uk spells them; ``None`` for a row with none.
        starts: The month numbers (:func:`month_number`) where a month class begins: a
            month's class is how many of them are at or before it.
        places: District code -> place class, for every code the rules name.
        prefixes: Code prefix (``E07``) -> the place class of a district code of that
            prefix that the rules do not name.
        nowhere: The place class of a row without a location.
        n_places: How many place classes there are.
        verdicts: The answers: row ``(category * months + month) * n_places + place``;
            word columns as text.
        words: The columns given back dictionary-encoded (the answers and ``basis``).
        inputs: The input columns of the rules (any but :data:`PLAN_COLUMNS`, in a batch,
            sends it to the engine).
        missing: Each answer's missing facts, by plan row as ``verdicts`` (one text:
            ``"a, b"``, null where the answer is determined); ``None``: not planned. A
            plan read back from the cache holds them as pickled (each text column
            dictionary-encoded) and gives them as text only when asked: answering and
            counting read the encoded columns, a run with no rows never decodes them.
    """

    definition: str
    categories: tuple[str | None, ...]
    starts: tuple[int, ...]
    places: Mapping[str, int]
    prefixes: Mapping[str, int]
    nowhere: int
    n_places: int
    verdicts: pa.Table
    words: frozenset[str]
    inputs: frozenset[str] = frozenset(PLAN_COLUMNS)
    _missing: pa.Table | _Packed | None = attrs.field(default=None, alias="missing")
    """``missing`` as given, or as pickled (:class:`_Packed`, decoded when first asked)."""
    _memo: dict[str, Any] = attrs.field(init=False, factory=dict, repr=False)
    """Worked out once a process (never pickled): ``missing``'s columns dictionary-encoded,
    ``missing`` decoded, and the last answer given (:meth:`answer`) with its rows' plan rows."""

    @property
    def missing(self) -> pa.Table | None:
        """Each answer's missing facts, by plan row (see the class's attributes).

        Example:
            >>> import pickle
            >>> plan = PolicePlan("d", (), (), {}, {}, 0, 1, pa.table({}), frozenset(),
            ...     missing=pa.table({"violence": ["a, b", None]}))
            >>> pickle.loads(pickle.dumps(plan)).missing["violence"].to_pylist()
            ['a, b', None]
        """
        held = self._missing
        if not isinstance(held, _Packed):
            return held
        table = self._memo.get("missing")
        if table is None:  # (two threads may both decode it: the same table either way)
            table = self._memo["missing"] = held.table()
        return table

    def __getstate__(self) -> dict[str, Any]:
        """The fields, each text column of ``missing`` kept as its few texts and numbers.

        The command's cache pickles a plan and reads it back at every start-up: one text
        a plan row and answer (``missing`` alone was 3.7 MB of 4.7) is read, copied and
        paged in each time. The tables read back are the same (:meth:`__setstate__`).

        Example:
            >>> import pickle
            >>> plan = PolicePlan("d", (), (), {}, {}, 0, 1, pa.table({}), frozenset(),
            ...     missing=pa.table({"violence": ["a, b", None] * 1000}))
            >>> len(pickle.dumps(plan)) < 16_000
            True
            >>> pickle.loads(pickle.dumps(plan)).missing.equals(plan.missing)
            True
        """
        state = {f.name: getattr(self, f.name) for f in attrs.fields(PolicePlan) if f.init}
        if isinstance(state["_missing"], pa.Table):
            state["_missing"] = _packed(state["_missing"])
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        for name, value in state.items():  # (``missing`` kept packed: :attr:`missing`)
            object.__setattr__(self, name, value)
        object.__setattr__(self, "_memo", {})  # (a state of before may hold one: not kept)

    @property
    def n_months(self) -> int:
        """How many month classes there are.

        Example:
            >>> PolicePlan("d", (), (10, 11), {}, {}, 0, 1, pa.table({}), frozenset()).n_months
            3
        """
        return len(self.starts) + 1

    def month_class(self, text: str | None) -> int:
        """The class of a ``YYYY-MM`` month (-1: not covered).

        Example:
            >>> plan = PolicePlan("d", (), (24279,), {}, {}, 0, 1, pa.table({}), frozenset())
            >>> plan.month_class("2023-03"), plan.month_class("2023-04"), plan.month_class("")
            (0, 1, -1)
        """
        k = month_number(text) if text is not None else None
        if k is None or not FIRST_MONTH <= k <= LAST_MONTH:
            return -1
        return bisect.bisect_right(self.starts, k)

    def place_class(self, code: str | None) -> int:
        """The class of a location (-1: not a district code the plan can place).

        Example:
            >>> plan = PolicePlan("d", (), (), {"E08000025": 0}, {"E07": 1}, 2, 3,
            ...                   pa.table({}), frozenset())
            >>> [plan.place_class(c) for c in ("E08000025", "E07000222", None, "E01031000")]
            [0, 1, 2, -1]
        """
        if code is None:
            return self.nowhere
        found = self.places.get(code)
        if found is not None:
            return found
        if is_gss_code(code):
            return self.prefixes.get(code[:3], -1)
        return -1

    def answer(self, table: pa.Table, lists: Collection[str] = ()) -> dict[str, Any] | None:
        """The verdict columns of every row of ``table``; ``None`` if a row is not covered.

        The columns are what the engine gives (``classify_split`` with ``encode=True``):
        word columns dictionary-encoded, their words in order of first appearance. The
        columns named in ``lists`` (``reasons``, ``kinds``) come as words too: each
        distinct answer's list once, the rows numbering them, not a list spelt out for
        every row (what a summary, which only counts, asks: ``svduty.io._run``).

        Example:
            >>> plan = PolicePlan("d", ("Drugs",), (), {}, {"E07": 0}, 1, 2,
            ...     pa.table({"basis": ["category", "category"]}), frozenset({"basis"}))
            >>> plan.answer(pa.table({"police_uk_category": ["Drugs"], "date": ["2019-01"],
            ...     "location": ["E07000218"]}))["basis"].type
            DictionaryType(dictionary<values=string, indices=int32, ordered=0>)
        """
        keys = self._keys(table)
        if keys is None:
            return None
        # in order of first appearance; plan rows number them (directly: no hash, speed52a)
        groups, first = _arrays._numbered(keys, self.verdicts.num_rows)
        rows = _arrays.array(keys[first])
        out = {}
        for name in self.verdicts.column_names:
            values = pc.take(_arrays.one_array(self.verdicts.column(name)), rows)
            if name in self.words:
                values = pc.dictionary_encode(values)
            elif name in lists:  # each distinct answer's once (a list may repeat)
                values = pc.words_of(_arrays.array(np.arange(len(rows), dtype=np.int32)), values)
            out[name] = values
        answers: dict[str, Any] = spread_all(out, _arrays.array(groups), True)
        self._memo["answered"] = (answers, keys)  # for :meth:`missing_of` of the same rows
        return answers

    def missing_of(
        self, table: pa.Table, answered: pa.Table | None = None
    ) -> dict[str, Any] | None:
        """Each answer's missing facts for every row of ``table`` (see ``missing``).

        ``None`` if a row is not covered, or the plan holds no missing facts. Each column
        is dictionary-encoded, its words the column's few texts: the rows' texts are not
        copied, and counting them reads a few words, not one a row. ``answered``: the same
        rows with their answers; when those are the very arrays the last :meth:`answer`
        gave, the rows' plan rows it found are taken, not found again (a summary's rows
        are answered, then their missing facts counted: the second of two look-ups).

        Example:
            >>> plan = PolicePlan("d", ("Drugs",), (), {}, {"E07": 0}, 1, 2, pa.table({}),
            ...     frozenset(), missing=pa.table({"violence": ["died", None]}))
            >>> plan.missing_of(pa.table({"police_uk_category": ["Drugs"],
            ...     "date": ["2019-01"], "location": [None]}))["violence"].to_pylist()
            [None]
        """
        if self._missing is None:
            return None
        keys = self._answered_keys(answered) if answered is not None else None
        keys = self._keys(table) if keys is None else keys
        if keys is None:
            return None
        at = _arrays.array(keys)
        out = {}
        for name in self._missing_names():  # a few texts a column: rows number them
            words = self._missing_words(name)
            out[name] = pc.words_of(pc.take(words.indices, at), words.dictionary)
        return out

    def missing_counts(self, answered: pa.Table, weights: Any = None) -> dict[str, Any] | None:
        """:meth:`missing_of` of the rows last answered, counted: each text's rows.

        For each column of ``missing``, its texts (in its words' order) with the rows of
        ``answered`` that have them, each row standing for its ``weights`` (one each when
        ``None``): what ``svduty.io._arrays.value_sums`` counts of :meth:`missing_of`,
        counted by plan row (each plan row's rows added first), not row by row. ``None``
        unless ``answered`` holds the very answers :meth:`answer` last gave.

        Example:
            >>> plan = PolicePlan("d", ("Drugs",), (), {}, {"E07": 0}, 1, 2,
            ...     pa.table({"basis": ["category"] * 2}), frozenset({"basis"}),
            ...     missing=pa.table({"violence": ["died", None]}))
            >>> rows = pa.table({"police_uk_category": ["Drugs"] * 3, "date": ["2019-01"] * 3,
            ...     "location": [None, "E07000218", None]})
            >>> answers = pa.table(plan.answer(rows))
            >>> plan.missing_counts(answers, np.array([2, 5, 1]))
            {'violence': [('died', 5)]}
        """
        keys = self._answered_keys(answered) if self._missing is not None else None
        if keys is None:
            return None
        rows = _arrays.sums(keys, weights, self.verdicts.num_rows)  # each plan row's rows
        used = np.flatnonzero(rows)
        at = _arrays.array(used)
        out = {}
        for name in self._missing_names():
            words = self._missing_words(name)
            taken = pc.words_of(pc.take(words.indices, at), words.dictionary)
            out[name] = _arrays.value_sums(taken, rows[used])
        return out

    def _missing_names(self) -> list[str]:
        """The columns of ``missing`` (none decoded)."""
        held = self._missing
        table = held.packed if isinstance(held, _Packed) else held
        return [] if table is None else table.column_names

    def _missing_words(self, name: str) -> Any:
        """The column ``name`` of ``missing`` dictionary-encoded (once, not every batch).

        A plan read back from the cache holds its text columns so encoded already
        (:func:`_packed`): those are taken as they are, neither decoded nor encoded again.
        """
        key = f"words:{name}"
        words = self._memo.get(key)
        if words is None:
            held = self._missing
            assert held is not None  # (asked only of a plan that holds them)
            if isinstance(held, _Packed) and name in held.encoded:
                words = _arrays.one_array(held.packed.column(name))
            else:
                table = held.packed if isinstance(held, _Packed) else held  # (as given)
                words = pc.dictionary_encode(_arrays.one_array(table.column(name)))
            self._memo[key] = words
        return words

    def answered_rows(self, table: pa.Table) -> Any:
        """Each row's plan row (a row of ``verdicts``), if ``table`` holds the last answers.

        Only when ``table``'s columns hold the very arrays the last :meth:`answer` gave
        (whole, in place): then its rows are the rows answered, in order, and each row's
        answers are its plan row's. ``None`` otherwise (nothing is worked out here).

        Example:
            >>> plan = PolicePlan("d", ("Drugs",), (), {}, {"E07": 0}, 1, 2,
            ...     pa.table({"basis": ["category", "category"]}), frozenset({"basis"}))
            >>> rows = pa.table({"police_uk_category": ["Drugs"], "date": ["2019-01"],
            ...     "location": ["E07000218"]})
            >>> answers = pa.table(plan.answer(rows))
            >>> plan.answered_rows(answers).tolist(), plan.answered_rows(rows)
            ([0], None)
        """
        return self._answered_keys(table)

    def _answered_keys(self, table: pa.Table) -> Any:
        """The plan rows :meth:`answer` last found, if ``table`` holds its very answers.

        The answers' arrays (kept alive here, so no other array can take their memory)
        in ``table``, whole and in place, mean ``table``'s rows are the rows answered, in
        order; anything else (other rows, a slice, a copy) is ``None``: worked out again.
        """
        last = self._memo.get("answered")  # (one read: another thread may answer meanwhile)
        if last is None or len(last[1]) != table.num_rows:
            return None
        answers, keys = last
        for name, values in answers.items():
            if name not in table.schema.names:
                return None
            if _arrays_of(table.column(name)) != _arrays_of(values):
                return None
        return keys

    def _keys(self, table: pa.Table) -> Any:
        """Each row's plan row (numpy ``int64``); ``None`` if a row is not covered."""
        if not self.categories or any(
            n in self.inputs and n not in PLAN_COLUMNS for n in table.schema.names
        ):
            return None
        numbered = {c: i for i, c in enumerate(self.categories)}
        steps: tuple[tuple[str, Callable[[Any], int], int], ...] = (
            ("police_uk_category", lambda v: numbered.get(v, -1), self.n_months),
            ("date", self.month_class, self.n_places),
            ("location", self.place_class, 1),
        )
        return _combined(table, steps, table.num_rows)


def _arrays_of(values: Any) -> list[tuple[Any, ...]]:
    """Where an array's (or each chunk's) memory lies: type, offset, length, buffers."""
    chunks = values.chunks if isinstance(values, pa.ChunkedArray) else [values]
    found = []
    chunk: Any
    for chunk in chunks:
        parts = [chunk, chunk.dictionary] if pa.types.is_dictionary(chunk.type) else [chunk]
        buffers = [b.address if b is not None else None for p in parts for b in p.buffers()]
        found.append((chunk.type, chunk.offset, len(chunk), *buffers))
    return found


@attrs.frozen(slots=True)
class _Packed:
    """A table as pickled: its text columns dictionary-encoded, named to be decoded again.

    A plan's ``missing`` is pickled so (3.7 MB of texts, 0.1 MB packed). The answers' few
    text columns (0.4 MB) are kept as they are: decoding them costs more than reading them.

    Example:
        >>> t = pa.table({"a": ["x", "x", None], "n": [1, 2, 3]})
        >>> _packed(t).encoded, _packed(t).table().equals(t)
        (('a',), True)
    """

    packed: pa.Table
    encoded: tuple[str, ...]

    def table(self) -> pa.Table:
        """The table as it was given to :func:`_packed`."""
        return _retyped(self.packed, self.encoded, pc.dictionary_decode)


def _packed(table: pa.Table) -> _Packed:
    """``table`` with each text column (``string``) dictionary-encoded."""
    encoded = tuple(f.name for f in table.schema if pa.types.is_string(f.type))
    return _Packed(_retyped(table, encoded, pc.dictionary_encode), encoded)


def _retyped(table: pa.Table, names: tuple[str, ...], convert: Callable[[Any], Any]) -> pa.Table:
    """``table`` with the columns ``names`` converted (the fields' names, nulls, metadata kept)."""
    columns = [
        convert(_arrays.one_array(c)) if f.name in names else c
        for f, c in zip(table.schema, table.columns, strict=True)
    ]
    fields = [f.with_type(c.type) for f, c in zip(table.schema, columns, strict=True)]
    metadata: Any = table.schema.metadata
    return pa.Table.from_arrays(columns, schema=pa.schema(fields, metadata))
