"""Fuzz: what-if scenario files and funding split files, through the public CLI.

A mutated scenario (``svduty governance --scenario``) or split file (``svduty funding
--split``) is applied or refused with exit 1 and a message naming the file; never another
exception, and never a generated name or date of birth in an error.
"""

from __future__ import annotations

import tempfile
import tomllib
from importlib import resources
from pathlib import Path
from typing import Any

import tomli_w
from hypothesis import example, given
from hypothesis import strategies as st

from ..cli_run import run
from .budget import budget
from .mutations import mutate, scalars
from .personal import leaks, personal

SCENARIOS = sorted(
    Path(str(resources.files("svduty").joinpath("data", "warwickshire", "scenarios"))).glob(
        "*.toml"
    )
)
RECIPIENTS = ["north-warwickshire", "nuneaton-and-bedworth", "rugby", "south-warwickshire"]


def written(data: Any, name: str) -> tuple[tempfile.TemporaryDirectory[str], str]:
    folder = tempfile.TemporaryDirectory()
    path = Path(folder.name) / name
    path.write_text(tomli_w.dumps(data), encoding="utf-8")
    return folder, str(path)


@st.composite
def scenarios(draw: st.DrawFn) -> tuple[dict[str, Any], list[Any]]:
    source = draw(st.sampled_from(SCENARIOS))
    data = tomllib.loads(source.read_text(encoding="utf-8"))
    return data, draw(mutate(data))


@budget(30)
@given(case=scenarios(), validate=st.booleans())
def test_a_mutated_scenario_applies_or_is_refused_cleanly(case, validate):
    data, put = case
    folder, path = written(data, "what-if.toml")
    with folder:
        args = ["governance", "--scenario", path, "--format", "json"]
        code, _, err = run(*args, *(["--validate"] if validate else []))
    assert code in (0, 1)
    if code == 1 and not validate:
        assert err.startswith("svduty governance: error: ")
        assert "what-if.toml" in err or "scenario " in err  # the file, or the scenario by name
    assert leaks([err], put) == []


amounts = st.one_of(
    st.sampled_from(["1000", "0", "10.55", "£1,234.56", "-5", "NaN", "1e9", "10.555"]),
    scalars,
)
# shares written as fractions (forty-third session), odd ones too (hostile43b)
fractions = st.sampled_from(["1/3", "2/3", "0/1", "01/3", "1//3", "1/0", "-1/3", "١/٣", "1/3 "])
weights = st.dictionaries(
    st.one_of(st.sampled_from(RECIPIENTS), st.builds(lambda p: p.text, personal)),
    st.one_of(amounts, st.integers(-3, 10), fractions),
    max_size=4,
)
# a hundred weights over as many 60-digit denominators: exact shares of 6,000 digits, which
# a split's JSON cannot write ("unexpected ValueError", hostile43b)
UNLIKE = {f"r{i}": f"1/{10**59 + 2 * i + 1}" for i in range(100)}


@st.composite
def splits(draw: st.DrawFn) -> tuple[dict[str, Any], list[Any]]:
    data: dict[str, Any] = {}
    choices = {
        "year": st.one_of(st.sampled_from(["2023/24", "2024/25", "2031/32", "24/25"]), scalars),
        "category": st.one_of(st.sampled_from(["labour", "non_labour", "capital"]), scalars),
        "amount": amounts,
        "method": st.one_of(
            st.sampled_from(["equal", "population", "needs", "weights", "shares", "dice"]),
            scalars,
        ),
        "measure": st.one_of(st.sampled_from(["change", "mean", "level"]), scalars),
        "weights": weights,
        "floors": weights,
        "caps": weights,
    }
    for key in draw(st.lists(st.sampled_from(sorted(choices)), unique=True, max_size=6)):
        data[key] = draw(choices[key])
    put = []
    if draw(st.booleans()):
        put.append(draw(personal))
        data[put[-1].text] = draw(scalars)
    for table in ("weights", "floors", "caps"):
        for key in data.get(table, {}) if isinstance(data.get(table), dict) else {}:
            if key not in RECIPIENTS:
                put.append(next(p for p in [draw(st.just(key))] if p))  # the key itself
    return data, put


@budget(40)
@given(case=splits(), fmt=st.sampled_from(["text", "json"]))
@example(case=({"amount": "1000", "method": "weights", "weights": UNLIKE}, []), fmt="json")
def test_a_split_file_is_applied_or_refused_cleanly(case, fmt):
    data, put = case
    folder, path = written(data, "split.toml")
    with folder:
        code, _, err = run("funding", "--split", path, "--format", fmt)
    assert code in (0, 1), err
    if code == 1:
        assert err.startswith("svduty funding: error: ")
        assert "unexpected" not in err, err  # an internal error, not the file's
    markers = [p for p in put if not isinstance(p, str)]
    names = [p for p in put if isinstance(p, str)]
    assert leaks([err], markers) == []
    for name in names:
        assert name not in err
