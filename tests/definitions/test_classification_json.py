"""A classification read back from its JSON contract: ``Classification.from_json``.

A system that receives svduty's classifications as JSON gets the typed value back, equal
to the one written; anything else is a ``DataError`` naming the field, never another
exception and never a value shown.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import svduty
from svduty.definitions import DEFINITIONS, Classification, Incident, classify
from svduty.errors import ConflictError, DataError

from .helpers import warwickshire
from .strategies import RESOLVE, consistent, incident_json

ALL_DEFINITIONS = [*DEFINITIONS.values(), warwickshire()]
SOURCES = svduty.warwickshire().sources  # the national catalogue and Warwickshire's own


def _classified(data: dict[str, Any], definition: Any) -> Classification:
    try:
        incident = Incident.from_json(data)
    except ConflictError:
        assume(False)
        raise  # pragma: no cover
    return classify(incident, definition, resolve_district=RESOLVE)


@given(consistent(incident_json()), st.sampled_from(ALL_DEFINITIONS))
def test_from_json_of_to_json_is_the_classification(data, definition):
    c = _classified(data, definition)
    text = json.dumps(c.to_json())  # as it travels
    back = Classification.from_json(json.loads(text), sources=SOURCES, definition=definition)
    assert back == c


def test_a_partnership_s_own_sources_need_its_catalogue():
    c = classify(Incident(id="a", offence_code="8N"), warwickshire())
    local = [r for r in c.reasons if r.citation.source.id not in svduty.sources.CATALOGUE]
    if not local:  # pragma: no cover - the definition cites only national law
        pytest.skip("no local citation")
    with pytest.raises(DataError, match="source"):
        Classification.from_json(c.to_json())
    assert Classification.from_json(c.to_json(), sources=SOURCES) == c


GOOD = classify(Incident(id="x", offence_code="46", victim_age=30)).to_json()


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"violence": "maybe"}, "violence"),
        ({"homicide_review": "yes"}, "homicide_review"),
        ({"basis": "hunch"}, "basis"),
        ({"missing": []}, "missing"),  # not the facts of missing_by_answer
        ({"missing_by_answer": {"violance": ["date"]}}, "missing"),
        ({"kinds": "s13_violence"}, "kinds"),
        ({"reasons": [{"rule": "x", "says": "y"}]}, "reasons"),
        ({"extra": 1}, "extra"),
    ],
)
def test_a_classification_not_of_the_contract_is_refused_by_field(change, field):
    with pytest.raises(DataError) as info:
        Classification.from_json({**GOOD, **change})
    assert field in str(info.value)


@pytest.mark.parametrize("key", ["id", "reasons", "missing_by_answer", "definition"])
def test_every_key_is_required(key):
    data = {k: v for k, v in GOOD.items() if k != key}
    with pytest.raises(DataError, match=f"{key}: expected the key"):
        Classification.from_json(data)


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=12,
)


@settings(max_examples=60)
@given(st.dictionaries(st.sampled_from(sorted(GOOD)), JSON))
def test_any_json_is_a_classification_or_a_data_error(changes):
    data = {**GOOD, **changes}
    try:
        got = Classification.from_json(data)
    except DataError:
        return  # (only a DataError: any other exception fails the test)
    assert got.to_json() == data


def test_a_personal_value_is_never_shown():
    for change in ({"violence": "Jane Smith"}, {"id": 7700900123}, {"Jane Smith": 1}):
        with pytest.raises(DataError) as info:
            Classification.from_json({**GOOD, **change})
        assert "Jane" not in str(info.value)
        assert "7700900123" not in str(info.value)


@pytest.mark.parametrize("value", [[], [["violence", ["victim_age"]]], "x", None])
def test_missing_by_answer_is_an_object(value):
    """An empty list was read as "no answer misses a fact" and came back as ``{}``
    (hypothesis found it): the contract's ``missing_by_answer`` is an object."""
    with pytest.raises(DataError, match="missing_by_answer: expected a JSON object"):
        Classification.from_json({**GOOD, "missing_by_answer": value, "missing": []})


