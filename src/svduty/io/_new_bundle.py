"""A starting bundle for any partnership in England and Wales, from the national ONS tables.

:func:`new_bundle` (and ``svduty init``) writes ``bundle.toml``, ``areas.toml`` and
``authorities.toml`` for a police force area, a county, a unitary or district, or a
community safety partnership: its local government areas, the areas they lie in, and the
specified authorities Schedule 1 implies for them, each cited. What the tables cannot tell
(a council's formal name, the Probation Service's region and probation delivery unit,
the youth justice service, the local policing body's form) is written as an unconfirmed
placeholder with the doubt stated. No ``definition.toml`` is written: the statute's
definition applies until the partnership adds its own.

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
from svduty.areas._ceased import ceased_note, not_in_the_tables
from svduty.areas._national import DUTY_START, shared_csp
from svduty.areas._tables import read_table
from svduty.errors import AreaError, BundleError, DataError, Problem, Shown, UnknownAreaError
from svduty.io._area_hints import also_known_as, ceased_problem, forces_within
from svduty.io._area_names import STARTING_KINDS, force_area, outside_force, suggestions
from svduty.io._bundle import validate_bundle
from svduty.io._bundle_read import Manifest
from svduty.io._combined_areas import combined_note
from svduty.io._councils_2023 import abolished_areas, ceased_county
from svduty.io._files import in_the_way, what_is
from svduty.io._missing import link_trouble
from svduty.io._new_authorities import COMMENCED, authorities, cite, plain_name, slug
from svduty.io._new_records import TITLE_SUFFIX, default_title
from svduty.io._sections import SECTIONS
from svduty.io._write_paths import replace_text, write_folder
from svduty.sources import Confidence

__all__ = ["STARTING_KINDS", "new_bundle", "starting_districts", "suggestions"]


def _area(geo: Geography, code: str) -> Area:
    """The area a GSS code (in any case, with spaces around) or a name stands for.

    Raises:
        UnknownAreaError: for neither.

    Example:
        >>> geo = Geography.england_and_wales()
        >>> _area(geo, " e07000222 ").name, _area(geo, "warwick").id
        ('Warwick', 'E07000222')
        >>> _area(geo, "Caerdydd").name, _area(geo, "Ynys Môn").id  # names in Welsh too
        ('Cardiff', 'W06000001')
        >>> _area(geo, "City of London Police").id  # a force's name: its police force area
        'E23000034'
        >>> _area(geo, "Greater London").name  # the tables' name of the region
        'London'
    """
    key = code.strip().upper()
    if key in geo:
        return geo.get(key)
    if (other := also_known_as(geo, code)) is not None:
        return other
    # a police force's own name ('Thames Valley Police', 'Heddlu Gogledd Cymru'): its area
    return force_area(geo, code) or geo.find(code)  # a name, in English or (Wales) Welsh


def part_of(geo: Geography, given: str) -> tuple[Area, Area, tuple[Area, ...]] | None:
    """A community safety partnership that covers part of a district, with the district.

    The tables place no LSOA in a CSP, only districts: a starting bundle from such a CSP
    covers its whole district (and so its other CSPs' areas); ``svduty init`` says so.

    Example:
        >>> geo = Geography.england_and_wales()
        >>> csp, district, others = part_of(geo, "Allerdale")
        >>> district.name, len(others)
        ('Cumberland', 2)
        >>> part_of(geo, "Rugby") is None
        True
    """
    try:
        area = _area(geo, given)
    except UnknownAreaError:
        return None
    kind = AreaKind.COMMUNITY_SAFETY_PARTNERSHIP
    if area.kind is not kind:
        return None
    for d in geo.districts_within(area.id):
        others = tuple(c for c in geo.parents(d.id, kind) if c.id != area.id)
        if others:
            return area, d, others
    return None


def same_name(geo: Geography, given: str) -> tuple[Area, ...]:
    """The other areas ``given`` also names, of other local government areas.

    A name stands for the first area of :meth:`Geography.find <svduty.areas.Geography.find>`'s
    order; ``svduty init`` names the others, so that "Kent" (the county) is not taken for
    Kent's police force area (which has Medway too) unnoticed.

    Example:
        >>> geo = Geography.england_and_wales()
        >>> [(a.kind.value, a.id) for a in same_name(geo, "Kent")]
        [('police_force_area', 'E23000032')]
        >>> same_name(geo, "E10000016"), same_name(geo, "Rugby")  # a code; Rugby's CSP is Rugby
        ((), ())
        >>> [a.name for a in same_name(geo, "Durham")]  # the police force area, or the county?
        ['County Durham']
        >>> [(a.kind.value, a.id) for a in same_name(geo, "Dorset")]  # not the CSP Dorset
        [('police_force_area', 'E23000039')]
    """
    if given.strip().upper() in geo:
        return ()
    chosen = starting_districts(geo, [given])
    also = [f"County {given.strip()}", f"City of {given.strip()}"]  # "Durham": County Durham
    found: dict[tuple[Area, ...], Area] = {}
    for a in (a for name in (given, *also) for a in geo.named(name)):
        covered = starting_districts(geo, [a.id]) if a.kind in STARTING_KINDS else chosen
        if covered == chosen:
            continue
        # one area for each other set of districts: of those, the kind listed first in
        # STARTING_KINDS (a police force area before a CSP of the same districts: areas55,
        # "Dorset" named the partnership and not the force area)
        was = found.get(covered)
        if was is None or STARTING_KINDS.index(a.kind) < STARTING_KINDS.index(was.kind):
            found[covered] = a
    return tuple(found.values())


def _beyond(geo: Geography, code: str) -> str:
    """What to add for a code or name the tables do not start from.

    A code of Scotland or Northern Ireland (the Duty does not extend there), a metropolitan
    county or combined authority, an abolished district, an LSOA or a ward.

    Example:
        >>> geo = Geography.england_and_wales()
        >>> _beyond(geo, "harrogate")
        ' (Harrogate ceased on 2023-04-01: its area is part of North Yorkshire, E06000065)'
        >>> _beyond(geo, "E01031180")
        ' (an LSOA: give its district, Rugby, E07000220)'
        >>> _beyond(geo, "E05009861")
        ' (a ward: give its district, Middlesbrough, E06000002)'
        >>> _beyond(geo, "West Yorkshire Combined Authority")[:29]  # by name: the same note
        " (a combined authority's area"
    """
    key = code.strip().upper()
    if len(key) == 9 and key[0] in "SN" and key[1:].isdigit() and key.isascii():
        return " (the Duty does not extend to Scotland or Northern Ireland)"
    if combined := combined_note(geo, code):  # a combined authority, a metropolitan county
        return combined
    if county := ceased_county(geo, key):
        return county
    if ceased := ceased_note(key, lambda code: geo.get(code).name):
        return ceased
    district = geo.district_code_of(key) if key[1:3] == "01" and key.isascii() else None
    if district is not None and district in geo:
        return f" (an LSOA: give its district, {geo.get(district).name}, {district})"
    if key[1:3] == "05" and key.isascii():  # an electoral ward (2024) of the tables
        wards = read_table("lsoa21-ward24-lad24", ("ward24_code", "ltla24_code"))
        codes = wards.column(0).to_pylist()  # an error's path: a list of 35,000 is fine
        district = wards.column(1)[codes.index(key)].as_py() if key in codes else None
        if district is not None and district in geo:
            return f" (a ward: give its district, {geo.get(district).name}, {district})"
    return outside_force(code)  # Police Scotland, the PSNI: not a force the Duty has


def _typed_area(code: str, beyond: str) -> Shown | str:
    """What an error shows of a typed area it does not start from: a known kind's name.

    A value :func:`_beyond` knows the kind of (a combined authority's name, a former
    district's, an LSOA code) is a public area's name or code, the user's own: shown
    (escaped, as every shown value is) up to 100 characters (users55: "York and North
    Yorkshire Combined Authority" was "a string of 43 characters, not shown"). Any other
    value is screened as ever.

    Example:
        >>> _typed_area("York and North Yorkshire Combined Authority", " (a combined ...)")
        'York and North Yorkshire Combined Authority'
        >>> type(_typed_area("Jane Smith", "")).__name__
        'str'
    """
    return Shown(code) if beyond and len(code) <= 100 else code


def _names(geo: Geography) -> dict[str, str]:
    """The names of the local government areas of the tables, by code."""
    return {a.id: a.name for kind in STARTING_KINDS for a in geo.all(kind)}


def starting_districts(geo: Geography, codes: Sequence[str]) -> tuple[Area, ...]:
    """The local government areas a starting bundle covers, from area codes or names.

    Raises:
        BundleError: naming ``areas[i]`` for a code or name that is not an area of
            :data:`STARTING_KINDS` in England and Wales.

    Example:
        >>> geo = Geography.england_and_wales()
        >>> [a.name for a in starting_districts(geo, ["E22000359"])]
        ['Stratford-on-Avon', 'Warwick']
    """
    problems: list[Problem] = []
    found: dict[str, Area] = {}
    for i, code in enumerate(codes):
        try:
            area = _area(geo, code)
        except UnknownAreaError:
            ceased = ceased_problem(code, f"areas[{i}]", _names(geo))
            if ceased is not None:  # the table's name and code: shown, not the text given
                problems.append(ceased)
                continue
            near, beyond = suggestions(geo, code), _beyond(geo, code)
            problems.append(
                Problem(  # an LSOA, a ward, a ceased district is known, but not a start
                    message="not an area a bundle starts from" if beyond else "unknown area",
                    field=f"areas[{i}]",
                    expected="the GSS code or name of an area in England and Wales"
                    + (beyond or not_in_the_tables(code))
                    + (f"; did you mean {' or '.join(near)}?" if near else ""),
                    got=_typed_area(code, beyond),
                )
            )
            continue
        if area.kind not in STARTING_KINDS:
            problems.append(  # the id, name and kind are the national table's, not the input
                Problem(
                    message=f"{area.id} ({area.name}) is {area.kind.a}",
                    field=f"areas[{i}]",
                    expected="a police force area (E23/W15), county (E10), unitary or "
                    "district (E06-E09/W06) or community safety partnership (E22/W14)"
                    + (
                        f"; {pfas}: give those, or its local government areas, by name or code"
                        if (pfas := forces_within(geo, area))
                        else ""
                    ),
                )
            )
            continue
        for d in geo.districts_within(area.id):
            found[d.id] = d
    if not problems and not found:
        problems.append(Problem(field="areas", expected="at least one area code"))
    if problems:
        raise BundleError(problems)
    return tuple(sorted(found.values(), key=lambda a: a.id))


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
        gone = link_trouble(root, "folder") or "a link to nothing"  # is_symlink: a link
        there = f"{what_is(root)} is there" if root.exists() else gone
        raise BundleError([Problem(file=str(root), message=there, expected="a folder")])
    if (up := in_the_way(root)) is not None:  # 'init FILE/sub' (hostile62 left it)
        raise BundleError([Problem(file=str(root), message=f"cannot be made ({up})")])
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
    said = [a if a.isprintable() else plain_name(_area(geo, a).name) for a in areas]  # no \x07
    generated = f"generated by svduty init from the ONS tables for {', '.join(said)}"
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
