"""Information for an offensive weapons homicide review: PCSC Act 2022 ss.28(6), 29, 30.

:func:`must_provide_information` answers whether a person asked by a review partner must
provide information (s.29(1)-(5)), with the limits of s.30(1) and (3);
:func:`may_include_in_report` whether material may go into the report sent to the
Secretary of State (s.28(6), with the limits of s.30(3)). Both weigh their conditions as
the review partner's own questions do (:func:`~svduty.authorities.must_arrange_review`):
``no`` when one fails, ``undetermined`` naming the facts not given, ``yes`` when every one
holds.

Example:
    >>> must_provide_information(RequestFacts(compellable_in_high_court=False)).verdict.value
    'no'
"""

from __future__ import annotations

import attrs

from svduty._checked import checked, checked_fields
from svduty.answers import Answer, Reason
from svduty.authorities._answering import answer
from svduty.authorities._owhr_weigh import _Condition, _weigh
from svduty.sources import Citation, cite

__all__ = ["RequestFacts", "may_include_in_report", "must_provide_information"]


@checked_fields
@attrs.frozen(slots=True)
class RequestFacts:
    """What is known about a review partner's request for information, or report material.

    ``None``: not known. Its fields are checked against their types when it is made: a
    value of another type is an :class:`~svduty.errors.ArgumentError` naming the class and
    the field, never the value.

    Attributes:
        in_force: s.29(1)-(4) is in force for the requesting review partner and this
            death: SI 2023/227 reg 3(1)(e) brought it into force for the pilot partners and
            relevant deaths, reg 3(2)(b), (c) s.29(5), (6) and s.30 "in relation to England
            and Wales for the pilot period" (the person asked may be anywhere there), reg 4
            continuing them.
        by_review_partner: The request is made by a review partner (s.29(1)).
        for_review_functions: It is made for the purpose of enabling or assisting the
            performance of functions conferred on a review partner by ss.24-28 (s.29(3)).
        considered_likely_to_have: It is made to a person whose functions or activities
            the review partner considers such that the person is likely to have
            information that would enable or assist them (s.29(4)).
        compellable_in_high_court: The person could be compelled to disclose the
            information in proceedings before the High Court (s.30(1)).
        breaches_data_protection: Disclosing it would contravene the data protection
            legislation, taking into account the duty or power of the section in question
            (s.30(3)(a)): s.29's for a request, s.28's for report material.
        breaches_investigatory_powers: Disclosing it is prohibited by Parts 1-7 or Part 9
            Chapter 1 of the Investigatory Powers Act 2016 (s.30(3)(b)).
        might_jeopardise_safety: The review partners consider the material might
            jeopardise the safety of any person (s.28(6)(a)).
        might_prejudice_investigation: The review partners consider it might prejudice
            the investigation or prosecution of an offence (s.28(6)(b)).

    Example:
        >>> RequestFacts(by_review_partner=True).for_review_functions is None
        True
    """

    in_force: bool | None = None
    by_review_partner: bool | None = None
    for_review_functions: bool | None = None
    considered_likely_to_have: bool | None = None
    compellable_in_high_court: bool | None = None
    breaches_data_protection: bool | None = None
    breaches_investigatory_powers: bool | None = None
    might_jeopardise_safety: bool | None = None
    might_prejudice_investigation: bool | None = None


def _act(provision: str) -> Citation:
    return cite("pcsc-act-2022", provision)


