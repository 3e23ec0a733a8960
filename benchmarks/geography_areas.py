"""Every local government area of England and Wales, end to end (a report, not a test).

    python benchmarks/geography_areas.py                 # every area -> geography_areas.md
    python benchmarks/geography_areas.py --only E06000063 --only Somerset --no-write
    python benchmarks/geography_areas.py --sample        # a few of every kind, by rule
    python benchmarks/geography_areas.py --forces        # police force areas too

The areas are read from the ONS tables svduty packages (``svduty/data/ons/national``),
not from svduty's geography: every district of ``lad24-csp24-pfa24.csv`` (a district, a
London borough, the City of London, the Isles of Scilly, a Welsh county or county borough:
the Act's "local government area", PCSC Act 2022 s.11(4), s.23) and every county of
``lad23-utla23.csv`` (England's two-tier counties: Schedule 1's "any other county council",
whose local government areas are its districts). For each, in one process, through
:func:`svduty.cli.main` as a user types it:

1. ``svduty init DIR --area CODE`` and ``--area NAME`` (the table's name, the name as
   people write it, "City of Bristol" for "Bristol, City of", "St Helens" for "St.
   Helens", a Welsh area's Welsh name with and without its accents): each exits 0 and
   writes the same bundle, or the name is answered with the choices (the code named);
2. ``svduty validate DIR`` says ok; ``svduty info --format json`` lists exactly the area's
   districts, each in the police force area the table gives;
3. the bundle's specified authorities, read from ``authorities.toml``: the chief officers
   of police and the local policing bodies cover the districts' police force areas, one
   each on every day checked; the fire and rescue authorities cover the fire and rescue
   authority areas of ``lad24-fra24.csv``; the integrated care boards are those of the
   districts' LSOAs (``lsoa21-icb24.csv``; in Wales the Local Health Boards of
   ``lad21-lhb22.csv``); a youth offending team and a provider of probation services on
   every day; no council of a district abolished on 1 April 2023 after that day and none of
   its successor before; the North East Combined Authority and its mayor named by no
   record before 7 May 2024 (SI 2024/402);
4. ``svduty classify`` a synthetic police.uk month (three 2021 LSOAs of each district and
   a 2011 one where the tables have one, plus one LSOA of a district outside the area):
   rows in = rows out + rejected, nothing rejected, every row of the area inside it and in
   its own district, the outsider outside, the summary's district counts those expected;
5. ``svduty explain`` of one row exits 0 and names the row's district.

The days checked are the Duty's first day, the days either side of the reorganisations
of 1 April 2023 and 7 May 2024, and the day of the run. Failures are written with the
step, the area and what was wrong; ``--sample`` is the rule the test uses
(``tests/areas/test_every_area_areas55.py``).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import shutil
import sys
import tempfile
import time
import tomllib
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from importlib import resources
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DAYS = (
    date(2023, 1, 31),  # the Duty in force (SI 2022/1227 reg 4)
    date(2023, 3, 31),
    date(2023, 4, 1),  # Cumberland, Westmorland and Furness, North Yorkshire, Somerset
    date(2024, 5, 6),
    date(2024, 5, 7),  # the North East Combined Authority, the York and North Yorkshire mayor
)
NECA_DAY = date(2024, 5, 7)  # the North East Combined Authority (SI 2024/402 art 1, 3)
REORGANISED = date(2023, 4, 1)
STEPS = ("init_code", "init_name", "validate", "info", "authorities", "classify", "explain")
HEADER = [
    *("Crime ID", "Month", "Reported by", "Falls within", "Longitude", "Latitude"),
    *("Location", "LSOA code", "LSOA name", "Crime type", "Last outcome category", "Context"),
]


@dataclass(frozen=True)
class Area:
    """An area to try: its code, the table's name, its kind, its districts (2024)."""

    code: str
    name: str
    kind: str
    districts: tuple[str, ...]


