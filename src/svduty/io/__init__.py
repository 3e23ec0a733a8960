"""Reading and writing svduty's data: bundles, JSON contracts, police.uk files, Arrow.

The batch job (what an analyst runs every month) is built from three pieces: a reader that
yields normalised Arrow record batches in which every input row is kept (a bad row carries
its row number and the reason it was rejected) -- police.uk files
(:func:`read_police_uk`) or incident files (:func:`iter_incidents`) --, a
:class:`Pipeline` that adds the area and verdict columns to a record batch, and
:func:`run_pipeline`, whose :class:`Summary` accounts for every row.

Example:
    >>> from svduty.io import validate_bundle
    >>> validate_bundle("warwickshire")
    []
    >>> from svduty.io import read_police_uk, sample_police_uk
    >>> sum(b.num_rows for b in read_police_uk(sample_police_uk()))
    4586
"""

from svduty.io._areas import AreasDocument, LocalAreaDocument, load_areas
from svduty.io._authorities import AuthoritiesDocument, dump_authorities, load_authorities
from svduty.io._bounds import GROUPINGS, BoundedCounts, Settlement, bounded_counts
from svduty.io._bundle import (
    MANIFEST,
    PACKAGED,
    SECTIONS,
    Manifest,
    load_partnership,
    validate_bundle,
    warwickshire,
)
from svduty.io._charts import ANSWERS, in_scope_counts, plot_in_scope
from svduty.io._completeness import check_completeness
from svduty.io._definition import load_definition
from svduty.io._files import read_toml, write_toml
from svduty.io._funding import (
    load_funding,
    load_strategy,
)
from svduty.io._governance import (
    GovernanceDocument,
    dump_governance,
    dump_scenario,
    dump_timetable,
    load_governance,
    load_scenario,
    load_timetable,
    read_scenario,
)
from svduty.io._incident_tables import iter_incident_table, iter_incidents, read_incident_table
from svduty.io._incidents import INCIDENT_SCHEMA, iter_incidents_jsonl, read_incidents_jsonl
from svduty.io._new_bundle import new_bundle
from svduty.io._output import INCIDENT_OUTPUT_SCHEMA, OUTPUT_SCHEMA
from svduty.io._packaged import load_packaged_definition
from svduty.io._pipeline import (
    AREA_COLUMNS,
    Pipeline,
    classify_batch,
    classify_batches,
    default_pipeline,
)
from svduty.io._police_uk import (
    POLICE_UK_COLUMNS,
    POLICE_UK_CRIME_TYPES,
    POLICE_UK_SCHEMA,
    normalise_police_uk,
    sample_police_uk,
)
from svduty.io._police_uk_reader import police_uk_paths, read_police_uk
from svduty.io._schema import bundle_schema, schema_errors, schema_of
from svduty.io._summary import VERDICT_COLUMNS, Summary, run_pipeline
from svduty.io._writers import write_table

__all__ = [
    "ANSWERS",
    "AREA_COLUMNS",
    "GROUPINGS",
    "INCIDENT_OUTPUT_SCHEMA",
    "INCIDENT_SCHEMA",
    "MANIFEST",
    "OUTPUT_SCHEMA",
    "PACKAGED",
    "POLICE_UK_COLUMNS",
    "POLICE_UK_CRIME_TYPES",
    "POLICE_UK_SCHEMA",
    "SECTIONS",
    "VERDICT_COLUMNS",
    "AreasDocument",
    "AuthoritiesDocument",
    "BoundedCounts",
    "GovernanceDocument",
    "LocalAreaDocument",
    "Manifest",
    "Pipeline",
    "Settlement",
    "Summary",
    "bounded_counts",
    "bundle_schema",
    "check_completeness",
    "classify_batch",
    "classify_batches",
    "default_pipeline",
    "dump_authorities",
    "dump_governance",
    "dump_scenario",
    "dump_timetable",
    "in_scope_counts",
    "iter_incident_table",
    "iter_incidents",
    "iter_incidents_jsonl",
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
    "new_bundle",
    "normalise_police_uk",
    "plot_in_scope",
    "police_uk_paths",
    "read_incident_table",
    "read_incidents_jsonl",
    "read_police_uk",
    "read_scenario",
    "read_toml",
    "run_pipeline",
    "sample_police_uk",
    "schema_errors",
    "schema_of",
    "validate_bundle",
    "warwickshire",
    "write_table",
    "write_toml",
]
