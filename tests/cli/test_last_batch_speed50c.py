"""``svduty classify`` classifies an incident file's short last batch with the one before.

A file of 2 x 65,536 + 100 incidents was classified in three batches; the rules cost
mostly per batch, so the last cost about as much as a long one's new combinations. It is
now classified with the one before. Counted (the batches the loop classifies), never
timed; the rows written and rejected, and the summary, must be those of the batches
classified in turn.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import svduty.io._incident_tables as incident_tables
import svduty.io._last_batch as last_batch
import svduty.io._run as run_module
from svduty.io._incidents import BATCH_ROWS

from ..cli_run import run

TAIL = 100
ROWS = 2 * BATCH_ROWS + TAIL
REFUSED = (7, 2 * BATCH_ROWS - 3, 2 * BATCH_ROWS + 5)  # ages the classifier rejects


def _jsonl(path: Path, bad: bool) -> Path:
    lines = []
    for i in range(ROWS):
        row = {"id": f"i{i}", "police_uk_category": "Robbery", "location": "E01031180"}
        row["victim_age"] = 200 if bad and i in REFUSED else 20 + i % 9
        lines.append(json.dumps(row))
    if bad:  # lines the reader rejects, in the last two batches
        lines[11] = lines[2 * BATCH_ROWS - 1] = lines[2 * BATCH_ROWS + 50] = "not json"
    path.write_text("\n".join(lines) + "\n")
    return path


def _csv(path: Path, bad: bool) -> Path:
    rows = ["id,police_uk_category,location,victim_age"]
    for i in range(ROWS):
        age = 200 if bad and i in REFUSED else 20 + i % 9
        rows.append(f"i{i},Robbery,E01031180,{age}")
    path.write_text("\n".join(rows) + "\n")
    return path


def _batches(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The rows of each batch the loop classifies."""
    sizes: list[int] = []
    real = run_module._each_row

    def counted(batch: Any, *args: Any, **kwargs: Any) -> Any:
        sizes.append(batch.num_rows)
        return real(batch, *args, **kwargs)

    monkeypatch.setattr(run_module, "_each_row", counted)
    return sizes


@pytest.mark.parametrize("make", [_jsonl, _csv])
def test_a_short_last_batch_is_classified_with_the_one_before(monkeypatch, tmp_path, make):
    path = make(tmp_path / f"in.{make.__name__[1:]}", bad=False)
    sizes = _batches(monkeypatch)
    code, _, err = run("classify", path, "--summary", "json", "-o", tmp_path / "out.jsonl")
    assert code == 0, err
    assert sizes == [BATCH_ROWS, BATCH_ROWS + TAIL]  # before: [65536, 65536, 100]


@pytest.mark.parametrize("make", [_jsonl, _csv])
def test_the_rows_written_and_rejected_are_those_of_the_batches_in_turn(
    monkeypatch, tmp_path, make
):
    path = make(tmp_path / f"in.{make.__name__[1:]}", bad=True)

    def classified(name: str) -> tuple[str, str, dict[str, Any]]:
        out, bad = tmp_path / f"{name}.csv", tmp_path / f"{name}.rejected.csv"
        code, text, err = run("classify", path, "--summary", "json", "-o", out, "--rejected", bad)
        assert code == 0, err
        return out.read_text(), bad.read_text(), json.loads(text)

    sizes = _batches(monkeypatch)
    joined = classified("joined")
    assert len(sizes) == 2
    monkeypatch.setattr(last_batch, "last_joined", lambda batches, small: batches)
    monkeypatch.setattr(incident_tables, "LATER_BATCHES", 1)  # CSV: slices of 65,536 again
    in_turn = classified("in_turn")
    assert len(sizes) == 5  # (the same file in three batches)
    assert joined == in_turn
    assert joined[2]["rejected"] == (6 if make is _jsonl else 3)
