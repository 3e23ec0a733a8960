"""``link_faults`` walks each record once and finds what following every record finds (recheck53).

law53's check followed each record's ``same_body_as`` links to their end: a file of ``n``
records in one chain or loop cost ``n`` squared steps (and, for a loop, ``n`` squared ids
held). It now walks each record once. Property: for any links among unique ids (some to
ids not among them), the faults, their kinds and paths are those the walk from every
record gives (the reference below is law53's loop, kept as the specification).
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from svduty.authorities._same_body import link_faults


def _followed(ids: list[str], links: list[str | None]) -> list[tuple[int, str, tuple[str, ...]]]:
    named = dict(zip(ids, links, strict=True))
    out = []
    for i, (own, link) in enumerate(zip(ids, links, strict=True)):
        if link is None or link not in named:
            continue
        path, seen = [own], {own}
        at: str | None = link
        while at is not None and at not in seen and at in named:
            path.append(at)
            seen.add(at)
            at = named[at]
        if at == own:
            out.append((i, "loop", (*path, own)))
        elif named[link] is not None:
            out.append((i, "chain", (own, link, str(named[link]))))
    return out


graphs = st.integers(1, 8).flatmap(
    lambda n: st.tuples(
        st.permutations([f"r{i}" for i in range(n)]),
        st.lists(st.none() | st.integers(0, n).map(lambda j: f"r{j}"), min_size=n, max_size=n),
    )
)


@given(graphs)
def test_one_walk_finds_what_following_every_record_finds(
    drawn: tuple[list[str], list[str | None]],
) -> None:
    ids, links = drawn
    got = [(f.index, f.kind, f.path) for f in link_faults(ids, links)]
    assert got == _followed(list(ids), links)


def test_a_long_loop_shares_one_route() -> None:
    n = 3000
    ids = [f"r{i}" for i in range(n)]
    faults = link_faults(ids, [f"r{(i + 1) % n}" for i in range(n)])
    assert len(faults) == n
    assert {f.kind for f in faults} == {"loop"}
    assert len({id(f.route) for f in faults}) == 1  # held once, not once per record
    assert faults[5].path[:3] == ("r5", "r6", "r7")
    assert faults[5].path[-1] == "r5"
