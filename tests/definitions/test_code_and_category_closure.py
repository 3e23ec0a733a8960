"""An offence code with its police.uk category: removing the code never flips an answer.

Found by a monotonicity property drawing offence codes and categories together
(owhr-recheck43): arson endangering life (56A, "violence against property") published as
"Criminal damage and arson", with a complete behaviours list of ``["sexual"]`` only and
no domestic abuse. The code proved violence (``yes``); without it, the category proves
neither violence nor a Schedule 3 offence, and the list, read whole, has no physical
force: ``no``. Removing a fact turned ``yes`` into ``no``. The list without ``physical``
contradicts an arson (the vocabulary reads one as ``physical`` force against property),
as a list without any violence contradicts a code that proves it: what the facts and
the category rule out, a code that proves it contradicts (``offence_code``), in both
engines.
"""

from __future__ import annotations

import itertools
from typing import Any

import attrs
import pytest

from svduty.definitions import OFFENCES, STATUTE, Incident, classify
from svduty.definitions._knowledge import RULED_OUT
from svduty.definitions._offences import POLICE_UK_CATEGORIES
from svduty.definitions._vocab import Behaviour
from svduty.errors import ConflictError
from tests import traced_examples

from .helpers import conflicts_by_both_engines

OPEN = attrs.evolve(STATUTE, presume=())
ARSON: dict[str, Any] = {
    "offence_code": "56A",
    "police_uk_category": "Criminal damage and arson",
    "behaviours": ["sexual"],
    "relationship": "none",  # no domestic abuse
}


@pytest.mark.parametrize("definition", [STATUTE, OPEN], ids=["statute", "open"])
def test_removing_the_code_never_flips_violence(definition: Any) -> None:
    without = {k: v for k, v in ARSON.items() if k != "offence_code"}
    assert classify(Incident.from_json(without), definition).violence.value == "no"
    with pytest.raises(ConflictError) as info:
        classify(Incident.from_json(ARSON), definition)
    assert [(p.field, p.message) for p in info.value.problems] == [
        ("offence_code", RULED_OUT.format("violence"))
    ]


def test_both_engines_reject_the_row_alike() -> None:
    rows = [
        ARSON,
        {**ARSON, "behaviours": ["physical"]},  # arson by force: no conflict
        {**ARSON, "behaviours": ["sexual"], "police_uk_category": None},  # the code alone
        {"police_uk_category": "Robbery", "behaviours": []},  # the category alone
        {"offence_code": "34A", "police_uk_category": "Robbery", "behaviours": []},
    ]
    rows = [{k: v for k, v in r.items() if v is not None} for r in rows]
    rejected, columnar = conflicts_by_both_engines(rows)
    assert columnar == rejected
    assert sorted(rejected) == [1, 4, 5]


ANSWERS = ("violence", "in_scope", "domestic_abuse", "qualifying_homicide", "homicide_review")
FLIPS = {("yes", "no"), ("no", "yes"), ("required", "not_required"), ("not_required", "required")}
_PUBLISHED = sorted(
    (o.code, cat.name) for o in OFFENCES for cat in POLICE_UK_CATEGORIES if o.code in cat.codes
)
_BEHAVIOURS = [[], *([b.value] for b in Behaviour)]


def _answers(row: dict[str, Any], definition: Any) -> dict[str, str] | None:
    try:
        c = classify(Incident.from_json(row), definition)
    except ConflictError:
        return None
    return {a: getattr(c, a).value for a in ANSWERS}


@pytest.mark.parametrize("definition", [STATUTE, OPEN], ids=["statute", "open"])
def test_removing_a_code_its_category_keeps_flips_nothing(definition: Any) -> None:
    """With the code's own category beside it, removing the code never makes a conflict
    nor turns a settled answer over (the category is less knowledge, never other): every
    published code, each behaviour alone or none, without and with a personal connection."""
    without: dict[tuple[str, str, str], dict[str, str] | None] = {}  # the row without a code
    for (code, category), behaviours, relationship in itertools.product(
        _PUBLISHED, _BEHAVIOURS, ["none", "married"]
    ):
        row = {
            "police_uk_category": category,
            "behaviours": behaviours,
            "relationship": relationship,
            "victim_age": 30,
        }
        # coverage traces each code and category once, with no behaviour and no connection
        # (ci61a: what the offence table says of it), the other rows untraced
        traced = not behaviours and relationship == "none"
        before = traced_examples.call(traced, _answers, {**row, "offence_code": code}, definition)
        if before is None:
            continue
        # the same for every code of one category: classified once (ci57a; 224 rows, not 2,320)
        alike = (category, ",".join(behaviours), relationship)
        if alike not in without:
            without[alike] = traced_examples.call(traced, _answers, row, definition)
        after = without[alike]
        assert after is not None, (code, row)
        for a in ANSWERS:
            assert (before[a], after[a]) not in FLIPS, (a, code, row)