@dataclass
class Tables:
    """The ONS tables, read with the csv module (not svduty's reader).

    An LSOA the 2024 ward table files in one district of 2024 and the 2022 table in
    another (``disagree``: West Northamptonshire 048E, in a Cherwell ward by best fit; svduty
    places it by the 2022 table, ``areas._best_fit``) is left out of the months and of the
    expected health bodies, and counted in the report.
    """

    names: dict[str, str] = field(default_factory=dict)
    pfa: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    fra: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    lhb: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    county: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    lsoa21: dict[str, list[tuple[str, str]]] = field(default_factory=lambda: defaultdict(list))
    lsoa11: dict[str, list[tuple[str, str]]] = field(default_factory=lambda: defaultdict(list))
    icb_of: dict[str, str] = field(default_factory=dict)
    welsh: dict[str, str] = field(default_factory=dict)
    disagree: dict[str, tuple[str, str]] = field(default_factory=dict)
    forces: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    force_names: dict[str, str] = field(default_factory=dict)


def _rows(name: str) -> Iterator[dict[str, str]]:
    folder = resources.files("svduty") / "data" / "ons" / "national"
    if not (folder / name).is_file():  # the larger tables are packaged as Arrow IPC files
        import pyarrow.ipc

        with (folder / name.replace(".csv", ".arrow")).open("rb") as f:
            yield from pyarrow.ipc.open_file(f).read_all().to_pylist()
        return
    with (folder / name).open(encoding="utf-8-sig", newline="") as f:
        yield from csv.DictReader(f)


def read_tables() -> Tables:
    """Read the national tables svduty packages."""
    t = Tables()
    for r in _rows("lad24-csp24-pfa24.csv"):
        t.names[r["ltla24_code"]] = r["ltla24_name"]
        t.pfa[r["ltla24_code"]].add(r["pfa24_code"])
        t.forces[r["pfa24_code"]].add(r["ltla24_code"])
        t.force_names[r["pfa24_code"]] = r["pfa24_name"]
    for r in _rows("lad24-fra24.csv"):
        t.fra[r["ltla24_code"]].add(r["fra24_code"])
    for r in _rows("lad21-lhb22.csv"):
        t.lhb[r["ltla21_code"]].add(r["lhb22_code"])
    for r in _rows("lad23-utla23.csv"):
        if r["utla23_code"].startswith("E10"):
            t.county[r["utla23_code"]].add(r["ltla23_code"])
            t.names[r["utla23_code"]] = r["utla23_name"]
    lad22 = {r["lsoa21_code"]: r["ltla22_code"] for r in _rows("lsoa11-lsoa21-lad22.csv")}
    for r in _rows("lsoa21-ward24-lad24.csv"):
        was = lad22.get(r["lsoa21_code"], r["ltla24_code"])
        if was != r["ltla24_code"] and was in t.pfa:  # two tables, two districts of 2024
            t.disagree[r["lsoa21_code"]] = (r["ltla24_code"], was)
            continue
        t.lsoa21[r["ltla24_code"]].append((r["lsoa21_code"], r["lsoa21_name"]))
    district_of = {c: d for d, codes in t.lsoa21.items() for c, _ in codes}
    for r in _rows("lsoa11-lsoa21-lad22.csv"):
        if r["change_code"] == "U" and r["lsoa21_code"] in district_of:
            t.lsoa11[district_of[r["lsoa21_code"]]].append((r["lsoa11_code"], r["lsoa11_name"]))
    for r in _rows("lsoa21-icb24.csv"):
        t.icb_of[r["lsoa21_code"]] = r["icb24_code"]
    path = resources.files("svduty") / "data" / "ons" / "lad24-names-cy.csv"
    with path.open(encoding="utf-8-sig", newline="") as f:
        t.welsh = {r["ltla24_code"]: r["ltla24_name_cy"] for r in csv.DictReader(f)}
    return t


def names(area: Area, t: Tables) -> list[str]:
    """The names a user may give: the table's; as people write it ("City of Bristol" for
    "Bristol, City of"); "St" for "St."; in Wales the Welsh name, with and without accents."""
    out = [area.name]
    if area.kind == "police_force_area":  # "City of London" is the district's own name
        return out
    head, comma, tail = area.name.rpartition(", ")
    if comma and tail.endswith(" of"):
        out.append(f"{tail} {head}")
    if "St. " in area.name:
        out.append(area.name.replace("St. ", "St "))
    if (cy := t.welsh.get(area.code)) and cy != area.name:
        bare = unicodedata.normalize("NFKD", cy)
        out += [cy, "".join(ch for ch in bare if not unicodedata.combining(ch))]
    return list(dict.fromkeys(out))


