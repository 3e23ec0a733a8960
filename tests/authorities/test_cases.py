"""The legal case files of tests/cases/authorities: each case names the rule that decides it."""

from __future__ import annotations

import functools
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

import svduty
from svduty.answers import Answer
from svduty.authorities import (
    Authorities,
    InformationFacts,
    can_be_directed,
    local_government_areas,
    may_assist,
    may_disclose,
    may_require_information,
    must_consult_s8,
    must_consult_s9,
    role_of,
    specified_authorities_for,
)
from svduty.io import load_authorities, read_toml
from svduty.sources import Confidence

CASES = Path(__file__).parents[1] / "cases" / "authorities"
FIXTURE = CASES / "fixture.toml"


def load_fixture() -> tuple[Authorities, dict[str, list[str]]]:
    data = read_toml(FIXTURE)
    geography: dict[str, list[str]] = data.pop("geography")
    auths = load_authorities(data, file=FIXTURE.name)
    return auths.with_districts_within(lambda code: geography[code]), geography


AUTHS, GEOGRAPHY = load_fixture()


def districts_within(code: str) -> Iterable[str]:
    return GEOGRAPHY[code]


def all_cases() -> list[Any]:
    out = []
    for path in sorted(CASES.glob("*.toml")):
        if path == FIXTURE:
            continue
        for case in read_toml(path)["cases"]:
            out.append(pytest.param(case, id=f"{path.stem}:{case['id']}"))
    return out


@functools.cache
def initialised(areas: tuple[str, ...]) -> Authorities:
    """The authorities ``svduty init`` writes for real areas (the packaged ONS tables)."""
    with tempfile.TemporaryDirectory(prefix="svduty-cases-") as folder:
        path = Path(folder) / "bundle"
        svduty.new_bundle(path, list(areas))
        return svduty.load_partnership(path).authorities


def with_records(records: list[dict[str, Any]]) -> Authorities:
    """The fixture with a case's own ``records`` added (one with a fixture id replaces it)."""
    data = read_toml(FIXTURE)
    data.pop("geography")
    ids = {r["id"] for r in records}
    data["authorities"] = [a for a in data["authorities"] if a["id"] not in ids] + records
    auths = load_authorities(data, file=FIXTURE.name)
    return auths.with_districts_within(lambda code: GEOGRAPHY[code])


def run(case: dict[str, Any]) -> Answer:
    rule = case["rule"]
    # a case with ``init`` asks about the bundle svduty init writes for those real areas;
    # one with ``records``, about the fixture with those records added or replaced (law51)
    auths = initialised(tuple(case["init"])) if "init" in case else AUTHS
    if "records" in case:
        auths = with_records(case["records"])
    within = auths.districts_within if "init" in case else districts_within
    assert within is not None
    a = auths.get(case["authority"]) if "authority" in case else None
    other = auths.get(case["other"]) if "other" in case else None
    facts = InformationFacts(**case.get("facts", {}))
    if rule == "role_of":
        assert a is not None
        return role_of(a)
    on = case.get("on")
    if rule == "specified_authorities_for":
        return specified_authorities_for(auths, case["lga"], on=on)
    if rule == "must_consult_s8":
        return must_consult_s8(auths, case["lga"], on=on)
    if rule == "must_consult_s9":
        return must_consult_s9(auths, case["area"], case["collaborators"], on=on)
    if rule == "may_assist":
        assert a is not None
        return may_assist(
            a,
            case["area"],
            section=case["section"],
            districts_within=within,
            on=case.get("on"),
            area_periods=auths.area_periods,
        )
    if rule == "may_disclose":
        assert a is not None
        assert other is not None
        # the collection the records come from, unless the case gives the two alone (law54)
        whole = None if case.get("alone") else auths
        return may_disclose(a, other, facts, on=case.get("on"), authorities=whole)
    if rule == "may_require_information":
        assert a is not None
        assert other is not None
        return may_require_information(
            a,
            other,
            facts,
            districts_within=within,
            relevant_area=case.get("relevant_area"),
            area_periods=auths.area_periods,
            on=case.get("on"),
            authorities=None if case.get("alone") else auths,
        )
    if rule == "can_be_directed":
        assert a is not None
        return can_be_directed(
            a,
            case["duty"],
            devolved_welsh_authority=case.get("devolved_welsh_authority"),
            welsh_ministers_consent=case.get("welsh_ministers_consent"),
            on=case.get("on"),
        )
    raise AssertionError(f"unknown rule in case file: {rule}")


