"""A notebook's printed output wraps in the HTML (users49: in the policy notebook's page
the what-if's log and the errors it finds were cut at the column's edge, each line
readable only by scrolling it sideways)."""

from __future__ import annotations

import re
from pathlib import Path

DOCS = Path(__file__).resolve().parents[1] / "docs"


def _css_files() -> list[str]:
    text = (DOCS / "conf.py").read_text(encoding="utf-8")
    found = re.search(r"^html_css_files = \[([^\]]*)\]", text, re.MULTILINE)
    return re.findall(r'"([^"]+)"', found.group(1)) if found else []


def test_the_docs_style_wraps_notebook_outputs():
    rules = "".join((DOCS / "_static" / name).read_text(encoding="utf-8") for name in _css_files())
    block = re.search(r"div\.cell_output pre\s*\{([^}]*)\}", rules)
    assert block is not None, "no rule for a notebook cell's output"
    assert re.search(r"white-space:\s*pre-wrap", block.group(1))
