"""The example notebooks of docs/notebooks run top to bottom on the installed svduty."""

from __future__ import annotations

from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

NOTEBOOKS = Path(__file__).resolve().parents[1] / "docs" / "notebooks"


def run(name: str) -> str:
    """Execute a notebook; all its text output."""
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    assert all(not cell.get("outputs") for cell in nb.cells if cell.cell_type == "code"), (
        f"{name} is kept without outputs (the docs build and this test make them)"
    )
    nbclient.NotebookClient(nb, timeout=180, kernel_name="python3").execute()
    texts = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            texts.append(out.get("text", ""))
            texts.append(out.get("data", {}).get("text/plain", ""))
    return "\n".join(texts)


def test_the_notebooks_are_the_ones_the_docs_show():
    assert sorted(p.name for p in NOTEBOOKS.glob("*.ipynb")) == [
        "analyst-month.ipynb",
        "policy-reorganisation.ipynb",
    ]


@pytest.mark.slow
def test_analyst_notebook_classifies_the_month_to_counts():
    text = run("analyst-month.ipynb")
    assert "rows in: 4,586" in text  # the rows of the packaged month, all accounted for
    assert "district_name" in text


@pytest.mark.slow
def test_policy_notebook_applies_diffs_validates_and_draws():
    text = run("policy-reorganisation.ipynb")
    assert "lgr-two-unitaries" in text
    assert "bodies removed:" in text
    # the authorities' changes in words, not only their headings (users58)
    assert (
        "authorities abolished:\n  Warwickshire County Council (warwickshire-county-council)"
        in text
    )
    assert "functions transferred:\n  North Warwickshire Borough Council" in text
    assert "error(s)" in text or "ok" in text
    assert "Figure" in text
