"""The report: its HTML page parsed and checked against its tables and the summary."""

from __future__ import annotations

import io
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import attrs
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pytest
from hypothesis import given
from hypothesis import strategies as st

import svduty
from svduty._report._build import _outside_period
from svduty._report._deprivation import (
    INDICES,
    deciles,
    deprivation_table,
    english_index,
    index_of,
    shares,
)
from svduty._report._html import SECTIONS
from svduty._report._model import TABLES
from svduty._report._svg import _axis, bounded_bars, paired_bars
from svduty.cli import main
from svduty.errors import InputFormatError
from svduty.io import sample_police_uk

MONTHS = Path("/work/shared/data/policeuk")
if not MONTHS.exists():  # pragma: no cover - another checkout layout
    MONTHS = Path(__file__).resolve().parents[3] / "shared" / "data" / "policeuk"


class Page(HTMLParser):
    """The parts of the page the tests check: sections, tables (caption, header, rows)."""

    def __init__(self) -> None:
        super().__init__()
        self.sections: list[str] = []
        self.tables: list[dict[str, list]] = []
        self.tags: list[tuple[str, dict]] = []
        self._cell: list[str] | None = None
        self._row: list[str] | None = None
        self._in: str = ""

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        if tag == "section":
            self.sections.append(a.get("id", ""))
        elif tag == "table":
            self.tables.append({"caption": [""], "head": [], "rows": [], "foot": []})
        elif tag == "caption":
            self._in = "caption"
        elif tag in ("thead", "tbody", "tfoot"):
            self._in = tag
        elif tag == "tr":
            self._row = []
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._row is not None and self._cell is not None:
            self._row.append("".join(self._cell).strip())
            self._cell = None
        elif tag == "tr" and self._row is not None:
            key = {"thead": "head", "tbody": "rows", "tfoot": "foot"}.get(self._in, "rows")
            self.tables[-1][key].append(self._row)
            self._row = None
        elif tag == "caption":
            self._in = ""

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)
        elif self._in == "caption" and self.tables:
            self.tables[-1]["caption"][0] += data

    def table(self, start: str) -> dict[str, list]:
        return next(t for t in self.tables if t["caption"][0].startswith(start))


def number(text: str) -> float:
    return float(text.replace(",", ""))


@pytest.fixture(scope="module")
def month():
    return svduty.report(sample_police_uk())


@pytest.fixture(scope="module")
def page(month):
    p = Page()
    p.feed(month.html)
    return p


def test_every_section_is_present_and_every_table_has_a_caption(page):
    assert page.sections == [sid for sid, _ in SECTIONS]
    assert page.tables
    assert all(t["caption"][0].strip() for t in page.tables)


def test_the_page_needs_no_network(month, page):
    assert "<script" not in month.html
    for tag, tag_attrs in page.tags:
        assert tag not in ("link", "img", "iframe", "object")
        for name in ("src", "srcset"):
            assert name not in tag_attrs, (tag, tag_attrs)
    assert "@media print" in month.html


def test_by_district_totals_equal_the_summary(month, page):
    s = month.summary
    by_district = month.tables["by_district"]
    for where, expected in (
        ("inside", s.inside_area),
        ("outside", s.outside_area),
        ("no_location", s.unlocated),
    ):
        rows = by_district.filter(pc.equal(by_district["within_area"], where))
        assert sum(rows["rows"].to_pylist()) == expected
    assert s.rows_in == s.rows_out + s.rejected == 4586
    # the page's district table: its rows add up to its total line, which is the summary's
    t = page.table("Rows by district (rows inside the area)")
    assert len(t["rows"]) == 5
    assert sum(number(r[-1]) for r in t["rows"]) == number(t["foot"][0][-1]) == s.inside_area
    summary = {r["within_area"]: r for r in month.tables["summary"].to_pylist()}
    assert number(t["foot"][0][-3]) == summary["inside"]["possible"]  # possible column
    tables = ("by_month", "by_district_month", "by_csp", "by_police_area", "by_category")
    for table in (*tables, "by_lsoa"):
        inside = month.tables[table].filter(pc.equal(month.tables[table]["within_area"], "inside"))
        assert sum(inside["rows"].to_pylist()) == s.inside_area, table


def test_deprivation_shares_sum_to_100(month, page):
    dep = month.tables["deprivation"]
    assert set(dep["index"].to_pylist()) == {"iod2025"}
    assert sum(dep["lsoa_share"].to_pylist()) == pytest.approx(100.0)
    assert sum(dep["possible_share"].to_pylist()) == pytest.approx(100.0)
    assert sum(dep["lsoas"].to_pylist()) == 354  # the area's 2021 LSOAs
    t = page.table("Possible rows and LSOAs by decile, English Indices of Deprivation 2025")
    assert [r[0] for r in t["rows"]] == [str(d) for d in range(1, 11)]
    assert sum(number(r[2]) for r in t["rows"]) == pytest.approx(100.0)
    assert sum(number(r[5]) for r in t["rows"]) == pytest.approx(100.0)


