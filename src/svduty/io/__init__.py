"""Reading and writing svduty's data: bundles, JSON contracts, police.uk files, Arrow.

Example:
    >>> from svduty.io import read_toml
    >>> callable(read_toml)
    True
"""

from svduty.io._definition import load_definition, load_packaged_definition
from svduty.io._files import read_toml, write_toml

__all__ = ["load_definition", "load_packaged_definition", "read_toml", "write_toml"]
