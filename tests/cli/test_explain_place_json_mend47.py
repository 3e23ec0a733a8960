"""mend47: ``explain --format json`` and a police.uk month's rows say where each incident is.

cases46b gave ``svduty explain``'s text and HTML a ``place:`` line (the duty is for
serious violence "in the area", PCSC Act 2022 s.8(1), s.13(1)), worked out as ``classify``
places the incident; its JSON lines and the rows of a police.uk month said nothing. Now
each JSON line carries ``within_area``, ``district_code`` and ``district_name`` as
``classify``'s output gives them, and a police.uk row's place (text, HTML, JSON) is the
one ``classify`` gave the row, from the same run of the pipeline.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from svduty.io import sample_police_uk
from svduty.io._contract_schemas import classification_schema

from ..cli_run import run

PLACE = ("within_area", "district_code", "district_name")
INCIDENTS = [
    {"id": "warwick", "offence_code": "8N", "location": "E01031180"},
    {"id": "cardiff", "offence_code": "8N", "location": "W06000015"},
    {"id": "birmingham", "offence_code": "8N", "location": "E08000025"},
    {"id": "nowhere", "offence_code": "8N"},
    {"id": "unknown", "offence_code": "8N", "location": "E99999999"},
]


def _classified(path: Path, tmp_path: Path) -> dict[object, dict[str, object]]:
    out = tmp_path / "classified.jsonl"
    code, _, err = run("classify", path, "-o", out)
    assert code == 0, err
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    return {r["row"]: r for r in rows}


def _explained(path: Path, *extra: str) -> list[dict[str, object]]:
    code, out, err = run("explain", path, "--format", "json", *extra)
    assert code == 0, err
    return [json.loads(line) for line in out.splitlines()]


def test_a_json_line_of_explain_says_where_classify_places_the_incident(tmp_path: Path) -> None:
    f = tmp_path / "in.jsonl"
    f.write_text("".join(json.dumps(r) + "\n" for r in INCIDENTS), encoding="utf-8")
    classified = _classified(f, tmp_path)
    explained = _explained(f)
    assert [e["id"] for e in explained] == [r["id"] for r in INCIDENTS]
    for e in explained:
        assert {k: e[k] for k in PLACE} == {k: classified[e["row"]][k] for k in PLACE}
    assert [e["within_area"] for e in explained] == [
        "inside",
        "outside",
        "outside",
        "no_location",
        "no_location",
    ]


def test_a_police_uk_row_is_placed_as_classify_placed_it(tmp_path: Path) -> None:
    month = sample_police_uk()
    classified = _classified(month, tmp_path)
    outside = next(n for n, r in classified.items() if r["within_area"] == "outside")
    inside = next(n for n, r in classified.items() if r["within_area"] == "inside")
    for n in (outside, inside):
        (line,) = _explained(month, "--row", str(n))
        assert {k: line[k] for k in PLACE} == {k: classified[n][k] for k in PLACE}
        code, text, _ = run("explain", month, "--row", str(n))
        assert code == 0
        place = [s for s in text.splitlines() if s.startswith("  place:")]
        assert len(place) == 1
        assert f"{classified[n]['within_area']} the partnership's area" in place[0]
        assert str(classified[n]["district_code"]) in place[0]
        code, page, _ = run("explain", month, "--row", str(n), "--format", "html")
        assert code == 0
        assert page.count("<p><b>place</b>: ") == 1


def test_the_json_lines_hold_to_the_classification_schema(tmp_path: Path) -> None:
    schema = classification_schema()
    for line in _explained(sample_police_uk(), "--row", "2"):
        jsonschema.validate(line, schema)
    f = tmp_path / "in.jsonl"
    f.write_text("".join(json.dumps(r) + "\n" for r in INCIDENTS), encoding="utf-8")
    for line in _explained(f):
        jsonschema.validate(line, schema)


def test_a_json_line_with_its_place_reads_back(tmp_path: Path) -> None:
    """``Classification.from_json`` reads explain's lines, the place keys too (checked)."""
    import pytest

    import svduty
    from svduty.definitions import Classification
    from svduty.errors import DataError

    f = tmp_path / "in.jsonl"
    f.write_text(json.dumps(INCIDENTS[0]) + "\n", encoding="utf-8")
    (line,) = _explained(f)
    p = svduty.warwickshire()
    back = Classification.from_json(line, sources=p.sources, definition=p.require_definition())
    assert back.to_json() == {
        k: v for k, v in line.items() if k not in ("row", "partnership", *PLACE)
    }
    for bad in ({"within_area": "nearby"}, {"district_code": 5}):
        with pytest.raises(DataError, match=f"^{next(iter(bad))}: expected"):
            Classification.from_json({**line, **bad}, sources=p.sources)
