"""One rule for ``same_body_as`` on every route by which records become a collection (law53).

The rules read two records at a time (``one_body``: one names the other, or both name one
main record), so "the records of one body each name its main record, which names none".
The bundle loader refused a chain (``a`` names ``b``, which names ``c``) and a loop
(recheck52), but :class:`~svduty.authorities.Authorities` built in code and a what-if's
authorities were not checked: ``one_body(a, c)`` was then ``False`` though the records say
``a`` and ``c`` are one legal body, and ``may_disclose`` (s.16(1) "to another person
listed") answered ``yes`` between them. Now the same check refuses them on each route,
with the same message (the class says what was given: a bundle's file, records given
together, a scenario's change). Properties: any arrangement of links is refused by all
three routes or by none, and where accepted ``one_body`` agrees with the links followed
to their end (the transitive reading) for every pair.
"""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import svduty
from svduty.authorities import Authorities, Authority, AuthorityCategory, may_disclose
from svduty.authorities._authority import one_body
from svduty.errors import BundleError, ConflictError, ScenarioError
from svduty.governance import CreateAuthority, Scenario, TransferFunctions, reorganise
from svduty.io import load_authorities
from svduty.sources import cite

from ..disclosure_facts import NOTHING_FORBIDS

COUNTY = "E10000031"
CITE = cite("pcsc-act-2022", "Sch 1")


def _record(i: int, link: int | None) -> Authority:
    return Authority(
        f"r{i}",
        f"Record {i}",
        AuthorityCategory.FIRE_AND_RESCUE_AUTHORITY,
        (COUNTY,),
        CITE,
        same_body_as=None if link is None else f"r{link}",
    )


def _plain(a: Authority) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": a.id,
        "name": a.name,
        "category": a.category.value,
        "areas": list(a.areas),
        "citation": {"source": "pcsc-act-2022", "provision": "Sch 1"},
    }
    if a.same_body_as is not None:
        out["same_body_as"] = a.same_body_as
    return out


def _bodies(records: list[Authority]) -> dict[str, str]:
    """Each record's body: its links followed to the end (a loop: its least id)."""
    named = {a.id: a.same_body_as for a in records}
    out = {}
    for a in records:
        path, at = [a.id], a.same_body_as
        while at is not None and at not in path:
            path.append(at)
            at = named[at]
        out[a.id] = min(path[path.index(at) :]) if at is not None else path[-1]
    return out


def _refused(exc: Exception) -> list[tuple[str | None, str]]:
    assert isinstance(exc, ConflictError | BundleError)
    return sorted((p.field, p.message) for p in exc.problems if "same_body_as" in str(p.field))


def _loaded(records: list[Authority]) -> Authorities | Exception:
    try:
        return load_authorities({"authorities": [_plain(a) for a in records]})
    except BundleError as exc:
        return exc


def _built(records: list[Authority]) -> Authorities | Exception:
    try:
        return Authorities(records)
    except ConflictError as exc:
        return exc


def _what_if(records: list[Authority]) -> Authorities | Exception:
    scenario = Scenario("made", "Made", tuple(CreateAuthority(a) for a in records))
    try:
        return reorganise(Authorities(), (), scenario).authorities
    except ScenarioError as exc:
        return exc


links = st.integers(1, 5).flatmap(
    lambda n: st.lists(st.none() | st.integers(0, n - 1), min_size=n, max_size=n)
)


@given(links)
def test_every_route_gives_the_same_answer(chosen: list[int | None]) -> None:
    records = [_record(i, link) for i, link in enumerate(chosen)]
    loaded, built, made = _loaded(records), _built(records), _what_if(records)
    refused = [isinstance(x, Exception) for x in (loaded, built, made)]
    assert len(set(refused)) == 1, refused
    if isinstance(loaded, Exception):
        assert isinstance(built, Exception)
        assert _refused(loaded) == _refused(built)  # the same fields and messages
        assert _refused(loaded)
        assert "the records of one body each name its main record" in str(made)
        return
    body = _bodies(records)
    for got in (loaded, built, made):
        assert isinstance(got, Authorities)
        for a, b in itertools.product(got.items, repeat=2):
            assert one_body(a, b) == (body[a.id] == body[b.id]), (a.id, b.id)


