"""Reading and writing svduty's data: bundles, JSON contracts, police.uk files, Arrow.

Example:
    >>> from svduty.io import read_toml
    >>> callable(read_toml)
    True
"""

from svduty.io._authorities import dump_authorities, load_authorities
from svduty.io._files import read_toml, write_toml

__all__ = ["dump_authorities", "load_authorities", "read_toml", "write_toml"]
