"""The verdict columns of an environment's rows: the answers, kinds, basis and reasons.

What the columnar engine (:mod:`._columnar`) gives for each row once the rules are
evaluated over an :class:`~svduty.definitions._expr.ArrowEnv`: the four answers and the
homicide review as words (dictionary-encoded), the kinds matched and the reasons (lists of
rule ids), and the basis of the answers.

Example:
    >>> import pyarrow as pa
    >>> from svduty.definitions._classify import ruleset
    >>> from svduty.definitions._columns import prepare
    >>> from svduty.definitions._definition import STATUTE
    >>> from svduty.definitions._owhr import OWHR_PILOT_AS_MADE
    >>> rs = ruleset(STATUTE, OWHR_PILOT_AS_MADE)
    >>> cols, facts, codes = prepare(pa.table({"offence_code": ["8N", None]}), None)
    >>> env = ArrowEnv(cols, facts, rs.rules, 2, presumed=rs.presumed)
    >>> out = answers(env, rs, codes)
    >>> out["violence"].to_pylist(), out["basis"].to_pylist()
    (['yes', 'undetermined'], ['offence_code', 'none'])
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs
import numpy as np  # a dependency of pyarrow
import pyarrow as _pa

from svduty import _arrays
from svduty import _compute as _pc
from svduty.definitions._bits import bools_to_lists as _bools_to_lists
from svduty.definitions._bits import coded as _coded
from svduty.definitions._bits import true_bits, unpacked
from svduty.definitions._classification import ANSWERS
from svduty.definitions._classify import FACT_FIELDS, RuleSet, answer_rules
from svduty.definitions._distinct import spread_all
from svduty.definitions._expr import ArrowEnv
from svduty.definitions._fact_groups import GroupedEnv, given_only, remembered_groups

pa: Any = _pa
pc: Any = _pc
Arr = Any

__all__ = ["Kept", "answers", "remembered_answers"]


def _words(values: Arr, yes: str, no: str) -> Arr:
    """``yes`` / ``no`` / ``undetermined`` for true / false / null, dictionary-encoded."""
    values = _pc.cast(values, pa.bool_())
    codes = np.where(true_bits(values), 0, 1).astype(np.int8)
    codes[~unpacked(pc.is_valid(values))] = 2
    return _coded(codes, [yes, no, "undetermined"])


def answers(env: ArrowEnv, rs: RuleSet, code_idx: Arr) -> dict[str, Arr]:
    """The verdict columns of the rows of ``env`` (``code_idx``: their offence codes' numbers).

    The rules of ``rs`` evaluated over ``env`` (each node once, in its memo): the answers
    and ``homicide_review`` (words), ``kinds``, ``basis`` (the first that holds: facts
    given, an offence code known, a category given, none) and ``reasons``.

    Example:
        >>> import pyarrow as pa
        >>> from svduty.definitions._classify import ruleset
        >>> from svduty.definitions._definition import STATUTE
        >>> from svduty.definitions._owhr import OWHR_PILOT_AS_MADE
        >>> rs = ruleset(STATUTE, OWHR_PILOT_AS_MADE)
        >>> env = ArrowEnv({}, {}, rs.rules, 1, presumed=rs.presumed)
        >>> answers(env, rs, pa.nulls(1, pa.int32()))["in_scope"].to_pylist()
        ['undetermined']
    """
    n, cols = env.length, env.columns
    values = [r.expr.arrow(env) for r in answer_rules(rs)]
    out: dict[str, Arr] = {}
    for name, answer in zip(ANSWERS[:4], values[:4], strict=True):
        out[name] = _words(answer, "yes", "no")
    out["homicide_review"] = _words(values[4], "required", "not_required")
    out["kinds"] = _bools_to_lists([e.arrow(env) for e in rs.kinds.values()], list(rs.kinds))
    given = [pc.is_valid(cols[f]) for f in FACT_FIELDS if f in cols]
    facts_given = given[0] if given else pa.repeat(pa.scalar(False), n)
    for g in given[1:]:
        facts_given = pc.or_(facts_given, g)
    cat_given = (
        pc.is_valid(cols["police_uk_category"])
        if "police_uk_category" in cols
        else pa.repeat(pa.scalar(False), n)
    )
    basis = np.full(n, 3, np.int8)  # the first that holds: facts, code, category, none
    basis[unpacked(cat_given)] = 2
    basis[unpacked(pc.is_valid(code_idx))] = 1
    basis[unpacked(facts_given)] = 0
    out["basis"] = _coded(basis, ["facts", "offence_code", "category", "none"])
    out["reasons"] = _bools_to_lists(
        [r.expr.arrow(env) for r in rs.reportable], [r.id for r in rs.reportable]
    )
    return out


@attrs.frozen
class Kept:
    """A memo of groups' verdicts kept across batches, and where their missing facts go.

    ``rules`` is what the rule set was made from (``(definition, pilot)``); ``sets`` gets
    each row's missing facts (:func:`remembered_answers`).

    Example:
        >>> Kept({}, ("definition", "pilot")).sets
        {}
    """

    memo: dict[Any, Any]
    rules: tuple[Any, Any]
    sets: dict[str, Arr] = attrs.field(factory=dict)


_SET = "\x00missing facts of a group: "
"""The prefix of the missing facts' columns kept with the groups' verdicts."""


def remembered_answers(
    env: GroupedEnv, rs: RuleSet, code_idx: Arr, kept: Kept
) -> dict[str, Arr] | None:
    """:func:`answers` of every row ``env`` groups, each group's from ``kept.memo`` if met.

    The groups of rows alike in what the rules read (the bench's first batch of 65,536
    incidents: 17,205 distinct rows, 168 groups) are looked up in the memo by those values
    (:func:`~svduty.definitions._fact_groups.remembered_groups`), so a later batch
    evaluates the rules only for groups no batch had: the verdicts and, from the same
    rules, the missing facts (``missing_bits``) of its new groups' first rows, kept for
    the next. Both are spread over the rows, the missing facts put in ``kept.sets``.
    ``code_idx``: the groups' offence codes' numbers. ``None``: evaluate as without a
    memo (a column that cannot be keyed, the memo full, more facts than bits).

    Example:
        >>> import pyarrow as pa
        >>> from svduty.definitions._classify import ruleset
        >>> from svduty.definitions._columns import prepare
        >>> from svduty.definitions._definition import STATUTE
        >>> from svduty.definitions._fact_groups import fact_groups, grouped_env
        >>> from svduty.definitions._owhr import OWHR_PILOT_AS_MADE
        >>> rs = ruleset(STATUTE, OWHR_PILOT_AS_MADE)
        >>> cols, facts, codes = prepare(pa.table({"offence_code": ["8N", None] * 40}), None)
        >>> grouped = fact_groups(cols, 80)
        >>> env = grouped_env(cols, facts, rs.rules, rs.presumed, grouped)
        >>> kept = Kept({}, (STATUTE, OWHR_PILOT_AS_MADE))
        >>> out = remembered_answers(env, rs, _pc.take(codes, grouped[1]), kept)
        >>> out["violence"].to_pylist()[:2], len(kept.sets["violence"])
        (['yes', 'undetermined'], 80)
    """
    from svduty.definitions._missing_columns import _sets

    definition, pilot = kept.rules

    def evaluate(new: Any) -> dict[str, Arr] | None:
        every = len(new) == env.length  # (a run's first batch: every group new)
        at = None if every else _arrays.array(new)
        rows = ArrowEnv(
            _part(env.columns, at), _part(env.table, at), rs.rules, len(new), presumed=rs.presumed
        )
        out = answers(rows, rs, code_idx if at is None else _pc.take(code_idx, at))
        sets = _sets(None, definition, None, pilot, rows)  # (from the rules just evaluated)
        if sets is None:
            return None
        return {**out, **{_SET + k: v for k, v in sets.items()}}

    found = remembered_groups(
        env.columns, given_only(rs), memo=kept.memo, rules=kept.rules, evaluate=evaluate
    )
    if found is None:
        return None
    at, columns = found
    rows = _arrays.array(at[env.groups.to_numpy(zero_copy_only=False)])
    out = spread_all({k: v for k, v in columns.items() if not k.startswith(_SET)}, rows, True)
    for k, v in columns.items():
        if k.startswith(_SET):  # (within: spread_all checked the rows)
            kept.sets[k[len(_SET) :]] = _pc.take_in_bounds(v, rows)
    return out


def _part(columns: Mapping[str, Arr], at: Arr | None) -> dict[str, Arr]:
    """``columns`` at the rows ``at`` (``None``: every row, as they are)."""
    return dict(columns) if at is None else {k: _pc.take(v, at) for k, v in columns.items()}