def _undetermined() -> dict[str, Any]:
    incident = Incident(
        id="x", offence_code="8N", victim_age=30, perpetrator_age=40, relationship="married"
    )
    return classify(incident).to_json()  # violence yes; qualifying_homicide undetermined


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda d: d["missing_by_answer"].update(made_up=["date"]), "missing_by_answer"),
        (lambda d: d["missing_by_answer"].update(violence=["date"]), "missing_by_answer"),
        (lambda d: d["missing_by_answer"].clear(), "missing_by_answer"),
        (
            lambda d: d["missing_by_answer"].update(qualifying_homicide=["John Smith"]),
            "missing_by_answer.qualifying_homicide",
        ),
        (
            lambda d: d["missing_by_answer"].update(qualifying_homicide=["died", "died"]),
            "missing_by_answer.qualifying_homicide",
        ),
        (lambda d: d.update(kinds=[*d["kinds"], *d["kinds"]]), "kinds"),
    ],
)
def test_what_to_json_never_writes_is_refused(change, field):
    """``from_json`` accepted keys of no answer, facts for a settled answer, names that
    are no incident field, facts or kinds twice, and no key for an undetermined answer
    (hostile review): the contract is what ``to_json`` writes."""
    data = _undetermined()
    change(data)
    data["missing"] = list(
        dict.fromkeys(f for fs in data["missing_by_answer"].values() for f in fs)
    )
    with pytest.raises(DataError) as info:
        Classification.from_json(data)
    assert field in {p.field for p in info.value.problems}
    assert "John" not in str(info.value)


def test_tuples_read_as_lists():
    """A tuple of reasons failed with "unknown citation key(s)", and a tuple of missing
    facts as "not once, in order" (hostile review): a sequence is a JSON list."""
    data = _undetermined()
    data = {**data, "reasons": tuple(data["reasons"]), "missing": tuple(data["missing"])}
    assert Classification.from_json(data) == Classification.from_json(_undetermined())


@pytest.mark.parametrize("key", ["confidence", "provision", "source", "document"])
@pytest.mark.parametrize("how", ["absent", "null"])
def test_a_citation_key_is_never_filled_in(key: str, how: str) -> None:
    """A hostile-input review: a reason's citation without ``confidence`` came back
    ``confirmed``, and one without ``provision`` as a citation of no provision."""
    data = classify(Incident(id="a", offence_code="8N")).to_json()
    cited = data["reasons"][0]["citation"]
    if how == "absent":
        del cited[key]
    else:
        cited[key] = None
    with pytest.raises(DataError, match=rf"^reasons\[0\]\.citation\.{key}: expected"):
        Classification.from_json(data)


@pytest.mark.parametrize("key", ["document", "url", "doubt", "as_at"])
@pytest.mark.parametrize(("open_", "close"), [("[", "]"), ('{"a":', "}")])
def test_a_citation_key_nested_deeply_is_a_data_error(key: str, open_: str, close: str) -> None:
    """A hostile review (hostile43): a reason's ``citation.document`` of 500 nested lists
    (valid JSON, as ``json.loads`` reads it) raised RecursionError, not a DataError."""
    data = classify(Incident(id="a", offence_code="8N")).to_json()
    data["reasons"][0]["citation"][key] = json.loads(open_ * 500 + "1" + close * 500)
    with pytest.raises(DataError) as info:
        Classification.from_json(data)
    assert info.value.problems[0].field.startswith("reasons[0].citation")


@pytest.mark.parametrize("text", ['{"id": "A-1", "victim_age": 19}', b'{"id": "A-1"}'])
def test_the_line_as_text_is_told_to_be_parsed_first(text: str | bytes) -> None:
    """user45: a developer who gave ``from_json`` the JSON line itself read "expected a JSON
    object" (they had given one, as text); the error now says to parse it first, for an
    incident and for a classification, and shows none of the text."""
    from svduty.definitions import Classification, Incident

    for read in (Incident.from_json, Classification.from_json):
        with pytest.raises(DataError, match=r"json\.loads\(line\)") as caught:
            read(text)  # type: ignore[arg-type]
        assert "A-1" not in str(caught.value)
