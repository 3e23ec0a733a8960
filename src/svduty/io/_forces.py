"""Whether police.uk files are the partnership's own force's: rows by police force area.

police.uk publishes each force's crimes in that force's files, with the few it placed
beyond its own area. When more rows lie in other police force areas than in the
partnership's, the files are likely another force's, and hold little of the area's crime:
``classify`` warns (``FORCE-AREA-ELSEWHERE``) and ``report`` says so on its page.
"""

from __future__ import annotations

from collections.abc import Sequence

import pyarrow as pa

from svduty.areas._national import police_force_names

__all__ = ["rows_of_other_forces"]


def rows_of_other_forces(by_district: pa.Table, districts: Sequence[str]) -> int:
    """The rows in other force areas than the districts', when they outnumber the own; else 0.

    Args:
        by_district: Rows by ``district_code`` (a ``rows`` column), as the bounded counts
            give them.
        districts: The partnership's local government areas.

    Example:
        >>> t = pa.table({"district_code": ["E07000222", "E08000025", None],
        ...               "rows": [10, 30, 5]})
        >>> rows_of_other_forces(t, ["E07000222"]), rows_of_other_forces(t, ["E08000026"])
        (30, 0)
    """
    codes = by_district.column("district_code").to_pylist()
    rows = by_district.column("rows").to_pylist()
    if all(code is None or code in districts or not n for code, n in zip(codes, rows, strict=True)):
        return 0  # no row in another district: the forces' table is not read
    forces = police_force_names()
    ours = {forces.get(code) for code in districts}
    own = other = 0
    for code, n in zip(codes, rows, strict=True):
        force = forces.get(code) if isinstance(code, str) else None
        if force is not None and isinstance(n, int):
            own, other = (own + n, other) if force in ours else (own, other + n)
    return other if other > own else 0
