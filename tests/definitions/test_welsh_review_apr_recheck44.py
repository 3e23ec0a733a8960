"""The Welsh exception, s.26(3), read against the regulations' own text (apr-recheck44).

The Safeguarding Boards (Functions and Procedures) (Wales) Regulations 2015 (SI 2015/1466
(W. 160)), reg 4, as made (read in the legalize-dev/legalize-uk mirror,
uk-wls/wsi-2015-1466.md, from legislation.gov.uk):

    "(3) A Board must undertake a concise practice review in any of the following cases,
    where within the area of the Board, abuse or neglect of a child or adult is known or
    suspected and— (a) the child or adult has— (i) died, or ... (c) in respect of an adult,
    that adult has not been, on any date during the 6 months preceding the date of the
    event ..., a person in respect of whom a local authority has determined to take action
    to protect from abuse or neglect ..."

    "(4) A Board must undertake an extended practice review in any of the following cases
    where, within the area of the Board, abuse of a child or adult is known or suspected
    and— (a) the child or adult has— (i) died, ... (c) in respect of an adult, that adult
    has been, on any date during the 6 months preceding the date of the event ..., a
    person in respect of whom a local authority has determined to take action ..."

It says "a child or adult", not "an adult at risk": SSWB(W)A 2014 s.126(1)(c) ("unable to
protect himself or herself") is no condition of it (the Welsh boards' restatement, read
before, adds it). Reg 2: "adults" means "adults who are, or may be, affected by the
exercise of a Board's functions"; a Safeguarding Adults Board's objectives are adults
with needs for care and support who are experiencing, or are at risk of, abuse or
neglect (s.135(2)). The two paragraphs' 6-month conditions are complementary: for a
death from abuse one review or the other is required whatever the prior protective
action. What stays open is whether abuse (s.197(1): "physical, sexual, psychological,
emotional or financial abuse") or neglect of the victim is known or suspected, and
whether the adult with needs is the victim: the list says. So the answer's form stands
(``undetermined``, naming ``other_reviews``); its reason and citation now say what reg 4
says.
"""

from __future__ import annotations

from typing import Any

from svduty.definitions import STATUTE, Incident, classify, classify_table
from svduty.definitions._apr import APR_CITATION
from svduty.definitions._owhr import RULES
from svduty.sources import Confidence

from .helpers import PILOT_KNIFE_HOMICIDE, to_table

CARDIFF: dict[str, Any] = {
    **PILOT_KNIFE_HOMICIDE,
    "country": "Wales",
    "location": "W06000015",
    "place_of_death": "W06000015",
    "victim_age": 70,
    "care_and_support_needs": True,
}


def test_the_reason_says_what_reg_4_says_not_adult_at_risk() -> None:
    says = RULES["OWHR-S26-3-APR"].says
    assert "abuse or neglect of a child or adult is known or suspected" in says
    assert "unable to protect" not in says
    assert "s.126(1)" not in says
    assert "concise" in says  # reg 4(3)
    assert "extended" in says  # reg 4(4)
    assert "s.197(1)" in says  # what "abuse" is: whether the killing is, the list says


def test_the_citation_is_reg_4_3_and_4_read_as_made_with_the_doubt() -> None:
    assert (APR_CITATION.source.id, APR_CITATION.provision) == ("si-2015-1466", "reg 4(3), (4)")
    assert APR_CITATION.href == "https://www.legislation.gov.uk/wsi/2015/1466/regulation/4"
    assert APR_CITATION.confidence is Confidence.CONFIRMED
    doubt = APR_CITATION.doubt or ""
    for words in ("as made", "reg 2", "s.197(1)", "6 months", "neglect"):
        assert words in doubt, words
    assert "not read" not in doubt.split(";")[0]


def test_the_source_note_quotes_the_text_read() -> None:
    note = APR_CITATION.source.note or ""
    assert "a child or adult is known or suspected" in note
    assert "was not read" not in note


def test_the_answer_s_form_stands_in_both_engines() -> None:
    rows = [CARDIFF, {**CARDIFF, "victim_age": 16}, {**CARDIFF, "victim_age": None}]
    table = classify_table(to_table(rows), STATUTE).to_pylist()
    for data, got in zip(rows, table, strict=True):
        c = classify(Incident.from_json(data))
        assert got["homicide_review"] == c.homicide_review.value, data
        assert got["reasons"] == [r.rule for r in c.reasons], data
    adult, child, unknown = (classify(Incident.from_json(d)) for d in rows)
    assert (adult.homicide_review.value, adult.missing_for("homicide_review")) == (
        "undetermined",
        ("other_reviews",),
    )
    # reg 4 reaches a child too (a child practice review), but s.24(6)(a) asks a victim
    # of 18 or over: no homicide review either way, decided by the age
    assert child.homicide_review.value == "not_required"
    assert "OWHR-S24-6A-UNDER-18" in [r.rule for r in child.reasons]
    # age unknown: the age is what is missing first, whichever board would review
    assert unknown.homicide_review.value == "undetermined"
    assert "victim_age" in unknown.missing_for("homicide_review")
