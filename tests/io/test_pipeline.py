from __future__ import annotations

import csv
from collections import Counter

import pyarrow as pa
import pyarrow.compute as pc
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from svduty.errors import DataError, Problem, SvdutyError
from svduty.io import (
    AREA_COLUMNS,
    POLICE_UK_COLUMNS,
    Pipeline,
    Summary,
    classify_batch,
    classify_batches,
    normalise_police_uk,
    read_police_uk,
)
from svduty.io._summary import Tally

from ..conftest import (
    LSOA_TO_DISTRICT,
    MONTHS_DIR,
    WARWICKSHIRE,
    fake_classify_table,
    fake_resolve_lsoas,
    fake_within,
    picky_classify_table,
    resolve_e01999998_by_name,
)

MONTHS = sorted(MONTHS_DIR.glob("*.csv"))
PIPE = Pipeline(resolve_areas=fake_resolve_lsoas, classify=fake_classify_table, within=fake_within)


def expected_areas(path):
    """An independent, row-by-row account of where each row of a month lies."""
    inside = outside = unlocated = 0
    by_district: Counter[str] = Counter()
    with path.open(newline="") as fh:
        for r in csv.DictReader(fh):
            code = r["LSOA code"]
            if not code:
                unlocated += 1
                continue
            district = LSOA_TO_DISTRICT.get(code)
            name = WARWICKSHIRE[district] if district else r["LSOA name"].rsplit(" ", 1)[0]
            by_district[name] += 1
            if district:
                inside += 1
            else:
                outside += 1
    return inside, outside, unlocated, by_district


@pytest.mark.parametrize("path", MONTHS, ids=lambda p: p.name)
def test_real_months_are_accounted_for_row_by_row(path):
    tally = Tally()
    for batch in read_police_uk(path):
        tally.count_in(batch.num_rows)
        tally.count_out(PIPE(batch))
    s = tally.summary()
    inside, outside, unlocated, by_district = expected_areas(path)
    assert s.rows_in == s.rows_out + s.rejected
    assert s.rejected == 0
    assert (s.inside_area, s.outside_area, s.unlocated) == (inside, outside, unlocated)
    assert s.unlocated == 13
    assert outside > 0
    assert dict(by_district) == dict(s.by_district)
    assert "Coventry" in s.by_district
    assert "Birmingham" in s.by_district
    assert sum(s.by_category.values()) == s.rows_out
    assert sum(s.verdicts["violence"].values()) == s.rows_out


def test_in_area_rows_get_their_district_from_the_lsoa_code_2011_and_2021():
    for path in MONTHS:
        out = pa.Table.from_batches(
            list(
                classify_batches(
                    read_police_uk(path),
                    resolve_areas=fake_resolve_lsoas,
                    classify=fake_classify_table,
                    within=fake_within,
                )
            )
        )
        inside = out.filter(pc.equal(out.column("within_area"), "inside"))
        assert set(inside.column("match").to_pylist()) == {"table"}
        for code, district in zip(
            inside.column("lsoa_code").to_pylist(),
            inside.column("district_code").to_pylist(),
            strict=True,
        ):
            assert LSOA_TO_DISTRICT[code] == district
        assert inside.column("location").to_pylist() == inside.column("district_code").to_pylist()


def raw(**cols):
    n = len(next(iter(cols.values())))
    base = {c: [""] * n for c in POLICE_UK_COLUMNS}
    base["Month"] = ["2025-06"] * n
    base["Crime type"] = ["Burglary"] * n
    base.update(cols)
    return normalise_police_uk(pa.table(base), file="f.csv", rows=pa.array(range(2, n + 2)))


def test_unresolvable_lsoa_is_rejected_and_the_rest_goes_on():
    batch = raw(
        **{
            "LSOA code": ["E01031005", "E01999999", "E01999998", ""],
            "LSOA name": ["North Warwickshire 005A", "", "Birmingham 012E", ""],
        }
    )
    out = PIPE(batch)
    assert out.num_rows == 4
    t = Tally()
    t.count_in(4)
    good = t.count_out(out)
    s = t.summary()
    assert s.rows_out == 3
    assert [(p.row, p.field) for p in s.rejections] == [(3, "LSOA code")]
    assert "geography knows" in str(s.rejections[0])
    assert good.column("within_area").to_pylist() == ["inside", "outside", "no_location"]
    assert good.column("district_name").to_pylist() == ["North Warwickshire", "Birmingham", None]


