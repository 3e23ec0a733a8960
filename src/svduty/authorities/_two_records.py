"""Whether two records are one legal body, read from the two records or from their collection.

s.16(1) lets a person listed in s.16(2) disclose information "to another person listed in
that subsection": two records of one legal body in two capacities (``same_body_as``) are not
another person. The records of one body each name the body's main record, which names none
(law53); that rule is checked wherever records become a collection
(:mod:`svduty.authorities._same_body`), and, where it holds,
:func:`~svduty.authorities._authority.one_body` reads the answer from two records alone.

Two records given alone, never put in a collection, do not show that the rule holds (law54).
When either names a third record (its ``same_body_as`` is neither record's id), whether that
record is a main record, or itself names the other record (a chain: ``a`` names ``b``,
which names ``c``), cannot be seen, and nor therefore can whether the two are one person:
the answer is not known (``None``), and the third record is named. Given the collection
the records came from (``authorities``), each record is checked to be its own (the same id
and the same record: else a :class:`~svduty.errors.ConflictError`), and the collection's
rule settles the question, but for a link to a record the collection does not hold (one
built in code, or kept for a day by ``as_at``): that record is not given either, and the
answer is ``None`` as for two records alone (recheck54). Chosen over refusing two records
alone (most pairs name no third record, and a record naming its main record, given with
it, is read whole) and over following links the records given do not hold.

Example:
    >>> from svduty.authorities._categories import AuthorityCategory
    >>> from svduty.sources import cite
    >>> c = cite("pcsc-act-2022", "Sch 1")
    >>> fra = Authority("fra", "CC as FRA", AuthorityCategory.FIRE_AND_RESCUE_AUTHORITY,
    ...                 ("E10000031",), c, same_body_as="cc")
    >>> svc = Authority("svc", "Service", AuthorityCategory.DISTRICT_COUNCIL, ("E07000901",), c)
    >>> one_body_known(fra, svc, None), not_given(fra, svc)
    (None, ('cc',))
"""

from __future__ import annotations

import weakref
from collections.abc import Mapping
from typing import TYPE_CHECKING

from svduty.authorities._authority import Authority, one_body
from svduty.errors import ConflictError, Problem

if TYPE_CHECKING:
    from svduty.authorities._model import Authorities

__all__ = ["not_given", "one_body_known"]

_INDEX: dict[int, Mapping[str, Authority]] = {}
"""Each collection's records by id, while it lives (keyed by ``id()``, dropped with it)."""


def _records(authorities: Authorities) -> Mapping[str, Authority]:
    """The collection's records by id, made once a collection (recheck54).

    Each question given ``authorities=`` looked its two records up by a scan of the
    collection: a collection of 20,000 records made every question 5 times slower.
    ``Authorities`` is frozen and its ids unique, so the index is made once and dropped when
    the collection is (a ``weakref.finalize``), before its ``id()`` can be reused.

    Example:
        >>> from svduty.authorities._categories import AuthorityCategory
        >>> from svduty.authorities._model import Authorities
        >>> from svduty.sources import cite
        >>> c = cite("pcsc-act-2022", "Sch 1")
        >>> d = Authority("d", "D", AuthorityCategory.DISTRICT_COUNCIL, ("E07000901",), c)
        >>> list(_records(Authorities((d,))))
        ['d']
    """
    key = id(authorities)
    found = _INDEX.get(key)
    if found is None:
        found = _INDEX[key] = {x.id: x for x in authorities.items}
        weakref.finalize(authorities, _INDEX.pop, key, None)
    return found


def not_given(
    a: Authority, b: Authority, authorities: Authorities | None = None
) -> tuple[str, ...]:
    """The ids the two records name as ``same_body_as`` that are not given, sorted.

    Not given: neither record's id, or, with ``authorities``, no record of the collection.

    Example:
        >>> from svduty.authorities._categories import AuthorityCategory
        >>> from svduty.authorities._model import Authorities
        >>> from svduty.sources import cite
        >>> c = cite("pcsc-act-2022", "Sch 1")
        >>> d = Authority("d", "D", AuthorityCategory.DISTRICT_COUNCIL, ("E07000901",), c)
        >>> f = Authority("f", "F", AuthorityCategory.DISTRICT_COUNCIL, ("E07000902",), c,
        ...               same_body_as="cc")
        >>> not_given(d, d), not_given(f, d), not_given(f, d, Authorities((d, f)))
        ((), ('cc',), ('cc',))
    """
    own: Mapping[str, object] = {a.id: a, b.id: b} if authorities is None else _records(authorities)
    return tuple(sorted({x.same_body_as for x in (a, b) if x.same_body_as} - own.keys()))


def one_body_known(
    a: Authority,
    b: Authority,
    authorities: Authorities | None,
    names: tuple[str, str] = ("discloser", "recipient"),
) -> bool | None:
    """Whether two records are one legal body: ``None`` when the records given cannot show it.

    With ``authorities``, each record must be the collection's record of its id (a
    :class:`~svduty.errors.ConflictError` naming ``names``' argument otherwise). The answer
    is :func:`~svduty.authorities._authority.one_body`'s when it joins them, or when every
    record the two name is given (the two themselves, or with ``authorities`` any record of
    the collection, which holds the rule that the records of one body each name its main
    record). Otherwise it is ``None``: a record not given (:func:`not_given`) may itself
    name the other (law54; recheck54 for a link leaving the collection given).

    Example:
        >>> from svduty.authorities._categories import AuthorityCategory
        >>> from svduty.authorities._model import Authorities
        >>> from svduty.sources import cite
        >>> c = cite("pcsc-act-2022", "Sch 1")
        >>> cc = Authority("cc", "CC", AuthorityCategory.COUNTY_COUNCIL, ("E10000031",), c)
        >>> fra = Authority("fra", "CC as FRA", AuthorityCategory.FIRE_AND_RESCUE_AUTHORITY,
        ...                 ("E10000031",), c, same_body_as="cc")
        >>> d = Authority("d", "D", AuthorityCategory.DISTRICT_COUNCIL, ("E07000901",), c)
        >>> one_body_known(fra, d, None), one_body_known(fra, d, Authorities((cc, fra, d)))
        (None, False)
        >>> one_body_known(fra, d, Authorities((fra, d))) is None  # 'cc' not held
        True
        >>> one_body_known(fra, d, Authorities((cc, fra)))
        Traceback (most recent call last):
        ...
        svduty.errors.ConflictError: authorities: the recipient's record 'd' is not among the authorities given
    """  # noqa: E501
    if authorities is not None:
        held = _records(authorities)
        problems = []
        for name, record in zip(names, (a, b), strict=True):
            own = held.get(record.id)
            if own is None:
                says = f"the {name}'s record {record.id!r} is not among the authorities given"
            elif own is not record and own != record:
                says = (
                    f"the {name}'s record {record.id!r} is not the record of that id among "
                    "the authorities given"
                )
            else:
                continue
            problems.append(Problem(field="authorities", message=says))
        if problems:
            raise ConflictError(problems)
    if one_body(a, b):
        return True
    return None if not_given(a, b, authorities) else False
