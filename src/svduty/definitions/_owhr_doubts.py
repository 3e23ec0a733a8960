"""The doubts cited by the homicide review rules (PCSC Act 2022 ss.24, 26).

Example:
    >>> "lawful or not" in HOMICIDE_DOUBT
    True
"""

from __future__ import annotations

__all__ = ["AGE_DOUBT", "HOMICIDE_DOUBT", "INFO_DOUBT", "MENTAL_HEALTH_DOUBT"]

MENTAL_HEALTH_DOUBT = (
    "s.26(2) (England) and (4) (Wales) let the Secretary of State provide by regulations "
    "that no review is required of a death caused, or likely to have been caused, by a "
    "person receiving or who has received mental health services, where it may or must be "
    "investigated under NHS "
    "arrangements or may be reviewed under the Health and Social Care (Community Health "
    "and Standards) Act 2003 s.70; whether the OWHR Regulations 2022 or any other "
    "instrument do so was not confirmed"
)
"""Cited where the rules read it."""
HOMICIDE_DOUBT = (
    "'homicide' is not defined in Chapter 2 (s.36(1)); read in its ordinary meaning, the "
    "killing of a person by another, lawful or not (a killing in self-defence too); the Home "
    "Office Homicide Index counts only unlawful killings"
)
"""Cited where the rules read it."""
AGE_DOUBT = (
    "s.24(6)(a) says 'the person was aged 18 or over' without saying when: svduty reads the "
    "age at death, when the homicide is complete (as a child death review reads a child "
    "at death, Children Act 2004 s.16M); read at the fatal events, a victim of 17 then who "
    "died at 18 would not qualify"
)
"""Cited where the rules read it."""
INFO_DOUBT = (
    "the condition as the minister described the OWHR Regulations 2022 (HL Deb 8 November "
    "2022); the regulations' SI number and wording were not checked"
)
"""Cited where the rules read it."""
