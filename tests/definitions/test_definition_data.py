"""Definitions as data: local kinds, switches, presumptions, and the edges of the engines."""

from __future__ import annotations

import attrs
import pendulum
import pyarrow as pa
import pytest

from svduty.definitions import (
    OFFENCES,
    STATUTE,
    Definition,
    Incident,
    Included,
    LocalKind,
    Switch,
    classify,
    classify_table,
    normalise_offence_code,
    split_rejected,
)
from svduty.definitions._atoms import Table
from svduty.definitions._bits import bools_to_lists as _bools_to_lists
from svduty.definitions._expr import ArrowEnv
from svduty.definitions._places import DeathIn
from svduty.errors import ConflictError, DataError, DefinitionError
from svduty.io import load_packaged_definition
from svduty.sources import Confidence, cite

from .helpers import warwickshire

C = cite("pcsc-act-2022", "s.13")
WARWICKSHIRE = warwickshire()


def _fields(**kw) -> list[str | None]:
    base = {"include": (Included("s13_violence", C),)}
    with pytest.raises(DefinitionError) as err:
        Definition("x", "X", C, **{**base, **kw})
    return [p.field for p in err.value.problems]


def test_a_definition_names_every_bad_local_kind_switch_and_presumption():
    assert _fields(kinds=(LocalKind("knife_crime", "k", C, all_of=("s13_violence",)),)) == [
        "kinds[0].id"
    ]
    assert _fields(kinds=(LocalKind("k", "k", C, all_of=("nope",)),)) == ["kinds[0].all_of[0]"]
    assert _fields(kinds=(LocalKind("k", "k", C, context=("terrorism",)),)) == [
        "kinds[0].context[0]"
    ]
    assert _fields(kinds=(LocalKind("k", "k", C),)) == ["kinds[0]"]
    assert _fields(include=(Included("s13_violence", C, when="nowhere"),)) == [
        "include",  # with the switch unknown, nothing is counted
        "include[0].when",
    ]
    assert _fields(presume=("no-aliens",)) == ["presume[0]"]


def test_a_local_kind_is_in_scope_only_for_its_definition():
    gang = Incident(context=["gang"], behaviours=["physical"], target="person")
    assert "street_gang_violence" in classify(gang, WARWICKSHIRE).kinds
    assert "street_gang_violence" not in classify(gang, STATUTE).kinds
    assert [k.id for k in WARWICKSHIRE.kinds] == [
        "weapon_violence",
        "street_gang_violence",
        "social_media_violence",
    ]
    assert all(k.citation.source.id == "warwickshire-sv-strategy" for k in WARWICKSHIRE.kinds)


def test_the_warwickshire_reading_outside_a_domestic_relationship_is_an_unconfirmed_switch():
    (switch,) = WARWICKSHIRE.switches
    assert switch.on
    assert switch.citation.confidence is Confidence.UNCONFIRMED
    assert "does not say" in (switch.citation.doubt or "")
    stranger = Incident(behaviours=["economic"], relationship="none", target="person", context=[])
    assert classify(stranger, WARWICKSHIRE).in_scope.value == "yes"
    off = attrs.evolve(WARWICKSHIRE, switches=(attrs.evolve(switch, on=False),))
    result = classify(stranger, off)
    assert result.in_scope.value == "no"
    assert "DEF-warwickshire-NONE" in [r.rule for r in result.reasons]
    spouse = Incident(
        behaviours=["economic"], relationship="married", victim_age=40, perpetrator_age=40
    )
    assert classify(spouse, off).in_scope.value == "yes"  # still domestic abuse


def test_a_switch_can_also_turn_an_include_off():
    s = Switch("strict", True, "a reading", C)
    d = Definition(
        "x",
        "X",
        C,
        include=(Included("s13_violence", C), Included("gang", C, unless="strict")),
        switches=(s,),
    )
    assert [i.kind for i in d.counted(d.include)] == ["s13_violence"]


