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

import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import tomli_w

from svduty.areas import Area, AreaKind, Geography
from svduty.authorities import AuthorityCategory
from svduty.errors import AreaError, BundleError, Problem, UnknownAreaError

__all__ = ["STARTING_KINDS", "new_bundle", "starting_districts"]

STARTING_KINDS = (
    AreaKind.POLICE_FORCE_AREA,
    AreaKind.COUNTY,
    AreaKind.UNITARY,
    AreaKind.DISTRICT,
    AreaKind.METROPOLITAN_DISTRICT,
    AreaKind.LONDON_BOROUGH,
    AreaKind.WELSH_PRINCIPAL_AREA,
    AreaKind.COMMUNITY_SAFETY_PARTNERSHIP,
)
"""The kinds of area a starting bundle can be made for (E23/W15, E10, E06-E09/W06, E22/W14)."""

_COMMENCED = "2023-01-31"
_C = AuthorityCategory
_WELSH_COUNTIES = frozenset(
    {
        "isle of anglesey",
        "gwynedd",
        "denbighshire",
        "flintshire",
        "powys",
        "ceredigion",
        "pembrokeshire",
        "carmarthenshire",
        "swansea",
        "cardiff",
        "monmouthshire",
    }
)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower().replace("&", "and")).strip("-")


def _cite(source: str, provision: str, doubt: str = "") -> dict[str, str]:
    out = {"source": source, "provision": provision}
    if doubt:
        out |= {"confidence": "unconfirmed", "doubt": doubt}
    return out


