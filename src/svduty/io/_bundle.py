"""Loading a partnership bundle: the manifest, a registry of sections, validation.

A bundle is a folder of TOML files: ``bundle.toml`` (the manifest) and one file per
section. :data:`SECTIONS` lists the sections in load order; each entry names its file,
the loader and whether the file is required. A loader gets the file's plain data and a
:class:`SectionContext` and returns the :class:`~svduty.Partnership` fields it fills.
Adding a section is one entry here and one field on the partnership.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from importlib import resources
from pathlib import Path
from typing import Any

import attrs
import cattrs

from svduty.areas import Geography
from svduty.definitions import Definition
from svduty.errors import BundleError, DataError, Problem
from svduty.funding import FundingModel, Strategy
from svduty.governance import Scenario, Timetable
from svduty.io._areas import AreasDocument, load_areas
from svduty.io._authorities import AuthoritiesDocument, load_authorities
from svduty.io._completeness import completeness_problems
from svduty.io._converter import make_converter, structure
from svduty.io._definition import load_definition
from svduty.io._files import read_toml
from svduty.io._funding import load_funding, load_strategy
from svduty.io._governance import (
    GovernanceDocument,
    load_governance_section,
    load_scenario,
    load_timetable,
)
from svduty.partnership import Partnership
from svduty.sources import CATALOGUE, Source, Sources

__all__ = [
    "MANIFEST",
    "PACKAGED",
    "SECTIONS",
    "Manifest",
    "SectionContext",
    "SectionSpec",
    "load_partnership",
    "validate_bundle",
    "warwickshire",
]

MANIFEST = "bundle.toml"
"""The manifest's file name."""

PACKAGED: tuple[str, ...] = ("warwickshire", "examplshire")
"""The bundles packaged with svduty, loadable by name."""


@attrs.frozen(slots=True)
class Manifest:
    """The ``bundle.toml`` file: what the bundle is and the sources it adds.

    Attributes:
        name: A short name, lower case, such as ``"warwickshire"``.
        title: The partnership's title.
        description: A paragraph on the partnership.
        sources: Sources the bundle's citations use beyond the national catalogue.

    Example:
        >>> Manifest("x", "X partnership").sources
        ()
    """

    name: str
    title: str
    description: str = ""
    sources: tuple[Source, ...] = ()


@attrs.frozen(slots=True)
class SectionContext:
    """What a section loader gets besides its file's data.

    Attributes:
        file: The file's name within the bundle, to name in problems.
        converter: The converter, with the bundle's sources for citations.
        loaded: The partnership fields loaded by earlier sections.
        path: The bundle folder.

    Example:
        >>> SectionContext("areas.toml", make_converter(), {}, Path(".")).file
        'areas.toml'
    """

    file: str
    converter: cattrs.Converter
    loaded: Mapping[str, object]
    path: Path


SectionLoader = Callable[[Mapping[str, Any], SectionContext], Mapping[str, object]]


@attrs.frozen(slots=True)
class SectionSpec:
    """One section of a bundle: its file, its loader, and whether it must be there.

    Attributes:
        file: The file name within the bundle, such as ``"areas.toml"``.
        load: The loader: plain data and context in, partnership fields out.
        document: The attrs class of the file's contents (for the JSON Schema).
        required: Whether a bundle without the file is malformed.
        needs: The partnership fields the loader uses from earlier sections; when one
            failed to load the section is skipped (its problems would only echo).

    Example:
        >>> SECTIONS["areas"].file
        'areas.toml'
    """

    file: str
    load: SectionLoader
    document: type
    required: bool = True
    needs: tuple[str, ...] = ()


def _load_areas_section(data: Mapping[str, Any], ctx: SectionContext) -> Mapping[str, object]:
    geography, local_area = load_areas(data, file=ctx.file, converter=ctx.converter)
    return {"geography": geography, "local_area": local_area}


