"""Reg 8 of SI 2022/1261 whatever the death's place (recheck50), checked exhaustively.

Reg 8(1) applies "where more than one person dies in the same incident, the location of the
deaths is not known, or there is more than one location", a body (or part) "recorded as
found first in a pilot area"; svduty reads it over reg 6 where a death's place is known
(its doubt on the citation). So with several deaths at more than one location and a body
found first in a pilot area, the death's place cannot change the answer: it must not be
named as missing. Over every combination of five place facts (675), a settled answer never
changes when a fact is added, every answer has reasons each with a citation, and an
undetermined answer names no fact all of whose values give one and the same settled answer
(a direction given included since law51: reg 10(1) settles it whatever the place).
"""

from __future__ import annotations

import itertools
from typing import Any

import pytest

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


def _answers() -> dict[tuple[Any, ...], tuple[Any, ...]]:
    out: dict[tuple[Any, ...], tuple[Any, ...]] = {}
    for combo in itertools.product(*DOMAIN.values()):
        try:
            a = relevant_review_partners(DeathPlaceFacts(**dict(zip(NAMES, combo, strict=True))))
        except SvdutyError:
            out[combo] = ("conflict",)
            continue
        cited = bool(a.reasons) and all(r.citation is not None for r in a.reasons)
        out[combo] = (a.verdict.value, tuple(a.subjects), a.missing, cited)
    return out


@pytest.fixture(scope="module")
def answers() -> dict[tuple[Any, ...], tuple[Any, ...]]:
    return _answers()


def _more(combo: tuple[Any, ...]) -> list[tuple[int, tuple[Any, ...]]]:
    """Each combination with one more fact given."""
    return [
        (i, (*combo[:i], value, *combo[i + 1 :]))
        for i, given in enumerate(combo)
        if given is None
        for value in DOMAIN[NAMES[i]][1:]
    ]


def test_a_settled_answer_never_changes_when_a_fact_is_added(answers: dict) -> None:
    for combo, got in answers.items():
        if got[0] not in ("yes", "no"):
            continue
        for _, more in _more(combo):
            after = answers[more]
            assert after[0] == "conflict" or after[:2] == got[:2], (combo, more)


def test_every_answer_has_cited_reasons(answers: dict) -> None:
    assert all(got[3] for got in answers.values() if got[0] != "conflict")


def test_reg_8_is_answered_whatever_the_death_place() -> None:
    """Fails before recheck50: undetermined, naming death_area and death_place_known."""
    for known in (None, True):
        a = relevant_review_partners(
            DeathPlaceFacts(
                death_place_known=known, several_locations=True, body_found_area="E08000025"
            )
        )
        assert a.yes, a.explain()
        assert a.subjects[1] == "local authority: the council for Birmingham (E08000025)"
        doubt = next(r.citation for r in a.reasons if r.rule == "reg 8").doubt
        assert doubt is not None
        assert "reg 6" in doubt


def test_no_fact_is_named_missing_that_cannot_change_the_answer(answers: dict) -> None:
    """Fails before recheck50: 12 combinations (several deaths, body first in a pilot area)."""
    idle = []
    for combo, got in answers.items():
        if got[0] != "undetermined":
            continue
        for i in range(len(NAMES)):
            outs = [answers[more] for j, more in _more(combo) if j == i]
            settled = {o[:2] for o in outs if o[0] != "conflict"}
            named = any(m.startswith(NAMES[i]) for m in got[2])
            if named and len(settled) == 1 and next(iter(settled))[0] != "undetermined":
                idle.append((combo, NAMES[i]))
    assert idle == []