def test_hotspots_outside_rows_and_settlements(month, page):
    by_lsoa = month.tables["by_lsoa"]
    inside = by_lsoa.filter(pc.equal(by_lsoa["within_area"], "inside")).to_pylist()
    for key in ("certain", "possible"):
        top = month.tables[f"hotspots_{key}"].to_pylist()
        counts = [r[key] for r in top]
        assert counts == sorted(counts, reverse=True)
        assert all(c > 0 for c in counts)
        best = sorted((r[key] for r in inside if r[key] > 0), reverse=True)
        tied = [c for c in best if c >= best[:10][-1]]  # ties with the tenth: up to 20
        assert counts == (tied if len(tied) <= 20 else [c for c in best if c > best[:10][-1]])
    if not month.tables["hotspots_certain"].num_rows:
        assert page.table("Top LSOAs by certain rows")["rows"][0][0].startswith("(no row")
    outside = page.table("Rows outside the area")
    names = {r[1] for r in outside["rows"]}
    assert {"Coventry", "Lancaster", "Flintshire"} <= names
    settle = page.table("What would settle")
    undetermined = sum(s.rows for s in month.settlements if s.within_area == "inside")
    assert sum(number(r[1]) for r in settle["rows"]) == undetermined
    summary = {r["within_area"]: r for r in month.tables["summary"].to_pylist()}
    assert undetermined == summary["inside"]["undetermined"]
    nothing = any("nothing is certain inside the area" in n for n in month.notes)
    assert nothing == (summary["inside"]["certain"] == 0)


def test_a_folder_of_months_and_the_tables_hold_the_same_numbers(tmp_path):
    folder = tmp_path / "months"
    folder.mkdir()
    shutil.copy(sample_police_uk(), folder)
    shutil.copy(MONTHS / "2019-01-warwickshire-street.csv", folder)
    out = tmp_path / "report.html"
    r = svduty.report(folder, output=out, tables=tmp_path / "tables")
    assert r.months == ("2019-01", "2025-06")
    assert out.read_text(encoding="utf-8") == r.html
    dep = r.tables["deprivation"]
    assert set(dep["index"].to_pylist()) == {"iod2025", "imd2019"}
    for index in ("iod2025", "imd2019"):
        rows = dep.filter(pc.equal(dep["index"], index))
        assert sum(rows["possible_share"].to_pylist()) == pytest.approx(100.0)
    assert sum(dep.filter(pc.equal(dep["index"], "imd2019"))["lsoas"].to_pylist()) == 339
    assert any("2019-01" in n and "IMD 2019" in n for n in r.notes)
    assert r.notes[0].startswith("4,486 rows are of months before the Serious Violence Duty")
    assert r.notes[1].startswith("months outside the period of the partnership's local area")
    assert "2025-06;" in r.notes[1]  # 2019-01: the Duty's note's alone (users55)
    assert "2019-01" not in r.notes[1]
    written = sorted(p.name for p in (tmp_path / "tables").iterdir())
    assert written == sorted(f"{name}.csv" for name in TABLES)
    for name in TABLES:
        back = pacsv.read_csv(tmp_path / "tables" / f"{name}.csv")
        assert back.num_rows == r.tables[name].num_rows, name
        for col in ("rows", "possible", "certain"):
            if col in r.tables[name].column_names:
                assert back[col].to_pylist() == r.tables[name][col].to_pylist(), name


def test_a_failed_write_leaves_nothing_behind(month, tmp_path, monkeypatch):
    import svduty._report._model as model

    def broken(table, path):
        Path(path).write_text("partial")
        raise OSError("disk full")

    monkeypatch.setattr(model.pacsv, "write_csv", broken)
    with pytest.raises(InputFormatError, match=r"summary\.csv: --tables: cannot write the file"):
        month.write_tables(tmp_path / "t")
    assert not (tmp_path / "t").exists()  # the folder made for the tables goes with them


def test_the_command_writes_the_page_and_the_tables(tmp_path):
    out, err = io.StringIO(), io.StringIO()
    page = tmp_path / "r.html"
    code = main(
        ["report", str(sample_police_uk()), "--output", str(page), "--tables", str(tmp_path / "t")],
        stdout=out,
        stderr=err,
    )
    assert code == 0, err.getvalue()
    text = out.getvalue()
    assert f"wrote {page}" in text
    written = pacsv.read_csv(tmp_path / "t" / "summary.csv").to_pylist()
    inside = next(r for r in written if r["within_area"] == "inside")
    expected = (
        f"in scope inside the area: certain {inside['certain']:,}, possible "
        f"{inside['possible']:,}, no {inside['no']:,}"
    )
    assert expected in text
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert (tmp_path / "t" / "by_district.csv").exists()
    assert main(["report", str(sample_police_uk()), "-o", str(tmp_path)], stderr=err) == 1
    assert "--output" in err.getvalue()