def _load_authorities_section(data: Mapping[str, Any], ctx: SectionContext) -> Mapping[str, object]:
    geography = ctx.loaded["geography"]
    assert isinstance(geography, Geography)
    authorities = load_authorities(
        data,
        file=ctx.file,
        converter=ctx.converter,
        districts_within=geography.district_codes_within,
    )
    return {"authorities": authorities}


def _load_definition_section(data: Mapping[str, Any], ctx: SectionContext) -> Mapping[str, object]:
    return {"definition": load_definition(data, file=ctx.file, converter=ctx.converter)}


def _load_funding_section(data: Mapping[str, Any], ctx: SectionContext) -> Mapping[str, object]:
    return {"funding": load_funding(data, file=ctx.file, converter=ctx.converter)}


def _load_strategy_section(data: Mapping[str, Any], ctx: SectionContext) -> Mapping[str, object]:
    return {"strategy": load_strategy(data, file=ctx.file, converter=ctx.converter)}


def _load_governance_section(data: Mapping[str, Any], ctx: SectionContext) -> Mapping[str, object]:
    section = load_governance_section(data, file=ctx.file, converter=ctx.converter)
    return {**section, "scenarios": _load_scenarios(ctx)}


def _load_scenarios(ctx: SectionContext) -> dict[str, Scenario]:
    """Every ``scenarios/*.toml``; the problems of every file, not only the first bad one."""
    scenarios: dict[str, Scenario] = {}
    problems: list[Problem] = []
    folder = ctx.path / "scenarios"
    if _present(folder) and not folder.is_dir():
        raise BundleError.single("scenarios", None, message="a file where a folder is expected")
    for f in sorted(folder.glob("*.toml")) if folder.is_dir() else ():
        name = f"scenarios/{f.name}"
        data = _read(ctx.path, name, problems)
        if data is None:
            continue
        try:
            scenarios[f.stem] = load_scenario(data, file=name, converter=ctx.converter)
        except DataError as exc:
            problems.extend(_relative(exc, ctx.path, name))
    if problems:
        raise BundleError(problems)
    return scenarios


def _load_timetable_section(data: Mapping[str, Any], ctx: SectionContext) -> Mapping[str, object]:
    return {"timetable": load_timetable(data, file=ctx.file, converter=ctx.converter)}


SECTIONS: dict[str, SectionSpec] = {
    "areas": SectionSpec("areas.toml", _load_areas_section, AreasDocument),
    "authorities": SectionSpec(
        "authorities.toml",
        _load_authorities_section,
        AuthoritiesDocument,
        needs=("geography",),
    ),
    "definition": SectionSpec(
        "definition.toml", _load_definition_section, Definition, required=False
    ),
    "funding": SectionSpec("funding.toml", _load_funding_section, FundingModel, required=False),
    "strategy": SectionSpec("strategy.toml", _load_strategy_section, Strategy, required=False),
    "governance": SectionSpec(
        "governance.toml", _load_governance_section, GovernanceDocument, required=False
    ),
    "timetable": SectionSpec("timetable.toml", _load_timetable_section, Timetable, required=False),
}
"""The sections of a bundle, in load order."""


def _relative(exc: DataError, root: Path, file: str) -> list[Problem]:
    out = []
    for p in exc.problems:
        name = p.file
        if name is None or Path(name) == root / file:
            name = file
        out.append(attrs.evolve(p, file=name))
    return out


def _read(root: Path, file: str, problems: list[Problem]) -> dict[str, Any] | None:
    try:
        return read_toml(root / file)
    except BundleError as exc:
        problems.extend(_relative(exc, root, file))
        return None


def _present(path: Path) -> bool:
    """Whether anything is at ``path``: a file, a folder, or a link (even a broken one).

    A broken or looping link where an optional section should be is a problem to report,
    not an absent section.
    """
    return path.is_symlink() or path.exists()


def _resolve(path: str | Path) -> Path:
    if isinstance(path, str) and path in PACKAGED:
        return Path(str(resources.files("svduty").joinpath("data", path)))
    return Path(path)


