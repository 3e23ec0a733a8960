from __future__ import annotations

import enum
from decimal import Decimal

import attrs
import pytest

from svduty.errors import BundleError, DataError
from svduty.io import read_toml, write_toml
from svduty.io._converter import make_converter, structure, to_plain
from svduty.periods import FinancialYear, Period
from svduty.sources import CATALOGUE, Citation, Confidence, Source, SourceKind


@attrs.frozen
class Inner:
    code: str
    amount: Decimal


@attrs.frozen
class Outer:
    name: str
    year: FinancialYear
    valid: Period
    items: tuple[Inner, ...]
    citation: Citation
    note: str | None = None


GOOD = {
    "name": "x",
    "year": "2023/24",
    "valid": {"start": "2023-01-31", "last_day": "2025-03-31"},
    "items": [{"code": "A", "amount": "263506.30"}, {"code": "B", "amount": 30000}],
    "citation": {"source": "pcsc-act-2022", "provision": "s.14(5)(a)"},
}


def test_round_trip_through_plain_data():
    obj = structure(GOOD, Outer)
    assert obj.items[0].amount == Decimal("263506.30")
    assert obj.valid.end.isoformat() == "2025-04-01"
    plain = to_plain(obj)
    assert "note" not in plain
    assert plain["year"] == "2023/24"
    assert structure(plain, Outer) == obj


def test_every_problem_is_reported_with_its_field_path():
    bad = {
        **GOOD,
        "year": "2023/25",
        "items": [{"code": "A", "amount": 1.5}, {"code": "B"}],
        "extra": 1,
    }
    with pytest.raises(BundleError) as info:
        structure(bad, Outer, file="funding.toml")
    fields = {p.field for p in info.value.problems}
    assert {"year", "items[0].amount", "items[1].amount", "<root>"} <= fields
    assert all(p.file == "funding.toml" for p in info.value.problems)
    text = str(info.value)
    assert "floats are not accepted" in text
    assert "required field missing" in text
    assert "unknown field(s) extra" in text


def test_citation_hook_checks_sources_and_keys():
    conv = make_converter()
    with pytest.raises(BundleError, match="unknown source"):
        structure({**GOOD, "citation": {"source": "nope"}}, Outer, converter=conv)
    with pytest.raises(BundleError, match="citation keys"):
        structure({**GOOD, "citation": {"source": "who-2002", "page": 5}}, Outer)
    with pytest.raises(BundleError, match="source"):
        structure({**GOOD, "citation": {"provision": "s.1"}}, Outer)
    with pytest.raises(BundleError, match="table"):
        structure({**GOOD, "citation": "who-2002"}, Outer)


def test_citation_with_doubt_round_trips_and_bundle_sources_resolve():
    local = Source("local-doc", "Local doc", SourceKind.REPORT)
    conv = make_converter(CATALOGUE.extend([local]))
    data = {
        "source": "local-doc",
        "provision": "p.3",
        "url": "https://example.org",
        "as_at": "2024-01-01",
        "confidence": "unconfirmed",
        "doubt": "one source only",
    }
    c = conv.structure(data, Citation)
    assert c.confidence is Confidence.UNCONFIRMED
    assert conv.unstructure(c) == data


@pytest.mark.parametrize(
    "valid",
    [
        "2023-01-01",
        {"start": "2023-01-01", "end": "2024-01-01", "last_day": "2023-12-31"},
        {"end": "2024-01-01"},
        {"start": "2023-01-01", "until": "2024-01-01"},
    ],
)
def test_period_shapes_are_checked(valid):
    with pytest.raises(BundleError):
        structure({**GOOD, "valid": valid}, Outer)


@pytest.mark.parametrize("amount", ["12x", True, [1]])
def test_decimal_rejects_non_numbers(amount):
    with pytest.raises(DataError):
        structure({**GOOD, "items": [{"code": "A", "amount": amount}]}, Outer)


def test_decimal_accepts_pound_sign_and_commas():
    obj = structure({**GOOD, "items": [{"code": "A", "amount": "£263,506.30"}]}, Outer)
    assert obj.items[0].amount == Decimal("263506.30")


def test_enum_errors_list_the_choices():
    with pytest.raises(BundleError, match=r"citation\.confidence: expected one of"):
        structure({**GOOD, "citation": {**GOOD["citation"], "confidence": "maybe"}}, Outer)

    @attrs.frozen
    class WithEnum:
        kind: SourceKind

    with pytest.raises(BundleError) as info:
        structure({"kind": "pamphlet"}, WithEnum)
    assert info.value.problems[0].field == "kind"
    assert "'legislation'" in str(info.value)


def test_toml_files(tmp_path):
    f = tmp_path / "a.toml"
    write_toml(f, to_plain(structure(GOOD, Outer)))
    assert structure(read_toml(f), Outer, file=f).name == "x"
    with pytest.raises(BundleError, match="file not found"):
        read_toml(tmp_path / "missing.toml")
    (tmp_path / "bin.toml").write_bytes(b"\xff\xfe")
    with pytest.raises(BundleError, match="UTF-8"):
        read_toml(tmp_path / "bin.toml")
    (tmp_path / "bad.toml").write_text("a = 1\nb = \n")
    with pytest.raises(BundleError) as info:
        read_toml(tmp_path / "bad.toml")
    assert info.value.problems[0].row == 2


class Level(enum.IntEnum):
    LOW = 1
    HIGH = 2


@attrs.frozen
class Row:
    text: str
    count: int
    flag: bool
    level: Level


def test_scalars_are_not_coerced():
    st = structure

    assert st({"text": "a", "count": 2, "flag": False, "level": 2}, Row) == Row(
        "a", 2, False, Level.HIGH
    )
    with pytest.raises(DataError) as info:
        st({"text": 1, "count": True, "flag": 1, "level": 3}, Row, file="r.toml")
    assert [str(p) for p in info.value.problems] == [
        "r.toml: text: expected a string (text in quotes)",
        "r.toml: count: expected a whole number",
        "r.toml: flag: expected true or false",
        "r.toml: level: expected one of 1, 2",
    ]
    with pytest.raises(DataError, match="count: expected a whole number"):
        st({"text": "a", "count": "2", "flag": True, "level": 1}, Row)
