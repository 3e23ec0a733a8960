"""A list of other reviews that omits one the facts show: s.26(1)(a), (b) and (c) alike.

PCSC Act 2022 s.26(1): the duty in s.24(1) "does not apply in relation to a death if— (a) a
child death review must or may be arranged in relation to the death (see section 16M(1)
and (2) of the Children Act 2004), (b) the death may be the subject of a domestic homicide
review (see section 9 of the Domestic Violence, Crime and Victims Act 2004), or (c) a
safeguarding adults review must or may be established in relation to the death (see
section 44(1) and (4) of the Care Act 2014)". Each limb is a question of law on the facts.
A given ``other_reviews`` list answers it for every review it leaves out (none can be
held: :class:`~svduty.definitions._atoms.Flag` reads a given list whole), so a list that
leaves out a review the facts show contradicts them. Before the forty-second session only
the safeguarding adults review was a conflict; a child death review or a domestic homicide
review left out was overruled by the facts in silence (owhr42).
"""

from __future__ import annotations

import functools
import itertools
import json
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from svduty.definitions import STATUTE, Incident, classify, classify_table, split_rejected
from svduty.definitions._knowledge import CDR_OMITTED, DHR_OMITTED
from svduty.definitions._presume import PRESUMPTIONS
from svduty.definitions._sar import SAR_OMITTED_WORDS
from svduty.errors import ConflictError
from tests import traced_examples

from .helpers import PILOT_KNIFE_HOMICIDE, to_table

OPEN = attrs.evolve(STATUTE, presume=())
KNIFED: dict[str, Any] = PILOT_KNIFE_HOMICIDE
ANSWERS = ("violence", "in_scope", "domestic_abuse", "qualifying_homicide", "homicide_review")
FLIPS = {("yes", "no"), ("no", "yes"), ("required", "not_required"), ("not_required", "required")}
PRESUMED = {f for p in PRESUMPTIONS.values() for f in (p.field, *p.reads)}

OMITTED = [
    pytest.param({"victim_age": 15}, "other_reviews", CDR_OMITTED, id="child death review"),
    pytest.param({"relationship": "married"}, "other_reviews", DHR_OMITTED, id="dhr, married"),
    pytest.param({"same_household": True}, "other_reviews", DHR_OMITTED, id="dhr, household"),
    pytest.param(
        {"care_and_support_needs": True},
        "care_and_support_needs",
        SAR_OMITTED_WORDS,
        id="safeguarding adults review",
    ),
]


@pytest.mark.parametrize(("facts", "field", "words"), OMITTED)
def test_a_list_omitting_a_review_the_facts_show_is_a_conflict(
    facts: dict[str, Any], field: str, words: str
) -> None:
    row = {**KNIFED, "care_and_support_needs": False, **facts, "other_reviews": []}
    with pytest.raises(ConflictError) as info:
        Incident.from_json(row)
    assert [(p.field, p.message) for p in info.value.problems] == [(field, words)]
    nobody = {**row, "died": None}  # nobody known to have died: no review to omit
    rows = [row, nobody, {**row, "other_reviews": None}]
    kept, problems = split_rejected(to_table(rows, all_columns=False))
    assert [(p.row, p.field, p.message) for p in problems] == [(1, field, words)]
    assert kept.num_rows == 2
    # whatever the list says, the facts decide: the review takes precedence
    for ok in rows[1:]:
        assert classify(Incident.from_json(ok), OPEN).homicide_review.value == "not_required"


# The grid of facts around a knife killing in Birmingham or Cardiff in June 2023 (the
# same day for incident and death, so the age at death is the age given)
GRID: dict[str, list[Any]] = {
    "victim_age": [15, 30, None],
    "place": [("England", "E08000025"), ("Wales", "W06000015"), (None, None)],
    "relationship": ["none", "married", None],
    "same_household": [True, False, None],
    "care_and_support_needs": [True, False, None],
    "other_reviews": [
        None,
        [],
        ["child_death_review"],
        ["domestic_homicide_review"],
        ["safeguarding_adults_review"],
    ],
    "died": [True, None],
}


