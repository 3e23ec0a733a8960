"""``svduty init`` given areas as a careless user types them.

A GSS code in lower case is the code (the readers take codes in any case); the title is
made of the areas' names, each once, never of the text typed, and an ONS inverted name
("Bristol, City of") is written plainly there too; a code of
Scotland or Northern Ireland says the Duty does not extend there.
"""

from __future__ import annotations

import io
import tomllib
from pathlib import Path

import pytest

from svduty.cli import main


def _init(tmp_path: Path, *areas: str) -> tuple[int, str]:
    argv = ["init", str(tmp_path / "b")]
    for a in areas:
        argv += ["--area", a]
    err = io.StringIO()
    return main(argv, stdout=io.StringIO(), stderr=err), err.getvalue()


def _title(tmp_path: Path) -> str:
    title: str = tomllib.loads((tmp_path / "b" / "bundle.toml").read_text())["title"]
    return title


@pytest.mark.parametrize(
    "areas",
    [("e07000222",), (" e07000222 ",), ("warwick",), ("warwick", "E07000222"), ("Warwick",) * 2],
)
def test_the_title_names_each_area_once_by_its_name(tmp_path: Path, areas: tuple[str, ...]) -> None:
    code, err = _init(tmp_path, *areas)
    assert (code, err) == (0, "")
    assert _title(tmp_path) == "Warwick Serious Violence Duty partnership"


@pytest.mark.parametrize(
    ("area", "title"),
    [("E06000023", "City of Bristol"), ("E23000034", "City of London"), ("Leeds", "Leeds")],
)
def test_an_ons_inverted_name_is_written_plainly_in_the_title(
    tmp_path: Path, area: str, title: str
) -> None:
    assert _init(tmp_path, area) == (0, "")
    assert _title(tmp_path) == f"{title} Serious Violence Duty partnership"
    areas = tomllib.loads((tmp_path / "b" / "areas.toml").read_text())
    assert areas["local_area"]["name"] == title


@pytest.mark.parametrize("code", ["S12000033", "n09000001"])
def test_a_code_beyond_england_and_wales_says_the_duty_does_not_extend_there(
    tmp_path: Path, code: str
) -> None:
    assert _init(tmp_path, code) == (
        1,
        "svduty init: error: --area: not an area a bundle starts from; expected the GSS code or "
        "name of an area in England and Wales (the Duty does not extend to Scotland or "
        "Northern Ireland) "
        f"(got '{code}')\n",
    )
    assert not (tmp_path / "b").exists()
    code_, err = _init(tmp_path, "ZZSECRET")
    assert code_ == 1
    assert "ZZSECRET" not in err
    assert "Scotland" not in err


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("--name", 'bad name"\n'),
        ("--name", "John Smith"),
        ("--name", "Leeds"),
        ("--name", "leeds-"),
        ("--name", "x" * 65),
        ("--title", "two\nlines"),
        ("--title", "t" * 201),
        ("--title", " "),
    ],
)
def test_a_name_or_title_the_manifest_refuses_writes_nothing(
    tmp_path: Path, option: str, value: str
) -> None:
    err = io.StringIO()
    argv = ["init", str(tmp_path / "b"), "--area", "E07000222", option, value]
    assert main(argv, stdout=io.StringIO(), stderr=err) == 1
    assert f"{option[2:]}: expected" in err.getvalue()
    assert not value.strip() or value.strip() not in err.getvalue()  # never shown
    assert not (tmp_path / "b").exists()


@pytest.mark.parametrize("value", ["leeds", "leeds-2", "x" * 64, "7"])
def test_a_short_name_is_written_as_given(tmp_path: Path, value: str) -> None:
    argv = ["init", str(tmp_path / "b"), "--area", "E07000222", "--name", value]
    assert main(argv, stdout=io.StringIO(), stderr=io.StringIO()) == 0
    assert tomllib.loads((tmp_path / "b" / "bundle.toml").read_text())["name"] == value


@pytest.mark.parametrize(
    ("welsh", "english"),
    [
        ("Caerdydd", "Cardiff"),
        ("Ynys Môn", "Isle of Anglesey"),
        ("ynys mon", "Isle of Anglesey"),
        ("Sir y Fflint", "Flintshire"),
        ("Castell-nedd Port Talbot", "Neath Port Talbot"),
    ],
)
def test_a_principal_area_of_wales_by_its_welsh_name(
    tmp_path: Path, welsh: str, english: str
) -> None:
    code, err = _init(tmp_path, welsh)
    assert (code, err) == (0, "")
    assert _title(tmp_path) == f"{english} Serious Violence Duty partnership"


def test_a_misspelt_welsh_name_is_offered_by_its_area(tmp_path: Path) -> None:
    code, err = _init(tmp_path, "Caerdyd")
    assert code == 1
    assert "did you mean 'Cardiff' (W06000015)?" in err
    assert "no area named 'Caerdyd'" in err  # near an area's name: said as typed (users60)


def test_every_welsh_name_is_a_principal_area_of_wales_by_its_own_code() -> None:
    from svduty.areas import Geography
    from svduty.areas._national import welsh_names

    geo = Geography.england_and_wales()
    codes = set(welsh_names().values())
    assert codes == {a.id for a in geo.all() if a.id.startswith("W06")}  # all 22, once each
    assert len(codes) == len(welsh_names()) == 22


