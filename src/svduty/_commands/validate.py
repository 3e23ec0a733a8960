"""``svduty validate``: check a bundle folder and name every problem.

``validate`` checks everything it can: the structure and completeness of every file
(:func:`svduty.io.validate_bundle`) and, when the bundle has a ``governance.toml`` and
nothing else is wrong, the governance checks ``svduty governance --validate`` runs
(:meth:`Partnership.validate_governance()
<svduty.partnership.Partnership.validate_governance>`): a governance error is a problem
(exit 1), a warning is printed but does not fail the bundle.

The findings are the command's output, as ``svduty governance --validate`` writes its
report: each problem and warning on standard output (``--format json``: the document
alone), and one line on standard error when there are problems, saying how many.

A good bundle's last words say what is left to fill in or confirm
(:mod:`svduty._commands._to_fill_in`): the names ``svduty init`` left ``to name``, and a
count per file of the unconfirmed citations (``--list``: each doubt with its fields;
``--format json``: every field, ``to_fill_in``); the last line counts them
(``rugby: ok, 23 to fill in or confirm``). They do not fail the bundle.
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path
from typing import Any, TextIO

import attrs

from svduty._commands._examples import EXIT_TAIL
from svduty._commands._json import versioned
from svduty._commands._options import (
    ENVIRONMENT,
    FromEnvironment,
    _option,
    _require_bundle,
    default_partnership,
)
from svduty._commands._paths import shell_word
from svduty._commands._to_fill_in import listed_lines, short_lines, to_fill_in
from svduty._shown import PrintableLines
from svduty.definitions._seriousness import seriousness_findings
from svduty.errors import BundleError, Problem, printable, sources_once
from svduty.findings import Finding, Severity
from svduty.io._bundle import MANIFEST, _checked, is_packaged
from svduty.io._completeness import completeness_warnings
from svduty.io._files import what_is
from svduty.io._sections import SECTIONS

__all__ = ["checked", "register", "run"]

GOVERNANCE_FILE = "governance.toml"
FUNDING_FILE = "funding.toml"
DEFINITION_FILE = "definition.toml"


def checked(path: str | Path) -> tuple[list[Problem], list[Problem]]:
    """Every problem of a bundle, and its warnings, loading it once.

    The problems of :func:`svduty.io.validate_bundle` and, when there are none and the
    bundle has a governance graph, the errors of its governance checks. The warnings: an
    s.13(6) factor the definition does not record taking account of
    (:func:`~svduty.definitions._seriousness.seriousness_findings`), a local government
    area code the national tables do not have (``BUNDLE-ONS``), a
    funding figure its parts do not sum to (:meth:`FundingModel.reconcile()
    <svduty.funding.FundingModel.reconcile>`: the documents' own figures, reported, never
    corrected) and the governance checks' warnings. Each governance
    problem names ``governance.toml`` and the rule (``GOV-CYCLE``, ``GOV-SCHEDULE-1``,
    ...) as its field.

    Example:
        >>> errors, warnings = checked("warwickshire")
        >>> errors, sorted({w.field for w in warnings})
        ([], ['GOV-ISOLATED', 'GOV-SPECIFIED', 'S13-6-FACTORS', 'stated-total'])
        >>> errors, warnings = checked("examplshire")  # made up: codes no real area has
        >>> errors, [w.field for w in warnings]
        ([], ['areas[0].code', 'areas[3].code', 'areas[4].code'])
    """
    partnership, problems = _checked(path)  # validate_bundle, keeping the partnership
    if partnership is None or problems:
        return problems, _stray_files(path)

    def problem(f: Finding, file: str = GOVERNANCE_FILE) -> Problem:
        return Problem(file=file, field=f.rule, message=f.message)

    strays = _stray_files(path) + completeness_warnings(partnership)  # BUNDLE-ONS codes
    funding = partnership.funding.reconcile() if partnership.funding is not None else ()
    # a stated figure its parts do not sum to: the documents' own, reported, not corrected
    sums = [problem(f, FUNDING_FILE) for f in funding if f.severity is Severity.WARNING]
    if partnership.definition is not None:  # s.13(6): factors account must be taken of
        sums += [problem(f, DEFINITION_FILE) for f in seriousness_findings(partnership.definition)]
    if partnership.governance is None:
        return [], strays + sums
    findings = partnership.validate_governance()
    warnings = strays + sums + [problem(f) for f in findings.warnings]
    return [problem(f) for f in findings.errors], warnings


def _stray_files(path: str | Path) -> list[Problem]:
    """A TOML file in a bundle folder that svduty does not read (``Funding.toml``...).

    And a bundle file that is a link out of the folder (the target is never shown).

    Example:
        >>> import tempfile, pathlib
        >>> folder = pathlib.Path(tempfile.mkdtemp())
        >>> (folder / "Funding.toml").write_text("")
        0
        >>> print(_stray_files(folder)[0])  # doctest: +ELLIPSIS
        /.../Funding.toml: not a file of a bundle: svduty does not read it (did you mean funding.toml?)
    """  # noqa: E501
    folder = Path(path)
    if is_packaged(path) or not folder.is_dir():
        return []
    read = {MANIFEST, *(spec.file for spec in SECTIONS.values())}
    out = []
    inside = Path(os.path.realpath(folder))  # not Path.resolve: a link loop, RuntimeError
    for f in sorted(folder.glob("*.toml")):  # (a loop stays inside: the loader names it)
        if f.name in read and f.is_symlink() and not _real(f).is_relative_to(inside):
            why = (  # the target is not shown: a link may point anywhere
                "a link to a file outside the bundle folder: svduty reads it, but a copy "
                "of the folder would not hold it (copy the file into the folder)"
            )
            out.append(Problem(file=str(f), message=why))
        elif f.name not in read:
            like = [name for name in sorted(read) if name.lower() == f.name.lower()]
            hint = f" (did you mean {like[0]}?)" if like else ""
            why = f"not a file of a bundle: svduty does not read it{hint}"
            out.append(Problem(file=str(f), message=why))
    return out


def _real(f: Path) -> Path:
    """Where the link ``f`` leads; a link loop is left where it is (not an error here)."""
    return Path(os.path.realpath(f))


NAME_PATH = "NAME|PATH"
"""What ``validate`` takes, as every command's ``--partnership`` (users52b: it said ``PATH``,
though a packaged bundle's name is checked too: ``svduty validate warwickshire``)."""