@pytest.mark.parametrize(
    ("valid", "months", "named"),
    [
        # a month before the Duty (2022-12) is left to the Duty's note (users55)
        (("2023-01-31", None), ["2022-12", "2023-01", "2030-05"], None),
        (("2023-01-31", "2025-04-01"), ["2022-12", "2025-04"], "2025-04"),
        (("2023-01-31", "2025-04-01"), ["2023-01", "2025-03"], None),
        (("2023-01-31", "2025-04-01"), ["2025-04", "2023-01"], "2025-04"),
    ],
)
def test_months_outside_the_local_areas_period_are_named(valid, months, named):
    p = svduty.warwickshire()
    area = attrs.evolve(p.local_area, valid=svduty.Period(*valid))
    notes = _outside_period(months, attrs.evolve(p, local_area=area))
    if named is None:
        assert notes == ()
    else:
        assert notes[0].endswith(
            f"({area.valid}): {named}; their rows are located against the area's districts "
            "as the partnership lists them."
        )


def test_index_choice_by_the_codes_of_a_month():
    new, old = deciles("iod2025"), deciles("imd2019")
    only21 = next(c for c in new if c not in old)
    only11 = next(c for c in old if c not in new)
    both = next(c for c in new if c in old)
    assert english_index([only21, both])[0] == "iod2025"
    assert english_index([only11, both])[0] == "imd2019"
    mixed, why = english_index([only11, only21])
    assert mixed == "iod2025"
    assert "both vintages" in why
    assert "newer index" in english_index([both])[1]
    # read as a sentence, after "LSOA codes of MONTH:" (it read "1 codes are 2011 LSOAs
    # only: 2011 LSOAs (IMD 2019)"; an analyst's review)
    # and then "4 of its codes are 2021 LSOAs new in 2021: 2021 LSOAs, ranked by ..." (a new
    # user's review, 38th): the vintage first, the count that decided it in brackets
    assert english_index([only11, both])[1] == (
        "2011 LSOAs (1 of its codes are 2011 LSOAs that no longer exist), ranked by the IMD 2019"
    )
    assert english_index([only21])[1] == (
        "2021 LSOAs (1 of its codes exist only since 2021), ranked by the IoD 2025"
    )
    assert index_of(only11, "iod2025") == "imd2019"
    assert index_of(only21, "iod2025") == "iod2025"
    assert index_of("W01000001", "imd2019") == "wimd2019"
    assert index_of("S01000001", "iod2025") is None
    assert len(deciles("wimd2019")) == 1909
    assert all(1 <= d <= 10 for d in deciles("imd2019").values())
    assert {i.citation.source.publisher for i in INDICES.values()} >= {"Welsh Government"}


def test_rows_an_index_does_not_rank_are_counted_apart():
    table, unranked = deprivation_table(
        [
            {"index": "iod2025", "lsoa_code": "E01000001", "certain": 1, "possible": 2},
            {"index": "iod2025", "lsoa_code": "E01999999", "certain": 0, "possible": 5},
        ],
        {"iod2025": ["E01000001"]},
    )
    assert unranked == {"iod2025": 5}
    ranked = table.filter(pc.is_valid(table["decile"]))
    assert sum(ranked["possible"].to_pylist()) == 2
    assert ranked.num_rows == 10
    # the rows no decile holds are a row of their own, with no shares (a new analyst's
    # review: the CSV left them out silently where the page said how many)
    [apart] = table.filter(pc.is_null(table["decile"])).to_pylist()
    assert (apart["certain"], apart["possible"], apart["possible_share"]) == (0, 5, None)
    assert sum(ranked["possible_share"].to_pylist()) == pytest.approx(100.0)


@given(st.lists(st.integers(min_value=0, max_value=10_000), min_size=1, max_size=12))
def test_shares_sum_to_exactly_100_or_are_all_zero(counts):
    out = shares(counts)
    if sum(counts):
        assert round(sum(out), 6) == 100.0
        for c, s in zip(counts, out, strict=True):
            assert abs(s - 100 * c / sum(counts)) <= 0.1 + 1e-9
    else:
        assert out == [0.0] * len(counts)


def test_charts_scale_and_label():
    assert _axis(2387) == (500.0, 5)
    assert _axis(0) == (1.0, 1)
    step, ticks = _axis(0.3)
    assert step * ticks >= 0.3
    assert "none possible" in bounded_bars("x", "t", ["a"], [0], [0])
    svg = bounded_bars("x", "t <&>", ["a" * 40], [1], [1])
    assert "t &lt;&amp;&gt;" in svg
    assert "…" in svg
    assert paired_bars("y", "t", [], [], [], names=("a", "b")).endswith("</svg>")


