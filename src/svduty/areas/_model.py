"""Area kinds, GSS codes, areas, memberships and name normalisation.

An LSOA's match (:class:`~svduty.areas.AreaMatch`) is in :mod:`svduty.areas._match`, built
when an LSOA or a point is looked up one at a time (``svduty classify`` looks up columns).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from svduty._checked import checked, checked_fields
from svduty._words import Words
from svduty.errors import AreaError, shown
from svduty.periods import Period
from svduty.sources import Citation

__all__ = [
    "GSS_PREFIXES",
    "LOCAL_GOVERNMENT_AREA_PREFIXES",
    "Area",
    "AreaKind",
    "Match",
    "Membership",
    "check_gss",
    "kinds_of_code",
    "normalise_name",
]


class AreaKind(Words):
    """The kinds of area svduty knows, named as ONS names them.

    Example:
        >>> AreaKind("community_safety_partnership") is AreaKind.COMMUNITY_SAFETY_PARTNERSHIP
        True
        >>> AreaKind.DISTRICT.is_local_government_area
        True
    """

    COUNTRY = "country"
    REGION = "region"
    COUNTY = "county"
    DISTRICT = "district"
    UNITARY = "unitary"
    LONDON_BOROUGH = "london_borough"
    METROPOLITAN_DISTRICT = "metropolitan_district"
    WELSH_PRINCIPAL_AREA = "welsh_principal_area"
    POLICE_FORCE_AREA = "police_force_area"
    COMMUNITY_SAFETY_PARTNERSHIP = "community_safety_partnership"
    POLICE_COMMAND_AREA = "police_command_area"
    INTEGRATED_CARE_BOARD = "integrated_care_board"
    LOCAL_HEALTH_BOARD = "local_health_board"
    FIRE_AND_RESCUE_AUTHORITY = "fire_and_rescue_authority"
    LSOA2011 = "lsoa2011"
    LSOA2021 = "lsoa2021"
    WARD = "ward"

    @property
    def is_local_government_area(self) -> bool:
        """Whether areas of this kind are lower-tier local government areas (s.11(6)).

        Districts, unitaries, London boroughs, metropolitan districts and Welsh principal
        areas: the areas an LSOA's district is one of.

        Example:
            >>> AreaKind.COUNTY.is_local_government_area
            False
        """
        return self in _LOWER_TIER

    @property
    def is_lsoa(self) -> bool:
        """Whether areas of this kind are Lower Layer Super Output Areas.

        Example:
            >>> AreaKind.LSOA2011.is_lsoa, AreaKind.WARD.is_lsoa
            (True, False)
        """
        return self in (AreaKind.LSOA2011, AreaKind.LSOA2021)


_LOWER_TIER = frozenset(
    {
        AreaKind.DISTRICT,
        AreaKind.UNITARY,
        AreaKind.LONDON_BOROUGH,
        AreaKind.METROPOLITAN_DISTRICT,
        AreaKind.WELSH_PRINCIPAL_AREA,
    }
)

GSS_PREFIXES: dict[AreaKind, tuple[str, ...]] = {
    AreaKind.COUNTRY: ("E92", "W92"),
    AreaKind.REGION: ("E12",),
    AreaKind.COUNTY: ("E10",),
    AreaKind.DISTRICT: ("E07",),
    AreaKind.UNITARY: ("E06",),
    AreaKind.LONDON_BOROUGH: ("E09",),
    AreaKind.METROPOLITAN_DISTRICT: ("E08",),
    AreaKind.WELSH_PRINCIPAL_AREA: ("W06",),
    AreaKind.POLICE_FORCE_AREA: ("E23", "W15"),
    AreaKind.COMMUNITY_SAFETY_PARTNERSHIP: ("E22", "W14"),
    AreaKind.POLICE_COMMAND_AREA: (),
    AreaKind.INTEGRATED_CARE_BOARD: ("E54",),
    AreaKind.LOCAL_HEALTH_BOARD: ("W11",),
    AreaKind.FIRE_AND_RESCUE_AUTHORITY: ("E31", "W25"),
    AreaKind.LSOA2011: ("E01", "W01"),
    AreaKind.LSOA2021: ("E01", "W01"),
    AreaKind.WARD: ("E05", "W05"),
}
"""The GSS entity prefixes (letter and two digits) allowed for each kind of area.

