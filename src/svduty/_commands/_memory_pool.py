"""The Arrow memory pool a command's own process reads and writes with.

Arrow's default allocator in pyarrow 26 (mimalloc) keeps the pages it frees for about a
second, longer than a ``svduty classify`` of a monthly file runs, so the process holds
pages Arrow has let go: 400,000 police.uk rows (88.7 MB) peaked at 3.15x the file with a
summary and 3.40x writing Parquet, while Arrow never held more than 70-86 MB at once.
jemalloc, which pyarrow also ships on Linux and macOS, gives them back sooner: 2.82x and
3.00x, at the same CPU (within the spread, 4,000,000 rows too). mimalloc's own setting for
this (``MIMALLOC_PURGE_DELAY``) is read only before ``import pyarrow`` and cost the
4,000,000-row run 12-18% CPU; so did a shorter jemalloc decay (``jemalloc_set_decay_ms``:
100 ms brought the 400,000-row Parquet run to 2.72x, but the 4,000,000-row summary's CPU
+12-16%), so jemalloc keeps pyarrow's settings.

Only the ``svduty`` command's own process changes its pool (:func:`command_pool`), and only
for the commands that ask for it (``set_defaults(memory_pool="jemalloc")``); a program that
imports svduty or calls :func:`svduty.cli.main` keeps its own. A pool the user chose with
``ARROW_DEFAULT_MEMORY_POOL`` is kept; without jemalloc (pyarrow built without it, as on
Windows) the default stays. The command's own process also makes jemalloc Arrow's
process-wide default before pyarrow is loaded (:func:`one_arena`), for the allocations no
pyarrow call lets a caller direct: the Parquet writer's own buffers (speed56b).

Example:
    >>> import pyarrow as pa
    >>> before = pa.default_memory_pool().backend_name
    >>> with command_pool(None):
    ...     pa.default_memory_pool().backend_name == before
    True
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator, MutableMapping

__all__ = [
    "ARENAS",
    "ENVIRONMENT",
    "JEMALLOC_SETTINGS",
    "command_pool",
    "has_jemalloc",
    "one_arena",
]

ENVIRONMENT = "ARROW_DEFAULT_MEMORY_POOL"
"""Arrow's own variable naming the default pool: set, it is the user's choice, kept."""

JEMALLOC_SETTINGS = "JE_ARROW_MALLOC_CONF"
"""The variable pyarrow's jemalloc reads its settings from, once, as pyarrow is loaded."""

ARENAS = "narenas:1"
"""One arena for all the command's threads (jemalloc's default: four per CPU).

The reader's threads, the main thread and the writer's each allocated from their own arena,
and each arena kept the pages its thread had freed (a second's decay): 400,000 rows, 5
interleaved runs, summary peak 274/274/289 -> 236/236/238 MB (min/median/max; 3.09x ->
2.66x the file), CPU 0.437/0.460 -> 0.438/0.458 s (two arenas: 248 MB).
"""


def one_arena(
    environ: MutableMapping[str, str] | None = None, *, jemalloc: bool | None = None
) -> None:
    """Before pyarrow is loaded: its jemalloc keeps :data:`ARENAS`, and is Arrow's default.

    The ``svduty`` command calls this first (``svduty.__main__``); a program that imports
    svduty keeps its own settings. Neither is set where the user set it. A process the
    command starts inherits the variables (they only choose Arrow's pool and arenas).

    :data:`ENVIRONMENT` is set to ``jemalloc`` when this pyarrow has it (``jemalloc``:
    ``None`` to look, see :func:`has_jemalloc`): :func:`command_pool` changes only the
    pool pyarrow's Python calls allocate from, and the Parquet writer's own buffers (its
    encoders, pages, compression: ``WriterProperties``' pool, which pyarrow does not let
    a caller choose) came from Arrow's process-wide default, mimalloc, whose pages were
    touched afresh for most batches written: ``svduty classify --output x.parquet``,
    400,000 rows, the bench's own runs old/new/old/new under ``chrt``: peak memory 244 ->
    201 MB, wall and CPU within the spread (an earlier CPU gain, 0.772 -> 0.742 s, measured
    with the variable set on the old tree, was not borne out; speed56b, issue 15).

    Example:
        >>> env = {}; one_arena(env, jemalloc=True); env
        {'JE_ARROW_MALLOC_CONF': 'narenas:1', 'ARROW_DEFAULT_MEMORY_POOL': 'jemalloc'}
        >>> env = {"JE_ARROW_MALLOC_CONF": "narenas:4"}; one_arena(env, jemalloc=False); env
        {'JE_ARROW_MALLOC_CONF': 'narenas:4'}
    """
    env = os.environ if environ is None else environ
    env.setdefault(JEMALLOC_SETTINGS, ARENAS)
    if ENVIRONMENT not in env and (has_jemalloc() if jemalloc is None else jemalloc):
        env[ENVIRONMENT] = "jemalloc"


def has_jemalloc() -> bool:
    """Whether the pyarrow Python would import was built with jemalloc, without importing it.

    Read from the build settings pyarrow ships with its headers (``arrow/util/config.h``):
    naming a pool Arrow lacks in :data:`ENVIRONMENT` would print a warning as pyarrow is
    loaded. False when they cannot be read.

    Example:
        >>> import pyarrow as pa
        >>> has_jemalloc() == ("jemalloc" in pa.supported_memory_backends())
        True
    """
    import importlib.machinery  # (a few of the start-up's own modules: no more)

    try:
        spec = importlib.machinery.PathFinder.find_spec("pyarrow")
        places = list(spec.submodule_search_locations or ()) if spec is not None else []
        if not places:
            return False
        config = os.path.join(places[0], "include", "arrow", "util", "config.h")
        with open(config, "rb") as fh:
            return b"#define ARROW_JEMALLOC\n" in fh.read()
    except (OSError, ImportError, ValueError):
        return False


@contextlib.contextmanager
def command_pool(backend: str | None) -> Iterator[None]:
    """Within it, Arrow allocates from ``backend``'s pool (``"jemalloc"``), if it can.

    Nothing changes for ``None``, when :data:`ENVIRONMENT` is set, or when pyarrow has no
    such pool. The previous default is restored on leaving (buffers still held keep the
    pool they came from).
    """
    if backend is None or os.environ.get(ENVIRONMENT):
        yield
        return
    import pyarrow as pa

    try:
        pool = getattr(pa, f"{backend}_memory_pool")()
    except NotImplementedError:  # this pyarrow was built without it
        yield
        return
    previous = pa.default_memory_pool()
    pa.set_memory_pool(pool)
    try:
        yield
    finally:
        pa.set_memory_pool(previous)
