"""A police.uk plan as the command's cache keeps it: its missing facts pickled as dictionaries.

The cache reads the plan back at every start-up of ``svduty classify``; its ``missing``
table held one text a plan row and answer (3.7 MB of 4.7). Pickled, each text column is
its few texts and a number a row; read back, the tables are the same (values, types,
nulls, metadata) and so are the answers.
"""

from __future__ import annotations

import pickle

import pyarrow as pa
from hypothesis import given
from hypothesis import strategies as st

from svduty.io import load_sections, read_police_uk, sample_police_uk
from svduty.io._plan import PolicePlan, _packed
from svduty.io._plan_build import police_plan


def _warwickshire_plan() -> PolicePlan:
    return police_plan(load_sections("warwickshire", "definition").definition)


def test_the_plan_pickles_to_a_fraction_of_its_texts() -> None:
    """A counted guard (bytes, not seconds): the packaged partnership's plan."""
    plan = _warwickshire_plan()
    assert plan.missing is not None
    plain = len(pickle.dumps((plan.verdicts, plan.missing), protocol=pickle.HIGHEST_PROTOCOL))
    kept = len(pickle.dumps(plan, protocol=pickle.HIGHEST_PROTOCOL))
    assert kept * 3 < plain


def test_the_plan_read_back_is_the_same_plan() -> None:
    plan = _warwickshire_plan()
    again = pickle.loads(pickle.dumps(plan, protocol=pickle.HIGHEST_PROTOCOL))
    for name in ("definition", "categories", "starts", "places", "prefixes", "nowhere"):
        assert getattr(again, name) == getattr(plan, name)
    assert (again.n_places, again.words, again.inputs) == (plan.n_places, plan.words, plan.inputs)
    for table, back in ((plan.verdicts, again.verdicts), (plan.missing, again.missing)):
        assert back.schema.equals(table.schema, check_metadata=True)
        assert back.equals(table)
    month = next(read_police_uk(sample_police_uk()))
    batch = pa.table(
        {
            "police_uk_category": month["police_uk_category"],
            "date": month["month"],
            "location": pa.array(
                ["E07000222", "E08000026", None] * (month.num_rows // 3)
                + [None] * (month.num_rows % 3)
            ),
        }
    )
    for asked in (PolicePlan.answer, PolicePlan.missing_of):
        got, want = asked(again, batch), asked(plan, batch)
        assert got is not None
        assert want is not None
        assert {k: _plain(v) for k, v in got.items()} == {k: _plain(v) for k, v in want.items()}


def _plain(values: object) -> object:
    return (values.type, values.to_pylist()) if hasattr(values, "to_pylist") else values


def test_a_plan_pickled_before_reads_back() -> None:
    """A state of plain tables (the layout before) is read as it is."""
    plan = _warwickshire_plan()
    state = {name: getattr(plan, name) for name in plan.__slots__ if not name.startswith("__")}
    old = object.__new__(PolicePlan)
    old.__setstate__(dict(state))
    assert old.verdicts.equals(plan.verdicts)


_TEXT = st.one_of(st.none(), st.sampled_from(["", "a", "a, b", "died", "é ∅"]), st.text())


@given(
    st.lists(st.tuples(_TEXT, _TEXT, st.integers(-5, 5) | st.none()), max_size=40),
    st.booleans(),
)
def test_a_table_packed_and_read_back_is_the_same(rows, metadata) -> None:  # type: ignore[no-untyped-def]
    schema = pa.schema(
        [
            pa.field("texts", pa.string()),
            pa.field("more", pa.string(), nullable=False, metadata={"k": "v"}),
            pa.field("n", pa.int64()),
        ],
        metadata={"plan": "yes"} if metadata else None,
    )
    columns = list(zip(*rows, strict=True)) if rows else [(), (), ()]
    table = pa.Table.from_arrays(
        [
            pa.array(list(columns[0]), pa.string()),
            pa.array(list(columns[1]), pa.string()),
            pa.array(list(columns[2]), pa.int64()),
        ],
        schema=schema,
    )
    packed = _packed(table)
    assert packed.encoded == ("texts", "more")
    back = pickle.loads(pickle.dumps(packed)).table()
    assert back.schema.equals(table.schema, check_metadata=True)
    assert back.equals(table)