A police command area has no GSS code: it is a force's own division. This table is
the one place svduty knows which prefixes are which kind of area.
"""

LOCAL_GOVERNMENT_AREA_PREFIXES: tuple[str, ...] = tuple(
    p for kind, prefixes in GSS_PREFIXES.items() if kind in _LOWER_TIER for p in prefixes
)
"""The GSS prefixes of local government areas (s.11(4)): E06-E09 and W06.

Example:
    >>> LOCAL_GOVERNMENT_AREA_PREFIXES
    ('E07', 'E06', 'E09', 'E08', 'W06')
    >>> "E07000220".startswith(LOCAL_GOVERNMENT_AREA_PREFIXES)
    True
"""


@checked
def kinds_of_code(code: str) -> tuple[AreaKind, ...]:
    """The kinds of area a GSS code's prefix allows (none for an unknown prefix).

    Example:
        >>> kinds_of_code("E22000359")
        (<AreaKind.COMMUNITY_SAFETY_PARTNERSHIP: 'community_safety_partnership'>,)
        >>> [k.value for k in kinds_of_code("W01000001")], kinds_of_code("S12000001")
        (['lsoa2011', 'lsoa2021'], ())
    """
    head = code[:3] if isinstance(code, str) else ""
    return tuple(kind for kind, prefixes in GSS_PREFIXES.items() if head in prefixes)


_GSS = r"^[EWSNKLM]\d{8}$"  # the ONS countries (K: several; L, M: islands)
_NEAR_GSS = r"[A-Za-z][0-9]{6,8}"  # an area code as an error shows it: nothing longer
_NO_CODE_KINDS = frozenset({AreaKind.POLICE_COMMAND_AREA})
_SLUG = r"^[a-z0-9][a-z0-9-]*$"


@checked
def check_gss(code: str, kind: AreaKind | None = None) -> str:
    """Check a GSS code's shape (a country letter and eight digits) and its entity prefix.

    Args:
        code: The code, such as ``"E07000220"``.
        kind: If given, the code's first three characters must be an entity code of
            this kind (see ``svduty.areas.GSS_PREFIXES``).

    Returns:
        The code.

    Raises:
        AreaError: if the code is malformed or of another kind of area.

    Example:
        >>> check_gss("E07000220", AreaKind.DISTRICT)
        'E07000220'
        >>> check_gss("E10000031", AreaKind.DISTRICT)
        Traceback (most recent call last):
        ...
        svduty.errors.AreaError: code: expected a district code starting E07 (got 'E10000031')
    """
    # a code mistyped by a digit or two is shown, to be found: nothing longer
    got = shown(code, shape=_NEAR_GSS) if isinstance(code, str) else None
    if not isinstance(code, str) or not re.match(_GSS, code, re.ASCII):
        raise AreaError.single(
            None,
            "code",
            expected="a GSS code: a country letter and 8 digits such as E07000220",
            got=got,
        )
    if kind is not None:
        prefixes = GSS_PREFIXES[kind]
        if code[:3] not in prefixes:
            expected = (
                f"no GSS code for {kind.a}"
                if not prefixes
                else f"{kind.a} code starting {' or '.join(prefixes)}"
            )
            raise AreaError.single(None, "code", expected=expected, got=got)
    return code


_NON_ALNUM = r"[^0-9a-z]+"


LSOA_NAME = re.compile(r"^\s*(?P<part>.*\S)\s+\d{3}[A-Z]\s*$")
"""An LSOA name: the district's name, a space and a code such as ``010E``."""


