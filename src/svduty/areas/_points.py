"""Points to LSOAs: an STRtree over the packaged LSOA (2021) boundaries."""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import numpy as np
import pyarrow as pa

from svduty import _arrays
from svduty import _compute as pc
from svduty._arguments import wrong_argument
from svduty._data import data
from svduty.areas._model import Area
from svduty.errors import AreaError

if TYPE_CHECKING:  # built when a point is located (svduty.areas._match)
    from svduty.areas._match import AreaMatch

__all__ = ["Locating", "PointIndex", "boundary_features", "floats"]


@functools.cache
def boundary_features(district: str) -> tuple[dict[str, Any], ...]:
    """The packaged LSOA (2021) boundary features of one district (none if not packaged).

    Example:
        >>> len(boundary_features("E07000220")), boundary_features("E07999999")
        (67, ())
    """
    f = data("ons", "boundaries", "lsoa21", f"{district}.geojson")
    if not f.is_file():
        return ()
    with f.open("rb") as fh:
        doc = json.load(fh)
    return tuple(doc["features"])


def floats(values: Any, where: str = "values") -> np.ndarray[Any, np.dtype[np.float64]]:
    """A float64 NumPy array (NaN for nulls) from a sequence or an Arrow array.

    Example:
        >>> floats(pa.array([1, None])).tolist()[0]
        1.0
    """
    if isinstance(values, (str, bytes)) or not isinstance(values, Iterable):
        raise wrong_argument(where, "a column of numbers (a list or an array)", values)
    if isinstance(values, pa.ChunkedArray):
        values = values.combine_chunks()
    if isinstance(values, pa.Array):
        cast: Any = pc.cast(values, pa.float64())
        filled: Any = pc.fill_null(cast, float("nan"))
        values = filled.to_numpy(zero_copy_only=False)
    try:
        return np.asarray(values, dtype=np.float64)
    except (TypeError, ValueError):  # an object, or text, among the numbers
        raise wrong_argument(where, "a column of numbers (a list or an array)", values) from None


class PointIndex:
    """The LSOA (2021) boundaries of some districts, for point-in-polygon queries.

    Example:
        >>> idx = PointIndex(["E07000220"], lambda code: True)
        >>> idx.codes.to_pylist()[:1], idx.lsoas([-1.2625, 0.0], [52.3709, 51.5]).null_count
        (['E01031125'], 1)
    """

    def __init__(self, districts: Iterable[str], keep: Any) -> None:
        import shapely
        from shapely.geometry import shape

        geoms: list[Any] = []
        codes: list[str] = []
        for district in districts:
            for feature in boundary_features(district):
                code = feature["properties"]["LSOA21CD"]
                if keep(code):
                    geoms.append(shape(feature["geometry"]))
                    codes.append(code)
        self.tree = shapely.STRtree(geoms)
        self.codes = pa.array(codes, pa.string())

    def lsoas(self, lons: Any, lats: Any) -> Any:
        """The LSOA code of each point (null outside every boundary); first listed wins.

        Raises:
            AreaError: if there are not as many latitudes as longitudes.
        """
        import shapely

        x, y = floats(lons, "locate_points(lons)"), floats(lats, "locate_points(lats)")
        if x.shape != y.shape:
            raise AreaError.single(
                None,
                "lats",
                expected=f"as many latitudes as longitudes ({x.size})",
                got=str(y.size),
            )
        points = shapely.points(x, y)
        found = np.full(x.size, -1, dtype=np.int64)
        if x.size:
            inp, hit = self.tree.query(points, predicate="intersects")
            order = np.lexsort((hit, inp))
            inp, hit = inp[order], hit[order]
            first_inp, first_at = np.unique(inp, return_index=True)
            found[first_inp] = hit[first_at]
        index = _arrays.array(found, pa.int64(), mask=found < 0)
        return pc.take(self.codes, index)


class Locating:
    """Points to areas, for :class:`~svduty.areas.Geography` (which provides the look-ups).

    Example:
        >>> import svduty
        >>> isinstance(svduty.warwickshire().geography, Locating)
        True
    """

    __slots__ = ()
    _index: Any

    def all(self, kind: Any = None) -> tuple[Area, ...]:  # pragma: no cover - Geography's
        """Every area (see :meth:`~svduty.areas.Geography.all`)."""
        raise NotImplementedError

    def resolve_lsoas(self, codes: Any, names: Any = None) -> pa.Table:  # pragma: no cover
        """LSOAs to districts (see :meth:`~svduty.areas.Geography.resolve_lsoas`)."""
        raise NotImplementedError

    def _tree(self) -> PointIndex:
        cached = self._index.cache.get("tree")
        if not isinstance(cached, PointIndex):
            districts = [a.id for a in self.all() if a.kind.is_local_government_area]
            cached = PointIndex(districts, self._index.current.__contains__)
            self._index.cache["tree"] = cached
        return cached

    def boundary_codes(self) -> tuple[str, ...]:
        """The LSOA (2021) codes the packaged boundary files cover in this geography.

        Example:
            >>> import svduty
            >>> len(svduty.warwickshire().geography.boundary_codes())
            354
        """
        return tuple(str(c) for c in self._tree().codes.to_pylist())

    def locate_points(self, lons: Any, lats: Any) -> pa.Table:
        """The LSOA (2021) and district of each point (longitude, latitude, WGS84).

        Vectorised with a shapely STRtree over the packaged boundaries. Points outside
        every boundary (or with a missing coordinate) get nulls and ``match="unresolved"``;
        a point on the line between two LSOAs gets the one listed first.

        Args:
            lons: Longitudes (a sequence, NumPy array or Arrow array).
            lats: Latitudes, as many as ``lons``.

        Returns:
            A table with the columns of :meth:`resolve_lsoas`.

        Example:
            >>> import svduty
            >>> geo = svduty.warwickshire().geography
            >>> t = geo.locate_points([-1.2625, -1.8904, 0.0], [52.3709, 52.4862, 51.5])
            >>> t.column("district_name").to_pylist()
            ['Rugby', None, None]
        """
        return self.resolve_lsoas(self._tree().lsoas(lons, lats))

    def locate(self, lon: float, lat: float) -> AreaMatch | None:
        """The LSOA (2021) and district of one point, or ``None`` if outside the boundaries.

        Example:
            >>> import svduty
            >>> m = svduty.warwickshire().geography.locate(-1.5833, 52.2823)
            >>> m.district_name, m.lsoa_code[:3]
            ('Warwick', 'E01')
        """
        row = self.locate_points([lon], [lat]).to_pylist()[0]
        if row["lsoa_code"] is None:
            return None
        from svduty.areas._match import AreaMatch

        return AreaMatch(
            row["lsoa_code"],
            row["district_code"],
            row["district_name"],
            row["match"],
            row["csp_code"],
            row["csp_name"],
            row["police_area"],
        )
