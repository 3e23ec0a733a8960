"""The options every command shares: ``--partnership NAME|PATH`` and ``--definition ID|PATH``.

One default everywhere: the bundle ``SVDUTY_PARTNERSHIP`` names when that environment
variable is set (a partnership other than Warwickshire's sets it once in its shell), else
the packaged ``warwickshire`` partnership; and the partnership's own
definition of serious violence, or the Act's (s.13, ``pcsc-s13``) when the partnership has
none. Every command that uses a partnership takes ``--partnership``; every command that
classifies takes ``--definition`` too, so ``classify`` and ``explain`` answer alike.

Example:
    >>> import argparse
    >>> p = argparse.ArgumentParser()
    >>> add_partnership(p); add_definition(p)
    >>> args = p.parse_args([])
    >>> choice = chosen(args)
    >>> choice.partnership.name, choice.definition.id
    ('warwickshire', 'warwickshire')
    >>> chosen(p.parse_args(["--definition", "pcsc-s13"])).definition.id
    'pcsc-s13'
"""

from __future__ import annotations

import argparse
import functools
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from svduty import _collector
from svduty._commands import _cache
from svduty._commands._paths import in_bundle, shell_word
from svduty._commands._typed import no_such_path, shown_as_path
from svduty.definitions._names import NATIONAL_IDS, STATUTE_ID
from svduty.errors import BundleError, DefinitionError, Problem, Shown, named, printable, shown
from svduty.io._bundle import (
    MANIFEST,
    PACKAGED,
    BundleParts,
    Packaged,
    is_packaged,
    load_partnership,
    load_sections,
)
from svduty.io._files import what_is
from svduty.io._missing import link_trouble
from svduty.io._reserved import PUBLISHED

if TYPE_CHECKING:
    from svduty._commands._chosen import Chosen
    from svduty.definitions import Definition
    from svduty.partnership import Partnership

__all__ = [
    "DEFAULT_PARTNERSHIP",
    "ENVIRONMENT",
    "Chosen",
    "FromEnvironment",
    "add_definition",
    "add_partnership",
    "add_strict",
    "chosen",
    "default_partnership",
    "load_named_partnership",
    "load_named_sections",
    "resolve_definition",
    "strict_failed",
]

DEFAULT_PARTNERSHIP = Packaged("warwickshire")
"""The partnership a command uses when neither ``--partnership`` nor ``SVDUTY_PARTNERSHIP``
is given."""

ENVIRONMENT = "SVDUTY_PARTNERSHIP"
"""The environment variable naming the partnership to use when ``--partnership`` is not
given (a packaged name or a bundle folder, as ``--partnership`` takes)."""

PARTNERSHIP_HELP = (
    "the partnership: a packaged bundle's name ("
    + ", ".join(PACKAGED)
    + ") or a bundle folder (default: the environment variable "
    + ENVIRONMENT
    + " if set, else "
    + DEFAULT_PARTNERSHIP
    + ")"
)


class FromEnvironment(str):
    """A partnership ``SVDUTY_PARTNERSHIP`` named: its errors name the variable, not the option."""

    __slots__ = ()


def _option(spec: object, option: str) -> str:
    """The name a problem with ``spec`` is told under: the option, or the variable."""
    return ENVIRONMENT if isinstance(spec, FromEnvironment) else option


def default_partnership() -> str:
    """The partnership to use when ``--partnership`` is not given.

    ``SVDUTY_PARTNERSHIP`` when it is set, else Warwickshire's packaged bundle. Set but
    empty (or blank) it names no partnership, and loading it is refused
    (:func:`_require_bundle`), as ``--partnership ""`` is and as git refuses an empty
    ``GIT_DIR``: an empty variable is most often one a script meant to fill, and the
    default would answer for another area.

    Example:
        >>> from unittest import mock
        >>> with mock.patch.dict(os.environ, {ENVIRONMENT: "examplshire"}):
        ...     default_partnership()
        'examplshire'
        >>> with mock.patch.dict(os.environ, {ENVIRONMENT: " "}):
        ...     default_partnership()
        ''
    """
    value = os.environ.get(ENVIRONMENT)
    return DEFAULT_PARTNERSHIP if value is None else FromEnvironment(value.strip())


DEFINITION_HELP = (
    "the definition to classify against (of serious violence, or the Act's of violence): a "
    "national definition id ("
    + ", ".join(NATIONAL_IDS)
    + "), a packaged bundle's name, a published definition ("
    + ", ".join(PUBLISHED)
    + "), a bundle folder or a definition TOML file from any "
    "bundle (default: the partnership's own definition; when it has none, the Act's "
    "definition of violence, s.13, "
    + STATUTE_ID
    + ", which leaves what is serious to the partnership: s.13(6))"
)