def test_an_empty_input_gives_a_valid_page(tmp_path):
    empty = tmp_path / "2025-07-empty-street.csv"
    header = sample_police_uk().read_text(encoding="utf-8").splitlines()[0]
    empty.write_text(header + "\n", encoding="utf-8")
    r = svduty.report(empty)
    p = Page()
    p.feed(r.html)
    assert p.sections == [sid for sid, _ in SECTIONS]
    assert r.tables["deprivation"].num_rows == 0
    assert r.months == ()
    assert isinstance(r.tables["summary"], pa.Table)


def test_deprivation_skips_lsoas_no_index_ranks_and_says_so():
    from svduty._report._build import _deprivation

    lsoa_month = pa.table(
        {
            "within_area": ["inside"] * 4 + ["outside"],
            "month": ["2025-06"] * 5,
            "lsoa_code": ["E01031000", "E01999999", "S01000001", None, "E01000001"],
            "lsoa_name": [None] * 5,
            "certain": [1, 0, 0, 0, 9],
            "possible": [2, 3, 4, 5, 9],
        }
    )
    table, notes = _deprivation(lsoa_month, svduty.warwickshire())
    ranked = table.filter(pc.is_valid(table["decile"]))
    assert sum(ranked["possible"].to_pylist()) == 2  # ranked, inside, located only
    assert sum(table["possible"].to_pylist()) == 5  # and the 3 no index ranks, apart
    assert any(n.startswith("3 possible rows have an LSOA") for n in notes)


def test_the_command_on_an_empty_month_without_tables(tmp_path):
    empty = tmp_path / "2025-07-empty-street.csv"
    header = sample_police_uk().read_text(encoding="utf-8").splitlines()[0]
    empty.write_text(header + "\n", encoding="utf-8")
    out = io.StringIO()
    assert main(["report", str(empty), "-o", str(tmp_path / "r.html")], stdout=out) == 0
    assert out.getvalue().splitlines()[1].startswith("rows in: 0;")
    assert "tables" not in out.getvalue()


def test_one_row_outside_and_one_without_a_location_are_counted_in_the_singular(tmp_path):
    with open(sample_police_uk(), encoding="utf-8") as f:
        lines = f.read().splitlines()
    outside = next(line for line in lines if ",E01009449," in line)  # Birmingham
    nowhere = next(line for line in lines if ",No Location," in line)
    month = tmp_path / "2025-06-warwickshire-street.csv"
    month.write_text("\n".join([lines[0], outside, nowhere, nowhere]) + "\n", encoding="utf-8")
    text = " ".join(re.sub(r"<[^>]+>", " ", svduty.report(month).html).split())
    assert "1 row reported by the force lies outside the area: Birmingham." in text
    assert "2 rows have no location." in text


def test_the_hotspots_keep_every_lsoa_tied_with_the_last():
    """An analyst's review: 10 LSOAs tied at 2 certain rows, 5 shown, chosen by the
    tie-break with no word of it."""
    from svduty._report._build import HOTSPOTS, _hotspots

    n = HOTSPOTS + 5
    by_lsoa = pa.table(
        {
            "within_area": ["inside"] * n,
            "lsoa_code": [f"E0100{i:04d}" for i in range(n)],
            "certain": [3] * (HOTSPOTS - 3) + [2] * 6 + [1, 0],
            "possible": list(range(n)),
        }
    )
    certain = _hotspots(by_lsoa, "certain")["certain"].to_pylist()
    assert certain == [3] * (HOTSPOTS - 3) + [2] * 6  # 13 rows: the six 2s all kept
    assert _hotspots(by_lsoa.slice(0, 4), "certain").num_rows == 4
    many = pa.table(  # 30 tied at 1 after 7: more than twice the list, so none of them
        {
            "within_area": ["inside"] * 37,
            "lsoa_code": [f"E0100{i:04d}" for i in range(37)],
            "certain": [3] * 7 + [1] * 30,
            "possible": [5] * 37,
        }
    )
    assert _hotspots(many, "certain")["certain"].to_pylist() == [3] * 7


def test_the_sources_name_the_lookups_and_the_offence_table_the_counts_rest_on(month):
    """An analyst's review: every inside/outside, district and CSP count rests on the ONS
    look-ups, and the category facts on the offence table; the page cited neither."""
    sources = month.html.split('<section id="sources">', 1)[1]
    for title in (
        "Lower Layer Super Output Area (2021) to Ward (2024) to Local Authority District (2024)",
        "LSOA (2011) to LSOA (2021) to Local Authority District (2022)",
        "Local Authority District (2024) to Community Safety Partnership to Police Force Area",
        "Home Office offence codes joined to ONS offence groups",
    ):
        assert title in sources


