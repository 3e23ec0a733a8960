"""A notebook's code fits the docs' code column (users50).

In the policy notebook's page (1280 pixels wide) a line of 93 characters,
``print("relations added:", ..., len(diff.relations_removed))``, ran past the code cell's
edge: the reader scrolled the cell sideways to see its end. users49 made the outputs wrap;
code does not wrap (a wrapped line of Python reads as two), so each line is kept short.
"""

from __future__ import annotations

import json
from pathlib import Path

NOTEBOOKS = Path(__file__).resolve().parents[1] / "docs" / "notebooks"
WIDTH = 88  # what the column shows whole at 1280 pixels (about 90 characters)


def test_no_line_of_notebook_code_is_wider_than_the_column() -> None:
    wide = []
    for path in sorted(NOTEBOOKS.glob("*.ipynb")):
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        for n, cell in enumerate(cells):
            if cell["cell_type"] == "code":
                lines = "".join(cell["source"]).splitlines()
                wide += [f"{path.name} cell {n}: {x}" for x in lines if len(x) > WIDTH]
    assert not wide, wide
