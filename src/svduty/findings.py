"""One vocabulary for what a check finds: :class:`Severity`, :class:`Finding`, :class:`Findings`.

Governance validation, funding reconciliation and bundle completeness checks all report in
these terms, so a notebook, the CLI and a client system read one shape whatever ran the check.

Example:
    >>> from svduty.sources import cite
    >>> f = Finding("GOV-CYCLE", Severity.ERROR, "a -> b -> a",
    ...             (cite("pcsc-act-2022", "s.8"),), subjects=("a", "b"))
    >>> str(f)
    'error GOV-CYCLE: a -> b -> a [a, b]'
    >>> Findings((f,)).ok
    False
"""

from __future__ import annotations

import html
from collections.abc import Iterator
from typing import Any

import attrs

from svduty._checked import checked_methods
from svduty._words import Words
from svduty.errors import ArgumentError, Problem, named
from svduty.sources import Citation, Confidence

__all__ = ["Finding", "Findings", "Severity"]


class Severity(Words):
    """How serious a finding is.

    ``error`` breaks a rule, ``warning`` needs a decision, ``info`` is an observation.

    Example:
        >>> Severity("error") is Severity.ERROR
        True
    """

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


_RESERVED = ("rule", "severity", "message", "subjects", "where", "citations")
"""The keys of :meth:`Finding.as_dict` that ``data`` may not take."""


def _not_reserved(_finding: object, _field: object, data: tuple[tuple[str, Any], ...]) -> None:
    """Refuse a ``data`` key :meth:`Finding.as_dict` writes itself: it would overwrite it."""
    if any(key in _RESERVED for key, _ in data):
        raise ArgumentError(
            Problem(field="Finding(data)", expected=f"keys other than {', '.join(_RESERVED)}")
        )


@checked_methods
@attrs.frozen(slots=True)
class Finding:
    """One thing a check found, with the rule that found it and where the rule comes from.

    Attributes:
        rule: The rule id, such as ``"GOV-CYCLE"`` or ``"year-total"``.
        severity: How serious it is.
        message: What was found, in words (with the arithmetic, for money).
        citations: Where the rule, and each figure compared, come from.
        subjects: The ids involved (bodies, authorities, areas, projects).
        where: The file and field the finding is about, such as
            ``"governance.toml: bodies[3].members"``; empty when it is not about one place.
        data: Further JSON-ready facts as ``(key, value)`` pairs, such as
            ``(("year", "2023/24"), ("difference", "12.00"))``.

    Example:
        >>> Finding("x", Severity.INFO, "an observation").as_dict()["severity"]
        'info'
    """

    rule: str
    severity: Severity
    message: str
    citations: tuple[Citation, ...] = ()
    subjects: tuple[str, ...] = ()
    where: str = ""
    data: tuple[tuple[str, str | None], ...] = attrs.field(default=(), validator=_not_reserved)

    def __str__(self) -> str:
        place = f" [{self._ids()}]" if self.subjects else ""
        at = f" ({self.where})" if self.where else ""
        return f"{self.severity.value} {self.rule}: {self.message}{place}{at}"

    def _ids(self) -> str:
        """The subjects as text names them: an id that could be personal data is not shown.

        :meth:`as_dict` gives them as they are (a program acts on them).
        """
        return ", ".join(named(s, "an id") for s in self.subjects)

    def get(self, key: str) -> str | None:
        """The value of one of :attr:`data`'s keys, or ``None``.

        Example:
            >>> Finding("r", Severity.ERROR, "m", data=(("year", "2023/24"),)).get("year")
            '2023/24'
        """
        return dict(self.data).get(key)

    def as_dict(self) -> dict[str, Any]:
        """The finding as JSON-ready data (the form the CLI writes).

        Example:
            >>> sorted(Finding("r", Severity.WARNING, "m").as_dict())
            ['citations', 'message', 'rule', 'severity', 'subjects', 'where']
        """
        out: dict[str, Any] = {
            "rule": self.rule,
            "severity": self.severity.value,
            "message": self.message,
            "subjects": list(self.subjects),
            "where": self.where,
            "citations": [c.as_dict() for c in self.citations],
        }
        out.update(self.data)
        return out


