"""The answer for one incident: :class:`Classification`, with its reasons and missing facts.

Example:
    >>> from svduty.definitions import Incident, classify
    >>> classify(Incident(offence_code="3B")).violence.value
    'yes'
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import attrs

from svduty._checked import checked_fields, checked_methods
from svduty.answers import Reason, Verdict
from svduty.definitions._vocab import Review
from svduty.errors import DataError, Problem, printable, shown
from svduty.sources import Confidence, Sources

if TYPE_CHECKING:
    from svduty.definitions._definition import Definition

__all__ = ["ANSWERS", "Classification"]

ANSWERS = ("violence", "in_scope", "domestic_abuse", "qualifying_homicide", "homicide_review")
"""The five answers, in the order of the JSON contract."""
_ANSWERS = ANSWERS


_CONTRACT = (
    "id",
    *ANSWERS,
    "kinds",
    "missing",
    "missing_by_answer",
    "reasons",
    "basis",
    "definition",
)
"""The keys of a classification's JSON (:meth:`Classification.to_json`), in its order."""
_BASES = ("facts", "offence_code", "category", "none")
"""What a classification may be based on (``basis``)."""


def _rule_problems(c: Classification, given: Definition | None) -> list[Problem]:
    """What the rules of svduty never give: see :mod:`._classification_contract`."""
    from svduty.definitions._classification_contract import (
        decided_problems,
        definition_of,
        kind_problems,
        reason_problems,
    )

    definition, problems = definition_of(c.definition, given)
    if problems:
        return problems
    problems = kind_problems(c.kinds, definition)
    problems += reason_problems(c.reasons, c.definition, definition)
    verdicts = {a: getattr(c, a).value for a in ANSWERS}
    return problems or decided_problems(verdicts, [r.rule for r in c.reasons], c.definition)


def _without_envelope(data: Mapping[str, Any]) -> Mapping[str, Any]:
    """``data`` without the keys ``svduty explain --format json`` adds to a classification.

    ``row`` (the input line, a whole number from 1) and ``partnership`` (its name): the
    command's own lines were refused as "not a key of the contract" (contract42); and the
    incident's place as classify gives it (``within_area``: ``inside``, ``outside`` or
    ``no_location``; ``district_code`` and ``district_name``: text or null; mend47).
    """
    if not _ENVELOPE & set(data):
        return data
    row, name = data.get("row", 1), data.get("partnership", "-")
    if isinstance(row, bool) or not isinstance(row, int) or row < 1:
        raise DataError.single(None, "row", expected="the line it answers, a whole number from 1")
    if not isinstance(name, str) or not name.strip():
        raise DataError.single(None, "partnership", expected="the partnership's name")
    if data.get("within_area", "inside") not in ("inside", "outside", "no_location"):
        raise DataError.single(None, "within_area", expected="inside, outside or no_location")
    for key in ("district_code", "district_name"):
        if not isinstance(data.get(key), str | None):
            raise DataError.single(None, key, expected="text or null")
    return {k: v for k, v in data.items() if k not in _ENVELOPE}


_ENVELOPE = frozenset({"row", "partnership", "within_area", "district_code", "district_name"})


def _doubts_said(reasons: tuple[Reason, ...]) -> list[str | None]:
    """For each reason, the rule whose line already said its citation's doubt, else ``None``.

    Two reasons may cite the same unconfirmed reading (the OWHR pilot's period: a
    1,300-character doubt); the text and HTML say it once, the JSON with every reason.

    Example:
        >>> from svduty.sources import cite
        >>> c = cite("pcsc-act-2022", "s.1", confidence=Confidence.UNCONFIRMED, doubt="d")
        >>> sure = cite("pcsc-act-2022", "s.13")
        >>> _doubts_said((Reason("A", "a", c), Reason("B", "b", c), Reason("C", "c", sure)))
        [None, 'A', None]
    """
    first: dict[str, str] = {}
    said: list[str | None] = []
    for r in reasons:
        c = r.citation
        doubt = c.doubt if c and c.confidence is Confidence.UNCONFIRMED and c.doubt else None
        said.append(first.get(doubt) if doubt else None)
        if doubt:
            first.setdefault(doubt, r.rule)
    return said


