"""s.16(1) "another person" given a collection that does not hold every record named (recheck54).

PCSC Act 2022 s.16(1): "A person listed in subsection (2) may disclose information ... to
another person listed in that subsection". law54 made two records given alone answer
``undetermined`` when a ``same_body_as`` link leaves them, and let ``authorities=`` (the
collection they come from) settle it. A collection built in code, or kept for a day
(:meth:`~svduty.authorities.Authorities.as_at`), may hold a record whose ``same_body_as``
names a record it does not hold: the rule that the records of one body each name its main
record, which names none, is then not shown for that record. recheck54 made such a link
``undetermined``; the lead read a ``same_body_as`` as naming the body's main record on every
route instead (fifty-fourth session), so such a collection answers as two records alone do,
and as every completion of it that a collection accepts.

Also: ``may_disclose(a, a, ..., authorities=c)`` did not check that ``a`` is the
collection's own record (``may_require_information`` did); and the records were found by a
scan of the collection once a question (now an index made once a collection).
"""

from __future__ import annotations

import gc
import inspect
import itertools
import weakref

import pytest
from hypothesis import given
from hypothesis import strategies as st

from svduty.authorities import (
    Authorities,
    Authority,
    AuthorityCategory,
    InformationFacts,
    may_disclose,
    may_require_information,
)
from svduty.errors import ConflictError
from svduty.sources import cite

from ..disclosure_facts import NOTHING_FORBIDS

CITE = cite("pcsc-act-2022", "Sch 1")
ON = "2024-06-01"


def _record(name: str, link: str | None = None) -> Authority:
    return Authority(
        name,
        name.upper(),
        AuthorityCategory.DISTRICT_COUNCIL,
        ("E07000901",),
        CITE,
        same_body_as=link,
    )


def test_the_records_index_is_the_collections_own() -> None:
    # the records are found by id once a collection (recheck54: not a scan a question);
    # a record equal to the collection's is its own, an evolved collection is read afresh,
    # and the index neither outlives its collection nor keeps it alive
    index = inspect.unwrap(may_disclose).__globals__["are_one_body"].__globals__["_INDEX"]
    d, e = _record("d"), _record("e")
    first = Authorities((d, e))
    assert may_disclose(_record("d"), e, NOTHING_FORBIDS, on=ON, authorities=first).yes
    kept = first.as_at(ON)
    assert may_disclose(d, e, NOTHING_FORBIDS, on=ON, authorities=kept).yes
    with pytest.raises(ConflictError):
        may_disclose(d, e, NOTHING_FORBIDS, authorities=Authorities((d,)))
    keys, gone = {id(first), id(kept)}, weakref.ref(first)
    assert keys <= index.keys()
    del first, kept
    gc.collect()
    assert gone() is None
    assert not keys & index.keys()


def test_one_record_asked_of_itself_is_checked_against_the_collection() -> None:
    d, other = _record("d"), _record("other")
    with pytest.raises(ConflictError) as e:
        may_disclose(d, d, NOTHING_FORBIDS, authorities=Authorities((other,)))
    assert [p.message for p in e.value.problems] == [
        "the discloser's record 'd' is not among the authorities given",
        "the recipient's record 'd' is not among the authorities given",
    ]
    assert may_disclose(d, d, NOTHING_FORBIDS, authorities=Authorities((d,))).no


def test_a_link_leaving_the_collection_names_the_main_record() -> None:
    # svc names fra, which the collection does not hold: fra is read as svc's main record,
    # so svc and cc are another person, as in every completion a collection accepts
    svc, cc = _record("svc", "fra"), _record("cc")
    partial = Authorities((svc, cc))
    a = may_disclose(svc, cc, NOTHING_FORBIDS, on=ON, authorities=partial)
    assert a.yes
    assert a == may_disclose(svc, cc, NOTHING_FORBIDS, on=ON)
    whole = Authorities((svc, cc, _record("fra")))
    assert may_disclose(svc, cc, NOTHING_FORBIDS, on=ON, authorities=whole).yes
    assert may_disclose(svc, _record("fra"), NOTHING_FORBIDS, on=ON, authorities=whole).no
    with pytest.raises(ConflictError):  # fra naming cc: a chain, refused
        Authorities((svc, cc, _record("fra", "cc")))


# Records r0..r3 in a collection; their links may name each other or x0, x1, held by none.
IDS = ["r0", "r1", "r2", "r3"]
OUT = ["x0", "x1"]
LINKS = st.integers(2, 4).flatmap(
    lambda n: st.lists(st.sampled_from([None, *IDS[:n], *OUT]), min_size=n, max_size=n)
)


def _bodies(named: dict[str, str | None]) -> dict[str, frozenset[str]]:
    parent = {x: x for x in named}

    def root(x: str) -> str:
        while parent[x] != x:
            x = parent[x]
        return x

    for own, link in named.items():
        if link is not None:
            parent[root(own)] = root(link)
    return {own: frozenset(y for y in named if root(y) == root(own)) for own in named}


@given(LINKS)
def test_a_partial_collection_never_answers_against_any_completion(
    links: list[str | None],
) -> None:
    """For any links, some leaving the collection: the answer given the collection is
    settled, the same as the two alone, and holds in every completion of it that a
    collection accepts (the records named added, with any links), their bodies read from
    the links followed whole."""
    records = [_record(IDS[i], link) for i, link in enumerate(links)]
    try:
        partial = Authorities(tuple(records))
    except ConflictError:
        return
    named = sorted({x for x in links if x in OUT})
    completions: list[tuple[dict[str, frozenset[str]], Authorities | None]] = []
    for extra in itertools.product([None, *IDS[: len(records)], *named], repeat=len(named)):
        added = [_record(x, link) for x, link in zip(named, extra, strict=True)]
        bodies = _bodies({x.id: x.same_body_as for x in (*records, *added)})
        try:
            whole: Authorities | None = Authorities((*records, *added))
        except ConflictError:
            whole = None
        completions.append((bodies, whole))
    for a, b in itertools.permutations(records, 2):
        given_partial = may_disclose(a, b, NOTHING_FORBIDS, on=ON, authorities=partial)
        verdict = given_partial.verdict.value
        assert verdict in {"yes", "no"}
        assert given_partial == may_disclose(a, b, NOTHING_FORBIDS, on=ON)
        for bodies, whole in completions:
            if whole is not None:
                assert verdict == ("no" if b.id in bodies[a.id] else "yes")
                w = may_disclose(a, b, NOTHING_FORBIDS, on=ON, authorities=whole)
                assert w.verdict.value == verdict


def test_s17_names_the_body_and_the_recipient_not_a_discloser() -> None:
    # s.17(1): the local policing body requests; the error names its arguments' words
    # (a mutant naming them 'discloser' and 'recipient', as s.16 does, passed every test)
    c = cite("pcsc-act-2022", "s.14")
    pcc = Authority("pcc", "PCC", AuthorityCategory.LOCAL_POLICING_BODY, ("E23000999",), c)
    d = _record("d")
    with pytest.raises(ConflictError) as e:
        may_require_information(
            pcc,
            d,
            InformationFacts(),
            districts_within=lambda code: [code],
            authorities=Authorities((_record("other"),)),
        )
    assert [p.message for p in e.value.problems] == [
        "the body's record 'pcc' is not among the authorities given",
        "the recipient's record 'd' is not among the authorities given",
    ]
