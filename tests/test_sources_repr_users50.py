"""A catalogue of sources prints short: its size and first ids, not every source (users50).

``Sources`` printed every source it holds, notes and all: ``repr(CATALOGUE)`` was about
40,000 characters, ``repr(svduty.warwickshire().sources)`` 47,000. A developer meets it in
``help()`` and a notebook's signature tooltip: ``svduty.io.read_scenario``'s default
``sources=CATALOGUE`` made its signature a page of legislation notes. Now it is the count
and the first ids; the sources themselves are a lookup away (``CATALOGUE["cda-1998"]``).
"""

from __future__ import annotations

import inspect

import svduty
from svduty.io import read_scenario
from svduty.sources import CATALOGUE, Source, SourceKind, Sources


def test_the_catalogue_prints_its_size_and_first_ids() -> None:
    text = repr(CATALOGUE)
    assert len(text) < 200, text
    assert f"{len(CATALOGUE)} sources" in text
    assert next(iter(CATALOGUE)) in text


def test_a_signature_with_the_catalogue_as_default_is_one_line() -> None:
    assert len(str(inspect.signature(read_scenario))) < 250
    assert len(repr(svduty.warwickshire().sources)) < 200


def test_a_small_catalogue_prints_every_id_and_still_compares_by_content() -> None:
    one = Sources.of([Source("a", "A", SourceKind.OTHER)])
    assert "<1 source: a>" in repr(one)
    assert one == Sources.of([Source("a", "A", SourceKind.OTHER)])
    assert one != Sources.of([Source("a", "B", SourceKind.OTHER)])
