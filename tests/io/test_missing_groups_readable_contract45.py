"""The summary's missing-fact groups say the facts every group misses once (contract45).

For a police.uk month each group of ``undetermined_by_missing`` listed the nine to
fourteen facts police.uk rows never carry: groups differing by one word at the end of a
150-character line. The text now names the common facts once and each group by the rest;
the JSON adds them (``undetermined_missing_in_every_group``) and keeps every key. The
counts, and their sum, are unchanged.
"""

from __future__ import annotations

import io
import json

from hypothesis import given
from hypothesis import strategies as st

from svduty.cli import main
from svduty.io import sample_police_uk
from svduty.io._summary import Summary
from svduty.io._summary_counts import besides, in_every_group

_FACTS = ["behaviours", "died", "harms", "intentional", "target", "victim_age", "weapon"]
_groups = st.dictionaries(
    st.lists(st.sampled_from(_FACTS), unique=True).map(lambda f: ", ".join(sorted(f))),
    st.integers(1, 10_000),
    max_size=6,
)


@given(_groups)
def test_the_groups_by_the_rest_keep_every_count_and_their_sum(counts):
    common = in_every_group(counts)
    rest = besides(counts, common)
    assert sum(rest.values()) == sum(counts.values())
    assert sorted(rest.values()) == sorted(counts.values())  # no group merged with another
    for (key, n), (other, m) in zip(counts.items(), rest.items(), strict=True):
        facts = set(key.split(", ")) if key else set()
        assert set(common) <= facts
        assert n == m
        assert (set(other.split(", ")) if other else set()) | set(common) == facts


def test_a_police_uk_month_names_the_common_facts_once():
    summary = Summary(
        rows_in=10,
        rows_out=10,
        rejected=0,
        verdicts={"violence": {"undetermined": 10}},
        undetermined_by_missing={"violence": {"died, harms, intentional": 6, "died, harms": 4}},
    )
    text = summary.to_text()
    assert (
        "violence undetermined: every row misses died, harms; by the other facts missing:" in text
    )
    assert any(line.split() == ["intentional", "6"] for line in text.splitlines())
    assert any(line.split() == ["(none", "other)", "4"] for line in text.splitlines())
    data = summary.to_json()
    assert data["undetermined_by_missing"] == {
        "violence": {"died, harms": 4, "died, harms, intentional": 6}
    }
    assert data["undetermined_missing_in_every_group"] == {"violence": ["died", "harms"]}


def test_the_command_s_summary_of_the_sample_month(tmp_path):
    out = io.StringIO()
    month = str(sample_police_uk())
    code = main(["classify", month, "-o", str(tmp_path / "o.csv"), "--summary", "json"], stdout=out)
    assert code == 0
    data = json.loads(out.getvalue())
    for column, common in data["undetermined_missing_in_every_group"].items():
        groups = data["undetermined_by_missing"][column]
        assert common
        assert all(set(common) <= set(k.split(", ")) for k in groups)
