"""``Reason.from_json`` and ``Answer.from_json``: their JSON read back, field-checked (contract45).

A service that receives svduty's answers as JSON (``to_json``) could type a
classification again (``Classification.from_json``) but not a reason or an answer of the
authorities' and governance rules: it had to build them by hand, with none of the
contract's checks. Now each reads back exactly what ``to_json`` writes, and refuses
unknown keys, absent keys, wrong types, an answer without a reason and anything that
would be written back otherwise, naming the field and never the value.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from svduty.answers import Answer, Reason, Verdict
from svduty.errors import DataError
from svduty.sources import CATALOGUE, Confidence, cite

PERSONAL = "Jane Citizen"
S8 = cite("pcsc-act-2022", "s.8(4)")
REASON = Reason("s.8(4)", "consult each relevant authority", S8)

_text = st.text(min_size=1, max_size=12).filter(str.strip)
_ids = st.sampled_from(sorted(CATALOGUE))


@st.composite
def reasons(draw: st.DrawFn) -> Reason:
    unconfirmed = draw(st.booleans())
    citation = cite(
        draw(_ids),
        draw(st.just("") | _text),
        confidence=Confidence.UNCONFIRMED if unconfirmed else Confidence.CONFIRMED,
        doubt=draw(_text) if unconfirmed else None,
    )
    return Reason(draw(_text), draw(st.text(max_size=20)), citation)


@st.composite
def answers(draw: st.DrawFn) -> Answer:
    verdict = draw(st.sampled_from(list(Verdict)))
    missing = (
        draw(st.lists(_text, min_size=1, max_size=3)) if verdict is Verdict.UNDETERMINED else []
    )
    return Answer(
        draw(_text),
        verdict,
        draw(st.lists(reasons(), min_size=1, max_size=3)),
        missing=missing,
        subjects=draw(st.lists(_text, max_size=3)),
        value=draw(st.none() | _text),
    )


@given(reasons())
def test_a_reason_reads_back_as_it_was_written(r: Reason) -> None:
    assert Reason.from_json(r.to_json()) == r


@given(answers())
def test_an_answer_reads_back_as_it_was_written(a: Answer) -> None:
    assert Answer.from_json(a.to_json()) == a
    assert Answer.from_json(a.to_json()).to_json() == a.to_json()


def _answer(**changed: Any) -> dict[str, Any]:
    a = Answer("q", Verdict.UNDETERMINED, (REASON,), missing=("victim_age",))
    return {**a.to_json(), **changed}


def _cited(**changed: Any) -> dict[str, Any]:
    return {**REASON.to_json(), "citation": {**REASON.to_json()["citation"], **changed}}


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({**REASON.to_json(), PERSONAL: 1}, "an unknown field (a name of 12 characters"),
        ({k: v for k, v in REASON.to_json().items() if k != "says"}, "says"),
        ({**REASON.to_json(), "rule": 5}, "rule"),
        ({**REASON.to_json(), "citation": PERSONAL}, "citation"),
        (_cited(document=PERSONAL), "citation.document"),
        (_cited(confidence=PERSONAL), "citation.confidence"),
        (_cited(source=PERSONAL), "citation"),
        ({**REASON.to_json(), "citation": {"source": "pcsc-act-2022"}}, "citation.document"),
    ],
)
def test_a_reason_not_of_the_contract_is_refused_by_its_field(data: Any, field: str) -> None:
    with pytest.raises(DataError) as caught:
        Reason.from_json(data)
    assert field in str(caught.value)
    assert PERSONAL not in str(caught.value)


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (_answer(reasons=[]), "reasons"),  # a decided answer or not: never without a reason
        (_answer(verdict="yes"), "missing"),  # a decided answer has no missing facts
        (_answer(missing=[]), "missing"),
        (_answer(verdict=PERSONAL), "verdict"),
        (_answer(question=None), "question"),
        (_answer(subjects=PERSONAL), "subjects"),
        (_answer(value=5), "value"),
        (_answer(reasons=[_cited(document=PERSONAL)]), "reasons[0].citation.document"),
        (_answer(reasons=[{**REASON.to_json(), "rule": None}]), "reasons[0].rule"),
        ({**_answer(), "row": 1}, "row"),
        ({k: v for k, v in _answer().items() if k != "value"}, "value"),
        ([PERSONAL], "an answer"),
    ],
)
def test_an_answer_not_of_the_contract_is_refused_by_its_field(data: Any, field: str) -> None:
    with pytest.raises(DataError) as caught:
        Answer.from_json(data)
    assert field in str(caught.value)
    assert PERSONAL not in str(caught.value)


def test_an_answer_of_the_rules_reads_back() -> None:
    from svduty.authorities import must_consult_s8
    from svduty.io import load_partnership

    p = load_partnership("warwickshire")
    answer = must_consult_s8(p.authorities, "E07000218", on="2024-01-01")
    assert answer.reasons
    assert Answer.from_json(answer.to_json(), sources=p.sources) == answer
    # a partnership's own source: the error says how to name its catalogue
    with pytest.raises(DataError, match="pass sources="):
        Answer.from_json(answer.to_json())
