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

from typing import Any

import numpy as np  # a dependency of pyarrow
import pyarrow as _pa

from svduty import _compute as _pc
from svduty.definitions._bits import bools_to_lists as _bools_to_lists
from svduty.definitions._bits import coded as _coded
from svduty.definitions._bits import true_bits, unpacked
from svduty.definitions._classification import ANSWERS
from svduty.definitions._classify import FACT_FIELDS, RuleSet, answer_rules
from svduty.definitions._expr import ArrowEnv

pa: Any = _pa
pc: Any = _pc
Arr = Any

__all__ = ["answers"]


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