def _missing(path: str) -> Problem | None:
    """The problem of a bundle that is no folder and no packaged name, as other commands say it.

    The name is screened: a name typed by hand may be anything.

    Example:
        >>> _missing("Jane Doe").what()
        "no such folder, and not a packaged bundle (a folder of 8 characters, not shown); expected a packaged bundle's name (warwickshire, examplshire) or a bundle folder (to start one: svduty init FOLDER --area CODE)"
    """  # noqa: E501
    if is_packaged(path) or os.path.exists(path):
        return None
    try:
        _require_bundle(path, _option(path, NAME_PATH))
    except BundleError as exc:
        return exc.problems[0]
    return None  # pragma: no cover - _require_bundle refuses every missing path


def _not_a_bundle(path: str, option: str = NAME_PATH) -> Problem | None:
    """The one problem of a path that is no bundle folder, or ``None`` (see below).

    Standard input, a file, or a folder without ``bundle.toml`` is no bundle folder; a bundle
    is, and a name :func:`_missing` refuses is left to it.

    Example:
        >>> _not_a_bundle("-").what()[:40]
        'expected a bundle folder or a packaged b'
    """
    folder = Path(path)
    if path == "-":  # as report and funding --split say it
        where = "a bundle folder or a packaged bundle's name (validate reads no standard input)"
        return Problem(file="-", field=option, expected=where)
    if is_packaged(path) or not folder.exists() or (folder / MANIFEST).exists():
        return None
    if folder.is_dir():
        what, start = f"no {MANIFEST}", shell_word(path)
    else:  # a file, a named pipe, a device (hostile61: all were "a file")
        what, start = what_is(path), "FOLDER"
    return Problem(
        file=path,  # as typed
        message=f"not a bundle folder: {what}",
        expected=f"a bundle (to start one: svduty init {start} --area CODE)",
    )


