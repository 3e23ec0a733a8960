"""Start-up guards that cannot flake: what a command imports, not how long it takes.

Time is measured in ``benchmarks/`` (``make bench``); here we only check that the cheap
paths stay cheap by construction: ``import svduty`` and ``svduty --version`` import none of
the heavy libraries, and every public name still resolves.
"""

from __future__ import annotations

import functools
import importlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pyarrow.parquet as pq
import pytest

import svduty

HEAVY = ("pyarrow", "pandas", "numpy", "networkx", "pendulum", "cattrs", "shapely", "attrs")


def _python(code: str, env: dict[str, str] | None = None) -> str:
    """What ``code`` prints, run in a fresh interpreter."""
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    ).stdout


def _modules_after(code: str, env: dict[str, str] | None = None) -> set[str]:
    out = _python(f"{code}\nimport sys, json; print(json.dumps(sorted(sys.modules)))", env)
    return set(json.loads(out.strip().splitlines()[-1]))


@pytest.mark.parametrize(
    "code",
    [
        "import svduty",
        "import svduty; svduty.__version__",
        "from svduty.cli import main; main(['--version'])",
        "from svduty.cli import main\ntry:\n    main(['--help'])\nexcept SystemExit:\n    pass",
    ],
)
def test_cheap_paths_import_no_heavy_library(code: str) -> None:
    loaded = _modules_after(code)
    assert not {m for m in loaded if m.split(".")[0] in HEAVY}


def test_first_use_imports_the_defining_module() -> None:
    loaded = _modules_after("import svduty; svduty.Money")
    assert "svduty.funding" in loaded
    assert "svduty.definitions" not in loaded


def test_loading_a_bundle_builds_no_governance_graph() -> None:
    """A bundle is loaded without NetworkX (0.1 s and some 300 modules to import): the
    graph is built on first use. The check that a funding project is delivered by a body
    the bundle names (funding41) asked ``if governance``, whose ``len()`` built it."""
    loaded = _modules_after("import svduty; svduty.warwickshire()")
    assert "networkx" not in loaded


def test_every_public_name_resolves_to_its_module() -> None:
    exports = svduty._EXPORTS
    assert set(svduty.__all__) == {*exports, "__version__"}
    for name, module in exports.items():
        assert getattr(svduty, name) is getattr(importlib.import_module(module), name)
    assert set(svduty.__all__) <= set(dir(svduty))


def test_subpackages_are_attributes() -> None:
    loaded = _modules_after("import svduty; svduty.io.load_partnership")
    assert "svduty.io" in loaded


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'nonesuch'"):
        svduty.nonesuch  # noqa: B018


def test_version_is_the_packaged_one() -> None:
    from importlib.metadata import version

    assert svduty.__version__ == version("svduty")


def test_a_command_imports_only_its_own_module() -> None:
    loaded = _modules_after("from svduty.cli import main\nmain(['info', '--help'])")
    assert "svduty._commands.info" in loaded
    assert "svduty._commands.classify" not in loaded


def test_each_command_registers_the_help_line_the_listing_shows() -> None:
    import argparse

    from svduty.cli import COMMANDS, build_parser

    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    shown = {c.dest: c.help for c in sub._choices_actions}
    assert shown == COMMANDS


# --- svduty classify: what its start-up imports ----------------------------------------

CLASSIFY_ALLOWED = ("svduty.answers", "svduty.areas", "svduty.definitions", "svduty.io")
"""The svduty packages ``svduty classify`` may import besides the command's own modules."""

NOT_FOR_CLASSIFY = (
    "svduty.funding",
    "svduty.governance",
    "svduty.authorities",
    "svduty.partnership",
    "svduty.definitions._compare",  # comparing definitions: imported on first use
)


def _header_file(folder: Path) -> Path:
    """A police.uk file of its header alone, written in ``folder``."""
    from svduty.io import POLICE_UK_COLUMNS

    f = folder / "header.csv"
    f.write_text(",".join(POLICE_UK_COLUMNS) + "\n", encoding="utf-8")
    return f


@functools.cache
def _classify_header_only() -> frozenset[str]:
    """The modules ``svduty classify`` of a header-only file loaded: one process a run,
    shared by the four tests that ask (ci62b: each ran the same command on the same input).
    Its folder is made in the run's own temporary folder (``tests/conftest.py``)."""
    f = _header_file(Path(tempfile.mkdtemp()))
    code = (
        "import sys\n"
        f"sys.argv = ['svduty', 'classify', {str(f)!r}, '--summary', 'json']\n"
        "from svduty.cli import main\n"
        "main()"
    )
    return frozenset(_modules_after(code))


