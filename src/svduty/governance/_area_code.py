"""The code of an area a scenario creates: a local government area's GSS code, or an id.

A proposed area has no GSS code until the ONS issues one, so a ``create_area`` change
names it by an id (``north-warwickshire-unitary``); a code of a GSS code's shape must be
one of a local government area (s.11(4): ``E06``-``E09``, ``W06``), checked as
``areas.toml`` checks its codes (:func:`svduty.areas.check_gss`), and of the country of
the districts it replaces. Its kind (:func:`created_kind`) is its code's, or the one kind
of the areas an id replaces where a merger cannot change it, or the change's own ``kind``.

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

__all__ = ["area_code", "area_country", "area_kind_given", "as_area_kind", "created_kind"]

_COUNTRIES = {"E": "England", "W": "Wales", "S": "Scotland", "N": "Northern Ireland"}
_LGA = "a local government area's GSS code, starting " + " or ".join(
    [", ".join(LOCAL_GOVERNMENT_AREA_PREFIXES[:-1]), LOCAL_GOVERNMENT_AREA_PREFIXES[-1]]
)


_KINDS = "a kind of local government area: " + ", ".join(
    k.value for k in AreaKind if k.is_local_government_area
)
_KIND_OF_PREFIX = {
    p: k for k, prefixes in GSS_PREFIXES.items() if k.is_local_government_area for p in prefixes
}


def created_kind(code: str, replaces: Sequence[str]) -> AreaKind | None:
    """The kind of the area a ``create_area`` change creates, where it can be told.

    A GSS code says its kind (``E06``: a unitary area, ``E07``: a district...). An id
    stands for an area with no code issued yet: it is of the one kind of the areas it
    replaces, where that kind cannot change by a merger (unitary areas, metropolitan
    districts, London boroughs, Welsh principal areas). Districts of a two-tier county
    (``E07``) may become a unitary area or one district of the county still (East
    Suffolk, 2019, has an ``E07`` code): ``None``, as for areas of several kinds or none
    with a GSS code. The change's ``kind`` says it then.

    Example:
        >>> [created_kind(c, ("E06000059",)) for c in ("north", "E07000999")]
        [<AreaKind.UNITARY: 'unitary'>, <AreaKind.DISTRICT: 'district'>]
        >>> created_kind("north", ("E09000012", "E09000030"))
        <AreaKind.LONDON_BOROUGH: 'london_borough'>
        >>> created_kind("north", ("E07000218",)) is None, created_kind("x", ("an-id",)) is None
        (True, True)
    """
    if is_gss_code(code):
        return _KIND_OF_PREFIX.get(code[:3])
    kinds = {_KIND_OF_PREFIX.get(c[:3]) for c in replaces if is_gss_code(c)}
    kind = kinds.pop() if len(kinds) == 1 else None
    return None if kind is AreaKind.DISTRICT else kind


def area_kind_given(code: object, replaces: object, kind: AreaKind) -> None:
    """Refuse a ``kind`` that is no local government area's, or not its code's or country's.

    Example:
        >>> area_kind_given("north", ("E07000218",), AreaKind.WELSH_PRINCIPAL_AREA)
        Traceback (most recent call last):
        ...
        svduty.errors.AreaError: kind: a welsh principal area is in Wales, where the districts it replaces are in England; expected a kind of local government area of England
    """  # noqa: E501
    if not kind.is_local_government_area:
        raise AreaError.single(None, "kind", expected=_KINDS, got=shown(kind.value))
    if isinstance(code, str) and is_gss_code(code):
        own = _KIND_OF_PREFIX.get(code[:3])
        if own is not kind:
            said = f"the kind its code gives ({own.value if own else code[:3]})"
            raise AreaError.single(None, "kind", expected=said, got=shown(kind.value))
        return
    country = GSS_PREFIXES[kind][0][:1]
    codes = [c for c in replaces if is_gss_code(c)] if isinstance(replaces, tuple) else []
    if codes and codes[0][:1] != country:
        there = _COUNTRIES.get(codes[0][:1], codes[0][:1])
        raise AreaError(
            Problem(
                field="kind",
                message=f"{kind.a} is in {_COUNTRIES[country]}, where the districts it "
                f"replaces are in {there}",
                expected=f"a kind of local government area of {there}",
            )
        )


def as_area_kind(value: object) -> Any:
    """Text naming a kind of area as its :class:`~svduty.areas.AreaKind`; else as it is.

    Example:
        >>> as_area_kind("unitary"), as_area_kind(None)
        (<AreaKind.UNITARY: 'unitary'>, None)
    """
    if not isinstance(value, str):
        return value  # an AreaKind, None, or another type the field's check refuses
    try:
        return AreaKind(value)
    except ValueError:
        raise AreaError.single(None, "kind", expected=_KINDS, got=describe(value)) from None


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
