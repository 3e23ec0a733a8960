"""s.16(1) and s.17(1) given the records' collection: the records found by id (recheck54).

``may_disclose`` and ``may_require_information`` given ``authorities=`` (law54) found each
record by a scan of the collection, once a question. The collection's records by id are
now made once a collection, and dropped with it.

Also: ``may_disclose(a, a, ..., authorities=c)`` did not check that ``a`` is the
collection's own record (``may_require_information`` did).
"""

from __future__ import annotations

import gc
import inspect
import weakref

import pytest

from svduty.authorities import (
    Authorities,
    Authority,
    AuthorityCategory,
    may_disclose,
)
from svduty.errors import ConflictError
from svduty.sources import cite

from ..disclosure_facts import NOTHING_FORBIDS

CITE = cite("pcsc-act-2022", "Sch 1")
ON = "2024-06-01"


def _record(name: str, link: str | None = None) -> Authority:
    return Authority(
        name,
        name.upper(),
        AuthorityCategory.DISTRICT_COUNCIL,
        ("E07000901",),
        CITE,
        same_body_as=link,
    )


def test_the_records_index_is_the_collections_own() -> None:
    # the records are found by id once a collection (recheck54: not a scan a question);
    # a record equal to the collection's is its own, an evolved collection is read afresh,
    # and the index neither outlives its collection nor keeps it alive
    index = inspect.unwrap(may_disclose).__globals__["one_body_known"].__globals__["_INDEX"]
    d, e = _record("d"), _record("e")
    first = Authorities((d, e))
    assert may_disclose(_record("d"), e, NOTHING_FORBIDS, on=ON, authorities=first).yes
    kept = first.as_at(ON)
    assert may_disclose(d, e, NOTHING_FORBIDS, on=ON, authorities=kept).yes
    with pytest.raises(ConflictError):
        may_disclose(d, e, NOTHING_FORBIDS, authorities=Authorities((d,)))
    keys, gone = {id(first), id(kept)}, weakref.ref(first)
    assert keys <= index.keys()
    del first, kept
    gc.collect()
    assert gone() is None
    assert not keys & index.keys()


def test_one_record_asked_of_itself_is_checked_against_the_collection() -> None:
    d, other = _record("d"), _record("other")
    with pytest.raises(ConflictError) as e:
        may_disclose(d, d, NOTHING_FORBIDS, authorities=Authorities((other,)))
    assert [p.message for p in e.value.problems] == [
        "the discloser's record 'd' is not among the authorities given",
        "the recipient's record 'd' is not among the authorities given",
    ]
    assert may_disclose(d, d, NOTHING_FORBIDS, authorities=Authorities((d,))).no