@pytest.mark.parametrize("case", all_cases())
def test_case(case: dict[str, Any]) -> None:
    decided_by = case["decided_by"]
    cites = case.get("cites", decided_by)
    if case["rule"] == "local_government_areas":
        auths = initialised(tuple(case["init"])) if "init" in case else AUTHS
        a = auths.get(case["authority"])
        within = auths.districts_within if "init" in case else districts_within
        assert within is not None
        assert list(local_government_areas(a, within)) == case["lgas"]
        assert cites in a.info.join_citation.provision
        return
    answer = run(case)
    assert answer.verdict.value == case["expect"], answer.explain()
    deciding = [r for r in answer.reasons if r.rule == decided_by]
    assert deciding, f"no reason with rule {decided_by}:\n{answer.explain()}"
    assert any(cites in r.citation.provision for r in deciding), answer.explain()
    if "confidence" in case:  # how sure the deciding citation is (a row read, or not)
        assert {r.citation.confidence.value for r in deciding} == {case["confidence"]}
    if "subjects" in case:
        assert sorted(answer.subjects) == sorted(case["subjects"]), answer.explain()
    if "value" in case:
        assert answer.value == case["value"]
    for fragment in case.get("missing", []):
        assert any(fragment in m for m in answer.missing), (fragment, answer.missing)
    for fragment in case.get("not_missing", []):  # a fact the answer must not name (law51)
        assert not any(fragment in m for m in answer.missing), (fragment, answer.missing)


@pytest.mark.parametrize("case", all_cases())
def test_every_reason_carries_a_citation(case: dict[str, Any]) -> None:
    if case["rule"] == "local_government_areas":
        return
    answer = run(case)
    assert answer.reasons
    for r in answer.reasons:
        assert r.rule
        assert r.says
        c = r.citation
        assert c.source.id
        assert c.href
        if c.source.id == "pcsc-act-2022":
            assert c.provision, r
        if c.confidence is Confidence.UNCONFIRMED:
            assert c.doubt


def test_case_files_cover_each_section() -> None:
    decided = set()
    for param in all_cases():
        decided.add(param.values[0]["decided_by"])
    for section in ("s.8(4)", "s.9(4)", "s.11(6)", "s.14(1)", "s.16(4)", "s.17(6)", "s.18(5)"):
        assert any(d.startswith(section) for d in decided), section
    for carve_out in "abcd":
        assert f"s.16(4)({carve_out})" in decided


def test_every_rule_function_has_cases() -> None:
    import svduty.authorities as pkg

    rules = {
        "role_of",
        "specified_authorities_for",
        "must_consult_s8",
        "must_consult_s9",
        "may_assist",
        "may_disclose",
        "may_require_information",
        "can_be_directed",
        "local_government_areas",
    }
    assert rules <= set(pkg.__all__)
    assert {p.values[0]["rule"] for p in all_cases()} == rules


def test_a_record_that_ended_leaves_an_answer_with_no_day_undetermined() -> None:
    """No silent today: an ended record's powers need the day asked to be settled."""
    gone, police, pcc = AUTHS.get("gone"), AUTHS.get("police"), AUTHS.get("old-pcc")
    facts = InformationFacts(
        held_for_own_functions=True,
        for_recipient_functions=True,
        patient_information=False,
        breaches_data_protection=False,
        breaches_investigatory_powers=False,
    )
    answers = [
        can_be_directed(gone, "s.8"),
        may_disclose(gone, police, facts),
        may_assist(pcc, ["E07000903"], districts_within=districts_within),
        specified_authorities_for(AUTHS, "E07000903", districts_within=districts_within),
    ]
    for a in answers:
        assert a.verdict.value == "undetermined", a.explain()
        assert any(m.startswith("on (the day asked") for m in a.missing), a.missing
    assert may_disclose(police, AUTHS.get("d1"), facts).verdict.value == "yes"
    on_the_day = specified_authorities_for(
        AUTHS, "E07000903", on="2023-03-31", districts_within=districts_within
    )
    assert "gone" in on_the_day.subjects
    assert not any(m.startswith("on (") for m in on_the_day.missing), on_the_day.missing
