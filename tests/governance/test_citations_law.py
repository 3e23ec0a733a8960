"""Citations of governance and funding rules: national law cites the law, practice the partnership.

PCSC Act 2022 s.8(3) (revised text to 7 March 2023, legislation.gov.uk, as mirrored by
github.com/legalize-dev/legalize-uk ``uk/ukpga-2022-32.md``): the specified authorities
for a local government area must "(a) identify the kinds of serious violence that occur in
the area, (b) identify the causes of serious violence in the area, so far as it is possible
to do so, and (c) prepare and implement a strategy ...". A strategic needs assessment does
(a) and (b); the strategy is (c).
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import attrs
import pytest

import svduty
from svduty._data import data
from svduty.authorities import InformationFacts, may_disclose
from svduty.errors import FundingError
from svduty.funding import DUTY_PROVISIONS, CostCategory, Project
from svduty.governance import GOVERNANCE_RULES

P = svduty.warwickshire()


def _project(pid: str) -> Project:
    return next(p for p in P.funding.projects if p.id == pid)


def test_needs_assessment_serves_s8_3_a_and_b() -> None:
    assert _project("strategic-needs-assessment").duties == ("s.8(3)(a)", "s.8(3)(b)")


def test_strategy_serves_s8_3_c_not_b() -> None:
    # s.8(3)(b) is identifying the causes; preparing the strategy is s.8(3)(c)
    assert _project("strategy").duties == ("s.8(3)(c)",)


def test_duty_provisions_carry_the_statute_words() -> None:
    assert DUTY_PROVISIONS["s.8(3)(a)"].startswith("identify the kinds of serious violence")
    assert DUTY_PROVISIONS["s.8(3)(b)"].startswith("identify the causes of serious violence")
    assert DUTY_PROVISIONS["s.8(3)(c)"].startswith("prepare and implement a strategy")


def test_every_packaged_project_cites_a_known_provision() -> None:
    for p in P.funding.projects:
        assert set(p.duties) <= set(DUTY_PROVISIONS), p.id


def test_trace_rejects_a_provision_the_act_does_not_have() -> None:
    bad = Project("p", "P", CostCategory.LABOUR, duties=("s.8(3)(d)",))
    model = attrs.evolve(P.funding, projects=(bad,))
    with pytest.raises(FundingError, match=r"projects\[0\]\.duties\[0\]"):
        P.strategy.trace(model)


def test_national_source_ids_are_unique() -> None:
    with data("sources.toml").open("rb") as f:
        ids = [s["id"] for s in tomllib.load(f)["sources"]]
    assert sorted(i for i in set(ids) if ids.count(i) > 1) == []


def test_national_rules_cite_national_legislation() -> None:
    from svduty.governance import GOVERNANCE_RULES
    from svduty.sources import CATALOGUE, SourceKind

    for rule in GOVERNANCE_RULES.values():
        assert rule.citation.source.id in CATALOGUE, rule.id
        assert rule.citation.source.kind is SourceKind.LEGISLATION, rule.id


def test_practice_rules_cite_the_partnership_not_legislation() -> None:
    from svduty.sources import SourceKind

    for rule in P.governance_rules:
        assert rule.citation.source.kind not in (
            SourceKind.LEGISLATION,
            SourceKind.STATUTORY_INSTRUMENT,
        ), rule.id


def test_a_month_read_as_its_last_day_is_unconfirmed() -> None:
    # the seed gives "March 2023", "January 2024" and "no later that November 2023"
    # (council report 5.2) alike, without a day: each last day is svduty's reading. Only
    # "30th April 2023" names its day.
    import re

    from svduty.sources import Confidence

    day = re.compile(r"\b\d{1,2}(st|nd|rd|th)?\b")
    read = [m for m in P.timetable.milestones if not day.search(m.due_text or "")]
    assert {m.id for m in read} >= {"partnership-in-place", "nbbc-local-delivery-plan"}
    for m in read:
        assert m.citation.confidence is Confidence.UNCONFIRMED, m.id
        assert m.citation.doubt, m.id


def test_approvals_refuse_a_category_the_agreement_does_not_have() -> None:
    with pytest.raises(FundingError, match="category"):
        P.funding.grant_flow.approvals("Labour")


def test_flexible_use_is_provided_for_labour_money_only() -> None:
    # Funding Provision: "The Home Office is flexible on how labour funding is spent
    # provided that the specified authorities jointly agree"; nothing like it for
    # non-labour money, so the question has no answer from the agreement
    with pytest.raises(FundingError, match="jointly_agreed_use"):
        P.funding.grant_flow.approvals("non_labour", jointly_agreed_use=True)


def test_the_reference_docs_cite_each_national_rule_as_the_code_does() -> None:
    text = (Path(__file__).parents[2] / "docs" / "reference" / "governance.rst").read_text(
        encoding="utf-8"
    )
    text = " ".join(text.split())
    assert "Crime and Disorder Act 1998 s.5(1), (1A)-(1BA)" in text
    for rule in GOVERNANCE_RULES.values():
        assert f"``{rule.id}`` (" in text
        assert f" {rule.citation.provision}) " in text or f" {rule.citation.provision})." in text


def test_s16_1_docstrings_say_held_for_the_purposes_of_its_functions() -> None:
    # s.16(1): information "that it holds for the purposes of its functions", not "in
    # connection with" them
    for doc in (InformationFacts.__doc__, may_disclose.__doc__):
        assert doc is not None
        words = " ".join(doc.split())
        assert "for the purposes of its functions" in words
        assert "in connection with" not in words


def test_every_chair_of_the_packaged_bodies_has_its_own_source():
    """A policy review: the SOC Tactical Group's chair (Warwickshire Police) had no
    ``chair_citation``, so the partnership agreement, which names no chair, was its source.
    The strategy says only that the group's meetings are "Police and criminal justice led":
    the chair is cited to it, unconfirmed, with the doubt written down."""
    chaired = [b for b in P.governance.bodies if b.chair is not None]
    assert chaired
    for body in chaired:
        assert body.chair_citation is not None, body.id
    tactical = P.governance.get("soc-tactical-group").chair_citation
    assert tactical.confidence.value == "unconfirmed"
    assert "Police and criminal justice led" in tactical.doubt
