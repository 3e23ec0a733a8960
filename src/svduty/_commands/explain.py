r"""``svduty explain FILE.jsonl``: readable explanations of incidents, one per line.

Example:
    >>> import io, tempfile, pathlib
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "in.jsonl"
    >>> _ = f.write_text('{"id": "a", "offence_code": "3B"}\n')
    >>> from svduty.cli import main
    >>> out = io.StringIO()
    >>> main(["explain", str(f)], stdout=out)
    0
    >>> out.getvalue().splitlines()[0]
    'Partnership warwickshire; definition warwickshire'
    >>> print(*out.getvalue().splitlines()[3:5], sep="\n")
      given:               offence_code (3B)
      violence:            yes
"""

from __future__ import annotations

import argparse
import contextlib
import html
import itertools
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

import attrs

from svduty._commands._compared import compared_definition
from svduty._commands._doubts_once import DoubtsOnce
from svduty._commands._examples import EXIT_TAIL
from svduty._commands._explain_lines import json_incidents
from svduty._commands._explain_place import (
    PAGE_STYLE,
    Placer,
    duty_time,
    given_text,
    incident_section,
    words,
)
from svduty._commands._explain_tables import (
    is_police_uk_month,
    is_table,
    police_uk_incidents,
    table_incidents,
)
from svduty._commands._json import versioned
from svduty._commands._map_option import MapOption, _column_field, _mapping
from svduty._commands._options import add_definition, add_partnership, chosen
from svduty.definitions import Incident, classify
from svduty.errors import DataError, InputFormatError, Problem, printable
from svduty.io._incidents import _text_lines as text_lines
from svduty.io._inputs import expand_inputs

__all__ = ["register", "run"]


