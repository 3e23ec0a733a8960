"""``svduty governance``: show, change (what-if) and validate a partnership's governance.

Validation is :meth:`Partnership.validate_governance()
<svduty.partnership.Partnership.validate_governance>` (with a scenario,
:meth:`~svduty.partnership.Partnership.what_if`): the CLI and Python give the same
findings, and the CLI lists every rule it checked and every one it skipped.

``--format json`` writes one object: ``governance`` (the graph, in the bundle's
``governance.toml`` shape, so it loads back), and when asked ``scenario``, ``log`` (one
entry per change), ``diff`` (each section as a list of lines), ``authorities``
(``created`` and ``abolished``, ids), ``areas`` (the local government areas after the
scenario) and ``validation`` (``ok``, ``findings``,
``checked``, ``skipped``). ``dot``, ``graphml`` and ``mermaid`` write the (changed) graph.

``--validate`` shows each finding once. With ``text`` and ``json`` the report on standard
output lists every finding, and standard error gets one line when there are errors
(``svduty governance: error: 2 governance error(s) and 1 warning(s), listed in the
report on standard output``); with ``dot``, ``graphml`` and ``mermaid``, whose standard
output is the graph alone, standard error lists each error, one line each. Either way the
exit status is 1 when there are errors. ``--on DAY`` shows and checks the records that
hold on that day (:meth:`~svduty.partnership.Partnership.validate_governance`'s ``on``).

Example:
    >>> import io
    >>> from svduty.cli import main
    >>> out = io.StringIO()
    >>> main(["governance", "--validate"], stdout=out)
    0
    >>> "0 error(s)" in out.getvalue()
    True
    >>> main(["governance", "--scenario", "lgr-two-unitaries", "--validate"], stdout=out,
    ...      stderr=io.StringIO())
    1
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

import attrs

from svduty._commands._examples import EXIT_TAIL
from svduty._commands._json import versioned
from svduty._commands._options import add_partnership, load_named_partnership
from svduty._commands._paths import shell_word
from svduty._commands._typed import read_as_path, said
from svduty._near import did_you_mean
from svduty.errors import DataError, ScenarioError, printable
from svduty.findings import Findings
from svduty.governance import GovernanceGraph, findings_text
from svduty.io import dump_governance, read_scenario
from svduty.io._missing import link_trouble
from svduty.periods import date

if TYPE_CHECKING:
    import pendulum

__all__ = ["HOW_TO_GOVERNANCE", "register"]

HOW_TO_GOVERNANCE = (
    "write one as the how-to 'Write a bundle for another area' shows (docs/howto/"
    "write-a-bundle.rst, section 'Governance and funding'), or see the packaged "
    "warwickshire bundle's governance.toml"
)
"""Where a user learns to write ``governance.toml`` (said when a bundle has none)."""

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
        epilog="exit status: 0 the graph was shown (with --validate: no error; warnings do "
        "not fail it); 1 --validate found errors, or the bundle has no governance.toml, or "
        "the scenario cannot be found, read or applied; " + EXIT_TAIL,
    )
    add_partnership(p)
    p.add_argument(
        "--scenario",
        metavar="NAME|FILE",
        help="a scenario to apply: the name of one of the partnership's scenarios "
        "(such as lgr-two-unitaries) or a scenario TOML file",
    )
    p.add_argument(
        "--validate",
        action="store_true",
        help="check the governance (national rules and the partnership's own); list every "
        "rule checked and skipped; exit 1 when there are errors",
    )
    p.add_argument(
        "--on",
        metavar="YYYY-MM-DD",
        help="show and validate the bodies and relations whose records hold on this day "
        "(what only a lapsed record causes is a 'not known' warning, not an error); not "
        "with --scenario, which is checked on its effective day (a scenario that gives "
        "none: against every record, lapsed ones too)",
    )
    p.add_argument(
        "--format", choices=FORMATS, default="text", help="output format (default: text)"
    )
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
    if graph is None and args.scenario is None:  # a what-if of authorities needs no graph
        print(
            f"svduty governance: error: the bundle {printable(str(args.partnership))} has no "
            f"governance.toml; "
            f"{HOW_TO_GOVERNANCE} (a --scenario of authorities and areas needs none)"
            + (
                f"; svduty validate {printable(shell_word(args.partnership))} checks its "
                "authorities"
                if args.validate
                else ""
            ),
            file=stderr,
        )
        return 1
    day = _day(args, stderr)
    if isinstance(day, int):
        return day
    result: dict[str, Any] = {"partnership": partnership.name}
    text: list[str] = []
    final = graph if graph is not None else GovernanceGraph()
    findings: Findings | None = None
    if args.scenario is not None:
        if args.scenario == "-" or (
            args.scenario not in partnership.scenarios and not Path(args.scenario).exists()
        ):
            names = ", ".join(sorted(partnership.scenarios))
            what = (  # a path is named (escaped), as any input file; a name is screened
                "--scenario -: a scenario is not read from standard input"
                if args.scenario == "-"
                else f"{said(args.scenario)}: {link_trouble(args.scenario) or 'file not found'}"
                if read_as_path(args.scenario)
                else _no_scenario(said(args.scenario))
                + did_you_mean(args.scenario, partnership.scenarios)
            )
            give = (
                f"give one of the partnership's scenarios ({names}) or a scenario TOML file"
                if names
                else f"the partnership {partnership.name} has no scenarios: give a scenario "
                "TOML file"
            )
            print(f"svduty governance: error: {what}: {give}", file=stderr)
            return 1
        scenario = (
            partnership.scenarios[args.scenario]
            if args.scenario in partnership.scenarios
            else read_scenario(Path(args.scenario), partnership.sources)
        )
        try:
            what_if = partnership.what_if(scenario)
        except ScenarioError as exc:
            if args.scenario in partnership.scenarios:
                raise
            # name the file the scenario came from, not only the scenario
            here = f"scenario {scenario.name}"
            raise ScenarioError(
                [attrs.evolve(p, file=args.scenario) if p.file == here else p for p in exc.problems]
            ) from None
        final = what_if.governance
        result.update(what_if.as_dict())
        del result["validation"]
        text += [str(what_if.named_log()), "", "changes:", what_if.diff.to_text()]
        text += ["", *what_if.authorities_lines()]
        text += [what_if.areas_text()]
        findings = what_if.findings if args.validate else None
    else:
        if day is not None:
            final = final.as_at(day)
            result["on"] = day.isoformat()
        if args.validate:
            findings = partnership.validate_governance(on=day)
    if args.format == "dot":
        print(final.to_dot(), file=stdout)
    elif args.format == "mermaid":
        print(final.to_mermaid(), file=stdout)
    elif args.format == "graphml":
        print(final.to_graphml(), file=stdout)
    elif args.format == "json":
        result["governance"] = dump_governance(final)
        if findings is not None:
            result["validation"] = findings.as_dict()
        print(
            json.dumps(versioned("governance", result), indent=2, ensure_ascii=False), file=stdout
        )
    else:
        if args.scenario is None:
            text.append(final.to_text())
        if findings is not None:
            text += ["", "validation:", findings_text(findings)]
        print("\n".join(text).strip("\n"), file=stdout)
    if findings is not None and not findings.ok:
        if args.format in ("text", "json"):  # the report on standard output lists them
            errors, warnings = len(findings.errors), len(findings.warnings)
            print(
                f"svduty governance: error: {errors} governance error(s) and {warnings} "
                "warning(s), listed in the report on standard output",
                file=stderr,
            )
        else:  # standard output is the graph alone
            for f in findings.errors:
                print(f"svduty governance: {f}", file=stderr)
        return 1
    return 0


def _no_scenario(quoted: str) -> str:
    """``no scenario 'name'``, or for a name not shown, what was given in brackets.

    Example:
        >>> _no_scenario("'lgr'"), _no_scenario("a string of 4 characters, not shown")
        ("no scenario 'lgr'", 'no scenario of that name (a string of 4 characters, not shown)')
    """
    return (
        f"no scenario {quoted}"
        if quoted.startswith("'")
        else f"no scenario of that name ({quoted})"
    )


def _day(args: argparse.Namespace, stderr: TextIO) -> pendulum.Date | int | None:
    """The day of ``--on``; or, said on ``stderr``, exit status 2 for a bad one."""
    on = getattr(args, "on", None)
    if on is None:
        return None
    if args.scenario is not None:
        print(
            "svduty governance: error: give --on or --scenario, not both (a scenario is "
            "checked on its effective day)",
            file=stderr,
        )
        return 2
    try:
        return date(on)
    except DataError:
        print("svduty governance: error: --on: expected a calendar date YYYY-MM-DD", file=stderr)
        return 2
