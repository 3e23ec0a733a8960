"""Reading and writing svduty's data: bundles, JSON contracts, police.uk files, Arrow.

The batch job (what an analyst runs every month) is built from three pieces: a reader that
yields normalised Arrow record batches in which every input row is kept (a bad row carries
its row number and the reason it was rejected), a :class:`Pipeline` that adds the area
and verdict columns to a record batch, and a :class:`Summary` that accounts for every row.

Example:
    >>> from svduty.io import read_police_uk, sample_police_uk
    >>> sum(b.num_rows for b in read_police_uk(sample_police_uk()))
    4586
"""

from svduty.io._files import read_toml, write_toml
from svduty.io._incidents import (
    INCIDENT_SCHEMA,
    read_incident_table,
    read_incidents_jsonl,
)
from svduty.io._pipeline import (
    AREA_COLUMNS,
    VERDICT_COLUMNS,
    Pipeline,
    Summary,
    Tally,
    classify_batch,
    classify_batches,
    default_pipeline,
)
from svduty.io._police_uk import (
    POLICE_UK_COLUMNS,
    POLICE_UK_CRIME_TYPES,
    POLICE_UK_SCHEMA,
    normalise_police_uk,
    police_uk_paths,
    read_police_uk,
    rejections,
    sample_police_uk,
)
from svduty.io._writers import write_table

__all__ = [
    "AREA_COLUMNS",
    "INCIDENT_SCHEMA",
    "POLICE_UK_COLUMNS",
    "POLICE_UK_CRIME_TYPES",
    "POLICE_UK_SCHEMA",
    "VERDICT_COLUMNS",
    "Pipeline",
    "Summary",
    "Tally",
    "classify_batch",
    "classify_batches",
    "default_pipeline",
    "normalise_police_uk",
    "police_uk_paths",
    "read_incident_table",
    "read_incidents_jsonl",
    "read_police_uk",
    "read_toml",
    "rejections",
    "sample_police_uk",
    "write_table",
    "write_toml",
]
