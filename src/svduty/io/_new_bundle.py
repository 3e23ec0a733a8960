"""A starting bundle for any partnership in England and Wales, from the national ONS tables.

:func:`new_bundle` (and ``svduty init``) writes ``bundle.toml``, ``areas.toml`` and
``authorities.toml`` for a police force area, a county, a unitary or district, or a
community safety partnership: its local government areas, the areas they lie in, and the
specified authorities Schedule 1 implies for them, each cited. What the tables cannot tell
(a council's formal name, the probation delivery unit, the youth justice service, the
local policing body's form) is written as an unconfirmed placeholder with the doubt
stated. No ``definition.toml`` is written: the statute's definition applies until the
partnership adds its own.

Example:
    >>> import tempfile, svduty
    >>> path = new_bundle(tempfile.mkdtemp() + "/rugby", ["E07000220"])
    >>> p = svduty.load_partnership(path)
    >>> p.local_area.areas(), len(p.specified_authority_ids())
    (('Rugby',), 7)
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import tomli_w

from svduty._arguments import path_argument, texts_argument
from svduty._checked import checked
from svduty.areas import Area, AreaKind, Geography
from svduty.areas._national import DUTY_START, shared_csp
from svduty.errors import AreaError, BundleError, DataError, Problem
from svduty.io._bundle import validate_bundle
from svduty.io._bundle_read import Manifest
from svduty.io._councils_2023 import abolished_areas
from svduty.io._new_authorities import COMMENCED, authorities, cite, plain_name, slug
from svduty.io._new_records import TITLE_SUFFIX, default_title
from svduty.io._sections import SECTIONS
from svduty.io._starting_districts import (
    STARTING_KINDS,
    _area,
    starting_districts,
    suggestions,
)
from svduty.io._write_paths import replace_text, write_folder
from svduty.sources import Confidence

__all__ = ["STARTING_KINDS", "new_bundle", "starting_districts", "suggestions"]


def _area_records(geo: Geography, districts: Sequence[Area]) -> list[dict[str, Any]]:
    """The districts, every area they lie in, and the other districts of those areas.

    A district outside the local area keeps only the parents written here, so that
    "which districts lie in this ICB (CSP, force...)" has its full answer in the bundle.
    """
    ours = {d.id for d in districts}
    above: dict[str, Area] = {}
    for d in districts:
        for p in geo.parents(d.id):
            above[p.id] = p
    neighbours: dict[str, Area] = {}
    for a in above.values():
        if a.kind in (AreaKind.COUNTRY, AreaKind.REGION):
            continue
        for d in geo.districts_within(a.id):
            if d.id not in ours:
                neighbours[d.id] = d
    records = []
    for a in sorted(above.values(), key=lambda a: (a.kind is not AreaKind.COUNTRY, a.id)):
        records.append(_record(a, [p for p in a.parents if p in above]))
    for d in [*districts, *sorted(neighbours.values(), key=lambda a: a.id)]:
        records.append(_record(d, [p for p in d.parents if p in above]))
    return records


def _record(a: Area, parents: Iterable[str]) -> dict[str, Any]:
    c = a.citation
    citation: dict[str, Any] = {"source": c.source.id, "provision": c.provision}
    since = c.doubt is None and a.valid.start == DUTY_START  # the Duty's start, not the area's
    doubts = [d for d in (c.doubt, _SINCE_THE_TABLES if since else None, shared_csp(a.id)) if d]
    if doubts:
        known = c.confidence if c.doubt is not None else Confidence.UNCONFIRMED
        citation |= {"confidence": known.value, "doubt": "; ".join(doubts)}
    return {
        "code": a.id,
        "name": a.name,
        "kind": a.kind.value,
        "parents": list(parents),
        "valid": {"start": a.valid.start.isoformat()},
        "citation": citation,
    }


_SINCE_THE_TABLES = (
    "valid from 31 January 2023, when the Duty came into force (SI 2022/1227 reg 4): the "
    "national ONS tables svduty packages (2024 edition; the table this record cites may be "
    "an earlier one) give no earlier history, so the area may be older; put the day it "
    "began if it matters"
)


@checked
def new_bundle(
    path: str | Path,
    areas: Sequence[str],
    *,
    name: str | None = None,
    title: str | None = None,
    overwrite: bool = False,
) -> Path:
    """Write a valid starting bundle for a partnership in England or Wales.

    Args:
        path: The folder to write (created; it must be empty unless ``overwrite``).
            The bundle is written whole or not at all: a new folder is built beside
            ``path`` under a temporary name and renamed to ``path`` once complete; into
            an existing folder each file is written to a temporary file and renamed,
            ``bundle.toml`` last, and the files added are removed again if writing
            fails or is interrupted. Either way a rerun after a failure succeeds.
        areas: GSS codes (or names) of police force areas, counties, unitaries or
            districts, or community safety partnerships; the bundle covers every local
            government area within them.
        name: The bundle's short name (default: from the folder's name).
        title: The partnership's title (default: from the areas' names).
        overwrite: Replace the bundle files of a folder that has them.

    Returns:
        The bundle folder.

    Raises:
        BundleError: for an unknown area or one of another kind (naming ``areas[i]``),
            a folder that already holds a bundle, a path that is a file, or a name or
            title :class:`~svduty.io.Manifest` refuses (naming ``name`` or ``title``).

    Example:
        >>> import tempfile, svduty
        >>> path = new_bundle(tempfile.mkdtemp() + "/wales", ["W15000004"])
        >>> p = svduty.load_partnership(path)
        >>> len(p.local_area.districts), p.local_area.areas()[0]
        (4, 'Ceredigion')
    """
    path_argument(path, "new_bundle(path)", "the folder to write (str or os.PathLike)")
    areas = texts_argument(areas, "new_bundle(areas)", "a GSS code or an area's name (str)")
    geo = Geography.england_and_wales()
    districts = starting_districts(geo, areas)
    root = Path(path)
    if (root.exists() or root.is_symlink()) and not root.is_dir():  # a link to nothing too
        raise BundleError([Problem(file=str(root), expected="a folder")])
    if (root / "bundle.toml").exists() and not overwrite:
        raise BundleError.single(
            str(root), "bundle.toml", expected="an empty folder (or overwrite=True)"
        )
    held = [e for e in root.iterdir() if not e.name.startswith(".")] if root.is_dir() else []
    if held and not overwrite:  # hidden entries (.git, .DS_Store) do not count
        raise BundleError(
            [
                Problem(
                    file=str(root),
                    message=f"the folder holds {len(held)} file(s) or folder(s)",
                    expected="an empty folder (or overwrite=True)",
                )
            ]
        )
    names = list(dict.fromkeys(plain_name(_area(geo, a).name) for a in areas))  # each once
    short = name or slug(root.name) or "partnership"
    label = title or default_title(names)
    try:  # the name and title as the manifest checks them, before anything is written
        Manifest(short, label)
    except DataError as exc:
        raise BundleError(exc.problems) from None
    generated = f"generated by svduty init from the ONS tables for {', '.join(areas)}"
    manifest = {
        "name": short,
        "title": label,
        "description": f"A starting bundle {generated}. The partnership's own governance, "
        "funding and definition are not written: until a definition.toml is added the "
        "statute's definition (s.13) applies. Check every unconfirmed citation.",
    }
    local_area = {
        "name": label.removesuffix(TITLE_SUFFIX),
        "districts": [d.id for d in districts],
        "valid": {"start": COMMENCED},
        "citation": cite(
            "pcsc-act-2022",
            # one area: the s.8 duty alone; several: one strategy for each under s.8 and for
            # them all as a relevant area under s.9, as s.8(9) allows (s.9(13): two or more)
            "s.8(1) (the local government area of the partnership)"
            if len(districts) == 1
            else "s.8(9) (one strategy for the local government areas, also made under s.9)",
            f"{generated}: the partnership agreement that states the areas is not yet cited",
        ),
    }
    try:
        records = [*_area_records(geo, districts), *abolished_areas(geo, districts)]
    except AreaError as exc:  # pragma: no cover - the national tables are consistent
        raise BundleError(list(exc.problems)) from None
    files: dict[str, dict[str, Any]] = {
        "areas.toml": {"local_area": local_area, "areas": records},
        "authorities.toml": {"authorities": authorities(geo, districts)},
        "bundle.toml": manifest,
    }
    header = (
        f'# {generated}.\n# Edit the placeholders (citations with confidence = "unconfirmed").\n\n'
    )
    texts = {  # every file rendered before any is written; bundle.toml last
        file: header + tomli_w.dumps(data) for file, data in files.items()
    }
    if root.exists():
        _fits_what_is_kept(root, texts)
        _write_into(root, texts)
    else:
        write_folder(root, texts)
    return root


def _fits_what_is_kept(root: Path, texts: dict[str, str]) -> None:
    """Refuse to write over a bundle whose kept files would not fit the new ones.

    ``overwrite`` replaces ``bundle.toml``, ``areas.toml`` and ``authorities.toml`` and
    keeps the others (a definition, a governance graph, funding): a kept file that cites a
    source of the old ``bundle.toml`` or names an old authority would leave a bundle that
    does not validate. The new bundle is first put together in a temporary folder with
    the kept files and validated there; the folder is written only if it validates.

    Raises:
        BundleError: naming each kept file's problems (the folder is left as it was).
    """
    files = [spec.file for spec in SECTIONS.values() if spec.file not in texts]
    # the other sections' files, and the what-ifs (they name authorities and areas)
    kept = [f for f in (*files, "scenarios") if (root / f).exists()]
    if not kept:
        return
    with tempfile.TemporaryDirectory() as tmp:
        trial = Path(tmp)
        for file, text in texts.items():
            (trial / file).write_text(text, encoding="utf-8")
        for file in kept:
            if (root / file).is_dir():
                shutil.copytree(root / file, trial / file)
            else:
                shutil.copyfile(root / file, trial / file)
        problems = validate_bundle(trial)
    if problems:
        said = (
            f"with the files kept ({', '.join(kept)}) the new bundle does not validate: "
            f"{len(problems)} problem(s), such as "
            f"{str(problems[0]).replace(str(trial), str(root))}"
        )
        expected = (
            "an empty folder, or one whose other files fit the areas (move them out, or "
            "start in a new folder); nothing was written"
        )
        raise BundleError([Problem(file=str(root), message=said, expected=expected)])


def _write_into(root: Path, texts: dict[str, str]) -> None:
    """Write each file whole (a temporary beside it, renamed over it), ``bundle.toml`` last.

    Interrupted or failed, the files this call added are removed again; a file that was
    there before (``overwrite``) keeps its old text or has its new one, never a part.
    """
    added: list[Path] = []
    try:
        for file, text in texts.items():
            target = root / file
            if not target.exists():
                added.append(target)
            replace_text(target, text)
    except BaseException:
        for target in added:
            target.unlink(missing_ok=True)
        raise