def add_partnership(parser: argparse.ArgumentParser) -> None:
    """Add ``--partnership NAME|PATH`` (default: :func:`default_partnership`).

    Example:
        >>> p = argparse.ArgumentParser(); add_partnership(p)
        >>> p.parse_args(["--partnership", "some/folder"]).partnership
        'some/folder'
    """
    parser.add_argument(
        "--partnership", default=default_partnership(), metavar="NAME|PATH", help=PARTNERSHIP_HELP
    )


def add_strict(parser: argparse.ArgumentParser) -> None:
    """Add ``--strict``: exit 1 when a row was rejected or a file skipped (see below).

    Example:
        >>> p = argparse.ArgumentParser(); add_strict(p)
        >>> p.parse_args(["--strict"]).strict
        True
    """
    parser.add_argument(
        "--strict",
        action="store_true",
        help="exit with status 1 if any row is rejected or any file is skipped (a file in "
        "an input folder that is empty, not a .csv file, or a police.uk outcomes or stop "
        "and search file; or a file named twice)",
    )


def strict_failed(
    command: str,
    strict: bool,
    skipped: int,
    rejected: int,
    stderr: TextIO,
    *,
    rows_listed: str = "listed in the summary",
) -> bool:
    """Whether a ``--strict`` run fails: then it says why, and where to look, on ``stderr``.

    A strict run accounts for every file and row; its outputs are written all the same.
    Skipped files are listed in the summary; ``rows_listed`` says where the rejected rows are.

    Example:
        >>> import sys
        >>> strict_failed("classify", True, 1, 2, sys.stdout)
        svduty classify: error: --strict: 1 file skipped and 2 rows rejected (listed in the summary)
        True
        >>> strict_failed("report", True, 0, 1, sys.stdout, rows_listed="the --rejected file")
        svduty report: error: --strict: 1 row rejected (the --rejected file)
        True
        >>> strict_failed("report", False, 1, 2, sys.stdout)
        False
        >>> strict_failed("report", True, 0, 4586, sys.stdout, rows_listed="the --rejected file")
        svduty report: error: --strict: 4,586 rows rejected (the --rejected file)
        True
    """
    failed = [
        (f"{n:,} {what}{'s' if n > 1 else ''} {how}", where)
        for n, what, how, where in (
            (skipped, "file", "skipped", "listed in the summary"),
            (rejected, "row", "rejected", rows_listed),
        )
        if strict and n
    ]
    if len({where for _, where in failed}) == 1:  # said once where both are listed
        failed = [(" and ".join(said for said, _ in failed), failed[0][1])]
    if failed:
        said = " and ".join(f"{said} ({where})" for said, where in failed)
        print(f"svduty {command}: error: --strict: {said}", file=stderr)
    return bool(failed)


def add_definition(parser: argparse.ArgumentParser) -> None:
    """Add ``--definition ID|PATH`` (default: the partnership's own, else the statute's).

    Example:
        >>> p = argparse.ArgumentParser(); add_definition(p)
        >>> p.parse_args([]).definition is None
        True
    """
    parser.add_argument("--definition", default=None, metavar="ID|PATH", help=DEFINITION_HELP)


