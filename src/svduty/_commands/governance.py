"""``svduty governance``: show, change (what-if) and validate a partnership's governance.

``--format json`` writes one object: ``governance`` (the graph, in the bundle's
``governance.toml`` shape, so it loads back), and when asked ``scenario``, ``log`` (one
entry per change), ``diff`` (each section as a list of lines) and ``validation`` (``ok``,
``findings``, ``skipped``). ``dot``, ``graphml`` and ``mermaid`` write the (changed) graph.

Example:
    >>> import io
    >>> from svduty.cli import main
    >>> out = io.StringIO()
    >>> main(["governance", "--validate"], stdout=out)
    0
    >>> "0 error(s)" in out.getvalue()
    True
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any, TextIO

from svduty._commands._options import add_partnership, load_named_partnership
from svduty.governance import GovernanceGraph
from svduty.io import dump_governance, read_scenario

__all__ = ["register"]

FORMATS = ("text", "json", "dot", "graphml", "mermaid")


def register(subparsers: Any) -> None:
    """Add the ``governance`` command to the CLI.

    Example:
        >>> from svduty.cli import build_parser
        >>> build_parser().parse_args(["governance", "--format", "dot"]).format
        'dot'
    """
    p = subparsers.add_parser(
        "governance",
        help="show, change (what-if) and validate a partnership's governance graph",
        description=(
            "Print a partnership's governance graph (bodies and their cited relations), "
            "optionally after applying a what-if scenario, and validate it against the "
            "partnership's districts, specified authorities and timetable."
        ),
    )
    add_partnership(p)
    p.add_argument("--scenario", type=Path, metavar="FILE", help="a scenario TOML file to apply")
    p.add_argument(
        "--validate",
        action="store_true",
        help="check the graph; exit 1 when there are errors",
    )
    p.add_argument("--format", choices=FORMATS, default="text", help="output format")
    p.set_defaults(run=run)


def run(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    """Run ``svduty governance``.

    Example:
        >>> import io
        >>> from svduty.cli import main
        >>> out = io.StringIO()
        >>> main(["governance", "--format", "mermaid"], stdout=out)
        0
        >>> out.getvalue().splitlines()[0]
        'flowchart TB'
    """
    partnership = load_named_partnership(args.partnership)
    graph = partnership.governance
    if graph is None:
        print(
            f"svduty governance: error: the bundle {args.partnership} has no governance.toml",
            file=stderr,
        )
        return 1
    result: dict[str, Any] = {"partnership": partnership.name}
    text: list[str] = []
    final: GovernanceGraph = graph
    if args.scenario is not None:
        scenario = read_scenario(args.scenario, partnership.sources)
        final, log = graph.apply(scenario)
        diff = graph.diff(final)
        result["scenario"] = scenario.name
        result["log"] = [
            {"index": e.index, "op": e.change.op, "message": e.message} for e in log.entries
        ]
        result["diff"] = diff.to_json()
        text += [str(log), "", "changes:", diff.to_text()]
    # The timetable describes the bundle as it is, so it is checked only without a scenario.
    findings = (
        partnership.validate_governance(final, check_timetable=args.scenario is None)
        if args.validate
        else None
    )
    if args.format == "dot":
        print(final.to_dot(), file=stdout)
    elif args.format == "mermaid":
        print(final.to_mermaid(), file=stdout)
    elif args.format == "graphml":
        print(final.to_graphml(), file=stdout)
    elif args.format == "json":
        result["governance"] = dump_governance(final)
        if findings is not None:
            result["validation"] = findings.to_json()
        print(json.dumps(result, indent=2, ensure_ascii=False), file=stdout)
    else:
        if args.scenario is None:
            text.append(final.to_text())
        if findings is not None:
            text += ["", "validation:", findings.to_text()]
        print("\n".join(text).strip("\n"), file=stdout)
    if findings is not None and not findings.ok:
        for f in findings.errors:
            print(f"svduty governance: {f}", file=stderr)
        return 1
    return 0
