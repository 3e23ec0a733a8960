"""The LSOAs located, kept in the command's cache: answers as without it (speed60a).

``svduty classify`` keeps the places of the LSOA codes a police.uk job met (keyed as the
loaded partnership is) and the next run reads them back, looking up only codes it has not
met. A run from that cache answers every row as a run without the cache does (summary,
rows written, rows rejected), also when it meets codes the cache does not hold, codes
that do not resolve, names that resolve where codes do not, and names that contradict
their codes; a damaged or foreign file is a miss; nothing is written when nothing new was
met.
"""

from __future__ import annotations

import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from svduty import load_partnership
from svduty._commands._located import _read_back
from svduty.io import default_pipeline, read_police_uk, sample_police_uk
from svduty.io._locate import PLACE_COLUMNS, remember_places, remembered_places

HEADER = (
    "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,"
    "LSOA name,Crime type,Last outcome category,Context\n"
)
_ROWS = [  # code, name: inside; a neighbour's; unknown with a name that resolves; unknown
    ("E01031322", "Warwick 010A"),  # with none; none with a name; a name contradicting
    ("E01009528", "Coventry 001A"),  # its code; a 2011 code; nothing at all
    ("E01999999", "Warwick 010A"),
    ("E01999998", ""),
    ("", "Rugby 001A"),
    ("E01031322", "Birmingham 045E"),
    ("E01009450", "Birmingham 012E"),
    ("", ""),
]
_MORE = [("E01033617", "Birmingham 050F"), ("E01031330", "Warwick 001A"), ("W01000001", "")]


def _month(path: Path, rows: list[tuple[str, str]]) -> Path:
    lines = [
        f"x{i},2025-06,W,W,-1.5,52.3,On or near X,{code},{name},Burglary,,\n"
        for i, (code, name) in enumerate(rows)
    ]
    path.write_text(HEADER + "".join(lines), encoding="utf-8")
    return path


def _classify(month: Path, out: Path, cache: str) -> tuple[str, pa.Table, str]:
    """The summary, the rows written and the rows rejected of one whole command."""
    parquet, rejected = out.with_suffix(".parquet"), out.with_suffix(".csv")
    argv = [sys.executable, "-m", "svduty", "classify", str(month), "--summary", "json"]
    argv += ["--output", str(parquet), "--rejected", str(rejected)]
    env = {**os.environ, "SVDUTY_CACHE_DIR": cache}
    done = subprocess.run(argv, env=env, capture_output=True, text=True, check=True)
    return done.stdout, pq.read_table(parquet), rejected.read_text(encoding="utf-8")


def _located(cache: Path) -> list[Path]:
    return sorted(cache.glob("*-located-lsoas-*.pickle"))


Run = tuple[str, pa.Table, str]


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Run, Run, Path]:
    """The month of :data:`_ROWS`, its command's answers without a cache and with an empty
    one, and the cache that run filled: once a module, each test copying the cache (ci62b:
    each of the six tests ran the same two commands on the same month)."""
    folder = tmp_path_factory.mktemp("located")
    month = _month(folder / "month.csv", _ROWS)
    filled = folder / "cache"
    filled.mkdir(mode=0o700)
    off = _classify(month, folder / "off", "")
    cold = _classify(month, folder / "cold", str(filled))
    return month, off, cold, filled


def _copied(filled: Path, tmp_path: Path) -> Path:
    """A cache of the test's own, as the first run left it (its files' modes kept)."""
    return Path(shutil.copytree(filled, tmp_path / "cache"))