_SI = (
    "reg 3(1) brings s.28(1)-(6) and s.29(1)-(4) and (7) into force 'in relation to relevant "
    "deaths and for the purposes of the pilot partners, for the pilot period'; reg 3(2) brings "
    "s.29(5), (6) and s.30 into force 'in relation to England and Wales for the pilot "
    "period', so the person asked may be anywhere in England and Wales; reg 4 continues "
    "them in relation to a death where, before the end of the pilot period, a review "
    "'started and was not discontinued', or a review partner 'was aware of qualifying "
    "circumstances' and 'the circumstances specified in paragraph (2) were not met' (it "
    "knew s.26 ruled the duty out, or notified that it was not under the duty and never "
    "notified that it was)"
)
_REQUEST = (
    _Condition(
        "in_force",
        cite("si-2023-227", "reg 3(1)(e), (2)(b), (c), reg 4", doubt=_SI),
        False,
        "whether s.29 is in force for the requesting review partner and this death",
        "s.29(1)-(4) is in force for the requesting review partner and this death (and "
        "s.29(5), (6) and s.30 in England and Wales)",
        "s.29 is not in force for the requesting review partner and this death: SI 2023/227 "
        "brought the power to request into force only in relation to relevant deaths and for "
        "the purposes of the pilot partners, for the pilot period (reg 3(1)(e)), continuing "
        "after it only as reg 4 says",
    ),
    _Condition(
        "by_review_partner",
        _act("s.29(1)"),
        False,
        "whether the request is made by a review partner",
        "the request is made by a review partner",
        "the request is not made by a review partner: s.29 gives the power to request to a "
        "review partner only",
    ),
    _Condition(
        "for_review_functions",
        _act("s.29(2), (3)"),
        False,
        "whether the request is made for the purpose of enabling or assisting the "
        "performance of functions conferred on a review partner by sections 24 to 28",
        "the request is made for the purpose of enabling or assisting the performance of "
        "functions conferred on a review partner by sections 24 to 28",
        "the request is not made for the purpose of enabling or assisting the performance of "
        "functions conferred on a review partner by sections 24 to 28: a review partner may "
        "make it only if it is",
    ),
    _Condition(
        "considered_likely_to_have",
        _act("s.29(2), (4)"),
        False,
        "whether the review partner considers the person's functions or activities such "
        "that it is likely to have information that would enable or assist those functions",
        "the request is made to a person whose functions or activities are considered by "
        "the review partner to be such that the person is likely to have information that "
        "would enable or assist the performance of functions conferred on a review partner "
        "by sections 24 to 28",
        "the review partner does not consider the person likely to have such information: "
        "a review partner may make the request only to a person it so considers",
    ),
    _Condition(
        "compellable_in_high_court",
        _act("s.30(1)"),
        False,
        "whether the person could be compelled to disclose the information in proceedings "
        "before the High Court",
        "the person could be compelled to disclose the information in proceedings before "
        "the High Court",
        "a person may not be required under section 29 to disclose information that the "
        "person could not be compelled to disclose in proceedings before the High Court",
    ),
    _Condition(
        "breaches_data_protection",
        _act("s.30(3)(a)"),
        True,
        "whether disclosing it would contravene the data protection legislation (the s.29 "
        "duty taken into account)",
        "the disclosure would not contravene the data protection legislation",
        "sections 27 to 29 do not require a disclosure that would contravene the data "
        "protection legislation",
    ),
    _Condition(
        "breaches_investigatory_powers",
        _act("s.30(3)(b)"),
        True,
        "whether disclosing it is prohibited by the Investigatory Powers Act 2016",
        "the disclosure is not prohibited by the Investigatory Powers Act 2016",
        "sections 27 to 29 do not require a disclosure prohibited by any of Parts 1 to 7 or "
        "Chapter 1 of Part 9 of the Investigatory Powers Act 2016",
    ),
)


@checked
def must_provide_information(facts: RequestFacts) -> Answer:
    """Whether a person asked by a review partner must provide the information (s.29(5)).

    s.29(1)-(4): a review partner may request information for its ss.24-28 functions from
    a person it considers likely to have it; s.29(5): the person must comply, enforceable
    by injunction (s.29(6)); s.30(1): not information the person could not be compelled to
    disclose before the High Court; s.30(3): not in breach of the data protection
    legislation or prohibited by the Investigatory Powers Act 2016. Unlike s.16(4) there is
    no carve-out for patient information.

    Example:
        >>> a = must_provide_information(RequestFacts(True, True, True, True, True, False, False))
        >>> a.verdict.value, a.reasons[-1].rule
        ('yes', 's.30(2)')
    """
    question = "Must this person provide the information a review partner requests (s.29(5))?"
    reasons, missing, failed = _weigh(facts, _REQUEST)
    if not failed and not missing:
        reasons.append(
            Reason(
                "s.29(5)",
                "the person to whom the request is made must comply with it; the review "
                "partner may enforce the duty by applying to the High Court or the county "
                "court for an injunction",
                _act("s.29(5), (6)"),
            )
        )
        reasons.append(
            Reason(
                "s.30(2)",
                "the disclosure does not breach any obligation of confidence owed by the "
                "person making it, or any other restriction on the disclosure of information",
                _act("s.30(2)"),
            )
        )
    return answer(question, reasons, missing, failed=failed)


