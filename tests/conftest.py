"""Shared test configuration."""

from __future__ import annotations

import os
import shutil
import signal
import tempfile

from hypothesis import HealthCheck, settings

# Every temporary folder the run makes (tests' and doctests' mkdtemp, starting bundles made
# once a run, the commands the tests run in a subprocess, which inherit TMPDIR) goes in one
# folder of this process's own, removed when its session ends (pytest_unconfigure below), so
# a run leaves nothing behind in /tmp; pytest's own tmp_path folders stay where pytest keeps
# them (its last three runs, for a failure's files).
os.environ.setdefault("PYTEST_DEBUG_TEMPROOT", tempfile.gettempdir())
RUN_TEMP = tempfile.mkdtemp(prefix="svduty-test-run-")
tempfile.tempdir = os.environ["TMPDIR"] = RUN_TEMP
# `make` exports PYTHONDONTWRITEBYTECODE (nothing compiled is written in the tree), so each
# command a test runs as a process compiled svduty's modules again: they compile them once
# a run, into the run's own folder (PYTHONPYCACHEPREFIX), never beside the sources (ci61b).
# This process is not changed: it read PYTHONDONTWRITEBYTECODE when it started.
if os.environ.pop("PYTHONDONTWRITEBYTECODE", None) is not None:
    os.environ["PYTHONPYCACHEPREFIX"] = os.path.join(RUN_TEMP, "bytecode")

# A test run started as a shell's background job (`make test &`, nohup) inherits SIGINT
# ignored, and Python keeps it so: the tests that interrupt a command with a real SIGINT
# (signal.raise_signal) would see nothing happen. The run takes Ctrl-C as an interactive
# one does; the tests of an inherited SIG_IGN set it themselves.
if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)

# The svduty command keeps the partnerships it loads in a cache (svduty._commands._cache):
# the commands the tests run keep theirs in a folder of the test run's own.
os.environ["SVDUTY_CACHE_DIR"] = tempfile.mkdtemp(prefix="svduty-test-cache-")
# a developer's own default partnership (the docs suggest setting it) is not the tests'
os.environ.pop("SVDUTY_PARTNERSHIP", None)

