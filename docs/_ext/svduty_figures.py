"""Draw the figures the tutorials show, inside the Sphinx build (was ``docs/_scripts``).

On ``builder-inited`` the figures are drawn into ``_static/generated/`` of the source
directory, before any page is read, so a plain ``sphinx-build`` from a clean clone finds
every image. They are redrawn only when a file of svduty (code or packaged data) is newer
than the oldest figure. The tutorials' doctests draw the same figures into temporary files,
so the doctest builder does not depend on the HTML copies.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

FIGURES = ("in-scope.png", "governance.png", "governance-two-unitaries.png", "funding.png")


def draw(out: Path) -> None:
    """Draw every figure into ``out``."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    import svduty
    from svduty.funding import plot_allocations
    from svduty.io import default_pipeline, plot_in_scope, read_police_uk, sample_police_uk

    out.mkdir(parents=True, exist_ok=True)
    p = svduty.warwickshire()
    if p.governance is None or p.funding is None:  # pragma: no cover - the packaged bundle
        raise RuntimeError("the Warwickshire bundle has no governance or funding")
    pipeline = default_pipeline(p)
    plot_in_scope(
        [pipeline(b) for b in read_police_uk(sample_police_uk())], path=out / "in-scope.png"
    )
    p.governance.draw(path=out / "governance.png")
    two = p.what_if("lgr-two-unitaries")
    two.draw(path=out / "governance-two-unitaries.png")
    ax = Figure(figsize=(7.0, 4.0), layout="constrained").subplots()
    plot_allocations(p.funding, ax=ax)
    ax.figure.savefig(str(out / "funding.png"), dpi=100)


def stale(out: Path) -> bool:
    """Whether a figure is missing or older than a file of the svduty package."""
    import svduty

    paths = [out / name for name in FIGURES]
    if not all(p.exists() for p in paths):
        return True
    oldest = min(p.stat().st_mtime for p in paths)
    package = Path(svduty.__file__).parent
    return any(
        f.stat().st_mtime > oldest
        for f in package.rglob("*")
        if f.suffix in {".py", ".toml", ".csv", ".json"}
    )


def _on_builder_inited(app: Any) -> None:
    out = Path(app.srcdir) / "_static" / "generated"
    if stale(out):
        draw(out)


def setup(app: Any) -> dict[str, Any]:
    """Draw the figures when the builder starts."""
    app.connect("builder-inited", _on_builder_inited)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