def _grid() -> list[dict[str, Any]]:
    out = []
    for combo in itertools.product(*GRID.values()):
        facts = dict(zip(GRID, combo, strict=True))
        country, place = facts.pop("place")
        row = {**KNIFED, **facts, "country": country, "place_of_death": place, "location": place}
        out.append({k: v for k, v in row.items() if v is not None})
    return out


@functools.cache
def _grid_read() -> tuple[list[dict[str, Any]], dict[int, Any], dict[int, set[Any]], Any, Any]:
    """The grid read by both engines, once for both definitions (the reading does not
    depend on the definition; ci57a: about three quarters of each test's CPU, 2.5 of 3.2 s)."""
    rows = _grid()
    incidents: dict[int, Incident] = {}
    rejected: dict[int, set[tuple[str | None, str | None]]] = {}
    for i, row in enumerate(rows, start=1):
        try:
            incidents[i] = Incident.from_json(row)
        except ConflictError as exc:
            rejected[i] = {(p.field, p.message) for p in exc.problems}
    kept, problems = split_rejected(to_table(rows, all_columns=False))
    return rows, incidents, rejected, kept, problems


_classify = traced_examples.repeated(classify)


@pytest.mark.parametrize("definition", [STATUTE, OPEN], ids=["statute", "open"])
def test_both_engines_agree_on_the_grid(definition: Any) -> None:
    rows, incidents, rejected, kept, problems = _grid_read()
    # (the grid's rows one by one: coverage traces the first, ci61a)
    scalar = {i: _classify(incident, definition) for i, incident in incidents.items()}
    columnar: dict[int, set[tuple[str | None, str | None]]] = {}
    for p in problems:
        columnar.setdefault(p.row or 0, set()).add((p.field, p.message))
    assert columnar == rejected
    words = {m for found in rejected.values() for _, m in found}
    assert {CDR_OMITTED, DHR_OMITTED, SAR_OMITTED_WORDS} <= words  # the grid reaches all three
    got = classify_table(kept, definition).to_pylist()
    assert len(got) == len(scalar)
    for (i, c), g in zip(sorted(scalar.items()), got, strict=True):
        for a in ANSWERS:
            assert g[a] == getattr(c, a).value, (i, a, rows[i - 1])
        assert g["reasons"] == [r.rule for r in c.reasons], rows[i - 1]


# Monotone in knowledge around the same killing: each field optional, a list optional
_FIELDS: dict[str, st.SearchStrategy[Any]] = {
    "victim_age": st.sampled_from([15, 17, 30]),
    "victim_age_at_death": st.sampled_from([15, 17, 18, 30]),
    "date_of_death": st.sampled_from(["2023-06-01", "2023-11-01", "2024-07-01"]),
    "country": st.sampled_from(["England", "Wales", "Scotland"]),
    "place_of_death": st.sampled_from(["E08000025", "W06000015", "S12000036"]),
    "relationship": st.sampled_from(["none", "married", "parental_relationship_same_child"]),
    "same_household": st.booleans(),
    "care_and_support_needs": st.booleans(),
    "died": st.booleans(),
    "offence_code": st.sampled_from(["1", "4.2", "8N"]),
    # DVCVA s.9(1) "resulted from violence, abuse or neglect by" the suspect (owhr43)
    "behaviours": st.sampled_from([["physical"], [], ["neglect"], ["economic"]]),
    "intentional": st.booleans(),
}
REVIEWS = (
    "child_death_review",
    "domestic_homicide_review",
    "safeguarding_adults_review",
    "welsh_safeguarding_review",
)
_FIELDS["other_reviews"] = st.lists(st.sampled_from(REVIEWS), unique=True, max_size=3)
_BASE = {
    k: v
    for k, v in KNIFED.items()
    if k not in _FIELDS and k not in ("location", "same_household", "relationship")
}


