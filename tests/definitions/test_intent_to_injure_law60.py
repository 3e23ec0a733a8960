"""The weapon's second limb is an intent to injure, not force used intentionally (law60).

PCA 1953 s.1(4), which PCSC Act 2022 s.24(8) adopts: an article "intended by the person having
it with him for such use", use "for causing injury to the person". svduty read a weapon used
intentionally against a person as that limb, so an assault with injury (8N, intentional or
reckless force) with a kitchen knife was a qualifying homicide. Now the limb is settled by
``intended_for_injury``, by ``made_or_adapted`` (the first limb) or by an offence requiring
an intent to kill or injure (murder, attempted murder); otherwise it is open, naming them.
Knowing less never turns an answer over, and the two engines agree.
"""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from svduty.definitions import Incident, classify, classify_table
from svduty.definitions._offences import OFFENCES
from svduty.errors import ConflictError

from .helpers import to_table

_FACTS = {
    "target": st.sampled_from(["person", "property", "group"]),
    "intentional": st.booleans(),
    "weapon": st.sampled_from(["none", "knife", "firearm", "other"]),
    "made_or_adapted": st.booleans(),
    "intended_for_injury": st.booleans(),
    "offence_code": st.sampled_from(["1", "2", "8N", "105A", "4.1", "5D"]),
    "victim_age": st.integers(16, 90),
}
_LIMB_CODES = {"1", "2"}


def _qualifying(row: dict[str, Any]) -> tuple[str, tuple[str, ...]] | None:
    """The qualifying homicide answer and the facts it names, or None for a conflict."""
    try:
        incident = Incident.from_json({"died": True, **row})
    except ConflictError:
        return None
    c = classify(incident)
    return c.qualifying_homicide.value, c.missing_for("qualifying_homicide")


def test_only_murder_and_attempted_murder_prove_the_intent() -> None:
    proving = {code for code, o in OFFENCES.by_code.items() if o.facts["intent_to_injure"]}
    assert proving == _LIMB_CODES
    assert not any(o.facts["intent_to_injure"] is False for o in OFFENCES.by_code.values())


@given(st.fixed_dictionaries({}, optional=_FACTS), st.sampled_from(sorted(_FACTS)))
def test_knowing_less_never_turns_the_answer_over(row: dict[str, Any], drop: str) -> None:
    full = _qualifying(row)
    if full is None:
        return
    fewer = _qualifying({k: v for k, v in row.items() if k != drop})
    assert fewer is not None  # fewer facts cannot conflict where more did not
    assert fewer[0] in (full[0], "undetermined")


@given(st.fixed_dictionaries({}, optional=_FACTS))
def test_force_used_intentionally_never_settles_the_limb_alone(row: dict[str, Any]) -> None:
    got = _qualifying(row)
    settled = (
        row.get("made_or_adapted") is True
        or row.get("intended_for_injury") is True
        or row.get("offence_code") in _LIMB_CODES
    )
    if got is None or settled:
        return
    answer, missing = got
    assert answer != "yes"
    if answer == "undetermined" and row.get("weapon") not in (None, "none"):
        # the open limb names the facts that would settle it, those not given
        assert {"made_or_adapted", "intended_for_injury"} - set(row) <= set(missing)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.fixed_dictionaries({}, optional=_FACTS), min_size=1, max_size=6))
def test_both_engines_agree_row_for_row(rows: list[dict[str, Any]]) -> None:
    rows = [{"died": True, **r} for r in rows]
    kept = []
    for r in rows:
        try:
            kept.append((r, classify(Incident.from_json(r))))
        except ConflictError:
            continue
    if not kept:
        return
    out = classify_table(to_table([r for r, _ in kept])).to_pylist()
    for (_, scalar), row in zip(kept, out, strict=True):
        assert row["qualifying_homicide"] == scalar.qualifying_homicide.value
        assert row["homicide_review"] == scalar.homicide_review.value
