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
from svduty.io._files import read_toml, write_toml
from svduty.io._funding import (
    load_funding,
    load_strategy,
    read_funding,
    read_strategy,
    warwickshire_funding,
    warwickshire_strategy,
)
from svduty.io._schema import bundle_schema, schema_errors, schema_of

__all__ = [
    "MANIFEST",
    "PACKAGED",
    "SECTIONS",
    "AreasDocument",
    "AuthoritiesDocument",
    "LocalAreaDocument",
    "Manifest",
    "SectionContext",
    "SectionSpec",
    "bundle_schema",
    "dump_authorities",
    "load_areas",
    "load_authorities",
    "load_funding",
    "load_partnership",
    "load_strategy",
    "read_funding",
    "read_strategy",
    "read_toml",
    "schema_errors",
    "schema_of",
    "validate_bundle",
    "warwickshire",
    "warwickshire_funding",
    "warwickshire_strategy",
    "write_toml",
]
