"""A review partner's duties for one death: PCSC Act 2022 ss.24(1)-(5), 26 and 27.

Whether a death needs an offensive weapons homicide review is the incident rules' question
(``OWHR-S24`` in :mod:`svduty.definitions`). These are the questions one review partner
asks of a death it knows of: must it join in arranging a review (s.24(1), its end under
s.24(3) and (4), s.24(5) and s.26), and must it notify the Secretary of State, and by
when (s.27(1), (2), (7), (8))? Each fact is the partner's (``None``: not known); both
answers come from one list of three-valued conditions, so ``no`` when one fails,
``undetermined`` naming the facts not given, ``yes`` when every one holds. A condition
whose law svduty has not read (s.24(1)(c)'s regulations) or which leaves a discretion
(s.26(2), (4)) is never settled by a guess.

Example:
    >>> must_arrange_review(ReviewFacts(qualifying_homicide=False)).verdict.value
    'no'
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable

import attrs

from svduty._checked import checked, checked_fields
from svduty.answers import Answer, Reason
from svduty.authorities._answering import answer
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
            specify under s.24(1)(c) are satisfied (s.24(3) as above).
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
        information_about_deceased: One or more of the review partners has, or could
            reasonably be expected to have, relevant information about the circumstances or
            background of the person who died that is likely to be pertinent to the purposes
            of a review (s.24(1)(c) as the minister described the regulations' condition,
            HL Deb 8 November 2022; the regulations' text is not read).
        information_about_suspect: The same, about a suspected perpetrator (``False`` also
            when no one is suspected).

    Raises:
        ConflictError: where the partner considers the s.24(1)(c) conditions satisfied
            (``regulation_conditions``) while no review partner has or could be expected to
            have information about the person who died or a suspected perpetrator (both
            ``information_about_*`` false): the condition the minister described is a
            necessary one; svduty does not choose a side. Also where ``aware_on`` (the day
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

    def __attrs_post_init__(self) -> None:
        if self.regulation_conditions is True and self.relevant_information is False:
            raise ConflictError.single(
                None,
                "regulation_conditions",
                message="the facts say the s.24(1)(c) conditions are satisfied, but that no "
                "review partner has, or could reasonably be expected to have, relevant "
                "information about the person who died or a suspected perpetrator, which "
                "the minister described as necessary (HL Deb 8 November 2022)",
            )
        if self.aware_on is not None and self.aware_of_qualifying_circumstances is False:
            raise ConflictError.single(
                None,
                "aware_on",
                message="the facts give the day the review partner became aware of qualifying "
                "circumstances (s.27(8)) but say it has not become aware of them (s.27(7))",
            )

    @property
    def relevant_information(self) -> bool | None:
        """Whether a review partner has, or could be expected to have, relevant information.

        ``True`` when it is so about the person who died or about a suspected perpetrator,
        ``False`` when it is so about neither, ``None`` otherwise (s.24(1)(c), as the
        minister described the regulations' condition).

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
_REGS_DOUBT = (
    "the conditions of the OWHR Regulations 2022 under s.24(1)(c) as the minister described "
    "them (HL Deb 8 November 2022: 'It will be necessary for one or more of the review "
    "partner agencies to have or reasonably be expected to have relevant information about "
    "the circumstances or background of the victim or "
    "suspected perpetrator ... that is likely to be pertinent to the purpose of the review'); "
    "the regulations' SI number and wording were not found (law48 searched the "
    "legalize-dev/legalize-uk mirror, legislation.gov.uk copies and the statutory guidance)"
)
_MENTAL_HEALTH_DOUBT = (
    "s.26(2) and (4) let the Secretary of State make regulations about the duty not applying "
    "to such a death; whether any have been made, and what they provide, is not confirmed"
)


@attrs.frozen(slots=True)
class _Condition:
    """One three-valued condition: it fails when ``fact`` is ``fails_when``.

    ``asks`` says what is not known while the fact is not given.
    ``holds``/``fails`` say what the known fact means; ``unless`` names a fact that, when
    true, keeps a failed condition from failing (s.24(4)'s exception), ``kept`` saying so.
    ``open_when`` is a value of the fact that can settle nothing (the law not read or left
    to a discretion): the answer stays undetermined, ``open_says`` saying why and
    ``open_missing`` naming what would settle it. ``also`` names a second fact (a
    property) read only while ``fact`` is not known: its value ``fails_when`` fails the
    condition (``also_fails``, citing ``also_citation``), a holding value is told
    (``also_holds``) but leaves ``fact`` missing, since the second fact is a necessary
    part of the condition, not all of it.
    """

    fact: str
    citation: Citation
    fails_when: bool
    asks: str
    holds: str
    fails: str
    unless: str | None = None
    kept: str = ""
    open_when: bool | None = None
    open_says: str = ""
    open_missing: str = ""
    also: str | None = None
    also_holds: str = ""
    also_fails: str = ""
    also_citation: Citation | None = None


def _weigh(facts: object, conditions: Iterable[_Condition]) -> tuple[list[Reason], list[str], bool]:
    """Every condition's reason, the facts missing, and whether one failed (all must hold).

    ``facts`` is a record of three-valued facts (:class:`ReviewFacts`, or the facts of an
    information request under s.29), each condition reading one of its fields by name.
    """
    reasons: list[Reason] = []
    missing: list[str] = []
    failed = False
    for c in conditions:
        value = getattr(facts, c.fact)
        rule = c.citation.provision
        also = None if c.also is None or value is not None else getattr(facts, c.also)
        if also is c.fails_when:
            reasons.append(Reason(rule, c.also_fails, c.also_citation or c.citation))
            failed = True
        elif value is None:
            told = f"; {c.also_holds}" if also is not None else ""
            reasons.append(Reason(rule, f"not known: {c.asks}{told}", c.citation))
            missing.append(f"{c.fact} ({rule})")
        elif c.open_when is not None and value is c.open_when:
            reasons.append(Reason(rule, c.open_says, c.citation))
            missing.append(f"{c.open_missing} ({rule})")
        elif value is not c.fails_when:
            reasons.append(Reason(rule, c.holds, c.citation))
        elif c.unless is not None and getattr(facts, c.unless) is None:
            reasons.append(Reason(rule, c.fails, c.citation))  # it names the fact
            missing.append(f"{c.unless} ({rule})")
        elif c.unless is not None and getattr(facts, c.unless):
            reasons.append(Reason(rule, c.kept, c.citation))
        else:
            reasons.append(Reason(rule, c.fails, c.citation))
            failed = True
    return reasons, missing, failed


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
        _act("s.24(1)(c), s.24(3)", confidence=Confidence.UNCONFIRMED, doubt=_REGS_DOUBT),
        False,
        "whether the review partner considers the conditions specified by regulations under "
        "s.24(1)(c) satisfied",
        "the review partner considers the conditions specified by regulations under "
        "s.24(1)(c) satisfied",
        "the review partner does not consider the conditions specified by regulations under "
        "s.24(1)(c) satisfied: no duty arises, or it ceases to be under a duty to arrange for "
        "there to be a review (and a review may accordingly be discontinued)",
        also="relevant_information",
        also_holds="one or more review partners has, or could reasonably be expected to "
        "have, relevant information about the circumstances or background of the person who "
        "died or a suspected perpetrator (the condition the minister described), but "
        "whether the regulations' conditions are all satisfied is the review partner's to "
        "consider (regulation_conditions)",
        also_fails="no review partner has, or could reasonably be expected to have, relevant "
        "information about the circumstances or background of the person who died or a "
        "suspected perpetrator likely to be pertinent to the purpose of the review: the "
        "condition the minister described as necessary fails, so no duty arises, or the "
        "review partner ceases to be under a duty to arrange for there to be a review (and a "
        "review may accordingly be discontinued)",
        also_citation=cite(
            "hl-deb-2022-11-08-owhr",
            "the minister's opening speech",
            confidence=Confidence.UNCONFIRMED,
            doubt=_REGS_DOUBT,
        ),
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


def _weigh_routes(
    facts: object,
    before: Iterable[_Condition],
    routes: Iterable[Iterable[_Condition]],
) -> tuple[list[Reason], list[str], bool, list[Reason] | None]:
    """Conditions that must all hold (``before``), then routes of which one must.

    Each route is weighed as :func:`_weigh` weighs conditions. Returns every reason, the
    facts missing, whether the answer is ``no`` (a condition of ``before`` failed, or
    every route did), and the reasons of the first route that holds (``None`` if none
    does yet).
    """
    reasons, missing, failed = _weigh(facts, before)
    held: list[Reason] | None = None
    open_missing: list[str] = []
    every_route_failed = True
    for route in routes:
        r_reasons, r_missing, r_failed = _weigh(facts, route)
        if not r_failed and not r_missing and held is None:
            held = r_reasons
        if not r_failed:
            every_route_failed = False
            open_missing.extend(m for m in r_missing if m not in open_missing)
        reasons.extend(r for r in r_reasons if r not in reasons)
    if failed or every_route_failed:
        return reasons, [], True, None
    if held is not None:
        return reasons, missing, False, held
    return reasons, missing + [m for m in open_missing if m not in missing], False, None
