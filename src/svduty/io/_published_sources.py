"""The catalogue of the sources svduty holds: the national ones and the published pages.

``svduty/data/definitions/sources.toml`` lists the public pages the packaged published
definitions (London VRU's, Avon and Somerset's, Norfolk's) cite. This module imports no
definition, so the JSON contract's readers (``Classification.from_json``,
``Reason.from_json``) take this catalogue as their default without an import cycle.

Example:
    >>> "norfolk-pcc-serious-violence" in published_sources()
    True
"""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path

from svduty.io._converter import make_converter, structure
from svduty.io._files import read_toml
from svduty.sources import CATALOGUE, Source, Sources

__all__ = ["published_sources"]


@functools.cache
def published_sources() -> Sources:
    """The national catalogue with the public pages the published definitions cite.

    Example:
        >>> "asvrp-faq-definition" in published_sources()
        True
    """
    folder = resources.files("svduty").joinpath("data", "definitions")
    data = read_toml(Path(str(folder.joinpath("sources.toml"))))
    extra = [
        structure(s, Source, file="definitions/sources.toml", converter=make_converter())
        for s in data["sources"]
    ]
    return CATALOGUE.extend(extra)
