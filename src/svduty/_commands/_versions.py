"""``svduty --version --verbose``: the versions a bug report needs, one per line.

``svduty --version`` stays one line (``svduty 0.1.0``), which scripts read; with
``--verbose`` it goes on with the Python that runs it, the libraries svduty reads its
files and data with (pyarrow first: the readers and writers are its), and the versions of
the JSON documents the commands write (``svduty.io.DOCUMENT_VERSIONS``, which a client
compares a document's ``svduty_schema`` with). A bundle's TOML files carry no version: their
schema is this svduty's (``svduty.io.bundle_schema()``), said as such.

Example:
    >>> lines = versions_text("0.1.0").splitlines()
    >>> lines[0], lines[1].split()[0], lines[2].split()[0]
    ('svduty 0.1.0', 'Python', 'pyarrow')
"""

from __future__ import annotations

import platform
import sys
from importlib import metadata

__all__ = ["LIBRARIES", "versions_text"]

LIBRARIES = ("pyarrow", "numpy", "attrs", "cattrs", "pendulum", "networkx", "shapely", "tomli-w")
"""svduty's dependencies (``pyproject.toml``), pyarrow first: their installed versions."""


def _installed(name: str) -> str:
    """A distribution's installed version, or ``not installed``.

    Example:
        >>> _installed("no-such-distribution-svduty")
        'not installed'
    """
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


def versions_text(version: str) -> str:
    """The lines of ``svduty --version --verbose`` for svduty ``version``.

    Example:
        >>> "JSON documents: " in versions_text("0.1.0")
        True
    """
    from svduty.io._document_schemas import DOCUMENT_VERSIONS

    documents = ", ".join(f"{k}/{v}" for k, v in sorted(DOCUMENT_VERSIONS.items()))
    import svduty

    return "\n".join(
        [
            f"svduty {version}",
            f"Python {platform.python_version()} ({platform.python_implementation()}, "
            f"{sys.platform}, {platform.machine()})",
            *(f"{name} {_installed(name)}" for name in LIBRARIES),
            f"JSON documents: {documents}",
            "bundle files: no version of their own; their schema is this svduty's "
            "(svduty.io.bundle_schema())",
            f"installed at: {svduty.__path__[0]}",
        ]
    )