@checked
def normalise_name(name: str) -> str:
    """A name reduced for matching: case, accents, punctuation and spacing ignored.

    ``&`` counts as ``and``; every run of other characters that are not letters or digits
    counts as one space.

    Example:
        >>> normalise_name("Stratford-on-Avon")
        'stratford on avon'
        >>> normalise_name("  NUNEATON & Bedworth ") == normalise_name("Nuneaton and Bedworth")
        True
    """
    text = name  # ASCII (nearly every name) has no accents: NFKD leaves it as it is
    if not name.isascii():
        text = unicodedata.normalize("NFKD", name)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.casefold().replace("&", " and ")
    return re.sub(_NON_ALNUM, " ", text).strip()


def _check_code(instance: Area, attribute: attrs.Attribute[str | None], value: str | None) -> None:
    if value is None:
        if instance.kind not in _NO_CODE_KINDS:
            raise AreaError.single(None, "code", expected=f"a GSS code for {instance.kind.a}")
        return
    check_gss(value, instance.kind)


def _to_tuple(values: Iterable[str]) -> tuple[str, ...]:
    """The codes as a tuple; one text is one code, never its letters (final41).

    What is not a sequence (``None``, a number) is kept, for the record's check of its
    fields to name (contract42: ``parents=None`` was a raw ``TypeError``).
    """
    if isinstance(values, str):
        return (values,)
    if isinstance(values, Iterable) and not isinstance(values, bytes | Mapping):
        return tuple(values)
    return values  # type: ignore[return-value]  # the field's check refuses it


def _default_id(instance: Area) -> str:
    return instance.code or ""


@checked_fields
@attrs.frozen(slots=True, kw_only=True)
class Area:
    """An area: a GSS code, a name, a kind, the areas it lies in, when, and the source.

    Attributes:
        code: The GSS code; ``None`` only for areas without one (a police command area).
        id: The area's identifier: the code when there is one, else a slug such as
            ``"warwickshire-police-north"``.
        name: The official name.
        kind: What kind of area it is.
        parents: The ids of the areas it lies in (not only the next level up).
        valid: When the area (with this code and these parents) exists.
        citation: Where the record comes from.

    Raises:
        AreaError: if the code is malformed or of another kind, or an area without a code
            has no slug id.
        ArgumentError: for a field of another type (a name that is not text, a ``valid``
            that is not a :class:`~svduty.periods.Period`, a citation that is not a
            :class:`~svduty.sources.Citation`), naming the field, never the value.

    Example:
        >>> from svduty.sources import cite
        >>> rugby = Area(code="E07000220", name="Rugby", kind=AreaKind.DISTRICT,
        ...              parents=("E10000031",), valid=Period("2009-04-01"),
        ...              citation=cite("ons-lsoa11-ward19"))
        >>> rugby.id
        'E07000220'
        >>> Area(code="E0700022", name="Rugby", kind=AreaKind.DISTRICT,
        ...      valid=Period("2009-04-01"), citation=cite("ons-lsoa11-ward19"))
        Traceback (most recent call last):
        ...
        svduty.errors.AreaError: code: expected a GSS code: a country letter and 8 digits such as E07000220 (got 'E0700022')
    """  # noqa: E501

    kind: AreaKind = attrs.field(converter=AreaKind)
    code: str | None = attrs.field(default=None, validator=_check_code)
    id: str = attrs.field(default=attrs.Factory(_default_id, takes_self=True))
    name: str
    parents: tuple[str, ...] = attrs.field(default=(), converter=_to_tuple)
    valid: Period
    citation: Citation

    def __attrs_post_init__(self) -> None:
        if not all(
            isinstance(v, t) for v, t in ((self.id, str), (self.name, str), (self.parents, tuple))
        ):
            return  # the check of the fields names it (checked_fields)
        if self.code is not None and self.id != self.code:
            raise AreaError.single(
                None, "id", expected=f"the GSS code {self.code} (or no id)", got=self.id
            )
        if self.code is None and not re.fullmatch(_SLUG, self.id):
            raise AreaError.single(
                None, "id", expected="a slug of lower-case letters, digits and hyphens"
            )
        if not self.name.strip():
            raise AreaError.single(None, "name", expected="a non-empty name")
        if self.id in self.parents:
            raise AreaError.single(None, "parents", message="an area cannot be its own parent")

    def __reduce__(self) -> tuple[Any, ...]:
        """An area pickled as its fields' values, made again from them unchecked.

        The command's cache unpickles a partnership's areas at every start-up (Warwickshire's
        496): values in the fields' order, set on a new area, are 0.3 ms cheaper than the
        state attrs pickles (a mapping of the fields' names, read back name by name).
        Every field is given, so a pickle is never half an area.

        Example:
            >>> import pickle, svduty
            >>> area = svduty.warwickshire().geography.get("E07000222")
            >>> again = pickle.loads(pickle.dumps(area))
            >>> again == area, again.name, hash(again) == hash(area)
            (True, 'Warwick', True)
        """
        return _unpickled_area, tuple(getattr(self, name) for name in _AREA_FIELDS)