def test_a_folder_that_is_not_empty_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    """As the docs say: the folder must be empty unless --force. Before, init wrote its
    files beside a broken governance.toml, failed, and then refused to run again."""
    folder = tmp_path / "ne"
    folder.mkdir()
    (folder / "governance.toml").write_text('name = "x"\n')
    out, err = io.StringIO(), io.StringIO()
    assert main(["init", str(folder), "--area", "Leeds"], stdout=out, stderr=err) == 1
    assert err.getvalue() == (
        f"svduty init: error: {folder}: the folder holds 1 file(s) or folder(s); "
        "expected an empty folder (or --force)\n"
    )
    assert [p.name for p in folder.iterdir()] == ["governance.toml"]


def test_hidden_entries_do_not_make_a_folder_not_empty(tmp_path: Path) -> None:
    folder = tmp_path / "repo"
    (folder / ".git").mkdir(parents=True)
    assert main(["init", str(folder), "--area", "Leeds"], stdout=io.StringIO()) == 0
    assert (folder / "bundle.toml").exists()


@pytest.mark.parametrize(
    ("area", "says"),
    [
        # a district abolished in 2023: tests/cli/test_init_regions_users53b.py
        ("E01031180", "(an LSOA: give its district, Rugby, E07000220)"),
        ("E05009861", "(a ward: give its district, Middlesbrough, E06000002)"),
        (  # a county code the reorganisations of 2023 ended (a researcher's review)
            "E10000006",
            "(Cumbria's county code until 2023-04-01: its area is now Cumberland, E06000063; "
            "Westmorland and Furness, E06000064)",
        ),
        ("e10000027", "(Somerset's county code until 2023-04-01: its area is now Somerset"),
        # a metropolitan county or a combined authority's area: unknown before (session 40)
        ("E11000001", "(a metropolitan county: its districts are the local government areas"),
        ("E47000001", "(a combined authority's area: its districts are the local government"),
    ],
)
def test_an_abolished_district_or_an_lsoa_names_what_to_give(
    tmp_path: Path, area: str, says: str
) -> None:
    """An abolished district's code got a bare 'unknown area' (a researcher's review); then
    it was called unknown while it was named (a review of Wales and unusual areas)."""
    code, err = _init(tmp_path, area)
    assert code == 1
    assert says in err
    assert "unknown area" not in err
    assert "not an area a bundle starts from" in err


def test_a_csp_of_part_of_a_district_says_the_bundle_covers_the_district(tmp_path: Path) -> None:
    """'Allerdale' gave all of Cumberland with no word (a researcher's review)."""
    code, err = _init(tmp_path, "Allerdale")
    assert code == 0
    assert "is one of the 3 community safety partnerships of Cumberland (E06000063)" in err
    assert _init(tmp_path / "r", "Rugby")[1] == ""


def test_success_lines_show_names_and_titles_escaped(tmp_path: Path):
    """``init``, ``info``, ``validate`` and ``report`` printed a title holding a right-to-left
    override, or a folder name holding an escape code, raw (a hostile review)."""
    from svduty.io import sample_police_uk

    folder = tmp_path / "x\x1b[2J"
    out, err = io.StringIO(), io.StringIO()  # a title that reorders itself: refused (38th)
    argv = ["init", str(folder), "--area", "E07000220", "--title", "Rugby \u202eevil"]
    assert main(argv, stdout=out, stderr=err) == 1
    assert "title: expected one line of text" in err.getvalue()
    assert "\u202e" not in err.getvalue()
    outs = []
    for argv in (
        ["init", str(folder), "--area", "E07000220", "--title", "Rugby"],
        ["info", "--partnership", str(folder)],
        ["validate", str(folder)],
    ):
        out, err = io.StringIO(), io.StringIO()
        assert main(argv, stdout=out, stderr=err) == 0, err.getvalue()
        outs.append(out.getvalue())
    out, err = io.StringIO(), io.StringIO()
    page = tmp_path / "r\x1b[31m.html"
    assert main(["report", str(sample_police_uk()), "-o", str(page)], stdout=out, stderr=err) == 0
    outs.append(out.getvalue() + err.getvalue())
    for text in outs:
        assert "\x1b" not in text
        assert "\u202e" not in text
    assert "Rugby" in outs[0]


@pytest.mark.parametrize(
    "area",
    [
        # the districts and counties of the 2019-2021 orders now name their successor
        # (tests/areas/test_ceased_earlier44.py)
        "E08000020",  # Gateshead's code until 2013 (E08000037 since)
        "e22000005",  # a community safety partnership code of no 2024 CSP
    ],
)
def test_a_code_the_tables_do_not_hold_says_why(tmp_path: Path, area: str) -> None:
    """A district code that ceased before the 2022 tables got a bare "unknown area; expected
    the GSS code or name of an area in England and Wales": it is one (a researcher's review,
    session 42). ``svduty validate`` says the same of such a code in areas.toml (BUNDLE-ONS).
    """
    code, err = _init(tmp_path, area)
    assert code == 1
    assert "unknown area" in err  # a mistyped code is as likely
    assert "not in the national ONS tables (2022 and 2024)" in err
    assert "an area that ceased before them" in err


@pytest.mark.parametrize("area", ["E99999999", "E01999999", "X07000004"])
def test_a_code_of_no_starting_kind_gets_no_such_word(tmp_path: Path, area: str) -> None:
    code, err = _init(tmp_path, area)
    assert code == 1
    assert "ceased before them" not in err


def test_the_areas_listed_read_as_one_name_each(tmp_path: Path) -> None:
    """The list "Bristol, City of, Cardiff" read as three local government areas (a
    researcher's review, session 42): an ONS inverted name is written plainly, as the
    title writes it."""
    out = io.StringIO()
    argv = ["init", str(tmp_path / "b"), "--area", "W06000015", "--area", "E06000023"]
    assert main(argv, stdout=out, stderr=io.StringIO()) == 0
    assert out.getvalue().splitlines()[1] == "local government areas (2): City of Bristol, Cardiff"
