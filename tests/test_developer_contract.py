"""What a developer of another council's system relies on (a developer's review).

- Values documented as frozen are: their mappings cannot be changed (a caller could edit
  ``OFFENCES.by_code["8N"].facts`` and change every later answer) and they hash.
- Methods that take a cost category or a day take its text too, as JSON gives it: a
  category given as ``"labour"`` totalled £0, and ``"2024-01-01" in period`` was False.
- Looking up a word none of an enumeration's values is svduty's own error (a
  ``DataError``, still a ``ValueError``), never showing the text.
"""

from __future__ import annotations

import enum
import inspect

import pytest
from hypothesis import given
from hypothesis import strategies as st

import svduty
from svduty import definitions as d
from svduty.errors import ArgumentError
from svduty.funding import CostCategory
from svduty.io import default_pipeline, read_police_uk, run_pipeline, sample_police_uk


def test_the_offence_tables_are_frozen_and_hash() -> None:
    offence = d.OFFENCES.by_code["8N"]
    assert hash(offence) == hash(d.OFFENCES.get("8N"))
    assert isinstance(hash(d.OFFENCES), int)
    assert isinstance(hash(d.POLICE_UK_CATEGORIES), int)
    with pytest.raises(TypeError):
        offence.facts["violence"] = False  # type: ignore[index]
    with pytest.raises(TypeError):
        d.OFFENCES.by_code["ZZ"] = offence  # type: ignore[index]
    with pytest.raises(TypeError):
        d.POLICE_UK_CATEGORIES.find("Robbery").facts["violence"] = False  # type: ignore[index]
    assert svduty.classify(svduty.Incident(offence_code="8N")).violence.value == "yes"


def test_a_summary_is_frozen_and_hashes() -> None:
    s = run_pipeline(read_police_uk(sample_police_uk()), default_pipeline())
    assert isinstance(hash(s), int)
    with pytest.raises(TypeError):
        s.by_district["Rugby"] = 0  # type: ignore[index]
    with pytest.raises(TypeError):
        s.verdicts["violence"]["yes"] = 0  # type: ignore[index]
    assert s.to_json()["by_district"] == dict(s.by_district)


@pytest.mark.parametrize("category", list(CostCategory))
def test_a_cost_category_may_be_its_text(category: CostCategory) -> None:
    funding = svduty.warwickshire().funding
    assert funding.total(category=category.value) == funding.total(category=category)
    got = funding.split_by_population("2023/24", category=category.value).amount
    assert got == funding.split_by_population("2023/24", category=category).amount
    assert funding.category_rule(category.value) == funding.category_rule(category)


def test_text_that_is_no_cost_category_is_refused() -> None:
    funding = svduty.warwickshire().funding
    with pytest.raises(svduty.DataError, match="total\\(category\\): expected one of"):
        funding.total(category="wages")
    with pytest.raises(svduty.DataError):
        funding.split_by_population("2023/24", category="wages")


@given(st.dates(min_value=svduty.date("2000-01-01"), max_value=svduty.date("2040-12-31")))
def test_a_day_may_be_its_text(day) -> None:  # type: ignore[no-untyped-def]
    timetable = svduty.warwickshire().timetable
    text = day.isoformat()
    assert (text in timetable.agreement) == (day in timetable.agreement)
    assert timetable.in_force(text) == timetable.in_force(day)


def _public_enumerations() -> list[type[enum.Enum]]:
    found = {}
    for module in (svduty, d, svduty.funding, svduty.governance, svduty.authorities, svduty.areas):
        for name in module.__all__:
            value = getattr(module, name)
            if inspect.isclass(value) and issubclass(value, enum.Enum):
                found[value] = None
    return list(found)


@pytest.mark.parametrize("kind", _public_enumerations(), ids=lambda k: k.__name__)
def test_a_word_none_of_an_enumeration_has_is_a_data_error(kind: type[enum.Enum]) -> None:
    with pytest.raises(svduty.DataError, match="expected one of") as raised:
        kind("Jane Smith")
    assert "Jane" not in str(raised.value)
    assert isinstance(raised.value, ValueError)
    with pytest.raises(ArgumentError):
        kind(3.5)
    first = next(iter(kind))
    assert kind(first.value) is first


@pytest.mark.parametrize("limit", [-1, True, 2.0, "2"])
def test_next_reviews_takes_a_count_or_nothing(limit: object) -> None:
    timetable = svduty.warwickshire().timetable
    with pytest.raises(ArgumentError, match="next_reviews\\(limit\\)"):
        timetable.next_reviews("2024-12-01", limit=limit)  # type: ignore[arg-type]
    assert len(timetable.next_reviews("2024-12-01", limit=0)) == 0
    assert len(timetable.next_reviews("2024-12-01", limit=2)) == 2


def test_read_only_mappings_are_used_as_dicts_are() -> None:
    """A review of the session's changes: json.dumps and | failed on the new mappings."""
    import copy
    import json
    import pickle

    import attrs

    s = run_pipeline(read_police_uk(sample_police_uk()), default_pipeline())
    assert json.loads(json.dumps(s.by_district)) == dict(s.by_district)
    assert json.loads(json.dumps(d.OFFENCES.get("8N").facts))["violence"] is True
    assert json.dumps(attrs.asdict(s, recurse=False)["verdicts"])
    assert (s.by_district | {"x": 1})["x"] == 1
    mine = s.by_district.copy()
    mine["x"] = 1  # a copy is the caller's own, plain dict
    assert "x" not in s.by_district
    for change in (lambda m: m.update(x=1), lambda m: m.pop("Rugby"), lambda m: m.clear()):
        with pytest.raises(TypeError):
            change(s.by_district)
    assert pickle.loads(pickle.dumps(s)) == s
    assert copy.deepcopy(s) == s
