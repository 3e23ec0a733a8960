"""Facts of a disclosure under PCSC Act 2022 s.16 that nothing in s.16-17 forbids: the
answer then turns on who discloses to whom alone."""

from __future__ import annotations

from svduty.authorities import InformationFacts

NOTHING_FORBIDS = InformationFacts(
    held_for_own_functions=True,
    for_recipient_functions=True,
    patient_information=False,
    personal_information=False,
    breaches_data_protection=False,
    breaches_investigatory_powers=False,
)