_AREA_FIELDS = tuple(f.name for f in attrs.fields(Area))


def _unpickled_area(*values: Any) -> Area:
    """An :class:`Area` from its fields' values, as :meth:`Area.__reduce__` gives them.

    Example:
        >>> _unpickled_area(*(None,) * len(_AREA_FIELDS)).name is None
        True
    """
    area = object.__new__(Area)
    for name, value in zip(_AREA_FIELDS, values, strict=True):
        object.__setattr__(area, name, value)
    return area


class Match(Words):
    """How an LSOA (or an incident's location) was resolved to a district.

    ``table``: the code is in the ONS lookup tables; ``name``: the code is not, and the
    district was read from the LSOA name ("Rugby 010E" -> Rugby); ``district``: the
    location is a local government area's own code (see
    :meth:`~svduty.areas.Geography.resolve_location`); ``conflict``: the code is in the
    tables and the LSOA name names another district (the two contradict; see
    :meth:`~svduty.areas.Geography.resolve_lsoas`); ``unresolved``: none of these.

    Example:
        >>> Match.NAME.value
        'name'
    """

    TABLE = "table"
    NAME = "name"
    DISTRICT = "district"
    CONFLICT = "conflict"
    UNRESOLVED = "unresolved"


@checked_fields
@attrs.frozen(slots=True, kw_only=True)
class Membership:
    """A link "area lies in parent" stated on its own, with its own period and citation.

    Use it when the link is less sure than the area record (a police command area's
    districts, known only from a likely mapping) or changes at another time. An area's
    ``parents`` and its memberships together are its parents.

    Attributes:
        area: The code or id of the area that lies in the parent.
        parent: The code or id of the containing area.
        valid: When the link holds; an ended link is history, not structure.
        citation: Where the link is stated (with the doubt, if unconfirmed).

    Raises:
        AreaError: for an empty code or id, or an area its own parent.
        ArgumentError: for a field of another type (``None`` for ``area``, text for
            ``valid``), naming the field, never the value.

    Example:
        >>> from svduty.sources import cite
        >>> m = Membership(area="E07000220", parent="warwickshire-police-east",
        ...                valid=Period("2023-04-01"), citation=cite("pcsc-act-2022"))
        >>> m.current
        True
    """

    area: str
    parent: str
    valid: Period
    citation: Citation

    def __attrs_post_init__(self) -> None:
        for name in ("area", "parent"):
            value = getattr(self, name)
            if isinstance(value, str) and not value.strip():
                raise AreaError.single(None, name, expected="an area's code or id")
        if self.area == self.parent:
            raise AreaError.single(None, "parent", message="an area cannot be its own parent")

    @property
    def current(self) -> bool:
        """Whether the link is open-ended (part of the structure, not history).

        Example:
            >>> from svduty.sources import cite
            >>> Membership(area="a", parent="b", valid=Period("2020-01-01", "2021-01-01"),
            ...            citation=cite("pcsc-act-2022")).current
            False
        """
        return self.valid.end is None
