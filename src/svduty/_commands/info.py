"""``svduty info``: a readable summary of a partnership."""

from __future__ import annotations

import argparse
import json
from typing import Any, TextIO, cast

import attrs

from svduty._commands._examples import EXIT_TAIL
from svduty._commands._json import versioned
from svduty._commands._options import (
    add_partnership,
    load_named_partnership,
    resolve_definition,
)
from svduty._shown import PrintableLines
from svduty.areas import AreaKind
from svduty.authorities import Authority, InDoubt, Role
from svduty.authorities._absences import against
from svduty.authorities._consultation import _SCHEDULE_2
from svduty.authorities._in_doubt import doubt_words
from svduty.errors import SvdutyError
from svduty.findings import Finding
from svduty.io._settled_doubts import settled_doubt_findings
from svduty.partnership import Partnership
from svduty.periods import Period, date
from svduty.sources import Confidence

__all__ = ["register", "run", "summary"]


def summary(p: Partnership) -> dict[str, Any]:
    """The partnership as plain data: area, districts, CSPs, police areas, health bodies, sources.

    Example:
        >>> import svduty
        >>> s = summary(svduty.warwickshire())
        >>> [d["csp"] for d in s["districts"]][-2:]
        ['E22000359', 'E22000359']
        >>> s["districts"][0]["csps"]
        ['E22000319']
    """
    geo = p.geography

    def area(code: str) -> dict[str, Any]:
        a = geo.get(code)
        out: dict[str, Any] = {"code": a.code, "id": a.id, "name": a.name, "kind": a.kind.value}
        out["valid"] = _period(a.valid)
        if a.citation.confidence is not Confidence.CONFIRMED:
            out["confidence"] = a.citation.confidence.value
        if a.citation.doubt:
            out["doubt"] = a.citation.doubt
        return out

    def first(code: str, kind: AreaKind) -> str | None:
        found = geo.parents(code, kind)
        return found[0].id if found else None

    districts = []
    for code in p.local_area.districts:
        d = area(code)
        csps = [a.id for a in geo.parents(code, AreaKind.COMMUNITY_SAFETY_PARTNERSHIP)]
        d["csps"] = csps  # a district may hold several (Buckinghamshire: four)
        d["csp"] = csps[0] if len(csps) == 1 else None
        d["police_force_area"] = first(code, AreaKind.POLICE_FORCE_AREA)
        d["police_command_area"] = first(code, AreaKind.POLICE_COMMAND_AREA)
        d["lsoas_2011"] = len(geo.lsoas(code, 2011))
        d["lsoas_2021"] = len(geo.lsoas(code, 2021))
        districts.append(d)
    ours = set(p.local_area.districts)

    def related(kind: AreaKind) -> list[dict[str, Any]]:
        out = []
        for a in geo.all(kind):
            inside = geo.districts_within(a.id)
            if not ours & {d.id for d in inside}:
                continue
            entry = {
                **area(a.id),
                "districts": [d.id for d in inside],
                "within_local_area": p.local_area.within(a.id),
            }
            doubts: dict[str, list[str]] = {}  # each doubt of a link, with its districts
            for d in inside:
                if a.id in d.parents:
                    c = geo.link_citation(d.id, a.id)
                    if c.confidence is not Confidence.CONFIRMED:
                        entry["districts_confidence"] = c.confidence.value
                    if c.doubt:
                        doubts.setdefault(c.doubt, []).append(d.id)
            if doubts:  # one sentence each: an abolished district's is not the area's
                entry["districts_doubt"] = "; ".join(doubts)
                entry["districts_doubts"] = [
                    {"districts": ids, "doubt": text} for text, ids in doubts.items()
                ]
            out.append(entry)
        return out

    return {
        "name": p.name,
        "title": p.title,
        "description": p.description,
        "definition": resolve_definition(None, p).id,
        "local_area": {
            "name": p.local_area.name,
            "valid": _period(p.local_area.valid),
            "citation": p.local_area.citation.as_dict(),
        },
        "districts": districts,
        "community_safety_partnerships": related(AreaKind.COMMUNITY_SAFETY_PARTNERSHIP),
        "police_force_areas": related(AreaKind.POLICE_FORCE_AREA),
        "police_command_areas": related(AreaKind.POLICE_COMMAND_AREA),
        "integrated_care_boards": related(AreaKind.INTEGRATED_CARE_BOARD),
        "local_health_boards": related(AreaKind.LOCAL_HEALTH_BOARD),
        "counties": related(AreaKind.COUNTY),
        "authorities": _authorities(p),
        "sources": len(p.sources),
        "bundle_path": str(p.bundle_path) if p.bundle_path else None,
    }


