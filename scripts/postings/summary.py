"""The summary `postings build` / `postings run` print from the served file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb

EXAMPLE_QUERY = "select event_type, count(*) as events from fct_job_lifecycle_events group by all order by 1"


@dataclass(frozen=True)
class WarehouseSummary:
    boards: int
    jobs: int
    active_jobs: int
    events_by_type: dict[str, int]
    jobs_by_provider: dict[str, int]


def read_summary(served_db: Path) -> WarehouseSummary:
    connection = duckdb.connect(str(served_db), read_only=True)
    try:
        boards, jobs, active = connection.execute(
            """
            select
                (select count(distinct source_id) from fct_board_fetches),
                count(*),
                count(*) filter (where is_active)
            from dim_jobs
            """
        ).fetchone()
        events = dict(
            connection.execute(
                "select event_type, count(*) from fct_job_lifecycle_events group by all order by 1"
            ).fetchall()
        )
        providers = dict(
            connection.execute("select provider, count(*) from dim_jobs group by all order by 1").fetchall()
        )
    finally:
        connection.close()
    return WarehouseSummary(boards, jobs, active, events, providers)


def format_summary(summary: WarehouseSummary, served_db: Path) -> str:
    events = ", ".join(f"{kind} {count}" for kind, count in summary.events_by_type.items()) or "none"
    providers = ", ".join(f"{name} {count}" for name, count in summary.jobs_by_provider.items()) or "none"
    return "\n".join(
        [
            f"boards: {summary.boards}   jobs: {summary.jobs}   active jobs: {summary.active_jobs}",
            f"jobs by provider: {providers}",
            f"events: {events}",
            f"served file: {served_db}",
            "query it (read-only):",
            f'  .venv/bin/duckdb -readonly {served_db} "{EXAMPLE_QUERY}"',
        ]
    )
