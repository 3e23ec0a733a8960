"""The code of an area a scenario creates: a local government area's GSS code, or an id.

A proposed area has no GSS code until the ONS issues one, so a ``create_area`` change
names it by an id (``north-warwickshire-unitary``); a code of a GSS code's shape must be
one of a local government area (s.11(4): ``E06``-``E09``, ``W06``), checked as
``areas.toml`` checks its codes (:func:`svduty.areas.check_gss`), and of the country of
the districts it replaces. Its kind (:func:`created_kind`) is its code's, or the change's
own ``kind``, or for an id the one kind the areas it replaces can make in law
(:func:`possible_kinds`); a kind those areas cannot make is refused (:func:`check_kind`).

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
from svduty.areas import (
    GSS_PREFIXES,
    LOCAL_GOVERNMENT_AREA_PREFIXES,
    AreaKind,
    check_gss,
    kinds_of_code,
)
from svduty.errors import AreaError, DataError, Problem, describe, shown

__all__ = [
    "area_code",
    "area_country",
    "as_area_kind",
    "check_kind",
    "created_country",
    "created_kind",
    "possible_kinds",
    "structure_area_kind",
]

_COUNTRIES = {"E": "England", "W": "Wales", "S": "Scotland", "N": "Northern Ireland"}
_LGA = "a local government area's GSS code, starting " + " or ".join(
    [", ".join(LOCAL_GOVERNMENT_AREA_PREFIXES[:-1]), LOCAL_GOVERNMENT_AREA_PREFIXES[-1]]
)


_KINDS = "a kind of local government area: " + ", ".join(
    k.value for k in AreaKind if k.is_local_government_area
)


def _lga_kind(code: str) -> AreaKind | None:
    """The kind of local government area a GSS code's prefix gives, if any."""
    return next((k for k in kinds_of_code(code) if k.is_local_government_area), None)


def created_country(replaces: Sequence[str]) -> str | None:
    """The country letter (``"E"``, ``"W"``) of the areas a created area replaces, if known.

    :func:`area_country` has refused areas of two countries.

    Example:
        >>> created_country(("an-id", "W06000015")), created_country(("an-id",))
        ('W', None)
    """
    return next((c[:1] for c in replaces if is_gss_code(c)), None)


_CITY_OF_LONDON = "E09000001"
_U, _D, _M, _L, _W = (
    AreaKind.UNITARY,
    AreaKind.DISTRICT,
    AreaKind.METROPOLITAN_DISTRICT,
    AreaKind.LONDON_BOROUGH,
    AreaKind.WELSH_PRINCIPAL_AREA,
)


def possible_kinds(replaces: Sequence[str]) -> frozenset[AreaKind] | None:
    """The kinds an area made of the areas ``replaces`` codes can be in law; ``None``: not known.

    Greater London is divided into London boroughs (London Government Act 1963 s.1), so
    London boroughs make a London borough, and nothing with areas outside it (the empty
    set); the City of London is none (``None``: what it would make is not known). Wales
    is divided into principal areas (Local Government (Wales) Act 1994 s.1). In England a
    structural or boundary change goes from two tiers to one, never back, and no area
    mixes single-tier and two-tier parts (Local Government and Public Involvement in
    Health Act 2007 ss.1, 8(4)): unitary areas make a unitary area, with districts too
    (Bournemouth, Christchurch and Poole, 2019); metropolitan districts a metropolitan
    district or a unitary county; districts of a two-tier county a unitary area or one
    district of the county still (East Suffolk, 2019, has an ``E07`` code).

    Example:
        >>> sorted(k.value for k in possible_kinds(("E07000218", "E07000219")))
        ['district', 'unitary']
        >>> possible_kinds(("E06000058", "E07000048"))
        frozenset({<AreaKind.UNITARY: 'unitary'>})
        >>> possible_kinds(("E09000012", "E07000218")), possible_kinds(("an-id",))
        (frozenset(), None)
        >>> possible_kinds(("E09000001", "E09000033")), possible_kinds(("E09000001", "E07000218"))
        (None, frozenset())
    """
    kinds = {_lga_kind(c) for c in replaces if is_gss_code(c)} - {None}
    if not kinds:
        return None
    if _W in kinds:
        return frozenset({_W}) if kinds == {_W} else frozenset()
    if _L in kinds:  # the City (E09000001) is of Greater London too (1963 Act s.2(1))
        if kinds != {_L}:
            return frozenset()
        return None if _CITY_OF_LONDON in replaces else frozenset({_L})
    if _M in kinds:
        return frozenset({_M, _U})
    return frozenset({_D, _U}) if kinds == {_D} else frozenset({_U})