def test_classify_loads_only_the_areas_and_the_definition() -> None:
    loaded = _classify_header_only()
    ours = {m for m in loaded if m.startswith("svduty.")}
    assert not {m for m in ours if m.startswith(NOT_FOR_CLASSIFY)}
    outside = {
        m
        for m in ours
        if not m.startswith(CLASSIFY_ALLOWED)
        and m
        not in {
            "svduty._commands",
            "svduty.cli",
            "svduty._version",
            "svduty._lazy",
            "svduty._collector",
            "svduty._arrays",
            "svduty._types",  # Arrow types rebuilt (views as plain types), for _arrays
            "svduty._compute",
            "svduty._data",
            "svduty._days",  # the day of a zoned timestamp in England (zoneinfo only)
            "svduty._plain_days",  # records' days kept plain, given out as pendulum Dates
            "svduty._starting",  # the svduty script's Ctrl-C while it imports (users55)
        }
        and not m.startswith(
            (
                "svduty._commands.",
                "svduty.errors",
                "svduty._shown",
                "svduty._arguments",
                "svduty._checked",
                "svduty._ids",
            )
        )
        and m
        not in {
            "svduty.periods",
            "svduty.periods._period",
            "svduty.periods._dated",  # reading the bundle's TOML (its converter): not cached
            "svduty.sources",
            "svduty._frozen",
            "svduty._words",
            "svduty._blank",
            "svduty._signals",
            "svduty._fields",  # the id validator of records built in Python (types46)
        }
    }
    assert outside == set()
    assert "networkx" not in loaded


def test_classify_imports_no_zip_reader_nor_parquet_for_its_own_data() -> None:
    """Packaged data is read as plain files, the ONS tables as Arrow IPC, the best fit in numpy.

    ``importlib.resources.files`` imports ``importlib.readers`` and ``zipfile``; the
    national tables as Parquet imported ``pyarrow.parquet``, and ``Table.group_by``
    ``pyarrow.acero``. The areas (``svduty.areas._national``) are loaded all the same.
    """
    loaded = _classify_header_only()
    assert "svduty.areas._national" in loaded
    assert not {"zipfile", "importlib.readers", "importlib.resources.readers"} & loaded


_PARQUET_AND_FRIENDS = {"pyarrow.parquet", "pyarrow.acero", "pyarrow.dataset", "pyarrow.fs", "ssl"}


def test_classify_of_a_month_imports_no_parquet_acero_nor_ssl() -> None:
    """Neither reading the ONS tables nor counting imports ``pyarrow.parquet`` (which
    imports ``pyarrow.fs`` and ``ssl``) or ``pyarrow.acero`` (``Table.group_by``; it imports
    ``pyarrow.dataset`` and Parquet): about 20 ms of every run. A month has rows outside
    the partnership, so the national tables are read too."""
    from svduty.io import sample_police_uk

    loaded = _classify_modules(str(sample_police_uk()), "--summary", "json")
    assert "svduty.io._bounds" in loaded
    assert not _PARQUET_AND_FRIENDS & loaded


@functools.cache
def _classify_modules(*args: str) -> frozenset[str]:
    """The modules ``svduty classify ARGS...`` loaded, in a process of its own: once a run
    for the same arguments (the month's summary is asked by two tests: ci62b)."""
    code = (
        "import sys\n"
        f"sys.argv = ['svduty', 'classify', *{list(args)!r}]\n"
        "from svduty.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass"
    )
    return frozenset(_modules_after(code))


@pytest.mark.parametrize(
    ("sample", "output"),
    [
        ("policeuk-month", None),
        ("policeuk-month", "out.csv"),
        ("policeuk-month", "out.parquet"),
        ("policeuk-month", "out.jsonl"),
        ("incidents", None),
        ("incidents", "out.csv"),
        ("incidents", "out.jsonl"),
    ],
)
def test_classify_never_imports_pyarrow_compute(tmp_path, sample, output) -> None:  # type: ignore[no-untyped-def]
    """``import pyarrow.compute`` makes a Python function for each of Arrow's ~400 compute
    functions (0.02-0.03 s); svduty calls them through ``svduty._compute`` instead, and
    never an array's own ``.cast``, ``.take`` or ``.filter``, which import it."""
    import svduty

    args = [str(svduty.sample_path(sample)), "--summary", "json"]
    if output:
        args += ["--output", str(tmp_path / output), "--rejected", str(tmp_path / "rej.csv")]
    loaded = _classify_modules(*args)
    assert "svduty._compute" in loaded
    assert "pyarrow.compute" not in loaded


