"""Public functions given an argument of the wrong type raise ``ArgumentError``.

An ``ArgumentError`` is a ``SvdutyError`` (a ``DataError``) and a ``TypeError``; it names
the function's argument and what it takes, and never shows the value given.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest
from hypothesis import given
from hypothesis import strategies as st

import svduty
from svduty import io as svio
from svduty._arguments import path_argument, paths_argument, texts_argument
from svduty.errors import ArgumentError, DefinitionError, SvdutyError

PERSONAL = "Jane Smith 07700900123"

CASES: list[tuple[str, Callable[[], Any]]] = [
    ("load_partnership(path)", lambda: svduty.load_partnership(5)),
    ("load_partnership(path)", lambda: svduty.load_partnership(None)),
    ("load_partnership(path)", lambda: svduty.load_partnership(PERSONAL.encode())),
    ("validate_bundle(path)", lambda: svduty.validate_bundle(None)),
    ("validate_bundle(path)", lambda: svduty.validate_bundle([PERSONAL])),
    ("classify_table(table)", lambda: svduty.classify_table(None)),
    ("classify_table(table)", lambda: svduty.classify_table(PERSONAL)),
    ("classify_table(table)", lambda: svduty.classify_table([{"id": PERSONAL}])),
    ("load_packaged_definition(name)", lambda: svduty.load_packaged_definition(None)),
    ("sample_path(name)", lambda: svduty.sample_path([PERSONAL])),
    ("inputs", lambda: list(svduty.read_police_uk(None))),
    ("inputs", lambda: list(svduty.read_police_uk(5))),
    ("inputs[1]", lambda: list(svduty.read_police_uk(["a.csv", {PERSONAL: 1}]))),
    ("inputs", lambda: list(svio.iter_incidents(PERSONAL.encode()))),
    ("inputs", lambda: svduty.report(None)),
    ("default_pipeline(partnership)", lambda: svduty.report("x.csv", partnership=PERSONAL)),
    ("new_bundle(path)", lambda: svduty.new_bundle(None, ["Leeds"])),
    ("new_bundle(areas)", lambda: svduty.new_bundle("x", PERSONAL)),
    ("new_bundle(areas)", lambda: svduty.new_bundle("x", None)),
    ("new_bundle(areas)[1]", lambda: svduty.new_bundle("x", ["Leeds", 5])),
    ("split(amount)", lambda: svduty.split(None, {"a": 1})),
    ("split(amount)", lambda: svduty.split(PERSONAL, {"a": 1})),
    ("split(weights)", lambda: svduty.split(svduty.Money.parse("10"), None)),
    ("split(floors)", lambda: svduty.split(svduty.Money.parse("10"), {"a": 1}, floors=[1])),
    ("split(caps)", lambda: svduty.split(svduty.Money.parse("10"), {"a": 1}, caps=PERSONAL)),
    ("split(method)", lambda: svduty.split(svduty.Money.parse("10"), {"a": 1}, method=1)),
    ("cite(source_id)", lambda: svduty.cite(None)),
    ("cite(provision)", lambda: svduty.cite("pcsc-act-2022", 5)),
]


@pytest.mark.parametrize(
    ("where", "call"), CASES, ids=[f"{w}-{i}" for i, (w, _) in enumerate(CASES)]
)
def test_a_wrong_type_is_an_argument_error(where: str, call: Callable[[], Any]) -> None:
    with pytest.raises(ArgumentError) as info:
        call()
    err = info.value
    assert isinstance(err, TypeError)
    assert isinstance(err, SvdutyError)
    assert str(err).startswith(f"{where}: expected ")
    assert "Jane" not in str(err)
    assert "07700900123" not in str(err)
    assert err.problems[0].field == where


def test_the_right_types_still_work(tmp_path: Path) -> None:
    definition = svduty.warwickshire().require_definition()
    assert svduty.classify_table(pa.table({"id": ["a"]}), definition).num_rows == 1
    batch = pa.record_batch({"id": ["a"]})
    assert svduty.classify_table(batch).num_rows == 1
    assert svduty.load_partnership(Path(svduty.sample_path("warwickshire-bundle"))).name
    assert svduty.validate_bundle("warwickshire") == []
    month = svduty.sample_police_uk()
    assert sum(b.num_rows for b in svduty.read_police_uk(m for m in [month])) == 4586
    assert svduty.cite("pcsc-act-2022", "s.8(1)").provision == "s.8(1)"
    out = svduty.new_bundle(tmp_path / "leeds", ("Leeds",))
    assert svduty.load_partnership(out).local_area.areas() == ("Leeds",)


def test_classify_table_refuses_a_definition_as_classify_does() -> None:
    with pytest.raises(DefinitionError, match="expected a Definition"):
        svduty.classify_table(pa.table({"id": ["a"]}), "who-2002")  # type: ignore[call-overload]
    with pytest.raises(DefinitionError, match="expected a Definition"):
        svio.default_pipeline(definition="who-2002")  # type: ignore[arg-type]


class _BytesPath(os.PathLike[bytes]):
    def __fspath__(self) -> bytes:
        return b"x.csv"


def test_a_path_like_of_bytes_is_refused() -> None:
    with pytest.raises(ArgumentError, match=r"f\(path\): .*\(got a _BytesPath\)"):
        path_argument(_BytesPath(), "f(path)")


NOT_PATHS = st.one_of(
    st.none(),
    st.integers(),
    st.floats(allow_nan=False),
    st.binary(),
    st.dictionaries(st.text(), st.text(), max_size=2),
    st.booleans(),
)


@given(bad=NOT_PATHS, text=st.text(min_size=1))
def test_anything_but_paths_is_refused_unshown(bad: object, text: str) -> None:
    for call in (
        lambda: paths_argument(bad, "f(inputs)"),
        lambda: paths_argument(["ok.csv", bad], "f(inputs)"),
        lambda: texts_argument([text, bad], "f(areas)", "a name (str)"),
    ):
        with pytest.raises(ArgumentError) as info:
            call()
        name = type(bad).__name__
        kind = "None" if bad is None else ("an " if name[0] in "aeiou" else "a ") + name
        assert str(info.value).startswith("f(")
        assert str(info.value).endswith(f" (got {kind})")  # its type, never the value


def test_an_empty_string_names_no_bundle() -> None:
    # read as a path, "" is the current folder: never what was meant (an unset variable)
    for call in (svduty.load_partnership, svduty.validate_bundle):
        with pytest.raises(svduty.BundleError, match="not an empty string"):
            call("")


def _deliberate_raises():  # type: ignore[no-untyped-def]
    import pyarrow as pa

    from svduty.authorities import can_be_directed, category_info
    from svduty.funding import split_equal
    from svduty.io import bounded_counts, in_scope_counts, load_sections

    p = svduty.warwickshire()
    authority = p.authorities.get("warwickshire-county-council")
    result = svduty.classify(svduty.Incident(offence_code="8N"))
    return [
        lambda: result.explain("xml"),
        lambda: category_info("x"),
        lambda: can_be_directed(authority, "nope"),
        lambda: in_scope_counts(pa.table({"x": [1]})),
        lambda: bounded_counts(pa.table({"x": [1]})),
        lambda: load_sections("warwickshire", "money"),
        lambda: split_equal(svduty.Money.parse("10"), "abc"),
    ]


@pytest.mark.parametrize("index", range(7))
def test_what_svduty_raises_on_purpose_is_an_svduty_error(index):  # type: ignore[no-untyped-def]
    """The developer tutorial promises it; these raised a bare ValueError or KeyError, and
    split_equal split £10 between 'a', 'b' and 'c' (developer review)."""
    from svduty.errors import SvdutyError

    with pytest.raises(SvdutyError):
        _deliberate_raises()[index]()


def test_the_main_entry_points_say_a_wrong_type_is_one():
    """A developer's review: classify(dict) and FinancialYear.parse(2024) raised a plain
    DataError, which handle-errors.rst says a wrong type is not."""
    import svduty
    from svduty.errors import ArgumentError

    with pytest.raises(ArgumentError, match=r"classify\(incident\): .* \(got a dict\)"):
        svduty.classify({"offence_code": "8N"})  # type: ignore[arg-type]
    with pytest.raises(ArgumentError, match=r"\(got an int\)"):
        svduty.FinancialYear.parse(2024)  # type: ignore[arg-type]
    with pytest.raises(ArgumentError, match=r"year: .*\(got an int\)"):
        svduty.warwickshire().funding.allocation(2024)  # type: ignore[arg-type,union-attr]
    with pytest.raises(TypeError):  # an ArgumentError is a TypeError too
        svduty.classify(None)  # type: ignore[arg-type]