def _require_bundle(spec: str | Path, option: str) -> None:
    """Refuse a folder without ``bundle.toml`` by its name (not a bare "file not found").

    Raises:
        BundleError: naming the folder and the option, if it is not a bundle.

    Example:
        >>> import tempfile
        >>> _require_bundle(tempfile.mkdtemp(), "--partnership")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        svduty.errors.BundleError: ...: --partnership: not a bundle folder: no bundle.toml; ...
        >>> _require_bundle(FromEnvironment(""), ENVIRONMENT)
        Traceback (most recent call last):
        ...
        svduty.errors.BundleError: SVDUTY_PARTNERSHIP: set but empty (an unset shell variable?); expected a packaged bundle's name or a bundle folder, or the variable unset (then: warwickshire)
    """  # noqa: E501
    if isinstance(spec, FromEnvironment) and not spec:
        expected = (
            "a packaged bundle's name or a bundle folder, or the variable unset (then: "
            f"{DEFAULT_PARTNERSHIP})"
        )
        raise BundleError(
            Problem(
                field=ENVIRONMENT,
                message="set but empty (an unset shell variable?)",
                expected=expected,
            )
        )
    folder = Path(spec)
    missing = not os.path.exists(folder)  # (so is a name the system refuses: too long)
    if missing and option in ("--partnership", ENVIRONMENT, "NAME|PATH"):  # a typo, or not made
        from svduty import _near

        # a path is named, as every input file is; a name is screened (svduty._commands._typed)
        safe = shown_as_path(str(spec)) or isinstance(shown(str(spec)), Shown)
        said = printable(shell_word(str(spec))) if safe else "FOLDER"  # as typed
        raise BundleError(
            [
                Problem(
                    file=str(spec) if safe else None,
                    field=option,
                    message=(link_trouble(folder, "folder") or "no such folder")
                    + ", and not a packaged bundle"
                    + ("" if safe else f" {named(str(spec), 'a folder')}"),
                    expected=f"a packaged bundle's name ({', '.join(PACKAGED)}) or a bundle "
                    f"folder (to start one: svduty init {said} --area CODE)"
                    + _near.did_you_mean(str(spec), PACKAGED),
                )
            ]
        )
    if folder.exists() and not folder.is_dir() and option != "--definition":  # (a TOML file)
        raise BundleError(  # it said "not a bundle folder" alone, naming no option (mend49)
            Problem(
                file=str(spec),  # as typed
                field=option,
                message=f"not a bundle folder: {what_is(folder)}",  # a FIFO too (hostile61)
                expected=f"a bundle folder or a packaged bundle's name ({', '.join(PACKAGED)})",
            )
        )
    if folder.is_dir() and not (folder / MANIFEST).exists():
        raise BundleError(
            [
                Problem(
                    file=str(spec),  # as typed
                    field=option,
                    message=f"not a bundle folder: no {MANIFEST}",
                    expected="a bundle folder holding bundle.toml and definition.toml, or a "
                    "definition TOML file"
                    if option == "--definition"
                    else f"a bundle folder (to start one: svduty init {shell_word(str(spec))} "
                    "--area CODE)",
                )
            ]
        )


@functools.cache
def _packaged(name: str) -> Partnership:
    return _cache.loaded(name, ("partnership",), lambda: load_partnership(name), _partnership())


def load_named_partnership(spec: str | Path) -> Partnership:
    """The partnership a ``--partnership`` value names (packaged bundles loaded once).

    Raises:
        BundleError: if the folder is not a good bundle.

    Example:
        >>> load_named_partnership("warwickshire").name
        'warwickshire'
    """
    try:
        if is_packaged(spec):
            return _packaged(Packaged(spec))
        _require_bundle(spec, _option(spec, "--partnership"))
        return _cache.loaded(spec, ("partnership",), lambda: load_partnership(spec), _partnership())
    except BundleError as exc:
        raise (exc if is_packaged(spec) else in_bundle(spec, exc)) from None
    finally:
        _collector.settle()  # start-up is over (see svduty._collector)


@functools.cache
def _packaged_sections(name: str, sections: tuple[str, ...]) -> BundleParts:
    return _sections(name, sections)


def _sections(spec: str | Path, sections: tuple[str, ...]) -> BundleParts:
    return _cache.loaded(spec, sections, lambda: load_sections(spec, *sections), BundleParts)


def _partnership() -> type[Partnership]:
    """The class, imported when a partnership is loaded (classify loads only sections)."""
    from svduty.partnership import Partnership

    return Partnership


def load_named_sections(
    spec: str | Path, sections: tuple[str, ...], *, option: str = "--partnership"
) -> BundleParts:
    """Some sections of the bundle a ``--partnership`` value names (packaged ones loaded once).

    A command that needs only some sections (``classify`` needs the areas and the
    definition) reads only those: see :func:`svduty.io.load_sections`.

    Raises:
        BundleError: if the manifest or one of the sections is bad.

    Example:
        >>> load_named_sections("warwickshire", ("definition",)).definition.id
        'warwickshire'
    """
    try:
        if is_packaged(spec):
            return _packaged_sections(Packaged(spec), sections)
        _require_bundle(spec, _option(spec, option))
        return _sections(spec, sections)
    except BundleError as exc:
        raise (exc if is_packaged(spec) else in_bundle(spec, exc)) from None
    finally:
        _collector.settle()  # start-up is over (see svduty._collector)


def _definition_file(path: Path) -> Definition:
    """A definition TOML file; citations resolve against its bundle's sources, if beside one."""
    # the converter (cattrs) only when a file is read: a command whose bundle comes from
    # the cache of loaded partnerships never imports it
    from svduty.io._converter import make_converter, structure
    from svduty.io._definition import load_definition
    from svduty.io._files import read_toml

    manifest = path.parent / MANIFEST
    converter = make_converter()
    if manifest.is_file():
        from svduty.io import Manifest
        from svduty.sources import CATALOGUE

        info = structure(read_toml(manifest), Manifest, file=str(manifest))
        converter = make_converter(CATALOGUE.extend(info.sources))
    return load_definition(read_toml(path), file=str(path), converter=converter)


