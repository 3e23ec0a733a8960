"""Adult practice reviews in Wales, which take precedence (PCSC Act 2022 s.26(3)).

s.26(3): the duty "does not apply in relation to a death if regulations under section
135(4)(a) of the Social Services and Well-being (Wales) Act 2014 require a Safeguarding
Board to undertake a review of the death". Those regulations (the Safeguarding Boards
(Functions and Procedures) (Wales) Regulations 2015, SI 2015/1466 (W. 160)) require a
Safeguarding Adults Board to undertake an adult practice review, concise or extended,
where abuse or neglect of an adult at risk is known or suspected and the adult has died
(extended where a local authority had determined to take action to protect them in the
6 months before). An adult at risk (2014 Act s.126(1)) is one who "(a) is experiencing or
is at risk of abuse or neglect, (b) has needs for care and support (whether or not the
authority is meeting any of those needs), and (c) as a result of those needs is unable to
protect himself or herself against the abuse or neglect or the risk of it".

Unlike Care Act 2014 s.44(4) in England, which lets a board review any case of an adult
with needs for care and support (so ``care_and_support_needs`` true settles s.26(1)(c)),
s.26(3) counts only a review the regulations require, and they require one only of an
adult at risk: needs alone do not show (c), and svduty has no fact for it. So a case
involving an adult with needs whose death was in Wales leaves the review undetermined,
naming ``other_reviews`` (name ``welsh_safeguarding_review`` there if a board must review
the death, or give the list without it), where the ``no-other-reviews`` presumption would
read the absent list as none known: the facts imply one may be required. A list, once
given, decides.

Example:
    >>> from svduty.definitions._expr import ScalarEnv
    >>> cardiff = {"care_and_support_needs": True, "country": "Wales"}
    >>> on = frozenset({"no-other-reviews", "other_reviews:welsh_safeguarding_review"})
    >>> WELSH_REVIEW.scalar(ScalarEnv(cardiff, presumed=on)) is None
    True
    >>> WELSH_REVIEW.missing(ScalarEnv(cardiff, presumed=on))
    ('other_reviews',)
    >>> WELSH_REVIEW.scalar(ScalarEnv({**cardiff, "other_reviews": frozenset()}))
    False
    >>> WELSH_REVIEW.scalar(ScalarEnv({"country": "Wales"}, presumed=on))
    False
"""

from __future__ import annotations

from svduty.definitions._atoms import Flag, Given, Has, IsTrue, Presumes
from svduty.definitions._expr import All, Any_, Not
from svduty.definitions._places import DiedIn
from svduty.sources import Confidence, cite

__all__ = ["APR_CITATION", "APR_MAY_BE_REQUIRED", "NEEDS_IN_WALES", "WALES", "WELSH_REVIEW"]

WALES = frozenset({"Wales"})
"""The country whose Safeguarding Boards s.26(3) reads."""
_CARE = "care_and_support_needs"
_LISTED = "welsh_safeguarding_review"

NEEDS_IN_WALES = All(IsTrue(_CARE), DiedIn(WALES))
"""The case involves an adult with needs for care and support, and the death was in Wales."""
# where the presumption reads the absent fact as "no adult with needs known", it reads it
# so here too (as for a safeguarding adults review); a given list decides (Has is its
# value), an absent one is what the facts leave open (Has names it, presumption or none)
APR_MAY_BE_REQUIRED = All(
    Not(All(Not(Given(_CARE)), Presumes("no-other-reviews"))),
    NEEDS_IN_WALES,
    Has("other_reviews", _LISTED),
)
"""A board may be required to review the death: the facts show an adult with needs in
Wales, and whether the victim was an adult at risk is not known (the list would say)."""
WELSH_REVIEW = Any_(Flag("other_reviews", _LISTED), APR_MAY_BE_REQUIRED)
"""Regulations under SSWB(W)A 2014 s.135(4)(a) require a Safeguarding Board to review the
death (s.26(3)): the list names it, or the facts leave it open."""

APR_CITATION = cite(
    "si-2015-1466",
    "reg 4",
    confidence=Confidence.UNCONFIRMED,
    doubt="the regulations' own text was not read: the criteria are as Welsh Safeguarding "
    "Boards restate them ('A Safeguarding Board must undertake a concise adult practice "
    "review where an adult at risk who has not, on any date during the 6 months preceding "
    "the date of the event, been a person in respect of whom a local authority has "
    "determined to take action to protect them from abuse or neglect following an enquiry "
    "by a local authority, and has: died', cysur.wales; an extended review where they "
    "have), with the regulation number from the instrument's explanatory note "
    "('Regulations 3 and 4 make provision about the functions of Safeguarding Boards'). "
    "'Adult at risk' is the 2014 Act's s.126(1); whether the violence that killed an adult "
    "is 'abuse' of them (s.197(1), not read) and whether the adult with needs the case "
    "involves is the victim are not read from the incident: the list says",
)
"""The regulations' requirement, with what was and was not read."""
