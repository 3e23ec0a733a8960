"""``intended_for_injury: false`` is never set aside (law59's review of homicide_review).

svduty read a weapon used intentionally against a person as PCA 1953 s.1(4)'s second limb
(s.24(8)); an incident that also states nobody having it intended it for injury was answered
``required``, the stated fact ignored. law59 made the two a conflict, in both engines; law60
narrowed it to a weapon so used in an offence requiring an intent to kill or injure (murder,
attempted murder), force used intentionally not being that intent by itself. The stated
fact never turns a qualifying homicide over (monotone in knowledge).
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from svduty.definitions import Incident, classify, classify_table
from svduty.errors import ConflictError

from .helpers import to_table

_FACTS = {
    "target": st.sampled_from(["person", "self", "property", "group"]),
    "intentional": st.booleans(),
    "weapon": st.sampled_from(["none", "knife", "firearm", "corrosive", "other"]),
    "made_or_adapted": st.booleans(),
    "offence_code": st.sampled_from(["1", "8N", "4.4", "56B", "105A"]),
    "victim_age": st.integers(0, 90),
    "died": st.just(True),
}


def _answer(row: dict[str, Any]) -> str | None:
    """The qualifying homicide answer of the row, or None for a conflict."""
    try:
        incident = Incident.from_json(row)
    except ConflictError:
        return None
    return classify(incident).qualifying_homicide.value


@given(st.fixed_dictionaries({}, optional=_FACTS))
def test_stating_it_false_never_turns_the_answer_over(row: dict[str, Any]) -> None:
    before = _answer(row)
    after = _answer({**row, "intended_for_injury": False})
    if before is None:  # a conflict already: more facts do not resolve it
        assert after is None
    elif after is not None:  # the fact only narrows: a decided answer stays
        assert before in ("undetermined", after)


@settings(max_examples=60, deadline=None)
@given(st.fixed_dictionaries({}, optional=_FACTS))
def test_both_engines_reject_the_same_rows(row: dict[str, Any]) -> None:
    stated = {**row, "intended_for_injury": False}
    try:
        Incident.from_json(stated)
    except ConflictError as e:
        scalar = {p.field for p in e.problems}
    else:
        scalar = set()
    try:
        classify_table(to_table([stated], all_columns=False))
    except ConflictError as e:
        columnar = {p.field for p in e.problems}
    else:
        columnar = set()
    assert ("intended_for_injury" in scalar) == ("intended_for_injury" in columnar)


@pytest.mark.parametrize(
    ("facts", "conflict"),
    [
        # law60: force used intentionally is not an intent to injure (an assault may be
        # reckless, and intend no injury): only an offence requiring that intent proves it
        ({"weapon": "knife", "intentional": True, "target": "person"}, False),
        ({"weapon": "knife", "offence_code": "8N", "target": "person"}, False),
        ({"weapon": "other", "offence_code": "1", "target": "person"}, True),  # murder proves it
        ({"weapon": "knife", "offence_code": "2", "target": "person"}, True),  # attempted murder
        ({"weapon": "knife", "intentional": False, "target": "person"}, False),
        ({"weapon": "knife", "intentional": True, "target": "property"}, False),
        ({"weapon": "none", "intentional": True, "target": "person"}, False),
        ({"intentional": True, "target": "person"}, False),  # no weapon known: no use known
    ],
)
def test_the_conflict_is_where_the_reading_meets_the_fact(
    facts: dict[str, Any], conflict: bool
) -> None:
    row = {"died": True, "victim_age": 30, "intended_for_injury": False, **facts}
    if conflict:
        with pytest.raises(ConflictError) as info:
            Incident.from_json(row)
        assert [p.field for p in info.value.problems] == ["intended_for_injury"]
        assert "s.1(4)" in str(info.value)
    else:
        assert classify(Incident.from_json(row)).qualifying_homicide.value != "yes"
