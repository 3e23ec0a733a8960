"""The contradictions in a table's facts, as the columnar classifier finds them.

The columnar twin of :func:`~svduty.definitions._knowledge.conflicts` (the scalar
classifier's): the same conflicts in the same words, one row at a time reported as
problems (a property test checks that both engines find the same).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from typing import Any

import pyarrow as _pa

from svduty import _compute as _pc
from svduty.definitions._age_at_death import (
    CHILD_UNDER_13,
    INFANTICIDE,
    arrow_years_surely_passed,
)
from svduty.definitions._age_at_death import arrow_age_conflicts as age_conflicts
from svduty.definitions._atoms import Has, IsTrue
from svduty.definitions._bits import bools_at
from svduty.definitions._expr import ArrowEnv
from svduty.definitions._knowledge import (
    _LAW,
    AGE_AT_DEATH,
    ARTICLE_FIELDS,
    ARTICLE_USED_TO_INJURE,
    CODED_AGE_AT_DEATH,
    DEATH_BEFORE,
    INFANT,
    INFANT_DIED_LATE,
    INTENT_CONTRADICTED,
    NO_ARTICLE,
    NO_DEATH,
    REVIEWS_BY_AGE,
    REVIEWS_BY_FACTS,
    RULED_OUT,
    SCH3_NO_SEXUAL,
    UNDER_13,
    category_contradicts,
    country_contradicts,
)
from svduty.definitions._law import (
    DEATH,
    FACTS,
    FORCE_BY_WEAPON,
    PROVED_BY_CODE,
    VICTIM_16,
)
from svduty.definitions._offences import FACT_NAMES, OFFENCES, POLICE_UK_CATEGORIES
from svduty.definitions._pilot import OwhrPilot
from svduty.definitions._sar import SAR_NO_NEEDS, SAR_WITHOUT_NEEDS
from svduty.errors import ConflictError, Problem

__all__ = ["table_conflicts"]

Arr = Any  # a pyarrow Array
pa: Any = _pa  # (pyarrow-stubs' compute overloads are narrower than the calls here)
pc: Any = _pc


@functools.cache
def _category_facts() -> dict[str, Arr]:
    """Fact -> its value for each police.uk category (the last: none given), made once."""
    return {
        k: pa.array([*(c.facts[k] for c in POLICE_UK_CATEGORIES), None], pa.bool_())
        for k in FACT_NAMES
    }


def table_conflicts(
    cols: Mapping[str, Arr],
    facts: Mapping[str, Arr],
    indices: tuple[Arr, Arr],
    *,
    sink: list[Problem] | None,
    pilot: OwhrPilot,
) -> None:
    """The contradictions, as :func:`~svduty.definitions._knowledge.conflicts` finds them."""
    problems: list[Problem] = []
    code_idx, cat_idx = indices

    def add(mask: Arr, field: str, message: str | Callable[[int], str]) -> None:
        rows = pc.indices_nonzero(pc.fill_null(mask, False)).to_pylist()
        for i in rows if sink is not None else rows[:10]:
            said = message if isinstance(message, str) else message(i)
            problems.append(Problem(message=said, row=i + 1, field=field))

    env = ArrowEnv(cols, {}, {}, len(code_idx))
    none = pa.nulls(len(code_idx), pa.bool_())
    if "died" in cols and "harms" in cols:
        has_death = Has("harms", "death").arrow(env)
        add(
            pc.and_(pc.invert(cols["died"]), has_death),
            "died",
            "contradicts harms containing 'death'",
        )
        add(
            pc.and_(cols["died"], pc.invert(has_death)),
            "died",
            "contradicts harms without 'death'",
        )
    if "date_of_death" in cols:
        if "first_day" in cols:
            add(pc.less(cols["death_last_day"], cols["first_day"]), "date_of_death", DEATH_BEFORE)
        no_death = pc.equal(DEATH.explicit.arrow(env), False)
        add(pc.and_(pc.is_valid(cols["date_of_death"]), no_death), "date_of_death", NO_DEATH)
        if "offence_code" in cols:  # an infanticide: a child under twelve months at death
            late = pc.greater_equal(arrow_years_surely_passed(env), 1)
            add(pc.and_(INFANTICIDE.arrow(env), late), "date_of_death", INFANT_DIED_LATE)
    if "victim_age_at_death" in cols:
        infant = INFANTICIDE.arrow(env) if "offence_code" in cols else none
        under_13 = CHILD_UNDER_13.arrow(env) if "offence_code" in cols else none
        coded = (facts.get(VICTIM_16.implied, none), infant, under_13)
        words = (AGE_AT_DEATH, CODED_AGE_AT_DEATH, NO_DEATH)
        for mask, why in age_conflicts(env, DEATH.explicit.arrow(env), coded, words):
            add(mask, "victim_age_at_death", why)
    if "offence_code" in cols and "police_uk_category" in cols:
        member = [[c.code in cat.codes for cat in POLICE_UK_CATEGORIES] for c in OFFENCES]
        flat = pa.array([m for row in member for m in row])
        pos = pc.add(
            pc.multiply(_pc.cast(code_idx, pa.int64()), len(POLICE_UK_CATEGORIES)),
            _pc.cast(cat_idx, pa.int64()),
        )
        codes = [c.code for c in OFFENCES]

        def published(i: int) -> str:  # the scalar engine's words
            return category_contradicts(codes[code_idx[i].as_py()])

        add(pc.invert(pc.take(flat, pos)), "police_uk_category", published)
    clash: dict[str, list[tuple[str, Arr, Arr]]] = {}
    for fact in FACTS:  # a fact given by any of its fields (harms alone says death or not)
        field = fact.explicit.fields()[0]
        if any(f in cols for f in fact.explicit.fields()):
            implied = facts[fact.implied]
            bad = pc.fill_null(pc.not_equal(fact.explicit.arrow(env), implied), False)
            clash.setdefault(field, []).append((fact.implied, bad, implied))
        if fact is VICTIM_16 and "victim_age" in cols and "offence_code" in cols:
            infant = pc.fill_null(INFANTICIDE.arrow(env), False)  # 4.2: under twelve months
            old = pc.fill_null(pc.greater_equal(cols["victim_age"], 1), False)
            clash.setdefault("victim_age", []).append((INFANT, pc.and_(infant, old), infant))
            child = pc.fill_null(CHILD_UNDER_13.arrow(env), False)  # SOA 2003 ss.5-8
            older = pc.fill_null(pc.greater_equal(cols["victim_age"], 13), False)
            clash["victim_age"].append((UNDER_13, pc.and_(child, older), child))
    for field, parts in clash.items():  # what the code proves, as the scalar engine says it

        def proves(i: int, parts: list[tuple[str, Arr, Arr]] = parts) -> str:
            said = [f"{k}: {'yes' if v[i].as_py() else 'no'}" for k, b, v in parts if b[i].as_py()]
            return f"contradicts what the offence code proves ({', '.join(said)})"

        mask = parts[0][1]
        for _, bad, _ in parts[1:]:
            mask = pc.or_(mask, bad)
        add(mask, field, proves)
    own = ArrowEnv(cols, {}, _LAW, len(code_idx))  # no table: what the facts alone settle
    # and with what the category alone proves (owhr-recheck43: else removing the code
    # could turn the answer over)
    kinds = len(POLICE_UK_CATEGORIES)
    row_cat = pc.fill_null(_pc.cast(cat_idx, pa.int64()), kinds)
    by_cat = ArrowEnv(cols, bools_at(_category_facts(), row_cat), _LAW, len(code_idx))
    for key, expr in PROVED_BY_CODE:
        ruled_out = pc.fill_null(
            pc.or_kleene(pc.equal(expr.arrow(own), False), pc.equal(expr.arrow(by_cat), False)),
            False,
        )
        add(
            pc.and_(pc.fill_null(facts[key], False), ruled_out),
            "offence_code",
            RULED_OUT.format(key),
        )
    if "behaviours" in cols and "schedule_3_offence" in cols:
        no_sexual = pc.invert(Has("behaviours", "sexual").arrow(env))
        stated = IsTrue("schedule_3_offence").arrow(env)
        bad = pc.fill_null(pc.and_(stated, no_sexual), False)
        add(bad, "schedule_3_offence", SCH3_NO_SEXUAL)
    if "behaviours" in cols:
        with_table = ArrowEnv(cols, facts, {}, len(code_idx))
        omits = pc.invert(Has("behaviours", "physical").arrow(env))
        add(
            pc.and_(omits, FORCE_BY_WEAPON.arrow(with_table)),
            "behaviours",
            "omits 'physical' although a weapon was used intentionally to injure or kill",
        )
    if "other_reviews" in cols:
        with_table = ArrowEnv(cols, facts, {}, len(code_idx))
        dead = pc.fill_null(DEATH.arrow(with_table), False)  # a death known, as the scalar
        for review, age, message in REVIEWS_BY_AGE:
            flagged = pc.and_(Has("other_reviews", review).arrow(env), dead)
            add(pc.and_(flagged, pc.equal(age.arrow(with_table), False)), "other_reviews", message)
        if "care_and_support_needs" in cols:  # the same death known: Care Act 2014 s.44
            sar_without = SAR_WITHOUT_NEEDS.arrow(env)
            add(pc.and_(sar_without, dead), "care_and_support_needs", SAR_NO_NEEDS)
        for field, omits, message in REVIEWS_BY_FACTS:  # a review the facts show, left out
            add(pc.and_(omits.arrow(with_table), dead), field, message)
    for field in ARTICLE_FIELDS:
        if "weapon" in cols and field in cols:
            add(pc.and_(pc.equal(cols["weapon"], "none"), cols[field]), field, NO_ARTICLE)
    if "intended_for_injury" in cols:  # as the scalar engine: the code's facts count too
        used = ARTICLE_USED_TO_INJURE.arrow(ArrowEnv(cols, facts, {}, len(code_idx)))
        stated_false = pc.invert(cols["intended_for_injury"])
        add(pc.and_(stated_false, pc.equal(used, True)), "intended_for_injury", INTENT_CONTRADICTED)
    if "target" in cols and "relationship" in cols:
        add(
            pc.and_(pc.equal(cols["target"], "self"), pc.not_equal(cols["relationship"], "none")),
            "target",
            "'self' leaves no second person to be personally connected to",
        )
    if "pilot_partner" in cols and "death_district" in cols:  # then country, as the scalar
        d, stated = cols["death_district"], cols["pilot_partner"]
        certain = pc.is_in(d, value_set=pa.array(sorted(pilot.partners), pa.string()))
        possible = pc.is_in(d, value_set=pa.array(sorted(pilot.possible), pa.string()))
        # only a certain district contradicts a false one: outside, reg 8 may reach (law51)
        bad = pc.and_(pc.is_valid(d), pc.invert(possible))
        bad = pc.and_(bad, pc.and_(certain, pc.invert(stated)))
        add(bad, "pilot_partner", "contradicts the place of death (SI 2023/227)")
    for name in ("location", "place_of_death"):
        if "country" not in cols or name not in cols:
            continue
        c, loc = cols["country"], cols[name]
        first = pc.utf8_slice_codeunits(loc, 0, 1)
        ew_country = pc.is_in(c, value_set=pa.array(["England", "Wales"]))
        ew_loc = pc.is_in(first, value_set=pa.array(["E", "W"]))
        letter = pc.utf8_slice_codeunits(c, 0, 1)
        bad = pc.or_(
            pc.not_equal(ew_country, ew_loc), pc.and_(ew_country, pc.not_equal(letter, first))
        )

        def said(i: int, c: Arr = c, name: str = name) -> str:  # the scalar engine's words
            return country_contradicts(c[i].as_py(), name)

        add(pc.and_(pc.and_(pc.is_valid(c), pc.is_valid(loc)), bad), "country", said)
    if problems:
        problems.sort(key=lambda p: p.row or 0)  # stable: each row's in the scalar's order
        if sink is not None:
            sink.extend(problems)
            return
        raise ConflictError(problems)
