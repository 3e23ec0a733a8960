"""The incident rules read SI 2022/1261 reg 8 through ``pilot_partner`` (law51).

Reg 8 names, "in respect of all the deaths" (reg 5) of an incident in which "more than one
person dies ..., the location of the deaths is not known, or there is more than one
location", the review partners where a body or part of one "was recorded as found first"
in a pilot area. The pilot reaches a death whose relevant review partners are pilot partners
(SI 2023/227 reg 3(1)): a death outside the pilot police and ICB areas (Leeds) can be one.
``pilot_partner`` true for it was a ConflictError and, not given, the place of death alone
answered ``not_required`` with no reason saying reg 8 was read away. Now it is accepted, and
the place alone decides only by the ``partners-by-place`` presumption, stated (switchable):
without it the answer is undetermined, naming ``pilot_partner``.
"""

from __future__ import annotations

import itertools
from typing import Any

import attrs
import pytest

from svduty.definitions import STATUTE, Incident, classify, classify_table
from svduty.errors import ConflictError

from .helpers import PILOT_KNIFE_HOMICIDE, to_table

LEEDS, BIRMINGHAM, WARWICK = "E08000035", "E08000025", "E07000222"  # outside, pilot, possible
BASE = {k: v for k, v in PILOT_KNIFE_HOMICIDE.items() if k not in ("place_of_death", "location")}
BARE = attrs.evolve(STATUTE, presume=())


def test_pilot_partner_true_for_a_death_outside_the_pilot_areas_is_no_conflict() -> None:
    """Fails before law51: ConflictError 'contradicts the place of death (SI 2023/227)'."""
    row = {**BASE, "place_of_death": LEEDS, "pilot_partner": True}
    c = classify(Incident.from_json(row))
    assert c.homicide_review.value == "required", c.explain()
    table = classify_table(to_table([row])).to_pylist()[0]
    assert table["homicide_review"] == "required"
    assert table["reasons"] == [r.rule for r in c.reasons]


def test_the_place_alone_decides_only_by_a_stated_presumption() -> None:
    """Fails before law51: not_required with no presumption stated, and the same without it."""
    row = {**BASE, "place_of_death": LEEDS}
    presumed = classify(Incident.from_json(row))
    assert presumed.homicide_review.value == "not_required"
    stated = {r.rule: r for r in presumed.reasons}
    assert "OWHR-PILOT-PLACE-PRESUMED" in stated, presumed.explain()
    cited = stated["OWHR-PILOT-PLACE-PRESUMED"].citation
    assert (cited.source.id, cited.provision) == ("si-2022-1261", "reg 5, reg 6, reg 8, reg 10(1)")
    open_ = classify(Incident.from_json(row), BARE)
    assert open_.homicide_review.value == "undetermined"
    assert "pilot_partner" in open_.missing_for("homicide_review")
    columns = classify_table(to_table([row]), BARE).to_pylist()[0]
    assert columns["homicide_review"] == "undetermined"


def _answer(row: dict[str, Any], definition: Any) -> str:
    try:
        return classify(Incident.from_json(row), definition).homicide_review.value
    except ConflictError:
        return "conflict"


@pytest.mark.parametrize("definition", [STATUTE, BARE], ids=["presumptions", "none"])
def test_knowing_the_place_or_the_partner_never_turns_a_settled_answer(definition: Any) -> None:
    """Monotone in ``place_of_death`` and ``pilot_partner``: giving one never turns a settled
    answer (required or not_required) into another settled answer, save where the answer
    rested on the partners-by-place presumption (its reason stated) and ``pilot_partner``
    replaces what it read. Both engines agree on every combination. A guard: it passes
    before law51 too (pilot_partner true for Leeds was then a conflict, left out)."""
    places = (None, LEEDS, BIRMINGHAM, WARWICK)
    stated = (None, True, False)
    rows = {}
    for place, partner in itertools.product(places, stated):
        row = dict(BASE)
        if place is not None:
            row["place_of_death"] = place
        if partner is not None:
            row["pilot_partner"] = partner
        rows[(place, partner)] = row
    got = {k: _answer(r, definition) for k, r in rows.items()}
    settled = ("required", "not_required")
    for (place, partner), answer in got.items():
        if answer not in settled:
            continue
        more = [(p, partner) for p in places if place is None and p is not None]
        more += [(place, s) for s in stated if partner is None and s is not None]
        for key in more:
            after = got[key]
            if after in ("conflict", answer, "undetermined"):
                continue
            before = classify(Incident.from_json(rows[(place, partner)]), definition)
            why = ((place, partner), answer, key, after)
            assert key[1] is not None, why
            assert "OWHR-PILOT-PLACE-PRESUMED" in {r.rule for r in before.reasons}, why
    fine = [r for k, r in rows.items() if got[k] != "conflict"]
    table = classify_table(to_table(fine), definition).to_pylist()
    assert [t["homicide_review"] for t in table] == [got[k] for k in rows if got[k] != "conflict"]