stars = st.integers(2, 5).flatmap(
    lambda n: st.tuples(
        st.lists(st.none() | st.integers(0, n - 1), min_size=n, max_size=n),
        st.integers(0, n - 1),
        st.integers(0, n - 1),
    )
)


@given(stars)
def test_a_transfer_never_leaves_a_chain(drawn: tuple[list[int | None], int, int]) -> None:
    """A what-if moving functions refuses a chain or loop it would make, naming the records."""
    chosen, source, target = drawn
    # a valid start: each record names a main record (one naming none), or none
    chosen = [x if x is not None and chosen[x] is None and x != i else None
              for i, x in enumerate(chosen)]  # fmt: skip
    records = [_record(i, link) for i, link in enumerate(chosen)]
    start = Authorities(records)
    if source == target:
        return
    scenario = Scenario("move", "Move", (TransferFunctions(f"r{source}", f"r{target}"),))
    # the records moved name the target's body's main record (recheck53)
    main = target if chosen[target] in (None, source) else chosen[target]
    after = [a if a.same_body_as != f"r{source}" else _record(int(a.id[1:]), main) for a in records]
    body = _bodies(after)
    bad = any(
        a.same_body_as is not None
        and (a.same_body_as == a.id or after[int(a.same_body_as[1:])].same_body_as is not None)
        for a in after
    )
    if bad:
        with pytest.raises(ScenarioError) as info:
            reorganise(start, (), scenario)
        assert "changes[0].target" in str(info.value)
        assert f"'r{target}'" in str(info.value)  # the records are named
        return
    got = reorganise(start, (), scenario).authorities
    assert not bad
    for a, b in itertools.product(got.items, repeat=2):
        assert one_body(a, b) == (body[a.id] == body[b.id]), (a.id, b.id)


def test_records_built_in_code_refuse_a_chain() -> None:
    council = Authority("cc", "County Council", AuthorityCategory.COUNTY_COUNCIL, (COUNTY,), CITE)
    fire = Authority(
        "fra", "County Council as FRA", AuthorityCategory.FIRE_AND_RESCUE_AUTHORITY,
        (COUNTY,), CITE, same_body_as="cc",
    )  # fmt: skip
    service = Authority(
        "svc", "Fire Service", AuthorityCategory.FIRE_AND_RESCUE_AUTHORITY, (COUNTY,), CITE,
        same_body_as="fra",
    )  # fmt: skip
    with pytest.raises(ConflictError) as info:
        Authorities((council, fire, service))
    (problem,) = info.value.problems
    assert problem.field == "authorities[2].same_body_as"
    assert problem.message.startswith("names a record that itself names another")
    # named to its main record, the three are one body and s.16(1) has no "another"
    mended = Authorities((council, fire, Authority(
        "svc", "Fire Service", AuthorityCategory.FIRE_AND_RESCUE_AUTHORITY, (COUNTY,), CITE,
        same_body_as="cc",
    )))  # fmt: skip
    a = may_disclose(mended.get("cc"), mended.get("svc"), NOTHING_FORBIDS, on="2024-06-01")
    assert a.verdict.value == "no"


def test_a_what_if_that_would_chain_names_the_records() -> None:
    p = svduty.warwickshire()
    (fire,) = [a for a in p.authorities if a.same_body_as is not None]
    service = Authority(
        "warwickshire-fire-service", "Warwickshire Fire and Rescue Service",
        AuthorityCategory.FIRE_AND_RESCUE_AUTHORITY, fire.areas, CITE, same_body_as=fire.id,
    )  # fmt: skip
    with pytest.raises(ScenarioError) as info:
        p.what_if(Scenario("service", "Service", (CreateAuthority(service),)))
    said = str(info.value)
    assert "changes[0].authority.same_body_as" in said
    assert f"'warwickshire-fire-service' names '{fire.id}', which names '{fire.same_body_as}'" in (
        said
    )
    # the council's functions moved to its own fire record: the record would name itself
    with pytest.raises(ScenarioError, match=r"changes\[0\]\.target: .* in another capacity"):
        p.what_if(
            Scenario("inward", "Inward", (TransferFunctions(str(fire.same_body_as), fire.id),))
        )
