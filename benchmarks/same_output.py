"""Check that a change leaves ``svduty classify``'s output unchanged, column by column.

    python benchmarks/same_output.py save DIR     # before the change: write the outputs
    python benchmarks/same_output.py check DIR    # after it: compare with what DIR holds

The inputs are the packaged sample month and the 100,000-row synthetic file
(``make_data.py``); each is classified with ``svduty classify --output X.parquet`` and the
summary JSON is kept too; so is the summary of a police.uk file with bad rows in each
block (no rows written: its batches are answered a few at a time) and its rejected rows.
Incidents too: generated files (fixed seed, written once into
``DIR/_inputs`` by ``save`` and read again by ``check``) with every field, odd text (quotes,
backslashes, control characters, any unicode) and bad lines and rows, classified as JSON Lines
to standard output, JSON Lines to Parquet, CSV with ``--map`` to CSV and to standard output
(with ``--rejected``), and Parquet with extra columns of other types to JSON Lines; and a
file of every incident field, the homicide review facts too (``_inputs/fields.*``: JSON
Lines, CSV with ``--map``, Parquet with ``date32`` and timestamp day columns); and the
bench's 200,000 incidents as the bench classifies them (JSON Lines, CSV, Parquet to
standard output) with two large CSV files of hostile rows (``_inputs/big_*.csv``). Text
outputs are compared byte for byte, except for the deliberate changes in :data:`ADDED`
and :data:`REWORDED` (columns an output gained, all null; a reason's new wording), which
are compared with those taken out and named in the report. A tool for performance work,
not a test.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

HERE = Path(__file__).resolve().parent

ADDED = (
    "other_reviews",
    "place_of_death",
    "review_information",
    "pilot_partner",
    "date_of_death",
    "made_or_adapted",
    "schedule_3_offence",
    "same_household",
    "victim_age_at_death",
    "intended_for_injury",
    "care_and_support_needs",
    "aware_before_pilot_end",
    "body_located",
    "identity_recorded",
    "dsi_matter",
)
"""Incident output columns added on purpose (December 2026; ``made_or_adapted`` in the
tenth session, ``schedule_3_offence``, ``same_household`` and ``victim_age_at_death`` in
the eleventh, ``intended_for_injury`` in the seventeenth, ``care_and_support_needs`` in the
forty-first, ``aware_before_pilot_end`` in the forty-fifth, ``body_located``,
``identity_recorded`` and ``dsi_matter`` in the forty-ninth): an output saved before them is
the same if the new one has them all null and is otherwise the same. The eleventh session
also changes answers on purpose (s.13(4) Schedule 3 offences, s.26(1)(b) as DVCVA 2004
s.9(1), the age at death), and so do the seventeenth (PCA 1953 s.1(4)'s second limb) and
the forty-fifth (a death in the pilot period without ``aware_before_pilot_end``,
SI 2023/227 reg 4(1)) and the forty-ninth (a review that was required without the three
facts of SI 2022/1261 reg 4(2)(a), (b), (d)): rows whose answers or reasons changed compare
DIFFERENT."""
REWORDED = [
    (
        "aware_before_pilot_end, body_located, identity_recorded, dsi_matter",
        "aware_before_pilot_end",
    ),
    ("care_and_support_needs, aware_before_pilot_end", "care_and_support_needs"),
    ("intended_for_injury, care_and_support_needs", "intended_for_injury"),
    (
        "same_household, victim_age_at_death, intended_for_injury",
        "same_household, victim_age_at_death",
    ),
    (
        "made_or_adapted, schedule_3_offence, same_household, victim_age_at_death",
        "made_or_adapted",
    ),
    ("date_of_death, made_or_adapted", "date_of_death"),
    (
        "location, country, other_reviews, place_of_death, review_information, pilot_partner, "
        "date_of_death",
        "location, country",
    ),
]
"""(new, old) text of reasons reworded on purpose (the unknown-field reason lists every field);
applied in order to both outputs, so a base saved between two rewordings compares too."""


def inputs() -> dict[str, Path]:
    sys.path.insert(0, str(HERE))
    from make_data import make

    from svduty.io import sample_police_uk

    return {"sample": sample_police_uk(), "synthetic100k": make(100_000)}


_ODD = [
    "",
    "a",
    "é",
    "\u00a0",
    "中文",
    "🙂",
    '"',
    "\\",
    "\n",
    "\r",
    "\t",
    "\b",
    "\f",
    "\x00",
    "\x01",
    "\x1f",
    "\x7f",
    "\u2028",
    "/",
    "'",
    ",",
    ";",
    " ",
]


def _odd(rng: random.Random) -> str:
    return "".join(rng.choice(_ODD) for _ in range(rng.randrange(0, 6))) + str(rng.random())[:6]


def _incident(rng: random.Random, i: int) -> dict[str, Any]:
    from svduty.definitions._vocab import Behaviour, Context, Harm, Relationship, Target, Weapon
    from svduty.io import sample_police_uk

    if not _LSOAS:
        import pyarrow.csv as pacsv

        codes = pacsv.read_csv(sample_police_uk()).column("LSOA code").drop_null()
        _LSOAS.extend(sorted(set(codes.to_pylist())))
    cats = [
        "Violence and sexual offences",
        "Robbery",
        "Other theft",
        "Drugs",
        "Criminal damage and arson",
        "Public order",
        "Possession of weapons",
        "Burglary",
    ]

    def some(values: list[Any], k: int = 3) -> list[Any]:
        return rng.sample(values, rng.randrange(0, min(k, len(values)) + 1))

    rec: dict[str, Any] = {
        "id": rng.choice([f"inc-{i}", _odd(rng), i]),
        "date": rng.choice(["2024-03-15", "2025-06-01", "2019-01-15", "2023-02-29", "x"]),
        "offence_code": rng.choice(["8N", "1", "105A", "4.1", "37.1", "8P", "zz"]),
        "police_uk_category": rng.choice(cats),
        "behaviours": some([b.value for b in Behaviour]),
        "intentional": rng.choice([True, False]),
        "target": rng.choice([t.value for t in Target]),
        "harms": some([h.value for h in Harm]),
        "weapon": rng.choice([w.value for w in Weapon]),
        "victim_age": rng.choice([0, 9, 15, 16, 17, 18, 24, 25, 40, 90, 130, -1]),
        "perpetrator_age": rng.choice([10, 16, 18, 30]),
        "relationship": rng.choice([r.value for r in Relationship]),
        "context": some([c.value for c in Context]),
        "died": rng.choice([True, False]),
        "location": rng.choice([*_LSOAS[:50], "E01000001", "W01000001", "nowhere"]),
        "country": rng.choice(["england", "wales", "scotland"]),
    }
    rare = {"offence_code": 0.05, "country": 0.05, "died": 0.1, "intentional": 0.2}
    return {k: v for k, v in rec.items() if rng.random() < rare.get(k, 0.45)}


_LSOAS: list[str] = []


def incident_inputs(directory: Path) -> dict[str, Path]:
    """The incident files (made once, fixed seed) in ``directory``."""
    directory.mkdir(parents=True, exist_ok=True)
    files = {
        "incidents_good": directory / "good.jsonl",
        "incidents_bad": directory / "bad.jsonl",
        "incidents_bad_lf": directory / "bad_lf.jsonl",
        "incidents_csv": directory / "mapped.csv",
        "incidents_parquet": directory / "typed.parquet",
    }
    files.update(_field_inputs(directory))
    files.update(_large_inputs(directory))
    if all(p.exists() for p in files.values()):
        return files
    rng = random.Random(15)
    good = [_incident(rng, i) for i in range(20_000)]
    with files["incidents_good"].open("w", encoding="utf-8", newline="") as fh:
        fh.writelines(json.dumps(r, ensure_ascii=rng.random() < 0.5) + "\n" for r in good)
    with files["incidents_bad"].open("w", encoding="utf-8", newline="") as fh:
        for i in range(5_000):
            line = json.dumps(_incident(rng, i))
            fh.write(
                rng.choice(
                    [line] * 8 + ["not json", "", "[1]", '{"nope": 1}', '{"victim_age": "x"}', "  "]
                )
                + rng.choice(["\n", "\r\n"])
            )
    bad = files["incidents_bad"].read_bytes()  # lines end in \n only: read in blocks
    files["incidents_bad_lf"].write_bytes(bad.replace(b"\r\n", b"\n"))
    import csv

    with files["incidents_csv"].open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        header = ["Ref", "When", "Offence", "Harms", "Age", "Weapon", "Died", "Where", "Note"]
        w.writerow(header)
        for i in range(20_000):
            r = _incident(rng, i)
            died = rng.choice(["yes", "no", "1", "0", "true", "", "maybe"])
            row = [
                str(r.get("id", "")),
                r.get("date", ""),
                r.get("offence_code", ""),
                ";".join(r.get("harms", [])),
                rng.choice([str(r.get("victim_age", "")), "+16", "x", " 7 "]),
                r.get("weapon", ""),
                died,
                r.get("location", ""),
                _odd(rng),
            ]
            if rng.random() < 0.005:
                row = row[:-2]
            if rng.random() < 0.002:
                row = header
            w.writerow(row)
    rows = [_incident(rng, i) for i in range(5_000)]
    table = pa.Table.from_pylist(
        [{k: (str(v) if k == "id" else v) for k, v in r.items()} for r in rows]
    ).cast(
        pa.schema(
            [
                (
                    n,
                    pa.list_(pa.string())
                    if n in ("behaviours", "harms", "context")
                    else pa.int64()
                    if n.endswith("_age")
                    else pa.bool_()
                    if n in ("intentional", "died")
                    else pa.string(),
                )
                for n in pa.Table.from_pylist(rows).schema.names
            ]
        )
    )
    n = table.num_rows
    extra = {
        "score": pa.array([rng.choice([0.0, -0.0, 1.5, 1e-7, 3e20, 0.1, None]) for _ in range(n)]),
        "small": pa.array([rng.randrange(-5, 5) for _ in range(n)], pa.int32()),
        "day": pa.array([dt.date(2020, 1, 1) + dt.timedelta(days=i % 900) for i in range(n)]),
        "tags": pa.array([some_ints(rng) for _ in range(n)], pa.list_(pa.int64())),
        "flag": pa.array([rng.choice([True, False, None]) for _ in range(n)]),
        "label": pa.array(
            [rng.choice(["x", "y", None, "é\n"]) for _ in range(n)]
        ).dictionary_encode(),
    }
    for name, col in extra.items():
        table = table.append_column(name, col)
    pq.write_table(table, files["incidents_parquet"])
    return files


def _large_inputs(directory: Path) -> dict[str, Path]:
    """The bench's 200,000 incidents (``peers.py``: JSON Lines, CSV, Parquet, drawn from the
    100,000-row synthetic file), and its CSV file with hostile rows, made once: ages ``x``,
    days that are not days, repeated header lines and rows of empty cells (a file read
    whole, more than one batch of 65,536 rows, rows rejected in each), and the same with
    rows cut short (read by the streaming reader)."""
    files = {
        "bench_jsonl": directory / "incidents-200000.jsonl",
        "bench_csv": directory / "incidents-200000.csv",
        "bench_parquet": directory / "incidents-200000.parquet",
        "big_bad_csv": directory / "big_bad.csv",
        "big_width_csv": directory / "big_width.csv",
    }
    if all(p.exists() for p in files.values()):
        return files
    import shutil

    sys.path.insert(0, str(HERE))
    import peers
    from make_data import make

    source = directory / "policeuk.csv"
    shutil.copyfile(make(100_000), source)
    peers.incidents_jsonl(source, 200_000)
    for suffix in (".csv", ".parquet"):
        peers.incidents_table(source, 200_000, suffix)
    lines = files["bench_csv"].read_text(encoding="utf-8").splitlines(keepends=True)
    header = lines[0]
    for i in range(1, len(lines)):
        cells = lines[i].rstrip("\n").split(",")
        if i % 997 == 0:
            cells[4] = "x"
        if i % 1499 == 0:
            cells[1] = '"2023-02-30"'
        if i % 2003 == 0:
            cells[0] = '"a ""quoted"", id"'
        lines[i] = ",".join(cells) + "\n"
        if i % 4999 == 0:
            lines[i] = header
        if i % 7919 == 0:
            lines[i] = ",,,,\n"
    files["big_bad_csv"].write_text("".join(lines), encoding="utf-8")
    for i in range(1, len(lines), 9973):
        lines[i] = ",".join(lines[i].split(",")[:3]) + "\n"
    files["big_width_csv"].write_text("".join(lines), encoding="utf-8")
    return files


def _field_inputs(directory: Path) -> dict[str, Path]:
    """A file of every incident field (the homicide review facts too), made once, as JSON
    Lines (with bad values and keys given twice), CSV (for ``--map``) and Parquet (days as
    ``date32``, deaths as timestamps, some not at midnight)."""
    files = {
        "fields_jsonl": directory / "fields.jsonl",
        "fields_csv": directory / "fields.csv",
        "fields_parquet": directory / "fields.parquet",
    }
    if all(p.exists() for p in files.values()):
        return files
    from svduty.definitions._vocab import OtherReview

    rng = random.Random(7)
    places = ["E08000025", "W06000015", "E07000222", "E07000219", "E08000035", "E01031012"]
    rows = []
    for i in range(6_000):
        r = _incident(rng, i)
        r["date"] = rng.choice(["2023-03-25", "2023-06-01", "2024-02", "2024-10-02"])
        more = {
            "other_reviews": rng.sample([o.value for o in OtherReview], rng.randrange(0, 2)),
            "place_of_death": rng.choice([*places, "nowhere"]),
            "review_information": rng.choice([True, False]),
            "pilot_partner": rng.choice([True, False]),
            "date_of_death": rng.choice(["2023-03-31", "2023-06-02", "2024-10", "2022-01-01"]),
            "died": True,
        }
        r.update({k: v for k, v in more.items() if rng.random() < 0.6})
        rows.append(r)
    with files["fields_jsonl"].open("w", encoding="utf-8", newline="") as fh:
        for r in rows:
            line = json.dumps(r)
            if rng.random() < 0.01 and "victim_age" in r:
                line = line[:-1] + ', "victim_age": 40}'  # a key given twice
            fh.write(line + "\n")
    import csv

    with files["fields_csv"].open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow([f"F {n}" for n in FIELD_NAMES])
        for r in rows:
            w.writerow([_cell(r.get(n)) for n in FIELD_NAMES])
    days = [dt.date(2023, 1, 1) + dt.timedelta(days=i % 700) for i in range(len(rows))]
    deaths = [
        dt.datetime(2023, 3, 1) + dt.timedelta(days=i % 500, hours=0 if i % 9 else 3)
        for i in range(len(rows))
    ]
    table = pa.Table.from_pylist(
        [{k: (str(v) if k == "id" else v) for k, v in r.items()} for r in rows]
    )
    table = table.drop_columns([c for c in ("date", "date_of_death") if c in table.column_names])
    table = table.append_column("date", pa.array(days, pa.date32()))
    table = table.append_column("date_of_death", pa.array(deaths, pa.timestamp("ms")))
    pq.write_table(table, files["fields_parquet"])
    return files


FIELD_NAMES = [
    "id",
    "date",
    "offence_code",
    "police_uk_category",
    "behaviours",
    "intentional",
    "target",
    "harms",
    "weapon",
    "victim_age",
    "perpetrator_age",
    "relationship",
    "context",
    "died",
    "location",
    "country",
    *ADDED,
]


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ";".join(value)
    return str(value)


def some_ints(rng: random.Random) -> list[int] | None:
    return None if rng.random() < 0.1 else [rng.randrange(100) for _ in range(rng.randrange(3))]


MAP = [
    "Ref=id",
    "When=date",
    "Offence=offence_code",
    "Harms=harms",
    "Age=victim_age",
    "Weapon=weapon",
    "Died=died",
    "Where=location",
]


def _header_fields(path: Path) -> list[str]:
    """The incident fields of ``fields.csv``'s header (its columns are ``F <field>``)."""
    with path.open(encoding="utf-8") as fh:
        header = fh.readline().rstrip("\n").split(",")
    return [c.removeprefix("F ") for c in header if c.removeprefix("F ") in FIELD_NAMES]


