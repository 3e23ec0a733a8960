"""Where and when: the place and date expressions (district, England and Wales, a period).

Example:
    >>> from svduty.definitions._expr import ScalarEnv
    >>> DiedIn(ENGLAND_AND_WALES).scalar(ScalarEnv({"country": "Wales"}))
    True
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs
import pyarrow as _pa

from svduty import _compute as _pc
from svduty._checked import checked
from svduty.areas import LOCAL_GOVERNMENT_AREA_PREFIXES
from svduty.definitions._expr import ArrowEnv, Expr, ScalarEnv, Tri, _null_where

# The pyarrow stubs cannot type Kleene (null-as-undetermined) code; arrays are Any here.
pa: Any = _pa
pc: Any = _pc
Arr = Any

__all__ = [
    "ENGLAND",
    "ENGLAND_AND_WALES",
    "PARTNERS_BY_PLACE",
    "DeathIn",
    "DiedIn",
    "PilotArea",
    "ResolveDistrict",
    "district_of",
]

ResolveDistrict = Callable[[str], str | None]
"""Maps an LSOA (or other) GSS code to its district's."""
_DISTRICT_PREFIXES = LOCAL_GOVERNMENT_AREA_PREFIXES


@checked
def district_of(location: str, resolve_district: ResolveDistrict | None = None) -> str | None:
    """The district GSS code of a location: itself if a district, else resolved.

    A valid code the resolver does not know is a place outside the partnership's
    area, not an error: the answer is ``None`` (unknown district).

    Example:
        >>> district_of("E08000025"), district_of("E01000001")
        ('E08000025', None)
        >>> district_of("E01031012", {"E01031012": "E07000218"}.get)
        'E07000218'
    """
    if location[:3] in _DISTRICT_PREFIXES:
        return location
    if resolve_district is None:
        return None
    try:
        return resolve_district(location)
    except LookupError:
        return None


PARTNERS_BY_PLACE = "partners-by-place"
"""The presumption that the place of death names the relevant review partners (law51).

A death at a place outside the pilot areas (SI 2022/1261 reg 2) reaches the pilot only if
its relevant review partners are pilot partners by some other regulation than reg 6 (which
"applies where the location or likely location of the death is known and is in a pilot
area"): reg 8 (several deaths in one incident, at an unknown or more than one location, a
body recorded as found first in a pilot area: that area's partners "in respect of all the
deaths", reg 5) or a direction (reg 10(1)). That holds in the rest of the pilot police
forces' and ICBs' areas too (Croydon, Dudley, Warwickshire: law58b): a police force or ICB
there being a pilot partner (SI 2023/227 reg 1(2)) makes it a relevant review partner only
if reg 8 or a direction names it. ``pilot_partner`` says so; not given, a definition may
read the place of death alone (stated, switchable).
"""


@attrs.frozen(slots=True, eq=False)
class PilotArea(Expr):
    """Whether the pilot reaches a death through its relevant review partners (s.25, SI 2023/227).

    Read from the district where the death occurred (``place_of_death``): ``True`` in
    the ``certain`` districts (reg 6, or reg 8 with a body found first in another pilot
    area, names pilot partners). Elsewhere, the ``possible`` districts included (where a
    direction naming the place's partners would name a pilot partner, and the reach of
    reg 3 is not confirmed), the place names no relevant review partner (reg 6 reads a
    pilot area only), but reg 8 (a body of the incident found first in a pilot area) or a
    direction (reg 10(1)) may: ``pilot_partner`` as stated, else ``False`` only by the
    ``partners-by-place`` presumption, else undetermined (law51; the ``possible``
    districts read so since law58b). A stated ``pilot_partner`` false in a certain
    district is a conflict (:func:`pilot_conflict`).

    Example:
        >>> a = PilotArea(frozenset({"E08000025"}), frozenset({"E07000222"}))
        >>> a.scalar(ScalarEnv({"death_district": "E08000025"}))
        True
        >>> a.scalar(ScalarEnv({"death_district": "E07000222"})) is None
        True
        >>> a.scalar(ScalarEnv({"death_district": "E07000222", "pilot_partner": False}))
        False
        >>> by_place = frozenset({PARTNERS_BY_PLACE})
        >>> a.scalar(ScalarEnv({"death_district": "E07000222"}, presumed=by_place))
        False
        >>> leeds = {"death_district": "E08000035"}
        >>> a.scalar(ScalarEnv(leeds)) is None
        True
        >>> a.scalar(ScalarEnv({**leeds, "pilot_partner": True}))
        True
        >>> a.scalar(ScalarEnv(leeds, presumed=frozenset({PARTNERS_BY_PLACE})))
        False
    """

    certain: frozenset[str]
    possible: frozenset[str]

    def _scalar(self, env: ScalarEnv) -> Tri:
        d = env.get("death_district")
        stated = env.get("pilot_partner")
        if d is not None and d in self.certain and d not in self.possible:
            return True
        if d is not None and stated is None:  # no pilot area: only reg 8 or a direction
            return False if PARTNERS_BY_PLACE in env.presumed else None  # (law51, law58b)
        return None if stated is None else bool(stated)

    def _arrow(self, env: ArrowEnv) -> Arr:
        d = env.col("death_district")
        stated = env.col("pilot_partner")
        stated = stated if stated.type == pa.bool_() else env.null_bool()
        if d.null_count == len(d):
            return stated
        certain = pc.is_in(d, value_set=pa.array(sorted(self.certain), pa.string()))
        possible = pc.is_in(d, value_set=pa.array(sorted(self.possible), pa.string()))
        certain = pc.and_(certain, pc.invert(possible))
        outside = pc.fill_null(stated, False) if PARTNERS_BY_PLACE in env.presumed else stated
        placed = pc.if_else(certain, pa.scalar(True), outside)
        return pc.if_else(pc.is_valid(d), placed, stated)

    def fields(self) -> tuple[str, ...]:
        """The place of death, and the stated answer.

        Example:
            >>> PilotArea(frozenset(), frozenset()).fields()
            ('place_of_death', 'pilot_partner')
        """
        return ("place_of_death", "pilot_partner")

    def _missing(self, env: ScalarEnv) -> tuple[str, ...]:
        if env.get("death_district") is None and env.get("place_of_death") is None:
            return ("place_of_death", "pilot_partner")
        return ("pilot_partner",)

    def conflict(self, district: str | None, stated: bool | None) -> bool:
        """Whether a stated ``pilot_partner`` contradicts the district of death.

        Example:
            >>> PilotArea(frozenset({"E08000025"}), frozenset()).conflict("E08000025", False)
            True
        """
        if district is None or stated is None or district in self.possible:
            return False
        return district in self.certain and not stated  # outside: reg 8 may reach (law51)