@st.composite
def _killing(draw: st.DrawFn) -> dict[str, Any]:
    out = dict(_BASE)
    for name, strategy in _FIELDS.items():
        if draw(st.booleans()):
            out[name] = draw(strategy)
    return out


# The answers of one row under one definition, kept for the run: the property asks again
# for rows it asked before (3,138 calls, 2,575 distinct rows at 300
# examples; ci58a). Reading and classifying are pure: the same row, the same answers.
_ANSWERED: dict[tuple[str, int], dict[str, str] | None] = {}


def _answers(data: dict[str, Any], definition: Any) -> dict[str, str] | None:
    key = (json.dumps(data, sort_keys=True), id(definition))
    if key not in _ANSWERED:
        try:
            c = classify(Incident.from_json(data), definition)
        except ConflictError:
            _ANSWERED[key] = None
        else:
            _ANSWERED[key] = {a: getattr(c, a).value for a in ANSWERS}
    found = _ANSWERED[key]
    return None if found is None else dict(found)


@given(_killing(), st.sampled_from([STATUTE, OPEN]), st.data())
def test_answers_stay_monotone_in_knowledge(data: dict[str, Any], definition: Any, draw: Any):
    """Adding a fact never unsettles a settled answer nor flips it (a contradiction is a
    conflict); removing one never makes a conflict nor flips; a list entry the facts
    already show changes nothing but a conflict; any list entry only moves the homicide
    review towards ``not_required``."""
    presumed = PRESUMED if definition.presume else set()
    before = _answers(data, definition)
    for field in sorted(set(_FIELDS) - set(data) - presumed):  # each fact not given, added
        values = [draw.draw(_FIELDS[field], label=field)]
        if field == "other_reviews":  # a list that leaves every review out, too
            values.append([])
        for value in values:
            after = _answers({**data, field: value}, definition)
            if before is None:  # knowing more never mends a contradiction
                assert after is None, (field, data)
            elif after is not None:
                for a in ANSWERS:
                    if before[a] != "undetermined":
                        assert after[a] == before[a], (a, field, value, data)
    for field in sorted(set(data) & set(_FIELDS) - presumed):  # each fact given, removed
        if before is None:
            break
        after = _answers({k: v for k, v in data.items() if k != field}, definition)
        assert after is not None, (field, data)  # removing a fact makes no conflict
        for a in ANSWERS:
            assert (before[a], after[a]) not in FLIPS, (a, field, data)
    reviews = data.get("other_reviews")
    if reviews is None or before is None:
        return
    for entry in sorted(set(REVIEWS) - set(reviews)):
        after = _answers({**data, "other_reviews": [*reviews, entry]}, definition)
        if after is None:  # naming a review the facts rule out: a conflict
            continue
        for a in ANSWERS[:-1]:
            assert after[a] == before[a], (a, entry, data)
        assert after["homicide_review"] in (before["homicide_review"], "not_required"), (
            entry,
            data,
        )


def test_a_list_entry_the_facts_show_is_no_new_knowledge() -> None:
    """Naming a review the facts already show changes no answer; leaving it out of a list
    (where a death is known) is a conflict, whichever of the three it is."""
    for facts, review in (
        ({"victim_age": 15}, "child_death_review"),
        ({"relationship": "married"}, "domestic_homicide_review"),
        ({"care_and_support_needs": True}, "safeguarding_adults_review"),
    ):
        row = {**KNIFED, **facts}
        for definition in (STATUTE, OPEN):
            alone = classify(Incident.from_json(row), definition)
            named = classify(Incident.from_json({**row, "other_reviews": [review]}), definition)
            assert alone.homicide_review.value == named.homicide_review.value == "not_required"
        assert _answers({**row, "other_reviews": []}, OPEN) is None, review


