"""The LSOAs (2011 and 2021) and wards of some districts, from the national tables.

Read when a geography is built from a bundle (its districts' LSOAs) or asked for the LSOAs
of an area it holds no records of: a geography read back from the command's cache never
needs them, nor builds :class:`LsoaRecord`.

Example:
    >>> sorted(r.code for r in lsoa_records(["E07000220"]) if r.both)[:2]
    ['E01031125', 'E01031127']
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs
import pyarrow as pa

from svduty import _compute as pc
from svduty._checked import unchecked
from svduty.areas._best_fit import _bridge, lsoa21_table
from svduty.areas._model import Area, AreaKind
from svduty.areas._national import CENSUS_2011, CENSUS_2021, _cite, _strs
from svduty.areas._tables import read_table
from svduty.periods import Period

__all__ = ["LsoaRecord", "lsoa_areas", "lsoa_records", "lsoas_of"]


@attrs.frozen(slots=True)
class LsoaRecord:
    """One LSOA (either vintage) of the national tables, as :func:`lsoa_records` gives it.

    Example:
        >>> LsoaRecord("E01031180", "Rugby 010E", "E07000220", 3, "E05008983", "Paddox").both
        True
    """

    code: str
    name: str
    district: str
    vintages: int
    ward: str | None = None
    ward_name: str | None = None

    @property
    def both(self) -> bool:
        """Whether the code is in both the 2011 and the 2021 tables (unchanged).

        Example:
            >>> LsoaRecord("E01035014", "Rugby 013F", "E07000220", 2).both
            False
        """
        return self.vintages == 3


def lsoa_records(districts: Iterable[str]) -> list[LsoaRecord]:
    """The LSOAs (2011 and 2021) of some districts, with the 2024 ward of each 2021 LSOA.

    Example:
        >>> recs = lsoa_records(["E07000220"])
        >>> sum(r.vintages & 1 > 0 for r in recs), sum(r.vintages & 2 > 0 for r in recs)
        (61, 67)
    """
    wanted = pa.array(sorted(set(districts)), pa.string())
    cols = ("lsoa21_code", "lsoa21_name", "ward24_code", "ward24_name", "ltla24_code")
    t21 = lsoa21_table(cols)
    t21 = pc.filter(t21, pc.is_in(t21.column("ltla24_code"), value_set=wanted))
    old = _bridge(tuple(wanted.to_pylist()))
    old = pc.filter(old, pc.is_in(old.column("lad"), value_set=wanted))
    in_2011 = set(old.column("old").to_pylist())
    out = [
        LsoaRecord(code, name, lad, 3 if code in in_2011 else 2, ward, ward_name)
        for code, name, ward, ward_name, lad in zip(
            *(t21.column(c).to_pylist() for c in cols), strict=True
        )
    ]
    have = {r.code for r in out}
    names = read_table("lsoa11-lsoa21-lad22", ("lsoa11_code", "lsoa11_name"))
    names = pc.filter(names, pc.is_in(names.column("lsoa11_code"), value_set=old.column("old")))
    seen: set[str] = set()
    lad_of = dict(zip(_strs(old.column("old")), _strs(old.column("lad")), strict=True))
    for code, name in zip(*(names.column(c).to_pylist() for c in names.column_names), strict=True):
        if code not in have and code not in seen:
            seen.add(code)
            out.append(LsoaRecord(code, name, lad_of[code], 1))
    return out


_WARD_DOUBT = (
    "the table gives each 2021 LSOA's ward as at May 2024; when the ward took this code is "
    "not in the table (taken as the 2021 census day)"
)


def lsoa_areas(districts: Iterable[str]) -> list[Area]:
    """The LSOA (2011 and 2021) and ward areas of some districts, from the national tables.

    An LSOA code in both vintages is one area of kind ``lsoa2021`` valid from the 2011
    census; a code only in 2011 is ``lsoa2011`` and ended at the 2021 census; a code only
    in 2021 begins then. A 2021 LSOA lies in its district and its 2024 ward (none where
    the ward lies in another district: :func:`~svduty.areas._best_fit.lsoa21_table`).

    Example:
        >>> areas = {a.id: a for a in lsoa_areas(["E07000220"])}
        >>> areas["E01031141"].kind.value, str(areas["E01031141"].valid)
        ('lsoa2011', '2011-03-27 to 2021-03-20')
        >>> areas["E01031180"].parents
        ('E07000220', 'E05008983')
    """
    out: dict[str, Area] = {}
    lsoas: list[Area] = []
    ward_cite = _cite("lsoa21-ward24-lad24", "ward24_code, ward24_name", _WARD_DOUBT)
    # one object a period, shared as the citations are: a cached geography pickles (and
    # reads back) 3 periods, not one an LSOA
    since_2011, since_2021 = Period(CENSUS_2011), Period(CENSUS_2021)
    until_2021 = Period(CENSUS_2011, CENSUS_2021)
    for r in sorted(lsoa_records(districts), key=lambda r: r.code):
        if r.ward is not None and r.ward_name is not None and r.ward not in out:
            out[r.ward] = unchecked(
                Area,
                code=r.ward,
                name=r.ward_name,
                kind=AreaKind.WARD,
                parents=(r.district,),
                valid=since_2021,
                citation=ward_cite,
            )
        if r.vintages == 1:
            kind, valid = AreaKind.LSOA2011, until_2021
            citation = _cite("lsoa11-lsoa21-lad22", "lsoa11_code, change_code")
        else:
            kind = AreaKind.LSOA2021
            valid = since_2011 if r.both else since_2021
            citation = _cite("lsoa21-ward24-lad24", "lsoa21_code, ltla24_code")
        parents = (r.district,) if r.ward is None else (r.district, r.ward)
        lsoas.append(
            unchecked(
                Area,
                code=r.code,
                name=r.name,
                kind=kind,
                parents=parents,
                valid=valid,
                citation=citation,
            )
        )
    return sorted(out.values(), key=lambda a: a.id) + lsoas


def lsoas_of(districts: Iterable[str], vintage: int) -> tuple[Area, ...]:
    """The LSOA areas of a census vintage (2011 or 2021) in some districts.

    Example:
        >>> len(lsoas_of(["E07000220"], 2011)), len(lsoas_of(["E07000220"], 2021))
        (61, 67)
    """
    districts = list(districts)
    bit = 1 if vintage == 2011 else 2
    wanted = {r.code for r in lsoa_records(districts) if r.vintages & bit}
    return tuple(a for a in lsoa_areas(districts) if a.kind.is_lsoa and a.id in wanted)
