"""A recipient's population by district, and a stated total to check it against.

Split out of :mod:`svduty.funding._records` (which re-exports them) to keep that module
under 500 lines; behaviour unchanged.

Example:
    >>> Population("r", "R", "Census 2021", (PopulationPart("a", 2, None),)).value
    2
"""

from __future__ import annotations

import attrs

from svduty._checked import checked_fields
from svduty.sources import Citation

__all__ = ["Population", "PopulationPart", "PopulationTotal"]


@checked_fields
@attrs.frozen(slots=True)
class PopulationPart:
    """A district's population within a recipient (a community safety partnership).

    Example:
        >>> PopulationPart("Rugby", 114400, None).value
        114400
    """

    district: str
    value: int
    citation: Citation | None


@checked_fields
@attrs.frozen(slots=True)
class Population:
    """A recipient's population, the sum of its districts', each with its citation.

    Example:
        >>> Population("south", "South", "Census 2021",
        ...            (PopulationPart("a", 1, None), PopulationPart("b", 2, None))).value
        3
    """

    recipient: str
    name: str
    vintage: str
    parts: tuple[PopulationPart, ...]

    @property
    def value(self) -> int:
        """The total population.

        Example:
            >>> Population("r", "R", "v", ()).value
            0
        """
        return sum(p.value for p in self.parts)

    def citations(self) -> tuple[Citation, ...]:
        """The citations of the parts.

        Example:
            >>> Population("r", "R", "v", ()).citations()
            ()
        """
        return tuple(p.citation for p in self.parts if p.citation is not None)


@checked_fields
@attrs.frozen(slots=True)
class PopulationTotal:
    """A stated total population to check the parts against.

    Example:
        >>> PopulationTotal(596800, None).value
        596800
    """

    value: int
    citation: Citation | None
