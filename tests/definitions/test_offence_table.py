"""The packaged offence table is what ``tools/make_offence_facts.py`` writes.

The readings of each offence (and the reasons for them) live in the generator; the CSV is
its output. The fourteenth session's fixes (code 59, ``threat_of_violence``) were made in
the CSV alone, and running the generator again would have undone them.
"""

from __future__ import annotations

import runpy
from pathlib import Path

from svduty._data import data

TOOL = Path(__file__).resolve().parents[2] / "tools" / "make_offence_facts.py"


def test_the_packaged_table_is_the_generators_output(tmp_path: Path) -> None:
    out = tmp_path / "offence-facts.csv"
    runpy.run_path(str(TOOL))["main"](out)
    packaged = data("offences", "offence-facts.csv").read_bytes()
    assert out.read_bytes() == packaged


def test_the_check_can_fail(tmp_path: Path) -> None:
    generated = tmp_path / "offence-facts.csv"
    runpy.run_path(str(TOOL))["main"](generated)
    text = generated.read_text(encoding="utf-8").replace("\n8N,yes,", "\n8N,no,", 1)
    assert text.encode() != data("offences", "offence-facts.csv").read_bytes()
