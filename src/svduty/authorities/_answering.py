"""What the authorities' rules share: the Act's id, a reason citing it, and the verdict.

Each rule module (``_specified``: ss.11-12; ``_consultation``: ss.8, 9 and 14;
``_information``: ss.16-17; ``_directions``: s.18) builds its
:class:`~svduty.answers.Answer` with :func:`answer`: ``no`` when a condition failed,
``undetermined`` when a fact is missing, ``yes`` otherwise.

Example:
    >>> a = answer("q?", [reason("s.8(1)", "collaborate")], [], failed=False)
    >>> a.verdict.value, a.reasons[0].citation.href
    ('yes', 'https://www.legislation.gov.uk/ukpga/2022/32/section/8')
"""

from __future__ import annotations

import enum
from collections.abc import Iterable

from svduty.answers import Answer, Reason, Verdict
from svduty.authorities._categories import AuthorityCategory
from svduty.sources import cite

__all__ = ["ACT", "answer", "label", "plural", "reason"]

ACT = "pcsc-act-2022"
"""The source id of the Police, Crime, Sentencing and Courts Act 2022."""


def reason(rule: str, says: str, provision: str | None = None) -> Reason:
    """A reason citing a provision of the Act (the rule id itself by default).

    Example:
        >>> reason("s.18(3)", "enforceable").citation.provision
        's.18(3)'
    """
    return Reason(rule, says, cite(ACT, provision or rule))


def answer(
    question: str,
    reasons: list[Reason],
    missing: list[str],
    *,
    failed: bool,
    subjects: Iterable[str] = (),
    value: str | None = None,
) -> Answer:
    """The answer: ``no`` if ``failed``, else ``undetermined`` if facts are missing, else ``yes``.

    Example:
        >>> answer("q?", [reason("s.8(4)", "consult")], ["a fact"], failed=False).verdict.value
        'undetermined'
    """
    if failed:
        verdict = Verdict.NO
        missing = []
    elif missing:
        verdict = Verdict.UNDETERMINED
    else:
        verdict = Verdict.YES
    return Answer(question, verdict, tuple(reasons), tuple(missing), tuple(subjects), value)


def label(value: enum.StrEnum) -> str:
    """An enum value in words.

    Example:
        >>> label(AuthorityCategory.PRISON_AUTHORITY)
        'prison authority'
    """
    return value.value.replace("_", " ")


def plural(cat: AuthorityCategory) -> str:
    """A category in the plural.

    Example:
        >>> plural(AuthorityCategory.PRISON_AUTHORITY)
        'prison authorities'
    """
    return cat.value.replace("_", " ").replace("authority", "authorities")
