"""Where ``svduty explain`` says an incident is: inside or outside the partnership's area.

The classifier answers the definition alone; the duty is for serious violence in the
area (PCSC Act 2022 s.8(1); s.13(1): "reducing instances of serious violence in the
area"), and ``svduty classify`` places each row (``within_area``).
``svduty explain`` says the same of each incident it explains, as classify places it,
so that an incident in Coventry or Cardiff explained against Warwickshire's definition
is not read as within Warwickshire's duty. An incident dated before the Duty came into
force is said to be so (:func:`duty_time`), as ``classify`` warns of a month's rows.
"""

from __future__ import annotations

import html
from typing import Any

import pyarrow as pa

from svduty.errors import printable
from svduty.io._locate_incidents import locate_incidents

__all__ = [
    "NOWHERE",
    "PAGE_STYLE",
    "PLACE_KEYS",
    "Placer",
    "duty_time",
    "given_html",
    "given_text",
    "given_words",
    "incident_section",
    "words",
]

_LABEL = "place:"
PLACE_KEYS = ("within_area", "district_code", "district_name")
"""The columns of ``classify``'s output that say where an incident is."""
NOWHERE: dict[str, str | None] = {
    "within_area": "no_location",
    "district_code": None,
    "district_name": None,
}
"""The place of an incident with no location, as ``classify`` gives it."""


def duty_time(date: str | None) -> str | None:
    """Words for an incident dated before the Serious Violence Duty came into force, or ``None``.

    SI 2022/1227 reg 4 brought the Duty into force on 31 January 2023. A month
    (``YYYY-MM``, as a police.uk row's) is before it only when every day of it is, as
    ``svduty classify`` counts a month's rows (``MONTH-BEFORE-DUTY``).

    Example:
        >>> duty_time("2019-01")[:60]
        'before the Serious Violence Duty came into force on 31 Janua'
        >>> duty_time("2023-01"), duty_time("2023-01-31"), duty_time(None)  # a day of it, or none
        (None, None, None)
        >>> duty_time("2023-01-30")[:6]
        'before'
    """
    if not date or date >= ("2023-01" if len(date) == 7 else "2023-01-31"):
        return None
    return (
        "before the Serious Violence Duty came into force on 31 January 2023 (SI 2022/1227 "
        "reg 4): outside the Duty's time; the answers above are the definition's alone"
    )


def _given(location: str | None) -> bool:
    return location is not None and bool(location.strip())


def words(place: dict[str, str | None], *, given: bool = True) -> str:
    """The place in words: inside or outside the area (naming the district), or why not known.

    ``place``: :data:`PLACE_KEYS` as ``classify`` gives them; ``given``: whether the
    incident gave a location.

    Example:
        >>> words({"within_area": "inside", "district_code": "E07000222",
        ...        "district_name": "Warwick"})
        "inside the partnership's area (Warwick, E07000222)"
        >>> words(NOWHERE, given=False)[:17]
        'no location given'
    """
    if not given:
        return "no location given: whether it is in the partnership's area is not known"
    where, code, name = (place.get(k) for k in PLACE_KEYS)
    named = f"{name}, {code}" if name else code
    named = f" ({named})" if named else ""  # a county or area code: no one district
    if where == "inside":
        return f"inside the partnership's area{named}"
    if where == "outside":
        return (
            f"outside the partnership's area{named}: the duty is to prevent and reduce "
            "serious violence in the area (s.8(1), s.13(1)); the answers above are the "
            "definition's alone"
        )
    return (
        "not placed: the location is not a code the partnership's geography places "
        "inside or outside its area; the answers above are the definition's alone"
    )


