"""The command's cache of loaded partnerships: start-up without reading the bundle again.

Every run of ``svduty classify`` (or ``info``, ``report``, ...) loads a partnership: its
TOML files read, every record checked and built, the LSOAs of its districts taken from the
national tables and indexed. That is about 40 ms of a 0.2 s ``classify`` start-up, and more
for a whole partnership. The command keeps what it loaded in a cache file and reads it
back (about 5 ms) while nothing it was built from has changed.

What a cache file is keyed by (a SHA-256 of all of it):

- the cache's own format, and the versions of svduty, Python and pyarrow (a file another
  version of a library cannot read back is a miss, as below);
- every file of the installed svduty package: its path, size and modification time (the
  code, and the packaged data: the national tables and the packaged bundles), so that an
  upgraded or edited svduty never reads what an older one wrote;
- for a bundle folder: the folder's absolute path and the content of every file in it
  (a folder of more than :data:`MOST_FILES` files or :data:`MOST_BYTES` bytes is not
  cached: it is not a bundle's few TOML files);
- what was loaded (the whole partnership, or which sections).

Where: the folder ``SVDUTY_CACHE_DIR`` names, else ``$XDG_CACHE_HOME/svduty``, else
``~/.cache/svduty``; ``SVDUTY_CACHE_DIR=`` (empty) turns the cache off. A cache file is
read only from a folder the user owns and no one else may write to (the files are
pickles); it is written whole (a temporary file renamed) with permission 0600, and it
replaces the files an older key of the same bundle left. Anything wrong with the cache (a
file unreadable, corrupt, from another version, or of a value with fields unset) is a
miss, and the partnership is loaded as if there were no cache; a cache that cannot be
written (a read-only home) is left alone. Only a bundle that loaded without problems is
kept: a bad bundle is read, and its problems reported, at every run.

Only the ``svduty`` command's own process uses the cache (:func:`svduty.cli.main` turns
it on); a program that imports svduty, or calls ``main`` with arguments, loads every
partnership itself.

Example:
    >>> import tempfile
    >>> folder = tempfile.mkdtemp()
    >>> with using(folder):
    ...     first = loaded("examplshire", ("areas",), lambda: "built", str)
    ...     again = loaded("examplshire", ("areas",), lambda: "built again", str)
    >>> first, again
    ('built', 'built')
    >>> loaded("examplshire", ("areas",), lambda: "not cached", str)  # the cache is off
    'not cached'
"""

from __future__ import annotations

import contextlib
import os
import pickle
import re
import stat
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

__all__ = [
    "CACHE_ENV",
    "MOST_BYTES",
    "MOST_FILES",
    "active",
    "cache_folder",
    "keep",
    "kept",
    "loaded",
    "place",
    "read_private",
    "using",
    "write_private",
]

CACHE_ENV = "SVDUTY_CACHE_DIR"
"""The environment variable naming the cache folder (empty: no cache)."""

MOST_FILES = 200
"""A bundle folder with more files than this is not cached."""

MOST_BYTES = 8 << 20
"""Nor one whose files hold more bytes than this (8 MiB)."""

_FORMAT = b"svduty-loaded-3"  # 2: a police.uk plan holds its missing facts; 3: days kept plain
"""The cache's own format: changed whenever what is pickled is keyed differently."""

T = TypeVar("T")

if TYPE_CHECKING:
    from hashlib import sha256 as _sha256
else:  # the C module itself: ``hashlib`` imports OpenSSL and blake2 too (3-4 ms of start-up)
    try:
        from _sha256 import sha256 as _sha256  # Python 3.11
    except ImportError:  # pragma: no cover - Python 3.12 names it _sha2; a build may lack both
        try:
            from _sha2 import sha256 as _sha256
        except ImportError:
            from hashlib import sha256 as _sha256

_OLD_KEY = r"[0-9a-f]{32}\.pickle"
"""The rest of a cache file's name after its stem: the key (``_key``)."""

_folder: list[Path | None] = []
"""The cache folder while the command runs (see :func:`using`); empty: no cache."""

_installed: dict[str, Any] = {}
"""The hash of the installed svduty (versions and package files) while a :func:`using`
block runs: walked once a command (each of its loads keys the same package: about 1 ms
of start-up a walk), again in the next block."""