def _contract_problems(c: Classification, kinds: Any) -> list[Problem]:
    """What a structured classification breaks of the contract :meth:`to_json` keeps.

    ``missing_by_answer`` has a key for each undetermined answer and none other, each
    naming incident fields, once; ``kinds`` lists each kind once (a list, in order).
    """
    from svduty.definitions._incident import _fields
    from svduty.definitions._unknown_keys import key_shown

    undetermined = [a for a in ANSWERS if getattr(c, a).value == "undetermined"]
    problems = []
    if [a for a, _ in c.missing] != undetermined:
        expected = "a key for each undetermined answer (" + ", ".join(undetermined) + ") alone"
        problems.append(Problem(field="missing_by_answer", expected=expected))
    fields = set(_fields())
    for answer, facts in c.missing:
        if len(set(facts)) != len(facts) or not set(facts) <= fields:
            expected = "incident fields (such as victim_age), each once"
            problems.append(
                Problem(
                    field=f"missing_by_answer.{answer if answer in ANSWERS else key_shown(answer)}",
                    expected=expected,
                )
            )
    if not isinstance(kinds, list | tuple) or len(set(c.kinds)) != len(c.kinds):
        problems.append(Problem(field="kinds", expected="a list of kinds, each once"))
    return problems


@checked_methods
@checked_fields
@attrs.frozen(slots=True)
class Classification:
    """The answer for one incident under one definition, with its reasons.

    Attributes:
        id: The incident's id.
        violence: Within s.13 of the Act?
        in_scope: Within the definition classified against?
        domestic_abuse: Domestic abuse (DA Act 2021 s.1)?
        qualifying_homicide: A qualifying homicide (s.24(6))?
        homicide_review: Is an offensive weapons homicide review required?
        kinds: The kinds of violence the incident is of.
        missing: answer name -> the facts that would settle it (undetermined only).
        reasons: The rules that hold, each with its citation.
        basis: ``facts``, ``offence_code``, ``category`` or ``none``.
        definition: The id of the definition used for ``in_scope``.

    Example:
        >>> from svduty.definitions import Incident, classify
        >>> c = classify(Incident(context=["terrorism"], behaviours=["physical"]))
        >>> c.violence.value, "S13-3B" in [r.rule for r in c.reasons]
        ('no', True)
    """

    id: str | None
    violence: Verdict
    in_scope: Verdict
    domestic_abuse: Verdict
    qualifying_homicide: Verdict
    homicide_review: Review
    kinds: tuple[str, ...]
    missing: tuple[tuple[str, tuple[str, ...]], ...]
    reasons: tuple[Reason, ...]
    basis: str
    definition: str

    def missing_for(self, answer: str) -> tuple[str, ...]:
        """The facts that would settle one answer (empty if it is settled).

        Raises:
            DataError: for a name that is not one of the five answers (a misspelt name
                would read as settled).

        Example:
            >>> from svduty.definitions import Incident, classify
            >>> classify(Incident(offence_code="46")).missing_for("domestic_abuse")
            ('victim_age', 'perpetrator_age', 'relationship', 'target', 'behaviours', 'weapon', 'harms', 'died')
            >>> classify(Incident()).missing_for("in-scope")
            Traceback (most recent call last):
            ...
            svduty.errors.DataError: missing_for(answer): expected one of violence, in_scope, domestic_abuse, qualifying_homicide, homicide_review
        """  # noqa: E501
        if answer not in ANSWERS:
            expected = "one of " + ", ".join(ANSWERS)
            raise DataError(Problem(field="missing_for(answer)", expected=expected))
        return dict(self.missing).get(answer, ())

    @property
    def missing_facts(self) -> tuple[str, ...]:
        """Every missing fact, once, in order.

        Example:
            >>> from svduty.definitions import Incident, classify
            >>> "date" in classify(Incident()).missing_facts
            True
        """
        seen: dict[str, None] = {}
        for _, facts in self.missing:
            seen.update(dict.fromkeys(facts))
        return tuple(seen)

    def to_json(self) -> dict[str, Any]:
        """The JSON contract: id, the five answers, kinds, missing, reasons, basis, definition.

        ``missing`` lists every missing fact once; ``missing_by_answer`` says which answer
        each would settle (the undetermined answers only).

        Example:
            >>> from svduty.definitions import Incident, classify
            >>> out = classify(Incident(id="x", offence_code="46")).to_json()
            >>> sorted(out)
            ['basis', 'definition', 'domestic_abuse', 'homicide_review', 'id', 'in_scope', 'kinds', 'missing', 'missing_by_answer', 'qualifying_homicide', 'reasons', 'violence']
            >>> out["basis"], out["definition"], out["missing_by_answer"]["domestic_abuse"][:2]
            ('offence_code', 'pcsc-s13', ['victim_age', 'perpetrator_age'])
        """  # noqa: E501
        return {
            "id": self.id,
            "violence": self.violence.value,
            "in_scope": self.in_scope.value,
            "domestic_abuse": self.domestic_abuse.value,
            "qualifying_homicide": self.qualifying_homicide.value,
            "homicide_review": self.homicide_review.value,
            "kinds": list(self.kinds),
            "missing": list(self.missing_facts),
            "missing_by_answer": {answer: list(facts) for answer, facts in self.missing},
            "reasons": [r.to_json() for r in self.reasons],
            "basis": self.basis,
            "definition": self.definition,
        }

    @classmethod
    def from_json(
        cls, data: Any, *, sources: Sources | None = None, definition: Definition | None = None
    ) -> Classification:
        """A classification read back from its JSON contract (what :meth:`to_json` gives).

        For a system that receives svduty's classifications as JSON (``svduty explain
        --format json``, a service passing them on) and wants them typed again. Every key
        of the contract is required and no other is read; ``missing`` must list the facts
        of ``missing_by_answer`` once each, in order, as :meth:`to_json` writes it. A line
        of ``svduty explain --format json`` also has ``row`` (a line number) and
        ``partnership`` (a name): they are checked and left out.

        Args:
            data: One classification as decoded JSON (a dict).
            sources: The catalogue its citations name (default: svduty's, the national
                sources and those the published definitions cite); a partnership's own
                documents need its catalogue (``p.sources``).
            definition: The definition it was classified against, when it is not a
                national one: its own kinds, and the words of its rules, are read from
                it (``p.require_definition()``). Without it only the national kinds
                are known.

        Raises:
            DataError: naming the field that is missing, unknown or not what the contract
                says (an answer that is not one of its values, a citation of a source the
                catalogue does not hold, a kind the definition does not name, a rule
                svduty does not have or with other words or citation, reasons out of the
                order svduty reports them, a decided answer with no reason of its own
                rules (only an ``undetermined`` one has none), anything :meth:`to_json` would write back
                otherwise).

        Example:
            >>> from svduty.definitions import Classification, Incident, classify
            >>> c = classify(Incident(id="x", offence_code="46", victim_age=30))
            >>> Classification.from_json(c.to_json()) == c
            True
            >>> Classification.from_json({**c.to_json(), "violence": "maybe"})
            Traceback (most recent call last):
            ...
            svduty.errors.DataError: violence: expected one of 'yes', 'no', 'undetermined' (got a string of 5 characters, not shown)
        """  # noqa: E501
        from svduty._answer_contract import citation_problems, derived_url, hinted, reason_data
        from svduty.definitions._classification_contract import written_back_problems
        from svduty.definitions._unknown_keys import key_shown, object_expected
        from svduty.io._converter import make_converter, structure
        from svduty.io._published_sources import published_sources

        if not isinstance(data, Mapping):
            what = object_expected(data, "a JSON object of a classification")
            raise DataError.single(None, None, expected=what)
        data = _without_envelope(data)
        unknown = sorted(key_shown(k) for k in data if k not in _CONTRACT)  # screened
        absent = [k for k in _CONTRACT if k not in data]
        if unknown or absent:
            raise DataError(
                [Problem(field=k, expected="a key of the classification contract") for k in unknown]
                + [Problem(field=k, expected="the key (the contract requires it)") for k in absent]
            )
        by_answer = data["missing_by_answer"]
        if not isinstance(by_answer, Mapping):  # an empty list read as no answer missing
            expected = "a JSON object: each undetermined answer -> the facts it misses"
            raise DataError.single(None, "missing_by_answer", expected=expected)
        cited = citation_problems(data["reasons"])
        if cited:
            raise DataError(cited)
        shaped = {
            **{k: data[k] for k in ("id", *ANSWERS, "kinds", "basis", "definition")},
            "missing": list(by_answer.items()),
            "reasons": [reason_data(r) for r in data["reasons"]]
            if isinstance(data["reasons"], list | tuple)
            else data["reasons"],
        }
        conv = make_converter(sources if sources is not None else published_sources())
        try:
            c = structure(shaped, cls, converter=conv, error=DataError)
        except DataError as error:
            if sources is not None:
                raise
            raise type(error)([hinted(p) for p in error.problems]) from None
        if data["basis"] not in _BASES:
            raise DataError.single(None, "basis", expected="one of " + ", ".join(_BASES))
        missing = data["missing"]
        if not isinstance(missing, list | tuple) or list(missing) != list(c.missing_facts):
            expected = "each fact of missing_by_answer once, in their order"
            raise DataError.single(None, "missing", expected=expected)
        problems = _contract_problems(c, data["kinds"])
        if problems:
            raise DataError(problems)
        reasons = tuple(attrs.evolve(r, citation=derived_url(r.citation)) for r in c.reasons)
        c = attrs.evolve(c, reasons=reasons)
        problems = _rule_problems(c, definition)
        if not problems:
            problems = written_back_problems(c.to_json(), data)
        if problems:
            raise DataError(problems)
        return c

    def explain(self, format: str = "text") -> str:
        """The classification for a person: ``text``, ``html`` or ``json``.

        Example:
            >>> from svduty.definitions import Incident, classify
            >>> print(classify(Incident(id="a", offence_code="3B")).explain())  # doctest: +ELLIPSIS
            Incident a (definition pcsc-s13; basis: offence_code)
              violence:            yes
            ...
              - S13-3A-iv: violence includes threats of violence [Police, Crime, Sentencing and Courts Act 2022, s.13(3)(a)(iv)]
            ...
        """  # noqa: E501
        if format == "json":
            return json.dumps(self.to_json(), indent=2)
        if format == "html":
            return self._repr_html_()
        if format != "text":
            raise DataError.single(
                None,
                "format",
                expected="text, html or json",
                got=shown(format, vocabulary=("text", "html", "json")),
            )
        lines = [
            f"Incident {printable(self.id or '(no id)')} (definition {self.definition}; "
            f"basis: {self.basis})"
        ]
        for name in _ANSWERS:
            value = getattr(self, name).value
            more = self.missing_for(name)
            tail = f"  (missing: {', '.join(more)})" if more else ""
            lines.append(f"  {name + ':':<20} {value}{tail}")
        lines.append(f"  kinds: {', '.join(self.kinds) or '-'}")
        lines.append("  reasons:")
        # a reason says its citation, and the doubt of one unconfirmed: once per incident
        for r, before in zip(self.reasons, _doubts_said(self.reasons), strict=True):
            if before is not None:
                said = f"{r.says} [{r.citation}] (unconfirmed: as under {before})"
                lines.append(f"  - {r.rule}: {said}")
            else:
                lines.append(f"  - {r}" if r.citation else f"  - {r.rule}: {r.says}")
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        import html

        rows = "".join(
            f"<tr><th>{n}</th><td>{getattr(self, n).value}</td>"
            f"<td>{html.escape(', '.join(self.missing_for(n)))}</td></tr>"
            for n in _ANSWERS
        )
        reasons = "".join(
            f"<li><code>{html.escape(r.rule)}</code> {html.escape(r.says)}"
            + (
                f' — <a href="{html.escape(r.citation.href or "")}">'
                f"{html.escape(str(r.citation))}</a>"
                + (
                    f" (unconfirmed: as under {html.escape(before)})"
                    if before is not None
                    else f" (unconfirmed: {html.escape(r.citation.doubt or '')})"
                    if r.citation.confidence.value == "unconfirmed"
                    else ""
                )
                if r.citation
                else ""
            )
            + "</li>"
            for r, before in zip(self.reasons, _doubts_said(self.reasons), strict=True)
        )
        return (
            f"<div><p><b>Incident {html.escape(printable(self.id or '(no id)'))}</b> "
            f"(definition {html.escape(self.definition)}; basis {self.basis})</p>"
            f"<table><tr><th>answer</th><th>value</th><th>missing</th></tr>{rows}</table>"
            f"<p>kinds: {html.escape(', '.join(self.kinds) or '-')}</p>"
            f"<ul>{reasons}</ul></div>"
        )
