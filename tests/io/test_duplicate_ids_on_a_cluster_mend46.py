"""Duplicate incident ids where batches are classified apart (Dask, Spark): documented (mend46).

``svduty classify`` warns ``INCIDENT-ID-DUPLICATE`` (``mend45``); a pipeline mapped over a
cluster's partitions, or :func:`svduty.io.classify_batches`, keeps no state between batches
and cannot count ids across them, which nothing said. The Dask and Spark guide and
``classify_batches`` now say so and give the count as a reduction over the output; this
checks that the reduction is the summary's number, however the rows are split in batches.
"""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
from hypothesis import given, settings
from hypothesis import strategies as st

import svduty
from svduty.io import classify_batches, default_pipeline, iter_incidents, run_pipeline

DOCS = Path(__file__).parents[2] / "docs" / "howto" / "dask-spark.rst"


def _cluster_count(table: pa.Table) -> int:
    """The guide's reduction: usable rows with an id, less their distinct ids."""
    frame = table.select(["rejected", "id"]).to_pandas()
    usable = frame[frame["rejected"].isna() & frame["id"].notna()]
    return len(usable) - int(usable["id"].nunique())


@settings(max_examples=10, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.fixed_dictionaries({"id": st.sampled_from(["a", "b", "c", "7"])}),
            st.just({}),  # no id: counted nowhere
            st.just({"id": "a", "victim_age": 200}),  # rejected: counted nowhere
        ),
        min_size=1,
        max_size=20,
    ),
    st.integers(1, 5),
)
def test_the_documented_reduction_is_the_summarys_count(
    tmp_path_factory: object, records: list[dict[str, object]], size: int
) -> None:
    folder = tmp_path_factory.mktemp("dup")  # type: ignore[attr-defined]
    src = folder / "in.jsonl"
    src.write_text("".join(json.dumps({**r, "offence_code": "8N"}) + "\n" for r in records))
    pipeline = default_pipeline(svduty.warwickshire())
    whole = pa.Table.from_batches(list(iter_incidents([src])))
    parts = [whole.slice(i, size) for i in range(0, whole.num_rows, size)]  # the partitions
    summary = run_pipeline(iter(parts), pipeline)
    said = summary.warnings.get("INCIDENT-ID-DUPLICATE", 0)
    mapped = pa.concat_tables(pipeline(p) for p in parts)  # as map_partitions / mapInArrow
    assert _cluster_count(mapped) == said
    batches = classify_batches(
        (b for p in parts for b in p.to_batches()),
        resolve_areas=pipeline.resolve_areas,
        classify=pipeline.classify,
        within=pipeline.within,
        reject=pipeline.reject,
        split=pipeline.split,
    )
    assert _cluster_count(pa.Table.from_batches(list(batches))) == said


def test_the_guide_and_classify_batches_say_duplicates_are_not_counted_per_batch() -> None:
    guide = DOCS.read_text(encoding="utf-8")
    assert "INCIDENT-ID-DUPLICATE" in guide
    assert 'len(usable) - usable["id"].nunique()' in guide
    assert "INCIDENT-ID-DUPLICATE" in (classify_batches.__doc__ or "")
