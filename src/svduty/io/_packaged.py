"""The packaged bundles' names, and the manifest's file name.

Apart from :mod:`svduty.io._bundle` so that what reads a bundle's files
(:mod:`svduty.io._bundle_read`) and what only names a bundle (the command's cache, its
options) share them without a cycle of imports.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["MANIFEST", "PACKAGED", "Packaged", "is_packaged"]

MANIFEST = "bundle.toml"
"""The manifest's file name."""

PACKAGED: tuple[str, ...] = ("warwickshire", "examplshire")
"""The bundles packaged with svduty, loadable by name."""


class Packaged(str):
    """The name of a packaged bundle, meant as that bundle whatever folders are about.

    What :func:`warwickshire` and the command's default ``--partnership`` load: a bundle
    folder named ``warwickshire`` in the working folder does not stand in for it.

    Example:
        >>> Packaged("warwickshire") == "warwickshire", is_packaged(Packaged("warwickshire"))
        (True, True)
    """

    __slots__ = ()


def is_packaged(spec: str | Path) -> bool:
    """Whether ``spec`` names a packaged bundle rather than a bundle folder.

    One of :data:`PACKAGED`, given as a string, with no bundle folder of that name in the
    working folder (or a :class:`Packaged` name). A bundle folder the user has
    (``svduty init examplshire --area Leeds`` writes ``./examplshire``) is that folder,
    never the packaged bundle of the same name: the name of a bundle folder that exists
    is a path.

    Example:
        >>> is_packaged("warwickshire"), is_packaged(Path("warwickshire")), is_packaged("leeds")
        (True, False, False)
    """
    if isinstance(spec, Packaged):
        return spec in PACKAGED
    return isinstance(spec, str) and spec in PACKAGED and not (Path(spec) / MANIFEST).exists()
