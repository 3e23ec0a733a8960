"""Completeness of a bundle: the specified authorities each area needs, and real area codes.

:func:`check_completeness` reports, as :mod:`svduty.findings`, what a structurally valid
bundle still lacks or gets wrong:

- ``BUNDLE-SPECIFIED``: a local government area of the local area without an authority of
  each Schedule 1 table its kind requires (a two-tier district and its county; a unitary;
  Wales), s.11(6);
- ``BUNDLE-CATEGORY-AREA``: an authority whose areas are not of the kind its category
  serves (a district council pointed at a county, a chief officer at an ICB);
- ``BUNDLE-GSS``: a GSS code anywhere in any file of the bundle (governance, scenarios and
  funding included) that is neither an area of the bundle nor of the national ONS tables,
  or a ``districts`` entry that is not a local government area;
- ``BUNDLE-ONS``: an area record of ``areas.toml`` whose code is in the national ONS
  tables but whose kind, name or parents contradict them (a name that is not the ONS
  name, in English or Welsh, nor the part before its qualifier; a parent of a kind the
  tables place the area in, but not the one they name); and, as a warning, a local
  government area code (``E06``-``E09``, ``W06``) the tables do not have (a mistyped code,
  or an area that ceased before them);
- ``BUNDLE-FIRE-AUTHORITIES``: two fire and rescue authority records that give one local
  government area on a day, neither in doubt on it (the Fire and Rescue Services Act 2004
  s.1(1): an area has one), naming both records and the area;
- ``BUNDLE-SETTLES-DOUBT`` (a warning): a record that holds, not in doubt, on days the law
  leaves in doubt (:mod:`svduty.io._settled_doubts`): the bundle's reading may stand, but
  it is said, with the national doubt's citation and the record's;
- ``BUNDLE-NATION``: an authority whose ``nation`` (recorded, or implied by a category of
  one nation) is not the nation of its areas' GSS codes (``E`` England, ``W`` Wales): the
  nation decides, for one, whether the Welsh Ministers must consent to a direction
  (s.18(4));
- ``BUNDLE-ABSENCE``: an absence of a relevant authority's category that an authority
  of the category named for its areas contradicts: it does not list it in ``beside``
  (s.8(4): each must be consulted; one of the two records is wrong);
- ``BUNDLE-YOT-AREAS``: a youth offending team whose areas are not the local government
  areas of the councils that established it (Sch 1, "each local government area which
  is, or which falls within, the area of each local authority that established the team");
- ``BUNDLE-YOT-COUNCIL``: a youth offending team established by a body that is not a local
  authority of the Crime and Disorder Act 1998 (s.42(1): a district council of a two-tier
  county is not one, nor is any body other than a council), so no team "established under
  section 39" (Sch 1).

Example:
    >>> import svduty
    >>> check_completeness(svduty.warwickshire()).ok
    True
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import attrs
import pendulum

from svduty._checked import checked
from svduty.areas import Geography, normalise_name
from svduty.areas._ceased import REORGANISED, ceased_districts, ceased_note
from svduty.areas._earlier import earlier_areas
from svduty.areas._national import welsh_names
from svduty.authorities import specified_authorities_for
from svduty.authorities._absences import absence_findings
from svduty.authorities._answering import READ_TWO_WAYS
from svduty.authorities._areas_served import AREA_KINDS, area_kind, area_problems
from svduty.authorities._authority import local_government_areas, youth_offending_team_findings
from svduty.authorities._categories import LOCATED_IN_ITS_AREA
from svduty.authorities._one_fire_authority import (
    CONTRADICT,
    POLICE_CONTRADICT,
    police_areas_contradicting,
    two_fire_authorities_finding,
    two_police_forces_finding,
    undoubted_fire_authorities,
)
from svduty.authorities._yot_councils import youth_offending_team_council_findings
from svduty.errors import AreaError, Problem
from svduty.findings import Finding, Findings, Severity
from svduty.io._councils_2023 import ceased_county
from svduty.io._files import read_toml
from svduty.io._settled_doubts import settled_doubt_findings
from svduty.partnership import Partnership
from svduty.sources import cite

__all__ = ["AREA_KINDS", "check_completeness", "completeness_problems", "completeness_warnings"]

_GSS = re.compile(r"^[EWSNK]\d{8}$", re.ASCII)
_LGA = re.compile(r"^(E0[6-9]|W06|E10)\d{6}$", re.ASCII)
"""The codes of local government areas and counties, which the national tables list in full."""
_SCH1 = cite("pcsc-act-2022", "s.11(6), Sch 1")
_ONS = cite(
    "ons-lad24-csp24-pfa24", "the national ONS tables svduty packages (areas, names, parents)"
)
_FILES = (
    "bundle.toml",
    "areas.toml",
    "authorities.toml",
    "definition.toml",
    "funding.toml",
    "strategy.toml",
    "governance.toml",
    "timetable.toml",
    "strategies.toml",
)


def _strings(data: Any, path: str) -> Iterator[tuple[str, str]]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(value, f"{path}.{key}" if path else str(key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _strings(value, f"{path}[{i}]")
    elif isinstance(data, str):
        yield path, data


def _gss_findings(partnership: Partnership) -> list[Finding]:
    root = partnership.bundle_path
    if root is None:
        return []
    files = [f for f in _FILES if (root / f).is_file()]
    folder = root / "scenarios"
    if folder.is_dir():
        files += [f"scenarios/{f.name}" for f in sorted(folder.glob("*.toml"))]
    out: list[Finding] = []
    for file in files:
        for path, value in _strings(read_toml(Path(root) / file), ""):
            if not _GSS.match(value) or (file == "areas.toml" and path.endswith(".code")):
                continue
            kind = area_kind(partnership.geography, value)
            if kind is None:
                message = f"{value} is not an area of the bundle or of England and Wales"
            elif re.search(r"districts\[\d+\]$", path) and not kind.is_local_government_area:
                message = f"{value} is {kind.a}, not a local government area"
            else:
                continue
            out.append(
                Finding(
                    "BUNDLE-GSS",
                    Severity.ERROR,
                    message,
                    (_SCH1,),
                    subjects=(value,),
                    where=f"{file}: {path}",
                )
            )
    return out


def _authority_area_findings(partnership: Partnership) -> list[Finding]:
    """Each authority's areas: of a kind its category serves, in its nation."""
    out = []
    for i, a in enumerate(partnership.authorities):
        for j, code in enumerate(a.areas):
            out += [
                Finding(
                    rule,
                    Severity.ERROR,
                    message,
                    (a.info.citation,),
                    subjects=(a.id, code),
                    where=f"authorities.toml: authorities[{i}].areas[{j}]",
                )
                for rule, message in area_problems(partnership.geography, a, code)
            ]
    return out


