"""The lifecycle guarantees, each proven on hand-built raw histories (tests/python/lifecycle_history.py).

Nine tiny boards over nine days (day 2: the crawler is down, every fetch fails), written with
``write_fetch``, landed and built through the CLI once per module; the tests read the published file.
Separate small data dirs prove that landing and building again, and daily runs with days landing
late, give the same marts as one full refresh.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import duckdb
import pytest

from lifecycle_history import (
    DAYS,
    OUTAGE_DAY,
    START,
    VOLATILE_CASES,
    FixtureBoard,
    VolatileCase,
    history,
    observations,
    write_days,
)
from postings.build import run_dbt
from postings.cli import main as postings
from postings.comparison import dump_tables
from postings.paths import DATA_DIR_ENV, DataPaths
from postings.sample.oracle import LifecycleParams, ground_truth, ground_truth_jobs, job_id

CLOSE_ONCE_VARS = {"close_after_missing_fetches": 1, "repost_window_days": 2}


@contextmanager
def _restored_environment() -> Iterator[None]:
    """dbt runs in-process and sets POSTINGS_DATA_DIR; keep the session's value for other tests."""
    previous = os.environ.get(DATA_DIR_ENV)
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop(DATA_DIR_ENV, None)
        else:
            os.environ[DATA_DIR_ENV] = previous


def cli(paths: DataPaths, *args: str) -> None:
    with _restored_environment():
        assert postings(["--data-dir", str(paths.root), *args]) == 0, f"postings {' '.join(args)} failed"


def dump_marts(database: Path, schemas: tuple[str, ...] = ("main",)) -> dict[str, list[tuple[Any, ...]]]:
    """Every table of the served file's schemas (default: the marts), rows sorted, minus each build's
    own identity (postings.comparison)."""
    return dump_tables(database, schemas)


EVERY_LAYER = ("main", "intermediate", "staging")


@dataclass(frozen=True)
class Built:
    paths: DataPaths
    boards: list[FixtureBoard]

    def query(self, sql: str, params: list[object] | None = None) -> list[tuple[Any, ...]]:
        connection = duckdb.connect(str(self.paths.served_db), read_only=True)
        try:
            return connection.execute(sql, params or []).fetchall()
        finally:
            connection.close()

    def events(self, board: str, key: str) -> list[tuple[str, int]]:
        """(event_type, fetch day) of one job, in time order."""
        rows = self.query(
            """
            select events.event_type, events.event_at
            from fct_job_lifecycle_events as events
            inner join dim_jobs as jobs using (job_id)
            where jobs.board = ? and jobs.provider_job_key = ?
            order by events.event_at, events.event_type
            """,
            [board, key],
        )
        return [(kind, day_of(at)) for kind, at in rows]

    def job(self, board: str, key: str, *columns: str) -> tuple[Any, ...]:
        [row] = self.query(
            f"select {', '.join(columns)} from dim_jobs where board = ? and provider_job_key = ?",
            [board, key],
        )
        return row

    def fetches(self, board: str) -> list[tuple[Any, ...]]:
        """(day, is_ok, is_complete, is_collapse, is_collapse_accepted, is_healthy, unhealthy_reason)."""
        rows = self.query(
            """
            select
                fetched_at, is_ok, is_complete, is_collapse, is_collapse_accepted, is_healthy,
                unhealthy_reason
            from fct_board_fetches where board = ? order by fetched_at
            """,
            [board],
        )
        return [(day_of(at), *rest) for at, *rest in rows]

    def healthy_days(self, board: str) -> list[int]:
        return [day for day, *_flags, healthy, _reason in self.fetches(board) if healthy]


def day_of(moment: datetime) -> int:
    return (moment - START.replace(tzinfo=None)).days


def _build_history(root: Path, *build_args: str) -> Built:
    paths = DataPaths(root)
    boards = history()
    write_days(paths, boards, range(DAYS))
    cli(paths, "land")
    cli(paths, "build", "--full-refresh", *build_args)
    return Built(paths, boards)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The history landed at once and built once (default vars)."""
    return _build_history(tmp_path_factory.mktemp("history") / "data")


@pytest.fixture(scope="module")
def built_close_once(built: Built, tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The same landed history built with close_after_missing_fetches 1 and a 2-day repost window."""
    root = tmp_path_factory.mktemp("history-close-once") / "data"
    shutil.copytree(built.paths.root, root, ignore=shutil.ignore_patterns(".postings.lock", "warehouse"))
    paths = DataPaths(root)
    cli(paths, "build", "--vars", json.dumps(CLOSE_ONCE_VARS))
    return Built(paths, built.boards)


# --- outages and broken bodies close nothing ---------------------------------------------------------