def test_a_month_with_no_row_inside_the_area_still_has_the_inside_line(tmp_path):
    """Another force's month (every row outside): the summary table and the command's text
    said nothing of inside the area, where a needs assessment wants its zeros."""
    with open(sample_police_uk(), encoding="utf-8") as f:
        lines = f.read().splitlines()
    outside = next(line for line in lines if ",E01009449," in line)  # Birmingham
    month = tmp_path / "2025-06-west-midlands-street.csv"
    month.write_text("\n".join([lines[0], outside]) + "\n", encoding="utf-8")
    summary = svduty.report(month).tables["summary"].to_pylist()
    assert [(r["within_area"], r["rows"]) for r in summary] == [
        ("inside", 0),
        ("outside", 1),
        ("no_location", 0),
    ]
    out = io.StringIO()
    assert main(["report", str(month), "-o", str(tmp_path / "r.html")], stdout=out) == 0
    assert "in scope inside the area: certain 0, possible 0, no 0" in out.getvalue()


def test_a_welsh_months_note_names_the_welsh_index_not_an_english_one(tmp_path):
    from svduty._report._build import _deprivation

    cardiff = svduty.load_partnership(svduty.new_bundle(tmp_path / "cardiff", ["W06000015"]))
    codes = [a.code for a in cardiff.geography.lsoas("W06000015")][:3]
    lsoa_month = pa.table(
        {
            "within_area": ["inside"] * 3,
            "month": ["2025-06"] * 3,
            "lsoa_code": codes,
            "lsoa_name": [None] * 3,
            "certain": [1, 0, 0],
            "possible": [2, 3, 4],
        }
    )
    table, notes = _deprivation(lsoa_month, cardiff)
    assert set(table["index"].to_pylist()) == {"wimd2019"}
    assert notes == (
        "LSOA codes of 2025-06: Welsh LSOAs are ranked by the Welsh Index of Multiple "
        "Deprivation 2019 (2011 LSOAs; a 2021 LSOA split from a 2011 one by that one's rank).",
    )


def test_the_outside_sentence_writes_inverted_ons_names_plainly(month):
    text = " ".join(re.sub(r"<[^>]+>", " ", month.html).split())
    sentence = text[text.index("rows reported by the force") :].split(". They are kept")[0]
    assert "County of Herefordshire" in sentence
    assert "Herefordshire, County of" not in sentence


def test_an_lsoa_named_two_ways_is_one_row(tmp_path):
    """An analyst's review: an LSOA whose code kept and whose name changed in 2021 (Rugby
    001C in 2019, Rugby 013C in 2025) was two rows of the LSOA tables, each with half its
    count, and ranked as two smaller hotspots."""
    rows = pacsv.read_csv(
        sample_police_uk(),
        convert_options=pacsv.ConvertOptions(
            column_types={"Crime ID": pa.string(), "Month": pa.string()}
        ),
    )
    inside = rows.filter(pc.starts_with(rows["LSOA name"], "Rugby")).slice(0, 40)
    code = inside["LSOA code"][0].as_py()
    one = inside.filter(pc.equal(inside["LSOA code"], code))
    renamed = one.set_column(
        one.schema.get_field_index("LSOA name"), "LSOA name", pa.array(["Rugby 999Z"] * len(one))
    )
    renamed = renamed.set_column(0, "Crime ID", pa.array([None] * len(one), pa.string()))
    renamed = renamed.set_column(1, "Month", pa.array(["2019-01"] * len(one)))
    folder = tmp_path / "months"
    folder.mkdir()
    pacsv.write_csv(one, folder / "a.csv")
    pacsv.write_csv(renamed, folder / "b.csv")
    r = svduty.report(folder)
    by_lsoa = r.tables["by_lsoa"].filter(pc.equal(r.tables["by_lsoa"]["lsoa_code"], code))
    assert by_lsoa.num_rows == 1
    name = one["LSOA name"][0].as_py()
    assert by_lsoa["lsoa_name"][0].as_py() == " / ".join(sorted([name, "Rugby 999Z"]))
    assert by_lsoa["rows"][0].as_py() == 2 * len(one)
    top = r.tables["hotspots_possible"]
    assert top["lsoa_code"].to_pylist().count(code) == 1
    assert top["possible"][0].as_py() == 2 * len(one)


