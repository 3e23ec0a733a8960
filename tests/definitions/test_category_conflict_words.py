"""An offence code published under another police.uk category: both engines say it alike.

The scalar engine said "offence code 1 is published as 'Violence and sexual offences'", the
columnar one "the offence code is published under another category": a row rejected in
other words by ``svduty.classify`` and by ``classify_table`` (owhr-recheck43, found by a
property drawing offence codes and categories together). The code is one of the offence
table's and the category one of police.uk's, so neither can be personal data.
"""

from __future__ import annotations

import itertools

from svduty.definitions import Incident, split_rejected
from svduty.definitions._offences import POLICE_UK_CATEGORIES
from svduty.errors import ConflictError

from .helpers import to_table

CODES = ["1", "8n", "008N", "4/1", "19C", "56A", "3B", "1/4.1/4.10/4.2", "99Z"]


def test_both_engines_word_the_category_conflict_alike() -> None:
    rows = [
        {"offence_code": code, "police_uk_category": cat.name}
        for code, cat in itertools.product(CODES, POLICE_UK_CATEGORIES)
    ]
    rejected: dict[int, list[tuple[str | None, str]]] = {}
    for i, row in enumerate(rows, start=1):
        try:
            Incident.from_json(row)
        except ConflictError as exc:
            rejected[i] = sorted((p.field, p.message) for p in exc.problems)
    _, problems = split_rejected(to_table(rows, all_columns=False))
    columnar: dict[int, list[tuple[str | None, str]]] = {}
    for p in problems:
        columnar.setdefault(p.row or 0, []).append((p.field, p.message))
    assert {i: sorted(v) for i, v in columnar.items()} == rejected
    words = {m for found in rejected.values() for _, m in found}
    assert "offence code 8N is published as 'Violence and sexual offences'" in words
