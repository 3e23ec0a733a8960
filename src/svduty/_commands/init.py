"""``svduty init``: write a starting bundle for any partnership in England and Wales."""

from __future__ import annotations

import argparse
from typing import Any, TextIO

import attrs

from svduty._commands._examples import EXIT_TAIL
from svduty._commands._paths import shell_word
from svduty._shown import PrintableLines
from svduty.areas import Geography
from svduty.authorities import Role
from svduty.authorities._model import one_id_per_body
from svduty.errors import BundleError, InputFormatError, Problem
from svduty.io import load_partnership, new_bundle, validate_bundle
from svduty.io._area_hints import region_note
from svduty.io._new_authorities import plain_name
from svduty.io._new_bundle import part_of, same_name

__all__ = ["register", "run"]


def run(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    r"""Write the bundle, validate it, and say what to edit; exit 1 naming each problem.

    Example:
        >>> import io, argparse, tempfile
        >>> out = io.StringIO()
        >>> d = tempfile.mkdtemp() + "/rugby"
        >>> run(argparse.Namespace(dir=d, area=["E07000220"], name=None, title=None,
        ...                        force=False), out, io.StringIO())
        0
        >>> print(out.getvalue().splitlines()[1])
        local government areas (1): Rugby
    """
    if args.dir == "-":  # not standard output: a folder named '-'
        where = "a folder's name ('-' is no folder: a bundle is several files)"
        raise InputFormatError(Problem(file="-", field="DIR", expected=where))
    try:
        path = new_bundle(
            args.dir, args.area, name=args.name, title=args.title, overwrite=args.force
        )
    except BundleError as exc:
        for p in exc.problems:
            print(f"svduty init: error: {_for_the_command(p, args.area)}", file=stderr)
        return 1
    problems = validate_bundle(path)
    for problem in problems:  # pragma: no cover - a generated bundle validates (tests/areas)
        print(f"svduty init: error: {problem}", file=stderr)
    partnership = load_partnership(path)
    # the names as --area was read: the national tables, not the bundle's records (which
    # hold the districts abolished in 2023 too: "Allerdale" the district, not the CSP)
    national = Geography.england_and_wales()
    for n, given in enumerate(args.area):
        option = "--area" if len(args.area) == 1 else f"--area #{n + 1}"
        for other in same_name(national, given):
            print(
                f"svduty init: note: {option}: there is also the "
                f"{other.kind.value.replace('_', ' ')} {other.name} ({other.id}); give its "
                "code to start from it instead",
                file=stderr,
            )
        if wider := region_note(national, given):
            print(f"svduty init: note: {option}: {wider}", file=stderr)
        split = part_of(national, given)
        if split is not None:
            csp, district, others = split
            print(
                f"svduty init: note: {option}: {csp.name} ({csp.id}) is one of the "
                f"{len(others) + 1} community safety partnerships of {district.name} "
                f"({district.id}): the bundle covers the whole district (the tables place "
                "districts, not LSOAs, in CSPs)",
                file=stderr,
            )
    names = [plain_name(n) for n in partnership.local_area.areas()]  # no "Bristol, City of"
    out = PrintableLines(stdout)  # a title or folder name given on the command line
    print(f"{path}: a starting bundle for {partnership.title}", file=out)
    print(f"local government areas ({len(names)}): {', '.join(names)}", file=out)
    every = partnership.authorities.by_role(Role.SPECIFIED_AUTHORITY)
    now = one_id_per_body(every, (), {a.id for a in every if a.valid.end is None})
    ended = f" ({len(every)} records, with those that ended or are one body)"
    print(
        f"specified authorities: {len(now)}{ended if len(now) != len(every) else ''}; edit "
        'the placeholders (citations with confidence = "unconfirmed"), then run: svduty '
        f"validate {shell_word(path)}",
        file=out,
    )
    return 1 if problems else 0


def _for_the_command(p: Problem, areas: list[str]) -> Problem:
    """A problem of :func:`~svduty.io.new_bundle` in the command line's words.

    An unknown area's name that nearly spells an area's is said as typed (``no area
    named 'Bristol'``) beside the name it nearly spells: the user's own words on their
    own command line, near a public name (``new_bundle`` itself does not show it); its
    control characters escaped, a long one not shown. Text near no area's name (``Jane
    Smith``) is still described, not shown.

    Example:
        >>> str(_for_the_command(Problem(field="areas[1]", expected="an area"), ["a", "b"]))
        '--area #2: expected an area'
        >>> str(_for_the_command(Problem(file="d", expected="empty (or overwrite=True)"), []))
        'd: expected empty (or --force)'
        >>> str(_for_the_command(Problem(field="name", expected="a short name"), []))
        '--name: expected a short name'
        >>> typed = Problem("unknown area", field="areas[0]", expected="a name; did you mean"
        ...                 " 'Bristol, City of'?", got="a string of 7 characters, not shown")
        >>> print(_for_the_command(typed, ["Bristol"]))
        --area: no area named 'Bristol'; expected a name; did you mean 'Bristol, City of'?
    """
    if p.expected is not None and "overwrite=True" in p.expected:
        p = attrs.evolve(p, expected=p.expected.replace("overwrite=True", "--force"))
    if p.field in ("name", "title") and p.file is None:  # the option's, not a file's field
        p = attrs.evolve(p, field=f"--{p.field}")
    if p.field is not None and p.field.startswith("areas["):  # the option's name
        n = int(p.field[6:].split("]")[0]) + 1
        typed = areas[n - 1] if n <= len(areas) else ""
        near = "did you mean" in (p.expected or "") and "not shown" in str(p.got)
        if p.message == "unknown area" and near and len(typed) <= _TYPED:
            p = attrs.evolve(p, message=f"no area named {typed!r}", got=None)
        p = attrs.evolve(p, field="--area" if len(areas) == 1 else f"--area #{n}")
    return p


_TYPED = 80
"""The longest ``--area`` said back as typed: a longer one is described, not shown."""


def register(subparsers: Any) -> None:
    """Add the ``init`` command.

    Example:
        >>> from svduty.cli import build_parser
        >>> build_parser().parse_args(["init", "d", "--area", "E23000017"]).area
        ['E23000017']
    """
    parser = subparsers.add_parser(
        "init",
        help="write a starting bundle for a police force area, county, district or CSP",
        description="Write a valid starting bundle (bundle.toml, areas.toml, "
        "authorities.toml) for any partnership in England and Wales, from the national ONS "
        "tables: its local government areas, the areas they lie in, and the specified "
        "authorities Schedule 1 implies for them, each cited. What the tables cannot tell "
        "(a council's formal name, the Probation Service's region and probation delivery "
        "unit, the youth justice service) is written as an unconfirmed placeholder with the "
        "doubt stated. No definition is "
        "written: the statute's applies until the partnership adds its own.",
        epilog="exit status: 0 the bundle was written; 1 it was not (an area the tables do "
        "not know, a folder not empty without --force, a file that cannot be written), or "
        "its lines could not be printed (the bundle is whole); " + EXIT_TAIL,
    )
    parser.add_argument("dir", metavar="DIR", help="the folder to write")
    parser.add_argument(
        "--area",
        action="append",
        required=True,
        metavar="CODE",
        help="GSS code (or name) of a police force area (E23/W15), county (E10), unitary or "
        "district (E06-E09/W06) or community safety partnership (E22/W14); repeat for more",
    )
    parser.add_argument("--name", help="the bundle's short name (default: the folder's name)")
    parser.add_argument("--title", help="the partnership's title")
    parser.add_argument(
        "--force",
        action="store_true",
        help="write into a folder that is not empty, replacing its bundle files (without it "
        "the folder must be empty, hidden entries such as .git aside)",
    )
    parser.set_defaults(run=run)