@attrs.frozen(slots=True)
class Findings:
    """The result of a check: its findings, and the rules it could not check with the reason.

    Example:
        >>> res = Findings((), skipped=(("GOV-SPECIFIED", "no authorities given"),))
        >>> res.ok, len(res), res.skipped[0][0]
        (True, 0, 'GOV-SPECIFIED')
    """

    findings: tuple[Finding, ...] = ()
    skipped: tuple[tuple[str, str], ...] = ()
    checked: tuple[str, ...] = ()

    @property
    def errors(self) -> tuple[Finding, ...]:
        """The errors.

        Example:
            >>> Findings(()).errors
            ()
        """
        return tuple(f for f in self.findings if f.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        """The warnings.

        Example:
            >>> Findings(()).warnings
            ()
        """
        return tuple(f for f in self.findings if f.severity is Severity.WARNING)

    @property
    def ok(self) -> bool:
        """Whether there are no errors.

        Example:
            >>> Findings(()).ok
            True
        """
        return not self.errors

    def __add__(self, other: Findings) -> Findings:
        """Both results together (findings, skipped and checked rules concatenated).

        Example:
            >>> len(Findings((Finding("a", Severity.INFO, "m"),)) + Findings())
            1
        """
        return Findings(
            self.findings + other.findings,
            self.skipped + other.skipped,
            self.checked + other.checked,
        )

    def __len__(self) -> int:
        return len(self.findings)

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.findings)

    def text(self) -> str:
        """The counts, each finding, then every rule checked and not checked, as text.

        Each finding is followed by what it cites (the document and provision, and the
        doubt of an unconfirmed one), one line each: the section of the Act, or the
        partnership's document, that makes it a rule.

        Example:
            >>> from svduty.sources import cite
            >>> f = Finding("r", Severity.ERROR, "m", (cite("pcsc-act-2022", "s.8(4)"),))
            >>> print(Findings((f,), checked=("r",)).text())
            1 error(s), 0 warning(s)
              error r: m
                cites: Police, Crime, Sentencing and Courts Act 2022, s.8(4)
            checked: r
        """
        lines = [f"{len(self.errors)} error(s), {len(self.warnings)} warning(s)"]
        for f in self.findings:
            lines += [f"  {f}", *(f"    cites: {_cited(c)}" for c in f.citations)]
        if self.checked:
            lines.append("checked: " + ", ".join(self.checked))
        lines += [f"not checked: {rule} ({why})" for rule, why in self.skipped]
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.text()

    def _repr_html_(self) -> str:
        """The findings as an HTML table with their citations (a notebook's view).

        Example:
            >>> "<table>" in Findings((Finding("r", Severity.INFO, "m"),))._repr_html_()
            True
        """
        esc = html.escape
        rows = "".join(
            f"<tr><td>{esc(f.severity.value)}</td><td><code>{esc(f.rule)}</code></td>"
            f"<td>{esc(f.message)}</td><td>{esc(f._ids())}</td>"
            f"<td>{esc('; '.join(str(c) for c in f.citations))}</td></tr>"
            for f in self.findings
        )
        skipped = "".join(
            f"<li><code>{esc(rule)}</code>: {esc(why)}</li>" for rule, why in self.skipped
        )
        table = (
            "<table><tr><th>severity</th><th>rule</th><th>finding</th><th>subjects</th>"
            f"<th>source</th></tr>{rows}</table>"
        )
        return (
            f"<p><b>{len(self.errors)} error(s), {len(self.warnings)} warning(s)</b>"
            f"; checked: {esc(', '.join(self.checked)) or '(none)'}</p>"
            + (table if rows else "")
            + (f"<p>not checked:</p><ul>{skipped}</ul>" if skipped else "")
        )

    def as_dict(self) -> dict[str, Any]:
        """The result as JSON-ready data.

        Example:
            >>> Findings().as_dict()
            {'ok': True, 'findings': [], 'checked': [], 'skipped': []}
        """
        return {
            "ok": self.ok,
            "findings": [f.as_dict() for f in self.findings],
            "checked": list(self.checked),
            "skipped": [{"rule": r, "reason": why} for r, why in self.skipped],
        }


def _cited(c: Citation) -> str:
    """A citation as text, with its doubt when it is unconfirmed (as a reason says it)."""
    unconfirmed = c.confidence is Confidence.UNCONFIRMED
    return f"{c} (unconfirmed: {c.doubt})" if unconfirmed and c.doubt else str(c)
