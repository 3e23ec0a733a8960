"""One fire and rescue authority for an area (recheck49b).

The Fire and Rescue Services Act 2004 s.1(1): "The fire and rescue authority for an area is
the authority determined under this section". svduty init writes North Yorkshire's two
candidate fire and rescue authorities over 20 December 2023 to 6 May 2024 each in doubt
(SI 2023/1432 art 1(2)-(3), art 41; area49). A bundle may settle the doubt by taking one
reading (ending one record where the other starts): the answer is then ``yes``, with one of
the two candidates. A bundle that drops the doubt from both records without ending either
says two bodies were each the fire and rescue authority for York on the same day: that is a
contradiction, reported as one (``undetermined``, FRSA 2004 s.1(1) cited), never a ``yes``
listing two.
"""

from __future__ import annotations

import datetime as _dt
import functools
import tempfile
from pathlib import Path

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

import svduty
from svduty.authorities import (
    Authorities,
    Authority,
    AuthorityCategory,
    specified_authorities_for,
)
from svduty.periods import Period
from svduty.sources import cite

YORK = "E06000014"
FORMER = "north-yorkshire-commissioner-fire-and-rescue-authority"
SUCCESSOR = "north-yorkshire-fire-and-rescue-authority"
DAY = "2024-01-01"


@functools.cache
def york() -> Authorities:
    path = Path(tempfile.mkdtemp(prefix="svduty-recheck49b-")) / "b"
    svduty.new_bundle(path, [YORK])
    return svduty.load_partnership(path).authorities


def _with(auths: Authorities, **records: Authority) -> Authorities:
    return attrs.evolve(auths, items=tuple(records.get(a.id, a) for a in auths.items))


def _reading(auths: Authorities, switch: str) -> Authorities:
    """A bundle that takes one reading: the commissioner to ``switch``, the CA from it."""
    former, successor = auths.get(FORMER), auths.get(SUCCESSOR)
    return _with(
        auths,
        **{
            FORMER: attrs.evolve(former, in_doubt=None, valid=Period(former.valid.start, switch)),
            SUCCESSOR: attrs.evolve(successor, in_doubt=None, valid=Period(switch)),
        },
    )


def _fire(answer: svduty.answers.Answer) -> set[str]:
    return {s for s in answer.subjects if "fire" in s}


def test_both_doubts_dropped_is_a_conflict_not_two_authorities() -> None:
    """Fails before recheck49b: ``yes`` with both bodies as York's fire and rescue authority."""
    auths = york()
    both = _with(
        auths,
        **{
            FORMER: attrs.evolve(auths.get(FORMER), in_doubt=None),
            SUCCESSOR: attrs.evolve(auths.get(SUCCESSOR), in_doubt=None),
        },
    )
    answer = specified_authorities_for(both, YORK, on=DAY)
    assert answer.verdict.value == "undetermined", answer.explain()
    cited = [r for r in answer.reasons if r.citation.source.id == "frsa-2004"]
    assert cited, answer.explain()
    assert all(r.citation.provision == "s.1(1)" for r in cited), answer.explain()
    assert [m for m in answer.missing if "contradict" in m], answer.missing
    # outside the overlap the records do not contradict
    assert specified_authorities_for(both, YORK, on="2023-12-19").verdict.value == "yes"
    assert specified_authorities_for(both, YORK, on="2024-05-07").verdict.value == "yes"


def test_a_bundle_that_takes_one_reading_settles_the_answer_within_the_candidates() -> None:
    """Monotone: the undetermined answer's candidates contain each reading's one answer."""
    unsettled = specified_authorities_for(york(), YORK, on=DAY)
    assert unsettled.verdict.value == "undetermined"
    for switch, body in (("2024-05-07", FORMER), ("2023-12-20", SUCCESSOR)):
        settled = specified_authorities_for(_reading(york(), switch), YORK, on=DAY)
        assert settled.verdict.value == "yes", settled.explain()
        assert _fire(settled) == {body} <= _fire(unsettled)
        assert not any(r.citation.source.id == "frsa-2004" for r in settled.reasons)


def _fra(ident: str, valid: Period) -> Authority:
    return Authority(
        ident,
        ident.upper(),
        AuthorityCategory.FIRE_AND_RESCUE_AUTHORITY,
        ("E31000099",),
        cite("pcsc-act-2022", "Sch 1"),
        valid=valid,
    )


_days = st.dates(_dt.date(2023, 2, 1), _dt.date(2025, 12, 31))


@settings(max_examples=80, deadline=None)
@given(_days, _days, _days, _days, _days)
def test_a_contradiction_is_named_exactly_on_the_days_both_hold(
    a0: _dt.date, a1: _dt.date, b0: _dt.date, b1: _dt.date, day: _dt.date
) -> None:
    """Two fire and rescue authorities for one district: the conflict on their common days."""
    one = Period(min(a0, a1), max(a0, a1) + _dt.timedelta(days=1))
    two = Period(min(b0, b1), max(b0, b1) + _dt.timedelta(days=1))
    auths = Authorities((_fra("f1", one), _fra("f2", two))).with_districts_within(
        {"E31000099": ["E07000901"], "E07000901": ["E07000901"]}.__getitem__
    )
    answer = specified_authorities_for(auths, "E07000901", on=day)
    conflict = [m for m in answer.missing if "contradict" in m]
    both = day in one and day in two
    assert bool(conflict) is both, (one, two, day, answer.missing)
    assert answer.verdict.value != "no"
    assert _fire(answer) <= {"f1", "f2"}


def test_s9_consultation_cites_the_doubt_and_the_contradiction_it_waits_on() -> None:
    """Fails before recheck49b: s.9(4)(a)'s answer listed the doubt among its missing facts
    but no reason cited SI 2023/1432 (nor, for two undoubted records, FRSA 2004 s.1(1))."""
    from svduty.authorities import must_consult_s9

    path = Path(tempfile.mkdtemp(prefix="svduty-recheck49b-")) / "b"
    svduty.new_bundle(path, [YORK, "E06000065"])
    auths = svduty.load_partnership(path).authorities
    area, team = [YORK, "E06000065"], ["york-council", "north-yorkshire-police"]
    unsure = must_consult_s9(auths, area, team, on=DAY)
    assert unsure.verdict.value == "undetermined"
    assert any(r.citation.source.id == "si-2023-1432" for r in unsure.reasons), unsure.explain()
    both = _with(
        auths,
        **{
            FORMER: attrs.evolve(auths.get(FORMER), in_doubt=None),
            SUCCESSOR: attrs.evolve(auths.get(SUCCESSOR), in_doubt=None),
        },
    )
    clash = must_consult_s9(both, area, team, on=DAY)
    assert clash.verdict.value == "undetermined"
    assert any(r.citation.source.id == "frsa-2004" for r in clash.reasons), clash.explain()
    assert len([r for r in clash.reasons if r.citation.source.id == "frsa-2004"]) == 2  # per area
    settled = must_consult_s9(auths, area, team, on="2024-05-07")
    assert not any(r.citation.source.id in ("si-2023-1432", "frsa-2004") for r in settled.reasons)