def refused_by_join(partnership: Partnership) -> set[str]:
    """The ids of the authorities the s.12(2) join refuses: a school named by a wider area.

    Sch 2: an educational authority is one for "each local government area in which the
    school is located"; named by a county, it would be one for every district within, so
    :func:`~svduty.authorities.local_government_areas` refuses it (``AreaError``). The
    check reports it as ``BUNDLE-CATEGORY-AREA`` and leaves it out of the checks that
    join it, which would fail on it rather than report.

    Example:
        >>> import svduty
        >>> refused_by_join(svduty.warwickshire())
        set()
    """
    refused = set()
    for a in partnership.authorities:
        if a.category not in LOCATED_IN_ITS_AREA:
            continue
        try:
            local_government_areas(a, partnership.geography.district_codes_within)
        except AreaError:
            refused.add(a.id)
    return refused


def _ends_when_it_ceased(code: str, record: dict[str, Any], national: Geography) -> bool:
    """Whether an area record the tables lack ends by the day svduty knows the area ceased.

    Such a record (the districts of 2019-2021 and the counties of 2023 that ``svduty init``
    writes) says what the tables' silence means; one that runs on past that day, or has no
    end, still gets the warning.
    """
    valid = record.get("valid")
    end = valid.get("end") if isinstance(valid, dict) else None
    if earlier := earlier_areas().get(code):
        ceased = earlier.ceased.isoformat()
    elif ceased_county(national, code):
        ceased = REORGANISED.isoformat()
    else:
        return False
    return end is not None and str(end)[:10] <= ceased


