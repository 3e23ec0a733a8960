"""``svduty classify`` numbers its reader's batches on the reading thread, one batch ahead.

The loop's thread is the one every batch waits on: numbering a batch's rows by their
combination (about 5 ms a batch of real months) is done while the loop answers and
counts the batch before, when the batches are svduty's own reader's
(:class:`~svduty.io._ahead.Ahead`), rows written or not (written: since speed50f).
Counted, not timed: which thread numbers each batch, and the summary the same either way.
"""

from __future__ import annotations

import json
import threading

import pytest

from svduty.io import _alike, default_pipeline, read_police_uk, run_pipeline, sample_police_uk
from svduty.io._ahead import Ahead

BLOCK = 1 << 16  # the sample month in several batches


def _numbering_threads(monkeypatch) -> list[str]:
    threads: list[str] = []
    numbered = _alike.numbered

    def counted(*args, **kwargs):
        threads.append(threading.current_thread().name)
        return numbered(*args, **kwargs)

    monkeypatch.setattr(_alike, "numbered", counted)
    return threads


def test_the_commands_batches_are_numbered_on_the_reading_thread(monkeypatch):
    threads = _numbering_threads(monkeypatch)
    batches = read_police_uk(sample_police_uk(), block_size=BLOCK)
    summary = run_pipeline(Ahead(batches), default_pipeline())
    assert summary.rows_in == 4586
    assert len(threads) > 3  # every batch ...
    assert set(threads) == {"svduty-read"}  # ... numbered off the loop's thread
    assert not [t for t in threading.enumerate() if t.name == "svduty-read"]  # ended


def test_other_batches_are_numbered_on_the_callers_thread(monkeypatch):
    threads = _numbering_threads(monkeypatch)
    run_pipeline(read_police_uk(sample_police_uk(), block_size=BLOCK), default_pipeline())
    rows: list[object] = []
    run_pipeline(
        read_police_uk(sample_police_uk(), block_size=BLOCK), default_pipeline(), rows.append
    )
    assert len(threads) > 6
    assert set(threads) == {threading.current_thread().name}


def test_written_rows_are_numbered_ahead_too(monkeypatch):
    # (speed50f: a writer's batches were numbered on the caller's thread until then)
    threads = _numbering_threads(monkeypatch)
    rows: list[object] = []
    batches = Ahead(read_police_uk(sample_police_uk(), block_size=BLOCK))
    run_pipeline(batches, default_pipeline(), rows.append)
    assert len(threads) > 3
    assert set(threads) == {"svduty-read"}


def test_the_summary_is_the_same_read_ahead_or_not():
    def summary(ahead: bool) -> dict[str, object]:
        batches = read_police_uk(sample_police_uk(), block_size=BLOCK)
        return run_pipeline(Ahead(batches) if ahead else batches, default_pipeline()).to_json()

    assert summary(True) == summary(False)


def test_an_error_in_the_loop_stops_the_reading_thread():
    def failing(batch):
        raise RuntimeError("the pipeline failed")

    failing._numbered = default_pipeline()._numbered  # type: ignore[attr-defined]
    batches = Ahead(read_police_uk(sample_police_uk(), block_size=BLOCK))
    with pytest.raises(Exception, match="failed"):
        run_pipeline(batches, failing)
    assert not [t for t in threading.enumerate() if t.name == "svduty-read"]


def test_the_classify_command_numbers_a_summarys_batches_ahead(monkeypatch):
    from ..cli_run import run

    threads = _numbering_threads(monkeypatch)
    month = str(sample_police_uk())
    code, out, _ = run("classify", month, "--summary", "json")
    assert code == 0
    assert json.loads(out)["rows_in"] == 4586
    assert threads == ["svduty-read"]  # the sample month: one batch, numbered ahead