def register(subparsers: Any) -> None:
    """Add the ``explain`` command.

    Example:
        >>> import argparse
        >>> p = argparse.ArgumentParser()
        >>> register(p.add_subparsers())
    """
    p = subparsers.add_parser(
        "explain",
        help="explain, with reasons and citations, how each incident is classified",
        description=(
            "Read incidents (one JSON object per line, the incident contract; or a CSV or "
            "Parquet table of them, its columns named as the fields or mapped with --map) "
            "and print, for each (or the one --row or --id chooses), whether it is violence "
            "within s.13, within the definition, domestic abuse, a qualifying homicide and "
            "whether a homicide review is required, with the reasons and the facts that are "
            "missing. A police.uk street-level month is read as svduty classify reads it: "
            "each row with the answers classify gives it (--row N: why row N was answered "
            "so). Bad lines or rows are reported on standard error (file, row and field, "
            "never the value); the rest are still explained. It reads one file, not a "
            "folder: a row of 'svduty classify FOLDER' is explained from the file and row "
            "classify's output gives it (its file and row columns, as the --rejected file's): "
            "svduty explain FOLDER/FILE --row N."
        ),
        epilog="exit status: 0 every line was explained; 1 a line was rejected (each told on "
        "standard error; the others are still explained: explaining is for a few incidents, "
        "where a bad line is a mistake to mend, while 'svduty classify' accounts for millions "
        "of rows and exits 1 for a rejected row only with --strict), --row or --id chose no "
        "incident, or the input was unusable; " + EXIT_TAIL,
    )
    p.add_argument(
        "file",
        metavar="INPUT",
        help="a JSON Lines file of incidents ('-' for standard input), a .csv or "
        ".parquet table of them, or a police.uk street-level month (.csv); one file, "
        "never a folder (see above)",
    )
    p.add_argument(
        "--map",
        action=MapOption,
        default=[],
        type=_column_field,
        metavar="COLUMN=FIELD",
        help="a CSV or Parquet table's COLUMN holds the incident FIELD (repeatable), as "
        "for svduty classify",
    )
    chosen_row = p.add_mutually_exclusive_group()
    chosen_row.add_argument(
        "--row",
        type=_row_number,
        metavar="N",
        help="explain only the incident of row N: the line where it starts (a CSV "
        "file's header is line 1; a Parquet file's rows count from 1), as svduty classify "
        "numbers rows",
    )
    chosen_row.add_argument(
        "--id", metavar="ID", help="explain only the incident (or incidents) whose id is ID"
    )
    add_partnership(p)
    add_definition(p)
    p.add_argument(
        "--compare-definition",
        metavar="ID|PATH",
        help="instead, compare two definitions on the incidents: where the definition and this "
        "one (an id such as london-vru, a bundle folder with a definition.toml, or a .toml "
        "file) give different 'in scope' answers, and which rule makes the difference",
    )
    p.add_argument(
        "--format",
        choices=("text", "json", "html"),
        default="text",
        help="output format: text, a JSON object a line, or an HTML page (default: text)",
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    r"""Explain every incident of the file; exit 1 if any line was rejected.

    A rejected line is reported on ``stderr``, one line per problem, and the others are
    still explained.

    Raises:
        InputFormatError: if the file is missing, a folder, not UTF-8 text at all, or a
            CSV or Parquet table that cannot be read as incidents (as ``svduty classify``
            says it).

    Example:
        >>> import io, pathlib, tempfile
        >>> f = pathlib.Path(tempfile.mkdtemp()) / "in.jsonl"
        >>> _ = f.write_text('{"id": "a", "offence_code": "3B"}\nnot json\n')
        >>> ns = argparse.Namespace(file=str(f), definition="pcsc-s13",
        ...                         partnership="warwickshire", format="json")
        >>> err = io.StringIO()
        >>> run(ns, io.StringIO(), err)
        1
        >>> err.getvalue().endswith("in.jsonl: row 2: line: expected a JSON object\n")
        True
    """
    if args.file != "-" and Path(args.file).is_dir():  # before the partnership is loaded
        raise InputFormatError(_a_folder(args.file))
    if args.file != "-":  # a pipe, a device, a name not UTF-8: as classify refuses it (hostile56)
        expand_inputs([args.file], folders=False)
    choice = chosen(args, sections=("areas", "definition"))
    definition = choice.definition
    assert definition is not None  # chosen() always resolves one
    other = getattr(args, "compare_definition", None)
    # the same route as --definition's, checked before any line is read
    compared_with = None if other is None else compared_definition(other, choice)
    resolve = choice.partnership.geography.district_code_of
    used = choice.as_dict()
    table = is_table(args.file)
    # an incident's place, as classify gives it (a police.uk row's is its LSOA's district)
    placer = Placer(choice.partnership)
    placed: dict[int, dict[str, Any]] | None = None  # a police.uk month's, by row
    row, ident = getattr(args, "row", None), getattr(args, "id", None)
    picked = (row, ident)  # the others are skipped before an incident is built
    if getattr(args, "map", None) and not table:  # never silently ignored, as in classify
        print(
            "svduty explain: error: --map: only incident files in CSV or Parquet have columns "
            "to map (JSON Lines name their fields themselves)",
            file=stderr,
        )
        return 2
    if table:
        name = args.file

        def unread(note: str) -> None:  # never silent: a misspelt column leaves a fact unread
            print(f"svduty explain: note: {printable(name)}: {note}", file=stderr)

        if is_police_uk_month(name) and not getattr(args, "map", None):  # as classify reads it
            placed = {}  # each row's place, as classify's output gives it
            found = _primed(
                police_uk_incidents(name, choice.partnership, definition, picked, placed)
            )
        else:  # unusable: no output
            found = _primed(
                table_incidents(name, _mapping(args.map), unread, picked, resolve_district=resolve)
            )
        handle: Any = contextlib.nullcontext()
    else:
        name, handle = text_lines(args.file)
        found = json_incidents(handle, name, picked, resolve)
    selected = 0
    rejected = 0
    first = True
    header = printable(f"Partnership {used['partnership']}; definition {used['definition']}")
    headed = False

    def head() -> None:  # printed before the first output: none when nothing is printed
        nonlocal headed
        if not headed and args.format != "json":
            print(f"{header}\n" if args.format == "text" else _page_head(name, header), file=stdout)
        headed = True

    compared: list[Incident] = []
    doubts = DoubtsOnce()  # a doubt said in full once an output, then referred to
    rows: list[int] = []  # the file row of each incident compared
    with handle:
        for number, its_id, incident in found:
            if (row is not None and number != row) or (ident is not None and its_id != ident):
                continue
            selected += 1
            try:
                if isinstance(incident, DataError):
                    raise incident
                # Facts that contradict the partnership's data (a place of death in a
                # pilot area with pilot_partner false) reject their line, as in classify.
                result = classify(incident, definition, resolve_district=resolve)
            except DataError as exc:
                rejected += 1
                for each in exc.problems:
                    problem = attrs.evolve(each, file=name, row=number)
                    print(f"svduty explain: rejected: {printable(str(problem))}", file=stderr)
                continue
            if compared_with is not None:
                compared.append(incident)
                rows.append(number)
                continue
            head()
            if not first and args.format == "text":
                print(file=stdout)
            first = False
            given = incident.location is not None and bool(incident.location.strip())
            place = placer.where(incident.location) if placed is None else placed[number]
            if args.format == "json":  # one JSON object per line (JSON Lines)
                line_json = {**result.to_json(), "row": number, **used, **place}
                print(json.dumps(line_json, ensure_ascii=False), file=stdout)
            else:
                said = result.explain(args.format)
                where, when = words(place, given=given), duty_time(incident.date)
                if args.format == "text":  # the facts the answers rest on, the place, the time
                    said, doubts = doubts.text(said, result, number)
                    said = given_text(placer.text(said, incident.location, where, when), incident)
                else:
                    said, doubts = doubts.html(said, result, number)
                    said = incident_section(
                        said,
                        incident,
                        placer.html(incident.location, where, when),
                    )
                print(said, file=stdout)
    if (row is not None or ident is not None) and not selected:
        # what was asked for is not there: said on standard error alone, exit status 1
        print(f"svduty explain: error: {printable(str(_none_chosen(name, row)))}", file=stderr)
        return 1
    if compared_with is not None:
        head()
        _compare(compared, rows, (definition, compared_with), args.format, stdout, resolve=resolve)
    elif first and args.format != "json":  # nothing explained: said why
        if (row, ident) != (None, None):  # the one chosen was there, and rejected
            said = _CHOSEN_REJECTED.format(what=f"row {row}" if row is not None else "incident")
        else:
            said = _ALL_REJECTED.format(n=rejected) if rejected > 1 else _NONE["text"]
            said = _ONE_REJECTED if rejected == 1 else said
        head()
        print(said if args.format == "text" else f"<p>{said}</p>", file=stdout)
    if args.format == "html" and headed:
        print("</main></body></html>", file=stdout)
    return 1 if rejected else 0


_CHOSEN_REJECTED = (
    "No incident explained: the {what} chosen was rejected (standard error says why)."
)

_NONE = {
    "text": "No incidents: the file has no line that is an incident.",
    "html": "<p>No incidents: the file has no line that is an incident.</p>",
}

_ONE_REJECTED = "No incidents explained: the only row read was rejected (standard error says why)."

_ALL_REJECTED = (
    "No incidents explained: every one of the {n:,} rows read was rejected (standard error "
    "says why)."
)


def _page_head(name: str, said: str) -> str:
    """The start of the HTML page: its title names the file and the choices made.

    Example:
        >>> _page_head("<in>.jsonl", "Partnership p; definition d")[:15]
        '<!DOCTYPE html>'
        >>> "&lt;in&gt;.jsonl" in _page_head("<in>.jsonl", "")
        True
    """
    title = html.escape(f"svduty explain: {printable(name)}")
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{title}</title>{PAGE_STYLE}</head><body><main><h1>{title}</h1>"
        f"<p>{html.escape(said)}</p>"
    )


