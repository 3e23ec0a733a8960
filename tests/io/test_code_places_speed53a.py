"""The LSOA codes a job has met are remembered with their places (speed53a).

The default pipeline's ``within`` (:class:`~svduty.io._locate.RememberedWithin`) keeps each
LSOA code it has located with its areas and place, so a later batch looks up only codes it
has not met. A batch located so must be what locating it afresh gives, whatever batches
came before it (codes met and new, unknown codes, no code, names that resolve where the
code does not, names that contradict the code), and the look-up must be asked only about
codes not met before.
"""

from __future__ import annotations

import pyarrow as pa
from hypothesis import example, given, settings
from hypothesis import strategies as st

import svduty
from svduty.io import classify_batch
from svduty.io._locate import RememberedWithin, _code_places

from ..conftest import fake_classify_table
from .test_locate import CODES, NAMES, police

GEO = svduty.warwickshire().geography
LOCAL = svduty.warwickshire().local_area

BATCHES = st.lists(
    st.lists(
        st.tuples(
            st.sampled_from([*CODES, "E01031330", "W01000001"]),
            st.sampled_from([*NAMES, "Warwick 003C"]),
            st.sampled_from(["Burglary", "Robbery", "Violence and sexual offences"]),
        ),
        max_size=20,
    ),
    min_size=1,
    max_size=5,
)


@settings(max_examples=60, deadline=None)
@given(BATCHES)
@example(  # a code met first without a name, then with one that places it
    [
        [("E01099999", "", "Burglary")],
        [("E01099999", "Warwick 001A", "Robbery"), ("", "", "Burglary")],
        [("E01031180", "Birmingham 012E", "Burglary"), ("E01099999", "", "Robbery")],
    ]
)
def test_batches_are_located_as_each_alone(batches):
    remembered = RememberedWithin(LOCAL.within)
    for rows in batches:
        batch = police(rows)
        kept = classify_batch(
            batch, resolve_areas=GEO.resolve_lsoas, classify=fake_classify_table, within=remembered
        )
        afresh = classify_batch(
            batch,
            resolve_areas=GEO.resolve_lsoas,
            classify=fake_classify_table,
            within=LOCAL.within,
        )
        assert kept.to_pylist() == afresh.to_pylist()
        assert kept.schema == afresh.schema


def test_only_codes_not_met_are_looked_up():
    asked: list[list[str | None]] = []

    def resolve(codes, names):
        asked.append(codes.to_pylist())
        return GEO.resolve_lsoas(codes, names)

    remembered = RememberedWithin(LOCAL.within)
    first = _code_places(pa.array(["E01031180", None, "E01099999"]), resolve, remembered)
    again = _code_places(pa.array(["E01099999", "E01031180"]), resolve, remembered)
    more = _code_places(pa.array(["E01031012", "E01031180"]), resolve, remembered)
    assert asked == [["E01031180", None, "E01099999"], ["E01031012", "E01031180"]]
    assert again.to_pylist() == first.take([2, 0]).to_pylist()
    assert (
        more.to_pylist()
        == _code_places(pa.array(["E01031012", "E01031180"]), resolve, LOCAL.within).to_pylist()
    )
    assert more.column("within_area").to_pylist() == ["inside", "inside"]


def test_another_look_up_is_not_answered_from_the_first():
    remembered = RememberedWithin(LOCAL.within)

    def nowhere(codes, names):
        return pa.table(
            {"lsoa_code": codes, "match": pa.repeat(pa.scalar("unresolved"), len(codes))}
        )

    _code_places(pa.array(["E01031180"]), GEO.resolve_lsoas, remembered)
    other = _code_places(pa.array(["E01031180"]), nowhere, remembered)
    assert other.column("unresolved").to_pylist() == [True]
    assert other.column("district_code").to_pylist() == [None]


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.lists(st.sampled_from([*CODES, "E01031330", "W01000001", None]), max_size=8),
        min_size=1,
        max_size=6,
    ),
    st.integers(1, 5),
)
def test_codes_kept_at_most_the_limit(batches, most):
    """At most ``_MOST_CODES`` codes are kept, whatever a batch holds (review53a).

    A batch of more distinct codes than the limit was kept whole (the memo then held more
    than the 65,536 the docs promise); every batch is still located as afresh.
    """
    import svduty.io._locate as locate

    kept_before = locate._MOST_CODES
    locate._MOST_CODES = most
    try:
        remembered = RememberedWithin(LOCAL.within)
        for codes in batches:
            distinct = pa.array(list(dict.fromkeys(codes)), pa.string())
            got = _code_places(distinct, GEO.resolve_lsoas, remembered)
            afresh = _code_places(distinct, GEO.resolve_lsoas, LOCAL.within)
            assert got.to_pylist() == afresh.to_pylist()
            held = remembered.places.get("codes")
            assert held is None or len(held[1]) <= most
    finally:
        locate._MOST_CODES = kept_before