ENGLAND_AND_WALES = frozenset({"England", "Wales"})
ENGLAND = frozenset({"England"})


@attrs.frozen(slots=True, eq=False)
class DiedIn(Expr):
    """The death occurred in one of ``countries``: by ``country``, else by the place of death.

    The incident's ``location`` does not say where the victim died (a victim injured in
    Scotland may die in an English hospital): reading it as the place of death would let
    a later ``place_of_death`` overturn the answer. ``country`` is the country of both
    places (a place in another country is a reported conflict); a place of death is in
    England or Wales by its GSS code's first letter (``E``, ``W``).

    Example:
        >>> DiedIn(ENGLAND_AND_WALES).scalar(ScalarEnv({"place_of_death": "S12000036"}))
        False
        >>> DiedIn(ENGLAND).scalar(ScalarEnv({"place_of_death": "W06000015"}))
        False
        >>> DiedIn(ENGLAND_AND_WALES).scalar(ScalarEnv({"location": "S12000036"})) is None
        True
    """

    countries: frozenset[str]

    def _letters(self) -> list[str]:
        return sorted(c[0] for c in self.countries & ENGLAND_AND_WALES)

    def _scalar(self, env: ScalarEnv) -> Tri:
        country = env.get("country")
        if country is not None:
            return country in self.countries
        loc = env.get("place_of_death")
        return None if loc is None else loc[0] in self._letters()

    def _arrow(self, env: ArrowEnv) -> Arr:
        country = env.col("country")
        by_country = (
            env.null_bool()
            if country.null_count == len(country)
            else _null_where(pc.is_in(country, value_set=pa.array(sorted(self.countries))), country)
        )
        loc = env.col("place_of_death")
        if loc.null_count == len(loc):
            by_loc = env.null_bool()
        else:
            prefix = pc.utf8_slice_codeunits(loc, 0, 1)
            letters = pa.array(self._letters(), pa.string())
            by_loc = _null_where(pc.is_in(prefix, value_set=letters), loc)
        return pc.coalesce(by_country, by_loc)

    def fields(self) -> tuple[str, ...]:
        """The country and the place of death.

        Example:
            >>> DiedIn(ENGLAND).fields()
            ('country', 'place_of_death')
        """
        return ("country", "place_of_death")