def incident_jobs(files: dict[str, Path]) -> dict[str, tuple[Path, str | None, list[str]]]:
    """name -> (input, output suffix or None for standard output, extra arguments)."""
    return {
        "inc_good_stdout": (files["incidents_good"], None, []),
        "inc_good_parquet": (files["incidents_good"], ".parquet", []),
        "inc_bad_stdout": (files["incidents_bad"], None, ["--rejected"]),
        "inc_badlf_stdout": (files["incidents_bad_lf"], None, ["--rejected"]),
        "inc_csv_csv": (files["incidents_csv"], ".csv", ["--rejected", *_maps()]),
        "inc_csv_stdout": (files["incidents_csv"], None, _maps()),
        "inc_csv_jsonl": (files["incidents_csv"], ".jsonl", _maps()),
        "inc_parquet_jsonl": (files["incidents_parquet"], ".jsonl", []),
        "inc_parquet_csv": (files["incidents_parquet"], ".csv", []),
        "inc_fields_jsonl": (files["fields_jsonl"], ".jsonl", ["--rejected"]),
        "inc_fields_csv": (
            files["fields_csv"],
            ".parquet",
            # the columns the file has: one saved before a field was added lacks it
            [a for n in _header_fields(files["fields_csv"]) for a in ("--map", f"F {n}={n}")],
        ),
        "inc_fields_parquet": (files["fields_parquet"], ".csv", ["--rejected"]),
        # the bench's commands (JSON Lines to standard output), and large hostile CSV files
        "inc_bench_jsonl": (files["bench_jsonl"], None, []),
        "inc_bench_csv": (files["bench_csv"], None, []),
        "inc_bench_parquet": (files["bench_parquet"], None, []),
        "inc_big_bad_stdout": (files["big_bad_csv"], None, ["--rejected"]),
        "inc_big_bad_parquet": (files["big_bad_csv"], ".parquet", []),
        "inc_big_width_stdout": (files["big_width_csv"], None, ["--rejected"]),
    }


