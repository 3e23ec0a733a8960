"""A what-if whose functions pass to a record of another capacity of a body (recheck53).

``transfer_functions`` moves the records of the source's body (those naming it in
``same_body_as``) to the target. Where the target is itself a record of a body in another
capacity (a county council as fire and rescue authority, naming the council), the records
become the records of that body: they name its main record, as the bundle's rule says
("the records of one body each name its main record, which names none"). Before, the
what-if was refused as making a chain, though it names one legal body (a police, fire and
crime commissioner's records passing to the county council as fire and rescue authority,
Fire and Rescue Services Act 2004 s.1), and naming the council instead was accepted with
the same bodies. The functions of a body passed to one of its own records stay
refused.
"""

from __future__ import annotations

import itertools

import pytest

from svduty.authorities import Authorities, Authority, AuthorityCategory
from svduty.authorities._authority import one_body
from svduty.errors import ScenarioError
from svduty.governance import CreateAuthority, Scenario, TransferFunctions, reorganise
from svduty.sources import cite

CITE = cite("pcsc-act-2022", "Sch 1")
COUNTY, FORCE = "E10000031", "E23000017"


def _record(i: str, category: AuthorityCategory, area: str, link: str | None = None) -> Authority:
    return Authority(i, i, category, (area,), CITE, same_body_as=link)


COUNCIL = _record("cc", AuthorityCategory.COUNTY_COUNCIL, COUNTY)
COUNCIL_AS_FRA = _record("cc-fra", AuthorityCategory.FIRE_AND_RESCUE_AUTHORITY, COUNTY, "cc")
PFCC = _record("pfcc", AuthorityCategory.LOCAL_POLICING_BODY, FORCE)
PFCC_AS_FRA = _record("pfcc-fra", AuthorityCategory.FIRE_AND_RESCUE_AUTHORITY, COUNTY, "pfcc")


def _pairs(after: Authorities) -> dict[tuple[str, str], bool]:
    return {(a.id, b.id): one_body(a, b) for a, b in itertools.product(after.items, repeat=2)}


def test_functions_passing_to_a_council_as_fire_authority_are_the_councils() -> None:
    start = Authorities((COUNCIL, PFCC, PFCC_AS_FRA))
    to_capacity = Scenario(
        "to-capacity", "To the council as FRA",
        (CreateAuthority(COUNCIL_AS_FRA), TransferFunctions("pfcc", "cc-fra")),
    )  # fmt: skip
    to_main = Scenario(
        "to-main", "To the council",
        (CreateAuthority(COUNCIL_AS_FRA), TransferFunctions("pfcc", "cc")),
    )  # fmt: skip
    got = reorganise(start, (), to_capacity).authorities
    assert got.get("pfcc-fra").same_body_as == "cc"  # the body's main record
    assert _pairs(got) == _pairs(reorganise(start, (), to_main).authorities)
    assert one_body(got.get("pfcc-fra"), got.get("cc-fra"))


def test_a_bodys_functions_passed_to_its_own_record_stay_refused() -> None:
    start = Authorities((COUNCIL, COUNCIL_AS_FRA))
    with pytest.raises(ScenarioError, match=r"changes\[0\]\.target: 'cc-fra' is 'cc' in another"):
        reorganise(start, (), Scenario("inward", "In", (TransferFunctions("cc", "cc-fra"),)))
