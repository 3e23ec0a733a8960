"""s.16(1) "another person" from two records never put in a collection (law54).

PCSC Act 2022 s.16(1): "A person listed in subsection (2) may disclose information ... to
another person listed in that subsection". Two records of one legal body (``same_body_as``)
are one person. The rule that the records of one body each name its main record, which
names none, is checked wherever records become a collection (law53); two records given
alone to :func:`~svduty.authorities.may_disclose` were read as if it held. A record naming
a third record not given (``svc`` names ``fra``, which names ``cc``: a chain no collection
accepts) left ``may_disclose(svc, cc)`` ``yes``, though the records say ``svc`` and ``cc``
are one body. law54 made the two alone answer ``undetermined`` naming ``authorities`` when
a link left them; the lead read them as the model says instead (fifty-fourth session: a
``same_body_as`` names the body's main record, as a record naming none is a body of its
own; a chain is a fault of the data that every collection refuses). These tests pin that
reading: two records alone answer as their collection does, whenever a collection accepts
them, and ``authorities=`` checks that each record is the collection's own.
"""

from __future__ import annotations

import itertools

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import svduty
from svduty.answers import Answer
from svduty.authorities import Authorities, Authority, AuthorityCategory, may_disclose
from svduty.errors import ConflictError
from svduty.sources import cite

from ..disclosure_facts import NOTHING_FORBIDS

CITE = cite("pcsc-act-2022", "Sch 1")
ON = "2024-06-01"


def _record(i: int, link: int | None) -> Authority:
    return Authority(
        f"r{i}",
        f"Record {i}",
        AuthorityCategory.DISTRICT_COUNCIL,
        (f"E0700090{i}",),
        CITE,
        same_body_as=None if link is None else f"r{link}",
    )


def _bodies(records: list[Authority]) -> dict[str, frozenset[str]]:
    """Each record's body: every record its links reach, or that reach it, followed whole."""
    named = {a.id: a.same_body_as for a in records}
    parent = {a.id: a.id for a in records}

    def root(x: str) -> str:
        while parent[x] != x:
            x = parent[x]
        return x

    for own, link in named.items():
        if link is not None and link in named:
            parent[root(own)] = root(link)
    groups: dict[str, set[str]] = {}
    for own in named:
        groups.setdefault(root(own), set()).add(own)
    return {own: frozenset(groups[root(own)]) for own in named}


def test_a_record_naming_a_third_is_read_as_naming_its_main_record() -> None:
    # s.16(1) "another person": fra names cc (its main record); svc names nothing: from the
    # two alone, svc is another person than fra, as in every collection that holds them
    cc, fra, svc = _record(1, None), _record(2, 1), _record(3, None)
    alone = may_disclose(fra, svc, NOTHING_FORBIDS, on=ON)
    assert alone.verdict.value == "yes"
    assert alone == may_disclose(
        fra, svc, NOTHING_FORBIDS, on=ON, authorities=Authorities((cc, fra, svc))
    )
    with pytest.raises(ConflictError):  # a chain svc -> fra -> cc is no collection (law53)
        Authorities((cc, fra, attrs.evolve(svc, same_body_as="r2")))


def test_the_partnerships_records_answer_alone_as_with_their_collection() -> None:
    # a county council's fire and rescue authority record names it; a district council does
    # not: s.16(1) lets the one disclose to the other
    p = svduty.warwickshire()
    (fire,) = [a for a in p.authorities if a.same_body_as is not None]
    other = next(a for a in p.authorities if a.id not in {fire.id, fire.same_body_as})
    alone = may_disclose(fire, other, NOTHING_FORBIDS, on=ON)
    assert alone.verdict.value == "yes"
    assert alone == may_disclose(fire, other, NOTHING_FORBIDS, on=ON, authorities=p.authorities)
    main = p.authorities.get(str(fire.same_body_as))
    own = may_disclose(fire, main, NOTHING_FORBIDS, on=ON)  # the link is read from the two
    assert own.verdict.value == "no"
    assert own == may_disclose(fire, main, NOTHING_FORBIDS, on=ON, authorities=p.authorities)


