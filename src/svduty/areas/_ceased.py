"""Districts that ceased to exist: the 2022 table's local government areas the 2024 tables lack.

The national tables name each 2021 LSOA's district as at 2022 (``lsoa11-lsoa21-lad22``) and
as at 2024 (``lsoa21-ward24-lad24``). The districts of Cumbria, North Yorkshire and Somerset
that were abolished on 1 April 2023 are in the first and not in the second; each lies
wholly in one 2024 district, its successor (every LSOA of it lies there). A location given
as such a code is read as its successor, as a 2011 LSOA is read as the 2024 district of its
2021 best fit: whatever the incident's date, the areas are those of the current tables.

Example:
    >>> d = ceased_districts()["E07000026"]
    >>> d.name, d.successor, str(d.ended)
    ('Allerdale', 'E06000063', '2023-04-01')
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
from collections import defaultdict
from collections.abc import Callable
from typing import TYPE_CHECKING

import attrs

from svduty import _compute as pc
from svduty.areas._best_fit import lsoa21_table
from svduty.areas._earlier import earlier_areas
from svduty.areas._tables import read_table
from svduty.sources import Citation, Confidence, cite

__all__ = ["EARLIER", "CeasedDistrict", "ceased_districts", "ceased_note", "not_in_the_tables"]

REORGANISED = _dt.date(2023, 4, 1)
"""The day the ceased districts of the tables were replaced by unitary councils."""

_DOUBT = (
    "the 2022 table names the district and the 2023 and 2024 tables do not; the day it "
    "ceased (1 April 2023, the Cumbria, North Yorkshire and Somerset structural changes "
    "orders of 2022) is not in the tables"
)


@attrs.frozen(slots=True)
class CeasedDistrict:
    """A local government area of the 2022 table that the 2024 tables no longer have.

    Attributes:
        code: Its GSS code.
        name: Its name (as the 2022 table gives it).
        successor: The 2024 local government area every LSOA of it lies in.
        ended: The first day it no longer existed.
        citation: The table it comes from, with the doubt on ``ended``.

    Example:
        >>> ceased_districts()["E07000189"].successor  # South Somerset
        'E06000066'
    """

    code: str
    name: str
    successor: str
    ended: _dt.date
    citation: Citation


@functools.cache
def ceased_districts() -> dict[str, CeasedDistrict]:
    """Every ceased district of the national tables with one successor, by code.

    A district whose LSOAs the 2024 tables split between districts would have no single
    successor and is left out (none is: a test checks that all 17 have one).

    Example:
        >>> sorted(ceased_districts())[:2]
        ['E07000026', 'E07000027']
    """
    now = read_table("lad23-utla23", ("ltla23_code",)).column(0)
    old = read_table("lsoa11-lsoa21-lad22", ("ltla22_code", "ltla22_name", "lsoa21_code"))
    old = pc.filter(old, pc.invert(pc.is_in(old.column("ltla22_code"), value_set=now)))
    t21 = lsoa21_table(("lsoa21_code", "ltla24_code"))  # the district each LSOA lies in
    at = pc.index_in(old.column("lsoa21_code"), value_set=t21.column("lsoa21_code"))
    successor = pc.take(t21.column("ltla24_code"), at)
    pieces: dict[str, set[str | None]] = defaultdict(set)
    names: dict[str, str] = {}
    codes: list[str] = old.column("ltla22_code").to_pylist()
    given: list[str] = old.column("ltla22_name").to_pylist()
    for code, name, lad in zip(codes, given, successor.to_pylist(), strict=True):
        pieces[code].add(lad)
        names[code] = name
    citation = cite(
        "ons-lsoa11-lsoa21-lad22",
        "ltla22_code, ltla22_name",
        confidence=Confidence.UNCONFIRMED,
        doubt=_DOUBT,
    )
    return {
        code: CeasedDistrict(code, names[code], lad, REORGANISED, citation)
        for code, lads in sorted(pieces.items())
        if len(lads) == 1 and (lad := next(iter(lads))) is not None
    }


_STARTING_CODE = re.compile(r"(?:E0[6-9]|W06|E10|E22|W14|E23|W15)[0-9]{6}", re.ASCII)
"""A GSS code of a kind a bundle starts from: a district, unitary, county, CSP or police area."""


def not_in_the_tables(code: str) -> str:
    """What to say of a code of a starting kind the national tables do not hold ("" if none).

    The tables are those of 2022 and 2024: a code replaced before them (Gateshead's
    ``E08000020``) or one of an area abolished before them that :data:`EARLIER` does not
    list is as unknown to them as a mistyped code, and "expected the GSS code of an area
    in England and Wales" alone does not say why (``svduty validate`` says the same of
    such a code in ``areas.toml``). Asked only of a code the tables do not hold and
    :func:`ceased_note` does not name.

    Example:
        >>> not_in_the_tables("e07000004")
        ' (a code not in the national ONS tables (2022 and 2024): a mistyped code, or an area that ceased before them; give the area that holds its place now)'
        >>> not_in_the_tables("E99999999"), not_in_the_tables("Aylesbury Vale")
        ('', '')
    """  # noqa: E501
    if _STARTING_CODE.fullmatch(code.strip().upper()) is None:
        return ""
    return (
        " (a code not in the national ONS tables (2022 and 2024): a mistyped code, or an "
        "area that ceased before them; give the area that holds its place now)"
    )


EARLIER: dict[str, tuple[str, tuple[str, ...], str, str]]
"""The districts and counties of the 2019-2021 structural changes, which no national table
holds (they ceased before the 2022 table): each code with its name, the unitary areas of
the 2024 tables that hold its area, the day it ceased and the order that abolished it, with
its article. Read from ``data/ons/ceased-2019-2021.toml`` on first use (its rows, with
their citations, are :func:`~svduty.areas._earlier.earlier_areas`). The codes are ONS's;
each district's name is checked against the 2011 LSOA names of the tables (its LSOAs lie
in its successor; a test).

