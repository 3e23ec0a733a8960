"""The columnar engine's input: checked, normalised columns and the contradictions among them.

Example:
    >>> import pyarrow as pa
    >>> cols, facts, codes = prepare(pa.table({"offence_code": ["8n", None]}), None)
    >>> cols["offence_code"].to_pylist(), facts["injury"].to_pylist()
    (['8N', None], [True, None])
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Callable
from functools import partial
from typing import Any

import numpy as np  # a dependency of pyarrow
import pyarrow as _pa

from svduty import _arrays
from svduty import _compute as _pc
from svduty._blank import blank_cells
from svduty._days import NO_DAY, dates_in_england, no_day
from svduty.areas import LOCAL_GOVERNMENT_AREA_PREFIXES
from svduty.definitions._bits import bools_at
from svduty.definitions._column_conflicts import table_conflicts
from svduty.definitions._field_words import (
    CATEGORY,
    CODE,
    GSS,
    LIST,
    YES_NO,
    found,
    in_list,
    one_of,
)
from svduty.definitions._incident import FLAGS, Incident
from svduty.definitions._offences import (
    FACT_NAMES,
    OFFENCES,
    POLICE_UK_CATEGORIES,
    normalise_offence_code,
)
from svduty.definitions._pilot import OWHR_PILOT_AS_MADE, OwhrPilot
from svduty.definitions._places import ResolveDistrict, district_of
from svduty.definitions._spelling import (
    AGE_RANGE,
    WHOLE,
    age_text,
    ages_column,
    code_text,
    lists_column,
    word,
    words_column,
)
from svduty.definitions._spelling import unique_map as _unique_map
from svduty.definitions._vocab import WORD_FIELDS, Behaviour, Context, Harm, OtherReview
from svduty.errors import DATA_SHAPE, DataError, Problem, describe, shown

# The pyarrow stubs cannot type Kleene (null-as-undetermined) code; arrays are Any here.
pa: Any = _pa
pc: Any = _pc
Arr = Any

__all__ = ["INPUT_COLUMNS", "prepare"]

_PREFIXES = _pa.array(sorted(LOCAL_GOVERNMENT_AREA_PREFIXES), _pa.string())

_LISTS: dict[str, type[enum.Enum]] = {
    "behaviours": Behaviour,
    "harms": Harm,
    "context": Context,
    "other_reviews": OtherReview,
}
_WORDS: dict[str, type[enum.Enum]] = dict(WORD_FIELDS)
_OFFENCE_CODES = tuple(OFFENCES.by_code)
INPUT_COLUMNS: tuple[str, ...] = (
    *_LISTS,
    *_WORDS,
    "victim_age",
    "perpetrator_age",
    "intentional",
    "died",
    "offence_code",
    "police_uk_category",
    "date",
    "location",
    "place_of_death",
    "review_information",
    "pilot_partner",
    "date_of_death",
    "made_or_adapted",
    "schedule_3_offence",
    "same_household",
    "victim_age_at_death",
    "intended_for_injury",
    "care_and_support_needs",
    "aware_before_pilot_end",
    "body_located",
    "identity_recorded",
    "dsi_matter",
)
"""The input columns the rules read (through :func:`prepare`); the others pass through."""


def _rows(
    sink: list[Problem] | None,
    mask: Arr,
    field: str,
    expected: str | Callable[[int], str],
    got: Callable[[int], object],
) -> None:
    """Report the rows where ``mask`` holds: raise (at most ten named), or collect all."""
    bad = pc.indices_nonzero(pc.fill_null(mask, False)).to_pylist()

    def problem(i: int) -> Problem:
        said = expected if isinstance(expected, str) else expected(i)
        return Problem(row=i + 1, field=field, expected=said, got=got(i))

    if sink is not None:
        sink.extend(problem(i) for i in bad)
    elif bad:
        raise DataError(
            [problem(i) for i in bad[:10]],
            context=f"{len(bad)} row(s) with a bad {field}" if len(bad) > 10 else None,
        )


def prepare(
    table: Any,
    resolve_district: ResolveDistrict | None,
    sink: list[Problem] | None = None,
    pilot: OwhrPilot = OWHR_PILOT_AS_MADE,
) -> tuple[dict[str, Arr], dict[str, Arr], Arr]:
    """The checked columns, what the codes prove (fact -> array) and the code indices.

    Bad values and contradictions raise (naming rows and fields), or go to ``sink``.

    Example:
        >>> import pyarrow as pa
        >>> cols, facts, codes = prepare(pa.table({"offence_code": ["4/1"]}), None)
        >>> cols["offence_code"].to_pylist(), facts["death"].to_pylist()
        (['4.1'], [True])
    """
    n = table.num_rows
    names = set(table.column_names)
    cols: dict[str, Arr] = {}

    def get(name: str) -> Arr:
        col = _arrays.one_array(table.column(name))  # a null word: chunks decoded
        if pa.types.is_dictionary(col.type):
            col = _pc.dictionary_decode(col)
        if pa.types.is_string(col.type) or pa.types.is_large_string(col.type):
            # blank text (spaces, invisible characters) is an absent value, as in the
            # scalar engine (svduty._blank)
            col = pc.if_else(blank_cells(col), pa.scalar(None, col.type), col)
        return col

    for name, cls in _LISTS.items():  # words in any case and spacing, as Incident reads them
        if name not in names:
            continue
        try:
            col = _pc.cast(_arrays.plain_lists(get(name)), pa.list_(pa.string()))
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError, pa.ArrowTypeError):
            raise DataError.single(None, name, expected=LIST) from None
        given = col
        col, bad = lists_column(col, cls)
        _rows(
            sink, bad, name, partial(_list_expected, given, cls), partial(_unknown_word, given, cls)
        )
        cols[name] = col
    for name, cls in _WORDS.items():
        if name not in names:
            continue
        raw = _text(get(name), name, one_of(cls))
        col, bad = words_column(raw, cls)
        _rows(sink, bad, name, one_of(cls), partial(_described, raw))  # never shown: a name?
        cols[name] = col
    for name in ("victim_age", "perpetrator_age", "victim_age_at_death"):
        if name not in names:
            continue
        col, fractional, outside, given = ages_column(get(name), name)
        _rows(sink, fractional, name, WHOLE, lambda i: None)
        _rows(sink, outside, name, AGE_RANGE, partial(_number, given))
        cols[name] = col
    for name in FLAGS:
        if name in names:
            col = get(name)
            if not (pa.types.is_boolean(col.type) or pa.types.is_null(col.type)):
                raise DataError.single(None, name, expected=YES_NO)
            cols[name] = _pc.cast(col, pa.bool_())
    code_idx = pa.nulls(n, pa.int32())
    if "offence_code" in names:
        raw, odd = code_text(get("offence_code"))
        norm = _unique_map(raw, _try_code, pa.string(), _known_codes())
        bad = pc.or_kleene(odd, pc.and_(pc.is_valid(raw), pc.equal(norm, "!")))
        _rows(
            sink,
            bad,
            "offence_code",
            CODE,
            partial(_short, raw),
        )
        cols["offence_code"] = norm
        code_idx = pc.index_in(norm, value_set=pa.array(_OFFENCE_CODES))
    cat_idx = pa.nulls(n, pa.int32())
    if "police_uk_category" in names:
        raw = _text(get("police_uk_category"), "police_uk_category", CATEGORY)
        idx = _unique_map(raw, _category, pa.int32(), _known_categories())
        _rows(
            sink,
            pc.equal(idx, -1),
            "police_uk_category",
            CATEGORY,
            partial(_described, raw),
        )
        cat_idx = pc.if_else(pc.equal(idx, -1), pa.scalar(None, pa.int32()), idx)
        cols["police_uk_category"] = pc.take(
            pa.array([c.name for c in POLICE_UK_CATEGORIES]), cat_idx
        )
    for name, days in (("date", ""), ("date_of_death", "death_")):
        if name not in names:
            continue
        raw = get(name)
        if pa.types.is_string(raw.type) or pa.types.is_large_string(raw.type):
            first, last = _days(raw)
            _rows(
                sink,
                pc.and_(pc.is_valid(raw), pc.is_null(first)),
                name,
                "a date YYYY-MM-DD or a month YYYY-MM",
                partial(_short, raw) if name == "date" else partial(_described, raw),
            )
        else:
            try:
                first = last = dates_in_england(raw)  # a zoned time: its day in England
            except (pa.ArrowInvalid, pa.ArrowNotImplementedError, pa.ArrowTypeError):
                expected = "dates, or text: a date YYYY-MM-DD or a month YYYY-MM"
                raise DataError.single(None, name, expected=expected) from None
            far = no_day(first)  # year 0 or 10000 in England: Incident refuses it
            _rows(sink, far, name, NO_DAY, lambda i: None)
            first = last = pc.if_else(pc.fill_null(far, False), pa.scalar(None, first.type), first)
        cols[name], cols[f"{days}first_day"], cols[f"{days}last_day"] = raw, first, last
    for name, district in (("location", "district"), ("place_of_death", "death_district")):
        if name not in names:
            continue
        raw = _text(get(name), name, GSS)
        norm = pc.utf8_upper(pc.utf8_trim_whitespace(raw))
        ok = pc.match_substring_regex(norm, r"^[EWSN]\d{8}$")
        _rows(sink, pc.invert(ok), name, GSS, partial(_short, raw))
        norm = pc.if_else(pc.fill_null(ok, False), norm, pa.scalar(None, pa.string()))
        cols[name] = norm
        cols[district] = _districts(norm, resolve_district)
    # one number per (code, category) pair: each fact is one look-up in its pair table
    codes, kinds = len(_OFFENCE_CODES), len(POLICE_UK_CATEGORIES)
    pair = pc.add(
        pc.multiply(pc.cast(pc.fill_null(code_idx, codes), pa.int32()), kinds + 1),
        pc.cast(pc.fill_null(cat_idx, kinds), pa.int32()),
    )
    facts: dict[str, Arr] = bools_at(_fact_tables(), pair)  # (a fact no row's pair has: null)
    facts["known_code"] = pc.if_else(pc.is_valid(code_idx), True, pa.scalar(None, pa.bool_()))
    table_conflicts(cols, facts, (code_idx, cat_idx), sink=sink, pilot=pilot)
    return cols, facts, code_idx


def _text(col: Arr, name: str, expected: str) -> Arr:
    """``col`` as text, or :class:`DataError` (no row) when its type cannot be text."""
    try:
        return _pc.cast(col, pa.string())
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError, pa.ArrowTypeError):
        raise DataError.single(None, name, expected=expected) from None


def _short(col: Arr, i: int) -> object:
    """A bad code's text, shown only in a code's shape (:data:`~svduty.errors.DATA_SHAPE`)."""
    v = col[i].as_py()
    return shown(v, shape=DATA_SHAPE) if isinstance(v, str) else None


def _described(col: Arr, i: int) -> object:
    """A bad value, described, never shown (a month of a death is the person's)."""
    v = col[i].as_py()
    return describe(v) if isinstance(v, str) else None


def _list_expected(col: Arr, cls: type[enum.Enum], i: int) -> str:
    """What a bad list row expected: words (a null item: not a word at all) or ``cls``'s."""
    return LIST if None in (col[i].as_py() or []) else one_of(cls)


def _unknown_word(col: Arr, cls: type[enum.Enum], i: int) -> object:
    """A list's first word not of ``cls``, described, never shown (as Incident says it).

    A list holding a null item is "a list holding nothing", whatever its words, as
    :class:`~svduty.definitions.Incident` says a JSON ``null`` in it (hostile53).
    """
    words = col[i].as_py() or []
    if None in words:
        return in_list(words)
    return next((found(w) for w in words if w is not None and word(cls, w) is None), None)


def _number(col: Arr, i: int) -> object:
    """An age out of range, described, never shown (131 may be a mistyped 31)."""
    v = age_text(col[i].as_py())
    return None if v is None else describe(v)


def _try_code(v: str) -> str:
    try:
        return normalise_offence_code(v)
    except DataError:
        return "!"


@functools.cache
def _fact_tables() -> dict[str, Arr]:
    """Fact -> its value for each (offence code, category) pair, the code's first.

    Pair ``code * (categories + 1) + category``; the last code and the last category
    stand for none given.
    """
    tables = {}
    for k in FACT_NAMES:
        by_code = [*(OFFENCES.by_code[c].facts[k] for c in _OFFENCE_CODES), None]
        by_cat = [*(c.facts[k] for c in POLICE_UK_CATEGORIES), None]
        pairs = [a if a is not None else b for a in by_code for b in by_cat]
        tables[k] = pa.array(pairs, pa.bool_())
    return tables


@functools.cache
def _known_codes() -> tuple[Arr, Arr]:
    """The table's offence codes that are their own normal form (the usual spelling)."""
    codes = pa.array([c for c in _OFFENCE_CODES if _try_code(c) == c], pa.string())
    return codes, codes


def _category(v: str) -> int:
    return POLICE_UK_CATEGORIES.keys().get(v.strip().lower(), -1)


def category_names(col: Arr) -> Arr:
    """Each police.uk crime type by its published name (``Incident`` reads it so).

    A name in any case, or the police.uk API slug, is the crime type's name; text no crime
    type has (refused by the classifier) and a column that is not text are as given. Counts
    by crime type so count one crime type once, however it was spelt.

    Example:
        >>> category_names(pa.array(["violent-crime", " burglary", "Nonsense", None])).to_pylist()
        ['Violence and sexual offences', 'Burglary', 'Nonsense', None]
    """
    try:
        text = _pc.cast(col, pa.string())
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError, pa.ArrowTypeError):
        return col
    spelt = pc.sum(pc.is_in(text, value_set=_known_categories()[0])).as_py() or 0
    if spelt == len(text) - text.null_count:  # every name as police.uk spells it (speed54d)
        return text  # (the usual file: one look-up, not four passes of the rows' text)
    idx = _unique_map(text, _category, pa.int32(), _known_categories())
    known = pc.if_else(pc.equal(idx, -1), pa.scalar(None, pa.int32()), idx)
    return pc.coalesce(pc.take(_known_categories()[0], known), text)


