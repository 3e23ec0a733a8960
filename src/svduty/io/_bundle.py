"""Loading a partnership bundle: the manifest, the sections, validation.

A bundle is a folder of TOML files: ``bundle.toml`` (the manifest) and one file per
section (:data:`~svduty.io._sections.SECTIONS`). :func:`load_partnership` loads them all;
:func:`load_sections` loads the manifest and the sections a command needs, no more. The
files are read by :mod:`svduty.io._bundle_read`, imported when a bundle is read (not when
the command's cache holds what was loaded).
"""

from __future__ import annotations

import functools
import os
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from svduty._arguments import path_argument
from svduty._checked import checked
from svduty.areas import Geography, LocalArea
from svduty.errors import BundleError, DataError, Problem
from svduty.io._packaged import MANIFEST, PACKAGED, Packaged, is_packaged
from svduty.sources import Sources

if TYPE_CHECKING:
    from svduty.definitions import Definition
    from svduty.partnership import Partnership

__all__ = [
    "MANIFEST",
    "PACKAGED",
    "BundleParts",
    "Packaged",
    "is_packaged",
    "load_partnership",
    "load_sections",
    "validate_bundle",
    "warwickshire",
]


def _load(path: str | Path) -> tuple[Partnership | None, list[Problem]]:
    from svduty.io._bundle_read import load_some

    got = load_some(path)
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
    from svduty.io._bundle_read import load_some
    from svduty.io._sections import SECTIONS

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
    got = load_some(path, tuple(sections))
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
