"""A ``same_body_as`` naming a record that itself names another is a bundle error (recheck52).

PCSC Act 2022 s.16(1): a listed person "may disclose information ... to another person
listed". Records of one legal body (``same_body_as``) are no other person, and
:func:`svduty.authorities.may_disclose` sees that from the two records it is given: one
names the other, or both name one main record. A chain (a service record naming the county
council's fire record, which names the council) passed the loader and ``svduty validate``
(only a loop was refused), and ``may_disclose`` from the council to the service record
answered ``yes`` though the bundle says they are one body (FRSA 2004 s.1(2)(a): "a
non-metropolitan county council is the fire and rescue authority for the county"). The
loader's own rule, as its message for a loop says, is that "the records of one body each
name its main record, which names none": a chain now breaks it by name (file, record,
field), as a loop does.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import svduty
from svduty.errors import BundleError

from ..bundles import edited_bundle
from ..cli_run import run
from ..disclosure_facts import NOTHING_FORBIDS

WARWICKSHIRE = "E10000031"
THIRD = """
[[authorities]]
id = "warwickshire-fire-and-rescue-service"
name = "Warwickshire Fire and Rescue Service"
category = "fire_and_rescue_authority"
areas = ["E31000036"]
nation = "england"
same_body_as = "{main}"

[authorities.valid]
start = "2023-01-31"

[authorities.citation]
source = "pcsc-act-2022"
provision = "Sch 1 (a fire and rescue authority)"
"""


def _bundle(tmp_path: Path, main: str) -> Path:
    return edited_bundle(
        tmp_path, WARWICKSHIRE, "warwickshire", lambda text: text + THIRD.format(main=main)
    )


def test_a_chain_of_same_body_as_is_refused_by_name(tmp_path):
    """Fails before recheck52: the bundle loaded, and s.16 answered yes within one body."""
    path = _bundle(tmp_path, "warwickshire-fire-and-rescue-authority")
    with pytest.raises(BundleError) as caught:
        svduty.load_partnership(path)
    text = str(caught.value)
    assert "authorities.toml" in text
    assert ".same_body_as" in text
    assert "names a record that itself names another" in text


def test_validate_reports_the_chain(tmp_path):
    """Fails before recheck52: ``svduty validate`` said ok (exit status 0)."""
    code, out, err = run("validate", _bundle(tmp_path, "warwickshire-fire-and-rescue-authority"))
    assert code == 1, out + err
    assert "names a record that itself names another" in out + err


def test_naming_the_main_record_is_one_body_and_no_disclosure_to_itself(tmp_path):
    """The mend's other side: naming the council itself loads, and s.16(1) answers no."""
    from svduty.authorities import may_disclose

    part = svduty.load_partnership(_bundle(tmp_path, "warwickshire-county-council"))
    council = part.authorities.get("warwickshire-county-council")
    service = part.authorities.get("warwickshire-fire-and-rescue-service")
    facts = NOTHING_FORBIDS
    answer = may_disclose(council, service, facts, on="2024-06-01")
    assert answer.verdict.value == "no"
    assert any(r.rule == "s.16(1)" and "one legal body" in r.says for r in answer.reasons)
