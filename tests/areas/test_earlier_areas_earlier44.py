"""The areas abolished in 2019-2021 as cited data (earlier44).

``EARLIER`` was a dict typed into ``_ceased.py``: its orders were text, with no
``Citation``, the West Suffolk, Somerset West and Taunton and Northamptonshire county
rows named no article, and the county of Buckinghamshire was said to be abolished by
art 4(1) of SI 2019/957, which abolishes its districts and winds up its county council
but not the county. The table is now ``data/ons/ceased-2019-2021.toml``, read checked.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import tomli_w

from svduty.areas._ceased import EARLIER, ceased_note
from svduty.areas._earlier import earlier_areas, read_earlier_areas
from svduty.errors import AreaError
from svduty.sources import Confidence, SourceKind

ROW: dict[str, Any] = {
    "code": "E07000004",
    "name": "Aylesbury Vale",
    "successors": ["E06000060"],
    "ceased": dt.date(2020, 4, 1),
    "citation": {"source": "si-2019-957", "provision": "art 4(1)"},
}


def _write(tmp_path: Path, *rows: dict[str, Any]) -> Path:
    path = tmp_path / "ceased.toml"
    path.write_text(tomli_w.dumps({"areas": list(rows)}), "utf-8")
    return path


def _problems(path: Path) -> list[tuple[int | None, str | None]]:
    with pytest.raises(AreaError) as err:
        read_earlier_areas(path)
    assert all(p.file == str(path) for p in err.value.problems)
    return [(p.row, p.field) for p in err.value.problems]


def test_every_row_cites_an_article_of_a_statutory_instrument_read_in_its_text() -> None:
    areas = earlier_areas()
    assert len(areas) == 28
    articles = {
        "si-2018-639": {"art 5(1)"},
        "si-2018-640": {"art 5(1)"},
        "si-2018-648": {"art 4(1)", "art 5(1)", "art 6(1)", "art 8(1)", "art 9(1)"},
        "si-2018-649": {"art 5(1)"},
        "si-2019-957": {"art 4(1)", "art 4(1)(b)"},
        "si-2020-156": {"art 3(5)", "art 4(5)", "art 5(1)"},
    }
    for code, a in areas.items():
        c = a.citation
        assert c.source.kind is SourceKind.STATUTORY_INSTRUMENT, code
        assert c.provision in articles[c.source.id], code
        assert c.href == f"https://www.legislation.gov.uk/uksi/{c.source.id[3:].replace('-', '/')}"
        assert (a.ceased.month, a.ceased.day) == (4, 1), code
        unsure = code == "E10000002"  # the county of Buckinghamshire: not abolished as an area
        assert (c.confidence is Confidence.UNCONFIRMED) is unsure, code
    assert "art 3(1)" in (areas["E10000002"].citation.doubt or "")


@pytest.mark.parametrize(
    ("code", "article"),
    [
        ("E07000201", "(SI 2018/639), art 5(1))"),  # Forest Heath
        ("E07000191", "(SI 2018/649), art 5(1))"),  # West Somerset
        ("E10000021", "(SI 2020/156), art 5(1))"),  # the county of Northamptonshire
        ("E10000002", "(SI 2019/957), art 4(1)(b))"),  # the county council wound up
    ],
)
def test_the_note_names_the_article_that_abolished_the_area(code: str, article: str) -> None:
    assert article in ceased_note(code, str)


def test_earlier_keeps_its_shape_for_its_users() -> None:
    assert EARLIER["E07000004"] == (
        "Aylesbury Vale",
        ("E06000060",),
        "2020-04-01",
        "the Buckinghamshire (Structural Changes) Order 2019 (SI 2019/957), art 4(1)",
    )
    assert set(EARLIER) == set(earlier_areas())


def test_a_good_file_is_read(tmp_path: Path) -> None:
    (a,) = read_earlier_areas(_write(tmp_path, ROW))
    assert (a.code, a.successors, a.ceased.isoformat()) == (
        "E07000004",
        ("E06000060",),
        "2020-04-01",
    )
    assert (
        str(a.citation) == "Buckinghamshire (Structural Changes) Order 2019 (SI 2019/957), art 4(1)"
    )


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"code": "Jane Citizen"}, "code"),
        ({"code": "E12000001"}, "code"),  # a region
        ({"name": " "}, "name"),
        ({"successors": []}, "successors"),
        ({"successors": ["E06000060", "E06000060"]}, "successors"),
        ({"successors": ["E07000004"]}, "successors"),  # itself
        ({"successors": "E06000060"}, "successors"),
        ({"ceased": "2020-04-01"}, "ceased"),
        ({"ceased": dt.datetime(2020, 4, 1, 9, 0)}, "ceased"),
        ({"citation": "si-2019-957"}, "citation"),
        ({"citation": {"source": "pcsc-act-2022", "provision": "s.8"}}, "citation.source"),
        ({"citation": {"source": "no-such-order", "provision": "art 1"}}, "citation.source"),
        ({"citation": {"source": "si-2019-957", "provision": "  "}}, "citation.provision"),
        ({"citation": {"source": "si-2019-957", "provision": "art 4", "page": 1}}, "citation"),
        (
            {"citation": {"source": "si-2019-957", "provision": "art 4", "confidence": "maybe"}},
            "citation.confidence",
        ),
        (
            {
                "citation": {
                    "source": "si-2019-957",
                    "provision": "art 4",
                    "confidence": "unconfirmed",
                }
            },
            "citation.doubt",
        ),
        ({"county": True}, None),  # its name is not shown: it could be anything
    ],
)
def test_a_bad_row_names_the_file_row_and_field_not_the_value(
    tmp_path: Path, change: dict[str, Any], field: str | None
) -> None:
    other = {**ROW, "code": "E07000005", "name": "Chiltern"}
    path = _write(tmp_path, other, {**ROW, **change})
    assert _problems(path) == [(2, field)]
    with pytest.raises(AreaError) as err:
        read_earlier_areas(path)
    assert "Citizen" not in str(err.value)


def test_a_code_listed_twice_is_refused_at_its_second_row(tmp_path: Path) -> None:
    path = _write(tmp_path, ROW, {**ROW, "name": "Aylesbury"})
    assert _problems(path) == [(2, "code")]


def test_every_bad_row_is_named_not_only_the_first(tmp_path: Path) -> None:
    path = _write(tmp_path, {**ROW, "name": ""}, ROW, {**ROW, "code": "E07000005", "ceased": 2020})
    assert _problems(path) == [(1, "name"), (3, "ceased")]


def test_a_file_that_is_not_a_table_of_areas_is_refused_naming_it(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("areas = [", "utf-8")
    assert _problems(bad) == [(None, None)]
    bad.write_text('areas = "E07000004"\n', "utf-8")
    assert _problems(bad) == [(None, "areas")]
    assert _problems(tmp_path / "missing.toml") == [(None, None)]
