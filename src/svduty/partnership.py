"""The partnership: one area's arrangements under the Duty, gathered in one value.

A :class:`Partnership` is loaded from a bundle (a folder of TOML files) by
:func:`svduty.load_partnership`; :func:`svduty.warwickshire` loads the packaged one.

Example:
    >>> import svduty
    >>> p = svduty.warwickshire()
    >>> p.name, len(p.local_area.districts)
    ('warwickshire', 5)
"""

from __future__ import annotations

from pathlib import Path

import attrs

from svduty.areas import Geography, LocalArea
from svduty.authorities import Authorities
from svduty.funding import FundingModel, Strategy
from svduty.sources import Sources

__all__ = ["Partnership"]


@attrs.frozen(slots=True)
class Partnership:
    """A Serious Violence Duty partnership: its area, geography and sources.

    Further sections (authorities, definition, governance, funding, timetable, strategy)
    join as they are built, each from its own bundle file.

    Attributes:
        name: The bundle's short name, such as ``"warwickshire"``.
        title: The partnership's title.
        local_area: The Duty's local area (s.9): the local government areas it covers.
        geography: The areas of and around the partnership, with the LSOA look-ups.
        authorities: The specified authorities, relevant authorities, local policing body
            and other partners named in the bundle, with the s.11(6) join to the areas.
        funding: The Home Office allocations, cost-category rules, projects and grant
            flow (``None`` when the bundle has no ``funding.toml``).
        strategy: The strategy's vocabulary, life stages, actions and needs evidence
            (``None`` when the bundle has no ``strategy.toml``).
        sources: The national catalogue extended with the bundle's own sources.
        description: A paragraph on the partnership.
        bundle_path: The folder it was loaded from, if any.

    Example:
        >>> import svduty
        >>> p = svduty.warwickshire()
        >>> p.geography.get(p.local_area.districts[3]).name
        'Stratford-on-Avon'
        >>> "warwickshire-police-model-2023" in p.sources
        True
    """

    name: str
    title: str
    local_area: LocalArea
    geography: Geography = attrs.field(eq=False, repr=False)
    authorities: Authorities = attrs.field(eq=False, repr=False)
    sources: Sources = attrs.field(repr=False)
    funding: FundingModel | None = attrs.field(default=None, eq=False, repr=False)
    strategy: Strategy | None = attrs.field(default=None, eq=False, repr=False)
    description: str = ""
    bundle_path: Path | None = attrs.field(default=None, eq=False)
