"""The summary `postings build` / `postings run` print from the served file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb

EXAMPLE_QUERY = "select event_type, count(*) as events from fct_job_lifecycle_events group by all order by 1"


# (column of fct_enrichment_coverage, heading): the shares the build summary prints per provider.
COVERAGE_COLUMNS = (
    ("country_share", "country"),
    ("salary_share", "salary"),
    ("seniority_share", "seniority"),
    ("work_model_share", "work model"),
    ("employment_type_share", "employment"),
    ("language_share", "language"),
)


@dataclass(frozen=True)
class ProviderCoverage:
    """Shares (0-1) of one provider's jobs that enrichment filled, in COVERAGE_COLUMNS order."""

    provider: str
    jobs: int
    shares: tuple[float, ...]


@dataclass(frozen=True)
class WarehouseSummary:
    boards: int
    jobs: int
    active_jobs: int
    events_by_type: dict[str, int]
    jobs_by_provider: dict[str, int]
    coverage: tuple[ProviderCoverage, ...] = ()


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
        columns = ", ".join(column for column, _heading in COVERAGE_COLUMNS)
        coverage = tuple(
            ProviderCoverage(provider, count, tuple(shares))
            for provider, count, *shares in connection.execute(
                f"select provider, jobs, {columns} from fct_enrichment_coverage order by provider"
            ).fetchall()
        )
    finally:
        connection.close()
    return WarehouseSummary(boards, jobs, active, events, providers, coverage)


def format_coverage(coverage: tuple[ProviderCoverage, ...]) -> list[str]:
    """The coverage table: one line per provider, the share of its jobs with each enriched field."""
    if not coverage:
        return []
    headings = [heading for _column, heading in COVERAGE_COLUMNS]
    width = max(len("provider"), *(len(row.provider) for row in coverage))
    lines = [
        "enrichment coverage (share of jobs with a ...):",
        "  " + "provider".ljust(width) + "   jobs  " + "  ".join(f"{h:>10}" for h in headings),
    ]
    for row in coverage:
        shares = "  ".join(f"{share:>10.0%}" for share in row.shares)
        lines.append(f"  {row.provider.ljust(width)} {row.jobs:>6}  {shares}")
    return lines


def format_summary(summary: WarehouseSummary, served_db: Path) -> str:
    events = ", ".join(f"{kind} {count}" for kind, count in summary.events_by_type.items()) or "none"
    providers = ", ".join(f"{name} {count}" for name, count in summary.jobs_by_provider.items()) or "none"
    return "\n".join(
        [
            f"boards: {summary.boards}   jobs: {summary.jobs}   active jobs: {summary.active_jobs}",
            f"jobs by provider: {providers}",
            f"events: {events}",
            *format_coverage(summary.coverage),
            f"served file: {served_db}",
            "query it (read-only):",
            f'  .venv/bin/duckdb -readonly {served_db} "{EXAMPLE_QUERY}"',
        ]
    )
