"""A scenario's misspelt field is answered with the field meant, as its misspelt op is.

users58: ``titel = ...`` in a scenario said ``unknown field(s) titel`` and no more, while
a misspelt ``op`` or body id got "did you mean". The unknown keys of every TOML record go
through one place (``io._structural``), which now asks ``svduty._near.did_you_mean``
against the record's own fields.
"""

from __future__ import annotations

import pytest

from svduty.errors import BundleError, ScenarioError
from svduty.io import load_scenario
from svduty.io._converter import structure

_RENAME = {"op": "rename", "body": "x", "name": "Y"}


def _message(data: dict[str, object]) -> str:
    with pytest.raises(ScenarioError) as caught:
        load_scenario(data, file="s.toml")
    return str(caught.value)


def test_a_misspelt_top_level_field_is_answered_with_the_one_meant() -> None:
    text = _message({"name": "s", "titel": "S", "changes": [_RENAME]})
    assert "s.toml: <root>: unknown field(s) titel (did you mean title?)" in text


def test_a_misspelt_field_of_a_change_is_answered_with_the_one_meant() -> None:
    text = _message({"name": "s", "title": "S", "changes": [{**_RENAME, "reasn": "why"}]})
    assert "s.toml: changes[0]: unknown field(s) reasn (did you mean reason?)" in text


def test_a_misspelt_field_of_a_nested_body_is_answered_with_the_one_meant() -> None:
    body = {"id": "b", "name": "B", "knd": "community_safety_partnership"}
    text = _message({"name": "s", "title": "S", "changes": [{"op": "add_body", "body": body}]})
    assert "changes[0].body: unknown field(s) knd (did you mean kind?)" in text


def test_two_misspelt_fields_are_each_answered() -> None:
    text = _message({"name": "s", "titel": "S", "descripton": "d", "changes": [_RENAME]})
    assert "unknown field(s) descripton, titel" in text
    assert "(did you mean description for descripton, title for titel?)" in text


def test_a_word_near_no_field_gets_no_guess() -> None:
    text = _message({"name": "s", "title": "S", "colour": "red", "changes": [_RENAME]})
    assert "unknown field(s) colour" in text
    assert "did you mean" not in text


def test_a_key_not_shown_gets_no_guess_that_would_describe_it() -> None:
    text = _message({"name": "s", "title": "S", "Jane Titel": "x", "changes": [_RENAME]})
    assert "1 key not shown" in text
    assert "did you mean" not in text


def test_the_bundle_loaders_use_the_same_mechanism() -> None:
    from svduty.authorities import Authority

    data = {"id": "a", "nme": "A"}
    with pytest.raises(BundleError) as caught:
        structure(data, Authority, file="authorities.toml")
    assert "authorities.toml: <root>: unknown field(s) nme (did you mean name?)" in str(
        caught.value
    )
