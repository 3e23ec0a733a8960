"""Loading a partnership bundle: the manifest, the sections, validation.

A bundle is a folder of TOML files: ``bundle.toml`` (the manifest) and one file per
section (:data:`~svduty.io._sections.SECTIONS`). :func:`load_partnership` loads them all;
:func:`load_sections` loads the manifest and the sections a command needs, no more.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from svduty import sources as _sources
from svduty._arguments import path_argument
from svduty._checked import checked
from svduty._data import data
from svduty._ids import BREAKS
from svduty.areas import Geography, LocalArea
from svduty.errors import BundleError, DataError, Problem
from svduty.io._sections import SECTIONS, SectionContext, SectionSpec, _present, _read, _relative
from svduty.sources import Source, Sources

if TYPE_CHECKING:
    from svduty.definitions import Definition
    from svduty.partnership import Partnership

__all__ = [
    "MANIFEST",
    "PACKAGED",
    "SECTIONS",
    "BundleParts",
    "Manifest",
    "Packaged",
    "SectionContext",
    "SectionSpec",
    "is_packaged",
    "load_partnership",
    "load_sections",
    "validate_bundle",
    "warwickshire",
]

MANIFEST = "bundle.toml"
"""The manifest's file name."""

PACKAGED: tuple[str, ...] = ("warwickshire", "examplshire")
"""The bundles packaged with svduty, loadable by name."""


class Packaged(str):
    """The name of a packaged bundle, meant as that bundle whatever folders are about.

    What :func:`warwickshire` and the command's default ``--partnership`` load: a bundle
    folder named ``warwickshire`` in the working folder does not stand in for it.

    Example:
        >>> Packaged("warwickshire") == "warwickshire", is_packaged(Packaged("warwickshire"))
        (True, True)
    """

    __slots__ = ()


def is_packaged(spec: str | Path) -> bool:
    """Whether ``spec`` names a packaged bundle rather than a bundle folder.

    One of :data:`PACKAGED`, given as a string, with no bundle folder of that name in the
    working folder (or a :class:`Packaged` name). A bundle folder the user has
    (``svduty init examplshire --area Leeds`` writes ``./examplshire``) is that folder,
    never the packaged bundle of the same name: the name of a bundle folder that exists
    is a path.

    Example:
        >>> is_packaged("warwickshire"), is_packaged(Path("warwickshire")), is_packaged("leeds")
        (True, False, False)
    """
    if isinstance(spec, Packaged):
        return spec in PACKAGED
    return isinstance(spec, str) and spec in PACKAGED and not (Path(spec) / MANIFEST).exists()


_NAME = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?")
"""A bundle's short name: lower-case letters, digits and hyphens, at most 64 characters."""


@attrs.frozen(slots=True)
class Manifest:
    """The ``bundle.toml`` file: what the bundle is and the sources it adds.

    Attributes:
        name: A short name, lower case, such as ``"warwickshire"``.
        title: The partnership's title.
        description: A paragraph on the partnership.
        sources: Sources the bundle's citations use beyond the national catalogue.

    Raises:
        DataError: if the name is not a short name of lower-case letters, digits and
            hyphens (at most 64 characters), or the title is not one line of text (at most
            200 characters); neither is shown.

    Example:
        >>> Manifest("x", "X partnership").sources
        ()
        >>> Manifest("Bad name", "X")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        svduty.errors.DataError: name: ...expected a short name of lower-case letters...
    """

    name: str
    title: str
    description: str = ""
    sources: tuple[Source, ...] = ()

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.name, str) or not _NAME.fullmatch(self.name):
            raise DataError.single(
                None,
                "name",
                expected="a short name of lower-case letters, digits and hyphens "
                "(at most 64 characters), such as warwickshire",
            )
        title = self.title if isinstance(self.title, str) else ""
        if not title.strip() or len(title) > 200 or BREAKS.search(title):
            raise DataError.single(
                None, "title", expected="one line of text (at most 200 characters)"
            )


def _resolve(path: str | Path) -> Path:
    if is_packaged(path):
        return data(str(path))
    return Path(path)


