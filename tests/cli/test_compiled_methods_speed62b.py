"""attrs' methods compiled once and kept in the command's cache (svduty._commands._compiled)."""

from __future__ import annotations

import marshal
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest

from svduty._commands import _compiled
from svduty._commands._compiled import FILE, methods_kept


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    out = tmp_path / "cache"
    out.mkdir(mode=0o700)
    return out


@pytest.fixture
def compiled(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The file names of what ``_compiled`` compiles itself (not what it takes as kept)."""
    names: list[str] = []

    def counted(source: Any, filename: Any, mode: str, *args: Any, **kwargs: Any) -> Any:
        names.append(filename)
        return compile(source, filename, mode, *args, **kwargs)

    monkeypatch.setattr(_compiled, "compile", counted, raising=False)
    return names


def _frozen() -> type:
    @attrs.frozen(slots=True)
    class Kept:
        a: int
        b: str = "x"
        c: tuple[int, ...] = attrs.field(factory=tuple)

    return Kept


def test_a_class_built_again_takes_its_kept_code(folder: Path, compiled: list[str]) -> None:
    with methods_kept(folder):
        first = _frozen()
    assert any("Kept" in n for n in compiled)
    assert (folder / FILE).stat().st_mode & 0o777 == 0o600
    compiled.clear()
    with methods_kept(folder):
        again = _frozen()
    assert compiled == []  # every method of the class from the file
    one, two = again(1), again(1, "x", ())
    assert one == two
    assert hash(one) == hash(two)
    assert one != again(2)
    assert repr(one) == repr(first(1)) == "Kept(a=1, b='x', c=())"
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        one.a = 2  # type: ignore[misc]


def test_no_folder_changes_nothing(compiled: list[str]) -> None:
    import attr._make as made

    with methods_kept(None):
        _frozen()
    assert compiled == []
    assert not hasattr(made, "compile")


def test_a_run_that_compiles_nothing_new_writes_nothing(folder: Path) -> None:
    with methods_kept(folder):
        _frozen()
    before = (folder / FILE).stat().st_mtime_ns
    (folder / FILE).touch()
    os.utime(folder / FILE, ns=(before, before))
    with methods_kept(folder):
        _frozen()
    assert (folder / FILE).stat().st_mtime_ns == before


def test_a_block_that_raises_keeps_nothing(folder: Path) -> None:
    def interrupted() -> None:
        with methods_kept(folder):
            _frozen()
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        interrupted()
    assert not (folder / FILE).exists()


def _write(folder: Path, value: object) -> None:
    (folder / FILE).write_bytes(marshal.dumps(value))
    (folder / FILE).chmod(0o600)


@pytest.mark.parametrize(
    "kept",
    [
        lambda stamp, code: (("another Python", 0, 0), code),  # another stamp
        lambda stamp, code: (stamp, list(code.items())),  # not a mapping
        lambda stamp, code: (stamp, dict.fromkeys(code, 3)),  # not marshalled code
        lambda stamp, code: (stamp, {k[0]: v for k, v in code.items()}),  # keys not pairs
        lambda stamp, code: b"\xff not marshal",
        lambda stamp, code: (stamp, code, "more"),
    ],
)
def test_a_file_not_to_use_is_compiled_again(
    folder: Path, compiled: list[str], kept: Callable[[Any, Any], object]
) -> None:
    with methods_kept(folder):
        _frozen()
    stamp, code = marshal.loads((folder / FILE).read_bytes())
    value = kept(stamp, code)
    if isinstance(value, bytes):
        (folder / FILE).write_bytes(value)
    else:
        _write(folder, value)
    compiled.clear()
    with methods_kept(folder):
        _frozen()
    assert any("Kept" in n for n in compiled)


def test_a_kept_value_that_is_not_code_is_compiled_again(folder: Path, compiled: list[str]) -> None:
    with methods_kept(folder):
        _frozen()
    stamp, code = marshal.loads((folder / FILE).read_bytes())
    _write(folder, (stamp, {k: marshal.dumps(1) if "Kept" in k[0] else v for k, v in code.items()}))
    compiled.clear()
    with methods_kept(folder):
        _frozen()
    assert any("Kept" in n for n in compiled)


def test_a_file_another_user_could_write_is_not_read(folder: Path, compiled: list[str]) -> None:
    with methods_kept(folder):
        _frozen()
    (folder / FILE).chmod(0o620)
    compiled.clear()
    with methods_kept(folder):
        _frozen()
    assert any("Kept" in n for n in compiled)


def test_past_the_most_a_run_keeps_what_it_used(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stamp = _compiled._stamp(__import__("attr._make").__dict__["_make"])
    code = marshal.dumps(compile("x = 1", "<o>", "exec"))
    old = {(f"<old {i}>", f"x = {i}"): code for i in range(5)}
    _write(folder, (stamp, old))
    monkeypatch.setattr(_compiled, "MOST", 3)
    with methods_kept(folder):
        _frozen()
    _, kept = marshal.loads((folder / FILE).read_bytes())
    assert kept
    assert all("Kept" in k[0] for k in kept)


def test_other_compiles_pass_through(folder: Path) -> None:
    with methods_kept(folder):
        assert eval(_compiled._compile("1 + 1", "<e>", "eval")) == 2
        assert _compiled._compile(b"y = 2", b"<b>", "exec").co_filename == "<b>"
        assert _compiled._compile("z = 3", "<f>", "exec", dont_inherit=True).co_filename == "<f>"


_SEEDED = """
import sys
import attrs
from pathlib import Path
from svduty._commands import _compiled
names = []
def counted(source, filename, mode, *args, **kwargs):
    names.append(filename)
    return compile(source, filename, mode, *args, **kwargs)
_compiled.compile = counted
with _compiled.methods_kept(Path(sys.argv[1])):
    @attrs.frozen(slots=True)
    class Hashed:
        a: int
    @attrs.frozen(slots=True)
    class Other:
        a: int
print(len(names), hash(Hashed(1)) == hash(Hashed(1)), hash(Hashed(1)) != hash(Other(1)))
"""


def test_a_frozen_class_s_hash_constant_does_not_miss_in_another_process(folder: Path) -> None:
    """attrs mixes ``hash`` of a name (salted in each process) into ``__hash__``'s text."""

    def run(seed: str) -> str:
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-c", _SEEDED, str(folder)],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        return done.stdout.strip()

    assert run("1") == "2 True True"  # both compiled
    assert run("2") == "0 True True"  # neither: the hash's constant is not in the key
