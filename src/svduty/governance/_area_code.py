"""The code of an area a scenario creates: a local government area's GSS code, or an id.

A proposed area has no GSS code until the ONS issues one, so a ``create_area`` change
names it by an id (``north-warwickshire-unitary``); a code of a GSS code's shape must be
one of a local government area (s.11(4): ``E06``-``E09``, ``W06``), checked as
``areas.toml`` checks its codes (:func:`svduty.areas.check_gss`), and of the country of
the districts it replaces. Its kind (:func:`created_kind`) is its code's, and an id's is
a unitary area's: an id gets the checks of an ``E06`` or ``W06`` code.

Example:
    >>> from svduty.governance import CreateArea
    >>> CreateArea("E10000099", "North", ("E07000218",))
    Traceback (most recent call last):
    ...
    svduty.errors.AreaError: code: expected a local government area's GSS code, starting E07, E06, E09, E08 or W06 (got 'E10000099')
"""  # noqa: E501

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import attrs

from svduty._ids import EXPECTED_AREA, is_gss_code, is_id
from svduty.areas import GSS_PREFIXES, LOCAL_GOVERNMENT_AREA_PREFIXES, AreaKind, check_gss
from svduty.errors import AreaError, Problem, describe, shown

__all__ = ["area_code", "area_country", "created_kind"]

_COUNTRIES = {"E": "England", "W": "Wales", "S": "Scotland", "N": "Northern Ireland"}
_LGA = "a local government area's GSS code, starting " + " or ".join(
    [", ".join(LOCAL_GOVERNMENT_AREA_PREFIXES[:-1]), LOCAL_GOVERNMENT_AREA_PREFIXES[-1]]
)


_KIND_OF_PREFIX = {
    p: k for k, prefixes in GSS_PREFIXES.items() if k.is_local_government_area for p in prefixes
}
_UNITARY_IN = {"E": AreaKind.UNITARY, "W": AreaKind.WELSH_PRINCIPAL_AREA}


def created_kind(code: str, replaces: Sequence[str]) -> AreaKind | None:
    """The kind of the area a ``create_area`` change creates: by its code, else a unitary.

    A GSS code says its kind (``E06``: a unitary area, ``E07``: a district...). An id
    stands for an area with no code issued yet, and the area that replaces districts in
    a reorganisation is a unitary area whatever its name: in England that of a council
    with both the county and the district functions (``E06``), in Wales a principal area
    (``W06``), by the country of the districts it replaces. ``None`` where none of them
    has a GSS code to say the country.

    Example:
        >>> [created_kind(c, ("E07000218",)) for c in ("north", "E07000999")]
        [<AreaKind.UNITARY: 'unitary'>, <AreaKind.DISTRICT: 'district'>]
        >>> created_kind("north", ("an-id",)) is None
        True
    """
    if is_gss_code(code):
        return _KIND_OF_PREFIX.get(code[:3])
    country = next((c[0] for c in replaces if is_gss_code(c)), None)
    return None if country is None else _UNITARY_IN.get(country)


def area_code(_: object, attribute: attrs.Attribute[str], code: object) -> None:
    """Refuse a code that is neither an id nor a local government area's GSS code.

    Example:
        >>> from svduty.governance import CreateArea
        >>> CreateArea("north-unitary", "North", ("E07000218",)).code
        'north-unitary'
    """
    if not isinstance(code, str) or is_id(code):
        return  # not text: the field's type check says so; an id: no code issued yet
    if not is_gss_code(code):
        raise AreaError.single(None, attribute.name, expected=EXPECTED_AREA, got=describe(code))
    check_gss(code)  # the check of areas.toml's codes
    if not code.startswith(LOCAL_GOVERNMENT_AREA_PREFIXES):
        raise AreaError.single(None, attribute.name, expected=_LGA, got=shown(code))


def area_country(code: Any, replaces: Any) -> None:
    """Refuse an area that replaces districts of another country, or of two.

    Example:
        >>> area_country("W06000099", ("E07000218",))
        Traceback (most recent call last):
        ...
        svduty.errors.AreaError: replaces[0]: a district of England, where the area created is in Wales; expected districts of the area's country
    """  # noqa: E501
    if not isinstance(replaces, tuple):
        return  # not a list of codes: the field's type check says so
    codes = [(f"replaces[{j}]", c) for j, c in enumerate(replaces) if is_gss_code(c)]
    if not codes:
        return
    field, first = ("code", code) if is_gss_code(code) else codes[0]
    country = _COUNTRIES.get(first[0], first[0])
    problems = [
        Problem(
            field=at,
            message=f"a district of {_COUNTRIES.get(c[0], c[0])}, where "
            + ("the area created" if field == "code" else field)
            + f" is in {country}",
            expected="districts of the area's country",
        )
        for at, c in codes
        if c[0] != first[0]
    ]
    if problems:
        raise AreaError(problems)