def _maps() -> list[str]:
    return [a for m in MAP for a in ("--map", m)]


def police_uk_rejects(directory: Path) -> Path:
    """A police.uk file of 300,000 rows (4 blocks) with bad rows in each (made once).

    Every 997th row names an LSOA no geography knows, every 1,999th a month that is not
    one, every 4,999th is cut short: what a summary rejects, batch after batch.
    """
    path = directory / "police_uk_rejects.csv"
    if path.exists():
        return path
    sys.path.insert(0, str(HERE))
    from make_data import make

    directory.mkdir(parents=True, exist_ok=True)
    lines = make(300_000).read_text(encoding="utf-8").splitlines(keepends=True)
    for i in range(1, len(lines)):
        cells = lines[i].split(",")
        if i % 997 == 0 and len(cells) == 12:
            cells[7], cells[8] = "E01999999", ""
        if i % 1999 == 0 and len(cells) == 12:
            cells[1] = "June"
        lines[i] = ",".join(cells[:6]) + "\n" if i % 4999 == 0 else ",".join(cells)
    path.write_text("".join(lines), encoding="utf-8")
    return path


def run(directory: Path, inputs_from: Path | None = None) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    svduty = Path(sys.executable).with_name("svduty")
    for name, path in inputs().items():
        out = directory / f"{name}.parquet"
        done = subprocess.run(
            [str(svduty), "classify", str(path), "--output", str(out), "--summary", "json"],
            check=True,
            capture_output=True,
            text=True,
        )
        (directory / f"{name}.json").write_text(done.stdout, encoding="utf-8")
    # a summary with no rows written: its rejected rows, batch after batch
    rejects = police_uk_rejects((inputs_from or directory) / "_inputs")
    bad = directory / "inc_police_uk_summary.rejected.csv"
    done = subprocess.run(
        [str(svduty), "classify", str(rejects), "--summary", "json", "--rejected", str(bad)],
        check=False,
        capture_output=True,
    )
    (directory / "inc_police_uk_summary.out").write_bytes(done.stdout)
    files = incident_inputs((inputs_from or directory) / "_inputs")
    for name, (path, suffix, extra) in incident_jobs(files).items():
        argv = [str(svduty), "classify", str(path), "--summary", "json"]
        if suffix is not None:
            argv += ["--output", str(directory / f"{name}{suffix}")]
        if "--rejected" in extra:
            i = extra.index("--rejected")
            argv += [
                *extra[:i],
                "--rejected",
                str(directory / f"{name}.rejected.csv"),
                *extra[i + 1 :],
            ]
        else:
            argv += extra
        done = subprocess.run(argv, check=False, capture_output=True)
        (directory / f"{name}.out").write_bytes(done.stdout)
        (directory / f"{name}.err").write_bytes(done.stderr)
        (directory / f"{name}.rc").write_text(str(done.returncode), encoding="utf-8")


