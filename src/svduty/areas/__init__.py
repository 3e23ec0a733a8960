"""Local-area geography: areas with GSS codes, LSOA look-ups and points to areas.

A :class:`Geography` holds the areas of a partnership (from its bundle's ``areas.toml``)
and the :term:`LSOAs <LSOA>` of its districts (from the packaged ONS tables), and answers:
what is this :term:`GSS code` or name, what lies in what, which district (and
:term:`CSP <community safety partnership>`, and :term:`police command area`) is this LSOA
or this point in. The :class:`LocalArea` is the Duty's :term:`relevant area` (s.9): the
:term:`local government areas <local government area>` a partnership agreement covers.

Example:
    >>> import svduty
    >>> geo = svduty.warwickshire().geography
    >>> geo.resolve_lsoa("E01031180").district_name
    'Rugby'
    >>> geo.contains("E22000359", "E07000222")
    True
"""

from typing import TYPE_CHECKING

from svduty._lazy import exports
from svduty.areas._geography import Geography
from svduty.areas._local import LocalArea
from svduty.areas._model import (
    GSS_PREFIXES,
    LOCAL_GOVERNMENT_AREA_PREFIXES,
    Area,
    AreaKind,
    Match,
    Membership,
    check_gss,
    kinds_of_code,
    normalise_name,
)
from svduty.areas._national import national_areas, read_table
from svduty.areas._resolve import RESOLVED_COLUMNS

__all__ = [
    "GSS_PREFIXES",
    "LOCAL_GOVERNMENT_AREA_PREFIXES",
    "RESOLVED_COLUMNS",
    "Area",
    "AreaKind",
    "AreaMatch",
    "Geography",
    "LocalArea",
    "Match",
    "Membership",
    "check_gss",
    "kinds_of_code",
    "national_areas",
    "normalise_name",
    "read_table",
]

if TYPE_CHECKING:
    from svduty.areas._match import AreaMatch
else:  # built on first use (PEP 562): svduty classify looks up columns, never one LSOA
    __getattr__, __dir__ = exports(__name__, {"AreaMatch": "svduty.areas._match"})