def _load_manifest(
    raw: Mapping[str, Any], root: Path, problems: list[Problem]
) -> tuple[Manifest | None, Sources]:
    """The manifest and the sources citations may use, adding its problems to ``problems``.

    When the manifest is bad the sections are still checked (every problem of every file
    in one run), against the national sources and those of the manifest that are good.
    """
    try:
        manifest = structure(raw, Manifest, file=MANIFEST)
        return manifest, CATALOGUE.extend(manifest.sources)
    except BundleError as exc:
        problems.extend(_relative(exc, root, MANIFEST))
    except DataError as exc:  # two different sources with one id
        problems.extend(attrs.evolve(p, file=MANIFEST) for p in exc.problems)
    return None, _good_sources(raw)


def _good_sources(raw: Mapping[str, Any]) -> Sources:
    """The national catalogue extended by each source of a bad manifest that is good."""
    sources = CATALOGUE
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


def _load(path: str | Path) -> tuple[Partnership | None, list[Problem]]:
    root = _resolve(path)
    problems: list[Problem] = []
    if not root.is_dir():
        return None, [Problem(message="not a bundle folder", file=str(root))]
    raw = _read(root, MANIFEST, problems)
    if raw is None:  # no manifest: not a bundle to check further
        return None, problems
    manifest, sources = _load_manifest(raw, root, problems)
    converter = make_converter(sources)
    loaded: dict[str, object] = {}
    failed: set[str] = set()
    for key, spec in SECTIONS.items():
        if not _present(root / spec.file):
            if spec.required:
                problems.append(Problem(message="required section file missing", file=spec.file))
                failed.add(key)
            continue
        if any(n not in loaded for n in spec.needs):
            failed.add(key)
            continue
        data = _read(root, spec.file, problems)
        if data is None:
            failed.add(key)
            continue
        ctx = SectionContext(spec.file, converter, dict(loaded), root)
        try:
            loaded.update(spec.load(data, ctx))
        except DataError as exc:
            problems.extend(_relative(exc, root, spec.file))
            failed.add(key)
    if manifest is None:  # its sources are unknown: citations of them cannot be checked
        problems = [p for p in problems if not p.message.startswith("unknown source:")]
    if problems or manifest is None:
        return None, _first_per_field(problems)
    try:
        partnership = Partnership.of(
            name=manifest.name,
            title=manifest.title,
            description=manifest.description,
            sources=sources,
            bundle_path=root,
            **loaded,  # type: ignore[arg-type]
        )
    except DataError as exc:  # the parts do not join (a grant flow edge without a body...)
        return None, list(exc.problems)
    return partnership, []


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
        svduty.errors.BundleError: /no/such/folder: not a bundle folder
    """
    partnership, problems = _load(path)
    if partnership is None:
        raise BundleError(problems)
    return partnership


def validate_bundle(path: str | Path) -> list[Problem]:
    """Check a bundle folder; every problem found, or an empty list if it is good.

    A bundle that loads is then checked for completeness
    (:func:`~svduty.io.check_completeness`): the specified authorities of each of its
    local government areas, the kinds of area of each authority, and every GSS code.

    Example:
        >>> validate_bundle("warwickshire")
        []
        >>> [str(p) for p in validate_bundle("/no/such/folder")]
        ['/no/such/folder: not a bundle folder']
    """
    partnership, problems = _load(path)
    return problems if partnership is None else completeness_problems(partnership)


@functools.cache
def warwickshire() -> Partnership:
    """The Warwickshire partnership, from the bundle packaged with svduty (loaded once).

    Example:
        >>> p = warwickshire()
        >>> [p.geography.get(c).name for c in p.local_area.districts]
        ['North Warwickshire', 'Nuneaton and Bedworth', 'Rugby', 'Stratford-on-Avon', 'Warwick']
    """
    return load_partnership("warwickshire")
