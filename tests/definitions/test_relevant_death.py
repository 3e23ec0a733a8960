"""The pilot's "relevant death" (SI 2023/227 reg 1(2)): dated by the death, open-world.

A death "which occurred, or is likely to have occurred, in the pilot period". The incident's
date bounds the death from below only. Every settled answer must be the truth for every
death date the facts allow, so adding a fact can never turn ``required`` into
``not_required`` or back (knowledge only narrows the death's bounds).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pendulum
from hypothesis import given
from hypothesis import strategies as st

from svduty.definitions import (
    OWHR_PILOT_AS_ANNOUNCED,
    OWHR_PILOT_AS_MADE,
    Incident,
    classify,
    classify_table,
)
from svduty.periods import Period

from .helpers import to_table

QUALIFYING = {
    "died": True,
    "target": "person",
    "behaviours": ["physical"],
    "weapon": "knife",
    "intended_for_injury": True,  # PCA 1953 s.1(4), second limb (law60)
    "relationship": "none",
    "same_household": False,
    "country": "England",
    "victim_age": 30,
    "intentional": True,
    "review_information": True,
    "body_located": True,
    "identity_recorded": True,
    "dsi_matter": False,
    "place_of_death": "E08000025",
    "aware_before_pilot_end": True,  # SI 2023/227 reg 4(1): these tests are of the date
}
# a pilot lengthened past its doubtful end (a review: the doubt's end was read as the
# period's, so a death in the longer period was a "no" a date of death turned to "yes")
LONGER = attrs.evolve(
    OWHR_PILOT_AS_MADE, period=Period(pendulum.Date(2023, 4, 1), pendulum.Date(2025, 4, 1))
)
PILOTS = [OWHR_PILOT_AS_MADE, OWHR_PILOT_AS_ANNOUNCED, LONGER]


def _last(pilot: Any) -> dt.date:
    """The day from which a death is surely outside the pilot."""
    return max(pilot.period.end, pilot.doubtful_until or pilot.period.end)


def _written(day: dt.date, month: bool) -> str:
    return day.strftime("%Y-%m") if month else day.isoformat()


def _states(incident: dt.date, death: dt.date) -> list[dict[str, Any]]:
    """What may be known of the two dates: nothing, either, both; each as a day or a month."""
    out: list[dict[str, Any]] = [{}]
    for month in (False, True):
        out.append({"date": _written(incident, month)})
        out.append({"date_of_death": _written(death, month)})
        for death_month in (False, True):
            out.append(
                {"date": _written(incident, month), "date_of_death": _written(death, death_month)}
            )
    return out


@given(
    st.dates(dt.date(2022, 10, 1), dt.date(2025, 1, 31)),
    st.integers(0, 500),
    st.sampled_from(PILOTS),
)
def test_a_settled_answer_is_true_of_the_death_whatever_else_is_unknown(incident, gap, pilot):
    death = incident + dt.timedelta(days=gap)
    truth = pilot.period.start <= death < pilot.period.end
    # from the end as made to the longer end announced the law itself is in doubt
    doubtful = pilot.period.end <= death < _last(pilot)
    rows = [{**QUALIFYING, **state} for state in _states(incident, death)]
    table = classify_table(to_table(rows), pilot=pilot).to_pylist()
    for data, row in zip(rows, table, strict=True):
        c = classify(Incident.from_json(data), pilot=pilot)
        got = c.homicide_review.value
        assert row["homicide_review"] == got, data
        assert row["reasons"] == [r.rule for r in c.reasons], data
        if got != "undetermined":  # never a confident answer the death could contradict
            assert not doubtful, (data, death)
            assert got == ("required" if truth else "not_required"), (data, death)
        elif "date_of_death" not in c.missing_facts and "date" not in c.missing_facts:
            assert doubtful, data  # nothing the incident could add settles it: the law
    # the day of death itself settles it, but where the law is in doubt
    exact = classify(
        Incident.from_json({**QUALIFYING, "date_of_death": death.isoformat()}), pilot=pilot
    )
    settled = "undetermined" if doubtful else ("required" if truth else "not_required")
    assert exact.homicide_review.value == settled
    assert exact.missing_for("homicide_review") == ()


@given(st.dates(dt.date(2022, 10, 1), dt.date(2025, 1, 31)), st.sampled_from(PILOTS))
def test_without_a_date_of_death_only_an_incident_after_the_period_is_a_no(incident, pilot):
    c = classify(Incident.from_json({**QUALIFYING, "date": incident.isoformat()}), pilot=pilot)
    if incident >= _last(pilot):
        assert c.homicide_review.value == "not_required"
        assert "OWHR-PILOT-DATE-OUTSIDE" in [r.rule for r in c.reasons]
    else:
        assert c.homicide_review.value == "undetermined"
        assert c.missing_for("homicide_review") == ("date_of_death",)
        assert "OWHR-PILOT-DATE-OF-DEATH" in [r.rule for r in c.reasons]


def test_an_open_ended_period_needs_no_upper_bound_in_both_engines():
    import pendulum
    import pyarrow as pa

    from svduty.definitions._expr import ArrowEnv, ScalarEnv
    from svduty.definitions._places import DeathIn

    open_ended = DeathIn(pendulum.Date(2023, 4, 1), None)
    days = [pendulum.Date(2024, 1, 1), pendulum.Date(2023, 3, 1), None]
    cols = {"first_day": pa.array(days, pa.date32())}
    assert open_ended.arrow(ArrowEnv(cols, {}, {}, 3)).to_pylist() == [True, None, None]
    assert [open_ended.scalar(ScalarEnv({"first_day": d})) for d in days] == [True, None, None]
    death = {"death_first_day": days[1], "death_last_day": days[1]}
    assert open_ended.scalar(ScalarEnv(death)) is False
    both = {k: pa.array([v], pa.date32()) for k, v in death.items()}
    assert open_ended.arrow(ArrowEnv(both, {}, {}, 1)).to_pylist() == [False]
    assert DeathIn(None, None).arrow(ArrowEnv({}, {}, {}, 2)).to_pylist() == [None, None]
