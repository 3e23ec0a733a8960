"""``svduty --version --verbose``: the versions a bug report needs, one per line.

``svduty --version`` stays one line (``svduty 0.1.0``), which scripts read; with
``--verbose`` it goes on with the Python that runs it, the libraries svduty reads its
files and data with (its dependencies as its installed metadata lists them, the one list
``pyproject.toml`` writes; pyarrow first: the readers and writers are its), and the versions of
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
import re
import sys
from importlib import metadata

__all__ = ["libraries", "versions_text"]

_NAME = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?")  # PEP 508's name


def libraries(requires: list[str] | None = None) -> tuple[str, ...]:
    """The dependencies of svduty, pyarrow first, as its installed metadata lists them.

    The names of ``importlib.metadata.requires("svduty")`` (``pyproject.toml``'s
    ``dependencies``, written there alone) that no extra asks for, in the metadata's order
    but for pyarrow, the first. ``requires`` stands for the metadata's list (tests); none
    when svduty has no metadata (its ``src`` folder on the path, not installed).

    Example:
        >>> libraries(["attrs>=23.2", "pyarrow>=24", "matplotlib>=3.8; extra == 'plot'"])
        ('pyarrow', 'attrs')
        >>> "pyarrow" in libraries()
        True
    """
    if requires is None:
        try:
            requires = metadata.requires("svduty") or []
        except metadata.PackageNotFoundError:
            return ()
    names = [
        m.group(0)
        for line in requires
        if "extra" not in line.partition(";")[2] and (m := _NAME.match(line.strip()))
    ]
    return tuple(sorted(dict.fromkeys(names), key=lambda n: n.lower() != "pyarrow"))


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

    names = libraries()
    said = [f"{name} {_installed(name)}" for name in names] or [
        "libraries: not known (no installed metadata of svduty: run from its source folder?)"
    ]
    return "\n".join(
        [
            f"svduty {version}",
            f"Python {platform.python_version()} ({platform.python_implementation()}, "
            f"{sys.platform}, {platform.machine()})",
            *said,
            f"JSON documents: {documents} (each one's JSON Schema: svduty schema NAME)",
            "bundle files: no version of their own; their schema is this svduty's "
            "(svduty.io.bundle_schema())",
            f"installed at: {svduty.__path__[0]}",
        ]
    )
