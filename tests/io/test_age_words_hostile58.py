"""An impossible age is said in one wording, whatever the reader (hostile58).

A CSV cell of ten digits or more (``9999999999``) was rejected as "expected a whole number
of years", which it is, where an age of 131, and the same number in JSON Lines, say "a
whole number of years 0 to 130"; and ``0000000030`` (an age of 30) was rejected so too.
Every whole number outside 0 to 130 is now said to be out of range; one inside is read.
"""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import example, given
from hypothesis import strategies as st

from svduty.definitions._spelling import AGE_RANGE, WHOLE
from tests.cli_run import run
from tests.fuzz.budget import budget


def _reasons(tmp_path: Path, name: str, body: str) -> tuple[list[str], list[int | None]]:
    f = tmp_path / name
    f.write_text(body)
    out = tmp_path / "out.jsonl"
    code, said, err = run("classify", f, "-o", out)
    assert code == 0, err
    reasons = [line.split(": ", 2)[2] for line in said.splitlines() if ": row " in line]
    ages = [json.loads(line)["victim_age"] for line in out.read_text().splitlines()]
    return reasons, ages


@given(st.integers(-(10**25), 10**25), st.integers(0, 12), st.sampled_from(["", "+"]))
@example(9_999_999_999, 0, "")
@example(30, 8, "")
@example(31, 8, "+")
@example(-1, 10, "")
@example(10**19, 0, "")
@budget(30)
def test_a_whole_number_is_an_age_or_out_of_range(
    tmp_path_factory: object, years: int, zeros: int, sign: str
) -> None:
    tmp_path = tmp_path_factory.mktemp("ages")  # type: ignore[attr-defined]
    digits = "0" * zeros + str(abs(years))
    cell = ("-" if years < 0 else sign) + digits
    reasons, ages = _reasons(tmp_path, "in.csv", f"id,offence_code,victim_age\na,8N,{cell}\n")
    if 0 <= years <= 130:
        assert (reasons, ages) == ([], [years])
        return
    [reason] = reasons
    assert reason.startswith(f"victim_age: expected {AGE_RANGE}")
    assert reason != f"victim_age: expected {WHOLE}"
    if abs(years) > 1000:
        assert str(abs(years)) not in reason  # never the value
    # JSON Lines says the same
    line = json.dumps({"id": "a", "offence_code": "8N", "victim_age": years})
    [said] = _reasons(tmp_path, "in.jsonl", line + "\n")[0]
    assert said.startswith(f"victim_age: expected {AGE_RANGE}")
