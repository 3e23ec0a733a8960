"""Reading incidents (the classifier's JSON contract) from JSON Lines, CSV and Parquet.

An incident's fields are those of the JSON contract (issue 3): every field is optional,
and a missing field means *unknown*, never a default. The readers return an Arrow table
with :data:`~svduty.io.INCIDENT_SCHEMA` plus the bookkeeping columns ``file``, ``row``, ``rejected``
and ``rejected_field``: an invalid line or row stays in the table with its number and the
reason, so a batch job accounts for every input row.

Row numbers: in a JSON Lines file, ``row`` is the line number (1-based; blank lines are
not incidents and are skipped, but still counted for the numbering). In a CSV file the
header is row 1 and the first data row is row 2; in a Parquet file the first row is row 1.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from svduty.errors import DataError, InputFormatError, Problem, Shown, shown

Arrow = Any  # a pyarrow Array or ChunkedArray (pyarrow-stubs' compute overloads are narrower)

__all__ = ["INCIDENT_SCHEMA", "read_incident_table", "read_incidents_jsonl"]

_LIST = pa.list_(pa.string())
INCIDENT_SCHEMA = pa.schema(
    [
        pa.field("id", pa.string()),
        pa.field("date", pa.string()),
        pa.field("offence_code", pa.string()),
        pa.field("police_uk_category", pa.string()),
        pa.field("behaviours", _LIST),
        pa.field("intentional", pa.bool_()),
        pa.field("target", pa.string()),
        pa.field("harms", _LIST),
        pa.field("weapon", pa.string()),
        pa.field("victim_age", pa.int64()),
        pa.field("perpetrator_age", pa.int64()),
        pa.field("relationship", pa.string()),
        pa.field("context", _LIST),
        pa.field("died", pa.bool_()),
        pa.field("location", pa.string()),
        pa.field("country", pa.string()),
    ]
)
"""The incident fields of the JSON contract as Arrow columns (all nullable: null = unknown)."""

_BOOKKEEPING = pa.schema(
    [  # type: ignore[arg-type]
        pa.field("file", pa.string()),
        pa.field("row", pa.int64()),
        pa.field("rejected", pa.string()),
        pa.field("rejected_field", pa.string()),
    ]
)
_SCHEMA = pa.schema([*_BOOKKEEPING, *INCIDENT_SCHEMA])
_KIND = {
    f.name: ("list" if f.type == _LIST else "bool" if f.type == pa.bool_() else "int")
    if f.type != pa.string()
    else "str"
    for f in INCIDENT_SCHEMA
}
_EXPECTED = {
    "str": "a string",
    "list": "a list of strings",
    "bool": "true or false",
    "int": "a whole number",
}

_KEY = r"[a-z][a-z0-9_]{0,39}"
"""An unknown key shown in a reason: a typo of a field name, never free text."""

Validator = Callable[[dict[str, Any], int | None, str | None], object]


def _check(obj: Any) -> tuple[str, str] | None:
    """The first (field, expected) wrong in a parsed JSON line, or None."""
    if not isinstance(obj, dict):
        return ("line", "a JSON object {...} with the incident fields")
    for key, value in obj.items():
        kind = _KIND.get(key)
        if kind is None:
            name = shown(key, shape=_KEY)
            field = str(name) if isinstance(name, Shown) else "<a key not shown>"
            return (field, f"one of the incident fields {', '.join(_KIND)}")
        if value is None:
            continue
        ok = {
            "str": isinstance(value, str) or (key == "id" and isinstance(value, int)),
            "list": isinstance(value, list) and all(isinstance(v, str) for v in value),
            "bool": isinstance(value, bool),
            "int": isinstance(value, int) and not isinstance(value, bool),
        }[kind]
        if not ok:
            return (key, _EXPECTED[kind])
    return None


def read_incidents_jsonl(path: str | Path, *, validate: Validator | None = None) -> pa.Table:
    r"""Read a JSON Lines file of incidents (one JSON object per line).

    Each line is parsed and checked against the contract's field names and types; a line
    that is not JSON, not an object, has an unknown field or a value of the wrong type is
    kept as a rejected row with its line number. ``validate`` adds the classifier's own
    checks (``Incident.from_json``: vocabularies, ages, dates); a
    :class:`~svduty.errors.DataError` it raises rejects the line with its first problem.

    Args:
        path: The file.
        validate: ``(incident_json, line, file) -> anything``, raising ``DataError``.

    Raises:
        InputFormatError: if the file is missing or is not UTF-8 text.

    Example:
        >>> import tempfile, pathlib
        >>> f = pathlib.Path(tempfile.mkdtemp()) / "in.jsonl"
        >>> _ = f.write_text('{"id": "a", "weapon": "knife", "victim_age": 19}\n'
        ...                  '\n'
        ...                  '{"id": "b", "victim_age": "nineteen"}\n'
        ...                  'not json\n')
        >>> t = read_incidents_jsonl(f)
        >>> t.column("row").to_pylist(), t.column("weapon").to_pylist()
        ([1, 3, 4], ['knife', None, None])
        >>> t.column("rejected").to_pylist()
        [None, 'victim_age: expected a whole number', 'line: expected a JSON object']
    """
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputFormatError(Problem(message="file not found", file=str(p))) from None
    except UnicodeDecodeError:
        raise InputFormatError(
            Problem(file=str(p), expected="UTF-8 text, one JSON object per line")
        ) from None
    records: list[dict[str, Any]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        record: dict[str, Any] = {"file": str(p), "row": number}
        try:
            obj = json.loads(line)
        except json.JSONDecodeError:
            record.update(rejected="line: expected a JSON object", rejected_field="line")
            records.append(record)
            continue
        wrong = _check(obj)
        if wrong is None and validate is not None:
            try:
                validate(obj, number, str(p))
            except DataError as exc:
                first = exc.problems[0]
                wrong = (first.field or "line", first.what())
        if wrong is not None:
            field, expected = wrong
            why = expected if expected.startswith("expected") else f"expected {expected}"
            record.update(rejected=f"{field}: {why}", rejected_field=field)
        else:
            record.update(
                {k: (str(v) if k == "id" and v is not None else v) for k, v in obj.items()}
            )
        records.append(record)
    return pa.Table.from_pylist(records, schema=_SCHEMA)


def _convert(column: Arrow, kind: str, sep: str) -> tuple[Arrow, Arrow]:
    """Convert a string column to ``kind``; return (values, bad) where bad marks failures."""
    text = pc.utf8_trim_whitespace(column.combine_chunks().cast(pa.string()))
    empty = pc.fill_null(pc.equal(text, pa.scalar("")), pa.scalar(True))
    text = pc.if_else(empty, pa.scalar(None, pa.string()), text)
    if kind == "str":
        return text, pa.repeat(pa.scalar(False), len(text))
    if kind == "list":
        return pc.split_pattern(text, sep), pa.repeat(pa.scalar(False), len(text))
    if kind == "bool":
        lower = pc.utf8_lower(text)
        yes = pc.is_in(lower, value_set=pa.array(["true", "yes", "1"]))
        no = pc.is_in(lower, value_set=pa.array(["false", "no", "0"]))
        known = pc.or_(yes, no)
        values = pc.if_else(known, yes, pa.scalar(None, pa.bool_()))
        return values, pc.and_(pc.is_valid(text), pc.invert(known))
    digits = pc.fill_null(pc.match_substring_regex(text, r"^[+-]?\d{1,9}$"), pa.scalar(False))
    values = pc.cast(pc.if_else(digits, text, pa.scalar(None, pa.string())), pa.int64())
    return values, pc.and_(pc.is_valid(text), pc.invert(digits))


def read_incident_table(
    path: str | Path, *, mapping: Mapping[str, str] | None = None, list_separator: str = ";"
) -> pa.Table:
    r"""Read incidents from a CSV or Parquet file whose columns are mapped to incident fields.

    ``mapping`` renames the file's columns to the incident fields (``{"Offence": "offence_code",
    "Age": "victim_age"}``); a column already named as an incident field needs no entry, and
    other columns are kept as they are. In a CSV file every column is read as text and then
    converted: lists are split on ``list_separator``, booleans are ``true/false``,
    ``yes/no`` or ``1/0``, ages are whole numbers, and an empty cell is unknown. A value that
    cannot be converted rejects its row (with the row number and the field).

    Args:
        path: A ``.csv`` or ``.parquet`` file.
        mapping: File column -> incident field.
        list_separator: The separator of list values in CSV cells.

    Raises:
        InputFormatError: if the file is missing, of another type, or ``mapping`` names a
            column the file does not have or a field that is not an incident field.

    Example:
        >>> import tempfile, pathlib
        >>> f = pathlib.Path(tempfile.mkdtemp()) / "in.csv"
        >>> _ = f.write_text("Ref,Offence,Age,Harms\nA1,8N,19,injury;death\nA2,,x,\n")
        >>> t = read_incident_table(f, mapping={"Ref": "id", "Offence": "offence_code",
        ...                                     "Age": "victim_age", "Harms": "harms"})
        >>> t.column("victim_age").to_pylist(), t.column("harms").to_pylist()
        ([19, None], [['injury', 'death'], None])
        >>> t.column("rejected").to_pylist()
        [None, 'victim_age: expected a whole number']
    """
    p = Path(path)
    if not p.is_file():
        raise InputFormatError(Problem(message="file not found", file=str(p)))
    suffix = p.suffix.lower()
    first_row = 2
    if suffix == ".csv":
        try:
            names = pacsv.open_csv(p).schema.names
            table = pacsv.read_csv(
                p,
                convert_options=pacsv.ConvertOptions(
                    column_types={n: pa.string() for n in names}, strings_can_be_null=False
                ),
            )
        except pa.ArrowInvalid as exc:
            raise InputFormatError(
                Problem(file=str(p), message=f"not a readable CSV file ({exc})")
            ) from None
    elif suffix in (".parquet", ".pq"):
        table = pq.read_table(p)
        first_row = 1
    else:
        raise InputFormatError(Problem(file=str(p), expected="a .csv or .parquet file"))
    mapping = dict(mapping or {})
    for source, target in mapping.items():
        if source not in table.schema.names:
            raise InputFormatError(
                Problem(file=str(p), field=source, message="mapped column not in the file")
            )
        if target not in _KIND:
            raise InputFormatError(
                Problem(file=str(p), field=source, expected="an incident field name")
            )
    table = table.rename_columns([mapping.get(n, n) for n in table.schema.names])
    n = table.num_rows
    reason: Arrow = pa.nulls(n, pa.string())
    field: Arrow = pa.nulls(n, pa.string())
    columns: dict[str, Arrow] = {
        "file": pa.repeat(pa.scalar(str(p)), n),
        "row": pc.add(pc.cumulative_sum(pa.repeat(pa.scalar(1, pa.int64()), n)), first_row - 1),
    }
    for f in INCIDENT_SCHEMA:
        if f.name not in table.schema.names:
            columns[f.name] = pa.nulls(n, f.type)
            continue
        column = table.column(f.name)
        if column.type == f.type and f.type != pa.string():
            columns[f.name] = column
            continue
        values, bad = _convert(column, _KIND[f.name], list_separator)
        hit = pc.and_(bad, pc.is_null(reason))
        reason = pc.if_else(hit, pa.scalar(f"{f.name}: {_why(_KIND[f.name])}"), reason)
        field = pc.if_else(hit, pa.scalar(f.name), field)
        columns[f.name] = values
    columns["rejected"] = reason
    columns["rejected_field"] = field
    out = pa.table({f.name: columns[f.name] for f in _SCHEMA}, schema=_SCHEMA)
    for name in table.schema.names:
        if name not in _SCHEMA.names:
            out = out.append_column(name, table.column(name))
    return out


def _why(kind: str) -> str:
    return f"expected {_EXPECTED[kind]}"
