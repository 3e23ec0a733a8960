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

import datetime as _dt
import enum
from collections.abc import Iterable
from typing import TYPE_CHECKING

import pendulum

from svduty.answers import Answer, Reason, Verdict
from svduty.authorities._categories import AuthorityCategory
from svduty.authorities._in_doubt import in_doubt_on
from svduty.periods import date
from svduty.sources import Confidence, cite

if TYPE_CHECKING:
    from svduty.authorities._authority import Authority

__all__ = [
    "ACT",
    "IN_FORCE",
    "READ_TWO_WAYS",
    "answer",
    "for_area",
    "held",
    "in_force",
    "label",
    "plural",
    "reason",
]

ACT = "pcsc-act-2022"
"""The source id of the Police, Crime, Sentencing and Courts Act 2022."""


IN_FORCE = pendulum.Date(2023, 1, 31)
"""The day ss.8-12 and 14-19 came into force (SI 2022/1227 reg 4; s.13 on Royal Assent)."""


def in_force(section: str, on: _dt.date | str | None) -> tuple[Reason | None, bool]:
    """Whether a section of Part 2 Chapter 1 was in force on a day: (reason, failed).

    ss.14-18 came into force on 31 January 2023 (SI 2022/1227 reg 4: legislation.gov.uk
    gives s.18 "in force at 31.1.2023 by S.I. 2022/1227, reg. 4(j)" and s.16 "valid from
    31/01/2023"). With no day asked the answer gives no reason on it (it is about the law
    in force now), never a silent "in force".

    Example:
        >>> r, failed = in_force("s.16", "2023-01-30")
        >>> failed, r.rule, r.citation.provision
        (True, 'commencement', 'reg 4')
        >>> in_force("s.16", None)
        (None, False)
    """
    if on is None:
        return None, False
    day = date(on)
    citation = cite("si-2022-1227", "reg 4")
    if day < IN_FORCE:
        says = f"{section} was not in force on {day}: it came into force on 31 January 2023"
        return Reason("commencement", says, citation), True
    return Reason(
        "commencement", f"{section} in force on {day} (from 31 January 2023)", citation
    ), False


DAY_ASKED = "on (the day asked"
"""How a missing fact that is the day asked begins (:func:`held`)."""

READ_TWO_WAYS = ", read two ways)"
"""How a missing fact that is a reading of the law in doubt ends (:func:`held`)."""


def held(
    bodies: Iterable[Authority], on: _dt.date | str | None, rule: str
) -> tuple[list[Reason], list[str], bool]:
    """Whether each body's record held on the day asked: (reasons, missing, failed).

    A power or duty of the Chapter is a body's while it exists and holds its role: a
    council abolished, or a commissioner whose functions passed to a mayor, has none
    after its record ends, and none before it starts. Asked about a day outside a
    record's period the answer is ``no``; asked about no day, a record that has ended, or
    one in doubt on some days (recheck51b), leaves the answer ``undetermined`` until the day
    is given (svduty assumes no today).

    Example:
        >>> from svduty.authorities import Authority, AuthorityCategory
        >>> from svduty.periods import Period
        >>> c = cite(ACT, "Sch 1")
        >>> old = Authority("h", "Harrogate BC", AuthorityCategory.DISTRICT_COUNCIL,
        ...                 ("E07000165",), c, valid=Period("2009-04-01", "2023-04-01"))
        >>> reasons, missing, failed = held([old], "2023-06-01", "s.18(1)")
        >>> failed, reasons[0].says
        (True, 'Harrogate BC was not a district council on 2023-06-01: its record holds 2009-04-01 to 2023-03-31')
        >>> held([old], "2023-03-31", "s.18(1)"), held([old], None, "s.18(1)")[1]
        (([], [], False), ['on (the day asked: the record of Harrogate BC ends on 2023-04-01)'])
        >>> import attrs
        >>> from svduty.authorities import InDoubt
        >>> unsure = attrs.evolve(old, in_doubt=InDoubt(Period("2023-02-01", "2023-04-01"), c))
        >>> held([unsure], "2023-03-01", "s.18(1)")[1:]
        (['whether Harrogate BC was a district council on 2023-03-01 (Sch 1, read two ways)'], False)
        >>> held([attrs.evolve(unsure, valid=Period("2009-04-01"))], None, "s.18(1)")[1]
        ['on (the day asked: the record of Harrogate BC is in doubt from 2023-02-01 to 2023-03-31)']
    """  # noqa: E501
    reasons: list[Reason] = []
    missing: list[str] = []
    failed = False
    for body in bodies:
        if on is None:
            if body.valid.end is not None:
                missing.append(f"{DAY_ASKED}: the record of {body.name} ends on {body.valid.end})")
            elif body.in_doubt is not None:  # some days its record is in doubt (recheck51b)
                missing.append(
                    f"{DAY_ASKED}: the record of {body.name} is in doubt from "
                    f"{body.in_doubt.valid})"
                )
            continue
        day = date(on)
        if day not in body.valid:
            says = f"{body.name} was not a {label(body.category)} on {day}: its record holds "
            reasons.append(reason(rule, says + str(body.valid)))
            failed = True
        elif (doubt := in_doubt_on(body, day)) is not None:
            says = (
                f"whether {body.name} was a {label(body.category)} on {day} is in doubt: its "
                f"record is in doubt from {doubt.valid}: {doubt.citation.doubt}"
            )
            reasons.append(Reason(rule, says, doubt.citation))
            missing.append(
                f"whether {body.name} was a {label(body.category)} on {day} "
                f"({doubt.citation.provision}{READ_TWO_WAYS}"
            )
    return reasons, missing, failed


def reason(rule: str, says: str, provision: str | None = None) -> Reason:
    """A reason citing a provision of the Act (the rule id itself by default).

    Example:
        >>> reason("s.18(3)", "enforceable").citation.provision
        's.18(3)'
    """
    return Reason(rule, says, cite(ACT, provision or rule))


def for_area(body: Authority, lga: str, rule: str) -> Reason:
    """Why ``body`` is an authority for ``lga``: its row of Schedule 1 or 2, cited as read.

    s.11(6) and s.12(2) make an authority one for the local government areas in the
    second column of its row. The citation is that column's (``join_citation``) or, where
    the column is read but the row itself is not (the lists of schools and Academies of
    Schedule 2's first table), the row's: an answer that lists ``body`` for ``lga`` rests
    on both, and carries the doubt of whichever is not read.

    Example:
        >>> from svduty.authorities import Authority, AuthorityCategory
        >>> p = Authority("p", "Governor of HMP P", AuthorityCategory.PRISON_AUTHORITY,
        ...               ("E07000901",), cite(ACT, "Sch 2"))
        >>> r = for_area(p, "E07000901", "s.12(2)")
        >>> r.citation.provision, r.citation.confidence.value
        ('s.12(2), Sch 2', 'unconfirmed')
    """
    info = body.info
    cited = info.join_citation
    row_unread = info.citation.confidence is Confidence.UNCONFIRMED
    if row_unread and cited.confidence is not Confidence.UNCONFIRMED:
        cited = info.citation
    says = f"{body.name} ({info.description}) is an authority for {lga}: {info.lga_wording}"
    return Reason(rule, says, cited)


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
