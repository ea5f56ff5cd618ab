"""The same dbt project on Apache Spark (`make test-spark`; pyspark from the `spark` extra, Java 17).

One module build: the default sample (what `make build` makes) landed once, built on DuckDB and on
Spark (`postings build --target spark`: every seed, model, unit test and data test). The Spark tables
are read back from their Parquet files with DuckDB and compared with the generator's ground truth and
with the DuckDB build of the same landing. Not part of `make test` (marker `spark`).
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb
import pytest

from postings.cli import main as postings
from postings.comparison import comparable_tables
from postings.paths import DATA_DIR_ENV, DataPaths

pytestmark = pytest.mark.spark

# the Spark schema of the marts: profiles.yml's spark target schema (DuckDB's is main)
SPARK_MARTS_SCHEMA = "job_postings"


def _cli(paths: DataPaths, *args: str) -> None:
    previous = os.environ.get(DATA_DIR_ENV)
    try:
        assert postings(["--data-dir", str(paths.root), *args]) == 0, f"postings {' '.join(args)} failed"
    finally:
        if previous is None:
            os.environ.pop(DATA_DIR_ENV, None)
        else:
            os.environ[DATA_DIR_ENV] = previous


class SparkTables:
    """Read-only access to the Spark build's tables through their Parquet files."""

    def __init__(self, paths: DataPaths) -> None:
        self.paths = paths
        self.root = paths.spark_warehouse / "tables"

    def location(self, schema: str, table: str) -> Path:
        return self.root / f"{schema}.db" / table

    def query(self, sql: str, **tables: tuple[str, str]) -> list[tuple[Any, ...]]:
        """Run ``sql`` with each keyword bound to a view over that (schema, table) of the Spark build."""
        connection = duckdb.connect()
        try:
            for name, (schema, table) in tables.items():
                folder = self.location(schema, table)
                connection.execute(f"create view {name} as select * from read_parquet('{folder}/*.parquet')")
            return connection.execute(sql).fetchall()
        finally:
            connection.close()


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[DataPaths, SparkTables]]:
    paths = DataPaths(tmp_path_factory.mktemp("spark") / "data")
    _cli(paths, "sample")
    _cli(paths, "land")
    _cli(paths, "build")
    _cli(paths, "build", "--target", "spark")
    yield paths, SparkTables(paths)


def _iso(moment: datetime) -> str:
    return moment.replace(tzinfo=UTC).strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def _served(paths: DataPaths, sql: str) -> list[tuple[Any, ...]]:
    connection = duckdb.connect(str(paths.served_db), read_only=True)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


def test_spark_events_match_the_generator_ground_truth_exactly(built: tuple[DataPaths, SparkTables]) -> None:
    paths, spark = built
    rows = spark.query(
        "select events.job_id, events.event_type, events.event_at from events inner join jobs using (job_id)",
        events=(SPARK_MARTS_SCHEMA, "fct_job_lifecycle_events"),
        jobs=(SPARK_MARTS_SCHEMA, "dim_jobs"),
    )
    actual = sorted((job_id, event_type, _iso(event_at)) for job_id, event_type, event_at in rows)
    with (paths.sample / "ground_truth_events.csv").open(newline="") as handle:
        expected = sorted(
            (row["job_id"], row["event_type"], row["event_at"]) for row in csv.DictReader(handle)
        )
    missing = sorted(set(expected) - set(actual))
    extra = sorted(set(actual) - set(expected))
    assert not missing and not extra, f"missing {missing[:10]} extra {extra[:10]}"
    assert actual == expected


def test_spark_builds_every_mart_with_the_rows_duckdb_builds(built: tuple[DataPaths, SparkTables]) -> None:
    """Every table of the served file's marts schema exists on Spark with the same rows (the build's
    own identity left out, postings.comparison)."""
    paths, spark = built
    connection = duckdb.connect(str(paths.served_db), read_only=True)
    try:
        tables = comparable_tables(connection)
        differences = {}
        for _schema, name, columns in tables:
            listed = ", ".join(f'"{column}"' for column in columns)
            ours = connection.execute(f'select {listed} from main."{name}"').fetchall()
            theirs = spark.query(f"select {listed} from t", t=(SPARK_MARTS_SCHEMA, name))
            missing, extra = _multiset_difference(ours, theirs)
            if missing or extra:
                differences[name] = {"only on duckdb": missing[:3], "only on spark": extra[:3]}
    finally:
        connection.close()
    assert tables, "the served file has marts"
    assert not differences, differences


def _multiset_difference(
    ours: list[tuple[Any, ...]], theirs: list[tuple[Any, ...]]
) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    from collections import Counter

    left, right = Counter(map(_normalized, ours)), Counter(map(_normalized, theirs))
    return sorted((left - right).elements(), key=repr), sorted((right - left).elements(), key=repr)


def _normalized(row: tuple[Any, ...]) -> tuple[Any, ...]:
    """Values as both engines can agree on them: fractions to 9 significant digits, lists and structs
    as their Python values (DuckDB reads Spark's Parquet lists and structs back as lists and dicts),
    JSON text as the values it holds."""
    return tuple(_value(value) for value in row)


def _value(value: Any) -> Any:
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() and abs(value) < 2**53 else float(f"{value:.9g}")
    if isinstance(value, str) and value[:1] in ("{", "["):
        # JSON text (provider_fields): the same values, whatever the number spelling (Spark's VARIANT
        # writes 182000.0 as 182000)
        try:
            return ("json", _value(json.loads(value)))
        except ValueError:
            return value
    if isinstance(value, list):
        return tuple(_value(item) for item in value)
    if isinstance(value, dict):
        return tuple(sorted((key, _value(item)) for key, item in value.items()))
    return value
