"""users55: a what-if's log (its text, the command's and the notebook's HTML) listed
authority ids where a person reads names; the JSON keeps the ids."""

from __future__ import annotations

import json

import svduty

from ..cli_run import run


def test_the_log_names_the_authorities_it_transfers_and_abolishes():
    p = svduty.warwickshire()
    w = p.what_if("lgr-two-unitaries")
    names = {a.id: a.name for a in p.authorities.items}
    text = str(w.named_log())
    transfers = [e for e in w.log.entries if e.change.op == "transfer_functions"]
    assert transfers
    for e in transfers:
        source, target = e.change.source, e.change.target  # type: ignore[attr-defined]
        assert source in e.message  # the log itself keeps the ids (the JSON's)
        line = next(x for x in text.splitlines() if x.startswith(f"  [{e.index}] "))
        assert f"functions of {names[source]} pass to " in line
        assert source not in line
        assert target not in line
    for id_ in ("warwickshire-county-council", "rugby-borough-council"):
        assert id_ in str(w.log)
        assert id_ not in text
    assert text in w.to_text()
    assert "Rugby Borough Council" in w._repr_html_().split("<h4>changes</h4>")[0]


def test_the_command_names_them_and_its_json_keeps_the_ids():
    code, out, _ = run("governance", "--scenario", "lgr-two-unitaries")
    assert code == 0
    log = out.split("\nchanges:")[0]
    assert "functions of Rugby Borough Council pass to North Warwickshire Unitary Council" in log
    assert "rugby-borough-council" not in log
    code, out, _ = run("governance", "--scenario", "lgr-two-unitaries", "--format", "json")
    assert code == 0
    messages = " ".join(e["message"] for e in json.loads(out)["log"])
    assert "functions of rugby-borough-council pass to north-warwickshire-unitary-council" in (
        messages
    )


def test_an_id_followed_by_its_name_is_left_as_it_is():
    p = svduty.warwickshire()
    text = str(p.what_if("lgr-two-unitaries").named_log())
    assert "created area north-warwickshire-unitary (North Warwickshire Unitary)" in text
