"""Incident locations remembered, and kept in the command's cache: answers as without (speed62a).

An incident job's locations are remembered with their places as police.uk's LSOA codes are
(``_code_places``, kind ``locations``): a later batch looks up only the locations it has
not met. ``svduty classify`` keeps them (keyed as the loaded partnership is) with the
district the classifier reads each in, and the next run reads both back: its first batch
looks nothing up, in the geography or the national tables. A run from that cache answers
every row as a run without it does, also for locations it does not hold; nothing is
written when nothing new was met; a damaged file is a miss.
"""

from __future__ import annotations

import io
import pickle
from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from svduty import load_partnership
from svduty._commands._located import _read_back
from svduty.cli import _run
from svduty.io import default_pipeline
from svduty.io._incidents import _SCHEMA
from svduty.io._locate import remember_places, remembered_places
from svduty.io._locate_incidents import LOCATION_COLUMNS, LOCATIONS, _as_read

_PLACES = [  # inside; a neighbour's (the national tables); a district; a ceased district; a
    "E01031322",  # ward; a county; unknown; spelt otherwise; Scotland's; blank; nothing
    "E01009528",
    "E07000222",
    "E07000026",
    "E05008983",
    "E10000031",
    "E01999999",
    " e01031322 ",
    "S12000036",
    "",
    None,
]
_MORE = ["E01033620", "W01000001", "E08000026"]


def _incidents(path: Path, places: list[str | None]) -> Path:
    lines = ["id,date,police_uk_category,location\n"] + [
        f"i{k},2024-05-01,Violence and sexual offences,{p or ''}\n" for k, p in enumerate(places)
    ]
    path.write_text("".join(lines), encoding="utf-8")
    return path


def _classify(path: Path, cache: str) -> tuple[str, str]:
    """The rows (standard output) and the summary of one whole command, its cache ``cache``
    (``""``: none), run in process as the ``svduty`` command runs it (``cache=True``)."""
    out, err = io.StringIO(), io.StringIO()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SVDUTY_CACHE_DIR", cache)
        argv = ["classify", str(path), "--summary", "json"]
        assert _run(argv, out, err, cache=True) == 0, err.getvalue()
    return out.getvalue(), err.getvalue()


def _located(cache: Path) -> list[Path]:
    return sorted(cache.glob("*-located-locations-*.pickle"))


@pytest.fixture
def cache(tmp_path: Path) -> Path:
    folder = tmp_path / "cache"
    folder.mkdir(mode=0o700)
    return folder


def test_a_run_from_the_kept_locations_answers_as_without_them(tmp_path: Path, cache: Path) -> None:
    first = _incidents(tmp_path / "first.csv", _PLACES)
    off = _classify(first, "")
    assert _classify(first, str(cache)) == off  # (cold: keeps them)
    (kept,) = _located(cache)
    codes, table = pickle.loads(kept.read_bytes())
    assert {"E01031322", "E01009528", "E07000026"} <= set(codes.to_pylist())
    district = dict(zip(codes.to_pylist(), table.column("district").to_pylist(), strict=True))
    assert district["E01009528"] == "E08000026"  # as the classifier reads it (Coventry)
    assert district["E05008983"] == "E07000220"  # a ward's: the classifier's, not the look-up's
    assert _classify(first, str(cache)) == off  # warm
    assert '"no_location"' in off[0]
    assert '"district"' in off[0]
    # a later file: locations met and not
    second = _incidents(tmp_path / "second.csv", [*_PLACES[::-1], *_MORE])
    alone = _classify(second, "")
    assert _classify(second, str(cache)) == alone
    (grown,) = _located(cache)
    assert len(pickle.loads(grown.read_bytes())[0]) > len(codes)
    after = grown.stat().st_mtime_ns  # nothing new met: not written again
    assert _classify(second, str(cache)) == alone
    assert grown.stat().st_mtime_ns == after


