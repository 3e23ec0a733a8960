"""SI 2023/227 reg 4 in the words of the reason that decides a pilot death (owhr-recheck44).

``OWHR-PILOT-DATE`` is the reason a "required" answer in the pilot gives for the date. It
paraphrased reg 4 as keeping the duty after the period where "a review had started or a
review partner was aware": reg 4(1)(a) reads "started and was not discontinued", and reg
4(1)(b) holds only where "the circumstances specified in paragraph (2) were not met" (the
partner knew s.26 excluded the death, or notified the Secretary of State of no duty and
"did not give subsequent notification that they were under that duty"). Nor did it say
that svduty, having no fact for when a partner became aware, answered as if in time; since
owhr45 the fact is ``aware_before_pilot_end`` and the reason names it.
"""

from __future__ import annotations

from svduty.definitions import OWHR_PILOT_AS_ANNOUNCED, OWHR_PILOT_AS_MADE, Incident, classify

from .helpers import PILOT_KNIFE_HOMICIDE


def test_the_reason_states_reg_4_whole_and_what_svduty_reads_into_it() -> None:
    result = classify(Incident.from_json(PILOT_KNIFE_HOMICIDE))
    assert result.homicide_review.value == "required"
    reason = {r.rule: r for r in result.reasons}["OWHR-PILOT-DATE"]
    assert "'for the pilot period' (reg 3(1))" in reason.says
    assert "started and was not discontinued" in reason.says
    assert "reg 4(1), (2)" in reason.says
    assert "aware_before_pilot_end says whether it was" in reason.says
    assert reason.citation is not None
    assert "reg 4" in reason.citation.provision


def test_the_doubt_keeps_the_later_notification_of_reg_4_2_b() -> None:
    for pilot in (OWHR_PILOT_AS_MADE, OWHR_PILOT_AS_ANNOUNCED):
        assert "not later of the duty: reg 4(2)" in (pilot.citation.doubt or "")
