"""A problem in a day kept privately is named by the key the file gives it (lead, session 47).

``speed47a`` keeps ``Source.date`` and ``Citation.as_at`` in private fields (``_date``,
``_as_at``) read under their old keys; a wrong value in one was reported as
``sources[0]._date``, a name no bundle file has (found by ``tests/fuzz/test_bundles.py`` in the
fresh-clone run).
"""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from svduty.errors import DataError
from svduty.io._converter import make_converter
from svduty.io._structural import problems_from
from svduty.sources import Citation, Source

_SOURCE = {"id": "x", "title": "T", "kind": "report", "url": "https://example.org"}
_CITATION = {"source": "pcsc-act-2022", "provision": "s.8"}


@pytest.mark.parametrize(
    ("record", "cls", "key"),
    [(_SOURCE, Source, "date"), (_CITATION, Citation, "as_at")],
)
@pytest.mark.parametrize("value", [datetime.time(0, 0), "2023-02-30", 5])
def test_the_key_is_the_files(record: dict[str, Any], cls: type, key: str, value: Any) -> None:
    with pytest.raises((ExceptionGroup, DataError)) as caught:
        make_converter().structure({**record, key: value}, cls)
    fields = [p.field for p in problems_from(caught.value, "bundle.toml")]
    assert fields == [key]
