"""``svduty schema``: the JSON Schema of every JSON document a command writes or reads.

A developer finds the contract from the command line, as ``terraform providers schema
-json`` and ``kubectl explain`` give theirs: ``svduty schema`` lists the documents (the
command that writes each, its version, its schema's ``$id``); ``svduty schema NAME``
prints one schema (JSON Schema, draft 2020-12), the same dict as
:func:`svduty.io.document_schema`, :func:`svduty.io.classification_schema` or
:func:`svduty.io.incident_schema` give.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from typing import Any, TextIO

from svduty._commands._examples import EXIT_TAIL

__all__ = ["DOCUMENTS", "register", "run", "schema"]

DOCUMENTS: dict[str, str] = {
    "comparison": "svduty explain --compare-definition ID --format json",
    "funding": "svduty funding --format json",
    "governance": "svduty governance --format json (with --scenario, --validate)",
    "info": "svduty info --format json",
    "summary": "svduty classify --summary json",
    "validate": "svduty validate --format json",
    "row": "svduty classify -o rows.jsonl (police.uk input: each line)",
    "incident_row": "svduty classify --input-format incidents (each JSON Lines row out)",
    "classification": "svduty explain --format json (each line)",
    "incident": "read by svduty explain and classify --input-format incidents (each line)",
}
"""Each schema ``svduty schema NAME`` prints, and what writes (or reads) that document."""


def schema(name: str) -> dict[str, Any]:
    """The JSON Schema ``svduty schema NAME`` prints.

    Example:
        >>> schema("summary")["$id"]
        'https://svduty.readthedocs.io/schema/summary/1.json'
        >>> schema("classification")["$id"]
        'https://svduty.readthedocs.io/schema/classification/2.json'
    """
    from svduty import io

    others: dict[str, Callable[[], dict[str, Any]]] = {
        "classification": io.classification_schema,
        "incident": io.incident_schema,
    }
    made = others.get(name)
    return made() if made is not None else io.document_schema(name)  # type: ignore[arg-type]


def _listing(out: TextIO) -> None:
    """The documents, one line each: name, version (from ``$id``), what writes it."""
    width = max(len(n) for n in DOCUMENTS)
    print("JSON documents (svduty schema NAME prints one's JSON Schema):", file=out)
    for name, what in DOCUMENTS.items():
        version = schema(name)["$id"].rsplit("/", 1)[-1].removesuffix(".json")
        print(f"  {name:<{width}}  v{version:<2} {what}", file=out)


def run(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    """Print one document's JSON Schema, or list them.

    Example:
        >>> import io, argparse
        >>> out = io.StringIO()
        >>> run(argparse.Namespace(name="validate"), out, io.StringIO())
        0
        >>> json.loads(out.getvalue())["title"]
        'svduty validate'
        >>> out = io.StringIO()
        >>> run(argparse.Namespace(name=None), out, io.StringIO())
        0
        >>> out.getvalue().splitlines()[1]
        '  comparison      v1  svduty explain --compare-definition ID --format json'
    """
    if args.name is None:
        _listing(stdout)
        return 0
    json.dump(schema(args.name), stdout, indent=2, ensure_ascii=False)
    stdout.write("\n")
    return 0


def register(subparsers: Any) -> None:
    """Add the ``schema`` command.

    Example:
        >>> from svduty.cli import build_parser
        >>> build_parser().parse_args(["schema", "info"]).name
        'info'
    """
    parser = subparsers.add_parser(
        "schema",
        help="print the JSON Schema of a JSON document a command writes (or list them)",
        description="Print the JSON Schema (draft 2020-12) of a JSON document a command "
        "writes or reads, its version in its $id; with no NAME, list the documents, "
        "the version of each and the command that writes it. A document's svduty_schema "
        'key ("info/3") names its schema and version.',
        epilog="exit status: 0 the schema or the list was printed; 1 it could not be "
        "written (standard output full or failing: it reads no file); "
        + EXIT_TAIL
        + " A NAME that names no document is a wrong command line (2).",
    )
    parser.add_argument(
        "name",
        nargs="?",
        choices=list(DOCUMENTS),
        metavar="NAME",
        help="the document: " + ", ".join(DOCUMENTS) + " (default: list them)",
    )
    parser.set_defaults(run=run)