def _same_parquet(name: str, old_path: Path, new_path: Path) -> int:
    old, new = pq.read_table(old_path), pq.read_table(new_path)
    added = _added(old.schema.names, new)
    if added:
        print(f"{name}: added on purpose, all null: {', '.join(added)}")
        new = new.drop_columns(added)
    if old.schema != new.schema:
        print(f"{name}: schema differs:\n{old.schema}\n---\n{new.schema}")
        return 1
    bad = 0
    for col in old.column_names:
        a, b = old.column(col), new.column(col)
        how = "same" if a.equals(b) else "DIFFERENT"
        if how != "same" and pa.types.is_dictionary(a.type) and _words(a).equals(_words(b)):
            how = "same values (row groups cut elsewhere, each with its own dictionary)"
        bad += how == "DIFFERENT"
        print(f"{name}.{col}: {how}")
    return bad


def _words(column: pa.ChunkedArray) -> pa.ChunkedArray:
    """A dictionary column's values, decoded."""
    return column.cast(column.type.value_type)


def _added(old_names: list[str], new: pa.Table) -> list[str]:
    """The :data:`ADDED` columns ``new`` has and ``old_names`` lacks, if all null there."""
    extra = [c for c in ADDED if c in new.column_names and c not in old_names]
    if any(new.column(c).null_count != new.num_rows for c in extra):
        return []
    return extra


