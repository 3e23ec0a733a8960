"""The doubts cited by the homicide review rules (PCSC Act 2022 ss.24, 26).

Example:
    >>> "lawful or not" in HOMICIDE_DOUBT
    True
"""

from __future__ import annotations

__all__ = [
    "AGE_DOUBT",
    "HOMICIDE_DOUBT",
    "MENTAL_HEALTH_DOUBT",
    "NO_NEEDS_DOUBT",
    "REG4_DOUBT",
]

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
REG4_DOUBT = (
    "reg 4(1): the provisions of reg 3 'continue in effect in relation to the death of a "
    "person where, before the end of the pilot period— (a) an Offensive Weapons Homicide "
    "Review in respect of the person's death started and was not discontinued, or (b) "
    "notwithstanding that an Offensive Weapons Homicide Review had not started, a review "
    "partner was aware of qualifying circumstances in relation to the person's death and "
    "the circumstances specified in paragraph (2) were not met'; reg 4(2): the partner '(a) "
    "was also aware that no duty to arrange a review under section 24 ... arose because of "
    "section 26 ..., or (b) gave notification to the Secretary of State that they were not "
    "under a duty ... and did not give subsequent notification that they were under that "
    "duty' (read in the legalize-dev/legalize-uk mirror, uk/uksi-2023-227.md). The "
    "incident's aware_before_pilot_end states the whole of reg 4(1) and (2); the end of "
    "the period is the one the instrument in force sets (reg 1(2) as made: 9 months from "
    "1 April 2023), itself in doubt (see the pilot period)"
)
"""Cited where the rules read it."""
NO_NEEDS_DOUBT = (
    "SI 2015/1466 (read in the legalize-dev/legalize-uk mirror, uk-wls/wsi-2015-1466.md) "
    "reg 4(3): 'A Board must undertake a concise practice review in any of the following "
    "cases, where within the area of the Board, abuse or neglect of a child or adult is "
    "known or suspected and— (a) the child or adult has— (i) died'; reg 2: '\"adults\" "
    "... means adults who are, or may be, affected by the exercise of a Board's "
    "functions'. SSWB(W)A 2014 s.135(2) (uk-wls/anaw-2014-4.md) makes a Safeguarding "
    "Adults Board's objectives 'to protect adults within its area who— (i) have needs for "
    "care and support ... and (ii) are experiencing, or are at risk of, abuse or neglect', "
    "which suggests the adults reg 4 means have such needs; but 'may be affected' is wider, "
    "and read literally reg 4 would require a review of every adult killed by violence "
    "('physical ... abuse', s.197(1)) in Wales, leaving s.26(3) nothing outside it. So "
    "care_and_support_needs false does not rule a Welsh board's review out: the list does"
)
"""Cited where the rules read it."""
