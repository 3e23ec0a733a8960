"""The memoised route answers every row as the one-incident classifier does (speed52c).

``svduty classify`` of several incident files classifies each combination of the values the
rules read once in a run (the pipeline's memo, kept across batches and files) and spreads
its answers over the rows alike; the rule tree's parts the same in every row are settled
without an Arrow call (``definitions._expr._kleene``, ``_missing_columns._Missing``). Each
row's verdicts, kinds, basis and reasons, and the summary's missing facts, are those
:func:`~svduty.definitions.classify` gives for that incident alone.
"""

from __future__ import annotations

import io
import json
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from svduty import warwickshire
from svduty.cli import main
from svduty.definitions import Incident, classify
from svduty.errors import ConflictError, DataError

from ..definitions.strategies import incident_json

_RESOLVE = warwickshire().geography.district_code_of
ANSWERS = ("violence", "in_scope", "domestic_abuse", "qualifying_homicide", "homicide_review")
_LISTS = ("behaviours", "harms", "context", "other_reviews")  # a list column: row by row


def _hashable(data: dict[str, Any]) -> dict[str, Any]:
    """An incident without list fields, whose rows the memo can remember."""
    return {k: v for k, v in data.items() if k not in _LISTS}


_POOL = st.lists(incident_json().map(_hashable), min_size=1, max_size=4)
_FILES = _POOL.flatmap(
    lambda pool: st.lists(
        st.lists(st.sampled_from(pool), min_size=2, max_size=6), min_size=2, max_size=4
    )
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(files=_FILES)
def test_every_row_of_the_memoised_route_is_the_one_incident_answer(
    files: list[list[dict[str, Any]]],
) -> None:
    expected: dict[tuple[str, int], Any] = {}
    missing: dict[str, Counter[str]] = {a: Counter() for a in ANSWERS}
    with tempfile.TemporaryDirectory() as d:
        paths = []
        for i, rows in enumerate(files):
            path = Path(d) / f"part-{i}.jsonl"
            # a row's own id (not read by the rules): no file is a copy of another
            lines = (json.dumps({**r, "id": f"{i}-{n}"}) + "\n" for n, r in enumerate(rows))
            path.write_text("".join(lines), encoding="utf-8")
            paths.append(str(path))
            for line, data in enumerate(rows, start=1):
                try:
                    c = classify(Incident.from_json(data), resolve_district=_RESOLVE)
                except (ConflictError, DataError):
                    continue  # rejected by the command too
                expected[(path.name, line)] = c
                for a in ANSWERS:
                    if getattr(c, a).value == "undetermined":
                        missing[a][", ".join(sorted(set(c.missing_for(a))))] += 1
        out_path = Path(d) / "out.jsonl"
        out, err = io.StringIO(), io.StringIO()
        argv = ["classify", *paths, "-o", str(out_path), "--definition", "pcsc-s13"]
        assert main([*argv, "--summary", "json"], stdout=out, stderr=err) == 0, err.getvalue()
        summary = json.loads(out.getvalue())
        got = [json.loads(line) for line in out_path.read_text(encoding="utf-8").splitlines()]
    assert len(got) == len(expected)
    for row in got:
        c = expected[(Path(row["file"]).name, row["row"])]
        for a in ANSWERS:
            assert row[a] == getattr(c, a).value, (a, row)
        assert row["reasons"] == [r.rule for r in c.reasons], row
        assert row["kinds"] == list(c.kinds), row
        assert row["basis"] == c.basis, row
    for a in ANSWERS:
        assert dict(summary["undetermined_by_missing"].get(a, {})) == dict(+missing[a]), a
