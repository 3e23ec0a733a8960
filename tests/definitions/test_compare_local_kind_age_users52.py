"""compare_definitions names a kind of a definition's own whose age limit decides (users52).

A researcher compared two bundles' definitions, each limiting its own kind "violence
against young people" (``[[kinds]]`` with ``victim_age_below``) at a different age. For a
victim of 20, one answered yes and the other no, and the comparison named no rule at all:
only the definition's own ``victim_age_below`` was looked at. Against the London guidance
(``london-vru``: "violence ... affecting young people under the age of 25"), a victim of 30
was told only that london-vru "does not include s13_violence".
"""

from __future__ import annotations

import attrs
from hypothesis import given
from hypothesis import strategies as st

from svduty.definitions import (
    DEFINITIONS,
    Definition,
    Incident,
    Included,
    LocalKind,
    compare_definitions,
)
from svduty.io import load_packaged_definition
from svduty.sources import cite

from .helpers import warwickshire

SOURCE = cite("sv-strategy-2018", "scope")
FACTS: dict[str, object] = {
    "offence_code": "8N",
    "relationship": "none",
    "weapon": "knife",
    "intentional": True,
    "target": "person",
    "died": False,
    "harms": ["injury"],
    "behaviours": ["physical"],
    "perpetrator_age": 30,
}


def young(definition_id: str, below: int, **kind: object) -> Definition:
    """A definition including one kind of its own: s.13 violence against victims under ``below``."""
    citation = cite("sv-strategy-2018", f"young people under {below}")
    local = LocalKind(
        "young_violence", "violence against young people", citation, victim_age_below=below
    )
    return Definition(
        definition_id,
        f"under {below}",
        SOURCE,
        include=(Included("young_violence", citation),),
        kinds=(attrs.evolve(local, all_of=("s13_violence",), **kind),),
    )


def test_two_local_kinds_of_different_ages_name_the_limit_that_decides():
    under_25, under_18 = young("under-25", 25), young("under-18", 18)
    c = compare_definitions([Incident(id="v20", victim_age=20, **FACTS)], under_25, under_18)
    (d,) = c.differences
    assert (d.first.value, d.second.value) == ("yes", "no")
    (rule,) = d.rules
    assert rule.rule == "under-18:young_violence:victim_age_below"
    assert "(victim_age_below 18); the victim is 20" in rule.says
    assert rule.citation == under_18.kinds[0].citation
    assert "under-18:young_violence:victim_age_below" in str(c)


def test_the_london_guidance_names_its_young_people_limit_for_a_victim_of_30():
    london = load_packaged_definition("london-vru")
    c = compare_definitions(
        [Incident(id="v30", victim_age=30, **FACTS)], DEFINITIONS["pcsc-s13"], london
    )
    (d,) = c.differences
    rules = {r.rule: r for r in d.rules}
    assert "london-vru:violence_under_25:victim_age_below" in rules
    kind = next(k for k in london.kinds if k.id == "violence_under_25")
    assert rules["london-vru:violence_under_25:victim_age_below"].citation == kind.citation


def test_a_kind_included_only_within_a_kind_of_its_own_is_said_so():
    """london-vru includes s.13 violence within violence_under_25: not "does not"."""
    london = load_packaged_definition("london-vru")
    c = compare_definitions(
        [Incident(id="v30", victim_age=30, **FACTS)], DEFINITIONS["pcsc-s13"], london
    )
    (d,) = c.differences
    (said,) = [r.says for r in d.rules if r.rule == "pcsc-s13:include:s13_violence"]
    assert said == (
        "pcsc-s13 includes s13_violence; london-vru only within its own kind violence_under_25"
    )
    # a definition with no kind of its own over it still "does not"
    c = compare_definitions(
        [Incident(id="s", behaviours=["economic"], relationship="none")],
        warwickshire(),
        DEFINITIONS["pcsc-s13"],
    )
    assert [r.says for r in c.differences[0].rules] == [
        "warwickshire includes financial_abuse; pcsc-s13 does not"
    ]


def test_an_age_not_given_is_said_so():
    facts = {**FACTS}
    c = compare_definitions([Incident(id="v?", **facts)], DEFINITIONS["pcsc-s13"], young("y", 25))
    (d,) = c.differences
    assert (d.first.value, d.second.value) == ("yes", "undetermined")
    says = [r.says for r in d.rules if r.rule == "y:young_violence:victim_age_below"]
    assert says == [
        "y's kind young_violence limits victims' age (victim_age_below 25); "
        "the victim's age is not given"
    ]
    assert "y: victim_age" in d.missing


def test_no_age_reason_inside_the_limit_or_for_a_kind_the_incident_is_not_of():
    # inside both limits: the two agree, nothing to name
    c = compare_definitions(
        [Incident(id="v16", victim_age=16, **FACTS)], young("a", 25), young("b", 18)
    )
    assert c.differences == ()
    # a kind that needs a context flag the incident does not assert: its age does not decide
    gang = young("gang", 25, context=("gang",))
    c = compare_definitions(
        [Incident(id="v30", victim_age=30, context=[], **FACTS)], DEFINITIONS["pcsc-s13"], gang
    )
    (d,) = c.differences
    assert not [r for r in d.rules if r.rule.endswith(":victim_age_below")]


DEFINITIONS_COMPARED = [
    DEFINITIONS["pcsc-s13"],
    DEFINITIONS["who-2002"],
    load_packaged_definition("london-vru"),
    warwickshire(),
    young("under-25", 25),
    young("under-18", 18),
    attrs.evolve(DEFINITIONS["pcsc-s13"], id="strict", presume=()),
]


@given(
    pair=st.lists(
        st.sampled_from(DEFINITIONS_COMPARED), min_size=2, max_size=2, unique_by=lambda d: d.id
    ),
    age=st.none() | st.sampled_from([10, 17, 18, 20, 24, 25, 30]),
    code=st.sampled_from(["8N", "105A", "56B", "92A"]),
    relationship=st.none() | st.sampled_from(["none", "intimate_personal_relationship"]),
    context=st.none() | st.sampled_from([[], ["gang"]]),
)
def test_every_yes_against_no_names_a_rule(pair, age, code, relationship, context):
    """Where one definition says yes and the other no, the comparison names why."""
    first, second = pair
    incident = Incident(
        id="i",
        offence_code=code,
        victim_age=age,
        relationship=relationship,
        context=context,
        weapon="knife",
        intentional=True,
        target="person",
    )
    for d in compare_definitions([incident], first, second).differences:
        if {d.first.value, d.second.value} == {"yes", "no"}:
            assert d.rules, (first.id, second.id)
