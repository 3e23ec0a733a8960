"""The Secretary of State is one provider of probation services (recheck51).

Offender Management Act 2007 s.3(6)(b): a "provider of probation services" is "the
Secretary of State (in relation to probation provision which is the subject of
arrangements that are in force under subsection (5))". Two records of units whose
provider is the Secretary of State are one person: not "another person" (PCSC Act 2022
s.16(1)), one of "two or more specified authorities" (s.9(1)), not "every other specified
authority" to itself (s.9(4)(a)). A record that does not say leaves it not known.
"""

from __future__ import annotations

import itertools

import pytest

from svduty.authorities import (
    Authorities,
    Authority,
    AuthorityCategory,
    may_disclose,
    must_consult_s9,
)
from svduty.errors import DataError
from svduty.sources import cite

from ..disclosure_facts import NOTHING_FORBIDS

C = cite("pcsc-act-2022", "Sch 1")
FACTS = NOTHING_FORBIDS
WITHIN = {"E07000906": ["E07000906"], "E07000907": ["E07000907"]}


def _pdu(i: str, area: str, sos: bool | None) -> Authority:
    return Authority(
        i,
        f"{i} Probation Delivery Unit",
        AuthorityCategory.PROVIDER_OF_PROBATION_SERVICES,
        (area,),
        C,
        provider_is_secretary_of_state=sos,
    )


def _council(i: str, area: str) -> Authority:
    return Authority(i, f"{i} District Council", AuthorityCategory.DISTRICT_COUNCIL, (area,), C)


def test_the_secretary_of_state_does_not_disclose_to_itself_under_s16() -> None:
    a = may_disclose(_pdu("east", "E07000906", True), _pdu("west", "E07000907", True), FACTS)
    assert a.verdict.value == "no", a.explain()
    one = [r for r in a.reasons if r.rule == "s.16(1)" and r.citation.source.id == "oma-2007"]
    assert one
    assert "Secretary of State" in one[0].says


def test_a_provider_of_unknown_status_leaves_s16_undetermined_naming_it() -> None:
    a = may_disclose(_pdu("east", "E07000906", True), _pdu("west", "E07000907", None), FACTS)
    assert a.verdict.value == "undetermined", a.explain()
    assert any(m.startswith("provider_is_secretary_of_state") for m in a.missing)


@pytest.mark.parametrize(("east", "west"), list(itertools.product((True, False, None), repeat=2)))
def test_s16_between_two_providers_is_monotone_in_what_is_known(
    east: bool | None, west: bool | None
) -> None:
    """Telling whether a provider is the Secretary of State never turns a yes to a no."""
    now = may_disclose(_pdu("e", "E07000906", east), _pdu("w", "E07000907", west), FACTS)
    for e, w in itertools.product((True, False), repeat=2):
        if (east is not None and e != east) or (west is not None and w != west):
            continue
        later = may_disclose(_pdu("e", "E07000906", e), _pdu("w", "E07000907", w), FACTS)
        if now.verdict.value != "undetermined":
            assert later.verdict == now.verdict, (east, west, e, w)
    assert (now.verdict.value == "no") == (east is True and west is True)


def _authorities(west_sos: bool | None) -> Authorities:
    return Authorities(
        [
            _council("d6", "E07000906"),
            _council("d7", "E07000907"),
            _pdu("east", "E07000906", True),
            _pdu("west", "E07000907", west_sos),
        ],
        districts_within=WITHIN.__getitem__,
    )


def test_the_secretary_of_state_preparing_a_s9_strategy_is_not_another_to_consult() -> None:
    a = must_consult_s9(_authorities(True), ["E07000906", "E07000907"], ["d6", "east"])
    assert "west" not in a.subjects, a.explain()
    assert "d7" in a.subjects


def test_a_provider_of_unknown_status_is_listed_with_the_doubt_named() -> None:
    a = must_consult_s9(_authorities(None), ["E07000906", "E07000907"], ["d6", "east"])
    assert "west" in a.subjects
    assert a.verdict.value == "undetermined"
    assert any(m.startswith("provider_is_secretary_of_state") for m in a.missing)


def test_two_units_of_the_secretary_of_state_are_one_of_two_or_more_authorities() -> None:
    with pytest.raises(DataError, match="Secretary of State"):
        must_consult_s9(_authorities(True), ["E07000906", "E07000907"], ["east", "west"])