def test_a_welsh_lsoa_split_in_2021_is_ranked_by_its_2011_lsoa(tmp_path):
    """An analyst's review: rows in W01001971 and W01001972 (2021 LSOAs split from
    W01000383) were left out of the WIMD 2019 shares, though that LSOA has a decile."""
    from svduty._report._deprivation import deciles
    from svduty.io import POLICE_UK_COLUMNS

    wrexham = svduty.load_partnership(svduty.new_bundle(tmp_path / "wrexham", ["W06000006"]))
    codes = ["W01001971", "W01001972", "W01000383"]
    month = tmp_path / "m.csv"
    cells = {c: [""] * 3 for c in POLICE_UK_COLUMNS}
    cells.update(
        {
            "Month": ["2025-06"] * 3,
            "Location": ["On or near X"] * 3,
            "LSOA code": codes,
            "LSOA name": ["Wrexham 017F", "Wrexham 017G", "Wrexham 017D"],
            "Crime type": ["Robbery"] * 3,
            "Longitude": ["-3.0"] * 3,
            "Latitude": ["53.0"] * 3,
        }
    )
    pacsv.write_csv(pa.table(cells), month)
    r = svduty.report(month, partnership=wrexham)
    wimd = r.tables["deprivation"].filter(pc.equal(r.tables["deprivation"]["index"], "wimd2019"))
    decile = deciles("wimd2019")["W01000383"]
    assert wimd.filter(pc.equal(wimd["decile"], decile))["possible"].to_pylist() == [3]
    assert not any("does not rank" in n for n in r.notes)


def test_each_csp_and_district_of_the_area_has_a_row_when_it_has_no_crime(tmp_path):
    """A CSP with no row was left out of the CSP table (a district had its row of zeros):
    a needs assessment reads a CSP left out as one not counted."""
    with open(sample_police_uk(), encoding="utf-8") as f:
        lines = f.read().splitlines()
    rugby = next(line for line in lines if ",Rugby " in line)
    month = tmp_path / "2025-06-warwickshire-street.csv"
    month.write_text("\n".join([lines[0], rugby]) + "\n", encoding="utf-8")
    tables = svduty.report(month).tables
    csps = _inside_rows(tables["by_csp"], "csp_name")
    assert sorted(csps) == [
        "North Warwickshire",
        "Nuneaton and Bedworth",
        "Rugby",
        "South Warwickshire",
    ]
    assert {k for k, v in csps.items() if v} == {"Rugby"}
    districts = _inside_rows(tables["by_district"], "district_name")
    assert len(districts) == 5
    assert {k for k, v in districts.items() if v} == {"Rugby"}


def test_each_district_has_a_row_for_each_month_and_they_add_up_to_its_row(tmp_path):
    """The district x month table (a district's trend, for a needs assessment): every
    district of the area in every month read, of zeros where none, summing to by_district."""
    with open(sample_police_uk(), encoding="utf-8") as f:
        lines = f.read().splitlines()
    rugby = next(line for line in lines if ",Rugby " in line)
    warwick = next(line for line in lines if ",Warwick " in line)
    for month, row in (("2025-05", rugby), ("2025-06", warwick)):
        path = tmp_path / f"{month}-warwickshire-street.csv"
        path.write_text("\n".join([lines[0], row.replace(",2025-06,", f",{month},")]) + "\n")
    tables = svduty.report(tmp_path).tables
    cells = tables["by_district_month"].filter(
        pc.equal(tables["by_district_month"]["within_area"], "inside")
    )
    got = {(r["district_name"], r["month"]): r["rows"] for r in cells.to_pylist()}
    assert len(got) == 10  # five districts, two months
    assert {k for k, v in got.items() if v} == {("Rugby", "2025-05"), ("Warwick", "2025-06")}
    keys = [(r["district_code"], r["month"]) for r in cells.to_pylist()]
    assert keys == sorted(keys)  # district by district, then month
    by_district = tables["by_district"].filter(
        pc.equal(tables["by_district"]["within_area"], "inside")
    )
    for r in by_district.to_pylist():
        months = [v for (d, _), v in got.items() if d == r["district_name"]]
        assert sum(months) == r["rows"]


def _inside_rows(table: pa.Table, name: str) -> dict[str, int]:
    """Each inside row's name and its certain and possible rows together."""
    return {
        r[name]: r["certain"] + r["possible"]
        for r in table.to_pylist()
        if r["within_area"] == "inside"
    }


