"""How many Home Office codes "would settle" a police.uk category's rows: codes, not groups.

The packaged offence join (the Police-Supply-Demand project's join of ONS tables, OGL
data, see ``svduty/data/ATTRIBUTION.md``) lists the homicide group as one row, coded
``1/4.1/4.10/4.2``, beside its four parts (murder 1, manslaughter 4.1, infanticide 4.2,
corporate manslaughter 4.10). A force's record carries one of the parts, never the group:
the report's "an offence code would settle a row for N of the M offence codes published
under the category" counted homicide five times ("31 of the 57" for violence and sexual
offences, whose distinct codes are 56).
"""

from __future__ import annotations

import csv
from importlib.resources import files

from svduty.definitions import OFFENCES, STATUTE, Incident, classify
from svduty.io._settle import settle

VSO = "Violence and sexual offences"
GROUP = "1/4.1/4.10/4.2"


def _settle_vso():
    combo = {
        "within_area": "inside",
        "police_uk_category": VSO,
        "month": "2025-06",
        "location": None,
        "rows": 4,
    }
    (s,) = settle([combo], "in_scope", STATUTE)
    return s


def test_the_homicide_group_is_not_counted_beside_its_parts():
    joined = files("svduty.data").joinpath("offences").joinpath("policeuk-ons-code-join.csv")
    with joined.open(encoding="utf-8") as f:
        category = "Violence and Sexual Offences"  # as the join writes it
        rows = [r for r in csv.DictReader(f) if r["POLICE_UK_CAT_MAP_category"] == category]
    published = {r["ONS_SEVERITY_code"] for r in rows}
    group = next(c for c in published if c.startswith("1,"))  # "1, 4.1/2/10"
    parts = {"1", "4.1", "4.2", "4.10"}
    # the join's distinct codes, the group as its four parts, and 8U (svduty's addition)
    expected = (published - {group}) | parts | {"8U"}
    assert {o.code for o in OFFENCES if o.police_uk_category == VSO} - {GROUP} == expected
    s = _settle_vso()
    assert s.codes == len(expected) == 56
    assert "of the 56 offence codes published under the category" in s.text()


def test_the_codes_settling_are_the_codes_whose_answer_is_settled():
    settled = [
        o.code
        for o in OFFENCES
        if o.police_uk_category == VSO
        and o.code != GROUP
        and classify(
            Incident(police_uk_category=VSO, offence_code=o.code, date="2025-06-01")
        ).in_scope.value
        != "undetermined"
    ]
    assert "1" in settled  # murder is violence (s.13); manslaughter's kinds differ
    assert _settle_vso().codes_settling == len(settled)
