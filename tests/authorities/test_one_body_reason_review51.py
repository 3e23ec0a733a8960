"""Two probation records joined by ``same_body_as`` are one body by that, not by OMA s.3(6)(b).

review51: ``may_disclose`` between two provider of probation services records that
``same_body_as`` joins, neither saying its provider is the Secretary of State, answered
``no`` (right: one legal body, s.16(1) "another person") but gave as its reason that both
"are both the Secretary of State as provider of probation services", citing the Offender
Management Act 2007 s.3(6)(b): a fact neither record states.
"""

from __future__ import annotations

import pytest

from svduty.authorities import Authority, AuthorityCategory, may_disclose
from svduty.sources import cite

from ..disclosure_facts import NOTHING_FORBIDS

C = cite("pcsc-act-2022", "Sch 1")
FACTS = NOTHING_FORBIDS


def _pdu(i: str, sos: bool | None, same: str | None = None) -> Authority:
    return Authority(
        i,
        f"{i} unit",
        AuthorityCategory.PROVIDER_OF_PROBATION_SERVICES,
        ("E07000906",),
        C,
        provider_is_secretary_of_state=sos,
        same_body_as=same,
    )


@pytest.mark.parametrize("flags", [(None, None), (True, None), (None, True)])
def test_same_body_as_is_the_reason_unless_both_say_secretary_of_state(
    flags: tuple[bool | None, bool | None],
) -> None:
    a = may_disclose(_pdu("east", flags[0]), _pdu("west", flags[1], same="east"), FACTS)
    assert a.verdict.value == "no", a.explain()
    one = [r for r in a.reasons if r.rule == "s.16(1)" and "another person" in r.says]
    assert len(one) == 1
    assert "one legal body in two capacities" in one[0].says
    assert "Secretary of State" not in one[0].says
    assert one[0].citation.source.id != "oma-2007"


def test_both_saying_secretary_of_state_is_still_the_oma_reason() -> None:
    a = may_disclose(_pdu("east", True), _pdu("west", True, same="east"), FACTS)
    one = [r for r in a.reasons if r.rule == "s.16(1)" and "another person" in r.says]
    assert a.verdict.value == "no"
    assert len(one) == 1
    assert one[0].citation.source.id == "oma-2007"


def test_two_units_perhaps_one_secretary_of_state_leave_s9_1_undetermined() -> None:
    """s.9(1) "two or more specified authorities": two units that may be one person.

    Both units saying their provider is the Secretary of State is a DataError (recheck51:
    one authority, not two); neither saying so was taken for two authorities, the doubt
    named nowhere, so telling both would turn an answer into an error unannounced.
    """
    from svduty.authorities import Authorities, must_consult_s9

    def unit(i: str, area: str, sos: bool | None) -> Authority:
        return Authority(
            i,
            f"{i} unit",
            AuthorityCategory.PROVIDER_OF_PROBATION_SERVICES,
            (area,),
            C,
            provider_is_secretary_of_state=sos,
        )

    within = {"E07000906": ["E07000906"], "E07000907": ["E07000907"]}
    for west in (None, False):
        records = [unit("east", "E07000906", None), unit("west", "E07000907", west)]
        authorities = Authorities(records, districts_within=within.__getitem__)
        a = must_consult_s9(authorities, ["E07000906", "E07000907"], ["east", "west"])
        named = [m for m in a.missing if m.startswith("provider_is_secretary_of_state")]
        assert bool(named) == (west is None), (west, a.missing)
        assert a.verdict.value == "undetermined"
