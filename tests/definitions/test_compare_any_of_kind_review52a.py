"""A kind of its own that holds the other's kind among its ``any_of`` is named so (review52a).

``compare_definitions`` says "X includes s13_violence; Y only within its own kind young"
when Y's kind ``young`` holds s13_violence in ``all_of`` (users52). A kind holding it in
``any_of`` (one of several national kinds) includes it as much, but the reason said "Y does
not", next to a second reason naming that very kind's age limit: the two contradicted each
other.
"""

from __future__ import annotations

import attrs
import pytest

from svduty.definitions import DEFINITIONS, Incident, LocalKind, compare_definitions
from svduty.sources import cite

S13 = DEFINITIONS["pcsc-s13"]
ASSAULT = Incident(id="a", offence_code="8N", victim_age=30)


def _with_own_kind(**holds: tuple[str, ...]):
    young = LocalKind(
        "young", "violence under 25", cite("sv-strategy-2018"), victim_age_below=25, **holds
    )
    return attrs.evolve(
        S13, id="other", kinds=(young,), include=(attrs.evolve(S13.include[0], kind="young"),)
    )


@pytest.mark.parametrize(
    "holds",
    [
        {"all_of": ("s13_violence",)},
        {"any_of": ("s13_violence",)},
        {"any_of": ("s13_violence", "homicide")},
    ],
)
def test_a_kind_holding_it_in_any_of_is_named_as_one_holding_it_in_all_of(holds):
    other = _with_own_kind(**holds)
    (d,) = compare_definitions([ASSAULT], S13, other).differences
    says = {r.rule: r.says for r in d.rules}
    assert says["pcsc-s13:include:s13_violence"] == (
        "pcsc-s13 includes s13_violence; other only within its own kind young"
    )
    assert "other:young:victim_age_below" in says


def test_a_kind_of_other_national_kinds_is_not_named():
    other = _with_own_kind(any_of=("homicide",))
    (d,) = compare_definitions([ASSAULT], S13, other).differences
    says = {r.rule: r.says for r in d.rules}
    assert says["pcsc-s13:include:s13_violence"] == "pcsc-s13 includes s13_violence; other does not"
