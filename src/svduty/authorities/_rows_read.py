"""Reasons that rest on a row of Schedule 1 or 2, cited with the row's doubt where it is not read.

s.16(2) and s.17(2) list the persons by their rows (s.11(1), s.12(1)); s.16(4)(b) and
s.17(6)(b) reach a specified authority by its table (s.10(10)). Where svduty has not read
the row (a chief officer of police, a fire and rescue authority, a Local Health Board,
Schedule 2's second and third tables), an answer resting on it says so.

Example:
    >>> from svduty.authorities import Authority, AuthorityCategory
    >>> f = Authority("f", "F", AuthorityCategory.FIRE_AND_RESCUE_AUTHORITY, ("E10000099",),
    ...               cite("pcsc-act-2022", "Sch 1"))
    >>> listed(f, "recipient").citation.confidence.value
    'unconfirmed'
"""

from __future__ import annotations

from svduty.answers import Reason
from svduty.authorities._answering import label, reason
from svduty.authorities._authority import Authority
from svduty.authorities._categories import Role
from svduty.sources import Citation, Confidence, cite

__all__ = ["health_table", "listed", "not_health"]


def listed(a: Authority, who: str) -> Reason:
    """s.16(2): ``a`` is a person it lists, by its row of Schedule 1 or 2 (or s.14).

    A specified, educational, prison or youth custody authority is one by being listed in
    the first column of its row (s.11(1), s.12(1)); where that row is not read (a chief
    officer of police, a fire and rescue authority, a Local Health Board, Schedule 2's
    second and third tables, the lists of schools and Academies of its first) the reason
    carries the row's doubt.

    Example:
        >>> from svduty.authorities import AuthorityCategory
        >>> g = Authority("g", "Governor of HMP G", AuthorityCategory.PRISON_AUTHORITY,
        ...               ("E07000901",), cite("pcsc-act-2022", "Sch 2"))
        >>> r = listed(g, "discloser")
        >>> r.citation.provision, r.citation.confidence.value
        ('s.16(2), s.12(1), Sch 2', 'unconfirmed')
    """
    says = f"the {who} {a.name} is a {label(a.role)}"
    row = a.info.citation
    if row.confidence is Confidence.UNCONFIRMED:
        cited = cite(
            "pcsc-act-2022",
            f"s.16(2), {row.provision}",
            confidence=Confidence.UNCONFIRMED,
            doubt=f"that {a.name} is {a.info.category.a} rests on its row: {row.doubt}",
        )
        return Reason("s.16(2)", says, cited)
    return reason("s.16(2)", says)


def not_health(discloser: Authority, personal: bool | None, base: str) -> list[Reason]:
    """Why carve-out (b) does not reach a discloser that is no health or social care authority.

    s.16(4)(b) and s.17(6)(b) reach only "personal information by a specified authority
    which is a health or social care authority" (s.10(10): one listed in the table headed
    "Health and social care" in Schedule 1). Information known not to be personal needs no
    row (the carve-out's own check says so); otherwise the answer rests on the discloser's
    row not being in that table, and carries that row's doubt where it is not read (a chief
    officer of police, a fire and rescue authority). A local policing body or a relevant
    authority is no specified authority at all.

    Args:
        discloser: The authority that would disclose.
        personal: Whether the information is personal information (``None``: unknown).
        base: ``"s.16(4)"`` or ``"s.17(6)"``.

    Example:
        >>> from svduty.authorities import AuthorityCategory
        >>> p = Authority("p", "P", AuthorityCategory.CHIEF_OFFICER_OF_POLICE, ("E23000099",),
        ...               cite("pcsc-act-2022", "Sch 1"))
        >>> [r] = not_health(p, True, "s.16(4)")
        >>> r.citation.provision, r.citation.confidence.value
        ('s.16(4)(b), s.10(10), Sch 1', 'unconfirmed')
    """
    info = discloser.info
    if info.health_or_social_care:  # the carve-out's own check answers it
        return []
    rule = f"{base}(b)"
    if personal is False:
        return [reason(rule, "the carve-out does not apply: not personal information")]
    if info.role is not Role.SPECIFIED_AUTHORITY:
        says = (
            f"the carve-out does not apply: {discloser.name} is no specified authority, so no "
            "health or social care authority"
        )
        return [reason(rule, says, f"{rule}, s.10(10)")]
    says = (
        f"the carve-out does not apply: {discloser.name} is not a health or social care "
        f"authority (its row is in the table headed '{info.table}' in Schedule 1, s.10(10))"
    )
    row = info.citation
    if row.confidence is Confidence.UNCONFIRMED:
        doubt = (
            f"that {info.category.a} is not listed in the table headed 'Health and social "
            f"care' in Schedule 1 (s.10(10)) rests on its row, which is not read: {row.doubt}"
        )
        cited = cite(
            "pcsc-act-2022",
            f"{rule}, s.10(10), Sch 1",
            confidence=Confidence.UNCONFIRMED,
            doubt=doubt,
        )
        return [Reason(rule, says, cited)]
    return [reason(rule, says, f"{rule}, s.10(10), Sch 1")]


def health_table(discloser: Authority, provision: str) -> Citation:
    """A carve-out (b) that rests on a row of the "Health and social care" table not read.

    s.10(10): a "health or social care authority" is a specified authority "listed in the
    first column of the table headed 'Health and social care' in Schedule 1". The
    integrated care board is in it by the words that put it there (Health and Care Act
    2022 Sch 4 para 243); a Local Health Board's row is in no copy read, so a ``no`` that
    rests on it carries the row's doubt.

    Example:
        >>> from svduty.authorities import AuthorityCategory
        >>> lhb = Authority("l", "L", AuthorityCategory.LOCAL_HEALTH_BOARD, ("W11000001",),
        ...                 cite("pcsc-act-2022", "Sch 1"))
        >>> c = health_table(lhb, "s.16(4)(b)")
        >>> c.provision, c.confidence.value
        ('s.16(4)(b), s.10(10), Sch 1', 'unconfirmed')
    """
    info = discloser.info
    return cite(
        "pcsc-act-2022",
        f"{provision}, s.10(10), Sch 1",
        confidence=Confidence.UNCONFIRMED,
        doubt=f"that {info.category.a} is listed in the table headed 'Health and social care' "
        f"in Schedule 1 (s.10(10)) rests on its row, which is not read: {info.citation.doubt}",
    )
