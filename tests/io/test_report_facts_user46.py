"""The report's missing-fact lists: the facts every row shares said once, each row the rest.

police.uk rows never carry 9 to 14 of the facts the rules use, so the summary's
"by the facts missing" table and the "what would settle" table listed the same long run of
facts in every row, and the few facts that told rows apart were lost among them (left by
`contract45`). Each table is now preceded by the facts its rows share, said once; a row
lists the rest, and shared plus rest is the row's whole list (the CSV keeps it whole).
"""

from __future__ import annotations

import re
from html import unescape

import pytest
from hypothesis import given
from hypothesis import strategies as st

import svduty
from svduty._report._facts import _ONLY, _rest, shared
from svduty.io import sample_police_uk
from tests.io.test_report import MONTHS, Page, number


def _said_once(html: str, section: str, who: str) -> set[str]:
    """The facts the list before the section's table says ``who`` shares."""
    body = html.split(f'<section id="{section}">', 1)[1].split("</section>", 1)[0]
    found = re.search(rf"<li><b>{re.escape(who)}</b>: ([^<]*)</li>", body)
    return set(unescape(found.group(1)).split(", ")) if found else set()


def _facts(cell: str) -> set[str]:
    return set() if cell in ("", _ONLY) or cell.startswith("(none") else set(cell.split(", "))


@pytest.fixture(
    scope="module",
    params=[sample_police_uk(), MONTHS / "2019-01-warwickshire-street.csv"],
    ids=["2025-06", "2019-01"],
)
def month(request):
    return svduty.report(request.param)


@pytest.fixture(scope="module")
def page(month):
    p = Page()
    p.feed(month.html)
    return p


def test_the_summary_says_each_answers_shared_facts_once_and_each_group_the_rest(month, page):
    by_missing = month.summary.undetermined_by_missing
    t = page.table("Undetermined rows (inside, outside, unlocated) by the facts missing")
    seen: dict[str, dict[frozenset[str], int]] = {}
    for answer, cell, rows in t["rows"]:
        common = _said_once(month.html, "summary", answer)
        assert not common & _facts(cell), (answer, cell)  # a shared fact is not said again
        whole = frozenset(common | _facts(cell))
        seen.setdefault(answer, {})[whole] = int(number(rows))
    expected = {
        a: {frozenset(k.split(", ")) if k else frozenset(): n for k, n in c.items()}
        for a, c in by_missing.items()
    }
    assert seen == expected  # shared + rest: every group whole, its count kept
    longest = max(len(_facts(r[1])) for r in t["rows"])
    assert longest < max(len(k.split(", ")) for c in by_missing.values() for k in c)


def test_the_settle_table_says_the_shared_facts_once_and_each_category_the_rest(month, page):
    inside = [s for s in month.settlements if s.within_area == "inside"]
    t = page.table("What would settle the undetermined rows inside the area")
    assert len(t["rows"]) == len(inside) >= 2
    head = ("with the offence code, still needed", "facts that would settle them")
    common = [_said_once(month.html, "settle", h) for h in head]
    assert all(common)  # police.uk months: the categories share most of their facts
    for s, row in zip(inside, t["rows"], strict=True):
        assert row[0] == (s.category or "(no category)")
        for facts, cell, shared_facts in zip(
            (s.after_code, s.missing), row[3:], common, strict=True
        ):
            assert not shared_facts & _facts(cell)
            assert (shared_facts | _facts(cell) if facts else set()) == set(facts)


@given(st.lists(st.lists(st.sampled_from("abcdefg"), max_size=6), max_size=6))
def test_shared_facts_and_the_rest_make_each_list_whole(lists):
    common = shared(lists)
    for facts in lists:
        assert set(common) <= set(facts) or not facts
        rest = _rest(facts, common)
        back = set() if rest in ("", _ONLY) else set(rest.split(", "))
        assert back | (set(common) if facts else set()) == set(facts)
    if sum(1 for f in lists if f) < 2:
        assert common == ()
