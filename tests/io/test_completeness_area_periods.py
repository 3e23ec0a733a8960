"""``svduty validate``'s completeness check over days an area was not yet one (s.11(4)).

Cumberland (E06000063) became a local government area on 1 April 2023; ``svduty init``
starts its partnership's local area on 31 January 2023 and files the councils of the
districts it replaced (Allerdale, Carlisle, Copeland; Cumbria County Council as fire and
rescue authority) under its code until that day. The check looks for a specified
authority of each Schedule 1 table on each day of the local area's period: asked of
February 2023, ``specified_authorities_for`` now says Cumberland was no local government
area, and the check fell silent for those days (the recheck41 review). It reads the
records the bundle files under the code, as it did before.
"""

from __future__ import annotations

from pathlib import Path

import svduty
from svduty.io._completeness import check_completeness


def test_a_predecessor_table_left_empty_is_still_reported(tmp_path: Path) -> None:
    path = svduty.new_bundle(tmp_path / "cumbria", ["E06000063", "E06000064"])
    file = path / "authorities.toml"
    blocks = file.read_text().split("[[authorities]]")
    gone = 'id = "cumbria-county-council-fire-and-rescue-authority"'
    assert any(gone in b for b in blocks)
    file.write_text("[[authorities]]".join(b for b in blocks if gone not in b))
    found = check_completeness(svduty.load_partnership(path))
    said = [f.message for f in found if f.rule == "BUNDLE-SPECIFIED"]
    # law48b files the councils under the districts Cumberland and Westmorland and Furness
    # replaced, each a local government area until 1 April 2023: each lacked its fire and
    # rescue authority on those days (recheck48b: the check looked at the unitary codes only,
    # whose records begin on 1 April 2023, and said nothing)
    old = ["E07000026", "E07000028", "E07000029", "E07000027", "E07000030", "E07000031"]
    assert len(said) == 6, said
    for code, message in zip(old, said, strict=True):
        assert message.startswith(f"no fire and rescue authority for {code} ("), message


def test_the_bundle_init_writes_is_complete(tmp_path: Path) -> None:
    path = svduty.new_bundle(tmp_path / "cumbria", ["E06000063", "E06000064"])
    found = check_completeness(svduty.load_partnership(path))
    assert not [f for f in found if f.rule == "BUNDLE-SPECIFIED"]
