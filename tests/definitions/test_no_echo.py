"""No error of the definitions echoes a value that could be personal data (a fuzz test).

Every value and key given to the one-incident classifier, the columnar classifier and a
definition carries a marker (a name: capitals and a space, the shape no error shows); the
text of every error raised, and of every row refused, must not contain it.
"""

from __future__ import annotations

from typing import Any

import attrs
import pyarrow as pa
import pytest
from hypothesis import given
from hypothesis import strategies as st

from svduty.definitions import (
    Definition,
    Incident,
    Included,
    LocalKind,
    classify_split,
    classify_table,
)
from svduty.errors import DataError, SvdutyError
from svduty.sources import cite

MARK = "Jane Citizen"
FIELDS = [a.name for a in attrs.fields(Incident)]
TEXT = st.builds(lambda a, b: a + MARK + b, st.text(max_size=6), st.text(max_size=6))
VALUE = st.one_of(TEXT, st.lists(TEXT, min_size=1, max_size=3))


def _clean(error: BaseException) -> None:
    texts = [str(error), *(str(a) for a in error.args)]
    texts += [str(p) for p in getattr(error, "problems", ())]
    texts += [repr(p) for p in getattr(error, "problems", ())]
    for text in texts:
        assert MARK not in text, text


def _table(field: str, value: Any) -> pa.Table:
    return pa.table({field: pa.array([value, None])})


@given(st.sampled_from(FIELDS), VALUE)
def test_a_bad_value_is_never_echoed(field, value):
    for call in (lambda: Incident(**{field: value}), lambda: Incident.from_json({field: value})):
        try:
            call()
        except SvdutyError as exc:
            _clean(exc)
    try:
        _, problems = classify_split(_table(field, value))
    except SvdutyError as exc:  # a column of the wrong type altogether
        _clean(exc)
    else:
        for p in problems:
            _clean(DataError([p]))
    try:
        classify_table(_table(field, value))
    except SvdutyError as exc:
        _clean(exc)


@given(st.one_of(TEXT, st.builds(lambda t: t.lower().replace(" ", "_") + "!", TEXT)), VALUE)
def test_an_unknown_key_is_never_echoed(key, value):
    with pytest.raises(DataError) as info:
        Incident.from_json({key: value, "weapon": "knife"}, line=2, file="in.jsonl")
    _clean(info.value)
    assert f"an unknown field (a name of {len(key)} character" in str(info.value)
    said = str(info.value)
    # what is known: every field, or the one field the hidden name is near (lead56: a name
    # near a field, e.g. one ending "area!", drew the suggestion in a developer run)
    near = [f for f in FIELDS if said.endswith(f"(did you mean {f}?)")]
    assert "expected one of id, date, offence_code" in said or len(near) == 1, said


@pytest.mark.parametrize(
    ("key", "said"),
    [
        ("jane_citizen:area!", "expected an incident field (did you mean location?)"),
        ("jane_citizen:zzzz!", "expected one of id, date, offence_code"),
    ],
)
def test_an_unknown_key_is_answered_with_what_is_known(key, said):
    with pytest.raises(DataError) as info:
        Incident.from_json({key: "x", "weapon": "knife"}, line=2, file="in.jsonl")
    _clean(info.value)
    assert said in str(info.value)


def test_a_key_like_a_field_name_is_named():
    with pytest.raises(DataError) as info:
        Incident.from_json({"weapn": "knife", 7: 1}, line=2)  # type: ignore[dict-item]
    assert [p.field for p in info.value.problems] == [
        "weapn",
        "an unknown field (a number of 1 digit, not shown)",
    ]


@given(TEXT)
def test_a_definition_never_echoes_a_word(word):
    c = cite("pcsc-act-2022", "s.13")
    attempts = [
        lambda: Definition("x", "X", c, include=(Included(word, c),)),
        lambda: Definition("x", "X", c, include=(Included("s13_violence", c, when=word),)),
        lambda: Definition("x", "X", c, include=(Included("s13_violence", c),), presume=(word,)),
        lambda: Definition(
            "x",
            "X",
            c,
            include=(Included("s13_violence", c),),
            kinds=(LocalKind(word, "W", c, context=(word,), any_of=(word,)),),
        ),
    ]
    for attempt in attempts:
        try:
            attempt()
        except SvdutyError as exc:
            _clean(exc)
