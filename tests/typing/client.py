"""A client of svduty as another council system would write it, checked by ``mypy --strict``.

It reads incidents (JSON Lines), classifies them against the partnership's own definition,
keeps the reasons of the ones in scope, and asks the governance what a reorganisation would
break. Every name it uses is public; where svduty's types are too loose or optional, mypy
says so here first. ``tests/test_readme.py`` runs :func:`main`.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterator
from pathlib import Path

import svduty
from svduty.answers import Reason, Verdict


def read_incidents(path: Path) -> Iterator[svduty.Incident]:
    """The incidents of a JSON Lines file, one a line."""
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if line.strip():
                yield svduty.Incident.from_json(json.loads(line), line=number, file=path.name)


def in_scope(partnership: svduty.Partnership, path: Path) -> dict[str, tuple[Reason, ...]]:
    """Incident id -> the reasons it is in scope of the partnership's definition."""
    definition: svduty.Definition = partnership.require_definition()
    out: dict[str, tuple[Reason, ...]] = {}
    for incident in read_incidents(path):
        result: svduty.Classification = svduty.classify(incident, definition)
        if result.in_scope is Verdict.YES and incident.id is not None:
            out[incident.id] = result.reasons
    return out


def specified_on(partnership: svduty.Partnership, day: datetime.date) -> list[str]:
    """The specified authorities for the first district on a day (a plain date will do)."""
    district = partnership.geography.get(partnership.local_area.districts[0], as_at=day).id
    return [a.id for a in partnership.authorities.specified_for(district, on=day)]


def reorganisation_errors(partnership: svduty.Partnership, scenario: str) -> list[str]:
    """What a packaged what-if scenario breaks, one line a finding."""
    governance = partnership.governance
    if governance is None:
        return []
    after, _log = governance.apply(partnership.scenarios[scenario])
    findings = partnership.validate_governance(after)
    return [str(f) for f in findings.errors]


def my_scenario(partnership: svduty.Partnership) -> int:
    """A what-if written in Python, as the policy tutorial does (a list or a tuple)."""
    from svduty.governance import Merge, RemoveBody, Scenario

    listed = Scenario("x", "X", [RemoveBody("safer-warwickshire-partnership-board")])
    tupled = Scenario("y", "Y", (Merge("rugby-csp-board", "north-warwickshire-csp-board"),))
    return len(partnership.what_if(listed).findings.errors) + len(tupled.changes)


def main() -> tuple[int, int]:
    """Run the client on the packaged samples: (incidents in scope, governance errors)."""
    p = svduty.warwickshire()
    scoped = in_scope(p, svduty.sample_path("incidents"))
    for reasons in scoped.values():
        for reason in reasons:
            assert reason.citation.source.id  # every reason cites its source
    return len(scoped), len(reorganisation_errors(p, "lgr-two-unitaries"))


def incident_fields_are_typed() -> svduty.Incident:
    """An incident's fields are typed for mypy: an age given as text is a type error (the
    ignore fails mypy if the error it silences goes away; it was a test running mypy in
    process, ~11 s of CPU with a cold cache: moved here by the lead, sixty-first session)."""
    _ = svduty.Incident(victim_age="19")  # type: ignore[arg-type]
    return svduty.Incident(victim_age=19)


def money_is_typed() -> svduty.Money:
    """Money takes Money (and whole numbers to multiply): a float is a type error, as it is
    an error at run time (the ignores fail mypy if the error they silence goes away)."""
    m = svduty.Money.parse("1.50")
    _ = m + 1.5  # type: ignore[operator]
    _ = m * 0.5  # type: ignore[operator]
    return sum([m, m], svduty.Money.zero()) * 3 - m


def wrapped_functions_keep_their_signatures() -> int:
    """The public functions are wrapped (a wrong argument's type is an ArgumentError at run
    time); mypy still sees each one's own parameters and return type."""
    p: svduty.Partnership = svduty.load_partnership("warwickshire")
    _ = svduty.load_partnership(5)  # type: ignore[arg-type]
    graph = p.governance
    if graph is not None:
        _ = graph.apply("lgr-two-unitaries")  # type: ignore[arg-type]
    return len(p.local_area.districts)


def a_batch_gives_a_batch_and_a_table_a_table() -> int:
    """The batch job's output is typed by its input (it was ``Any``: a misspelt method of
    the result passed mypy); a bad keyword of ``classify_many`` is a type error."""
    import pyarrow as pa

    from svduty.definitions import classify_many
    from svduty.io import default_pipeline, read_police_uk, sample_police_uk

    pipeline = default_pipeline()
    batch = next(read_police_uk(sample_police_uk()))
    out: pa.RecordBatch = pipeline(batch)
    table: pa.Table = pipeline(pa.Table.from_batches([batch]))
    _ = out.no_such_method()  # type: ignore[attr-defined]
    _ = classify_many([svduty.Incident()], bogus=1)  # type: ignore[call-arg]
    return out.num_rows + table.num_rows


def a_source_looked_up_is_a_source() -> str:
    """``Sources.get`` returned ``Any``: a misspelt attribute of its answer passed mypy."""
    sources = svduty.warwickshire().sources
    found = sources.get("pcsc-act-2022")
    _ = sources.get("pcsc-act-2022").no_such_attribute  # type: ignore[union-attr]
    fallback = sources.get("no-such-act", "none")
    return (found.title if found is not None else "") + str(fallback)


def my_area_records() -> str:
    """An area's records kept in a dict: its ``get`` (``None`` for an area not recorded,
    which svduty reads as "not recorded") is an ``area_periods`` (contract43)."""
    from svduty.authorities import specified_authorities_for
    from svduty.periods import Period

    recorded: dict[str, tuple[Period, ...]] = {"E06000063": (Period("2023-04-01"),)}
    authorities = svduty.warwickshire().authorities.with_area_periods(recorded.get)
    return specified_authorities_for(authorities, "E06000063", on="2023-02-15").verdict.value
