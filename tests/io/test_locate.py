"""Locating each distinct place once gives what locating every row by itself gives.

The pipeline resolves the distinct LSOA codes (and locations) of a batch once and spreads
the answers; these tests compare its output with the same pipeline whose resolver is
asked about one row at a time, and check that the dictionary-encoded area columns are
what a cast of their text gives (their values in order of first appearance).
"""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import svduty
from svduty.definitions import Incident, classify
from svduty.errors import ConflictError, UnknownAreaError
from svduty.io import (
    AREA_COLUMNS,
    POLICE_UK_COLUMNS,
    _pipeline,
    classify_batch,
    normalise_police_uk,
)
from svduty.io._locate import KEY, Places, RememberedWithin, place_columns

from ..conftest import fake_classify_table

GEO = svduty.warwickshire().geography
LOCAL = svduty.warwickshire().local_area
CODES = ["E01031180", "E01031012", "E01035020", "E01099999", "E01033620", "E07000222", ""]
NAMES = ["", "Rugby 010E", "Birmingham 012E", "Nowhere", "Warwick 001A", "Nowhere 001A"]
WORDS = (*AREA_COLUMNS, "within_area")


class OneByOne:
    """The geography's look-ups asked about one row at a time (no shortcut can apply).

    Its ``resolve_lsoas`` is bound to it, so the pipeline asks its ``resolve_locations``
    about district codes, as it asks a geography's.
    """

    def resolve_lsoas(self, codes, names):
        parts = [GEO.resolve_lsoas(codes.slice(i, 1), names.slice(i, 1)) for i in range(len(codes))]
        return pa.concat_tables(parts) if parts else GEO.resolve_lsoas(codes, names)

    def resolve_locations(self, codes):
        parts = [GEO.resolve_locations(codes.slice(i, 1)) for i in range(len(codes))]
        return pa.concat_tables(parts) if parts else GEO.resolve_locations(codes)


one_by_one = OneByOne().resolve_lsoas


def police(rows, months=None):
    n = len(rows)
    base = {c: [""] * n for c in POLICE_UK_COLUMNS}
    base["Month"] = months or ["2025-06"] * n
    base["Crime type"] = [c for _, _, c in rows]
    base["LSOA code"] = [code for code, _, _ in rows]
    base["LSOA name"] = [name for _, name, _ in rows]
    return normalise_police_uk(pa.table(base), file="f.csv", rows=pa.array(range(2, n + 2)))


def assert_first_seen(table):
    """Each dictionary starts with its rows' values in order of first appearance, once each.

    (Rows set apart after the batch was put together may leave words of their own at the
    end of a dictionary; a writer encodes the values it writes, so no file shows them.)
    """
    for name in WORDS:
        col = table.column(name)
        assert pa.types.is_dictionary(col.type), name
        for chunk in getattr(col, "chunks", [col]):
            seen = pc.unique(chunk.cast(pa.string()).drop_null()).to_pylist()
            words = chunk.dictionary.to_pylist()
            assert words[: len(seen)] == seen, name
            assert len(set(words)) == len(words), name


ROWS = st.lists(
    st.tuples(
        st.sampled_from(CODES),
        st.sampled_from(NAMES),
        st.sampled_from(["Burglary", "Robbery", "Violence and sexual offences"]),
    ),
    max_size=25,
)


@settings(max_examples=60)
@given(ROWS)
@example(  # a place's first row contradicted by its name: the others' first seen changes
    [
        ("E01031012", "Rugby 010E", "Burglary"),
        ("E01031180", "", "Burglary"),
        ("E01031012", "", "Burglary"),
    ]
)
def test_police_uk_rows_are_located_as_one_by_one(rows):
    batch = police(rows)
    fast = classify_batch(
        batch, resolve_areas=GEO.resolve_lsoas, classify=fake_classify_table, within=LOCAL.within
    )
    slow = classify_batch(
        batch, resolve_areas=one_by_one, classify=fake_classify_table, within=LOCAL.within
    )
    assert fast.to_pylist() == slow.to_pylist()
    good = fast.filter(pc.is_null(fast.column("rejected")))
    assert_first_seen(good)