def _ons_findings(partnership: Partnership) -> list[Finding]:
    root = partnership.bundle_path
    if root is None or not (root / "areas.toml").is_file():
        return []
    national = Geography.england_and_wales()
    records = read_toml(root / "areas.toml").get("areas", [])
    out: list[Finding] = []

    def finding(
        i: int, field: str, message: str, code: str, severity: Severity = Severity.ERROR
    ) -> None:
        out.append(
            Finding(
                "BUNDLE-ONS",
                severity,
                message,
                (_ONS,),
                subjects=(code,),
                where=f"areas.toml: areas[{i}].{field}",
            )
        )

    ceased = ceased_districts()
    for i, record in enumerate(records if isinstance(records, list) else []):
        code = record.get("code") if isinstance(record, dict) else None
        if (
            isinstance(code, str)
            and _LGA.match(code)
            and code not in national
            and code not in ceased
            and not _ends_when_it_ceased(code, record, national)
        ):
            name = record.get("name")
            known = ceased_note(code, lambda c: national.get(c).name)[2:-1]  # 2019-2021
            known = known or ceased_county(national, code)[2:-1]  # the counties of 2023
            what = "a county" if code.startswith("E10") else "a local government area"
            finding(
                i,
                "code",
                f"{code}{f' ({name})' if isinstance(name, str) else ''} is not {what} of the "
                "national ONS tables (2022 and 2024): "
                + (known or "a mistyped code, or an area that ceased before them"),
                code,
                Severity.WARNING,
            )
        if not isinstance(code, str) or code not in national:
            continue
        ons = national.get(code)
        if record.get("kind") != ons.kind.value:
            finding(i, "kind", f"{code} is {ons.kind.a} in the ONS tables", code)
        name = record.get("name")
        if isinstance(name, str) and not _same_name(name, ons.name, code):
            finding(i, "name", f"{code} is {ons.name} in the ONS tables", code)
        parents = record.get("parents")
        for j, parent in enumerate(parents if isinstance(parents, list) else []):
            if not isinstance(parent, str) or parent not in national:
                continue
            kind = national.get(parent).kind
            placed = [q for q in ons.parents if q in national and national.get(q).kind is kind]
            if placed and parent not in placed:
                finding(
                    i,
                    f"parents[{j}]",
                    f"the ONS tables put {code} ({ons.name}) in {' and '.join(placed)}, not "
                    f"in {parent} ({kind.a})",
                    code,
                )
    return out


def _same_name(given: str, official: str, code: str) -> bool:
    """Whether a bundle's name for an area is its ONS name (words compared, not spacing).

    Its Welsh name too, and the name before a qualifier ("Bristol" for "Bristol, City
    of"); not any part of it ("Warwickshire" is not Warwick, "R" not Rugby).

    Example:
        >>> _same_name("Bristol", "Bristol, City of", "E06000023")
        True
        >>> _same_name("Caerdydd", "Cardiff", "W06000015"), _same_name("R", "Rugby", "E07000220")
        (True, False)
    """
    words = _words(given)
    if words in {_words(official), _words(official.split(",", maxsplit=1)[0])}:
        return bool(words)
    return welsh_names().get(normalise_name(given)) == code


def _words(name: str) -> str:
    return re.sub(r"[\W_]+", " ", name.lower()).strip()  # a letter of any script stays


@checked
def check_completeness(partnership: Partnership) -> Findings:
    """What a loaded bundle lacks: specified authorities, area kinds, unknown GSS codes.

    The specified authorities are looked for on each day of the local area's period
    the records change on which the district's own area record holds (no day before
    Cumberland's began on 1 April 2023: ``svduty init`` files its predecessors' councils
    under their own districts, each a local government area until then).

    Example:
        >>> import tempfile, pathlib, svduty
        >>> from svduty.io import new_bundle
        >>> path = new_bundle(tempfile.mkdtemp() + "/x", ["E07000220"])
        >>> f = path / "authorities.toml"
        >>> text = f.read_text().replace('"fire_and_rescue_authority"', '"other_partner"')
        >>> _ = f.write_text(text)
        >>> for f in check_completeness(svduty.load_partnership(path)).errors:
        ...     print(f.where, f.message[:60])
        authorities.toml: authorities no fire and rescue authority for E07000220 (Rugby): a specif
    """
    p = partnership
    out = _gss_findings(p) + _ons_findings(p) + _authority_area_findings(p)
    out += youth_offending_team_findings(p.authorities, p.geography.district_codes_within)
    out += youth_offending_team_council_findings(p.authorities)
    refused = refused_by_join(p)  # reported above; left out of the checks that join them
    joinable = attrs.evolve(p.authorities, items=[a for a in p.authorities if a.id not in refused])
    out += absence_findings(joinable, p.local_area.districts)
    out += settled_doubt_findings(p)  # a warning: the bundle's reading of the law, said
    days = _changes(p)
    # the records the bundle files under a district's code, on each day of the local
    # area's period that the district was a local government area (s.11(4)), if known
    filed = attrs.evolve(p.authorities, area_periods=None)
    two: dict[tuple[str, ...], dict[str, pendulum.Date]] = {}  # the areas, each's first day
    forces: dict[tuple[str, ...], dict[str, pendulum.Date]] = {}  # (Police Act 1996 s.2(1))
    for i, code in _districts_and_predecessors(p):
        seen: set[str] = set()
        get = p.authorities.area_periods
        held = None if get is None or (ps := get(code)) is None else tuple(ps)
        for day in days:  # each day the records change, over the local area's period
            if held is not None and not any(day in period for period in held):
                continue
            answer = specified_authorities_for(
                filed, code, on=day, districts_within=p.geography.district_codes_within
            )
            for missing in answer.missing:  # a record in doubt is a record, not a gap
                if missing.endswith(CONTRADICT):  # two records, not a gap: named below
                    of = [p.authorities.get(a) for a in answer.subjects]
                    fire = tuple(a.id for a in undoubted_fire_authorities(of, day))
                    two.setdefault(fire, {}).setdefault(code, day)
                    continue
                if missing.endswith(POLICE_CONTRADICT):  # two forces of one police area: below
                    of = [p.authorities.get(a) for a in answer.subjects]
                    for _area, same in police_areas_contradicting(of, day):
                        forces.setdefault(tuple(a.id for a in same), {}).setdefault(code, day)
                    continue
                if missing in seen or missing.endswith(READ_TWO_WAYS):
                    continue
                seen.add(missing)
                table = re.search(r"\(([^()]*)\) for", missing)
                label = table.group(1) if table else "an authority"
                when = "" if day == days[0] else f" from {day.isoformat()}"
                out.append(
                    Finding(
                        "BUNDLE-SPECIFIED",
                        Severity.ERROR,
                        f"no {label} for {code} ({p.geography.get(code).name}){when}: {missing}",
                        (_SCH1,),
                        subjects=(code,),
                        where="authorities.toml: authorities",
                        data=(("local_area", f"districts[{i}]"),),
                    )
                )
    at = {a.id: i for i, a in enumerate(p.authorities)}
    for ids, areas in two.items():  # FRSA 2004 s.1(1): one for an area
        found = [p.authorities.get(i) for i in ids]
        lgas = [(code, p.geography.get(code).name, day) for code, day in areas.items()]
        out += [f for f in [two_fire_authorities_finding(found, at, lgas)] if f is not None]
    for ids, areas in forces.items():  # Police Act 1996 s.2(1): one force for a police area
        found = [p.authorities.get(i) for i in ids]
        lgas = [(code, p.geography.get(code).name, day) for code, day in areas.items()]
        out += [f for f in [two_police_forces_finding(found, at, lgas)] if f is not None]
    return Findings(tuple(out))