def test_a_damaged_locations_file_is_a_miss(tmp_path: Path, cache: Path) -> None:
    path = _incidents(tmp_path / "i.csv", _PLACES)
    off = _classify(path, "")
    _classify(path, str(cache))
    (kept,) = _located(cache)
    codes, table = pickle.loads(kept.read_bytes())
    kept.write_bytes(pickle.dumps((codes, table.drop_columns(["district"]))))
    assert _classify(path, str(cache)) == off
    got: Any = pickle.loads(kept.read_bytes())  # written whole again
    assert _read_back(got, (*LOCATION_COLUMNS, "district")) is not None


def test_read_back_takes_each_kinds_columns() -> None:
    columns = (*LOCATION_COLUMNS, "district")
    table = pa.table({n: pa.nulls(1, pa.string()) for n in columns})
    codes = pa.array(["E01031322"])
    assert _read_back((codes, table), columns) is not None
    assert _read_back((codes, table)) is None  # not police.uk's places
    assert _read_back((codes, table.drop_columns(["district"])), columns) is None


def test_remembered_districts_are_not_looked_up_again(monkeypatch: pytest.MonkeyPatch) -> None:
    geography = load_partnership("warwickshire").geography
    codes = pa.array(["E01031322", "E05008983", "E01999999"])
    geography.remember_district_codes(codes, pa.array(["E07000222", "E07000220", None]))
    geography.remember_district_codes(codes.slice(0, 1), pa.array(["E07000220"]))  # kept
    monkeypatch.setattr(type(geography), "district_code_of", _not_asked)
    assert geography.district_codes_of(codes).to_pylist() == ["E07000222", "E07000220", None]


def _not_asked(self: Any, code: str) -> str | None:
    raise AssertionError(f"{code} looked up again")


_PARTNERSHIP = load_partnership("warwickshire")
_FRESH = pickle.dumps(load_partnership("warwickshire"))  # a fresh one in ~20 ms, not ~0.3 s
_SPELT = st.sampled_from([p for p in _PLACES if p is not None] + _MORE + ["e07000222 "])
_ROWS = st.lists(st.one_of(st.none(), _SPELT), min_size=1, max_size=12)
_BATCHES = st.lists(_ROWS, min_size=1, max_size=3)


def _batch(places: list[str | None]) -> pa.Table:
    n = len(places)
    base = {f.name: pa.nulls(n, f.type) for f in _SCHEMA}
    base["file"] = pa.array(["i.csv"] * n)
    base["row"] = pa.array(range(2, n + 2), pa.int64())
    base["police_uk_category"] = pa.array(["Violence and sexual offences"] * n)
    base["location"] = pa.array(places, pa.string())
    return pa.table(base, schema=_SCHEMA)


@settings(max_examples=20, deadline=None)
@given(met=_BATCHES, later=_BATCHES)
def test_locations_remembered_answer_as_looked_up(
    met: list[list[str | None]], later: list[list[str | None]]
) -> None:
    """A pipeline given the places (and districts) another met answers as a fresh one does.

    The seeded pipeline has a geography of its own (as the command's next run has), told
    the districts the first one's classifier read; batches after batches, as the loop runs.
    Its classifier's districts (which Warwickshire's rules do not read) are the fresh one's.
    """
    first = default_pipeline(_PARTNERSHIP)
    for places in met:
        first(_batch(places))
    seeded = default_pipeline(pickle.loads(_FRESH))
    own: Any = seeded.resolve_areas.__self__  # type: ignore[attr-defined]
    held = remembered_places(first.within, first.resolve_areas, LOCATIONS)
    if held is not None:
        codes, table = held
        geography: Any = first.resolve_areas.__self__  # type: ignore[attr-defined]
        own.remember_district_codes(codes, geography.district_codes_of(codes))
        remember_places(seeded.within, seeded.resolve_areas, (codes, table), LOCATIONS)  # type: ignore[arg-type]
    fresh = default_pipeline(pickle.loads(_FRESH))
    for places in later:
        assert seeded(_batch(places)).equals(fresh(_batch(places)))
        read = _as_read(pa.array(places, pa.string()))
        theirs: Any = fresh.resolve_areas.__self__  # type: ignore[attr-defined]
        assert own.district_codes_of(read).equals(theirs.district_codes_of(read))
