"""DVCVA 2004 s.9(1): the death must have resulted from the suspect's violence, abuse or
neglect (owhr43), and the country conflict worded alike by both engines.

s.9(1), read in the ``legalize-dev/legalize-uk`` mirror: "a review of the circumstances in
which the death of a person aged 16 or over has, or appears to have, resulted from
violence, abuse or neglect by— (a) a person to whom he was related or with whom he was or
had been in an intimate personal relationship, or (b) a member of the same household as
himself". Before the forty-third session svduty read the age and the relation only: a
married victim whose death nothing linked to the spouse's behaviour was a domestic
homicide review, and ``other_reviews: []`` beside her a rejected row.
"""

from __future__ import annotations

import itertools
from typing import Any

import pytest

from svduty.definitions import Incident, classify, classify_split, classify_table
from svduty.definitions._knowledge import DHR_OMITTED
from svduty.errors import ConflictError

from .helpers import conflicts_by_both_engines, to_table

ANSWERS = ("violence", "in_scope", "domestic_abuse", "qualifying_homicide", "homicide_review")
WIFE: dict[str, Any] = {  # a wife's death in Birmingham in the pilot period, a knife there
    "died": True,
    "target": "person",
    "weapon": "knife",
    "made_or_adapted": True,
    "relationship": "married",
    "country": "England",
    "location": "E08000025",
    "place_of_death": "E08000025",
    "victim_age": 30,
    "date": "2023-06-01",
    "date_of_death": "2023-06-01",
    "review_information": True,
    "body_located": True,
    "identity_recorded": True,
    "dsi_matter": False,
    "aware_before_pilot_end": True,  # SI 2023/227 reg 4(1)
}


def test_a_spouse_with_no_behaviour_known_is_not_a_domestic_homicide_review() -> None:
    """The relation alone does not show the death resulted from the spouse's violence."""
    c = classify(Incident.from_json(WIFE))
    assert c.homicide_review.value == "undetermined", c.explain()
    assert "behaviours" in c.missing_for("homicide_review")
    assert "OWHR-S26-1B" not in [r.rule for r in c.reasons]
    row = classify_table(to_table([WIFE])).to_pylist()[0]
    assert row["homicide_review"] == "undetermined"
    assert row["reasons"] == [r.rule for r in c.reasons]


def test_a_list_of_none_beside_such_a_spouse_is_no_conflict() -> None:
    """``other_reviews: []`` contradicts nothing the facts show: both engines keep it."""
    listed = {**WIFE, "other_reviews": []}
    c = classify(Incident.from_json(listed))
    assert c.homicide_review.value == "undetermined"
    kept, problems = classify_split(to_table([listed], all_columns=False))
    assert problems == ()
    assert kept.num_rows == 1
    # with the husband's violence known, the list omits a review the facts show
    violent = {**listed, "behaviours": ["physical"]}
    with pytest.raises(ConflictError) as info:
        Incident.from_json(violent)
    assert [p.message for p in info.value.problems] == [DHR_OMITTED]


def test_violence_abuse_or_neglect_each_shows_one() -> None:
    """Physical violence, abuse (economic), neglect, or an offence proving violence: each
    makes the death one a review may be held of; none (an accident) rules it out."""
    for extra in (
        {"behaviours": ["physical"]},
        {"behaviours": ["economic"]},
        {"behaviours": ["neglect"]},
        {"intentional": True},  # a knife used intentionally against her: physical force
        {"offence_code": "1"},  # murder proves violence
    ):
        c = classify(Incident.from_json({**WIFE, **extra}))
        assert c.homicide_review.value == "not_required", (extra, c.explain())
        assert "DVCVA-S9-1A" in [r.rule for r in c.reasons], extra
    accident = {**WIFE, "behaviours": [], "intentional": False}
    c = classify(Incident.from_json(accident))
    assert c.homicide_review.value == "required", c.explain()
    assert "DVCVA-S9-1-NO-VIOLENCE" in [r.rule for r in c.reasons]


GRID: dict[str, list[Any]] = {
    "behaviours": [None, [], ["physical"], ["neglect"], ["economic"]],
    "intentional": [True, False, None],
    "relationship": ["married", "none", None],
    "same_household": [True, None],
    "offence_code": [None, "1", "4.1"],
    "other_reviews": [None, [], ["domestic_homicide_review"]],
}


def test_both_engines_agree_on_the_grid() -> None:
    """Scalar and columnar reject the same rows in the same words, and answer the rest
    alike, reasons included (1,620 combinations)."""
    rows = []
    for combo in itertools.product(*GRID.values()):
        row = {**WIFE, **dict(zip(GRID, combo, strict=True))}
        rows.append({k: v for k, v in row.items() if v is not None})
    scalar: dict[int, Any] = {}
    rejected: dict[int, set[tuple[str | None, str]]] = {}
    for i, row in enumerate(rows, start=1):
        try:
            scalar[i] = classify(Incident.from_json(row))
        except ConflictError as exc:
            rejected[i] = {(p.field, p.message) for p in exc.problems}
    kept, problems = classify_split(to_table(rows, all_columns=False))
    columnar: dict[int, set[tuple[str | None, str]]] = {}
    for p in problems:
        columnar.setdefault(p.row or 0, set()).add((p.field, p.message))
    assert columnar == rejected
    assert kept.num_rows + len(columnar) == len(rows)  # every row accounted for
    assert any(DHR_OMITTED in {m for _, m in found} for found in rejected.values())
    got = kept.to_pylist()
    for (i, c), g in zip(sorted(scalar.items()), got, strict=True):
        for a in ANSWERS:
            assert g[a] == getattr(c, a).value, (i, a, rows[i - 1])
        assert g["reasons"] == [r.rule for r in c.reasons], rows[i - 1]


PLACES = [None, "E08000025", "W06000015", "S12000049", "N09000003"]


def test_the_country_conflict_is_worded_alike_by_both_engines() -> None:
    """The scalar engine quoted the country ("'Scotland' contradicts the location code"),
    the columnar one did not ("contradicts the location code"): the same words now."""
    rows = []
    for country, location, place in itertools.product(
        ["England", "Wales", "Scotland", "Northern Ireland", "outside_uk"], PLACES, PLACES
    ):
        row = {"country": country, "location": location, "place_of_death": place}
        rows.append({k: v for k, v in row.items() if v is not None})
    rejected, columnar = conflicts_by_both_engines(rows)
    assert columnar == rejected
    assert rejected  # the grid has conflicts
    words = {m for found in rejected.values() for _, m in found}
    assert "'Scotland' contradicts the location code" in {w[:40] for w in words}