def _load_manifest(
    raw: Mapping[str, Any], root: Path, problems: list[Problem]
) -> tuple[Manifest | None, Sources]:
    """The manifest and the sources citations may use, adding its problems to ``problems``.

    When the manifest is bad the sections are still checked (every problem of every file
    in one run), against the national sources and those of the manifest that are good.
    """
    from svduty.io._converter import structure  # cattrs: only when a bundle is read

    try:
        manifest = structure(raw, Manifest, file=MANIFEST)
        return manifest, _sources.CATALOGUE.extend(manifest.sources)
    except BundleError as exc:
        problems.extend(_relative(exc, root, MANIFEST))
    except DataError as exc:  # two different sources with one id
        problems.extend(attrs.evolve(p, file=MANIFEST) for p in exc.problems)
    return None, _good_sources(raw)


def _good_sources(raw: Mapping[str, Any]) -> Sources:
    """The national catalogue extended by each source of a bad manifest that is good."""
    from svduty.io._converter import structure

    sources = _sources.CATALOGUE
    declared = raw.get("sources")
    for item in declared if isinstance(declared, list) else ():
        try:
            sources = sources.extend([structure(item, Source)])
        except DataError:
            continue
    return sources


def _first_per_field(problems: list[Problem]) -> list[Problem]:
    """One problem per file, row and field: the first check that found it.

    The structural checks run before the models', which may find the same thing again.
    """
    seen: set[tuple[object, object, object]] = set()
    out = []
    for p in problems:
        key = (p.file, p.row, p.field)
        if p.field is None or key not in seen:
            out.append(p)
        seen.add(key)
    return out


@attrs.frozen(slots=True)
class _Loaded:
    """What loading some sections of a bundle gave: the manifest and the fields."""

    root: Path
    manifest: Manifest | None
    sources: Sources
    fields: dict[str, object]
    problems: list[Problem]


def _load_some(path: str | Path, keys: tuple[str, ...] | None = None) -> _Loaded:
    """The manifest and the sections ``keys`` (default: all), with every problem found."""
    from svduty.io._converter import make_converter

    root = _resolve(path)
    problems: list[Problem] = []
    if not root.is_dir():
        why = "not a bundle folder" if root.exists() else "not a bundle folder: no such folder"
        problems.append(Problem(message=why, file=str(root)))
        return _Loaded(root, None, _sources.CATALOGUE, {}, problems)
    raw = _read(root, MANIFEST, problems)
    if raw is None:  # no manifest: not a bundle to check further
        return _Loaded(root, None, _sources.CATALOGUE, {}, problems)
    manifest, sources = _load_manifest(raw, root, problems)
    converter = make_converter(sources)
    loaded: dict[str, object] = {}
    for key, spec in SECTIONS.items():
        if keys is not None and key not in keys:
            continue
        if not _present(root / spec.file):
            if spec.required:
                problems.append(Problem(message="required section file missing", file=spec.file))
            continue
        if any(n not in loaded for n in spec.needs):
            continue
        data = _read(root, spec.file, problems)
        if data is None:
            continue
        ctx = SectionContext(spec.file, converter, dict(loaded), root)
        try:
            loaded.update(spec.load(data, ctx))
        except DataError as exc:
            problems.extend(_relative(exc, root, spec.file))
    if manifest is None:  # its sources are unknown: citations of them cannot be checked
        problems = [p for p in problems if not p.message.startswith("unknown source:")]
    own = getattr(loaded.get("definition"), "id", None)  # answers go out under its id:
    if own in PACKAGED and manifest is not None and own != manifest.name:  # not another's
        want = f"an id not of another packaged bundle's definition ({', '.join(PACKAGED)})"
        problems.append(Problem(file="definition.toml", field="id", expected=want))
    return _Loaded(root, manifest, sources, loaded, _first_per_field(problems))


def _load(path: str | Path) -> tuple[Partnership | None, list[Problem]]:
    got = _load_some(path)
    if got.problems or got.manifest is None:
        return None, got.problems
    from svduty.partnership import Partnership

    try:
        partnership = Partnership.of(
            name=got.manifest.name,
            title=got.manifest.title,
            description=got.manifest.description,
            sources=got.sources,
            bundle_path=got.root,
            **got.fields,  # type: ignore[arg-type]
        )
    except DataError as exc:  # the parts do not join (a grant flow edge without a body...)
        return None, list(exc.problems)
    return partnership, []