def scalar(code, name, category, month="2025-06"):
    """What one police.uk row gets, asked about by itself: the scalar look-up, ``within``
    and the scalar classifier. ``None`` for a row rejected because its LSOA code (given)
    resolves neither by code nor by name; ``"conflict"`` for one whose name contradicts
    its code (:meth:`~svduty.areas.Geography.resolve_lsoa` raises ``ConflictError``)."""
    partnership = svduty.warwickshire()
    try:
        m = GEO.resolve_lsoa(code, name)
    except UnknownAreaError:
        if code is not None:
            return None
        where, areas, location = "no_location", {"match": "unresolved"}, None
    except ConflictError:
        return "conflict"  # the name places the row in another district than the code
    else:  # found by its code or, failing that, by its name: located either way
        where = "inside" if m.district_code and LOCAL.within(m.district_code) else "outside"
        areas = {"district_code": m.district_code, "district_name": m.district_name}
        areas["match"] = m.match
        gss = code is not None and code[:1] in "EWSN" and len(code) == 9 and code[1:].isdigit()
        location = m.district_code or (code if gss else None)
    facts = {"police_uk_category": category, "date": month, "location": location}
    c = classify(
        Incident.from_json({k: v for k, v in facts.items() if v is not None}),
        partnership.definition,
        resolve_district=GEO.district_code_of,
    )
    answers = {"violence": c.violence.value, "in_scope": c.in_scope.value}
    return {**areas, "within_area": where, "location": location, **answers}


@settings(max_examples=60, deadline=None)
@given(ROWS)
@example([("", "Warwick 001A", "Robbery")])  # no code, a name in the area: inside
@example([("", "Birmingham 012E", "Robbery")])  # no code, a name outside it: outside
@example([("", "Nowhere 001A", "Robbery"), ("", "Nowhere", "Burglary"), ("", "", "Robbery")])
@example([("E01031180", "Birmingham 012E", "Burglary")])  # Rugby's code: a contradiction
def test_police_uk_rows_are_located_and_classified_as_each_by_itself(rows):
    """The columnar pipeline gives each row what the scalar route gives it alone: a row
    located by its LSOA name alone (no code) is inside or outside by the name's district,
    as its areas and ``location`` say, never ``no_location``."""
    out = svduty.io.default_pipeline()(police(rows)).to_pylist()
    got = {r["row"]: r for r in out}
    for i, (code, name, category) in enumerate(rows):
        want = scalar(code or None, name or None, category)
        row = got[i + 2]
        if want is None or want == "conflict":
            assert row["rejected_field"] == ("LSOA code" if want is None else "LSOA name")
            continue
        assert row["rejected"] is None
        assert {k: row[k] for k in want} == want, (code, name)


@settings(max_examples=60)
@given(
    st.lists(
        st.one_of(
            st.none(),
            st.sampled_from(
                [*CODES[:-1], "E05000001", "X1", "E07000026", "E06000063", "W06000015"]
            ),
        ),
        max_size=25,
    )
)
def test_incidents_are_located_as_one_by_one(places):
    n = len(places)
    batch = pa.table(
        {
            "file": pa.array(["x.jsonl"] * n, pa.string()),
            "row": pa.array(range(1, n + 1), pa.int64()),
            "rejected": pa.nulls(n, pa.string()),
            "rejected_field": pa.nulls(n, pa.string()),
            "id": pa.array([str(i) for i in range(n)], pa.string()),
            "location": pa.array(places, pa.string()),
        }
    )
    kw = {"classify": fake_classify_table, "within": RememberedWithin(LOCAL.within)}
    fast = classify_batch(batch, resolve_areas=GEO.resolve_lsoas, **kw)
    slow = classify_batch(
        batch, resolve_areas=one_by_one, classify=fake_classify_table, within=LOCAL.within
    )
    assert fast.to_pylist() == slow.to_pylist()
    assert_first_seen(fast)


