"""A body's name is drawn on a white ground, so the lines crossing it do not strike it out.

users58, looking at the two unitaries' what-if in headless Chromium: the new north CSP
board's name lay under the thick blue lines of the relations moved onto it, and the
SWPB's under the lines of the bodies it oversees; the words were hard to read. The
labels were drawn above the lines (``zorder``) with no ground, so every line showed
through the letters.
"""

from __future__ import annotations

import pytest

import svduty

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")
from matplotlib.colors import to_rgba  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402


def test_every_label_has_a_white_ground_above_the_lines() -> None:
    ax = Figure(figsize=(16.0, 10.0)).subplots()
    svduty.warwickshire().what_if("lgr-two-unitaries").draw(ax=ax)
    ax.figure.canvas.draw()
    labels = [t for t in ax.texts if (t.get_gid() or "").startswith("label:")]
    assert labels
    lines = max(a.get_zorder() for a in ax.texts if not a.get_text())  # the relations
    for label in labels:
        ground = label.get_bbox_patch()
        assert ground is not None, label.get_gid()
        red, green, blue, alpha = to_rgba(ground.get_facecolor())
        assert (red, green, blue) == (1.0, 1.0, 1.0)
        assert alpha >= 0.7
        assert label.get_zorder() > lines