@attrs.frozen(slots=True)
class BundleParts:
    """Some sections of a bundle, loaded and checked: what a command needs, and no more.

    ``svduty classify`` needs a partnership's areas and definition, not its funding or
    governance: :func:`load_sections` reads the manifest and those sections only, with
    the same checks as :func:`load_partnership`.

    Attributes:
        name: The bundle's name (from its manifest).
        title: The partnership's title.
        path: The bundle folder.
        sources: The national catalogue and the bundle's own sources.
        fields: The partnership fields the sections filled (``"geography"``,
            ``"local_area"``, ``"definition"``, ...).

    Example:
        >>> parts = load_sections("warwickshire", "areas", "definition")
        >>> parts.name, parts.definition.id, sorted(parts.fields)
        ('warwickshire', 'warwickshire', ['definition', 'geography', 'local_area'])
        >>> parts.geography.get("E07000220").name
        'Rugby'
    """

    name: str
    title: str
    path: Path
    sources: Sources
    fields: Mapping[str, object]

    @property
    def geography(self) -> Geography:
        """The geography (the ``areas`` section).

        Raises:
            KeyError: if the ``areas`` section was not loaded.

        Example:
            >>> load_sections("warwickshire", "areas").geography.get("E07000222").name
            'Warwick'
        """
        found = self.fields["geography"]
        assert isinstance(found, Geography)
        return found

    @property
    def local_area(self) -> LocalArea:
        """The local area (the ``areas`` section).

        Raises:
            KeyError: if the ``areas`` section was not loaded.

        Example:
            >>> load_sections("warwickshire", "areas").local_area.within("E07000222")
            True
        """
        found = self.fields["local_area"]
        assert isinstance(found, LocalArea)
        return found

    @property
    def definition(self) -> Definition | None:
        """The partnership's own definition, or ``None`` (not loaded, or none in the bundle).

        Example:
            >>> load_sections("warwickshire", "definition").definition.id
            'warwickshire'
            >>> load_sections("warwickshire", "areas").definition is None
            True
        """
        found = self.fields.get("definition")
        return found  # type: ignore[return-value]  # the definition section's only field


@checked
def load_sections(path: str | Path, *sections: str) -> BundleParts:
    """Load the manifest and some sections of a bundle (a packaged bundle by name).

    Each section's problems are reported as :func:`load_partnership` reports them; the
    other sections are not read. A section a named one ``needs`` must be named too.

    Args:
        path: The bundle folder, or the name of a packaged bundle.
        sections: Keys of :data:`SECTIONS`, such as ``"areas"`` and ``"definition"``.

    Raises:
        BundleError: listing every problem of the manifest and the named sections.
        DataError: if a name is not a section, or a section it needs is not named.

    Example:
        >>> load_sections("examplshire", "areas").local_area.districts
        ('E07000901', 'E07000902')
        >>> load_sections("warwickshire", "money")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        svduty.errors.DataError: sections: expected keys of SECTIONS (areas, ...: money
    """
    unknown = [k for k in sections if k not in SECTIONS]
    provided = {f for k in sections for f in _FIELDS.get(k, ())}
    missing = [n for k in sections if k in SECTIONS for n in SECTIONS[k].needs if n not in provided]
    if unknown or missing:
        raise DataError.single(
            None,
            "sections",
            expected="keys of SECTIONS ("
            + ", ".join(SECTIONS)
            + ") with the sections they need; unknown or missing: "
            + ", ".join(unknown + missing),
        )
    got = _load_some(path, tuple(sections))
    if got.problems or got.manifest is None:
        raise BundleError(got.problems)
    return BundleParts(got.manifest.name, got.manifest.title, got.root, got.sources, got.fields)


_BUNDLE = "a bundle folder or the name of a packaged bundle (str or os.PathLike)"