def _primed(rows: Iterator[Any]) -> Iterator[Any]:
    """``rows``, their first read already: a table that cannot be read fails before output.

    Example:
        >>> list(_primed(iter([1, 2])))
        [1, 2]
    """
    first = next(rows, _END)
    return rows if first is _END else itertools.chain([first], rows)


_END = object()


def _row_number(text: str) -> int:
    """A ``--row`` value: a row number from 1 in ASCII digits (else a usage error, exit 2).

    Digits of other scripts (``١``, Arabic-Indic one) are no row number, though ``int()``
    reads them: ``classify`` numbers rows in ASCII digits.

    Example:
        >>> _row_number("12")
        12
        >>> _row_number("0")
        Traceback (most recent call last):
        ...
        argparse.ArgumentTypeError: expected a row number from 1
        >>> _row_number("\u0661")
        Traceback (most recent call last):
        ...
        argparse.ArgumentTypeError: expected a row number from 1 (in the digits 0-9)
    """
    digits = text.strip()
    if digits.isdecimal() and not digits.isascii():
        raise argparse.ArgumentTypeError("expected a row number from 1 (in the digits 0-9)")
    try:  # more digits than int() reads (4,300) is a ValueError: not a row either
        number = int(digits) if digits.isdecimal() else 0
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError("expected a row number from 1")
    return number