def test_a_day_where_every_fetch_failed_closes_nothing(built: Built) -> None:
    outage = [
        row
        for row in built.query("select fetched_at, is_healthy, unhealthy_reason from fct_board_fetches")
        if day_of(row[0]) == OUTAGE_DAY
    ]
    assert len(outage) == len(built.boards)
    assert {(healthy, reason) for _at, healthy, reason in outage} == {(False, "failed: network_error")}
    closes = built.query("select event_at from fct_job_lifecycle_events where event_type = 'close'")
    assert closes and OUTAGE_DAY not in {day_of(at) for (at,) in closes}
    # the job that really left during the outage closes at the next healthy fetch, last seen before it
    assert built.events("gh-steady", "1007") == [("open", 0), ("close", 3)]
    last_seen, inactive = built.job("gh-steady", "1007", "last_seen_at", "inactive_at")
    assert (day_of(last_seen), day_of(inactive)) == (1, 3)
    # jobs seen before and after the outage: no events at all
    for key in ("1004", "1005", "1006"):
        assert built.events("gh-steady", key) == [("open", 0)]


def test_an_empty_body_closes_nothing_and_defers_a_real_close(built: Built) -> None:
    day, is_ok, complete, collapse, accepted, healthy, reason = built.fetches("gh-empty")[4]
    assert (day, is_ok, complete, collapse, accepted, healthy) == (4, True, True, True, False, False)
    assert reason.startswith("collapse:")
    for key in ("2001", "2005"):
        assert built.events("gh-empty", key) == [("open", 0)]
    assert built.events("gh-empty", "2006") == [("open", 0), ("close", 5)]


def test_a_truncated_body_closes_nothing_and_defers_a_real_close(built: Built) -> None:
    day, is_ok, _complete, _collapse, _accepted, healthy, reason = built.fetches("lv-truncated")[4]
    assert (day, is_ok, healthy, reason) == (4, False, False, "failed: parse_error")
    for key in ("lv-t1", "lv-t5"):
        assert built.events("lv-truncated", key) == [("open", 0)]
    assert built.events("lv-truncated", "lv-t6") == [("open", 0), ("close", 5)]


def test_incomplete_bodies_close_nothing(built: Built) -> None:
    fetches = {day: (healthy, reason) for day, *_flags, healthy, reason in built.fetches("gh-incomplete")}
    assert fetches[4] == (False, "incomplete: fewer postings than the provider reported")
    assert fetches[5] == (False, "incomplete: the fetcher missed pages or details")
    for number in range(1, 7):
        assert built.events("gh-incomplete", f"400{number}") == [("open", 0)]


# --- real shrinks -----------------------------------------------------------------------------------


def test_a_board_that_really_shrank_closes_those_jobs_on_the_day_it_shrank(built: Built) -> None:
    fetches = built.fetches("lv-shrink")
    assert [day for day, _ok, _c, collapse, accepted, *_ in fetches if collapse and accepted] == [4, 5, 6, 7]
    assert built.healthy_days("lv-shrink") == [0, 1, 3, 4, 5, 6, 7, 8]
    for number in range(4, 11):
        assert built.events("lv-shrink", f"lv-s{number}") == [("open", 0), ("close", 4)]
        assert day_of(built.job("lv-shrink", f"lv-s{number}", "last_seen_at")[0]) == 3
    for number in range(1, 4):
        assert built.events("lv-shrink", f"lv-s{number}") == [("open", 0)]


def test_empty_bodies_right_after_a_real_shrink_close_nothing(built: Built) -> None:
    """The shrink on day 4 is accepted; the empty bodies of days 5 and 6 are dips below it, not part
    of it; day 7 waits for more fetches; the 3 jobs that stayed are never closed."""
    assert built.healthy_days("gh-shrink-outage") == [0, 1, 3, 4, 8]
    for number in range(4, 11):
        assert built.events("gh-shrink-outage", f"600{number}") == [("open", 0), ("close", 4)]
    for number in range(1, 4):
        assert built.events("gh-shrink-outage", f"600{number}") == [("open", 0)]


# --- the close var -----------------------------------------------------------------------------------


def test_a_job_missing_from_one_healthy_fetch_follows_the_close_var(
    built: Built, built_close_once: Built
) -> None:
    # default (close after 2 healthy fetches without the job): one missing fetch is no close
    assert built.events("gh-flicker", "7001") == [("open", 0)]
    assert built.events("gh-flicker", "7003") == [("open", 0)]  # missed day 1; day 2 failed: one healthy miss
    assert built.events("gh-flicker", "7002") == [("open", 0), ("close", 3), ("reopen", 5)]
    # close after 1: each missing healthy fetch closes, the next sighting reopens
    assert built_close_once.events("gh-flicker", "7001") == [("open", 0), ("close", 4), ("reopen", 5)]
    assert built_close_once.events("gh-flicker", "7003") == [("open", 0), ("close", 1), ("reopen", 3)]
    assert built_close_once.events("gh-flicker", "7002") == [("open", 0), ("close", 3), ("reopen", 5)]