def cache_folder() -> Path | None:
    """The cache folder the environment names (``None``: ``SVDUTY_CACHE_DIR`` is empty).

    Else ``$XDG_CACHE_HOME/svduty`` if that is an absolute path, else
    ``~/.cache/svduty``; ``None`` (no cache) if there is no absolute home folder either.

    Example:
        >>> import os
        >>> os.environ["SVDUTY_CACHE_DIR"] = "/tmp/svduty-cache"
        >>> cache_folder()
        PosixPath('/tmp/svduty-cache')
        >>> os.environ["SVDUTY_CACHE_DIR"] = ""
        >>> cache_folder() is None
        True
        >>> del os.environ["SVDUTY_CACHE_DIR"]
    """
    named = os.environ.get(CACHE_ENV)
    if named is not None:
        return Path(named) if named else None
    xdg = Path(os.environ.get("XDG_CACHE_HOME") or ".")
    if xdg.is_absolute():
        return xdg / "svduty"
    try:  # a relative XDG_CACHE_HOME is ignored, as the XDG base directory spec says
        home = Path.home()
    except (RuntimeError, KeyError):  # no home (HOME="~nobody", a user with no entry)
        return None
    return home / ".cache" / "svduty" if home.is_absolute() else None


@contextlib.contextmanager
def using(folder: str | Path | None) -> Iterator[None]:
    """Use ``folder`` as the cache while the block runs (``None``: no cache).

    Example:
        >>> with using(None):
        ...     loaded("warwickshire", ("areas",), lambda: 1, int)
        1
    """
    _folder.append(Path(folder) if folder is not None else None)
    _installed.clear()
    try:
        yield
    finally:
        _folder.pop()
        _installed.clear()


def active() -> bool:
    """Whether the cache is on (in the command's own process, with a folder to keep it).

    Example:
        >>> with using(None):
        ...     active()
        False
    """
    return bool(_folder) and _folder[-1] is not None


def loaded(spec: str | Path, what: tuple[str, ...], build: Callable[[], T], kind: type[T]) -> T:
    """What ``build`` loads from the bundle ``spec``, from the cache when it holds it.

    Args:
        spec: A packaged bundle's name, or a bundle folder.
        what: What is loaded (``("partnership",)``, or the sections' names).
        build: Loads it (and raises on a bad bundle: nothing is kept then).
        kind: The class of what ``build`` returns: a cache file holding anything else
            (another program's pickle) is a miss, loaded again.

    Example:
        >>> loaded("warwickshire", ("definition",), lambda: "no cache: built", str)
        'no cache: built'
    """
    where = place(spec, what)
    if where is None:
        return build()
    hit = kept(where[1])
    if isinstance(hit, kind) and _whole(hit):
        return hit  # what ``build`` built, at the same key
    value = build()
    keep(*where, value)
    return value


def place(spec: str | Path, what: tuple[str, ...]) -> tuple[Path, Path, str] | None:
    """The cache's folder, file and stem for ``what`` of ``spec``; ``None``: not cached.

    Also for what the command keeps besides loads (``svduty._commands._located``), which
    reads it with :func:`kept` and keeps it with :func:`keep`, keyed as loads are.
    """
    folder = _folder[-1] if _folder else None
    key = None if folder is None else _key(spec, what)
    if folder is None or key is None:
        return None
    stem = _stem(spec, what)
    return folder, folder / f"{stem}-{key}.pickle", stem


def _whole(value: object) -> bool:
    """Whether every field of an attrs ``value`` is set (else the pickle is half a value).

    A pickle of the right class with fields missing (one an older layout of the class
    wrote, put under this key) unpickles without error and fails only when the missing
    field is read: it is a miss, as a corrupt file is.

    Example:
        >>> import attrs
        >>> @attrs.frozen
        ... class Two:
        ...     a: int
        ...     b: int = 0
        >>> half = object.__new__(Two)
        >>> object.__setattr__(half, "a", 1)
        >>> _whole(Two(1, 2)), _whole(half), _whole("not attrs")
        (True, False, True)
    """
    import attrs

    cls = type(value)
    return not attrs.has(cls) or all(hasattr(value, f.name) for f in attrs.fields(cls))


def _stem(spec: str | Path, what: tuple[str, ...]) -> str:
    """The start of a cache file's name: the bundle and what was loaded (not the key)."""
    where = _sha256(os.fsencode(_bundle(spec))).hexdigest()[:12]
    return f"{where}-{'-'.join(what)}"


def _bundle(spec: str | Path) -> str | Path:
    from svduty.io._bundle import is_packaged

    if is_packaged(spec):
        return spec
    return Path(spec).resolve()


def _key(spec: str | Path, what: tuple[str, ...]) -> str | None:
    """The key of what is loaded from ``spec``; ``None`` when it is not to be cached."""
    installed = _installed_hash()
    if installed is None:
        return None
    h = installed.copy()
    bundle = _bundle(spec)
    h.update(os.fsencode(bundle) + b"\0" + "\0".join(what).encode() + b"\0")
    if isinstance(bundle, Path) and not (bundle.is_dir() and _files(bundle, h, content=True)):
        return None
    key: str = h.hexdigest()[:32]
    return key


def _installed_hash() -> Any:
    """The hash of the cache's format, the versions and the installed package's files.

    ``None`` when a file of the package cannot be read. Computed once a :func:`using`
    block (a command's loads key the same package).
    """
    if "hash" not in _installed:
        import pyarrow

        import svduty

        h = _sha256(_FORMAT)
        for part in (svduty.__version__, sys.version, pyarrow.__version__):
            h.update(part.encode() + b"\0")
        package = Path(svduty.__file__).parent
        _installed["hash"] = h if _files(package, h, content=False) else None
    return _installed["hash"]


