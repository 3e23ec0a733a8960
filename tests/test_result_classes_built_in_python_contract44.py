"""Result classes built in Python are field-checked as loaded records are (contract44).

A developer who builds a reason, an answer, a classification or a funding flow's approval
or receipt in code (a test double, a service passing answers on) got no check: a reason
without a citation was accepted and failed later, far from the mistake, with an
``AttributeError`` when printed; an approval's body given as a number, or a receipt's
period as text, were kept as given.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs
import pytest

from svduty.answers import Answer, Reason, Verdict
from svduty.definitions import Classification, Incident, classify
from svduty.errors import ArgumentError, DataError
from svduty.funding import Approval, Receipt
from svduty.periods import Period, date
from svduty.sources import cite

S13 = cite("pcsc-act-2022", "s.13")
REASON = Reason("s.13", "violence", S13)
PERIOD = Period("2023-04-01", "2023-07-01")
PERSONAL = "Jane Citizen"
C = classify(Incident(id="x", offence_code="3B", context=[], died=False))


@pytest.mark.parametrize(
    ("make", "where"),
    [
        (lambda: Reason("s.13", "violence", None), r"Reason\(citation\)"),
        (lambda: Reason("s.13", 5, S13), r"Reason\(says\)"),
        (lambda: Answer(PERSONAL, Verdict.YES, (Reason(PERSONAL, "x", PERSONAL),)), r"Reason"),
        (lambda: Answer(5, Verdict.YES, (REASON,)), r"Answer\(question\)"),
        (lambda: Answer("q", Verdict.YES, (REASON,), value=5), r"Answer\(value\)"),
        (lambda: Approval(5, "manages all spend", None), r"Approval\(body\)"),
        (lambda: Approval("wcc", "manages all spend", PERSONAL), r"Approval\(citation\)"),
        (lambda: Receipt("2023", True, date("2023-07-01"), None, None), r"Receipt\(period\)"),
        (lambda: Receipt(PERIOD, "no", date("2023-07-01"), None, None), r"Receipt\(in_arrears\)"),
        (lambda: Receipt(PERIOD, True, "2023-07-01", None, None), r"Receipt\(not_before\)"),
        (lambda: attrs.evolve(C, id=5), r"Classification\(id\)"),
        (lambda: attrs.evolve(C, kinds=PERSONAL), r"Classification\(kinds\)"),
        (lambda: attrs.evolve(C, reasons=(PERSONAL,)), r"Classification\(reasons\[0\]\)"),
        (lambda: attrs.evolve(C, basis=None), r"Classification\(basis\)"),
    ],
)
def test_a_result_record_of_the_wrong_type_is_an_argument_error(
    make: Callable[[], Any], where: str
) -> None:
    with pytest.raises(ArgumentError, match=where) as caught:
        make()
    assert PERSONAL not in str(caught.value)


def test_an_answer_word_given_as_text_is_its_member_and_a_wrong_one_is_refused() -> None:
    assert Answer("q", "yes", (REASON,)).verdict is Verdict.YES  # type: ignore[arg-type]
    assert attrs.evolve(C, violence="yes").violence is Verdict.YES  # type: ignore[arg-type]
    with pytest.raises(DataError, match=r"Classification\(violence\): expected one of"):
        attrs.evolve(C, violence="maybe")  # type: ignore[arg-type]


def test_good_records_are_as_before() -> None:
    assert Answer("q", Verdict.YES, [REASON]).reasons == (REASON,)
    assert attrs.evolve(C, kinds=list(C.kinds)) == C
    assert Receipt(PERIOD, True, date("2023-07-01"), None, None).determined is False
    assert Approval("wcc", "manages all spend", None).body == "wcc"
    assert Classification.from_json(C.to_json()) == C
