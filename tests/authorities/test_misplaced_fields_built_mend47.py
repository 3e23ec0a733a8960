"""mend47: an authority built in Python with a field the law gives another category.

cases46 made ``authorities.toml`` name ``provider_is_secretary_of_state`` on anything but a
provider of probation services (PCSC Act 2022 s.18(5)(a)), ``establishment`` outside the
educational, prison and youth custody authorities of Schedule 2 (s.18(5)(b), (c); an
educational authority's only ``school`` or ``other``) and ``established_by`` on anything but
a youth offending team (Crime and Disorder Act 1998 s.39). An :class:`Authority` built in
Python was not checked: a school's governing body recorded as running a young offender
institution was accepted and answered "can be directed". Now both routes use one check: the
class refuses the field with an :class:`ArgumentError` naming the class and the field (never
the value), and the file names it as before, with the same words, and still reports the
file's other problems in the same run.
"""

from __future__ import annotations

from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from svduty.authorities import Authority, AuthorityCategory, Establishment, can_be_directed
from svduty.errors import ArgumentError, BundleError, DataError
from svduty.io import load_authorities
from svduty.sources import cite

CITE = cite("pcsc-act-2022", "Sch 1")
PLAIN_CITE = {"source": "pcsc-act-2022", "provision": "Sch 1"}
SOS = "provider_is_secretary_of_state"
CANARY = "Jane Citizen Academy"

MISPLACED = [
    ("district_council", {SOS: True}, SOS),
    ("youth_offending_team", {SOS: False}, SOS),
    ("educational_authority", {SOS: True}, SOS),
    ("district_council", {"establishment": "prison"}, "establishment"),
    ("chief_officer_of_police", {"establishment": "contracted_out"}, "establishment"),
    ("local_policing_body", {"establishment": "school"}, "establishment"),
    ("educational_authority", {"establishment": "young_offender_institution"}, "establishment"),
    ("educational_authority", {"establishment": "prison"}, "establishment"),
    ("educational_authority", {"establishment": "secure_training_centre"}, "establishment"),
    ("educational_authority", {"establishment": "contracted_out"}, "establishment"),
    (
        "educational_authority",
        {"establishment": "directly_managed_secure_college"},
        "establishment",
    ),
    ("provider_of_probation_services", {"established_by": ("cc",)}, "established_by"),
    ("county_council", {"established_by": ("cc",)}, "established_by"),
]

PLACED = [
    ("provider_of_probation_services", {SOS: True}),
    ("provider_of_probation_services", {SOS: False}),
    ("prison_authority", {"establishment": "prison"}),
    ("prison_authority", {"establishment": "contracted_out"}),
    ("youth_custody_authority", {"establishment": "young_offender_institution"}),
    ("youth_custody_authority", {"establishment": "school"}),
    ("educational_authority", {"establishment": "school"}),
    ("educational_authority", {"establishment": "other"}),
    ("youth_offending_team", {"established_by": ("cc",)}),
]


def _built(category: str | AuthorityCategory, **extra: Any) -> Authority:
    return Authority("x", CANARY, category, ("E07000901",), CITE, **extra)


def _plain(category: str, **extra: Any) -> dict[str, Any]:
    record = {
        "id": "x",
        "name": CANARY,
        "category": category,
        "areas": ["E07000901"],
        "nation": "england",
        "citation": PLAIN_CITE,
    }
    return {**record, **{k: list(v) if isinstance(v, tuple) else v for k, v in extra.items()}}


def _county() -> dict[str, Any]:
    return {**_plain("county_council"), "id": "cc", "name": "CC", "areas": ["E10000999"]}


@pytest.mark.parametrize(("category", "extra", "field"), MISPLACED)
def test_an_authority_built_in_python_refuses_a_field_of_another_category(
    category: str, extra: dict[str, Any], field: str
) -> None:
    with pytest.raises(ArgumentError) as info:
        _built(category, **extra)
    assert [p.field for p in info.value.problems] == [f"Authority({field})"]
    assert CANARY not in str(info.value)
    for value in extra.values():  # the value is never shown, only where and what
        shown = value if isinstance(value, str) else None
        assert shown is None or repr(shown) not in str(info.value)