def test_rejected_rows_are_kept_with_nulls_in_the_added_columns():
    batch = raw(**{"Crime type": ["Burglary", "Nope"], "LSOA code": ["E01031005", ""]})
    out = PIPE(batch)
    assert out.column("rejected").to_pylist()[-1].startswith("Crime type")
    for name in (*AREA_COLUMNS, "within_area", "violence"):
        assert out.column(name)[-1].as_py() is None


def test_all_rows_rejected_and_empty_batches():
    out = PIPE(raw(**{"Crime type": ["Nope"]}))
    assert out.num_rows == 1
    assert "violence" in out.schema.names
    empty = PIPE(raw(**{"Crime type": []}))
    assert empty.num_rows == 0


def test_a_resolver_that_loses_rows_is_caught():
    def lossy(codes, names):
        return fake_resolve_lsoas(codes, names).slice(1)

    with pytest.raises(SvdutyError, match="resolve_areas returned"):
        classify_batch(
            raw(**{"LSOA code": ["E01031005", ""]}),
            resolve_areas=lossy,
            classify=fake_classify_table,
            within=fake_within,
        )


def test_a_classifier_that_loses_rows_is_caught():
    with pytest.raises(SvdutyError, match="classify returned"):
        classify_batch(
            raw(**{"LSOA code": ["E01031005", ""]}),
            resolve_areas=fake_resolve_lsoas,
            classify=lambda t: t.slice(1),
            within=fake_within,
        )


def test_a_resolver_may_omit_columns():
    def minimal(codes, names):
        return pa.table({"lsoa_code": codes, "match": pa.repeat(pa.scalar("table"), len(codes))})

    out = classify_batch(
        raw(**{"LSOA code": ["E01031005"]}),
        resolve_areas=minimal,
        classify=fake_classify_table,
        within=fake_within,
    )
    assert out.column("district_code").to_pylist() == [None]
    assert out.column("within_area").to_pylist() == ["outside"]
    assert out.column("location").to_pylist() == ["E01031005"]


def test_within_is_called_once_per_district():
    calls: list[str] = []

    def within(code):
        calls.append(code)
        return fake_within(code)

    classify_batch(
        raw(**{"LSOA code": ["E01031005"] * 50}),
        resolve_areas=fake_resolve_lsoas,
        classify=fake_classify_table,
        within=within,
    )
    assert calls == ["E07000218"]


def test_the_invariant_is_checked():
    t = Tally()
    t.count_in(2)
    t.count_out(PIPE(raw(**{"LSOA code": [""]})))
    with pytest.raises(DataError, match=r"rows in \(2\) != rows out \(1\) \+ rejected \(0\)"):
        t.summary()


_ROW_KINDS = ["ok", "bad_type", "bad_lsoa", "no_loc", "away", "name_in", "name_away", "no_name"]


@given(st.lists(st.sampled_from(_ROW_KINDS), max_size=40))
@example(["name_in", "name_away", "no_name", "no_loc"])
def test_rows_in_equals_rows_out_plus_rejected(kinds):
    codes = {
        "ok": "E01031005",
        "bad_type": "E01031005",
        "bad_lsoa": "E01999999",
        "no_loc": "",
        "away": "E01009450",
        "name_in": "",  # no code, but a name that resolves: located by it
        "name_away": "",
        "no_name": "",  # no code, and a name that does not resolve: no location
    }
    names = {"away": "Birmingham 012E", "name_in": "Warwick 001A", "name_away": "Exton 004C"}
    names["no_name"] = "Nowhere"
    batch = raw(
        **{
            "LSOA code": [codes[k] for k in kinds],
            "LSOA name": [names.get(k, "") for k in kinds],
            "Crime type": ["Nope" if k == "bad_type" else "Robbery" for k in kinds],
        }
    )
    t = Tally()
    t.count_in(batch.num_rows)
    t.count_out(PIPE(batch))
    s = t.summary()
    assert s.rows_in == s.rows_out + s.rejected == len(kinds)
    assert s.rejected == kinds.count("bad_type") + kinds.count("bad_lsoa")
    assert s.unlocated == kinds.count("no_loc") + kinds.count("no_name")
    assert s.outside_area == kinds.count("away") + kinds.count("name_away")
    assert s.inside_area == kinds.count("ok") + kinds.count("name_in")
    assert sorted(p.row for p in s.rejections) == [
        i + 2 for i, k in enumerate(kinds) if k in ("bad_type", "bad_lsoa")
    ]