def _same_text(old: Path, new: Path) -> str | None:
    """How ``new`` is the same as ``old`` but for the deliberate changes; None if not."""
    a, b = old.read_bytes(), new.read_bytes()
    if a == b:  # also when both have the new wording (a base saved after the change)
        return "same"
    for after, before in REWORDED:
        a = a.replace(after.encode(), before.encode())
        b = b.replace(after.encode(), before.encode())
    if a == b:
        return "same but reworded reasons" if b != new.read_bytes() else "same"
    if old.suffix in (".jsonl", ".out"):  # JSON Lines: the added keys null, the rest in order
        try:
            rows_a = [json.loads(x) for x in a.splitlines()]
            rows_b = [json.loads(x) for x in b.splitlines()]
        except ValueError:
            return None
        if len(rows_a) != len(rows_b):
            return None
        for x, y in zip(rows_a, rows_b, strict=True):
            if not isinstance(x, dict) or not isinstance(y, dict):
                return None
            if any(y.get(c) is not None for c in ADDED if c not in x):
                return None
            if list(x.items()) != [(k, v) for k, v in y.items() if k in x or k not in ADDED]:
                return None
        return f"same but for the added null keys {', '.join(ADDED)}"
    if old.suffix == ".csv":
        import csv
        import io

        rows_a = list(csv.reader(io.StringIO(a.decode("utf-8"))))
        rows_b = list(csv.reader(io.StringIO(b.decode("utf-8"))))
        if not rows_a or not rows_b or len(rows_a) != len(rows_b):
            return None
        keep = [i for i, c in enumerate(rows_b[0]) if c in rows_a[0] or c not in ADDED]
        gone = [i for i in range(len(rows_b[0])) if i not in keep]
        if any(r[i] for r in rows_b[1:] for i in gone):
            return None
        if [[r[i] for i in keep] for r in rows_b] != rows_a:
            return None
        return f"same but for the added empty columns {', '.join(rows_b[0][i] for i in gone)}"
    return None


