"""``svduty validate`` takes two fire and rescue records of one legal body for one (law52).

Fire and Rescue Services Act 2004 s.1(2)(a): "a non-metropolitan county council is the fire
and rescue authority for the county"; s.1(1): "The fire and rescue authority for an area is
the authority determined under this section". ``svduty init`` writes Warwickshire County
Council's fire capacity as a record joined to the council (``same_body_as``). A bundle that
records that capacity twice (both joined to the council) records one authority; validate
reported ``BUNDLE-FIRE-AUTHORITIES`` ("an area has one fire and rescue authority") and exit
status 1. A second record not joined to the council is still that error: svduty never
guesses two records are one body.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..bundles import edited_bundle
from ..cli_run import run

WARWICKSHIRE = "E10000031"
SECOND = """
[[authorities]]
id = "warwickshire-fire-and-rescue-service"
name = "Warwickshire Fire and Rescue Service"
category = "fire_and_rescue_authority"
areas = ["E31000036"]
nation = "england"
{joined}
[authorities.valid]
start = "2023-01-31"

[authorities.citation]
source = "pcsc-act-2022"
provision = "Sch 1 (a fire and rescue authority)"
"""


def _bundle(tmp_path: Path, *, joined: bool) -> Path:
    same = 'same_body_as = "warwickshire-county-council"\n' if joined else ""
    return edited_bundle(
        tmp_path, WARWICKSHIRE, "warwickshire", lambda text: text + SECOND.format(joined=same)
    )


def _rules(out: str) -> list[str]:
    """The rule of each problem of a ``validate --format json`` document."""
    return [p["problem"].split(":")[0] for p in json.loads(out)["problems"]]


def test_the_county_council_recorded_twice_as_fire_authority_is_no_error(tmp_path):
    """Fails before law52: BUNDLE-FIRE-AUTHORITIES, exit status 1."""
    code, out, _ = run("validate", _bundle(tmp_path, joined=True), "--format", "json")
    assert "BUNDLE-FIRE-AUTHORITIES" not in _rules(out)
    assert code == 0, out


def test_a_second_record_not_joined_is_still_an_error(tmp_path):
    code, out, _ = run("validate", _bundle(tmp_path, joined=False), "--format", "json")
    assert code == 1
    assert _rules(out).count("BUNDLE-FIRE-AUTHORITIES") == 1, out
