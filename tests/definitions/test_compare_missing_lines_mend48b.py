"""explain --compare-definition: one line of missing facts per definition (mend48b).

users48: one incident undetermined under london-vru was followed by nine lines, each
``missing: london-vru: <fact>``. The text now gives one line for each definition
(``missing for london-vru: victim_age, context, ...``); the JSON still lists each fact.
"""

from __future__ import annotations

import io
import json

from hypothesis import given
from hypothesis import strategies as st

from svduty.answers import Verdict
from svduty.cli import main
from svduty.definitions import DefinitionDifference
from svduty.definitions._compare import Comparison
from svduty.samples import sample_path

_FACT = st.from_regex(r"[a-z_]{1,12}", fullmatch=True)


def _explain(*args: str) -> str:
    out, err = io.StringIO(), io.StringIO()
    assert main(["explain", str(sample_path("incidents")), *args], stdout=out, stderr=err) == 0
    return out.getvalue()


def test_the_sample_incident_has_one_missing_line_for_london_vru() -> None:
    text = _explain("--definition", "pcsc-s13", "--compare-definition", "london-vru")
    missing = [line for line in text.splitlines() if line.lstrip().startswith("missing")]
    assert len(missing) == 1, missing
    assert missing[0].startswith("  missing for london-vru: victim_age, ")
    facts = missing[0].split(": ", 1)[1].split(", ")
    assert len(facts) == len(set(facts)) > 1


def test_the_json_still_lists_each_fact() -> None:
    args = ("--definition", "pcsc-s13", "--compare-definition", "london-vru", "--format", "json")
    data = json.loads(_explain(*args))
    (difference,) = data["differences"]
    assert len(difference["missing"]) > 1
    assert all(m.startswith("london-vru: ") for m in difference["missing"])


@given(
    first=st.lists(_FACT, max_size=5, unique=True),
    second=st.lists(_FACT, max_size=5, unique=True),
)
def test_each_definition_one_line_every_fact_once(first: list[str], second: list[str]) -> None:
    missing = tuple(f"a: {f}" for f in first) + tuple(f"b: {f}" for f in second)
    d = DefinitionDifference(0, "x", Verdict.UNDETERMINED, Verdict.UNDETERMINED, missing=missing)
    lines = [
        line
        for line in Comparison("a", "b", 1, 0, differences=(d,)).to_text().splitlines()
        if line.startswith("  missing")
    ]
    expected = [(i, fs) for i, fs in (("a", first), ("b", second)) if fs]
    assert lines == [f"  missing for {i}: {', '.join(fs)}" for i, fs in expected]
