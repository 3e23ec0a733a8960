"""Every decided answer carries the reasons that decided it, in both engines (reasons43).

A classification has one list of reasons (the rules that hold), not one per answer. For
any incident both engines accept, each answer is accounted for: a decided one (``yes``/
``no``, ``required``/``not_required``) by at least one reason of its own provisions, an
undetermined one by the facts that would settle it (``missing_by_answer``).

The list itself may be empty: an incident whose context is given as none and nothing
else (``{"context": []}``) has all five answers undetermined and no rule that holds
(hypothesis found it). So :meth:`Classification.from_json` cannot refuse an empty
``reasons`` list outright; only one beside a decided answer is never written.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from svduty.definitions import Incident, classify, classify_split, classify_table
from svduty.definitions._classification_contract import FAMILIES
from svduty.errors import SvdutyError

from .helpers import to_table
from .strategies import RESOLVE, incident_json, odd_incident_json
from .test_hostile_agreement_consist43 import hostile_json
from .test_properties import ALL_DEFINITIONS, ANSWERS

_OWN: dict[str, tuple[str, ...]] = FAMILIES  # what Classification.from_json requires (contract44)
"""The rule ids (by prefix) of each answer's provisions; ``in_scope``'s are the definition's."""


def _accounted(rules: list[str], verdicts: dict[str, str], missing: Any, definition: Any) -> None:
    """Every answer has a reason of its own (decided) or names what would settle it."""
    decided = [a for a in ANSWERS if verdicts[a] != "undetermined"]
    assert rules or not decided, ("no reasons", verdicts)
    own = {**_OWN, "in_scope": ("DEF-" + definition.id,)}
    for answer in ANSWERS:
        if verdicts[answer] == "undetermined":
            assert missing(answer), (answer, rules)
        else:
            assert any(r.startswith(own[answer]) for r in rules), (answer, verdicts, rules)


def _scalar(data: dict[str, Any], definition: Any) -> Any:
    try:
        return classify(Incident.from_json(data), definition, resolve_district=RESOLVE)
    except SvdutyError:
        return None


@given(
    st.lists(
        st.one_of(incident_json(), odd_incident_json(), hostile_json()), min_size=1, max_size=6
    ),
    st.sampled_from(ALL_DEFINITIONS),
)
def test_every_answer_carries_its_reasons_in_both_engines(rows, definition):
    kept, problems = classify_split(
        to_table(rows, all_columns=False), definition, resolve_district=RESOLVE
    )
    refused = {p.row for p in problems}
    out = iter(kept.to_pylist())
    for number, data in enumerate(rows, start=1):
        c = _scalar(data, definition)
        row = None if number in refused else next(out)
        if c is not None:
            verdicts = {a: getattr(c, a).value for a in ANSWERS}
            _accounted([r.rule for r in c.reasons], verdicts, c.missing_for, definition)
        if c is not None and row is not None:  # both engines accept it
            verdicts = {a: row[a] for a in ANSWERS}
            _accounted(row["reasons"], verdicts, c.missing_for, definition)


@pytest.mark.parametrize("definition", ALL_DEFINITIONS, ids=lambda d: d.id)
def test_an_incident_of_which_nothing_is_decided_may_have_no_reasons(definition):
    """The counter-example to "every classification has a reason": no context, nothing
    else. Every answer is undetermined and names what would settle it; no rule holds."""
    data: dict[str, Any] = {"context": []}
    c = classify(Incident.from_json(data), definition)
    row = classify_table(to_table([data], all_columns=False), definition).to_pylist()[0]
    assert c.reasons == ()
    assert row["reasons"] == []
    assert all(getattr(c, a).value == "undetermined" and c.missing_for(a) for a in ANSWERS)
