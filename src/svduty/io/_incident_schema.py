"""The incident fields of the JSON contract as Arrow columns, without the rule engine.

:class:`~svduty.definitions.Incident` is the one statement of the fields; this schema is
its Arrow form, written out so that reading a police.uk file (which only needs to know the
incident fields' names, to tell its batches apart) imports no rule engine.
``svduty.io._incident_fields`` checks, when it is imported, that it is what ``Incident``'s
attributes give (a field added to ``Incident`` and not here fails every incident read).

Example:
    >>> INCIDENT_SCHEMA.field("victim_age").type, INCIDENT_SCHEMA.names[:2]
    (DataType(int64), ['id', 'date'])
"""

from __future__ import annotations

import pyarrow as pa

__all__ = ["INCIDENT_SCHEMA"]

_TEXT, _WORDS, _YES_NO, _WHOLE = pa.string(), pa.list_(pa.string()), pa.bool_(), pa.int64()

INCIDENT_SCHEMA: pa.Schema = pa.schema(
    [
        ("id", _TEXT),
        ("date", _TEXT),
        ("offence_code", _TEXT),
        ("police_uk_category", _TEXT),
        ("behaviours", _WORDS),
        ("intentional", _YES_NO),
        ("target", _TEXT),
        ("harms", _WORDS),
        ("weapon", _TEXT),
        ("victim_age", _WHOLE),
        ("perpetrator_age", _WHOLE),
        ("relationship", _TEXT),
        ("context", _WORDS),
        ("died", _YES_NO),
        ("location", _TEXT),
        ("country", _TEXT),
        ("other_reviews", _WORDS),
        ("place_of_death", _TEXT),
        ("review_information", _YES_NO),
        ("pilot_partner", _YES_NO),
        ("date_of_death", _TEXT),
        ("made_or_adapted", _YES_NO),
        ("schedule_3_offence", _YES_NO),
        ("same_household", _YES_NO),
        ("victim_age_at_death", _WHOLE),
        ("intended_for_injury", _YES_NO),
        ("care_and_support_needs", _YES_NO),
        ("aware_before_pilot_end", _YES_NO),
        ("body_located", _YES_NO),
        ("identity_recorded", _YES_NO),
        ("dsi_matter", _YES_NO),
    ]
)
"""The incident fields of the JSON contract as Arrow columns (all nullable: null = unknown)."""
