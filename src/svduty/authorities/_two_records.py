"""Whether two records are one legal body, read from the two records or from their collection.

s.16(1) lets a person listed in s.16(2) disclose information "to another person listed in
that subsection": two records of one legal body in two capacities (``same_body_as``) are not
another person. The records of one body each name the body's main record, which names none
(law53): that is what ``same_body_as`` means, and it is checked wherever records become a
collection (:mod:`svduty.authorities._same_body`). Read so,
:func:`~svduty.authorities._authority.one_body` answers from two records alone: a record
naming a third names its body's main record, so the other record is of that body only if it
is that record or names it too.

law54 answered ``undetermined`` for two records given alone when either named a third
record (a chain ``a`` -> ``b`` -> ``c`` could not be seen), and recheck54 likewise for a link
to a record the collection given does not hold. The lead chose the model's reading instead
(fifty-fourth session): svduty already reads a record that names no other as a body of its
own (the field is complete for the record); a chain is not a record's reading but a fault of
the data, refused on every route that can see it. The fire and rescue authority's record
naming its county council is then another person than the police, from the two records,
as before law54. Given the collection the records came from (``authorities``), each record
is checked to be its own (the same id and the same record: else a
:class:`~svduty.errors.ConflictError`).

Example:
    >>> from svduty.authorities._categories import AuthorityCategory
    >>> from svduty.sources import cite
    >>> c = cite("pcsc-act-2022", "Sch 1")
    >>> fra = Authority("fra", "CC as FRA", AuthorityCategory.FIRE_AND_RESCUE_AUTHORITY,
    ...                 ("E10000031",), c, same_body_as="cc")
    >>> svc = Authority("svc", "Service", AuthorityCategory.DISTRICT_COUNCIL, ("E07000901",), c)
    >>> are_one_body(fra, svc, None)
    False
"""

from __future__ import annotations

import weakref
from collections.abc import Mapping
from typing import TYPE_CHECKING

from svduty.authorities._authority import Authority, one_body
from svduty.errors import ConflictError, Problem

if TYPE_CHECKING:
    from svduty.authorities._model import Authorities

__all__ = ["are_one_body"]

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


def are_one_body(
    a: Authority,
    b: Authority,
    authorities: Authorities | None,
    names: tuple[str, str] = ("discloser", "recipient"),
) -> bool:
    """Whether two records are one legal body, read as the records say (the model's reading).

    With ``authorities``, each record must be the collection's record of its id (a
    :class:`~svduty.errors.ConflictError` naming ``names``' argument otherwise). The answer
    is :func:`~svduty.authorities._authority.one_body`'s: a ``same_body_as`` names the
    body's main record (the module's docstring says why this reading).

    Example:
        >>> from svduty.authorities._categories import AuthorityCategory
        >>> from svduty.authorities._model import Authorities
        >>> from svduty.sources import cite
        >>> c = cite("pcsc-act-2022", "Sch 1")
        >>> cc = Authority("cc", "CC", AuthorityCategory.COUNTY_COUNCIL, ("E10000031",), c)
        >>> fra = Authority("fra", "CC as FRA", AuthorityCategory.FIRE_AND_RESCUE_AUTHORITY,
        ...                 ("E10000031",), c, same_body_as="cc")
        >>> d = Authority("d", "D", AuthorityCategory.DISTRICT_COUNCIL, ("E07000901",), c)
        >>> are_one_body(fra, d, None), are_one_body(fra, d, Authorities((cc, fra, d)))
        (False, False)
        >>> are_one_body(fra, cc, Authorities((cc, fra)))
        True
        >>> are_one_body(fra, d, Authorities((cc, fra)))
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
    return one_body(a, b)
