"""``svduty explain`` says where each incident is, as ``svduty classify`` places it.

An incident in Coventry or Cardiff explained against Warwickshire's definition printed
``in_scope: yes`` and nothing about its place, while ``svduty classify`` gives the same
row ``within_area`` ``outside``: the duty is to prevent and reduce serious violence in
the area (PCSC Act 2022 s.8(1); s.13(1)(b): "reducing instances of serious violence in the
area"), so a reader of explain took an incident outside the area as within the duty
(cases46b).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ..cli_run import run

ROWS = [
    {"id": "warwick", "offence_code": "1", "location": "E07000222"},
    {"id": "lsoa", "offence_code": "1", "location": "E01031005"},
    {"id": "coventry", "offence_code": "1", "location": "E08000026"},
    {"id": "cardiff", "offence_code": "1", "location": "W06000015", "country": "wales"},
    {"id": "nowhere", "offence_code": "1"},
    {"id": "unknown", "offence_code": "1", "location": "E05999999"},
]


@pytest.fixture
def incidents(tmp_path: Path) -> Path:
    f = tmp_path / "in.jsonl"
    f.write_text("".join(json.dumps(r) + "\n" for r in ROWS), "utf-8")
    return f


def _place(out: str, ident: str) -> str:
    block = out.split(f"Incident {ident} ")[1].split("\nIncident ", maxsplit=1)[0]
    return next(s for s in block.splitlines() if s.startswith("  place:"))


@pytest.mark.parametrize(
    ("ident", "words"),
    [
        ("warwick", "inside the partnership's area (Warwick, E07000222)"),
        ("lsoa", "inside the partnership's area (North Warwickshire, E07000218)"),
        ("coventry", "outside the partnership's area (Coventry, E08000026)"),
        ("cardiff", "outside the partnership's area (Cardiff, W06000015)"),
        ("nowhere", "no location given"),
        ("unknown", "not placed"),
    ],
)
def test_explain_says_where_the_incident_is(incidents: Path, ident: str, words: str) -> None:
    code, out, _ = run("explain", str(incidents))
    assert code == 0
    assert words in _place(out, ident)


def test_explain_agrees_with_classify_on_every_place(incidents: Path, tmp_path: Path) -> None:
    rows = tmp_path / "out.jsonl"
    code, _, _ = run("classify", str(incidents), "-o", str(rows))
    assert code == 0
    within = {
        (r := json.loads(line))["id"]: r["within_area"] for line in rows.read_text().splitlines()
    }
    _, out, _ = run("explain", str(incidents))
    said = {
        "inside": "inside the",
        "outside": "outside the",
        "no_location": ("no location", "not placed"),
    }
    for ident, where in within.items():
        assert _place(out, ident).split(":", 1)[1].strip().startswith(said[where])


def test_the_place_line_comes_before_the_kinds(incidents: Path) -> None:
    _, out, _ = run("explain", str(incidents), "--id", "coventry")
    lines = out.splitlines()
    place = next(i for i, s in enumerate(lines) if s.startswith("  place:"))
    assert lines[place - 1].startswith("  homicide_review:")
    assert lines[place + 1].startswith("  kinds:")


def test_html_says_the_place(incidents: Path) -> None:
    _, out, _ = run("explain", str(incidents), "--id", "cardiff", "--format", "html")
    assert "<p><b>place</b>: outside the partnership&#x27;s area (Cardiff, W06000015)" in out