Example:
    >>> EARLIER["E07000151"]
    ('Daventry', ('E06000062',), '2021-04-01', 'the Northamptonshire (Structural Changes) Order 2020 (SI 2020/156), art 4(5)')
"""  # noqa: E501


def _earlier() -> dict[str, tuple[str, tuple[str, ...], str, str]]:
    """:data:`EARLIER` as read from the packaged file."""
    return {
        a.code: (a.name, a.successors, a.ceased.isoformat(), a.order)
        for a in earlier_areas().values()
    }


if not TYPE_CHECKING:  # the type checker sees EARLIER declared, and no other name

    def __getattr__(name: str) -> object:
        if name == "EARLIER":
            found = globals()["EARLIER"] = _earlier()
            return found
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def ceased_note(key: str, name_of: Callable[[str], str]) -> str:
    """What to add for a district or county that ceased, naming the areas that hold it now.

    ``key`` is a GSS code or a name (any case); ``name_of`` gives a 2024 area's name. The
    districts that ceased in 2023 (:func:`ceased_districts`) and those of :data:`EARLIER`,
    with the order that abolished them. A ceased county's name is the name of a current
    area too ("Dorset"), so it is matched by its code alone. "" for any other key.

    Example:
        >>> names = {"E06000060": "Buckinghamshire", "E06000065": "North Yorkshire"}.get
        >>> ceased_note("harrogate", names)
        ' (Harrogate ceased on 2023-04-01: its area is part of North Yorkshire, E06000065)'
        >>> ceased_note("e07000004", names)
        ' (Aylesbury Vale ceased on 2020-04-01 (the Buckinghamshire (Structural Changes) Order 2019 (SI 2019/957), art 4(1)): its area is part of Buckinghamshire, E06000060)'
        >>> ceased_note("E07000220", names)
        ''
    """  # noqa: E501
    wanted = key.strip().upper()
    for c in ceased_districts().values():
        if wanted in (c.code, c.name.upper()):
            return f" ({c.name} ceased on {c.ended}: its area is part of {name_of(c.successor)}, {c.successor})"  # noqa: E501
    for code, e in earlier_areas().items():
        if wanted == code or (wanted == e.name.upper() and code[:3] != "E10"):
            now = "; ".join(f"{name_of(a)}, {a}" for a in e.successors)
            what = "is part of" if len(e.successors) == 1 else "is now"
            return f" ({e.name} ceased on {e.ceased} ({e.order}): its area {what} {now})"
    return ""
