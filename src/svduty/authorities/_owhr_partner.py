"""A review partner's duties for one death: PCSC Act 2022 ss.24(1)-(5), 26 and 27.

Whether a death needs an offensive weapons homicide review is the incident rules' question
(``OWHR-S24`` in :mod:`svduty.definitions`). These are the questions one review partner
asks of a death it knows of: must it join in arranging a review (s.24(1), its end under
s.24(3) and (4), s.24(5) and s.26), and must it notify the Secretary of State, and by
when (s.27(1), (2), (7), (8))? Each fact is the partner's (``None``: not known); both
answers come from one list of three-valued conditions, so ``no`` when one fails,
``undetermined`` naming the facts not given, ``yes`` when every one holds. s.24(1)(c)'s
conditions are those of SI 2022/1261 reg 4(2) (:mod:`._owhr_reg4`). A condition whose law
svduty has not confirmed or which leaves a discretion (s.26(2), (4)) is never settled by a
guess.

Example:
    >>> must_arrange_review(ReviewFacts(qualifying_homicide=False)).verdict.value
    'no'
"""

from __future__ import annotations

import datetime as _dt

import attrs

from svduty._checked import checked, checked_fields
from svduty.answers import Answer, Reason
from svduty.authorities._answering import answer
from svduty.authorities._owhr_reg4 import REG_4
from svduty.authorities._owhr_weigh import _Condition, _weigh
from svduty.errors import ConflictError
from svduty.sources import Citation, Confidence, cite

__all__ = ["ReviewFacts", "must_arrange_review"]