def test_summary_text_and_json():
    t = Tally()
    batch = raw(
        **{
            "LSOA code": ["E01031005", "", "E01999999"],
            "Crime type": ["Possession of weapons", "Burglary", "Burglary"],
        }
    )
    t.count_in(3)
    t.count_out(PIPE(batch))
    s = t.summary()
    j = s.to_json()
    assert j["kinds"] == {"weapon": 1}
    assert j["rejections"] == [
        {
            "file": "f.csv",
            "row": 4,
            "field": "LSOA code",
            "reason": "expected an LSOA code or name that the geography knows",
        }
    ]
    text = s.to_text()
    assert "rows in: 3" in text
    assert "by district:" in text
    assert "Possession of weapons" in text
    many = Summary(
        rows_in=30,
        rows_out=0,
        rejected=30,
        rejections=tuple(Problem(row=i, message="x") for i in range(30)),
    )
    assert "... and 10 more" in many.to_text()


def test_count_out_and_reject():
    # count_json (the row-by-row incidents route) is gone: incidents are counted from the
    # pipeline's batches like police.uk rows
    t = Tally()
    t.count_in(2)
    t.count_out(
        pa.table(
            {
                "rejected": [None],
                "file": ["f"],
                "row": [1],
                "rejected_field": [None],
                "violence": ["no"],
                "kinds": [[]],
            }
        )
    )
    t.reject(Problem(row=1, message="bad"))
    s = t.summary()
    assert s.verdicts == {"violence": {"no": 1}}
    assert s.rejected == 1


def test_rows_the_classifier_refuses_are_rejected_not_lost():
    batch = raw(**{"LSOA code": ["E01031005", "E01999998", "E01031005", "E01999998"]})
    out = classify_batch(
        batch,
        resolve_areas=resolve_e01999998_by_name,
        classify=picky_classify_table,
        within=fake_within,
    )
    t = Tally()
    t.count_in(4)
    good = t.count_out(out)
    s = t.summary()
    assert s.rows_out == 2
    assert [(p.row, p.field) for p in s.rejections] == [(3, "location"), (5, "location")]
    assert good.column("violence").to_pylist() == ["no", "no"]


def test_a_classifier_error_without_rows_propagates():
    def broken(table):
        raise DataError.single(None, "definition", expected="a definition")

    with pytest.raises(DataError, match="definition"):
        classify_batch(
            raw(**{"LSOA code": [""]}),
            resolve_areas=fake_resolve_lsoas,
            classify=broken,
            within=fake_within,
        )


def test_a_classifier_that_keeps_refusing_is_stopped():
    # no retry loop: the rows refused are set apart once; a second refusal is an error
    def stubborn(table):
        if table.num_rows:
            raise DataError.single(None, "x", row=1, expected="y")
        return fake_classify_table(table)

    batch = raw(**{"LSOA code": [""] * 150})
    with pytest.raises(SvdutyError, match="x: expected y"):
        classify_batch(
            batch, resolve_areas=fake_resolve_lsoas, classify=stubborn, within=fake_within
        )


def test_the_classifier_gets_the_month_and_a_gss_location_only():
    seen = {}

    def spy(table):
        seen.update(table.to_pydict())
        return fake_classify_table(table)

    batch = raw(
        **{
            "LSOA code": ["E01031005", "not-a-code", "E01009450"],
            "LSOA name": ["", "Solihull 001A", "Birmingham 012E"],
        }
    )
    classify_batch(batch, resolve_areas=fake_resolve_lsoas, classify=spy, within=fake_within)
    assert seen["date"] == ["2025-06"] * 3
    assert seen["location"] == ["E07000218", None, "E01009450"]
    assert set(seen) == {"id", "police_uk_category", "date", "location"}


def test_a_table_gives_a_table_and_a_batch_a_batch():
    batch = raw(**{"LSOA code": ["E01031005", ""]})
    two_chunks = pa.Table.from_batches([batch, batch])
    out = PIPE(two_chunks)
    assert isinstance(out, pa.Table)
    assert out.num_rows == 4
    assert out.column("within_area").to_pylist() == ["inside", "no_location"] * 2
    assert isinstance(PIPE(batch), pa.RecordBatch)
    mixed = PIPE(pa.Table.from_batches([raw(**{"Crime type": ["Nope", "Drugs"]})]))
    assert isinstance(mixed, pa.Table)
    assert mixed.column("rejected").to_pylist()[-1].startswith("Crime type")


def incident_batch(**cols):
    from svduty.io import iter_incidents_jsonl  # noqa: F401 - the reader's schema
    from svduty.io._incidents import _SCHEMA

    n = len(next(iter(cols.values())))
    base = {f.name: pa.nulls(n, f.type) for f in _SCHEMA}
    base["file"] = pa.array(["i.jsonl"] * n)
    base["row"] = pa.array(range(1, n + 1), pa.int64())
    base.update({k: pa.array(v, _SCHEMA.field(k).type) for k, v in cols.items()})
    return pa.table(base, schema=_SCHEMA)


