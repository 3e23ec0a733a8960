"""``care_and_support_needs``: s.26(1)(c) and Care Act 2014 s.44(1), (4) (forty-first session).

A safeguarding adults review is of "a case involving an adult in its area with needs for
care and support" (s.44(1), (4)); one that may be arranged takes precedence over an
offensive weapons homicide review (PCSC Act 2022 s.26(1)(c)). The fact is optional and
additive: absent, the answer is what it was before it existed; given, it settles the
question both ways; a list of other reviews it contradicts is a conflict, the same in
both engines.
"""

from __future__ import annotations

from typing import Any

import attrs
import pytest

from svduty.definitions import STATUTE, Incident, classify, classify_table, split_rejected
from svduty.definitions._presume import PRESUMPTIONS
from svduty.definitions._sar import SAR_NO_NEEDS, SAR_OMITTED_WORDS
from svduty.errors import ConflictError

from .helpers import PILOT_KNIFE_HOMICIDE, to_table

OPEN = attrs.evolve(STATUTE, presume=())
KNIFED: dict[str, Any] = PILOT_KNIFE_HOMICIDE  # a qualifying homicide in the pilot
_NAMED = {"other_reviews": ["safeguarding_adults_review"]}


def _review(definition: Any = STATUTE, **extra: Any) -> tuple[str, tuple[str, ...]]:
    c = classify(Incident.from_json({**KNIFED, **extra}), definition)
    return c.homicide_review.value, c.missing_for("homicide_review")


def test_absent_it_answers_as_before() -> None:
    # the default presumption reads the absent list, and now the absent fact, as none known
    assert _review() == ("required", ())
    assert _review(other_reviews=[]) == ("required", ())
    # with no presumption the fact is needed, list or no list: an empty list does not say
    # the case involves no adult with needs (the facts decide, as for s.26(1)(b))
    assert _review(OPEN, other_reviews=[]) == ("undetermined", ("care_and_support_needs",))
    assert _review(OPEN, other_reviews=[], care_and_support_needs=False) == ("required", ())
    assert PRESUMPTIONS["no-other-reviews"].reads == ("care_and_support_needs",)


def test_an_open_definition_names_it_while_it_is_absent() -> None:
    value, missing = _review(OPEN)
    assert value == "undetermined"
    assert "care_and_support_needs" in missing
    # false settles s.26(1)(c); the list is still needed for s.26(1)(a), (3) and (2), (4)
    assert _review(OPEN, care_and_support_needs=False) == ("undetermined", ("other_reviews",))
    assert _review(OPEN, care_and_support_needs=True) == ("not_required", ())


@pytest.mark.parametrize("definition", [STATUTE, OPEN])
def test_it_settles_the_review_both_ways(definition: Any) -> None:
    assert _review(definition, care_and_support_needs=True)[0] == "not_required"
    flagged = {**_NAMED, "care_and_support_needs": True}
    assert _review(definition, **flagged)[0] == "not_required"
    c = classify(Incident.from_json({**KNIFED, "care_and_support_needs": False}), definition)
    assert "OWHR-S26-1C-NO-NEEDS" in [r.rule for r in c.reasons]


def test_a_death_in_wales_is_no_english_boards_case() -> None:
    cardiff = {"country": "Wales", "location": "W06000015", "place_of_death": "W06000015"}
    assert _review(**cardiff, care_and_support_needs=True, other_reviews=[])[0] == "required"


CONFLICTS = [
    ({**KNIFED, "care_and_support_needs": True, "other_reviews": []}, SAR_OMITTED_WORDS),
    (
        {**KNIFED, "care_and_support_needs": False, **_NAMED},
        SAR_NO_NEEDS,
    ),
]


@pytest.mark.parametrize(("row", "words"), CONFLICTS)
def test_a_contradicted_list_is_the_same_conflict_in_both_engines(row: dict, words: str) -> None:
    with pytest.raises(ConflictError) as info:
        Incident.from_json(row)
    assert [(p.field, p.message) for p in info.value.problems] == [
        ("care_and_support_needs", words)
    ]
    rows = [row, KNIFED, {**row, "died": None, "harms": None, "offence_code": None}]
    kept, problems = split_rejected(to_table(rows, all_columns=False))
    found = [(p.row, p.field, p.message) for p in problems]
    # both read only where a death is known, as the reviews by age are (sar41: the "no
    # needs" conflict was raised where nobody was known to have died)
    assert found == [(1, "care_and_support_needs", words)]
    assert kept.num_rows == 2
    nobody = {**row, "died": None, "harms": None, "offence_code": None}
    assert Incident.from_json(nobody).care_and_support_needs is row["care_and_support_needs"]