@checked_fields
@attrs.frozen(slots=True)
class ReviewFacts:
    """What one review partner knows or considers about one death (``None``: not known).

    Its fields are checked against their types when it is made: a value of another type is
    an :class:`~svduty.errors.ArgumentError` naming the class and the field, never the
    value.

    Attributes:
        in_force: ss.24, 26 and 27 are in force for this partner and this death: SI 2023/227
            brought them into force "in relation to relevant deaths and for the purposes of
            the pilot partners, for the pilot period" (reg 3(1)), continued after it as
            reg 4 says (the incident rules ``OWHR-PILOT-*`` answer it).
        qualifying_homicide: The partner considers the death was, or is likely to have
            been, a qualifying homicide (s.24(1)(a), (6)); ``False`` once it considers, on
            further information, that it was not (s.24(3)).
        in_england_or_wales: The partner considers the death occurred, or is likely to
            have occurred, in England or Wales (s.24(1)(b); s.24(3) as above).
        regulation_conditions: The partner considers the conditions the regulations
            specify under s.24(1)(c) are satisfied (s.24(3) as above): those of SI 2022/1261
            reg 4(2), which ``body_located``, ``identity_recorded``, the two
            ``information_about_*`` and ``dsi_matter`` state one by one; where this is not
            given they decide.
        relevant_review_partner: The partner is one of the relevant review partners in
            respect of the death (s.24(1)(d), s.25); ``False`` once it considers, on further
            information, that it is not (s.24(4)).
        started_with_others: A review of the death has already started under arrangements
            made by this partner and other review partners (the exception in s.24(4)).
        review_by_others: A review of the death has already taken place, or started,
            under arrangements made by other review partners (s.24(5)).
        other_review: A review s.26 names takes precedence: a child death review must or
            may be arranged, the death may be the subject of a domestic homicide review, a
            safeguarding adults review must or may be established (s.26(1)), or regulations
            require a Safeguarding Board in Wales to review it (s.26(3)).
        mental_health_case: The death was caused by a person receiving or who has received
            mental health services and may or must be investigated under NHS arrangements
            or reviewed under the Health and Social Care (Community Health and Standards)
            Act 2003 s.70 (s.26(2), (4)).
        aware_of_qualifying_circumstances: The partner has become aware of such facts as
            make it likely that s.24(1)(a) and (b) are satisfied and that it is one of the
            relevant review partners (s.27(7)).
        aware_on: The day it became aware of them (s.27(8)).
        knew_no_duty_when_aware: When it became aware, it was also aware that no s.24(1)
            duty arises because of s.24(5) or s.26 (s.27(2)).
        notified_undecided: It notified the Secretary of State that it had not been able
            to take a decision (s.27(1)(c)).
        decision_taken: It has since taken its decision on the matter (s.27(3)).
        notified_duty: It notified the Secretary of State that it is under the duty to
            arrange a review (s.27(1)(a), (4)(a)).
        decided_no_duty_before_start: Before the review started to take place, it decided
            it is not under that duty (s.24(3), (4); s.27(4)(b)).
        discontinued: A review of the death was discontinued because the partner considers
            a condition in s.24(1)(a)-(c) not satisfied (s.24(3); s.27(5)).
        notified_no_duty: It notified the Secretary of State that it is not under the duty
            (s.27(1)(b), (6)(a)).
        later_decided_duty: Afterwards it decided it is under that duty (s.27(6)(b)).
        information_about_deceased: One or more review partner has information about, or
            would reasonably be expected to have information about, the person who died
            (SI 2022/1261 reg 4(2)(c)(i)): "information that there is a risk a person may
            commit, or be a victim of, antisocial or criminal behaviour", including
            information on education, antisocial or criminal behaviour, housing, medical
            history and mental health, and safeguarding information, but not information
            that only became known to a review partner after the earlier of the recorded
            time of death or the recorded death (reg 4(3)).
        information_about_suspect: The same, about at least one person who caused, or is
            likely to have caused, the death (reg 4(2)(c)(ii); ``False`` also when no one
            is known to have).
        body_located: The body of the person who died, or part of it, has been located
            (reg 4(2)(a)).
        identity_recorded: The identity of the person who died, or of at least one person
            who caused, or is likely to have caused, the death, has been recorded: by or on
            behalf of a chief officer of police for a police area in England and Wales on
            its official computer system (reg 4(2)(b), reg 2).
        dsi_matter: The death is a "death or serious injury matter" within the meaning of
            the Police Reform Act 2002 s.12(2A): the person died while arrested by, or
            detained in the custody of, a person serving with the police (s.12(2B)), or
            after contact with one acting in the execution of their duties with "an
            indication that the contact may have caused ... or contributed to" the death
            (s.12(2C)); not circumstances that are the subject of a complaint or amount to
            a conduct matter (s.12(2A)), nor contact alone. Then no review (reg 4(2)(d)).

    Raises:
        ConflictError: where ``regulation_conditions`` says the s.24(1)(c) conditions are
            satisfied while one of reg 4(2)'s fails (``body_located`` or
            ``identity_recorded`` false, both ``information_about_*`` false, ``dsi_matter``
            true), or says they are not while every one of them holds: reg 4(2)'s are the
            whole of them, and svduty does not choose a side. Also where ``aware_on`` (the day
            the partner became aware, s.27(8)) is given while
            ``aware_of_qualifying_circumstances`` is false (s.27(7)).

    Example:
        >>> ReviewFacts(in_force=True).qualifying_homicide is None
        True
    """

    in_force: bool | None = None
    qualifying_homicide: bool | None = None
    in_england_or_wales: bool | None = None
    regulation_conditions: bool | None = None
    relevant_review_partner: bool | None = None
    started_with_others: bool | None = None
    review_by_others: bool | None = None
    other_review: bool | None = None
    mental_health_case: bool | None = None
    aware_of_qualifying_circumstances: bool | None = None
    aware_on: _dt.date | None = None
    knew_no_duty_when_aware: bool | None = None
    notified_undecided: bool | None = None
    decision_taken: bool | None = None
    notified_duty: bool | None = None
    decided_no_duty_before_start: bool | None = None
    discontinued: bool | None = None
    notified_no_duty: bool | None = None
    later_decided_duty: bool | None = None
    information_about_deceased: bool | None = None
    information_about_suspect: bool | None = None
    body_located: bool | None = None
    identity_recorded: bool | None = None
    dsi_matter: bool | None = None

    def __attrs_post_init__(self) -> None:
        reg_4 = self.reg_4_conditions
        said = self.regulation_conditions
        if said is not None and reg_4 is not None and said is not reg_4:
            raise ConflictError.single(
                None,
                "regulation_conditions",
                message="the facts say the s.24(1)(c) conditions are "
                + ("" if said else "not ")
                + "satisfied, but the conditions SI 2022/1261 reg 4(2) specifies "
                + ("do not all hold" if said else "all hold"),
            )
        if self.aware_on is not None and self.aware_of_qualifying_circumstances is False:
            raise ConflictError.single(
                None,
                "aware_on",
                message="the facts give the day the review partner became aware of qualifying "
                "circumstances (s.27(8)) but say it has not become aware of them (s.27(7))",
            )

    @property
    def reg_4_conditions(self) -> bool | None:
        """Whether the conditions of SI 2022/1261 reg 4(2) (s.24(1)(c)) hold, by their facts.

        ``False`` when one fails, ``True`` when every one holds, ``None`` otherwise
        (``regulation_conditions`` itself is not read).

        Example:
            >>> ReviewFacts(dsi_matter=True).reg_4_conditions
            False
            >>> ReviewFacts(body_located=True).reg_4_conditions is None
            True
        """
        parts = (
            self.body_located,
            self.identity_recorded,
            self.relevant_information,
            None if self.dsi_matter is None else not self.dsi_matter,
        )
        if False in parts:
            return False
        if all(parts):
            return True
        return None

    @property
    def relevant_information(self) -> bool | None:
        """Whether a review partner has, or would reasonably be expected to have, information.

        ``True`` when it is so about the person who died or about at least one person who
        caused, or is likely to have caused, the death, ``False`` when it is so about
        neither, ``None`` otherwise (SI 2022/1261 reg 4(2)(c), (3)).

        Example:
            >>> ReviewFacts(information_about_suspect=True).relevant_information
            True
            >>> ReviewFacts(information_about_deceased=False).relevant_information is None
            True
        """
        about = (self.information_about_deceased, self.information_about_suspect)
        if True in about:
            return True
        if about == (False, False):
            return False
        return None


