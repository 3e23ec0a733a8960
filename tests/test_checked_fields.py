"""Records built in Python are checked when made (a policy and developer review: a body
of kind ``"community_safety_partnership"`` given as text validated with no finding, and
an allocation of floats failed only in ``reconcile``)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import svduty
from svduty.errors import ArgumentError, DataError
from svduty.funding import Allocation, CostCategory, Money, PlanLine
from svduty.governance import (
    AddBody,
    AddRelation,
    Body,
    BodyKind,
    Cadence,
    ChangeCadence,
    Level,
    Relation,
    RelationKind,
    RemoveBody,
    Rename,
    Scenario,
    Tier,
)
from svduty.periods import FinancialYear
from svduty.sources import cite

CIT = cite("svd-guidance")
YEAR = FinancialYear(2023)


def _csp(**kinds: object) -> Body:
    words = {"kind": BodyKind.COMMUNITY_SAFETY_PARTNERSHIP, "level": Level.LOCAL} | kinds
    return Body(
        "new-csp",
        "New Rugby CSP",
        citation=CIT,
        tier=Tier.STRATEGIC,
        districts=("E07000220",),
        **words,
    )  # type: ignore[arg-type]


def test_a_body_of_text_kinds_is_the_body_of_members_and_validates_alike():
    text = _csp(kind="community_safety_partnership", level="local")
    assert text == _csp()
    assert text.kind is BodyKind.COMMUNITY_SAFETY_PARTNERSHIP
    p = svduty.warwickshire()
    rules = [f.rule for f in p.what_if(Scenario("s", "S", [AddBody(text)])).findings.errors]
    assert "GOV-CSP-COVERAGE" in rules


@given(st.sampled_from(list(Cadence)), st.sampled_from(list(RelationKind)))
def test_text_for_an_enumeration_becomes_its_member(cadence, kind):
    assert ChangeCadence("x", cadence.value) == ChangeCadence("x", cadence)
    made = Relation(kind.value, "a", "b", CIT)  # type: ignore[arg-type]
    assert made == Relation(kind, "a", "b", CIT)
    assert AddRelation(made).relation.kind is kind


@pytest.mark.parametrize(
    ("make", "where"),
    [
        (lambda: Allocation(YEAR, 263506.3, Money.zero(), Money.zero(), None), "total"),
        (lambda: Allocation(YEAR, Money.zero(), Decimal("1.5"), Money.zero(), None), "labour"),
        (lambda: PlanLine("s", YEAR, CostCategory.LABOUR, 1000.5), "amount"),
        (lambda: Rename("x", 5), "name"),
        (lambda: RemoveBody(["a"]), "body"),
        (lambda: AddBody("new-csp"), "body"),
    ],
)
def test_a_value_of_the_wrong_type_is_refused_naming_the_field_not_the_value(make, where):
    with pytest.raises(ArgumentError) as info:
        make()
    [problem] = info.value.problems
    assert problem.field is not None
    assert problem.field.endswith(f"({where})")
    assert "263506" not in str(info.value)
    assert "1000.5" not in str(info.value)


def test_text_naming_no_member_lists_the_choices_not_the_text():
    with pytest.raises(DataError) as info:
        ChangeCadence("rugby-csp-board", "every blue moon")  # type: ignore[arg-type]
    assert "blue moon" not in str(info.value)
    assert "'monthly'" in str(info.value)


@pytest.mark.parametrize(
    ("make", "where"),
    [
        (lambda: svduty.Geography("x"), "Geography(areas)"),
        (lambda: svduty.GovernanceGraph("x", ()), "GovernanceGraph(bodies)"),
        (lambda: svduty.Authorities("x"), "Authorities(items)"),
        (lambda: svduty.io.in_scope_counts({"a": 1}), "in_scope_counts(rows)"),
        (lambda: Money.total({"a": 1}), "Money.total(amounts)"),
    ],
)
def test_a_constructor_or_a_mapping_of_the_wrong_kind_is_an_argument_error(make, where):
    """``Geography("x")`` and ``GovernanceGraph("x", ())`` raised an AttributeError from
    inside; a dict given for an iterable of records was taken for one (a hostile review)."""
    with pytest.raises(ArgumentError) as info:
        make()
    assert [p.field for p in info.value.problems] == [where]


@pytest.mark.parametrize("key", ["message", "rule", "severity", "subjects", "where", "citations"])
def test_a_findings_data_cannot_overwrite_what_as_dict_writes(key):
    """``Finding(data=(("message", ...),))`` overwrote the message in ``as_dict()`` (a
    developer's review): such a key is refused."""
    from svduty.findings import Finding, Severity

    with pytest.raises(ArgumentError):
        Finding("r", Severity.ERROR, "real", data=((key, "overwritten"),))
    assert Finding("r", Severity.ERROR, "real", data=(("year", "2023/24"),)).get("year")


def test_a_list_where_a_record_keeps_a_tuple_is_taken_as_the_tuple():
    """The construction checks refused ``StatedTotal(..., [year], ...)`` and
    ``Project(serves=["a"])``, which worked before (a review of the session's own change):
    a list of the right items becomes the tuple, as a bundle's list does."""
    from svduty.funding import Project, StatedTotal

    stated = StatedTotal("x", Money.pounds(5), [YEAR], "", None)  # type: ignore[arg-type]
    assert stated.years == (YEAR,)
    project = Project("p", "P", CostCategory.LABOUR, serves=["a"])  # type: ignore[arg-type]
    assert project.serves == ("a",)
    with pytest.raises(ArgumentError):
        StatedTotal("x", Money.pounds(5), ["2023/24"], "", None)  # type: ignore[list-item]


@given(
    codes=st.lists(st.sampled_from(["E07000218", "E07000219", "E07000220"]), max_size=5),
    wrong=st.sampled_from([987654321, 98765.4321, ["ZZSECRET"], None, b"ZZSECRET"]),
    data=st.data(),
)
def test_a_wrong_item_of_a_list_is_named_by_its_place_not_its_value(codes, wrong, data):
    """``CreateArea(..., ["E07000218", 5])`` said "expected tuple[str, ...] (got a tuple)",
    which does not say which item is wrong (left by the thirty-eighth session's review)."""
    from svduty.governance import CreateArea

    at = data.draw(st.integers(0, len(codes)))
    replaces = [*codes[:at], wrong, *codes[at:]]
    with pytest.raises(ArgumentError) as info:
        CreateArea("north-unitary", "North", replaces)
    [problem] = info.value.problems
    assert problem.field == f"CreateArea(replaces[{at}])"
    assert problem.expected == "str"
    assert "98765" not in str(info.value)
    assert "ZZSECRET" not in str(info.value)


def test_a_wrong_item_is_named_in_a_function_and_in_nested_lists():
    from svduty._checked import checked

    @checked
    def first(words: list[list[str]] | None) -> str:
        return "".join(w.upper() for ws in words for w in ws)  # type: ignore[union-attr]

    with pytest.raises(
        ArgumentError, match=r"first\(words\[1\]\[0\]\): expected str \(got a float"
    ):
        first([["a"], [2.5]])  # type: ignore[list-item]
    with pytest.raises(ArgumentError, match=r"expected list\[list\[str\]\] \| None \(got an int"):
        first(5)  # type: ignore[arg-type]
