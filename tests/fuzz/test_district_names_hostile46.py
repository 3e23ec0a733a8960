"""Fuzz: a bundle ``validate`` accepts counts each district's rows under its own name.

``svduty classify``'s summary counts rows by district name (``by_district``). Before
hostile46 a bundle whose two districts had one name (a name copied from the line above)
validated ``ok``, and the summary added the two districts' rows together under that name:
a wrong count from a bundle ``validate`` passed. Now two local government areas of one name
at one time are refused, naming the record (``areas[4].name``), by ``validate`` and by every
command that loads the areas. The example bundle's second district takes a generated name
(the first district's, a planted canary, the county's, any text); whatever it is, either
the bundle is refused, by ``validate`` and ``classify`` alike, naming ``areas.toml``, or each
district's rows are counted apart (the summary names districts; a refusal names none).
"""

from __future__ import annotations

import json
import shutil
import tomllib
from pathlib import Path

import pytest
import tomli_w
from hypothesis import example, given
from hypothesis import strategies as st

from ..cli_run import run
from .budget import budget

EXAMPLE = Path(__file__).parents[1] / "data" / "example-bundle"
FIRST, SECOND = "E07000901", "E07000902"
CANARY = "CANARY-7f3a"


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("names") / "example"
    shutil.copytree(EXAMPLE, root)
    return root


_NAMES = st.one_of(
    st.sampled_from(["Exton", "Sampleford-on-Sea", "Examplshire", "exton", "Exton "]),
    st.text(min_size=1, max_size=30).map(lambda t: f"{t} {CANARY}"),
)


@budget(6)
@given(name=_NAMES, first=st.integers(1, 6), second=st.integers(1, 6))
@example(name="Exton", first=2, second=3)  # the first district's name: refused
def test_two_districts_are_never_counted_as_one(bundle, tmp_path_factory, name, first, second):
    areas = bundle / "areas.toml"
    original = areas.read_bytes()
    data = tomllib.loads(original.decode())
    (record,) = [a for a in data["areas"] if a["code"] == SECOND]
    record["name"] = name
    work = tmp_path_factory.mktemp("rows")
    incidents = work / "incidents.jsonl"
    rows = [(FIRST, i) for i in range(first)] + [(SECOND, i) for i in range(second)]
    incidents.write_text(
        "".join(
            json.dumps({"id": f"{code}-{i}", "date": "2023-06-01", "location": code}) + "\n"
            for code, i in rows
        )
    )
    try:
        areas.write_text(tomli_w.dumps(data), encoding="utf-8")
        valid, shown, _ = run("validate", bundle, "--format", "json")
        code, out, err = run(
            *[
                "classify",
                str(incidents),
                "--partnership",
                str(bundle),
                "--summary",
                "json",
                "-o",
                str(work / "out.jsonl"),
            ]
        )
    finally:
        areas.write_bytes(original)
    if valid != 0:  # refused: by classify too, naming the file, never the name
        assert CANARY not in shown + err
        problems = json.loads(shown)["problems"]
        assert problems, shown
        assert all(p["file"] == "areas.toml" for p in problems), problems
        assert code == 1, err
        assert "areas.toml" in err, err
        return
    assert code == 0, err
    by_district = json.loads(out)["by_district"]
    names = {a["code"]: a["name"] for a in data["areas"]}
    assert by_district[names[FIRST]] == first
    assert by_district[names[SECOND]] == second
    assert names[FIRST] != names[SECOND]