def _act(provision: str, **kw: object) -> Citation:
    return cite("pcsc-act-2022", provision, **kw)


_PILOT = cite(
    "si-2023-227",
    "reg 3(1), reg 4",
    doubt="reg 3(1) brings ss.24, 26, 27, 28(1)-(6), 29(1)-(4) and (7) and 32 into force "
    "'in relation to relevant deaths and for the purposes of the pilot partners, for the "
    "pilot period'; reg 4 continues them in relation to a death where, before the end of the "
    "pilot period, a review 'started and was not discontinued', or a review partner 'was "
    "aware of qualifying circumstances' and 'the circumstances specified in paragraph (2) "
    "were not met' (it knew s.26 ruled the duty out, or notified that it was not under the "
    "duty and never notified that it was); an instrument extending the period is not "
    "identified (the incident rules OWHR-PILOT-* say where the pilot reaches)",
)
_MENTAL_HEALTH_DOUBT = (
    "s.26(2) and (4) let the Secretary of State make regulations about the duty not applying "
    "to such a death; whether any have been made, and what they provide, is not confirmed"
)


_IN_FORCE = _Condition(
    "in_force",
    _PILOT,
    False,
    "whether ss.24, 26 and 27 are in force for this review partner and this death",
    "ss.24, 26 and 27 are in force for this review partner and this death",
    "ss.24, 26 and 27 are not in force for this review partner and this death: SI 2023/227 "
    "brought them into force only in relation to relevant deaths and for the purposes of the "
    "pilot partners, for the pilot period (reg 3(1)), continuing after it only as reg 4 says",
)
_ARRANGE = (
    _IN_FORCE,
    _Condition(
        "qualifying_homicide",
        _act("s.24(1)(a), s.24(3)"),
        False,
        "whether the review partner considers the death a qualifying homicide",
        "the review partner considers that the death was, or is likely to have been, a "
        "qualifying homicide",
        "the review partner does not consider the death a qualifying homicide: no duty arises "
        "under s.24(1), or, if it considers so on further information, it ceases to be under "
        "a duty to arrange for there to be a review (and a review may accordingly be "
        "discontinued)",
    ),
    _Condition(
        "in_england_or_wales",
        _act("s.24(1)(b), s.24(3)"),
        False,
        "whether the review partner considers the death to have occurred in England or Wales",
        "the review partner considers that the death occurred, or is likely to have "
        "occurred, in England or Wales",
        "the review partner does not consider the death to have occurred in England or Wales: "
        "no duty arises under s.24(1), or, if it considers so on further information, it "
        "ceases to be under a duty to arrange for there to be a review (and a review may "
        "accordingly be discontinued)",
    ),
    _Condition(
        "regulation_conditions",
        _act("s.24(1)(c), s.24(3)"),
        False,
        "whether the review partner considers the conditions specified by regulations under "
        "s.24(1)(c) satisfied",
        "the review partner considers the conditions specified by regulations under "
        "s.24(1)(c) satisfied (SI 2022/1261 reg 4(2))",
        "the review partner does not consider the conditions specified by regulations under "
        "s.24(1)(c) (SI 2022/1261 reg 4(2)) satisfied: no duty arises, or it ceases to be "
        "under a duty to arrange for there to be a review (and a review may accordingly be "
        "discontinued)",
        parts=REG_4,
    ),
    _Condition(
        "relevant_review_partner",
        _act("s.24(1)(d), s.24(4), s.25"),
        False,
        "whether the review partner is one of the relevant review partners in respect of the death",
        "the review partner is one of the relevant review partners in respect of the death",
        "the review partner is not one of the relevant review partners in respect of the "
        "death: it is under no duty, or ceases to be under a duty to arrange for there to be "
        "a review, except where such a review of the death has already started to take place "
        "under arrangements made by the review partner and other review partners "
        "(started_with_others says whether one has)",
        unless="started_with_others",
        kept="on further information the review partner is not one of the relevant review "
        "partners, but a review of the death has already started to take place under "
        "arrangements made by the review partner and other review partners: its duty does "
        "not cease",
    ),
    _Condition(
        "review_by_others",
        _act("s.24(5)"),
        True,
        "whether a review of the death has already taken place, or started, under arrangements "
        "made by other review partners",
        "no review of the death has taken place, or started to take place, under "
        "arrangements made by other review partners",
        "such a review of the death has already taken place, or started to take place, "
        "under arrangements made by other review partners: s.24(1) does not require this "
        "review partner to arrange for there to be one",
    ),
    _Condition(
        "other_review",
        _act("s.26(1), (3)"),
        True,
        "whether a review s.26(1) or (3) names takes precedence",
        "no child death review, domestic homicide review, safeguarding adults review or "
        "Safeguarding Board review in Wales takes precedence",
        "the duty in s.24(1) does not apply: a child death review must or may be arranged, "
        "the death may be the subject of a domestic homicide review, a safeguarding adults "
        "review must or may be established (s.26(1)), or regulations require a Safeguarding "
        "Board to undertake a review of the death (s.26(3))",
    ),
    _Condition(
        "mental_health_case",
        _act("s.26(2), (4)", confidence=Confidence.UNCONFIRMED, doubt=_MENTAL_HEALTH_DOUBT),
        True,
        "whether the death was caused by a person receiving or who has received health services "
        "relating to mental health, investigated or reviewed as s.26(2) and (4) describe",
        "the death was not caused by a person receiving or who has received health services "
        "relating to mental health and investigated or reviewed as s.26(2) and (4) describe",
        "",
        open_when=True,
        open_missing="whether regulations under s.26(2) or (4) exclude the death",
        open_says="s.26(2) and (4) let regulations exclude the death: it was caused "
        "by a person receiving or who has received health services relating to mental health "
        "and may be investigated under NHS arrangements or reviewed under the Health and "
        "Social Care (Community Health and Standards) Act 2003 s.70, and whether any such "
        "regulations have been made is not confirmed",
    ),
)


