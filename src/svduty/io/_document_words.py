"""What each field of the command line's JSON documents means, as their schemas say it.

The parts of a schema (:mod:`svduty.io._document_parts`) give each field its type, its
words and whether it may be ``null``; :func:`described` gives every field that has no
description yet its meaning from :data:`WORDS` (users58: the ``validate``, ``funding``,
``info`` and ``summary`` documents and the rows ``classify`` writes said the types and
not what a field holds; the ``governance`` and ``comparison`` schemas already did). A
path names a field as ``key``, ``key.sub``, ``key[].sub`` (the items of a list),
``#Name.key`` (a shared definition, ``$defs``). The reference pages say more
(``docs/reference/json-documents.rst``, ``output-schema.rst``); a test checks that every
field of every schema has a description, and that every path here is a field.

Example:
    >>> s = {"type": "object", "properties": {"ok": {"type": "boolean"}}}
    >>> described("validate", s)["properties"]["ok"]["description"]
    'true when the bundle has no problem (warnings aside).'
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = ["WORDS", "described"]

_AREA = "Inside the partnership's local area, outside it, or no_location."

_ROW: Mapping[str, str] = {
    "file": "The input file the row came from.",
    "row": "The line where the record starts (the header is line 1); a JSON Lines line or a "
    "Parquet row, counted from 1.",
    "district_code": "The local government area (GSS code) the row is located in.",
    "district_name": "Its ONS name.",
    "csp_code": "The community safety partnership (GSS code) of the district.",
    "csp_name": "Its name.",
    "police_area": "The police command area where the partnership's geography records one, "
    "otherwise the police force area.",
    "match": "How the place was found: table (by code), name (by the LSOA name), unresolved.",
    "within_area": _AREA,
    "violence": "Violence within s.13 of the Act: yes, no or undetermined.",
    "in_scope": "Serious violence under the definition used: yes, no or undetermined.",
    "domestic_abuse": "Domestic abuse (Domestic Abuse Act 2021 ss.1-3): yes, no or undetermined.",
    "qualifying_homicide": "A qualifying homicide for an offensive weapons homicide review "
    "(s.24): yes, no or undetermined.",
    "homicide_review": "An offensive weapons homicide review: required, not_required or "
    "undetermined.",
    "kinds": "The kinds of violence found (s13_violence, domestic_abuse...).",
    "basis": "What decided the answers: facts, offence_code, category or none.",
    "reasons": "The ids of the rules that decided (see the provision index).",
}

WORDS: Mapping[str, Mapping[str, str]] = {
    "validate": {
        "bundle": "The bundle checked (its folder, as given).",
        "ok": "true when the bundle has no problem (warnings aside).",
        "problems": "One object per problem; the bundle is not good while there is one.",
        "warnings": "One object per warning: the bundle is good, with something to check.",
        "#Problem.file": "The file of the bundle the problem is in; null: the bundle as a whole.",
        "#Problem.row": "The row of a table file (from 1); null: not a row.",
        "#Problem.field": "The field, as a path (bodies[2].members[0]); null: the whole record.",
        "#Problem.problem": "What is wrong, in words (for people; never a personal value).",
        "to_fill_in": "One object per field a good bundle leaves to fill in or confirm (a "
        "placeholder name svduty init wrote, an unconfirmed citation), in the order of its "
        "files; empty when the bundle has problems (mend those first).",
        "#ToFillIn.file": "The file of the bundle the field is in.",
        "#ToFillIn.field": "The field, as a path (authorities[6].citation, authorities[6].name).",
        "#ToFillIn.doubt": "What is unsure (an unconfirmed citation's doubt), or that the name "
        "is svduty init's placeholder.",
    },
    "funding": {
        "partnership": "The partnership's short name.",
        "name": "The funding model's name.",
        "allocations": "One object per financial year of the grant, as funding.toml states it.",
        "allocations[].year": "The financial year (2024/25).",
        "allocations[].labour": "The labour part, money (pounds and pence as a string).",
        "allocations[].non_labour": "The non-labour part, money.",
        "allocations[].total": "The year's total as stated, money.",
        "totals": "One row per year and an all row: labour and non-labour added up.",
        "totals[].year": "The financial year, or all.",
        "totals[].labour": "The labour parts added up, money.",
        "totals[].non_labour": "The non-labour parts added up, money.",
        "totals[].total": "Labour and non-labour added up, money.",
        "totals[].stated_total": "A year's: its allocation's total as stated; all's: a total "
        "another document states for exactly those years, else null.",
        "totals[].stated_by": "The id of the document stating all's total, else null.",
        "reconciliation": "The findings of the money checks (a stated total that does not add "
        "up, a year outside the period...).",
        "grant_flow": "Who funds whom, and whether the grant is paid in arrears.",
        "grant_flow.relations": "Each funds relation of the grant flow: who funds whom.",
        "grant_flow.in_arrears": "Whether the grant is paid in arrears (after the period it "
        "pays for).",
        "split": "Only with --split FILE (the key is absent otherwise): the amount split "
        "between the recipients by the method given, each share rounded to the penny.",
    },
    "info": {
        "name": "The partnership's short name (warwickshire).",
        "title": "The partnership's title.",
        "description": "A paragraph on the partnership.",
        "definition": "The id of the definition of serious violence its commands use.",
        "local_area": "Its local area (s.9): name, valid (a period) and citation.",
        "districts": "One object per local government area of the local area: its code, "
        "name, kind, valid, CSPs, police areas and LSOAs.",
        "community_safety_partnerships": "The community safety partnership areas touching the "
        "local area, each with its districts and whether it lies within the local area.",
        "police_force_areas": "The police force areas touching the local area.",
        "police_command_areas": "The police command areas touching the local area.",
        "integrated_care_boards": "The integrated care boards touching the local area (England).",
        "local_health_boards": "The local health boards touching the local area (Wales).",
        "counties": "The counties touching the local area.",
        "authorities": "The specified and relevant authorities and the local policing body, "
        "by role, with what is recorded absent, not recorded, or in doubt.",
        "sources": "How many sources the partnership can cite.",
        "bundle_path": "The bundle folder it was loaded from.",
    },
    "summary": {
        "partnership": "The partnership's short name.",
        "definition": "The id of the definition of serious violence used.",
        "rows_in": "The rows read: rows_out + rejected.",
        "rows_out": "The rows classified.",
        "rejected": "The rows rejected (not classified).",
        "rejections": "The first rejected rows (at most 1,000), each with where and why.",
        "rejections[].file": "The input file of the rejected row.",
        "rejections[].row": "Its row (as the output's row column numbers it).",
        "rejections[].field": "The field at fault (the first, when several); null: the row.",
        "rejections[].reason": "Why the row was rejected, in words (never its values).",
        "inside_area": "The rows located inside the partnership's local area.",
        "outside_area": "The rows located outside it.",
        "unlocated": "The rows with no location (police.uk's No Location).",
        "no_district": "The rows located by a code that names no single district (a "
        "county, ward or police force area code).",
        "by_category": "Rows by police.uk crime type.",
        "by_district": "Rows by district name (Name (code) where two districts share one).",
        "by_district_code": "The same rows by district ONS code (each of the area's "
        "districts, 0 if no row is in it).",
        "kinds": "Rows by kind of violence found (s13_violence, domestic_abuse...).",
        "verdicts": "For each verdict column, rows by answer.",
        "verdicts.violence": "Rows by answer to violence (s.13): yes, no, undetermined.",
        "verdicts.in_scope": "Rows by answer to in_scope (the definition used).",
        "verdicts.domestic_abuse": "Rows by answer to domestic_abuse.",
        "verdicts.qualifying_homicide": "Rows by answer to qualifying_homicide.",
        "verdicts.homicide_review": "Rows by answer to homicide_review: required, "
        "not_required, undetermined.",
        "verdicts.basis": "Rows by what decided: facts, offence_code, category, none.",
        "undetermined_missing_in_every_group": "For each column of undetermined_by_missing, "
        "the facts every one of its groups names, in alphabetical order.",
        "warnings": "Rows by warning code (OFFENCE-CODE-UNKNOWN, MONTH-OUTSIDE-PERIOD...).",
        "warning_rows": "For the warnings that name their rows (INCIDENT-ID-DUPLICATE), "
        "the first five rows flagged.",
        "warning_rows[][].file": "The input file of the row flagged.",
        "warning_rows[][].row": "Its row (as rejections number it).",
        "other_force_files": "The police.uk files of another force than the partnership's "
        "(FILE-OF-OTHER-FORCE).",
        "other_force_files[].file": "The input file.",
        "other_force_files[].force": "The force most of its first rows name (Falls within).",
        "skipped": "The inputs not read, with why.",
        "bounded": "Police.uk rows: the in_scope rows counted as certain and possible, in "
        "all and by month, district and CSP; null for incidents.",
        "bounded.verdict": "The verdict column counted.",
        "bounded.totals": "One row each for inside, outside and no_location.",
        "bounded.by": "Lines by month, district and csp.",
        "bounded.why_nothing_certain": "Where no row is certain, why, by within_area.",
        "#BoundedRow.within_area": _AREA,
        "#BoundedRow.certain": "The rows answered yes: in scope whatever the missing facts "
        "turn out (the fewest there are).",
        "#BoundedRow.possible": "The rows answered yes or undetermined (the most there could be).",
        "#BoundedRow.yes": "The rows answered yes.",
        "#BoundedRow.undetermined": "The rows answered undetermined.",
        "#BoundedRow.no": "The rows answered no.",
        "#BoundedRow.rows": "The rows of this line.",
        "#BoundedRow.month": "The month (YYYY-MM), on a line by month.",
        "#BoundedRow.district_code": "The district (GSS code), on a line by district or CSP.",
        "#BoundedRow.district_name": "Its ONS name.",
        "#BoundedRow.csp_code": "The community safety partnership (GSS code); null for a "
        "district of several CSPs, whose counts by CSP are not known.",
        "#BoundedRow.csp_name": "Its name.",
    },
    "row": {
        **_ROW,
        "id": "police.uk Crime ID (null on anti-social behaviour rows and blank cells).",
        "month": "police.uk Month, as the first day of the month.",
        "reported_by": "police.uk Reported by.",
        "falls_within": "police.uk Falls within.",
        "longitude": "Degrees; null for No Location.",
        "latitude": "Degrees; null for No Location.",
        "street": "police.uk Location (an anonymised street description).",
        "lsoa_code": "police.uk LSOA code (2011 codes before 2022, 2021 codes after).",
        "lsoa_name": "police.uk LSOA name.",
        "police_uk_category": "police.uk Crime type.",
        "last_outcome_category": "police.uk Last outcome category.",
        "context_note": "police.uk Context (free text).",
        "location": "What the classifier was given as the place: the district code, else the "
        "LSOA code.",
    },
    "incident_row": {**_ROW, "id": "The incident's id (a number as its digits)."},
}
"""Each document's kind -> each field's path -> what it holds (:func:`described`)."""


def described(kind: str, schema: dict[str, Any]) -> dict[str, Any]:
    """``schema`` with each field :data:`WORDS` names and that has no description given one.

    Changes ``schema`` in place and returns it; a field already described keeps its words.

    Example:
        >>> s = {"type": "object", "properties": {"bundle": {"description": "Kept."}}}
        >>> described("validate", s)["properties"]["bundle"]["description"]
        'Kept.'
    """
    words = WORDS.get(kind, {})
    for path, field in fields(schema):
        if path in words and "description" not in field:
            field["description"] = words[path]
    return schema


def fields(schema: Mapping[str, Any], path: str = "") -> list[tuple[str, dict[str, Any]]]:
    """Every field of a schema (properties, list items', a ``$defs`` entry's) with its path.

    Example:
        >>> s = {"properties": {"a": {"type": "array", "items": {"properties": {"b": {}}}}}}
        >>> [p for p, _ in fields(s)]
        ['a', 'a[].b']
    """
    out: list[tuple[str, dict[str, Any]]] = []
    for key, sub in schema.get("properties", {}).items():
        here = f"{path}.{key}" if path else key
        if isinstance(sub, dict):
            if "$ref" not in sub:
                out.append((here, sub))
            out += fields(sub, here)
    for key in ("items", "additionalProperties"):
        if isinstance(schema.get(key), dict):
            out += fields(schema[key], f"{path}[]")
    for key in ("anyOf", "oneOf", "allOf"):
        for sub in schema.get(key, ()):
            if isinstance(sub, dict):
                out += fields(sub, path)
    for name, sub in schema.get("$defs", {}).items():
        out += fields(sub, f"#{name}")
    return out
