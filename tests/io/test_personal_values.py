"""Values and keys that could be personal data are never shown, on every reader's path.

An age given a phone or NHS number, a location given a user name, a postcode or an
e-mail address, an unknown key that is a name: the JSON Lines, CSV and Parquet readers
(``--map``), ``explain`` and the Python API (``Incident(...)``, ``Incident.from_json``)
all describe them (``a number of 10 digits, not shown``) and never show them, while what
cannot identify anyone (an age of 131 or -1, a GSS code, a day) is still shown.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import given
from hypothesis import strategies as st

from svduty.cli import main
from svduty.definitions import Incident
from svduty.errors import SAFE_SHAPE, DataError, Problem, Shown, named, quote, quote_keys, shown

AGES = [9434765919, 7700900123, 447700900123, 12345, 1985]
"""Numbers given as an age: an NHS number, phone numbers, a five-digit number, a year of
birth."""
TEXTS = [
    "jane.smith",
    "john_smith",
    "jsmith85",
    "CV34 4RL",
    "cv344rl",
    "jane@example.org",
    "Jane Smith",
    "AB12CDE",
    "07700900123",
    "nhs9434765919",
    "QQ123456C",
    "jane-smith",
    "smith",
]
"""Text given as a location: user names, a postcode, an e-mail address, a name, a vehicle
registration, a phone number, a National Insurance number."""
KEYS = ["john_smith", "nhs9434765919", "jane.smith", "Jane Smith", "jane@example.org", "mary-jones"]


def _run(*argv: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue() + err.getvalue()


def _classified(tmp_path: Path, f: Path, *more: str) -> str:
    """Everything ``classify`` says of ``f``: standard output and error, the rejected file."""
    rejected = tmp_path / "rejected.csv"
    code, said = _run("classify", str(f), "-o", str(tmp_path / "o.jsonl"), *more,
                      "--rejected", str(rejected))  # fmt: skip
    assert code in (0, 1), said
    return said + (rejected.read_text() if rejected.exists() else "")


def _jsonl(tmp_path: Path, records: list[dict[str, object]]) -> Path:
    f = tmp_path / "in.jsonl"
    f.write_text("".join(json.dumps(r) + "\n" for r in records))
    return f


@pytest.mark.parametrize("value", AGES)
def test_a_number_given_as_an_age_is_never_shown_by_any_reader(tmp_path: Path, value: int):
    text = str(value)
    f = _jsonl(tmp_path, [{"id": "a", "victim_age": value}])
    said = _classified(tmp_path, f)
    assert "victim_age" in said
    assert text not in said
    assert f"a number of {len(text)} digits, not shown" in said
    code, said = _run("explain", str(f))
    assert code == 1
    assert "victim_age" in said
    assert text not in said

    c = tmp_path / "in.csv"
    c.write_text(f"id,victim_age\na,{value}\n")
    said = _classified(tmp_path, c)
    assert "victim_age" in said
    assert text not in said

    p = tmp_path / "in.parquet"
    pq.write_table(pa.table({"id": ["a"], "age": pa.array([value], pa.int64())}), p)
    said = _classified(tmp_path, p, "--map", "age=victim_age")
    assert "victim_age" in said
    assert text not in said
    assert f"a number of {len(text)} digits, not shown" in said

    for attempt in (
        lambda: Incident(victim_age=value),
        lambda: Incident.from_json({"perpetrator_age": value}),
        lambda: Incident.from_json({"victim_age": float(value)}),
    ):
        with pytest.raises(DataError) as info:
            attempt()
        assert text not in str(info.value)
        assert f"(got a number of {len(text)} digits, not shown)" in str(info.value)


@pytest.mark.parametrize("value", TEXTS)
@pytest.mark.parametrize("field", ["location", "place_of_death"])
def test_text_given_as_a_location_is_never_shown_by_any_reader(
    tmp_path: Path, value: str, field: str
):
    f = _jsonl(tmp_path, [{"id": "a", field: value}])
    said = _classified(tmp_path, f)
    assert field in said
    assert value not in said
    code, said = _run("explain", str(f))
    assert code == 1
    assert field in said
    assert value not in said

    c = tmp_path / "in.csv"
    c.write_text(f'id,{field}\na,"{value}"\n')
    said = _classified(tmp_path, c)
    assert field in said
    assert value not in said

    p = tmp_path / "in.parquet"
    pq.write_table(pa.table({"id": ["a"], "where": [value]}), p)
    said = _classified(tmp_path, p, "--map", f"where={field}")
    assert field in said
    assert value not in said

    for attempt in (lambda: Incident(**{field: value}), lambda: Incident.from_json({field: value})):
        with pytest.raises(DataError) as info:
            attempt()
        assert value not in str(info.value)
        assert "(got '" not in str(info.value)


@pytest.mark.parametrize("field", ["target", "weapon", "relationship", "country"])
def test_a_word_outside_a_fields_vocabulary_is_never_shown_by_either_path(
    tmp_path: Path, field: str
):
    """A word that is not one of the field's may be a name (``smith``): the columnar path
    (classify) and the one-incident path (explain, from_json) both leave it out."""
    f = _jsonl(tmp_path, [{"id": "a", field: "smith"}])
    said = _classified(tmp_path, f)
    assert field in said
    assert "smith" not in said
    code, said = _run("explain", str(f))
    assert code == 1
    assert field in said
    assert "smith" not in said


@pytest.mark.parametrize("key", KEYS)
def test_an_unknown_key_that_could_be_personal_is_counted_not_shown(tmp_path: Path, key: str):
    f = _jsonl(tmp_path, [{"id": "a", key: 1}])
    hidden = f"an unknown field (a name of {len(key)} characters, not shown)"
    for said in (_classified(tmp_path, f), _run("explain", str(f))[1]):
        assert key not in said
        assert hidden in said
        assert "victim_age, perpetrator_age" in said  # the fields it could have been
    with pytest.raises(DataError) as info:
        Incident.from_json({key: 1, "weapon": "knife"}, line=2, file="in.jsonl")
    assert str(info.value).startswith(f"in.jsonl: row 2: {hidden}: expected one of id, date")


def test_a_file_without_a_header_never_names_a_column_by_a_personal_value(tmp_path: Path):
    c = tmp_path / "in.csv"
    c.write_text("victim_age,john_smith,john_smith\n1,2,3\n")
    said = _classified(tmp_path, c)
    assert "john_smith" not in said
    assert "column 3 (its name not shown)" in said  # the second of the names given twice


@pytest.mark.parametrize(
    ("record", "shown_as"),
    [
        ({"date": "2023-02-30"}, "(got a string of 10 characters, not shown)"),  # a day
        ({"date_of_death": "1985-31-12"}, "(got a string of 10 characters, not shown)"),
        ({"date": "2023-13"}, "(got '2023-13')"),  # a month: police.uk's
        # a month of a death is the person's (a hostile-input review: it was shown)
        ({"date_of_death": "1985-13"}, "(got a string of 7 characters, not shown)"),
        ({"location": "E0103101"}, "(got a string of 8 characters, not shown)"),
        # (since mend52 a key that suggests a field says that field, not the whole list)
        ({"weapn": "knife"}, "weapn: unknown field; expected an incident field (did you mean"),
    ],
)
def test_what_cannot_identify_anyone_is_still_shown(record: dict[str, object], shown_as: str):
    import pyarrow as pa

    from svduty.definitions import classify_split

    with pytest.raises(DataError) as info:
        Incident.from_json(record)
    assert shown_as in str(info.value)
    if "weapn" not in record:  # the columnar engine says the same of the same value
        _, problems = classify_split(pa.table({k: [v] for k, v in record.items()}))
        assert shown_as in str(problems[0]), problems


@pytest.mark.parametrize(
    ("record", "digits"),
    [
        ({"victim_age": 131}, 3),
        ({"victim_age": -1}, 1),
        ({"perpetrator_age": 300}, 3),
        ({"victim_age": 131.0}, 3),
    ],
)
def test_an_age_out_of_range_is_described_not_shown(record: dict[str, object], digits: int):
    """A CLI review: ``(got '131')``: an age out of range may be a real one mistyped (131
    for 31); both engines describe it by its digits and never show it."""
    import pyarrow as pa

    from svduty.definitions import classify_table

    said = f"expected a whole number of years 0 to 130 (got a number of {digits} digit"
    with pytest.raises(DataError) as info:
        Incident.from_json(record)
    ((field, value),) = record.items()
    assert str(info.value).startswith(f"{field}: {said}")
    with pytest.raises(DataError) as columnar:
        classify_table(pa.table({field: [value]}))
    assert str(columnar.value).startswith(f"row 1: {field}: {said}")
    assert f"'{int(value)}'" not in str(info.value) + str(columnar.value)  # type: ignore[call-overload]


def test_ordinary_values_keep_their_shape_and_personal_ones_do_not():
    ordinary = ["0", "130", "131", "-1", "17.5", "+5", "0.25", "E01031012", "W06000015",
                "e07000218", "2023-02-30", "2023-13", "2023/24", "£150", "£1,234.50", "rugby",
                "chief-officers-group", "warwickshire-county-council", "pcsc-act-2022", "11-16",
                "0-5-local-community-assets", "true", "inf"]  # fmt: skip
    assert [v for v in ordinary if not isinstance(shown(v), Shown)] == []
    assert shown(17.5) == "17.5"
    assert shown(-1) == "-1"
    assert shown(300) == "300"
    personal = ["9434765919", "7700900123", "07700 900123", "+447700900123", "12345",
                "jane.smith", "john_smith", "jsmith85", "CV34 4RL", "cv34", "jane@example.org",
                "Jane", "JANE SMITH", "AB12CDE", "QQ123456", "E0700021", "12-03-1985",
                "12/03/1985", "1985.03.12", "0770-0900-123", "a-1234-5678-9012", "£7,700,900",
                "£7,700,900,123", "123456.78", "x" * 41]  # fmt: skip
    assert [v for v in personal if isinstance(shown(v), Shown)] == []
    assert shown(9434765919) == "a number of 10 digits, not shown"
    assert shown(-12345.5) == "a number of 6 digits, not shown"
    assert shown(1e300) == "a number, not shown"


# a value with what makes text personal: a run of five or more digits, an @, a capitalised
# name or a space; before and after it, anything
_DIGITS = st.from_regex(r"[0-9]{5,12}", fullmatch=True)
_NAME = st.from_regex(r"[A-Z][a-z]{1,10}", fullmatch=True)
_MARK = st.one_of(_DIGITS, st.just("@"), _NAME, st.just(" "))
PERSONAL = st.builds(lambda a, m, b: a + m + b, st.text(max_size=12), _MARK, st.text(max_size=12))


def _said(build: Callable[[], object]) -> str | None:
    try:
        build()
    except DataError as exc:
        return str(exc)
    return None


@given(PERSONAL)
def test_a_value_with_long_digits_an_at_a_name_or_a_space_is_never_shown(value: str):
    # every message says of it only what it says of any text of its length not shown
    assert not SAFE_SHAPE.fullmatch(value)
    other = "X" * len(value)
    got = Problem(field="location", expected="a GSS code", got=value)
    assert str(got) == str(Problem(field="location", expected="a GSS code", got=other))
    assert quote(value) == quote(other)
    assert named(value) == named(other)
    assert quote_keys([value, "weapn"]) == quote_keys([other, "weapn"])
    assert _said(lambda: Incident.from_json({value: 1})) == _said(
        lambda: Incident.from_json({other: 1})
    )
    said = _said(lambda: Incident(location=value))  # None: a code with spaces around it
    assert said in (None, _said(lambda: Incident(location=other)))


@given(st.integers().filter(lambda n: abs(n) >= 10_000))
def test_a_number_of_five_or_more_digits_is_never_shown(n: int):
    for got in (n, str(n), float(n), f"{n}.5"):
        assert str(abs(n)) not in str(Problem(got=got))
    with pytest.raises(DataError) as info:
        Incident.from_json({"victim_age": n})
    assert str(abs(n)) not in str(info.value)


def test_the_rejected_file_of_a_hostile_line_names_no_value(tmp_path: Path):
    f = _jsonl(tmp_path, [{"id": "a", "john_smith": 1}, {"id": "b", "victim_age": 7700900123}])
    rejected = tmp_path / "rejected.csv"
    _run("classify", str(f), "-o", str(tmp_path / "o.csv"), "--rejected", str(rejected))
    rows = list(csv.reader(rejected.read_text().splitlines()))
    assert not any("john_smith" in c or "7700900123" in c for r in rows for c in r)
    assert len(rows) == 3


@pytest.mark.parametrize("value", ["7700900123.555", "-9434765919", "£7,700,900,123.555"])
def test_an_amount_shows_its_digits_only_when_they_cannot_be_a_phone_number(value: str):
    from svduty.errors import MoneyError
    from svduty.funding import Money

    with pytest.raises(MoneyError) as info:
        Money.parse(value)
    assert value.lstrip("-£") not in str(info.value)
    assert "7700900123" not in str(info.value)
    assert "9434765919" not in str(info.value)
    with pytest.raises(MoneyError, match=r"\(got '263,506\.305'\)"):
        Money.parse("263,506.305")


@pytest.mark.parametrize(
    ("value", "got"),
    [
        ("07700900123", "a string of 11 characters, not shown"),
        ("1.5e1", "a string of 5 characters, not shown"),
        (True, "true or false"),
        (7700900123, "a number of 10 digits, not shown"),
        (131, "a number of 3 digits, not shown"),
    ],
)
def test_an_age_given_anything_says_what_was_given_never_nothing(value, got):
    """An age given as text or true read "(got nothing)", which is false (h3 review)."""
    from svduty.definitions import Incident

    with pytest.raises(DataError) as info:
        Incident.from_json({"victim_age": value})
    assert str(info.value).endswith(f"(got {got})")
    assert "nothing" not in str(info.value)
