"""The one-incident API as a typed client meets it (issue 14, types)."""

from __future__ import annotations

import pydoc

import pytest

import svduty
from svduty.definitions import STATUTE, Incident, classify
from svduty.definitions._vocab import Country, Relationship, Target
from svduty.errors import DataError, DefinitionError


def test_classify_without_a_definition_is_a_definition_error() -> None:
    with pytest.raises(DefinitionError, match="expected a Definition"):
        classify(Incident(), None)  # type: ignore[arg-type]


def test_classify_of_something_else_is_a_data_error() -> None:
    with pytest.raises(DataError, match="expected an Incident"):
        classify({"victim_age": 19})  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("field", "text", "value"),
    [
        ("country", "wales", Country.WALES),
        ("country", "WALES", Country.WALES),
        ("target", "Self", Target.SELF),
        ("relationship", " Married ", Relationship.MARRIED),
    ],
)
def test_vocabularies_are_read_without_regard_to_case(field: str, text: str, value: object) -> None:
    assert getattr(Incident(**{field: text}), field) is value


def test_an_unknown_word_is_still_rejected() -> None:
    with pytest.raises(DataError, match="country"):
        Incident(country="narnia")


def test_the_default_definition_reads_short_in_help() -> None:
    assert repr(STATUTE).startswith("Definition(id='pcsc-s13'")
    assert len(repr(STATUTE)) < 200
    assert "pcsc-s13" in pydoc.render_doc(svduty.classify)
