"""Properties of the answers as knowledge (issue 16): open world, monotone, explained.

- Removing a fact never turns ``yes`` into ``no`` or ``no`` into ``yes``; adding a
  consistent fact never turns ``yes`` or ``no`` into ``undetermined``. Presumptions are
  the stated exception: with a definition that makes none, the property holds for every
  field (context and other reviews too).
- Inconsistent facts are a reported conflict, the same in both engines.
- Every ``yes`` and ``no`` carries a cited reason that decides it; every ``undetermined``
  names at least one missing fact, and never a fact that was given.
"""

from __future__ import annotations

from typing import Any

import attrs
import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from svduty.definitions import (
    DEFINITIONS,
    STATUTE,
    Classification,
    Definition,
    Incident,
    classify,
    classify_split,
    classify_table,
    split_rejected,
)
from svduty.definitions._law import FORCE_INTENDED
from svduty.definitions._presume import PRESUMPTIONS
from svduty.errors import ConflictError

from .helpers import LEGAL_DOUBTS, PILOT_KNIFE_HOMICIDE, to_table, warwickshire
from .strategies import FIELDS, RESOLVE, consistent, incident_json

ANSWERS = ("violence", "in_scope", "domestic_abuse", "qualifying_homicide", "homicide_review")
WARWICKSHIRE = warwickshire()
ALL_DEFINITIONS = [*DEFINITIONS.values(), WARWICKSHIRE]
# the same definitions, presuming nothing about facts not given
OPEN = [attrs.evolve(d, presume=()) for d in ALL_DEFINITIONS]
# the fields a presumption reads: its own, and for force-intentional the offence code and
# category, whose absence it reads (adding one may unsettle what it presumed; removing one
# never flips yes and no, nor does removing anything but a presumption's own field)
PRESUMED_FIELDS = {f for p in PRESUMPTIONS.values() for f in (p.field, *p.reads)}


def presumed_fields(definition: Definition) -> set[str]:
    """The fields the presumptions ``definition`` makes read (none for an open definition)."""
    if definition.presume == ():
        return set()
    told = {"offence_code", "police_uk_category"} if FORCE_INTENDED in definition.presume else set()
    return PRESUMED_FIELDS | told


_QUALIFYING_NO = (
    "OWHR-S24-6-NO-HOMICIDE",
    "OWHR-S24-6A-UNDER-18",
    "OWHR-S24-6B-NO-WEAPON",
    "OWHR-S24-8-NOT-INTENDED",
)
DECIDING: dict[str, dict[str, tuple[str, ...]]] = {
    "violence": {"yes": ("S13",), "no": ("S13-3B", "S13-NONE")},
    "domestic_abuse": {
        "yes": ("DA-S1",),
        "no": ("DA-S1-2A-UNDER-16", "DA-S2-NONE", "DA-S1-SELF", "DA-S1-3-NONE"),
    },
    "qualifying_homicide": {"yes": ("OWHR-S24-6",), "no": _QUALIFYING_NO},
    "homicide_review": {
        "required": ("OWHR-S24",),
        "not_required": (
            *_QUALIFYING_NO,
            "OWHR-S24-1B-OUTSIDE",
            "OWHR-S24-1C-NO-BODY",
            "OWHR-S24-1C-NO-IDENTITY",
            "OWHR-S24-1C-NO-INFORMATION",
            "OWHR-S24-1C-DSI",
            "OWHR-S26-1A",
            "OWHR-S26-1B",
            "OWHR-S26-1C",
            "OWHR-S26-3",
            "OWHR-PILOT-AREA-OUTSIDE",
            "OWHR-PILOT-DATE-OUTSIDE",
            "OWHR-PILOT-REG4-LAPSED",
        ),
    },
}


def deciding(c: Classification, definition: Definition, answer: str) -> tuple[str, ...]:
    """The rule ids that may decide an answer's value."""
    if answer == "in_scope":
        d = f"DEF-{definition.id}"
        return {
            "yes": (d,),
            "no": ("S13-3B", f"{d}-NONE", f"{d}-EXCLUDED", f"{d}-AGE", f"{d}-AGE-BELOW"),
        }[c.in_scope.value]
    return DECIDING[answer][getattr(c, answer).value]


def _classify(data: dict[str, Any], definition: Definition) -> Classification | None:
    try:
        return classify(Incident.from_json(data), definition, resolve_district=RESOLVE)
    except ConflictError:
        return None


FLIPS = {("yes", "no"), ("no", "yes"), ("required", "not_required"), ("not_required", "required")}


@given(consistent(incident_json()), st.sampled_from(ALL_DEFINITIONS + OPEN), st.data())
def test_removing_a_fact_never_flips_yes_and_no(data, definition, draw):
    fields = sorted(set(data) - (PRESUMED_FIELDS if definition.presume else set()))
    assume(fields)
    field = draw.draw(st.sampled_from(fields))
    before = _classify(data, definition)
    assume(before is not None)
    after = _classify({k: v for k, v in data.items() if k != field}, definition)
    assert after is not None  # removing a fact cannot create a conflict
    for a in ANSWERS:
        pair = (getattr(before, a).value, getattr(after, a).value)
        assert pair not in FLIPS, (a, field, data)


