"""Every field of every JSON document's schema says what it holds (users58).

A developer reading ``svduty.io.document_schema("validate")`` found the types and not the
meaning of ``bundle``, ``ok``, a problem's ``file``/``row``/``field``; so for 141 fields
of the ``funding``, ``info`` and ``summary`` documents and the rows ``classify`` writes
(the ``governance`` and ``comparison`` schemas already said theirs).
"""

from __future__ import annotations

import pytest

from svduty.io import DOCUMENT_VERSIONS, document_schema
from svduty.io._document_words import WORDS, fields


@pytest.mark.parametrize("kind", sorted(DOCUMENT_VERSIONS))
def test_every_field_of_the_schema_has_a_description(kind: str) -> None:
    bare = [path for path, field in fields(document_schema(kind)) if not field.get("description")]
    assert bare == []


@pytest.mark.parametrize("kind", sorted(WORDS))
def test_every_path_of_the_words_is_a_field_of_the_schema(kind: str) -> None:
    """A field renamed or removed leaves no words behind that describe nothing."""
    paths = {path for path, _ in fields(document_schema(kind))}
    assert sorted(set(WORDS[kind]) - paths) == []


def test_a_description_given_by_the_part_is_kept() -> None:
    tag = document_schema("summary")["properties"]["svduty_schema"]
    assert tag["description"] == "The document's kind and version."


def test_the_words_say_what_a_field_holds() -> None:
    problem = document_schema("validate")["$defs"]["Problem"]["properties"]
    assert "null" in problem["file"]["description"]
    bounded = document_schema("summary")["$defs"]["BoundedRow"]["properties"]
    assert "yes" in bounded["certain"]["description"]
