"""cases46: a field one category's law gives, recorded on an authority of another category.

``provider_is_secretary_of_state`` says whether a probation provider is the Secretary of
State (PCSC Act 2022 s.18(5)(a)); ``establishment`` what a prison or youth custody
authority runs (s.18(5)(b), (c)) or that an educational authority's is a school;
``established_by`` which councils established a youth offending team (Crime and Disorder
Act 1998 s.39, Sch 1). On any other authority the rules ignore them, so a district council
recorded as run by the Secretary of State, or a school's governing body recorded as the
governor of a young offender institution, was accepted in silence and answered as if the
field were not there. The file's loader now names the field.
"""

from __future__ import annotations

from typing import Any

import pytest

from svduty.errors import BundleError
from svduty.io import load_authorities

CITE = {"source": "pcsc-act-2022", "provision": "Sch 1"}


def _record(category: str, **extra: Any) -> dict[str, Any]:
    return {
        "id": "x",
        "name": "X",
        "category": category,
        "areas": ["E07000901"],
        "nation": "england",
        "citation": CITE,
        **extra,
    }


def _load(*records: dict[str, Any]) -> Any:
    return load_authorities({"authorities": list(records)}, file="authorities.toml")


SOS = "provider_is_secretary_of_state"
MISPLACED = [
    ("district_council", {SOS: True}, SOS),
    ("youth_offending_team", {SOS: False}, SOS),
    ("district_council", {"establishment": "prison"}, "establishment"),
    ("chief_officer_of_police", {"establishment": "contracted_out"}, "establishment"),
    ("local_policing_body", {"establishment": "school"}, "establishment"),
    ("educational_authority", {"establishment": "young_offender_institution"}, "establishment"),
    ("educational_authority", {"establishment": "prison"}, "establishment"),
    ("educational_authority", {"establishment": "contracted_out"}, "establishment"),
    (
        "educational_authority",
        {"establishment": "directly_managed_secure_college"},
        "establishment",
    ),
    ("provider_of_probation_services", {"established_by": ["cc"]}, "established_by"),
]


@pytest.mark.parametrize(("category", "extra", "field"), MISPLACED)
def test_a_field_of_another_category_is_named(
    category: str, extra: dict[str, Any], field: str
) -> None:
    cc = {**_record("county_council"), "id": "cc", "areas": ["E10000999"]}
    with pytest.raises(BundleError) as info:
        _load(cc, _record(category, **extra))
    fields = [p.field for p in info.value.problems]
    assert fields == [f"authorities[1].{field}"], fields
    assert all(p.file == "authorities.toml" for p in info.value.problems)


PLACED = [
    ("provider_of_probation_services", {"provider_is_secretary_of_state": True}),
    ("prison_authority", {"establishment": "prison"}),
    ("prison_authority", {"establishment": "contracted_out"}),
    ("youth_custody_authority", {"establishment": "young_offender_institution"}),
    ("youth_custody_authority", {"establishment": "school"}),  # a secure school
    ("educational_authority", {"establishment": "school"}),
    ("educational_authority", {"establishment": "other"}),
    ("youth_offending_team", {"established_by": ["cc"], "areas": ["E10000999"]}),
]


@pytest.mark.parametrize(("category", "extra"), PLACED)
def test_a_field_of_its_own_category_loads(category: str, extra: dict[str, Any]) -> None:
    cc = {**_record("county_council"), "id": "cc", "areas": ["E10000999"]}
    auths = _load(cc, _record(category, **extra))
    assert auths.get("x").category.value == category
