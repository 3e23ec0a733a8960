"""``svduty validate``: check a bundle folder and name every problem."""

from __future__ import annotations

import argparse
import json
from typing import Any, TextIO

from svduty.io import validate_bundle

__all__ = ["register", "run"]


def run(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    r"""Validate a bundle; exit 0 if good, 1 with one line per problem if not.

    Example:
        >>> import io, argparse
        >>> out = io.StringIO()
        >>> run(argparse.Namespace(path="warwickshire", format="text"), out, io.StringIO())
        0
        >>> out.getvalue()
        'warwickshire: ok\n'
    """
    problems = validate_bundle(args.path)
    if args.format == "json":
        json.dump(
            {
                "bundle": str(args.path),
                "ok": not problems,
                "problems": [
                    {"file": p.file, "row": p.row, "field": p.field, "problem": p.what()}
                    for p in problems
                ],
            },
            stdout,
            indent=2,
        )
        stdout.write("\n")
    elif not problems:
        print(f"{args.path}: ok", file=stdout)
    for p in problems:
        print(str(p), file=stderr)
    return 1 if problems else 0


def register(subparsers: Any) -> None:
    """Add the ``validate`` command.

    Example:
        >>> from svduty.cli import build_parser
        >>> build_parser().parse_args(["validate", "some/dir"]).path
        'some/dir'
    """
    parser = subparsers.add_parser(
        "validate",
        help="check a bundle folder; one line per problem (file: field: what was expected)",
        description="Check a partnership bundle (a folder of TOML files). Exit 0 if it is "
        "good; otherwise exit 1 and print one line per problem to standard error, naming the "
        "file, the field path and what was expected.",
    )
    parser.add_argument("path", metavar="PATH", help="the bundle folder (or a packaged name)")
    parser.add_argument(
        "--format", choices=["text", "json"], default="text", help="output format (default: text)"
    )
    parser.set_defaults(run=run)
