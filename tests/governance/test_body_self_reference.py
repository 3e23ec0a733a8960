"""A body is not chaired or hosted by itself (a hostile review: such a bundle validated)."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import attrs
import pytest

import svduty
from svduty.cli import main
from svduty.errors import GovernanceError

BUNDLE = Path(__file__).parents[2] / "src" / "svduty" / "data" / "warwickshire"


@pytest.mark.parametrize("field", ["chair", "host"])
def test_a_body_cannot_chair_or_host_itself(field: str) -> None:
    body = svduty.warwickshire().governance.bodies[0]
    with pytest.raises(GovernanceError, match=f"{field}: expected another body's id"):
        attrs.evolve(body, **{field: body.id})


def test_validate_names_the_field(tmp_path: Path) -> None:
    bundle = tmp_path / "b"
    shutil.copytree(BUNDLE, bundle)
    f = bundle / "governance.toml"
    text = f.read_text(encoding="utf-8")
    old = 'chair = "north-warwickshire-borough-council"'
    assert old in text
    f.write_text(text.replace(old, 'chair = "north-warwickshire-csp-board"', 1))
    err = io.StringIO()
    assert main(["validate", str(bundle)], stdout=io.StringIO(), stderr=err) == 1
    assert ".chair: expected another body's id" in err.getvalue()
