from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from ..cli_run import run

DATA = Path(__file__).resolve().parents[2] / "src" / "svduty" / "data" / "warwickshire"


def test_text():
    code, out, err = run("funding")
    assert code == 0, err
    assert "£605,185.87" in out
    assert "-£29,971.87" in out
    assert "observation only" in out
    assert "Bede Bedworth Town Centre" in out
    assert "home-office -> warwickshire-opcc -> wcc-community-safety-team (paid in arrears)" in out


def test_year_filter_and_json():
    code, out, _ = run("funding", "--year", "2023/24", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert [a["year"] for a in data["allocations"]] == ["2023/24"]
    assert data["allocations"][0]["non_labour"] == "83506.30"
    rules = [f["rule"] for f in data["reconciliation"]]
    assert rules.count("year-total") == 1
    assert "stated-total" in rules


def test_unknown_year_is_a_data_error():
    code, _, err = run("funding", "--year", "2030/31")
    assert code == 1
    assert "year" in err


def test_bad_bundle():
    code, _, err = run("funding", "--partnership", "/no/such/folder")
    assert code == 1
    assert "--partnership: no such folder, and not a packaged bundle; expected a packaged" in err


def write(tmp_path, text):
    f = tmp_path / "split.toml"
    f.write_text(text, encoding="utf-8")
    return str(f)


def test_split_of_the_year_year_gives(tmp_path):
    """--year was ignored: a 2023/24 table stood beside a split of 2024/25 money, and a
    file with no year was refused though --year gave one (a finance review)."""
    other = write(tmp_path, 'year = "2024/25"\nmethod = "population"\n')
    code, _, err = run("funding", "--year", "2023/24", "--split", other)
    assert code == 1
    assert "year: expected the year --year gives (2023/24), or no year" in err
    f = write(tmp_path, 'method = "population"\n')
    code, out, _ = run("funding", "--year", "2023/24", "--split", f)
    assert code == 0
    assert "The 2023/24 non-labour allocation:\nSplit of £83,506.30 (population)" in out
    code, out, _ = run("funding", "--year", "2023/24", "--split", f, "--format", "json")
    assert json.loads(out)["split"]["of"] == {"year": "2023/24", "category": "non_labour"}
    f = write(tmp_path, 'amount = "100"\nmethod = "equal"\nrecipients = ["a", "b"]\n')
    code, out, _ = run("funding", "--split", f, "--format", "json")
    assert json.loads(out)["split"]["of"] is None


@pytest.mark.parametrize(
    ("given", "in_file"),
    [("2023-24", "2023/24"), ("2023/24", "2023-24"), ("2023/2024", "2023/24"), (None, "2023-24")],
)
def test_a_year_written_two_ways_is_one_year(tmp_path, given, in_file):
    """--year 2023-24 with a file's year = "2023/24" was refused ("expected the year
    --year gives (2023-24)"): the two were compared as text, though both read as the
    one financial year; and the split said it divided "the 2023-24 ... allocation"
    (``split.of.year`` "2023-24") where every other year in the output is a label."""
    f = write(tmp_path, f'year = "{in_file}"\nmethod = "population"\n')
    year = ["--year", given] if given else []
    code, out, err = run("funding", *year, "--split", f, "--format", "json")
    assert code == 0, err
    assert json.loads(out)["split"]["of"] == {"year": "2023/24", "category": "non_labour"}
    code, out, err = run("funding", *year, "--split", f)
    assert "The 2023/24 non-labour allocation:" in out


def test_a_split_files_year_that_is_not_a_label_names_the_file(tmp_path):
    f = write(tmp_path, 'year = 2023\nmethod = "population"\n')
    for year in ([], ["--year", "2023/24"]):
        code, _, err = run("funding", *year, "--split", f)
        assert code == 1
        assert "split.toml: year: expected a UK financial year label such as '2023/24'" in err


def test_split_by_population(tmp_path):
    f = write(tmp_path, 'year = "2024/25"\ncategory = "non_labour"\nmethod = "population"\n')
    code, out, _ = run("funding", "--split", f)
    assert code == 0
    assert "Split of £234,637.86 (population)" in out
    code, out, _ = run("funding", "--split", f, "--format", "json")
    shares = json.loads(out)["split"]["shares"]
    assert sum(int(s["amount"].replace(".", "")) for s in shares) == 23463786


@pytest.mark.parametrize(
    ("text", "ok", "needle"),
    [
        ('amount = "1000"\nmethod = "equal"\n', True, "(equal)"),
        ('amount = "1000"\nmethod = "needs"\nmeasure = "change"\n', True, "(needs)"),
        ('amount = "10"\nmethod = "weights"\nweights = {a = 1, b = 3}\n', True, "£7.50"),
        ('amount = "10"\nmethod = "weights"\nweights = {a = 0}\n', False, "weights"),
        (
            'amount = "10"\nmethod = "weights"\nweights = {a = 1}\nfloors = {a = "11"}\n',
            False,
            "floors[a]",
        ),
        ('amount = "10"\nmethod = "dice"\n', False, "method"),
        ('amount = "10"\nmethod = "shares"\nweights = {a = "0.3", b = "0.7"}\n', True, "£7.00"),
        ('amount = "10"\nmethod = "shares"\nweights = {a = "0.3"}\n', False, "shares"),
        ("amount = 10.5\n", False, "amount"),
        ('method = "equal"\n', False, "year"),
        ('year = "2024/25"\ncategory = "capital"\n', False, "category"),
        ('year = "2031/32"\n', False, "year"),
        ('colour = "red"\n', False, "colour"),
    ],
)
def test_split_files(tmp_path, text, ok, needle):
    code, out, err = run("funding", "--split", write(tmp_path, text))
    assert code == (0 if ok else 1), err
    assert needle in (out if ok else err)
    if not ok:
        assert "split.toml" in err


@pytest.mark.parametrize(
    ("weights", "field"),
    [
        ('{a = "0.3"}', "split.toml: weights: expected shares adding up to 1"),
        ('{a = "x", b = "1"}', "split.toml: weights[a]: expected a number"),
        ("{a = 0.3, b = 0.7}", "split.toml: weights[a]: expected a weight given as"),
    ],
)
def test_a_shares_split_names_the_files_field(tmp_path, weights, field):
    """A shares split reads its shares from ``weights``: an error names that field, never
    ``shares``, a key the file may not have (it is refused as unknown)."""
    text = f'amount = "10"\nmethod = "shares"\nweights = {weights}\n'
    code, _, err = run("funding", "--split", write(tmp_path, text))
    assert code == 1
    assert field in err, err


def test_other_bundle(tmp_path):
    bundle = tmp_path / "b"
    shutil.copytree(DATA, bundle)
    (bundle / "strategy.toml").unlink()
    code, out, _ = run("funding", "--partnership", str(bundle))
    assert code == 0  # no strategy.toml: no needs findings, the funding still shows
    assert "£605,185.87" in out
    assert "Bede" not in out
    (bundle / "funding.toml").unlink()
    code, _, err = run("funding", "--partnership", str(bundle))
    assert code == 1
    assert "has no funding.toml" in err


def test_needs_split_needs_a_strategy(tmp_path):
    bundle = tmp_path / "b"
    shutil.copytree(DATA, bundle)
    (bundle / "strategy.toml").unlink()
    f = write(tmp_path, 'amount = "1000"\nmethod = "needs"\n')
    code, _, err = run("funding", "--partnership", str(bundle), "--split", f)
    assert code == 1
    assert "strategy.toml" in err


def test_the_all_row_shows_only_a_stated_total(tmp_path):
    code, out, _ = run("funding")
    assert code == 0
    row = next(line for line in out.splitlines() if line.startswith("all "))
    assert "£605,185.87" in row  # the sum of the parts
    assert row.rstrip().endswith("£575,214.00")  # the council report's stated total
    bundle = tmp_path / "b"
    shutil.copytree(DATA, bundle)
    text = (bundle / "funding.toml").read_text(encoding="utf-8")
    start = text.index("[[stated_totals]]")
    end = text.index("[[categories]]")
    (bundle / "funding.toml").write_text(text[:start] + text[end:], encoding="utf-8")
    code, out, _ = run("funding", "--partnership", str(bundle))
    assert code == 0
    row = next(line for line in out.splitlines() if line.startswith("all "))
    assert row.rstrip().endswith("none stated")


@pytest.mark.parametrize("year", ["2023/25", "23/24", "last year"])
def test_a_malformed_year_is_a_usage_error(year: str) -> None:
    """As a malformed governance --on: exit 2; a year the bundle lacks stays exit 1."""
    code, out, err = run("funding", "--year", year)
    assert code == 2
    assert out == ""
    assert "argument --year: expected a UK financial year such as 2023/24" in err
    assert run("funding", "--year", "2030/31")[0] == 1


@pytest.mark.parametrize(
    "text",
    [
        'method = "population"\n',
        'method = "equal"\nrecipients = ["north", "south"]\n',
        'method = "weights"\nweights = { north = 1, south = 2 }\n',
        'method = "shares"\nweights = { north = "0.25", south = "0.75" }\n',
        'method = "needs"\n',
    ],
)
def test_a_split_of_a_years_allocation_cites_it_whatever_the_method(tmp_path, text):
    """The split's lines cited only the weights' sources: the allocation they divide (the
    agreement's '2024/25 £311,679.57 (... Non-labour: £234,637.86)') was not among them
    (a review, funding42)."""
    f = write(tmp_path, 'year = "2024/25"\n' + text)
    code, out, err = run("funding", "--split", f, "--format", "json")
    assert code == 0, err
    cited = json.loads(out)["split"]["amount_citation"]
    assert cited["source"] == "warwickshire-partnership-agreement"
    assert "Non-labour: £234,637.86" in cited["provision"]
    code, out, err = run("funding", "--split", f)
    assert code == 0, err
    assert "\nAmount stated in: Partnership Agreement" in out


def test_a_split_of_the_files_own_amount_says_it_cites_nothing(tmp_path):
    f = write(tmp_path, 'amount = "100"\nmethod = "equal"\nrecipients = ["a", "b"]\n')
    code, out, _ = run("funding", "--split", f, "--format", "json")
    assert code == 0
    assert json.loads(out)["split"]["amount_citation"] is None
    code, out, _ = run("funding", "--split", f)
    assert code == 0
    assert "The split file's amount (it cites no source):\nSplit of £100 (equal)" in out
