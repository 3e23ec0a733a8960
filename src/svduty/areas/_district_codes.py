"""A column of codes' districts, each code looked up once and remembered (from ``_resolve``).

:class:`DistrictCodes` gives a geography (:class:`~svduty.areas.Geography`, through
``svduty.areas._resolve.Resolving``) its column-wise ``district_code_of`` and the memo
behind it, which ``svduty classify`` may tell the answers another run found
(:meth:`DistrictCodes.remember_district_codes`).
"""

from __future__ import annotations

import threading
from typing import Any

import pyarrow as pa

from svduty import _compute as pc
from svduty._arrays import string_array

__all__ = ["LOCK", "DistrictCodes"]

LOCK = threading.RLock()
"""The lock of a geography's memos, which the threads of a batch job share."""


class DistrictCodes:
    """:meth:`district_codes_of`, remembered: for ``svduty.areas._resolve.Resolving``.

    Example:
        >>> import svduty
        >>> isinstance(svduty.warwickshire().geography, DistrictCodes)
        True
    """

    __slots__ = ()
    _index: Any
    national: bool

    def _look_up_nationally(self, codes: Any) -> None:  # pragma: no cover - Resolving's
        raise NotImplementedError

    def district_code_of(self, code: str) -> str | None:  # pragma: no cover - Geography's
        """The district code of an area (see :meth:`~svduty.areas.Geography.district_code_of`)."""
        raise NotImplementedError

    def district_codes_of(self, codes: Any) -> pa.Array[Any]:
        """:meth:`district_code_of` for a column of codes: each distinct code looked up once.

        The answers are remembered by the geography, so a code costs one look-up however
        many batches hold it; the rows get theirs column-wise. ``None`` for a null code.

        Example:
            >>> import svduty, pyarrow as pa
            >>> geo = svduty.warwickshire().geography
            >>> geo.district_codes_of(pa.array(["E01031180", "E01999999", None])).to_pylist()
            ['E07000220', None, None]
        """
        with LOCK:  # the memo is shared by the threads of a batch job
            return self._district_codes_of(string_array(codes, "district_codes_of(codes)"))

    def _district_codes_of(self, values: Any) -> pa.Array[Any]:
        cache = self._index.cache
        known = cache.setdefault("district_code_of_keys", pa.array([], pa.string()))
        cache.setdefault("district_code_of_values", pa.array([], pa.string()))
        enc: Any = pc.dictionary_encode(values)
        distinct = enc.dictionary
        new = pc.filter(distinct, pc.invert(pc.is_in(distinct, value_set=known)))
        if len(new):
            if self.national:  # codes outside the geography: one join, not one by one
                self._look_up_nationally(new)
            self._remember({code: self._district_code_or_none(code) for code in new.to_pylist()})
            known = cache["district_code_of_keys"]
        found = pc.take(cache["district_code_of_values"], pc.index_in(distinct, value_set=known))
        return pc.take(found, enc.indices)  # type: ignore[no-any-return]

    def remember_district_codes(self, codes: Any, districts: Any) -> None:
        """Have :meth:`district_codes_of` answer ``codes`` with ``districts``, not look them up.

        For the answers it gave another copy of this geography (``svduty classify`` keeps
        those of the incident locations it met, keyed as it keeps the loaded partnership:
        ``svduty._commands._located``); a code it already remembers keeps its answer.

        Example:
            >>> import svduty, pyarrow as pa
            >>> geo = svduty.load_partnership("warwickshire").geography
            >>> geo.remember_district_codes(pa.array(["E01031180"]), pa.array(["E07000220"]))
            >>> geo.district_codes_of(pa.array(["E01031180"])).to_pylist()
            ['E07000220']
        """
        with LOCK:
            memo = self._index.cache.setdefault("district_code_of", {})
            keys, values = string_array(codes).to_pylist(), string_array(districts).to_pylist()
            new = {
                c: d for c, d in zip(keys, values, strict=True) if c is not None and c not in memo
            }
            if new:
                self._remember(new)

    def _remember(self, new: dict[str, str | None]) -> None:
        """Add ``new`` answers to the memo and to its two columns (the caller holds ``LOCK``)."""
        cache = self._index.cache
        memo: dict[str, str | None] = cache.setdefault("district_code_of", {})
        memo.update(new)
        cache["district_code_of_keys"] = pa.array(list(memo), pa.string())
        cache["district_code_of_values"] = pa.array(list(memo.values()), pa.string())

    def _district_code_or_none(self, code: str) -> str | None:
        try:
            return self.district_code_of(code)
        except LookupError:  # pragma: no cover - district_code_of does not raise
            return None
