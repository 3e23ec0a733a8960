"""The district one LSOA, location or point lies in, and how that was found.

Built when a look-up answers one at a time (:meth:`~svduty.areas.Geography.resolve_lsoa`,
:meth:`~svduty.areas.Geography.resolve_location`, :meth:`~svduty.areas.Geography.locate`):
``svduty classify`` looks up whole columns, and never builds this class.

Example:
    >>> AreaMatch("E01031180", "E07000220", "Rugby", "table").district_name
    'Rugby'
"""

from __future__ import annotations

import attrs

from svduty.areas._model import Match

__all__ = ["AreaMatch"]


@attrs.frozen(slots=True)
class AreaMatch:
    """The district an LSOA (or a location) lies in, and how that was found.

    Attributes:
        lsoa_code: The LSOA code asked about (``None`` for a district's own code).
        district_code: The district's GSS code, or ``None`` when the district is not in
            the geography (a name-based match outside it) or unresolved.
        district_name: The district's name (for a name-based match, as read from the LSOA
            name even when the district is outside the geography).
        match: ``"table"``, ``"name"``, ``"district"`` or ``"unresolved"`` (:class:`Match`).
        csp_code: The community safety partnership's code, where known.
        csp_name: The community safety partnership's name, where known.
        police_area: The police command area's name, where known.

    Example:
        >>> m = AreaMatch("E01031180", "E07000220", "Rugby", "table")
        >>> m.match, m.resolved
        ('table', True)
    """

    lsoa_code: str | None
    district_code: str | None
    district_name: str | None
    match: str
    csp_code: str | None = None
    csp_name: str | None = None
    police_area: str | None = None

    @property
    def resolved(self) -> bool:
        """Whether a district (inside or outside the geography) was found.

        Example:
            >>> AreaMatch("E01999999", None, None, "unresolved").resolved
            False
        """
        return self.match != Match.UNRESOLVED
