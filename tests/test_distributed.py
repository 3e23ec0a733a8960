"""The record-batch function runs unchanged under Dask (and Spark, where present)."""

from __future__ import annotations

import shutil
import sys

import pyarrow as pa
import pytest

from svduty.io import POLICE_UK_COLUMNS, Pipeline, normalise_police_uk, read_police_uk
from svduty.io._summary import Tally

from .conftest import MONTHS_DIR, fake_classify_table, fake_resolve_lsoas, fake_within

PIPE = Pipeline(resolve_areas=fake_resolve_lsoas, classify=fake_classify_table, within=fake_within)


def classify_frame(df):
    """The Dask partition function of docs/howto/dask-spark.rst."""
    batch = pa.RecordBatch.from_pandas(df, preserve_index=False)
    return PIPE(normalise_police_uk(batch)).to_pandas()


def test_dask_map_partitions_matches_one_machine():
    dd = pytest.importorskip("dask.dataframe")
    pytest.importorskip("pandas")
    path = sorted(MONTHS_DIR.glob("*.csv"))[-1]
    ddf = dd.read_csv(str(path), dtype=str, keep_default_na=False, blocksize=200_000)
    assert ddf.npartitions > 1
    meta = classify_frame(ddf.head(5, npartitions=1))
    out = ddf.map_partitions(classify_frame, meta=meta).compute(scheduler="synchronous")

    local = Tally()
    for b in read_police_uk(path):
        local.count_in(b.num_rows)
        local.count_out(PIPE(b))
    s = local.summary()
    assert len(out) == s.rows_in
    assert (out["within_area"] == "outside").sum() == s.outside_area
    assert (out["within_area"] == "no_location").sum() == s.unlocated
    assert out["violence"].value_counts().to_dict() == s.verdicts["violence"]
    assert list(out.columns[: len(POLICE_UK_COLUMNS)]) != list(POLICE_UK_COLUMNS)


def test_dask_writes_parquet_with_the_pipelines_schema(tmp_path):
    """The recipe of docs/howto/dask-spark.rst: Arrow-backed partitions, an explicit schema."""
    dd = pytest.importorskip("dask.dataframe")
    pd = pytest.importorskip("pandas")
    pq = pytest.importorskip("pyarrow.parquet")
    path = sorted(MONTHS_DIR.glob("*.csv"))[-1]
    ddf = dd.read_csv(str(path), dtype=str, keep_default_na=False, blocksize=200_000)
    empty = pa.table({c: pa.array([], pa.string()) for c in POLICE_UK_COLUMNS})
    schema = PIPE(normalise_police_uk(empty)).schema

    def classify_arrow(df):
        batch = pa.RecordBatch.from_pandas(df, preserve_index=False)
        return PIPE(normalise_police_uk(batch)).to_pandas(types_mapper=pd.ArrowDtype)

    meta = classify_arrow(ddf.head(5, npartitions=1))
    out = tmp_path / "classified"
    ddf.map_partitions(classify_arrow, meta=meta).to_parquet(
        out, schema=schema, write_index=False, compute_kwargs={"scheduler": "synchronous"}
    )
    written = pq.read_table(out)
    assert written.num_rows == 4586
    assert written.schema == schema
    assert written.schema.field("kinds").type == pa.list_(pa.string())
    kinds = written.column("kinds").to_pylist()
    assert sum(1 for k in kinds if k == ["weapon"]) == 55  # the fake classifier's weapons


# pyspark 4 warns (FutureWarning) that it does not yet fully support pandas 3 whenever
# mapInArrow builds its UDF; the recipe uses no pandas, so only that warning is ignored
@pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas:FutureWarning")
def test_spark_map_in_arrow(monkeypatch):
    if shutil.which("java") is None:
        pytest.skip("Spark needs a Java runtime; none on this machine")
    pytest.importorskip("pyspark", reason="pyspark is not installed")
    from pyspark.sql import SparkSession
    from pyspark.sql.pandas.types import from_arrow_schema

    # the Python workers must be this interpreter (the one svduty is installed in), not
    # whatever 'python3' is first on PATH
    monkeypatch.setenv("PYSPARK_PYTHON", sys.executable)
    spark = SparkSession.builder.master("local[1]").getOrCreate()
    try:
        path = sorted(MONTHS_DIR.glob("*.csv"))[-1]
        frame = spark.read.csv(str(path), header=True)
        empty = pa.table({c: pa.array([], pa.string()) for c in POLICE_UK_COLUMNS})
        schema = from_arrow_schema(PIPE(normalise_police_uk(empty)).schema)

        def run(batches):
            for b in batches:
                yield PIPE(normalise_police_uk(b))

        out = frame.mapInArrow(run, schema)
        assert out.count() == 4586
        assert out.filter(out.within_area == "no_location").count() == 13
    finally:
        spark.stop()