def test_both_engines_agree_row_for_row() -> None:
    rows = [
        {**KNIFED, **extra}
        for extra in (
            {},
            {"care_and_support_needs": True},
            {"care_and_support_needs": False},
            {
                "care_and_support_needs": True,
                "country": "Wales",
                "location": "W06000015",
                "place_of_death": "W06000015",
            },
            {"care_and_support_needs": True, "country": None, "place_of_death": None},
        )
    ]
    for definition in (STATUTE, OPEN):
        table = classify_table(to_table(rows), definition).to_pylist()
        for data, got in zip(rows, table, strict=True):
            c = classify(Incident.from_json(data), definition)
            assert got["homicide_review"] == c.homicide_review.value
            assert got["reasons"] == [r.rule for r in c.reasons]


def test_no_needs_cites_the_provision_that_decides_it() -> None:
    # "no safeguarding adults review" is decided by Care Act 2014 s.44(1), (4), which
    # review only "a case involving an adult in its area with needs for care and support";
    # s.26(1)(c) only says such a review takes precedence (as DVCVA-S9-1-NOT-CONNECTED
    # cites DVCVA 2004 s.9(1), not s.26(1)(b)) (owhr-recheck41)
    c = classify(Incident.from_json({**KNIFED, "care_and_support_needs": False}), STATUTE)
    citation = {r.rule: r.citation for r in c.reasons}["OWHR-S26-1C-NO-NEEDS"]
    assert citation is not None
    assert (citation.source.id, citation.provision) == ("care-act-2014", "s.44(1), (4)")
    assert citation.href == "https://www.legislation.gov.uk/ukpga/2014/23/section/44"
    # the reason that it takes precedence stays s.26(1)(c), with the reading's doubts
    c = classify(Incident.from_json({**KNIFED, "care_and_support_needs": True}), STATUTE)
    precedence = {r.rule: r.citation for r in c.reasons}["OWHR-S26-1C"]
    assert precedence is not None
    assert (precedence.source.id, precedence.provision) == ("pcsc-act-2022", "s.26(1)(c)")
    assert precedence.doubt is not None
    assert "another adult" in precedence.doubt


def test_adding_the_list_never_unsettles_what_the_fact_decided() -> None:
    """The fresh-clone run's property test found it: with needs and a death in England the
    answer was not_required; adding an other_reviews list that omits the review (a death
    not known, so no conflict) made it undetermined. The fact now decides whatever the
    list says."""
    row = {
        "intentional": False,
        "location": "E08000025",
        "country": "England",
        "date_of_death": "2023-04-01",
        "made_or_adapted": True,
        "intended_for_injury": False,
        "care_and_support_needs": True,
    }
    before = classify(Incident.from_json(row), STATUTE).homicide_review.value
    for reviews in ([], ["mental_health_investigation"]):
        after = classify(Incident.from_json({**row, "other_reviews": reviews}), STATUTE)
        assert after.homicide_review.value == before == "not_required"


def test_the_presumption_is_stated_where_it_reads_the_absent_fact_beside_a_list() -> None:
    """With ``other_reviews`` given and the fact not, the Act's definition answered
    ``required`` where the open one is ``undetermined`` for want of the fact: the
    ``no-other-reviews`` presumption read the absent fact, but its reason was given only
    where the list is absent, so it applied in silence. It is stated wherever it reads."""
    on = classify(Incident.from_json({**KNIFED, "other_reviews": []}), STATUTE)
    off = classify(Incident.from_json({**KNIFED, "other_reviews": []}), OPEN)
    assert (on.homicide_review.value, off.homicide_review.value) == ("required", "undetermined")
    assert "REVIEWS-NOT-GIVEN" in [r.rule for r in on.reasons]
    assert "REVIEWS-NOT-GIVEN" not in [r.rule for r in off.reasons]
    # both given: nothing is presumed, and the reason is not given
    told = {**KNIFED, "other_reviews": [], "care_and_support_needs": False}
    assert "REVIEWS-NOT-GIVEN" not in [r.rule for r in classify(Incident.from_json(told)).reasons]
    # the columnar engine states it too
    table = classify_table(to_table([{**KNIFED, "other_reviews": []}]), STATUTE)
    assert "REVIEWS-NOT-GIVEN" in table.column("reasons").to_pylist()[0]
