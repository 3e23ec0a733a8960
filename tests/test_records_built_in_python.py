"""Records a developer builds in Python are checked as a bundle's are (hostile41).

A council system that builds an authority or a definition in code, rather than loading a
bundle, got no check at all on some records: one area code given as text was read letter
by letter (Warwick District Council silently left the specified authorities for Warwick,
Sch 1), a switch turned off with the text ``"false"`` counted as on, and a definition
with no citation was accepted.
"""

from __future__ import annotations

import re

import attrs
import pytest

import svduty
from svduty.authorities import Absence, Authorities, Authority, AuthorityCategory
from svduty.definitions import (
    CausalFactor,
    Definition,
    Incident,
    Included,
    LocalKind,
    Seriousness,
    Switch,
    classify,
)
from svduty.errors import ArgumentError, SvdutyError
from svduty.sources import cite

SCH1 = cite("pcsc-act-2022", "Sch 1")
S13 = cite("pcsc-act-2022", "s.13")
PERSONAL = "Jane Citizen"


def test_one_area_code_given_as_text_is_that_code_not_its_letters():
    a = Authority("d", "District", AuthorityCategory.DISTRICT_COUNCIL, "E07000222", SCH1)
    assert a.areas == ("E07000222",)
    assert a == Authority("d", "District", AuthorityCategory.DISTRICT_COUNCIL, ["E07000222"], SCH1)
    yot = attrs.evolve(
        a,
        category=AuthorityCategory.YOUTH_OFFENDING_TEAM,
        established_by="warwickshire-county-council",
    )
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


def _definition(**given: object) -> Definition:
    fields = {"id": "d", "title": "D", "citation": S13, "include": (Included("s13_violence", S13),)}
    return Definition(**(fields | given))  # type: ignore[arg-type]


def test_a_switch_turned_off_as_text_is_refused_not_counted_as_on():
    with pytest.raises(ArgumentError, match=r"Switch\(on\): expected bool"):
        Switch("s", "false", "a reading", S13)  # type: ignore[arg-type]
    with pytest.raises(ArgumentError, match=r"Seriousness\(weighed\)"):
        Seriousness("impact_on_victim", "no", "", S13)  # type: ignore[arg-type]


def test_a_switch_off_leaves_its_include_out():
    d = _definition(
        include=(Included("s13_violence", S13), Included("homicide", S13, when="s")),
        switches=(Switch("s", False, "a reading", S13),),
    )
    assert [i.kind for i in d.counted(d.include)] == ["s13_violence"]


@pytest.mark.parametrize(
    ("make", "where"),
    [
        (lambda: _definition(citation=None), r"Definition\(citation\)"),
        (lambda: _definition(citation="pcsc-act-2022"), r"Definition\(citation\)"),
        (lambda: _definition(id=5), r"Definition\(id\)"),
        (lambda: _definition(victim_age_below=24.5), r"Definition\(victim_age_below\)"),
        (lambda: Included(5, S13), r"Included\(kind\)"),  # was a raw TypeError
        (lambda: Included("s13_violence", None), r"Included\(citation\)"),
        (lambda: CausalFactor("peer", "feuds", None), r"CausalFactor\(citation\)"),
        (lambda: LocalKind("g", "g", None, all_of=("s13_violence",)), r"LocalKind\(citation\)"),
        (lambda: LocalKind("g", "g", S13, victim_age_below=24.5), r"LocalKind\(victim_age"),
        (lambda: Switch("s", True, "a reading", None), r"Switch\(citation\)"),
    ],
)
def test_a_definition_record_of_the_wrong_type_is_an_argument_error(make, where):
    with pytest.raises(ArgumentError, match=where) as caught:
        make()
    assert PERSONAL not in str(caught.value)


def test_a_list_for_a_definition_tuple_is_taken_as_the_tuple():
    d = _definition(include=[Included("s13_violence", S13)], presume=["no-terrorism"])
    assert d.include == (Included("s13_violence", S13),)
    assert d.presume == ("no-terrorism",)


@pytest.mark.parametrize("field", ["all_of", "any_of", "context"])
def test_a_local_kind_of_one_text_is_not_read_letter_by_letter(field):
    value = "gang" if field == "context" else "knife_crime"
    kind = LocalKind("g", "g", S13, **{field: value})  # type: ignore[arg-type]
    assert getattr(kind, field) == (value,)


def test_a_local_kind_naming_no_national_kind_is_an_error_not_a_key_error():
    kind = LocalKind("g", "g", S13, all_of=(PERSONAL,))
    with pytest.raises(SvdutyError) as caught:
        kind.expr()
    assert PERSONAL not in str(caught.value)