def _period(period: Period) -> dict[str, str | None]:
    """A period as the bundle's files write it: ISO days, ``end`` the first day after it.

    Example:
        >>> from svduty.periods import date
        >>> _period(Period(date("2023-01-31")))
        {'start': '2023-01-31', 'end': None}
    """
    return {
        "start": period.start.isoformat(),
        "end": period.end.isoformat() if period.end is not None else None,
    }


def _period_text(period: dict[str, str | None]) -> str:
    """A period of :func:`_period` as the text shows it: its first and last days.

    Example:
        >>> _period_text({"start": "2022-04-01", "end": "2025-04-01"})
        '2022-04-01 to 2025-03-31'
        >>> _period_text({"start": "2023-01-31", "end": None})
        '2023-01-31 onwards'
    """
    start, end = period["start"] or "", period["end"]
    return str(Period(date(start), None if end is None else date(end)))


def _authorities(p: Partnership) -> dict[str, Any]:
    """The authorities by role, and the categories recorded as absent from the area."""
    by_role: dict[str, list[dict[str, Any]]] = {}
    settles = {f.subjects[0]: f for f in settled_doubt_findings(p)}  # the bundle's reading
    for role in Role:
        found = p.authorities.by_role(role)
        if found:
            by_role[role.value] = [
                {
                    "id": a.id,
                    "name": a.name,
                    "category": a.category.value,
                    "areas": list(a.areas),
                    "confidence": a.citation.confidence.value,
                    "doubt": a.citation.doubt,
                    "valid": _period(a.valid),
                    "in_doubt": _in_doubt(a.in_doubt),
                    "settles_doubt": _settles(settles.get(a.id)),
                    "outside_local_area": _outside(p, a.areas),
                }
                for a in found
            ]
    auths = p.authorities
    absences = [
        {
            "category": x.category.value,
            "areas": list(x.areas),
            "beside": list(x.beside),
            "confidence": x.citation.confidence.value,
            "doubt": x.citation.doubt,
        }
        for x in auths.absences
    ]
    unsaid = [  # a district with neither an authority of it nor an absence: not known
        c.value
        for c in _SCHEDULE_2
        if any(
            not any(a.category is c for a in auths.relevant_for(d)) and not auths.absences_for(d, c)
            for d in p.local_area.districts
        )
    ]
    closes = {  # an absence closes its areas' lists: nothing contradicts it, it does not end
        x: x.valid.end is None and against(auths, x) == ((), ()) for x in auths.absences
    }
    unwhole = [  # named for a district whose list no absence closes: not known to be all
        {"category": c.value, "areas": areas}
        for c in _SCHEDULE_2
        if (
            areas := [
                d
                for d in p.local_area.districts
                if any(a.category is c for a in auths.relevant_for(d))
                and not any(closes[x] for x in auths.absences_for(d, c))
            ]
        )
    ]
    return {"by_role": by_role, "absent": absences, "not_recorded": unsaid, "not_whole": unwhole}


def _in_doubt(doubt: InDoubt | None) -> dict[str, Any] | None:
    """A record's days in doubt as plain data: the days, what they cite, the words.

    Example:
        >>> from svduty.sources import cite
        >>> c = cite("si-2023-1432", "art 41", doubt="read two ways")
        >>> _in_doubt(InDoubt(Period(date("2023-12-20"), date("2024-05-07")), c))["words"]
        'in doubt 2023-12-20 to 2024-05-06 (si-2023-1432 art 41): read two ways'
    """
    if doubt is None:
        return None
    return {
        "valid": _period(doubt.valid),
        "citation": doubt.citation.as_dict(),
        "words": doubt_words(doubt),
    }


def _settles(finding: Finding | None) -> dict[str, Any] | None:
    """A record that settles a doubt the law leaves (``BUNDLE-SETTLES-DOUBT``): its days, why.

    Example:
        >>> _settles(None) is None
        True
    """
    if finding is None:
        return None
    cited = [c.as_dict() for c in finding.citations]
    return {"days": dict(finding.data)["days"], "citations": cited, "words": finding.message}