def created_kind(code: str, replaces: Sequence[str]) -> AreaKind | None:
    """The kind of the area a ``create_area`` change creates, where it can be told.

    A GSS code says its kind (``E06``: a unitary area, ``E07``: a district...). An id
    stands for an area with no code issued yet: it is of the kind the areas it replaces
    can make, where the law allows one only (:func:`possible_kinds`); else ``None``, and
    the change's ``kind`` says it.

    Example:
        >>> [created_kind(c, ("E06000059",)) for c in ("north", "E06000999")]
        [<AreaKind.UNITARY: 'unitary'>, <AreaKind.UNITARY: 'unitary'>]
        >>> created_kind("north", ("E09000012", "E09000030"))
        <AreaKind.LONDON_BOROUGH: 'london_borough'>
        >>> created_kind("north", ("E07000218",)) is None, created_kind("x", ("an-id",)) is None
        (True, True)
    """
    if is_gss_code(code):
        return _lga_kind(code)
    possible = possible_kinds(replaces)
    return next(iter(possible)) if possible is not None and len(possible) == 1 else None


def check_kind(code: object, replaces: object, kind: AreaKind | None) -> None:
    """Refuse a created area's kind (given, or its code's) that the law does not allow.

    A kind given must be of a local government area, its code's if it has one, of the
    country of the areas it replaces, and one those areas can make (:func:`possible_kinds`).

    Example:
        >>> check_kind("north", ("E07000218",), AreaKind.WELSH_PRINCIPAL_AREA)
        Traceback (most recent call last):
        ...
        svduty.errors.AreaError: kind: a welsh principal area is in Wales, where the districts it replaces are in England; expected a kind of local government area of England
        >>> check_kind("E07000999", ("E09000012",), None)
        Traceback (most recent call last):
        ...
        svduty.errors.AreaError: code: the areas it replaces (london borough) can make a london borough only; expected the code of an area they can make (got 'E07000999')
    """  # noqa: E501
    words = [k.value for k in AreaKind]
    if kind is not None and not kind.is_local_government_area:
        raise AreaError.single(
            None, "kind", expected=_KINDS, got=shown(kind.value, vocabulary=words)
        )
    own = _lga_kind(code) if isinstance(code, str) and is_gss_code(code) else None
    if kind is not None and own is not None and own is not kind:
        said = f"the kind its code gives ({own.value})"
        raise AreaError.single(None, "kind", expected=said, got=shown(kind.value, vocabulary=words))
    codes = tuple(c for c in replaces if is_gss_code(c)) if isinstance(replaces, tuple) else ()
    there = created_country(codes)
    if kind is not None and own is None and there is not None:
        country = GSS_PREFIXES[kind][0][:1]
        if country != there:
            where = _COUNTRIES.get(there, there)
            raise AreaError(
                Problem(
                    field="kind",
                    message=f"{kind.a} is in {_COUNTRIES[country]}, where the districts it "
                    f"replaces are in {where}",
                    expected=f"a kind of local government area of {where}",
                )
            )
    possible = possible_kinds(codes)
    if possible is None:
        return
    made = sorted({k.value.replace("_", " ") for k in map(_lga_kind, codes) if k is not None})
    if not possible:
        message = (
            f"areas of Greater London or Wales and others ({', '.join(made)}) make no one area"
        )
        raise AreaError(
            Problem(field="replaces", message=message, expected="areas that can make one")
        )
    effective = kind if kind is not None else own
    if effective is None or effective in possible:
        return
    can = " or ".join(sorted(k.a for k in possible))
    message = f"the areas it replaces ({', '.join(made)}) can make {can} only"
    if kind is not None:
        raise AreaError(
            Problem(
                field="kind",
                message=message,
                expected="a kind they can make",
                got=shown(kind.value, vocabulary=words),
            )
        )
    raise AreaError(
        Problem(
            field="code",
            message=message,
            expected="the code of an area they can make",
            got=shown(code),
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


def structure_area_kind(value: object, _: object) -> AreaKind:
    """A scenario file's ``kind``: text naming a kind of local government area.

    The loader's hook for :attr:`CreateArea.kind`, so that an unknown word is answered
    with the kinds a created area can be, not every kind of area svduty knows.

    Example:
        >>> structure_area_kind("unitary", None)
        <AreaKind.UNITARY: 'unitary'>
        >>> structure_area_kind("unitry", None)
        Traceback (most recent call last):
        ...
        svduty.errors.DataError: expected a kind of local government area: district, \
unitary, london_borough, metropolitan_district, welsh_principal_area (got a string of 6 \
characters, not shown)
    """
    words = [k.value for k in AreaKind]
    if isinstance(value, str) and value in words:
        return AreaKind(value)
    got = shown(value, vocabulary=words) if isinstance(value, str) else describe(value)
    raise DataError.single(None, None, expected=_KINDS, got=got)


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