def test_a_definition_built_in_python_still_classifies():
    kind = LocalKind("young", "young", S13, all_of=("s13_violence",), victim_age_below=25)
    d = _definition(kinds=(kind,), include=(Included("young", S13),))
    c = classify(
        Incident(offence_code="8N", victim_age=19, perpetrator_age=30, relationship="none"), d
    )
    assert c.in_scope.value == "yes"


@pytest.mark.parametrize(
    ("change", "where"),
    [
        ({"confidence": "Jane Citizen"}, "Citation(confidence)"),
        ({"source": None}, "Citation(source)"),
        ({"as_at": "2024-02-30"}, "Citation(as_at)"),  # no such day
        ({"provision": 5}, "Citation(provision)"),
        ({"doubt": 5}, "Citation(doubt)"),
    ],
)
def test_a_citation_of_the_wrong_type_is_refused_when_made(change, where):
    """Every rule carries a Citation; one with a person's name for its confidence, or no
    source, was accepted and failed later with a raw AttributeError in str() (hostile41,
    finding 3)."""
    with pytest.raises(SvdutyError) as caught:
        attrs.evolve(SCH1, **change)
    assert str(caught.value).startswith(where)
    assert "Jane" not in str(caught.value)


def test_a_citation_takes_a_day_and_confidence_as_a_bundle_gives_them():
    import datetime as dt

    c = attrs.evolve(SCH1, as_at=dt.date(2024, 1, 1), confidence="unconfirmed", doubt="why")
    assert c.as_at == svduty.date("2024-01-01")
    assert attrs.evolve(SCH1, as_at="2024-01-01").as_at == c.as_at  # a day's text, as elsewhere
    assert c.confidence.value == "unconfirmed"
    assert str(c).startswith("Police, Crime, Sentencing and Courts Act 2022, Sch 1")
    source = attrs.evolve(SCH1.source, date=dt.date(2022, 4, 28))
    assert source.date == svduty.date("2022-04-28")
    with pytest.raises(SvdutyError, match=r"^Source\(kind\)"):
        attrs.evolve(SCH1.source, kind="Jane Citizen")


def test_the_other_public_records_check_their_fields_when_made():
    """hostile41, finding 4: a local area, a funding model or a timetable built in Python
    with a value of the wrong type failed later with a raw AttributeError, or not at all."""
    p = svduty.warwickshire()
    made = [
        (p.local_area, "name", None, "LocalArea(name)"),
        (p.funding, "allocations", 5, "FundingModel(allocations)"),
        (p.timetable, "milestones", "soon", "Timetable(milestones)"),
        (p.timetable.milestones[0], "citation", None, "Milestone(citation)"),
    ]
    for record, field, value, where in made:
        with pytest.raises(ArgumentError) as caught:
            attrs.evolve(record, **{field: value})
        assert str(caught.value).startswith(where), str(caught.value)


@pytest.mark.parametrize(
    ("record", "field", "where"),
    [(SCH1, "as_at", "Citation(as_at)"), (SCH1.source, "date", "Source(date)")],
)
def test_a_date_time_is_no_day_for_a_citation(record, field, where):
    """final41: a ``pendulum.DateTime`` is a ``pendulum.Date`` to ``isinstance``, so the
    field check let it through where a ``datetime.datetime`` was refused; the citation then
    wrote its ``as_at`` as "2023-03-07T15:30:00+00:00", which no reader of svduty's takes."""
    import datetime as dt

    import pendulum

    for value in (pendulum.datetime(2023, 3, 7, 15, 30), dt.datetime(2023, 3, 7, 15, 30)):
        with pytest.raises(ArgumentError, match=rf"^{re.escape(where)}: expected Date \| None"):
            attrs.evolve(record, **{field: value})
    assert getattr(attrs.evolve(record, **{field: pendulum.Date(2023, 3, 7)}), field) == (
        pendulum.Date(2023, 3, 7)
    )


def test_one_area_code_given_as_text_is_one_code():
    """final41: ``Area(parents="E10000031")`` kept ``("E", "1", "0", ...)``, silently (Warwick
    then lay in no county), and ``LocalArea(districts="E07000222")`` was refused letter by
    letter, as hostile41 found of an authority's areas."""
    p = svduty.warwickshire()
    warwick = p.geography.get("E07000222")
    assert attrs.evolve(warwick, parents="E10000031").parents == ("E10000031",)
    assert attrs.evolve(p.local_area, districts="E07000222").districts == ("E07000222",)