def test_remembered_within_asks_once_and_keeps_refusals_unremembered():
    asked = []

    def within(code):
        asked.append(code)
        if code == "X":
            raise svduty.errors.UnknownAreaError("X")
        return code == "in"

    w = RememberedWithin(within)
    codes = pa.array(["in", "out", None, "in"])
    assert w.inside_codes(codes, False).to_pylist() == ["in"]
    assert w.inside_codes(codes, False).to_pylist() == ["in"]
    assert asked == ["in", "out"]
    assert w.inside_codes(pa.array(["X", "in"]), True).to_pylist() == ["in"]
    with pytest.raises(svduty.errors.UnknownAreaError):  # a refusal is not an answer
        w.inside_codes(pa.array(["X"]), False)
    assert w("in")
    assert asked.count("in") == 1


def test_place_columns_in_any_order_are_first_seen():
    places = pa.table({name: pa.array(["b", "a", "b", None]) for name in WORDS})
    rows = pa.table({"x": [1, 2, 3, 4, 5], KEY: pa.array([3, 2, 0, 2, 1], pa.int32())})
    out = place_columns(rows, Places(places, False), before=None, ordered=False)
    assert out.column("district_code").to_pylist() == [None, "b", "b", "b", "a"]
    assert_first_seen(out)
    gaps = pa.table({"x": [1, 2, 3], KEY: pa.array([1, 1, 3], pa.int32())})
    out = place_columns(gaps, Places(places, True), before="x", ordered=True)
    assert out.column_names == [*WORDS, "x"]
    assert out.column("match").to_pylist() == ["a", "a", None]
    assert_first_seen(out)


def _picky(table):
    """The fake classifier, refusing rows located in E01999998 (naming them, 1-based)."""
    loc = table.column("location").to_pylist()
    bad = [i for i, v in enumerate(loc) if v == "E01999998"]
    if bad:
        raise svduty.errors.DataError(
            [svduty.errors.Problem(row=i + 1, field="location", expected="a place") for i in bad]
        )
    return fake_classify_table(table)


def _named(codes, names):
    """The geography's look-up, which also takes E01999998 to be a (refused) place."""
    t = GEO.resolve_lsoas(codes, names)
    match = pc.if_else(pc.equal(codes, "E01999998"), pa.scalar("name"), t.column("match"))
    return t.set_column(t.schema.get_field_index("match"), "match", match)


@settings(max_examples=40)
@given(
    st.lists(
        st.tuples(
            st.sampled_from([*CODES, "E01999998"]),
            st.sampled_from(NAMES),
            st.sampled_from(["Burglary", "Robbery", "Violence and sexual offences", "Nonsense"]),
        ),
        max_size=30,
    ),
    st.integers(1, 7),
    st.data(),
)
def test_a_long_table_in_slices_is_the_table_in_one_piece(rows, size, data):
    months = data.draw(
        st.lists(st.sampled_from(["2025-06", "2025-13"]), min_size=len(rows), max_size=len(rows))
    )
    batch = pa.Table.from_batches([police(rows, months)])
    kw = {"resolve_areas": _named, "classify": _picky, "within": LOCAL.within}
    whole = classify_batch(batch, **kw)
    saved = _pipeline.SLICE_ROWS
    try:
        _pipeline.SLICE_ROWS = size
        sliced = classify_batch(batch, **kw)
    finally:
        _pipeline.SLICE_ROWS = saved
    assert sliced.to_pylist() == whole.to_pylist()
    assert sliced.schema == whole.schema


def test_columns_that_number_their_rows_alike_share_one_index_array():
    """A district's code and name (and verdicts that agree) are one take over the rows, each
    with its own words: the values are still what a cast of the text gives."""
    from svduty.io import default_pipeline, read_police_uk, sample_police_uk

    out = default_pipeline()(pa.Table.from_batches(list(read_police_uk(sample_police_uk()))))
    code, name = (out.column(c).chunk(0) for c in ("district_code", "district_name"))
    assert code.indices.buffers()[1].address == name.indices.buffers()[1].address
    assert code.dictionary != name.dictionary
    verdicts = [out.column(c).chunk(0) for c in ("violence", "in_scope", "domestic_abuse")]
    shared = {v.indices.buffers()[1].address for v in verdicts}
    assert len(shared) < len(verdicts)
    for c in (*AREA_COLUMNS, "within_area", "violence", "in_scope", "domestic_abuse"):
        text = out.column(c).cast(pa.string())
        assert out.column(c).equals(text.dictionary_encode())
