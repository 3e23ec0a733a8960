"""The typed output contract of ``svduty classify``: one schema, every writer conforms.

:data:`OUTPUT_SCHEMA` is the schema of a classified police.uk row;
:data:`INCIDENT_OUTPUT_SCHEMA` that of a classified incident. Verdict, area and category
columns are dictionary-encoded (few distinct values, small files, fast group-bys), the
police.uk month is a date (the first day of the month), row numbers and ages are integers.
Columns an incident file brings beyond the incident fields are passed through after these.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from typing import Any

import pyarrow as pa

from svduty._version import __version__
from svduty.io._incident_schema import INCIDENT_SCHEMA

__all__ = [
    "INCIDENT_OUTPUT_SCHEMA",
    "OUTPUT_SCHEMA",
    "output_metadata",
    "output_schema",
]

_WORDS = pa.dictionary(pa.int32(), pa.string())
_LIST = pa.list_(pa.string())

_BOOKKEEPING: list[pa.Field[Any]] = [
    pa.field("file", pa.string()),
    pa.field("row", pa.int64()),
    pa.field("rejected", pa.string()),
    pa.field("rejected_field", pa.string()),
]

_ADDED: list[pa.Field[Any]] = [
    pa.field("district_code", _WORDS),
    pa.field("district_name", _WORDS),
    pa.field("csp_code", _WORDS),
    pa.field("csp_name", _WORDS),
    pa.field("police_area", _WORDS),
    pa.field("match", _WORDS),
    pa.field("within_area", _WORDS),
]

_VERDICTS: list[pa.Field[Any]] = [
    pa.field("violence", _WORDS),
    pa.field("in_scope", _WORDS),
    pa.field("domestic_abuse", _WORDS),
    pa.field("qualifying_homicide", _WORDS),
    pa.field("homicide_review", _WORDS),
    pa.field("kinds", _LIST),
    pa.field("basis", _WORDS),
    pa.field("reasons", _LIST),
]

OUTPUT_SCHEMA: pa.Schema = pa.schema(
    [
        *_BOOKKEEPING,
        pa.field("id", pa.string()),
        pa.field("month", pa.date32()),
        pa.field("reported_by", _WORDS),
        pa.field("falls_within", _WORDS),
        pa.field("longitude", pa.float64()),
        pa.field("latitude", pa.float64()),
        pa.field("street", pa.string()),
        pa.field("lsoa_code", pa.string()),
        pa.field("lsoa_name", pa.string()),
        pa.field("police_uk_category", _WORDS),
        pa.field("last_outcome_category", _WORDS),
        pa.field("context_note", pa.string()),
        *_ADDED,
        pa.field("location", pa.string()),
        *_VERDICTS,
    ]
)
"""The columns of a classified police.uk row, in order (see the output schema reference).

``file``/``row`` say where the row came from (``row`` is the line where the record starts);
``rejected``/``rejected_field`` are null for a classified row. The police.uk columns follow
(``month`` as the first day of the month), then the area columns from the LSOA
(``district_code`` ... ``match``), ``within_area`` (``inside``/``outside``/``no_location``),
``location`` (what the classifier was given) and the verdicts.
"""

INCIDENT_OUTPUT_SCHEMA: pa.Schema = pa.schema(
    [
        *_BOOKKEEPING,
        *(
            pa.field(f.name, _WORDS) if f.name == "police_uk_category" else f
            for f in INCIDENT_SCHEMA
        ),
        *_ADDED,
        *_VERDICTS,
    ]
)
"""The columns of a classified incident: the incident fields, the area columns (from an
LSOA ``location``), ``within_area`` and the verdicts; other columns of the input follow."""


def output_schema(kind: str) -> pa.Schema:
    """The output schema for an input kind (``police-uk`` or ``incidents``).

    Example:
        >>> output_schema("police-uk").field("month").type
        DataType(date32[day])
        >>> output_schema("incidents").field("victim_age").type
        DataType(int64)
    """
    return OUTPUT_SCHEMA if kind == "police-uk" else INCIDENT_OUTPUT_SCHEMA


def output_metadata(
    used: Mapping[str, str | None], inputs: Sequence[str], *, now: dt.datetime | None = None
) -> dict[str, str]:
    """The Parquet footer metadata: svduty's version, partnership, definition, inputs, time.

    Example:
        >>> m = output_metadata({"partnership": "warwickshire", "definition": "warwickshire"},
        ...                     ["a.csv"], now=dt.datetime(2026, 1, 2, tzinfo=dt.UTC))
        >>> m["svduty.partnership"], m["svduty.inputs"], m["svduty.written"]
        ('warwickshire', '["a.csv"]', '2026-01-02T00:00:00+00:00')
    """
    when = now or dt.datetime.now(dt.UTC)
    return {
        "svduty.version": __version__,
        "svduty.partnership": str(used.get("partnership") or ""),
        "svduty.definition": str(used.get("definition") or ""),
        "svduty.inputs": json.dumps(list(inputs)),
        "svduty.written": when.isoformat(timespec="seconds"),
    }
