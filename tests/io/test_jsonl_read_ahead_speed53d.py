"""A JSON Lines file's first block read ahead while the readers' modules load (speed53d).

``svduty classify`` of a JSON Lines file read its first block (65,536 lines, parsed by
pyarrow) only once the reading thread had imported the incident readers: the loop waited
for it. The block is now read and parsed on a thread of its own from the moment the
reading thread starts (``io._jsonl_ahead.jsonl_ahead``; since speed54c the whole block
made into rows there, ``tests/io/test_jsonl_first_block_speed54c.py``). These tests hold
the reader to what it gave before: the same batches read ahead or not (with small blocks,
any lines), nothing kept.
"""

from __future__ import annotations

import io
import json
import threading
from pathlib import Path
from typing import Any
from unittest.mock import patch

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from svduty.cli import main
from svduty.io import _incidents, _jsonl_ahead
from svduty.io._incidents import iter_incidents_jsonl
from svduty.io._jsonl_ahead import jsonl_ahead

LINE = st.one_of(
    st.fixed_dictionaries(
        {}, optional={"id": st.text(max_size=3), "victim_age": st.integers(0, 99)}
    ).map(json.dumps),
    st.sampled_from(["", '{"id": "a", "harms": ["injury"]}', '{"id":', "[1]", '{"nope": 1}']),
)


def _read(f: Path, *, ahead: bool, lines: int) -> list[dict[str, Any]]:
    with patch.object(_incidents, "_BLOCK", lines), patch.object(_jsonl_ahead, "LINES", lines):
        if not ahead:
            return [r for b in iter_incidents_jsonl(f) for r in b.to_pylist()]
        with jsonl_ahead([f]):
            _wait_for_the_thread()
            return [r for b in iter_incidents_jsonl(f) for r in b.to_pylist()]


def _wait_for_the_thread() -> None:
    for thread in threading.enumerate():
        if thread.name == "svduty-read-ahead":
            thread.join()


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(LINE, min_size=1, max_size=12), st.integers(1, 5), st.sampled_from(["\n", "\r\n"]))
def test_a_file_read_ahead_gives_the_rows_it_gives_read_where_due(
    tmp_path_factory: Any, lines: list[str], block: int, end: str
) -> None:
    f = tmp_path_factory.mktemp("j") / "i.jsonl"
    f.write_text(end.join(lines) + end, newline="")
    assert _read(f, ahead=True, lines=block) == _read(f, ahead=False, lines=block)
    assert not _jsonl_ahead._AHEAD


def test_a_file_of_one_block_or_another_kind_is_not_read_ahead(tmp_path: Path) -> None:
    small, csv = tmp_path / "i.jsonl", tmp_path / "i.csv"
    small.write_text('{"id": "a"}\n')
    csv.write_text("id\na\n")
    for paths in ([small], [csv], [tmp_path / "none.jsonl"], [tmp_path], []):
        with jsonl_ahead(paths):
            _wait_for_the_thread()
            assert not any(a.found for a in _jsonl_ahead._AHEAD)  # nothing made ahead
        assert not _jsonl_ahead._AHEAD


def test_the_command_takes_the_first_block_and_says_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    f = tmp_path / "i.jsonl"
    f.write_text("".join(json.dumps({"id": str(i), "offence_code": "8N"}) + "\n" for i in range(9)))
    monkeypatch.setattr(_incidents, "_BLOCK", 4)
    monkeypatch.setattr(_jsonl_ahead, "LINES", 4)
    outs = []
    for _ in range(2):
        out, err = io.StringIO(), io.StringIO()
        assert main(["classify", str(f), "--summary", "json"], stdout=out, stderr=err) == 0
        outs.append((out.getvalue(), err.getvalue()))
    taken: list[bool] = []
    real = _jsonl_ahead.taken

    def counted(*args: Any) -> Any:
        found = real(*args)
        taken.append(found is not None)
        return found

    monkeypatch.setattr(_incidents, "taken", counted)
    out, err = io.StringIO(), io.StringIO()
    assert main(["classify", str(f), "--summary", "json"], stdout=out, stderr=err) == 0
    assert (out.getvalue(), err.getvalue()) == outs[0] == outs[1]
    assert taken == [True]  # the reader waits for the block made ahead, and takes it
    assert not _jsonl_ahead._AHEAD
