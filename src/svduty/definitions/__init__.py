"""Definitions of violence and the incident classifier.

National law is code (PCSC Act 2022 s.13, Domestic Abuse Act 2021 ss.1-3, the offensive
weapons homicide review rules of ss.24-26 and 34); local definitions are data. One rule
table drives two engines: :func:`classify` for one incident and :func:`classify_table`
for an Arrow table of millions.

Example:
    >>> from svduty.definitions import Incident, classify
    >>> c = classify(Incident(offence_code="19C", victim_age=30))
    >>> c.violence.value, "sexual_offence" in c.kinds
    ('yes', True)
"""

from typing import TYPE_CHECKING

from svduty._lazy import exports

if TYPE_CHECKING:  # imported on first use (PEP 562): a command imports only what it uses
    from svduty.definitions._age_reading import AgeReading
    from svduty.definitions._classification import (
        Classification,
    )
    from svduty.definitions._classify import (
        classify,
        classify_many,
    )
    from svduty.definitions._columnar import (
        classify_split,
        classify_table,
        split_rejected,
    )
    from svduty.definitions._compare import (
        Comparison,
        DefinitionDifference,
        compare_definitions,
    )
    from svduty.definitions._definition import (
        DEFINITIONS,
        STATUTE,
        SV_STRATEGY_2018,
        WHO_2002,
        CausalFactor,
        Definition,
        Included,
        LocalKind,
        Seriousness,
        Switch,
    )
    from svduty.definitions._expr import (
        Rule,
    )
    from svduty.definitions._incident import (
        Incident,
    )
    from svduty.definitions._kinds import (
        KINDS,
        Kind,
        SeriousnessFactor,
    )
    from svduty.definitions._offences import (
        FACT_NAMES,
        OFFENCES,
        POLICE_UK_CATEGORIES,
        Categories,
        Offence,
        OffenceTable,
        PoliceUkCategory,
        normalise_offence_code,
    )
    from svduty.definitions._owhr import (
        OWHR_PILOT_AS_ANNOUNCED,
        OWHR_PILOT_AS_MADE,
        RULES,
        OwhrPilot,
    )
    from svduty.definitions._places import (
        ResolveDistrict,
        district_of,
    )
    from svduty.definitions._presume import (
        PRESUMPTIONS,
        Presumption,
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

_LAZY = {
    "Classification": "svduty.definitions._classification",
    "classify": "svduty.definitions._classify",
    "classify_many": "svduty.definitions._classify",
    "classify_split": "svduty.definitions._columnar",
    "classify_table": "svduty.definitions._columnar",
    "split_rejected": "svduty.definitions._columnar",
    "DEFINITIONS": "svduty.definitions._definition",
    "STATUTE": "svduty.definitions._definition",
    "SV_STRATEGY_2018": "svduty.definitions._definition",
    "WHO_2002": "svduty.definitions._definition",
    "CausalFactor": "svduty.definitions._definition",
    "Definition": "svduty.definitions._definition",
    "Included": "svduty.definitions._definition",
    "LocalKind": "svduty.definitions._definition",
    "Seriousness": "svduty.definitions._definition",
    "Switch": "svduty.definitions._definition",
    "Rule": "svduty.definitions._expr",
    "Incident": "svduty.definitions._incident",
    "KINDS": "svduty.definitions._kinds",
    "Kind": "svduty.definitions._kinds",
    "SeriousnessFactor": "svduty.definitions._kinds",
    "FACT_NAMES": "svduty.definitions._offences",
    "OFFENCES": "svduty.definitions._offences",
    "POLICE_UK_CATEGORIES": "svduty.definitions._offences",
    "Categories": "svduty.definitions._offences",
    "Offence": "svduty.definitions._offences",
    "OffenceTable": "svduty.definitions._offences",
    "PoliceUkCategory": "svduty.definitions._offences",
    "normalise_offence_code": "svduty.definitions._offences",
    "OWHR_PILOT_AS_ANNOUNCED": "svduty.definitions._owhr",
    "OWHR_PILOT_AS_MADE": "svduty.definitions._owhr",
    "RULES": "svduty.definitions._owhr",
    "OwhrPilot": "svduty.definitions._owhr",
    "AgeReading": "svduty.definitions._age_reading",
    "district_of": "svduty.definitions._places",
    "ResolveDistrict": "svduty.definitions._places",
    "PRESUMPTIONS": "svduty.definitions._presume",
    "Presumption": "svduty.definitions._presume",
    "Behaviour": "svduty.definitions._vocab",
    "Context": "svduty.definitions._vocab",
    "Country": "svduty.definitions._vocab",
    "Harm": "svduty.definitions._vocab",
    "OtherReview": "svduty.definitions._vocab",
    "Relationship": "svduty.definitions._vocab",
    "Review": "svduty.definitions._vocab",
    "Target": "svduty.definitions._vocab",
    "Weapon": "svduty.definitions._vocab",
    "Comparison": "svduty.definitions._compare",
    "DefinitionDifference": "svduty.definitions._compare",
    "compare_definitions": "svduty.definitions._compare",
}

__all__ = [
    "DEFINITIONS",
    "FACT_NAMES",
    "KINDS",
    "OFFENCES",
    "OWHR_PILOT_AS_ANNOUNCED",
    "OWHR_PILOT_AS_MADE",
    "POLICE_UK_CATEGORIES",
    "PRESUMPTIONS",
    "RULES",
    "STATUTE",
    "SV_STRATEGY_2018",
    "WHO_2002",
    "AgeReading",
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
    "LocalKind",
    "Offence",
    "OffenceTable",
    "OtherReview",
    "OwhrPilot",
    "PoliceUkCategory",
    "Presumption",
    "Relationship",
    "ResolveDistrict",
    "Review",
    "Rule",
    "Seriousness",
    "SeriousnessFactor",
    "Switch",
    "Target",
    "Weapon",
    "classify",
    "classify_many",
    "classify_split",
    "classify_table",
    "compare_definitions",
    "district_of",
    "normalise_offence_code",
    "split_rejected",
]

if not TYPE_CHECKING:  # a misspelt name is then an error the type checker reports
    __getattr__, __dir__ = exports(__name__, _LAZY)
