"""SI 2023/227 reg 4(1)(b): the ``aware-in-time`` presumption (recheck45c).

Reg 4(1) (read in the legalize-dev/legalize-uk mirror, uk/uksi-2023-227.md) keeps the
pilot's provisions in effect for a death where, "before the end of the pilot period— ...
(b) notwithstanding that an Offensive Weapons Homicide Review had not started, a review
partner was aware of qualifying circumstances in relation to the person's death and the
circumstances specified in paragraph (2) were not met". PCSC Act 2022 s.27(7)
(uk/ukpga-2022-32.md): a partner "becomes aware of qualifying circumstances ... if the
review partner becomes aware of such facts as make it likely that— (a) the conditions
mentioned in section 24(1)(a) and (b) are satisfied in relation to the death, and (b) the
review partner is one of the relevant review partners". The duty itself arises "Where a
review partner considers that" the death was a qualifying homicide (s.24(1)): svduty's
answer already supposes partners who know the facts given; reg 4 adds only that they knew
in time. The police force of the place of death is a pilot partner (reg 1(2)) and knows a
homicide when it is found, so a definition may presume it (stated, switchable, on by
default), as it presumes no other review; ``aware_before_pilot_end`` given replaces it.
"""

from __future__ import annotations

from typing import Any

import attrs
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from svduty.definitions import (
    OWHR_PILOT_AS_ANNOUNCED,
    OWHR_PILOT_AS_MADE,
    PRESUMPTIONS,
    STATUTE,
    Incident,
    classify,
    classify_table,
)
from svduty.definitions._presume import DEFAULT_PRESUMPTIONS
from svduty.errors import ConflictError, DataError

from .helpers import PILOT_KNIFE_HOMICIDE, to_table
from .strategies import FIELDS, RESOLVE

_FIELD = "aware_before_pilot_end"
_ID = "aware-in-time"
_RULE = "OWHR-PILOT-REG4-PRESUMED"
_UNKNOWN: dict[str, Any] = {k: v for k, v in PILOT_KNIFE_HOMICIDE.items() if k != _FIELD}
_WITHOUT = attrs.evolve(STATUTE, presume=tuple(p for p in STATUTE.presume if p != _ID))
_NONE = attrs.evolve(STATUTE, presume=())


def test_the_presumption_is_on_by_default_and_reads_the_field() -> None:
    assert _ID in DEFAULT_PRESUMPTIONS
    assert _ID in STATUTE.presume
    p = PRESUMPTIONS[_ID]
    assert (p.field, p.rule_id) == (_FIELD, _RULE)
    assert p.citation.provision == "reg 4(1)(b), (2)"


def test_a_pilot_homicide_without_the_fact_is_required_resting_on_the_presumption() -> None:
    r = classify(Incident.from_json(_UNKNOWN))
    assert r.homicide_review.value == "required"
    assert r.missing_for("homicide_review") == ()
    reasons = {x.rule: x for x in r.reasons}
    assert _RULE in reasons
    assert reasons[_RULE].says.startswith("presumption (switchable)")
    assert "OWHR-PILOT-REG4-UNKNOWN" not in reasons
    assert "OWHR-PILOT-REG4" not in reasons  # stated as presumed, not as a given fact
    assert _RULE in r.explain()


@pytest.mark.parametrize("definition", [_WITHOUT, _NONE], ids=["switched-off", "none"])
def test_without_the_presumption_the_review_is_undetermined_naming_the_fact(
    definition: Any,
) -> None:
    r = classify(Incident.from_json(_UNKNOWN), definition)
    assert r.homicide_review.value == "undetermined"
    assert _FIELD in r.missing_for("homicide_review")
    rules = [x.rule for x in r.reasons]
    assert _RULE not in rules
    assert "OWHR-PILOT-REG4-UNKNOWN" in rules