def test_an_arrays_own_method_imports_pyarrow_compute() -> None:
    """The guard above can fail: one ``Array.cast`` is enough."""
    loaded = _modules_after("import pyarrow as pa\npa.array([1]).cast(pa.string())")
    assert "pyarrow.compute" in loaded


def test_the_command_runs_without_pandas() -> None:
    pytest.importorskip("pandas")  # only then could pyarrow import it
    assert "pandas" not in _classify_header_only()


def test_a_program_calling_main_keeps_pandas(tmp_path) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("pandas")
    loaded = _modules_after(
        "import pandas\nfrom svduty.cli import main\nmain(['info'])\nimport pyarrow as pa\n"
        "assert pa.array(pandas.Series([1, 2])).to_pylist() == [1, 2]"
    )
    assert "pandas" in loaded


def test_pyarrow_still_gives_pandas_after_the_command(tmp_path) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("pandas")
    from svduty.io import POLICE_UK_COLUMNS

    f = tmp_path / "header.csv"
    f.write_text(",".join(POLICE_UK_COLUMNS) + "\n", encoding="utf-8")
    loaded = _modules_after(
        "import sys\n"
        f"sys.argv = ['svduty', 'classify', {str(f)!r}]\n"
        "from svduty.cli import main\nmain()\n"
        "import pyarrow as pa\nassert len(pa.table({'a': [1]}).to_pandas()) == 1"
    )
    assert "pandas" in loaded


def test_io_names_are_lazy_and_resolve() -> None:
    import svduty.io as sio

    assert set(sio.__all__) == set(sio._EXPORTS)
    for name, module in sio._EXPORTS.items():
        assert getattr(sio, name) is getattr(importlib.import_module(module), name)
    assert set(sio.__all__) <= set(dir(sio))
    with pytest.raises(AttributeError, match=r"svduty\.io"):
        sio.nonesuch  # noqa: B018
    loaded = _modules_after("import svduty.io")
    assert "svduty.io._bundle" not in loaded


def test_definitions_names_resolve_the_comparison_on_first_use() -> None:
    import svduty.definitions as sdef

    for name in sdef.__all__:
        assert getattr(sdef, name) is not None
    assert set(sdef.__all__) <= set(dir(sdef))
    assert sdef.compare_definitions.__module__ == "svduty.definitions._compare"
    with pytest.raises(AttributeError, match=r"svduty\.definitions"):
        sdef.nonesuch  # noqa: B018
    assert "svduty.definitions._compare" not in _modules_after("import svduty.definitions")


def test_the_national_catalogue_is_read_on_first_use() -> None:
    from svduty import sources

    assert "tomllib" not in _modules_after("import svduty.sources")
    assert "tomllib" in _modules_after("import svduty.sources as s; s.CATALOGUE")
    assert "CATALOGUE" in dir(sources)
    assert sources.CATALOGUE is sources.__getattr__("CATALOGUE")
    assert sources.cite("pcsc-act-2022").source is sources.CATALOGUE["pcsc-act-2022"]
    with pytest.raises(AttributeError, match=r"svduty\.sources"):
        sources.nonesuch  # noqa: B018


def test_threads_reading_the_catalogue_first_get_one_object() -> None:
    """The first read is under a lock (a slow read, as a busy machine makes it, shows it)."""
    code = (
        "import threading, time\n"
        "import svduty.sources as s\n"
        "real = s._catalogue\n"
        "s._catalogue = lambda: (time.sleep(0.05), real())[1]\n"
        "got = []\n"
        "ts = [threading.Thread(target=lambda: got.append(s.CATALOGUE)) for _ in range(6)]\n"
        "[t.start() for t in ts]; [t.join() for t in ts]\n"
        "print(len({id(c) for c in got}), got[0] is s.CATALOGUE)"
    )
    assert _python(code).split() == ["1", "True"]


def test_the_blocker_refuses_pandas_alone() -> None:
    from svduty.cli import _CommandImports

    blocker = _CommandImports()
    for name in ("pandas", "pandas.core"):
        with pytest.raises(ModuleNotFoundError, match="pandas"):
            blocker.find_spec(name)
    assert blocker.find_spec("pyarrow") is None
    assert blocker.find_spec("pandasx") is None