# --- updates -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("case", VOLATILE_CASES, ids=lambda c: f"{c.provider}-{c.volatile_field}")
def test_a_changed_volatile_field_is_no_update(built: Built, case: VolatileCase) -> None:
    raw_versions = built.query(
        "select count(distinct source_hash) from intermediate.int_job_sightings_joined where job_id = ?",
        [job_id(case.provider, case.board, case.key)],
    )
    assert raw_versions[0][0] > 1, f"the fixture changes {case.volatile_field} between fetches"
    assert built.events(case.board, case.key) == [("open", 0)]


def field_changes(built: Built, board: str, key: str) -> list[tuple[Any, ...]]:
    rows = built.query(
        """
        select changes.event_type, changes.event_at, changes.field_name, changes.value_before,
            changes.value_after, changes.is_value_hashed
        from fct_job_field_changes as changes
        inner join dim_jobs as jobs using (job_id)
        where jobs.board = ? and jobs.provider_job_key = ?
        order by changes.event_at, changes.field_name
        """,
        [board, key],
    )
    return [(kind, day_of(at), *rest) for kind, at, *rest in rows]


def test_field_changes_one_row_per_changed_field(built: Built) -> None:
    c1 = field_changes(built, "lv-changes", "c1")
    assert [row for row in c1 if row[2] != "description"] == [
        ("update", 3, "salary_max", "80000.0", "85000.0", False),
        ("update", 3, "salary_min", "60000.0", "65000.0", False),
        ("update", 4, "employment_type", "Full-time", "Contract", False),
        ("update", 4, "workplace_type", "onsite", "hybrid", False),
        ("update", 6, "salary_currency", "EUR", "USD", False),
        ("update", 6, "salary_period", "per-year-salary", "per-month-salary", False),
        ("update", 6, "team", "Platform", "Core", False),
    ]
    [(kind, day, _name, before, after, hashed)] = [row for row in c1 if row[2] == "description"]
    assert (kind, day, hashed) == ("update", 5, True)
    assert len(before) == len(after) == 64 and before != after  # sha256 hex, not the texts
    lengths = built.query(
        "select value_before_length, value_after_length from fct_job_field_changes "
        "where field_name = 'description'"
    )
    assert lengths == [(len("Build APIs."), len("Build and operate APIs."))]
    assert field_changes(built, "lv-changes", "c2") == [
        ("reopen", 5, "title", "Frontend Engineer", "Senior Frontend Engineer", False)
    ]
    assert field_changes(built, "gh-steady", "1002") == [
        ("update", 4, "title", "Data Engineer", "Senior Data Engineer", False)
    ]
    assert field_changes(built, "gh-steady", "1003") == [
        ("update", 5, "department", "Product", "Product Management", False),
        ("update", 5, "locations", "Berlin", "Munich", False),
    ]
    changed = built.query(
        """
        select events.event_at, events.changed_fields from fct_job_lifecycle_events as events
        inner join dim_jobs as jobs using (job_id)
        where jobs.board = 'lv-changes' and jobs.provider_job_key = 'c1' and events.event_type = 'update'
        order by 1
        """
    )
    assert [fields for _at, fields in changed] == [
        ["salary_min", "salary_max"],
        ["employment_type", "workplace_type"],
        ["description"],
        ["team", "salary_currency", "salary_period"],
    ]


# --- time open, censoring, reposts ----------------------------------------------------------------------


def test_days_open_and_censoring(built: Built) -> None:
    columns = ("days_open", "is_left_censored", "is_right_censored", "status")
    assert built.job("gh-steady", "1001", *columns) == (8.0, True, True, "active")
    assert built.job("gh-steady", "1007", *columns) == (3.0, True, False, "inactive")
    assert built.job("gh-steady", "1008", *columns) == (5.0, False, True, "active")
    assert built.job("gh-flicker", "7002", *columns) == (6.0, True, True, "active")  # 0 -> 3, then 5 -> 8


def test_reposts_and_lineages(built: Built, built_close_once: Built) -> None:
    def ids(*keys: str) -> list[str | None]:
        return [job_id("lever", "lv-reposts", key) if key else None for key in keys]

    columns = ("repost_of_job_id", "lineage_id", "repost_number", "lineage_repost_count", "lineage_days_open")
    assert built.job("lv-reposts", "r1", *columns) == (None, *ids("r1"), 0, 2, 6.0)
    assert built.job("lv-reposts", "r2", *columns) == (*ids("r1", "r1"), 1, 2, 6.0)
    assert built.job("lv-reposts", "r3", *columns) == (*ids("r2", "r1"), 2, 2, 6.0)
    assert built.job("lv-reposts", "x2", *columns) == (*ids("x1", "x1"), 1, 1, 3.0)
    for key in ("n2", "o2", "o1"):
        assert built.job("lv-reposts", key, "repost_of_job_id", "lineage_repost_count") == (None, 0)
    # a 2-day window (and closes after one missing fetch) keeps r1 -> r2 -> r3 but not x1 -> x2
    assert built_close_once.job("lv-reposts", "r3", "repost_of_job_id")[0] == ids("r2")[0]
    assert built_close_once.job("lv-reposts", "x2", "repost_of_job_id") == (None,)