def check(directory: Path) -> int:
    fresh = directory / "_fresh"
    run(fresh, inputs_from=directory)
    bad = 0
    for name in inputs():
        bad += _same_parquet(name, directory / f"{name}.parquet", fresh / f"{name}.parquet")
        a = json.loads((directory / f"{name}.json").read_text(encoding="utf-8"))
        b = json.loads((fresh / f"{name}.json").read_text(encoding="utf-8"))
        bad += a != b
        print(f"{name} summary: {'same' if a == b else 'DIFFERENT'}")
    for old in sorted(directory.iterdir()):
        if not old.name.startswith("inc_"):
            continue
        new = fresh / old.name
        if old.suffix == ".parquet":
            bad += _same_parquet(old.name, old, new)
            continue
        how = _same_text(old, new) if new.exists() else None
        if how is None and old.suffix in (".err", ".out"):  # the summary: the same once parsed
            how = "same summary" if _summary(old, REWORDED) == _summary(new, REWORDED) else None
        bad += how is None
        print(f"{old.name}: {how or 'DIFFERENT'} ({old.stat().st_size:,} bytes)")
    print("ALL SAME" if not bad else f"{bad} DIFFERENCE(S)")
    return 1 if bad else 0


def _summary(path: Path, reworded: list[tuple[str, str]] = ()) -> Any:  # type: ignore[assignment]
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return None
    for after, before in reworded:
        text = text.replace(after, before)
    try:
        return json.loads(text)
    except ValueError:
        return None


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in ("save", "check"):
        print(__doc__)
        return 2
    if argv[0] == "save":
        run(Path(argv[1]))
        return 0
    return check(Path(argv[1]))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
