"""The rules a governance graph is checked against: national law in code, practice in bundles.

:data:`GOVERNANCE_RULES` holds the rules that come from national law, each citing it.
A partnership's own practice (a reporting path to the countywide board, a declared
grant recipient, ...) is not law: the checks exist in code (:data:`PRACTICE_CHECKS`),
and a partnership declares which of them are its rules, with the citation of its own
documents, in its bundle's ``governance.toml`` (``[[rules]]``).

Example:
    >>> GOVERNANCE_RULES["GOV-CSP-COVERAGE"].citation.source.id
    'cda-1998'
    >>> sorted(PRACTICE_CHECKS)[:3]
    ['GOV-CYCLE', 'GOV-GRANT', 'GOV-ISOLATED']
"""

from __future__ import annotations

import attrs

from svduty._checked import checked_fields
from svduty.sources import Citation, SourceKind, cite

__all__ = ["GOVERNANCE_RULES", "PRACTICE_CHECKS", "GovernanceRule"]


@checked_fields
@attrs.frozen(slots=True)
class GovernanceRule:
    """A rule a governance graph is checked against, with where the rule comes from.

    Attributes:
        id: The rule id, such as ``"GOV-PATH"``.
        requires: What the rule requires, in words.
        citation: The provision of law, or the partnership's document, that makes it a rule.

    Example:
        >>> r = GovernanceRule("GOV-ISOLATED", "every body has a relation", cite("svd-guidance"))
        >>> r.id, r.citation.source.id
        ('GOV-ISOLATED', 'svd-guidance')
    """

    id: str
    requires: str
    citation: Citation


GOVERNANCE_RULES: dict[str, GovernanceRule] = {
    r.id: r
    for r in (
        GovernanceRule(
            "GOV-CSP-COVERAGE",
            "every district is covered by exactly one community safety partnership: the "
            "responsible authorities act for each local government area, or for a combined "
            "area under a combination agreement as if it were one",
            cite("cda-1998", "s.5(1), (1A)-(1BA)"),
        ),
        GovernanceRule(
            "GOV-SCHEDULE-1",
            "every local government area of the partnership has, for each table of "
            "Schedule 1 that applies to it, a specified authority (the s.11(6) join)",
            cite("pcsc-act-2022", "s.11 and Sch 1"),
        ),
        GovernanceRule(
            "GOV-S8-COLLABORATE",
            "the specified authorities for each local government area of the partnership "
            "collaborate with each other to prevent and reduce serious violence in the area, "
            "planning together: a body of the governance has each one as a member with "
            "another of them (the Act prescribes no body; one not recorded is not known)",
            cite("pcsc-act-2022", "s.8(1)-(2)"),
        ),
        GovernanceRule(
            "GOV-S8-CONSULT",
            "each educational, prison and youth custody authority for a local government "
            "area of the partnership is consulted on the strategy: a consults relation "
            "reaches each one recorded, and a scenario takes none away",
            cite("pcsc-act-2022", "s.8(4)"),
        ),
        GovernanceRule(
            "GOV-CSP-RESPONSIBLE",
            "a scenario takes no responsible authority for its areas off a community safety "
            "partnership, and a partnership whose members are cited to the Act lists each: "
            "statute makes each one (the council or councils, the chief officer of police, "
            "the fire and rescue authority, the integrated care board or Local Health Board, "
            "and a provider of probation services whose arrangements so provide), not a "
            "board's membership",
            cite("cda-1998", "s.5(1)"),
        ),
    )
}
"""The rules of national law every governance graph is checked against, by id."""

NEEDS_AUTHORITIES = (
    "GOV-SCHEDULE-1",
    "GOV-S8-CONSULT",
    "GOV-CSP-RESPONSIBLE",
    "GOV-S8-COLLABORATE",
)
"""The national rules that need the partnership's authorities and areas (not a graph alone)."""

PRACTICE_CHECKS: dict[str, str] = {
    "GOV-REF": "no relation points at a body that does not exist",
    "GOV-CYCLE": "oversight has no cycles",
    "GOV-PATH": "every local body has a reporting path to a countywide strategic body",
    "GOV-SPECIFIED": "every specified authority of the area is a member of an established "
    "strategic body",
    "GOV-GRANT": "a grant has a recipient, and the money reaches a body that manages its "
    "spend (the recipient itself or a body it funds, directly or in turn)",
    "GOV-ISOLATED": "every body has at least one relation",
    "GOV-TIMETABLE": "the timetable names bodies of the graph",
}
"""The checks svduty can run for a partnership's practice, by id: what each checks.

A check runs only when the partnership declares it as a :class:`GovernanceRule` with its
citation (the bundle's ``governance.toml``); otherwise it is reported as skipped.
"""

_LAW = frozenset({SourceKind.LEGISLATION, SourceKind.STATUTORY_INSTRUMENT})

PRACTICE_NOT_LAW = (
    "the partnership's own document: a practice rule cannot cite legislation "
    "(national law is svduty's GOVERNANCE_RULES)"
)
"""What a declared practice rule's citation must be, for the error that refuses one."""


def cites_legislation(rule: GovernanceRule) -> bool:
    """Whether a rule cites an Act or a statutory instrument (a declared practice rule must not).

    Example:
        >>> cites_legislation(GOVERNANCE_RULES["GOV-CSP-COVERAGE"])
        True
        >>> cites_legislation(GovernanceRule("GOV-PATH", "a path", cite("svd-guidance")))
        False
    """
    return rule.citation.source.kind in _LAW