@attrs.frozen(slots=True, eq=False)
class DeathIn(Expr):
    """The death occurred in ``[start, end)``: the pilot's "relevant death" (SI 2023/227).

    Regulation 1(2) defines a relevant death as one which "occurred, or is likely to have
    occurred, in the pilot period": the date that counts is the date of death, not the
    date of the incident. The death lies between its bounds:

    - from below, the later of the first day of ``date_of_death`` and the first day of the
      incident's ``date`` (a death cannot precede the incident that caused it; a date of
      death before the incident is a reported conflict);
    - from above, the last day of ``date_of_death``; without it the death has no upper
      bound (a victim may die weeks or years after the incident).

    ``True`` when both bounds lie inside, ``False`` when the death is wholly before the
    start or wholly on or after the end, undetermined otherwise. Where the end itself is
    in doubt, ``doubtful_until`` is the latest day the period may have run to: a death
    that may fall between ``end`` and it is undetermined (no fact of the incident settles
    it, so it names none missing), never ``False``. So without a date of
    death an incident after the period gives ``False`` (the death cannot be earlier),
    while one before or during it is undetermined, naming ``date_of_death``: the death may
    have fallen inside the period, or after it. Adding a fact only narrows the bounds, so
    an answer never turns from ``True`` to ``False`` or back.

    Example:
        >>> import pendulum
        >>> e = DeathIn(pendulum.Date(2023, 4, 1), pendulum.Date(2024, 1, 1))
        >>> march = {"first_day": pendulum.Date(2023, 3, 25), "last_day": pendulum.Date(2023, 3, 25)}
        >>> e.scalar(ScalarEnv(march)) is None
        True
        >>> april = {"death_first_day": pendulum.Date(2023, 4, 5),
        ...          "death_last_day": pendulum.Date(2023, 4, 5)}
        >>> e.scalar(ScalarEnv({**march, **april}))
        True
        >>> february = {"first_day": pendulum.Date(2024, 2, 1), "last_day": pendulum.Date(2024, 2, 29)}
        >>> e.scalar(ScalarEnv(february))
        False
        >>> doubtful = DeathIn(e.start, e.end, pendulum.Date(2024, 10, 1))
        >>> env = ScalarEnv({**february, "death_first_day": pendulum.Date(2024, 2, 3),
        ...                  "death_last_day": pendulum.Date(2024, 2, 3)})
        >>> doubtful.scalar(env) is None, doubtful.missing(env)
        (True, ())
    """  # noqa: E501

    start: Any
    end: Any | None
    doubtful_until: Any | None = None

    def _scalar(self, env: ScalarEnv) -> Tri:
        lows = [d for d in (env.get("first_day"), env.get("death_first_day")) if d is not None]
        if not lows:
            return None
        low, high = max(lows), env.get("death_last_day")
        inside = low >= self.start and (self.end is None or (high is not None and high < self.end))
        last = self._last()
        outside = (high is not None and high < self.start) or (last is not None and low >= last)
        return True if inside else (False if outside else None)

    def _last(self) -> Any | None:
        """The day from which a death is surely outside: the later of the two ends."""
        if self.end is None or self.doubtful_until is None:
            return self.end
        return max(self.end, self.doubtful_until)

    def _missing(self, env: ScalarEnv) -> tuple[str, ...]:
        lows = [d for d in (env.get("first_day"), env.get("death_first_day")) if d is not None]
        high, last = env.get("death_last_day"), self._last()
        known = self.end is not None and lows and high is not None and last is not None
        if known and max(lows) >= self.end and high < last:  # wholly in the doubtful days:
            return ()  # only the law's doubt leaves it open, no fact of the incident
        return self.fields()

    def _arrow(self, env: ArrowEnv) -> Arr:
        incident, died, high = (
            env.col(f) for f in ("first_day", "death_first_day", "death_last_day")
        )
        known = [c for c in (incident, died) if c.null_count < len(c)]
        if not known:
            return env.null_bool()
        low = pc.max_element_wise(*known, skip_nulls=True) if len(known) > 1 else known[0]
        start = pa.scalar(self.start, pa.date32())
        inside = pc.greater_equal(low, start)
        outside = pc.fill_null(pc.less(high, start), False) if high.null_count < len(high) else None
        if self.end is not None:
            end = pa.scalar(self.end, pa.date32())
            below_end = pc.less(high, end) if high.null_count < len(high) else env.null_bool()
            inside = pc.and_kleene(inside, below_end)
            last = pa.scalar(self._last(), pa.date32())
            after = pc.greater_equal(low, last)
            outside = after if outside is None else pc.or_kleene(outside, after)
        outside = env.null_bool() if outside is None else outside
        none = pa.scalar(None, pa.bool_())
        return pc.if_else(
            pc.fill_null(inside, False),
            True,
            pc.if_else(pc.fill_null(outside, False), False, none),
        )

    def fields(self) -> tuple[str, ...]:
        """The date of death, and the incident's date (a lower bound of it).

        Example:
            >>> DeathIn(None, None).fields()
            ('date_of_death', 'date')
        """
        return ("date_of_death", "date")

    def reads(self) -> tuple[str, ...]:
        """The days read: the incident's first, the death's first and last (not ``date``).

        Example:
            >>> DeathIn(None, None).reads()
            ('first_day', 'death_first_day', 'death_last_day')
        """
        return ("first_day", "death_first_day", "death_last_day")
