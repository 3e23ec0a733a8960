"""Safeguarding adults reviews (Care Act 2014 s.44), which take precedence (s.26(1)(c)).

s.26(1)(c) of the PCSC Act 2022 switches the homicide review duty off where "a
safeguarding adults review must or may be established in relation to the death (see
section 44(1) and (4) of the Care Act 2014)". Care Act s.44(1) (must) and (4) (may) are
both of "a case involving an adult in its area with needs for care and support (whether
or not the local authority has been meeting any of those needs)"; s.44(4): "An SAB may
arrange for there to be a review of any other case involving an adult in its area with
needs for care and support". So the incident's ``care_and_support_needs`` settles the
question both ways: ``false`` rules a review out; ``true``, with a death in England (an
English local authority's Safeguarding Adults Board, s.43(1); Wales has its own boards,
s.26(3)), lets one be arranged.

A given ``other_reviews`` list naming the review shows one may be held, and so does the
fact, whatever the list says (as the facts of a domestic homicide review decide whatever
the list says): a list that omits a review the fact shows, or names one the fact rules
out, is a conflict (:data:`SAR_OMITTED`, :data:`SAR_WITHOUT_NEEDS`), and adding the list
never unsettles what the fact decided. Where no death is known the conflict waits, and a
list that names the review decides, whatever the fact (as a list naming a child death or
domestic homicide review does): else knowing the fact would unsettle what the list
settled (owhr42). The ``no-other-reviews`` presumption reads an
absent fact, as it reads the absent list, as none known (so old incidents answer as
before under the Act's and the packaged definitions), and a definition that makes no
presumption names the fact among the missing, list or no list.

Example:
    >>> from svduty.definitions._expr import ScalarEnv
    >>> SAR_MAY_BE_HELD.scalar(ScalarEnv({"care_and_support_needs": True, "country": "England"}))
    True
    >>> SAR_MAY_BE_HELD.scalar(
    ...     ScalarEnv({"care_and_support_needs": False, "other_reviews": frozenset()}))
    False
    >>> SAR_MAY_BE_HELD.scalar(ScalarEnv({"other_reviews": frozenset()})) is None
    True
    >>> SAR_MAY_BE_HELD.scalar(
    ...     ScalarEnv({"other_reviews": frozenset()}, presumed=frozenset({"no-other-reviews"})))
    False
    >>> SAR_MAY_BE_HELD.scalar(ScalarEnv({})) is None
    True
"""

from __future__ import annotations

from svduty.definitions._atoms import Flag, Given, Has, IsTrue, Presumes
from svduty.definitions._expr import All, Any_, Not
from svduty.definitions._places import ENGLAND, DiedIn

__all__ = [
    "CARE",
    "IN_ITS_AREA_DOUBT",
    "NEEDS_IN_ENGLAND",
    "NO_NEEDS",
    "OMITTED_HINT",
    "SAR_MAY_BE_HELD",
    "SAR_NO_NEEDS",
    "SAR_OMITTED",
    "SAR_OMITTED_WORDS",
    "SAR_RULED_OUT",
    "SAR_WITHOUT_NEEDS",
]

CARE = "care_and_support_needs"
"""The incident field: the case involves an adult with needs for care and support."""
_SAR = "safeguarding_adults_review"

NO_NEEDS = All(Given(CARE), Not(IsTrue(CARE)))
"""The case involves no adult with needs for care and support (stated; never undetermined)."""
NEEDS_IN_ENGLAND = All(IsTrue(CARE), DiedIn(ENGLAND))
"""A safeguarding adults review may be arranged by the facts (Care Act 2014 s.44(4))."""
IN_ITS_AREA_DOUBT = (
    "Care Act 2014 s.44(1), (4) review 'a case involving an adult in its area' (a Safeguarding "
    "Adults Board's, set up by each local authority in England, s.43(1)): svduty reads a "
    "death in England as a case in such an area; a case of an adult in England whose death "
    "occurred elsewhere is not read from the incident (flag safeguarding_adults_review); "
    "and where the adult with needs is another adult the case involves (a carer, the "
    "suspect), that a review of that adult's case is one 'in relation to the death' "
    "(s.26(1)(c)) is svduty's reading"
)
# the fact shows a review may be held whatever the list says, as the facts of a domestic
# homicide review do (a list that omits it is a conflict where a death is known, and adding
# the list never unsettles the answer); the presumption that reads the absent list as
# "none known beyond what the facts imply" reads the absent fact likewise
_BY_NEEDS = All(Not(All(Not(Given(CARE)), Presumes("no-other-reviews"))), NEEDS_IN_ENGLAND)
# a list that names the review decides, as one naming a child death or domestic homicide
# review does: with no needs it is a conflict where a death is known, and where none is,
# knowing the needs must not unsettle what the list settled (owhr42)
SAR_MAY_BE_HELD = Any_(Flag("other_reviews", _SAR), _BY_NEEDS)
"""A safeguarding adults review must or may be established (s.26(1)(c))."""
SAR_RULED_OUT = All(NO_NEEDS, Not(All(Given("other_reviews"), Has("other_reviews", _SAR))))
"""No adult with needs, and no list naming the review (the reason that rules it out)."""

SAR_OMITTED = All(Given("other_reviews"), Not(Has("other_reviews", _SAR)), NEEDS_IN_ENGLAND)
"""A list of other reviews that omits one the facts say may be arranged (a conflict where
a death is known)."""
SAR_WITHOUT_NEEDS = All(Has("other_reviews", _SAR), NO_NEEDS)
"""A review named for a case that involves no adult with needs (a conflict where a death
is known, as the reviews checked by age are)."""
OMITTED_HINT = (
    "; name it in other_reviews, or leave other_reviews out if it lists only the reviews "
    "known of (the facts then decide)"
)
"""What each conflict of a list that omits a review the facts show says to send instead.

A given ``other_reviews`` list is the whole of the reviews that must or may be held; a
recorder whose ``[]`` means "none known" gets every child's death in England and every
domestic homicide rejected, and must be told that leaving the list out is the way to say
so (owhr-recheck42).

Example:
    >>> SAR_OMITTED_WORDS.endswith(OMITTED_HINT)
    True
"""
SAR_OMITTED_WORDS = (
    "is true although other_reviews omits a safeguarding adults review: one may be arranged "
    "of any case involving an adult in a Safeguarding Adults Board's area with needs for care "
    "and support (Care Act 2014 s.44(4)), and the death was in England" + OMITTED_HINT
)
"""The conflict of :data:`SAR_OMITTED`."""
SAR_NO_NEEDS = (
    "is false although other_reviews names a safeguarding adults review, which is only of a "
    "case involving an adult with needs for care and support (Care Act 2014 s.44(1), (4))"
)
"""The conflict of :data:`SAR_WITHOUT_NEEDS`."""
