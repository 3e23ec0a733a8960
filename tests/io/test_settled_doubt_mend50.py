"""A bundle that settles a doubt the law leaves open says so (mend50).

SI 2023/1432 art 1(2)-(3) and art 41 do not settle whether the commissioner or the combined
authority was North Yorkshire's fire and rescue authority from 20 December 2023 to 6 May
2024; ``svduty init`` writes both records in doubt over those days (``InDoubt``). A
partnership may take one reading in its bundle (its answers follow it), but before, a
bundle's record holding those days undoubted settled the doubt silently: ``svduty
validate`` said ok and ``svduty info`` said nothing. Both now say it (``BUNDLE-SETTLES-DOUBT``,
a warning), naming the record and the days, citing the order and the record's own source.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import svduty
from svduty.io._completeness import check_completeness

from ..bundles import edited_bundle
from ..cli_run import run

YORK = "E06000014"
FORMER = "north-yorkshire-commissioner-fire-and-rescue-authority"
SUCCESSOR = "north-yorkshire-fire-and-rescue-authority"
_IN_DOUBT = re.compile(r"\[authorities\.in_doubt\.valid\]\n(?:.*\n)*?doubt = .*\n")
_SUCCESSOR_START = 'start = "2023-12-20"\n\n[authorities.citation]'


def _bundle(tmp_path: Path, edit) -> Path:
    return edited_bundle(tmp_path, YORK, "york", edit)


def _undoubted(text: str) -> str:
    out, n = _IN_DOUBT.subn("", text)
    assert n == 2
    return out


def _change_on_7_may(text: str) -> str:
    """Read as a whole: the commissioner to 6 May 2024, the combined authority from 7 May."""
    assert _SUCCESSOR_START in text
    on_7_may = _SUCCESSOR_START.replace("2023-12-20", "2024-05-07")
    return _undoubted(text).replace(_SUCCESSOR_START, on_7_may)


def _change_on_20_december(text: str) -> str:
    """Read literally: the commissioner to 19 December 2023, the combined authority after."""
    text = _undoubted(text)
    at = text.index(f'id = "{FORMER}"')
    head, tail = text[:at], text[at:]
    former_end = 'start = "2023-01-31"\nend = "2024-05-07"'
    assert former_end in tail
    return head + tail.replace(former_end, 'start = "2023-01-31"\nend = "2023-12-20"', 1)


def _settles(path: Path) -> list:
    found = check_completeness(svduty.load_partnership(path)).warnings
    return [f for f in found if f.rule == "BUNDLE-SETTLES-DOUBT"]


def test_a_bundle_reading_the_order_as_a_whole_is_told_it_settles_the_doubt(tmp_path):
    path = _bundle(tmp_path, _change_on_7_may)
    (f,) = _settles(path)
    assert f.subjects[0] == FORMER
    assert "from 2023-12-20 to 2024-05-06, not in doubt" in f.message
    assert [c.source.id for c in f.citations] == ["si-2023-1432", "pcsc-act-2022"]
    assert f.citations[0].provision == "art 1(2), (3); art 41; arts 50-52, 54, 55"
    assert dict(f.data)["days"] == "2023-12-20 to 2024-05-06"


def test_a_bundle_reading_the_order_literally_is_told_too(tmp_path):
    path = _bundle(tmp_path, _change_on_20_december)
    (f,) = _settles(path)
    assert f.subjects[0] == SUCCESSOR
    assert "from 2023-12-20 to 2024-05-06" in f.message


def test_a_record_marked_in_doubt_on_only_some_of_the_days_is_told(tmp_path):
    def part(text: str) -> str:
        doubt = 'start = "2023-12-20"\nend = "2024-05-07"'
        assert text.count(doubt) == 2
        return text.replace(doubt, doubt.replace("2023-12-20", "2024-02-01"))

    assert {f.subjects[0] for f in _settles(_bundle(tmp_path, part))} == {FORMER, SUCCESSOR}


def test_validate_warns_and_passes(tmp_path):
    path = _bundle(tmp_path, _change_on_7_may)
    code, out, _ = run("validate", path)
    assert code == 0  # the partnership's reading may stand
    assert "BUNDLE-SETTLES-DOUBT" in out
    assert FORMER in out
    assert "SI 2023/1432" in out


def test_info_marks_the_record_and_says_why(tmp_path):
    path = _bundle(tmp_path, _change_on_7_may)
    code, out, _ = run("info", "--partnership", path)
    assert code == 0
    assert "(settles a doubt 2023-12-20 to 2024-05-06: see below)" in out
    assert "\nSettled by the bundle (the law read two ways; its reading):\n" in out
    code, out, _ = run("info", "--partnership", path, "--format", "json")
    records = json.loads(out)["authorities"]["by_role"]["specified_authority"]
    settles = {a["id"]: a["settles_doubt"] for a in records}
    assert settles[SUCCESSOR] is None
    assert settles[FORMER]["days"] == "2023-12-20 to 2024-05-06"
    assert [c["source"] for c in settles[FORMER]["citations"]] == ["si-2023-1432", "pcsc-act-2022"]


def test_the_records_as_init_writes_them_settle_nothing(tmp_path):
    """Guard: both in doubt over the days: nothing settled."""
    path = _bundle(tmp_path, lambda text: text)
    assert _settles(path) == []
    assert "settles a doubt" not in run("info", "--partnership", path)[1]


def test_a_record_that_ends_before_the_doubt_settles_nothing(tmp_path):
    """Guard: a record of North Yorkshire's fire and rescue authority before 20 December 2023."""

    def before(text: str) -> str:
        text = _change_on_20_december(text)
        on_7_may = _SUCCESSOR_START.replace("2023-12-20", "2024-05-07")
        return text.replace(_SUCCESSOR_START, on_7_may)

    assert _settles(_bundle(tmp_path, before)) == []
