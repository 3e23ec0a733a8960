"""mend48: a record's days are its documented fields on every public route, kept plain inside.

speed47a kept ``Period.start``/``end``, ``Source.date`` and ``Citation.as_at`` as plain
``datetime.date`` in private attrs fields (``_start``, made as ``start``) and gave them out
as ``pendulum.Date`` through properties, so that classify starts without pendulum. Every
route that asks attrs for a record's fields then saw the private names:
``attrs.asdict(period)`` was ``{'_start': datetime.date(...), '_end': ...}``,
``attrs.fields(Period)`` named ``_start``, a plain ``cattrs.Converter`` unstructured
``{'_start': ...}`` and could not structure what it wrote. The fields are named ``start``,
``end``, ``date`` and ``as_at`` again (as before speed47a), their values read as
``pendulum.Date``; the day is still kept plain, and equality, hashes, order, ``repr`` and
pickles use the kept day, so none of them imports pendulum (``tests/test_startup.py``).
"""

from __future__ import annotations

import copy
import datetime as dt
import pickle
import subprocess
import sys
import typing
from typing import Any

import attrs
import cattrs
import pendulum
import pytest

from svduty.io._converter import make_converter
from svduty.periods import Period
from svduty.sources import CATALOGUE, Citation, Source, cite

DAYS = {Period: ("start", "end"), Source: ("date",), Citation: ("as_at",)}


def _records() -> list[Any]:
    return [
        Period("2023-04-01", "2024-04-01"),
        Period("2023-04-01"),
        CATALOGUE["da-act-2021"],
        cite("pcsc-act-2022", "s.13", as_at="2024-01-01"),
        cite("pcsc-act-2022", "s.13"),
    ]


RECORDS = _records()
IDS = ["period", "open-period", "source", "citation", "citation-no-day"]


def _names(cls: type) -> list[str]:
    return {
        Period: ["start", "end"],
        Source: ["id", "title", "kind", "url", "publisher", "date", "note"],
        Citation: ["source", "provision", "url", "as_at", "confidence", "doubt"],
    }[cls]


@pytest.mark.parametrize("record", RECORDS, ids=IDS)
def test_attrs_sees_the_documented_fields(record: Any) -> None:
    cls = type(record)
    assert [f.name for f in attrs.fields(cls)] == _names(cls)
    assert list(attrs.fields_dict(cls)) == _names(cls)
    assert [f.alias for f in attrs.fields(cls)] == _names(cls)
    shallow = attrs.asdict(record, recurse=False)
    assert list(shallow) == _names(cls)
    assert shallow == {name: getattr(record, name) for name in _names(cls)}
    assert attrs.astuple(record, recurse=False) == tuple(shallow.values())
    for name in DAYS[cls]:
        day = shallow[name]
        assert day is None or type(day) is pendulum.Date


@pytest.mark.parametrize("record", RECORDS, ids=IDS)
def test_cattrs_sees_the_documented_fields(record: Any) -> None:
    cls = type(record)
    plain = cattrs.Converter()
    unstructured = plain.unstructure(record)
    assert list(unstructured)[: len(_names(cls))] == _names(cls)
    conv = make_converter()
    data = conv.unstructure(record)
    assert not any(key.startswith("_") for key in data)
    assert conv.structure(data, cls) == record
    if cls is Period:  # a plain converter, taught days, reads what it wrote
        plain.register_structure_hook(dt.date, lambda v, _: v)
        assert plain.structure(unstructured, Period) == record


@pytest.mark.parametrize("cls", list(DAYS))
def test_the_field_types_resolve_under_their_names(cls: type) -> None:
    attrs.resolve_types(cls)
    hints = typing.get_type_hints(cls)
    for name in DAYS[cls]:
        assert not isinstance(attrs.fields_dict(cls)[name].type, str)
        assert name in hints
        assert f"_{name}" not in hints


@pytest.mark.parametrize("record", RECORDS, ids=IDS)
def test_copies_evolve_and_patterns_give_the_same_record(record: Any) -> None:
    cls = type(record)
    for again in (copy.copy(record), copy.deepcopy(record), pickle.loads(pickle.dumps(record))):
        assert again == record
        assert hash(again) == hash(record)
        assert repr(again) == repr(record)
        for name in DAYS[cls]:
            day = getattr(again, name)
            assert day == getattr(record, name)
            assert day is None or type(day) is pendulum.Date
    assert attrs.evolve(record) == record
    for name in DAYS[cls]:
        day = dt.date(2020 if name == "start" else 2030, 1, 1)  # (before an end, after a start)
        moved = attrs.evolve(record, **{name: day})
        assert getattr(moved, name) == pendulum.Date(day.year, 1, 1)
    if cls is Period:
        match record:
            case Period(start=s, end=e):
                assert (s, e) == (record.start, record.end)
        assert "_start" not in repr(record)


def test_equality_hashes_order_repr_and_pickles_import_no_pendulum() -> None:
    code = """
import pickle, sys
from svduty.periods import Period
from svduty.sources import CATALOGUE, cite
a, b = Period("2023-04-01", "2024-04-01"), Period("2023-04-02")
c = cite("pcsc-act-2022", "s.13", as_at="2024-01-01")
s = CATALOGUE["da-act-2021"]
assert a < b and a != b and a == Period("2023-04-01", "2024-04-01")
assert len({a, b, c, s, c, s}) == 4 and c == pickle.loads(pickle.dumps(c))
repr(a), repr(c), str(a), pickle.loads(pickle.dumps(a))
print("pendulum" in sys.modules)
"""
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.strip() == "False"
