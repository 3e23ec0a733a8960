"""The Welsh exception, s.26(3): adult practice reviews a board must undertake (owhr-recheck44).

s.26(3) switches the duty off "if regulations under section 135(4)(a) of the Social
Services and Well-being (Wales) Act 2014 require a Safeguarding Board to undertake a
review of the death". The Safeguarding Boards (Functions and Procedures) (Wales)
Regulations 2015 (SI 2015/1466 (W. 160)) require a practice review where "abuse or
neglect of a child or adult is known or suspected" and they have died (reg 4(3), (4); read
as "adult at risk" here at first, from Welsh boards' restatements: the regulation's text
says "adult", apr-recheck44). Whether the violence that killed them is such abuse is not
read from the incident. So, unlike
Care Act 2014 s.44(4) in England, needs alone do not settle the Welsh exception: a victim
with needs who died in Cardiff was answered ``required`` through the ``no-other-reviews``
presumption; it is now ``undetermined``, naming ``other_reviews``, in both engines.
"""

from __future__ import annotations

from typing import Any

import attrs
from hypothesis import assume, given
from hypothesis import strategies as st

from svduty.definitions import STATUTE, Incident, classify, classify_table
from svduty.errors import ConflictError

from .helpers import PILOT_KNIFE_HOMICIDE, to_table
from .strategies import FIELDS, RESOLVE, consistent, incident_json

OPEN = attrs.evolve(STATUTE, presume=())
CARDIFF: dict[str, Any] = {
    **PILOT_KNIFE_HOMICIDE,
    "country": "Wales",
    "location": "W06000015",
    "place_of_death": "W06000015",
    "victim_age": 70,
}
WALES_PLACES = ["W06000015", "W06000011", "W06000021"]  # Cardiff, Swansea, Monmouthshire


def _review(definition: Any = STATUTE, **extra: Any) -> tuple[str, tuple[str, ...], list[str]]:
    c = classify(Incident.from_json({**CARDIFF, **extra}), definition)
    return c.homicide_review.value, c.missing_for("homicide_review"), [r.rule for r in c.reasons]


def test_needs_in_wales_leave_the_review_open_naming_the_list() -> None:
    value, missing, reasons = _review(care_and_support_needs=True)
    assert (value, missing) == ("undetermined", ("other_reviews",))
    assert "OWHR-S26-3-APR" in reasons
    c = classify(Incident.from_json({**CARDIFF, "care_and_support_needs": True}))
    citation = {r.rule: r.citation for r in c.reasons}["OWHR-S26-3-APR"]
    assert citation is not None
    assert (citation.source.id, citation.provision) == ("si-2015-1466", "reg 4(3), (4)")
    assert citation.confidence.value == "confirmed"  # reg 4 read as made (apr-recheck44)
    assert citation.href == "https://www.legislation.gov.uk/wsi/2015/1466/regulation/4"
    # with no presumption the list was needed already; it is the one fact named
    assert _review(OPEN, care_and_support_needs=True)[:2] == ("undetermined", ("other_reviews",))


def test_the_list_decides_both_ways() -> None:
    listed = _review(care_and_support_needs=True, other_reviews=["welsh_safeguarding_review"])
    assert listed[0] == "not_required"
    assert "OWHR-S26-3" in listed[2]
    assert _review(care_and_support_needs=True, other_reviews=[])[:2] == ("required", ())
    for value, _, reasons in (listed, _review(care_and_support_needs=True, other_reviews=[])):
        assert "OWHR-S26-3-APR" not in reasons, value


def test_no_needs_or_none_known_answer_as_before() -> None:
    assert _review()[:2] == ("required", ())  # the presumption reads the absent fact too
    assert _review(care_and_support_needs=False)[:2] == ("required", ())
    assert "OWHR-S26-3-APR" not in _review()[2]


def test_england_is_unchanged() -> None:
    birmingham = {**PILOT_KNIFE_HOMICIDE, "care_and_support_needs": True}
    c = classify(Incident.from_json(birmingham))
    assert c.homicide_review.value == "not_required"
    assert "OWHR-S26-3-APR" not in [r.rule for r in c.reasons]


def test_both_engines_agree_row_for_row() -> None:
    rows = [
        {**CARDIFF, **extra}
        for extra in (
            {},
            {"care_and_support_needs": True},
            {"care_and_support_needs": False},
            {"care_and_support_needs": True, "other_reviews": []},
            {"care_and_support_needs": True, "other_reviews": ["welsh_safeguarding_review"]},
            {"care_and_support_needs": True, "place_of_death": "W06000021"},
            {"care_and_support_needs": True, "country": None, "place_of_death": None},
            {"care_and_support_needs": True, "died": None, "harms": None},
        )
    ]
    for definition in (STATUTE, OPEN):
        table = classify_table(to_table(rows), definition).to_pylist()
        for data, got in zip(rows, table, strict=True):
            c = classify(Incident.from_json(data), definition)
            assert got["homicide_review"] == c.homicide_review.value, data
            assert got["reasons"] == [r.rule for r in c.reasons], data


def _welsh(data: dict[str, Any], place: str) -> dict[str, Any]:
    out = {**data, "country": "Wales", "place_of_death": place, "care_and_support_needs": True}
    out.pop("other_reviews", None)
    return out


def _classified(data: dict[str, Any], definition: Any = STATUTE) -> Any:
    try:
        return classify(Incident.from_json(data), definition, resolve_district=RESOLVE)
    except ConflictError:
        assume(False)
        raise  # pragma: no cover


# a Welsh death whose facts agree (ci61a: four in five drawn whole did not, and were drawn again)
WELSH = consistent(
    st.builds(_welsh, incident_json(), st.sampled_from(WALES_PLACES)),
    keep=frozenset({"country", "place_of_death", "care_and_support_needs"}),
    resolve=RESOLVE,
)


@given(WELSH, FIELDS["other_reviews"])
def test_giving_the_list_settles_what_the_needs_left_open(welsh, listed) -> None:
    before = _classified(welsh)
    after = _classified({**welsh, "other_reviews": listed})
    assert "OWHR-S26-3-APR" not in [r.rule for r in after.reasons]
    assert "other_reviews" not in after.missing_facts
    if before.homicide_review.value != "undetermined":  # a settled answer stays settled
        assert after.homicide_review.value != "undetermined", listed


@given(WELSH)
def test_with_no_presumption_the_needs_never_unsettle_an_answer(welsh) -> None:
    """Monotone in what is known where nothing is presumed: knowing the needs in Wales never
    turns a settled review answer into ``undetermined`` (docs: a presumption "stands in for
    a fact until the fact is given", the one exception)."""
    without = dict(welsh)
    without.pop("care_and_support_needs")
    before = _classified(without, OPEN)
    after = _classified(welsh, OPEN)
    if before.homicide_review.value != "undetermined":
        assert after.homicide_review.value != "undetermined"