def _a_folder(name: str) -> Problem:
    """Why a folder is not explained, and how to explain a row ``classify FOLDER`` gave.

    ``--row`` numbers the rows of one file, as ``classify`` does: its output names each
    row's file and row (the ``file`` and ``row`` columns, as its ``--rejected`` file's).

    Example:
        >>> print(_a_folder("months"))
        months: explain reads one file, not a folder; expected a file: for a row of 'svduty classify FOLDER', the file and row classify's output gives it (its file and row columns): svduty explain FILE --row N
    """  # noqa: E501
    return Problem(
        file=name,
        message="explain reads one file, not a folder",
        expected="a file: for a row of 'svduty classify FOLDER', the file and row classify's "
        "output gives it (its file and row columns): svduty explain FILE --row N",
    )


def _none_chosen(name: str, row: int | None) -> Problem:
    """Why ``--row`` or ``--id`` chose nothing (the id is not shown: it may be personal).

    Example:
        >>> print(_none_chosen("in.csv", 9))
        in.csv: --row: expected the row of an incident (row 9 holds none: a blank line, the header, or past the end)
    """  # noqa: E501
    if row is not None:
        why = f"row {row} holds none: a blank line, the header, or past the end"
        return Problem(file=name, field="--row", expected=f"the row of an incident ({why})")
    return Problem(file=name, field="--id", expected="the id of an incident (no row has it)")


def _compare(
    incidents: list[Incident],
    rows: list[int],
    definitions: tuple[Any, Any],
    fmt: str,
    stdout: TextIO,
    *,
    resolve: Any,
) -> None:
    """Print where ``definition`` and ``other`` differ on the incidents (text, JSON, HTML).

    In JSON each difference also names the file ``row`` of its incident (``index``
    counts the incidents read, rejected lines and blank lines left out).
    """
    from svduty.definitions import compare_definitions

    comparison = compare_definitions(incidents, *definitions, resolve_district=resolve)
    if fmt == "json":
        data = comparison.to_json()
        differences: list[dict[str, Any]] = data["differences"]  # type: ignore[assignment]
        for difference in differences:
            difference["row"] = rows[difference["index"]]
        print(json.dumps(versioned("comparison", data), ensure_ascii=False), file=stdout)
    elif fmt == "html":
        print(f"<pre>{html.escape(comparison.to_text())}</pre>", file=stdout)
    else:
        print(comparison.to_text(), file=stdout)