def test_a_run_from_the_located_cache_answers_as_without_it(
    tmp_path: Path, filled: tuple[Path, Run, Run, Path]
) -> None:
    first, off, cold, kept_by_the_first = filled
    cache = _copied(kept_by_the_first, tmp_path)
    (kept,) = _located(cache)
    codes, _ = pickle.loads(kept.read_bytes())
    assert {"E01031322", "E01009528", "E01999999"} <= set(codes.to_pylist())
    warm = _classify(first, tmp_path / "warm", str(cache))
    for got in (cold, warm):
        assert got[0] == off[0]
        assert got[2] == off[2]
        assert got[1].equals(off[1])
    assert off[2].count("\n") > 1  # rows rejected (unknown, contradicted) were compared
    # a later file: codes met and codes not met
    second = _month(tmp_path / "second.csv", [*_ROWS[::-1], *_MORE])
    partly = _classify(second, tmp_path / "partly", str(cache))
    alone = _classify(second, tmp_path / "alone", "")
    assert partly[0] == alone[0]
    assert partly[2] == alone[2]
    assert partly[1].equals(alone[1])
    (grown,) = _located(cache)
    more, _ = pickle.loads(grown.read_bytes())
    assert len(more) > len(codes)
    # nothing new met: the file is not written again
    after = grown.stat().st_mtime_ns
    again = _classify(second, tmp_path / "again", str(cache))
    assert again[0] == alone[0]
    assert grown.stat().st_mtime_ns == after


@pytest.mark.parametrize(
    "damage", ["garbage", "truncated", "other columns", "other lengths", "numbers"]
)
def test_a_damaged_located_file_is_a_miss(
    tmp_path: Path, filled: tuple[Path, Run, Run, Path], damage: str
) -> None:
    month, off, _, kept_by_the_first = filled
    cache = _copied(kept_by_the_first, tmp_path)
    (kept,) = _located(cache)
    data = kept.read_bytes()
    codes, table = pickle.loads(data)
    n = len(codes)
    changed: Any = {
        "garbage": b"not a pickle",
        "truncated": data[: len(data) // 2],
        "other columns": pickle.dumps((codes, table.drop_columns(["location"]))),
        "other lengths": pickle.dumps((codes.slice(1), table)),
        "numbers": pickle.dumps((pa.array(range(n)), table)),
    }[damage]
    kept.write_bytes(changed)
    got = _classify(month, tmp_path / "damaged", str(cache))
    assert got[0] == off[0]
    assert got[2] == off[2]
    assert got[1].equals(off[1])
    assert _read_back(pickle.loads(kept.read_bytes())) is not None  # written whole again


def test_read_back_takes_only_places() -> None:
    table = pa.table({n: pa.nulls(1, pa.string()) for n in PLACE_COLUMNS})
    codes = pa.array(["E01031322"])
    assert _read_back((codes, table)) is not None
    for hit in [None, (codes,), (codes, table, 1), ("E01031322", table), (codes, "table")]:
        assert _read_back(hit) is None
    assert _read_back((codes, table.rename_columns([*PLACE_COLUMNS[::-1]]))) is None


_SAMPLE = next(read_police_uk(sample_police_uk()))
_PARTNERSHIP = load_partnership("warwickshire")


@pytest.fixture(scope="module")
def odd(tmp_path_factory: pytest.TempPathFactory) -> pa.RecordBatch:
    """The odd rows of :data:`_ROWS` as the reader gives them."""
    return next(read_police_uk(_month(tmp_path_factory.mktemp("odd") / "odd.csv", _ROWS)))


def _rows(picked: list[int], odd: pa.RecordBatch) -> pa.RecordBatch:
    n = _SAMPLE.num_rows
    parts = [
        _SAMPLE.take(pa.array([i for i in picked if i < n], pa.int64())),
        odd.take(pa.array([(i - n) % odd.num_rows for i in picked if i >= n], pa.int64())),
    ]
    return pa.Table.from_batches(parts).combine_chunks().to_batches()[0]


_PICKS = st.lists(st.integers(0, _SAMPLE.num_rows + len(_ROWS) - 1), min_size=1, max_size=60)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(first=_PICKS, later=_PICKS)
def test_places_read_back_answer_as_looked_up(
    odd: pa.RecordBatch, first: list[int], later: list[int]
) -> None:
    """A pipeline given the places another met answers a batch as a fresh one does."""
    met = default_pipeline(_PARTNERSHIP)
    met(_rows(first, odd))
    held = remembered_places(met.within, met.resolve_areas)
    assert held is not None
    seeded, fresh = default_pipeline(_PARTNERSHIP), default_pipeline(_PARTNERSHIP)
    remember_places(seeded.within, seeded.resolve_areas, held)  # type: ignore[arg-type]
    assert remembered_places(seeded.within, seeded.resolve_areas) is not None
    batch = _rows(later, odd)
    assert seeded(batch).equals(fresh(batch))
