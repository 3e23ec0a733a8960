"""The command's cache of the methods attrs generates (svduty._commands._methods)."""

from __future__ import annotations

import json
import marshal
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from types import CodeType

import attr._make
import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from svduty._commands import _cache, _methods

HEADER = (
    "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,"
    "LSOA name,Crime type,Last outcome category,Context\n"
)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    out = tmp_path / "cache"
    out.mkdir(mode=0o700)
    return out


def _files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.marshal"))


def _point_class() -> type:
    @attrs.frozen(slots=True)
    class Point:
        x: int
        label: str = "p"
        tags: tuple[str, ...] = attrs.field(default=(), converter=tuple)

    return Point


def _behaviour(cls: type) -> list[object]:
    a, b = cls(1, "a", ["t"]), cls(1, "a", ("t",))
    return [a == b, a != cls(2), hash(a) == hash(b), repr(a), cls(3).label, cls(3).tags]


def test_the_same_classes_with_and_without_the_cache(folder: Path) -> None:
    without = _behaviour(_point_class())
    with _methods.using(folder):
        first = _behaviour(_point_class())  # compiled, and kept
    assert len(_files(folder)) == 1
    written = _files(folder)[0].stat().st_mtime_ns
    with _methods.using(folder):
        again = _behaviour(_point_class())  # from the cache
    assert without == first == again
    assert _files(folder)[0].stat().st_mtime_ns == written  # nothing new: not rewritten


def test_attrs_gets_its_own_compiler_back(folder: Path) -> None:
    original = attr._make._compile_and_eval
    with _methods.using(folder):
        assert attr._make._compile_and_eval is not original
    assert attr._make._compile_and_eval is original
    with pytest.raises(RuntimeError), _methods.using(folder):
        raise RuntimeError
    assert attr._make._compile_and_eval is original


def test_no_folder_no_cache() -> None:
    original = attr._make._compile_and_eval
    with _methods.using(None):
        assert attr._make._compile_and_eval is original
        _point_class()


