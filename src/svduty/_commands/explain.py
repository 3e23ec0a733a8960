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
    >>> out.getvalue().splitlines()[3]
    '  violence:            yes'
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, TextIO

from svduty._commands._options import add_definition, add_partnership, chosen
from svduty.definitions import Incident, classify
from svduty.errors import DataError, Problem

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
            "Read incidents (one JSON object per line, the incident contract) and print, "
            "for each, whether it is violence within s.13, within the definition, domestic "
            "abuse, a qualifying homicide and whether a homicide review is required, with "
            "the reasons and the facts that are missing. Bad lines are reported on "
            "standard error; the rest are still explained."
        ),
    )
    p.add_argument("file", help="a JSON Lines file of incidents ('-' for standard input)")
    add_partnership(p)
    add_definition(p)
    p.add_argument(
        "--compare-definition",
        metavar="ID|PATH",
        help="instead, compare two definitions on the incidents: where the definition and "
        "this one (a national, packaged or published id such as london-vru, or a .toml "
        "file) give different 'in scope' answers, and which rule makes the difference",
    )
    p.add_argument("--format", choices=("text", "json", "html"), default="text")
    p.set_defaults(run=run)


def run(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    """Explain every incident of the file; exit 1 if any line was rejected.

    Example:
        >>> import io
        >>> ns = argparse.Namespace(file="/no/such/file.jsonl", definition="pcsc-s13",
        ...                         partnership="warwickshire", format="text")
        >>> err = io.StringIO()
        >>> run(ns, io.StringIO(), err)
        1
        >>> "cannot read" in err.getvalue()
        True
    """
    choice = chosen(args, sections=("areas", "definition"))
    definition = choice.definition
    assert definition is not None  # chosen() always resolves one
    resolve = choice.partnership.geography.district_code_of
    used = choice.as_dict()
    name = "<stdin>" if args.file == "-" else args.file
    try:
        handle = sys.stdin if args.file == "-" else open(args.file, encoding="utf-8")  # noqa: SIM115
    except OSError:
        print(f"svduty explain: error: cannot read {name}", file=stderr)
        return 1
    rejected = 0
    first = True
    if args.format == "text":
        print(f"Partnership {used['partnership']}; definition {used['definition']}", file=stdout)
        print(file=stdout)
    compared: list[Incident] = []
    with handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                try:
                    data = json.loads(line)
                except json.JSONDecodeError:
                    raise DataError(
                        Problem(file=name, row=number, expected="a JSON object on one line")
                    ) from None
                incident = Incident.from_json(data, line=number, file=name)
            except DataError as exc:
                rejected += 1
                print(f"svduty explain: rejected: {exc}", file=stderr)
                continue
            if getattr(args, "compare_definition", None):
                compared.append(incident)
                continue
            if not first and args.format == "text":
                print(file=stdout)
            first = False
            result = classify(incident, definition, resolve_district=resolve)
            if args.format == "json":  # one JSON object per line (JSON Lines)
                line_json = {**result.to_json(), **used}
                print(json.dumps(line_json, ensure_ascii=False), file=stdout)
            else:
                print(result.explain(args.format), file=stdout)
    if getattr(args, "compare_definition", None):
        _compare(compared, definition, args.compare_definition, args.format, stdout)
    return 1 if rejected else 0


def _compare(
    incidents: list[Incident], definition: Any, other: str, fmt: str, stdout: TextIO
) -> None:
    """Print where ``definition`` and ``other`` differ on the incidents (text or JSON)."""
    from svduty.definitions import compare_definitions
    from svduty.io._published import resolve_definition

    comparison = compare_definitions(incidents, definition, resolve_definition(other))
    if fmt == "json":
        print(json.dumps(comparison.to_json(), ensure_ascii=False), file=stdout)
    else:
        print(comparison.to_text(), file=stdout)
