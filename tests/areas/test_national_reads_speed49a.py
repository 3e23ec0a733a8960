"""speed49a: a summary's first codes outside the partnership read little of the national tables.

The first batch of a police.uk file with LSOAs outside the partnership looks them up in the
packaged national tables (:func:`svduty.areas._national.national_districts`). Each table
was read whole (every column decompressed) and the codes looked up in a hash set of its
35,000 codes built at each call. Now only the columns asked for are read, each once, and
the table's codes are looked up among the few codes asked. Counted, never timed.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pyarrow import ipc

from svduty import _compute
from svduty.areas import _best_fit, _tables
from svduty.areas._national import lsoa_district, national_districts
from svduty.errors import AreaError

ARROW = [name for name, kind in _tables.NATIONAL_TABLES.items() if kind == "arrow"]


def _forget() -> None:
    """Forget every table read, as a new process has (either layout of the module's caches)."""
    _tables._read.cache_clear()
    for held in (_best_fit._bridge, _best_fit.lsoa_districts, _best_fit.lsoa21_table):
        held.cache_clear()  # built from the tables (place49): read again, as a new process does
    for name in ("_whole", "_READ"):
        held = getattr(_tables, name, None)
        if held is not None:
            held.cache_clear() if hasattr(held, "cache_clear") else held.clear()


@pytest.fixture
def fresh() -> Iterator[None]:
    _forget()
    yield
    _forget()  # the next test reads the tables again (what they hold is the same)


def _whole(name: str) -> pa.Table:
    return ipc.open_file(pa.BufferReader(_tables._file(name).read_bytes())).read_all()


@pytest.fixture
def decompressed(monkeypatch: pytest.MonkeyPatch, fresh: None) -> list[tuple[str, ...]]:
    """The columns of every table read from a national IPC file, as they are read."""
    read: list[tuple[str, ...]] = []
    real = ipc.RecordBatchFileReader.read_all

    def read_all(self: Any) -> pa.Table:
        table = real(self)
        read.append(tuple(table.column_names))
        return table

    monkeypatch.setattr(ipc.RecordBatchFileReader, "read_all", read_all)
    return read


def test_only_the_columns_asked_for_are_read(decompressed: list[tuple[str, ...]]) -> None:
    table = _tables.read_table("lsoa21-ward24-lad24", ("ltla24_code", "lsoa21_code"))
    assert table.column_names == ["ltla24_code", "lsoa21_code"]
    assert sorted(c for names in decompressed for c in names) == ["lsoa21_code", "ltla24_code"]


def test_a_column_is_read_once_however_often_it_is_asked_for(
    decompressed: list[tuple[str, ...]],
) -> None:
    _tables.read_table("lsoa21-ward24-lad24", ("lsoa21_code", "ltla24_code"))
    _tables.read_table("lsoa21-ward24-lad24", ("lsoa21_code", "lsoa21_name"))
    _tables.read_table("lsoa21-ward24-lad24", ("lsoa21_name",))
    read = [c for names in decompressed for c in names]
    assert sorted(read) == ["lsoa21_code", "lsoa21_name", "ltla24_code"]


def test_the_first_look_up_outside_a_partnership_reads_six_columns_of_thirteen(
    decompressed: list[tuple[str, ...]],
) -> None:
    """A 2021 code and a 2011 one: the district of each (the 2011 code by its best fit)."""
    assert national_districts(["E01031180", "E01009000", "E01099999"]) == [
        "E07000220",
        lsoa_district()["E01009000"][0],
        None,
    ]
    assert len(decompressed) == 2, decompressed  # each table once
    assert sum(map(len, decompressed)) <= 6, decompressed  # (of 6 and 7 columns)


@pytest.mark.parametrize("name", ARROW)
def test_columns_read_in_parts_are_the_whole_tables(name: str, fresh: None) -> None:
    whole = _whole(name)
    names = whole.column_names
    first, second = tuple(names[::2]), tuple(reversed(names))
    for asked in (first, second, (names[-1],)):
        got = _tables.read_table(name, asked)
        assert got.equals(whole.select(list(asked))), (name, asked)
        assert got.schema.equals(whole.select(list(asked)).schema, check_metadata=True)


def test_a_column_a_table_lacks_is_refused_by_name(fresh: None) -> None:
    with pytest.raises(AreaError, match="a column of lsoa21-icb24"):
        _tables.read_table("lsoa21-icb24", ("lsoa21_code", "no_such_column"))
    assert _tables.read_table("lsoa21-icb24", ("lsoa21_code",)).num_rows == 33755


def test_a_look_up_hashes_the_codes_asked_not_the_tables(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The hash sets ``index_in`` builds are of the codes asked, not of 35,000 codes."""
    national_districts(["E01031180"])  # the tables read
    sets: list[int] = []
    real = _compute.index_in

    def index_in(values: Any, *args: Any, value_set: Any = None, **kwargs: Any) -> Any:
        sets.append(len(value_set))
        return real(values, *args, value_set=value_set, **kwargs)

    monkeypatch.setattr(_compute, "index_in", index_in, raising=False)
    codes = ["E01031180", "E01033620", "E01009000", "E01099999", "E01031180"]
    assert national_districts(codes) == [lsoa_district().get(c, (None,))[0] for c in codes]
    assert sets
    assert max(sets) <= len(codes), sets


_OLD = _tables.read_table("lsoa11-lsoa21-lad22", ("lsoa11_code",)).column(0).to_pylist()
_NEW = _tables.read_table("lsoa21-ward24-lad24", ("lsoa21_code",)).column(0).to_pylist()


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.sampled_from(_OLD) | st.sampled_from(_NEW) | st.sampled_from(["E01999999", ""]),
        max_size=20,
    ),
    st.integers(0, 3),
)
def test_repeated_codes_each_get_their_district(codes: list[str], repeat: int) -> None:
    asked = codes + codes[:repeat]
    expected = [lsoa_district()[c][0] if c in lsoa_district() else None for c in asked]
    assert national_districts(asked) == expected
