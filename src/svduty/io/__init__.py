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

from __future__ import annotations

from typing import TYPE_CHECKING

from svduty._lazy import exports

if TYPE_CHECKING:  # imported on first use (PEP 562): see _EXPORTS
    from svduty.io._areas import AreasDocument, LocalAreaDocument, load_areas
    from svduty.io._authorities import AuthoritiesDocument, dump_authorities, load_authorities
    from svduty.io._bounds import GROUPINGS, BoundedCounts, bounded_counts
    from svduty.io._bundle import (
        BundleParts,
        load_partnership,
        load_sections,
        validate_bundle,
        warwickshire,
    )
    from svduty.io._bundle_read import Manifest
    from svduty.io._charts import ANSWERS, in_scope_counts, plot_in_scope
    from svduty.io._completeness import check_completeness
    from svduty.io._contract_schemas import classification_schema, incident_schema
    from svduty.io._converter import make_converter
    from svduty.io._definition import load_definition
    from svduty.io._document_schemas import DOCUMENT_VERSIONS, DocumentKind, document_schema
    from svduty.io._files import read_toml, write_toml
    from svduty.io._funding import load_funding, load_strategy
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
    from svduty.io._incidents import (
        INCIDENT_SCHEMA,
        Validator,
        iter_incidents_jsonl,
        read_incidents_jsonl,
    )
    from svduty.io._inputs import SUMMARY_COLUMNS
    from svduty.io._locate import AreaResolver, Within
    from svduty.io._new_bundle import new_bundle
    from svduty.io._output import INCIDENT_OUTPUT_SCHEMA, OUTPUT_SCHEMA
    from svduty.io._packaged import MANIFEST, PACKAGED
    from svduty.io._pipeline import (
        AREA_COLUMNS,
        Pipeline,
        classify_batch,
        classify_batches,
        default_pipeline,
    )
    from svduty.io._pipeline_rows import Rejecter, Splitter, TableClassifier
    from svduty.io._police_uk import (
        POLICE_UK_COLUMNS,
        POLICE_UK_CRIME_TYPES,
        POLICE_UK_SCHEMA,
        normalise_police_uk,
        sample_police_uk,
    )
    from svduty.io._police_uk_reader import police_uk_paths, read_police_uk
    from svduty.io._published import (
        PUBLISHED,
        load_packaged_definition,
        load_published_definition,
        resolve_definition,
    )
    from svduty.io._run import WeightedCounter, run_pipeline
    from svduty.io._schema import bundle_schema, schema_errors, schema_of
    from svduty.io._sections import SECTIONS
    from svduty.io._settle import Settlement
    from svduty.io._summary import VERDICT_COLUMNS, RejectedSink, Summary
    from svduty.io._writers import write_table

