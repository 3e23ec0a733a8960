"""Hypothesis strategies for incidents."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from svduty.definitions import (
    OFFENCES,
    POLICE_UK_CATEGORIES,
    Behaviour,
    Context,
    Country,
    Harm,
    OtherReview,
    Relationship,
    Target,
    Weapon,
)

LOCATIONS = [
    "E08000025",  # Birmingham (pilot)
    "W06000015",  # Cardiff (pilot)
    "E07000222",  # Warwick
    "E06000001",  # Hartlepool
    "S12000036",  # Edinburgh
    "E01031012",  # an LSOA the test resolver knows (Warwickshire)
    "E01009999",  # an LSOA nobody resolves
    "E07000219",  # Nuneaton and Bedworth (Coventry and Warwickshire ICB: pilot in doubt)
    "E08000035",  # Leeds (no pilot partner)
]
RESOLVE = {"E01031012": "E07000222"}.get
DATES = [
    "2023-03-31",
    "2023-04-01",
    "2023-06-15",
    "2023-12-31",
    "2024-01-01",
    "2024-09-30",
    "2024-10-01",
    "2023-03",
    "2023-04",
    "2023-12",
    "2024-01",
]


def _words(enum: Any) -> st.SearchStrategy[str]:
    return st.sampled_from([m.value for m in enum])


def _opt(s: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(st.none(), s)


def _set(enum: Any) -> st.SearchStrategy[list[str] | None]:
    return _opt(st.lists(_words(enum), unique=True, max_size=3))


FIELDS: dict[str, st.SearchStrategy[Any]] = {
    "date": st.sampled_from(DATES),
    "offence_code": st.sampled_from(sorted(o.code for o in OFFENCES)),
    "police_uk_category": st.sampled_from([c.name for c in POLICE_UK_CATEGORIES]),
    "behaviours": st.lists(_words(Behaviour), unique=True, max_size=3),
    "intentional": st.booleans(),
    "target": _words(Target),
    "harms": st.lists(_words(Harm), unique=True, max_size=3),
    "weapon": _words(Weapon),
    "victim_age": st.sampled_from([0, 12, 15, 16, 17, 18, 25, 40, 130]),
    "perpetrator_age": st.sampled_from([14, 15, 16, 17, 18, 30]),
    "relationship": _words(Relationship),
    "context": st.lists(_words(Context), unique=True, max_size=2),
    "died": st.booleans(),
    "location": st.sampled_from(LOCATIONS),
    "country": _words(Country),
    "other_reviews": st.lists(_words(OtherReview), unique=True, max_size=2),
    "place_of_death": st.sampled_from(LOCATIONS),
    "review_information": st.booleans(),
    "pilot_partner": st.booleans(),
    "date_of_death": st.sampled_from(DATES),
}


@st.composite
def incident_json(draw: st.DrawFn) -> dict[str, Any]:
    """An incident's JSON form; may contain conflicting facts (callers filter)."""
    out: dict[str, Any] = {}
    for name, strategy in FIELDS.items():
        value = draw(_opt(strategy))
        if value is not None:
            out[name] = value
    if "offence_code" in out and "police_uk_category" in out and draw(st.booleans()):
        out["police_uk_category"] = OFFENCES.get(out["offence_code"]).police_uk_category
    return out