_REPORT_LIMITS = (  # s.30(3): the report sent under s.28(4) is a disclosure required by s.28
    _Condition(
        "breaches_data_protection",
        _act("s.30(3)(a)"),
        True,
        "whether sending the material to the Secretary of State would contravene the data "
        "protection legislation (the s.28 duty taken into account)",
        "sending the material to the Secretary of State would not contravene the data "
        "protection legislation",
        "sections 27 to 29 do not require or authorise a disclosure of information that would "
        "contravene the data protection legislation: s.28 does not authorise sending this "
        "material to the Secretary of State in the report",
    ),
    _Condition(
        "breaches_investigatory_powers",
        _act("s.30(3)(b)"),
        True,
        "whether sending the material to the Secretary of State is prohibited by the "
        "Investigatory Powers Act 2016",
        "sending the material to the Secretary of State is not prohibited by the "
        "Investigatory Powers Act 2016",
        "sections 27 to 29 do not require or authorise a disclosure of information that is "
        "prohibited by any of Parts 1 to 7 or Chapter 1 of Part 9 of the Investigatory Powers "
        "Act 2016: s.28 does not authorise sending this material in the report",
    ),
)
_REPORT = (
    _Condition(
        "might_jeopardise_safety",
        _act("s.28(6)(a)"),
        True,
        "whether the review partners consider the material might jeopardise the safety of "
        "any person",
        "the review partners do not consider the material might jeopardise the safety of "
        "any person",
        "the review partners must not include in the report sent to the Secretary of State "
        "material that they consider might jeopardise the safety of any person",
    ),
    _Condition(
        "might_prejudice_investigation",
        _act("s.28(6)(b)"),
        True,
        "whether the review partners consider the material might prejudice the "
        "investigation or prosecution of an offence",
        "the review partners do not consider the material might prejudice the investigation "
        "or prosecution of an offence",
        "the review partners must not include in the report sent to the Secretary of State "
        "material that they consider might prejudice the investigation or prosecution of an "
        "offence",
    ),
)


@checked
def may_include_in_report(facts: RequestFacts) -> Answer:
    """Whether material may go into the review's report to the Secretary of State (s.28(6)).

    The report must include the review's findings, the review partners' conclusions and
    their recommendations (s.28(5)), but not material they consider might jeopardise
    anyone's safety or prejudice the investigation or prosecution of an offence (s.28(6)).
    Sending the report is a disclosure required by s.28, so s.30 applies to it: it breaches
    no obligation of confidence (s.30(2)), but s.28 does not require or authorise sending
    material whose disclosure would contravene the data protection legislation or is
    prohibited by the Investigatory Powers Act 2016 (s.30(3)).
    Whether the Secretary of State publishes it, in full or in part, is the Secretary of
    State's judgment (s.28(7), (8)): svduty does not answer it.

    Example:
        >>> may_include_in_report(RequestFacts(might_jeopardise_safety=True)).verdict.value
        'no'
    """
    question = "May this material be included in the report sent to the Secretary of State?"
    reasons, missing, failed = _weigh(facts, _REPORT + _REPORT_LIMITS)
    if not failed and not missing:
        reasons.append(
            Reason(
                "s.28(5)",
                "s.28(6) does not keep it out; the report must include the findings of the "
                "review, any conclusions drawn by the review partners and their "
                "recommendations",
                _act("s.28(5)"),
            )
        )
        reasons.append(
            Reason(
                "s.30(2)",
                "sending it to the Secretary of State in the report does not breach any "
                "obligation of confidence owed by the person making the disclosure, or any "
                "other restriction on the disclosure of information",
                _act("s.30(2)"),
            )
        )
    return answer(question, reasons, missing, failed=failed)
