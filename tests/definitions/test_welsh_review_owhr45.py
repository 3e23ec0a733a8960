"""The Welsh Safeguarding Board review of PCSC Act 2022 s.26(3), read again (owhr45).

SI 2015/1466 reg 4(3) (read in the legalize-dev/legalize-uk mirror,
uk-wls/wsi-2015-1466.md): "A Board must undertake a concise practice review in any of the
following cases, where within the area of the Board, abuse or neglect of a child or adult
is known or suspected and— (a) the child or adult has— (i) died". The Board's area is
where the abuse or neglect is known or suspected, not the place of death nor where the
adult lived; a death in England of an adult with needs is settled by s.26(1)(c) (Care Act
2014 s.44(4)) whatever a Welsh board must do, so only a death in Wales leaves it open.
Reg 2: "adults" are those "who are, or may be, affected by the exercise of a Board's
functions", so ``care_and_support_needs: false`` does not rule the review out: the
no-other-reviews presumption does, and says so.
"""

from __future__ import annotations

from typing import Any

import attrs

from svduty.definitions import STATUTE, Incident, classify, classify_table

from .helpers import PILOT_KNIFE_HOMICIDE, to_table

OPEN = attrs.evolve(STATUTE, presume=())
CARDIFF: dict[str, Any] = {
    **PILOT_KNIFE_HOMICIDE,
    "country": "Wales",
    "location": "W06000015",
    "place_of_death": "W06000015",
}


def _reasons(data: dict[str, Any], definition: Any = STATUTE) -> dict[str, Any]:
    r = classify(Incident.from_json(data), definition)
    row = classify_table(to_table([data]), definition).to_pylist()[0]
    assert row["homicide_review"] == r.homicide_review.value
    assert row["reasons"] == [x.rule for x in r.reasons]
    return {
        "answer": r.homicide_review.value,
        "missing": r.missing_for("homicide_review"),
        "rules": {x.rule: x for x in r.reasons},
    }


def test_no_needs_in_wales_is_required_by_the_presumption_and_says_so() -> None:
    got = _reasons({**CARDIFF, "care_and_support_needs": False})
    assert got["answer"] == "required"
    reason = got["rules"]["OWHR-S26-3-NO-NEEDS"]
    assert "REVIEWS-NOT-GIVEN" in got["rules"]
    assert "'who are, or may be, affected by the exercise of a Board's functions'" in reason.says
    assert reason.citation is not None
    assert reason.citation.provision == "reg 2, reg 4(3), (4)"
    assert "s.135(2)" in (reason.citation.doubt or "")


def test_no_needs_in_wales_without_the_presumption_names_the_list() -> None:
    got = _reasons({**CARDIFF, "care_and_support_needs": False}, OPEN)
    assert got["answer"] == "undetermined"
    assert "other_reviews" in got["missing"]
    assert "OWHR-S26-3-NO-NEEDS" not in got["rules"]


def test_a_given_list_decides_and_the_presumption_reason_is_quiet() -> None:
    got = _reasons({**CARDIFF, "care_and_support_needs": False, "other_reviews": []})
    assert got["answer"] == "required"
    assert "OWHR-S26-3-NO-NEEDS" not in got["rules"]


def test_the_board_s_area_is_where_the_abuse_is_known_not_where_the_adult_died() -> None:
    # stabbed in Bristol, died in Cardiff: neglect may be known or suspected in Wales
    bristol = {k: v for k, v in CARDIFF.items() if k != "country"}
    got = _reasons({**bristol, "location": "E06000023", "care_and_support_needs": True})
    assert got["answer"] == "undetermined"
    assert got["missing"] == ("other_reviews",)
    says = got["rules"]["OWHR-S26-3-APR"].says
    assert "within the area of the Board" in says
    assert "not where the adult died or lived" in says


def test_a_death_in_england_of_an_adult_with_needs_is_settled_by_s26_1c() -> None:
    # stabbed in Cardiff, died in Birmingham: a Welsh board's review cannot bear
    cardiff = {k: v for k, v in CARDIFF.items() if k != "country"}
    data = {**cardiff, "place_of_death": "E08000025", "care_and_support_needs": True}
    got = _reasons(data)
    assert got["answer"] == "not_required"
    assert "OWHR-S26-1C" in got["rules"]
    assert "OWHR-S26-3-APR" not in got["rules"]
