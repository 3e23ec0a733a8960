"""The rows a police.uk file rejects reach the ``--rejected`` file in the file's row order.

The reader rejects a line with the wrong number of fields; the normaliser a row whose
month is not one; the consumer (:class:`~svduty.io.Tally`) sorts the rejected rows of each
batch. So every batch must hold the malformed lines that lie before its last row: a batch
of them alone, before the rows of their block, put a later line before an earlier row.
"""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from svduty.io import POLICE_UK_COLUMNS, read_police_uk
from svduty.io import _police_uk_fallback as fallback
from tests import traced_examples

HEADER = ",".join(POLICE_UK_COLUMNS)


def _line(kind: str, i: int) -> str:
    month = "2025-6x" if kind == "month" else "2025-06"
    cells = [f"id{i}", month, "W", "W", "-1.5", "52.3", "On or near X", "E01031005", "N 005A"]
    line = ",".join([*cells, "Burglary", "Under investigation", ""])
    return ",".join(line.split(",")[:5]) if kind == "fields" else line


def _rejected_in_stream_order(batches: list[pa.RecordBatch]) -> list[int]:
    out: list[int] = []
    for b in batches:  # as the Tally passes them on: batch after batch, each sorted
        rows = [
            r
            for r, why in zip(
                b.column("row").to_pylist(), b.column("rejected").to_pylist(), strict=True
            )
            if why
        ]
        out += sorted(rows)
    return out


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    kinds=st.lists(st.sampled_from(["good", "good", "month", "fields"]), min_size=1, max_size=60),
    block=st.sampled_from([256, 512, 4096, 1 << 20]),
)
def test_rejected_rows_come_in_row_order_from_both_readers(
    kinds: list[str], block: int, tmp_path_factory: object
) -> None:
    f: Path = tmp_path_factory.mktemp("o") / "m.csv"  # type: ignore[attr-defined]
    f.write_text(HEADER + "\n" + "\n".join(_line(k, i) for i, k in enumerate(kinds)) + "\n")
    want = [i + 2 for i, k in enumerate(kinds) if k != "good"]
    parallel = list(read_police_uk(f, block_size=block))
    serial = [b for b, _ in fallback.one_thread(f, block, None, 0)]
    assert _rejected_in_stream_order(parallel) == want
    assert _rejected_in_stream_order(serial) == want


def test_a_wrong_field_count_after_a_bad_month_comes_after_it(tmp_path: Path) -> None:
    f = tmp_path / "m.csv"
    lines = [_line(k, i) for i, k in enumerate(["good", "month", "fields", "good"])]
    f.write_text(HEADER + "\n" + "\n".join(lines) + "\n")
    for batches in (
        list(read_police_uk(f)),
        [b for b, _ in fallback.one_thread(f, 1 << 20, None, 0)],
    ):
        assert _rejected_in_stream_order(batches) == [3, 4]


def test_a_row_skipped_while_a_batch_is_numbered_is_not_lost(tmp_path: Path) -> None:
    """The one-thread reader wrote its list of skipped records back while the parser's
    read-ahead thread appended to it: now and then a record was lost, and the rows after
    it numbered one off (hypothesis caught it in CI, about 1 run in 250 of this file).
    Run many times: with the race back, this fails in most runs of the test."""
    kinds = [
        "fields",
        "good",
        "fields",
        "good",
        "good",
        "good",
        "month",
        "fields",
        "good",
        "fields",
        "fields",
        "month",
        "good",
        "good",
        "good",
        "month",
        "good",
        "good",
        "good",
        "fields",
        "good",
        "month",
        "fields",
        "good",
        "month",
        "good",
        "good",
        "good",
        "good",
        "good",
        "good",
        "fields",
        "good",
        "fields",
    ]
    f = tmp_path / "m.csv"
    f.write_text(HEADER + "\n" + "\n".join(_line(k, i) for i, k in enumerate(kinds)) + "\n")
    want = [i + 2 for i, k in enumerate(kinds) if k != "good"]

    def both_readers() -> None:  # the parallel reader beside, as in the test above: threads busy
        assert _rejected_in_stream_order(list(read_police_uk(f, block_size=512))) == want
        serial = [b for b, _ in fallback.one_thread(f, 512, None, 0)]
        assert _rejected_in_stream_order(serial) == want

    read = traced_examples.repeated(both_readers)  # coverage: the first reads counted (ci60b)
    for _ in range(400):
        read()