def resolve_definition(
    spec: str | None, partnership: Partnership | BundleParts, option: str = "--definition"
) -> Definition:
    """The definition a ``--definition`` value names, for ``partnership``.

    ``None`` is the default: the partnership's own definition, or the statute's when it has
    none. Otherwise a national id (``pcsc-s13``, ``who-2002``, ``sv-strategy-2018``), a
    packaged bundle's name, another partnership's published definition (``london-vru``,
    ``avon-and-somerset``, ``norfolk``), a bundle folder, or a definition TOML file.
    ``option`` names the command-line option in errors (``--compare-definition``).

    Raises:
        DefinitionError: if nothing of that name or path holds a definition.

    Example:
        >>> w = load_named_partnership("warwickshire")
        >>> resolve_definition(None, w).id, resolve_definition("who-2002", w).id
        ('warwickshire', 'who-2002')
        >>> resolve_definition("nowhere", w)  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        svduty.errors.DefinitionError: --definition: expected a national definition id (pcsc-s13, sv-strategy-2018, who-2002), a packaged bundle name (warwickshire, examplshire), a published definition (avon-and-somerset, london-vru, norfolk), a bundle folder or a definition TOML file
    """  # noqa: E501
    from svduty.definitions import DEFINITIONS, STATUTE  # the engine: when a definition is used

    if spec is None:
        return partnership.definition if partnership.definition is not None else STATUTE
    if spec in DEFINITIONS:
        return DEFINITIONS[spec]
    from svduty.io._published import PUBLISHED, load_published_definition  # reads TOML files

    if spec in PUBLISHED:  # another partnership's published definition (packaged data)
        return load_published_definition(spec)
    path = Path(spec)
    found: Definition | None = None
    if is_packaged(spec) or path.is_dir():
        found = load_named_sections(spec, ("definition",), option=option).definition
    elif path.exists():  # a FIFO or a device too: its reader says what it is (hostile54)
        found = _definition_file(path)
    if found is None and path.is_dir():  # a bundle, but one without a definition of its own
        raise DefinitionError(
            Problem(
                field=option,
                file=spec,
                message="the bundle has no definition.toml (the Act's s.13, "
                + STATUTE.id
                + ", applies to it)",
                expected="a bundle with a definition.toml, or a definition id such as "
                + STATUTE.id,
            )
        )
    if found is None:
        from svduty import _near

        raise DefinitionError(
            Problem(
                field=option,
                expected="a national definition id ("
                + ", ".join(sorted(DEFINITIONS))
                + "), a packaged bundle name ("
                + ", ".join(PACKAGED)
                + "), a published definition ("
                + ", ".join(PUBLISHED)
                + "), a bundle folder or a definition TOML file"
                + _near.did_you_mean(str(spec), (*DEFINITIONS, *PACKAGED, *PUBLISHED)),
                file=spec if shown_as_path(spec) else None,  # a path is named, a name screened
                message=link_trouble(spec, "file or folder") or no_such_path(spec),
            )
        )
    return found


def chosen(args: argparse.Namespace, *, sections: tuple[str, ...] | None = None) -> Chosen:
    """The partnership (``args.partnership``) and definition (``args.definition``) to use.

    A namespace without ``definition`` gets the partnership's default definition.

    Args:
        args: The parsed command line.
        sections: Load only these sections of the bundle (default: the whole partnership).

    Example:
        >>> chosen(argparse.Namespace(partnership="warwickshire")).definition.id
        'warwickshire'
        >>> parts = chosen(argparse.Namespace(partnership="warwickshire"),
        ...                sections=("areas", "definition"))
        >>> parts.as_dict()
        {'partnership': 'warwickshire', 'definition': 'warwickshire'}
    """
    spec = getattr(args, "partnership", DEFAULT_PARTNERSHIP)
    partnership: Partnership | BundleParts = (
        load_named_partnership(spec) if sections is None else load_named_sections(spec, sections)
    )
    definition = resolve_definition(getattr(args, "definition", None), partnership)
    from svduty._commands._chosen import Chosen  # its class built when first used

    return Chosen(partnership, definition)


def __getattr__(name: str) -> Any:
    """:class:`Chosen`, from its own module (``svduty classify`` from the cache never uses it).

    Example:
        >>> __getattr__("Chosen").__name__
        'Chosen'
    """
    if name == "Chosen":
        from svduty._commands._chosen import Chosen

        return Chosen
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
