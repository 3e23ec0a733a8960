"""The Duty's local area: the local government areas a partnership agreement covers."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import attrs
import pyarrow as pa

from svduty import _compute as pc
from svduty._checked import checked_fields, checked_methods
from svduty.areas._geography import Geography
from svduty.areas._model import Area, Match, _to_tuple
from svduty.errors import AreaError, Problem
from svduty.periods import Period
from svduty.sources import Citation

__all__ = ["LocalArea"]


@checked_methods
@checked_fields
@attrs.frozen(slots=True)
class LocalArea:
    """The s.9 :term:`relevant area`: the local government areas a partnership covers.

    Attributes:
        name: The area as the agreement names it.
        districts: The codes of the local government areas (districts, unitaries...).
        valid: When the agreement covers them.
        citation: Where the area is stated.
        geography: The geography the codes belong to (used by :meth:`within`).

    Raises:
        AreaError: if a code is not a local government area of the geography (naming
            ``districts[i]``), or the list is empty.

    Example:
        >>> import svduty
        >>> area = svduty.warwickshire().local_area
        >>> len(area.districts)
        5
        >>> area.within("E01031180"), area.within("E22000359"), area.within("E54000018")
        (True, True, False)
    """

    name: str
    districts: tuple[str, ...] = attrs.field(converter=_to_tuple)
    valid: Period
    citation: Citation
    geography: Geography = attrs.field(eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        problems = []
        if not self.districts:
            problems.append(Problem(field="districts", expected="at least one district code"))
        for i, code in enumerate(self.districts):
            if code not in self.geography:
                problems.append(
                    Problem(
                        message="unknown area",
                        field=f"districts[{i}]",
                        expected="the code of a district in the geography",
                        got=code,
                    )
                )
            elif not (record := self.geography.get(code)).kind.is_local_government_area:
                problems.append(
                    Problem(
                        field=f"districts[{i}]",
                        expected="a local government area (district, unitary...), not "
                        f"{record.kind.a}",
                        got=code,
                    )
                )
            elif not any(r.valid.overlaps(self.valid) for r in self._records(code, record)):
                spans = ", ".join(str(r.valid) for r in self._records(code, record))
                problems.append(
                    Problem(
                        field=f"districts[{i}]",
                        expected=f"an area that exists during the local area's period "
                        f"({self.valid}), not only {spans}",
                        got=code,
                    )
                )
        if len(set(self.districts)) != len(self.districts):
            problems.append(Problem(field="districts", message="a district is listed twice"))
        if problems:
            raise AreaError(problems)

    def _records(self, code: str, latest: Area) -> tuple[Area, ...]:
        """Every record of an area the bundle holds (the national tables' one: ``latest``)."""
        return tuple(self.geography._index.records.get(code, ())) or (latest,)

    def within(self, code: str) -> bool:
        """Whether an area lies wholly within the local area.

        An LSOA, ward or district is within when its district is one of :attr:`districts`;
        a larger area (a county, a CSP, a police area, an ICB) when every district in it is.

        Raises:
            UnknownAreaError: if the geography does not know the code.

        Example:
            >>> import svduty
            >>> area = svduty.warwickshire().local_area
            >>> area.within("E10000031"), area.within("E08000026")
            (True, False)
        """
        inside = self.geography.lga_codes(code)
        return bool(inside) and all(d in self.districts for d in inside)

    def areas(self) -> tuple[str, ...]:
        """The names of the local government areas, in the order of :attr:`districts`.

        Example:
            >>> import svduty
            >>> svduty.warwickshire().local_area.areas()[0]
            'North Warwickshire'
        """
        return tuple(self.geography.get(c).name for c in self.districts)

    def resolve_lsoas(
        self,
        codes: pa.Array[Any] | pa.ChunkedArray[Any] | Sequence[str | None],
        names: pa.Array[Any] | pa.ChunkedArray[Any] | Sequence[str | None] | None = None,
    ) -> pa.Table:
        """:meth:`~svduty.areas.Geography.resolve_lsoas` plus ``in_area``: inside the local area?

        ``in_area`` is true for an LSOA of one of :attr:`districts`, false for one of
        another district (named, in ``district_name``, with its real district), and null
        when the LSOA is not resolved or its name contradicts its code.

        Example:
            >>> import svduty
            >>> t = svduty.warwickshire().local_area.resolve_lsoas(
            ...     ["E01031180", "E01009528", "E01099999"])
            >>> t.column("district_name").to_pylist(), t.column("in_area").to_pylist()
            (['Rugby', 'Coventry', None], [True, False, None])
        """
        table = self.geography.resolve_lsoas(codes, names)
        district = table.column("district_code")
        ours = pa.array(self.districts, pa.string())
        inside = pc.is_in(district, value_set=ours)
        unplaced = pa.array([Match.UNRESOLVED.value, Match.CONFLICT.value])
        resolved = pc.invert(pc.is_in(table.column("match"), value_set=unplaced))
        flag = pc.if_else(resolved, inside, pa.scalar(None, pa.bool_()))
        return table.append_column("in_area", flag)
