r"""``svduty explain`` of JSON Lines: each line's incident, or why not, as ``classify`` reads it.

A line is read as the JSON Lines reader of ``svduty classify`` reads it (bytes that are
not UTF-8, text that is not JSON, JSON that is not an object, an unknown key, a key given
twice), then checked as :meth:`~svduty.definitions.Incident.from_json` checks it; a line
that fails is a :class:`~svduty.errors.DataError` naming the file, the row and the field,
never a value.

Example:
    >>> [(n, i, type(x).__name__) for n, i, x in json_incidents(['{"id": "a"}', "", "no"], "f")]
    [(1, 'a', 'Incident'), (3, None, 'DataError')]
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import attrs

from svduty.definitions import Incident
from svduty.definitions._places import ResolveDistrict
from svduty.definitions._unknown_keys import unknown_keys as every_unknown_key
from svduty.errors import DataError, Problem
from svduty.io._incident_fields import blank, json_line, twice

__all__ = ["incident", "json_incidents", "unknown_keys"]

_FIELDS = tuple(f.name for f in attrs.fields(Incident))


def json_incidents(
    handle: Iterable[str],
    name: str,
    chosen: tuple[int | None, str | None] = (None, None),
    resolve: ResolveDistrict | None = None,
) -> Iterator[tuple[int, str | None, Incident | DataError]]:
    """Each line's number, its ``id`` (if it gives one as text) and its incident (or why not).

    ``chosen`` (a row number, an id) keeps only that line, or the lines of that id: the
    others are skipped before an incident is built.
    """
    row, wanted = chosen
    listed: list[int | None] = []  # the row whose problem listed the fields (once a run)
    for number, line in enumerate(handle, start=1):
        if (row is not None and number != row) or blank(line):
            continue
        data, _ = json_line(line)
        got = data.get("id") if isinstance(data, dict) else None
        ident = got if isinstance(got, str) else _number_id(got)  # as the incident reads it
        if wanted is not None and ident != wanted:
            continue
        try:
            yield number, ident, incident(line, number, name, resolve, listed=listed)
        except DataError as exc:
            yield number, ident, exc


def _number_id(value: object) -> str | None:
    """A JSON id that is a whole number, as its digits (as :class:`Incident` reads it).

    Example:
        >>> _number_id(7), _number_id(True), _number_id(1.0), _number_id(10**5000)
        ('7', None, None, None)
    """
    from svduty.definitions._spelling import incident_id

    if not isinstance(value, int) or isinstance(value, bool):
        return None
    try:
        return incident_id(value)
    except DataError:  # too long to write: the line is refused, and says so
        return None


def incident(
    line: str,
    number: int,
    name: str,
    resolve: ResolveDistrict | None = None,
    *,
    listed: list[int | None] | None = None,
) -> Incident:
    """The incident of one line of the file, or a DataError that echoes no value.

    As ``svduty classify`` reads a line: bytes that are not UTF-8 (read as surrogates),
    text that is not JSON (or nested beyond Python's limit, or a number too long for it),
    JSON that is not an object, an unknown key (named only when it looks like a field
    name) and a key given twice (never its values) are problems; then every problem of the
    incident's own checks (with ``resolve``, the partnership's geography's look-up, an
    LSOA place of death is placed first, so that every conflict is named as ``classify``
    names it).

    Each unknown key is named once (:func:`unknown_keys`), the fields listed once: by the
    first whose spelling suggests no field; ``listed`` (the row where they were listed,
    if they were) carries that over the lines of a run.

    Example:
        >>> incident('{"victim_age": 12, "victim_age": 40}', 2, "in.jsonl")
        Traceback (most recent call last):
        ...
        svduty.errors.DataError: in.jsonl: row 2: victim_age: given twice
        >>> incident('{"Jane Citizen": 1, "victim_age": 200}', 3, "in.jsonl")
        Traceback (most recent call last):
        ...
        svduty.errors.DataError: in.jsonl: row 3: an unknown field (a name of 12 characters, not shown): expected one of id, date, offence_code, police_uk_category, behaviours, intentional, target, harms, weapon, victim_age, perpetrator_age, relationship, context, died, location, country, other_reviews, place_of_death, review_information, pilot_partner, date_of_death, made_or_adapted, schedule_3_offence, same_household, victim_age_at_death, intended_for_injury, care_and_support_needs, aware_before_pilot_end, body_located, identity_recorded, dsi_matter
        in.jsonl: row 3: victim_age: expected a whole number of years 0 to 130 (got a number of 3 digits, not shown)
    """  # noqa: E501
    data, unread = json_line(line)
    if unread is not None or not isinstance(data, dict):
        expected = unread or "a JSON object"
        raise DataError(Problem(file=name, row=number, field="line", expected=expected))
    problems = unknown_keys([k for k in data if k not in _FIELDS], name, number, listed)
    repeated = twice(data)
    if repeated is not None and repeated in _FIELDS:  # the last value would be taken silently
        problems.append(Problem(file=name, row=number, field=repeated, message="given twice"))
    try:
        found = Incident.from_json(
            {k: v for k, v in data.items() if k in _FIELDS},
            line=number,
            file=name,
            resolve_district=resolve,
        )
    except DataError as exc:
        problems.extend(exc.problems)
    if problems:
        raise DataError(problems)
    return found


def unknown_keys(
    keys: Iterable[object], name: str, number: int, listed: list[int | None] | None = None
) -> list[Problem]:
    """The problems of a line's unknown keys: each named once (never its value).

    :func:`~svduty.definitions._unknown_keys.unknown_keys` over the incident fields: a key
    is named as :func:`~svduty.definitions._unknown_keys.key_shown` names it, with the
    field it likely means; the fields are listed once, by the first key that suggests
    none; ``listed`` (the row where they were listed) carries that over a run's lines.

    Example:
        >>> for p in unknown_keys(["weapn", "Jane Citizen", "foo"], "in.jsonl", 3):
        ...     print(str(p)[:110])
        in.jsonl: row 3: weapn: unknown field; expected an incident field (did you mean weapon?)
        in.jsonl: row 3: an unknown field (a name of 12 characters, not shown): expected one of id, date, offence_code
        in.jsonl: row 3: foo: unknown field; expected an incident field (listed above, at row 3)
    """  # noqa: E501
    return every_unknown_key(keys, _FIELDS, file=name, row=number, listed=listed)
