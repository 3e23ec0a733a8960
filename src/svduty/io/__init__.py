"""Reading and writing svduty's data: bundles, JSON contracts, police.uk files, Arrow.

Example:
    >>> from svduty.io import read_toml
    >>> callable(read_toml)
    True
"""

from svduty.io._files import read_toml, write_toml
from svduty.io._funding import (
    load_funding,
    load_strategy,
    read_funding,
    read_strategy,
    warwickshire_funding,
    warwickshire_strategy,
)

__all__ = [
    "load_funding",
    "load_strategy",
    "read_funding",
    "read_strategy",
    "read_toml",
    "warwickshire_funding",
    "warwickshire_strategy",
    "write_toml",
]
