"""The ``areas.toml`` section of a bundle: area records and the local area."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs
import cattrs

from svduty._checked import checked
from svduty.areas import Area, Geography, LocalArea, Membership
from svduty.errors import AreaError, BundleError, Problem
from svduty.io._converter import structure
from svduty.periods import Period
from svduty.sources import Citation

__all__ = ["AreasDocument", "LocalAreaDocument", "load_areas"]


@attrs.frozen(slots=True)
class LocalAreaDocument:
    """The ``[local_area]`` table: the local government areas the partnership covers.

    Attributes:
        name: The area as the partnership agreement names it.
        districts: The GSS codes of its local government areas.
        valid: When the agreement covers them.
        citation: Where the area is stated.

    Example:
        >>> from svduty.sources import cite
        >>> LocalAreaDocument("X", ("E07000001",), Period("2023-01-31"), cite("pcsc-act-2022")).name
        'X'
    """

    name: str
    districts: tuple[str, ...]
    valid: Period
    citation: Citation


@attrs.frozen(slots=True)
class AreasDocument:
    """The ``areas.toml`` file: the local area and the area records.

    Attributes:
        local_area: The Duty's local area (s.9 relevant area).
        areas: The area records (the LSOAs and wards come from the ONS tables).
        memberships: Links "area lies in parent" stated apart from the area records,
            each with its own period and citation (such as an unconfirmed mapping of
            districts to police command areas).

    Example:
        >>> [f.name for f in attrs.fields(AreasDocument)]
        ['local_area', 'areas', 'memberships']
    """

    local_area: LocalAreaDocument
    areas: tuple[Area, ...]
    memberships: tuple[Membership, ...] = ()


def _prefixed(exc: AreaError, prefix: str, file: str) -> list[Problem]:
    out = []
    for p in exc.problems:
        field = f"{prefix}.{p.field}" if prefix and p.field else (p.field or prefix or "<root>")
        out.append(attrs.evolve(p, file=p.file or file, field=field))
    return out


@checked
def load_areas(
    data: Mapping[str, Any], *, file: str, converter: cattrs.Converter
) -> tuple[Geography, LocalArea]:
    """Load the areas section: the geography and the local area.

    Raises:
        BundleError: naming the file and the field of every problem (a malformed record,
            an unknown parent, a district in two CSPs, overlapping periods, an unknown
            district in the local area).

    Example:
        >>> import svduty
        >>> from svduty.io import read_toml
        >>> from svduty.io import make_converter
        >>> from importlib import resources
        >>> d = resources.files("svduty") / "data" / "warwickshire"
        >>> conv = make_converter(svduty.warwickshire().sources)
        >>> geo, area = load_areas(read_toml(d / "areas.toml"), file="areas.toml",
        ...                        converter=conv)
        >>> area.within("E07000222")
        True
    """
    doc = structure(data, AreasDocument, file=file, converter=converter)
    # the LSOAs of the local area's districts come from the ONS tables, each naming its
    # district: only those of districts the file records (one it does not is the local
    # area's problem, named there once, not once for each of its LSOAs)
    recorded = {a.id for a in doc.areas} | {a.code for a in doc.areas}
    try:
        geography = Geography(
            doc.areas,
            doc.memberships,
            lsoa_tables=[d for d in doc.local_area.districts if d in recorded],
            national=True,
        )
    except AreaError as exc:
        raise BundleError(_prefixed(exc, "", file)) from None
    la = doc.local_area
    try:
        local_area = LocalArea(la.name, la.districts, la.valid, la.citation, geography)
    except AreaError as exc:
        raise BundleError(_prefixed(exc, "local_area", file)) from None
    return geography, local_area
