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
Windows) the default stays.

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
from collections.abc import Iterator

__all__ = ["ENVIRONMENT", "command_pool"]

ENVIRONMENT = "ARROW_DEFAULT_MEMORY_POOL"
"""Arrow's own variable naming the default pool: set, it is the user's choice, kept."""


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
