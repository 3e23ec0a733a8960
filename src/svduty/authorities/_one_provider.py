"""The Secretary of State as a provider of probation services is one person (recheck51).

The Offender Management Act 2007 s.3(6) says who a provider of probation services is:
"(a) a person with whom the Secretary of State has made arrangements that are in force
under subsection (2); or (b) the Secretary of State (in relation to probation provision
which is the subject of arrangements that are in force under subsection (5))". Schedule 1
to the PCSC Act 2022 makes "a provider of probation services within the meaning given by
section 3(6) of the Offender Management Act 2007" a specified authority. A partnership
records the provider by its probation delivery unit, so two records (two units, or one
bundle's unit beside another's) whose provider is the Secretary of State
(``provider_is_secretary_of_state``) are one person: not "another person" to each other
(s.16(1)), one of "two or more specified authorities" (s.9(1)), never "every other
specified authority" to itself (s.9(4)(a)). Where either record does not say whether its
provider is the Secretary of State, whether they are one person is not known.

Example:
    >>> from svduty.authorities._authority import Authority
    >>> from svduty.authorities._categories import AuthorityCategory
    >>> from svduty.sources import cite
    >>> c = cite("pcsc-act-2022", "Sch 1")
    >>> def pdu(i, sos):
    ...     return Authority(i, i, AuthorityCategory.PROVIDER_OF_PROBATION_SERVICES, ("E10000099",),
    ...                      c, provider_is_secretary_of_state=sos)
    >>> both_secretary_of_state(pdu("a", True), pdu("b", True))
    True
    >>> both_secretary_of_state(pdu("a", True), pdu("b", None)) is None
    True
    >>> both_secretary_of_state(pdu("a", True), pdu("b", False))
    False
"""

from __future__ import annotations

from typing import Protocol, TypeVar

from svduty.authorities._categories import AuthorityCategory
from svduty.sources import Citation, cite

__all__ = ["both_secretary_of_state", "one_provider_citation"]


class _Record(Protocol):
    """What is read of an authority record (an ``Authority``; no import of its module)."""

    @property
    def category(self) -> AuthorityCategory: ...

    @property
    def provider_is_secretary_of_state(self) -> bool | None: ...


_R = TypeVar("_R", bound=_Record)


def both_secretary_of_state(a: _Record, b: _Record) -> bool | None:
    """Whether two provider of probation services records are both the Secretary of State.

    ``True``: both records say so (one person, OMA 2007 s.3(6)(b)); ``False``: one of them
    is not a provider of probation services, or one says its provider is not the
    Secretary of State (two persons, unless ``same_body_as`` joins them); ``None``: both
    are providers and neither says it is not, but one does not say it is.

    Example:
        >>> from svduty.authorities._authority import Authority
        >>> c = cite("pcsc-act-2022", "Sch 1")
        >>> d = Authority("d", "D", AuthorityCategory.DISTRICT_COUNCIL, ("E07000901",), c)
        >>> both_secretary_of_state(d, d)
        False
    """
    probation = AuthorityCategory.PROVIDER_OF_PROBATION_SERVICES
    if a.category is not probation or b.category is not probation:
        return False
    flags = (a.provider_is_secretary_of_state, b.provider_is_secretary_of_state)
    if False in flags:
        return False
    return True if flags == (True, True) else None


def one_provider_citation() -> Citation:
    """The provision that makes the Secretary of State one provider: OMA 2007 s.3(6)(b).

    Example:
        >>> one_provider_citation().provision
        's.3(6)'
    """
    return cite("oma-2007", "s.3(6)")