@functools.cache
def _known_categories() -> tuple[Arr, Arr]:
    """The police.uk crime types as police.uk spells them, and their numbers."""
    names = [c.name for c in POLICE_UK_CATEGORIES]
    return pa.array(names, pa.string()), pa.array([_category(v) for v in names], pa.int32())


_DAY = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
_MONTH = r"^[0-9]{4}-[0-9]{2}$"


def _days(raw: Arr) -> tuple[Arr, Arr]:
    """:func:`_days_of` each distinct value once, when values repeat (dates of a few months)."""
    raw = _pc.cast(raw, pa.string())
    enc = pc.dictionary_encode(raw)
    if len(enc.dictionary) * 4 > len(raw):
        return _days_of(raw)
    first, last = _days_of(enc.dictionary)
    return pc.take(first, enc.indices), pc.take(last, enc.indices)


def _days_of(raw: Arr) -> tuple[Arr, Arr]:
    """The first and last day of each date (``YYYY-MM-DD``) or month (``YYYY-MM``).

    Column-wise for those spellings in ASCII digits (a day must exist in its month, a
    month be 01 to 12); year 0 and any other spelling are read one distinct value at a
    time, as :class:`Incident` reads them. Null where the value is not a date.
    """
    raw = _pc.cast(raw, pa.string())
    day = pc.fill_null(pc.match_substring_regex(raw, _DAY), False)
    month = pc.fill_null(pc.match_substring_regex(raw, _MONTH), False)
    fast = pc.and_(pc.or_(day, month), pc.invert(pc.fill_null(pc.starts_with(raw, "0000"), True)))
    text = pc.if_else(fast, raw, pa.scalar(None, pa.string()))

    def part(of: Arr, start: int, stop: int) -> Any:
        number = pc.cast(pc.utf8_slice_codeunits(of, start, stop), pa.int64())
        return pc.fill_null(number, 1).to_numpy()

    y, m = part(text, 0, 4), part(text, 5, 7)
    d = part(pc.if_else(day, text, pa.scalar(None, pa.string())), 8, 10)
    months = ((y - 1970) * 12 + np.clip(m, 1, 12) - 1).astype("datetime64[M]")
    start_day = months.astype("datetime64[D]")
    end_day = (months + 1).astype("datetime64[D]") - 1
    length = (end_day - start_day).astype(np.int64) + 1
    ok = fast.to_numpy(zero_copy_only=False) & (m >= 1) & (m <= 12) & (d >= 1) & (d <= length)
    first_day = (start_day + (d - 1)).astype(np.int32)
    last_day = np.where(month.to_numpy(zero_copy_only=False), end_day.astype(np.int32), first_day)
    first = _pc.cast(_arrays.array(first_day, pa.int32(), mask=~ok), pa.date32())
    last = _pc.cast(_arrays.array(last_day, pa.int32(), mask=~ok), pa.date32())
    slow = pc.and_(pc.is_valid(raw), pc.invert(fast))
    if pc.any(slow).as_py():  # other spellings, year 0: as an Incident reads them
        other = pc.filter(raw, slow)
        first = pc.replace_with_mask(first, slow, _unique_map(other, _first_day, pa.date32()))
        last = pc.replace_with_mask(last, slow, _unique_map(other, _last_day, pa.date32()))
    return first, last


def _first_day(v: str) -> Any:
    return _try_days(v)[0]


def _last_day(v: str) -> Any:
    return _try_days(v)[1]


def _districts(codes: Arr, resolve_district: ResolveDistrict | None) -> Arr:
    """:func:`district_of` of each GSS code: a district itself, else resolved.

    A resolver that is the bound ``district_code_of`` of an object with
    ``district_codes_of`` (a :class:`~svduty.areas.Geography`) is asked column-wise.
    """
    own = pc.is_in(pc.utf8_slice_codeunits(codes, 0, 3), value_set=_PREFIXES)
    owner = getattr(resolve_district, "__self__", None)
    many = getattr(owner, "district_codes_of", None)
    if getattr(resolve_district, "__name__", None) != "district_code_of" or many is None:
        return _unique_map(codes, lambda v: district_of(v, resolve_district), pa.string())
    others = pc.if_else(own, pa.scalar(None, pa.string()), codes)
    return pc.if_else(own, codes, many(others))


def _try_days(v: str) -> tuple[Any, Any]:
    try:
        return Incident(date=v).days()
    except DataError:
        return None, None