@checked
def must_arrange_review(facts: ReviewFacts) -> Answer:
    """Whether a review partner must join in arranging a review of a death (s.24).

    s.24(1): a review partner that considers (a) the death was, or is likely to have been,
    a qualifying homicide, (b) it occurred, or is likely to have occurred, in England or
    Wales, (c) the regulations' conditions are satisfied, and (d) that it is one of the
    relevant review partners, must join with the others in arranging a review. It ceases
    to be under the duty when it considers, on further information, that (a)-(c) are not
    satisfied (s.24(3)) or that (d) is not (s.24(4)), unless, for (d), a review has already
    started under arrangements it made with others. s.24(5): no duty to arrange a review
    others have already held or started. s.26: no duty where another review takes
    precedence; s.26(2), (4)'s mental health deaths are left undetermined. The duty is in
    force only as SI 2023/227 brings it in (``in_force``).

    Example:
        >>> a = must_arrange_review(ReviewFacts(True, True, True, True, True))
        >>> a.verdict.value, a.missing
        ('undetermined', ('review_by_others (s.24(5))', 'other_review (s.26(1), (3))', 'mental_health_case (s.26(2), (4))'))
    """  # noqa: E501
    question = "Must this review partner join in arranging a review of the death (s.24)?"
    reasons, missing, failed = _weigh(facts, _ARRANGE)
    if not failed and not missing:
        reasons.append(
            Reason(
                "s.24(1)",
                "the review partner must join with the other relevant review partners in "
                "arranging for there to be a review of the death",
                _act("s.24(1)"),
            )
        )
    return answer(question, reasons, missing, failed=failed)
