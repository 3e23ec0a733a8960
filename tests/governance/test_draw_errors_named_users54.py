"""A what-if's drawing names the subjects of the errors that name no body drawn (users54).

The note under the drawing listed them by id ("GOV-SCHEDULE-1: E06000066,
somerset-council"), just below the authorities line that names them (users54): the
authorities and areas the diff knows are now said by name with their ids.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import svduty
from svduty.governance import AbolishAuthority, Scenario


def _texts(ax: Any) -> str:  # as read: the lines under the drawing are wrapped
    return " ".join(" ".join(t.get_text().split()) for t in ax.texts)


def test_the_errors_note_names_authorities_and_areas(tmp_path: Path) -> None:
    from matplotlib.figure import Figure

    svduty.new_bundle(tmp_path / "g", ["W06000002"])
    p = svduty.load_partnership(tmp_path / "g")
    w = p.what_if(Scenario("none", "No council", (AbolishAuthority("gwynedd-council"),)))
    text = _texts(w.draw(ax=Figure(figsize=(16, 10)).subplots()))
    note = text[text.index("errors about no body drawn") :]
    subjects = {s for f in w.findings.errors for s in f.subjects}
    assert {"gwynedd-council", "W06000002"} <= subjects
    assert f"{p.authorities.get('gwynedd-council').name} (gwynedd-council)" in note
    assert f"{p.geography.get('W06000002').name} (W06000002)" in note