def test_a_definition_with_an_age_floor_and_excluded_kinds_says_why_not():
    d = Definition(
        "adults",
        "Adults",
        C,
        include=(Included("s13_violence", C),),
        exclude=(Included("sexual_offence", C),),
        victim_age_at_least=18,
    )
    young = classify(Incident(offence_code="8N", victim_age=15), d)
    assert young.in_scope.value == "no"
    assert "DEF-adults-AGE-BELOW" in [r.rule for r in young.reasons]
    sexual = classify(Incident(offence_code="19C", victim_age=30), d)
    assert sexual.in_scope.value == "no"
    assert "DEF-adults-EXCLUDED" in [r.rule for r in sexual.reasons]


def test_pilot_partner_contradicting_the_place_of_death_is_a_conflict_in_both_engines():
    with pytest.raises(ConflictError):
        Incident(place_of_death="E08000025", pilot_partner=False)
    lsoa = Incident(place_of_death="E01009999", pilot_partner=False)  # resolved later
    resolve = {"E01009999": "E08000025"}.get
    with pytest.raises(ConflictError) as err:
        classify(lsoa, resolve_district=resolve)
    assert [p.field for p in err.value.problems] == ["pilot_partner"]
    t = pa.table({"place_of_death": ["E01009999", "E07000219"], "pilot_partner": [False, False]})
    kept, problems = split_rejected(t, resolve_district=resolve)
    assert [(p.row, p.field) for p in problems] == [(1, "pilot_partner")]
    assert kept.num_rows == 1
    with pytest.raises(DataError) as bad:
        Incident(place_of_death="Birmingham")
    assert [p.field for p in bad.value.problems] == ["place_of_death"]


def test_notation_variants_one_test_per_form():
    assert normalise_offence_code("8N") == "8N"
    assert normalise_offence_code("008N") == "8N"
    assert normalise_offence_code("8n") == "8N"
    assert normalise_offence_code(" 8 N ") == "8N"
    assert normalise_offence_code("4/1") == "4.1"
    assert normalise_offence_code("4.1") == "4.1"
    assert normalise_offence_code("04/10") == "4.10"
    assert normalise_offence_code("37/1") == "37.1"
    assert normalise_offence_code("1/4.1/4.10/4.2") == "1/4.1/4.10/4.2"
    assert "008n" in OFFENCES
    assert "4/1" in OFFENCES
    assert 8 not in OFFENCES
    assert "8-N" not in OFFENCES
    with pytest.raises(DataError):
        normalise_offence_code("4//1")
    out = classify_table(pa.table({"offence_code": ["008N", "4/1", "8n", "999Z"]}))
    assert out.column("basis").to_pylist() == ["offence_code"] * 3 + ["none"]
    assert out.column("violence").to_pylist() == ["yes", "undetermined", "yes", "undetermined"]
    assert "OFFENCE-CODE-UNKNOWN" in out.column("reasons")[3].as_py()
    assert "OFFENCE-CODE-UNKNOWN" not in out.column("reasons")[1].as_py()


def test_engine_edges():
    assert Table("nothing").arrow(ArrowEnv({}, {}, {}, 2)).null_count == 2
    assert _bools_to_lists([], []).to_pylist() == []
    open_ended = DeathIn(pendulum.Date(2023, 4, 1), None)
    cols = {
        "first_day": pa.array([pendulum.Date(2024, 1, 1)], pa.date32()),
        "last_day": pa.array([pendulum.Date(2024, 1, 1)], pa.date32()),
    }
    assert open_ended.arrow(ArrowEnv(cols, {}, {}, 1)).to_pylist() == [True]


@pytest.mark.parametrize("definition", ["london-vru", "norfolk", "avon-and-somerset"])
@pytest.mark.parametrize("code", ["34B", "8N", "5D"])  # robbery, ABH, assault with intent
def test_the_published_definitions_count_the_offences_they_name(definition: str, code: str):
    """A researcher's review: 'robbery, wounding, grievous bodily harm' were read as the use
    of physical force, which no offence code proves: no robbery was ever in scope."""
    from svduty.definitions import Incident, classify

    got = classify(Incident(offence_code=code, victim_age=20), load_packaged_definition(definition))
    assert got.in_scope.value == "yes"
