"""A bundle file that is a link out of its folder: ``svduty validate`` warns (mend46b).

Before mend46b a section linked to a file outside the bundle folder was followed and read
without a word: a copy of the folder (or its commit) then lacks the section. Now
``validate`` warns, naming the file, never the link's target; a link inside the folder
and an ordinary file give no warning.
"""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

from svduty.cli import main

EXAMPLE = Path(__file__).parents[1] / "data" / "example-bundle"
SECRET = "CANARY-7f3a-target"


def _validate(bundle: Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["validate", str(bundle), "--format", "json"], stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_a_section_linked_out_of_the_folder_is_warned_of(tmp_path):
    bundle = tmp_path / "b"
    shutil.copytree(EXAMPLE, bundle)
    outside = tmp_path / SECRET
    outside.mkdir()
    (bundle / "areas.toml").rename(outside / "areas.toml")
    (bundle / "areas.toml").symlink_to(outside / "areas.toml")
    code, out, err = _validate(bundle)
    assert code == 0, out + err
    linked = [w for w in json.loads(out)["warnings"] if "outside the bundle" in w["problem"]]
    assert [w["file"] for w in linked] == [str(bundle / "areas.toml")]
    assert SECRET not in out + err


def test_a_link_inside_the_folder_is_not_warned_of(tmp_path):
    bundle = tmp_path / "b"
    shutil.copytree(EXAMPLE, bundle)
    (bundle / "sections").mkdir()
    (bundle / "areas.toml").rename(bundle / "sections" / "areas.toml")
    (bundle / "areas.toml").symlink_to(bundle / "sections" / "areas.toml")
    code, out, err = _validate(bundle)
    assert code == 0, out + err
    assert "outside the bundle folder" not in out