def _files(folder: Path, h: Any, *, content: bool) -> bool:
    """Add each file under ``folder`` to ``h`` (its content, or its size and time).

    ``False`` when it cannot be done: a file cannot be read, a bundle folder holds too
    much to be a bundle (:data:`MOST_FILES`, :data:`MOST_BYTES`), or something that is not
    a regular file (a FIFO would wait for a writer, ``/dev/zero`` never end): the bundle
    is then loaded, and refused, by the loader.
    """
    found: list[tuple[str, os.DirEntry[str]]] = []
    try:
        _walk(str(folder), "", found)
        if content and (
            len(found) > MOST_FILES
            or not all(e.is_file() for _, e in found)  # a FIFO or a device: never read here
            or sum(e.stat().st_size for _, e in found) > MOST_BYTES
        ):
            return False
        if not content:  # one update of every name, size and time (376 files: -0.3 ms)
            stats = [(name, entry.stat()) for name, entry in found]
            h.update(os.fsencode("".join(f"{n}\0{s.st_size} {s.st_mtime_ns}\0" for n, s in stats)))
            return True
        for name, entry in found:
            h.update(os.fsencode(name) + b"\0")
            with open(entry.path, "rb") as f:  # no more than a bundle holds, if it grew
                data = f.read(MOST_BYTES + 1)
            if len(data) > MOST_BYTES:
                return False
            h.update(data + b"\0")
    except OSError:
        return False
    return True


def _walk(folder: str, prefix: str, found: list[tuple[str, os.DirEntry[str]]]) -> None:
    """The files under ``folder`` (``__pycache__`` left out), by name, with their paths."""
    with os.scandir(folder) as it:
        entries = sorted(it, key=lambda e: e.name)
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            if entry.name != "__pycache__":
                _walk(entry.path, f"{prefix}{entry.name}/", found)
        else:
            found.append((prefix + entry.name, entry))


def _private(st: os.stat_result) -> bool:
    """Whether a file or folder is the user's own and no one else may write to it."""
    mine = not hasattr(os, "getuid") or st.st_uid == os.getuid()
    return mine and not st.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def kept(path: Path) -> Any:
    """What :func:`keep` kept at ``path`` (see :func:`place`), or ``None``: a miss.

    A miss: no file, a file not private, or not a good pickle.

    Example:
        >>> import tempfile
        >>> with using(tempfile.mkdtemp()):
        ...     where = place("warwickshire", ("example",))
        ...     keep(*where, [1, 2])
        ...     kept(where[1])
        [1, 2]
    """
    data = read_private(path)
    try:
        # the user's own private cache (see the module)
        return None if data is None else pickle.loads(data)
    except Exception:  # a miss: a corrupt or foreign file is loaded again, as without it
        return None


def read_private(path: Path) -> bytes | None:
    """A cache file's bytes, or ``None``: no file, or one another user could have written.

    The file and its folder must be the user's own, and no one else may write to them.
    """
    try:
        if not _private(path.parent.stat()):
            return None
        with path.open("rb") as f:
            if not _private(os.fstat(f.fileno())):
                return None
            return f.read()
    except OSError:
        return None


def write_private(folder: Path, path: Path, data: bytes, *, prefix: str) -> bool:
    """Write ``data`` to ``path`` in ``folder``, whole and private; whether it was written.

    The folder is made (0700) if need be; a folder another user may write to is left
    alone. The data goes to a temporary file (0600, named ``.{prefix}-...``) renamed over
    ``path``, so a reader never sees half a file.
    """
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _private(folder.stat()):
            return False
        import tempfile  # writing only: a hit does not import it

        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{prefix}-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except Exception:  # a cache that cannot be written is left alone
        return False
    return True


def keep(folder: Path, path: Path, stem: str, value: object) -> None:
    """Keep ``value`` at ``path`` (whole, private; see :func:`place`), dropping older keys.

    Example:
        >>> import tempfile
        >>> folder = Path(tempfile.mkdtemp())
        >>> keep(folder, folder / "x-0123456789abcdef0123456789abcdef.pickle", "x", "v")
        >>> [p.name[:2] for p in folder.iterdir()]
        ['x-']
    """
    try:
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # a value that cannot be pickled is not kept
        return
    if not write_private(folder, path, data, prefix=stem):
        return
    try:
        for old in folder.glob(f"{stem}-*.pickle"):  # this stem's keys, not a longer stem's
            if old != path and re.fullmatch(_OLD_KEY, old.name[len(stem) + 1 :]):
                old.unlink(missing_ok=True)
    except OSError:  # an older file that cannot be removed is left
        return