def test_knowing_the_needs_never_unsettles_what_a_named_review_settled() -> None:
    """The property above found it (owhr42): with nobody known to have died and a list
    naming a safeguarding adults review, the answer was ``not_required``; adding
    ``care_and_support_needs: false`` made it ``undetermined``, the fact overruling the
    list, where a list naming a child death or domestic homicide review the facts rule out
    decides until a death is known (then it is a conflict). The three are alike now."""
    row = {
        "target": "person",
        "behaviours": ["physical"],
        "weapon": "knife",
        "intentional": True,
        "intended_for_injury": True,
        "date": "2023-06-01",
        "review_information": True,
    }
    for review, against in (
        ("safeguarding_adults_review", {"care_and_support_needs": False}),
        ("child_death_review", {"victim_age": 30}),
        ("domestic_homicide_review", {"victim_age_at_death": 15}),
    ):
        named = {**row, "other_reviews": [review]}
        for definition in (STATUTE, OPEN):
            before = _answers(named, definition)
            assert before is not None
            assert before["homicide_review"] == "not_required"
            after = _answers({**named, **against}, definition)
            assert after is not None
            assert after["homicide_review"] == "not_required", (review, definition.presume)
        assert _answers({**named, **against, "died": True}, OPEN) is None, review


@pytest.mark.parametrize(("facts", "field", "words"), OMITTED)
def test_the_conflict_says_what_to_send_instead(
    facts: dict[str, Any], field: str, words: str
) -> None:
    """owhr-recheck42: an analyst's incident file often writes ``other_reviews: []`` for
    "none known"; since the forty-second session every child's death in England and every
    domestic homicide in it is rejected, and the reason said only what the list omits. It
    now says what to send instead (name the review, or leave the list out), and both hold:
    the row is then read, and the review takes precedence (s.26(1))."""
    row = {**KNIFED, "care_and_support_needs": False, **facts, "other_reviews": []}
    with pytest.raises(ConflictError) as info:
        Incident.from_json(row)
    (problem,) = info.value.problems
    assert "name it in other_reviews" in problem.message, problem.message
    assert "leave other_reviews out if it lists only the reviews known of" in problem.message
    _, problems = split_rejected(to_table([row], all_columns=False))
    assert [p.message for p in problems] == [problem.message]  # the file route says so too
    review = {CDR_OMITTED: "child_death_review", DHR_OMITTED: "domestic_homicide_review"}
    for sent in (None, [review.get(words, "safeguarding_adults_review")]):
        for definition in (STATUTE, OPEN):
            c = classify(Incident.from_json({**row, "other_reviews": sent}), definition)
            assert c.homicide_review.value == "not_required", (sent, definition.presume)


@pytest.mark.parametrize("age", [1, 15, 30])
def test_an_infanticide_of_a_victim_aged_one_or_more_is_a_conflict_in_both_engines(age: int):
    """Infanticide (4.2) is the death of "a child under the age of twelve months"
    (Infanticide Act 1938 s.1(1)): a victim of 1 or more contradicts it. The fresh-clone
    run's monotonicity property found that knowing the code hid the conflicts its absence
    showed (a victim of 15 living with the perpetrator, ``other_reviews: []``)."""
    row = {
        "target": "person",
        "behaviours": ["physical"],
        "weapon": "knife",
        "intentional": True,
        "intended_for_injury": True,
        "date": "2023-06-01",
        "date_of_death": "2023-11-01",  # within the year: a death 13 months on is one too
        "died": True,
        "victim_age": age,
        "offence_code": "4.2",
    }
    with pytest.raises(ConflictError) as caught:
        classify(Incident.from_json(row))
    scalar = {(p.field, p.message) for p in caught.value.problems}
    proves = ("victim_16_plus: no, " if age >= 16 else "") + "a child under twelve months: yes"
    assert ("victim_age", f"contradicts what the offence code proves ({proves})") in scalar
    _, problems = split_rejected(to_table([row], all_columns=False))
    assert {(p.field, p.message) for p in problems} == scalar
    classify(Incident.from_json({**row, "victim_age": 0}))  # an infant: no conflict
