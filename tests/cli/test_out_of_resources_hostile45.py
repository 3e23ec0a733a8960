"""Memory or threads refused by the system: said so, not "unexpected ...; please report it".

``ulimit -v 600000; svduty classify months/ -o rows.parquet`` said "unexpected
ArrowMemoryError; please report it", and at a lower limit "unexpected RuntimeError" (Python
could not start a reading thread), or pyarrow's "Failed to launch worker thread" (hostile45):
a limit of the machine, not a fault to report. Each is one line, exit status 1, no output
left, and no value of the input in it.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest

from svduty._commands import classify
from svduty.cli import main
from svduty.io import sample_police_uk

CANARY = "Jane Canary 1990-01-02"
REFUSED = [
    MemoryError(),
    pa.ArrowMemoryError(f"malloc of size 64 failed ({CANARY})"),
    RuntimeError("can't start new thread"),
    pa.ArrowException(
        f"Unknown error: Failed to launch worker thread: Resource temporarily unavailable {CANARY}"
    ),
]


@pytest.mark.parametrize("refused", REFUSED, ids=lambda e: type(e).__name__)
def test_memory_or_threads_refused_are_told_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, refused: Exception
) -> None:
    month = tmp_path / "m.csv"
    month.write_bytes(sample_police_uk().read_bytes())
    real = classify.run_pipeline

    def refusing(batches: Any, *args: Any, **kwargs: Any) -> Any:
        def some() -> Any:
            yield next(iter(batches))
            raise refused

        return real(some(), *args, **kwargs)

    monkeypatch.setattr(classify, "run_pipeline", refusing)
    monkeypatch.delenv("SVDUTY_DEBUG", raising=False)
    err = io.StringIO()
    out = tmp_path / "rows.parquet"
    assert main(["classify", str(month), "-o", str(out)], stdout=io.StringIO(), stderr=err) == 1
    said = err.getvalue().splitlines()
    assert said == [
        "svduty classify: error: the system refused memory or a thread (a limit such as "
        "ulimit -v or a container's, or the machine's memory): expected the memory and "
        "threads to read and write the files"
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.csv"]


def test_another_runtime_error_is_still_unexpected(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    month = tmp_path / "m.csv"
    month.write_bytes(sample_police_uk().read_bytes())

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError(CANARY)

    monkeypatch.setattr(classify, "run_pipeline", broken)
    monkeypatch.delenv("SVDUTY_DEBUG", raising=False)
    err = io.StringIO()
    assert main(["classify", str(month)], stdout=io.StringIO(), stderr=err) == 1
    assert err.getvalue() == (
        "svduty classify: error: unexpected RuntimeError; please report it "
        "(SVDUTY_DEBUG=1 shows the traceback)\n"
    )
