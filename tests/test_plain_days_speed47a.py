"""Records keep their days plain, and give them out as pendulum Dates (speed47a).

``Period``, ``Source`` and ``Citation`` held ``pendulum.Date`` values, so the command's
cache of a loaded partnership (every area record has a period and a citation) imported
pendulum to be read back: about 20 ms of every ``svduty classify`` start-up, which reads
no day of any of them. They now keep ``datetime.date`` values and give out the
``pendulum.Date`` of each when it is read; what a caller reads, compares or sees in a
``repr`` is as before.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import pickle
import re
import shutil
import subprocess
import sys
from pathlib import Path

import attrs
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from svduty._commands import _cache
from svduty._commands._options import load_named_sections
from svduty._data import data
from svduty.io import POLICE_UK_COLUMNS
from svduty.periods import Period, date
from svduty.sources import CATALOGUE, Citation, Source, SourceKind

days = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(9980, 12, 31))


def test_a_records_days_are_pendulum_dates_when_read() -> None:
    p = Period("2023-04-01", dt.date(2024, 4, 1))
    c = CATALOGUE.cite("pcsc-act-2022", "s.13", as_at=pendulum.Date(2024, 1, 2))
    for day in (p.start, p.end, p.last_day, c.as_at, c.source.date, date("2023-04-01")):
        assert type(day) is pendulum.Date
    assert (p.start, p.end, c.as_at) == (
        dt.date(2023, 4, 1),
        dt.date(2024, 4, 1),
        dt.date(2024, 1, 2),
    )
    assert repr(p) == "Period(start=Date(2023, 4, 1), end=Date(2024, 4, 1))"
    assert repr(Period("2023-04-01")) == "Period(start=Date(2023, 4, 1), end=None)"
    assert "as_at=Date(2024, 1, 2), confidence=" in repr(c)
    assert "date=Date(2022, 4, 28)" in repr(c.source)


def test_what_a_record_pickles_holds_no_pendulum_object() -> None:
    """Fails before speed47a: every day pickled as ``pendulum.date.Date``."""
    parts = load_named_sections("warwickshire", ("areas",))
    data_ = pickle.dumps(parts, protocol=pickle.HIGHEST_PROTOCOL)
    assert b"pendulum" not in data_
    assert pickle.loads(data_) == parts


@given(first=days, length=st.integers(1, 4000), day=days)
def test_a_period_answers_as_pendulum_dates_would(
    first: dt.date, length: int, day: dt.date
) -> None:
    """The days kept plain: the period's answers are those of its pendulum Dates."""
    end = first + dt.timedelta(days=length)
    p = Period(first, end)
    start_p, end_p = pendulum.Date(first.year, first.month, first.day), date(end)
    assert p == Period(start_p, end_p) == pickle.loads(pickle.dumps(p))
    assert hash(p) == hash(Period(start_p.isoformat(), end_p.isoformat()))
    assert p.last_day == end_p.subtract(days=1)
    assert p.days() == (end_p - start_p).in_days()
    last = end_p.subtract(days=1).isoformat()
    assert str(p) == (last if length == 1 else f"{start_p.isoformat()} to {last}")  # one day
    assert (day in p) == (start_p <= day < end_p)
    month = f"{day.year:04d}-{day.month:02d}"
    month_start = pendulum.Date(day.year, day.month, 1)
    assert p.holds_month(month) == (month_start < end_p and start_p < month_start.add(months=1))
    assert Period.from_last_day(first, end_p.subtract(days=1)) == p


@given(a=days, b=days)
def test_periods_order_as_their_days(a: dt.date, b: dt.date) -> None:
    assert (Period(a) < Period(b)) == (a < b)


def test_a_day_given_as_text_a_date_or_a_pendulum_date_is_one_day() -> None:
    made = [
        Source("x", "X", SourceKind.OTHER, date=d) for d in ("2022-04-28", dt.date(2022, 4, 28))
    ]
    made.append(attrs.evolve(made[0], date=pendulum.Date(2022, 4, 28)))
    assert made[0] == made[1] == made[2]
    assert len({hash(s) for s in made}) == 1
    c = Citation(made[0], as_at="2024-01-01")
    assert attrs.evolve(c, as_at=dt.date(2024, 1, 1)) == c


@pytest.mark.parametrize("cls", [Period, Source, Citation])
def test_a_pickle_of_the_old_layout_is_refused(cls: type) -> None:
    """Before speed47a a Period pickled ``start``; read now, it would be half a record."""
    state = {"start": dt.date(2023, 4, 1), "end": None, "date": None, "as_at": None}
    with pytest.raises(ValueError, match="without its field"):
        cls.__setstate__(object.__new__(cls), state)


def _classify(cache: Path, csv: Path, bundle: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, _cache.CACHE_ENV: str(cache)}
    argv = [sys.executable, "-m", "svduty", "classify", str(csv), "--summary", "json"]
    return subprocess.run(
        [*argv, "--partnership", str(bundle)], env=env, capture_output=True, text=True, check=False
    )


def test_the_command_reads_an_old_layout_in_its_cache_as_a_miss(tmp_path: Path) -> None:
    """A partnership pickled with its periods in the old layout, under the current key,
    is loaded again (the same output), never half read."""
    bundle = Path(shutil.copytree(data("examplshire"), tmp_path / "bundle"))
    csv = tmp_path / "header.csv"
    csv.write_text(",".join(POLICE_UK_COLUMNS) + "\n", encoding="utf-8")
    cache = tmp_path / "cache"
    first = _classify(cache, csv, bundle)
    assert first.returncode == 0, first.stderr
    (areas,) = [p for p in cache.glob("*.pickle") if re.search(r"-areas-[0-9a-f]{32}\.", p.name)]
    kept = areas.read_bytes()
    areas.write_bytes(_old_layout(pickle.loads(kept)))
    assert areas.read_bytes() != kept
    again = _classify(cache, csv, bundle)
    assert (again.returncode, again.stdout, again.stderr) == (0, first.stdout, first.stderr)
    assert pickle.loads(areas.read_bytes()) == pickle.loads(kept)  # loaded again, kept again


def _old_layout(value: object) -> bytes:
    """``value`` pickled with each period as before speed47a: ``start`` and ``end``."""
    out = io.BytesIO()

    class Old(pickle.Pickler):
        def reducer_override(self, obj: object) -> object:
            if type(obj) is Period:
                state = {"start": obj.start, "end": obj.end}
                return (object.__new__, (Period,), state)
            return NotImplemented

    Old(out, protocol=pickle.HIGHEST_PROTOCOL).dump(value)
    return out.getvalue()


def test_a_changed_day_in_a_bundle_is_read_again_from_the_cache(tmp_path: Path) -> None:
    """Keyed by the bundle's content: a changed source date is never served stale."""
    bundle = Path(shutil.copytree(data("examplshire"), tmp_path / "bundle"))
    manifest = bundle / "bundle.toml"
    text = manifest.read_text(encoding="utf-8")
    assert 'date = "2023-01-31"' in text
    folder = tmp_path / "cache"
    with _cache.using(folder):
        before = load_named_sections(bundle, ("areas",))
        manifest.write_text(text.replace('date = "2023-01-31"', 'date = "2023-02-28"'), "utf-8")
        after = load_named_sections(bundle, ("areas",))
        again = load_named_sections(bundle, ("areas",))
    own = "examplshire-agreement"
    assert before.sources[own].date == pendulum.Date(2023, 1, 31)
    assert after.sources[own].date == pendulum.Date(2023, 2, 28)
    assert type(after.sources[own].date) is pendulum.Date
    assert again == after
