"""A ``districts_within`` giving Areas (or one string) is an ArgumentError naming it.

``Geography.districts_within`` gives :class:`~svduty.areas.Area` values; the rules take a
function giving codes (``Geography.district_codes_within``). Given the first, the rules
raised a bare ``TypeError`` from a sort ("'<' not supported between instances of 'Area'
and 'Area'", recheck51); now an ArgumentError naming ``districts_within`` and the code
asked, never a value.
"""

from __future__ import annotations

import pytest

import svduty
from svduty.authorities import Authority, AuthorityCategory, local_government_areas
from svduty.errors import ArgumentError
from svduty.sources import cite

YOT = Authority(
    "yot",
    "Example YOT",
    AuthorityCategory.YOUTH_OFFENDING_TEAM,
    ("E10000031",),
    citation=cite("pcsc-act-2022", "Sch 1"),
)


def test_areas_where_codes_were_meant_name_the_argument() -> None:
    geography = svduty.warwickshire().geography
    with pytest.raises(ArgumentError) as info:
        local_government_areas(YOT, geography.districts_within)
    assert str(info.value).startswith("districts_within(E10000031)[0]: expected a local")
    assert "got an Area" in str(info.value)


@pytest.mark.parametrize("given", ["E07000218", 5, None])
def test_one_string_or_no_iterable_is_refused(given: object) -> None:
    with pytest.raises(ArgumentError, match=r"^districts_within\(E10000031\): expected"):
        local_government_areas(YOT, lambda code: given)  # type: ignore[arg-type,return-value]


def test_codes_are_taken_as_before() -> None:
    geography = svduty.warwickshire().geography
    got = local_government_areas(YOT, geography.district_codes_within)
    assert got == tuple(sorted(geography.district_codes_within("E10000031")))
    assert len(got) == 5
