"""An undetermined ``relevant_review_partners`` names every fact that could change it (law52).

SI 2022/1261 reg 10(1): "If regulations 6 to 9 do not apply, the Secretary of State may give a
direction specifying which review partners are the relevant review partners in respect of a
person's death." A direction given settles the partners wherever the place (law51), so with
nothing known of the place ``direction`` could change the answer, and was not named. Reg 8(1)
("where more than one person dies in the same incident, the location of the deaths is not
known, or there is more than one location", a body "recorded as found first in a pilot
area") names the partners where a body was found first whatever the death's place, so with
the death's place not settled ``several_locations`` and ``body_found_area`` could too.

A fact could change an undetermined answer when some way of filling in the other facts makes
two of its values give different settled answers: such a fact must be among the missing.
"""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from svduty.authorities import DeathPlaceFacts, relevant_review_partners
from svduty.errors import SvdutyError

AREAS = (None, "E08000026", "E08000025", "E07000220", "W06000015")  # 3 pilot, 1 not
DOMAIN: dict[str, tuple[Any, ...]] = {
    "death_area": AREAS,
    "death_place_known": (None, True, False),
    "body_found_area": AREAS,
    "direction": (None, True, False),
    "several_locations": (None, True, False),
}
NAMES = tuple(DOMAIN)


def _answer(combo: tuple[Any, ...]) -> tuple[Any, ...]:
    try:
        a = relevant_review_partners(DeathPlaceFacts(**dict(zip(NAMES, combo, strict=True))))
    except SvdutyError:
        return ("conflict",)
    return (a.verdict.value, tuple(a.subjects), a.missing)


@pytest.fixture(scope="module")
def answers() -> dict[tuple[Any, ...], tuple[Any, ...]]:
    return {c: _answer(c) for c in itertools.product(*DOMAIN.values())}


def _fillings(combo: tuple[Any, ...], i: int) -> list[tuple[Any, ...]]:
    """Every way of filling in the facts of ``combo`` not given, but fact ``i``."""
    options = [
        (None,) if j == i else (DOMAIN[n] if v is None else (v,))
        for j, (n, v) in enumerate(zip(NAMES, combo, strict=True))
    ]
    return list(itertools.product(*options))


def _could_change(answers: dict, combo: tuple[Any, ...], i: int) -> bool:
    for filled in _fillings(combo, i):
        settled = {answers[(*filled[:i], v, *filled[i + 1 :])][:2] for v in DOMAIN[NAMES[i]][1:]}
        if len({s for s in settled if s[0] in ("yes", "no")}) > 1:
            return True
    return False


def test_every_fact_that_could_change_an_undetermined_answer_is_named(answers: dict) -> None:
    """Fails before law52: 69 (combination, fact) pairs left unnamed (27 ``direction``, 26
    ``body_found_area``, 16 ``several_locations``)."""
    unnamed = []
    for combo, got in answers.items():
        if got[0] != "undetermined":
            continue
        for i, name in enumerate(NAMES):
            named = any(m.startswith(name) for m in got[2])
            if combo[i] is None and not named and _could_change(answers, combo, i):
                unnamed.append((dict(zip(NAMES, combo, strict=True)), name))
    assert unnamed == []


def test_nothing_known_names_direction() -> None:
    """Fails before law52: missing was (death_area, death_place_known)."""
    a = relevant_review_partners(DeathPlaceFacts())
    assert a.verdict.value == "undetermined"
    assert "direction (reg 10(1))" in a.missing
    said = next(r for r in a.reasons if r.rule == "reg 10(1)")
    assert said.citation is not None
    assert "reg 10(1)" in said.citation.provision
    given_one = relevant_review_partners(DeathPlaceFacts(direction=True))
    assert given_one.yes  # law51: the direction settles it


def test_no_direction_given_is_not_named() -> None:
    """A guard: ``direction`` false is a fact given, never missing."""
    for known in (None, True, False):
        a = relevant_review_partners(DeathPlaceFacts(death_place_known=known, direction=False))
        assert not any(m.startswith("direction") for m in a.missing)


PILOTS = ("E09000003", "E09000022", "E08000025", "E08000026", "W06000015", "W06000022")
OTHERS = ("E07000220", "E06000065", "E09000033", "W06000001", "E08000035")
AREA = st.one_of(st.none(), st.none(), st.sampled_from((*PILOTS, *OTHERS)))  # mostly unknown
FLAG = st.sampled_from((None, None, None, True, False))
GIVEN_AREA = st.sampled_from((*PILOTS, *OTHERS))
GIVEN_FLAG = st.booleans()
FACTS = st.fixed_dictionaries(
    {
        "death_area": AREA,
        "death_place_known": FLAG,
        "body_found_area": AREA,
        "direction": FLAG,
        "several_locations": FLAG,
    }
)


@given(FACTS, st.data())
def test_an_unnamed_fact_never_changes_a_settled_answer(
    facts: dict[str, Any], data: st.DataObject
) -> None:
    """Over more areas: a fact an undetermined answer does not name, given two values with
    the other facts filled in at random, never gives two different settled answers (fails
    before law52: a direction, or where a body was found first, not named)."""
    unknown = [n for n in NAMES if facts[n] is None]
    if not unknown:
        return
    name = data.draw(st.sampled_from(unknown))
    got = _answer(tuple(facts[n] for n in NAMES))
    if got[0] != "undetermined" or any(m.startswith(name) for m in got[2]):
        return
    given = {n: GIVEN_AREA if n.endswith("area") else GIVEN_FLAG for n in NAMES}
    filled = {n: (data.draw(given[n]) if v is None else v) for n, v in facts.items()}
    values = data.draw(st.lists(given[name], min_size=2, max_size=2))
    outs = {_answer(tuple({**filled, name: v}[n] for n in NAMES))[:2] for v in values}
    assert len({o for o in outs if o[0] in ("yes", "no")}) <= 1, (facts, name, outs)
