"""A review partner's duties for one death (law47): ss.24(1)-(5), 26, 27, 28(6), 29-30.

The case files of ``tests/cases/reviews`` each name the rule that decides them; a
hypothesis property checks that adding facts never unsettles a settled answer.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, reject
from hypothesis import strategies as st

from svduty.answers import Answer
from svduty.authorities import (
    DeathPlaceFacts,
    RequestFacts,
    ReviewFacts,
    may_include_in_report,
    must_arrange_review,
    must_notify,
    must_notify_again,
    must_provide_information,
    notification_deadline,
    relevant_review_partners,
)
from svduty.errors import ArgumentError, ConflictError
from svduty.io import read_toml

CASES = Path(__file__).parents[1] / "cases" / "reviews"
RULES: dict[str, Callable[[Any], Answer]] = {
    "must_arrange_review": must_arrange_review,
    "must_notify": must_notify,
    "must_notify_again": must_notify_again,
    "must_provide_information": must_provide_information,
    "may_include_in_report": may_include_in_report,
    "notification_deadline": notification_deadline,
    "relevant_review_partners": relevant_review_partners,
}
FACTS: dict[str, type[Any]] = {
    "must_arrange_review": ReviewFacts,
    "must_notify": ReviewFacts,
    "must_notify_again": ReviewFacts,
    "must_provide_information": RequestFacts,
    "may_include_in_report": RequestFacts,
    "notification_deadline": ReviewFacts,
    "relevant_review_partners": DeathPlaceFacts,
}
NEVER_NO: set[str] = set()  # owhr49: outside the pilot areas, no direction: no partner


def all_cases() -> list[Any]:
    return [
        pytest.param(case, id=f"{path.stem}:{case['id']}")
        for path in sorted(CASES.glob("*.toml"))
        for case in read_toml(path)["cases"]
    ]


@pytest.mark.parametrize("case", all_cases())
def test_case(case: dict[str, Any]) -> None:
    got: Answer = RULES[case["rule"]](FACTS[case["rule"]](**case.get("facts", {})))
    assert got.verdict.value == case["expect"], [r.says for r in got.reasons]
    assert case["decided_by"] in {r.rule for r in got.reasons}
    if "missing" in case:
        assert list(got.missing) == case["missing"]
    assert got.value == case.get("value")
    if "subjects" in case:
        assert list(got.subjects) == case["subjects"]
    for r in got.reasons:  # every reason cites a source, with a provision
        assert r.citation.provision


def test_every_rule_has_yes_no_and_undetermined_cases() -> None:
    seen = {(c.values[0]["rule"], c.values[0]["expect"]) for c in all_cases()}
    for rule in RULES:
        verdicts = {"yes", "undetermined"} | (set() if rule in NEVER_NO else {"no"})
        assert {v for r, v in seen if r == rule} == verdicts


# the value under which each fact lets a duty or power arise: drawn more often than the
# other, so that answers turning on one or two facts are common
AGAINST = {
    "review_by_others",
    "other_review",
    "mental_health_case",
    "knew_no_duty_when_aware",
    "dsi_matter",
    "breaches_data_protection",
    "breaches_investigatory_powers",
    "might_jeopardise_safety",
    "might_prejudice_investigation",
}


def maybe(name: str) -> st.SearchStrategy[bool | None]:
    duty = name not in AGAINST
    return st.sampled_from([None, None, duty, duty, duty, duty, not duty])


def given_value(name: str) -> st.SearchStrategy[bool]:
    return st.sampled_from([name not in AGAINST, name in AGAINST])


days = st.one_of(st.none(), st.dates(datetime.date(2023, 1, 1), datetime.date(2026, 12, 31)))


@st.composite
def facts_and_more(draw: st.DrawFn, kind: type[Any]) -> tuple[Any, Any]:
    """Facts, and the same facts with some unknown ones given.

    Drawn consistent, not drawn and rejected: ``ReviewFacts`` refuses a day of awareness
    with ``aware_of_qualifying_circumstances`` false (s.27(7), (8)), and
    ``regulation_conditions`` against what reg 4(2)'s own facts settle; drawn freely, 55-70%
    of its draws were such conflicts, rejected (ci61b). Every pair the free draw let through
    can still be drawn.
    """
    known: dict[str, Any] = {}
    more: dict[str, Any] = {}
    for field in attrs.fields(kind):
        if field.name == "aware_on" and more.get("aware_of_qualifying_circumstances") is False:
            known[field.name] = more[field.name] = None
            continue
        value = draw(days) if field.name == "aware_on" else draw(maybe(field.name))
        known[field.name] = value
        if value is None:
            value = draw(days) if field.name == "aware_on" else draw(given_value(field.name))
        more[field.name] = value
    if "regulation_conditions" in more:  # what reg 4(2)'s facts settle, the more facts' too
        settled = kind(**{**more, "regulation_conditions": None}).reg_4_conditions
        if settled is not None:
            if known["regulation_conditions"] is not None:
                known["regulation_conditions"] = settled
            more["regulation_conditions"] = settled
    try:
        return kind(**known), kind(**more)
    except ConflictError:  # facts that contradict each other are refused, not answered
        reject()


@pytest.mark.parametrize(
    "rule", sorted(set(RULES) - {"relevant_review_partners"})
)  # places: test_owhr_law48
@given(data=st.data())
def test_adding_facts_never_unsettles_a_settled_answer(rule: str, data: st.DataObject) -> None:
    pair = data.draw(facts_and_more(FACTS[rule]))
    less, more = (RULES[rule](f) for f in pair)
    if not less.undetermined:
        assert more.verdict is less.verdict, [r.says for r in more.reasons]
        if less.value is not None:
            assert more.value == less.value


def test_a_fact_of_the_wrong_type_is_refused_naming_the_field() -> None:
    with pytest.raises(ArgumentError, match="in_force"):
        ReviewFacts(in_force="yes")  # type: ignore[arg-type]


def test_yes_names_the_duty_and_a_review_partner_outside_the_pilot_is_told_why() -> None:
    out = must_arrange_review(ReviewFacts(in_force=False))
    assert out.no
    assert "pilot partners" in out.reasons[0].says
    assert out.reasons[0].citation.source.id == "si-2023-227"