# CI runs the same number of examples as a developer's run, derandomized (the same examples
# each run, so a red CI is reproducible); each developer run draws new ones, and the fuzz
# suite has its own budgets (`make fuzz`: 40x). At 200, CI took 16 minutes of its 15.
settings.register_profile("dev", max_examples=100, deadline=None)
settings.register_profile(
    "ci",
    max_examples=100,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


# --- Test doubles for the batch job's seam (svduty.io.Pipeline) -------------------------
# Small but real implementations built from the ONS look-ups in ../shared/data, used to test
# the batch job's seam (readers, pipeline, summary, CLI) independently of the real geography
# and classifier, which have their own tests. They live in the tests, never in src.

import csv  # noqa: E402
from pathlib import Path  # noqa: E402

import pyarrow as pa  # noqa: E402
import pyarrow.compute as pc  # noqa: E402
import pytest  # noqa: E402

from tests import traced_examples  # noqa: E402

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
if not SHARED.exists():  # a worktree under /work: shared/ is beside it
    SHARED = Path("/work/shared/data")
MONTHS_DIR = SHARED / "policeuk"

WARWICKSHIRE = {
    "E07000218": "North Warwickshire",
    "E07000219": "Nuneaton and Bedworth",
    "E07000220": "Rugby",
    "E07000221": "Stratford-on-Avon",
    "E07000222": "Warwick",
}


def _lsoa_table() -> dict[str, str]:
    out: dict[str, str] = {}
    with (SHARED / "ons" / "warwickshire-lsoa11-ward19-lookup.csv").open() as fh:
        for r in csv.DictReader(fh):
            out[r["LSOA11CD"]] = r["LAD19CD"]
    with (SHARED / "ons" / "warwickshire-lsoa21.csv").open() as fh:
        for r in csv.DictReader(fh):
            out[r["LSOA21CD"]] = r["LAD_CD"]
    return out


LSOA_TO_DISTRICT = _lsoa_table()
_CODES = pa.array(list(LSOA_TO_DISTRICT))
_DISTRICTS = pa.array(list(LSOA_TO_DISTRICT.values()))
_NAME_TO_CODE = {v: k for k, v in WARWICKSHIRE.items()}


def fake_resolve_lsoas(codes: pa.Array, names: pa.Array | None = None) -> pa.Table:
    """Table look-up of Warwickshire LSOAs (2011 and 2021), then the LSOA name's district."""
    idx = pc.index_in(codes, value_set=_CODES)
    by_table = pc.take(_DISTRICTS, idx)
    name_part = pc.replace_substring_regex(names, r"\s+\d{3}[A-Z]$", "") if names else None
    if name_part is not None:
        well_formed = pc.fill_null(pc.match_substring_regex(names, r"\s\d{3}[A-Z]$"), False)
        name_part = pc.if_else(well_formed, name_part, pa.scalar(None, pa.string()))
        by_name_code = pc.take(
            pa.array(list(_NAME_TO_CODE.values())),
            pc.index_in(name_part, value_set=pa.array(list(_NAME_TO_CODE))),
        )
    else:
        name_part = pa.nulls(len(codes), pa.string())
        by_name_code = pa.nulls(len(codes), pa.string())
    district = pc.coalesce(by_table, by_name_code)
    district_name = pc.coalesce(
        pc.take(
            pa.array(list(WARWICKSHIRE.values())),
            pc.index_in(district, value_set=pa.array(list(WARWICKSHIRE))),
        ),
        name_part,
    )
    match = pc.if_else(
        pc.is_valid(by_table),
        pa.scalar("table"),
        pc.if_else(pc.is_valid(name_part), pa.scalar("name"), pa.scalar("unresolved")),
    )
    inside = pc.is_valid(pc.index_in(district, value_set=pa.array(list(WARWICKSHIRE))))
    return pa.table(
        {
            "lsoa_code": codes,
            "district_code": district,
            "district_name": district_name,
            "csp_code": district,
            "csp_name": pc.if_else(inside, district_name, pa.scalar(None, pa.string())),
            "police_area": pc.if_else(inside, "Warwickshire", pa.scalar(None, pa.string())),
            "match": match,
        }
    )


_VIOLENT = pa.array(["Violence and sexual offences", "Robbery", "Possession of weapons"])


_WEAPONS = ("none", "knife", "firearm", "corrosive", "other")


def fake_classify_table(table: pa.Table) -> pa.Table:
    """A category-level stand-in for classify_table: the same output columns and types.

    One real check, as classify_table does it: an unknown weapon word refuses the rows
    (a DataError naming them, 1-based); an armed incident is violence.
    """
    from svduty.errors import DataError, Problem

    weapon = (
        table.column("weapon").to_pylist()
        if "weapon" in table.schema.names
        else [None] * table.num_rows
    )
    bad = [i for i, w in enumerate(weapon) if w is not None and w not in _WEAPONS]
    if bad:
        raise DataError([Problem(row=i + 1, field="weapon", expected="a weapon word") for i in bad])
    armed = pa.array([w in _WEAPONS[1:] for w in weapon], pa.bool_())
    cat = (
        table.column("police_uk_category")
        if "police_uk_category" in table.schema.names
        else (pa.nulls(table.num_rows, pa.string()))
    )
    # no category: unknown, hence undetermined
    violent = pc.or_(pc.is_null(cat), pc.fill_null(pc.is_in(cat, value_set=_VIOLENT), False))
    verdict = pc.if_else(
        armed, pa.scalar("yes"), pc.if_else(violent, pa.scalar("undetermined"), pa.scalar("no"))
    )
    n = table.num_rows
    kinds = pa.array([[] for _ in range(n)], pa.list_(pa.string()))
    kinds = pc.if_else(
        pc.fill_null(pc.equal(cat, "Possession of weapons"), False),
        pa.scalar(["weapon"], pa.list_(pa.string())),
        kinds,
    )
    for name, col in (
        ("violence", verdict),
        ("in_scope", verdict),
        ("domestic_abuse", pc.if_else(violent, "undetermined", "no")),
        ("qualifying_homicide", pc.if_else(violent, "undetermined", "no")),
        ("homicide_review", pc.if_else(violent, "undetermined", "not_required")),
        ("kinds", kinds),
        ("basis", pa.repeat(pa.scalar("category"), n)),
        ("reasons", pa.array([["category"]] * n, pa.list_(pa.string()))),
    ):
        table = table.append_column(name, col)
    return table


def picky_classify_table(table: pa.Table) -> pa.Table:
    """``fake_classify_table`` that refuses rows located in E01999998 (naming them, 1-based)."""
    from svduty.errors import DataError, Problem

    loc = table.column("location").to_pylist()
    bad = [i for i, v in enumerate(loc) if v == "E01999998"]
    if bad:
        raise DataError([Problem(row=i + 1, field="location", expected="a place") for i in bad])
    return fake_classify_table(table)


def resolve_e01999998_by_name(codes: pa.Array, names: pa.Array | None = None) -> pa.Table:
    """``fake_resolve_lsoas`` that also resolves E01999998 (by name): a place to refuse."""
    t = fake_resolve_lsoas(codes, names)
    match = pc.if_else(pc.equal(codes, "E01999998"), "name", t.column("match"))
    return t.set_column(t.schema.get_field_index("match"), "match", match)


def fake_within(code: str) -> bool:
    return code in WARWICKSHIRE


@pytest.fixture
def fake_pipeline(monkeypatch):
    """The batch job's pipeline built from the test doubles, patched in as the default."""
    from svduty.io import Pipeline, _pipeline

    pipe = Pipeline(
        resolve_areas=fake_resolve_lsoas,
        classify=fake_classify_table,
        within=fake_within,
    )
    monkeypatch.setattr(_pipeline, "default_pipeline", lambda partnership=None, **kw: pipe)
    return pipe


def pytest_unconfigure(config: pytest.Config) -> None:
    """The run's temporary folders go when its session ends (each xdist worker its own)."""
    shutil.rmtree(RUN_TEMP, ignore_errors=True)


# Coverage counts the first examples of each property test only (tests/traced_examples.py)
@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    """Count each test's examples from zero; trace a property test's first ones only."""
    traced_examples.new_test(item)