def _outside(p: Partnership, areas: tuple[str, ...]) -> bool:
    """Whether an authority's areas all lie outside the local area (none of its districts).

    Such a record is kept for a reason of its own (Cornwall Council, which establishes the
    Isles of Scilly's youth offending team, Crime and Disorder Act 1998 s.42(2)); an
    authority with no areas, or an area the geography does not know, is not said to be; nor
    is the council of a district abolished on 1 April 2023 (or of the county it was in),
    whose area lies wholly within its successor, a district of the local area.

    Example:
        >>> import svduty
        >>> p = svduty.warwickshire()
        >>> _outside(p, ("E07000222",)), _outside(p, ("E10000031",)), _outside(p, ("E06000052",))
        (False, False, True)
        >>> _outside(p, ()), _outside(p, ("E99999999",))
        (False, False)

    The districts abolished on 1 April 2023 are within their successor's local area: a
    county council recorded for them (Somerset's, until that day) is not outside it.
    """
    local = set(p.local_area.districts)
    try:
        within = {c for area in areas for c in p.geography.lga_codes(area)}
    except SvdutyError:  # not known here: not said to be outside
        return False
    if not areas or within & local:
        return False
    from svduty.areas._ceased import ceased_districts  # read only for this question

    # a district abolished on 1 April 2023 is part of its successor's area (Somerset's
    # county council, for its four districts until that day, is not outside Somerset)
    ceased = ceased_districts()
    return not any(c in ceased and ceased[c].successor in local for c in within)


def _csps(codes: list[str]) -> str:
    """A district's CSPs in a column: one, or the first and how many more."""
    return "-" if not codes else codes[0] + (f" +{len(codes) - 1}" if len(codes) > 1 else "")


_UNDATED: Period = cast(Period, attrs.fields(Authority).valid.default)
"""The period of an authority record that gives none."""

_ROLE_TITLES = {
    Role.SPECIFIED_AUTHORITY.value: "Specified authorities (s.11, Sch 1)",
    Role.RELEVANT_AUTHORITY.value: "Relevant authorities (s.12, Sch 2)",
    Role.LOCAL_POLICING_BODY.value: "Local policing bodies (s.14)",
    Role.OTHER_PARTNER.value: "Other partners",
}


