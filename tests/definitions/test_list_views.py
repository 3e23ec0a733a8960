"""A list-view column of words reads as the same lists as a list column (a hostile review:
pyarrow's cast of a ``list_view`` lost every word, so ``classify_table`` answered ``no``)."""

from __future__ import annotations

import pyarrow as pa
from hypothesis import given, settings
from hypothesis import strategies as st

from svduty.definitions import classify_table
from svduty.definitions._vocab import Behaviour, Harm

_WORDS = st.lists(st.sampled_from([b.value for b in Behaviour]), max_size=3)
_ROWS = st.lists(st.one_of(st.none(), _WORDS), min_size=1, max_size=8)


def _views(rows: list[list[str] | None], order: list[int], large: bool) -> pa.Array:
    """``rows`` as a list view whose values lie in ``order`` (the views out of order)."""
    values: list[str] = []
    offsets = [0] * len(rows)
    for i in order:
        offsets[i] = len(values)
        values += rows[i] or []
    sizes = [len(r or []) for r in rows]
    kind = pa.LargeListViewArray if large else pa.ListViewArray
    index = pa.int64() if large else pa.int32()
    return kind.from_arrays(
        pa.array(offsets, index),
        pa.array(sizes, index),
        pa.array(values, pa.string()),
        mask=pa.array([r is None for r in rows]),
    )


@settings(max_examples=60, deadline=None)
@given(_ROWS, st.randoms(use_true_random=False), st.booleans())
def test_a_list_view_of_behaviours_is_read_as_its_lists(rows, random, large):
    order = list(range(len(rows)))
    random.shuffle(order)
    facts = {
        "target": ["person"] * len(rows),
        "harms": [[Harm("injury").value]] * len(rows),
        "victim_age": [30] * len(rows),
    }
    lists = classify_table(pa.table({"behaviours": pa.array(rows, pa.list_(pa.string())), **facts}))
    views = classify_table(pa.table({"behaviours": _views(rows, order, large), **facts}))
    for name in ("violence", "in_scope", "domestic_abuse", "reasons"):
        assert views.column(name).to_pylist() == lists.column(name).to_pylist()


_TEXT = {
    "offence_code": st.sampled_from(["8N", "3B", " 4.1 ", "", "zz"]),
    "date": st.sampled_from(["2024-01-01", "2023-02", "", "2024-13-01"]),
    "police_uk_category": st.sampled_from(["Robbery", "Drugs", ""]),
    "weapon": st.sampled_from(["knife", "none", ""]),
}


@settings(max_examples=40, deadline=None)
@given(
    st.fixed_dictionaries(
        {k: st.lists(st.one_of(st.none(), v), min_size=3, max_size=3) for k, v in _TEXT.items()}
    )
)
def test_string_view_text_reads_as_string_text(columns) -> None:
    """``offence_code`` and ``date`` as ``string_view`` (what newer Arrow producers give)
    were refused as not offence codes, not dates (a hostile-input review)."""
    import svduty

    d = svduty.warwickshire().require_definition()
    plain = pa.table({k: pa.array(v, pa.string()) for k, v in columns.items()})
    viewed = pa.table({k: pa.array(v, pa.string_view()) for k, v in columns.items()})
    assert _answer(plain, d) == _answer(viewed, d)


def _answer(table: pa.Table, d: object) -> object:
    """The rows classified, or the error's words (the same refusal either way)."""
    import svduty

    try:
        return classify_table(table, d).drop_columns(list(_TEXT)).to_pylist()
    except svduty.errors.SvdutyError as exc:
        return str(exc)


@settings(max_examples=40, deadline=None)
@given(
    st.fixed_dictionaries(
        {k: st.lists(st.one_of(st.none(), v), min_size=3, max_size=3) for k, v in _TEXT.items()}
    ),
    st.lists(st.integers(-5, 200), min_size=3, max_size=3),
)
def test_string_view_tables_split_as_string_tables(columns, ages) -> None:
    """``split_rejected`` and ``classify_split`` failed on a table with ``string_view``
    columns (Arrow's filter takes no views); they keep the same rows as for plain text,
    and the kept table's view columns stay views (lists of views too)."""
    from svduty.definitions import classify_split, split_rejected

    note = {"note": ["a", "b", "c"]}
    words = [["physical"], ["sexual", "punching"], None]  # the second word is refused
    plain = pa.table(
        {
            **{k: pa.array(v, pa.string()) for k, v in {**columns, **note}.items()},
            "victim_age": ages,
            "behaviours": pa.array(words, pa.large_list(pa.string())),
        }
    )
    viewed = pa.table(
        {
            **{k: pa.array(v, pa.string_view()) for k, v in {**columns, **note}.items()},
            "victim_age": ages,
            "behaviours": pa.array(words, pa.large_list(pa.string_view())),
        }
    )
    for split in (split_rejected, classify_split):
        (kept_p, bad_p), (kept_v, bad_v) = split(plain), split(viewed)
        assert bad_p == bad_v
        assert kept_v.column("note").type == pa.string_view()
        assert kept_v.cast(kept_p.schema).to_pylist() == kept_p.to_pylist()
