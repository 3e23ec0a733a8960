"""SI 2022/1261 reg 7 where parts of one body were found in more than one area (law53).

Reg 7(1): "This regulation applies where one person dies, the location or likely location
of the death is not known and either— (a) the body of the person who died was recorded to
be found in a pilot area, (b) part of the body of the person who died was recorded to be
found in a pilot area, or (c) part of the body was recorded as found first in a pilot area,
where parts were found in more than one area." The text does not say whether (b) reaches
parts found in more than one area: svduty's reading (``first_part``: (c) decides that
case) is a choice, now named in the answer with the doubt, and the other (``any_part``:
(b) by its words) can be chosen. Before, the answer cited neither.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from svduty.authorities import (
    REG7_DOUBT,
    DeathPlaceFacts,
    Reg7Reading,
    relevant_review_partners,
)
from svduty.errors import ConflictError, DataError

RUGBY, COVENTRY, BIRMINGHAM, LAMBETH = "E07000220", "E08000026", "E08000025", "E09000022"
SWANSEA = "W06000011"
PLACES = [RUGBY, COVENTRY, BIRMINGHAM, LAMBETH, SWANSEA, "E06000052"]  # pilot or not


def _doubted(answer: object) -> bool:
    return any(r.citation.doubt == REG7_DOUBT for r in answer.reasons)  # type: ignore[attr-defined]


def test_the_first_part_decides_by_default_and_says_it_is_a_reading() -> None:
    facts = DeathPlaceFacts(
        death_place_known=False, body_found_area=RUGBY, other_parts_areas=(COVENTRY,)
    )
    first = relevant_review_partners(facts)
    assert first.verdict.value == "undetermined"
    assert first.missing == ("direction (reg 10(1))",)
    (said,) = [r for r in first.reasons if r.citation.doubt == REG7_DOUBT]
    assert "reading first_part" in said.says
    assert said.citation.provision == "reg 7(1)(b), (c), 7(2)(b), (c)"
    assert relevant_review_partners(facts, reading="first_part") == first


def test_any_part_found_in_a_pilot_area_brings_reg_7_in() -> None:
    facts = DeathPlaceFacts(
        death_place_known=False, body_found_area=RUGBY, other_parts_areas=(COVENTRY,)
    )
    a = relevant_review_partners(facts, reading=Reg7Reading.ANY_PART)
    assert a.verdict.value == "yes"
    assert "local authority: the council for Coventry (E08000026)" in a.subjects
    assert not any("Rugby" in s for s in a.subjects)
    assert _doubted(a)
    assert any("reading any_part" in r.says for r in a.reasons)
    # each pilot area where a part was found: reg 7(2)(b)
    both = DeathPlaceFacts(
        death_place_known=False, body_found_area=BIRMINGHAM, other_parts_areas=(LAMBETH,)
    )
    councils = [
        s for s in relevant_review_partners(both, reading="any_part").subjects if "council" in s
    ]
    assert councils == [
        "local authority: the council for Birmingham (E08000025)",
        "local authority: the council for Lambeth (E09000022)",
    ]
    assert [s for s in relevant_review_partners(both).subjects if "council" in s] == councils[:1]


def test_not_known_whether_other_parts_were_found_is_missing_only_under_any_part() -> None:
    facts = DeathPlaceFacts(death_place_known=False, body_found_area=RUGBY, direction=False)
    assert relevant_review_partners(facts).verdict.value == "no"
    a = relevant_review_partners(facts, reading="any_part")
    assert a.verdict.value == "undetermined"
    assert a.missing == ("other_parts_areas (reg 7(1)(b))", "several_locations (reg 8(1))")
    # a direction given settles it wherever the parts (reg 10(1))
    directed = DeathPlaceFacts(death_place_known=False, body_found_area=RUGBY, direction=True)
    assert relevant_review_partners(directed, reading="any_part").verdict.value == "yes"
    # every part found in one area: no doubt to cite
    one = DeathPlaceFacts(death_place_known=False, body_found_area=RUGBY, other_parts_areas=())
    assert not _doubted(relevant_review_partners(one))


def test_other_parts_of_one_body_contradict_several_deaths() -> None:
    with pytest.raises(ConflictError, match="other_parts_areas"):
        DeathPlaceFacts(
            death_place_known=False,
            body_found_area=RUGBY,
            several_locations=True,
            other_parts_areas=(COVENTRY,),
        )
    with pytest.raises(DataError, match="first_part"):
        relevant_review_partners(DeathPlaceFacts(), reading="first")


facts_strategy = st.builds(
    DeathPlaceFacts,
    death_place_known=st.just(False),
    body_found_area=st.sampled_from(PLACES),
    direction=st.none() | st.booleans(),
    several_locations=st.none() | st.just(False),
    other_parts_areas=st.none() | st.lists(st.sampled_from(PLACES), max_size=3).map(tuple),
)


def _settled(facts: DeathPlaceFacts, reading: str) -> object:
    try:
        a = relevant_review_partners(facts, reading=reading)
    except ConflictError:
        return "conflict"
    return (a.verdict, a.subjects, a.missing)


@given(facts_strategy, st.lists(st.sampled_from(PLACES), max_size=2).map(tuple))
def test_readings_differ_only_where_the_text_does(facts: DeathPlaceFacts, told: tuple) -> None:
    """first_part never reads other parts; any_part names them while they could matter."""
    import attrs

    unknown = attrs.evolve(facts, other_parts_areas=None)
    known = attrs.evolve(facts, other_parts_areas=told)
    assert _settled(unknown, "first_part") == _settled(known, "first_part")
    before = _settled(unknown, "any_part")
    after = _settled(known, "any_part")
    if before != after and "conflict" not in (before, after):  # a direction may contradict
        assert "other_parts_areas (reg 7(1)(b))" in before[2]  # type: ignore[index]
        assert before[0].value == "undetermined"  # type: ignore[index]
    if not told or all(p == facts.body_found_area for p in told):
        assert after == _settled(known, "first_part")  # one area: (b) and (c) agree
    if after != "conflict":
        a = relevant_review_partners(known, reading="any_part")
        assert _doubted(a) == (told != ())
