"""The classifier: one incident (scalar) or a table of them (columnar), one rule table.

Example:
    >>> from svduty.definitions import Incident, classify
    >>> c = classify(Incident(offence_code="8N", victim_age=19))
    >>> c.violence.value, c.in_scope.value, c.domestic_abuse.value
    ('yes', 'yes', 'undetermined')
    >>> c.missing_for("domestic_abuse")
    ('perpetrator_age', 'relationship')
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from svduty._arguments import wrong_argument
from svduty._checked import checked, unchecked
from svduty.answers import Reason, Verdict
from svduty.definitions._classification import ANSWERS, Classification
from svduty.definitions._definition import STATUTE, Definition
from svduty.definitions._expr import Expr, Rule, ScalarEnv
from svduty.definitions._incident import Incident
from svduty.definitions._knowledge import table_of
from svduty.definitions._offences import OFFENCES
from svduty.definitions._owhr import OWHR_PILOT_AS_MADE, RULES, OwhrPilot, pilot_rules
from svduty.definitions._places import PilotArea, ResolveDistrict, district_of
from svduty.definitions._presume import PRESUMPTIONS
from svduty.definitions._vocab import Review
from svduty.errors import ConflictError, DefinitionError, Problem

__all__ = [
    "FACT_FIELDS",
    "ResolveDistrict",
    "RuleSet",
    "answer_rules",
    "classify",
    "classify_many",
    "definition_argument",
    "district_of",
    "ruleset",
]

FACT_FIELDS = ("behaviours", "harms", "target", "weapon", "died", "intentional")
"""The incident's own facts (against the offence code's): ``basis`` is ``facts`` if any."""


@attrs.frozen(slots=True)
class RuleSet:
    """The rules one classification evaluates: national, the pilot's and the definition's.

    Attributes:
        rules: Rule id -> rule.
        reportable: The rules reported as reasons when they hold, in order.
        definition: The definition's in-scope rule.
        kinds: Kind id -> expression (the national kinds and the definition's own).
        presumed: The presumptions in force and the ``field:value`` keys they cover.
        pilot: The homicide review pilot configuration.
    """

    rules: Mapping[str, Rule]
    reportable: tuple[Rule, ...]
    definition: Rule
    kinds: Mapping[str, Expr]
    presumed: frozenset[str]
    pilot: OwhrPilot


_AS_MADE_IDS = frozenset(r.id for r in pilot_rules(OWHR_PILOT_AS_MADE))
"""The ids of the pilot as made's rules, which the national table holds."""


@functools.lru_cache(maxsize=64)
def ruleset(definition: Definition, pilot: OwhrPilot) -> RuleSet:
    """The rule set for a definition and a pilot configuration (cached).

    The national rules with the pilot's own in place of the pilot as made's: a rule only
    the pilot as made has (``OWHR-PILOT-DATE-DOUBT``, ``OWHR-PILOT-AREA-DOUBT``) is not in
    another pilot's set.

    Example:
        >>> "DEF-pcsc-s13" in ruleset(STATUTE, OWHR_PILOT_AS_MADE).rules
        True
        >>> from svduty.definitions._pilot import OWHR_PILOT_AS_ANNOUNCED
        >>> "OWHR-PILOT-DATE-DOUBT" in ruleset(STATUTE, OWHR_PILOT_AS_ANNOUNCED).rules
        False
    """
    own, *why_not = definition.rules()
    theirs = {r.id: r for r in pilot_rules(pilot)}
    rules = {
        # the national table holds the pilot as made's rules: one this pilot has not (its
        # doubt on the period's end or on reg 3's reach) would speak where it decides (law55)
        **{i: r for i, r in RULES.items() if i in theirs or i not in _AS_MADE_IDS},
        **theirs,
        own.id: own,
        **{r.id: r for r in why_not},
    }
    presumed = frozenset(definition.presume).union(
        *(PRESUMPTIONS[p].keys() for p in definition.presume)
    )
    kinds = definition.kind_exprs()
    return RuleSet(rules, tuple(rules.values()), own, kinds, presumed, pilot)


def answer_rules(rs: RuleSet) -> tuple[Rule, ...]:
    """The rules of the five answers, in the order of :data:`ANSWERS`.

    Example:
        >>> [r.id for r in answer_rules(ruleset(STATUTE, OWHR_PILOT_AS_MADE))][:2]
        ['S13', 'DEF-pcsc-s13']
    """
    r = rs.rules
    return (r["S13"], rs.definition, r["DA-S1"], r["OWHR-S24-6"], r["OWHR-S24"])


def definition_argument(definition: object) -> Definition:
    """``definition`` if it is a :class:`Definition`; a :class:`DefinitionError` if not.

    Example:
        >>> definition_argument("who-2002")
        Traceback (most recent call last):
        ...
        svduty.errors.DefinitionError: definition: expected a Definition, such as svduty.definitions.STATUTE or a partnership's require_definition()

        A partnership with no definition of its own (as ``svduty init`` writes it) has
        ``definition`` None: the message says to use the Act's, as the commands do.

        >>> definition_argument(None)
        Traceback (most recent call last):
        ...
        svduty.errors.DefinitionError: definition: expected a Definition, not None: a partnership without a definition.toml (as svduty init writes it) has none of its own; use svduty.definitions.STATUTE, the Act's s.13, as the commands do
    """  # noqa: E501
    if definition is None:
        raise DefinitionError.single(
            None,
            "definition",
            expected="a Definition, not None: a partnership without a definition.toml (as "
            "svduty init writes it) has none of its own; use svduty.definitions.STATUTE, the "
            "Act's s.13, as the commands do",
        )
    if not isinstance(definition, Definition):
        raise DefinitionError.single(
            None,
            "definition",
            expected="a Definition, such as svduty.definitions.STATUTE or a partnership's "
            "require_definition()",
        )
    return definition


@checked
def classify(
    incident: Incident,
    definition: Definition = STATUTE,
    *,
    resolve_district: ResolveDistrict | None = None,
    pilot: OwhrPilot = OWHR_PILOT_AS_MADE,
) -> Classification:
    """Classify one incident: within s.13? within the definition? and why.

    Args:
        incident: The incident.
        definition: The definition for ``in_scope`` (default: the statute).
        resolve_district: Maps an LSOA code to its district GSS code (e.g. a
            partnership geography's look-up); needed for the homicide review pilot
            area when the location is an LSOA.
        pilot: The offensive weapons homicide review pilot configuration.

    Example:
        >>> c = classify(Incident(behaviours=["economic"], relationship="married",
        ...                       victim_age=40, perpetrator_age=42))
        >>> c.domestic_abuse.value, c.violence.value, c.kinds
        ('yes', 'yes', ('s13_violence', 'domestic_abuse', 'financial_abuse'))
    """
    definition_argument(definition)
    if not isinstance(incident, Incident):
        raise wrong_argument(
            "classify(incident)", "an Incident (Incident(...), or Incident.from_json)", incident
        )
    rs = ruleset(definition, pilot)
    values = incident.values()
    table = table_of(incident.offence_code, incident.police_uk_category)
    district = district_of(incident.location, resolve_district) if incident.location else None
    where = incident.place_of_death
    values["death_district"] = district_of(where, resolve_district) if where else None
    if PilotArea(pilot.partners, pilot.possible).conflict(
        values["death_district"], incident.pilot_partner
    ):
        raise ConflictError(
            [Problem(message="contradicts the place of death (SI 2023/227)", field="pilot_partner")]
        )
    env = ScalarEnv(
        values, table, rs.rules, district, incident.offence_code is not None, presumed=rs.presumed
    )
    answers = [r.expr.scalar(env) for r in answer_rules(rs)]
    missing = []
    for name, rule, value in zip(ANSWERS, answer_rules(rs), answers, strict=True):
        if value is None:
            facts = (f for f in rule.expr.missing(env) if values.get(f) is None)
            missing.append((name, tuple(dict.fromkeys(facts))))
    # the engine's own values, of their types: made without the check a caller's get
    reasons = tuple(
        unchecked(Reason, rule=r.id, says=r.says, citation=r.citation)
        for r in rs.reportable
        if r.expr.scalar(env) is True
    )
    kinds = tuple(k for k, expr in rs.kinds.items() if expr.scalar(env) is True)
    return unchecked(
        Classification,
        id=incident.id,
        violence=Verdict.of(answers[0]),
        in_scope=Verdict.of(answers[1]),
        domestic_abuse=Verdict.of(answers[2]),
        qualifying_homicide=Verdict.of(answers[3]),
        homicide_review=Review.of(answers[4]),
        kinds=kinds,
        missing=tuple(missing),
        reasons=reasons,
        basis=_scalar_basis(values),
        definition=definition.id,
    )


def _scalar_basis(values: Mapping[str, Any]) -> str:
    if any(values.get(f) is not None for f in FACT_FIELDS):
        return "facts"
    if values.get("offence_code") in OFFENCES.by_code:
        return "offence_code"
    if values.get("police_uk_category") is not None:
        return "category"
    return "none"


@checked
def classify_many(
    incidents: Iterable[Incident],
    definition: Definition = STATUTE,
    *,
    resolve_district: ResolveDistrict | None = None,
    pilot: OwhrPilot = OWHR_PILOT_AS_MADE,
) -> list[Classification]:
    """Classify several incidents one by one (scalar engine), as :func:`classify` does.

    Example:
        >>> [c.violence.value for c in classify_many([Incident(offence_code="46")])]
        ['undetermined']
    """
    return [
        classify(i, definition, resolve_district=resolve_district, pilot=pilot) for i in incidents
    ]
