"""Days on which whether an authority's record holds is in doubt: the law read two ways.

An order may say one thing in its commencement article and another in the rest: SI
2023/1432 art 1(2)-(3) brings art 41(2)-(3) (the combined authority "is the fire and
rescue authority for the Area"; the commissioner's fire and rescue authority "is
abolished") into force on 20 December 2023, while the functions pass, and the order's
transfers are dated, on 7 May 2024. svduty does not choose a reading: the records of both
bodies hold those days, each marked in doubt, and an answer about such a day is
``undetermined``, the doubt stated and cited.

Example:
    >>> from svduty.periods import date
    >>> from svduty.sources import cite
    >>> d = InDoubt(Period("2023-12-20", "2024-05-07"), cite("si-2023-1432", "art 1(2), (3)"))
    >>> date("2024-01-15") in d.valid, str(d.valid)
    (True, '2023-12-20 to 2024-05-06')
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

import attrs

from svduty._checked import checked_fields
from svduty.errors import Problem
from svduty.periods import Period, date
from svduty.sources import Citation

__all__ = ["InDoubt", "doubt_words", "in_doubt_on", "outside_record"]


@checked_fields
@attrs.frozen(slots=True)
class InDoubt:
    """Days of an authority's record on which whether the record holds is in doubt.

    By one reading of the law the body held its role on those days, by another it did
    not. Answers about a day of them are ``undetermined``: the missing fact is which
    reading holds, never a silent choice.

    It is an :class:`~svduty.authorities.Authority`'s ``in_doubt`` (in
    ``authorities.toml``: ``in_doubt = {valid = {...}, citation = {...}}``). ``svduty
    init`` writes one where an order read literally moves a body's role on one day and
    the rest of the order on another: SI 2023/1432 art 1(2)-(3) brings art 41(2)-(3) (the
    York and North Yorkshire Combined Authority "is the fire and rescue authority for the
    Area"; the commissioner's fire and rescue authority "is abolished") into force on
    20 December 2023, while the functions and transfers pass on 7 May 2024: both bodies'
    records hold the days between, each in doubt.

    Attributes:
        valid: The days in doubt (closed-open), within the record's own ``valid``.
        citation: The provisions read both ways, with the doubt stated.

    Example:
        >>> from svduty.authorities import (Authorities, Authority, AuthorityCategory,
        ...                                 InDoubt, specified_authorities_for)
        >>> from svduty.periods import Period
        >>> from svduty.sources import cite
        >>> doubt = InDoubt(Period("2023-12-20", "2024-05-07"),
        ...                 cite("si-2023-1432", "art 1(2), (3); art 41", doubt="read two ways"))
        >>> fire = Authority("ny-fire", "North Yorkshire FRA",
        ...                  AuthorityCategory.FIRE_AND_RESCUE_AUTHORITY, ("E06000065",),
        ...                  cite("pcsc-act-2022", "Sch 1"),
        ...                  valid=Period("2023-01-31", "2024-05-07"), in_doubt=doubt)
        >>> a = specified_authorities_for(Authorities((fire,)), "E06000065", on="2024-01-15",
        ...                               districts_within=lambda code: (code,))
        >>> a.verdict.value, a.missing[-1]
        ('undetermined', 'whether North Yorkshire FRA was a fire and rescue authority on 2024-01-15 (art 1(2), (3); art 41, read two ways)')
    """  # noqa: E501

    valid: Period
    citation: Citation


def outside_record(in_doubt: InDoubt | None, record: Period) -> Problem | None:
    """A problem if the days in doubt are not all days of the record's own period.

    Example:
        >>> from svduty.sources import cite
        >>> d = InDoubt(Period("2023-12-20", "2024-05-07"), cite("si-2023-1432", "art 1"))
        >>> outside_record(d, Period("2023-01-31", "2024-05-07")) is None
        True
        >>> outside_record(d, Period("2024-01-01")).field
        'in_doubt.valid'
    """
    if in_doubt is None:
        return None
    days = in_doubt.valid
    if days.intersection(record) == days:  # every day in doubt is a day of the record
        return None
    return Problem(
        field="in_doubt.valid",
        message=f"is not within the record's valid period ({record}): the days in doubt "
        "are days the record holds by one reading",
    )


def in_doubt_on(record: Any, on: _dt.date | str | None) -> InDoubt | None:
    """The doubt of an authority's record on a day: its :class:`InDoubt` if the day is one.

    The one test of every view that lists records on a day: the answers (``held``),
    :meth:`~svduty.authorities.Authorities.for_area` and
    :meth:`~svduty.authorities.Authorities.by_role` (whose records carry it), ``svduty
    info`` and the governance findings. ``None`` on a day not in doubt, or no day.

    Example:
        >>> from svduty.authorities import Authority, AuthorityCategory, InDoubt
        >>> from svduty.sources import cite
        >>> d = InDoubt(Period("2023-12-20", "2024-05-07"), cite("si-2023-1432", "art 41"))
        >>> a = Authority("f", "F", AuthorityCategory.FIRE_AND_RESCUE_AUTHORITY, ("E06000014",),
        ...               cite("pcsc-act-2022", "Sch 1"), in_doubt=d)
        >>> in_doubt_on(a, "2024-01-01") is d, in_doubt_on(a, "2024-05-07"), in_doubt_on(a, None)
        (True, None, None)
    """
    doubt: InDoubt | None = getattr(record, "in_doubt", None)
    if doubt is None or on is None or date(on) not in doubt.valid:
        return None
    return doubt


def doubt_words(doubt: InDoubt) -> str:
    """How a view says a record is in doubt: the days, the provisions, the doubt.

    Example:
        >>> from svduty.sources import cite
        >>> c = cite("si-2023-1432", "art 41", doubt="read two ways")
        >>> doubt_words(InDoubt(Period("2023-12-20", "2024-05-07"), c))
        'in doubt 2023-12-20 to 2024-05-06 (si-2023-1432 art 41): read two ways'
    """
    cited = f"{doubt.citation.source.id} {doubt.citation.provision}"
    said = f": {doubt.citation.doubt}" if doubt.citation.doubt else ""
    return f"in doubt {doubt.valid} ({cited}){said}"
