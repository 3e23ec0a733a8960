"""Practice reviews in Wales, which take precedence (PCSC Act 2022 s.26(3)).

s.26(3): the duty "does not apply in relation to a death if regulations under section
135(4)(a) of the Social Services and Well-being (Wales) Act 2014 require a Safeguarding
Board to undertake a review of the death". Those regulations are the Safeguarding Boards
(Functions and Procedures) (Wales) Regulations 2015, SI 2015/1466 (W. 160); reg 4(3): "A
Board must undertake a concise practice review in any of the following cases, where
within the area of the Board, abuse or neglect of a child or adult is known or suspected
and— (a) the child or adult has— (i) died, ..." and, (c), the adult had not been, in the
6 months before, one a local authority had determined to take action to protect; reg
4(4): an extended one where "abuse of a child or adult is known or suspected" and the
adult had been. The 6-month conditions are complementary, so a death from abuse needs one
or the other whatever the prior protective action. Reg 4 says "a child or adult", not
"adult at risk" (SSWB(W)A 2014 s.126(1), which Welsh boards' restatements use); reg 2
reads "adults" as those "who are, or may be, affected by the exercise of a Board's
functions", and a Safeguarding Adults Board's objectives are adults with needs for care
and support experiencing, or at risk of, abuse or neglect (s.135(2)).

Unlike Care Act 2014 s.44(4) in England, which lets a board review any case of an adult
with needs for care and support (so ``care_and_support_needs`` true settles s.26(1)(c)),
s.26(3) counts only a review the regulations require, and reg 4 requires one only where
abuse (s.197(1): "physical, sexual, psychological, emotional or financial abuse") or
neglect of the person who died is known or suspected: whether the violence that killed
an adult is such abuse of them, and whether the adult with needs the case involves is
the victim, svduty does not read from the incident. So a case involving an adult with
needs whose death was in Wales leaves the review undetermined, naming ``other_reviews``
(name ``welsh_safeguarding_review`` there if a board must review the death, or give the
list without it), where the ``no-other-reviews`` presumption would read the absent list
as none known: the facts imply one may be required. A list, once given, decides. A child
is never the victim of a qualifying homicide (s.24(6)(a)), so reg 4's child practice
reviews do not bear on the answer.

"Within the area of the Board" (reg 4(3), (4)) is where the abuse or neglect is known or
suspected, not where the adult died or lived (owhr45). svduty leaves the review open only
for a death in Wales (:data:`NEEDS_IN_WALES`) not because the place of death is the test
but because only there can it bear: a death in England of an adult with needs is settled
by s.26(1)(c) (Care Act 2014 s.44(4)), and one elsewhere by s.24(1)(b). A victim injured
in England who died in Wales is left open too (neglect may be known in Wales). With
``care_and_support_needs`` false the needs do not rule a review out (reg 2's "adults" are
those "who are, or may be, affected by the exercise of a Board's functions"): only a
given list, or the ``no-other-reviews`` presumption, does.

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
"""The case involves an adult with needs for care and support, and the death was in Wales
(where a Welsh board's review can bear on the answer; not reg 4's test of the area)."""
# where the presumption reads the absent fact as "no adult with needs known", it reads it
# so here too (as for a safeguarding adults review); a given list decides (Has is its
# value), an absent one is what the facts leave open (Has names it, presumption or none)
APR_MAY_BE_REQUIRED = All(
    Not(All(Not(Given(_CARE)), Presumes("no-other-reviews"))),
    NEEDS_IN_WALES,
    Has("other_reviews", _LISTED),
)
"""A board may be required to review the death: the facts show an adult with needs in
Wales, and whether abuse or neglect (reg 4(3)), or abuse alone after a local authority's
protective action (reg 4(4)), of the victim is known or suspected is not known (the list
would say)."""
WELSH_REVIEW = Any_(Flag("other_reviews", _LISTED), APR_MAY_BE_REQUIRED)
"""Regulations under SSWB(W)A 2014 s.135(4)(a) require a Safeguarding Board to review the
death (s.26(3)): the list names it, or the facts leave it open."""

APR_CITATION = cite(
    "si-2015-1466",
    "reg 4(3), (4)",
    confidence=Confidence.CONFIRMED,
    doubt="read as made (legislation.gov.uk's text; the copy read records no amendment): "
    "'abuse or neglect of a child or adult is known or suspected and ... the child or "
    "adult has ... died' (reg 4(3), concise; reg 4(4), extended, asks 'abuse' only), "
    "within the area of the Board; the 6 months' prior protective action (reg 4(3)(c), "
    "(4)(c)) only chooses which review, except that neglect alone after such action "
    "meets neither paragraph. 'Adults' are those 'who are, or may be, affected by the "
    "exercise of a Board's functions' (reg 2), not only adults at risk (2014 Act "
    "s.126(1)); whether the violence that killed an adult is 'abuse' of them (s.197(1): "
    "'physical, sexual, psychological, emotional or financial abuse') and whether the "
    "adult with needs the case involves is the victim are judgements svduty does not make "
    "from the incident: the list says",
)
"""The regulations' requirement, with what was and was not read."""