@given(consistent(incident_json()), st.sampled_from(ALL_DEFINITIONS + OPEN), st.data())
def test_adding_a_consistent_fact_never_unsettles_an_answer(data, definition, draw):
    free = sorted(set(FIELDS) - set(data) - presumed_fields(definition))
    assume(free)
    field = draw.draw(st.sampled_from(free))
    before = _classify(data, definition)
    after = _classify({**data, field: draw.draw(FIELDS[field])}, definition)
    assume(before is not None and after is not None)
    for a in ANSWERS:
        b, c = getattr(before, a).value, getattr(after, a).value
        if b != "undetermined":
            assert c == b, (a, field, data)


_MENTAL_HEALTH = {  # a qualifying homicide in the pilot; s.26(2), (4) leave the answer open
    **PILOT_KNIFE_HOMICIDE,
    "other_reviews": ["mental_health_investigation"],
}


@given(consistent(incident_json()), st.sampled_from(ALL_DEFINITIONS + OPEN))
@example(_MENTAL_HEALTH, OPEN[0])
def test_every_answer_is_explained(data, definition):
    c = _classify(data, definition)
    assume(c is not None)
    ids = {r.rule: r for r in c.reasons}
    given_facts = set(Incident.from_json(data).to_json())
    for a in ANSWERS:
        value = getattr(c, a).value
        if value == "undetermined":  # a fact would settle it, or the law left it open
            assert c.missing_for(a) or LEGAL_DOUBTS & set(ids), (a, data)
            assert not set(c.missing_for(a)) & given_facts, (a, data)
            continue
        decided = [ids[r] for r in deciding(c, definition, a) if r in ids]
        assert decided, (a, value, data, [r.rule for r in c.reasons])
        assert all(r.citation is not None and r.citation.href for r in decided)


@given(st.lists(incident_json(), min_size=1, max_size=10), st.sampled_from(ALL_DEFINITIONS))
@example([{"offence_code": "1", "harms": []}], ALL_DEFINITIONS[0])  # harms alone deny death
@example([{"offence_code": "1", "harms": ["injury"]}, {"offence_code": "1"}], ALL_DEFINITIONS[0])
def test_both_engines_report_the_same_conflicts(rows, definition):
    scalar_bad = set()
    said: set[tuple[int, str | None, str | None]] = set()
    for i, r in enumerate(rows):
        try:
            classify(Incident.from_json(r), definition, resolve_district=RESOLVE)
        except ConflictError as exc:
            scalar_bad.add(i + 1)
            said |= {(i + 1, p.field, p.message) for p in exc.problems}
    table = to_table(rows, all_columns=False)
    kept, problems = split_rejected(table, resolve_district=RESOLVE)
    assert {p.row for p in problems} == scalar_bad
    for p in problems:  # what the code proves, in the same words (an analyst's review)
        if (p.message or "").startswith("contradicts what the offence code proves"):
            assert (p.row, p.field, p.message) in said
    assert kept.num_rows == len(rows) - len(scalar_bad)
    if scalar_bad:
        with pytest.raises(ConflictError):
            classify_table(table, definition, resolve_district=RESOLVE)


@given(
    st.lists(incident_json(), min_size=1, max_size=6),
    st.sampled_from(ALL_DEFINITIONS),
    st.integers(1, 3),
)
def test_one_pass_split_is_split_then_classify(rows, definition, copies):
    """``classify_split`` (one pass) = ``split_rejected`` then ``classify_table``, also when
    rows repeat (the distinct-rows path), and its rejections are the scalar engine's."""
    table = to_table(rows * copies, all_columns=False)
    kept, problems = split_rejected(table, resolve_district=RESOLVE)
    expected = classify_table(kept, definition, resolve_district=RESOLVE)
    got, got_problems = classify_split(table, definition, resolve_district=RESOLVE)
    assert [(p.row, p.field, p.what()) for p in got_problems] == [
        (p.row, p.field, p.what()) for p in problems
    ]
    assert got.num_rows + len({p.row for p in got_problems}) == table.num_rows
    assert got.to_pylist() == expected.to_pylist()
    encoded, _ = classify_split(table, definition, resolve_district=RESOLVE, encode=True)
    assert encoded.to_pylist() == expected.to_pylist()


def test_a_presumption_is_a_stated_switchable_rule():
    flagged = Incident(behaviours=["physical"], target="person")
    on = classify(flagged, STATUTE)
    assert on.violence.value == "yes"
    assert "CONTEXT-NOT-GIVEN" in [r.rule for r in on.reasons]
    off = classify(flagged, attrs.evolve(STATUTE, presume=()))
    assert off.violence.value == "undetermined"
    assert off.missing_for("violence") == ("context",)
    assert "CONTEXT-NOT-GIVEN" not in [r.rule for r in off.reasons]


def test_the_property_checks_can_fail():
    """The helpers above catch what they are meant to (a test that cannot fail is a defect)."""
    c = classify(Incident(offence_code="8N"))
    assert deciding(c, STATUTE, "violence") == ("S13",)
    broken = attrs.evolve(c, reasons=())
    assert not [r for r in broken.reasons if r.rule in deciding(broken, STATUTE, "violence")]
    assert _classify({"offence_code": "1", "died": False}, STATUTE) is None


def test_removing_what_rules_out_a_death_makes_no_conflict() -> None:
    """CI's property search: ``harms: []`` (nobody died) with a child death review for a
    victim of 18 was no conflict, and without ``harms`` it was one, so removing a fact made
    a conflict. A review's age is checked where a death is known."""
    data = {"victim_age": 18, "country": "England", "other_reviews": ["child_death_review"]}
    for told in ({"harms": []}, {}):
        assert _classify({**data, **told}, STATUTE) is not None
    assert _classify({**data, "died": True}, STATUTE) is None  # known: a conflict
