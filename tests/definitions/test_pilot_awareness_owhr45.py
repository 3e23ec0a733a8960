"""SI 2023/227 reg 4: whether a review partner was aware before the pilot ended (owhr45).

Reg 3(1) brings s.24 into force "for the pilot period"; reg 4(1) (read in the
legalize-dev/legalize-uk mirror, uk/uksi-2023-227.md) keeps the provisions "in effect in
relation to the death of a person where, before the end of the pilot period— (a) an
Offensive Weapons Homicide Review in respect of the person's death started and was not
discontinued, or (b) notwithstanding that an Offensive Weapons Homicide Review had not
started, a review partner was aware of qualifying circumstances in relation to the
person's death and the circumstances specified in paragraph (2) were not met". The
period has ended, so whether a review of a death in it is required depends on that:
``aware_before_pilot_end`` states it, and unknown leaves the answer undetermined unless
the definition makes the ``aware-in-time`` presumption (on by default since recheck45c:
tests/definitions/test_aware_in_time_recheck45c.py); here it does not.
"""

from __future__ import annotations

from typing import Any

import attrs
import pytest

from svduty.definitions import (
    OWHR_PILOT_AS_ANNOUNCED,
    OWHR_PILOT_AS_MADE,
    STATUTE,
    Incident,
    classify,
    classify_table,
)

from .helpers import PILOT_KNIFE_HOMICIDE, to_table

_FIELD = "aware_before_pilot_end"
_UNKNOWN: dict[str, Any] = {k: v for k, v in PILOT_KNIFE_HOMICIDE.items() if k != _FIELD}
# the statutory definition without the aware-in-time presumption (the owhr45 reading)
_OPEN = attrs.evolve(STATUTE, presume=tuple(p for p in STATUTE.presume if p != "aware-in-time"))


def _rules(data: dict[str, Any], **kw: Any) -> tuple[str, list[str], tuple[str, ...]]:
    r = classify(Incident.from_json(data), _OPEN, **kw)
    return r.homicide_review.value, [x.rule for x in r.reasons], r.missing_for("homicide_review")


def test_unknown_awareness_leaves_a_pilot_death_undetermined_naming_it() -> None:
    answer, rules, missing = _rules(_UNKNOWN)
    assert answer == "undetermined"
    assert missing == (_FIELD,)
    assert "OWHR-PILOT-REG4-UNKNOWN" in rules
    assert "OWHR-PILOT-REG4" not in rules


def test_aware_in_time_keeps_the_duty_after_the_period() -> None:
    answer, rules, _ = _rules({**_UNKNOWN, _FIELD: True})
    assert answer == "required"
    assert "OWHR-PILOT-REG4" in rules
    assert "OWHR-PILOT-REG4-UNKNOWN" not in rules


def test_first_known_of_after_the_period_no_review_is_required() -> None:
    r = classify(Incident.from_json({**_UNKNOWN, _FIELD: False}), _OPEN)
    assert r.homicide_review.value == "not_required"
    reason = {x.rule: x for x in r.reasons}["OWHR-PILOT-REG4-LAPSED"]
    assert reason.citation is not None
    assert reason.citation.provision == "reg 4(1), (2)"
    assert "started and was not discontinued" in (reason.citation.doubt or "")


def test_the_fact_is_quiet_where_the_death_is_outside_the_pilot() -> None:
    before = {**_UNKNOWN, "date": "2022-06-01", "date_of_death": "2022-06-01"}
    answer, rules, missing = _rules(before)
    assert answer == "not_required"
    assert _FIELD not in missing
    assert not {"OWHR-PILOT-REG4-UNKNOWN", "OWHR-PILOT-REG4-LAPSED"} & set(rules)


def test_both_pilots_read_it() -> None:
    for pilot in (OWHR_PILOT_AS_MADE, OWHR_PILOT_AS_ANNOUNCED):
        assert _rules(_UNKNOWN, pilot=pilot)[0] == "undetermined"
        assert _rules({**_UNKNOWN, _FIELD: False}, pilot=pilot)[0] == "not_required"


@pytest.mark.parametrize("aware", [None, True, False])
def test_the_columnar_engine_agrees(aware: bool | None) -> None:
    data = _UNKNOWN if aware is None else {**_UNKNOWN, _FIELD: aware}
    row = classify_table(to_table([data]), _OPEN).to_pylist()[0]
    scalar = classify(Incident.from_json(data), _OPEN)
    assert row["homicide_review"] == scalar.homicide_review.value
    assert row["reasons"] == [x.rule for x in scalar.reasons]
