"""In-scope counts by district and month, and their chart."""

from __future__ import annotations

import sys

import matplotlib
import pyarrow as pa
import pytest
from hypothesis import given
from hypothesis import strategies as st

import svduty
from svduty.io import ANSWERS, in_scope_counts, plot_in_scope

matplotlib.use("Agg")

DISTRICTS = {"E07000220": "Rugby", "E07000222": "Warwick", None: None}

row = st.tuples(
    st.sampled_from(sorted(DISTRICTS, key=str)),
    st.sampled_from(["2025-05", "2025-06"]),
    st.sampled_from(["inside", "outside", "no_location"]),
    st.sampled_from(ANSWERS),
)


def table(rows):
    return pa.table(
        {
            "district_code": pa.array([r[0] for r in rows], pa.string()),
            "district_name": pa.array([DISTRICTS[r[0]] for r in rows], pa.string()),
            "month": pa.array([r[1] for r in rows], pa.string()),
            "within_area": pa.array([r[2] for r in rows], pa.string()),
            "in_scope": pa.array([r[3] for r in rows], pa.string()),
        }
    )


@given(st.lists(row, max_size=30), st.booleans())
def test_counts_account_for_every_counted_row(rows, inside_only):
    counted = [r for r in rows if r[0] is not None and (r[2] == "inside" or not inside_only)]
    out = in_scope_counts(table(rows), inside_only=inside_only).to_pylist()
    assert sum(o["rows"] for o in out) == len(counted)
    for o in out:
        assert o["rows"] == o["yes"] + o["undetermined"] + o["no"]
        cell = [r for r in counted if r[0] == o["district_code"] and r[1] == o["month"]]
        assert o["yes"] == sum(r[3] == "yes" for r in cell)
    keys = [(o["district_name"], o["month"]) for o in out]
    assert keys == sorted(set(keys))


def test_batches_and_a_batch_count_like_the_table():
    t = table([("E07000220", "2025-06", "inside", "yes"), ("E07000222", "2025-06", "inside", "no")])
    expected = in_scope_counts(t)
    assert in_scope_counts(t.to_batches()) == expected
    assert in_scope_counts(t.to_batches()[0]) == expected
    assert in_scope_counts([]).num_rows == 0


def test_a_missing_column_is_named():
    from svduty.errors import DataError

    with pytest.raises(DataError, match="district_name: expected a column of the pipeline"):
        in_scope_counts(pa.table({"district_code": ["E07000220"]}))


def test_plot_draws_one_bar_pair_per_district_and_month(tmp_path):
    rows = [
        ("E07000220", "2025-05", "inside", "yes"),
        ("E07000220", "2025-06", "inside", "undetermined"),
        ("E07000222", "2025-06", "inside", "undetermined"),
    ]
    ax = plot_in_scope(table(rows))
    assert [t.get_text() for t in ax.get_xticklabels()] == ["2025-05", "2025-06"]
    assert len(ax.patches) == 2 * 2 * 2  # districts x months x (yes, undetermined)
    counts = in_scope_counts(table(rows))
    fig = matplotlib.figure.Figure()
    ax2 = fig.subplots()
    assert plot_in_scope(counts, ax=ax2, path=tmp_path / "c.png") is ax2
    assert (tmp_path / "c.png").stat().st_size > 0
    import matplotlib.pyplot as plt

    plt.close("all")


def test_plot_draws_two_districts_of_one_name_apart():
    """mend46b: bars were drawn per district name, so a second "Rugby" overwrote the first."""
    rows = pa.table(
        {
            "district_code": ["E07000220", "E07000901", "E07000901"],
            "district_name": ["Rugby", "Rugby", "Rugby"],
            "month": ["2025-06"] * 3,
            "within_area": ["inside"] * 3,
            "in_scope": ["yes"] * 3,
        }
    )
    ax = plot_in_scope(rows, inside_only=False)
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels == ["Rugby (E07000220)", "Rugby (E07000901)"]
    assert sorted(p.get_height() for p in ax.patches) == [0, 0, 1, 2]
    import matplotlib.pyplot as plt

    plt.close("all")


def test_plot_without_matplotlib_says_how_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    with pytest.raises(ImportError, match=r"pip install matplotlib"):
        plot_in_scope(table([]))


def test_plot_allocations_without_matplotlib_says_how_to_install(monkeypatch):
    from svduty.funding import plot_allocations

    funding = svduty.warwickshire().funding
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    monkeypatch.setitem(sys.modules, "matplotlib.pyplot", None)
    with pytest.raises(ImportError, match=r"pip install matplotlib"):
        plot_allocations(funding)


@given(st.lists(row, max_size=30))
def test_counts_give_certain_and_possible_apart(rows):
    for o in in_scope_counts(table(rows)).to_pylist():
        assert o["certain"] == o["yes"]
        assert o["possible"] == o["yes"] + o["undetermined"]
        assert o["certain"] <= o["possible"] <= o["rows"]


def test_a_chart_with_only_undetermined_bars_says_why():
    import matplotlib.pyplot as plt

    rows = table([("E07000220", "2025-06", "inside", "undetermined")])
    ax = plot_in_scope(rows)
    notes = [t.get_text() for t in ax.texts]
    assert any("No row is certainly in scope" in n for n in notes)
    categories = rows.append_column("basis", pa.array(["category"]))
    notes = [t.get_text() for t in plot_in_scope(categories).texts]
    assert any("police.uk gives only a category" in n for n in notes)
    certain = table([("E07000220", "2025-06", "inside", "yes")])
    assert len(plot_in_scope(certain).texts) == 0
    plt.close("all")


def test_in_scope_counts_lists_each_district_given_zero_where_it_has_no_row():
    """A district of the area with no row was left out: a needs assessment read it as not
    counted (a new user's review). With ``districts`` each has its row, per month."""
    import pyarrow as pa

    from svduty.io import in_scope_counts

    rows = pa.table(
        {
            "district_code": ["E07000220", "E07000222"],
            "district_name": ["Rugby", "Warwick"],
            "month": ["2025-05", "2025-06"],
            "within_area": ["inside", "inside"],
            "in_scope": ["yes", "undetermined"],
        }
    )
    both = {"E07000220": "Rugby", "E07000222": "Warwick"}
    got = [
        (r["district_name"], r["month"], r["rows"])
        for r in in_scope_counts(rows, districts=both).to_pylist()
    ]
    assert got == [
        ("Rugby", "2025-05", 1),
        ("Rugby", "2025-06", 0),
        ("Warwick", "2025-05", 0),
        ("Warwick", "2025-06", 1),
    ]
    assert len(in_scope_counts(rows)) == 2  # without it: the districts with rows
    assert sum(r["possible"] for r in in_scope_counts(rows, districts=both).to_pylist()) == 2


def test_a_month_read_whose_rows_have_no_location_gives_each_district_its_zeros():
    # the month was read (its rows are in the summary); a district left out of it would
    # read as not counted, so it has its row of zeros like any other month
    t = pa.table(
        {
            "district_code": ["E07000220", None],
            "district_name": ["Rugby", None],
            "month": ["2025-06", "2025-07"],
            "within_area": ["inside", "no_location"],
            "in_scope": ["yes", "no"],
        }
    )
    counts = in_scope_counts(t, districts={"E07000220": "Rugby"})
    assert [(r["month"], r["rows"]) for r in counts.to_pylist()] == [
        ("2025-06", 1),
        ("2025-07", 0),
    ]
