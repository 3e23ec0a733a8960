"""``validate`` names two undoubted fire and rescue authority records for one area (mend50).

The Fire and Rescue Services Act 2004 s.1(1): "The fire and rescue authority for an area is
the authority determined under this section". ``svduty init`` writes North Yorkshire's two
candidate fire and rescue authorities over 20 December 2023 to 6 May 2024 each in doubt
(SI 2023/1432). A bundle that drops both doubts without ending either record says two
bodies were York's fire and rescue authority at once; the rules answer ``undetermined``
(recheck49b), and ``svduty validate`` reported it as a *missing* authority ("BUNDLE-SPECIFIED:
no an authority for E06000014 (York) ...", citing Sch 1), naming neither record. It is now
its own finding, ``BUNDLE-FIRE-AUTHORITIES``, naming both records (id and place in
``authorities.toml``) and the area, citing s.1(1).
"""

from __future__ import annotations

import re
from pathlib import Path

import svduty
from svduty.io._completeness import check_completeness

from ..bundles import edited_bundle
from ..cli_run import run

YORK = "E06000014"
FORMER = "north-yorkshire-commissioner-fire-and-rescue-authority"
SUCCESSOR = "north-yorkshire-fire-and-rescue-authority"
_IN_DOUBT = re.compile(r"\[authorities\.in_doubt\.valid\]\n(?:.*\n)*?doubt = .*\n")


def _bundle(tmp_path: Path, edit) -> Path:
    return edited_bundle(tmp_path, YORK, "york", edit)


def _both_undoubted(text: str) -> str:
    out, n = _IN_DOUBT.subn("", text)
    assert n == 2  # the two records' doubts, as init writes them
    return out


def _position(path: Path, record: str) -> int:
    ids = re.findall(r'^id = "([^"]+)"', (path / "authorities.toml").read_text(), re.MULTILINE)
    return ids.index(record)


def test_validate_names_both_records_and_the_area(tmp_path):
    path = _bundle(tmp_path, _both_undoubted)
    problems = [str(p) for p in svduty.validate_bundle(path)]
    fire = [p for p in problems if "BUNDLE-FIRE-AUTHORITIES" in p]
    assert len(fire) == 1, problems
    (text,) = fire
    i, j = sorted((_position(path, FORMER), _position(path, SUCCESSOR)))
    assert text.startswith(f"authorities.toml: authorities[{i}] and authorities[{j}]: ")
    assert FORMER in text
    assert SUCCESSOR in text
    assert f"{YORK} (York)" in text
    assert "from 2023-12-20" in text
    assert "s.1(1)" in text
    # not reported as a missing authority: nothing is missing, two contradict
    assert not [p for p in problems if "BUNDLE-SPECIFIED" in p], problems


def test_the_finding_cites_the_fire_and_rescue_services_act(tmp_path):
    path = _bundle(tmp_path, _both_undoubted)
    (f,) = list(check_completeness(svduty.load_partnership(path)).errors)
    assert f.rule == "BUNDLE-FIRE-AUTHORITIES"
    assert [(c.source.id, c.provision) for c in f.citations] == [("frsa-2004", "s.1(1)")]
    assert set(f.subjects) == {FORMER, SUCCESSOR, YORK}


def test_svduty_validate_prints_it_and_fails(tmp_path):
    path = _bundle(tmp_path, _both_undoubted)
    code, out, _ = run("validate", path)
    assert code == 1
    assert "BUNDLE-FIRE-AUTHORITIES" in out
    assert FORMER in out
    assert SUCCESSOR in out


def test_the_records_as_init_writes_them_are_no_contradiction(tmp_path):
    """Guard: the two records in doubt over the same days are a doubt, not a contradiction."""
    path = _bundle(tmp_path, lambda text: text)
    assert svduty.validate_bundle(path) == []


def test_a_bundle_that_ends_one_record_where_the_other_starts_has_none(tmp_path):
    """Guard: a bundle taking one reading (the change on 7 May 2024) contradicts nothing."""

    def reading(text: str) -> str:
        text = _both_undoubted(text)
        return text.replace(  # the combined authority from 7 May 2024 (the former ends then)
            'start = "2023-12-20"\n\n[authorities.citation]',
            'start = "2024-05-07"\n\n[authorities.citation]',
        )

    path = _bundle(tmp_path, reading)
    assert svduty.validate_bundle(path) == []


def test_two_areas_of_one_pair_of_records_are_one_finding_naming_both(tmp_path):
    path = tmp_path / "north"
    svduty.new_bundle(path, [YORK, "E06000065"])
    f = path / "authorities.toml"
    f.write_text(_both_undoubted(f.read_text(encoding="utf-8")), encoding="utf-8")
    fire = [str(p) for p in svduty.validate_bundle(path) if "BUNDLE-FIRE-AUTHORITIES" in str(p)]
    assert len(fire) == 1, fire
    assert f"{YORK} (York) from 2023-12-20" in fire[0]
    assert "E06000065 (North Yorkshire) from 2023-12-20" in fire[0]
