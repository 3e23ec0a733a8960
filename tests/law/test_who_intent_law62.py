"""WHO 2002's intent for an offence code that does not prove it: a stated presumption (law62).

``intentional-use`` reads an absent ``intentional`` as true where an offence code or police.uk
category is given that neither says it nor may be committed without intent (an assault, which
may be reckless: law61). It is off unless a definition's ``presume`` lists it, so the default
answers are law61's; on, it only settles answers that were undetermined, each naming it
(``INTENT-NOT-GIVEN-WHO``), so an analyst's "N more rows if intent is presumed" is the count of
``in_scope`` yes with it less the count without it. Both engines read it alike.
"""

from __future__ import annotations

from typing import Any

import attrs
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from svduty.definitions import OFFENCES, Incident, classify, classify_table
from svduty.definitions._law import INTENTIONAL_USE
from svduty.definitions._presume import DEFAULT_PRESUMPTIONS, PRESUMPTIONS
from svduty.errors import ConflictError
from tests.definitions.helpers import to_table, warwickshire
from tests.definitions.strategies import consistent, incident_json

WARWICKSHIRE = warwickshire()
PRESUMING = attrs.evolve(WARWICKSHIRE, presume=(*WARWICKSHIRE.presume, INTENTIONAL_USE))
REASON = PRESUMPTIONS[INTENTIONAL_USE].rule_id
ANSWERS = ("violence", "in_scope", "domestic_abuse", "qualifying_homicide", "homicide_review")
SETTLED = {"yes", "no", "required", "not_required"}
# what the presumption reads: its field, and the code and category whose silence it reads
READ = {"intentional", "offence_code", "police_uk_category"} | {
    f for p in PRESUMPTIONS.values() for f in (p.field, *p.reads)
}  # and what the other presumptions read


def test_the_presumption_is_off_unless_a_definition_makes_it() -> None:
    assert INTENTIONAL_USE not in DEFAULT_PRESUMPTIONS
    assert INTENTIONAL_USE not in WARWICKSHIRE.presume
    c = classify(Incident(offence_code="8N"), WARWICKSHIRE)
    assert c.in_scope.value == "undetermined"
    assert REASON not in [r.rule for r in c.reasons]


def test_every_code_the_engines_agree_with_the_presumption_made() -> None:
    rows = [{"offence_code": o.code} for o in OFFENCES]
    out = classify_table(to_table(rows), PRESUMING).to_pylist()
    presumed = set()
    for data, row in zip(rows, out, strict=True):
        scalar = classify(Incident.from_json(data), PRESUMING)
        assert row["in_scope"] == scalar.in_scope.value, data
        assert row["reasons"] == [r.rule for r in scalar.reasons], data
        if REASON in row["reasons"]:
            presumed.add(data["offence_code"])
    # the codes whose offence may be reckless, and no code whose offence proves the intent
    assert {"104", "105A", "105B", "8N", "8P", "8S", "11A"} <= presumed
    assert not presumed & {"1", "2", "3B", "5D", "34A", "34B"}


def _classify(data: dict[str, Any], definition: Any) -> Any:
    try:
        return classify(Incident.from_json(data), definition)
    except ConflictError:
        return None


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(consistent(incident_json()))
def test_making_the_presumption_only_settles_what_was_open_and_says_so(data) -> None:
    off = classify(Incident.from_json(data), WARWICKSHIRE)
    on = classify(Incident.from_json(data), PRESUMING)
    named = REASON in [r.rule for r in on.reasons]
    for a in ANSWERS:
        before, after = getattr(off, a).value, getattr(on, a).value
        if before in SETTLED:
            assert after == before, (a, data)
        elif after != before:  # settled by the presumption alone: it says so
            assert named, (a, data)
            assert "intentional" in off.missing_for(a), (a, data)


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(consistent(incident_json()), st.data())
def test_removing_a_fact_it_does_not_read_never_flips_yes_and_no(data, draw) -> None:
    fields = sorted(set(data) - READ)
    assume(fields)
    field = draw.draw(st.sampled_from(fields))
    before = _classify(data, PRESUMING)
    assume(before is not None)
    after = _classify({k: v for k, v in data.items() if k != field}, PRESUMING)
    assert after is not None
    for a in ANSWERS:
        pair = {getattr(before, a).value, getattr(after, a).value}
        assert pair not in ({"yes", "no"}, {"required", "not_required"}), (a, field, data)


def test_the_analysts_count_of_rows_open_for_want_of_intent() -> None:
    """Classified with and without the presumption, the rows it settles are those it names."""
    rows = [
        {"offence_code": "8N"},
        {"offence_code": "105A"},
        {"offence_code": "8N", "intentional": True},
        {"offence_code": "8N", "intentional": False},
        {"offence_code": "1"},
        {"offence_code": "49"},
        {"behaviours": ["physical"], "target": "person", "harms": ["injury"]},
    ]
    off = classify_table(to_table(rows), WARWICKSHIRE).column("in_scope").to_pylist()
    on_table = classify_table(to_table(rows), PRESUMING)
    on = on_table.column("in_scope").to_pylist()
    more = on.count("yes") - off.count("yes")
    assert more == 2  # the bare 8N and 105A
    stated = [REASON in r for r in on_table.column("reasons").to_pylist()]
    assert more == sum(1 for o, n, s in zip(off, on, stated, strict=True) if o != n and s)