def run(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    r"""Validate a bundle; exit 0 if good, 1 with one line per problem if not.

    An unknown source is one line however many citations name it (``unknown source: x
    (cited 12 times: citation, kinds[0].citation, kinds[1].citation and 9 more)``): one
    fix, declaring it, mends them all. ``--format json`` lists each citation's problem,
    as before.

    Example:
        >>> import io, argparse
        >>> out = io.StringIO()
        >>> run(argparse.Namespace(path="examplshire", format="text"), out, io.StringIO())
        0
        >>> out.getvalue().splitlines()[-1]  # after the warnings (its codes are made up)
        'examplshire: ok'
    """
    given = [p for p in (args.path, getattr(args, "partnership", None)) if p is not None]
    if not given and isinstance(default := default_partnership(), FromEnvironment):
        given = [default]  # SVDUTY_PARTNERSHIP, as every other command reads it
    if len(given) != 1:
        said = "not both" if given else "the bundle folder (or a packaged name)"
        give = f"give {NAME_PATH} or --partnership {NAME_PATH}"
        print(f"svduty validate: error: {give}: {said}", file=stderr)
        return 2
    path = given[0]
    missing = _missing(path) if str(path) != "-" else None  # '-' is no missing folder
    empty = missing or _not_a_bundle(str(path), _option(path, NAME_PATH))
    problems, warnings = ([empty], []) if empty is not None else checked(path)
    if isinstance(path, FromEnvironment):  # the variable named it, not the command line
        problems = [attrs.evolve(p, field=p.field or ENVIRONMENT) for p in problems]
    # a name typed by hand is shown only when it is safe to
    bundle = str(path) if missing is None else missing.file or "(not shown)"
    found = to_fill_in(path) if empty is None and not problems else []
    if args.format == "json":
        listed = {
            key: [
                {"file": p.file, "row": p.row, "field": p.field, "problem": p.what()} for p in found
            ]
            for key, found in (("problems", problems), ("warnings", warnings))
        }
        data = {
            "bundle": bundle,
            "ok": not problems,
            **listed,
            "to_fill_in": [f.as_dict() for f in found],
        }
        json.dump(versioned("validate", data), stdout, indent=2)
        stdout.write("\n")
    if empty is not None:  # no bundle to check: the command's error, on standard error
        print(f"svduty validate: error: {problems[0]}", file=stderr)
        return 1
    if args.format != "json":  # a bundle's findings are the command's output (JSON lists
        for p in sources_once(problems):  # each citation of an unknown source)
            print(str(_openable(p, path)), file=stdout)
        for p in warnings:
            print(f"warning: {_openable(p, path)}", file=stdout)
        if found:  # a bundle's own words (its doubts): printed as they print
            words = listed_lines(found) if args.list else short_lines(found, shell_word(path))
            print(*words, sep="\n", file=PrintableLines(stdout))
        if not problems:
            left = f", {len(found)} to fill in or confirm" if found else ""
            print(f"{printable(bundle)}: ok{left}", file=stdout)
    if problems:  # one line on standard error, as svduty governance --validate writes
        print(
            f"svduty validate: error: {len(sources_once(problems))} problem(s) in the bundle, "
            "listed on standard output",
            file=stderr,
        )
    return 1 if problems else 0


def _openable(problem: Problem, bundle: str) -> Problem:
    """``problem`` naming its file as the user can open it: in the bundle folder as typed.

    A bundle's problems name its files by their names in the bundle (``authorities.toml``,
    as the JSON's ``file`` keeps them beside ``bundle``); the text joins them to the folder
    given (``./leeds/authorities.toml``). A packaged bundle's, given by name, are left.

    Example:
        >>> import tempfile
        >>> folder = tempfile.mkdtemp()
        >>> str(_openable(Problem(file="areas.toml", message="m"), folder)) == (
        ...     f"{folder}/areas.toml: m")
        True
        >>> str(_openable(Problem(file="areas.toml", message="m"), "warwickshire"))
        'areas.toml: m'
    """
    name = problem.file
    if name is None or os.path.isabs(name) or is_packaged(bundle) or not os.path.isdir(bundle):
        return problem
    if name == bundle or name.startswith(os.path.join(bundle, "")):  # named in full already
        return problem
    return attrs.evolve(problem, file=os.path.join(bundle, name))


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
        description="Check a partnership bundle (a folder of TOML files): the structure and "
        "completeness of every file and, when it has a governance.toml, the governance "
        "checks of 'svduty governance --validate' (national rules and the partnership's "
        "declared rules). Exit 0 if it is good; otherwise exit 1 and print one line per "
        "problem to standard output (and a count of them to standard error), naming the "
        "file, the field path (for a governance check, its rule) and what was expected (an "
        "unknown source once, with how many citations name it). Funding figures that do "
        "not add up and governance warnings are printed too ('warning: ...', on "
        "standard output) but do not fail the bundle. A good bundle's output ends with "
        "what is left to fill in or confirm: the names 'svduty init' left 'to name' and, "
        'per file, how many citations say confidence = "unconfirmed" (--list: each '
        "doubt with its fields), and the last line counts them ('DIR: ok, 23 to fill in or "
        "confirm'). --format json writes one JSON document alone to standard output "
        "(every field left: to_fill_in).",
        epilog="exit status: 0 the bundle is good (warnings aside); 1 it has problems, or "
        "it cannot be checked (no such folder, no bundle.toml); " + EXIT_TAIL,
    )
    parser.add_argument(
        "path", metavar=NAME_PATH, nargs="?", help="the bundle folder (or a packaged name)"
    )
    parser.add_argument(
        "--partnership",
        metavar=NAME_PATH,
        help="the bundle, as the other commands take it (instead of NAME|PATH; with neither, "
        "the bundle SVDUTY_PARTNERSHIP names, if set)",
    )
    parser.add_argument(
        "--list",
        action="store_true",
        help="for a good bundle, each doubt left to confirm with every field it is of (without "
        "it: a count per file; --format json lists every field)",
    )
    parser.add_argument(
        "--format", choices=["text", "json"], default="text", help="output format (default: text)"
    )
    parser.set_defaults(run=run)
