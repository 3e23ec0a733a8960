"""Hostile files found by the session 8 review: each failed before its fix."""

from __future__ import annotations

import json
import os
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

import svduty
from svduty._report._build import _outside_period
from svduty.definitions import Definition, Included
from svduty.errors import BundleError, DefinitionError, FundingError, InputFormatError
from svduty.funding import Money, split
from svduty.io import read_toml, write_toml
from svduty.sources import cite


def test_a_toml_file_starting_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    f = tmp_path / "bundle.toml"
    f.write_bytes(b'\xef\xbb\xbfname = "x"\n')
    assert read_toml(f) == {"name": "x"}


def test_a_number_past_the_conversion_limit_is_a_bundle_error(tmp_path: Path) -> None:
    f = tmp_path / "bundle.toml"
    f.write_text("big = " + "7" * 5000 + "\n", encoding="utf-8")
    with pytest.raises(BundleError) as info:
        read_toml(f)
    (problem,) = info.value.problems
    assert problem.file == str(f)
    assert "too long" in problem.message
    assert "7777" not in str(info.value)


def test_write_toml_leaves_the_old_file_whole_when_it_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    f = tmp_path / "out.toml"
    write_toml(f, {"name": "old"})

    def boom(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(InputFormatError, match="cannot write the file \\(No space"):
        write_toml(f, {"name": "new"})
    assert read_toml(f) == {"name": "old"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.toml"]


@pytest.mark.parametrize("weight", ["1e100000", "1e-100000", Decimal("1E+100000")])
def test_a_weight_of_absurd_magnitude_is_refused_before_it_is_built(weight: object) -> None:
    # "1e999999999" made svduty funding --split compute for minutes (a billion-digit
    # Fraction); 1e100000 stands for it here, fast enough to fail without the bound
    with pytest.raises(FundingError) as info:
        split(Money.parse("1000"), {"a": weight, "b": 1})
    (problem,) = info.value.problems
    assert problem.field == "weights[a]"
    assert problem.expected == "a weight between 1E-60 and 1E+60"


def test_weights_within_the_bound_and_zero_with_any_exponent_split() -> None:
    shares = split(Money.parse("1000"), {"a": "1e60", "b": "0e999999999", "c": "1E-60"}).shares
    assert [str(s.amount) for s in shares] == ["£1,000", "£0", "£0"]


@pytest.mark.parametrize("weight", ["NaN", "-Infinity", "sNaN", "abc"])
def test_a_weight_that_is_not_a_number_is_refused(weight: str) -> None:
    with pytest.raises(FundingError) as info:
        split(Money.parse("1000"), {"a": weight, "b": 1})
    assert info.value.problems[0].expected == "a number"


def test_the_report_names_the_last_and_first_months_a_file_can_hold() -> None:
    # Month 9999-12 raised "year 10000 is out of range" in svduty report (unexpected
    # ValueError): the note on months outside the local area's period added one month
    notes = _outside_period(["0001-01", "2024-06", "9999-12"], svduty.warwickshire())
    (note,) = notes
    assert "9999-12;" in note
    assert "2024-06" not in note
    assert "0001-01" not in note  # before the Duty: the Duty's note names it (users55)


def test_a_definition_whose_age_limits_exclude_every_age_is_refused() -> None:
    c = cite("pcsc-act-2022", "s.13")
    include = (Included("s13_violence", c),)
    with pytest.raises(DefinitionError) as info:
        Definition("d", "t", c, include, victim_age_below=18, victim_age_at_least=30)
    assert [p.field for p in info.value.problems] == ["victim_age_at_least"]
    with pytest.raises(DefinitionError):
        Definition("d", "t", c, include, victim_age_below=18, victim_age_at_least=18)
    ok = Definition("d", "t", c, include, victim_age_below=25, victim_age_at_least=10)
    assert (ok.victim_age_at_least, ok.victim_age_below) == (10, 25)


@pytest.mark.parametrize(
    ("weight", "expected"),
    [
        ("1." + "0" * 5000 + "1", "a weight of at most 60 significant digits"),
        (Decimal("0." + "3" * 61), "a weight of at most 60 significant digits"),
        (10**5000, "a weight between 1E-60 and 1E+60"),
        (Fraction(1, 10**5000), "a weight between 1E-60 and 1E+60"),
        (Fraction(10**5000 + 1, 10**5000), "a weight of at most 60 significant digits"),
    ],
    ids=["long-text", "long-decimal", "huge-int", "tiny-fraction", "long-fraction"],
)
def test_a_weight_of_absurd_length_is_refused(weight: object, expected: str) -> None:
    # a split file's weight "1.000...0001" of 5,002 digits split, then `svduty funding
    # --format json` stopped with "unexpected ValueError" (Python's 4,300-digit limit on
    # writing an integer); an int or Fraction weight escaped the bound on magnitude
    with pytest.raises(FundingError) as info:
        split(Money.parse("1000"), {"a": weight, "b": 1})
    (problem,) = info.value.problems
    assert (problem.field, problem.expected) == ("weights[a]", expected)


def test_a_weight_of_sixty_digits_or_with_trailing_zeros_splits() -> None:
    long = "0." + "0" * 59 + "1" * 60  # 60 significant digits, near 1E-60
    written_out = "1" + "0" * 60  # 1E+60 in full: 61 digits, 60 of them trailing zeros
    sp = split(Money.parse("1000"), {"a": long, "b": written_out, "c": 10**60})
    assert sp.total() == Money.parse("1000")
    assert json.dumps(sp.as_dict())
