"""Write the small intersphinx inventories for networkx and pyarrow (run by hand, rarely).

Their projects' own ``objects.inv`` files could not be brought into this repository (no
network at build time, and neither is shipped in a package here), so these inventories list
just the names svduty's reference mentions, each with the address of its page in that
project's published documentation (the autosummary pages ``python/generated/pyarrow.X.html``
and networkx's ``reference/classes/*.html``). Both the public name (``pyarrow.Table``) and
the name Python reports (``pyarrow.lib.Table``, which is what the type hints render as) point
at the same page. Add a name here when the reference starts to mention it.

Usage: ``python docs/_intersphinx/make_inventories.py`` (rewrites ``networkx.inv`` and
``pyarrow.inv`` beside this file).
"""

from __future__ import annotations

import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent

PYARROW_CLASSES = (
    "Array",
    "BooleanArray",
    "ChunkedArray",
    "DataType",
    "Field",
    "RecordBatch",
    "RecordBatchReader",
    "Schema",
    "Table",
)
PYARROW_FUNCTIONS = ("array", "field", "record_batch", "schema", "table")
NETWORKX_CLASSES = {"Graph": "graph", "DiGraph": "digraph", "MultiDiGraph": "multidigraph"}


def pyarrow() -> list[tuple[str, str, str]]:
    """(name, role, uri) rows for pyarrow (base: https://arrow.apache.org/docs/)."""
    rows = []
    for cls in PYARROW_CLASSES:
        uri = f"python/generated/pyarrow.{cls}.html#pyarrow.{cls}"
        rows += [(f"pyarrow.{cls}", "py:class", uri), (f"pyarrow.lib.{cls}", "py:class", uri)]
    for func in PYARROW_FUNCTIONS:
        uri = f"python/generated/pyarrow.{func}.html#pyarrow.{func}"
        rows.append((f"pyarrow.{func}", "py:function", uri))
    return rows


def networkx() -> list[tuple[str, str, str]]:
    """(name, role, uri) rows for networkx (base: https://networkx.org/documentation/stable/)."""
    rows = []
    for cls, page in NETWORKX_CLASSES.items():
        uri = f"reference/classes/{page}.html#networkx.{cls}"
        rows += [
            (f"networkx.{cls}", "py:class", uri),
            (f"networkx.classes.{page}.{cls}", "py:class", uri),
        ]
    return rows


def write(path: Path, project: str, version: str, rows: list[tuple[str, str, str]]) -> None:
    """Write a version 2 Sphinx inventory."""
    header = (
        "# Sphinx inventory version 2\n"
        f"# Project: {project}\n"
        f"# Version: {version}\n"
        "# The remainder of this file is compressed using zlib.\n"
    )
    body = "".join(f"{name} {role} 1 {uri} -\n" for name, role, uri in sorted(rows))
    path.write_bytes(header.encode() + zlib.compress(body.encode()))


if __name__ == "__main__":
    write(HERE / "pyarrow.inv", "Apache Arrow", "stable", pyarrow())
    write(HERE / "networkx.inv", "NetworkX", "stable", networkx())
