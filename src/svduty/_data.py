"""The packaged data folder, ``svduty/data``, as a :class:`~pathlib.Path`.

svduty is installed as a folder (never imported from a zip file), so its data files are
plain files beside its code. ``importlib.resources.files`` finds the same files, but its
first call imports ``importlib.readers`` and ``zipfile`` (about 0.002-0.005 s of every
start-up).

Example:
    >>> data("sources.toml").is_file()
    True
    >>> data("ons", "national").name
    'national'
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["DATA", "data"]

DATA = Path(__file__).resolve().parent / "data"
"""The folder of svduty's packaged data."""


def data(*parts: str) -> Path:
    """A file or folder under ``svduty/data``.

    Example:
        >>> data("offences").is_dir()
        True
    """
    return DATA.joinpath(*parts)
