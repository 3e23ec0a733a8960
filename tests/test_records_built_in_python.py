"""Records a developer builds in Python are checked as a bundle's are (hostile41).

A council system that builds an authority or a definition in code, rather than loading a
bundle, got no check at all on some records: one area code given as text was read letter
by letter (Warwick District Council silently left the specified authorities for Warwick,
Sch 1), a switch turned off with the text ``"false"`` counted as on, and a definition
with no citation was accepted.
"""

from __future__ import annotations

import attrs
import pytest

import svduty
from svduty.authorities import Absence, Authorities, Authority, AuthorityCategory
from svduty.errors import ArgumentError
from svduty.sources import cite

SCH1 = cite("pcsc-act-2022", "Sch 1")


def test_one_area_code_given_as_text_is_that_code_not_its_letters():
    a = Authority("d", "District", AuthorityCategory.DISTRICT_COUNCIL, "E07000222", SCH1)
    assert a.areas == ("E07000222",)
    assert a == Authority("d", "District", AuthorityCategory.DISTRICT_COUNCIL, ["E07000222"], SCH1)
    yot = attrs.evolve(a, established_by="warwickshire-county-council")
    assert yot.established_by == ("warwickshire-county-council",)
    absent = Absence(AuthorityCategory.PRISON_AUTHORITY, "E07000222", SCH1, beside="hmp-x")
    assert (absent.areas, absent.beside) == (("E07000222",), ("hmp-x",))


def test_a_district_council_given_its_code_as_text_stays_a_specified_authority():
    p = svduty.warwickshire()
    items = [
        attrs.evolve(a, areas=a.areas[0]) if a.id == "warwick-district-council" else a
        for a in p.authorities.items
    ]
    built = Authorities(
        items, p.authorities.absences, districts_within=p.authorities.districts_within
    )
    ids = [a.id for a in built.for_area("E07000222")]
    assert ids == [a.id for a in p.authorities.for_area("E07000222")]
    assert "warwick-district-council" in ids


@pytest.mark.parametrize("wrong", [None, 5, 1.5, b"E07000222", {"E07000222": 1}])
@pytest.mark.parametrize("field", ["areas", "established_by"])
def test_areas_not_text_are_an_argument_error_naming_the_field(field, wrong):
    a = Authority("d", "District", AuthorityCategory.DISTRICT_COUNCIL, ("E07000222",), SCH1)
    with pytest.raises(ArgumentError, match=rf"Authority\({field}"):
        attrs.evolve(a, **{field: wrong})


@pytest.mark.parametrize("field", ["areas", "neighbouring", "beside"])
def test_an_absence_of_areas_not_text_is_an_argument_error(field):
    absent = Absence(AuthorityCategory.PRISON_AUTHORITY, ("E07000222",), SCH1)
    with pytest.raises(ArgumentError, match=rf"Absence\({field}"):
        attrs.evolve(absent, **{field: None})
