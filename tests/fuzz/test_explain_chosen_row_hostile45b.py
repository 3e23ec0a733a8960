"""Fuzz: ``svduty explain FILE --row N`` (or ``--id``) reads only the incident it chose.

Before hostile45b ``explain`` built an :class:`~svduty.definitions.Incident` for every row
of the file, and only then kept the one ``--row`` or ``--id`` chose: explaining one row of
a police.uk month of 50,000 rows took 12 s (600,000 rows: 137 s), where ``svduty
classify`` reads the whole month in about a second. Rows not chosen are now skipped before
an incident is built (for a police.uk month or an incident table, in Arrow). Counted (the
incidents built), not timed; the answer for the row or id chosen is the one the whole
file's explanation gives it, for rows kept and rejected, a row past the end or huge, and
ids repeated, numeric or personal (never shown).
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from svduty.cli import main
from svduty.definitions import _incident
from svduty.io import sample_police_uk

CANARY = "Jane Canary 1990-01-02"  # personal data: never in what explain says of a row


def _police_uk(folder: Path) -> Path:
    """120 rows of the sample month; some with the canary as their month or crime type."""
    with open(sample_police_uk(), newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], [list(r) for r in rows[1:121]]
    for i, r in enumerate(body):
        if i % 9 == 4:
            r[1] = CANARY
        if i % 9 == 7:
            r[9] = CANARY
        if i % 9 == 2:
            r[0] = CANARY
    path = folder / "month.csv"
    with open(path, "w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows([header, *body])
    return path


def _incidents(folder: Path) -> list[Path]:
    ids: list[Any] = [CANARY, 7, "7", None, "a", CANARY]
    records = []
    for i in range(90):
        r = {"id": ids[i % len(ids)], "date": "2025-06-03", "offence_code": "8N"}
        if r["id"] is None:
            del r["id"]
        if i % 11 == 3:
            r["victim_age"] = CANARY  # rejected
        records.append(r)
    jsonl = folder / "in.jsonl"
    jsonl.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    table = folder / "in.csv"
    with open(table, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id", "date", "offence_code", "victim_age"])
        for r in records:
            w.writerow([r.get("id", ""), r["date"], r["offence_code"], r.get("victim_age", "")])
    return [jsonl, table]


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("chosen")
    return [_police_uk(folder), *_incidents(folder)]


def _explain(args: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["explain", *args, "--format", "json"], stdout=out, stderr=err)
    assert "unexpected" not in err.getvalue()
    assert "Traceback" not in err.getvalue()
    assert CANARY not in err.getvalue()
    return code, out.getvalue(), err.getvalue()


def _by_row(text: str) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    for line in text.splitlines():
        found.setdefault(json.loads(line)["row"], []).append(line)
    return found


def test_one_row_builds_one_incident(files: list[Path], monkeypatch: pytest.MonkeyPatch) -> None:
    built: list[int] = []
    real = _incident.Incident.from_json.__func__  # type: ignore[attr-defined]

    def counted(cls: Any, *args: Any, **kwargs: Any) -> Any:
        built.append(1)
        return real(cls, *args, **kwargs)

    monkeypatch.setattr(_incident.Incident, "from_json", classmethod(counted))
    for path in files:
        built.clear()
        code, _, err = _explain([str(path), "--row", "3"])
        assert code in (0, 1), (path.name, err)
        assert len(built) <= 1, (path.name, len(built))  # before: every row's


# The whole file's explanation, the same for every example of one file: made once a file
# (it was made again for each of the 60 examples, half of the suite's second slowest test).
_WHOLE: dict[Path, tuple[str, str]] = {}


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    which=st.integers(0, 2),
    row=st.one_of(st.integers(1, 130), st.integers(10**18, 10**30)),
    by_id=st.sampled_from([None, "7", "a", "b", CANARY]),
)
def test_the_row_chosen_is_explained_as_in_the_whole_file(
    files: list[Path], which: int, row: int, by_id: str | None
) -> None:
    path = files[which]
    if path not in _WHOLE:  # each file's whole explanation once, not once an example (ci57a)
        _WHOLE[path] = _explain([str(path)])[1:]
    whole, whole_err = _WHOLE[path]
    assert len(whole.splitlines()) > 40  # most rows are kept
    chosen = ["--row", str(row)] if by_id is None else ["--id", by_id]
    code, out, err = _explain([str(path), *chosen])
    rows = _by_row(whole)
    if by_id is None:
        expected = "".join(line + "\n" for line in rows.get(row, []))
        rejected = f": row {row}: " in whole_err
    else:
        expected = "".join(
            line + "\n" for line in whole.splitlines() if json.loads(line)["id"] == by_id
        )
        rejected = False
    assert out == expected
    assert code == (0 if expected and not rejected else 1) or by_id is not None
    assert CANARY not in err