def _sch1(provision: str, doubt: str = "") -> dict[str, str]:
    return _cite("pcsc-act-2022", f"Sch 1 ({provision})", doubt)


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
            area = geo.get(code) if code.strip() in geo else geo.find(code)
        except UnknownAreaError:
            problems.append(
                Problem(
                    message="unknown area",
                    field=f"areas[{i}]",
                    expected="the GSS code or name of an area in England and Wales",
                    got=code[:40],
                )
            )
            continue
        if area.kind not in STARTING_KINDS:
            problems.append(
                Problem(
                    field=f"areas[{i}]",
                    expected="a police force area (E23/W15), county (E10), unitary or "
                    "district (E06-E09/W06) or community safety partnership (E22/W14)",
                    got=f"{area.id} ({area.kind.value})",
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
    return {
        "code": a.id,
        "name": a.name,
        "kind": a.kind.value,
        "parents": list(parents),
        "valid": {"start": a.valid.start.isoformat()},
        "citation": {"source": c.source.id, "provision": c.provision},
    }


def _council(d: Area) -> dict[str, Any]:
    name_doubt = (
        "the council's formal name (district, borough or city council) is not in the ONS "
        "tables; check it"
    )
    if d.id == "E09000001":
        cat, name, cite = (
            _C.COMMON_COUNCIL,
            "Common Council of the City of London",
            _sch1("the Common Council of the City of London"),
        )
    elif d.id == "E06000053":
        cat, name, cite = (
            _C.COUNCIL_OF_THE_ISLES_OF_SCILLY,
            "Council of the Isles of Scilly",
            (_sch1("the Council of the Isles of Scilly")),
        )
    elif d.kind is AreaKind.LONDON_BOROUGH:
        cat, name = _C.LONDON_BOROUGH_COUNCIL, f"London Borough of {d.name} council"
        cite = _sch1("a London borough council", name_doubt)
    elif d.kind is AreaKind.WELSH_PRINCIPAL_AREA:
        county_ = d.name.lower() in _WELSH_COUNTIES
        cat = _C.WELSH_COUNTY_COUNCIL if county_ else _C.WELSH_COUNTY_BOROUGH_COUNCIL
        name = f"{d.name} {'County' if county_ else 'County Borough'} Council"
        cite = _sch1(
            f"a {'county' if county_ else 'county borough'} council in Wales",
            "whether the principal area is a county or a county borough (Local Government "
            "Act 1972 Sch 4 Parts I and II) is svduty's reading of the council's name; check",
        )
    elif d.kind is AreaKind.UNITARY:
        cat, name = _C.DISTRICT_COUNCIL, f"{d.name} Council"
        cite = _sch1(
            "a district council",
            "a unitary council is either a district council or a county council for an "
            "area with no district councils; which, and its formal name, are not in the "
            "ONS tables",
        )
    else:
        cat, name = _C.DISTRICT_COUNCIL, f"{d.name} council (district)"
        cite = _sch1("a district council", name_doubt)
    return _authority(f"{_slug(d.name)}-council", name, cat, [d.id], cite)


def _authority(
    id_: str, name: str, category: AuthorityCategory, areas: list[str], citation: dict[str, str]
) -> dict[str, Any]:
    return {
        "id": id_,
        "name": name,
        "category": category.value,
        "areas": areas,
        "valid": {"start": _COMMENCED},
        "citation": citation,
    }


def _authorities(geo: Geography, districts: Sequence[Area]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    seen: set[str] = set()

    def add(record: dict[str, Any]) -> None:
        if record["id"] not in seen:
            seen.add(record["id"])
            out.append(record)

    upper: dict[str, str] = {}  # upper-tier area -> id of its council
    for d in districts:
        counties = geo.parents(d.id, AreaKind.COUNTY)
        council = _council(d)
        add(council)
        upper[d.id] = council["id"]
        for c in counties:
            cc = _authority(
                f"{_slug(c.name)}-county-council",
                f"{c.name} County Council",
                _C.COUNTY_COUNCIL,
                [c.id],
                _sch1("any other county council in England"),
            )
            add(cc)
            upper.pop(d.id, None)
            upper[c.id] = cc["id"]
    for d in districts:
        for pfa in geo.parents(d.id, AreaKind.POLICE_FORCE_AREA):
            chief = "Commissioner" if pfa.id in ("E23000001", "E23000034") else "Chief Constable"
            add(
                _authority(
                    f"{_slug(pfa.name)}-police",
                    f"{chief} of {pfa.name} police",
                    _C.CHIEF_OFFICER_OF_POLICE,
                    [pfa.id],
                    _sch1(
                        "a chief officer of police for a police area",
                        "the force's and the chief officer's formal titles are not in the "
                        "ONS tables; check them",
                    ),
                )
            )
            lpb = _authority(
                f"{_slug(pfa.name)}-local-policing-body",
                f"Local policing body for {pfa.name}",
                _C.LOCAL_POLICING_BODY,
                [pfa.id],
                _cite(
                    "pcsc-act-2022",
                    "s.14",
                    "the local policing body is a police and crime commissioner, or a mayor "
                    "or the Mayor's Office for Policing and Crime exercising its functions; "
                    "which one is not in the ONS tables",
                ),
            )
            add(lpb)
        for fra in geo.parents(d.id, AreaKind.FIRE_AND_RESCUE_AUTHORITY):
            add(
                _authority(
                    f"{_slug(fra.name)}-fire-and-rescue-authority",
                    f"{fra.name} fire and rescue authority",
                    _C.FIRE_AND_RESCUE_AUTHORITY,
                    [fra.id],
                    _sch1(
                        "a fire and rescue authority",
                        "the authority's formal name and form (combined fire authority, "
                        "county council, mayor) are not in the ONS tables",
                    ),
                )
            )
        for icb in geo.parents(d.id, AreaKind.INTEGRATED_CARE_BOARD):
            add(
                _authority(
                    _slug(icb.name),
                    icb.name,
                    _C.INTEGRATED_CARE_BOARD,
                    [icb.id],
                    _cite("ons-lsoa21-icb24", "icb24_code, icb24_name"),
                )
            )
        for lhb in geo.parents(d.id, AreaKind.LOCAL_HEALTH_BOARD):
            cite = _cite("ons-lad21-lhb22", "lhb22_code, lhb22_name")
            add(_authority(_slug(lhb.name), lhb.name, _C.LOCAL_HEALTH_BOARD, [lhb.id], cite))
    probation = _authority(
        "probation-service",
        "Probation Service (probation delivery unit to name)",
        _C.PROVIDER_OF_PROBATION_SERVICES,
        [d.id for d in districts],
        _sch1(
            "a provider of probation services",
            "the probation delivery unit(s) operating in these areas are not in the ONS "
            "tables: name them",
        ),
    )
    probation["provider_is_secretary_of_state"] = True
    add(probation)
    for area_id, council_id in upper.items():
        name = geo.get(area_id).name
        yot = _authority(
            f"{_slug(name)}-youth-justice-service",
            f"{name} youth offending team (youth justice service to name)",
            _C.YOUTH_OFFENDING_TEAM,
            [area_id],
            _sch1(
                "a youth offending team",
                "the team established by this local authority (Crime and Disorder Act "
                "1998 s.39), its name, and whether it is shared with a neighbour, are not in "
                "the ONS tables",
            ),
        )
        yot["established_by"] = [council_id]
        add(yot)
    return out


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
            a folder that already holds a bundle, or a path that is a file.

    Example:
        >>> import tempfile, svduty
        >>> path = new_bundle(tempfile.mkdtemp() + "/wales", ["W15000004"])
        >>> p = svduty.load_partnership(path)
        >>> len(p.local_area.districts), p.local_area.areas()[0]
        (4, 'Ceredigion')
    """
    geo = Geography.england_and_wales()
    districts = starting_districts(geo, areas)
    root = Path(path)
    if root.exists() and not root.is_dir():
        raise BundleError([Problem(file=str(root), expected="a folder")])
    if (root / "bundle.toml").exists() and not overwrite:
        raise BundleError.single(
            str(root), "bundle.toml", expected="an empty folder (or overwrite=True)"
        )
    names = [geo.get(a).name if a.strip() in geo else a for a in areas]
    slug = name or _slug(root.name) or "partnership"
    label = title or f"{' and '.join(names)} Serious Violence Duty partnership"
    generated = f"generated by svduty init from the ONS tables for {', '.join(areas)}"
    manifest = {
        "name": slug,
        "title": label,
        "description": f"A starting bundle {generated}. The partnership's own governance, "
        "funding and definition are not written: until a definition.toml is added the "
        "statute's definition (s.13) applies. Check every unconfirmed citation.",
    }
    local_area = {
        "name": label.removesuffix(" Serious Violence Duty partnership"),
        "districts": [d.id for d in districts],
        "valid": {"start": _COMMENCED},
        "citation": _cite(
            "pcsc-act-2022",
            "s.9 (the local government areas of the partnership)",
            f"{generated}: the partnership agreement that states the areas is not yet cited",
        ),
    }
    try:
        records = _area_records(geo, districts)
    except AreaError as exc:  # pragma: no cover - the national tables are consistent
        raise BundleError(list(exc.problems)) from None
    root.mkdir(parents=True, exist_ok=True)
    header = (
        f'# {generated}.\n# Edit the placeholders (citations with confidence = "unconfirmed").\n\n'
    )
    files: dict[str, dict[str, Any]] = {
        "bundle.toml": manifest,
        "areas.toml": {"local_area": local_area, "areas": records},
        "authorities.toml": {"authorities": _authorities(geo, districts)},
    }
    for file, data in files.items():
        (root / file).write_text(header + tomli_w.dumps(data), encoding="utf-8")
    return root
