"""Fuzz: the public functions that stream batches refuse a wrong argument as svduty errors.

``@checked`` turns a failure on a wrong argument into an
:class:`~svduty.errors.ArgumentError` (or a :class:`~svduty.errors.DataError` for a path
no system can open), but it wrapped only the call: a generator function's body runs as
its batches are read, after the call has returned. Before hostile47
``iter_incidents_jsonl(5)`` and ``iter_incident_table(None)`` raised Python's own
``TypeError`` at the first batch, and ``iter_incidents("a\\x00b")`` a ``ValueError``
("embedded null byte"), while their ``read_...`` twins said which argument was wrong.
Property: every streaming entry point, given any value for any of its arguments, yields
batches or raises a :class:`~svduty.errors.SvdutyError`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from svduty.errors import SvdutyError
from svduty.io import (
    classify_batches,
    iter_incident_table,
    iter_incidents,
    iter_incidents_jsonl,
    read_police_uk,
    sample_police_uk,
)

from .budget import budget

_WRONG = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**70), 2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.binary(max_size=8),
    st.text(max_size=8).map(lambda t: f"in{t}\x00.jsonl"),
    st.just("x" * 5000),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.integers(), st.integers(), max_size=2),
    st.just(object()),
)


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("streams")
    jsonl = folder / "in.jsonl"
    jsonl.write_text('{"id": "a", "offence_code": "8N"}\n', encoding="utf-8")
    table = folder / "in.csv"
    table.write_text("Ref,Code\na,8N\n", encoding="utf-8")
    return {"jsonl": jsonl, "csv": table, "police": Path(sample_police_uk())}


def _calls(files: dict[str, Path]) -> dict[str, tuple[Any, dict[str, Any]]]:
    """Each streaming function with good arguments, by name."""
    mapping = {"Ref": "id", "Code": "offence_code"}
    return {
        "iter_incidents_jsonl": (iter_incidents_jsonl, {"path": files["jsonl"], "batch_rows": 2}),
        "iter_incident_table": (
            iter_incident_table,
            {"path": files["csv"], "mapping": mapping, "list_separator": ";"},
        ),
        "iter_incidents": (iter_incidents, {"inputs": files["jsonl"], "mapping": None}),
        "read_police_uk": (read_police_uk, {"inputs": files["police"], "block_size": 1 << 20}),
        "classify_batches": (
            classify_batches,
            {
                "batches": [pa.record_batch({"id": ["a"]})],
                "resolve_areas": lambda codes, names: None,
                "classify": lambda t: t,
                "within": lambda c: False,
            },
        ),
    }


_NAMES = [
    "iter_incidents_jsonl",
    "iter_incident_table",
    "iter_incidents",
    "read_police_uk",
    "classify_batches",
]


@budget(80)
@given(name=st.sampled_from(_NAMES), which=st.integers(0, 3), value=_WRONG)
@example(name="iter_incidents_jsonl", which=0, value=5)  # TypeError before
@example(name="iter_incidents_jsonl", which=1, value=1 << 63)  # Arrow's OverflowError before
@example(name="iter_incident_table", which=0, value=None)  # TypeError before
@example(name="iter_incidents", which=0, value="a\x00b")  # ValueError before
def test_a_stream_given_a_wrong_argument_raises_a_svduty_error(files, name, which, value) -> None:  # type: ignore[no-untyped-def]
    function, kwargs = _calls(files)[name]
    key = list(kwargs)[which % len(kwargs)]
    kwargs = {**kwargs, key: value}
    try:
        for _ in zip(range(3), function(**kwargs), strict=False):
            pass
    except SvdutyError:
        pass
