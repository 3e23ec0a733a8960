"""A what-if's authorities are named with their ids in its text and HTML (users54).

users53b named a what-if's areas (``areas_text``); its authorities line (``authorities:
created ...; abolished ...``, in ``print(w)``, ``w._repr_html_()``, ``svduty governance
--scenario`` and the drawing) and the diff's line for a bundle without governance still
listed bare ids where names would be read. The JSON keeps the ids.
"""

from __future__ import annotations

import json
from pathlib import Path

import svduty
from svduty.governance import AbolishAuthority, Scenario
from tests.cli_run import run as run_cli


def _named(p: svduty.Partnership, ids: list[str]) -> list[str]:
    return [f"{p.authorities.get(i).name} ({i})" for i in ids]


def test_the_authorities_line_names_each_authority_with_its_id() -> None:
    p = svduty.warwickshire()
    w = p.what_if("lgr-two-unitaries")
    line = w.authorities_text()
    created = w.authorities["created"]
    after = {a.id: a.name for a in w.reorganised.authorities}
    for i in created:
        assert f"{after[i]} ({i})" in line
    for said in _named(p, w.authorities["abolished"]):
        assert said in line
    # the diff's sections name them once; no line after it says them again (users55)
    assert line not in w.to_text()
    for said in _named(p, w.authorities["abolished"]):
        assert said in w.diff.to_text()


def test_a_bundle_without_governance_names_them_in_the_diff_line(tmp_path: Path) -> None:
    folder = tmp_path / "gwynedd"
    svduty.new_bundle(folder, ["W06000002"])
    p = svduty.load_partnership(folder)
    w = p.what_if(Scenario("merge", "Merge", (AbolishAuthority("gwynedd-council"),)))
    for said in _named(p, w.authorities["abolished"]):
        assert said in str(w.diff)
        assert said in w.authorities_text()
    assert w.as_dict()["authorities"]["abolished"][0] == "gwynedd-council"  # JSON: ids


def test_the_command_names_them_and_its_json_keeps_the_ids() -> None:
    p = svduty.warwickshire()
    code, out, _ = run_cli("governance", "--scenario", "lgr-single-unitary")
    assert code == 0
    changes = out.split("\nchanges:\n")[1].split("\nvalidation:")[0]  # said once (users55)
    assert not [x for x in changes.splitlines() if x.startswith("authorities: ")]
    abolished = changes.split("authorities abolished:\n")[1].split("\n\n")[0]
    for said in _named(p, ["warwickshire-county-council", "rugby-borough-council"]):
        assert f"  {said}\n" in abolished + "\n"
    code, out, _ = run_cli("governance", "--scenario", "lgr-single-unitary", "--format", "json")
    assert json.loads(out)["authorities"]["created"] == ["warwickshire-unitary-council"]