def test_incidents_are_located_by_their_location():
    def within(code):
        if code == "E99999999":
            raise SvdutyError("not a code this geography describes")
        return fake_within(code)

    out = classify_batch(
        incident_batch(location=["E01031005", "E07000222", "E99999999", None]),
        resolve_areas=fake_resolve_lsoas,
        classify=fake_classify_table,
        within=within,
    )
    # a code the geography does not know places the row neither inside nor outside
    assert out["within_area"].to_pylist() == ["inside", "inside", "no_location", "no_location"]
    # a district code the geography knows is its own district (match "district")
    assert out["district_code"].to_pylist() == ["E07000218", "E07000222", None, None]
    assert out["match"].to_pylist()[1:] == ["district", "unresolved", None]
    with pytest.raises(SvdutyError, match="resolve_areas returned 0 rows for 1 locations"):
        classify_batch(
            incident_batch(location=["E01031005"]),
            resolve_areas=lambda c, n: fake_resolve_lsoas(c, n).slice(0, 0),
            classify=fake_classify_table,
            within=fake_within,
        )


def test_a_rejecter_finds_every_refused_row_in_one_pass():
    calls = []

    def reject(table):
        calls.append(table.num_rows)
        return [Problem(row=2, field="weapon", expected="a weapon word")]

    out = classify_batch(
        incident_batch(weapon=["knife", "spoon", None]),
        resolve_areas=fake_resolve_lsoas,
        classify=fake_classify_table,
        within=fake_within,
        reject=reject,
    )
    assert calls == [3]
    assert out["rejected"].to_pylist() == [None, None, "weapon: expected a weapon word"]


def test_the_one_pass_split_gives_what_classify_then_reject_gives():
    """The default pipeline classifies a batch with bad and contradictory rows in one pass
    (``classify_split``); the result is the three-pass one's, row for row."""
    import attrs

    from svduty.io import default_pipeline

    pipe = default_pipeline()
    batch = incident_batch(
        offence_code=["8N", "8N", "46", "8N", "8N", "46"],
        victim_age=[30, 200, 17, 30, 30, 17],
        harms=[None, None, None, ["death"], None, None],
        died=[None, None, None, False, None, None],
        location=["E01031005", None, "E07000222", None, "E01031005", "E07000222"],
    )
    calls = []

    def split(table):
        calls.append(table.num_rows)
        return pipe.split(table)

    one_pass = attrs.evolve(pipe, split=split)(batch)
    three_pass = attrs.evolve(pipe, split=None)(batch)
    assert calls == [6]
    assert one_pass.to_pylist() == three_pass.to_pylist()
    # every conflict of a row, in the scalar engine's order; the field is the first's (contract44)
    assert one_pass["rejected_field"].to_pylist()[-2:] == ["victim_age", "died"]
    assert one_pass["rejected"].to_pylist()[-1] == (
        "died: contradicts harms containing 'death'; "
        "harms: contradicts what the offence code proves (injury: yes)"
    )
    assert one_pass["violence"].type == pa.dictionary(pa.int32(), pa.string())


def test_a_split_naming_no_row_of_the_batch_is_an_error():
    def split(table):
        return table, [Problem(row=99, field="weapon", expected="a weapon word")]

    with pytest.raises(DataError, match="weapon"):
        classify_batch(
            incident_batch(weapon=["knife"]),
            resolve_areas=fake_resolve_lsoas,
            classify=fake_classify_table,
            within=fake_within,
            split=split,
        )


def test_the_summary_warns_of_offence_codes_not_in_the_table(tmp_path):
    """Issue 16 item 7: a well-formed unknown code is a reason and a warning, never missing."""
    import io as _io

    from svduty.cli import main

    f = tmp_path / "in.jsonl"
    f.write_text(
        '{"id": "a", "offence_code": "999Z", "victim_age": 30}\n'
        '{"id": "b", "offence_code": "8N"}\n{"id": "c", "offence_code": "998Y"}\n'
    )
    out, err = _io.StringIO(), _io.StringIO()
    args = ["classify", str(f), "--output", str(tmp_path / "o.parquet"), "--summary", "json"]
    assert main(args, stdout=out, stderr=err) == 0
    import json as _json

    assert _json.loads(out.getvalue())["warnings"] == {"OFFENCE-CODE-UNKNOWN": 2}
    text = _io.StringIO()
    assert main(["classify", str(f), "--output", str(tmp_path / "p.parquet")], stdout=text) == 0
    assert "warning: 2 row(s): offence code not in the Home Office" in text.getvalue()
