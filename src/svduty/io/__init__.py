"""Reading and writing svduty's data: bundles, JSON contracts, police.uk files, Arrow.

Example:
    >>> from svduty.io import validate_bundle
    >>> validate_bundle("warwickshire")
    []
"""

from svduty.io._areas import AreasDocument, LocalAreaDocument, load_areas
from svduty.io._authorities import AuthoritiesDocument, dump_authorities, load_authorities
from svduty.io._bundle import (
    MANIFEST,
    PACKAGED,
    SECTIONS,
    Manifest,
    SectionContext,
    SectionSpec,
    load_partnership,
    validate_bundle,
    warwickshire,
)
from svduty.io._definition import load_definition, load_packaged_definition
from svduty.io._files import read_toml, write_toml
from svduty.io._funding import (
    load_funding,
    load_strategy,
    read_funding,
    read_strategy,
    warwickshire_funding,
    warwickshire_strategy,
)
from svduty.io._governance import (
    GovernanceDocument,
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
from svduty.io._schema import bundle_schema, schema_errors, schema_of

__all__ = [
    "MANIFEST",
    "PACKAGED",
    "SECTIONS",
    "AreasDocument",
    "AuthoritiesDocument",
    "GovernanceDocument",
    "LocalAreaDocument",
    "Manifest",
    "SectionContext",
    "SectionSpec",
    "bundle_schema",
    "dump_authorities",
    "dump_governance",
    "dump_scenario",
    "dump_timetable",
    "load_areas",
    "load_authorities",
    "load_definition",
    "load_funding",
    "load_governance",
    "load_packaged_definition",
    "load_partnership",
    "load_scenario",
    "load_strategy",
    "load_timetable",
    "read_funding",
    "read_governance",
    "read_scenario",
    "read_strategy",
    "read_timetable",
    "read_toml",
    "schema_errors",
    "schema_of",
    "validate_bundle",
    "warwickshire",
    "warwickshire_funding",
    "warwickshire_governance",
    "warwickshire_scenario",
    "warwickshire_strategy",
    "warwickshire_timetable",
    "write_toml",
]
