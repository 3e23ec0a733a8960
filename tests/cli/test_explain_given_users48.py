"""``svduty explain`` names the facts each answer was given (users48).

An analyst explaining a row of a police.uk month read "answered at the level of the
police.uk category" and "the police.uk category does not settle whether this was
violence", but not which category the row had: the answer's reasons without the one fact
they rest on. Each explanation (text and HTML) now says which facts were given, with the
police.uk category and the offence code by value (public vocabularies, the basis of the
answer); other facts by name only, so that no value that could be personal is repeated.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from svduty.io import sample_police_uk

from ..cli_run import run


def _given(out: str) -> list[str]:
    return [s for s in out.splitlines() if s.startswith("  given:")]


def test_a_police_uk_row_names_its_category(tmp_path: Path) -> None:
    month = tmp_path / "2025-06-warwickshire-street.csv"
    shutil.copy(sample_police_uk(), month)
    code, out, err = run("explain", str(month), "--row", "2")
    assert (code, err) == (0, "")
    category = month.read_text(encoding="utf-8").splitlines()[1].split(",")[9]
    assert _given(out) == [
        f"  given:               date, police_uk_category ({category}), location"
    ]
    lines = out.splitlines()
    at = lines.index(_given(out)[0])
    assert lines[at - 1].startswith("Incident ")  # before the answers it explains
    assert lines[at + 1].startswith("  violence:")


def test_an_incident_names_its_facts_and_shows_no_other_value(tmp_path: Path) -> None:
    f = tmp_path / "in.jsonl"
    f.write_text(
        '{"id": "a", "offence_code": "8N", "victim_age": 34, "relationship": "married"}\n'
        '{"id": "b"}\n',
        encoding="utf-8",
    )
    code, out, err = run("explain", str(f))
    assert (code, err) == (0, "")
    assert _given(out) == [
        "  given:               offence_code (8N), victim_age, relationship",
        "  given:               no fact",
    ]
    assert "34" not in out  # the age is named, never shown


def test_html_names_the_facts(tmp_path: Path) -> None:
    f = tmp_path / "in.jsonl"
    f.write_text('{"id": "a", "police_uk_category": "Robbery"}\n', encoding="utf-8")
    code, out, _ = run("explain", str(f), "--format", "html")
    assert code == 0
    assert "<p><b>given</b>: police_uk_category (Robbery)</p>" in out


def test_one_rejected_row_is_said_in_the_singular(tmp_path: Path) -> None:
    """ "every one of the 1 rows read was rejected": one row is said as one."""
    f = tmp_path / "in.jsonl"
    f.write_text('{"id": "x", "victim_age": "thirty"}\n', encoding="utf-8")
    code, out, _ = run("explain", str(f))
    assert code == 1
    said = "No incidents explained: the only row read was rejected (standard error says why)."
    assert said in out


def test_html_gives_the_facts_before_the_answers_and_parts_the_incidents(tmp_path: Path) -> None:
    """The HTML page had no style and nothing between one incident and the next: the
    ``given`` and ``place`` paragraphs after an incident's reasons read as the start of
    the next one. Each incident is now a section, its facts before its answers."""
    f = tmp_path / "in.jsonl"
    f.write_text('{"id": "a", "offence_code": "8N"}\n{"id": "b"}\n', encoding="utf-8")
    code, out, _ = run("explain", str(f), "--format", "html")
    assert code == 0
    assert out.count("<section") == 2
    assert out.count("</section>") == 2
    first = out[out.index("<section") : out.index("</section>")]
    assert first.index("<b>given</b>") < first.index("<table>") < first.index("<b>place</b>")
    assert "<style>" in out[: out.index("<main>")]