def _kind(code: str) -> str:
    return {
        "E06": "unitary",
        "E07": "district",
        "E08": "metropolitan",
        "E09": "london",
        "E10": "county",
        "W06": "welsh",
    }[code[:3]]


def areas(t: Tables, *, forces: bool = False) -> list[Area]:
    """Every district of the 2024 table and every two-tier county, in code order; with
    ``forces``, every police force area too (no local government area: its districts are)."""
    out = [Area(c, t.names[c], _kind(c), (c,)) for c in sorted(t.pfa)]
    out += [Area(c, t.names[c], "county", tuple(sorted(t.county[c]))) for c in sorted(t.county)]
    if forces:
        out += [
            Area(c, t.force_names[c], "police_force_area", tuple(sorted(t.forces[c])))
            for c in sorted(t.forces)
        ]
    return out


def sample(every: list[Area], per_kind: int = 2) -> list[Area]:
    """The sampled areas, by rule: of each kind the first and last by code (``per_kind``
    evenly spaced), and every area whose name has a comma, a full stop, a letter outside
    ASCII, or whose code a reorganisation of 2023 made (E06000063-E06000066)."""
    by_kind: dict[str, list[Area]] = defaultdict(list)
    for a in every:
        by_kind[a.kind].append(a)
    chosen: dict[str, Area] = {}
    for group in by_kind.values():
        step = max(1, (len(group) - 1) // max(1, per_kind - 1))
        for a in [*group[::step][: per_kind - 1], group[-1]]:
            chosen[a.code] = a
    for a in every:
        odd = any(ch in a.name for ch in ",.") or not a.name.isascii()
        odd = odd or a.name in ("City of London", "Isles of Scilly")  # s.11(4) lists them
        if odd or "E06000063" <= a.code <= "E06000066":
            chosen[a.code] = a
    return [a for a in every if a.code in chosen]


def run(*argv: str | Path) -> tuple[int, str, str]:
    """``svduty ARGV`` in process."""
    from svduty.cli import main

    out, err = io.StringIO(), io.StringIO()
    code = main([str(a) for a in argv], stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def _valid_on(record: dict[str, Any], day: date) -> bool:
    valid = record.get("valid", {})
    start = date.fromisoformat(valid.get("start", "0001-01-01"))
    end = valid.get("end")
    return start <= day and (end is None or day < date.fromisoformat(end))


def _in_doubt_on(record: dict[str, Any], day: date) -> bool:
    doubt = record.get("in_doubt")
    return doubt is not None and _valid_on(doubt, day)


def check_authorities(area: Area, t: Tables, records: list[dict[str, Any]]) -> list[str]:
    """What is wrong with the bundle's specified authorities, day by day."""
    wrong: list[str] = []
    welsh = area.code.startswith("W")
    pfas = set().union(*(t.pfa[d] for d in area.districts))
    fras = set().union(*(t.fra[d] for d in area.districts))
    if welsh:
        health, expected = "local_health_board", set().union(*(t.lhb[d] for d in area.districts))
    else:
        health = "integrated_care_board"
        expected = {t.icb_of[c] for d in area.districts for c, _ in t.lsoa21[d] if c in t.icb_of}
    for day in (*DAYS, datetime.now(UTC).date()):
        now = [r for r in records if _valid_on(r, day)]

        def covered(category: str, now: list[dict[str, Any]] = now) -> Counter[str]:
            return Counter(a for r in now if r["category"] == category for a in r["areas"])

        for category in ("chief_officer_of_police", "local_policing_body"):
            got = covered(category)
            if set(got) != pfas or any(n != 1 for n in got.values()):
                wrong.append(f"{day}: {category} areas {dict(got)}, expected one each of {pfas}")
        got_fire = covered("fire_and_rescue_authority")
        doubtful = {
            a
            for r in now
            if r["category"] == "fire_and_rescue_authority" and _in_doubt_on(r, day)
            for a in r["areas"]
        }
        if set(got_fire) != fras or any(n != 1 for a, n in got_fire.items() if a not in doubtful):
            wrong.append(f"{day}: fire and rescue {dict(got_fire)}, expected one each of {fras}")
        if set(covered(health)) != expected:
            wrong.append(f"{day}: {health} {sorted(covered(health))}, expected {sorted(expected)}")
        for category in ("youth_offending_team", "provider_of_probation_services"):
            if not covered(category):
                wrong.append(f"{day}: no {category}")
        for r in now:
            lower = r["name"].lower()
            neca = any(w in lower for w in ("north east combined", "mayor of the north east"))
            if neca and day < NECA_DAY:
                wrong.append(f"{day}: {r['id']} named before 7 May 2024")
            new = any("E06000063" <= a <= "E06000066" for a in r["areas"])
            council = "council" in r["category"]
            if council and new and day < REORGANISED:
                wrong.append(f"{day}: {r['id']} (a council of a 2023 unitary) before 1 April 2023")
            gone = [a for a in r["areas"] if a not in t.names and a[:3] in ("E06", "E07")]
            if council and gone and day >= REORGANISED:
                wrong.append(f"{day}: {r['id']} (council of {gone}) after 31 March 2023")
    return sorted(set(wrong))


def month(
    area: Area, t: Tables, outsider: tuple[str, str, str]
) -> tuple[list[list[str]], dict[str, str]]:
    """A police.uk month of the area's LSOAs, and each row's expected district."""
    rows: list[list[str]] = []
    expected: dict[str, str] = {}
    picks = [
        (d, code, name)
        for d in area.districts
        for code, name in (t.lsoa21[d][:: max(1, len(t.lsoa21[d]) // 3)][:3] + t.lsoa11[d][:1])
    ]
    picks.append(outsider)
    for n, (district, code, name) in enumerate(picks):
        expected[str(n + 2)] = district
        rows.append(
            [f"{n:064x}", "2024-06", "Police", "Police", "-1.5", "52.3", "On or near X", code,
             name, "Violence and sexual offences", "Under investigation", ""]
        )  # fmt: skip
    return rows, expected


def try_area(area: Area, t: Tables, work: Path) -> dict[str, str]:
    """Run every step for one area; the step names that failed, with why."""
    failed: dict[str, str] = {}
    by_code, by_name = work / "code", work / "name"
    code, out, err = run("init", by_code, "--area", area.code, "--name", "b")
    if code != 0:
        failed["init_code"] = err.strip()[:300]
        return failed
    for name in names(area, t):
        shutil.rmtree(by_name, ignore_errors=True)
        code, out, err = run("init", by_name, "--area", name, "--name", "b")
        same = code == 0 and all(  # the words given are quoted: "from the ONS tables for X"
            (by_code / f).read_text("utf-8").replace(f"tables for {area.code}", "tables for ?")
            == (by_name / f).read_text("utf-8").replace(f"tables for {name}", "tables for ?")
            for f in ("areas.toml", "authorities.toml")
        )
        if not same and area.code not in err:  # neither the area nor its choices
            failed["init_name"] = f"{name!r}: exit {code}: {err.strip()[:300]}"
    code, out, err = run("validate", by_code)
    if code != 0:
        failed["validate"] = (out + err).strip()[:300]
    code, out, err = run("info", "--partnership", by_code, "--format", "json")
    if code != 0:
        failed["info"] = err.strip()[:300]
    else:
        info = json.loads(out)
        got = {d["code"] for d in info["districts"] if d["valid"]["end"] is None}
        pfa = {d["code"]: d["police_force_area"] for d in info["districts"]}
        if got != set(area.districts):
            failed["info"] = f"districts {sorted(got)}, expected {sorted(area.districts)}"
        elif any({pfa[d]} != t.pfa[d] for d in area.districts):
            failed["info"] = f"police force areas {pfa}"
    with (by_code / "authorities.toml").open("rb") as f:
        records = tomllib.load(f)["authorities"]
    if wrong := check_authorities(area, t, records):
        failed["authorities"] = "; ".join(wrong)[:600]
    outside = next(d for d in sorted(t.lsoa21) if d not in area.districts)  # another area
    rows, expected = month(area, t, (outside, *t.lsoa21[outside][0]))
    police = work / "2024-06-synthetic-street.csv"
    with police.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([HEADER, *rows])
    out_file = work / "out.jsonl"
    code, out, err = run(
        "classify", police, "--partnership", by_code, "--summary", "json", "-o", out_file
    )
    if code != 0:
        failed["classify"] = err.strip()[:300]
    else:
        summary = json.loads(out)
        inside = len(rows) - 1
        counts = Counter(expected.values())  # the outsider counted by its own district
        lines = [json.loads(line) for line in out_file.read_text(encoding="utf-8").splitlines()]
        wrong_rows = [
            r["row"]
            for r in lines
            if (r["district_code"] if r["within_area"] == "inside" else outside)
            != expected[str(r["row"])]
        ]
        problems = [
            f"rows_in {summary['rows_in']} != rows_out {summary['rows_out']} + rejected "
            f"{summary['rejected']}"
            if summary["rows_in"] != summary["rows_out"] + summary["rejected"]
            else "",
            f"rejected {summary['rejected']}" if summary["rejected"] else "",
            f"inside {summary['inside_area']} expected {inside}"
            if summary["inside_area"] != inside
            else "",
            f"outside {summary['outside_area']} expected 1" if summary["outside_area"] != 1 else "",
            f"by district {summary['by_district_code']} expected {dict(counts)}"
            if {k: v for k, v in summary["by_district_code"].items() if v} != dict(counts)
            else "",
            f"rows in the wrong district: {wrong_rows}" if wrong_rows else "",
        ]
        if any(problems):
            failed["classify"] = "; ".join(p for p in problems if p)[:600]
    code, out, err = run("explain", police, "--row", "2", "--partnership", by_code)
    if code != 0 or (t.names[expected["2"]] not in out and expected["2"] not in out):
        failed["explain"] = f"exit {code}: {err.strip()[:300]}"
    return failed


def try_areas(
    chosen: list[Area], t: Tables, *, progress: bool = False
) -> dict[str, dict[str, str]]:
    """Every step for every area chosen, each in a fresh scratch folder."""
    results: dict[str, dict[str, str]] = {}
    for n, area in enumerate(chosen):
        if progress:
            print(f"{n + 1}/{len(chosen)} {area.code} {area.name}", file=sys.stderr, flush=True)
        work = Path(tempfile.mkdtemp(prefix="svduty-area-"))
        try:
            results[area.code] = try_area(area, t, work)
        finally:
            shutil.rmtree(work, ignore_errors=True)
    return results


def render(
    chosen: list[Area],
    results: dict[str, dict[str, str]],
    seconds: float,
    disagree: dict[str, tuple[str, str]],
) -> str:
    """The report: counts by step and kind, then each failure."""
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    kinds = Counter(a.kind for a in chosen)
    lines = [
        "# Every local government area, end to end",
        "",
        f"Run {when}, {len(chosen)} areas in {seconds:.0f} s; "
        "`python benchmarks/geography_areas.py` (its docstring says what each step checks).",
        "",
        "| step | passed | failed |",
        "|---|---:|---:|",
    ]
    for step in STEPS:
        bad = sum(1 for r in results.values() if step in r)
        lines.append(f"| {step} | {len(results) - bad} | {bad} |")
    lines += ["", "| kind | areas | all steps passed |", "|---|---:|---:|"]
    for kind, n in sorted(kinds.items()):
        ok = sum(1 for a in chosen if a.kind == kind and not results[a.code])
        lines.append(f"| {kind} | {n} | {ok} |")
    lines += [
        "",
        f"LSOAs left out, the ward table (2024) and the 2022 table placing them in two "
        f"districts of 2024: {len(disagree)} ({', '.join(sorted(disagree)) or 'none'}).",
        "",
        "## Failures",
        "",
    ]
    for a in chosen:
        for step, why in results[a.code].items():
            lines.append(f"- {a.code} {a.name} ({a.kind}), {step}: {why}")
    if not any(results.values()):
        lines.append("None.")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", action="append", help="a code or the table's name (repeat)")
    parser.add_argument("--sample", action="store_true", help="the test's sample, not all")
    parser.add_argument("--forces", action="store_true", help="police force areas too")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args(argv)
    t = read_tables()
    chosen = areas(t, forces=args.forces)
    if args.sample:
        chosen = sample(chosen)
    if args.only:
        chosen = [a for a in chosen if a.code in args.only or a.name in args.only]
    t0 = time.perf_counter()
    results = try_areas(chosen, t, progress=True)
    text = render(chosen, results, time.perf_counter() - t0, t.disagree)
    print(text)
    if not args.no_write and not args.only and not args.sample and not args.forces:
        (HERE / "geography_areas.md").write_text(text, encoding="utf-8")
    return 1 if any(results.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