_EXPORTS: dict[str, str] = {
    "AreasDocument": "svduty.io._areas",
    "LocalAreaDocument": "svduty.io._areas",
    "load_areas": "svduty.io._areas",
    "AuthoritiesDocument": "svduty.io._authorities",
    "dump_authorities": "svduty.io._authorities",
    "load_authorities": "svduty.io._authorities",
    "GROUPINGS": "svduty.io._bounds",
    "BoundedCounts": "svduty.io._bounds",
    "Settlement": "svduty.io._settle",
    "bounded_counts": "svduty.io._bounds",
    "MANIFEST": "svduty.io._packaged",
    "PACKAGED": "svduty.io._packaged",
    "SECTIONS": "svduty.io._sections",
    "Manifest": "svduty.io._bundle_read",
    "BundleParts": "svduty.io._bundle",
    "load_sections": "svduty.io._bundle",
    "load_partnership": "svduty.io._bundle",
    "validate_bundle": "svduty.io._bundle",
    "warwickshire": "svduty.io._bundle",
    "ANSWERS": "svduty.io._charts",
    "in_scope_counts": "svduty.io._charts",
    "plot_in_scope": "svduty.io._charts",
    "check_completeness": "svduty.io._completeness",
    "classification_schema": "svduty.io._contract_schemas",
    "incident_schema": "svduty.io._contract_schemas",
    "make_converter": "svduty.io._converter",
    "DOCUMENT_VERSIONS": "svduty.io._document_schemas",
    "DocumentKind": "svduty.io._document_schemas",
    "document_schema": "svduty.io._document_schemas",
    "load_definition": "svduty.io._definition",
    "read_toml": "svduty.io._files",
    "write_toml": "svduty.io._files",
    "load_funding": "svduty.io._funding",
    "load_strategy": "svduty.io._funding",
    "GovernanceDocument": "svduty.io._governance",
    "dump_governance": "svduty.io._governance",
    "dump_scenario": "svduty.io._governance",
    "dump_timetable": "svduty.io._governance",
    "load_governance": "svduty.io._governance",
    "load_scenario": "svduty.io._governance",
    "load_timetable": "svduty.io._governance",
    "read_scenario": "svduty.io._governance",
    "iter_incident_table": "svduty.io._incident_tables",
    "iter_incidents": "svduty.io._incident_tables",
    "read_incident_table": "svduty.io._incident_tables",
    "INCIDENT_SCHEMA": "svduty.io._incidents",
    "iter_incidents_jsonl": "svduty.io._incidents",
    "read_incidents_jsonl": "svduty.io._incidents",
    "new_bundle": "svduty.io._new_bundle",
    "INCIDENT_OUTPUT_SCHEMA": "svduty.io._output",
    "OUTPUT_SCHEMA": "svduty.io._output",
    "load_packaged_definition": "svduty.io._published",
    "load_published_definition": "svduty.io._published",
    "resolve_definition": "svduty.io._published",
    "PUBLISHED": "svduty.io._published",
    "AREA_COLUMNS": "svduty.io._pipeline",
    "Pipeline": "svduty.io._pipeline",
    "classify_batch": "svduty.io._pipeline",
    "classify_batches": "svduty.io._pipeline",
    "default_pipeline": "svduty.io._pipeline",
    "POLICE_UK_COLUMNS": "svduty.io._police_uk",
    "POLICE_UK_CRIME_TYPES": "svduty.io._police_uk",
    "POLICE_UK_SCHEMA": "svduty.io._police_uk",
    "normalise_police_uk": "svduty.io._police_uk",
    "sample_police_uk": "svduty.io._police_uk",
    "SUMMARY_COLUMNS": "svduty.io._inputs",
    "police_uk_paths": "svduty.io._police_uk_reader",
    "read_police_uk": "svduty.io._police_uk_reader",
    "bundle_schema": "svduty.io._schema",
    "schema_errors": "svduty.io._schema",
    "schema_of": "svduty.io._schema",
    "VERDICT_COLUMNS": "svduty.io._summary",
    "Summary": "svduty.io._summary",
    "run_pipeline": "svduty.io._run",
    "WeightedCounter": "svduty.io._run",
    "Validator": "svduty.io._incidents",
    "AreaResolver": "svduty.io._locate",
    "Within": "svduty.io._locate",
    "Rejecter": "svduty.io._pipeline_rows",
    "Splitter": "svduty.io._pipeline_rows",
    "TableClassifier": "svduty.io._pipeline_rows",
    "RejectedSink": "svduty.io._summary",
    "write_table": "svduty.io._writers",
}
"""Each public name of :mod:`svduty.io` and the module that defines it."""

if not TYPE_CHECKING:  # a misspelt name is then an error the type checker reports
    __getattr__, __dir__ = exports(__name__, _EXPORTS)

__all__ = [
    "ANSWERS",
    "AREA_COLUMNS",
    "DOCUMENT_VERSIONS",
    "GROUPINGS",
    "INCIDENT_OUTPUT_SCHEMA",
    "INCIDENT_SCHEMA",
    "MANIFEST",
    "OUTPUT_SCHEMA",
    "PACKAGED",
    "POLICE_UK_COLUMNS",
    "POLICE_UK_CRIME_TYPES",
    "POLICE_UK_SCHEMA",
    "PUBLISHED",
    "SECTIONS",
    "SUMMARY_COLUMNS",
    "VERDICT_COLUMNS",
    "AreaResolver",
    "AreasDocument",
    "AuthoritiesDocument",
    "BoundedCounts",
    "BundleParts",
    "DocumentKind",
    "GovernanceDocument",
    "LocalAreaDocument",
    "Manifest",
    "Pipeline",
    "RejectedSink",
    "Rejecter",
    "Settlement",
    "Splitter",
    "Summary",
    "TableClassifier",
    "Validator",
    "WeightedCounter",
    "Within",
    "bounded_counts",
    "bundle_schema",
    "check_completeness",
    "classification_schema",
    "classify_batch",
    "classify_batches",
    "default_pipeline",
    "document_schema",
    "dump_authorities",
    "dump_governance",
    "dump_scenario",
    "dump_timetable",
    "in_scope_counts",
    "incident_schema",
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
    "load_published_definition",
    "load_scenario",
    "load_sections",
    "load_strategy",
    "load_timetable",
    "make_converter",
    "new_bundle",
    "normalise_police_uk",
    "plot_in_scope",
    "police_uk_paths",
    "read_incident_table",
    "read_incidents_jsonl",
    "read_police_uk",
    "read_scenario",
    "read_toml",
    "resolve_definition",
    "run_pipeline",
    "sample_police_uk",
    "schema_errors",
    "schema_of",
    "validate_bundle",
    "warwickshire",
    "write_table",
    "write_toml",
]