# --- the oracle agrees --------------------------------------------------------------------------------


@pytest.mark.parametrize("variant", ["default", "close_once"])
def test_the_warehouse_matches_the_oracle_on_the_history(
    built: Built, built_close_once: Built, variant: str
) -> None:
    warehouse, params = (
        (built, LifecycleParams())
        if variant == "default"
        else (built_close_once, LifecycleParams(**CLOSE_ONCE_VARS))
    )
    observed = observations(warehouse.boards)
    expected_events = sorted(
        (e.job_id, e.event_type, e.event_at.replace(tzinfo=None)) for e in ground_truth(observed, params)
    )
    actual_events = sorted(
        warehouse.query("select job_id, event_type, event_at from fct_job_lifecycle_events")
    )
    assert actual_events == expected_events
    columns = (
        "status",
        "days_open",
        "is_left_censored",
        "is_right_censored",
        "repost_of_job_id",
        "lineage_id",
    )
    columns += ("repost_number", "lineage_repost_count", "lineage_days_open")
    expected_jobs = sorted(
        (j.job_id, *(getattr(j, c) for c in columns)) for j in ground_truth_jobs(observed, params)
    )
    actual_jobs = sorted(warehouse.query(f"select job_id, {', '.join(columns)} from dim_jobs"))
    assert actual_jobs == expected_jobs


# --- same input, same marts ---------------------------------------------------------------------------------


def test_landing_and_building_again_changes_nothing(built: Built, tmp_path: Path) -> None:
    paths = DataPaths(tmp_path / "data")
    shutil.copytree(built.paths.root, paths.root, ignore=shutil.ignore_patterns(".postings.lock"))
    before = dump_marts(paths.served_db)
    write_days(paths, built.boards, range(DAYS))  # the same raw files again (same names, same bytes)
    cli(paths, "run")  # lands nothing new, builds again
    assert dump_marts(paths.served_db) == before


def test_daily_runs_with_days_landing_late_equal_one_full_refresh(built: Built, tmp_path: Path) -> None:
    """The scheduled job day by day (land, then build), with days 2 and 6 arriving late (after days 3
    and 7 were built): the marts end equal to one full refresh of every day landed in order.

    The daily builds run the models only (``dbt run``; the reference seeds enrichment joins are loaded
    once, before the first day); the last day is a full ``postings run`` (land, build with every test,
    publish)."""
    paths = DataPaths(tmp_path / "data")
    order = [0, 1, 3, 2, 4, 5, 7, 6, 8]
    with _restored_environment():  # the enrichment models read the reference seeds
        assert run_dbt(paths, "seed").success
    for day in order[:-1]:
        write_days(paths, built.boards, [day])
        cli(paths, "land")
        with _restored_environment():
            if day == 5:  # a build that stopped after the sightings: the next one adds nothing twice
                partial = ["--select", "int_fetches_changed", "int_job_sightings_joined"]
                assert run_dbt(paths, "run", partial).success
            assert run_dbt(paths, "run").success, f"dbt run failed after day {day}"
    write_days(paths, built.boards, order[-1:])
    cli(paths, "run")
    assert dump_marts(paths.served_db) == dump_marts(built.paths.served_db)
    # every layer (landing metadata differs from `built`'s: a late day's payloads were first landed later)
    incremental = dump_marts(paths.served_db, EVERY_LAYER)
    # a full refresh of the same data dir rebuilds exactly what the incremental runs built
    cli(paths, "build", "--full-refresh")
    assert dump_marts(paths.served_db, EVERY_LAYER) == incremental


def test_an_incremental_build_with_other_lifecycle_vars_equals_a_full_refresh_with_them(
    built: Built, built_close_once: Built, tmp_path: Path
) -> None:
    """Changing a lifecycle var between two incremental builds recomputes every board's events."""
    paths = DataPaths(tmp_path / "data")
    shutil.copytree(built.paths.root, paths.root, ignore=shutil.ignore_patterns(".postings.lock"))
    cli(paths, "build", "--vars", json.dumps(CLOSE_ONCE_VARS))
    assert dump_marts(paths.served_db, EVERY_LAYER) == dump_marts(
        built_close_once.paths.served_db, EVERY_LAYER
    )