def _text(s: dict[str, Any], out: TextIO) -> None:
    def flag(a: dict[str, Any]) -> str:
        marks = []
        if "confidence" in a:
            marks.append(f"[{a['confidence']}]")
        if "districts_confidence" in a:
            marks.append(f"[districts {a['districts_confidence']}]")
        return "  " + " ".join(marks) if marks else ""

    print(f"{s['title']} ({s['name']})", file=out)
    la = s["local_area"]
    print(f"Local area: {la['name']} ({_period_text(la['valid'])})", file=out)
    print(f"Definition of serious violence: {s['definition']}", file=out)
    print(f"\nLocal government areas ({len(s['districts'])}):", file=out)
    for d in s["districts"]:
        print(
            f"  {d['code']}  {d['name']:<24} CSP {_csps(d['csps']):<10} "
            f"police area {d['police_command_area'] or d['police_force_area'] or '-':<26} "
            f"LSOAs {d['lsoas_2011']} (2011) {d['lsoas_2021']} (2021)",
            file=out,
        )
    groups = [
        ("Counties", "counties"),
        ("Community safety partnerships", "community_safety_partnerships"),
        ("Police force areas", "police_force_areas"),
        ("Police command areas", "police_command_areas"),
        ("Integrated care boards", "integrated_care_boards"),
        ("Local Health Boards", "local_health_boards"),
    ]
    always = ("community_safety_partnerships", "police_force_areas")
    for title, key in groups:
        if not s[key] and key not in always:  # Wales has no ICBs, England no LHBs
            continue
        print(f"\n{title} ({len(s[key])}):", file=out)
        for a in s[key]:
            note = "" if a["within_local_area"] else "  (extends beyond the local area)"
            print(
                f"  {a['id']:<26} {a['name']}: {', '.join(a['districts'])}{note}{flag(a)}",
                file=out,
            )
    auth = s["authorities"]
    for role, found in auth["by_role"].items():
        count = f"{len(found)} record{'s' if len(found) != 1 else ''}"  # init counts bodies
        print(f"\n{_ROLE_TITLES.get(role, role)} ({count}):", file=out)
        for a in found:
            dated = a["valid"] != _period(_UNDATED)  # two of one name: their days tell them apart
            when = f" ({_period_text(a['valid'])})" if dated else ""
            away = a.get("outside_local_area")  # recorded for other areas than the partnership's
            away_said = f"  (for {', '.join(a['areas'])}, outside the local area)" if away else ""
            doubt = (
                f"  (in doubt {_period_text(a['in_doubt']['valid'])}: see below)"
                if a.get("in_doubt")
                else ""
            )
            if a.get("settles_doubt"):  # the law leaves those days in doubt: the bundle chose
                doubt += f"  (settles a doubt {a['settles_doubt']['days']}: see below)"
            print(
                f"  {a['name']}  [{a['category'].replace('_', ' ')}]{when}{away_said}{doubt}",
                file=out,
            )
    names = {a["code"]: a["name"] for key in ("districts", "counties") for a in s[key]}
    for x in auth["absent"]:
        words = x["category"].replace("_", " ")
        where = ", ".join(names.get(c, c) for c in x["areas"])
        other = f" other than {', '.join(x['beside'])}" if x["beside"] else ""
        print(f"\nNo {words}{other} in {where} [{x['confidence']}]", file=out)
    for x in auth["not_whole"]:
        kinds = x["category"].replace("_", " ").replace("authority", "authorities")
        print(
            f"\nNot known to be all there are (Sch 2): the {kinds} named for "
            f"{', '.join(names.get(c, c) for c in x['areas'])}; record that there is no "
            "other (absent, listing them in beside) once the list is whole, or mend what "
            "svduty validate reports (BUNDLE-ABSENCE): until then who must be consulted "
            "(s.8(4): each of them) is undetermined",
            file=out,
        )
    if auth["not_recorded"]:
        kinds = ", ".join(
            c.replace("_", " ").replace("authority", "authorities") for c in auth["not_recorded"]
        )
        print(
            f"\nNot recorded (Sch 2): {kinds}; add those of the area, or record that it has "
            "none (absent): until then who must be consulted (s.8(4)) is undetermined",
            file=out,
        )
    records = [  # the local area, its districts, the grouped areas, the authorities
        {"id": "local area", "doubt": la["citation"].get("doubt")},
        *s["districts"],
        *(a for key in (k for _, k in groups) for a in s[key]),
        *(a for found in auth["by_role"].values() for a in found),
    ]
    doubts: dict[str, dict[str, list[str]]] = {}  # each doubt once: whose, by districts
    ours = {d["id"] for d in s["districts"]}
    for a in records:  # a link's doubt under the area, and the districts no longer ours
        said = [("", a.get("doubt"))] + [
            ("" if ours >= set(d["districts"]) else f" (for {', '.join(d['districts'])})", t)
            for d in a.get("districts_doubts", ())
            if (t := d["doubt"]) != a.get("doubt")  # said of the area itself already
        ]
        for links, text in said:
            ids = doubts.setdefault(text, {}).setdefault(links, []) if text else [a["id"]]
            if a["id"] not in ids:
                ids.append(a["id"])
    if doubts:
        print("\nUnconfirmed:", file=out)
        for text, by_links in doubts.items():
            who = ", ".join(f"{', '.join(ids)}{links}" for links, ids in by_links.items())
            print(f"  {who}: {text}", file=out)
    unsure: dict[str, list[str]] = {}  # each record's days in doubt, once
    for a in records:
        if a.get("in_doubt"):
            unsure.setdefault(a["in_doubt"]["words"], []).append(a["id"])
    if unsure:
        print("\nIn doubt (the law read two ways; answers on those days: undetermined):", file=out)
        for text, ids in unsure.items():
            print(f"  {', '.join(ids)}: {text}", file=out)
    settled = [a for a in records if a.get("settles_doubt")]
    if settled:
        print("\nSettled by the bundle (the law read two ways; its reading):", file=out)
        for a in settled:
            print(f"  {a['settles_doubt']['words']}", file=out)
    print(f"\nSources: {s['sources']} (national catalogue and the bundle's own)", file=out)


def run(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    """Print the summary of a partnership.

    Example:
        >>> import io, argparse
        >>> out = io.StringIO()
        >>> run(argparse.Namespace(partnership="warwickshire", format="text"), out, io.StringIO())
        0
        >>> out.getvalue().splitlines()[0]
        'Warwickshire Serious Violence Duty partnership (warwickshire)'
    """
    s = summary(load_named_partnership(args.partnership))
    if args.format == "json":
        json.dump(versioned("info", s), stdout, indent=2)
        stdout.write("\n")
    else:
        _text(s, PrintableLines(stdout))  # type: ignore[arg-type]
    return 0


def register(subparsers: Any) -> None:
    """Add the ``info`` command.

    Example:
        >>> from svduty.cli import build_parser
        >>> build_parser().parse_args(["info", "--format", "json"]).format
        'json'
    """
    parser = subparsers.add_parser(
        "info",
        help="summarise a partnership: its area, districts, CSPs and police areas",
        description="Summarise a partnership: its local area, local government areas, "
        "community safety partnerships, police areas and sources.",
        epilog="exit status: 0 the summary was printed; 1 the partnership could not be "
        "found or loaded (its problems told on standard error); " + EXIT_TAIL,
    )
    add_partnership(parser)
    parser.add_argument(
        "--format",
        choices=["text", "json"],
        default="text",
        help="output format (default: text); the JSON's schema: svduty schema info",
    )
    parser.set_defaults(run=run)
