"""Bounded counts: certain <= possible, every row counted once, inside and outside apart."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pyarrow as pa
import pyarrow.compute as pc
import pytest
from hypothesis import given
from hypothesis import strategies as st

import svduty
from svduty.definitions import OFFENCES, STATUTE
from svduty.errors import DataError
from svduty.io import (
    GROUPINGS,
    BoundedCounts,
    Settlement,
    bounded_counts,
    default_pipeline,
    read_police_uk,
    sample_police_uk,
)
from svduty.io._bounds import COUNT_COLUMNS, WITHIN_AREA

DISTRICTS = [("E07000220", "Rugby"), ("E07000222", "Warwick"), ("E08000026", "Coventry")]

row = st.tuples(
    st.sampled_from(DISTRICTS),
    st.sampled_from(["2025-05", "2025-06"]),
    st.sampled_from([*WITHIN_AREA, None]),
    st.sampled_from(["yes", "undetermined", "no"]),
    st.sampled_from(["Robbery", "Public order", "Drugs", None]),
)


def table(rows):
    return pa.table(
        {
            "district_code": pa.array([r[0][0] for r in rows], pa.string()),
            "district_name": pa.array([r[0][1] for r in rows], pa.string()),
            "month": pa.array([r[1] for r in rows], pa.string()),
            "within_area": pa.array([r[2] for r in rows], pa.string()),
            "in_scope": pa.array([r[3] for r in rows], pa.string()),
            "police_uk_category": pa.array([r[4] for r in rows], pa.string()),
        }
    )


@given(st.lists(row, max_size=40), st.integers(min_value=1, max_value=7))
def test_bounds_hold_and_every_row_is_counted_once(rows, chunk):
    counter = BoundedCounts()
    t = table(rows)
    for start in range(0, max(len(rows), 1), chunk):  # any split into batches
        counter.add(t.slice(start, chunk))
    totals = counter.totals().to_pylist()
    assert sum(r["rows"] for r in totals) == len(rows)
    for grouping in GROUPINGS:
        out = counter.table(grouping).to_pylist()
        assert sum(r["rows"] for r in out) == len(rows)
        for r in out:
            assert 0 <= r["certain"] <= r["possible"] <= r["rows"]
            assert r["certain"] == r["yes"]
            assert r["possible"] == r["yes"] + r["undetermined"]
            assert r["possible"] + r["no"] == r["rows"]
        for where in WITHIN_AREA:  # inside + outside + unlocated = all, never mixed
            expected = sum(1 for x in rows if (x[2] or "no_location") == where)
            assert sum(r["rows"] for r in out if r["within_area"] == where) == expected
    order = [WITHIN_AREA.index(r["within_area"]) for r in totals]
    assert order == sorted(order)


@given(st.lists(row, min_size=1, max_size=20))
def test_the_certain_count_is_the_yes_rows_inside(rows):
    out = bounded_counts(table(rows))
    inside = [r for r in out["totals"] if r["within_area"] == "inside"]
    expected = sum(1 for r in rows if r[2] == "inside" and r[3] == "yes")
    assert (inside[0]["certain"] if inside else 0) == expected


def test_many_batches_are_merged_as_they_stream():
    rows = [(DISTRICTS[i % 3], "2025-06", "inside", "undetermined", "Robbery") for i in range(90)]
    counter = BoundedCounts()
    for r in rows:
        counter.add(table([r]).to_batches()[0])
    assert counter.table("district")["rows"].to_pylist() == [30, 30, 30]
    assert counter.totals()["possible"].to_pylist() == [90, 0, 0]


def test_rejected_rows_are_not_counted_and_typed_columns_are_read():
    t = pa.table(
        {
            "rejected": pa.array([None, "Month: bad", None], pa.string()),
            "month": pa.array([dt.date(2025, 6, 1)] * 3, pa.date32()),
            "within_area": pa.array([True, None, None], pa.bool_()),
            "in_scope": pa.array(["yes", None, "no"]).dictionary_encode(),
            "lsoa_code": pa.array([1, 2, 3], pa.int64()),
        }
    )
    counter = BoundedCounts(groupings={"month": ("month",), "lsoa": ("lsoa_code",)})
    counter.add(t)
    assert counter.table("month").select(["within_area", "month", "rows"]).to_pylist() == [
        {"within_area": "inside", "month": "2025-06", "rows": 1},
        {"within_area": "no_location", "month": "2025-06", "rows": 1},
    ]
    assert counter.table("lsoa")["lsoa_code"].to_pylist() == ["1", "3"]
    none = BoundedCounts(groupings={}).totals()
    assert none["within_area"].to_pylist() == list(WITHIN_AREA)
    assert none["rows"].to_pylist() == [0, 0, 0]


def test_every_place_has_its_total_line_and_no_reason_is_given_for_no_rows():
    """A needs assessment reads a line left out as one not counted (zeros are said)."""
    counter = BoundedCounts()
    counter.add(table([(DISTRICTS[0], "2025-06", "outside", "undetermined", "Robbery")]))
    totals = {r["within_area"]: r for r in counter.totals().to_pylist()}
    assert list(totals) == list(WITHIN_AREA)
    assert (totals["inside"]["rows"], totals["outside"]["possible"]) == (0, 1)
    assert counter.why_nothing_certain("inside") is None  # no row there: nothing to explain
    assert counter.why_nothing_certain("outside") is not None
    assert set(counter.to_json()["why_nothing_certain"]) == {"outside"}


def test_bad_input_is_named():
    with pytest.raises(DataError, match="in_scope: expected a column"):
        BoundedCounts().add(pa.table({"within_area": ["inside"]}))
    with pytest.raises(DataError, match="in_scope"):
        BoundedCounts().add(pa.table({"within_area": ["inside"], "in_scope": ["maybe"]}))
    with pytest.raises(DataError, match="verdict"):
        BoundedCounts(verdict="homicide_review")
    with pytest.raises(KeyError):
        BoundedCounts().table("no-such-grouping")


def test_why_nothing_certain_says_why_or_nothing():
    counter = BoundedCounts(groupings={"month": ("month",)})
    counter.add(
        pa.table(
            {
                "within_area": ["inside", "outside", "no_location"],
                "month": ["2025-06"] * 3,
                "in_scope": ["undetermined", "no", "yes"],
                "basis": ["category", "offence_code", "category"],
            }
        )
    )
    inside = counter.why_nothing_certain("inside")
    assert inside is not None
    assert "the facts given do not settle" in inside
    assert counter.why_nothing_certain("outside") == (
        "nothing is certain outside the area: the row is answered no"
    )
    assert counter.why_nothing_certain("no_location") is None
    assert BoundedCounts(groupings={"m": ("month",)}).why_nothing_certain() is None


def test_why_nothing_certain_speaks_of_its_own_rows_categories():
    # 2019-01 of Warwickshire Police: 42 robberies inside the area are certain by their
    # category alone, while nothing outside is; the page said of the outside rows that "no
    # category settles in_scope on its own", which the robberies above it contradict.
    counter = BoundedCounts(groupings={"month": ("month",)})
    counter.add(
        pa.table(
            {
                "within_area": ["inside", "outside"],
                "month": ["2019-01"] * 2,
                "police_uk_category": ["Robbery", "Public order"],
                "in_scope": ["yes", "undetermined"],
                "basis": ["category", "category"],
            }
        )
    )
    outside = counter.why_nothing_certain("outside")
    assert outside is not None
    assert "no category settles" not in outside
    assert "none of their categories settles in_scope on its own" in outside


def test_settlement_sentences():
    every = Settlement("inside", "Robbery", 5, 5, ("offence_code",), ())
    assert "an offence code would settle all 5" in every.text()
    some = Settlement("inside", "Burglary", 5, 0, ("offence_code",), ("victim_age",), 16, 12)
    assert "for 12 of the 16 offence codes" in some.text()
    assert "still needed: victim_age" in some.text()
    none = Settlement("inside", "Public order", 5, 0, ("behaviours",), ("harms",), 4, 0)
    assert "an offence code alone would not settle them" in none.text()
    assert none.to_json()["codes"] == 4


@pytest.fixture(scope="module")
def month():
    pipe = default_pipeline()
    return pa.Table.from_batches([pipe(b) for b in read_police_uk(sample_police_uk())])


def test_the_real_month_is_bounded_and_its_undetermined_rows_explained(month):
    p = svduty.warwickshire()
    out = bounded_counts(
        month, definition=p.definition, resolve_district=p.geography.district_code_of
    )
    inside_rows = month.filter(pc.equal(month["within_area"], "inside"))
    answers = Counter(inside_rows["in_scope"].to_pylist())
    inside = next(r for r in out["totals"] if r["within_area"] == "inside")
    assert inside["rows"] == inside_rows.num_rows == 4510
    assert inside["certain"] == answers["yes"]
    assert inside["possible"] == answers["yes"] + answers["undetermined"]
    assert inside["no"] == answers["no"]
    assert ("inside" in out["why_nothing_certain"]) == (answers["yes"] == 0)
    settle = [s for s in out["settle"] if s["within_area"] == "inside"]
    assert sum(s["rows"] for s in settle) == inside["undetermined"]
    vso = next(s for s in settle if s["category"] == "Violence and sexual offences")
    codes = sum(
        1
        for o in OFFENCES
        if o.police_uk_category == "Violence and sexual offences" and o.code != "1/4.1/4.10/4.2"
    )  # the homicide group is counted as its four parts (tests/io/test_settle_codes.py)
    assert vso["codes"] == codes
    assert 0 < vso["codes_settling"] < vso["codes"]
    assert "offence_code" in vso["missing"]
    assert "offence_code" not in vso["after_code"]
    assert set(COUNT_COLUMNS) <= set(out["by"]["district"][0])


def test_rows_without_a_category_are_reported_as_such():
    counter = BoundedCounts(verdict="violence", groupings={})
    counter.add(pa.table({"within_area": ["inside"], "violence": ["undetermined"]}))
    (s,) = counter.settlements(STATUTE)
    assert s.category is None
    assert s.text().endswith("the facts given do not settle them")
    assert BoundedCounts(groupings={}).settlements(STATUTE) == ()


def test_rows_an_offence_code_always_settles_are_counted(monkeypatch):
    import svduty.io._settle as settle

    # were 62A (violence: yes) the only code published under 'Public order', any code
    # would settle the rows
    monkeypatch.setattr(settle, "_codes_by_category", lambda: {"Public order": ("62A",)})
    counter = BoundedCounts(verdict="violence", groupings={})
    counter.add(
        pa.table(
            {
                "within_area": ["inside"] * 2,
                "month": ["2025-06"] * 2,
                "police_uk_category": ["Public order"] * 2,
                "violence": ["undetermined"] * 2,
            }
        )
    )
    (s,) = counter.settlements(STATUTE)
    assert (s.rows, s.by_offence_code, s.codes, s.codes_settling) == (2, 2, 1, 1)
    assert "an offence code would settle all 2" in s.text()


def _repeating_dictionary(values: pa.Array) -> pa.Array:
    """``values`` dictionary-encoded through a dictionary that repeats every value and holds
    one unused word (as the pipeline's own dictionaries may)."""
    enc = pc.dictionary_encode(values)
    words = pa.concat_arrays([enc.dictionary, enc.dictionary, pa.array(["unused"], values.type)])
    shift = pa.array([(i % 2) * len(enc.dictionary) for i in range(len(values))], pa.int32())
    return pa.DictionaryArray.from_arrays(pc.add(enc.indices, shift), words)


@given(st.lists(row, max_size=40), st.integers(min_value=1, max_value=7))
def test_dictionary_columns_count_as_their_values(rows, chunk):
    """Counting by dictionary indices gives the tables counting the text gives."""
    plain, coded = BoundedCounts(), BoundedCounts()
    t = table(rows).append_column(
        "basis",
        pa.array([["category", None, "facts"][i % 3] for i in range(len(rows))], pa.string()),
    )
    d = pa.table({n: _repeating_dictionary(t.column(n).combine_chunks()) for n in t.column_names})
    for start in range(0, max(len(rows), 1), chunk):
        plain.add(t.slice(start, chunk))
        coded.add(d.slice(start, chunk))
    assert coded.to_json() == plain.to_json()
    assert coded._undetermined().to_pylist() == plain._undetermined().to_pylist()
    assert coded._basis == plain._basis


def test_a_word_outside_the_answers_is_refused_in_a_dictionary_too():
    t = pa.table({"within_area": ["inside"] * 2, "in_scope": ["yes", "maybe"]})
    d = pa.table({n: t.column(n).dictionary_encode() for n in t.column_names})
    for rows in (t, d):
        with pytest.raises(DataError, match="1 rows have another value"):
            BoundedCounts(groupings={}).add(rows)
    ok = pa.table({"within_area": ["inside"], "in_scope": _repeating_dictionary(pa.array(["no"]))})
    assert BoundedCounts(groupings={}).add(ok).num_rows == 1


def test_many_key_columns_of_many_values_are_renumbered_not_overflowed():
    """Eight key columns of 300 values each: their combined numbers would pass 2**62."""
    n = 300
    cols = {f"k{i}": pa.array([f"v{(r + i) % n}" for r in range(n)]) for i in range(8)}
    rows = pa.table(
        {**cols, "within_area": ["inside"] * n, "in_scope": ["yes", "no", "undetermined"] * 100}
    )
    counter = BoundedCounts(groupings={"all": tuple(cols), "first": ("k0",)})
    counter.add(rows)
    table = counter.table("all")
    assert table.num_rows == n
    assert sum(table.column("certain").to_pylist()) == 100
    assert sorted(table.column("rows").to_pylist()) == [1] * n


def test_a_row_without_an_answer_is_refused_not_dropped():
    """A null verdict is not a count of nothing: it is refused, as any other value is."""
    from svduty.errors import DataError
    from svduty.io import bounded_counts

    t = pa.table({"within_area": ["inside", "inside"], "in_scope": ["yes", None]})
    with pytest.raises(DataError, match="1 rows have another value"):
        bounded_counts(t, groupings={})
    coded = t.set_column(1, "in_scope", t.column("in_scope").dictionary_encode())
    with pytest.raises(DataError, match="1 rows have another value"):
        bounded_counts(coded, groupings={})


def test_chunks_whose_dictionaries_hold_a_null_word_are_counted():
    from svduty.io import BoundedCounts

    words = pa.DictionaryArray.from_arrays(pa.array([1, 1, 1], pa.int32()), [None, "category"])
    one = pa.table(
        {
            "within_area": ["inside"] * 3,
            "in_scope": ["yes", "no", "undetermined"],
            "month": ["2025-06"] * 3,
            "basis": words,
        }
    )
    two = pa.concat_tables([one, one])
    assert two.column("basis").num_chunks == 2
    counted, plain = (
        BoundedCounts(groupings={"month": ("month",)}),
        BoundedCounts(groupings={"month": ("month",)}),
    )
    counted.add(two)
    plain.add(two.set_column(3, "basis", two.column("basis").cast(pa.string())))
    assert counted.to_json() == plain.to_json()


def test_settlements_of_as_many_rows_are_listed_by_category_whatever_the_row_order():
    """Ties in rows are ordered by category: not by the order the rows were grouped in."""
    from svduty.definitions import STATUTE
    from svduty.io._settle import settle

    combos = [
        {
            "within_area": "inside",
            "police_uk_category": c,
            "month": "2025-06",
            "location": None,
            "rows": 2,
        }
        for c in ("Public order", "Robbery", "Criminal damage and arson")
    ]
    first = settle(combos, "violence", STATUTE)
    again = settle(list(reversed(combos)), "violence", STATUTE)
    assert [s.category for s in first] == [s.category for s in again]
    assert [s.category for s in first] == sorted(s.category for s in first)
