"""A BI tool's connection: SQLAlchemy + duckdb-engine, read-only on the served file, running the
dashboard's facet queries in a loop while `postings build` publishes a new version. No query fails,
and every poll's results are exactly those of one version, the old or the new one."""

from __future__ import annotations

import re
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy
from sqlalchemy.pool import NullPool

from conftest import Warehouse
from postings.job_page import FACET_QUERIES, SliceQuery, parameters_for
from postings.landing import land
from postings.raw import write_fetch

NEW_BOARD = (
    b'{"jobs": [{"id": 5151515151, "title": "Dashboard Engineer", "location": {"name": "Lisbon, Portugal"},'
    b' "updated_at": "2026-05-22T08:00:00+02:00", "absolute_url": "https://job-boards.greenhouse.io/'
    b'charts/jobs/5151515151", "content": "&lt;p&gt;Charts&lt;/p&gt;", "departments": [], "offices": [],'
    b' "metadata": null}], "meta": {"total": 1}}'
)
# Polls last as long as the build; this only stops a hung build from hanging the suite.
BUILD_TIMEOUT_SECONDS = 900
POLL_INTERVAL_SECONDS = 0.05

Results = dict[str, list[tuple[Any, ...]]]


def sqlalchemy_text(query: SliceQuery) -> sqlalchemy.TextClause:
    """DuckDB's ``$name`` parameters as SQLAlchemy's ``:name``."""
    return sqlalchemy.text(re.sub(r"\$([a-z_]+)", r":\1", query.sql))


def bi_engine(served_db: Path) -> sqlalchemy.Engine:
    # NullPool: a new connection per poll, as a dashboard refresh opens one, so a new version is seen
    return sqlalchemy.create_engine(
        f"duckdb:///{served_db}", connect_args={"read_only": True}, poolclass=NullPool
    )


def poll(engine: sqlalchemy.Engine, params: dict[str, Any]) -> tuple[str, Results]:
    """Every dashboard query on one connection; the build_id it saw."""
    with engine.connect() as connection:
        results = {
            query.name: [
                tuple(row)
                for row in connection.execute(sqlalchemy_text(query), parameters_for(query, params))
            ]
            for query in FACET_QUERIES
        }
    [(build_id, *_rest)] = results["Build"]
    return build_id, results


def busiest_company(engine: sqlalchemy.Engine) -> str:
    with engine.connect() as connection:
        return connection.execute(
            sqlalchemy.text(
                "select company_id from dim_companies order by active_jobs desc, company_id limit 1"
            )
        ).scalar_one()


def test_bi_queries_see_one_consistent_version_while_a_build_publishes(
    warehouse_copy: Warehouse, tmp_path: Path
) -> None:
    paths = warehouse_copy.paths
    sidecar = {"status": "ok", "http_status": 200, "error": None, "duration_ms": 5, "requests": 1}
    fetched_at = datetime(2026, 5, 22, 6, 0, tzinfo=UTC)
    write_fetch(paths.raw, "greenhouse", "charts", fetched_at, NEW_BOARD, ".json", sidecar)
    assert land(paths).fetches_landed == 1

    engine = bi_engine(paths.served_db)
    params = {"company_id": busiest_company(engine)}
    old_id, old_results = poll(engine, params)

    log = (tmp_path / "build.log").open("w")
    command = [
        *(sys.executable, "-c", "import sys; from postings.cli import main; sys.exit(main())"),
        *("--data-dir", str(paths.root), "build"),
    ]
    build = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
    polls: list[tuple[str, Results]] = []
    started = time.monotonic()
    try:
        while True:
            polls.append(poll(engine, params))
            try:
                # between polls, wait on the build (returns the moment it ends): a dashboard refreshes
                # often, but leaves the 2 cores to the build
                build.wait(timeout=POLL_INTERVAL_SECONDS)
                break
            except subprocess.TimeoutExpired:
                assert time.monotonic() - started < BUILD_TIMEOUT_SECONDS, "the build hung"
    finally:
        if build.poll() is None:
            build.kill()
            build.wait()
        log.close()
    assert build.returncode == 0, (tmp_path / "build.log").read_text()[-3000:]

    new_id, new_results = poll(engine, params)
    assert new_id != old_id
    [(_, _, old_jobs, _)] = old_results["Build"]
    [(_, _, new_jobs, _)] = new_results["Build"]
    assert new_jobs == old_jobs + 1  # the new board's job
    expected = {old_id: old_results, new_id: new_results}
    assert polls, "the build ended before the first poll"
    for build_id, results in polls:
        assert build_id in expected, f"a poll saw an unknown version {build_id}"
        assert results == expected[build_id], f"a poll of {build_id} mixed versions"


def test_the_bi_connection_is_read_only_and_shows_the_documentation(sample_warehouse: Warehouse) -> None:
    engine = bi_engine(sample_warehouse.paths.served_db)
    inspector = sqlalchemy.inspect(engine)
    assert inspector.get_table_comment("mart_job_search")["text"].startswith("One row per job")
    comments = {
        column["name"]: column["comment"] for column in inspector.get_columns("mart_daily_job_counts")
    }
    assert all(comments.values()) and "active_jobs" in comments
    with engine.connect() as connection, pytest.raises(sqlalchemy.exc.DBAPIError, match="read-only"):
        connection.execute(sqlalchemy.text("create table scribble (x integer)"))