@pytest.mark.parametrize(("category", "extra", "field"), MISPLACED)
def test_evolving_an_authority_into_a_misplaced_field_is_refused(
    category: str, extra: dict[str, Any], field: str
) -> None:
    plain = _built(category)
    with pytest.raises(ArgumentError) as info:
        attrs.evolve(plain, **extra)
    assert [p.field for p in info.value.problems] == [f"Authority({field})"]


def test_a_schools_governing_body_cannot_be_made_the_governor_of_an_institution() -> None:
    """The case cases46 found: answered "can be directed" from a record that cannot be."""
    school = _built(AuthorityCategory.EDUCATIONAL_AUTHORITY)
    assert can_be_directed(school, "s.15(3)").verdict.value == "yes"
    with pytest.raises(ArgumentError):
        attrs.evolve(school, establishment=Establishment.YOUNG_OFFENDER_INSTITUTION)


@pytest.mark.parametrize(("category", "extra"), PLACED)
def test_a_field_of_its_own_category_is_built(category: str, extra: dict[str, Any]) -> None:
    assert _built(category, **extra).category.value == category


@pytest.mark.parametrize(("category", "extra", "field"), MISPLACED)
def test_both_routes_say_the_same(category: str, extra: dict[str, Any], field: str) -> None:
    with pytest.raises(ArgumentError) as built:
        _built(category, **extra)
    with pytest.raises(BundleError) as loaded:
        load_authorities({"authorities": [_county(), _plain(category, **extra)]}, file="a.toml")
    assert [p.field for p in loaded.value.problems] == [f"authorities[1].{field}"]
    assert [p.expected for p in loaded.value.problems] == [p.expected for p in built.value.problems]


def test_the_file_still_reports_its_other_problems_with_a_misplaced_field() -> None:
    """The record is built without the field it names: its references are checked."""
    bad = {**_plain("district_council", establishment="prison"), "same_body_as": "nobody"}
    team = {**_plain("youth_offending_team", established_by=("nobody",)), "id": "yot"}
    with pytest.raises(BundleError) as info:
        load_authorities({"authorities": [bad, team]}, file="a.toml")
    fields = [p.field for p in info.value.problems]
    assert sorted(fields) == [
        "authorities[0].establishment",
        "authorities[0].same_body_as",
        "authorities[1].established_by[0]",
    ]


def test_a_misplaced_field_is_named_beside_a_problem_of_shape() -> None:
    bad = _plain("district_council", provider_is_secretary_of_state=True)
    other = {**_plain("county_council"), "id": "y", "valid": "always"}
    with pytest.raises(BundleError) as info:
        load_authorities({"authorities": [bad, other]}, file="a.toml")
    fields = [p.field for p in info.value.problems]
    assert "authorities[0].provider_is_secretary_of_state" in fields
    assert any(f is not None and f.startswith("authorities[1].valid") for f in fields)


FIELDS = st.fixed_dictionaries(
    {},
    optional={
        SOS: st.booleans(),
        "establishment": st.sampled_from([e.value for e in Establishment]),
        "established_by": st.just(("cc",)),
    },
)


@given(category=st.sampled_from([c.value for c in AuthorityCategory]), extra=FIELDS)
def test_python_and_the_file_refuse_the_same_fields(category: str, extra: dict[str, Any]) -> None:
    """Whatever category and fields: built in Python iff loaded, naming the same fields."""
    try:
        _built(category, **extra)
        built: list[str] = []
    except ArgumentError as exc:
        built = [
            p.field.removeprefix("Authority(").removesuffix(")") for p in exc.problems if p.field
        ]
    try:
        load_authorities({"authorities": [_county(), _plain(category, **extra)]}, file="a.toml")
        loaded: list[str] = []
    except BundleError as exc:
        loaded = [
            p.field.removeprefix("authorities[1].")
            for p in exc.problems
            if p.field
            and p.field.removeprefix("authorities[1].") in (SOS, "establishment", "established_by")
        ]
    assert built == loaded


def test_a_scenario_creating_an_authority_names_the_field_as_its_path() -> None:
    """A what-if's new authority is built by the class: the field as the file's path names it."""
    from svduty.io._governance import load_scenario

    change = {
        "op": "create_authority",
        "reason": "r",
        "authority": {**_plain("county_council_no_districts"), "establishment": "prison"},
    }
    with pytest.raises(DataError) as info:
        load_scenario({"title": "s", "changes": [change]}, file="scenarios/s.toml")
    fields = [p.field for p in info.value.problems]
    assert "changes[0].authority.establishment" in fields, fields