def _districts_and_predecessors(p: Partnership) -> list[tuple[int, str]]:
    """The local area's districts and the recorded districts each replaced on 1 April 2023.

    Each with the index of the local-area district it is or lies in: ``svduty init`` files
    the councils of Allerdale, Carlisle and Copeland under their own districts, local
    government areas of Cumberland's place until that day (s.11(4)), so they are checked
    on the days their own records hold.
    """
    ours = list(enumerate(p.local_area.districts))
    get = p.authorities.area_periods
    before = [
        (i, c.code)
        for i, code in ours
        for c in ceased_districts().values()
        if c.successor == code and get is not None and get(c.code) is not None
    ]
    return ours + sorted(before)


def _changes(p: Partnership) -> list[pendulum.Date]:
    """The days the specified authorities may change, over the local area's period.

    Its first day, and each later day of it an authority's record (or a recorded absence)
    starts or ends.
    """
    period = p.local_area.valid
    days = {period.start}
    spans = [a.valid for a in p.authorities.items] + [x.valid for x in p.authorities.absences]
    for span in spans:
        for day in (span.start, span.end):
            if day is not None and day > period.start and day in period:
                days.add(day)
    return sorted(days)


def completeness_problems(partnership: Partnership) -> list[Problem]:
    """:func:`check_completeness` as problems, one per error, naming file and field.

    Example:
        >>> import svduty
        >>> completeness_problems(svduty.warwickshire())
        []
    """
    return _as_problems(check_completeness(partnership).errors) + _funding_references(partnership)


def completeness_warnings(partnership: Partnership) -> list[Problem]:
    """:func:`check_completeness`'s warnings as problems (``svduty validate`` prints them).

    Example:
        >>> import svduty
        >>> completeness_warnings(svduty.warwickshire())
        []
    """
    return _as_problems(check_completeness(partnership).warnings)


def _as_problems(findings: Iterable[Finding]) -> list[Problem]:
    out = []
    for f in findings:
        file, _, field = f.where.partition(": ")
        out.append(Problem(message=f"{f.rule}: {f.message}", file=file, field=field or None))
    return out


def _funding_references(p: Partnership) -> list[Problem]:
    """What a funded project serves: an action of ``strategy.toml``, a duty of ss.8-9.

    ``Strategy.trace`` refuses an unknown one (naming no file), and the summaries by
    pillar left its money out: the bundle is refused instead, naming each.

    Example:
        >>> import svduty
        >>> _funding_references(svduty.warwickshire())
        []
    """
    from svduty.funding._strategy import reference_problems

    if p.funding is None:
        return []
    actions = {a.id for a in p.strategy.actions} if p.strategy is not None else set()
    found = reference_problems(p.funding, actions)
    return [attrs.evolve(x, file="funding.toml") for x in found]
