"""Records in doubt (area49): North Yorkshire's fire and rescue authority from 20 December
2023 to 6 May 2024, which SI 2023/1432's text does not settle (art 1(2)-(3) against arts 41
and 50-54). Answers about those days are undetermined, never a silent choice."""

from __future__ import annotations

import datetime as _dt
import functools
import tempfile
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import svduty
from svduty.authorities import (
    Authorities,
    Authority,
    AuthorityCategory,
    InDoubt,
    specified_authorities_for,
)
from svduty.errors import BundleError, PeriodError
from svduty.io import check_completeness, load_authorities
from svduty.periods import Period
from svduty.sources import cite

YORK, NORTH_YORKSHIRE = "E06000014", "E06000065"
FIRST, TRANSFER = _dt.date(2023, 12, 20), _dt.date(2024, 5, 7)
FORMER = "north-yorkshire-commissioner-fire-and-rescue-authority"
SUCCESSOR = "north-yorkshire-fire-and-rescue-authority"


@functools.cache
def bundle(code: str) -> Path:
    path = Path(tempfile.mkdtemp(prefix="svduty-area49-")) / "b"
    svduty.new_bundle(path, [code])
    return path


@functools.cache
def initialised(code: str) -> Authorities:
    return svduty.load_partnership(bundle(code)).authorities


def test_init_writes_both_records_in_doubt_over_the_same_days() -> None:
    """Fails before area49: the commissioner's record ran to 7 May 2024 with no doubt."""
    auths = initialised(NORTH_YORKSHIRE)
    former, successor = auths.get(FORMER), auths.get(SUCCESSOR)
    assert former.valid == Period("2023-01-31", "2024-05-07")
    assert successor.valid == Period("2023-12-20")
    for record in (former, successor):
        assert record.in_doubt is not None
        assert record.in_doubt.valid == Period("2023-12-20", "2024-05-07")
        assert record.in_doubt.citation.source.id == "si-2023-1432"
        assert "art 41" in record.in_doubt.citation.provision
        assert "20 December 2023" in record.in_doubt.citation.doubt


def test_the_bundle_is_complete_over_the_days_in_doubt() -> None:
    """Both readings are recorded: no BUNDLE-SPECIFIED error for the doubt."""
    found = check_completeness(svduty.load_partnership(bundle(NORTH_YORKSHIRE)))
    assert [f.message for f in found.errors] == []


@settings(max_examples=60, deadline=None)
@given(
    st.dates(_dt.date(2023, 4, 1), _dt.date(2025, 12, 31)), st.sampled_from([YORK, NORTH_YORKSHIRE])
)
def test_undetermined_exactly_on_the_days_in_doubt(day: _dt.date, code: str) -> None:
    """Never no; undetermined on the days in doubt and only then, naming both bodies (from
    1 April 2023, when North Yorkshire became a local government area, SI 2022/328)."""
    answer = specified_authorities_for(initialised(code), code, on=day)
    fire = {s for s in answer.subjects if "fire" in s}
    if FIRST <= day < TRANSFER:
        assert answer.verdict.value == "undetermined", answer.explain()
        assert fire == {FORMER, SUCCESSOR}
        assert sum("read two ways" in m for m in answer.missing) == 2
        assert any(r.citation.source.id == "si-2023-1432" for r in answer.reasons)
    else:
        assert answer.verdict.value == "yes", answer.explain()
        assert fire == ({FORMER} if day < FIRST else {SUCCESSOR})


def _record(**changes: object) -> Authority:
    a = Authority(
        "f",
        "F",
        AuthorityCategory.FIRE_AND_RESCUE_AUTHORITY,
        ("E31000027",),
        cite("pcsc-act-2022", "Sch 1"),
        valid=Period("2023-01-31", "2024-05-07"),
    )
    return attrs.evolve(a, **changes)


def test_days_in_doubt_outside_the_record_are_refused() -> None:
    doubt = InDoubt(Period("2023-12-20", "2024-06-01"), cite("si-2023-1432", "art 41"))
    with pytest.raises(PeriodError, match=r"in_doubt\.valid: is not within"):
        _record(in_doubt=doubt)
    with pytest.raises(PeriodError, match=r"in_doubt\.valid"):
        _record(in_doubt=attrs.evolve(doubt, valid=Period("2023-12-20")))
    assert _record(in_doubt=attrs.evolve(doubt, valid=Period("2023-12-20", "2024-05-07")))


def test_in_doubt_is_read_from_the_file_and_checked() -> None:
    record = {
        "id": "f",
        "name": "F",
        "category": "fire_and_rescue_authority",
        "areas": ["E31000027"],
        "citation": {"source": "pcsc-act-2022", "provision": "Sch 1"},
        "valid": {"start": "2023-01-31", "end": "2024-05-07"},
        "in_doubt": {
            "valid": {"start": "2023-12-20", "end": "2024-05-07"},
            "citation": {"source": "si-2023-1432", "provision": "art 41", "doubt": "two ways"},
        },
    }
    auths = load_authorities({"authorities": [record]}, file="a.toml")
    assert auths.get("f").in_doubt == InDoubt(
        Period("2023-12-20", "2024-05-07"), cite("si-2023-1432", "art 41", doubt="two ways")
    )
    record["in_doubt"]["valid"] = {"start": "2023-12-20"}  # type: ignore[index]
    with pytest.raises(BundleError, match=r"a\.toml: .*in_doubt"):
        load_authorities({"authorities": [record]}, file="a.toml")


def test_a_local_policing_body_in_doubt_may_assist_undetermined() -> None:
    """may_assist (s.14) on a day its record is in doubt: undetermined, the doubt cited."""
    from svduty.authorities import may_assist

    doubt = InDoubt(
        Period("2024-01-01", "2024-02-01"), cite("si-2023-1432", "art 1", doubt="two ways")
    )
    lpb = Authority(
        "pcc",
        "PCC",
        AuthorityCategory.LOCAL_POLICING_BODY,
        ("E23000009",),
        cite("pcsc-act-2022", "s.14"),
        valid=Period("2023-01-31", "2024-05-07"),
        in_doubt=doubt,
    )
    within = {"E23000009": ["E06000014"], "E06000014": ["E06000014"]}.__getitem__
    inside = may_assist(lpb, ["E06000014"], districts_within=within, on="2024-01-15")
    assert inside.verdict.value == "undetermined"
    assert any(r.citation.source.id == "si-2023-1432" for r in inside.reasons)
    outside = may_assist(lpb, ["E06000014"], districts_within=within, on="2024-03-01")
    assert outside.verdict.value == "yes"
