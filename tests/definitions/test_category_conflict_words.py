"""An offence code published under another police.uk category: both engines say it alike.

The scalar engine said "offence code 1 is published as 'Violence and sexual offences'", the
columnar one "the offence code is published under another category": a row rejected in
other words by ``svduty.classify`` and by ``classify_table`` (owhr-recheck43, found by a
property drawing offence codes and categories together). The code is one of the offence
table's and the category one of police.uk's, so neither can be personal data.
"""

from __future__ import annotations

import itertools

from svduty.definitions._offences import POLICE_UK_CATEGORIES

from .helpers import conflicts_by_both_engines

CODES = ["1", "8n", "008N", "4/1", "19C", "56A", "3B", "1/4.1/4.10/4.2", "99Z"]


def test_both_engines_word_the_category_conflict_alike() -> None:
    rows = [
        {"offence_code": code, "police_uk_category": cat.name}
        for code, cat in itertools.product(CODES, POLICE_UK_CATEGORIES)
    ]
    rejected, columnar = conflicts_by_both_engines(rows)
    assert columnar == rejected
    words = {m for found in rejected.values() for _, m in found}
    assert "offence code 8N is published as 'Violence and sexual offences'" in words