class Placer:
    """Says, for an incident's ``location``, where ``svduty classify`` places it.

    Each distinct location is looked up once.

    Example:
        >>> import svduty
        >>> placer = Placer(svduty.warwickshire())
        >>> placer.says("E07000222")
        "inside the partnership's area (Warwick, E07000222)"
        >>> placer.says("W06000015")[:58]
        "outside the partnership's area (Cardiff, W06000015): the d"
        >>> placer.says(None)
        "no location given: whether it is in the partnership's area is not known"
    """

    def __init__(self, partnership: Any) -> None:
        """Places by the partnership's own area, as ``svduty classify`` does."""
        local = partnership.local_area
        self._resolve = local.resolve_lsoas
        self._within = local.within
        self._said: dict[str | None, str] = {}
        self._where: dict[str | None, dict[str, str | None]] = {}

    def says(self, location: str | None) -> str:
        """The words for ``location`` (an incident's, as given)."""
        if location not in self._said:
            self._said[location] = words(self.where(location), given=_given(location))
        return self._said[location]

    def where(self, location: str | None) -> dict[str, str | None]:
        """``within_area``, ``district_code`` and ``district_name``, as classify gives them.

        Example:
            >>> import svduty
            >>> Placer(svduty.warwickshire()).where("E01031005")["district_name"]
            'North Warwickshire'
        """
        if not _given(location):
            return dict(NOWHERE)
        if location not in self._where:
            good = pa.table({"location": pa.array([location], pa.string())})
            _, places = locate_incidents(good, self._resolve, self._within)
            row = places.table.to_pylist()[0]
            self._where[location] = {k: row[k] for k in PLACE_KEYS}
        return dict(self._where[location])

    def text(
        self, block: str, location: str | None, said: str | None = None, when: str | None = None
    ) -> str:
        r"""``block`` (an explanation as text) with the place line after the answers.

        ``when`` (:func:`duty_time`), if any, is a ``time:`` line after it.

        Example:
            >>> import svduty
            >>> block = "Incident a\n  violence:            yes\n  kinds: x"
            >>> print(Placer(svduty.warwickshire()).text(block, "E01031005"))
            Incident a
              violence:            yes
              place:               inside the partnership's area (North Warwickshire, E07000218)
              kinds: x
        """
        lines = block.splitlines()
        at = next((i for i, s in enumerate(lines) if s.startswith("  kinds:")), len(lines))
        said = self.says(location) if said is None else said
        lines[at:at] = [f"  {_LABEL:<21}{said}"] + ([f"  {'time:':<21}{when}"] if when else [])
        return "\n".join(lines)

    def html(self, location: str | None, said: str | None = None, when: str | None = None) -> str:
        """The place as an HTML paragraph, to follow an explanation's (and ``when``'s).

        Example:
            >>> import svduty
            >>> Placer(svduty.warwickshire()).html(None)[:27]
            '<p><b>place</b>: no locatio'
        """
        said = self.says(location) if said is None else said
        time = f"<p><b>time</b>: {html.escape(when)}</p>" if when else ""
        return f"<p><b>place</b>: {html.escape(said)}</p>{time}"


_SHOWN = ("offence_code", "police_uk_category")
"""Facts whose value ``given:`` shows: public vocabularies, the basis of a category answer."""


def given_words(incident: Any) -> str:
    """The facts an incident gave, by name; the offence code and police.uk category by value.

    The answers rest on these facts alone (an open world: any other is not known). No
    other value is shown: an age or a relationship is named, never repeated.

    Example:
        >>> from svduty.definitions import Incident
        >>> given_words(Incident(id="a", police_uk_category="Robbery", victim_age=30))
        'police_uk_category (Robbery), victim_age'
        >>> given_words(Incident(id="a"))
        'no fact'
    """
    facts = incident.to_json()
    named = [
        f"{k} ({printable(str(v))})" if k in _SHOWN else k for k, v in facts.items() if k != "id"
    ]
    return ", ".join(named) or "no fact"


def given_text(block: str, incident: Any) -> str:
    r"""``block`` (an explanation as text) with the ``given:`` line after its heading.

    Example:
        >>> from svduty.definitions import Incident
        >>> print(given_text("Incident a\n  violence:            yes", Incident(id="a")))
        Incident a
          given:               no fact
          violence:            yes
    """
    head, _, rest = block.partition("\n")
    return f"{head}\n  {'given:':<21}{given_words(incident)}\n{rest}"


def given_html(incident: Any) -> str:
    """The facts given as an HTML paragraph, to follow an explanation's.

    Example:
        >>> from svduty.definitions import Incident
        >>> given_html(Incident(id="a", offence_code="8N"))
        '<p><b>given</b>: offence_code (8N)</p>'
    """
    return f"<p><b>given</b>: {html.escape(given_words(incident))}</p>"


def incident_section(block: str, incident: Any, place: str) -> str:
    """One incident of the HTML page: its heading, the facts given, its answers, its place.

    ``block`` is the classification's HTML (its heading the first paragraph), ``place``
    the place paragraph (:meth:`Placer.html`).

    Example:
        >>> from svduty.definitions import Incident
        >>> incident_section("<div><p>Incident a</p><table></table></div>", Incident(id="a"),
        ...                  "<p>place</p>")
        '<section><div><p>Incident a</p><p><b>given</b>: no fact</p><table></table></div><p>place</p></section>'
    """  # noqa: E501
    head, sep, rest = block.partition("</p>")
    return f"<section>{head}{sep}{given_html(incident)}{rest}{place}</section>"


PAGE_STYLE = (
    "<style>body{font-family:system-ui,sans-serif;max-width:72rem;margin:1rem auto;"
    "padding:0 1rem;line-height:1.4}section{border-top:1px solid #bbb;margin-top:1.2rem;"
    "padding-top:.3rem}table{border-collapse:collapse}th,td{text-align:left;padding:2px 10px;"
    "border-bottom:1px solid #eee;vertical-align:top}li{margin-bottom:3px}</style>"
)
"""The explain page's few rules: readable lines, each incident parted from the next."""
