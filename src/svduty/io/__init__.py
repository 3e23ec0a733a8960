"""Reading and writing svduty's data: bundles, JSON contracts, police.uk files, Arrow.

Example:
    >>> from svduty.io import read_toml
    >>> callable(read_toml)
    True
"""

from svduty.io._files import read_toml, write_toml
from svduty.io._governance import (
    dump_governance,
    dump_scenario,
    dump_timetable,
    load_governance,
    load_scenario,
    load_timetable,
    read_governance,
    read_scenario,
    read_timetable,
    warwickshire_governance,
    warwickshire_scenario,
    warwickshire_timetable,
)

__all__ = [
    "dump_governance",
    "dump_scenario",
    "dump_timetable",
    "load_governance",
    "load_scenario",
    "load_timetable",
    "read_governance",
    "read_scenario",
    "read_timetable",
    "read_toml",
    "warwickshire_governance",
    "warwickshire_scenario",
    "warwickshire_timetable",
    "write_toml",
]