def test_the_command_loads_dateutil_parser_only_when_used(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """pendulum imports ``dateutil.parser`` (and ``dateutil.tz``) for ``pendulum.parse``,
    which the command never calls: it is loaded lazily, and works when it is used."""
    assert "dateutil.tz" not in _classify_header_only()
    header = str(_header_file(tmp_path))
    loaded = _modules_after(
        "import sys\n"
        f"sys.argv = ['svduty', 'classify', {header!r}, '--summary', 'json']\n"
        "from svduty.cli import main\nmain()\nimport pendulum\n"
        "assert pendulum.parse('3 Jan 2024', strict=False).day == 3\n"
        "from dateutil import parser\nassert parser.parse('4 Feb 2024').month == 2"
    )
    assert "dateutil.tz" in loaded  # loaded when first used


def test_a_program_importing_pendulum_gets_dateutil_as_usual() -> None:
    assert "dateutil.tz" in _modules_after("import pendulum")


def test_the_finder_defers_a_module_it_cannot_find() -> None:
    from svduty.cli import _CommandImports

    finder = _CommandImports()
    finder.LAZY = ("svduty_no_such_module",)
    assert finder.find_spec("svduty_no_such_module") is None


def test_main_without_arguments_removes_its_blocker(monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    from svduty.cli import main

    monkeypatch.delitem(sys.modules, "pandas", raising=False)
    monkeypatch.setattr(sys, "argv", ["svduty", "info"])
    before = list(sys.meta_path)
    assert main() == 0
    assert sys.meta_path == before
    assert "warwickshire" in capsys.readouterr().out.lower()


def test_version_among_other_arguments(capsys) -> None:  # type: ignore[no-untyped-def]
    from svduty.cli import main

    assert main(["--version", "info"]) == 0
    assert capsys.readouterr().out.startswith("svduty ")


def _collector_states(code: str) -> list[object]:
    """Run ``code`` in a fresh process; the collector's state at each ``settle`` and at the end."""
    spy = (
        "import gc, sys\nimport svduty._collector as c\nseen = []\norig = c.settle\n"
        "def settle():\n    seen.append([gc.isenabled(), gc.get_freeze_count() > 0])\n"
        "    orig()\nc.settle = settle\n"
    )
    end = "\nimport json\nprint(json.dumps(seen + [[gc.isenabled(), gc.get_freeze_count() > 0]]))"
    out = subprocess.run(
        [sys.executable, "-c", spy + code + end], capture_output=True, text=True, check=True
    ).stdout
    return list(json.loads(out.strip().splitlines()[-1]))


def test_the_command_pauses_the_collector_until_the_partnership_is_loaded(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from svduty.io import POLICE_UK_COLUMNS

    f = tmp_path / "header.csv"
    f.write_text(",".join(POLICE_UK_COLUMNS) + "\n", encoding="utf-8")
    states = _collector_states(
        f"sys.argv = ['svduty', 'classify', {str(f)!r}, '--summary', 'json']\n"
        "from svduty.cli import main\nmain()"
    )
    # paused at the first settle (after loading), then frozen and collecting again
    assert states[0] == [False, False]
    assert states[-1] == [True, True]


def test_a_program_calling_main_keeps_its_collector() -> None:
    states = _collector_states("from svduty.cli import main\nmain(['info'])")
    assert states[-1] == [True, False]


def test_a_command_that_fails_still_resumes_the_collector() -> None:
    states = _collector_states(
        "sys.argv = ['svduty', 'classify', '/nonexistent/file.csv']\n"
        "from svduty.cli import main\nassert main() == 1"
    )
    assert states[-1] == [True, True]


@pytest.mark.skipif(
    "numpy.ma" in _modules_after("import numpy"), reason="numpy 1 imports numpy.ma with numpy"
)
def test_classify_does_not_import_numpy_ma() -> None:
    """pyarrow imports ``numpy.ma`` for every numpy array given to ``pa.array`` (0.01-0.02 s)."""
    loaded = _modules_after(
        "import sys, svduty\n"
        "sys.argv = ['svduty', 'classify', str(svduty.sample_path('policeuk-month')), "
        "'--summary', 'json']\n"
        "from svduty.cli import main\nmain()",
        {**os.environ, "SVDUTY_CACHE_DIR": ""},  # no cache, no plan: the engine answers
    )
    assert "svduty.definitions._columnar" in loaded
    assert "numpy.ma" not in loaded


def test_a_command_that_loads_a_whole_partnership_resumes_the_collector() -> None:
    states = _collector_states("sys.argv = ['svduty', 'info']\nfrom svduty.cli import main\nmain()")
    assert states[0] == [False, False]  # paused until the partnership was loaded
    assert states[-1] == [True, True]


# --- svduty classify from the cache: an allow-list of what start-up imports ------------

FOUNDATIONS = "import pyarrow, pyarrow._compute, pyarrow.csv, numpy, attrs"
"""What ``svduty classify`` cannot start without: what these import is allowed."""

CLASSIFY_STDLIB = frozenset(
    {
        "argparse",
        "gettext",
        "locale",
        "csv",
        "_csv",
        "concurrent",
        "mmap",
        "_sha256",  # the cache's key (Python 3.11; 3.12 names it _sha2)
        "_sha2",
        "encodings",  # utf-8-sig, for the police.uk header
        "json",
        "_json",
        "importlib",  # svduty's names loaded on first use (importlib.import_module)
        "pickle",
        "_pickle",
        "_compat_pickle",
        # imported by pendulum before, so allowed by the foundations until speed47a:
        "bisect",  # the police.uk plan's months
        "_bisect",
        "pathlib",  # paths (and what it imports)
        "ntpath",
        "urllib",
        "ipaddress",
        "fnmatch",  # pathlib's
        # not shutil (argparse's help formatter imported it for the terminal's width, and
        # with it zlib, bz2 and lzma: 1.5 ms; svduty's formatter asks the terminal itself)
        "_locale",  # locale's (gettext's, argparse's)
    }
)
"""The standard library modules (top-level names) classify may import beyond the foundations'."""

PYARROW_CONVERTS = frozenset(
    {"dateutil", "dateutil._common", "dateutil._version", "dateutil.relativedelta", "calendar"}
)
"""What pyarrow imports the first time it converts Python values (``pa.array([...])``):
``dateutil.relativedelta``, for month-day-nano intervals (not dateutil's parser nor tz)."""

DEFERRED = (
    "pendulum",  # a record's days are kept plain, pendulum Dates when read (speed47a)
    "zoneinfo",  # the day in England of a zoned time (svduty._days), when one is read
    "cattrs",  # reading a bundle's TOML (a miss of the cache of loaded partnerships)
    "typing_extensions",  # cattrs'
    "tomli_w",  # writing TOML
    "networkx",  # governance
    "shapely",  # points in areas, when a file has no LSOA
    "matplotlib",  # report
    "pandas",
    "html",  # notebook views
    "hashlib",  # OpenSSL and blake2: the cache's key uses the C module for SHA-256 alone
    "tempfile",  # writing a cache file
    "zipfile",
    "ssl",
    "tomllib",  # a bundle's TOML, the national catalogue of sources: not a cached partnership
)
"""Modules loaded when first needed: never by a police.uk summary whose partnership comes
from the command's cache (unless a foundation imports them itself)."""

ENGINE = (
    "svduty.definitions._definition",
    "svduty.definitions._classify",
    "svduty.definitions._columnar",
    "svduty.definitions._columns",
    "svduty.definitions._incident",
    "svduty.definitions._expr",
    "svduty.definitions._owhr",
    "svduty.io._settle",
    "svduty.io._plan_build",
)
"""The rule engine: a police.uk file its plan (in the command's cache) covers never needs it."""

DEFERRED_OURS = (
    "svduty.io._converter",
    "svduty.io._structural",
    "svduty.io._definition",
    "svduty.io._published",
    "svduty.io._writers",
    "svduty.io._json_lines",
    "svduty.io._json_values",
    "svduty.io._incident_tables",
    "svduty.io._incident_csv_whole",
    "svduty.io._jsonl_ahead",
    "svduty.io._jsonl_rows",
    "svduty.io._incident_columns",
    "svduty.io._incident_values",
    "svduty.partnership",
    # a bundle's files read (its manifest, its sections' table), a command's choice, the
    # districts that ceased: classes a start-up from the cache never builds (speed48a)
    "svduty.io._bundle_read",
    "svduty.io._sections",
    "svduty._commands._chosen",
    "svduty.areas._ceased",
    "svduty.areas._earlier",
    "svduty.io._lines",  # quotes, blank lines, a row not UTF-8: none in a plain month
    # values dated on a timeline, financial years, one LSOA's match, the national LSOA
    # records: classes only a bundle read, a funding record or a look-up of one LSOA or
    # point builds (speed49b)
    "svduty.periods._dated",
    "svduty.areas._match",
    "svduty.areas._national_lsoas",
    *ENGINE,
)
"""svduty's modules a police.uk summary with no ``--output`` never needs."""


_MODULES = "import json\nprint(json.dumps(sorted(sys.modules)))"
"""Prints the modules loaded (``json`` is loaded by then: the summary is JSON)."""


@functools.cache
def _header_runs() -> tuple[tuple[str, str, str], tuple[str, str, str]]:
    """``svduty classify`` of a header-only police.uk file with its own empty cache, twice
    (loading the bundle and filling the cache, then from the cache): after each, the lines
    :data:`_MODULES`, :data:`_ATTRS_CLASSES` and :data:`_TABLES_READ` print, in that order
    (neither of the first two loads a module of svduty's). One pair of processes a run for
    the three tests that ask (ci62b: each ran its own pair)."""
    from svduty._commands._cache import CACHE_ENV

    folder = Path(tempfile.mkdtemp())  # in the run's own temporary folder (tests/conftest.py)
    f = _header_file(folder)
    cache = folder / "cache"
    cache.mkdir(mode=0o700)
    code = (
        "import sys\n"
        f"sys.argv = ['svduty', 'classify', {str(f)!r}, '--summary', 'json']\n"
        "from svduty.cli import main\n"
        f"main()\n{_MODULES}\n{_ATTRS_CLASSES}\n{_TABLES_READ}"
    )
    env = {**os.environ, CACHE_ENV: str(cache)}
    first, again = (_python(code, env).strip().splitlines()[-3:] for _ in range(2))
    return (first[0], first[1], first[2]), (again[0], again[1], again[2])


def _classify_from_the_cache() -> set[str]:
    first, again = _header_runs()
    assert "cattrs" in json.loads(first[0])  # the first run loads the bundle, fills the cache
    return set(json.loads(again[0]))


@functools.cache
def _foundations() -> frozenset[str]:
    """The modules :data:`FOUNDATIONS` loads (one process a run for the two tests that ask)."""
    return frozenset(_modules_after(FOUNDATIONS))


def test_classify_from_the_cache_imports_only_what_it_allows() -> None:
    """A deterministic start-up guard: the modules imported, not the seconds taken.

    Beyond what pyarrow (with numpy) and attrs import themselves, ``svduty
    classify`` of a police.uk file, its partnership from the cache, imports svduty's own
    modules and the standard library modules of :data:`CLASSIFY_STDLIB`; none of
    :data:`DEFERRED` nor :data:`DEFERRED_OURS`.
    """
    loaded = _classify_from_the_cache()
    foundations = _foundations()
    beyond = {m.split(".")[0] for m in loaded - foundations - PYARROW_CONVERTS} - {"svduty"}
    assert beyond <= CLASSIFY_STDLIB, sorted(beyond - CLASSIFY_STDLIB)
    deferred = {m for m in loaded - foundations if m.split(".")[0] in DEFERRED}
    assert deferred == set()
    assert {m for m in loaded if m.startswith(DEFERRED_OURS)} == set()


CLASSIFY_ATTRS_CLASSES = 30
"""How many attrs classes svduty's modules define at the start-up of ``svduty classify``
from the cache, at most: each is about 0.3-0.4 ms (attrs compiles its methods). speed48a
found 45 and left 36: a bundle's manifest and sections, a command's choice, the districts
that ceased and the quotes' line reader are built when a bundle is read, a code looked
up or a quote met, not at every start-up (and a plan pickled packed adds one). speed49b
left 30: ``Dated``, ``Timeline`` and ``FinancialYear`` (``svduty.periods._dated``), one
LSOA's ``AreaMatch`` (``svduty.areas._match``), the national tables' ``LsoaRecord``
(``svduty.areas._national_lsoas``) and their districts' records (plain tuples now)."""

_ATTRS_CLASSES = (
    "import attrs, json\n"
    "print(json.dumps(sorted(\n"
    "    f'{name}.{c.__qualname__}' for name, m in list(sys.modules.items())\n"
    "    if name.startswith('svduty') for c in vars(m).values()\n"
    "    if isinstance(c, type) and attrs.has(c) and c.__module__ == name)))"
)


def test_classify_from_the_cache_builds_few_attrs_classes() -> None:
    """A counted guard (never a time): the attrs classes svduty defines at start-up."""
    cold, warm = _header_runs()
    first = json.loads(cold[1])  # the run that fills the cache
    built = json.loads(warm[1])
    assert len(first) > len(built)  # the measure sees what reading the bundle builds
    assert len(built) <= CLASSIFY_ATTRS_CLASSES, built
    assert "svduty.io._pipeline.Pipeline" in built


_COMPILES_COUNTED = (
    "import svduty._commands._compiled as compiled\n"
    "names = []\n"
    "def counted(source, filename, mode, *args, **kwargs):\n"
    "    names.append(filename)\n"
    "    return compile(source, filename, mode, *args, **kwargs)\n"
    "compiled.compile = counted\n"
)


def test_classify_from_the_cache_compiles_no_attrs_methods(tmp_path: Path) -> None:
    """attrs compiles each class's methods (about 0.35 ms of its 0.6 ms): the command keeps
    the code in its cache (``svduty._commands._compiled``), and a second start-up, in a
    process whose ``hash`` is salted apart, compiles none of them (speed62b)."""
    from svduty._commands._cache import CACHE_ENV

    cache = tmp_path / "cache"
    cache.mkdir(mode=0o700)
    code = (
        f"{_COMPILES_COUNTED}import sys\n"
        f"sys.argv = ['svduty', 'classify', {str(_header_file(tmp_path))!r}, '--summary', 'json']\n"
        "from svduty.cli import main\nmain()\nimport json; print(json.dumps(names))"
    )
    env = {**os.environ, CACHE_ENV: str(cache)}
    first = json.loads(_python(code, env).strip().splitlines()[-1])
    again = json.loads(_python(code, {**env, "PYTHONHASHSEED": "7"}).strip().splitlines()[-1])
    assert len([n for n in first if "svduty." in n]) >= 20
    assert again == []


_TABLES_READ = (
    "from svduty.areas import _national, _tables\n"
    "print(_national.police_force_names.cache_info().currsize, _tables._read.cache_info().currsize)"
)


def test_classify_of_no_rows_from_the_cache_reads_no_national_table() -> None:
    """A file of no rows names no force: the forces' table is read when a file's row does.

    The first run loads the bundle (its districts are read from the national tables); the
    second, from the cache, reads none of them (speed60c: the forces' table was read before
    any file's force was known).
    """
    cold, warm = _header_runs()
    first, again = cold[2], warm[2]
    assert first != "0 0"  # the measure sees a table read
    assert again == "0 0"


def test_a_month_from_the_cache_is_answered_by_its_plan_alone(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The sample month's rows, from a warm cache: no rule engine, the same summary."""
    from svduty._commands._cache import CACHE_ENV
    from svduty.io import sample_police_uk

    cache = tmp_path / "cache"
    cache.mkdir(mode=0o700)
    code = (
        "import sys\n"
        f"sys.argv = ['svduty', 'classify', {str(sample_police_uk())!r}, '--summary', 'json',"
        f" '-o', {str(tmp_path / 'out.parquet')!r}]\n"
        "from svduty.cli import main\n"
        "main()"
    )
    first = _modules_after(code, {**os.environ, CACHE_ENV: str(cache)})
    assert "svduty.io._plan_build" in first  # the plan built, and kept
    again = _modules_after(code, {**os.environ, CACHE_ENV: str(cache)})
    assert {m for m in again if m.startswith(ENGINE)} == set()
    assert "svduty.io._plan" in again
    assert "numpy.ma" not in again
    planned = pq.read_table(tmp_path / "out.parquet")
    _modules_after(code, {**os.environ, CACHE_ENV: ""})  # no cache: the engine answers
    assert planned.equals(pq.read_table(tmp_path / "out.parquet"))


def test_the_allow_list_catches_a_module_imported_at_start_up(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The guard is sensitive: the same measure sees one more import at once."""
    foundations = _foundations()
    loaded = _modules_after(f"{FOUNDATIONS}\nimport cattrs, tomli_w")
    beyond = {m.split(".")[0] for m in loaded - foundations}
    assert {"cattrs", "tomli_w"} <= beyond - CLASSIFY_STDLIB


# --- the command's own environment: OpenBLAS on one thread --------------------------------


def _blas_threads_after(code: str, **env: str) -> str | None:
    run_env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    out = subprocess.run(
        [sys.executable, "-c", f"{code}\nimport os; print(os.environ.get('OPENBLAS_NUM_THREADS'))"],
        capture_output=True,
        text=True,
        check=True,
        env={**run_env, **env},
    ).stdout
    value = out.strip().splitlines()[-1]
    return None if value == "None" else value


_COMMAND = "import sys\nsys.argv = ['svduty', 'info']\nfrom svduty.cli import main\nmain()"


def test_the_command_runs_openblas_on_one_thread() -> None:
    """numpy's OpenBLAS threads spin on the other cores (about 0.1 s of CPU) unless told."""
    assert _blas_threads_after(_COMMAND) == "1"


def test_the_command_keeps_the_users_openblas_setting() -> None:
    assert _blas_threads_after(_COMMAND, OPENBLAS_NUM_THREADS="3") == "3"


def test_a_program_calling_main_keeps_its_environment() -> None:
    code = "from svduty.cli import main\nmain(['info'])"
    assert _blas_threads_after(code) is None


def test_the_command_sets_nothing_once_numpy_is_loaded() -> None:
    """OpenBLAS reads the variable when numpy is imported: set later, it would only mislead."""
    assert _blas_threads_after("import numpy\n" + _COMMAND) is None


# --- the parsers a command line makes (speed48a) -------------------------------------------


def _parsers_made(monkeypatch, capsys, argv: list[str]) -> tuple[int, str]:  # type: ignore[no-untyped-def]
    """How many argument parsers ``main(argv)`` made, and what it printed."""
    from svduty import cli

    made: list[object] = []
    real = cli._Parser.__init__

    def counted(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        made.append(self)
        real(self, *args, **kwargs)

    monkeypatch.setattr(cli._Parser, "__init__", counted)
    cli.main(argv)
    return len(made), capsys.readouterr().out


def test_a_command_named_first_makes_only_its_own_parser(monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    """``svduty classify ...`` makes the top level's parser and classify's: not one for each
    other command (argparse translates three texts a parser, about 0.3 ms each)."""
    made, out = _parsers_made(monkeypatch, capsys, ["info", "--help"])
    assert made == 2
    assert "usage: svduty info" in out


@pytest.mark.parametrize("argv", [["--help"], ["--help", "info"], ["-h", "classify"]])
def test_the_top_level_help_still_lists_every_command(monkeypatch, capsys, argv) -> None:  # type: ignore[no-untyped-def]
    from svduty.cli import COMMANDS

    made, out = _parsers_made(monkeypatch, capsys, argv)
    assert made == 1 + len(COMMANDS)
    assert all(name in out for name in COMMANDS)


@pytest.mark.parametrize("columns", [None, "100", "0", "-5", "wide", " 72 "])
def test_the_help_is_as_wide_as_argparse_would_make_it(monkeypatch, columns) -> None:  # type: ignore[no-untyped-def]
    """svduty's help formatter asks the terminal's width without shutil, with its answer."""
    import argparse
    import shutil

    from svduty._commands._examples import Help

    if columns is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", columns)
    assert Help("p")._width == argparse.HelpFormatter("p")._width
    assert Help("p")._width == shutil.get_terminal_size().columns - 2
    assert Help("p", width=50)._width == 50


def test_the_command_line_compiles_its_error_patterns_when_an_error_needs_them() -> None:
    """A counted guard (speed49b): ``svduty.cli`` holds no compiled pattern at import (its
    four, about 0.45 ms, read only argparse's errors); ``re`` compiles each at first use.
    The parser and its patterns are in ``svduty._commands._parser`` since mend52."""
    import re

    from svduty import cli
    from svduty._commands import _parser

    for module in (cli, _parser):
        assert not [n for n, v in vars(module).items() if isinstance(v, re.Pattern)]
    assert re.search(_parser._CHOICE, "invalid choice: 'x' (choose from 'info')") is not None


@pytest.mark.parametrize(
    "module",
    [
        "svduty._checked",  # an argument's type named in an error
        "svduty._commands._cache",  # an older cache file's name, when one is written
        "svduty._plain_days",  # a day's shape in an error; a cited day read from a bundle
        "svduty.sources",  # a source's web address, when a bundle's sources are read
        "svduty.areas._model",  # a GSS code or id checked, a name normalised
        "svduty.periods._period",  # a period's end shown in an error
    ],
)
def test_start_up_modules_compile_their_private_patterns_at_first_use(module: str) -> None:
    """A counted guard (speed49b): the private patterns of modules a warm ``svduty classify``
    imports are compiled when first used (by ``re``, which keeps them), not at import: a
    warm start uses none of them (about 0.6 ms in all)."""
    import re

    found = vars(importlib.import_module(module))
    assert not [n for n, v in found.items() if n.startswith("_") and isinstance(v, re.Pattern)]
