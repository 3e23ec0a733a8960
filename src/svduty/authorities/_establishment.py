"""The fields of an authority the law gives one kind of authority only, and where they belong.

Three fields of an :class:`~svduty.authorities.Authority` say something the Act asks of one
kind of authority: ``provider_is_secretary_of_state`` (a provider of probation services
that is the Secretary of State, s.18(5)(a)), ``establishment`` (what an educational, prison
or youth custody authority runs, Sch 2, s.18(5)(b), (c)) and ``established_by`` (the local
authorities that established a youth offending team, Crime and Disorder Act 1998 s.39). On
any other authority the rules would ignore them in silence. :func:`misplaced_fields` is
the one check: an ``Authority`` made in Python refuses them, and ``authorities.toml``
names them, with the same words.

Example:
    >>> from svduty.authorities import AuthorityCategory
    >>> [f for f, _ in misplaced_fields(AuthorityCategory.DISTRICT_COUNCIL,
    ...     provider_is_secretary_of_state=True, establishment=None, established_by=())]
    ['provider_is_secretary_of_state']
"""

from __future__ import annotations

from typing import Any, TypeVar

from svduty._words import Words
from svduty.authorities._categories import AuthorityCategory

__all__ = ["SCHEDULE_2", "Establishment", "misplaced_fields"]

W = TypeVar("W", bound=Words)


class Establishment(Words):
    """The kind of establishment a prison or youth custody authority runs (s.18(5)).

    ``prison``, ``young_offender_institution`` and ``secure_training_centre`` are the
    ones the Secretary of State runs, with a governor: s.18(5)(b) exempts their
    governors from directions. One run by a contractor, with a director (HMP Rye Hill,
    Oakhill secure training centre), is ``contracted_out``: its director is no governor,
    and s.18 applies to it.

    Example:
        >>> Establishment("secure_training_centre").value
        'secure_training_centre'
    """

    PRISON = "prison"
    YOUNG_OFFENDER_INSTITUTION = "young_offender_institution"
    SECURE_TRAINING_CENTRE = "secure_training_centre"
    DIRECTLY_MANAGED_SECURE_COLLEGE = "directly_managed_secure_college"
    CONTRACTED_OUT = "contracted_out"
    SCHOOL = "school"
    OTHER = "other"


SCHEDULE_2 = frozenset(
    {
        AuthorityCategory.EDUCATIONAL_AUTHORITY,
        AuthorityCategory.PRISON_AUTHORITY,
        AuthorityCategory.YOUTH_CUSTODY_AUTHORITY,
    }
)
"""The categories of Schedule 2 (s.12), the only ones with an ``establishment``."""
_CUSTODY_KINDS = frozenset(Establishment) - {Establishment.SCHOOL, Establishment.OTHER}
"""The establishments an educational authority (Sch 2, first table: a governing body or a
proprietor) cannot run: those with a governor, director or principal (s.18(5)(b), (c))."""


def _member(words: type[W], value: object) -> W | None:
    """``value`` as a member of ``words`` (text of one of its values too), else ``None``."""
    if isinstance(value, words):
        return value
    found = words._value2member_map_.get(value) if isinstance(value, str) else None
    return found if isinstance(found, words) else None


def misplaced_fields(
    category: Any,
    *,
    provider_is_secretary_of_state: Any,
    establishment: Any,
    established_by: Any,
) -> list[tuple[str, str]]:
    """The fields given that the law gives another category, each with what was expected.

    The values are an authority's (text of an enumeration's value is read as its member,
    as a bundle's text is); a category or an establishment that is none of its words is
    left to the check of types, which names it. ``established_by`` counts when it lists
    any authority.

    Args:
        category: The authority's category.
        provider_is_secretary_of_state: ``None`` when not recorded.
        establishment: ``None`` when not recorded.
        established_by: The ids of the local authorities that established it.

    Returns:
        ``(field, expected)`` for each misplaced field, in the order of the fields.

    Example:
        >>> school = misplaced_fields("educational_authority",
        ...     provider_is_secretary_of_state=None, establishment="prison", established_by=[])
        >>> school[0][0], school[0][1][:15]
        ('establishment', 'school or other')
        >>> misplaced_fields("youth_offending_team", provider_is_secretary_of_state=None,
        ...     establishment=None, established_by=["cc"])
        []
    """
    cat = _member(AuthorityCategory, category)
    if cat is None:
        return []
    out: list[tuple[str, str]] = []
    if (
        provider_is_secretary_of_state is not None
        and cat is not AuthorityCategory.PROVIDER_OF_PROBATION_SERVICES
    ):
        out.append(
            (
                "provider_is_secretary_of_state",
                "no value: only a provider of probation services may be the Secretary of "
                f"State (s.18(5)(a)); this authority is {cat.a}",
            )
        )
    if establishment is not None and cat not in SCHEDULE_2:
        out.append(
            (
                "establishment",
                "no value: an establishment is recorded for an educational, prison or youth "
                f"custody authority (Sch 2, s.18(5)); this authority is {cat.a}",
            )
        )
    elif (
        _member(Establishment, establishment) in _CUSTODY_KINDS
        and cat is AuthorityCategory.EDUCATIONAL_AUTHORITY
    ):
        out.append(
            (
                "establishment",
                "school or other: an educational authority is the governing body or "
                "proprietor of a school or institution (Sch 2, first table), not the governor, "
                "director or principal of a custody establishment (s.18(5)(b), (c))",
            )
        )
    if established_by and cat is not AuthorityCategory.YOUTH_OFFENDING_TEAM:
        out.append(
            (
                "established_by",
                "no value: local authorities establish a youth offending team (Crime and "
                f"Disorder Act 1998 s.39, Sch 1); this authority is {cat.a}",
            )
        )
    return out
