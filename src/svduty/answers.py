"""Three-valued answers with reasons and citations, shared by every rule in svduty.

The authorities' rules (ss.8-18), the incident classifier (s.13, the Domestic Abuse Act,
homicide reviews) and their reasons all use these three classes. A rule of the Act answers
``yes``, ``no`` or ``undetermined``. Every answer carries its reasons (each with a rule id,
what the rule says and a :class:`~svduty.sources.Citation`) and, when undetermined, the
facts that are missing. A ``yes`` or ``no`` never has missing facts; an ``undetermined``
answer always names at least one.

Example:
    >>> from svduty.sources import cite
    >>> r = Reason("s.16(4)(a)", "patient information may not be disclosed",
    ...            cite("pcsc-act-2022", "s.16(4)(a)"))
    >>> a = Answer("may disclose?", Verdict.NO, (r,))
    >>> a.no, a.verdict.value
    (True, 'no')
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs

from svduty._checked import checked_fields, checked_methods
from svduty._words import Words
from svduty.errors import DataError
from svduty.sources import Citation, Confidence, Sources

__all__ = ["Answer", "Reason", "Verdict"]


@checked_methods
class Verdict(Words):
    """The three values of a rule's answer.

    Example:
        >>> Verdict("undetermined") is Verdict.UNDETERMINED
        True
    """

    YES = "yes"
    NO = "no"
    UNDETERMINED = "undetermined"

    @classmethod
    def of(cls, value: bool | None) -> Verdict:
        """The verdict for a three-valued truth value (``None`` is undetermined).

        Example:
            >>> Verdict.of(None), Verdict.of(False).value
            (<Verdict.UNDETERMINED: 'undetermined'>, 'no')
        """
        if value is None:
            return cls.UNDETERMINED
        return cls.YES if value else cls.NO


@checked_fields
@attrs.frozen(slots=True)
class Reason:
    """One step of an answer: which rule, what it says here, and where the law says it.

    Attributes:
        rule: A stable rule id, usually the provision (``"s.11(6)"``, ``"s.18(5)"``).
        says: The rule's effect in this case, in words.
        citation: Where the rule comes from.

    Example:
        >>> from svduty.sources import cite
        >>> str(Reason("s.8(4)", "consult each relevant authority", cite("pcsc-act-2022", "s.8(4)")))
        's.8(4): consult each relevant authority [Police, Crime, Sentencing and Courts Act 2022, s.8(4)]'
    """  # noqa: E501

    rule: str
    says: str
    citation: Citation

    def to_json(self) -> dict[str, Any]:
        """The reason as JSON-ready data.

        Example:
            >>> from svduty.sources import cite
            >>> Reason("s.14(1)", "may assist", cite("pcsc-act-2022", "s.14(1)")).to_json()["rule"]
            's.14(1)'
        """
        return {"rule": self.rule, "says": self.says, "citation": self.citation.as_dict()}

    @classmethod
    def from_json(cls, data: Any, *, sources: Sources | None = None) -> Reason:
        """A reason read back from its JSON (what :meth:`to_json` gives).

        Every key (``rule``, ``says``, ``citation``) is required and no other is read; the
        citation has every key :meth:`~svduty.sources.Citation.as_dict` writes, and the
        whole is written back as it was given (``from_json(r.to_json()) == r``).

        Args:
            data: One reason as decoded JSON (a dict).
            sources: The catalogue its citation names (default: svduty's, the national
                sources and those the published definitions cite); a partnership's own
                documents need its catalogue (``p.sources``).

        Raises:
            DataError: naming the field that is missing, unknown or not what the
                contract says (never the value given).

        Example:
            >>> from svduty.sources import cite
            >>> r = Reason("s.14(1)", "may assist", cite("pcsc-act-2022", "s.14(1)"))
            >>> Reason.from_json(r.to_json()) == r
            True
            >>> Reason.from_json({**r.to_json(), "rule": 5})
            Traceback (most recent call last):
            ...
            svduty.errors.DataError: rule: expected a string (text in quotes)
        """
        from svduty._answer_contract import REASON_KEYS, read_back

        return read_back(cls, data, REASON_KEYS, "a reason", sources)

    def __str__(self) -> str:
        doubt = (
            f" (unconfirmed: {self.citation.doubt})"
            if self.citation.confidence is Confidence.UNCONFIRMED
            else ""
        )
        return f"{self.rule}: {self.says} [{self.citation}]{doubt}"


def _tuple_of_str(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


def _tuple_of_reasons(values: Iterable[Reason]) -> tuple[Reason, ...]:
    return tuple(values)


@checked_fields
@attrs.frozen(slots=True)
class Answer:
    """A rule's three-valued answer with its reasons and the facts it lacks.

    Attributes:
        question: The question answered, in words.
        verdict: ``yes``, ``no`` or ``undetermined``.
        reasons: Why, each with a rule id and a citation (at least one).
        missing: The facts that would settle an undetermined answer (empty otherwise).
        subjects: For "who" questions, the ids of the authorities named by the answer
            (for example the relevant authorities to consult); ``yes`` means the list is
            complete, ``undetermined`` that it may be incomplete.
        value: For "which" questions, the value found (for example a role).

    Raises:
        DataError: if there is no reason, if a ``yes``/``no`` lists missing facts, or if
            an ``undetermined`` answer names none.

    Example:
        >>> from svduty.sources import cite
        >>> r = Reason("s.16(1)", "needs facts", cite("pcsc-act-2022", "s.16(1)"))
        >>> a = Answer("q", Verdict.UNDETERMINED, (r,), missing=("patient_information",))
        >>> a.undetermined, a.missing
        (True, ('patient_information',))
        >>> Answer("q", Verdict.YES, (r,), missing=("x",))
        Traceback (most recent call last):
        ...
        svduty.errors.DataError: missing: a 'yes' or 'no' answer has no missing facts...
    """

    question: str
    verdict: Verdict
    reasons: tuple[Reason, ...] = attrs.field(converter=_tuple_of_reasons)
    missing: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of_str)
    subjects: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of_str)
    value: str | None = None

    def __attrs_post_init__(self) -> None:
        if not self.reasons:
            raise DataError.single(None, "reasons", message="an answer needs at least one reason")
        if self.verdict is not Verdict.UNDETERMINED and self.missing:
            raise DataError.single(
                None, "missing", message="a 'yes' or 'no' answer has no missing facts"
            )
        if self.verdict is Verdict.UNDETERMINED and not self.missing:
            raise DataError.single(
                None, "missing", message="an 'undetermined' answer names the missing facts"
            )

    @property
    def yes(self) -> bool:
        """Whether the verdict is ``yes``.

        Example:
            >>> from svduty.sources import cite
            >>> Answer("q", Verdict.YES, (Reason("r", "s", cite("pcsc-act-2022")),)).yes
            True
        """
        return self.verdict is Verdict.YES

    @property
    def no(self) -> bool:
        """Whether the verdict is ``no``.

        Example:
            >>> from svduty.sources import cite
            >>> Answer("q", Verdict.YES, (Reason("r", "s", cite("pcsc-act-2022")),)).no
            False
        """
        return self.verdict is Verdict.NO

    @property
    def undetermined(self) -> bool:
        """Whether the verdict is ``undetermined``.

        Example:
            >>> from svduty.sources import cite
            >>> Answer("q", Verdict.NO, (Reason("r", "s", cite("pcsc-act-2022")),)).undetermined
            False
        """
        return self.verdict is Verdict.UNDETERMINED

    @property
    def citations(self) -> tuple[Citation, ...]:
        """The citations of the reasons, in order.

        Example:
            >>> from svduty.sources import cite
            >>> r = Reason("s.8(4)", "x", cite("pcsc-act-2022", "s.8(4)"))
            >>> [c.provision for c in Answer("q", Verdict.YES, (r,)).citations]
            ['s.8(4)']
        """
        return tuple(r.citation for r in self.reasons)

    def explain(self) -> str:
        """The answer as text a person can read: verdict, reasons, missing facts.

        Example:
            >>> from svduty.sources import cite
            >>> r = Reason("s.8(4)", "consult X", cite("pcsc-act-2022", "s.8(4)"))
            >>> print(Answer("Who must be consulted?", Verdict.YES, (r,)).explain())
            Who must be consulted? yes
              - s.8(4): consult X [Police, Crime, Sentencing and Courts Act 2022, s.8(4)]
        """
        lines = [f"{self.question} {self.verdict.value}"]
        if self.value is not None:
            lines.append(f"  value: {self.value}")
        if self.subjects:
            lines.append(f"  subjects: {', '.join(self.subjects)}")
        lines.extend(f"  - {r}" for r in self.reasons)
        lines.extend(f"  missing: {m}" for m in self.missing)
        return "\n".join(lines)

    def to_json(self) -> dict[str, Any]:
        """The answer as JSON-ready data.

        Example:
            >>> from svduty.sources import cite
            >>> r = Reason("s.8(4)", "x", cite("pcsc-act-2022", "s.8(4)"))
            >>> sorted(Answer("q", Verdict.YES, (r,)).to_json())
            ['missing', 'question', 'reasons', 'subjects', 'value', 'verdict']
        """
        return {
            "question": self.question,
            "verdict": self.verdict.value,
            "value": self.value,
            "subjects": list(self.subjects),
            "reasons": [r.to_json() for r in self.reasons],
            "missing": list(self.missing),
        }

    @classmethod
    def from_json(cls, data: Any, *, sources: Sources | None = None) -> Answer:
        """An answer read back from its JSON (what :meth:`to_json` gives).

        Every key of :meth:`to_json` is required and no other is read; each reason is read
        as :meth:`Reason.from_json` reads one; the answer's own checks hold (at least one
        reason, so a decided answer always has one; missing facts if and only if
        undetermined); and the whole is written back as it was given
        (``from_json(a.to_json()) == a``).

        Args:
            data: One answer as decoded JSON (a dict).
            sources: The catalogue its citations name (default: svduty's, the national
                sources and those the published definitions cite).

        Raises:
            DataError: naming the field that is missing, unknown or not what the
                contract says (never the value given).

        Example:
            >>> from svduty.sources import cite
            >>> r = Reason("s.8(4)", "x", cite("pcsc-act-2022", "s.8(4)"))
            >>> a = Answer("q", Verdict.YES, (r,))
            >>> Answer.from_json(a.to_json()) == a
            True
            >>> Answer.from_json({**a.to_json(), "reasons": []})
            Traceback (most recent call last):
            ...
            svduty.errors.DataError: reasons: an answer needs at least one reason
        """
        from svduty._answer_contract import ANSWER_KEYS, read_back

        return read_back(cls, data, ANSWER_KEYS, "an answer", sources)

    def _repr_html_(self) -> str:
        """The answer in a notebook: the verdict, each reason with a link, the missing facts."""
        import html  # notebooks only: html.entities is 1-2 ms of every command's start-up

        e = html.escape
        colour = {Verdict.YES: "#1a7f37", Verdict.NO: "#b42318", Verdict.UNDETERMINED: "#9a6700"}
        head = (
            f"<p>{e(self.question)} <b style='color:{colour[self.verdict]}'>"
            f"{e(self.verdict.value)}</b></p>"
        )
        extra = "".join(
            f"<p>{label}: {e(text)}</p>"
            for label, text in (
                ("value", self.value or ""),
                ("subjects", ", ".join(self.subjects)),
            )
            if text
        )
        items = []
        for r in self.reasons:
            cited = e(str(r.citation))
            if r.citation.href:
                cited = f"<a href='{e(r.citation.href)}'>{cited}</a>"
            doubt = (
                f" <i>(unconfirmed: {e(r.citation.doubt or '')})</i>"
                if r.citation.confidence is Confidence.UNCONFIRMED
                else ""
            )
            items.append(f"<li><code>{e(r.rule)}</code> {e(r.says)} [{cited}]{doubt}</li>")
        missing = "".join(f"<li>{e(m)}</li>" for m in self.missing)
        return f"{head}{extra}<ul>{''.join(items)}</ul>" + (
            f"<p>Missing facts:</p><ul>{missing}</ul>" if missing else ""
        )
