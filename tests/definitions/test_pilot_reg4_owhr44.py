"""SI 2023/227 reg 4: what svduty reads into the day a review partner became aware (owhr44).

Reg 3(1) brings s.24 into force "for the pilot period"; reg 4(1) keeps it in effect after
the period only where, "before the end of the pilot period", a review "started and was not
discontinued" or "a review partner was aware of qualifying circumstances in relation to
the person's death" (s.27(7)) and neither reg 4(2) circumstance was met. svduty had no fact
for that day, so the pilot's citation said what it answered as if; since owhr45 the fact
is ``aware_before_pilot_end`` and the citation names it (never a silent reading).
"""

from __future__ import annotations

from svduty.definitions import OWHR_PILOT_AS_ANNOUNCED, OWHR_PILOT_AS_MADE


def test_the_pilot_states_what_it_reads_into_awareness() -> None:
    for pilot in (OWHR_PILOT_AS_MADE, OWHR_PILOT_AS_ANNOUNCED):
        doubt = pilot.citation.doubt or ""
        assert "aware_before_pilot_end says whether that was so" in doubt
        assert "first known of" in doubt
        assert "outside the duty" in doubt
