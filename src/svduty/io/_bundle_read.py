"""Reading a bundle's files: the manifest, then the sections, with every problem found.

Imported when a bundle is read: a command whose partnership comes from the command's
cache (:mod:`svduty._commands._cache`) never builds these classes nor imports the
sections' table (:mod:`svduty.io._sections`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from svduty import sources as _sources
from svduty._data import data
from svduty._ids import BREAKS
from svduty.errors import BundleError, DataError, Problem
from svduty.io import _sections
from svduty.io._files import what_is
from svduty.io._missing import link_trouble
from svduty.io._packaged import MANIFEST, PACKAGED, is_packaged
from svduty.io._sections import SectionContext, _present, _read, _relative
from svduty.sources import Source, Sources

if TYPE_CHECKING:
    import cattrs

__all__ = ["Loaded", "Manifest", "load_some"]

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
        manifest = structure(raw, Manifest, file=MANIFEST, converter=_converter(_sources.CATALOGUE))
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
            national = _converter(_sources.CATALOGUE)
            sources = sources.extend([structure(item, Source, converter=national)])
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
class Loaded:
    """What loading some sections of a bundle gave: the manifest and the fields."""

    root: Path
    manifest: Manifest | None
    sources: Sources
    fields: dict[str, object]
    problems: list[Problem]


@functools.lru_cache(maxsize=8)
def _converter(sources: Sources) -> cattrs.Converter:
    """The converter of a catalogue, made once (ci59a).

    cattrs writes and compiles a structuring function for each class the first time a
    converter meets it: a new converter for each bundle read did that again for every
    class of every section (a sixth of the CPU of reading Warwickshire's bundle). The
    converter never leaves the reading (the sections' loaders copy it before they add
    hooks of their own) and equal catalogues resolve citations alike.
    """
    from svduty.io._converter import make_converter

    return make_converter(sources)


def load_some(path: str | Path, keys: tuple[str, ...] | None = None) -> Loaded:
    """The manifest and the sections ``keys`` (default: all), with every problem found."""
    root = _resolve(path)
    problems: list[Problem] = []
    if not root.is_dir():
        gone = link_trouble(root, "folder") or "no such folder"
        why = f"not a bundle folder: {what_is(root) if root.exists() else gone}"
        problems.append(Problem(message=why, file=str(root)))
        return Loaded(root, None, _sources.CATALOGUE, {}, problems)
    raw = _read(root, MANIFEST, problems)
    if raw is None:  # no manifest: not a bundle to check further
        return Loaded(root, None, _sources.CATALOGUE, {}, problems)
    manifest, sources = _load_manifest(raw, root, problems)
    converter = _converter(sources)
    loaded: dict[str, object] = {}
    for key, spec in _sections.SECTIONS.items():
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
    return Loaded(root, manifest, sources, loaded, _first_per_field(problems))
