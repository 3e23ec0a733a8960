"""Fuzz: mutated bundles either validate or give a clean report; nothing leaks.

Each example takes one file of the packaged Warwickshire bundle or of the example bundle,
changes it the way people (and tools) break TOML files - a value of another type, a name
or a date of birth in a field or as a key, a deleted key, a string for a list, a table
given twice, deep nesting - and runs ``svduty validate`` on it. The command must exit 0 or
1 with one problem per line naming the file (never a traceback, never another exception),
and no generated name or date of birth may appear in what it prints. A date of any file
given as a TOML date-time or local time is refused, naming the file and the field.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import shutil
import tempfile
import tomllib
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from hypothesis import example, given
from hypothesis import strategies as st

from svduty.cli import main
from svduty.io import MANIFEST, SECTIONS

from .budget import budget
from .mutations import mutate
from .personal import Personal, leaks, personal

WARWICKSHIRE = Path(str(resources.files("svduty").joinpath("data", "warwickshire")))
EXAMPLE = Path(__file__).parents[1] / "data" / "example-bundle"
BUNDLES = {"warwickshire": WARWICKSHIRE, "example": EXAMPLE}


def _files(root: Path) -> list[str]:
    names = [MANIFEST, *(s.file for s in SECTIONS.values())]
    names += [f"scenarios/{f.name}" for f in sorted((root / "scenarios").glob("*.toml"))]
    return [n for n in names if (root / n).is_file()]


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, str, Any, list[Personal]]:
    """(bundle, file, new data, personal values put in) for one mutation of one file."""
    bundle = draw(st.sampled_from(sorted(BUNDLES)))
    file = draw(st.sampled_from(_files(BUNDLES[bundle])))
    data = tomllib.loads((BUNDLES[bundle] / file).read_text(encoding="utf-8"))
    put = draw(mutate(data))
    return bundle, file, data, put


def _validate(root: Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["validate", str(root), "--format", "json"], stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def copies(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("bundles")
    out = {}
    for name, root in BUNDLES.items():
        out[name] = base / name
        shutil.copytree(root, out[name])
    return out


def _said_once(problems: list[dict[str, object]]) -> int:
    """The lines the text says for the JSON document's problems: one a problem, and one
    for all the citations of an unknown source in a file (svduty.errors.sources_once)."""
    sources = {
        (p["file"], p["row"], p["problem"])
        for p in problems
        if str(p["problem"]).startswith("unknown source: ")
    }
    others = [p for p in problems if not str(p["problem"]).startswith("unknown source: ")]
    return len(sources) + len(others)


def _district_named_as_a_person() -> tuple[str, str, Any, list[Personal]]:
    """hostile57's long run (seed 561): Warwick named "Jane Citizen" in areas.toml; the
    funding check listed the districts by the bundle's names, the person's among them."""
    data = tomllib.loads((WARWICKSHIRE / "areas.toml").read_text(encoding="utf-8"))
    (warwick,) = [a for a in data["areas"] if a.get("code") == "E07000222"]
    warwick["name"] = "Jane Citizen"
    return "warwickshire", "areas.toml", data, [Personal("Jane Citizen", ("Citizen",))]


@budget(25)
@given(case=mutated())
@example(case=_district_named_as_a_person())
def test_a_mutated_bundle_validates_or_is_reported_cleanly(copies, case):
    bundle, file, data, put = case
    root = copies[bundle]
    target = root / file
    original = target.read_bytes()
    try:
        target.write_text(tomli_w.dumps(data), encoding="utf-8")
        code, out, err = _validate(root)
    finally:
        target.write_bytes(original)
    assert code in (0, 1)
    report = json.loads(out)
    assert report["ok"] is (code == 0)
    # the problems are the document's; standard error says how many, in one line
    said = f"{_said_once(report['problems'])} problem(s) in the bundle" if code else None
    assert err == (
        "" if said is None else f"svduty validate: error: {said}, listed on standard output\n"
    )
    for problem in report["problems"]:
        assert problem["file"], problem
        assert problem["problem"], problem
        assert "Traceback" not in problem["problem"]
        assert " object " not in problem["problem"], problem  # no Python internals
    assert leaks([out, err], put) == []


@budget(10)
@given(text=st.text(max_size=200), extra=personal)
def test_any_text_as_a_section_file(copies, text, extra):
    """Not TOML, half TOML, a name on its own: a clean problem naming the file."""
    root = copies["example"]
    target = root / "areas.toml"
    original = target.read_bytes()
    try:
        target.write_text(f"{text}\n{extra.text}\n", encoding="utf-8")
        code, out, err = _validate(root)
    finally:
        target.write_bytes(original)
    assert code == 1
    assert all(p["file"] for p in json.loads(out)["problems"])
    assert leaks([out, err], [extra]) == []


_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _dates(value: Any, path: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    """The paths of the dates in plain TOML data: TOML local dates and ``YYYY-MM-DD``."""
    if isinstance(value, dict):
        return [p for k, v in value.items() for p in _dates(v, (*path, k))]
    if isinstance(value, list):
        return [p for i, v in enumerate(value) for p in _dates(v, (*path, i))]
    day = type(value) is dt.date or (isinstance(value, str) and _DAY.fullmatch(value))
    return [path] if day else []


DATES = [
    (bundle, file, path)
    for bundle, root in sorted(BUNDLES.items())
    for file in _files(root)
    for path in _dates(tomllib.loads((root / file).read_text(encoding="utf-8")))
]
"""Every date of every file of the two bundles, as (bundle, file, path in the data)."""


def _shown_path(path: tuple[str | int, ...]) -> str:
    """A path as problems name it: ``areas[8].citation.as_at``."""
    return "".join(f"[{k}]" if isinstance(k, int) else f".{k}" for k in path).lstrip(".")


_OFFSETS = st.none() | st.builds(
    dt.timezone, st.integers(-12 * 60, 14 * 60).map(lambda m: dt.timedelta(minutes=m))
)
_TIMED = (
    st.datetimes(
        min_value=dt.datetime(1900, 1, 1), max_value=dt.datetime(2100, 1, 1), timezones=_OFFSETS
    )
    | st.times()
)


@budget(15)
@given(where=st.sampled_from(DATES), value=_TIMED)
def test_a_date_time_or_a_time_where_a_date_is_expected_is_refused(copies, where, value):
    """TOML's 2023-01-01T00:00:00Z (or a local 09:00:00) in any date field: refused."""
    bundle, file, path = where
    root = copies[bundle]
    target = root / file
    original = target.read_bytes()
    data = tomllib.loads(original.decode("utf-8"))
    node = data
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    try:
        target.write_text(tomli_w.dumps(data), encoding="utf-8")
        code, out, _ = _validate(root)
    finally:
        target.write_bytes(original)
    assert code == 1
    kind = "without a time of day (TOML date-time)"
    if not isinstance(value, dt.datetime):
        kind = "not a time of day (TOML local time)"
    assert {
        "file": file,
        "row": None,
        "field": _shown_path(path),
        "problem": f"expected a date YYYY-MM-DD, {kind}",
    } in json.loads(out)["problems"]


def test_the_copies_are_restored_between_examples(copies):
    for root in copies.values():
        assert _validate(root)[0] == 0
    with tempfile.TemporaryDirectory() as d:
        assert _validate(Path(d))[0] == 1