def _bundle_path(path: object, where: str) -> None:
    """Refuse what cannot name a bundle: another type, or an empty path (the current folder).

    Example:
        >>> _bundle_path("", "load_partnership(path)")
        Traceback (most recent call last):
        ...
        svduty.errors.BundleError: '': expected a bundle folder or the name of a packaged bundle, not an empty string
    """  # noqa: E501
    if not os.fspath(path_argument(path, where, _BUNDLE)):
        raise BundleError(
            Problem(
                file="''",
                expected="a bundle folder or the name of a packaged bundle, not an empty string",
            )
        )


_FIELDS: dict[str, tuple[str, ...]] = {"areas": ("geography", "local_area")}
"""The partnership fields a section provides that other sections may need."""


@checked
def load_partnership(path: str | Path) -> Partnership:
    """Load a partnership from a bundle folder (or a packaged bundle by name).

    Args:
        path: The bundle folder, or the name of a packaged bundle (``"warwickshire"``).

    Raises:
        BundleError: listing every problem in every file, each naming the file and the
            field; nothing is partially loaded.

    Example:
        >>> p = load_partnership("warwickshire")
        >>> p.title
        'Warwickshire Serious Violence Duty partnership'
        >>> load_partnership("/no/such/folder")
        Traceback (most recent call last):
        ...
        svduty.errors.BundleError: /no/such/folder: not a bundle folder: no such folder
    """
    _bundle_path(path, "load_partnership(path)")
    partnership, problems = _load(path)
    if partnership is None:
        raise BundleError(problems)
    return partnership


@checked
def validate_bundle(path: str | Path) -> list[Problem]:
    """Check a bundle folder; every problem found, or an empty list if it is good.

    A bundle that loads is then checked for completeness
    (:func:`~svduty.io.check_completeness`): the specified authorities of each of its
    local government areas, the kinds of area of each authority, and every GSS code.

    Example:
        >>> validate_bundle("warwickshire")
        []
        >>> [str(p) for p in validate_bundle("/no/such/folder")]
        ['/no/such/folder: not a bundle folder: no such folder']
    """
    _bundle_path(path, "validate_bundle(path)")
    return _checked(path)[1]


def _checked(path: str | Path) -> tuple[Partnership | None, list[Problem]]:
    """The partnership of a bundle (``None`` if it does not load) and every problem found.

    :func:`validate_bundle`, keeping the partnership for the checks that need it loaded
    (``svduty validate`` runs the governance checks on it).
    """
    partnership, problems = _load(path)
    if partnership is None:
        return None, problems
    from svduty.io._completeness import completeness_problems, refused_by_join

    scenarios = [] if refused_by_join(partnership) else _scenario_problems(partnership)
    return partnership, completeness_problems(partnership) + scenarios  # (its join fails)


def _scenario_problems(partnership: Partnership) -> list[Problem]:
    """Each scenario applied to the governance it changes: the changes that cannot be.

    Loading checks what a change names against the bundle's authorities, areas and
    districts; a body a change acts on (merged, renamed, moved, removed) is known only
    once the changes before it are applied, so each scenario is applied (nothing kept),
    when the governance itself has no error (``svduty validate`` reports those).
    """
    from svduty.errors import ScenarioError

    if partnership.governance is None or not partnership.scenarios:
        return []
    if partnership.validate_governance(check_timetable=False).errors:
        return []  # a scenario's failure would follow from the governance's own errors
    out: list[Problem] = []
    for name, scenario in sorted(partnership.scenarios.items()):
        try:
            partnership.what_if(scenario)
        except ScenarioError as exc:
            here = f"scenarios/{name}.toml"
            out += [attrs.evolve(p, file=here) for p in exc.problems]
    return out


@functools.cache
def warwickshire() -> Partnership:
    """The Warwickshire partnership, from the bundle packaged with svduty (loaded once).

    Example:
        >>> p = warwickshire()
        >>> [p.geography.get(c).name for c in p.local_area.districts]
        ['North Warwickshire', 'Nuneaton and Bedworth', 'Rugby', 'Stratford-on-Avon', 'Warwick']
    """
    return load_partnership(Packaged("warwickshire"))