def test_the_lsoa_tables_hold_no_name_that_names_no_lsoa(tmp_path, month):
    """A row's LSOA name is the input's text: an unlocated row's free text (a person's
    name and address) was a row of ``by_lsoa.csv``, and a located row's name was shown as
    given (a hostile review). Names that name an LSOA are kept, as the real month's."""
    with open(sample_police_uk(), encoding="utf-8") as f:
        lines = f.read().splitlines()
    rugby = next(line for line in lines if ",Rugby " in line).split(",")
    bad = rugby.copy()
    bad[8] = "<i>Jane Smith</i>"
    given = tmp_path / "2025-06-warwickshire-street.csv"
    given.write_text(
        "\n".join(
            [
                lines[0],
                ",".join(rugby),
                ",".join(bad),
                "x,2025-06,W,W,,,No Location,,Jane Smith 12 High St,Robbery,,",
                "y,2025-06,W,W,,,No Location,,,Robbery,,",
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    r = svduty.report(given)
    assert "Jane" not in r.html
    rows = r.tables["by_lsoa"].to_pylist()
    assert [(x["within_area"], x["lsoa_name"], x["rows"]) for x in rows] == [
        ("inside", rugby[8], 2),
        ("no_location", None, 2),
    ]
    whole = month.tables["by_lsoa"]  # the packaged month's (ci62a: made once a module)
    assert whole["lsoa_name"].null_count == pc.sum(pc.is_null(whole["lsoa_code"])).as_py()


def test_a_2011_lsoa_name_the_name_reader_does_not_know_is_kept(tmp_path):
    """The filter of LSOA names read each name alone, and "South Northamptonshire 007A"
    (a 2011 LSOA of a district since abolished) is no name the reader resolves: a real
    LSOA's name was blanked (a review of the session's own change)."""
    lines = sample_police_uk().read_text(encoding="utf-8").splitlines()
    row = "a,2019-01,W,W,-1.2,52.1,On or near X,E01027261,South Northamptonshire 007A,Burglary,,"
    month = tmp_path / "2019-01-warwickshire-street.csv"
    month.write_text("\n".join([lines[0], row]) + "\n", encoding="utf-8")
    names = svduty.report(month).tables["by_lsoa"]["lsoa_name"].to_pylist()
    assert names == ["South Northamptonshire 007A"]


def test_the_caveats_say_why_possible_holds_almost_every_row_and_lsoas_of_two_vintages():
    """The page said a category mixing offences was the reason, but Bicycle theft is one
    code; and rows of a 2011 LSOA and its 2021 successors stood on separate lines with no
    word (an analyst's review)."""
    from svduty._report._caveats import caveats
    from svduty.definitions import STATUTE

    text = " ".join(caveats(STATUTE))
    assert "s.13(3)(a)(i)" in text
    assert "almost every row" in text
    assert "under its 2011 code in the older months and under its 2021 codes" in text


def test_rejected_rows_are_said_first_and_every_row_rejected_loudly(tmp_path):
    """A file a spreadsheet saved again ('Jun-25') has every row rejected: the page must
    not read as a month of no crime (an analyst review), and a few rejected rows are said."""
    lines = sample_police_uk().read_text(encoding="utf-8").splitlines()
    header, rows = lines[0], lines[1:4]
    bad = [re.sub(r",\d{4}-\d{2},", ",Jun-25,", "x" + r, count=1) for r in rows]  # own ids
    assert all(",Jun-25," in b for b in bad)
    for name, body, first in (
        ("all.csv", bad, "Every row (3) was rejected"),
        ("some.csv", [*rows, bad[0]], "1 of 4 rows were rejected"),
    ):
        src = tmp_path / name
        src.write_text("\n".join([header, *body]) + "\n", encoding="utf-8")
        out, err = io.StringIO(), io.StringIO()
        page = tmp_path / f"{name}.html"
        assert main(["report", str(src), "-o", str(page)], stdout=out, stderr=err) == 0
        assert first in page.read_text(encoding="utf-8")
        if name == "all.csv":  # first of all the notes: the command prints the first
            assert first in out.getvalue()
        assert "rejected: " in out.getvalue()
    clean = tmp_path / "clean.csv"
    clean.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    out = io.StringIO()
    main(["report", str(clean), "-o", str(tmp_path / "c.html")], stdout=out, stderr=io.StringIO())
    assert "rejected and are counted" not in out.getvalue()


def test_the_caveats_say_what_the_police_areas_are(month, tmp_path):
    """Command areas recorded from 2023 are given to every row by its district, and their
    districts are not confirmed (an analyst review): the page says both."""
    assert "Police areas: rows inside the area are shown" in month.html
    assert "is not confirmed" in month.html
    older = tmp_path / "2019-01.csv"
    text = sample_police_uk().read_text(encoding="utf-8")
    older.write_text(re.sub(r",\d{4}-\d{2},", ",2019-01,", text), encoding="utf-8")
    assert "records the areas only from then" in svduty.report(older).html


@pytest.fixture(scope="module")
def act_page(tmp_path_factory) -> str:
    """The command's page of the packaged month under the Act's definition (pcsc-s13),
    written once for the two tests that read it (ci62a)."""
    page = tmp_path_factory.mktemp("act") / "r.html"
    argv = ["report", str(sample_police_uk()), "--definition", "pcsc-s13", "-o", str(page)]
    assert main(argv, stdout=io.StringIO(), stderr=io.StringIO()) == 0
    return page.read_text(encoding="utf-8")


def test_the_lead_does_not_call_the_acts_violence_serious(act_page):
    """s.13(6): whether violence in an area amounts to serious violence is for the
    partnership; under the Act's definition of violence (pcsc-s13) the lead said the rows
    "are serious violence" (the fortieth session's legal review)."""
    lead = re.search(r'<p class="lead">(.*?)</p>', act_page, re.S)
    assert lead is not None
    assert "serious violence" not in lead.group(1)
    assert "are within the definition" in lead.group(1)


def test_the_title_does_not_call_the_acts_violence_serious(act_page):
    """s.13(6): the fortieth session mended the lead, but the page's title and heading
    still called a profile of the Act's violence (pcsc-s13) a "Serious violence profile";
    the title now names the Duty the profile is made for, whatever the definition."""
    for tag in ("title", "h1"):
        found = re.search(rf"<{tag}>(.*?)</{tag}>", act_page, re.S)
        assert found is not None
        assert "serious violence profile" not in found.group(1).lower()
        assert found.group(1).startswith("Serious Violence Duty profile: ")


def test_the_deprivation_caption_says_a_share_may_be_off_its_own_rounding(month):
    """The shares are rounded by the largest remainder to sum to 100, so in the sample
    month 440 of 4,510 possible rows (9.76%) show as 9.7; the caption said only that equal
    counts may be 0.1 apart, and a reader checking a share by hand found it wrong."""
    rows = month.tables["deprivation"].to_pylist()
    total = sum(r["possible"] for r in rows if r["decile"] is not None)
    off = [
        r
        for r in rows
        if r["decile"] is not None and r["possible_share"] != round(100 * r["possible"] / total, 1)
    ]
    assert off  # the sentence below is needed by this very month
    assert "a share may be 0.1 from its own rounding" in month.html


def test_a_category_with_no_offence_code_is_not_said_to_settle_0_of_0(month):
    """Anti-social behaviour is not a crime: no Home Office offence code is published under
    it, and the settle table read "an offence code settles a row for 0 of 0 codes" (the
    numbers41 audit). It now says there is none, as the text line does."""
    assert "0 of 0 codes" not in month.html
    asb = re.search(r"Anti-social behaviour</td><td[^>]*>[\d,]+</td><td>([^<]*)<", month.html)
    assert asb is not None
    assert asb.group(1) == "none (no offence code is published under it)"


def test_the_page_says_which_rows_were_rejected_and_why(tmp_path):
    """user45, an analyst writing a needs assessment from the page: it said "3 of 4,589
    rows were rejected" and guessed a spreadsheet's months as the cause, but not which rows
    nor why (an LSOA code no table holds, an unknown crime type): the page names each
    reason with its count and first rows, as ``classify --rejected`` would (never a value)."""
    lines = sample_police_uk().read_text(encoding="utf-8").splitlines()
    header, rows = lines[0], lines[1:5]
    month = rows[0].replace(",2025-06,", ",Jun-25,", 1)
    crime = re.sub(r",Criminal damage and arson,", ",Violent crime,", rows[1], count=1)
    assert month != rows[0]
    assert crime != rows[1]
    src = tmp_path / "2025-06-x.csv"
    src.write_text("\n".join([header, month, crime, crime, *rows[2:]]) + "\n", encoding="utf-8")
    r = svduty.report(src)
    note = next(n for n in r.notes if "were rejected" in n)
    assert "3 of 5 rows were rejected" in note
    assert "Month: expected a month YYYY-MM" in note
    assert "Crime type: expected one of the 14 police.uk crime types (2 rows: " in note
    assert f"{src}: rows 3, 4" in note
    assert "row 2)" in note
    assert "Jun-25" not in note  # the reason, not the value
    assert "Violent crime" not in note
    assert "Crime type: expected one of the 14" in r.html


def test_the_sources_list_each_source_once_and_one_code_is_one_code(tmp_path, month):
    """user45: a Cardiff bundle (the Act's definition, s.13) listed "Police, Crime,
    Sentencing and Courts Act 2022, s.13" twice in the sources, and a category of one
    offence code read "0 of 1 codes"."""
    from svduty.io import new_bundle

    cardiff = svduty.load_partnership(new_bundle(tmp_path / "cardiff", ["W06000015"]))
    html = svduty.report(sample_police_uk(), partnership=cardiff).html
    sources = html[html.index('<ul class="sources">') :]
    sources = sources[: sources.index("</ul>")]
    items = re.findall(r"<li>.*?</li>", sources)
    assert len(items) == len(set(items))
    assert "Police, Crime, Sentencing and Courts Act 2022, s.13<" in sources
    assert " of 1 codes" not in month.html
    assert "0 of 1 code<" in month.html  # Bicycle theft: one offence code
