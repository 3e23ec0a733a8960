"""Draw the figures the tutorials show, into docs/_static/generated/ (run by `make docs`).

The tutorials' doctests draw the same figures into temporary files, so the build does not
depend on the order in which doctests run; this script makes the copies the HTML shows.
"""

from __future__ import annotations

import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import svduty
from svduty.funding import plot_allocations
from svduty.io import default_pipeline, plot_in_scope, read_police_uk, sample_police_uk

OUT = Path(__file__).resolve().parents[1] / "_static" / "generated"


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    p = svduty.warwickshire()
    assert p.governance is not None
    assert p.funding is not None
    pipeline = default_pipeline(p)
    plot_in_scope(
        [pipeline(b) for b in read_police_uk(sample_police_uk())], path=OUT / "in-scope.png"
    )
    p.governance.draw(path=OUT / "governance.png")
    two = p.what_if("lgr-two-unitaries")
    two.governance.draw(path=OUT / "governance-two-unitaries.png", diff=two.diff)
    from matplotlib.figure import Figure

    ax = Figure(figsize=(7.0, 4.0), layout="constrained").subplots()
    plot_allocations(p.funding, ax=ax)
    ax.figure.savefig(str(OUT / "funding.png"), dpi=100)
    return 0


if __name__ == "__main__":
    sys.exit(main())