def test_the_fact_given_replaces_the_presumption() -> None:
    no = classify(Incident.from_json({**_UNKNOWN, _FIELD: False}))
    assert no.homicide_review.value == "not_required"
    assert "OWHR-PILOT-REG4-LAPSED" in [x.rule for x in no.reasons]
    yes = classify(Incident.from_json({**_UNKNOWN, _FIELD: True}))
    assert yes.homicide_review.value == "required"
    for r in (no, yes):
        assert _RULE not in [x.rule for x in r.reasons]


@pytest.mark.parametrize(
    "change",
    [
        {"date": "2022-06-01", "date_of_death": "2022-06-01"},  # before the pilot
        {"relationship": "married"},  # a domestic homicide review takes precedence
        # not a qualifying homicide (s.24(6)(b)); no article left to be intended (law60)
        {"weapon": "none", "intended_for_injury": None},
    ],
    ids=["before-the-pilot", "dhr", "no-weapon"],
)
def test_the_presumption_is_stated_only_where_it_may_bear(change: dict[str, Any]) -> None:
    data = {k: v for k, v in {**_UNKNOWN, **change}.items() if v is not None}
    r = classify(Incident.from_json(data))
    assert r.homicide_review.value != "required"
    assert _RULE not in [x.rule for x in r.reasons]


@pytest.mark.parametrize("pilot", [OWHR_PILOT_AS_MADE, OWHR_PILOT_AS_ANNOUNCED])
@pytest.mark.parametrize("aware", [None, True, False])
@pytest.mark.parametrize("definition", [STATUTE, _WITHOUT, _NONE], ids=["on", "off", "none"])
def test_the_columnar_engine_agrees(definition: Any, aware: bool | None, pilot: Any) -> None:
    data = _UNKNOWN if aware is None else {**_UNKNOWN, _FIELD: aware}
    row = classify_table(to_table([data]), definition, pilot=pilot).to_pylist()[0]
    scalar = classify(Incident.from_json(data), definition, pilot=pilot)
    assert row["homicide_review"] == scalar.homicide_review.value
    assert row["reasons"] == [x.rule for x in scalar.reasons]


@st.composite
def _near_pilot_homicide(draw: st.DrawFn) -> dict[str, Any]:
    """The pilot knife homicide, some of its facts dropped or redrawn (the fact left out)."""
    data = dict(_UNKNOWN)
    for name in draw(st.sets(st.sampled_from(sorted(FIELDS)), max_size=4)):
        value = draw(FIELDS[name])
        if name == _FIELD or value is None:
            data.pop(name, None)
        else:
            data[name] = value
    return data


@settings(max_examples=60, deadline=None)
@given(_near_pilot_homicide(), st.sampled_from([OWHR_PILOT_AS_MADE, OWHR_PILOT_AS_ANNOUNCED]))
def test_the_presumption_settles_only_what_it_reads_and_says_so(
    data: dict[str, Any], pilot: Any
) -> None:
    """Off, a settled answer stays; on, what it settles was open for the fact, and stated."""
    try:
        incident = Incident.from_json(data)
    except (ConflictError, DataError):
        assume(False)
        return
    on = classify(incident, STATUTE, pilot=pilot, resolve_district=RESOLVE)
    off = classify(incident, _WITHOUT, pilot=pilot, resolve_district=RESOLVE)
    stated = _RULE in [x.rule for x in on.reasons]
    if on.homicide_review.value != off.homicide_review.value:
        assert off.homicide_review.value == "undetermined", data
        assert _FIELD in off.missing_for("homicide_review"), data
        assert on.homicide_review.value == "required", data
        assert stated, data
    assert _FIELD not in on.missing_for("homicide_review"), data
    assert _RULE not in [x.rule for x in off.reasons]
    row = classify_table(
        to_table([data]), STATUTE, pilot=pilot, resolve_district=RESOLVE
    ).to_pylist()[0]
    assert row["homicide_review"] == on.homicide_review.value
    assert row["reasons"] == [x.rule for x in on.reasons]