def test_an_attrs_without_the_function_is_left_alone(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delattr(attr._make, "_compile_and_eval")
    with _methods.using(folder):
        assert not hasattr(attr._make, "_compile_and_eval")
    assert not _files(folder)


def test_an_attrs_whose_function_takes_other_parameters_is_left_alone(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = attr._make._compile_and_eval

    def other(
        script: str,
        globs: dict[str, object],
        locs: dict[str, object] | None = None,
        filename: str = "",
        mode: str = "exec",
    ) -> None:
        original(script, globs, locs, filename)

    monkeypatch.setattr(attr._make, "_compile_and_eval", other)
    with _methods.using(folder):
        assert attr._make._compile_and_eval is other
        assert _behaviour(_point_class()) == _behaviour(_point_class())
    assert not _files(folder)


_PROGRAM = textwrap.dedent(
    """
    import json, sys
    import attrs
    from svduty._commands import _methods

    with _methods.using(sys.argv[1]):
        @attrs.frozen(slots=True)
        class Point:
            x: int
            label: str = "p"

        @attrs.define(cache_hash=True, frozen=True)
        class Cached:
            y: int

    p = Point(1, "a")
    name = "<attrs generated hash __main__.{}>"
    print(json.dumps([
        hash(p) == hash((hash(name.format("Point")), 1, "a")),
        hash(Cached(2)) == hash((hash(name.format("Cached")), 2)),
        p == Point(1, "a"), repr(p),
    ]))
    """
)


def test_the_hash_of_a_class_is_this_process_own(folder: Path) -> None:
    """The number a ``__hash__`` starts from is salted per process: the cached code gets
    the number of the process that uses it, not of the one that compiled it."""
    runs = []
    stamps = []
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run(
            [sys.executable, "-c", _PROGRAM, str(folder)],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        runs.append(json.loads(out))
        stamps.append(_files(folder)[0].stat().st_mtime_ns)
    assert runs == [[True, True, True, "Point(x=1, label='a')"]] * 3
    assert stamps[0] == stamps[1] == stamps[2]  # the later runs compiled nothing


def _script(names: list[str], number: int) -> str:
    fields = "".join(f"                self.{n},\n" for n in names)
    return (
        "def __hash__(self):\n"
        "        return hash((\n"
        f"                {number},\n"
        f"{fields}"
        "            ))\n"
        "def __eq__(self, other):\n"
        "    return self is other or 12345 == 12345\n"
    )


def _shape(code: CodeType) -> list[object]:
    """Everything of a code object but where its text is (lines and columns)."""
    out: list[object] = [code.co_code, code.co_names, code.co_varnames, code.co_name]
    for const in code.co_consts:
        out.append(_shape(const) if isinstance(const, CodeType) else (type(const), const))
    return out


_NUMBER = st.integers(min_value=-(2**63), max_value=2**63 - 1)


@settings(max_examples=60, deadline=None)
@given(
    names=st.lists(st.from_regex(r"[a-z][a-z0-9_]{0,8}", fullmatch=True), max_size=6),
    old=_NUMBER,
    new=_NUMBER,
)
def test_cached_code_is_the_code_of_this_process_source(
    names: list[str], old: int, new: int
) -> None:
    """Code compiled for one number, given another, is what compiling that source gives."""
    methods = _methods._Methods(
        {}, _methods._FUTURE & attr._make._compile_and_eval.__code__.co_flags
    )
    first = methods.code(_script(names, old), "<attrs generated methods x.Y>")
    methods.new = False
    got = methods.code(_script(names, new), "<attrs generated methods x.Y>")
    expected = compile(_script(names, new), "<attrs generated methods x.Y>", "exec")
    assert _shape(got) == _shape(expected)
    assert _shape(first) == _shape(compile(_script(names, old), "<x>", "exec"))
    collides = str(old) in _script(names, old).replace(f"                {old},", "", 1)
    if (names and not collides) or old == new:
        assert not methods.new  # from the cache
    # else compiled again: the number elsewhere in the source, or alone in a tuple the
    # compiler made one constant of (a class without fields)


def test_a_number_found_elsewhere_in_the_source_is_compiled_again() -> None:
    methods = _methods._Methods({}, 0)
    methods.code(_script(["a"], 12345), "<f>")  # 12345 is in __eq__ too
    methods.new = False
    got = methods.code(_script(["a"], 777), "<f>")
    assert methods.new
    assert _shape(got) == _shape(compile(_script(["a"], 777), "<f>", "exec"))


def test_the_future_flags_are_those_attrs_compiles_with() -> None:
    flags = _methods._FUTURE & attr._make._compile_and_eval.__code__.co_flags
    methods = _methods._Methods({}, flags)
    script = "def f(x: undefined_name) -> None:\n    return x\n"
    namespace: dict[str, object] = {}
    exec(methods.code(script, "<f>"), namespace)  # annotations stay text, as in attrs' own
    annotations = getattr(namespace["f"], "__annotations__", None)
    assert annotations == {"x": "undefined_name", "return": "None"}


@pytest.mark.parametrize(
    "content",
    [
        b"not marshal at all",
        marshal.dumps(("another-format", sys.version, {})),
        marshal.dumps((_methods._FORMAT, "another Python", {})),
        marshal.dumps([1, 2, 3]),
    ],
)
def test_a_bad_or_foreign_file_is_a_miss(folder: Path, content: bytes) -> None:
    path = _methods._file(folder, "methods")
    path.write_bytes(content)
    path.chmod(0o600)
    with _methods.using(folder):
        assert _behaviour(_point_class()) == _behaviour(_point_class())
    assert marshal.loads(path.read_bytes())[0] == _methods._FORMAT  # written again, good


def test_a_folder_others_may_write_to_is_neither_read_nor_written(folder: Path) -> None:
    with _methods.using(folder):
        _point_class()
    path = _methods._file(folder, "methods")
    planted = marshal.dumps((_methods._FORMAT, sys.version, {("<x>", "y"): (0, None)}))
    path.write_bytes(planted)
    folder.chmod(0o777)
    try:
        assert _methods._load(path) == {}
        with _methods.using(folder):
            assert _behaviour(_point_class()) == _behaviour(_point_class())
        assert path.read_bytes() == planted  # not rewritten either
    finally:
        folder.chmod(0o700)


def test_a_cache_that_cannot_be_written_is_left_alone(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("")
    with _methods.using(blocked / "cache"):  # a folder inside a file: cannot be made
        assert _behaviour(_point_class()) == _behaviour(_point_class())


def test_a_full_cache_keeps_what_the_last_run_used(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_methods, "MOST_METHODS", 1)
    with _methods.using(folder):
        _point_class()
    old = marshal.loads(_methods._file(folder, "methods").read_bytes())[2]

    with _methods.using(folder):

        @attrs.frozen
        class Other:
            z: int

    kept = marshal.loads(_methods._file(folder, "methods").read_bytes())[2]
    assert kept
    assert all(name.endswith(".Other>") for name, _ in kept)
    assert not set(kept) & set(old)


def _classify(folder: str, header: Path) -> subprocess.CompletedProcess[str]:
    code = (
        "import sys\n"
        f"sys.argv = ['svduty', 'classify', {str(header)!r}, '--summary', 'json']\n"
        "from svduty.cli import main\nraise SystemExit(main())"
    )
    env = {**os.environ, _cache.CACHE_ENV: folder}
    return subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False
    )


def test_the_command_keeps_its_methods_and_answers_alike(folder: Path, tmp_path: Path) -> None:
    header = tmp_path / "header.csv"
    header.write_text(HEADER, encoding="utf-8")
    cold = _classify("", header)
    first = _classify(str(folder), header)
    assert [p.name.split("-")[2] for p in _files(folder)] == ["classify"]  # the command's own
    written = _files(folder)[0].stat().st_mtime_ns
    second = _classify(str(folder), header)
    assert cold.returncode == first.returncode == second.returncode == 0
    assert cold.stdout == first.stdout == second.stdout
    assert _files(folder)[0].stat().st_mtime_ns == written  # every method from the cache


def test_a_program_calling_main_uses_no_methods_cache(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    from svduty.cli import main

    monkeypatch.setenv(_cache.CACHE_ENV, str(folder))
    assert main(["info", "--partnership", "examplshire"], stdout=io.StringIO()) == 0
    assert not _files(folder)