def test_a_record_not_the_collections_own_is_a_conflict() -> None:
    cc, fra, d = _record(1, None), _record(2, 1), _record(4, None)
    together = Authorities((cc, fra))
    with pytest.raises(ConflictError) as e:
        may_disclose(fra, d, NOTHING_FORBIDS, authorities=together)
    assert [(p.field, p.message) for p in e.value.problems] == [
        ("authorities", "the recipient's record 'r4' is not among the authorities given")
    ]
    renamed = Authority("r2", "Other", AuthorityCategory.DISTRICT_COUNCIL, ("E07000909",), CITE)
    with pytest.raises(ConflictError) as e:
        may_disclose(renamed, cc, NOTHING_FORBIDS, authorities=together)
    assert "discloser's record 'r2' is not the record of that id" in str(e.value)


LINKS = st.integers(1, 4).flatmap(
    lambda n: st.lists(st.one_of(st.none(), st.integers(0, n - 1)), min_size=n, max_size=n)
)


@given(LINKS)
def test_two_records_alone_answer_as_any_collection_that_accepts_them(
    links: list[int | None],
) -> None:
    """For any links (a chain or loop included): where a collection accepts them, ``yes``
    only between two bodies and ``no`` only within one, and the two alone the same; never
    ``undetermined`` for want of the collection."""
    records = [_record(i, link) for i, link in enumerate(links)]
    bodies = _bodies(records)
    try:
        together: Authorities | None = Authorities(tuple(records))
    except ConflictError:
        together = None
    for a, b in itertools.permutations(records, 2):
        alone = may_disclose(a, b, NOTHING_FORBIDS, on=ON)
        assert alone.verdict.value in {"yes", "no"}
        if together is not None:
            one = b.id in bodies[a.id]
            whole = may_disclose(a, b, NOTHING_FORBIDS, on=ON, authorities=together)
            assert whole.verdict.value == ("no" if one else "yes")
            assert alone == whole


def test_s17_does_not_turn_on_one_body() -> None:
    # s.17(1): "request any person listed in subsection (2)": not only another person
    from svduty.authorities import InformationFacts, may_require_information

    c = cite("pcsc-act-2022", "s.14")
    main = Authority("mca", "Mayor", AuthorityCategory.LOCAL_POLICING_BODY, ("E23000999",), c)
    lpb = Authority(
        "mca-pcc", "Mayor (PCC functions)", AuthorityCategory.LOCAL_POLICING_BODY,
        ("E23000999",), c, same_body_as="mca",
    )  # fmt: skip
    d = _record(1, None)
    facts = InformationFacts(True, True, True, True, False, False, False, False)
    within = {"E23000999": ["E07000901"]}

    def ask(authorities: Authorities | None) -> Answer:
        return may_require_information(
            lpb,
            d,
            facts,
            districts_within=lambda code: within.get(code, [code]),
            on=ON,
            authorities=authorities,
        )

    alone, whole = ask(None), ask(Authorities((main, lpb, d)))
    assert alone.verdict.value == whole.verdict.value == "yes"
    assert not any(r.says.startswith("not known: whether") for r in alone.reasons)
    with pytest.raises(ConflictError):
        ask(Authorities((main, lpb)))


def test_alone_names_the_fact_that_could_change_it() -> None:
    # two probation providers, one naming a record not given: whether both are the
    # Secretary of State (OMA 2007 s.3(6)(b): one person) settles s.16(1)
    p = AuthorityCategory.PROVIDER_OF_PROBATION_SERVICES
    a = Authority("a", "A", p, ("E07000901",), CITE, same_body_as="x")
    b = Authority("b", "B", p, ("E07000902",), CITE)
    alone = may_disclose(a, b, NOTHING_FORBIDS, on=ON)
    assert alone.verdict.value == "undetermined"
    assert [m.split(" (")[0] for m in alone.missing] == ["provider_is_secretary_of_state"]
    both = [attrs.evolve(r, provider_is_secretary_of_state=True) for r in (a, b)]
    assert may_disclose(*both, NOTHING_FORBIDS, on=ON).verdict.value == "no"
    x = Authority("x", "X", p, ("E07000903",), CITE)
    whole = may_disclose(a, b, NOTHING_FORBIDS, on=ON, authorities=Authorities((x, a, b)))
    assert whole.missing == alone.missing
