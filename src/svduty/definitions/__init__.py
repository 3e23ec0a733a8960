"""Definitions of violence and the incident classifier.

National law is code (PCSC Act 2022 s.13, Domestic Abuse Act 2021 ss.1-3, the offensive
weapons homicide review rules of ss.24-26 and 34); local definitions are data. One rule
table drives two engines: :func:`classify` for one incident and :func:`classify_table`
for an Arrow table of millions.

Example:
    >>> from svduty.definitions import Incident, classify
    >>> c = classify(Incident(offence_code="19C", victim_age=30))
    >>> c.violence.value, c.kinds[:2]
    ('yes', ('s13_violence', 'sexual_offence'))
"""

from svduty.definitions._classify import (
    Classification,
    classify,
    classify_many,
    classify_table,
    district_of,
    split_rejected,
)
from svduty.definitions._compare import Comparison, DefinitionDifference, compare_definitions
from svduty.definitions._definition import (
    DEFINITIONS,
    STATUTE,
    SV_STRATEGY_2018,
    WHO_2002,
    CausalFactor,
    Definition,
    Included,
    Seriousness,
)
from svduty.definitions._expr import Rule
from svduty.definitions._incident import Incident
from svduty.definitions._law import (
    KINDS,
    OWHR_PILOT_AS_ANNOUNCED,
    OWHR_PILOT_AS_MADE,
    RULES,
    Kind,
    OwhrPilot,
    SeriousnessFactor,
)
from svduty.definitions._offences import (
    CATEGORIES,
    FACT_NAMES,
    OFFENCES,
    Categories,
    Offence,
    OffenceTable,
    PoliceUkCategory,
    normalise_offence_code,
)
from svduty.definitions._vocab import (
    Behaviour,
    Context,
    Country,
    Harm,
    OtherReview,
    Relationship,
    Review,
    Target,
    Weapon,
)

__all__ = [
    "CATEGORIES",
    "DEFINITIONS",
    "FACT_NAMES",
    "KINDS",
    "OFFENCES",
    "OWHR_PILOT_AS_ANNOUNCED",
    "OWHR_PILOT_AS_MADE",
    "RULES",
    "STATUTE",
    "SV_STRATEGY_2018",
    "WHO_2002",
    "Behaviour",
    "Categories",
    "CausalFactor",
    "Classification",
    "Comparison",
    "Context",
    "Country",
    "Definition",
    "DefinitionDifference",
    "Harm",
    "Incident",
    "Included",
    "Kind",
    "Offence",
    "OffenceTable",
    "OtherReview",
    "OwhrPilot",
    "PoliceUkCategory",
    "Relationship",
    "Review",
    "Rule",
    "Seriousness",
    "SeriousnessFactor",
    "Target",
    "Weapon",
    "classify",
    "classify_many",
    "classify_table",
    "compare_definitions",
    "district_of",
    "normalise_offence_code",
    "split_rejected",
]
