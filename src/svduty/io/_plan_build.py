"""Building a police.uk plan: the rules partially evaluated over crime type, month and place.

The rule set (the definition's rules, the national ones and the pilot's) is walked for the
constants it compares a row with: every date, and every district code or set of district
codes. Months are classed by those dates (a month that holds one, or the day before one,
is a class of its own; the months between two such are one class), places by the sets
(and their code's prefix). The engine then answers two representatives of every class
(the first and last month of a month class, two districts of a place class) for every
crime type: a class whose representatives differ would mean the rules read something the
walk did not find, and no plan is made (the engine answers every row, as without one).

Example:
    >>> from svduty.definitions import STATUTE
    >>> plan = police_plan(STATUTE)
    >>> plan.definition, len(plan.categories) > 10, plan.n_months > 3
    ('pcsc-s13', True, True)
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Mapping
from typing import Any

import attrs
import pyarrow as pa

from svduty import _arrays
from svduty import _compute as pc
from svduty._ids import is_gss_code
from svduty.areas import LOCAL_GOVERNMENT_AREA_PREFIXES
from svduty.areas._national import district_partnerships
from svduty.definitions import OWHR_PILOT_AS_MADE, POLICE_UK_CATEGORIES, Definition, OwhrPilot
from svduty.definitions._classify import ruleset
from svduty.definitions._columnar import _WORD_COLUMNS, classify_split
from svduty.definitions._columns import INPUT_COLUMNS
from svduty.definitions._missing_columns import missing_columns, missing_keys
from svduty.io._plan import FIRST_MONTH, LAST_MONTH, PLAN_COLUMNS, PolicePlan, month_number

__all__ = ["police_plan"]

_Place = tuple[str, tuple[bool, ...]]


def police_plan(definition: Definition, pilot: OwhrPilot = OWHR_PILOT_AS_MADE) -> PolicePlan:
    """The police.uk plan of ``definition``: the engine's answers by class (see the module).

    A plan that answers nothing (no crime types) when the engine refuses a representative
    row or two representatives of a class are answered differently.

    Example:
        >>> import pyarrow as pa
        >>> from svduty.definitions import STATUTE, classify_split
        >>> rows = pa.table({"police_uk_category": ["Robbery", "Drugs"],
        ...     "date": ["2023-05", "2019-01"], "location": ["E08000025", None]})
        >>> got = police_plan(STATUTE).answer(rows)
        >>> engine = classify_split(rows, STATUTE, encode=True)[0]
        >>> all(got[k].equals(engine.column(k).combine_chunks()) for k in got)
        True
    """
    dates, named = _constants(ruleset(definition, pilot))
    starts = _starts(dates)
    places = _places(named)
    categories: tuple[str | None, ...] = (*(c.name for c in POLICE_UK_CATEGORIES), None)
    grid = [  # every crime type x every month representative x every place representative
        ((c, m, p), category, _month_text(month), code)
        for c, category in enumerate(categories)
        for m, months in enumerate(_months(starts))
        for month in months
        for p, codes in enumerate(places.values())
        for code in codes
    ]
    keys, cats, days, codes = zip(*grid, strict=True)
    rows = pa.table(
        {
            "police_uk_category": pa.array(cats, pa.string()),
            "date": pa.array(days, pa.string()),
            "location": pa.array(codes, pa.string()),
        }
    )
    empty = _plan(definition, (), starts, places, pa.table({}))
    out, problems = classify_split(rows, definition, pilot=pilot)
    if problems:
        return empty
    names = [n for n in out.column_names if n not in PLAN_COLUMNS]
    missing = missing_keys(missing_columns(rows, definition, pilot=pilot))
    columns = [*(out.column(n) for n in names), *missing.values()]  # the facts agree too
    values = list(zip(*(c.to_pylist() for c in columns), strict=True))
    chosen: dict[tuple[int, int, int], int] = {}
    for at, key in enumerate(keys):
        first = chosen.setdefault(key, at)
        if values[first] != values[at]:
            return empty  # the rules read more than the walk found: no plan
    order = [chosen[k] for k in sorted(chosen)]
    taken = pc.take(out.select(names), _arrays.array(order, pa.int64()))
    facts = pc.take(pa.table(missing), _arrays.array(order, pa.int64()))
    return attrs.evolve(_plan(definition, categories, starts, places, taken), missing=facts)


def _plan(
    definition: Definition,
    categories: tuple[str | None, ...],
    starts: tuple[int, ...],
    places: Mapping[_Place, list[str]],
    verdicts: pa.Table,
) -> PolicePlan:
    numbered = {key: i for i, key in enumerate(places)}
    named = {code: numbered[key] for key in places if any(key[1]) for code in places[key]}
    return PolicePlan(
        definition=definition.id,
        categories=categories,
        starts=starts,
        places=named,
        prefixes={key[0]: numbered[key] for key in places if key[0] and not any(key[1])},
        nowhere=numbered[("", ())],
        n_places=len(places),
        verdicts=verdicts,
        words=frozenset(_WORD_COLUMNS),
        inputs=frozenset(INPUT_COLUMNS),
    )


def _constants(root: object) -> tuple[set[dt.date], list[frozenset[str]]]:
    """Every date, and every district code set (a lone code: a set of one), ``root`` holds."""
    dates: set[dt.date] = set()
    sets: list[frozenset[str]] = []
    seen: set[int] = set()
    stack: list[Any] = [root]
    while stack:
        o = stack.pop()
        if id(o) in seen:
            continue
        seen.add(id(o))
        if isinstance(o, dt.datetime):
            dates.add(o.date())
        elif isinstance(o, dt.date):
            dates.add(o)
        elif isinstance(o, str):
            if _district(o):
                sets.append(frozenset((o,)))
        elif isinstance(o, (bytes, int, float, enum.Enum)) or o is None:
            continue
        elif isinstance(o, Mapping):
            stack.extend(o.keys())
            stack.extend(o.values())
        elif isinstance(o, (tuple, list, frozenset, set)):
            codes = frozenset(v for v in o if isinstance(v, str) and _district(v))
            if codes:
                sets.append(codes)
            stack.extend(v for v in o if not isinstance(v, str))  # its codes: a set, above
        elif attrs.has(type(o)):
            stack.extend(getattr(o, f.name) for f in attrs.fields(type(o)))
    return dates, list(dict.fromkeys(sets))


def _district(text: str) -> bool:
    return is_gss_code(text) and text[:3] in LOCAL_GOVERNMENT_AREA_PREFIXES


def _starts(dates: Iterable[dt.date]) -> tuple[int, ...]:
    """Where month classes begin: at a month holding a date or the day before one, and after it."""
    critical: set[int] = set()
    for d in dates:
        for day in (d, d - dt.timedelta(days=1)):
            critical.add(day.year * 12 + day.month - 1)
    edges = {k for c in critical for k in (c, c + 1)}
    return tuple(sorted(k for k in edges if FIRST_MONTH < k <= LAST_MONTH))


def _months(starts: tuple[int, ...]) -> list[list[int]]:
    """Each month class's representatives: its first and last month (one, if the same)."""
    lows = (FIRST_MONTH, *starts)
    highs = (*(s - 1 for s in starts), LAST_MONTH)
    return [sorted({lo, hi}) for lo, hi in zip(lows, highs, strict=True)]


def _month_text(k: int) -> str:
    text = f"{k // 12:04d}-{k % 12 + 1:02d}"
    assert month_number(text) == k
    return text


def _places(named: list[frozenset[str]]) -> dict[_Place, list[str]]:
    """Place classes and up to two representatives each.

    Every named code's class, each prefix's class of the codes named nowhere, and no place
    (``("", ())``: a null location).
    """

    def key(code: str) -> _Place:
        return code[:3], tuple(code in s for s in named)

    classes: dict[_Place, list[str]] = {}
    codes = sorted({c for s in named for c in s} | set(district_partnerships()))
    for code in codes:
        classes.setdefault(key(code), []).append(code)
    for prefix in LOCAL_GOVERNMENT_AREA_PREFIXES:
        classes.setdefault((prefix, tuple(False for _ in named)), [f"{prefix}999999"])
    out = {k: [v[0], v[-1]] if len(v) > 1 else v for k, v in classes.items()}
    out[("", ())] = [None]  # type: ignore[list-item]
    return out
