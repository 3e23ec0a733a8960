"""``category_names`` gives a column of published names back as it is, and others as before.

A file whose every crime type is spelt as police.uk spells it (the usual export) is now
looked up once (``is_in``) and given back, not respelt in four passes of its text
(speed54d: 65,536 rows, ~19 -> ~5 ms). Whatever the column, the names must be the ones the
respelling gives (:func:`_respelt`, the code before), of the same type.
"""

from __future__ import annotations

from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
from hypothesis import given
from hypothesis import strategies as st

from svduty.definitions import POLICE_UK_CATEGORIES
from svduty.definitions._columns import _category, _known_categories, category_names
from svduty.definitions._spelling import unique_map

_NAMES = [c.name for c in POLICE_UK_CATEGORIES]
_OTHERS = [*(c.slug for c in POLICE_UK_CATEGORIES), "BURGLARY", " Robbery", "Nonsense", ""]


def _respelt(col: Any) -> Any:
    """The respelling as it was before speed54d (every column)."""
    text = pc.cast(col, pa.string())
    idx = unique_map(text, _category, pa.int32(), _known_categories())
    known = pc.if_else(pc.equal(idx, -1), pa.scalar(None, pa.int32()), idx)
    return pc.coalesce(pc.take(_known_categories()[0], known), text)


_values = st.lists(
    st.one_of(st.sampled_from(_NAMES), st.none(), st.sampled_from(_OTHERS)), max_size=40
)


@given(
    published=st.lists(st.one_of(st.sampled_from(_NAMES), st.none()), max_size=40),
    any_values=_values,
    how=st.sampled_from(["array", "dictionary"]),  # (its callers give one array)
)
def test_the_names_are_the_respelling_s(
    published: list[str | None], any_values: list[str | None], how: str
) -> None:
    for values in (published, any_values, published + any_values):
        col: Any = pa.array(values, pa.string())
        if how == "dictionary":
            col = col.dictionary_encode()
        got, want = category_names(col), _respelt(col)
        assert got.type == want.type == pa.string()
        assert got.to_pylist() == want.to_pylist()


def test_a_column_of_published_names_is_given_back() -> None:
    col = pa.array([*_NAMES, None] * 3, pa.string())
    got = category_names(col)
    assert got.equals(col)
    assert got.buffers()[2].address == col.buffers()[2].address  # its very text, not a copy
    assert category_names(pa.array(["violent-crime", *_NAMES])).to_pylist()[0] == (
        "Violence and sexual offences"
    )
