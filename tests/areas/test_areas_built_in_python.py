"""An ``Area`` or ``Membership`` built in Python is checked as a bundle's is (contract42).

They were the two public records left unchecked (hostile41): a citation given as text, a
``valid`` given as text or ``None`` and a membership of no area were accepted, to fail far
away or never; a name or id that was not text, or ``parents=None``, was a raw
``AttributeError``/``TypeError``. svduty's own loaders build tens of thousands of areas
from the national tables through a private path that skips the check
(``svduty._checked.unchecked``), so loading England and Wales costs what it did.
"""

from __future__ import annotations

from typing import Any

import pytest

from svduty._checked import unchecked
from svduty.areas import Area, AreaKind, Membership
from svduty.areas._national import national_areas
from svduty.areas._national_lsoas import lsoa_areas
from svduty.errors import AreaError, ArgumentError
from svduty.periods import Period
from svduty.sources import cite

C = cite("ons-lsoa11-ward19")
P = Period("2009-04-01")
RUGBY: dict[str, Any] = {
    "code": "E07000220",
    "name": "Rugby",
    "kind": "district",
    "valid": P,
    "citation": C,
}
LINK: dict[str, Any] = {"area": "E07000220", "parent": "E10000031", "valid": P, "citation": C}


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"name": None}, "name"),
        ({"name": 5}, "name"),
        ({"valid": "2009-04-01"}, "valid"),
        ({"valid": None}, "valid"),
        ({"citation": "Jane Citizen"}, "citation"),
        ({"citation": None}, "citation"),
        ({"parents": None}, "parents"),
        ({"parents": [1, 2]}, "parents[0]"),
        ({"id": 5}, "id"),
        ({"code": None, "kind": "police_command_area", "id": 5}, "id"),
    ],
)
def test_an_area_of_the_wrong_type_is_an_argument_error_naming_the_field(change, field):
    with pytest.raises(ArgumentError) as info:
        Area(**{**RUGBY, **change})
    assert str(info.value).startswith(f"Area({field}): expected")
    assert "Jane" not in str(info.value)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"area": None}, "area"),
        ({"parent": 5}, "parent"),
        ({"valid": "2020-01-01"}, "valid"),
        ({"citation": None}, "citation"),
    ],
)
def test_a_membership_of_the_wrong_type_is_an_argument_error(change, field):
    with pytest.raises(ArgumentError, match=rf"^Membership\({field}\): expected"):
        Membership(**{**LINK, **change})


@pytest.mark.parametrize("field", ["area", "parent"])
def test_a_membership_of_no_area_is_refused(field):
    with pytest.raises(AreaError, match=f"^{field}: expected an area's code or id"):
        Membership(**{**LINK, field: " "})


def test_a_list_of_parents_is_the_tuple_and_good_records_are_unchanged():
    assert Area(**{**RUGBY, "parents": ["E10000031"]}).parents == ("E10000031",)
    assert Area(**RUGBY).kind is AreaKind.DISTRICT
    assert Membership(**LINK).current


def test_the_loaders_path_skips_only_the_type_check():
    assert unchecked(Area, **{**RUGBY, "kind": AreaKind.DISTRICT}) == Area(**RUGBY)
    with pytest.raises(AreaError):  # validators and post-init checks still run
        unchecked(Area, **{**RUGBY, "code": "E0700022"})


def test_the_national_areas_are_what_the_checked_constructor_makes():
    areas = [*national_areas()[:50], *lsoa_areas(["E07000220"])[:50]]
    fields = ("kind", "code", "id", "name", "parents", "valid", "citation")
    assert all(Area(**{f: getattr(a, f) for f in fields}) == a for a in areas)


def test_an_id_with_a_newline_is_not_a_slug():
    """``_SLUG.match`` took ``"north\\n"`` (``$`` matches before a final newline)."""
    with pytest.raises(AreaError, match=r"^id: expected a slug"):
        Area(kind="police_command_area", id="north\n", name="North", valid=P, citation=C)
